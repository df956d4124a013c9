import type { Claim, ClaimKind, ClaimStatus, HistoryEvent } from '../claims/schema';
import { defaultCanonicalizer, type Canonicalizer } from './canonicalize';
import { unknownLookingNames } from './discourse';
import { CLASS_NAME_WORDS, INDEFINITE_ARTICLES, INSTRUMENT_CLASSES, isDateWord, type InstrumentClass } from './lexicon';
import { quantitiesIn } from './quantities';
import { capsOf, nameKey, tokenize } from './tokenize';

export { capsOf };

/** Bumped whenever the index's shape or meaning changes (10: instruments' months, classes read from the name's head; 13: no facet of a document's name alone), so a stored index of an older one is compiled again. */
export const CLAIM_INDEX_FORMAT = 13;
/** Weight of a key term the phrasings never use, as a share of its IDF. */
const KEY_TERM_WEIGHT = 0.25;
/** A facet (one duty, one clause of the statement) needs this many content terms to say anything. */
const MIN_FACET_TERMS = 3;
/** At most 32: `termFacets` holds a word's facets as the bits of one 32-bit number. */
const MAX_FACETS = 32;

export interface CompiledClaim {
  id: string;
  actor: number;
  /** Indices into ClaimIndex.actors of the other parties to the agreement the claim is (`Claim.parties`); most claims have none. */
  parties: number[];
  /** Index into ClaimIndex.instruments, or -1 when the claim names none. */
  instrument: number;
  kind: ClaimKind;
  status: ClaimStatus;
  /** Each gate is a list of alternatives; an alternative is a bag of term ids that must all be present. */
  gates: number[][][];
  /** Distinctive names as term-id sequences. */
  keyPhrases: number[][];
  /** Per key phrase, per word: 0 any case, 1 capitalised, 2 all capitals (as the claim writes it). */
  keyPhraseCaps: number[][];
  /** Sum of weights of a typical phrasing: a unit that says the claim as fully as a phrasing scores 1. */
  norm: number;
  /** The claim's terms and weights, flat pairs [term, weight×1000, …]: what exact scoring walks. */
  vocabulary: number[];
  /**
   * Per word of `vocabulary` (same order, one number per pair): the facets using it, bit f for facet f
   * (at most 32 facets, so bit 31 makes the number negative). Worked out here so a waking worker or a
   * fresh page builds a claim's word table in one pass, without a map per claim.
   */
  termFacets: number[];
  /**
   * Facets: the statement cut into its clauses (one duty, one date, one exception) and each phrasing
   * whole, as term-id sets. A sentence that says one facet fully says part of the claim.
   */
  facets: number[][];
  /** The deadlines, periods, sums and shares its statement and phrasings state (`quantitiesIn` keys). */
  quantities: string[];
}

export interface CompiledActor {
  id: string;
  name: string;
  type: string;
  /** Indices of the coalitions (actors with members) that list this actor among their members. */
  memberOf: number[];
}

export interface CompiledInstrument {
  name: string;
  cls: InstrumentClass | '';
  /** Claims made in this instrument, and their actors. */
  claims: number[];
  actors: number[];
  /**
   * The months the instrument was introduced, enacted, took effect, modified or reworded, as year * 100 +
   * month (202606 for June 2026), sorted, from its claims' `history` and `effectiveDate`: what a dated
   * description ("the June order", "the 2023 pledges") is resolved by.
   */
  months: number[];
}

/**
 * A name readers meet: an actor's name or alias, a coalition member, an instrument's name or alias.
 * Matched on normalised words (not canonical terms: synonyms must never turn "grasp" into "Grok"),
 * respecting the capitals the claim set writes.
 */
export interface CompiledName {
  words: string[];
  /** Per word: 0 any case, 1 capitalised, 2 all capitals. */
  caps: number[];
  actors: number[];
  /** Coalitions this name is a member of. */
  coalitions: number[];
  instruments: number[];
  /**
   * A document's name a law's claims also use as a kind of document (a term of art), after "a", "an", "any",
   * "each" or "every", in their statements or phrasings: SB 53's "publish a frontier AI framework" beside
   * Meta's "Frontier AI Framework". After such a word on a page it names no document (discourse.ts `findNames`).
   */
  generic?: true;
}

