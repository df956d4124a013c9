import { describe, expect, it } from 'vitest';
import { parseJsonText, validateClaimPackFile } from '../../../lib/claims/parse-claim-set-text';
import { makeClaim, makeClaimSet } from '../../support/claim-sets';

/** A claim set as loose JSON, to break it in ways its type would not allow. */
function asJson(value: unknown): { claims: Array<Record<string, unknown>> } {
  return JSON.parse(JSON.stringify(value)) as { claims: Array<Record<string, unknown>> };
}

function errorOf(text: string): string {
  const result = validateClaimPackFile(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe('validateClaimPackFile', () => {
  it('accepts a valid pack: compact, pretty-printed, or with a byte-order mark', () => {
    const set = makeClaimSet({ version: '4.1.0' });
    for (const text of [JSON.stringify(set), JSON.stringify(set, null, 2), `\uFEFF${JSON.stringify(set)}`]) {
      const result = validateClaimPackFile(text);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.claimSet).toEqual(set);
    }
  });

  it('fills schema defaults', () => {
    const raw = asJson(makeClaimSet({ claims: [makeClaim('no-optional-lists')] }));
    delete raw.claims[0]!.keyPhrases;
    delete raw.claims[0]!.keyTerms;
    const result = validateClaimPackFile(JSON.stringify(raw));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.claimSet.claims[0]).toMatchObject({ keyPhrases: [], keyTerms: [] });
  });

  it('points at the line and column of a JSON error', () => {
    const text = '{\n  "schemaVersion": 1,\n  "version": "1.0.0"\n  "publishedAt": "2025-01-01"\n}';
    const error = errorOf(text);
    expect(error).toContain('not valid JSON');
    expect(error).toContain(`line 4, column 3 (position ${text.indexOf('"publishedAt"')})`);
    expect(error).toContain("expected ',' or '}'");
  });

  it.each([
    ['{"a": }', 'unexpected "}" at line 1, column 7', 'expected a value'],
    ['[1, 2', 'unexpected end of data at line 1, column 6', "expected ',' or ']'"],
    ['{"a": tru}', 'unexpected "t" at line 1, column 7', 'expected a value'],
    ["{'a': 1}", 'unexpected "\'" at line 1, column 2', 'double-quoted property name'],
    ['{"a": "x\\q"}', 'unexpected "q" at line 1, column 10', 'a valid escape'],
    ['{"a": 1} {}', 'unexpected "{" at line 1, column 10', 'expected the end of the data'],
    ['{"a": 01}', 'unexpected "1" at line 1, column 8', "expected ',' or '}'"],
    ['{"a" 1}', 'unexpected "1" at line 1, column 6', "expected ':'"],
    ['"open', 'unexpected end of data at line 1, column 6', 'a closing quote'],
    ['[1.]', 'unexpected "]" at line 1, column 4', 'a digit after the decimal point'],
    ['[-x]', 'unexpected "x" at line 1, column 3', 'a digit after the minus sign'],
    ['[1e+]', 'unexpected "]" at line 1, column 5', 'a digit in the exponent'],
    ['[1, 2.5e-3, -0, x]', 'unexpected "x" at line 1, column 17', 'expected a value'],
  ])('locates the error in %j', (text, where, expected) => {
    const error = errorOf(text);
    expect(error).toContain(where);
    expect(error).toContain(expected);
  });

  it('says so when the file is empty', () => {
    expect(errorOf('  \n')).toBe('This file is not valid JSON: the text is empty.');
  });

  it('survives deeply nested garbage without a stack overflow', () => {
    const parsed = parseJsonText('['.repeat(200_000));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('unexpected end of data');
  });

  it('lists schema problems with claim id and field', () => {
    const raw = asJson(makeClaimSet({ claims: [makeClaim('fine-claim'), makeClaim('broken-claim', { phrasings: [] })] }));
    raw.claims[1]!.kind = 'promise';
    const error = errorOf(JSON.stringify(raw));
    expect(error).toMatch(/^This file is not a valid claim set:\n/);
    expect(error).toContain('claim "broken-claim": claims[1].kind');
    expect(error).toContain('claim "broken-claim": claims[1].phrasings: must have at least one phrasing');
    expect(error).not.toContain('fine-claim');
  });

  it('reports duplicate claim ids', () => {
    const set = makeClaimSet({ claims: [makeClaim('same-id'), makeClaim('same-id')] });
    expect(errorOf(JSON.stringify(set))).toContain('duplicate claim id "same-id"');
  });

  it('rejects JSON that is not a claim set at all', () => {
    expect(errorOf('[]')).toContain('not a valid claim set');
  });
});
