import { describe, expect, it } from 'vitest';
import type { ClaimSetInput } from '../../../lib/claims/schema';
import { validateClaimSet } from '../../../lib/claims/validate-claim-set';
import { allPhrasings } from '../../../scripts/bench/prepare';
import { generateClaimSet } from '../../../scripts/bench/synthetic-claims';
import { contentWords, readWordnetIndex, type Vocabulary } from '../../../scripts/bench/vocabulary';
import { bundledClaimSet } from '../../support/claim-sets';

const base: ClaimSetInput = bundledClaimSet();

const vocabulary: Vocabulary = {
  nouns: ['harbor', 'ledger', 'charter', 'beacon', 'orchard', 'furnace', 'lantern', 'quarry', 'meadow', 'archive'],
  verbs: ['audit', 'publish', 'restrict', 'certify', 'review', 'suspend', 'disclose', 'verify'],
  adjectives: ['independent', 'quarterly', 'external', 'binding', 'public', 'rigorous'],
  pageWords: ['safeguards', 'threshold', 'deployment', 'reports'],
};

describe('generateClaimSet', () => {
  const set = generateClaimSet(base, 300, vocabulary, 5);

  it('makes a set of the requested size that the real schema and consistency checks accept', () => {
    expect(set.claims).toHaveLength(300);
    const result = validateClaimSet(set);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('keeps every default claim, unchanged, inside the set', () => {
    for (const claim of base.claims) expect(set.claims).toContainEqual(claim);
    expect(new Set(set.claims.map((claim) => claim.id)).size).toBe(300);
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(generateClaimSet(base, 300, vocabulary, 5)).toEqual(set);
    const other = generateClaimSet(base, 300, vocabulary, 6);
    expect(other.claims.map((claim) => claim.statement)).not.toEqual(set.claims.map((claim) => claim.statement));
  });

  it('gives each synthetic claim several phrasings that share its gate words', () => {
    const synthetic = set.claims.filter((claim) => claim.id.startsWith('synthetic-'));
    expect(synthetic.length).toBe(300 - base.claims.length);
    for (const claim of synthetic) {
      expect(claim.phrasings.length).toBeGreaterThanOrEqual(3);
      const [firstGate] = claim.keyTerms ?? [];
      expect(firstGate).toBeDefined();
      // The statement is built from the core without drift, so it always uses one of the gate's verbs.
      expect(firstGate!.some((word) => claim.statement.split(/[\s.,]+/).includes(word))).toBe(true);
    }
    const words = new Set(synthetic.flatMap((claim) => claim.statement.toLowerCase().split(/[^a-z]+/)));
    expect(vocabulary.pageWords.some((word) => words.has(word))).toBe(true);
  });

  it('cannot be smaller than the real set it must contain', () => {
    expect(() => generateClaimSet(base, 3, vocabulary)).toThrow(/cannot hold/);
  });

  it('lists every phrasing and key phrase for the phrase-based contenders', () => {
    const validated = validateClaimSet(set);
    if (!validated.ok) throw new Error('invalid');
    const expected = validated.claimSet.claims.reduce((sum, claim) => sum + claim.phrasings.length + claim.keyPhrases.length, 0);
    expect(allPhrasings(validated.claimSet)).toHaveLength(expected);
  });
});

describe('vocabulary', () => {
  it('reads lemmas with tagged senses from a WordNet index and skips the licence header', () => {
    const index = [
      '  1 This software and database is being provided',
      'harbor n 2 3 @ ~ + 2 1 08639058 03492542',
      'quasar n 1 1 @ 1 0 09451684',
      'ice_cream n 1 2 @ ~ 1 1 07609840',
      'keep v 22 5 @ ~ $ + > 22 15 02681795',
    ].join('\n');
    expect(readWordnetIndex(index)).toEqual(['harbor', 'keep']);
  });

  it('collects lower-case content words once, without stop words', () => {
    expect(contentWords(['The Company would PAUSE training; pause again.'])).toEqual(['company', 'pause', 'training']);
  });
});
