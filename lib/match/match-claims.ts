import { defaultCanonicalizer, type Canonicalizer } from './canonicalize';
import type { ClaimIndex, CompiledClaim } from './compile-index';
import { analyseDiscourse, buildNameTable, type NameTable, type UnitDiscourse } from './discourse';
import { accepts, FEATURE_NAMES, type Features } from './model';
import { segmentDocument, type DocumentBlock, type TextUnit } from './segment-units';
import { tokenize, type Token } from './tokenize';
import { withTunables, type Tunables } from './tunables';

export interface ClaimMatch {
  claimId: string;
  /** Offsets into the text given to `matchClaims` (UTF-16 code units): the sentence or clause that carries the claim. */
  start: number;
  end: number;
  /** 0..1: how fully the span says the claim (1 = as fully as one of its phrasings, or a distinctive name). */
  score: number;
}

/** One candidate the matcher judged: for training the model and for diagnostics. */
export interface CandidateReport {
  start: number;
  end: number;
  claimId: string;
  features: Features;
  accepted: boolean;
  probability: number;
}

export interface MatchOptions {
  canonicalizer?: Canonicalizer;
  /** Overrides of lib/match/tunables.ts (what `npm run eval -- --sweep` varies). */
  tunables?: Partial<Tunables>;
  /** Called with every candidate judged, accepted or not. */
  onCandidate?: (candidate: CandidateReport) => void;
}

export interface MatchResult {
  matches: ClaimMatch[];
  /** The per-call work budget ran out: units after `matchedUpTo` were not looked at. */
  truncated: boolean;
  matchedUpTo: number;
  /** Work spent, in the budget's units. */
  work: number;
}

/** @deprecated kept for callers that read it: the rule's score threshold (see tunables.ts). */
export const MATCH_THRESHOLD = 0.5;

interface HydratedIndex {
  source: ClaimIndex;
  termIds: Map<string, number>;
  common: Uint8Array;
  /** IDF of each term across claims, for the focus measure and facets. */
  idf: Float64Array;
  unknownIdf: number;
  /** Per claim: facet term ids and IDF totals. */
  facetTotals: Float64Array[];
  names: NameTable;
  /** Scratch accumulator, one slot per claim, kept zeroed between units. */
  scratch: Float64Array;
  /** Per claim, coalition membership of its actor (actor ids it is a member of). */
  commonLimit: number;
}

/** Words no claim uses still dilute focus, at half the weight of the rarest claim word. */
const UNKNOWN_TERM_IDF_SHARE = 0.5;
/** A key phrase alone identifies a claim only in a real sentence, not in a heading or caption. */
const MIN_NAMED_UNIT_TERMS = 6;
/** Where a sentence may be cut when it carries several claims. */
const CLAUSE_BREAK = /[,:;–—]\s+|\s+(?:and|while|but|whereas)\s+/g;

const hydrated = new WeakMap<ClaimIndex, Map<string, HydratedIndex>>();

function hydrate(index: ClaimIndex, tunables: Tunables): HydratedIndex {
  const key = `${tunables.commonTermShare}/${tunables.commonTermMinClaims}`;
  let byKey = hydrated.get(index);
  const cached = byKey?.get(key);
  if (cached) return cached;
  const termIds = new Map(index.terms.map((term, id) => [term, id]));
  // Hydration is O(terms + facets), not O(claims × terms): a background that wakes up with a
  // 10,000-claim index must not rebuild much before it can answer.
  const commonLimit = Math.max(tunables.commonTermMinClaims, index.claims.length * tunables.commonTermShare);
  const common = new Uint8Array(index.terms.length);
  index.postings.forEach((pairs, term) => {
    if (pairs.length / 2 > commonLimit) common[term] = 1;
  });
  const claimCount = Math.max(1, index.claims.length);
  const idf = Float64Array.from(index.postings, (pairs) => Math.log(1 + claimCount / Math.max(1, pairs.length / 2)));
  const unknownIdf = Math.log(1 + claimCount) * UNKNOWN_TERM_IDF_SHARE;
  const facetTotals = index.claims.map((claim) => Float64Array.from(claim.facets, (facet) => facet.reduce((sum, term) => sum + idf[term]!, 0)));
  const result: HydratedIndex = {
    source: index,
    termIds,
    common,
    idf,
    unknownIdf,
    facetTotals,
    names: buildNameTable(index),
    scratch: new Float64Array(index.claims.length),
    commonLimit,
  };
  if (!byKey) hydrated.set(index, (byKey = new Map()));
  byKey.set(key, result);
  return result;
}

