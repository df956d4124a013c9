import { describe, expect, it } from 'vitest';
import { parseClaimSetText } from '@/lib/claims/parse-claim-set-text';
import { claimPackFailure, englishFailure, wordClaimIssue, wordFailure, wordHistoryNotice } from '@/lib/format/reader-errors';
import { claimIssue, feedProblem, historyNotice, readerFailure, type FeedProblem, type HistoryNotice, type ReaderFailure } from '@/lib/messages/reader-failure';
import { english, german } from '../i18n/test-translators';
import { makeClaim, makeClaimSet } from '../../support/claim-sets';

const parseFailure = (text: string) => {
  const result = parseClaimSetText(text);
  if (result.ok) throw new Error('expected a failure');
  return result;
};

const key = { algorithm: 'Ed25519', fingerprint: '3F2A 9C1B 77D0 E4A5' };
/** One of every feed problem the background can send, each sub-kind included. */
const FEED_PROBLEMS: FeedProblem[] = [
  { reason: 'invalid-url', url: 'ftp://x.example/feed.json' },
  { reason: 'network', what: 'feed', origin: 'https://x.example', stage: 'connect' },
  { reason: 'network', what: 'signature', origin: 'https://x.example', stage: 'read' },
  { reason: 'timeout', seconds: 20 },
  { reason: 'http', what: 'feed', status: 404 },
  { reason: 'content-type', contentType: 'text/html' },
  { reason: 'content-type' },
  { reason: 'too-large', limitBytes: 5 * 1024 * 1024 },
  { reason: 'invalid-json', json: { kind: 'at', line: 3, column: 9 } },
  { reason: 'invalid-json', json: { kind: 'not-utf8' } },
  { reason: 'invalid-schema', issues: [{ claimId: 'a', path: [{ field: 'sources', index: [1] }, { field: 'url', index: [] }], problem: 'missing' }], more: 2 },
  { reason: 'not-newer', version: '1.0.0', installed: '2.0.0' },
  { reason: 'redirect', what: 'feed', kind: 'hidden', origin: 'https://x.example' },
  { reason: 'redirect', what: 'signature', kind: 'off-origin', target: 'https://evil.example/', origin: 'https://x.example' },
  { reason: 'redirect', what: 'feed', kind: 'no-location', origin: 'https://x.example' },
  { reason: 'redirect', what: 'feed', kind: 'too-many', origin: 'https://x.example' },
  { reason: 'signature-missing', url: 'https://x.example/feed.json.sig', status: 404, ...key },
  { reason: 'signature-invalid', kind: 'too-big', ...key },
  { reason: 'signature-invalid', kind: 'malformed', ...key },
  { reason: 'signature-invalid', kind: 'unverifiable', ...key },
  { reason: 'signature-invalid', kind: 'mismatch', ...key },
  { reason: 'version-leap', version: '9.0.0', lastGood: '2.0.0', maxMajor: 3 },
  { reason: 'published-in-future', publishedAt: '2030-01-01', today: '2026-02-01' },
  { reason: 'unvouched' },
];
const FAILURES: ReaderFailure[] = [
  { code: 'pack-not-json', json: { kind: 'empty' } },
  { code: 'pack-not-json', json: { kind: 'unreadable' } },
  { code: 'pack-invalid', issues: [{ claim: 2, path: [{ field: 'statement', index: [] }], problem: 'wrong-type' }], more: 0 },
  { code: 'annotation-not-json' },
  { code: 'annotation-refused', detail: 'no Pledge Lens annotations in it.' },
  ...FEED_PROBLEMS.map((problem): ReaderFailure => ({ code: 'feed', problem, lastGoodAt: '2026-01-31T10:00:00.000Z' })),
  { code: 'feed', problem: { reason: 'timeout', seconds: 2.5 } },
  { code: 'nothing-to-export', wrongMatches: 0 },
  { code: 'nothing-to-export', wrongMatches: 1234 },
  { code: 'mention-gone' },
  { code: 'pack-not-removable', bundled: true },
  { code: 'pack-not-removable', bundled: false },
  ...(['no-feed', 'not-a-url', 'not-https', 'credentials', 'key-and-unsigned', 'key-needed'] as const).map((problem): ReaderFailure => ({ code: 'feed-setting', problem, url: 'x y' })),
  { code: 'feed-setting', problem: 'not-https', unsigned: true },
];
const NOTICES: HistoryNotice[] = [
  { kind: 'full', max: 100_000 },
  { kind: 'page-limit', max: 300 },
  { kind: 'save-failed', quota: true },
  { kind: 'save-failed', quota: false, detail: 'The disk broke' },
];