/**
 * The compiled, serialisable index: plain arrays only. The background stores it in IndexedDB keyed
 * by build and packs (lib/background/claim-set-cache.ts), so a waking service worker rebuilds nothing.
 */
export interface ClaimIndex {
  format: typeof CLAIM_INDEX_FORMAT;
  claimSetVersion: string;
  terms: string[];
  claims: CompiledClaim[];
  actors: CompiledActor[];
  instruments: CompiledInstrument[];
  names: CompiledName[];
  /**
   * Names the claims' own statements and phrasings use that would otherwise read as an organisation or
   * instrument the set does not know ("Safety and Security Framework"), lower case (discourse.ts
   * `unknownLookingNames`): a page naming one is not about an outsider.
   */
  claimNames: string[];
  /** term id -> flat pairs [claim, weight×1000, claim, weight×1000, …]. */
  postings: number[][];
}

function termIdsOf(text: string, canonicalizer: Canonicalizer, intern: (term: string) => number): number[] {
  return tokenize(text, canonicalizer)
    .map((token) => token.term)
    .filter((term) => term !== '')
    .map(intern);
}

/** A number of two digits or more in a name: what makes "Law No. 132" that law whatever its case (see `nameEntry`). */
const DISTINCTIVE_NUMBER = /^\d{2,}/;

/** The words and case constraints of a name, as the tokenizer will see them on a page. */
function nameOf(text: string, canonicalizer: Canonicalizer): { words: string[]; caps: number[] } {
  const tokens = tokenize(text, canonicalizer);
  return { words: tokens.map((token) => nameKey(token.key)), caps: tokens.map((token) => token.caps) };
}

/**
 * Marks `generic` each document name of two words or more that a law's claim's statement or phrasings write after
 * an indefinite article (`INDEFINITE_ARTICLES`), the claim not being of that document. Linear in the claims'
 * words times the few names that start with the word after each determiner.
 */
function markGenericNames(names: CompiledName[], claims: readonly Claim[], compiled: readonly CompiledClaim[], instruments: readonly CompiledInstrument[], canonicalizer: Canonicalizer): void {
  const byFirst = new Map<string, CompiledName[]>();
  for (const name of names) {
    if (name.instruments.length === 0 || name.actors.length > 0 || name.words.length < 2) continue;
    const list = byFirst.get(name.words[0]!) ?? [];
    list.push(name);
    byFirst.set(name.words[0]!, list);
  }
  claims.forEach((claim, c) => {
    const own = compiled[c]!.instrument;
    // (A law's words: a statute's term of art. Our own paraphrase of a company's document as "a frontier safety
    // framework" makes no kind of one.)
    if (own < 0 || instruments[own]!.cls !== 'law') return;
    for (const text of [claim.statement, ...claim.phrasings]) {
      const keys = tokenize(text, canonicalizer).map((token) => nameKey(token.key));
      for (let i = 0; i + 1 < keys.length; i++) {
        if (!INDEFINITE_ARTICLES.has(keys[i]!)) continue;
        for (const name of byFirst.get(keys[i + 1]!) ?? []) {
          if (name.instruments.includes(own) || !name.words.every((word, k) => keys[i + 1 + k] === word)) continue;
          name.generic = true;
        }
      }
    }
  });
}