interface Content {
  token: Token;
  id: number;
}

interface UnitTerms {
  terms: Set<number>;
  /** IDF mass of the unit's distinct terms, known or not. */
  mass: number;
}

function termsOf(h: HydratedIndex, content: readonly Content[]): UnitTerms {
  const terms = new Set<number>();
  const unknown = new Set<string>();
  for (const { token, id } of content) {
    if (id >= 0) terms.add(id);
    else unknown.add(token.term);
  }
  let mass = unknown.size * h.unknownIdf;
  for (const term of terms) mass += h.idf[term]!;
  return { terms, mass };
}

function gateShare(claim: CompiledClaim, terms: ReadonlySet<number>): number {
  if (claim.gates.length === 0) return 1;
  let passed = 0;
  for (const group of claim.gates) if (group.some((bag) => bag.every((term) => terms.has(term)))) passed++;
  return passed / claim.gates.length;
}

function hasCapitalisedKeyPhrase(claim: CompiledClaim, content: readonly Content[]): boolean {
  for (let p = 0; p < claim.keyPhrases.length; p++) {
    const phrase = claim.keyPhrases[p]!;
    const caps = claim.keyPhraseCaps[p]!;
    for (let i = 0; i + phrase.length <= content.length; i++) {
      let ok = true;
      for (let k = 0; k < phrase.length && ok; k++) {
        const { token, id } = content[i + k]!;
        const need = caps[k] ?? 1;
        ok = id === phrase[k] && (need === 2 ? token.caps === 2 : token.caps >= 1);
      }
      if (ok) return true;
    }
  }
  return false;
}

/** Lexical evidence of a claim in a set of terms: score, best facet, focus, gates. */
function lexical(h: HydratedIndex, claimIndex: number, unit: UnitTerms): { score: number; facet: number; facetMass: number; focus: number; gates: number } {
  const claim = h.source.claims[claimIndex]!;
  let sum = 0;
  let shared = 0;
  const vocabulary = claim.vocabulary;
  for (let i = 0; i < vocabulary.length; i += 2) {
    const term = vocabulary[i]!;
    if (unit.terms.has(term)) {
      sum += vocabulary[i + 1]! / 1000;
      shared += h.idf[term]!;
    }
  }
  let facet = 0;
  let facetMass = 0;
  const totals = h.facetTotals[claimIndex]!;
  claim.facets.forEach((terms, f) => {
    let covered = 0;
    for (const term of terms) if (unit.terms.has(term)) covered += h.idf[term]!;
    const share = totals[f]! > 0 ? covered / totals[f]! : 0;
    if (share > facet || (share === facet && covered > facetMass)) {
      facet = share;
      facetMass = covered;
    }
  });
  const rare = 3 * Math.log(1 + h.source.claims.length);
  return {
    score: Math.min(1, sum / claim.norm),
    facet,
    facetMass: Math.min(1, facetMass / rare),
    focus: unit.mass > 0 ? Math.min(1, shared / unit.mass) : 0,
    gates: gateShare(claim, unit.terms),
  };
}