/** A message name shown instead of words, or a placeholder left unfilled. */
const LEAK = /\b(readerError|feedError|field|historyNotice)_|\$[A-Z_]+\$|\$\d/;

describe('claim-set problems in words', () => {
  it('names claim fields in words, counted from 1, in English and German', () => {
    const named = claimIssue('claim "x-y": claims[3].sources[0].url: must be an https:// URL');
    expect(named).toEqual({ claimId: 'x-y', path: [{ field: 'sources', index: [1] }, { field: 'url', index: [] }], problem: 'rule', rule: 'must be an https:// URL' });
    expect(wordClaimIssue(english, named)).toBe('Claim “x-y”, source 1, link: must be an https:// URL');
    expect(wordClaimIssue(german, named)).toBe('Aussage „x-y“, Quelle 1, Link: must be an https:// URL');
    const numbered = claimIssue('claims[3].history[1].date: Invalid type: Expected string but received undefined');
    expect(wordClaimIssue(english, numbered)).toBe('Claim 4, history entry 2, date: is missing');
    expect(wordClaimIssue(german, numbered)).toBe('Aussage 4, Verlaufseintrag 2, Datum: fehlt');
    expect(wordClaimIssue(english, claimIssue('version: Invalid type: Expected string but received number'))).toBe('Version: has the wrong kind of value');
    expect(wordClaimIssue(german, claimIssue('(root): Invalid key: x'))).toBe('Die Datei: ist ungültig');
    // A field the catalogue has no word for still reads as words, not camelCase.
    expect(wordClaimIssue(english, claimIssue('claims[0].someNewField: Invalid value'))).toBe('Claim 1, some new field: is not valid');
  });

  it('a CSV chosen as a claim pack: where the JSON goes wrong, no parser text', () => {
    const failure = claimPackFailure(parseFailure('claim,kind\nx,y'));
    expect(failure).toEqual({ code: 'pack-not-json', json: { kind: 'at', line: 1, column: 1 } });
    expect(wordFailure(english, failure)).toBe(
      'This file is not a claim pack Pledge Lens can read: it is not valid JSON (the first problem is at line 1, column 1). Nothing was added. Choose a claim set file (.json) in the Pledge Lens format.',
    );
    expect(wordFailure(german, failure)).toContain('kein gültiges JSON (das erste Problem steht in Zeile 1, Spalte 1)');
    expect(englishFailure(claimPackFailure(parseFailure('  ')))).toContain('(the file is empty)');
  });

  it('a pack with schema problems lists them without schema paths, in both languages', () => {
    const set = makeClaimSet({ claims: [makeClaim('bad-claim', { sources: [{ url: 'http://example.org', title: 'x' }], phrasings: [] })] });
    const failure = claimPackFailure(parseFailure(JSON.stringify(set)));
    const text = wordFailure(english, failure);
    expect(text).toMatch(/^This file is not a claim pack Pledge Lens can use, so nothing was added\. What needs fixing:\n• /);
    expect(text).toContain('• Claim “bad-claim”, source 1, link: must be an https:// URL');
    expect(text).toContain('• Claim “bad-claim”, phrasing: must have at least one phrasing');
    expect(text).not.toMatch(/claims\[|\.url|Invalid type/);
    const deutsch = wordFailure(german, failure);
    expect(deutsch).toMatch(/^Diese Datei ist kein Aussagenpaket, das Pledge Lens verwenden kann/);
    expect(deutsch).toContain('• Aussage „bad-claim“, Quelle 1, Link:');
    expect(deutsch).not.toMatch(/claims\[|\.url|Invalid type/);
  });

  it('counts the problems left out', () => {
    const failure: ReaderFailure = { code: 'pack-invalid', issues: [{ path: [], problem: 'invalid' }], more: 3 };
    expect(wordFailure(english, failure).split('\n').slice(1)).toEqual(['• The file: is not valid', '… and 3 more']);
    expect(wordFailure(german, failure).split('\n').slice(1)).toEqual(['• Die Datei: ist ungültig', '… und 3 weitere']);
  });
});

describe('every failure and notice is worded in English and German', () => {
  it.each(FAILURES.map((failure) => [failure.code === 'feed' ? `feed ${JSON.stringify(failure.problem).slice(0, 60)}` : failure.code, failure] as const))('%s', (_name, failure) => {
    const en = wordFailure(english, failure);
    const de = wordFailure(german, failure);
    for (const text of [en, de]) {
      expect(text).not.toMatch(LEAK);
      expect(text.trim()).not.toBe('');
    }
    expect(de).not.toBe(en);
    // Every detail the failure carries that a reader needs reaches both wordings.
    for (const detail of detailsOf(failure)) {
      expect(en).toContain(detail);
      expect(de).toContain(detail);
    }
  });

  it.each(NOTICES.map((notice) => [JSON.stringify(notice), notice] as const))('history notice %s', (_name, notice) => {
    const en = wordHistoryNotice(english, notice);
    const de = wordHistoryNotice(german, notice);
    for (const text of [en, de]) expect(text).not.toMatch(LEAK);
    expect(de).not.toBe(en);
  });

  it('keeps today’s English for the notices and feed refusals, numbers in the reader’s language', () => {
    expect(wordHistoryNotice(english, { kind: 'page-limit', max: 300 })).toBe('This page reported more than 300 mentions; the rest are highlighted but not saved in your history, unless you write a note on one or mark it a wrong match.');
    expect(wordHistoryNotice(english, { kind: 'full', max: 100_000 })).toContain('Your history is full (100,000 mentions)');
    expect(wordHistoryNotice(german, { kind: 'full', max: 100_000 })).toContain('Ihr Verlauf ist voll (100.000 Erwähnungen)');
    expect(wordHistoryNotice(english, { kind: 'save-failed', quota: true })).toMatch(/no room left/);
    expect(wordFailure(english, { code: 'feed', problem: FEED_PROBLEMS[1]!, lastGoodAt: '2026-01-31T10:00:00.000Z' })).toBe(
      'Could not reach the feed at https://x.example: the server did not answer (check the address and your connection). The claim set from the last good update (2026-01-31T10:00:00.000Z) is still in use.',
    );
    expect(wordFailure(english, { code: 'feed', problem: { reason: 'unvouched' } })).toMatch(/added before Pledge Lens checked signatures.* The current claim set is still in use\.$/);
    expect(wordFailure(german, { code: 'feed', problem: { reason: 'timeout', seconds: 2.5 } })).toMatch(/^Der Feed kam nicht innerhalb von 2,5 Sekunden an\./);
    expect(wordFailure(german, { code: 'feed', problem: { reason: 'too-large', limitBytes: 5 * 1024 * 1024 } })).toContain('Grenze von 5 MiB');
    expect(wordFailure(english, { code: 'feed', problem: FEED_PROBLEMS[0]!, lastGoodAt: '2026-01-31' }, () => '31 Jan 2026')).toContain('(31 Jan 2026) is still in use');
  });
});

/** The values a failure carries that its wording must show (ids, addresses, versions, statuses). */
function detailsOf(failure: ReaderFailure): string[] {
  if (failure.code === 'annotation-refused') return ['no Pledge Lens annotations in it'];
  if (failure.code === 'feed-setting') return failure.problem === 'not-a-url' ? ['x y'] : [];
  if (failure.code === 'nothing-to-export' && failure.wrongMatches > 0) return ['1'];
  if (failure.code !== 'feed') return [];
  const problem = failure.problem;
  const values: string[] = [];
  if ('url' in problem) values.push(problem.url);
  if ('origin' in problem && problem.reason === 'network') values.push(problem.origin);
  if ('target' in problem && problem.target) values.push(problem.target);
  if ('status' in problem) values.push(String(problem.status));
  if ('fingerprint' in problem && problem.reason !== 'signature-invalid') values.push(problem.fingerprint);
  if (problem.reason === 'signature-invalid' && problem.kind === 'mismatch') values.push(problem.fingerprint);
  if ('version' in problem) values.push(problem.version);
  if ('installed' in problem) values.push(problem.installed);
  if ('lastGood' in problem) values.push(problem.lastGood);
  if ('publishedAt' in problem) values.push(problem.publishedAt, problem.today);
  if ('contentType' in problem && problem.contentType) values.push(problem.contentType);
  if (problem.reason === 'invalid-schema') values.push(...problem.issues.map((issue) => issue.claimId ?? ''));
  return values;
}

describe('the failure schemas', () => {
  it('accept every shape the background sends', () => {
    for (const failure of FAILURES) expect(readerFailure(failure), JSON.stringify(failure)).toEqual(failure);
    for (const problem of FEED_PROBLEMS) expect(feedProblem(problem)).toEqual(problem);
    for (const notice of NOTICES) expect(historyNotice(notice)).toEqual(notice);
  });

  it('refuse malformed ones', () => {
    const malformed: unknown[] = [
      undefined,
      'This file is not a claim pack',
      { code: 'no-such-code' },
      { code: 'annotation-not-json', extra: 1 },
      { code: 'pack-not-json', json: { kind: 'at', line: 0, column: 1 } },
      { code: 'pack-not-json', json: { kind: 'at', line: 1.5, column: 1 } },
      { code: 'pack-invalid', issues: [], more: 0 },
      { code: 'pack-invalid', issues: [{ path: [], problem: 'exploded' }], more: 0 },
      { code: 'pack-invalid', issues: [{ path: [{ field: '', index: [] }], problem: 'missing' }], more: 0 },
      { code: 'pack-invalid', issues: [{ path: [], problem: 'missing' }], more: -1 },
      { code: 'annotation-refused', detail: 'x'.repeat(501) },
      { code: 'feed', problem: { reason: 'http', what: 'feed', status: 99 } },
      { code: 'feed', problem: { reason: 'redirect', what: 'feed', kind: 'sideways', origin: 'https://x.example' } },
      { code: 'feed', problem: { reason: 'network', what: 'feed', origin: 'https://x.example' } },
      { code: 'feed', problem: { reason: 'unvouched' }, lastGoodAt: 'x'.repeat(41) },
      { code: 'feed-setting', problem: 'no-feed', url: 'x'.repeat(8193) },
      { code: 'nothing-to-export', wrongMatches: -1 },
      { code: 'nothing-to-export' },
      { code: 'pack-not-removable', bundled: 'yes' },
    ];
    for (const raw of malformed) expect(readerFailure(raw), JSON.stringify(raw)).toBeUndefined();
    expect(feedProblem({ reason: 'timeout', seconds: -1 })).toBeUndefined();
    expect(historyNotice({ kind: 'full' })).toBeUndefined();
    expect(historyNotice({ kind: 'save-failed', quota: 'yes' })).toBeUndefined();
    expect(historyNotice('Your history is full.')).toBeUndefined();
  });
});
