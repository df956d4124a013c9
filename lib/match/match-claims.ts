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
/**
 * Share of a sentence's distinctive content (IDF mass) that must belong to the claim. Sentences that
 * merely brush a claim ("if one developer paused, others would race ahead") carry mostly other
 * content; sentences that report it are mostly about it. Evidence at STRONG_SCORE needs no share.
 */
const MIN_FOCUS = 0.32;
const STRONG_SCORE = 0.9;
/** Words no claim uses still dilute focus, at half the weight of the rarest claim word. */
const UNKNOWN_TERM_IDF_SHARE = 0.5;
/** A heading names a topic rather than stating a claim: it needs strong evidence to be highlighted. */
const HEADING_MAX_WORDS = 14;
/** A capitalised distinctive name ("Frontier Safety Roadmaps") counts as this much evidence. */
const KEY_PHRASE_SCORE = 0.9;
/** How far back (characters) a claim's actor may be named for a sentence that does not name it. */
const ACTOR_LOOKBACK = 1500;
/** A document naming its actor this often is about that actor, even far from the sentence. */
const DOMINANT_ACTOR_MENTIONS = 3;
/**
 * Terms shared by more than 1% of claims (and at least 32) nominate no candidates; they still
 * count in scores. A claim is found through its rarer words, so matching cost follows the page,
 * not the size of the claim set.
 */
const COMMON_TERM_SHARE = 0.01;
const COMMON_TERM_MIN_CLAIMS = 32;

/** Organisation names we do not know still tell us a sentence is about someone else. */
const UNKNOWN_ORGANISATION =
  /\b((?:[A-Z][\p{L}\p{N}&-]*\s+){1,3})(?:Labs?|Inc\.?|Corp\.?|Corporation|Technologies|Systems|Robotics|Dynamics|Ltd\.?|LLC|GmbH)\b/gu;
/** Each unknown name costs a pass over the page: a page naming more organisations than this is rare. */
const MAX_UNKNOWN_NAMES = 32;
const NOT_A_NAME = new Set(['The', 'A', 'An', 'Its', 'Their', 'This', 'That', 'Our', 'New', 'Other', 'Some', 'Many', 'Both', 'All']);

interface HydratedIndex {
  source: ClaimIndex;
  termIds: Map<string, number>;
  /** First term id of an actor pattern -> patterns starting with it. */
  actorStarts: Map<number, Array<{ actor: number; pattern: number[] }>>;
  common: Set<number>;
  /** IDF of each term across claims, for the focus measure. */
  idf: Float64Array;
  unknownIdf: number;
  /** Scratch accumulator, one slot per claim, kept zeroed between units. */
  scratch: Float64Array;
}

const hydrated = new WeakMap<ClaimIndex, HydratedIndex>();

function hydrate(index: ClaimIndex): HydratedIndex {
  const cached = hydrated.get(index);
  if (cached) return cached;
  const termIds = new Map(index.terms.map((term, id) => [term, id]));
  // Hydration is O(terms), not O(claims): a background that wakes up with a 10,000-claim index
  // must not rebuild per-claim structures before it can answer.
  const commonLimit = Math.max(COMMON_TERM_MIN_CLAIMS, index.claims.length * COMMON_TERM_SHARE);
  const common = new Set<number>();
  index.postings.forEach((pairs, term) => {
    if (pairs.length / 2 > commonLimit) common.add(term);
  });
  const actorStarts = new Map<number, Array<{ actor: number; pattern: number[] }>>();
  index.actors.forEach((actor, actorIndex) => {
    for (const pattern of actor.patterns) {
      const list = actorStarts.get(pattern[0]!) ?? [];
      list.push({ actor: actorIndex, pattern });
      actorStarts.set(pattern[0]!, list);
    }
  });
  const claimCount = Math.max(1, index.claims.length);
  const idf = Float64Array.from(index.postings, (pairs) => Math.log(1 + claimCount / Math.max(1, pairs.length / 2)));
  const unknownIdf = Math.log(1 + claimCount) * UNKNOWN_TERM_IDF_SHARE;
  const scratch = new Float64Array(index.claims.length);
  const result = { source: index, termIds, actorStarts, common, idf, unknownIdf, scratch };
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
  const positions = new Set<number>();
  for (const match of text.matchAll(UNKNOWN_ORGANISATION)) {
    const start = match.index;
    if (covered.some(([from, to]) => start < to && start + match[0].length > from)) continue;
    const names = match[1]!.trim().split(/\s+/).filter((word) => !NOT_A_NAME.has(word));
    if (names.length === 0) continue;
    mentions.push({ position: start, actor: -1 });
    positions.add(start);
    if (unknownNames.size < MAX_UNKNOWN_NAMES) unknownNames.add(names[0]!);
  }
  // Once "Nimbus Labs" is named, a later bare "Nimbus" is the same organisation.
  for (const name of unknownNames) {
    const bare = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gu');
    for (const match of text.matchAll(bare)) {
      if (!positions.has(match.index)) {
        positions.add(match.index);
        mentions.push({ position: match.index, actor: -1 });
      }
    }
  }
  return mentions.sort((a, b) => a.position - b.position);
}

