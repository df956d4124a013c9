/**
 * Sibling claims (issue 11): two claims of one actor or instrument competing for one sentence, such as
 * a framework's old pledge and the rule that replaced it, both listing the same document's names.
 * Invented claims in our own words where the kind is the matcher's; the bundled claim set where it is
 * the claim data's.
 */
import { describe, expect, it } from 'vitest';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims } from '../../../lib/match/match-claims';
import { bundledClaimSet } from '../../support/claim-sets';

describe('a detail two claims of one actor state ("civil penalties for violations"), in the bundled claim set', () => {
  // Anthropic's compliance framework (a duty under SB 53, penalties for breaking it) and its Advanced AI
  // Framework (a proposal that governments levy penalties) both speak of civil penalties. The sentence
  // below restates the first claim; its clause about penalties went to the second, whose entry follows.
  const claimSet = bundledClaimSet();
  const index = compileClaimIndex(claimSet.claims, claimSet.version);
  const duty = 'Unlike the scaling policy, which stays voluntary, the law requires the company to implement and comply with it, with civil penalties for violations.';
  const proposal = 'June 2026: Anthropic publishes its Advanced AI Framework, recommending that governments gain the power to block dangerous models.';
  const timeline = [
    'Anthropic safety documents: a timeline',
    `December 2025: Anthropic publishes its Frontier Compliance Framework, its framework under California's SB 53. ${duty}`,
    proposal,
  ].join('\u2029');
  const found = matchClaims(timeline, index).map((m) => [m.claimId, timeline.slice(m.start, m.end)]);

  it('goes whole with the claim whose statement it is, not clause by clause to the other', () => {
    expect(found).toContainEqual(['anthropic-frontier-compliance-framework', duty]);
    expect(found.filter(([id]) => id === 'anthropic-advanced-ai-framework')).toEqual([['anthropic-advanced-ai-framework', proposal]]);
  });
});
