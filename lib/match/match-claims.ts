import { defaultCanonicalizer, type Canonicalizer } from './canonicalize';
import type { ClaimIndex, CompiledClaim } from './compile-index';
import { segmentUnits, type TextUnit } from './segment-units';
import { tokenize, type Token } from './tokenize';

export interface ClaimMatch {
  claimId: string;
  /** Offsets into the text given to `matchClaims`: the sentence or clause that carries the claim. */
  start: number;
  end: number;
  /** 0..1: how fully the span says the claim (1 = as fully as one of its phrasings, or a distinctive name). */
  score: number;
}

/**
 * A highlight must be right far more often than it is present: a wrong one teaches readers to
 * ignore the extension. Calibrated on tests/fixtures/articles (see lib/match/README.md).
 */
export const MATCH_THRESHOLD = 0.5;
/** A capitalised distinctive name ("Frontier Safety Roadmaps") counts as this much evidence. */
const KEY_PHRASE_SCORE = 0.9;
/** How far back (characters) a claim's actor may be named for a sentence that does not name it. */
const ACTOR_LOOKBACK = 1500;
/** A document naming its actor this often is about that actor, even far from the sentence. */
const DOMINANT_ACTOR_MENTIONS = 3;
/** Terms shared by more claims than this do not nominate candidates (they still count in scores). */
const COMMON_TERM_CLAIMS = 256;

/** Organisation names we do not know still tell us a sentence is about someone else. */
const UNKNOWN_ORGANISATION =
  /\b((?:[A-Z][\p{L}\p{N}&-]*\s+){1,3})(?:Labs?|Inc\.?|Corp\.?|Corporation|Technologies|Systems|Robotics|Dynamics|Ltd\.?|LLC|GmbH)\b/gu;
const NOT_A_NAME = new Set(['The', 'A', 'An', 'Its', 'Their', 'This', 'That', 'Our', 'New', 'Other', 'Some', 'Many', 'Both', 'All']);

interface HydratedIndex {
  source: ClaimIndex;
  termIds: Map<string, number>;
  /** Per claim: term id -> weight, for exact rescoring of candidates. */
  weights: Array<Map<number, number>>;
  /** First term id of an actor pattern -> patterns starting with it. */
  actorStarts: Map<number, Array<{ actor: number; pattern: number[] }>>;
  common: Set<number>;
}

const hydrated = new WeakMap<ClaimIndex, HydratedIndex>();

function hydrate(index: ClaimIndex): HydratedIndex {
  const cached = hydrated.get(index);
  if (cached) return cached;
  const termIds = new Map(index.terms.map((term, id) => [term, id]));
  const weights = index.claims.map(() => new Map<number, number>());
  const common = new Set<number>();
  index.postings.forEach((pairs, term) => {
    if (pairs.length / 2 > COMMON_TERM_CLAIMS) common.add(term);
    for (let i = 0; i < pairs.length; i += 2) weights[pairs[i]!]!.set(term, pairs[i + 1]! / 1000);
  });
  const actorStarts = new Map<number, Array<{ actor: number; pattern: number[] }>>();
  index.actors.forEach((actor, actorIndex) => {
    for (const pattern of actor.patterns) {
      const list = actorStarts.get(pattern[0]!) ?? [];
      list.push({ actor: actorIndex, pattern });
      actorStarts.set(pattern[0]!, list);
    }
  });
  const result = { source: index, termIds, weights, actorStarts, common };
  hydrated.set(index, result);
  return result;
}

interface ActorMention {
  position: number;
  /** Index into index.actors, or -1 for an organisation the claim set does not know. */
  actor: number;
}

/** Term ids of content tokens (stop words dropped); -1 for terms the index does not know. */
function contentTermIds(tokens: readonly Token[], termIds: Map<string, number>): Array<{ token: Token; id: number }> {
  const out: Array<{ token: Token; id: number }> = [];
  for (const token of tokens) if (token.term !== '') out.push({ token, id: termIds.get(token.term) ?? -1 });
  return out;
}

