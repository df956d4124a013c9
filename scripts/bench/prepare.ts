/**
 * Builds everything the contenders share: the tiled pages with their recall probes, and the claim
 * sets with their compiled indexes (compiled in Node, as the background does once and caches) and
 * phrasing lists (for the mark.js and fuzzy-anchoring contenders).
 */
import type { ClaimSet, ClaimSetInput } from '../../lib/claims/schema';
import { describeClaimSetIssues, validateClaimSet } from '../../lib/claims/validate-claim-set';
import { compileClaimIndex, type ClaimIndex } from '../../lib/match/compile-index';
import { buildPage, type BenchPage } from './build-page';
import type { Corpus } from './fixture-corpus';
import type { RecallProbe } from './harness-types';
import { median } from './stats';
import { generateClaimSet } from './synthetic-claims';
import type { Vocabulary } from './vocabulary';

export interface PreparedPage extends BenchPage {
  probes: RecallProbe[];
}

export interface PreparedSet {
  name: string;
  claims: number;
  /** Every phrasing and key phrase of every claim: what mark.js and the fuzzy anchorer search for. */
  phrasings: string[];
  index: ClaimIndex;
  indexJson: string;
  /** The claim set itself (validated input), for a build that bundles it. */
  claimSetJson: string;
  compileMs: number;
}

export const PAGE_SIZES = [
  { name: '2k', words: 2_000 },
  { name: '10k', words: 10_000 },
  { name: '100k', words: 100_000 },
] as const;

export function preparePages(corpus: Corpus, sizes: ReadonlyArray<{ name: string; words: number }> = PAGE_SIZES): PreparedPage[] {
  return sizes.map(({ name, words }) => {
    const page = buildPage(corpus, words, name);
    return { ...page, probes: page.placements.map(({ blockId, start, end, required }) => ({ blockId, start, end, required })) };
  });
}

export function allPhrasings(set: ClaimSet): string[] {
  return set.claims.flatMap((claim) => [...claim.phrasings, ...claim.keyPhrases]);
}

function validated(input: ClaimSetInput, name: string): ClaimSet {
  const result = validateClaimSet(input);
  if (!result.ok) throw new Error(`claim set ${name} is invalid:\n${describeClaimSetIssues(result.issues)}`);
  return result.claimSet;
}

/** The default set as shipped, then synthetic sets of each size with the default claims inside. */
export function prepareClaimSets(base: ClaimSetInput, sizes: readonly number[], vocabulary: Vocabulary, compileRuns: number): PreparedSet[] {
  const inputs: Array<{ name: string; input: ClaimSetInput }> = [
    { name: 'default', input: base },
    ...sizes.map((size) => ({ name: String(size), input: generateClaimSet(base, size, vocabulary) })),
  ];
  return inputs.map(({ name, input }) => {
    const set = validated(input, name);
    const times: number[] = [];
    let index: ClaimIndex | undefined;
    for (let run = 0; run < compileRuns; run++) {
      const t0 = performance.now();
      index = compileClaimIndex(set.claims, set.version);
      times.push(performance.now() - t0);
    }
    const indexJson = JSON.stringify(index);
    return { name, claims: set.claims.length, phrasings: allPhrasings(set), index: index!, indexJson, claimSetJson: JSON.stringify(input), compileMs: median(times) };
  });
}
