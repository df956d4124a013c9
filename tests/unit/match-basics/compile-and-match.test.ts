import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../lib/claims/schema';
import { compileClaimIndex, type ClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims, matchClaimsDetailed } from '../../../lib/match/match-claims';
import { bundledClaimSet } from '../../support/claim-sets';
import { LEDGER_CLAIM, PAUSE_CLAIM, TEST_CLAIMS, WEIGHTS_CLAIM } from './test-claims';

const index = compileClaimIndex(TEST_CLAIMS, '1.0.0');

const bundledClaims = (): Claim[] => bundledClaimSet().claims;

function roundTrip(value: ClaimIndex): ClaimIndex {
  return JSON.parse(JSON.stringify(value)) as ClaimIndex;
}

const ARTICLE = [
  'Acme AI released a chatbot on Monday.',
  'Acme AI says it will publish a detailed ledger of model risks every three months.',
  'The firm added that it will halt the training of larger models unless safeguards are adequate.',
  'Separately, Globex will share the weights of its research models with university labs.',
].join(' ');

describe('compileClaimIndex', () => {
  it('is plain JSON: a round trip through JSON gives an equal index', () => {
    expect(roundTrip(index)).toEqual(index);
    expect(index.claims.map((claim) => claim.id)).toEqual(TEST_CLAIMS.map((claim) => claim.id));
    expect(index.claimSetVersion).toBe('1.0.0');
  });

  it('matches identically with the round-tripped index (test claims and the bundled set)', () => {
    const fromTestClaims = matchClaims(ARTICLE, index);
    expect(fromTestClaims.map((match) => match.claimId)).toEqual([LEDGER_CLAIM.id, PAUSE_CLAIM.id, WEIGHTS_CLAIM.id]);
    expect(matchClaims(ARTICLE, roundTrip(index))).toEqual(fromTestClaims);

    const bundled = compileClaimIndex(bundledClaims(), 'bundled');
    const text =
      'Anthropic said it would put out a Risk Report every three to six months. It also keeps a roadmap of safety goals. ' +
      'Elsewhere, Nimbus Labs promised nothing at all about its models.';
    const direct = matchClaims(text, bundled);
    expect(direct.length).toBeGreaterThan(0);
    expect(matchClaims(text, roundTrip(bundled))).toEqual(direct);
  });
});

describe('compileClaimIndex actors', () => {
  it("reads each claim with its own copy of an actor when merged packs give one id two actors", () => {
    // A reader's file (merged first: it takes precedence) reuses the id "acme-ai" for another company.
    const fileClaim: Claim = { ...WEIGHTS_CLAIM, id: 'initech-weights', actor: { id: 'acme-ai', name: 'Initech', type: 'company', aliases: [] } };
    const merged = compileClaimIndex([fileClaim, ...TEST_CLAIMS], 'merged');
    expect(merged.actors.map((actor) => `${actor.id}=${actor.name}`)).toEqual(['acme-ai=Initech', 'acme-ai=Acme AI', 'globex=Globex']);
    const text = 'Acme AI says it will publish a detailed ledger of model risks every three months.';
    // The bundled claim is still Acme AI's: its actor was not renamed Initech by the file's copy.
    expect(matchClaims(text, merged).map((match) => match.claimId)).toEqual([LEDGER_CLAIM.id]);
    expect(matchClaims(text, merged)).toEqual(matchClaims(text, index));
  });

  it('reads copies of one id and name as one actor with all their aliases (a feed that adds an alias beside an older pack)', () => {
    const feedClaim: Claim = { ...LEDGER_CLAIM, actor: { ...LEDGER_CLAIM.actor, aliases: [...LEDGER_CLAIM.actor.aliases, 'Acme Labs'] } };
    const merged = compileClaimIndex([feedClaim, PAUSE_CLAIM, WEIGHTS_CLAIM], 'merged');
    expect(merged.actors.map((actor) => actor.name)).toEqual(['Acme AI', 'Globex']);
    // The older pack's claim is reached by the feed's new alias too, and "the firm" has one Acme to refer to.
    const text = 'Acme Labs released a chatbot on Monday. The firm added that it will halt the training of larger models unless safeguards are adequate.';
    expect(matchClaims(text, merged).map((match) => match.claimId)).toEqual([PAUSE_CLAIM.id]);
  });
});