/** How strongly a unit is about a claim's actor or instrument. */
function frameOf(index: ClaimIndex, claim: CompiledClaim, d: UnitDiscourse): { frame: number; actor: number; instrument: number; explicit: boolean; rival: boolean } {
  const actor = d.actors.get(claim.actor);
  let instrument = claim.instrument >= 0 ? d.instruments.get(claim.instrument) : 0;
  if (instrument > 0 && actor === 0) {
    // An instrument several actors make claims in (the Code of Practice) belongs to whichever of them the unit is about.
    const owners = index.instruments[claim.instrument]!.actors;
    if (owners.length > 1 && owners.some((owner) => owner !== claim.actor && d.actors.get(owner) > 0)) instrument *= 0.3;
  }
  const explicit = d.namedActors.includes(claim.actor) || (claim.instrument >= 0 && d.namedInstruments.includes(claim.instrument));
  const coalitionOf = index.actors[claim.actor]!;
  const rival = !explicit && d.namedActors.some((other) => other !== claim.actor && !coalitionOf.memberOf.includes(other) && !index.actors[other]!.memberOf.includes(claim.actor));
  return { frame: Math.max(actor, instrument), actor, instrument, explicit, rival };
}

function speakerIsOther(index: ClaimIndex, claim: CompiledClaim, d: UnitDiscourse): boolean {
  const s = d.speaker;
  if (!s) return false;
  const refers = (actors: readonly number[], instruments: readonly number[]) =>
    actors.includes(claim.actor) || (claim.instrument >= 0 && instruments.includes(claim.instrument)) || actors.some((a) => index.actors[a]!.memberOf.includes(claim.actor));
  if (refers(s.actors, s.instruments)) return false;
  const someoneElse = s.outsider || s.actors.length > 0;
  if (!someoneElse) return false;
  // "Critics say Anthropic dropped its pledge": the outsider reports what the actor did.
  return !refers(s.contentActors, s.contentInstruments);
}

interface Judged {
  claimIndex: number;
  features: Features;
  probability: number;
  score: number;
}

/** Work budget: linear in the text, so no page can make a call run long. */
class Budget {
  used = 0;
  constructor(readonly limit: number) {}
  spend = (n: number): void => {
    this.used += n;
  };
  get exhausted(): boolean {
    return this.used > this.limit;
  }
}

/**
 * Finds the claims a text states or reports. Each unit (sentence, clause, list item) is scored against
 * the claims that share a rare term with it and whose actor or instrument the unit is about (named,
 * referred to, inherited from the previous sentence, a heading or a lead-in); each candidate's features
 * go to the decider (lib/match/model.ts). A sentence carrying several claims is split between them.
 */
export function matchClaims(text: string, index: ClaimIndex, options: MatchOptions = {}): ClaimMatch[] {
  return matchClaimsDetailed(text, index, options).matches;
}