/** Who a unit is about, worked out once per unit: actors named in it and the last one named before it. */
interface UnitActors {
  inUnit: Set<number>;
  previous: ActorMention | undefined;
}

/** Walks the sorted mentions alongside the (sorted) units, so each unit costs only its own mentions. */
function actorCursor(mentions: readonly ActorMention[]): (unit: TextUnit) => UnitActors {
  let next = 0;
  let previous: ActorMention | undefined;
  return (unit) => {
    while (next < mentions.length && mentions[next]!.position < unit.start) previous = mentions[next++];
    const inUnit = new Set<number>();
    for (let i = next; i < mentions.length && mentions[i]!.position < unit.end; i++) inUnit.add(mentions[i]!.actor);
    return { inUnit, previous };
  };
}

/** Whether the claim's actor is the one a unit is about: named in it, named last before it, or the document's subject. */
function actorFits(claim: CompiledClaim, unit: TextUnit, actors: UnitActors, counts: ReadonlyMap<number, number>): boolean {
  if (actors.inUnit.has(claim.actor)) return true;
  if (actors.inUnit.size > 0) return false;
  const { previous } = actors;
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

/** A key phrase alone identifies a claim only in a real sentence, not in a heading or caption. */
const MIN_NAMED_UNIT_TERMS = 6;
/** Where a sentence may be cut when it carries several claims. */
const CLAUSE_BREAK = /[,:;–—]\s+|\s+(?:and|while|but|whereas)\s+/g;

interface UnitContext {
  index: ClaimIndex;
  hydrated: HydratedIndex;
  counts: ReadonlyMap<number, number>;
}

interface Scored {
  claimIndex: number;
  score: number;
}

interface UnitTerms {
  terms: Set<number>;
  /** IDF mass of the unit's distinct terms, known or not. */
  mass: number;
}

function termsOf(context: UnitContext, content: ReadonlyArray<{ token: Token; id: number }>): UnitTerms {
  const terms = new Set<number>();
  const unknown = new Set<string>();
  for (const { token, id } of content) {
    if (id >= 0) terms.add(id);
    else unknown.add(token.term);
  }
  let mass = unknown.size * context.hydrated.unknownIdf;
  for (const term of terms) mass += context.hydrated.idf[term]!;
  return { terms, mass };
}

/**
 * Once a sentence is known to state a claim, finding *which clause* states it needs less evidence
 * than detecting it did: the gates still apply, the threshold and focus do not.
 */
const LOCATE_THRESHOLD = 0.3;

/** The claim's score for a unit's terms, or undefined when it fails its gates or is off focus. */
function scoreClaim(
  context: UnitContext,
  claimIndex: number,
  unit: UnitTerms,
  content: ReadonlyArray<{ token: Token; id: number }>,
  locating = false,
): number | undefined {
  const claim = context.index.claims[claimIndex]!;
  let sum = 0;
  let shared = 0;
  const vocabulary = claim.vocabulary;
  for (let i = 0; i < vocabulary.length; i += 2) {
    const term = vocabulary[i]!;
    if (unit.terms.has(term)) {
      sum += vocabulary[i + 1]! / 1000;
      shared += context.hydrated.idf[term]!;
    }
  }
  let score = Math.min(1, sum / claim.norm);
  const named = content.length >= MIN_NAMED_UNIT_TERMS && hasCapitalisedKeyPhrase(claim, content);
  if (named) score = Math.max(score, KEY_PHRASE_SCORE);
  if (score < (locating ? LOCATE_THRESHOLD : MATCH_THRESHOLD) || (!named && !passesGates(claim, unit.terms))) return undefined;
  if (!locating && score < STRONG_SCORE && shared / unit.mass < MIN_FOCUS) return undefined;
  return score;
}

/** A claim's weight in a posting list, by binary search: postings are in claim order, so nothing is built. */
function weightIn(pairs: readonly number[], claimIndex: number): number {
  let low = 0;
  let high = pairs.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const claim = pairs[mid * 2]!;
    if (claim === claimIndex) return pairs[mid * 2 + 1]! / 1000;
    if (claim < claimIndex) low = mid + 1;
    else high = mid - 1;
  }
  return 0;
}

