import type { Claim, ClaimKind, ClaimStatus } from '../claims/schema';
import { defaultCanonicalizer, type Canonicalizer } from './canonicalize';
import { tokenize } from './tokenize';

export const CLAIM_INDEX_FORMAT = 3;
/** Weight of a key term the phrasings never use, as a share of its IDF. */
const KEY_TERM_WEIGHT = 0.25;

export interface CompiledClaim {
  id: string;
  actor: number;
  kind: ClaimKind;
  status: ClaimStatus;
  /** Each gate is a list of alternatives; an alternative is a bag of term ids that must all be present. */
  gates: number[][][];
  /** Distinctive names as term-id sequences. */
  keyPhrases: number[][];
  /** Sum of weights of a typical phrasing: a unit that says the claim as fully as a phrasing scores 1. */
  norm: number;
  /** The claim's terms and weights, flat pairs [term, weight×1000, …]: what exact scoring walks. */
  vocabulary: number[];
}

/**
 * The compiled, serialisable index: plain arrays only, so the background can cache it in
 * IndexedDB and rebuild nothing when a service worker wakes up.
 */
export interface ClaimIndex {
  format: typeof CLAIM_INDEX_FORMAT;
  claimSetVersion: string;
  terms: string[];
  claims: CompiledClaim[];
  actors: Array<{ id: string; name: string; patterns: number[][] }>;
  /** term id -> flat pairs [claim, weight×1000, claim, weight×1000, …]. */
  postings: number[][];
}

function termIdsOf(text: string, canonicalizer: Canonicalizer, intern: (term: string) => number): number[] {
  return tokenize(text, canonicalizer)
    .map((token) => token.term)
    .filter((term) => term !== '')
    .map(intern);
}

/**
 * Compiles claims into an inverted index over canonical terms. A term's weight for a claim is its
 * IDF across claims times the share of the claim's phrasings that use it: words every phrasing
 * repeats are the claim's core, words one phrasing happens to use count less.
 */
export function compileClaimIndex(
  claims: readonly Claim[],
  claimSetVersion: string,
  canonicalizer: Canonicalizer = defaultCanonicalizer(),
): ClaimIndex {
  const terms: string[] = [];
  const termIds = new Map<string, number>();
  const intern = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      terms.push(term);
      termIds.set(term, id);
    }
    return id;
  };

  const actors: ClaimIndex['actors'] = [];
  const actorIds = new Map<string, number>();
  const actorPatternKeys: Array<Set<string>> = [];
  const phrasingTerms: number[][][] = [];
  const documentFrequency = new Map<number, number>();

  const compiled: CompiledClaim[] = claims.map((claim) => {
    let actor = actorIds.get(claim.actor.id);
    if (actor === undefined) {
      actor = actors.length;
      actorIds.set(claim.actor.id, actor);
      actors.push({ id: claim.actor.id, name: claim.actor.name, patterns: [] });
      actorPatternKeys.push(new Set());
    }
    const actorEntry = actors[actor]!;
    const seen = actorPatternKeys[actor]!;
    for (const name of [claim.actor.name, ...claim.actor.aliases]) {
      const pattern = termIdsOf(name, canonicalizer, intern);
      const key = pattern.join(' ');
      if (pattern.length > 0 && !seen.has(key)) {
        seen.add(key);
        actorEntry.patterns.push(pattern);
      }
    }
    const phrasings = [claim.statement, ...claim.phrasings].map((text) => [...new Set(termIdsOf(text, canonicalizer, intern))]);
    phrasingTerms.push(phrasings);
    for (const term of new Set(phrasings.flat())) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    return {
      id: claim.id,
      actor,
      kind: claim.kind,
      status: claim.status,
      gates: claim.keyTerms.map((group) =>
        group.map((alternative) => [...new Set(termIdsOf(alternative, canonicalizer, intern))]).filter((bag) => bag.length > 0),
      ),
      keyPhrases: claim.keyPhrases.map((phrase) => termIdsOf(phrase, canonicalizer, intern)).filter((ids) => ids.length > 0),
      norm: 0,
      vocabulary: [],
    };
  });

  const claimCount = Math.max(1, claims.length);
  const postings: number[][] = terms.map(() => []);
  compiled.forEach((claim, claimIndex) => {
    const phrasings = phrasingTerms[claimIndex]!;
    const share = new Map<number, number>();
    for (const phrasing of phrasings) for (const term of phrasing) share.set(term, (share.get(term) ?? 0) + 1);
    const weight = new Map<number, number>();
    for (const [term, count] of share) {
      const idf = Math.log(1 + claimCount / (documentFrequency.get(term) ?? 1));
      weight.set(term, idf * (count / phrasings.length));
    }
    let total = 0;
    for (const phrasing of phrasings) for (const term of phrasing) total += weight.get(term) ?? 0;
    claim.norm = total / phrasings.length || 1;
    // Key terms are the claim's words by definition: they count a little, and count as on-topic.
    for (const term of new Set(claim.gates.flat(2))) {
      if (!weight.has(term)) weight.set(term, KEY_TERM_WEIGHT * Math.log(1 + claimCount / (documentFrequency.get(term) ?? 1)));
    }
    for (const [term, value] of weight) {
      const scaled = Math.round(value * 1000);
      postings[term]!.push(claimIndex, scaled);
      claim.vocabulary.push(term, scaled);
    }
  });

  return { format: CLAIM_INDEX_FORMAT, claimSetVersion, terms, claims: compiled, actors, postings };
}