export function matchClaimsDetailed(text: string, index: ClaimIndex, options: MatchOptions = {}): MatchResult {
  const tunables = withTunables(options.tunables);
  const canonicalizer = options.canonicalizer ?? defaultCanonicalizer();
  const h = hydrate(index, tunables);
  const budget = new Budget(tunables.workBase + tunables.workPerChar * text.length);
  const tokens = tokenize(text, canonicalizer);
  budget.spend(tokens.length * 4);
  const doc = segmentDocument(text, tunables.maxUnitLength);
  budget.spend(text.length / 4);

  // Token ranges of units (units and tokens are both in text order).
  const ranges: Array<[number, number]> = [];
  let cursor = 0;
  for (const unit of doc.units) {
    while (cursor < tokens.length && tokens[cursor]!.start < unit.start) cursor++;
    let end = cursor;
    while (end < tokens.length && tokens[end]!.start < unit.end) end++;
    ranges.push([cursor, end]);
  }
  const discourse = analyseDiscourse(text, tokens, doc, index, h.names, tunables, ranges, budget.spend);

  const matches: ClaimMatch[] = [];
  let previousFacets = new Map<number, number>();
  let previousBlock = -1;
  let matchedUpTo = text.length;
  let truncated = false;
  for (let u = 0; u < doc.units.length; u++) {
    if (budget.exhausted) {
      truncated = true;
      matchedUpTo = doc.units[u]!.start;
      break;
    }
    const unit = doc.units[u]!;
    const block = doc.blocks[unit.block]!;
    const [from, to] = ranges[u]!;
    const content: Content[] = [];
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      if (token.term !== '') content.push({ token, id: h.termIds.get(token.term) ?? -1 });
    }
    budget.spend(content.length);
    const prior = unit.block === previousBlock ? previousFacets : new Map<number, number>();
    const judged = judgeUnit(h, tunables, unit, block, content, discourse[u]!, prior, budget, options.onCandidate, text);
    previousFacets = new Map(judged.all.map((j) => [j.claimIndex, j.features.facet]));
    previousBlock = unit.block;
    const found = judged.accepted;
    if (found.length === 0) continue;
    const spans = found.length === 1 ? [{ ...found[0]!, start: unit.start, end: unit.end }] : splitAmongClaims(h, tunables, text, unit, content, found, discourse[u]!);
    spans.sort((a, b) => a.start - b.start);
    for (const span of spans) {
      matches.push({ claimId: index.claims[span.claimIndex]!.id, start: span.start, end: span.end, score: Math.max(0.001, Math.round(span.score * 1000) / 1000) });
    }
  }
  return { matches, truncated, matchedUpTo, work: Math.round(budget.used) };
}