/** Every claim a unit states: scored, gated and about the right actor, best first. */
function claimsInUnit(context: UnitContext, unit: TextUnit, content: ReadonlyArray<{ token: Token; id: number }>, actors: UnitActors): Scored[] {
  const unitTerms = termsOf(context, content);
  if (unitTerms.terms.size === 0) return [];
  const { index, hydrated } = context;
  // Accumulate along the postings (cost: the unit's postings, not the claim count)…
  const acc = hydrated.scratch;
  const touched: number[] = [];
  for (const term of unitTerms.terms) {
    if (hydrated.common.has(term)) continue;
    const pairs = index.postings[term]!;
    for (let i = 0; i < pairs.length; i += 2) {
      const claim = pairs[i]!;
      if (acc[claim] === 0) touched.push(claim);
      // A zero weight still marks the claim as touched.
      acc[claim] = acc[claim]! + (pairs[i + 1]! / 1000 || Number.MIN_VALUE);
    }
  }
  const capitalised = new Set<number>();
  for (const { token, id } of content) if (token.capitalized && id >= 0) capitalised.add(id);
  const commonHere: Array<readonly number[]> = [];
  for (const term of unitTerms.terms) if (hydrated.common.has(term)) commonHere.push(index.postings[term]!);
  // …add the few common terms the unit has, and score fully only claims that reach the threshold or may be named.
  const found: Scored[] = [];
  for (const claimIndex of touched) {
    const claim = index.claims[claimIndex]!;
    let sum = acc[claimIndex]!;
    acc[claimIndex] = 0;
    for (const pairs of commonHere) sum += weightIn(pairs, claimIndex);
    const bound = sum / claim.norm;
    const nameable = content.length >= MIN_NAMED_UNIT_TERMS && claim.keyPhrases.some((phrase) => capitalised.has(phrase[0]!));
    if (bound < MATCH_THRESHOLD && !nameable) continue;
    const score = scoreClaim(context, claimIndex, unitTerms, content);
    if (score === undefined) continue;
    if (!actorFits(claim, unit, actors, context.counts)) continue;
    found.push({ claimIndex, score });
  }
  return found.sort((a, b) => b.score - a.score || a.claimIndex - b.claimIndex);
}

/**
 * Gives each of several claims in one sentence the shortest run of clauses that still states it,
 * so "X requires A and penalises B" highlights A and B separately. A claim that needs the whole
 * sentence keeps it, and claims that cannot be separated from a better one are dropped.
 */
