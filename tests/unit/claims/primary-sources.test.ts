/**
 * What a journalist copies from the bundled set: each claim's "Primary source" (its first evidence
 * entry, as Copy citation and the CSV export pick it) must be a source they can cite, and a status
 * must say what the sources say. These are data checks on public/claims/default.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { primarySource } from '../../../lib/annotations/claim-facts';
import type { Claim, ClaimSetInput } from '../../../lib/claims/schema';
import { validateClaimSet } from '../../../lib/claims/validate-claim-set';

const DEFAULT_SET_PATH = fileURLToPath(new URL('../../../public/claims/default.json', import.meta.url));

/**
 * Hosts that only republish others' words (aggregators, syndicated copies, file mirrors): a claim
 * may list them among its sources, never as the one a reader is told to cite. These are the ones
 * the set has used; the original (the actor's page, the official text or register, or the outlet
 * that reported it) is always the better first entry.
 */
const REPUBLISHER_HOSTS = ['www.latestly.com', 'news.az', 'www.thestar.com.my', 'www.silicon.co.uk', 'filings.nysgpt.com'];

function bundledClaims(): Claim[] {
  const result = validateClaimSet(JSON.parse(readFileSync(DEFAULT_SET_PATH, 'utf8')) as ClaimSetInput);
  if (!result.ok) throw new Error('default claim set is invalid');
  return result.claimSet.claims;
}

describe('bundled claims: primary sources', () => {
  const claims = bundledClaims();

  it('never names a republisher as the primary source', () => {
    const republished = claims
      .map((claim) => ({ id: claim.id, host: new URL(primarySource(claim)?.url ?? 'https://missing.invalid').host }))
      .filter(({ host }) => REPUBLISHER_HOSTS.includes(host));
    expect(republished).toEqual([]);
  });

  it('cites no source that calls itself a copy', () => {
    const copies = claims.flatMap((claim) =>
      claim.sources.filter((source) => /\(copy\)/i.test(source.title)).map((source) => `${claim.id}: ${source.url}`),
    );
    expect(copies).toEqual([]);
  });
});

describe('bundled claims: status says what the sources say', () => {
  it('keeps Anthropic\'s two military-use limits in force: the Pentagon disputes the limits, not whether Anthropic keeps them', () => {
    const claim = bundledClaims().find((candidate) => candidate.id === 'anthropic-claude-military-use-limits');
    expect(claim?.status).toBe('in-force');
    expect(claim?.contested).toMatch(/supply-chain risk/);
  });
});