function judgeUnit(
  h: HydratedIndex,
  t: Tunables,
  unit: TextUnit,
  block: DocumentBlock,
  content: readonly Content[],
  d: UnitDiscourse,
  prior: ReadonlyMap<number, number>,
  budget: Budget,
  report: MatchOptions['onCandidate'],
  text: string,
): { accepted: Judged[]; all: Judged[] } {
  const index = h.source;
  const unitTerms = termsOf(h, content);
  if (unitTerms.terms.size === 0) return { accepted: [], all: [] };
  // Accumulate along the postings of the unit's rarer terms (cost: the unit's postings, not the claim count).
  const acc = h.scratch;
  const touched: number[] = [];
  for (const term of unitTerms.terms) {
    if (h.common[term]) continue;
    const pairs = index.postings[term]!;
    budget.spend(pairs.length / 2);
    for (let i = 0; i < pairs.length; i += 2) {
      const claim = pairs[i]!;
      if (acc[claim] === 0) touched.push(claim);
      // A zero weight still marks the claim as touched.
      acc[claim] = acc[claim]! + (pairs[i + 1]! / 1000 || Number.MIN_VALUE);
    }
  }
  // Only claims whose actor or instrument the unit is about go on; the best bounds first, a bounded number.
  const capitalised = new Set<number>();
  for (const { token, id } of content) if (token.caps > 0 && id >= 0) capitalised.add(id);
  const nominated: Array<{ claimIndex: number; bound: number; frame: ReturnType<typeof frameOf> }> = [];
  for (const claimIndex of touched) {
    const claim = index.claims[claimIndex]!;
    const bound = acc[claimIndex]! / claim.norm;
    acc[claimIndex] = 0;
    const frame = frameOf(index, claim, d);
    const nameable = content.length >= MIN_NAMED_UNIT_TERMS && claim.keyPhrases.some((phrase) => capitalised.has(phrase[0]!));
    if (frame.frame <= 0 && !nameable) continue;
    nominated.push({ claimIndex, bound: bound + frame.frame, frame });
  }
  budget.spend(touched.length);
  nominated.sort((a, b) => b.bound - a.bound || a.claimIndex - b.claimIndex);
  if (nominated.length > t.maxCandidates) nominated.length = t.maxCandidates;

  const lexicals = nominated.map(({ claimIndex }) => {
    budget.spend(index.claims[claimIndex]!.vocabulary.length / 2 + index.claims[claimIndex]!.facets.length * 8);
    return lexical(h, claimIndex, unitTerms);
  });
  // Best of each instrument (or actor) group, for "best" and "gap".
  const groupOf = (claimIndex: number) => {
    const claim = index.claims[claimIndex]!;
    return claim.instrument >= 0 ? `i${claim.instrument}` : `a${claim.actor}`;
  };
  const strength = (l: { score: number; facet: number }) => l.score + l.facet;
  const bestOfGroup = new Map<string, number>();
  nominated.forEach(({ claimIndex }, k) => {
    const group = groupOf(claimIndex);
    bestOfGroup.set(group, Math.max(bestOfGroup.get(group) ?? 0, strength(lexicals[k]!)));
  });

  const heading = block.kind === 'heading' || block.kind === 'question';
  const all: Judged[] = [];
  const accepted: Judged[] = [];
  nominated.forEach(({ claimIndex, frame }, k) => {
    const claim = index.claims[claimIndex]!;
    const l = lexicals[k]!;
    const named = content.length >= MIN_NAMED_UNIT_TERMS && hasCapitalisedKeyPhrase(claim, content);
    const best = bestOfGroup.get(groupOf(claimIndex))!;
    const features: Features = {
      score: l.score,
      facet: l.facet,
      facetMass: l.facetMass,
      focus: l.focus,
      gates: l.gates,
      gatesAll: l.gates >= 1 ? 1 : 0,
      named: named ? 1 : 0,
      frame: named ? Math.max(frame.frame, 0.5) : frame.frame,
      actor: frame.actor,
      instrument: frame.instrument,
      explicit: frame.explicit || named ? 1 : 0,
      rival: frame.rival ? 1 : 0,
      unknown: d.namesUnknown ? 1 : 0,
      otherSpeaker: speakerIsOther(index, claim, d) ? 1 : 0,
      question: d.question && !heading ? 1 : 0,
      heading: heading ? 1 : 0,
      item: block.kind === 'item' ? 1 : 0,
      short: content.length < MIN_NAMED_UNIT_TERMS ? 1 : 0,
      best: strength(l) >= best ? 1 : 0,
      gap: Math.max(0, best - strength(l)),
      previous: prior.get(claimIndex) ?? 0,
    };
    const decision = accepts(features, t);
    const score = Math.min(1, Math.max(l.score, named ? t.keyPhraseScore : 0, l.facet * Math.min(1, features.frame + 0.2)));
    const judgedOne: Judged = { claimIndex, features, probability: decision.probability, score };
    all.push(judgedOne);
    if (decision.accepted) accepted.push(judgedOne);
    report?.({ start: unit.start, end: unit.end, claimId: claim.id, features, accepted: decision.accepted, probability: decision.probability });
  });
  void text;
  // A claim far behind a better one of the same instrument is the neighbour's vocabulary.
  const kept = accepted.filter((j) => j.features.gap <= t.neighbourMargin);
  return { accepted: kept.sort((a, b) => b.probability - a.probability || b.score - a.score || a.claimIndex - b.claimIndex), all };
}

/**
 * Gives each of several claims in one sentence the shortest run of clauses that still states it,
 * so "X requires A, B and C" highlights A, B and C separately. At most `maxClauses` clauses (extra
 * cuts are dropped), so the search is bounded whatever the sentence. A claim that needs the whole
 * sentence keeps it; claims that cannot be separated from a better one are dropped.
 */