describe('compileClaimIndex facets', () => {
  it('makes no facet of a clause that is only a date ("published 10 July 2025"): a sentence dating the document is not the claim', () => {
    const claim: Claim = { ...LEDGER_CLAIM, statement: `${LEDGER_CLAIM.statement.replace(/\.$/, '')} (published 10 July 2025).` };
    const dated = compileClaimIndex([claim], '1.0.0');
    const dateTerms = new Set(['10', '2025', 'juli', 'july', 'publish']);
    expect(dated.claims[0]!.facets.some((facet) => facet.every((term) => dateTerms.has(dated.terms[term]!)))).toBe(false);
    expect(dated.claims[0]!.facets.length).toBe(compileClaimIndex([LEDGER_CLAIM], '1.0.0').claims[0]!.facets.length);
  });
});

describe('matchClaims', () => {
  it('finds a claim by its capitalised key phrase, even without the key terms', () => {
    const text = 'In a blog post on Tuesday, Acme AI confirmed that its first Threat Ledger would cover biological misuse in detail.';
    const [match] = matchClaims(text, index);
    expect(match?.claimId).toBe(LEDGER_CLAIM.id);
    expect(match!.score).toBeGreaterThanOrEqual(0.9);
    // The same words in lower case are not a name, and the sentence lacks the cadence gate.
    expect(matchClaims(text.replace('Threat Ledger', 'threat ledger'), index)).toEqual([]);
  });

  it('is insensitive to case, whitespace runs, quote styles and dash styles', () => {
    const base = 'Acme AI says it will publish a detailed "ledger" of model risks every three-month period.';
    const variants = [
      base.toUpperCase(),
      base.replace(/ /g, '  \t'),
      base.replace('"ledger"', '“ledger”'),
      base.replace('"ledger"', "'ledger'"),
      base.replace('three-month', 'three–month'),
      base.replace('three-month', 'three—month'),
    ];
    const [reference] = matchClaims(base, index);
    expect(reference?.claimId).toBe(LEDGER_CLAIM.id);
    for (const variant of variants) {
      const found = matchClaims(variant, index);
      expect(found.map((match) => [match.claimId, match.score])).toEqual([[reference!.claimId, reference!.score]]);
      expect(found[0]!.start).toBe(0);
      expect(found[0]!.end).toBe(variant.length);
    }
  });

  it('counts key-term groups as graded evidence: a sentence lacking one scores lower than one that has it', () => {
    // Key terms are evidence, not a hard gate (issue 11): real text often says a claim without the
    // listed words. A sentence that lacks the condition ("unless", "adequate", ...) must still rank
    // below the same sentence with it.
    const probability = (sentence: string): number => {
      let best = 0;
      matchClaimsDetailed(sentence, index, {
        onCandidate: (candidate) => {
          if (candidate.claimId === PAUSE_CLAIM.id) best = Math.max(best, candidate.probability);
        },
      });
      return best;
    };
    const without = probability('Acme AI said it would stop training larger systems and models.');
    const withCondition = probability('Acme AI said it would stop training larger systems unless safeguards were adequate.');
    expect(withCondition).toBeGreaterThan(without);
    expect(matchClaims('Acme AI said it would stop training larger systems unless safeguards were adequate.', index).map((m) => m.claimId)).toEqual([
      PAUSE_CLAIM.id,
    ]);
  });

  it('rejects a sentence about an unknown organisation and accepts one naming the actor', () => {
    const about = (who: string) => `${who} says it will publish a detailed ledger of model risks every three months.`;
    expect(matchClaims(about('Nimbus Labs'), index)).toEqual([]);
    expect(matchClaims(about('Acme AI'), index).map((match) => match.claimId)).toEqual([LEDGER_CLAIM.id]);
    expect(matchClaims(about('Acme'), index).map((match) => match.claimId)).toEqual([LEDGER_CLAIM.id]);
    // Naming the actor in an earlier sentence does not carry over past another organisation.
    expect(matchClaims(`Acme AI released a chatbot on Monday. ${about('Nimbus Labs')}`, index)).toEqual([]);
    // Another known actor is not the claim's actor either.
    expect(matchClaims(about('Globex'), index)).toEqual([]);
  });

  it('returns sentence spans: text.slice(start, end) is the sentence', () => {
    const matches = matchClaims(ARTICLE, index);
    const sentences = ARTICLE.split(/(?<=\.) /);
    expect(matches).toHaveLength(3);
    for (const match of matches) {
      const sentence = ARTICLE.slice(match.start, match.end);
      expect(sentences).toContain(sentence);
      expect(match.score).toBeGreaterThanOrEqual(0.5);
      expect(match.score).toBeLessThanOrEqual(1);
    }
    expect(ARTICLE.slice(matches[0]!.start, matches[0]!.end)).toBe(sentences[1]);
  });

  it('finds nothing in text that is not about any claim', () => {
    expect(matchClaims('The stadium will host a concert on Friday night, and tickets sold out quickly.', index)).toEqual([]);
  });
});
