import { describe, expect, it } from 'vitest';
import { citeMention } from '@/lib/annotations/cite-mention';
import { parseClaimSetText } from '@/lib/claims/parse-claim-set-text';
import { plainClaimIssue, plainClaimPackError, plainFeedError, plainFieldPath } from '@/lib/format/reader-errors';
import { makeClaim, makeClaimSet } from '../../support/claim-sets';

const failure = (text: string) => {
  const result = parseClaimSetText(text);
  if (result.ok) throw new Error('expected a failure');
  return result;
};

describe('plain-language errors', () => {
  it('names claim fields in words', () => {
    expect(plainFieldPath('claims[3].sources[0].url', true)).toBe('source 1, link');
    expect(plainFieldPath('claims[3].history[1].date', false)).toBe('claim 4, history entry 2, date');
    expect(plainFieldPath('version', false)).toBe('version');
    expect(plainClaimIssue('claim "x-y": claims[1].kind: must be one of binding-commitment, announced-target, no-commitment')).toBe(
      'Claim “x-y”, label: must be one of binding-commitment, announced-target, no-commitment',
    );
    expect(plainClaimIssue('claims[0].statement: Invalid type: Expected string but received undefined')).toBe('Claim 1, statement: is missing');
  });

  it('a CSV chosen as a claim pack: where the JSON goes wrong, no parser text', () => {
    const error = plainClaimPackError(failure('claim,kind\nx,y'));
    expect(error).toBe('This file is not a claim pack Pledge Lens can read: it is not valid JSON (the first problem is at line 1, column 1). Nothing was added. Choose a claim set file (.json) in the Pledge Lens format.');
    expect(plainClaimPackError(failure('  '))).toContain('(the file is empty)');
  });

  it('a pack with schema problems lists them without schema paths', () => {
    const set = makeClaimSet({ claims: [makeClaim('bad-claim', { sources: [{ url: 'http://example.org', title: 'x' }], phrasings: [] })] });
    const error = plainClaimPackError(failure(JSON.stringify(set)));
    expect(error).toMatch(/^This file is not a claim pack Pledge Lens can use, so nothing was added\. What needs fixing:\n• /);
    expect(error).toContain('• Claim “bad-claim”, source 1, link: must be an https:// URL');
    expect(error).toContain('• Claim “bad-claim”, phrasing: must have at least one phrasing');
    expect(error).not.toMatch(/claims\[|\.url|Invalid type/);
  });

  it('feed failures lose parser and network jargon', () => {
    expect(plainFeedError('The feed is not valid JSON: unexpected "}" at line 3, column 9 (position 27); expected a value. The current claim set is still in use.')).toBe(
      'The feed is not valid JSON (the first problem is at line 3, column 9). The current claim set is still in use.',
    );
    expect(plainFeedError('Could not reach the claim feed at https://x.example: TypeError: Failed to fetch')).toBe(
      'Could not reach the claim feed at https://x.example: the server did not answer (check the address and your connection)',
    );
    expect(plainFeedError('The feed is not valid JSON: Unexpected token } in JSON at position 3')).toBe('The feed is not valid JSON');
    expect(plainFeedError('The feed is not a valid claim set:\nclaim "a": claims[0].sources[0].url: must be an https:// URL')).toBe(
      'The feed is not a valid claim set:\n• Claim “a”, source 1, link: must be an https:// URL',
    );
    expect(plainFeedError('The feed answered HTTP 404 Not Found')).toBe('The feed answered HTTP 404 Not Found');
  });
});

describe('citeMention', () => {
  const mention = {
    id: 'm',
    pageUrl: 'https://news.example/story',
    pageTitle: '  Anthropic rewrites\n its rulebook ',
    claimId: 'c',
    anchor: { exact: 'publish a written\nrisk assessment', prefix: '', suffix: '', start: 0, end: 10 },
    firstSeen: '2026-11-20T10:00:00.000Z',
    lastSeen: '2026-11-25T23:30:00.000Z',
  };
  it('holds the quote, the page, the day seen and the claim with its label', () => {
    const claim = { id: 'c', statement: 'Anthropic will publish Risk Reports.', kind: 'binding-commitment' as const, force: 'x', status: 'withdrawn' as const, statusDate: '2026-02-24', actorName: 'Anthropic', rationale: '', evidence: [], confidence: 'high', sources: [], history: [], packName: 'Pledge Lens' };
    expect(citeMention(mention, claim)).toBe(
      '“publish a written risk assessment” In: Anthropic rewrites its rulebook, https://news.example/story (seen 25 Nov 2026). Claim: Anthropic, “Anthropic will publish Risk Reports.” (Binding commitment; Withdrawn 24 Feb 2026; Pledge Lens claim set: Pledge Lens).',
    );
    expect(citeMention(mention, undefined)).toContain('Claim: c (no longer in the claim set in use).');
  });
});
