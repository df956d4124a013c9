import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_EXAMPLES, pickLegendExamples, STATUS_EXAMPLES } from '@/entrypoints/welcome/legend-examples';
import { validateClaimSet } from '@/lib/claims/validate-claim-set';
import type { Claim } from '@/lib/claims/schema';

function bundledClaims(): Claim[] {
  const validation = validateClaimSet(JSON.parse(readFileSync(new URL('../../../public/claims/default.json', import.meta.url), 'utf8')));
  if (!validation.ok) throw new Error('the bundled claim set does not validate');
  return validation.claimSet.claims;
}

describe('the first-run legend\'s examples', () => {
  const claims = bundledClaims();
  const byId = new Map(claims.map((claim) => [claim.id, claim]));

  it('names bundled claims that still have the kind or status they illustrate', () => {
    for (const [kind, chosen] of Object.entries(KIND_EXAMPLES)) expect(byId.get(chosen.claimId)?.kind, chosen.claimId).toBe(kind);
    for (const [status, chosen] of Object.entries(STATUS_EXAMPLES)) expect(byId.get(chosen!.claimId)?.status, chosen!.claimId).toBe(status);
  });

  it('uses the chosen claims, with their actor and dated status from the set', () => {
    const { kinds, statuses } = pickLegendExamples(claims);
    expect(statuses.withdrawn).toMatchObject({ claimId: 'anthropic-rsp-pause-pledge', actorName: 'Anthropic', kind: 'binding-commitment', statusDate: '2026-02-24' });
    expect(kinds['no-commitment']?.claimId).toBe('us-uk-declined-paris-declaration');
  });

  it('falls back to the first claim with a status when the chosen one changed, and to none when no claim has it', () => {
    const changed = claims.map((claim) => (claim.id === 'anthropic-rsp-pause-pledge' ? { ...claim, status: 'in-force' as const } : claim));
    const { statuses } = pickLegendExamples(changed);
    const firstWithdrawn = changed.find((claim) => claim.status === 'withdrawn')!;
    expect(statuses.withdrawn?.claimId).toBe(firstWithdrawn.id);
    expect(statuses.withdrawn!.gist.length).toBeLessThanOrEqual(141);
    expect(pickLegendExamples(claims.filter((claim) => claim.status !== 'fulfilled')).statuses.fulfilled).toBeUndefined();
  });
});
