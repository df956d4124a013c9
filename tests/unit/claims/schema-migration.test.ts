/**
 * Schema 2 keeps reading schema 1: feeds and packs made before 2.0.0 (such as the bundled 1.0.0 set,
 * kept here as a fixture) are validated by schema 1's rules and migrated on read.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toCardData } from '../../../lib/claims/claim-card-data';
import type { PackedClaim } from '../../../lib/claims/merge-claim-packs';
import { parseClaimSetText } from '../../../lib/claims/parse-claim-set-text';
import { CLAIM_SCHEMA_VERSION, type ClaimSetV1Input } from '../../../lib/claims/schema';
import { migrateClaimSetV1, validateClaimSet } from '../../../lib/claims/validate-claim-set';

const V1_TEXT = readFileSync(fileURLToPath(new URL('./fixtures/default-1.0.0.json', import.meta.url)), 'utf8');
const v1 = () => JSON.parse(V1_TEXT) as ClaimSetV1Input;

function migrated() {
  const result = validateClaimSet(v1());
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

describe('reading a schema 1 set', () => {
  it('validates and migrates the 1.0.0 bundled set to schema 2, keeping every claim and id', () => {
    const result = migrated();
    expect(result.migratedFrom).toBe(1);
    expect(CLAIM_SCHEMA_VERSION).toBe(2);
    expect(result.claimSet.schemaVersion).toBe(2);
    expect(result.claimSet.version).toBe('1.0.0');
    expect(result.claimSet.asOf).toBe('2026-11-22');
    expect(result.claimSet.claims.map((claim) => claim.id)).toEqual(v1().claims.map((claim) => claim.id));
  });

  it('takes evidence from the sources’ quotes, and reviewedAt from publishedAt', () => {
    const input = v1();
    const claims = migrated().claimSet.claims;
    input.claims.forEach((before, index) => {
      const after = claims[index]!;
      const quoted = before.sources.filter((source) => source.quote);
      expect(after.evidence.map((item) => [item.quote, item.url, item.title])).toEqual(quoted.map((source) => [source.quote, source.url, source.title]));
      expect(after.reviewedAt).toBe('2026-11-22');
      expect(after.sources).toEqual(before.sources);
      expect([after.kind, after.force, after.status, after.statusDate]).toEqual([before.kind, before.force, before.status, before.statusDate]);
      expect(after.phrasings).toEqual(before.phrasings);
    });
    // 19 of the 39 claims carried a quote; the others migrate without evidence rather than with invented quotes.
    expect(claims.filter((claim) => claim.evidence.length > 0)).toHaveLength(19);
    expect(claims.find((claim) => claim.evidence.length > 0)!.evidence[0]!.locator).toMatch(/no section recorded/);
  });

  it('gives actors a type: coalitions of signatories, governments, and companies otherwise', () => {
    const types = new Map(migrated().claimSet.claims.map((claim) => [claim.actor.id, claim.actor.type]));
    expect(types.get('frontier-ai-safety-commitments-signatories')).toBe('coalition');
    expect(types.get('gpai-code-signatories')).toBe('coalition');
    expect(types.get('state-of-california')).toBe('government');
    expect(types.get('european-union')).toBe('government');
    expect(types.get('anthropic')).toBe('company');
  });

  it('still applies schema 1’s rules, with claim id and path', () => {
    const broken = v1();
    const index = broken.claims.findIndex((claim) => claim.id === 'anthropic-rsp-pause-pledge');
    broken.claims[index]!.history = broken.claims[index]!.history.filter((entry) => entry.event !== 'withdrawn');
    const result = validateClaimSet(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual(expect.objectContaining({ claimId: 'anthropic-rsp-pause-pledge', path: `claims[${index}].status` }));
    const badKind = v1();
    (badKind.claims[0] as { kind: string }).kind = 'no-commitment';
    expect(validateClaimSet(badKind).ok).toBe(false);
  });

  it('reads schema 1 text the way a feed or an imported pack arrives', () => {
    const parsed = parseClaimSetText(V1_TEXT);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.claimSet.schemaVersion).toBe(2);
  });

  it('refuses other schema versions', () => {
    const result = validateClaimSet({ ...v1(), schemaVersion: 3 });
    expect(result).toEqual({ ok: false, issues: [{ path: 'schemaVersion', message: 'must be 2 (or 1, which is upgraded on read)' }] });
  });

  it('migrates a minimal set without a publisher', () => {
    const input = v1();
    delete input.publisher;
    const set = validateClaimSet(input);
    expect(set.ok && !('publisher' in set.claimSet)).toBe(true);
    expect(migrateClaimSetV1({ schemaVersion: 1, version: '0.1.0', publishedAt: '2025-01-01', claims: [] })).toEqual({
      schemaVersion: 2,
      version: '0.1.0',
      publishedAt: '2025-01-01',
      asOf: '2025-01-01',
      claims: [],
    });
  });
});

describe('schema 2 consistency in validateClaimSet', () => {
  const v2 = () => JSON.parse(readFileSync(fileURLToPath(new URL('../../../public/claims/default.json', import.meta.url)), 'utf8')) as { claims: Array<Record<string, unknown>> };

  it('rejects a status the history does not set', () => {
    const set = v2();
    const index = set.claims.findIndex((claim) => claim.id === 'meta-declined-gpai-code');
    set.claims[index]!.status = 'in-force';
    const result = validateClaimSet(set);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual(expect.objectContaining({ claimId: 'meta-declined-gpai-code', path: `claims[${index}].status` }));
  });

  it('rejects declined on a claim that is not no-commitment', () => {
    const set = v2();
    const index = set.claims.findIndex((claim) => claim.id === 'meta-declined-gpai-code');
    set.claims[index]!.kind = 'announced-target';
    const result = validateClaimSet(set);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual(expect.objectContaining({ path: `claims[${index}].kind` }));
  });

  it('requires evidence on every schema 2 claim', () => {
    const set = v2();
    set.claims[0]!.evidence = [];
    const result = validateClaimSet(set);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path: 'claims[0].evidence' });
  });
});

describe('card data from a pack stored before schema 2', () => {
  it('does not fail on a schema 1 claim read back from IndexedDB unvalidated: quotes become evidence, no review date', () => {
    const stored = { ...v1().claims.find((claim) => claim.sources.some((source) => source.quote))!, packId: 'file-old', packName: 'Old pack' };
    const card = toCardData(stored as unknown as PackedClaim);
    expect(card.evidence.length).toBeGreaterThan(0);
    expect(card.evidence[0]!.quote).toBe(stored.sources.find((source) => source.quote)!.quote);
    expect(card.reviewedAt).toBeUndefined();
    expect(card.contested).toBeUndefined();
  });
});