/** Where a name's head phrase ends: "Framework Convention | on …", "Executive Order 14365 | , Ensuring …" ("of" does not: "Council of Europe Framework Convention"). */
const NAME_HEAD_END = /[,:(]|\s(?:on|for|to|in|with)\s/;

/**
 * An instrument's class: the last class word of its name's head phrase ("Framework Convention on … the Rule of
 * Law" is a treaty, "Executive Order 14365, Ensuring …" an order, "Framework Act on …" a law), else the first
 * class (in INSTRUMENT_CLASSES order) any of its names has a word of; '' for none.
 */
function classOf(name: string, names: readonly string[][], canonicalizer: Canonicalizer): InstrumentClass | '' {
  const head = nameOf(name.split(NAME_HEAD_END)[0]!, canonicalizer).words;
  for (let k = head.length - 1; k >= 0; k--) {
    const cls = CLASS_OF_NAME_WORD.get(nameKey(head[k]!));
    if (cls) return cls;
  }
  // The first class in INSTRUMENT_CLASSES order: the lowest rank of any word's class.
  const order: readonly InstrumentClass[] = INSTRUMENT_CLASSES;
  let best: number = order.length;
  for (const words of names) {
    for (const word of words) {
      const cls = CLASS_OF_NAME_WORD.get(nameKey(word));
      if (cls) best = Math.min(best, order.indexOf(cls));
    }
  }
  return order[best] ?? '';
}

/** A name word's instrument class (`CLASS_NAME_WORDS`, by `nameKey`), the first class in INSTRUMENT_CLASSES order listing it. */
const CLASS_OF_NAME_WORD: ReadonlyMap<string, InstrumentClass> = (() => {
  const map = new Map<string, InstrumentClass>();
  for (const cls of INSTRUMENT_CLASSES) for (const word of CLASS_NAME_WORDS[cls]) if (!map.has(nameKey(word))) map.set(nameKey(word), cls);
  return map;
})();

/** Whether a clause says nothing but dates and at most one other word ("published 10 July 2025"). */
function datesOnly(text: string, canonicalizer: Canonicalizer): boolean {
  let others = 0;
  for (const token of tokenize(text, canonicalizer)) {
    if (token.term === '' || isDateWord(token.key)) continue;
    if (++others > 1) return false;
  }
  return true;
}

/**
 * The statement's clauses: sentences, then semicolons and colons, then (so each duty of a list is
 * its own facet) commas, merging pieces shorter than five words into their neighbour. Parentheses are
 * their own facet.
 */
function statementClauses(statement: string): string[] {
  const out: string[] = [];
  const parentheticals = [...statement.matchAll(/\(([^()]*)\)/g)].map((match) => match[1]!);
  const plain = statement.replace(/\s*\([^()]*\)/g, '');
  out.push(...parentheticals);
  for (const sentence of plain.split(/(?<=[.!?])\s+(?=[A-Z0-9"'])/)) {
    for (const clause of sentence.split(/[;:]\s+/)) {
      out.push(clause);
      const pieces = clause.split(/,\s+/);
      if (pieces.length < 2) continue;
      const merged: string[] = [];
      for (const piece of pieces) {
        const last = merged.length - 1;
        if (last >= 0 && merged[last]!.split(/\s+/).length < 5) merged[last] += `, ${piece}`;
        else merged.push(piece);
      }
      if (merged.length > 1) out.push(...merged);
    }
  }
  return out;
}

/** The events that date an instrument (its versions), not what was said about it later. */
const DATING_EVENTS: ReadonlySet<HistoryEvent> = new Set(['introduced', 'enacted', 'took-effect', 'modified', 'reworded']);

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

  const actors: CompiledActor[] = [];
  const actorIds = new Map<string, number>();
  const actorSources: Claim['actor'][] = [];
  const instruments: CompiledInstrument[] = [];
  const instrumentIds = new Map<string, number>();
  const instrumentAliases: string[][] = [];
  const phrasingTerms: number[][][] = [];
  const documentFrequency = new Map<number, number>();

  /**
   * The instrument of this actor that one of `aliases` names: a document renamed in a new version is one
   * instrument under either name (Meta's Frontier AI Framework of 2025 and its version 2, the Advanced AI
   * Scaling Framework), so its claims are siblings and its names are each other's. Only an instrument's
   * name counts, not its aliases: two documents both nicknamed "SB 53 framework" stay two. -1 when none.
   */
  const renamedInstrument = (aliases: readonly string[], actor: number): number => {
    for (const alias of aliases) {
      const known = instrumentIds.get(nameOf(alias, canonicalizer).words.join(' '));
      if (known !== undefined && instruments[known]!.actors.includes(actor)) return known;
    }
    return -1;
  };

  // An actor's index, registered (with its names) the first time a claim names it as its actor or a party.
  // Keyed by id and name, not the id alone: packs merged from different sources may give one id two actors
  // (a file's `{ id: "openai", name: "Acme" }` beside the bundled OpenAI), and each claim is read with the
  // actor its own pack named, never renamed by another pack's copy. Copies of one id and name are one actor
  // with all their aliases and members: a feed that adds an alias beside an older pack's copy is still one
  // Anthropic, for "the company" to refer to.
  const actorIndex = (source: Claim['actor']): number => {
    const key = JSON.stringify([source.id, source.name]);
    let actor = actorIds.get(key);
    if (actor === undefined) {
      actor = actors.length;
      actorIds.set(key, actor);
      actors.push({ id: source.id, name: source.name, type: source.type, memberOf: [] });
      actorSources.push(source);
    } else {
      const known = actorSources[actor]!;
      const aliases = [...new Set([...known.aliases, ...source.aliases])];
      const members = [...new Set([...(known.members ?? []), ...(source.members ?? [])])];
      if (aliases.length > known.aliases.length || members.length > (known.members ?? []).length) actorSources[actor] = { ...known, aliases, ...(members.length > 0 ? { members } : {}) };
    }
    return actor;
  };

  const compiled: CompiledClaim[] = claims.map((claim, claimIndex) => {
    const actor = actorIndex(claim.actor);
    const parties = [...new Set((claim.parties ?? []).map(actorIndex))].filter((party) => party !== actor);
    let instrument = -1;
    if (claim.instrument) {
      const key = nameOf(claim.instrument.name, canonicalizer).words.join(' ');
      instrument = instrumentIds.get(key) ?? renamedInstrument(claim.instrument.aliases, actor);
      if (instrument >= 0) instrumentIds.set(key, instrument);
      else {
        instrument = instruments.length;
        instrumentIds.set(key, instrument);
        instruments.push({ name: claim.instrument.name, cls: '', claims: [], actors: [], months: [] });
        instrumentAliases.push([claim.instrument.name]);
      }
      const entry = instruments[instrument]!;
      entry.claims.push(claimIndex);
      if (!entry.actors.includes(actor)) entry.actors.push(actor);
      const dates = [claim.effectiveDate, ...claim.history.filter((event) => DATING_EVENTS.has(event.event)).map((event) => event.date)];
      for (const date of dates) {
        const month = date ? Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7)) : 0;
        if (month > 0 && !entry.months.includes(month)) entry.months.push(month);
      }
      for (const alias of [claim.instrument.name, ...claim.instrument.aliases]) if (!instrumentAliases[instrument]!.includes(alias)) instrumentAliases[instrument]!.push(alias);
    }
    const texts = [claim.statement, ...claim.phrasings];
    const phrasings = texts.map((text) => [...new Set(termIdsOf(text, canonicalizer, intern))]);
    // Facets are about what the claim says: the actor's names are the frame's business.
    const nameTerms = new Set([claim.actor.name, ...claim.actor.aliases].flatMap((name) => termIdsOf(name, canonicalizer, intern)));
    // A piece that only names the claim's document ("Under its Responsible Scaling Policy") states nothing of it:
    // as a facet it let any sentence naming the document ("… a Responsible Scaling Officer … holds accountability for
    // the policy") say a whole facet of the claim (real v27).
    const documentTerms = new Set(claim.instrument ? [claim.instrument.name, ...claim.instrument.aliases].flatMap((name) => termIdsOf(name, canonicalizer, intern)) : []);
    phrasingTerms.push(phrasings);
    for (const term of new Set(phrasings.flat())) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const facetKeys = new Set<string>();
    const facets: number[][] = [];
    for (const text of [...statementClauses(claim.statement), ...claim.phrasings]) {
      // A date with a word ("published 10 July 2025", "revised September 2026") is when, not what: a
      // sentence dating the document would state the whole facet and read as the claim.
      if (datesOnly(text, canonicalizer)) continue;
      const ids = [...new Set(termIdsOf(text, canonicalizer, intern))].filter((id) => !nameTerms.has(id));
      const key = [...ids].sort((a, b) => a - b).join(' ');
      if (ids.length < MIN_FACET_TERMS || facetKeys.has(key) || facets.length >= MAX_FACETS) continue;
      if (documentTerms.size > 0 && ids.every((id) => documentTerms.has(id))) continue;
      facetKeys.add(key);
      facets.push(ids);
    }
    const keyPhrases = claim.keyPhrases
      .map((phrase) => ({ ids: termIdsOf(phrase, canonicalizer, intern), caps: tokenize(phrase, canonicalizer).filter((t) => t.term !== '').map((t) => t.caps) }))
      .filter((phrase) => phrase.ids.length > 0 && phrase.ids.length === phrase.caps.length);
    return {
      id: claim.id,
      actor,
      parties,
      instrument,
      kind: claim.kind,
      status: claim.status,
      gates: claim.keyTerms.map((group) =>
        group.map((alternative) => [...new Set(termIdsOf(alternative, canonicalizer, intern))]).filter((bag) => bag.length > 0),
      ),
      keyPhrases: keyPhrases.map((phrase) => phrase.ids),
      keyPhraseCaps: keyPhrases.map((phrase) => phrase.caps),
      norm: 0,
      vocabulary: [],
      termFacets: [],
      facets,
      quantities: quantitiesIn(texts.join('\n')),
    };
  });

  // Names: actors and their aliases, coalition members, instruments and their aliases.
  const names: CompiledName[] = [];
  const nameIds = new Map<string, number>();
  const nameEntry = (text: string): CompiledName | undefined => {
    const { words, caps: written } = nameOf(text, canonicalizer);
    if (words.length === 0 || words.every((word) => word === '')) return undefined;
    // A name with a number in it ("Law No. 132", "Executive Order 14365", "Act No. 20676") is that name in any
    // case: "the law number 132 of 23 September 2025" (a translation), "executive order 14365" (a forum post).
    // Its capitals (SB, GB) stay: a lower-case "sb" is no bill.
    const numbered = words.some((word) => DISTINCTIVE_NUMBER.test(word));
    const caps = numbered ? written.map((c) => (c === 1 ? 0 : c)) : written;
    const key = `${words.join(' ')}|${caps.join('')}`;
    let id = nameIds.get(key);
    if (id === undefined) {
      id = names.length;
      nameIds.set(key, id);
      names.push({ words, caps, actors: [], coalitions: [], instruments: [] });
    }
    return names[id]!;
  };
  const addUnique = (list: number[], value: number) => {
    if (!list.includes(value)) list.push(value);
  };
  const nameKeysOfActor = actorSources.map((source) => new Set([source.name, ...source.aliases].map((text) => nameOf(text, canonicalizer).words.join(' '))));
  actorSources.forEach((source, actor) => {
    for (const text of [source.name, ...source.aliases]) {
      const entry = nameEntry(text);
      if (entry) addUnique(entry.actors, actor);
    }
    for (const member of source.members ?? []) {
      const entry = nameEntry(member);
      if (!entry) continue;
      addUnique(entry.coalitions, actor);
      // A member that is itself an actor of the set ("OpenAI") makes that actor a member.
      const key = entry.words.join(' ');
      nameKeysOfActor.forEach((keys, other) => {
        if (other !== actor && keys.has(key)) addUnique(actors[other]!.memberOf, actor);
      });
    }
  });
  instrumentAliases.forEach((aliases, instrument) => {
    const entry = instruments[instrument]!;
    entry.cls = classOf(aliases[0]!, aliases.map((text) => nameOf(text, canonicalizer).words), canonicalizer);
    entry.months.sort((a, b) => a - b);
    for (const text of aliases) {
      const name = nameEntry(text);
      if (name) addUnique(name.instruments, instrument);
    }
  });
  markGenericNames(names, claims, compiled, instruments, canonicalizer);
  // A member named on its own ("OpenAI") reaches its coalitions through the actor's own name entries.
  for (const name of names) {
    for (const actor of name.actors) for (const coalition of actors[actor]!.memberOf) addUnique(name.coalitions, coalition);
  }

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
    const facetBits = new Map<number, number>();
    claim.facets.forEach((facet, f) => {
      for (const term of facet) facetBits.set(term, (facetBits.get(term) ?? 0) | (1 << f));
    });
    for (const [term, value] of weight) {
      const scaled = Math.round(value * 1000);
      postings[term]!.push(claimIndex, scaled);
      claim.vocabulary.push(term, scaled);
      claim.termFacets.push(facetBits.get(term) ?? 0);
    }
  });

  const claimNames = new Set<string>();
  for (const claim of claims) for (const text of [claim.statement, ...claim.phrasings]) for (const name of unknownLookingNames(text)) claimNames.add(name);
  return { format: CLAIM_INDEX_FORMAT, claimSetVersion, terms, claims: compiled, actors, instruments, names, claimNames: [...claimNames].sort(), postings };
}