function findActorMentions(text: string, content: ReadonlyArray<{ token: Token; id: number }>, index: HydratedIndex): ActorMention[] {
  const mentions: ActorMention[] = [];
  const covered: Array<[number, number]> = [];
  for (let i = 0; i < content.length; i++) {
    const starts = index.actorStarts.get(content[i]!.id);
    if (!starts) continue;
    for (const { actor, pattern } of starts) {
      if (pattern.every((id, k) => content[i + k]?.id === id)) {
        const start = content[i]!.token.start;
        mentions.push({ position: start, actor });
        covered.push([start, content[i + pattern.length - 1]!.token.end]);
        break;
      }
    }
  }
  const unknownNames = new Set<string>();
  for (const match of text.matchAll(UNKNOWN_ORGANISATION)) {
    const start = match.index;
    if (covered.some(([from, to]) => start < to && start + match[0].length > from)) continue;
    const names = match[1]!.trim().split(/\s+/).filter((word) => !NOT_A_NAME.has(word));
    if (names.length === 0) continue;
    mentions.push({ position: start, actor: -1 });
    unknownNames.add(names[0]!);
  }
  // Once "Nimbus Labs" is named, a later bare "Nimbus" is the same organisation.
  for (const name of unknownNames) {
    const bare = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gu');
    for (const match of text.matchAll(bare)) {
      if (!mentions.some((mention) => mention.position === match.index)) mentions.push({ position: match.index, actor: -1 });
    }
  }
  return mentions.sort((a, b) => a.position - b.position);
}

/** Whether the claim's actor is the one a unit is about: named in it, named last before it, or the document's subject. */
function actorFits(claim: CompiledClaim, unit: TextUnit, mentions: readonly ActorMention[], counts: ReadonlyMap<number, number>): boolean {
  let previous: ActorMention | undefined;
  let othersInUnit = false;
  for (const mention of mentions) {
    if (mention.position >= unit.end) break;
    if (mention.position >= unit.start) {
      if (mention.actor === claim.actor) return true;
      othersInUnit = true;
    } else previous = mention;
  }
  if (othersInUnit) return false;
  if (previous && unit.start - previous.position <= ACTOR_LOOKBACK) return previous.actor === claim.actor;
  const own = counts.get(claim.actor) ?? 0;
  if (own < DOMINANT_ACTOR_MENTIONS) return false;
  for (const [actor, count] of counts) if (actor !== claim.actor && count > own) return false;
  return true;
}

function passesGates(claim: CompiledClaim, terms: ReadonlySet<number>): boolean {
  return claim.gates.every((group) => group.some((bag) => bag.every((term) => terms.has(term))));
}

function hasCapitalisedKeyPhrase(claim: CompiledClaim, content: ReadonlyArray<{ token: Token; id: number }>): boolean {
  for (const phrase of claim.keyPhrases) {
    for (let i = 0; i + phrase.length <= content.length; i++) {
      if (phrase.every((id, k) => content[i + k]!.id === id && content[i + k]!.token.capitalized)) return true;
    }
  }
  return false;
}

/**
 * Finds the claims a text states or reports. Each sentence or clause is scored against every claim
 * that shares a term with it (through the inverted index), then must pass the claim's key-term
 * gates and actor check. One claim per span: the best.
 */
export function matchClaims(text: string, index: ClaimIndex, canonicalizer: Canonicalizer = defaultCanonicalizer()): ClaimMatch[] {
  const hydratedIndex = hydrate(index);
  const tokens = tokenize(text, canonicalizer);
  const content = contentTermIds(tokens, hydratedIndex.termIds);
  const mentions = findActorMentions(text, content, hydratedIndex);
  const counts = new Map<number, number>();
  for (const mention of mentions) counts.set(mention.actor, (counts.get(mention.actor) ?? 0) + 1);

  const matches: ClaimMatch[] = [];
  let cursor = 0;
  for (const unit of segmentUnits(text)) {
    while (cursor < content.length && content[cursor]!.token.start < unit.start) cursor++;
    const unitContent: Array<{ token: Token; id: number }> = [];
    for (let i = cursor; i < content.length && content[i]!.token.start < unit.end; i++) unitContent.push(content[i]!);
    const terms = new Set<number>();
    for (const { id } of unitContent) if (id >= 0) terms.add(id);
    if (terms.size === 0) continue;

    const candidates = new Set<number>();
    for (const term of terms) {
      if (hydratedIndex.common.has(term)) continue;
      const pairs = index.postings[term]!;
      for (let i = 0; i < pairs.length; i += 2) candidates.add(pairs[i]!);
    }

    let best: { claim: CompiledClaim; score: number } | undefined;
    for (const claimIndex of candidates) {
      const claim = index.claims[claimIndex]!;
      let sum = 0;
      for (const [term, weight] of hydratedIndex.weights[claimIndex]!) if (terms.has(term)) sum += weight;
      let score = Math.min(1, sum / claim.norm);
      const named = hasCapitalisedKeyPhrase(claim, unitContent);
      if (named) score = Math.max(score, KEY_PHRASE_SCORE);
      if (score < MATCH_THRESHOLD || (!named && !passesGates(claim, terms))) continue;
      if (best && best.score >= score) continue;
      if (!actorFits(claim, unit, mentions, counts)) continue;
      best = { claim, score };
    }
    if (best) matches.push({ claimId: best.claim.id, start: unit.start, end: unit.end, score: Math.round(best.score * 1000) / 1000 });
  }
  return matches;
}