function splitAmongClaims(
  context: UnitContext,
  text: string,
  unit: TextUnit,
  content: ReadonlyArray<{ token: Token; id: number }>,
  claims: readonly Scored[],
): Array<{ claimIndex: number; score: number; start: number; end: number }> {
  const cuts = [unit.start];
  CLAUSE_BREAK.lastIndex = 0;
  const slice = text.slice(unit.start, unit.end);
  for (let match = CLAUSE_BREAK.exec(slice); match; match = CLAUSE_BREAK.exec(slice)) cuts.push(unit.start + match.index + match[0].length);
  cuts.push(unit.end);
  const pieces = cuts.length - 1;
  const assigned: Array<{ claimIndex: number; score: number; start: number; end: number; from: number; to: number }> = [];
  for (const { claimIndex, score } of claims) {
    let best: { from: number; to: number; score: number } | undefined;
    for (let length = 1; length <= pieces && !best; length++) {
      for (let from = 0; from + length <= pieces; from++) {
        const to = from + length;
        if (assigned.some((a) => from < a.to && a.from < to)) continue;
        const start = cuts[from]!;
        const end = cuts[to]!;
        const part = content.filter(({ token }) => token.start >= start && token.end <= end);
        const partScore = scoreClaim(context, claimIndex, termsOf(context, part), part, true);
        if (partScore !== undefined && (!best || partScore > best.score)) best = { from, to, score: partScore };
      }
    }
    if (!best) continue;
    assigned.push({ claimIndex, score: Math.max(score, best.score), start: cuts[best.from]!, end: cuts[best.to]!, from: best.from, to: best.to });
  }
  // Splitting only pays when it separates claims; one claim alone keeps its whole sentence.
  if (assigned.length <= 1) return [{ ...claims[0]!, start: unit.start, end: unit.end }];
  return assigned.map(({ claimIndex, score, start, end }) => {
    // Trim the clause's delimiter and spaces so the highlight hugs the words.
    let s = start;
    let e = end;
    while (s < e && /[\s,:;–—]/.test(text[s]!)) s++;
    while (e > s && /[\s,:;–—]/.test(text[e - 1]!)) e--;
    const tail = /\s+(?:and|while|but|whereas)$/.exec(text.slice(s, e));
    if (tail) e -= tail[0].length;
    return { claimIndex, score, start: s, end: e };
  });
}

/** A short unit that is its whole block and ends without sentence punctuation: a heading or a caption. */
function isHeading(text: string, unit: TextUnit, words: number): boolean {
  if (words > HEADING_MAX_WORDS || /[.!?:;"”’)]$/.test(text.slice(unit.start, unit.end))) return false;
  const before = text.slice(Math.max(0, unit.start - 2), unit.start);
  const after = text.slice(unit.end, unit.end + 2);
  const startsBlock = unit.start === 0 || /[\n\u2029]\s*$/.test(before);
  const endsBlock = unit.end === text.length || /^\s*[\n\u2029]/.test(after);
  return startsBlock && endsBlock;
}

/**
 * Finds the claims a text states or reports. Each sentence or clause is scored against every claim
 * that shares a term with it (through the inverted index), then must pass the claim's key-term
 * gates and actor check. A sentence carrying several claims is split between them.
 */
export function matchClaims(text: string, index: ClaimIndex, canonicalizer: Canonicalizer = defaultCanonicalizer()): ClaimMatch[] {
  const hydratedIndex = hydrate(index);
  const tokens = tokenize(text, canonicalizer);
  const content = contentTermIds(tokens, hydratedIndex.termIds);
  const mentions = findActorMentions(text, content, hydratedIndex);
  const counts = new Map<number, number>();
  for (const mention of mentions) counts.set(mention.actor, (counts.get(mention.actor) ?? 0) + 1);
  const context: UnitContext = { index, hydrated: hydratedIndex, counts };
  const actorsOf = actorCursor(mentions);

  const matches: ClaimMatch[] = [];
  let cursor = 0;
  for (const unit of segmentUnits(text)) {
    while (cursor < content.length && content[cursor]!.token.start < unit.start) cursor++;
    const unitContent: Array<{ token: Token; id: number }> = [];
    for (let i = cursor; i < content.length && content[i]!.token.start < unit.end; i++) unitContent.push(content[i]!);
    let found = claimsInUnit(context, unit, unitContent, actorsOf(unit));
    if (isHeading(text, unit, unitContent.length)) found = found.filter((claim) => claim.score >= STRONG_SCORE);
    if (found.length === 0) continue;
    const spans =
      found.length === 1
        ? [{ ...found[0]!, start: unit.start, end: unit.end }]
        : splitAmongClaims(context, text, unit, unitContent, found);
    spans.sort((a, b) => a.start - b.start);
    for (const span of spans) {
      matches.push({ claimId: index.claims[span.claimIndex]!.id, start: span.start, end: span.end, score: Math.round(span.score * 1000) / 1000 });
    }
  }
  return matches;
}