function splitAmongClaims(
  h: HydratedIndex,
  t: Tunables,
  text: string,
  unit: TextUnit,
  content: readonly Content[],
  claims: readonly Judged[],
  d: UnitDiscourse,
): Array<{ claimIndex: number; score: number; start: number; end: number }> {
  const index = h.source;
  let cuts = [unit.start];
  CLAUSE_BREAK.lastIndex = 0;
  const slice = text.slice(unit.start, unit.end);
  for (let match = CLAUSE_BREAK.exec(slice); match; match = CLAUSE_BREAK.exec(slice)) cuts.push(unit.start + match.index + match[0].length);
  cuts.push(unit.end);
  if (cuts.length - 1 > t.maxClauses) {
    // Keep evenly spaced cuts: a sentence of hundreds of commas is not read clause by clause.
    const kept = [unit.start];
    const inner = cuts.slice(1, -1);
    for (let k = 1; k < t.maxClauses; k++) kept.push(inner[Math.floor((k * inner.length) / t.maxClauses)]!);
    kept.push(unit.end);
    cuts = [...new Set(kept)];
  }
  const pieces = cuts.length - 1;
  // Each piece's content, once.
  const pieceContent: Content[][] = Array.from({ length: pieces }, () => []);
  let p = 0;
  for (const c of content) {
    while (p < pieces - 1 && c.token.start >= cuts[p + 1]!) p++;
    pieceContent[p]!.push(c);
  }
  // Which pieces name which known actors (for sentences about several: "Google signs, xAI signs one chapter and Meta says no").
  const several = new Set(d.namedActors).size > 1 && claims.some((j) => d.namedActors.includes(index.claims[j.claimIndex]!.actor));
  const assigned: Array<{ claimIndex: number; score: number; from: number; to: number }> = [];
  for (const judged of claims) {
    const claim = index.claims[judged.claimIndex]!;
    let best: { from: number; to: number; score: number } | undefined;
    for (let length = 1; length <= pieces && !best; length++) {
      for (let from = 0; from + length <= pieces; from++) {
        const to = from + length;
        if (assigned.some((a) => from < a.to && a.from < to)) continue;
        const part = pieceContent.slice(from, to).flat();
        if (part.length === 0) continue;
        const terms = termsOf(h, part);
        if (several && length < pieces && !namesClaimSubject(claim, d, cuts[from]!, cuts[to]!)) continue;
        const l = lexical(h, judged.claimIndex, terms);
        const evidence = Math.max(l.score, l.facet);
        const needed = t.locateShare * Math.max(judged.features.score, judged.features.facet);
        const gatesOk = l.gates >= Math.min(1, judged.features.gates);
        if (evidence >= needed && gatesOk && (!best || evidence > best.score)) best = { from, to, score: evidence };
      }
    }
    if (!best) continue;
    assigned.push({ claimIndex: judged.claimIndex, score: Math.max(judged.score, best.score), from: best.from, to: best.to });
  }
  // Splitting only pays when it separates claims; one claim alone keeps its whole sentence.
  if (assigned.length <= 1) return [{ claimIndex: claims[0]!.claimIndex, score: claims[0]!.score, start: unit.start, end: unit.end }];
  return assigned.map(({ claimIndex, score, from, to }) => {
    // Trim the clause's delimiter and spaces so the highlight hugs the words.
    let s = cuts[from]!;
    let e = cuts[to]!;
    while (s < e && /[\s,:;–—]/.test(text[s]!)) s++;
    while (e > s && /[\s,:;–—]/.test(text[e - 1]!)) e--;
    const tail = /\s+(?:and|while|but|whereas)$/.exec(text.slice(s, e));
    if (tail) e -= tail[0].length;
    return { claimIndex, score, start: s, end: e };
  });
}

/** Whether [start, end) names the claim's actor, a member of it, or its instrument. */
function namesClaimSubject(claim: CompiledClaim, d: UnitDiscourse, start: number, end: number): boolean {
  return d.mentions.some(
    (m) =>
      m.start >= start &&
      m.start < end &&
      (m.actors.includes(claim.actor) || m.coalitions.includes(claim.actor) || (claim.instrument >= 0 && m.instruments.includes(claim.instrument))),
  );
}

/** For tests and tools: the feature names in order. */
export { FEATURE_NAMES };
