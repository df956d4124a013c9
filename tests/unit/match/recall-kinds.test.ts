/**
 * Kinds of missed claim found on the independent corpus's development splits (dev to dev-4), each in
 * a short text of our own on an invented claim set (so these tests do not move when the research
 * does). Each kind has a sentence that was missed before its fix and is found now, and a near miss
 * that must stay unhighlighted.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../lib/claims/schema';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims } from '../../../lib/match/match-claims';
import { ACME, makeClaim } from '../../support/claim-sets';

const SEP = '\u2029';

const claim = (fields: Pick<Claim, 'id' | 'actor' | 'statement' | 'phrasings'> & Partial<Claim>): Claim => makeClaim(fields.id, { keyPhrases: [], keyTerms: [], ...fields });

const CLAIMS: Claim[] = [
  claim({
    id: 'acme-power-bills',
    actor: ACME,
    statement: 'Acme AI pledges to cover the electricity price increases that consumers face from its data centres, paying all grid-upgrade costs needed to connect them.',
    phrasings: [
      'Acme says it will pay for any rise in power prices its data centres cause for consumers.',
      'Acme AI promised to cover the grid-upgrade costs of connecting its data centres.',
      'The company vowed that consumers would not face higher electricity prices because of its data centres.',
    ],
  }),
  claim({
    id: 'acme-ad-free',
    actor: ACME,
    statement: 'Acme AI says its assistant will remain ad-free: no sponsored links and no answers influenced by advertisers.',
    phrasings: [
      'Acme promises its chatbot will stay free of ads.',
      'Acme AI says there will be no ads or sponsored links in its assistant.',
      'The company pledged that advertisers will never shape its assistant\'s answers.',
    ],
  }),
];

const index = compileClaimIndex(CLAIMS, '1.0.0');
const found = (text: string) => matchClaims(text, index).map((m) => [m.claimId, text.slice(m.start, m.end)] as const);

describe('wording a paraphrasing tool produces (curated synonyms)', () => {
  it('finds a pledge whose every content word was swapped for a rarer one', () => {
    const spun = 'Acme AI has vowed to absorb the tariff escalations that households confront because of its data centres, and to defray every grid-enhancement expenditure of hooking them up.';
    expect(found(['Acme AI news', spun].join(SEP))).toEqual([['acme-power-bills', spun]]);
    const ads = 'Acme AI insists that its assistant will stay advertisement-free.';
    expect(found(['Acme AI news', ads].join(SEP))).toEqual([['acme-ad-free', ads]]);
  });

  it('leaves the same rare words alone when they state nothing Acme pledged', () => {
    const near = 'Households confront higher tariffs on imported appliances this winter, an advertisement for a rival heater said.';
    expect(found(['Acme AI news', near].join(SEP))).toEqual([]);
  });
});
