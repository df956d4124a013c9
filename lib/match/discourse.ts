/**
 * Who and what each unit is about, and who is speaking in it.
 *
 * Mentions: actors and their aliases, coalition members, instruments (laws, orders, codes, frameworks)
 * and their aliases, all from the claim set; organisations and instruments the set does not know
 * ("Nimbus Labs", "the AI Promotion Act"); and anaphors ("the law", "the companies", "the firm").
 *
 * Frames: per unit, two maps (actor -> strength, instrument -> strength). A unit's own mentions are
 * strength 1; an anaphor resolved to what it refers to `strengthAnaphor`; a member of a coalition
 * gives the coalition `strengthMember`. A unit that names nobody inherits the previous unit's frame
 * (decaying, for a bounded number of sentences and blocks), the heading's scope over its section and
 * the lead-in's scope over its list items; failing all of that, the document's dominant subject.
 * Actors and instruments are inherited separately: "Meta says no" after a paragraph about the Code
 * of Practice is Meta, about the Code.
 *
 * Speakers: a unit whose reporting verb ("said", "denied", "wants", "asked"…) or enclosing quotation
 * has someone else as subject reports that person's words.
 *
 * Work is linear: one pass over tokens for names (each token looks up only names starting with its
 * word, a bounded list), one regex pass each for unknown organisations and instruments, one pass over
 * units with pointers into the sorted mentions.
 */
import type { ClaimIndex, CompiledName } from './compile-index';
import {
  AGENT_NOUNS,
  AI_TOPIC_WORDS,
  BUSINESS_NOUNS,
  ANAPHOR_DETERMINERS,
  CONTRAST_SUBJECTS,
  INDEFINITE_DETERMINERS,
  PERSON_NOUNS,
  SUBJECT_OPENERS,
  CLASS_ANAPHORS,
  CLASS_NAME_WORDS,
  COLLECTIVE_ANAPHORS,
  COUNTED_GROUP_NOUNS,
  JOINT_BODY_HEADS,
  COMPANY_ANAPHORS,
  GOVERNMENT_ANAPHORS,
  INSTRUMENT_CLASSES,
  JURISDICTION_NAMES,
  LAWMAKER_TYPES,
  isDateWord,
  monthOf,
  NOT_A_NAME,
  OTHER_FIELD_LAW_TOPICS,
  INDEFINITE_ARTICLES,
  ORGANISATION_SUFFIXES,
  OUTSIDER_NOUNS,
  POSSESSIVE_END,
  REPORTING_VERBS,
  SEEKING_VERBS,
  SPOKESPERSON_NOUNS,
  UNKNOWN_INSTRUMENT_HEADS,
  type InstrumentClass,
} from './lexicon';
import { isSpace, leadsList, opensSection, type DocumentBlock, type SegmentedDocument, type TextUnit } from './segment-units';
import { nameKey, type Token } from './tokenize';
import type { Tunables } from './tunables';

/** Names starting with one word, longest first; a word opening more names than this keeps the longest. */
const MAX_NAMES_PER_WORD = 64;
/** Tokens a speaker's noun phrase may span. */
const SPEAKER_WORDS = 12;
/** Characters after a closing quotation mark (or before an opening one) where its attribution is looked for. */
const ATTRIBUTION_REACH = 80;
/** An attribution after a quotation, up to the next stop: 60 characters, or all of ATTRIBUTION_REACH (see `quoteOpensUnit`). */
const ATTRIBUTION_AFTER = /^[\s,]*([^.;:!?“”"]{0,60}?)(?:[.;!?]|$)/;
const LONG_ATTRIBUTION_AFTER = /^[\s,]*([^.;:!?“”"]{0,80}?)(?:[.;!?]|$)/;

/**
 * An instrument name made of an actor's name and a lower-case description of two or more words
 * ("White House voluntary commitments"): writers take it apart ("signed voluntary commitments at the
 * White House"), so the description names the instrument when the actor is named in the same sentence.
 */
interface SplitName {
  /** The description's words, as `nameKey` gives them. */
  tail: readonly string[];
  /** The actors the name's first part names. */
  owners: readonly number[];
  instruments: readonly number[];
}

export interface NameTable {
  byFirst: Map<string, CompiledName[]>;
  /** Split instrument names by the first word of their description. */
  splitByFirst: Map<string, SplitName[]>;
  /** Per coalition: how many member names the claim set lists for it. */
  memberNames: Map<number, number>;
}

/**
 * Whether a table cell reads as a proper name rather than a category or a date: a capitalised word after
 * its first ("Moonshot AI", "Vietnam Law on AI"), a capital inside a word ("DeepSeek") or a word of capitals
 * ("SB 1047"), months and Roman numerals aside. "High capability", "Annual review", "v3.1", "2 February 2025"
 * and "Annex III systems" are categories and dates of whatever the page is about.
 */
function readsAsProperName(cell: string): boolean {
  const words = cell.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.replace(/[^\p{L}\p{N}]/gu, '');
    if (word === '' || /^[IVXLC]+$/.test(word) || isDateWord(word.toLowerCase())) continue;
    if (/\p{Ll}\p{Lu}/u.test(word) || /^\p{Lu}{2,}$/u.test(word) || (i > 0 && /^\p{Lu}/u.test(word))) return true;
  }
  return false;
}

/** Actors and instruments a table row's cells may hand on to its later cells (see `strengthRow`). */
const ROW_SCOPE_NAMES = 8;

/** Distinct members a unit must name for their coalition to count as named (fewer if it has fewer). */
const MEMBERS_NAMING_COALITION = 3;

/** Words a split name's description may have: "voluntary commitments", not a whole clause. */
const SPLIT_TAIL_MIN_WORDS = 2;
/** Characters between a split name's description and its actor, within one sentence. */
const SPLIT_REACH = 80;

export function buildNameTable(index: ClaimIndex): NameTable {
  const byFirst = new Map<string, CompiledName[]>();
  for (const name of index.names) {
    const list = byFirst.get(name.words[0]!) ?? [];
    list.push(name);
    byFirst.set(name.words[0]!, list);
  }
  for (const [word, list] of byFirst) {
    list.sort((a, b) => b.words.length - a.words.length);
    if (list.length > MAX_NAMES_PER_WORD) byFirst.set(word, list.slice(0, MAX_NAMES_PER_WORD));
  }
  // Actor names by their words, to find the actor an instrument name opens with.
  const actorsByWords = new Map<string, number[]>();
  for (const name of index.names) if (name.actors.length > 0 && name.instruments.length === 0) actorsByWords.set(name.words.join(' '), name.actors);
  const splitByFirst = new Map<string, SplitName[]>();
  for (const name of index.names) {
    if (name.instruments.length === 0) continue;
    for (let k = 1; k + SPLIT_TAIL_MIN_WORDS <= name.words.length; k++) {
      const owners = actorsByWords.get(name.words.slice(0, k).join(' '));
      if (!owners || name.caps.slice(k).some((caps) => caps !== 0)) continue;
      const tail = name.words.slice(k);
      const list = splitByFirst.get(tail[0]!) ?? [];
      if (!list.some((split) => split.tail.join(' ') === tail.join(' ') && split.instruments.join() === name.instruments.join())) list.push({ tail, owners, instruments: name.instruments });
      splitByFirst.set(tail[0]!, list);
      break;
    }
  }
  const memberNames = new Map<number, number>();
  for (const name of index.names) for (const coalition of name.coalitions) memberNames.set(coalition, (memberNames.get(coalition) ?? 0) + 1);
  return { byFirst, splitByFirst, memberNames };
}

export interface Mention {
  start: number;
  end: number;
  actors: readonly number[];
  coalitions: readonly number[];
  instruments: readonly number[];
  /** An organisation ('org') or instrument ('instrument') the claim set does not know. */
  unknown: '' | 'org' | 'instrument';
  unknownClass: InstrumentClass | '';
}

/**
 * A mention as the name finders make them. A class, not an object literal: a page's mentions live as long
 * as the match, so V8 pretenured the literal and allocated every later page's mentions in the old
 * generation (see `ContentWord` in match-claims.ts); instances of a class are allocated young.
 */
class FoundMention implements Mention {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly actors: readonly number[],
    readonly coalitions: readonly number[],
    readonly instruments: readonly number[],
    readonly unknown: '' | 'org' | 'instrument',
    readonly unknownClass: InstrumentClass | '',
  ) {}
}

/** Words that may stand between an owner's name and its document's class noun ("California's new AI law"). */
const OWNED_DESCRIPTION_WORDS: ReadonlySet<string> = new Set([
  'new', 'ai', 'a.i', 'artificial', 'intelligence', 'frontier', 'safety', 'landmark', 'own', 'first', 'flagship', 'recent', 'amended', 'rewritten', 'revised', 'comprehensive', 'state', 'national',
]);

/** Classes of document a government's possessive names one of ("New York's law", "the President's order"). */
const OWNED_DESCRIPTION_CLASSES: ReadonlySet<AnaphorType> = new Set(['law', 'order']);

/**
 * Adds, after each known government named as an owner, its document of the class the noun after it names when the
 * actor has exactly one of that class ("New York's law" is the RAISE Act, "Colorado's AI law" the Colorado AI
 * Act): a mention of that document over the words after the apostrophe, so that a later "the law" means it as
 * it would the document's name. An actor with two of the class ("the EU's law") gets none. `mentions` sorted.
 */
function withOwnedDescriptions(context: Context, mentions: Mention[]): Mention[] {
  const { text, tokens, index } = context;
  const added: Mention[] = [];
  for (let m = 0; m < mentions.length; m++) {
    const mention = mentions[m]!;
    if (mention.unknown || mention.actors.length !== 1 || mention.instruments.length > 0) continue;
    let k = firstStartingAt(tokens, mention.end);
    const first = tokens[k];
    if (!first || !POSSESSIVE_END.test(text.slice(mention.start, mention.end)) || !/^\s+$/.test(text.slice(mention.end, first.start))) continue;
    const from = k;
    while (k < tokens.length && k - from < 2 && tokens[k]!.caps === 0 && OWNED_DESCRIPTION_WORDS.has(tokens[k]!.key)) k++;
    const noun = tokens[k];
    if (!noun || noun.caps !== 0) continue;
    const type = ANAPHOR_NOUNS.get(noun.key);
    if (!type || type === 'company' || type === 'government' || type === 'collective') continue;
    // (Not a name's own words: "California's SB 53 law" names its law already.)
    if (m + 1 < mentions.length && mentions[m + 1]!.start < noun.end) continue;
    const actor = mention.actors[0]!;
    // (A government's law or order; a company's "safety commitments" or "policy" are all of them, not one.)
    if (!OWNED_DESCRIPTION_CLASSES.has(type) || !LAWMAKER_TYPES.has(index.actors[actor]!.type)) continue;
    let owned = -1;
    let count = 0;
    index.instruments.forEach((instrument, id) => {
      if (instrument.cls === type && instrument.actors.includes(actor)) {
        owned = id;
        count++;
      }
    });
    if (count === 1) added.push(new FoundMention(first.start, noun.end, NO_IDS, NO_IDS, [owned], '', ''));
  }
  return withAdded(mentions, added);
}

/** An article or section by number, perhaps with its paragraph, and perhaps "of (the)" after it ("Article 50(2)", "Section 4 of the"). */
const ARTICLE_REFERENCE = /(?<![\p{L}\p{N}])(?:Article|Art\.|Section|Sec\.)\s?(\d{1,4}[a-z]?)(?:\(\d{1,3}\))*(\s+of\s+(?:the\s+)?)?/gu;

/**
 * Adds a mention of its law for each article or section named by number alone ("Article 50(2) requires providers
 * …") after the page has named that number with its law ("Article 50 of the EU AI Act"): the article is that law's,
 * whatever instrument the sentence before named (an amending package, a code). The last law named with a number
 * holds it. `mentions` sorted; returns them sorted.
 */
function withArticleReferences(context: Context, mentions: Mention[]): Mention[] {
  const { text } = context;
  const lawOf = new Map<string, readonly number[]>();
  const added: Mention[] = [];
  let k = 0;
  ARTICLE_REFERENCE.lastIndex = 0;
  for (let hit = ARTICLE_REFERENCE.exec(text); hit; hit = ARTICLE_REFERENCE.exec(text)) {
    const number = hit[1]!.toLowerCase();
    const end = hit.index + hit[0].length;
    while (k < mentions.length && mentions[k]!.start < hit.index) k++;
    const after = mentions[k];
    if (hit[2]) {
      if (after && after.start === end && after.instruments.length > 0) lawOf.set(number, after.instruments);
      continue;
    }
    // (Not an article its own sentence names with a law right after: "Article 50 EU AI Act".)
    const law = lawOf.get(number);
    if (law && !(after && after.start < end + 2)) added.push(new FoundMention(hit.index, end, NO_IDS, NO_IDS, law, '', ''));
  }
  return withAdded(mentions, added);
}

/** How long a name may be (UTF-16 units) for `mentionsOverlapping` to look back for it. */
const LONGEST_NAME = 240;

/** The mentions (sorted by start) that overlap text[from, to): a binary search, then a short walk back. */
function mentionsOverlapping(mentions: readonly Mention[], from: number, to: number): Mention[] {
  const low = firstStartingAt(mentions, to);
  const out: Mention[] = [];
  for (let i = low - 1; i >= 0 && mentions[i]!.start > from - LONGEST_NAME; i--) if (mentions[i]!.end > from) out.push(mentions[i]!);
  return out;
}

/**
 * A short name defined in brackets right after a name: ' (the “AI Code”)', ' ("Act")', ' (hereinafter “the Code”)',
 * ' (hereinafter referred to as the "Act")'. The name may be a quoted title, its closing quote before the bracket:
 * 'an Executive Order on “Ensuring a National Policy Framework for Artificial Intelligence” (the “Order”)' (real v35).
 */
const DEFINED_TERM = /^[”"’']?\s*\((?:hereinafter,?\s+)?(?:(?:referred\s+to|known)\s+as\s+)?(?:the\s+)?[“"‘']((?:the\s+)?[\p{Lu}][\p{L}\p{N} .-]{1,38})[”"’']\)/u;
/** Defined terms read per page, at most: a page defines a handful. */
const MAX_DEFINED_TERMS = 16;

/**
 * Adds, for each short name a page defines for a name it has just used ("the General-Purpose AI Code of Practice
 * (the “AI Code”)"), a mention of the same actors and instruments (or the same unknown organisation or document)
 * at each later use of the short name, in place of any unknown-looking name there ("the AI Code" is no document
 * of its own). Lawyers write this way. `mentions` sorted; returns them sorted.
 */
function withDefinedTerms(context: Context, mentions: Mention[]): Mention[] {
  const { text } = context;
  const defined: Array<{ term: string; from: number; like: Mention }> = [];
  for (const mention of mentions) {
    if (defined.length >= MAX_DEFINED_TERMS) break;
    const definition = DEFINED_TERM.exec(text.slice(mention.end, mention.end + 60));
    if (!definition) continue;
    const term = definition[1]!.replace(/^the\s+/i, '').trim();
    // (Not the name itself again: "Anthropic (“Anthropic”)" defines nothing.)
    if (text.slice(mention.start, mention.end) === term) continue;
    defined.push({ term, from: mention.end + definition[0].length, like: mention });
  }
  if (defined.length === 0) return mentions;
  const added: Mention[] = [];
  const replaced = new Set<Mention>();
  for (const { term, from, like } of defined) {
    for (let at = text.indexOf(term, from); at >= 0; at = text.indexOf(term, at + term.length)) {
      const end = at + term.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[end] ?? ' ')) continue;
      const overlapping = mentionsOverlapping(mentions, at, end);
      if (overlapping.some((m) => m.unknown === '')) continue;
      for (const m of overlapping) replaced.add(m);
      added.push(new FoundMention(at, end, like.actors, like.coalitions, like.instruments, like.unknown, like.unknownClass));
    }
  }
  return withAdded(replaced.size === 0 ? mentions : mentions.filter((m) => !replaced.has(m)), added);
}

/** Titles that make the person named after (or before) them an actor's officer, who speaks for it. */
const OFFICER_TITLE = String.raw`(?:co-?founder|founder|chief executive(?: officer)?|CEO|CTO|COO|president|chief scientist|chief technology officer|chair(?:man|woman)?|head|boss)`;
/** A person's name: two or three capitalised words ("Sundar Pichai", "Dario Amodei", "Mary Ann Smith"). */
const PERSON_NAME = String.raw`((?:\p{Lu}[\p{L}'’-]+[^\S\u2028\u2029]+){1,2}\p{Lu}[\p{L}'’-]+)`;
/** After an actor's name: "('s) chief executive Sundar Pichai", "CEO Sam Altman", "co-founder and CEO Dario Amodei". */
const OFFICER_AFTER_ACTOR = new RegExp(String.raw`^(?:['’]s)?[^\S\u2028\u2029]+(?:(?:senior|executive|vice)[^\S\u2028\u2029]+)?${OFFICER_TITLE}(?:[^\S\u2028\u2029]+and[^\S\u2028\u2029]+${OFFICER_TITLE})?[^\S\u2028\u2029]+${PERSON_NAME}(?![\p{L}])`, 'u');
/** Before an actor's name: "Sam Altman, chief executive of " (then "OpenAI"). */
const OFFICER_OF_ACTOR = new RegExp(String.raw`${PERSON_NAME},[^\S\u2028\u2029]+(?:(?:the|its)[^\S\u2028\u2029]+)?${OFFICER_TITLE}[^\S\u2028\u2029]+(?:of|at)[^\S\u2028\u2029]+(?:the[^\S\u2028\u2029]+)?$`, 'u');
/** Before an actor's name that owns the title after it: "Dario Amodei, " (then "Anthropic's CEO"). */
const OFFICER_BEFORE_OWNER = new RegExp(String.raw`${PERSON_NAME},[^\S\u2028\u2029]+$`, 'u');
/** After an owning actor's name (its possessive ending may be the name's own): "'s CEO", "’s chief executive". */
const OWNED_TITLE = new RegExp(String.raw`^(?:['’]s)?[^\S\u2028\u2029]+${OFFICER_TITLE}(?![\p{L}])`, 'u');
/** Officers read per page, at most. */
const MAX_OFFICERS = 16;

/**
 * Adds, for each person a page introduces as a known actor's officer ("Google chief executive Sundar Pichai", "Sam
 * Altman, chief executive of OpenAI", "Dario Amodei, Anthropic's CEO"), a mention of that actor at each later use of
 * the person's full name or surname, in place of any unknown-looking name there: "Pichai had previously stated that the
 * company would not …" is Google speaking of itself, not an outsider (real v34). Only an actor of one id, and only a
 * person named once as an officer (two actors' officers of the same surname cancel). `mentions` sorted; returns them sorted.
 */
function withOfficers(context: Context, mentions: Mention[]): Mention[] {
  const { text } = context;
  const officers = new Map<string, { actors: readonly number[]; from: number } | null>();
  const learn = (name: string, actors: readonly number[], from: number): void => {
    const words = name.split(/\s+/);
    for (const key of new Set([name.replace(/\s+/g, ' '), words[words.length - 1]!])) {
      const known = officers.get(key);
      if (known === undefined) officers.set(key, { actors, from });
      else if (known && known.actors[0] !== actors[0]) officers.set(key, null);
    }
  };
  for (const mention of mentions) {
    if (officers.size >= MAX_OFFICERS * 2) break;
    if (mention.unknown || mention.actors.length !== 1 || mention.instruments.length > 0) continue;
    const after = OFFICER_AFTER_ACTOR.exec(text.slice(mention.end, mention.end + 80));
    if (after) learn(after[1]!, mention.actors, mention.end + after[0].length);
    const lead = text.slice(Math.max(0, mention.start - 80), mention.start);
    const owner = POSSESSIVE_END.test(text.slice(mention.start, mention.end)) || /^['’]s/u.test(text.slice(mention.end, mention.end + 2));
    const before = OFFICER_OF_ACTOR.exec(lead) ?? (owner && OWNED_TITLE.test(text.slice(mention.end, mention.end + 40)) ? OFFICER_BEFORE_OWNER.exec(lead) : null);
    if (before) learn(before[1]!, mention.actors, mention.end);
  }
  if (officers.size === 0) return mentions;
  const added: Mention[] = [];
  const replaced = new Set<Mention>();
  for (const [name, officer] of officers) {
    if (!officer) continue;
    for (let at = text.indexOf(name, officer.from); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[end] ?? ' ')) continue;
      const overlapping = mentionsOverlapping(mentions, at, end);
      if (overlapping.some((m) => m.unknown === '')) continue;
      // (The surname inside the full name, once the full name is added, is not a second mention.)
      if (added.some((m) => m.start <= at && end <= m.end)) continue;
      for (const m of overlapping) replaced.add(m);
      added.push(new FoundMention(at, end, officer.actors, NO_IDS, NO_IDS, '', ''));
    }
  }
  return withAdded(replaced.size === 0 ? mentions : mentions.filter((m) => !replaced.has(m)), added);
}

/**
 * A coalition as a counted group describes it: the kind of actor its known members are, its instruments' months
 * (YYYYMM), and its cue words: capitalised words of two or more of its instruments' names that no other
 * coalition's instrument's name has ("White House", "Seoul", "Bletchley"), as keys.
 */
interface CountableCoalition {
  actor: number;
  kind: 'company' | 'government';
  months: readonly number[];
  cues: ReadonlySet<string>;
}

const COUNTABLE_COALITIONS = new WeakMap<ClaimIndex, readonly CountableCoalition[]>();

/** The index's coalitions with known members and dated instruments (worked out once per index). */
function countableCoalitions(index: ClaimIndex): readonly CountableCoalition[] {
  let found = COUNTABLE_COALITIONS.get(index);
  if (found) return found;
  // Per capitalised word of instruments' names: the instruments whose names have it, and how many names per instrument.
  const users = new Map<string, Map<number, number>>();
  for (const name of index.names) {
    for (const word of new Set(name.words.filter((_, k) => name.caps[k]! >= 1))) {
      const byInstrument = users.get(word) ?? new Map<number, number>();
      for (const instrument of name.instruments) byInstrument.set(instrument, (byInstrument.get(instrument) ?? 0) + 1);
      users.set(word, byInstrument);
    }
  }
  const list: CountableCoalition[] = [];
  index.actors.forEach((actor, id) => {
    if (actor.type !== 'coalition') return;
    const members = index.actors.filter((member) => member.memberOf.includes(id));
    const kind = members.some((member) => LAWMAKER_TYPES.has(member.type)) ? 'government' : members.some((member) => member.type === 'company') ? 'company' : undefined;
    const months = index.instruments.filter((instrument) => instrument.actors.includes(id)).flatMap((instrument) => instrument.months);
    const cues = new Set<string>();
    for (const [word, byInstrument] of users) {
      let names = 0;
      let own = true;
      for (const [instrument, count] of byInstrument) {
        const owners = index.instruments[instrument]!.actors;
        if (owners.includes(id)) names += count;
        else if (owners.some((owner) => index.actors[owner]!.type === 'coalition')) own = false;
      }
      // (A class noun, "Declaration", "Code", says what kind of document, not whose.)
      if (own && names >= 2 && !CLASS_NOUN_WORDS.has(word)) cues.add(word);
    }
    if (kind && months.length > 0) list.push({ actor: id, kind, months, cues });
  });
  found = list;
  COUNTABLE_COALITIONS.set(index, found);
  return found;
}

/** Every word that makes a name a class of document ("Declaration", "Code", "Commitments"): no cue to whose it is. */
const CLASS_NOUN_WORDS: ReadonlySet<string> = new Set(Object.values(CLASS_NAME_WORDS).flat());

/** A nationality adjective's ending ("American", "Chinese", "British"), as a key. */
const NATIONALITY = /(?:an|ese|ish)$/;

/** Counted groups read a page: a real page has a handful; a page of thousands ("7 companies 7 companies …") must not cost a sentence each. */
const MAX_COUNTED_GROUPS = 64;

/** How many tokens either side of a counted group its sentence's date is looked for in. */
const COUNTED_GROUP_DATE_REACH = 40;

/**
 * Adds a mention of a coalition for each counted group of its kind of member ("seven leading AI companies",
 * "Sixteen companies", "twenty-eight countries") in a sentence whose date (a year, perhaps with its month) is in
 * exactly one such coalition's instruments' months, and which names nothing the claim set does not know: "in July
 * 2023, when the White House gathered seven leading AI companies" describes the signatories of the White House
 * commitments as their name would, so that a later "Those companies pledged …" refers to them
 * (`countedCoalitions`). Without a year, one coalition's cue word in the sentence picks it ("Last July, seven US
 * companies went to the White House"), as its members would. At most `MAX_COUNTED_GROUPS` groups a page (each
 * reads its sentence). `mentions` sorted, the unknown ones among them; returns them sorted.
 */
function withCountedCoalitions(context: Context, mentions: Mention[]): Mention[] {
  const { text, tokens, index } = context;
  const coalitions = countableCoalitions(index);
  if (coalitions.length === 0) return mentions;
  const added: Mention[] = [];
  let examined = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!COUNTED.test(tokens[i]!.key)) continue;
    // Number words come as digits, "twenty-eight" as two ("20 8").
    let last = i;
    while (last + 1 < tokens.length && COUNTED.test(tokens[last + 1]!.key) && gaps.spacesAndDashes(text, tokens[last]!.end, tokens[last + 1]!.start)) last++;
    const count = Number(tokens[i]!.key);
    if (count < 2 || count >= 1000) {
      i = last;
      continue;
    }
    // Up to three modifiers between the number and its noun: lower case ("leading", "major tech"), initials ("AI",
    // "US") or a nationality ("American", "Chinese", "British").
    let kind: 'company' | 'government' | 'any' | undefined;
    let noun = last + 1;
    for (; noun < tokens.length && noun <= last + 4; noun++) {
      const token = tokens[noun]!;
      if (!gaps.spacesAndDashes(text, tokens[noun - 1]!.end, token.start)) break;
      kind = COUNTED_GROUP_NOUNS.get(token.key);
      if (kind || (token.caps === 1 && !NATIONALITY.test(token.key))) break;
    }
    if (!kind) {
      i = last;
      continue;
    }
    if (++examined > MAX_COUNTED_GROUPS) break;
    // The sentence around it: its date, and whether it names anything unknown ("four companies founded the Frontier Model Forum in July 2023").
    const date = { year: 0, month: 0 };
    let from = i;
    while (from > 0 && i - from < COUNTED_GROUP_DATE_REACH && !SENTENCE_BREAK.test(text.slice(tokens[from - 1]!.end, tokens[from]!.start))) readDate(tokens[--from]!, date);
    let to = noun;
    while (to + 1 < tokens.length && to - noun < COUNTED_GROUP_DATE_REACH && !SENTENCE_BREAK.test(text.slice(tokens[to]!.end, tokens[to + 1]!.start))) readDate(tokens[++to]!, date);
    const first = i;
    const groupStart = tokens[first]!.start;
    i = noun;
    // A year (perhaps with its month) picks the coalition; without one, a cue word in the sentence written with
    // its capitals does ("Last July, seven US companies went to the White House and pledged …").
    // (Outside the group itself: "twelve EU companies" are where they are from.)
    const cued = (coalition: CountableCoalition) => {
      for (let t = from; t <= to; t++) if ((t < first || t > noun) && tokens[t]!.caps !== 0 && coalition.cues.has(tokens[t]!.key)) return true;
      return false;
    };
    const dated = coalitions.filter(
      (coalition) =>
        (kind === 'any' || coalition.kind === kind) &&
        (date.year > 0 ? coalition.months.some((month) => Math.floor(month / 100) === date.year && (date.month === 0 || month % 100 === date.month)) : kind !== 'any' && cued(coalition)),
    );
    if (dated.length !== 1) continue;
    const sentenceStart = tokens[from]!.start;
    const sentenceEnd = tokens[to]!.end;
    let unknown = false;
    for (let m = firstStartingAt(mentions, sentenceStart); m < mentions.length && mentions[m]!.start < sentenceEnd && !unknown; m++) unknown = mentions[m]!.unknown !== '';
    // (A body they form, named with capitals, is theirs: "the Frontier Model Forum", which the claim set knows no more than "Northwind Labs".)
    for (let t = from + 1; t <= to && !unknown; t++) unknown = tokens[t]!.caps !== 0 && tokens[t - 1]!.caps !== 0 && JOINT_BODY_HEADS.has(tokens[t]!.key) && mentionsOverlapping(mentions, tokens[t]!.start, tokens[t]!.end).length === 0;
    if (unknown) continue;
    // A date names the coalition as surely as its name does; a cue word only as one of its members would: the group is
    // then what a later "Those companies" means, not the subject of a heading over it ("What sixteen companies signed in Seoul").
    const coalition = [dated[0]!.actor];
    added.push(date.year > 0 ? new FoundMention(groupStart, tokens[noun]!.end, coalition, NO_IDS, NO_IDS, '', '') : new FoundMention(groupStart, tokens[noun]!.end, NO_IDS, coalition, NO_IDS, '', ''));
  }
  return withAdded(mentions, added);
}

/** `mentions` (sorted by start) with `added` among them, in order; `mentions` itself when nothing is added. */
function withAdded(mentions: Mention[], added: readonly Mention[]): Mention[] {
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/**
 * Whether a span overlaps one of `mentions` (sorted by start), asked for spans in increasing start order: a pointer
 * keeps each pass over a page linear. `reset` before a new pass.
 */
class OverlapPointer {
  private k = 0;
  constructor(private readonly mentions: readonly Mention[]) {}
  reset(): void {
    this.k = 0;
  }
  test(start: number, end: number): boolean {
    const mentions = this.mentions;
    while (this.k < mentions.length && mentions[this.k]!.end <= start) this.k++;
    return this.k < mentions.length && mentions[this.k]!.start < end;
  }
}

/** The actors, coalitions or instruments of a mention that names none: one list shared by all of them. */
const NO_IDS: readonly number[] = [];

type AnaphorType = 'collective' | 'company' | 'government' | InstrumentClass;

interface Anaphor {
  start: number;
  end: number;
  type: AnaphorType;
  /** A dated description's year and month ("the June 2026 order": 2026, 6; "the 2023 pledges": 2023, 0); 0 when not given. */
  year: number;
  month: number;
}

/** Whether an anaphor refers to a document ("the law", "the code", "the order"), not to a company, government or coalition. */
function refersToInstrument(anaphor: Anaphor): anaphor is Anaphor & { type: InstrumentClass } {
  return anaphor.type !== 'collective' && anaphor.type !== 'company' && anaphor.type !== 'government';
}

/** An anaphor as `findAnaphors` makes them: a class for the reason `FoundMention` is one. */
class FoundAnaphor implements Anaphor {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly type: AnaphorType,
    readonly year = 0,
    readonly month = 0,
  ) {}
}

/** Strength by id: a small map kept as parallel arrays. */
export class Strengths {
  readonly ids: number[] = [];
  readonly values: number[] = [];
  get(id: number): number {
    // A loop, not indexOf: a unit's maps hold a few ids, and this runs for every claim a unit touches.
    const ids = this.ids;
    for (let i = 0; i < ids.length; i++) if (ids[i] === id) return this.values[i]!;
    return 0;
  }
  raise(id: number, value: number): void {
    if (value <= 0) return;
    const at = this.ids.indexOf(id);
    if (at < 0) {
      this.ids.push(id);
      this.values.push(value);
    } else if (this.values[at]! < value) this.values[at] = value;
  }
  get size(): number {
    return this.ids.length;
  }
  /** Adds `other` scaled by `factor`. */
  absorb(other: Strengths | undefined, factor: number): void {
    if (!other) return;
    for (let i = 0; i < other.ids.length; i++) this.raise(other.ids[i]!, other.values[i]! * factor);
  }
  max(): number {
    let best = 0;
    for (const value of this.values) if (value > best) best = value;
    return best;
  }
}

export interface UnitDiscourse {
  actors: Strengths;
  instruments: Strengths;
  /** Actors and instruments named in the unit itself (strength 1 in the maps above). */
  namedActors: readonly number[];
  namedInstruments: readonly number[];
  /** Known names in the unit, in order (for splitting a sentence about several actors). */
  mentions: readonly Mention[];
  /** The unit names an organisation or instrument the claim set does not know. */
  namesUnknown: boolean;
  /** The unit names a jurisdiction that is no actor of the claim set ("Minnesota", "Japan": `otherJurisdictions`). */
  namesOtherJurisdiction: boolean;
  /** The unit is a question. */
  question: boolean;
  /**
   * A table cell after its row's first, in a row that is someone else's: its first cell reads as a proper
   * name ("Michigan HB 4668", "DeepSeek", "Moonshot AI": see `readsAsProperName`) of no one the claim set
   * knows, and no earlier cell names one it knows. False outside tables, for a row's first cell, and for
   * rows labelled by a category ("High capability", "v3.1"), which are about the page's subject.
   */
  rowForeign: boolean;
  /**
   * A table cell after its row's first, in a row whose earlier cells name an actor or instrument the claim set
   * knows ("OpenAI | Preparedness Framework | Review the framework … at least once a year"): the row is that
   * one's record, and a bare verb in it is what they do, not advice to the reader.
   */
  rowNamed: boolean;
  /** (speaker, genericSubject and subjectActors are worked out when first read: read them before the next unit.) */
  /** The unit's subject is indefinite or someone else ("one developer", "no rivals", "others"). */
  readonly genericSubject: boolean;
  /** That subject is a person no known actor is named with ("One executive at a lab said …"): someone else speaking, whoever the claim's actor is. */
  readonly indefinitePerson: boolean;
  /** Known actors named in the unit's opening words (its subject, most often). */
  readonly subjectActors: readonly number[];
  /**
   * An organisation the claim set does not know is named in those opening words ("Halloway AI, a London start-up,
   * adopted …"), or one it knows only as a coalition's member ("Mistral AI also said …").
   */
  readonly unknownSubject: boolean;
  /** A government body the claim set does not know opens the unit ("The Department of War has no interest …"). */
  readonly governmentBodySubject: boolean;
  /**
   * Such an organisation is the unit's subject by way of its sentence's opening, or of a pronoun or description
   * opening the unit right after a sentence it was the subject of ("The French company also said …": `unknownSubjectCarries`).
   */
  readonly unknownSubjectCarried: boolean;
  /**
   * The unit's sentence puts a duty on a kind of actor, not a named one: a plural agent noun ("developers", "large
   * frontier developers", "companies") or "each of them" before "must", "shall", "have to" or "are required to"
   * (`genericDutySubject`). What a law or a code asks of them, not a company's own pledge.
   */
  readonly genericDutySubject: boolean;
  /** The coalitions that organisation is a member of, when it is one (the Frontier AI Safety Commitments' signatories for Mistral AI). */
  readonly unknownSubjectCoalitions: readonly number[];
  /**
   * The unit's opening words say someone sought something: a seeking verb, "for", then a noun phrase ("During the
   * trilogues the European Parliament pushed for a complete ban on …"; not "a feature advocates pushed for during …").
   */
  readonly seeks: boolean;
  /** A bill number the claims do not use is named in those opening words ("Virginia's HB 2094, which would likewise have …"). */
  readonly unknownBillSubject: boolean;
  /**
   * Known actors the unit names as the one a directive tasks ("asked the Center for AI Standards and Innovation
   * to evaluate", "tasks CAISI with"), each with where its directive verb starts (UTF-16 units): the directive
   * is its giver's claim, not the tasked actor's.
   */
  readonly taskedActors: readonly TaskedActor[];
  readonly speaker: Speaker | undefined;
  /** The topics (`Token.term`) of the laws of other fields the unit names ("the state's cybersecurity regulation"). */
  readonly otherFieldLawTopics: readonly string[];
}

export interface TaskedActor {
  actor: number;
  /** Where the directive verb starts ("asked", "tasks"), in UTF-16 units. */
  verbStart: number;
}

export interface Speaker {
  /** Where the speaker's noun phrase starts. */
  start: number;
  /** Known actors, coalitions and instruments in the speaker's noun phrase. */
  actors: readonly number[];
  instruments: readonly number[];
  /** The speaker is an outsider: a critic, an unknown organisation, another organisation's spokesperson. */
  outsider: boolean;
  /** Actors and instruments in the first words of what is reported (its subject). */
  contentActors: readonly number[];
  contentInstruments: readonly number[];
  /** The speaker and its verb close the unit after a comma ("Claude stays ad-free for now, investors say"): they report all of it. */
  trailing: boolean;
  /** The speaker follows a quotation that closes right before it ('"…," said Rosa Kettering'): they say all of it. */
  quoted: boolean;
}

interface Context {
  text: string;
  tokens: readonly Token[];
  index: ClaimIndex;
  names: NameTable;
  tunables: Tunables;
  /** The page's blocks, in text order: a known name does not run from one into the next (`namesStayInBlock`). */
  blocks: readonly DocumentBlock[];
}

/**
 * Names the claim set knows (actors, members, instruments), in text order, each within one of `blocks`
 * (the page's blocks from `segmentDocument`, in text order; offsets in UTF-16 units).
 */
export function findKnownNames(
  text: string,
  tokens: readonly Token[],
  index: ClaimIndex,
  names: NameTable,
  tunables: Tunables,
  blocks: readonly DocumentBlock[],
  spend: (n: number) => void,
): Mention[] {
  return findNames({ text, tokens, index, names, tunables, blocks }, spend);
}

/**
 * `nameKey` of every token's key, in token order: worked out once per page for both name passes (a
 * plural's key is a new string each time it is cut, and each pass asked for every token's).
 */
function nameKeysOf(tokens: readonly Token[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < tokens.length; i++) keys.push(nameKey(tokens[i]!.key));
  return keys;
}

function findNames(context: Context, spend: (n: number) => void): Mention[] {
  const { tokens, names, blocks } = context;
  const keys = nameKeysOf(tokens);
  const mentions: Mention[] = [];
  const stayInBlock = context.tunables.namesStayInBlock > 0;
  // The block the current token is in, or the next one (tokens come in text order).
  let b = 0;
  for (let i = 0; i < tokens.length; i++) {
    const candidates = names.byFirst.get(keys[i]!);
    if (!candidates) continue;
    spend(candidates.length);
    while (b < blocks.length && blocks[b]!.end <= tokens[i]!.start) b++;
    // Where the name must end: a table's "Meta" and the "Frontier AI Framework" in the next cell are two names.
    const blockEnd = stayInBlock && b < blocks.length && blocks[b]!.start <= tokens[i]!.start ? blocks[b]!.end : Infinity;
    for (const name of candidates) {
      const n = name.words.length;
      if (i + n > tokens.length || tokens[i + n - 1]!.end > blockEnd) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const token = tokens[i + k]!;
        const caps = name.caps[k]!;
        ok = keys[i + k] === name.words[k] && (caps === 0 || (caps === 1 ? token.caps >= 1 : token.caps === 2));
      }
      if (!ok) continue;
      const after = tokens[i + n];
      if (context.tunables.placeOpensOtherName > 0 && after && opensOtherName(context, name, tokens[i + n - 1]!, after)) {
        // "The New York Times reported …", "Texas Instruments", "the Sacramento Bee": a place's name opening
        // another organisation's is no mention of the place. Not an outsider either, but for a university
        // ("Korea University professor Kim said …" is an academic's view): a newspaper reporting what a law
        // requires ("The Texas Tribune reported that only the attorney general can enforce the law") reports
        // a fact, as "the law requires" would.
        if (ACADEMIC_AFTER_PLACE.has(after.key)) mentions.push(new FoundMention(tokens[i]!.start, after.end, [], [], [], 'org', ''));
        i += n;
        break;
      }
      // "A large frontier developer must publish a Frontier AI Framework": a document's name the claim set itself
      // uses as a kind of document (`CompiledName.generic`), after an indefinite article, is that kind, not the
      // document so named (Meta's). ("Anthropic published a Responsible Scaling Policy" still names Anthropic's.)
      if (context.tunables.indefiniteDocuments > 0 && name.generic && i > 0 && INDEFINITE_ARTICLES.has(tokens[i - 1]!.key)) {
        i += n - 1;
        break;
      }
      mentions.push(new FoundMention(tokens[i]!.start, tokens[i + n - 1]!.end, name.actors, name.coalitions, name.instruments, '', ''));
      i += n - 1;
      break;
    }
  }
  return names.splitByFirst.size === 0 ? mentions : withSplitNames(context, keys, mentions, spend);
}

/**
 * Capitalised words that, right after a place's name, make it another organisation's name: newspapers
 * and outlets ("New York Times", "Sacramento Bee", "Korea Herald"), universities, companies ("Texas
 * Instruments"). A government's own offices and publications ("California Attorney General", "New York
 * Department of Financial Services", "White House Press Secretary", "Texas Register") are that government
 * and stay its name, as "China Standard Time" stays China's.
 */
const ORGANISATION_AFTER_PLACE: ReadonlySet<string> = new Set([
  'times', 'post', 'journal', 'tribune', 'herald', 'chronicle', 'gazette', 'daily', 'news', 'bee', 'sun', 'star', 'globe',
  'examiner', 'observer', 'review', 'magazine', 'courier', 'telegraph', 'inquirer', 'dispatch', 'ledger', 'beat', 'brief',
  'byte', 'wire', 'insider', 'monitor', 'digest', 'bulletin', 'mirror', 'university', 'college', 'instruments',
]);

/** Of those, the words of a place of learning: its people speak for themselves (see `findNames`). */
const ACADEMIC_AFTER_PLACE: ReadonlySet<string> = new Set(['university', 'college']);

/** Whether `after`, right after the last word of a government's name, opens another organisation's name. */
function opensOtherName(context: Context, name: CompiledName, last: Token, after: Token): boolean {
  if (after.caps === 0 || !ORGANISATION_AFTER_PLACE.has(after.key) || name.actors.length === 0) return false;
  if (!name.actors.every((actor) => context.index.actors[actor]!.type === 'government')) return false;
  // One space between: "New York, Times Square" or "California. News of …" are two things.
  return after.start - last.end === 1 && context.text.charCodeAt(last.end) === 0x20;
}

/**
 * Raises to 1 each coalition of which `mentions` name `MEMBERS_NAMING_COALITION` distinct members, or
 * every member of a smaller one and no one else ("the United States and the United Kingdom", not the
 * same two in a list of a treaty's seven signatories).
 */
function namedByMembers(text: string, mentions: readonly Mention[], names: NameTable, actors: Strengths): void {
  const seen = new Map<number, string[]>();
  const all: string[] = [];
  for (const m of mentions) {
    const key = text.slice(m.start, m.end).toLowerCase();
    if (!all.includes(key)) all.push(key);
    for (const coalition of m.coalitions) {
      const list = seen.get(coalition) ?? [];
      if (!list.includes(key)) list.push(key);
      seen.set(coalition, list);
    }
  }
  for (const [coalition, list] of seen) {
    const members = names.memberNames.get(coalition) ?? 0;
    if (list.length >= MEMBERS_NAMING_COALITION || (list.length >= members && all.length === list.length)) actors.raise(coalition, 1);
  }
}

/**
 * `actors` without the coalition members among `listed` when there are at least `least` of them: what a list of
 * signatories hands on is their groups (`listCarriesGroup`). Actors that belong to no coalition stay ("CAISI extended
 * them to Google DeepMind, Microsoft and xAI" hands on CAISI).
 */
function groupsOf(actors: Strengths, listed: readonly number[], index: ClaimIndex, least: number): Strengths {
  const members = listed.filter((id) => index.actors[id]!.memberOf.length > 0);
  if (members.length < least) return actors;
  const groups = new Strengths();
  for (let i = 0; i < actors.ids.length; i++) if (!members.includes(actors.ids[i]!)) groups.raise(actors.ids[i]!, actors.values[i]!);
  return groups;
}

/** Sentence ends, block and cell breaks: a split name's parts must not have one between them. */
const SENTENCE_BREAK = /[.!?\n\u2028\u2029]/;

/**
 * `mentions` with the split instrument names ("voluntary commitments … at the White House") added, in
 * text order; `keys[i]` is `nameKey` of token i's key.
 */
function withSplitNames(context: Context, keys: readonly string[], mentions: Mention[], spend: (n: number) => void): Mention[] {
  const { tokens, text, names } = context;
  const added: Mention[] = [];
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    // A description is written in lower case; capitalised words are names or sentence starts.
    if (tokens[i]!.caps !== 0) continue;
    const candidates = names.splitByFirst.get(keys[i]!);
    if (!candidates) continue;
    spend(candidates.length);
    const start = tokens[i]!.start;
    while (next < mentions.length && mentions[next]!.end <= start) next++;
    // Part of a whole name already ("White House voluntary commitments").
    if (next < mentions.length && mentions[next]!.start <= start) continue;
    for (const split of candidates) {
      const n = split.tail.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = keys[i + k] === split.tail[k] && tokens[i + k]!.caps === 0;
      if (!ok) continue;
      const end = tokens[i + n - 1]!.end;
      const owner = (m: Mention) => m.actors.some((actor) => split.owners.includes(actor));
      // The actor named within reach before or after, with no sentence break between.
      let found = false;
      for (let j = next - 1; j >= 0 && !found && start - mentions[j]!.end <= SPLIT_REACH; j--) {
        found = owner(mentions[j]!) && !SENTENCE_BREAK.test(text.slice(mentions[j]!.end, start));
      }
      for (let j = next; j < mentions.length && !found && mentions[j]!.start - end <= SPLIT_REACH; j++) {
        found = owner(mentions[j]!) && !SENTENCE_BREAK.test(text.slice(end, mentions[j]!.start));
      }
      if (!found) continue;
      added.push(new FoundMention(start, end, NO_IDS, NO_IDS, split.instruments, '', ''));
      i += n - 1;
      break;
    }
  }
  return withAdded(mentions, added);
}

/**
 * Unknown names end in a head word ("… Labs", "… Act"): a cheap literal search finds the heads, and
 * the name pattern runs only on a short window before each (a page cannot make it scan more).
 */
const ORGANISATION_HEAD = new RegExp(`\\b(?:${ORGANISATION_SUFFIXES.join('|')})\\b`, 'g');
/**
 * The space between a name's words: white space, but not a paragraph or table-cell separator ("Nimbus
 * Labs" in a row's first cell and "Nimbus Labs says …" in the next are two names, not "Labs Nimbus Labs"
 * starting in the first cell, which left the second cell without its own unknown speaker).
 */
const NAME_SPACE = '[^\\S\\u2028\\u2029]+';
const ORGANISATION = new RegExp(`(?:^|[^\\p{L}\\p{N}])((?:[A-Z][\\p{L}\\p{N}&'’-]*${NAME_SPACE}){1,3})(?:${ORGANISATION_SUFFIXES.join('|')})$`, 'u');
const INSTRUMENT_HEAD = new RegExp(`\\b(?:${UNKNOWN_INSTRUMENT_HEADS.join('|')})\\b`, 'g');
const INSTRUMENT = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])((?:[A-Z][\\p{L}\\p{N}'’.-]*${NAME_SPACE}(?:(?:and|of|on|for|the|in)${NAME_SPACE})?){1,5})(${UNKNOWN_INSTRUMENT_HEADS.join('|')})$`,
  'u',
);
/** Characters before a head word a name may span. */
const NAME_WINDOW = 120;

/**
 * Businesses by description ("Corvex Compute, a private data-centre developer, said …", "Halloway AI, a London
 * start-up,", "Norvane is a private cloud provider.", "defense start-up Tessaract Systems"): a literal search finds
 * the description's head noun, then a name is read right before its description or right after the noun.
 */
const BUSINESS_HEAD = new RegExp(`(?<![\\p{L}-])(?:${BUSINESS_NOUNS.join('|')})(?![\\p{L}-])`, 'gu');
const NAME_WORD = `[A-Z][\\p{L}\\p{N}&'’-]*`;
/**
 * A name of one to three capitalised words, perhaps a short aside in brackets ("Helix Compute (HLXC, Not Rated), a
 * smaller infrastructure provider"), then ", a/an" or "is a/an" and up to four words, none a preposition
 * ("Marcus Tenbrook, a grid economist at a consultancy" is a person), ending where the head noun starts. Not after a determiner or preposition: "Under the amended Act, a large frontier developer
 * must …" opens with a phrase, and its subject is the developer.
 */
const NAME_BEFORE_DESCRIPTION = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])((?:${NAME_WORD}${NAME_SPACE}){0,2}${NAME_WORD})(?:${NAME_SPACE}\\([^()\\n]{1,40}\\))?(?:,${NAME_SPACE}|${NAME_SPACE}(?:is|was)${NAME_SPACE})(?:a|an)${NAME_SPACE}(?:(?!(?:at|of|for|with|in|on|by)${NAME_SPACE})[\\p{L}\\p{N}-]+${NAME_SPACE}){0,4}$`,
  'u',
);
/** Words before a name that make it something's object, not a business described ("the Act, a …", "under Acme, a …"). */
const OBJECT_BEFORE_NAME = /(?:^|[^\p{L}])(?:the|a|an|this|that|its|their|to|of|under|by|in|on|at|for|from|with)\s+$/iu;
/** After the head noun: where an appositive description goes on or closes ("a London start-up, adopted", "a start-up well below …,"). */
const DESCRIPTION_GOES_ON = /^(?:\s*[,.;:)\u2013\u2014]|\s+(?:based|headquartered|founded|backed|owned|run|that|which|whose|well|in|from|with|known|turned|specialising|specializing|focused|building|making|selling)\b)/u;
/**
 * A preposition (and perhaps a determiner and a kind word) right before a description's head noun: "a deal with
 * the infrastructure firm Fluidstack" names a business in passing, which a later "the company" does not mean.
 */
const PREPOSITION_BEFORE_HEAD = /(?:^|[^\p{L}])(?:with|by|to|for|from|of|at|and)\s+(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** A document's head word ("the Act", "the Code"): what ends such a name is no business. */
const INSTRUMENT_HEAD_WORDS: ReadonlySet<string> = new Set(UNKNOWN_INSTRUMENT_HEADS);
/** After the head noun, one to three capitalised words ("start-up Tessaract Systems"). */
const NAME_AFTER_DESCRIPTION = new RegExp(`^${NAME_SPACE}(${NAME_WORD}(?:${NAME_SPACE}${NAME_WORD}){0,2})`, 'u');

/** Names of businesses described as such (`BUSINESS_HEAD`): start, end (UTF-16 units) and the name's words. */
function* describedBusinesses(text: string): Generator<{ start: number; end: number; words: string[] }> {
  BUSINESS_HEAD.lastIndex = 0;
  for (let hit = BUSINESS_HEAD.exec(text); hit; hit = BUSINESS_HEAD.exec(text)) {
    const after = hit.index + hit[0].length;
    const from = Math.max(0, hit.index - NAME_WINDOW);
    const before = DESCRIPTION_GOES_ON.test(text.slice(after, after + 16)) ? NAME_BEFORE_DESCRIPTION.exec(text.slice(from, hit.index)) : null;
    if (before) {
      const start = from + before.index + before[0].indexOf(before[1]!);
      const words = before[1]!.split(/\s+/);
      // (The name's own first word may be the preposition: "Under Grid Fairness, a large developer, …".)
      const opened = OBJECT_BEFORE_NAME.test(`${text.slice(Math.max(0, start - 12), start)}${words.length > 1 ? `${words[0]!} ` : ''}`);
      if (!opened && !INSTRUMENT_HEAD_WORDS.has(words[words.length - 1]!)) yield { start, end: start + before[1]!.length, words };
    }
    const next = PREPOSITION_BEFORE_HEAD.test(text.slice(Math.max(0, hit.index - 40), hit.index)) ? null : NAME_AFTER_DESCRIPTION.exec(text.slice(after, after + NAME_WINDOW));
    if (next) {
      const start = after + next[0].length - next[1]!.length;
      yield { start, end: start + next[1]!.length, words: next[1]!.split(/\s+/) };
    }
  }
}

/** A stock ticker in brackets, perhaps with its exchange: "(QLN)", "(NASDAQ: HLXC)" (`tickeredNames`). */
const TICKER = /\((?:(NYSE|NASDAQ|Nasdaq|LSE|TSX|HKEX|ASX|TYO|KRX)\s?:\s?)?([A-Z]{2,5}(?:\.[A-Z]{1,2})?)\)/g;
/** One to four capitalised words right before a ticker ("Quillon AI (QLN)"), anchored at the end of the text before it. */
const NAME_BEFORE_TICKER = new RegExp(`(?<![\\p{L}\\p{N}])(${NAME_WORD}(?:${NAME_SPACE}${NAME_WORD}){0,3})${NAME_SPACE}$`, 'u');

/**
 * Names with a stock ticker in brackets, as investor notes name listed companies: start, end (UTF-16 units) and the
 * name's words. Not an initialism defined in brackets ("Frontier Model Forum (FMF)", "National Institute of Standards
 * and Technology (NIST)"), nor a line in capitals ("WASHINGTON (HNS)"); without an exchange, a ticker has three letters
 * or more ("(AI)" is no ticker).
 */
function* tickeredNames(text: string): Generator<{ start: number; end: number; words: string[] }> {
  TICKER.lastIndex = 0;
  for (let hit = TICKER.exec(text); hit; hit = TICKER.exec(text)) {
    const exchange = hit[1];
    const ticker = hit[2]!;
    if (!exchange && ticker.length < 3) continue;
    const named = NAME_BEFORE_TICKER.exec(text.slice(Math.max(0, hit.index - NAME_WINDOW), hit.index));
    if (!named) continue;
    const name = named[1]!;
    const start = hit.index - named[0].length;
    if (name === name.toUpperCase()) continue;
    // An initialism is spelt mostly by the first letters of the capitalised words before it, in whatever language's
    // order ("National Cybersecurity Agency (ACN)", "Center for AI Standards and Innovation (CAISI)"); a ticker
    // mostly by other letters ("Quillon AI (QLN)", "Veltrix Semiconductor (VLTX)").
    const words = text.slice(Math.max(0, start - 80), start + name.length).split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean).slice(-8);
    const initials = new Set(words.filter((word) => /^\p{Lu}/u.test(word)).flatMap((word) => word.match(/\p{Lu}/gu) ?? []));
    const letters = [...ticker.replace(/\..*$/, '')];
    if (!exchange && letters.filter((letter) => initials.has(letter)).length * 3 >= letters.length * 2) continue;
    yield { start, end: start + name.length, words: name.split(/\s+/) };
  }
}

/** Matches of `pattern` (anchored at the end) ending at each hit of `head`: start, end, groups. */
function* namesEndingAtHeads(text: string, head: RegExp, pattern: RegExp): Generator<{ start: number; end: number; groups: RegExpExecArray }> {
  head.lastIndex = 0;
  for (let hit = head.exec(text); hit; hit = head.exec(text)) {
    const end = hit.index + hit[0].length;
    const from = Math.max(0, hit.index - NAME_WINDOW);
    const match = pattern.exec(text.slice(from, end));
    if (!match) continue;
    const lead = match[0].length - match[1]!.length - (match[0].endsWith(hit[0]) ? hit[0].length : 0);
    const start = from + match.index + Math.max(0, lead);
    yield { start, end, groups: match };
  }
}

function instrumentClassOfHead(head: string): InstrumentClass | '' {
  const word = head.toLowerCase();
  for (const cls of INSTRUMENT_CLASSES) if (CLASS_NAME_WORDS[cls].includes(word)) return cls;
  return '';
}

/** Nouns of a law of another field ("the state's privacy laws", "cybersecurity regulation"): not "measures" or "bill". */
const OTHER_FIELD_LAW_NOUNS: ReadonlySet<string> = new Set(['law', 'laws', 'act', 'acts', 'statute', 'statutes', 'regulation', 'regulations', 'legislation', 'rules']);

/**
 * A law the claim set does not know, named by its field's topic ("the state's cybersecurity regulation") or by its
 * bill number ("Virginia's HB 2094"): where (UTF-16 units) and, for the first, the topic's `Token.term` ('' for a number).
 */
interface UnknownLaw {
  start: number;
  end: number;
  topic: string;
}

/**
 * Laws of another field named by their topic ("under the state's cybersecurity regulation", "New York's insurance
 * law", "consumer protection statutes"): a topic word (`OTHER_FIELD_LAW_TOPICS`), at most one other word, then
 * a law noun, joined by spaces or hyphens. Not over a known name, nor with an AI word between ("consumer
 * protection AI law" may be Colorado's). `known` sorted by start.
 */
function findOtherFieldLaws(context: Context, known: readonly Mention[]): UnknownLaw[] {
  const { text, tokens } = context;
  const out: UnknownLaw[] = [];
  const overlapsKnown = new OverlapPointer(known);
  for (let i = 0; i < tokens.length; i++) {
    if (!OTHER_FIELD_LAW_TOPICS.has(tokens[i]!.key)) continue;
    for (let j = i + 1; j <= i + 2 && j < tokens.length; j++) {
      const token = tokens[j]!;
      if (!gaps.spacesAndDashes(text, tokens[j - 1]!.end, token.start) || AI_TOPIC_WORDS.has(token.key)) break;
      if (!OTHER_FIELD_LAW_NOUNS.has(token.key)) continue;
      const start = tokens[i]!.start;
      if (!overlapsKnown.test(start, token.end)) out.push({ start, end: token.end, topic: tokens[i]!.term });
      break;
    }
  }
  return out;
}

/**
 * A legislature's bill number ("HB 2094", "SB 1047", "S.B. 942", "AB 2013", "SB 26-189", "H.R. 1"): a law, or a bill,
 * by its number alone. Capitals as legislatures write them; "SB53" joined too.
 */
const BILL_NUMBER = /(?<![\p{L}\p{N}.])(?:HB|SB|AB|HF|SF|LD|HR|H\.B\.|S\.B\.|A\.B\.|H\.R\.)\s?\d{1,5}(?:-\d{1,5})?(?![\p{L}\p{N}]|-\d)/gu;

/** Where each bill number of `text` is (UTF-16 units). */
function* billNumbers(text: string): Generator<{ start: number; end: number }> {
  BILL_NUMBER.lastIndex = 0;
  for (let hit = BILL_NUMBER.exec(text); hit; hit = BILL_NUMBER.exec(text)) yield { start: hit.index, end: hit.index + hit[0].length };
}

/**
 * Where a cited section of a code of statutes may be (`codeSections`): "Code section", "Code §", "section 12 of", "U.S.C.".
 * Found first, as a bill number is, so the page is scanned by one cheap pattern and the names around are read only there.
 */
const CODE_SECTION_HEAD = /\bCode,?\s+(?:[Ss]ection|[Ss]ec\.|§)|\b[Ss]ection\s\d|U\.S\.C\./g;
/** The code's name before "Code" ("Labor ", "Business and Professions "), anchored at the end of the text before it. */
const CODE_NAME_BEFORE = /(?:\p{Lu}\p{Ll}+\s+(?:and\s+)?){1,3}$/u;
/** "Code section 1102.5", "Code, § 1798.100(a)", from "Code" on. */
const CODE_THEN_SECTION = /^Code,?\s+(?:[Ss]ection|[Ss]ec\.|§{1,2})\s?\d[\d.]*(?:\([\p{L}\d]{1,4}\))*/u;
/** "section 1102.5 of the Labor Code", from "section" on. */
const SECTION_OF_CODE = /^[Ss]ection\s\d[\d.]*(?:\([\p{L}\d]{1,4}\))*\s+of\s+the\s+(?:\p{Lu}\p{Ll}+\s+(?:and\s+)?){1,3}Code(?![\p{L}])/u;
/** "15 U.S.C. § 45": the title's number before, then the section. */
const TITLE_BEFORE_USC = /(?<![\p{L}\p{N}])\d{1,2}\s+$/u;
const USC_THEN_SECTION = /^U\.S\.C\.\s+§{0,2}\s?\d+[\p{L}\d-]*/u;
/** How far (UTF-16 units) a citation reaches before and after its head. */
const CODE_SECTION_REACH = 100;

/**
 * Where each cited section of a code of statutes in `text` is (UTF-16 units): "Labor Code section 1102.5", "Civil Code
 * § 1798.100", "section 1102.5 of the Labor Code", "15 U.S.C. § 45". A law by its citation alone, as lawyers and reporters
 * cite the general law beside a new one.
 */
function* codeSections(text: string): Generator<{ start: number; end: number }> {
  CODE_SECTION_HEAD.lastIndex = 0;
  for (let hit = CODE_SECTION_HEAD.exec(text); hit; hit = CODE_SECTION_HEAD.exec(text)) {
    const at = hit.index;
    const after = text.slice(at, at + CODE_SECTION_REACH);
    const before = text.slice(Math.max(0, at - CODE_SECTION_REACH), at);
    if (hit[0].startsWith('Code')) {
      const name = CODE_NAME_BEFORE.exec(before);
      const section = CODE_THEN_SECTION.exec(after);
      if (name && section) yield { start: at - name[0].length, end: at + section[0].length };
    } else if (hit[0].startsWith('U')) {
      const title = TITLE_BEFORE_USC.exec(before);
      const section = USC_THEN_SECTION.exec(after);
      if (title && section) yield { start: at - title[0].length, end: at + section[0].length };
    } else {
      const cited = SECTION_OF_CODE.exec(after);
      if (cited) yield { start: at, end: at + cited[0].length };
    }
  }
}

/**
 * The bill numbers (`billNumbers`) and, with `codeSections`, the cited code sections (`codeSections`) of a page that
 * are no known name and none the claims use, as unknown laws: the bills in order, then the sections (the caller sorts
 * them among the other unknown laws).
 */
function findUnknownBills(context: Context, known: readonly Mention[]): UnknownLaw[] {
  const claimNames = claimNamesOf(context.index);
  const out: UnknownLaw[] = [];
  const overlapsKnown = new OverlapPointer(known);
  for (const { start, end } of billNumbers(context.text)) {
    if (!overlapsKnown.test(start, end) && !claimNames.has(unknownNameKey(context.text, start, end))) out.push({ start, end, topic: '' });
  }
  if (context.tunables.codeSections > 0) {
    // (A citation may open with its jurisdiction, "California Labor Code section 1102.5": only a known document in it
    // makes it a known law.)
    const overlapsDocument = new OverlapPointer(known.filter((m) => m.instruments.length > 0));
    for (const { start, end } of [...codeSections(context.text)].sort((a, b) => a.start - b.start)) {
      if (!overlapsDocument.test(start, end) && !claimNames.has(unknownNameKey(context.text, start, end))) out.push({ start, end, topic: '' });
    }
  }
  return out;
}

/** A jurisdiction's name (`JURISDICTION_NAMES`) as a whole word, capitalised as written. */
const JURISDICTION_NAME = new RegExp(
  `(?<![\\p{L}])(?:${[...JURISDICTION_NAMES]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/\./g, '\\.'))
    .join('|')})(?![\\p{L}])`,
  'gu',
);

/**
 * Jurisdictions a page names that are no actor of the claim set (`otherJurisdictions`): where (UTF-16 units). A name
 * the claim set knows as an actor ("Texas") is not one; one it knows only as a coalition's member ("Japan" among the
 * Bletchley signatories) is, for it makes no law of the set. `known` sorted by start.
 */
function findOtherJurisdictions(text: string, known: readonly Mention[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  JURISDICTION_NAME.lastIndex = 0;
  for (let hit = JURISDICTION_NAME.exec(text); hit; hit = JURISDICTION_NAME.exec(text)) {
    const start = hit.index;
    const end = start + hit[0].length;
    if (!mentionsOverlapping(known, start, end).some((m) => m.actors.length > 0 || m.instruments.length > 0)) out.push({ start, end });
  }
  return out;
}

/** How an unknown-looking name (text[start, end) as `namesEndingAtHeads` found it) is looked up among the claim set's own. */
function unknownNameKey(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\s+/g, ' ').toLowerCase();
}

const claimNameSets = new WeakMap<ClaimIndex, ReadonlySet<string>>();

/** `index.claimNames` as a set, built once per index. */
function claimNamesOf(index: ClaimIndex): ReadonlySet<string> {
  let names = claimNameSets.get(index);
  if (!names) claimNameSets.set(index, (names = new Set(index.claimNames)));
  return names;
}

/**
 * The keys of the names in `text` that `findUnknown` would take for an organisation or instrument the
 * claim set does not know ("Safety and Security Framework"): run on the claims' own statements and
 * phrasings by `compileClaimIndex`, so a name the claims themselves use is never an outsider's.
 */
export function unknownLookingNames(text: string): string[] {
  const keys: string[] = [];
  for (const { start, end } of namesEndingAtHeads(text, ORGANISATION_HEAD, ORGANISATION)) keys.push(unknownNameKey(text, start, end));
  for (const { start, end } of namesEndingAtHeads(text, INSTRUMENT_HEAD, INSTRUMENT)) keys.push(unknownNameKey(text, start, end));
  for (const { start, end } of billNumbers(text)) keys.push(unknownNameKey(text, start, end));
  for (const { start, end } of codeSections(text)) keys.push(unknownNameKey(text, start, end));
  return keys;
}

/**
 * Words that give the name after them as a document's official or full name: "The official name is …", "formally
 * the …", "its full title being …", "in full, the …".
 */
const OFFICIAL_NAME_CUE = /(?:\b(?:official|formal|full|complete)\s+(?:name|title)(?:\s+(?:is|was|reads|being))?|\b(?:officially|formally|in\s+full))[\s,:]*(?:(?:known\s+as|called|titled|named)\s+)?(?:the\s+)?[“"‘']?\s*$/iu;
/** How far back (UTF-16 units) the cue may be from the name, and the known document from the cue: about a sentence. */
const OFFICIAL_NAME_CUE_REACH = 60;
const OFFICIAL_NAME_REACH = 320;
/** Known mentions looked at, back from the cue: a bound, so a page of cues costs no more than its length. */
const OFFICIAL_NAME_MENTIONS = 4;

/**
 * The known mention whose document an unknown-looking name at `start` is given as the official name of, if any:
 * "The so-called AI Basic Act … The official name is "Basic Act on the Development of Artificial Intelligence and the
 * Establishment of Trust Foundation"." A translation or a paraphrase of a document's formal name is no other
 * document; read as one, it made every later "the law" a law the claim set does not know. The document is the
 * last one of the name's class (`cls`, '' for any) named within `OFFICIAL_NAME_REACH` before the cue, in one
 * mention naming that one document. `known` sorted by start.
 */
function officialNameOf(context: Context, known: readonly Mention[], start: number, cls: InstrumentClass | ''): Mention | undefined {
  const cue = OFFICIAL_NAME_CUE.exec(context.text.slice(Math.max(0, start - OFFICIAL_NAME_CUE_REACH), start));
  if (!cue) return undefined;
  const cueStart = start - (Math.min(start, OFFICIAL_NAME_CUE_REACH) - cue.index);
  const before = firstStartingAt(known, cueStart);
  for (let k = before - 1; k >= 0 && k >= before - OFFICIAL_NAME_MENTIONS; k--) {
    const mention = known[k]!;
    if (cueStart - mention.end > OFFICIAL_NAME_REACH) break;
    if (mention.end > cueStart || mention.unknown !== '' || mention.instruments.length !== 1) continue;
    const documentClass = context.index.instruments[mention.instruments[0]!]!.cls;
    if (cls === '' || documentClass === '' || documentClass === cls) return mention;
  }
  return undefined;
}

/** Unknown organisations and instruments, skipping whatever overlaps a known name or is a name the claims use. */
function findUnknown(context: Context, known: readonly Mention[], spend: (n: number) => void): Mention[] {
  const { text, tokens } = context;
  const out: Mention[] = [];
  const overlapsKnown = new OverlapPointer(known);
  const unknownNames = new Set<string>();
  const claimNames = claimNamesOf(context.index);
  // An organisation found, unless a name the claims use; its first word names it again later ("Nimbus").
  const addOrganisation = (start: number, end: number, written: readonly string[]) => {
    const words = written.filter((word) => !NOT_A_NAME.has(word));
    if (words.length === 0 || claimNames.has(unknownNameKey(text, start, end))) return;
    out.push(new FoundMention(start, end, NO_IDS, NO_IDS, NO_IDS, 'org', ''));
    if (unknownNames.size < context.tunables.maxUnknownNames) unknownNames.add(words[0]!.toLowerCase().replace(/['’]s$/, ''));
  };
  overlapsKnown.reset();
  for (const { start, end, groups: match } of namesEndingAtHeads(text, ORGANISATION_HEAD, ORGANISATION)) {
    spend(NAME_WINDOW);
    if (!overlapsKnown.test(start, end)) addOrganisation(start, end, match[1]!.trim().split(/\s+/));
  }
  if (context.tunables.describedBusinesses > 0) {
    // (In order of where they start, so one pass of `overlapsKnown` serves; one found already, by suffix or
    // by description, keeps its place: those found by suffix are walked with a pointer of their own, and of those
    // found here only the furthest end reached so far need be kept.)
    const described = [...describedBusinesses(text), ...(context.tunables.tickeredNames > 0 ? tickeredNames(text) : [])].sort((a, b) => a.start - b.start);
    const bySuffix = new OverlapPointer([...out].sort((a, b) => a.start - b.start));
    let describedUpTo = -1;
    overlapsKnown.reset();
    for (const { start, end, words } of described) {
      spend(NAME_WINDOW);
      if (overlapsKnown.test(start, end) || bySuffix.test(start, end) || start < describedUpTo) continue;
      const before = out.length;
      addOrganisation(start, end, words);
      if (out.length > before) describedUpTo = Math.max(describedUpTo, end);
    }
  }
  overlapsKnown.reset();
  for (const { start, end, groups: match } of namesEndingAtHeads(text, INSTRUMENT_HEAD, INSTRUMENT)) {
    spend(NAME_WINDOW);
    if (overlapsKnown.test(start, end)) continue;
    const words = match[1]!.trim().split(/\s+/).filter((word) => /^[A-Z]/.test(word) && !NOT_A_NAME.has(word));
    if (words.length === 0 || claimNames.has(unknownNameKey(text, start, end))) continue;
    const cls = instrumentClassOfHead(match[2]!);
    const named = context.tunables.officialNames > 0 ? officialNameOf(context, known, start, cls) : undefined;
    out.push(named ? new FoundMention(start, end, named.actors, named.coalitions, named.instruments, '', '') : new FoundMention(start, end, NO_IDS, NO_IDS, NO_IDS, 'instrument', cls));
  }
  // Once "Nimbus Labs" is named, a later bare "Nimbus" is the same organisation: one pass over tokens.
  if (unknownNames.size > 0) {
    const taken = [...known, ...out].sort((a, b) => a.start - b.start);
    let k = 0;
    for (const token of tokens) {
      if (token.caps === 0 || !unknownNames.has(token.key)) continue;
      while (k < taken.length && taken[k]!.end <= token.start) k++;
      if (k < taken.length && taken[k]!.start < token.end) continue;
      out.push(new FoundMention(token.start, token.end, NO_IDS, NO_IDS, NO_IDS, 'org', ''));
    }
  }
  return out;
}

/**
 * The gaps between a unit's words, read by character code rather than by a pattern on a slice of them
 * (these run for every "the" of a page and every word of a speaker's noun phrase). Exported for tests.
 */
export const gaps = {
  /** `/^[\s\-–—]*$/` on text[from, to): only white space and dashes. */
  spacesAndDashes(text: string, from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x2d && c !== 0x2013 && c !== 0x2014 && !isSpace(c)) return false;
    }
    return true;
  },
  /** `/^\s*,\s*$/` on text[from, to): one comma, with only white space around it. */
  comma(text: string, from: number, to: number): boolean {
    let i = from;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to || text.charCodeAt(i) !== 0x2c) return false;
    for (i++; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
    return true;
  },
  /** `/^\s*:/` on text[from, to): a colon after nothing but white space. */
  colonFirst(text: string, from: number, to: number): boolean {
    let i = from;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    return i < to && text.charCodeAt(i) === 0x3a;
  },
  /** Whether text[from, to) holds any of the characters of `chars` (`/[…]/` on the slice). */
  holds(text: string, from: number, to: number, chars: string): boolean {
    for (let i = from; i < to; i++) if (chars.includes(text[i]!)) return true;
    return false;
  },
};
/** What ends a speaker's noun phrase before its reporting verb, and after it. */
const BEFORE_SPEAKER = ',;:“”"(';
const AFTER_SPEAKER = ',;:.“”"';

/** Words that end a determiner's noun phrase before its noun ("the rule of law", "the shift to binding law"). */
const PHRASE_BREAKS: ReadonlySet<string> = new Set(['of', 'to', 'for', 'in', 'on', 'with', 'by', 'from', 'and', 'or', 'as', 'at', 'than', 'that', 'which', 'under']);
/** Modifiers that make a document noun a body of law, not one law: "federal law", "the international rules", "existing legislation". */
const GENERIC_LAW_MODIFIERS: ReadonlySet<string> = new Set(['federal', 'international', 'existing', 'current', 'other', 'criminal', 'civil', 'copyright', 'privacy', 'consumer', 'common', 'case', 'soft']);
/** How many words a dated description may have between its date and its noun ("the 2023 | White House voluntary AI | vows"). */
const DATED_REACH = 5;
/** A year a dated description gives ("the 2023 pledges"), and a day of the month ("2 June 2026"). */
const YEAR = /^(?:19|20)\d\d$/;
const DAY = /^\d{1,2}$/;

/** Reads a capitalised month name or a year into `date` (the first of each kind only); whether the token was either. */
function readDate(token: Token, date: { year: number; month: number }): boolean {
  const month = token.caps === 1 ? monthOf(token.key) : 0;
  if (month > 0) {
    if (date.month === 0) date.month = month;
    return true;
  }
  if (!YEAR.test(token.key)) return false;
  if (date.year === 0) date.year = Number(token.key);
  return true;
}
/** What may come between a document's noun and the date after it ("the order signed in June 2026", "the law of 23 September 2025"). */
const DATING_PARTICIPLES: ReadonlySet<string> = new Set(['signed', 'issued', 'adopted', 'published', 'released', 'passed', 'enacted', 'announced', 'agreed', 'unveiled', 'made', 'struck', 'dated']);
const DATE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'on', 'of', 'from', 'last']);
/**
 * The prepositions that date a document right after its noun, with no participle between: "the order of 2 June 2026".
 * "approved the framework on May 14" and "passed the law in June" date the verb's event, not the document.
 */
const NOUN_DATE_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'from']);

/** Every noun that can refer back, with what it refers to (built once). */
const ANAPHOR_NOUNS: ReadonlyMap<string, AnaphorType> = (() => {
  const map = new Map<string, AnaphorType>();
  for (const word of GOVERNMENT_ANAPHORS) map.set(word, 'government');
  for (const word of COMPANY_ANAPHORS) map.set(word, 'company');
  for (const word of COLLECTIVE_ANAPHORS) map.set(word, 'collective');
  // Instrument classes win, the first class listing a word first.
  for (const cls of [...INSTRUMENT_CLASSES].reverse()) for (const word of CLASS_ANAPHORS[cls]) map.set(word, cls);
  return map;
})();

function anaphorTypeOf(key: string, plainDeterminer: boolean): AnaphorType | undefined {
  const type = ANAPHOR_NOUNS.get(key);
  if (type === 'government' && !plainDeterminer) return undefined;
  return type;
}

/**
 * Kinds of document a dated indefinite description names (`datedIndefinites`): those only a government or a
 * summit issues, one a month ("An executive order signed in December"). Not laws ("a bill introduced in June" is
 * a new bill), frameworks or codes ("A framework published in May 2026 by Tessellate AI": any company's).
 */
const INDEFINITE_DATED_CLASSES: ReadonlySet<AnaphorType> = new Set(['order', 'treaty', 'declaration', 'plan']);

/** Auxiliaries and modals: after a determiner ("that would bar states", "that will require companies") they open a clause, never a noun phrase. */
const VERB_AFTER_DETERMINER: ReadonlySet<string> = new Set([
  'would', 'will', 'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'did', 'do',
]);

/**
 * Whether an organisation named at `start` (UTF-16 units) is a person's affiliation ("…, an analyst at Northgate
 * Policy Lab", "Priya Rao of the consultancy Gridline"): it places the person, and a later "the company" is not it.
 */
function isAffiliation(text: string, start: number): boolean {
  const before = AFFILIATION_BEFORE.exec(text.slice(Math.max(0, start - AFFILIATION_REACH), start));
  if (!before) return false;
  const noun = before[1]!.toLowerCase();
  return OUTSIDER_NOUNS.has(noun) || PERSON_NOUNS.has(noun) || SPOKESPERSON_NOUNS.has(noun) || AFFILIATION_NOUNS.has(noun);
}
/** Kinds of organisation a speaker's affiliation may name before its name ("of the consultancy Gridline Partners"). */
const ORGANISATION_KINDS: ReadonlySet<string> = new Set([
  'consultancy', 'firm', 'law', 'university', 'institute', 'group', 'think', 'tank', 'nonprofit', 'non-profit', 'charity',
  'clinic', 'foundation', 'centre', 'center', 'startup', 'start-up', 'company', 'lab', 'laboratory', 'trade', 'lobby',
  'association', 'coalition', 'campaign', 'newsletter', 'publication', 'magazine', 'advocacy', 'research', 'policy',
]);
/**
 * A noun for a person, then "at", "of", "with" or "from" (perhaps "the" or "a", and up to three words of
 * ORGANISATION_KINDS), right before a name.
 */
const AFFILIATION_BEFORE = new RegExp(`\\b(\\p{L}+?)s?\\s+(?:at|of|with|from)\\s+(?:(?:the|a)\\s+)?(?:(?:${[...ORGANISATION_KINDS].join('|')})\\s+){0,3}$`, 'iu');
/** How far before a name its affiliation's person noun is looked for (UTF-16 units). */
const AFFILIATION_REACH = 60;
/** People's roles the other lists do not hold. */
const AFFILIATION_NOUNS: ReadonlySet<string> = new Set(['professor', 'fellow', 'lecturer', 'scientist', 'partner', 'attorney', 'lawyer', 'counsel', 'scholar', 'associate', 'student', 'strategist', 'consultant']);

/** Words after which "states" is a verb opening what is stated ("The report states that …", "… states it will …"). */
const STATES_VERB_NEXT: ReadonlySet<string> = new Set(['that', 'it', 'its', 'this', 'the', 'a', 'an', 'we', 'they', 'clearly', 'plainly', 'explicitly', 'expressly']);

/** Demonyms that `NATIONALITY`'s endings miss. */
const OTHER_DEMONYMS: ReadonlySet<string> = new Set(['French', 'Dutch', 'Swiss', 'Greek', 'Thai', 'Israeli', 'Emirati', 'Saudi', 'Welsh', 'Czech', 'Iraqi', 'Pakistani', 'Bangladeshi', 'Kuwaiti', 'Qatari']);

/** Whether a capitalised word is a nationality ("French", "Canadian", "Japanese", "British"). */
function isDemonym(word: string): boolean {
  return OTHER_DEMONYMS.has(word) || (/^\p{Lu}\p{Ll}{3,}$/u.test(word) && NATIONALITY.test(word));
}

/** "the law", "this statute", "the new code", "those signatories", "the firm": determiner, up to two words, noun. */
function findAnaphors(context: Context): Anaphor[] {
  const { tokens, text } = context;
  const datedIndefinites = context.tunables.datedIndefinites > 0;
  const out: Anaphor[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.key === 'signatories' || token.key === 'signers') {
      const previous = tokens[i - 1];
      if (!previous || !ANAPHOR_DETERMINERS.has(previous.key)) out.push(new FoundAnaphor(token.start, token.end, 'collective'));
      continue;
    }
    // An indefinite description refers back to nothing, but a dated one names its instrument as a dated anaphor
    // does ("An executive order signed in December directed …", "a June 2026 order"; `datedIndefinites`).
    const indefinite = datedIndefinites && (token.key === 'a' || token.key === 'an');
    if (!indefinite && !ANAPHOR_DETERMINERS.has(token.key)) continue;
    // A month or year before the noun dates it ("the June order", "the December 2025 framework", "the 2023
    // pledges"): the description picks the instrument of its class from that month, named or not.
    const date = { year: 0, month: 0 };
    let dateWords = 0;
    for (let k = 1; k <= (dateWords > 0 ? DATED_REACH : 3) + dateWords && i + k < tokens.length; k++) {
      const next = tokens[i + k]!;
      if (!gaps.spacesAndDashes(text, tokens[i + k - 1]!.end, next.start)) break;
      if (dateWords < 2 && k === dateWords + 1 && readDate(next, date)) {
        dateWords++;
        continue;
      }
      // "that would bar states", "that will require companies": a relative "that" and a verb, no noun phrase.
      if (VERB_AFTER_DETERMINER.has(next.key)) break;
      // So is "that bars states", "that requires companies": after "that", a word in -s that refers to nothing is its verb.
      if (k === 1 && token.key === 'that' && /^\p{Ll}{2,}s$/u.test(next.key) && !ANAPHOR_NOUNS.has(next.key)) break;
      // (A dated description may name its author on the way: "the 2023 White House voluntary pledges".)
      // (Nor does the class written with capitals, as lawyers write it: "an Executive Order", "the Executive Order".)
      // ("The French company", "the Canadian developer": a nationality before the noun describes it, as any adjective does.)
      const demonym = context.tunables.demonymAnaphors > 0 && k <= 2 && isDemonym(text.slice(next.start, next.end));
      if (next.caps !== 0 && dateWords === 0 && !demonym && !(context.tunables.capitalisedClassNouns > 0 && capitalisedClassWord(tokens, i + k))) break;
      // "The text states that …", "the report states it …": after a noun, "states" opening a clause is the verb,
      // not the collective noun of "the member states" (which would raise the page's coalitions as the speaker).
      if (k >= 2 && next.key === 'states' && tokens[i + k - 1]!.key !== 'member' && STATES_VERB_NEXT.has(tokens[i + k + 1]?.key ?? '')) break;
      const type = anaphorTypeOf(next.key, token.key === 'the' || token.key === 'this' || token.key === 'that');
      // A preposition or conjunction ends the noun phrase: "the rule of law" is a rule, not a law; "federal",
      // "international" make it law in general ("to the extent federal law permits").
      if (!type && (PHRASE_BREAKS.has(next.key) || GENERIC_LAW_MODIFIERS.has(next.key))) break;
      if (type) {
        // ("The Executive Order 14110", "the Order on AI": capitals before a number or a name are that name's.)
        if (next.caps !== 0 && dateWords === 0 && namePartFollows(text, tokens, i + k)) break;
        // … or a date after it: "the executive order signed in June 2026", "the order of 11 December 2025".
        if (dateWords === 0 && type !== 'company' && type !== 'government' && type !== 'collective') {
          let j = i + k + 1;
          const participle = j < tokens.length && DATING_PARTICIPLES.has(tokens[j]!.key);
          if (participle) j++;
          if (j < tokens.length && (participle ? DATE_PREPOSITIONS : NOUN_DATE_PREPOSITIONS).has(tokens[j]!.key)) {
            for (let n = j + 1; n < Math.min(tokens.length, j + 4); n++) if (!readDate(tokens[n]!, date) && !DAY.test(tokens[n]!.key)) break;
          }
        }
        // … or a date earlier in its sentence: "On December 11, 2025, President Trump issued an Executive Order".
        if (indefinite && dateWords === 0 && date.year === 0 && date.month === 0 && INDEFINITE_DATED_CLASSES.has(type) && context.tunables.sentenceDatesIndefinite > 0) {
          datedEarlierInSentence(text, tokens, i, date);
        }
        if (!indefinite || ((date.year > 0 || date.month > 0) && INDEFINITE_DATED_CLASSES.has(type))) {
          out.push(new FoundAnaphor(token.start, next.end, type, date.year, date.month));
          i += k;
        }
        break;
      }
    }
  }
  return out;
}

/** Words of a document's class that writers capitalise without naming one ("an Executive Order", "the EO"). */
const CAPITALISED_CLASS_WORDS: ReadonlySet<string> = new Set(['executive', 'presidential', 'eo']);

/** Whether token `at`, capitalised, is still a class description: "Executive", "EO", or "Order" after "Executive" (not "this Order"). */
function capitalisedClassWord(tokens: readonly Token[], at: number): boolean {
  const key = tokens[at]!.key;
  return CAPITALISED_CLASS_WORDS.has(key) || (key === 'order' && CAPITALISED_CLASS_WORDS.has(tokens[at - 1]?.key ?? ''));
}

/** Whether the word after token `at` goes on a name: a number or a capitalised word, or "on"/"of" and one ("Order on AI"). */
function namePartFollows(text: string, tokens: readonly Token[], at: number): boolean {
  let next = tokens[at + 1];
  if (!next || !gaps.spacesAndDashes(text, tokens[at]!.end, next.start)) return false;
  if ((next.key === 'on' || next.key === 'of' || next.key === 'for') && tokens[at + 2]) next = tokens[at + 2]!;
  return next.caps !== 0 || /^\d/.test(next.key);
}

/** How many words back from an indefinite description its sentence's date is looked for. */
const SENTENCE_DATE_REACH = 12;

/**
 * Reads into `date` the month and year in the words before token `at` in its sentence ("On December 11, 2025,
 * President Trump issued an Executive Order"): back to a full stop or a block break, at most SENTENCE_DATE_REACH words.
 */
function datedEarlierInSentence(text: string, tokens: readonly Token[], at: number, date: { year: number; month: number }): void {
  for (let k = at - 1; k >= Math.max(0, at - SENTENCE_DATE_REACH); k--) {
    if (SENTENCE_BREAK.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) return;
    readDate(tokens[k]!, date);
  }
}

/** The votes a coalition gets when it, or its instrument, is named as such (a member gives 1). */
const NAMED_COALITION_VOTES = 3;

/** What anaphors can refer to: the last of each kind named before a point. */
class History {
  private readonly byClass = new Map<string, { instruments: readonly number[]; unknown: boolean; position: number }>();
  /** (actor -1: an organisation the claim set does not know, or knows only as a member of `coalitions`.) */
  private company: { actor: number; position: number; coalitions: readonly number[] } | undefined;
  private government: { actor: number; position: number } | undefined;
  /**
   * Recent coalition evidence: coalition -> position of its last evidence, votes, and position of its last
   * naming as such (its name or its instrument's; -Infinity if only members stood for it).
   */
  private readonly coalitions = new Map<number, { position: number; votes: number; named: number }>();
  /** Where the current section's heading starts, when it named nobody (UTF-16 units; -1 before any). */
  sectionFrom = -1;
  /** The document's dominant actor when it is a company (an actor's index; -1 when none): see `sectionCompanyDominant`. */
  dominantCompany = -1;
  /** Actors the document names once only: a passing mention, which is all that yields to `dominantCompany`. */
  namedOnce: ReadonlySet<number> = new Set();

  constructor(
    private readonly index: ClaimIndex,
    private readonly collectiveRecency: number,
    private readonly documentNamesOwner: boolean,
    private readonly collectiveNamedFirst: boolean,
    private readonly datedNamesDocument: boolean,
    /** Coalitions of companies, whose member-only organisations are companies of their own; empty: none is. */
    private readonly companyCoalitionIds: ReadonlySet<number>,
  ) {}

  /** The coalitions of the company "the company" refers to when it is a member-only organisation (else none). */
  get companyCoalitions(): readonly number[] {
    return this.company?.coalitions ?? NO_IDS;
  }

  add(mention: Mention): void {
    if (mention.unknown === 'instrument') {
      if (mention.unknownClass) this.byClass.set(mention.unknownClass, { instruments: [], unknown: true, position: mention.start });
      return;
    }
    if (mention.unknown === 'org') {
      this.company = { actor: -1, position: mention.start, coalitions: NO_IDS };
      return;
    }
    // "Mistral AI on Tuesday published … The French company also said …": a member the claim set knows no claim of
    // is a company of its own for "the company", not the one named before it.
    if (memberOnlyOrganisation(mention, this.companyCoalitionIds)) this.company = { actor: -1, position: mention.start, coalitions: mention.coalitions };
    for (const instrument of mention.instruments) {
      const cls = this.index.instruments[instrument]!.cls;
      if (cls) this.byClass.set(cls, { instruments: mention.instruments, unknown: false, position: mention.start });
      const owners = this.index.instruments[instrument]!.actors;
      for (const actor of owners) {
        if (this.index.actors[actor]!.type === 'coalition') this.vote(actor, mention.start, NAMED_COALITION_VOTES);
      }
      // "Anthropic's RSP 3.0 removed the fixed cadence. … The company has also said …": a company's own
      // document names the company for a later "the company", as its name would (`documentNamesOwner`).
      if (this.documentNamesOwner && owners.length === 1 && this.index.actors[owners[0]!]!.type === 'company') this.company = { actor: owners[0]!, position: mention.start, coalitions: NO_IDS };
    }
    for (const actor of mention.actors) {
      const type = this.index.actors[actor]!.type;
      if (type === 'company') this.company = { actor, position: mention.start, coalitions: NO_IDS };
      else if (type === 'government' || type === 'legislature' || type === 'agency') this.government = { actor, position: mention.start };
      else if (type === 'coalition') this.vote(actor, mention.start, NAMED_COALITION_VOTES);
    }
    for (const coalition of mention.coalitions) this.vote(coalition, mention.start, 1);
  }

  /** `votes`: 3 for the coalition or its instrument named, 1 for one of its members (see `add`). */
  private vote(coalition: number, position: number, votes: number): void {
    const entry = this.coalitions.get(coalition);
    const named = votes >= NAMED_COALITION_VOTES ? position : -Infinity;
    if (entry) {
      entry.position = position;
      entry.votes += votes;
      // (Positions only grow as the page is read.)
      entry.named = Math.max(entry.named, named);
    } else if (this.coalitions.size < 64) this.coalitions.set(coalition, { position, votes, named });
  }

  /**
   * Raises to `strength` every coalition whose `at` (a position, UTF-16 units) is the latest within
   * `collectiveRecency` before `position`; false when none is.
   */
  private raiseLatest(at: (entry: { position: number; named: number }) => number, position: number, strength: number, actors: Strengths): boolean {
    let latest = -Infinity;
    for (const entry of this.coalitions.values()) if (position - at(entry) <= this.collectiveRecency && at(entry) > latest) latest = at(entry);
    if (latest === -Infinity) return false;
    for (const [coalition, entry] of this.coalitions) if (at(entry) === latest) actors.raise(coalition, strength);
    return true;
  }

  /**
   * Resolves an anaphor at `position`, adding to the frames what it refers to. 'unknown' when it refers
   * to something the claim set does not know; 'unresolved' when nothing of its kind was named nearby.
   */
  resolve(anaphor: Anaphor, position: number, window: number, strength: number, actors: Strengths, instruments: Strengths): 'ok' | 'unknown' | 'unresolved' {
    const recent = (at: number) => position - at <= window;
    if (anaphor.type === 'company') {
      if (this.company && recent(this.company.position)) {
        if (this.company.actor < 0) return 'unknown';
        // (A company named in passing in the section before a heading naming nobody yields to the document's own company.)
        const passing = this.company.position < this.sectionFrom && this.dominantCompany >= 0 && this.namedOnce.has(this.company.actor);
        actors.raise(passing ? this.dominantCompany : this.company.actor, strength);
      }
      return 'ok';
    }
    if (anaphor.type === 'government') {
      if (this.government && recent(this.government.position)) actors.raise(this.government.actor, strength);
      return 'ok';
    }
    if (anaphor.type === 'collective') {
      if (this.collectiveRecency > 0) {
        // "16 companies signed the Frontier AI Safety Commitments. … Those signatories also said …": the
        // coalition named last, within a few sentences, is the one meant, however often another came up before.
        // (The coalition last named as such first, with `collectiveNamedFirst`; then the one with the last evidence.)
        if ((this.collectiveNamedFirst && this.raiseLatest((entry) => entry.named, position, strength, actors)) || this.raiseLatest((entry) => entry.position, position, strength, actors)) return 'ok';
      }
      let best = 0;
      for (const entry of this.coalitions.values()) if (recent(entry.position)) best = Math.max(best, entry.votes);
      for (const [coalition, entry] of this.coalitions) {
        if (recent(entry.position) && entry.votes === best) actors.raise(coalition, strength);
      }
      return 'ok';
    }
    const last = this.byClass.get(anaphor.type);
    // A document of its kind the claim set does not know, named just before, is the one meant, dated or not
    // ("Northgate's model risk framework … The board approved the framework of 14 May 2026").
    if (last?.unknown && recent(last.position)) return 'unknown';
    if (anaphor.year > 0 || anaphor.month > 0) {
      // A dated description names its instrument however long ago, or whether, the page named it.
      let found = -1;
      let count = 0;
      this.index.instruments.forEach((instrument, id) => {
        if (instrument.cls !== anaphor.type) return;
        if (!instrument.months.some((m) => (anaphor.year === 0 || Math.floor(m / 100) === anaphor.year) && (anaphor.month === 0 || m % 100 === anaphor.month))) return;
        instruments.raise(id, strength);
        found = id;
        count++;
      });
      // "On December 11, 2025, President Trump issued an Executive Order (EO) … The EO requires …": a date that
      // picks one document names it for the references after, as its name would (`datedNamesDocument`).
      // (Only documents a government issues, one a month: "the May 2026 framework" may be any company's.)
      if (count === 1 && this.datedNamesDocument && INDEFINITE_DATED_CLASSES.has(anaphor.type) && anaphor.start > (last?.position ?? -1)) this.byClass.set(anaphor.type, { instruments: [found], unknown: false, position: anaphor.start });
      if (count > 0) return 'ok';
    }
    if (!last || !recent(last.position)) return 'unresolved';
    for (const instrument of last.instruments) instruments.raise(instrument, strength);
    return 'ok';
  }
}

const LEFT_DOUBLE_QUOTE = 0x201c;
const RIGHT_DOUBLE_QUOTE = 0x201d;
const STRAIGHT_QUOTE = 0x22;

/** Quotation spans of a block and who each is attributed to, as a character range for the speaker. */
/**
 * The quotations of text[start, end) with their attributions' offsets (after the quotation, or before it);
 * with `unattributed`, quotations without one too, their attribution's offsets -1.
 */
function quotations(text: string, start: number, end: number, longAttributions: boolean, unattributed: boolean): Array<{ start: number; end: number; speakerStart: number; speakerEnd: number }> {
  const out: Array<{ start: number; end: number; speakerStart: number; speakerEnd: number }> = [];
  let open = -1;
  let straight = false;
  // Character codes, not one-character strings: this walks every character of the page.
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LEFT_DOUBLE_QUOTE || (c === STRAIGHT_QUOTE && open < 0)) {
      open = i;
      straight = c === STRAIGHT_QUOTE;
    } else if (open >= 0 && ((c === RIGHT_DOUBLE_QUOTE && !straight) || (c === STRAIGHT_QUOTE && straight))) {
      // Attribution after the quote (", said a spokesman." / ", the official said.") or before it ("X said: “…”").
      const after = text.slice(i + 1, Math.min(end, i + 1 + ATTRIBUTION_REACH));
      // (An attribution with an aside runs longer: ", said Marcus Lind, who researches AI audits at a university in Oslo.")
      const afterMatch = (longAttributions ? LONG_ATTRIBUTION_AFTER : ATTRIBUTION_AFTER).exec(after);
      if (afterMatch && /\S/.test(afterMatch[1]!)) out.push({ start: open, end: i + 1, speakerStart: i + 1 + afterMatch.index, speakerEnd: i + 1 + afterMatch.index + afterMatch[0].length });
      else {
        const speakerStart = attributionBefore(text, Math.max(start, open - ATTRIBUTION_REACH), open);
        if (speakerStart >= 0) out.push({ start: open, end: i + 1, speakerStart, speakerEnd: open });
        else if (unattributed) out.push({ start: open, end: i + 1, speakerStart: -1, speakerEnd: -1 });
      }
      open = -1;
    }
  }
  return out;
}

/** Characters an attribution before a quotation cannot span (a sentence's end, another quotation mark). */
const isAttributionStop = (code: number): boolean =>
  code === 0x2e || code === 0x3b || code === 0x21 || code === 0x3f || code === LEFT_DOUBLE_QUOTE || code === RIGHT_DOUBLE_QUOTE || code === STRAIGHT_QUOTE;

/**
 * Where the attribution before a quotation starts ("X said: “…”", "According to X, “…”"): what
 * `/([^.;!?“”"]{1,80})[:,]\s*$/.exec(text.slice(from, to))` finds, as an offset into `text`, or -1
 * when it finds nothing. By hand, from the end: the pattern can only end at the last character that is
 * not white space, a colon or a comma, and its leftmost start is just past the last stop before that
 * (at most 80 characters back); the pattern took up to 80 x 80 steps per quotation mark.
 */
export function attributionBefore(text: string, from: number, to: number): number {
  let last = to - 1;
  while (last >= from && isSpace(text.charCodeAt(last))) last--;
  if (last < from) return -1;
  const mark = text.charCodeAt(last);
  if (mark !== 0x3a && mark !== 0x2c) return -1;
  let start = last;
  while (start > from && last - start < 80 && !isAttributionStop(text.charCodeAt(start - 1))) start--;
  return start < last ? start : -1;
}

interface Resolver {
  frameAt(
    mentionsIn: readonly Mention[],
    anaphorsIn: readonly Anaphor[],
    position: number,
    compared?: readonly Mention[],
  ): { actors: Strengths; instruments: Strengths; unknown: boolean; unknownFrom: number; unknownCoalitions: readonly number[]; unresolved: InstrumentClass[]; classes: InstrumentClass[] };
}

/** What opens an aside about a speaker ("…, who asked not to be named, said"; "…, speaking on condition of anonymity, said"). */
const ASIDE_OPENERS: ReadonlySet<string> = new Set(['who', 'speaking', 'asking', 'requesting', 'declining']);
/** Words after which "states" names countries ("member states", "other states", "US states"). */
const STATES_AS_NOUN_AFTER: ReadonlySet<string> = new Set([
  'member', 'nation', 'united', 'us', 'u.s', 'eu', 'all', 'other', 'many', 'some', 'several', 'most', 'few', 'these', 'those',
  'both', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozen', 'individual', 'party', 'signatory',
  'american', 'european', 'southern', 'northern', 'western', 'eastern', 'coastal', 'border', 'island', 'small', 'large',
]);
/**
 * Words after "state(s)" that make it a noun: one it qualifies ("state AI laws", "state legislatures"), or
 * a preposition, conjunction or verb a noun takes ("bar states from regulating", "states and cities", "states
 * have passed"); a verb of saying takes a clause ("states that", "states:").
 */
const STATE_AS_NOUN_BEFORE = /^(?:ai|law|laws|legislat\w*|level|regulat\w*|regime\w*|rules?|government\w*|agenc\w*|attorneys?|lawmakers?|officials?|courts?|preemption|funding|boundaries|borders|from|and|or|over|whose|have|had|are|were|can|could|would|will|may|must|should|where|which|who)$/;
/** Words after "tell" that make it telling apart ("tell when", "tell whether", "tell apart"); "tells the Verge" is telling someone. */
const TELL_APART_AFTER: ReadonlySet<string> = new Set(['when', 'whether', 'if', 'apart']);
/** Words before "tell" that make it "tell apart" ("users can tell", "hard to tell"), not a verb of saying. */
const TELL_APART_BEFORE: ReadonlySet<string> = new Set(['can', 'could', 'cannot', 'to', 'will', 'would', 'might', 'may']);
/** Modals of duty before a verb of saying ("must tell", "shall state"): the duty's content, not a report. */
const DUTY_MODALS: ReadonlySet<string> = new Set(['must', 'shall']);
/** Words before "to" that make it a duty ("required to disclose", "has to tell", "obliged to state"). */
const DUTY_BEFORE_TO: ReadonlySet<string> = new Set(['required', 'obliged', 'obligated', 'has', 'have', 'had', 'need', 'needs']);
/** Forms of "be" and "get" before a participle of saying: its subject is the one told or asked. */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'gets', 'got', 'get']);
/** Most words of a speaker that closes its sentence ("…, investors say", "…, a Pentagon official said"). */
const TRAILING_SPEAKER_WORDS = 4;
/**
 * Relative pronouns that open a clause on what comes before them ("a package that critics say …", "change what people
 * believe"): never the unit's first word, where "What critics say is …" makes them the sentence's speakers.
 */
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['that', 'which', 'what']);
/** Most words of a relative clause's subject before its reporting verb ("that some industry critics say"). */
const RELATIVE_SUBJECT_WORDS = 3;
/** Words that show a relative clause has a verb of its own before the reporting verb ("that talk to people must tell"). */
const CLAUSE_VERB_WORDS: ReadonlySet<string> = new Set(['to', 'must', 'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'do', 'does', 'did']);
/** Verbs of noting that take a noun phrase as object ("noted the parallel", "recalled the episode"): see `nounObjectSpeaker`. */
const NOTING_VERBS: ReadonlySet<string> = new Set(['note', 'notes', 'noted', 'recall', 'recalls', 'recalled', 'cite', 'cites', 'cited', 'stress', 'stresses', 'stressed']);
/** Determiners that open a noun phrase object ("noted the parallel", "recalled a pledge"): never "that", which may open a clause. */
const OBJECT_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her']);
/** Openers of the narrated clause after a noted noun phrase ("…, when OpenAI promised …", "…, as the company pledged …"). */
const NARRATED_CLAUSE_OPENERS: ReadonlySet<string> = new Set(['when', 'as']);
/** Outsider words that are quantifiers, not people: "Some of its measures, it said, …". */
const QUANTIFIERS: ReadonlySet<string> = new Set(['some', 'many', 'others', 'people']);

/**
 * Whether token `v` sits inside an aside set off by commas within tokens [from, to): a comma before it after
 * `from`, and one after it with words of the sentence still to come, which do not open with a reporting verb (in
 * "A risk analyst at a rival lab, who asked not to be named, said …" the aside is about the speaker of "said").
 */
function insideCommaAside(text: string, tokens: readonly Token[], from: number, v: number, to: number): boolean {
  let opened = false;
  for (let k = from + 1; k <= v && !opened; k++) opened = gaps.comma(text, tokens[k - 1]!.end, tokens[k]!.start);
  if (!opened) return false;
  for (let k = v + 1; k < to - 1; k++) if (gaps.comma(text, tokens[k - 1]!.end, tokens[k]!.start)) return !REPORTING_VERBS.has(tokens[k]!.key);
  return false;
}

/** The reporting verb of a unit and its subject, as token ranges. */
function speakerOf(
  context: Context,
  tokens: readonly Token[],
  from: number,
  to: number,
  mentionsIn: (start: number, end: number) => readonly Mention[],
  anaphorsIn: (start: number, end: number) => readonly Anaphor[],
  resolver: Resolver,
): Speaker | undefined {
  const { text } = context;
  // "If every competitor can credibly argue that …, Anthropic says it will …": a leading condition's
  // reporting verb speaks only inside the condition; the sentence's speaker is its main clause's, when the
  // main clause has one ("Unless a rival's spokesperson says otherwise, the assistant will …" has not: the
  // condition's speaker stays).
  let conditionEnd = from;
  if (context.tunables.conditionSpeaker > 0 && LEADING_CLAUSE_OPENERS.has(tokens[from]?.key ?? '')) {
    for (let k = from + 1; k < to; k++) {
      if (!gaps.comma(text, tokens[k - 1]!.end, tokens[k]!.start)) continue;
      conditionEnd = k;
      break;
    }
  }
  const spans: Array<[number, number]> = conditionEnd > from ? [[conditionEnd, to], [from, conditionEnd]] : [[from, to]];
  for (const [first, last] of spans) for (let v = first; v < last; v++) {
    const verb = tokens[v]!;
    if (!REPORTING_VERBS.has(verb.key)) continue;
    // "according to X"; "called" only as "called for/on"; "claims"/"note"/"question"/"call" as nouns do not report.
    if (verb.key === 'according' && tokens[v + 1]?.key !== 'to') continue;
    // ("Detractors call the interviews a stunt", "advocates called that reassuring": an outsider's verdict, with `outsiderCalls`.)
    const outsiderCalls = context.tunables.outsiderCalls > 0 && v > from && OUTSIDER_NOUNS.has(tokens[v - 1]!.key) && !QUANTIFIERS.has(tokens[v - 1]!.key);
    if ((verb.key === 'call' || verb.key === 'calls' || verb.key === 'called') && !['for', 'on'].includes(tokens[v + 1]?.key ?? '') && !outsiderCalls) continue;
    const previous = tokens[v - 1];
    if (previous && ANAPHOR_DETERMINERS.has(previous.key)) continue;
    const next = tokens[v + 1]?.key ?? '';
    // "providers must tell users they are dealing with AI", "are required to state …": what a duty asks.
    const dutyBefore = previous !== undefined && (DUTY_MODALS.has(previous.key) || (previous.key === 'to' && DUTY_BEFORE_TO.has(tokens[v - 2]?.key ?? '')));
    if (context.tunables.dutyToSay > 0 && dutyBefore) continue;
    // "The Commerce Department is told to publish …", "agencies were asked to …": told, not telling.
    if (previous && PASSIVE_AUXILIARIES.has(previous.key)) continue;
    // "users can tell", "hard to tell", "let people tell when audio was generated": telling apart, not telling someone.
    if ((verb.key === 'tell' || verb.key === 'tells') && ((previous && TELL_APART_BEFORE.has(previous.key)) || TELL_APART_AFTER.has(next))) continue;
    // "Council of Europe member states", "three states", "state AI laws", "bar states from …": the countries,
    // not a verb of saying.
    if ((verb.key === 'states' || verb.key === 'state') && ((previous && STATES_AS_NOUN_AFTER.has(previous.key)) || STATE_AS_NOUN_BEFORE.test(next))) continue;
    let npStart = v;
    while (npStart > from && v - npStart < SPEAKER_WORDS && !gaps.holds(text, tokens[npStart - 1]!.end, tokens[npStart]!.start, BEFORE_SPEAKER)) npStart--;
    // "OpenAI, for its part, says": past an aside set off by commas, to the name before it (not when the verb
    // closes the sentence: in "Claude stays ad-free for now, investors say" the investors are no aside).
    if (npStart > from && npStart < v && !(v === to - 1 && context.tunables.trailingSpeaker > 0) && gaps.comma(text, tokens[npStart - 1]!.end, tokens[npStart]!.start) && mentionsIn(tokens[npStart]!.start, tokens[v - 1]!.end).length === 0) {
      let back = npStart - 1;
      while (back > from && v - back < SPEAKER_WORDS && !gaps.holds(text, tokens[back - 1]!.end, tokens[back]!.start, BEFORE_SPEAKER)) back--;
      // "A lobbying analyst at a rival lab, who asked not to be named, said": an outsider before the aside too.
      // (Only an aside about the speaker, "who …" or "speaking …": "Some of its measures, it said, …" is no speaker.)
      const outsiderBefore =
        context.tunables.speakerAside > 0 &&
        ASIDE_OPENERS.has(tokens[npStart]!.key) &&
        tokens.slice(back, npStart).some((token) => (OUTSIDER_NOUNS.has(token.key) && !QUANTIFIERS.has(token.key)) || SPOKESPERSON_NOUNS.has(token.key));
      if (outsiderBefore || mentionsIn(tokens[back]!.start, tokens[npStart - 1]!.end).length > 0) npStart = back;
    }
    // "… a package that critics say waters down the law", "change what people believe": the reporting verb heads a
    // relative clause (see RELATIVE_PRONOUNS); its subject speaks inside that clause, not for the sentence. Only a
    // short subject between the pronoun and the verb ("that critics say", "which the company says"): in "systems
    // that talk to people must tell users" the relative clause ended at "people" and "must tell" is the sentence's.
    if (context.tunables.relativeSpeaker > 0 && npStart < v) {
      let relative = false;
      for (let k = Math.max(npStart, from + 1); k < v; k++) {
        if (!RELATIVE_PRONOUNS.has(tokens[k]!.key) || v - k - 1 > RELATIVE_SUBJECT_WORDS) continue;
        relative = tokens.slice(k + 1, v).every((token) => !CLAUSE_VERB_WORDS.has(token.key));
      }
      if (relative) continue;
    }
    // "The startup, founded by former OpenAI staffers who warned about runaway AI, has scrapped …": a "who" clause
    // inside an aside set off by commas says what its people said; the sentence goes on after the aside, and
    // what it states is the writer's (another reporting verb, "…, CNN reports", may still speak for it).
    if (context.tunables.relativeAsideSpeaker > 0 && previous?.key === 'who' && insideCommaAside(text, tokens, first, v, last)) continue;
    // "Observers noted the parallel with 2023, when OpenAI promised …": they noted a noun phrase; the "when" clause
    // after it is the writer's account, so the sentence has no speaker (a new user's report 53, problem 3).
    if (context.tunables.nounObjectSpeaker > 0 && npStart < v && NOTING_VERBS.has(verb.key) && OBJECT_DETERMINERS.has(next)) {
      let narrated = false;
      for (let k = v + 2; k < last && k - v <= 8; k++) {
        if (!NARRATED_CLAUSE_OPENERS.has(tokens[k]!.key)) continue;
        narrated = gaps.comma(text, tokens[k - 1]!.end, tokens[k]!.start);
        break;
      }
      if (narrated) return undefined;
    }
    let npFrom = npStart;
    let npTo = v;
    let contentFrom = v + 1;
    // "…, saying so publicly and staying more protective than the rival": a participle's subject is its main
    // clause's, never the words after it.
    if (npFrom === npTo && verb.key !== 'according' && verb.key.endsWith('ing') && context.tunables.participleSpeaker > 0) continue;
    if (npFrom === npTo || verb.key === 'according') {
      // Inverted ("…, said a Pentagon spokesman") or "according to X": the speaker follows the verb.
      npFrom = verb.key === 'according' ? v + 2 : v + 1;
      npTo = npFrom;
      while (npTo < to && npTo - npFrom < SPEAKER_WORDS && !gaps.holds(text, tokens[npTo - 1]!.end, tokens[npTo]!.start, AFTER_SPEAKER)) npTo++;
      // "…, said Carla Nguyen, a security researcher": who the name is comes after it, set off by a comma
      // (only "a …"/"an …": "Jared Kaplan, cofounder" stays a bare name that could be anyone's).
      // ("…, said Priya Rao, who studies AI audits at the Hollis Institute" too, with `speakerAside`.)
      const appositive = tokens[npTo]?.key === 'a' || tokens[npTo]?.key === 'an' || (context.tunables.speakerAside > 0 && tokens[npTo]?.key === 'who');
      if (context.tunables.speakerAppositive > 0 && npTo < to && gaps.comma(text, tokens[npTo - 1]!.end, tokens[npTo]!.start) && appositive) {
        npTo++;
        while (npTo < to && npTo - npFrom < SPEAKER_WORDS && !gaps.holds(text, tokens[npTo - 1]!.end, tokens[npTo]!.start, AFTER_SPEAKER)) npTo++;
      }
      contentFrom = from;
    }
    if (npTo <= npFrom) return undefined;
    const speaker = classifySpeaker(context, tokens, npFrom, npTo, contentFrom, mentionsIn, anaphorsIn, resolver, to);
    // A quotation closes right before the speaker ('"…," said Rosa Kettering'; '"…," Kettering said'):
    // everything in it is the speaker's, the names it mentions included.
    const opener = contentFrom === from ? v : npStart;
    if (speaker && opener > from && context.tunables.quotedSpeaker > 0) speaker.quoted = /["”]/.test(text.slice(tokens[opener - 1]!.end, tokens[opener]!.start));
    return speaker;
  }
  return undefined;
}

function classifySpeaker(
  context: Context,
  tokens: readonly Token[],
  npFrom: number,
  npTo: number,
  contentFrom: number,
  mentionsIn: (start: number, end: number) => readonly Mention[],
  anaphorsIn: (start: number, end: number) => readonly Anaphor[],
  resolver: Resolver,
  to: number,
): Speaker {
  const npStart = tokens[npFrom]!.start;
  const npEnd = tokens[npTo - 1]!.end;
  const np = resolver.frameAt(mentionsIn(npStart, npEnd), anaphorsIn(npStart, npEnd), npStart);
  let outsider = np.unknown;
  for (let k = npFrom; k < npTo; k++) if (OUTSIDER_NOUNS.has(tokens[k]!.key)) outsider = true;
  // "A Pentagon spokesman", "the CEO of RAIDS AI": someone speaking for an organisation the claim set
  // does not know. A bare name with a title ("Jared Kaplan, cofounder") could be anyone's: no verdict.
  const npMentions = mentionsIn(npStart, npEnd);
  const inName = (token: Token) => npMentions.some((m) => m.start <= token.start && token.end <= m.end && m.unknown === '');
  const foreignName = (token: Token | undefined) =>
    token !== undefined && token.caps > 0 && !inName(token) && !NOT_A_NAME.has(context.text.slice(token.start, token.end));
  if (np.actors.size === 0 && np.instruments.size === 0) {
    for (let k = npFrom; k < npTo; k++) {
      if (!SPOKESPERSON_NOUNS.has(tokens[k]!.key)) continue;
      const after = tokens[k + 1];
      if ((k > npFrom && foreignName(tokens[k - 1])) || ((after?.key === 'of' || after?.key === 'at') && foreignName(tokens[k + 2]))) outsider = true;
    }
    // "…, who studies AI audits at the Hollis Institute": a "who" clause placing the speaker at an organisation the claim set does not know.
    const who = context.tunables.speakerAside > 0 ? tokens.slice(npFrom, npTo).findIndex((token) => token.key === 'who') : -1;
    for (let k = who < 0 ? npTo : npFrom + who; k < npTo; k++) {
      if (tokens[k]!.key !== 'at') continue;
      const next = tokens[k + 1]?.key === 'the' ? tokens[k + 2] : tokens[k + 1];
      if (foreignName(next)) outsider = true;
    }
    // "…, a staff attorney at the Bay Area Tech Accountability Clinic", "Cormac Delahunt of the consultancy
    // Gridline Partners": placed at an organisation the claim set does not know (its kind may come first).
    if (context.tunables.speakerAffiliation > 0 && who < 0) {
      for (let k = npFrom + 1; k < npTo; k++) {
        const word = tokens[k]!.key;
        // A person is "at" a place; "of" and "with" place a person's name ("Delahunt of …"), not any noun ("the
        // removal of …") nor a known organisation's ("Council of Europe").
        if (word !== 'at' && !((word === 'of' || word === 'with') && foreignName(tokens[k - 1]))) continue;
        let next = k + 1;
        if (tokens[next]?.key === 'the' || tokens[next]?.key === 'a') next++;
        while (next < npTo && next - k <= 3 && ORGANISATION_KINDS.has(tokens[next]!.key)) next++;
        if (next < npTo && foreignName(tokens[next])) outsider = true;
      }
    }
    // "…, a policy fellow at a think tank", "…, who researches AI audits at a university": a place the text does
    // not name is never the claim's actor, who would be named.
    if (context.tunables.speakerAtUnnamed > 0) {
      for (let k = npFrom; k + 1 < npTo; k++) if (tokens[k]!.key === 'at' && (tokens[k + 1]!.key === 'a' || tokens[k + 1]!.key === 'an')) outsider = true;
    }
  }
  // What is reported: its first words (its subject).
  let contentTo = contentFrom;
  if (tokens[contentTo]?.key === 'that') contentTo++;
  const contentStartToken = contentTo;
  // Its subject: a name in its first three words ("Critics say Anthropic dropped…", not "…say the launch makes Anthropic…").
  contentTo = Math.min(to, contentStartToken + 3);
  const content =
    contentTo > contentStartToken
      ? resolver.frameAt(
          mentionsIn(tokens[contentStartToken]!.start, tokens[contentTo - 1]!.end),
          anaphorsIn(tokens[contentStartToken]!.start, tokens[contentTo - 1]!.end),
          tokens[contentStartToken]!.start,
        )
      : undefined;
  // "Anthropic's defenders argue", "OpenAI's critics say": people named by whose they are speak, not the owner.
  const head = tokens[npTo - 1]!;
  const ownedOutsider = npTo - 1 > npFrom && OUTSIDER_NOUNS.has(head.key) && !QUANTIFIERS.has(head.key) && /['’]s?\s*$/u.test(context.text.slice(npStart, head.start));
  return {
    start: npStart,
    actors: ownedOutsider ? [] : np.actors.ids,
    instruments: ownedOutsider ? [] : np.instruments.ids,
    outsider: outsider || ownedOutsider,
    // (A few words after a comma, the verb last: "…, investors say." Not "…, as Nik Kairinos, CEO of …, says:",
    // which leads into the quotation after it.)
    trailing:
      context.tunables.trailingSpeaker > 0 &&
      npTo === to - 1 &&
      npTo - npFrom <= TRAILING_SPEAKER_WORDS &&
      npFrom > 0 &&
      gaps.comma(context.text, tokens[npFrom - 1]!.end, npStart) &&
      !context.text.slice(tokens[npTo]!.end, tokens[npTo]!.end + 2).includes(':'),
    contentActors: content?.actors.ids ?? [],
    contentInstruments: content?.instruments.ids ?? [],
    quoted: false,
  };
}

/**
 * Reads the discourse of a whole document: per unit, its frames and speaker. `tokenRanges[2 * u]` and
 * `tokenRanges[2 * u + 1]` give the unit's tokens as [from, to) indices into `tokens`. Returns a reader to call for units 0, 1, 2…
 * in order.
 */
export function analyseDiscourse(
  text: string,
  tokens: readonly Token[],
  doc: SegmentedDocument,
  index: ClaimIndex,
  names: NameTable,
  tunables: Tunables,
  tokenRanges: Int32Array,
  spend: (n: number) => void,
  knownNames?: readonly Mention[],
  titleNames: readonly Mention[] = [],
): (unit: number) => UnitDiscourse {
  const context: Context = { text, tokens, index, names, tunables, blocks: doc.blocks };
  const companyCoalitions: ReadonlySet<number> = tunables.unknownSubjectCarries > 0 ? coalitionsOfCompanies(index) : new Set();
  const named = knownNames ? [...knownNames] : findNames(context, spend);
  const owned = tunables.ownedDescriptions > 0 ? withOwnedDescriptions(context, named) : named;
  const known = tunables.articleReferences > 0 ? withArticleReferences(context, owned) : owned;
  const found = [...known, ...findUnknown(context, known, spend)].sort((a, b) => a.start - b.start);
  const defined = tunables.definedTerms > 0 ? withDefinedTerms(context, found) : found;
  const officered = tunables.officerNames > 0 ? withOfficers(context, defined) : defined;
  const mentions = tunables.countedCoalitions > 0 ? withCountedCoalitions(context, officered) : officered;
  const anaphors = findAnaphors(context);
  const unknownLaws = [
    ...(tunables.otherFieldLaws > 0 ? findOtherFieldLaws(context, known) : []),
    ...(tunables.billNumbers > 0 ? findUnknownBills(context, known) : []),
  ].sort((a, b) => a.start - b.start);
  const otherJurisdictions = tunables.otherJurisdictions > 0 ? findOtherJurisdictions(text, known) : [];
  spend(tokens.length);

  // Range queries over sorted lists; callers ask in (mostly) increasing order, so each walk is short.
  const none: never[] = [];
  const rangeOf = <T extends { start: number }>(list: readonly T[]) => {
    return (start: number, end: number): readonly T[] => {
      const low = firstStartingAt(list, start);
      if (low >= list.length || list[low]!.start >= end) return none;
      const out: T[] = [];
      for (let i = low; i < list.length && list[i]!.start < end; i++) out.push(list[i]!);
      return out;
    };
  };
  const mentionsIn = rangeOf(mentions);
  const anaphorsIn = rangeOf(anaphors);
  const unknownLawsIn = rangeOf(unknownLaws);
  const otherJurisdictionsIn = rangeOf(otherJurisdictions);

  // Names in a comparison ("closer to California's SB 53") that are no antecedent of a later "the statute"
  // (`comparedNoAntecedent`): marked as each unit is read, before its names enter the history.
  const notAntecedents = new Set<Mention>();
  /** Where the sentence of the unit being read starts (its units cut at commas share it), UTF-16 units. */
  let sentenceFrom = 0;
  let previousUnit: TextUnit | undefined;
  let history = new History(index, tunables.collectiveRecency, tunables.documentNamesOwner > 0, tunables.collectiveNamedFirst > 0, tunables.datedNamesDocument > 0, companyCoalitions);
  let historyNext = 0;
  const advanceHistory = (position: number) => {
    while (historyNext < mentions.length && mentions[historyNext]!.start < position) {
      const mention = mentions[historyNext++]!;
      if (!notAntecedents.has(mention) && !(mention.unknown === 'org' && isAffiliation(text, mention.start))) history.add(mention);
    }
  };

  const emptyFrame = { actors: new Strengths(), instruments: new Strengths(), unknown: false, unknownFrom: -1, unknownCoalitions: none, unresolved: [], classes: [] };
  const resolver: Resolver = {
    frameAt(ms, as, position, compared = none) {
      if (ms.length === 0 && as.length === 0) return emptyFrame;
      const actors = new Strengths();
      const instruments = new Strengths();
      let unknown = false;
      // Where the first "the company" referring to an organisation the claim set does not know starts (-1: none).
      let unknownFrom = -1;
      let unknownCoalitions: readonly number[] = none;
      const ambiguous: Mention[] = [];
      const memberMentions: Mention[] = [];
      for (const m of ms) {
        if (m.unknown) {
          unknown = true;
          continue;
        }
        const strength = compared.includes(m) ? tunables.strengthCompared : 1;
        for (const actor of m.actors) actors.raise(actor, strength);
        for (const coalition of m.coalitions) actors.raise(coalition, tunables.strengthMember * strength);
        if (m.coalitions.length > 0) memberMentions.push(m);
        if (m.instruments.length === 1) instruments.raise(m.instruments[0]!, strength);
        else if (m.instruments.length > 1) ambiguous.push(m);
      }
      // A coalition named by its members ("the United States and the United Kingdom"): all of them, or three.
      if (memberMentions.length > 1) namedByMembers(text, memberMentions, names, actors);
      // A name several instruments share ("SB 53 framework") is the one whose actor is named with it.
      for (const m of ambiguous) {
        for (const instrument of m.instruments) {
          const owners = index.instruments[instrument]!.actors;
          instruments.raise(instrument, owners.some((actor) => actors.get(actor) >= 1) ? 1 : 0.5);
        }
      }
      const unresolved: InstrumentClass[] = [];
      const classes: InstrumentClass[] = [];
      for (const a of as) {
        // What the unit names before the anaphor is what it refers to first ("the RAISE Act, per the bill summary").
        if (tunables.anaphorSeesOwnUnit > 0) advanceHistory(a.start);
        const result = history.resolve(a, position, tunables.anaphorWindow, tunables.strengthAnaphor, actors, instruments);
        if (result === 'unknown') {
          unknown = true;
          // ("The framework" of a company the claim set does not know names no subject: only "the company" does.)
          if (unknownFrom < 0 && a.type === 'company') {
            unknownFrom = a.start;
            unknownCoalitions = history.companyCoalitions;
          }
        } else if (refersToInstrument(a)) (result === 'unresolved' ? unresolved : classes).push(a.type);
      }
      return { actors, instruments, unknown, unknownFrom, unknownCoalitions, unresolved, classes };
    },
  };

  // Document subject: named (or referred to: "the law", "the code") this often, and more than
  // anything else of its dimension. A subject twice as present as any other, five times or more,
  // counts more.
  const actorCounts = new Map<number, number>();
  const instrumentCounts = new Map<number, number>();
  // (The title's names first: of two named as often, the one named first wins, and the title comes before the text.)
  if (tunables.titleSubjectMentions > 0) {
    for (const m of titleNames) {
      for (const actor of m.actors) actorCounts.set(actor, (actorCounts.get(actor) ?? 0) + tunables.titleSubjectMentions);
      for (const instrument of m.instruments) instrumentCounts.set(instrument, (instrumentCounts.get(instrument) ?? 0) + tunables.titleSubjectMentions);
    }
  }
  for (const m of tunables.definedTermsCount > 0 ? mentions : known) {
    for (const actor of m.actors) actorCounts.set(actor, (actorCounts.get(actor) ?? 0) + 1);
    for (const instrument of m.instruments) instrumentCounts.set(instrument, (instrumentCounts.get(instrument) ?? 0) + 1);
  }
  {
    const lastOfClass = new Map<string, { instruments: readonly number[]; position: number }>();
    const lawsNamed = new Set<number>();
    let k = 0;
    for (const anaphor of anaphors) {
      for (; k < known.length && known[k]!.start < anaphor.start; k++) {
        for (const instrument of known[k]!.instruments) {
          const cls = index.instruments[instrument]!.cls;
          if (cls) lastOfClass.set(cls, { instruments: known[k]!.instruments, position: known[k]!.start });
          if (cls === 'law') lawsNamed.add(instrument);
        }
      }
      const last = lastOfClass.get(anaphor.type);
      if (!last || anaphor.start - last.position > tunables.anaphorWindow * 4) continue;
      // Once the page has named two laws, "the Act" or "the statute" may be either: the law named last is
      // a guess the unit's own reading makes with its context, too weak to make that law the page's subject
      // (an alert on New York's RAISE Act that compares it with California's SB 53 once would count every
      // later "the amended Act" for SB 53).
      if (tunables.dominantLawAnaphorsUnambiguous > 0 && anaphor.type === 'law' && lawsNamed.size > 1) continue;
      for (const instrument of last.instruments) instrumentCounts.set(instrument, (instrumentCounts.get(instrument) ?? 0) + 1);
    }
  }
  const dominantOf = (counts: Map<number, number>): Strengths => {
    const out = new Strengths();
    let best = -1;
    let bestCount = 0;
    let second = 0;
    // Map order is first-mention order: of two named as often, the one named first (in the headline, most
    // often) wins the tie.
    for (const [id, count] of counts) {
      if (count > bestCount) {
        second = bestCount;
        best = id;
        bestCount = count;
      } else if (count > second && (count < bestCount || tunables.dominantTieFirstNamed === 0)) second = count;
    }
    if (best >= 0 && bestCount > second && bestCount >= tunables.dominantMentions) {
      const clear = bestCount >= 5 && bestCount >= 2 * second;
      out.raise(best, tunables.strengthDominant + (clear ? 0.2 : 0));
    }
    return out;
  };
  const dominantActors = dominantOf(actorCounts);
  const dominantInstruments = dominantOf(instrumentCounts);

  // Quotations: units inside one speak with its attribution's voice.
  const quoteSpeakers: Array<{ start: number; end: number; speaker: Speaker | undefined }> = [];
  doc.blocks.forEach((block, b) => {
    // A quotation block after "…, as X says:" speaks with X's voice.
    const before = doc.blocks[b - 1];
    if (before && /^["“]/.test(text.slice(block.start, block.start + 1)) && /:\s*$/.test(text.slice(Math.max(before.start, before.end - 3), before.end))) {
      const from = tokenRanges[2 * (before.endUnit - 1)]!;
      const to = tokenRanges[2 * (before.endUnit - 1) + 1]!;
      advanceHistory(before.start);
      const speaker = speakerOf(context, tokens, Math.max(from, to - SPEAKER_WORDS - 2), to, mentionsIn, anaphorsIn, resolver);
      if (speaker && tunables.quotedSpeaker > 0) speaker.quoted = true;
      quoteSpeakers.push({ start: block.start, end: block.end, speaker });
    }
    // The last attributed quotation of this block: a quotation without an attribution after it continues that voice
    // ("“…,” said Jo Lind, a lawyer. “Meta's refusal is a signal.”"; `quoteContinues`).
    let voice: Speaker | undefined;
    for (const quote of quotations(text, block.start, block.end, tunables.quoteOpensUnit > 0, tunables.quoteContinues > 0)) {
      if (quote.speakerStart < 0) {
        if (voice) quoteSpeakers.push({ start: quote.start, end: quote.end, speaker: voice });
        continue;
      }
      quoteSpeakers.push({ start: quote.start, end: quote.end, speaker: undefined });
      const last = quoteSpeakers[quoteSpeakers.length - 1]!;
      // The attribution's tokens: find them by offset within the block's units.
      const first = firstStartingAt(tokens, quote.speakerStart);
      let end = first;
      while (end < tokens.length && tokens[end]!.end <= quote.speakerEnd) end++;
      if (end > first) {
        advanceHistory(quote.start);
        last.speaker = speakerOf(context, tokens, first, end, mentionsIn, anaphorsIn, resolver);
        if (last.speaker && tunables.quotedSpeaker > 0) last.speaker.quoted = true;
      }
      voice = last.speaker;
    }
  });
  historyNext = 0;
  history = new History(index, tunables.collectiveRecency, tunables.documentNamesOwner > 0, tunables.collectiveNamedFirst > 0, tunables.datedNamesDocument > 0, companyCoalitions);
  if (tunables.sectionCompanyDominant > 0 && dominantActors.size > 0 && index.actors[dominantActors.ids[0]!]!.type === 'company') {
    history.dominantCompany = dominantActors.ids[0]!;
    history.namedOnce = new Set([...actorCounts].filter(([, count]) => count === 1).map(([actor]) => actor));
  }

  const instrumentsOf = new Map<number, number[]>();
  index.instruments.forEach((instrument, i) => {
    for (const actor of instrument.actors) instrumentsOf.set(actor, [...(instrumentsOf.get(actor) ?? []), i]);
  });

  let previous: { actors: Strengths; instruments: Strengths; age: number; blocks: number; block: number } | undefined;
  let headingScope: { actors: Strengths; instruments: Strengths } | undefined;
  // What the cells of the current table row have named so far: what its later cells are about (`strengthRow`).
  // `foreign`: its first cell reads as the name of someone the claim set does not know (see `rowForeign`).
  // `ahead`: what any of its cells names, read when the row starts (`strengthRowAhead`).
  let rowScope: { row: number; actors: Strengths; instruments: Strengths; foreign: boolean; ahead?: { actors: Strengths; instruments: Strengths } } | undefined;
  // The table being read (a run of rows with no other block between them): its first row, and what each of that
  // row's heading cells names, by column ("Duty | California SB 53 | New York RAISE Act"): what the cells below
  // each heading are about (`strengthColumn`).
  let tableScope: { first: number; columns: Array<{ actors: Strengths; instruments: Strengths } | undefined> } | undefined;
  let quoteCursor = 0;
  // The last lead-in (or heading over a list) and its frame: what the items after it read.
  let listParent: { block: number; actors: Strengths; instruments: Strengths } | undefined;
  // The actor the last sentence with a named subject opened with, and the unit it was in: what a sentence
  // opening "It …" is about ("Google said it would sign, and it appeared among the signatories the
  // Commission published. It is therefore committed to …" is Google's, not the Commission's).
  // (-1 for an organisation the claim set does not know, or knows only as a member, with that member's coalitions:
  // "Mistral AI published its framework. It also said …".)
  let lastSubject: { actor: number; unit: number; coalitions: readonly number[] } | undefined;
  // The sentence whose subject is such an organisation: where it starts (UTF-16 units) and the organisation's
  // coalitions. Its later units are that organisation's too (`unknownSubjectCarries`).
  let unknownSubjectSentence: { from: number; coalitions: readonly number[] } | undefined;
  // Whether the sentence being read puts a duty on a kind of actor rather than one ("Developers also have to publish
  // …", "Each of them must …"), read at its first unit and kept for the rest (`genericDutySubject`).
  let genericDutySentence = false;
  const order = { expected: 0 };
  const lazy: LazyParts = { text, tokens, context, mentionsIn, anaphorsIn, resolver, companyCoalitions, order };

  // Units are read in order, one at a time, so nothing per unit outlives the next one (a page of
  // tens of thousands of tiny units must not fill the heap).
  return (u: number): UnitDiscourse => {
    if (u !== order.expected) throw new Error(`discourse: unit ${u} asked for out of order (expected ${order.expected})`);
    order.expected++;
    const unit: TextUnit = doc.units[u]!;
    const block = doc.blocks[unit.block]!;
    advanceHistory(unit.start);
    const ms = mentionsIn(unit.start, unit.end);
    const as = anaphorsIn(unit.start, unit.end);
    spend(ms.length + as.length + 40);
    const compared = tunables.strengthCompared < 1 && ms.length > 0 ? comparedMentions(text, ms, unit.start) : none;
    if (!previousUnit || previousUnit.block !== unit.block || endsSentence(text, previousUnit.start, previousUnit.end)) sentenceFrom = unit.start;
    previousUnit = unit;
    // "It is designed to sit alongside the AI Act …": "it" is the document the sentence before was about, whatever
    // the unit names later on (`pronounKeepsDocument`). (Read only where a name or a reference is: both places that
    // use it, a comparison's antecedents and what the unit names, have nothing to do in a unit without either.)
    const keepsDocument =
      (ms.length > 0 || as.length > 0) &&
      previous !== undefined &&
      tunables.pronounKeepsDocument > 0 &&
      previous.age === 0 &&
      previous.instruments.size > 0 &&
      opensWithDocumentPronoun(text, unit, ms);
    if (tunables.comparedNoAntecedent > 0 && compared.length > 0) {
      // Only beside a rival of its kind its sentence names or refers to as its own ("… rewrote the RAISE Act,
      // bringing it closer to SB 53"; "the statute … deliberately track California's SB 53"): "Few labs drew a
      // bolder line than Meta. The company said …" is about Meta. (A state compared with beside the sentence's
      // own law is the rival law's owner.) The sentence is read back a bounded way: a page of one endless
      // sentence must not make every unit read all of it.
      const from = Math.max(sentenceFrom, unit.start - COMPARISON_SENTENCE_REACH);
      const sentenceNames = mentionsIn(from, unit.end).filter((m) => m.unknown === '' && !compared.includes(m));
      const referred = anaphorsIn(from, unit.end);
      const ownLaw = sentenceNames.some((o) => o.instruments.length > 0) || referred.some(refersToInstrument) || keepsDocument;
      const ownActor = sentenceNames.some((o) => o.instruments.length === 0 && o.actors.length > 0) || referred.some((a) => a.type === 'company' || a.type === 'government');
      for (const m of compared) if (m.instruments.length > 0 ? ownLaw : m.actors.length > 0 && (ownActor || ownLaw)) notAntecedents.add(m);
    }
    const own = resolver.frameAt(ms, as, unit.start, compared);
    // Most units name nobody: they share the empty list rather than allocate their own. A name only compared
    // with is not what the unit names.
    const named = compared.length === 0 ? ms : ms.filter((m) => !compared.includes(m));
    const namedActors = named.length === 0 ? none : actorsOf(named);
    const namedInstruments = named.length === 0 ? none : instrumentsOfMentions(named);
    const leadIn = block.listOf >= 0 && listParent?.block === block.listOf ? listParent : undefined;
    if (block.row < 0) tableScope = undefined;
    else if (tunables.strengthColumn > 0 && (tableScope === undefined || (block.row !== tableScope.first && doc.blocks[block.row - 1]?.row === -1))) {
      tableScope = { first: block.row, columns: [] };
      for (let b = block.row; b < doc.blocks.length && doc.blocks[b]!.row === block.row; b++) {
        const cell = doc.blocks[b]!;
        // (Only a heading cell names a column; a first row of sentences is a row like any other.)
        if (cell.kind !== 'heading') {
          tableScope.columns.push(undefined);
          continue;
        }
        const names = { actors: new Strengths(), instruments: new Strengths() };
        for (const m of mentionsIn(cell.start, cell.end)) {
          if (m.unknown) continue;
          for (const actor of m.actors) names.actors.raise(actor, 1);
          for (const instrument of m.instruments) names.instruments.raise(instrument, 1);
        }
        // (A heading naming several, "Signatories: OpenAI, Google, Microsoft", is about none of them in particular.)
        tableScope.columns.push(names.actors.size + names.instruments.size > 0 && names.actors.size + names.instruments.size <= ROW_SCOPE_NAMES ? names : undefined);
      }
    }
    // The column heading of a cell below the table's first row (not the row's own first cell, its label).
    const column = tableScope && block.row >= 0 && block.row !== tableScope.first && unit.block !== block.row ? tableScope.columns[unit.block - block.row] : undefined;
    if (block.row < 0 || rowScope?.row !== block.row) {
      rowScope = block.row >= 0 && tunables.strengthRow > 0 ? { row: block.row, actors: new Strengths(), instruments: new Strengths(), foreign: false } : undefined;
      // (Every cell's names, read once when the row starts: a later cell's source names the row's promise.)
      if (rowScope && tunables.strengthRowAhead > 0) {
        const ahead = { actors: new Strengths(), instruments: new Strengths() };
        for (let b = block.row; b < doc.blocks.length && doc.blocks[b]!.row === block.row; b++) {
          const cell = doc.blocks[b]!;
          const names = mentionsIn(cell.start, cell.end);
          // (A name a cell compares with, "unlike SB 53", "compare California SB 53", is not whose the row is.)
          const compared = names.length > 0 ? comparedMentions(text, names, cell.start) : none;
          for (const m of names) {
            if (m.unknown || compared.includes(m) || CROSS_REFERENCE_BEFORE.test(text.slice(Math.max(cell.start, m.start - CROSS_REFERENCE_REACH), m.start))) continue;
            for (const actor of m.actors) ahead.actors.raise(actor, 1);
            for (const instrument of m.instruments) ahead.instruments.raise(instrument, 1);
          }
        }
        // (A row that names many, a cell listing signatories, is about none of them in particular.)
        if (ahead.actors.size + ahead.instruments.size <= ROW_SCOPE_NAMES) rowScope.ahead = ahead;
      }
    }

    const carry = (dimension: 'actors' | 'instruments'): Strengths => {
      const named = own[dimension];
      if (named.size > 0 || (own.unknown && dimension === 'actors' && ms.some((m) => m.unknown === 'org')) || (dimension === 'instruments' && ms.some((m) => m.unknown === 'instrument'))) {
        const result = new Strengths();
        result.absorb(named, 1);
        // "Firms that sign it commit to …, as their route to AI Act compliance": "it" is the document the
        // sentence before was about, whatever the unit names later on (`pronounKeepsDocument`).
        if (dimension === 'instruments' && keepsDocument) result.absorb(previous!.instruments, tunables.strengthInherited);
        // "They promised to: … red-team their systems before release, inside the company and out": a member met by
        // an anaphor in an item of the coalition's list is one of the coalition, not what the item is about instead.
        if (dimension === 'actors' && leadIn && tunables.memberAnaphorKeepsCollective > 0 && namedActors.length === 0) {
          for (let k = 0; k < leadIn.actors.ids.length; k++) {
            const coalition = leadIn.actors.ids[k]!;
            if (named.ids.some((actor) => index.actors[actor]!.memberOf.includes(coalition))) result.raise(coalition, leadIn.actors.values[k]! * tunables.strengthLeadIn);
          }
        }
        return result;
      }
      const result = new Strengths();
      if (previous) {
        const sameBlock = previous.block === unit.block;
        const age = previous.age + 1;
        const blocks = previous.blocks + (sameBlock ? 0 : 1);
        if (age <= tunables.inheritSentences + (sameBlock ? 0 : 1) && blocks <= tunables.inheritBlocks) {
          const factor = Math.max(0, tunables.strengthInherited - tunables.inheritDecay * (age - 1) - (sameBlock ? 0 : tunables.inheritDecay));
          result.absorb(previous[dimension], factor);
        }
      }
      if (headingScope && block.kind !== 'heading' && block.kind !== 'question') result.absorb(headingScope[dimension], tunables.strengthHeading);
      if (leadIn) result.absorb(leadIn[dimension], tunables.strengthLeadIn);
      if (rowScope) result.absorb(rowScope[dimension], tunables.strengthRow);
      if (column) result.absorb(column[dimension], tunables.strengthColumn);
      // (Not the row's first cell: that is its label, "Matching competitors' safety posture", not a promise.)
      // (Nor a row whose first cell names someone the claim set does not know, "Quarry AI | … | Same approach as
      // xAI": the row is theirs, whoever its notes mention.)
      if (rowScope?.ahead && unit.block !== block.row && !rowScope.foreign) result.absorb(rowScope.ahead[dimension], tunables.strengthRowAhead);
      // The document's subject is a floor under whatever else the unit inherits; an instrument of its class
      // carried in more strongly than that floor is what the unit is about instead (a section on New York's law
      // in a page about California's: `dominantYields`).
      if (!own.unknown) {
        if (dimension === 'instruments' && tunables.dominantYields > 0) {
          for (let k = 0; k < dominantInstruments.ids.length; k++) {
            const id = dominantInstruments.ids[k]!;
            const floor = dominantInstruments.values[k]!;
            const cls = index.instruments[id]!.cls;
            const rivalled = cls !== '' && result.ids.some((other, j) => other !== id && index.instruments[other]!.cls === cls && result.values[j]! > floor * tunables.dominantYieldShare);
            if (!rivalled) result.raise(id, floor);
          }
        } else result.absorb(dimension === 'actors' ? dominantActors : dominantInstruments, 1);
      }
      return result;
    };
    const actors = carry('actors');
    if (tunables.pronounSubject > 0) {
      // (Names later in the sentence are its objects and asides, not its subject: "It has refused to remove
      // those two restrictions from its contracts with the Department of Defense, which the Trump administration
      // styles …" is still the last subject's, with `pronounSubjectOverNames`.)
      if (
        lastSubject &&
        u - lastSubject.unit <= tunables.pronounSubject &&
        !(tunables.pronounSubjectOverNames > 0 ? ms.some((m) => m.actors.length > 0 && m.start - unit.start <= SUBJECT_REACH) : own.actors.size > 0) &&
        PRONOUN_SUBJECT.test(text.slice(unit.start, unit.start + 12)) &&
        lastSubject.actor >= 0
      ) {
        actors.raise(lastSubject.actor, tunables.strengthAnaphor);
      }
    }
    // Whose the unit is when its subject is an organisation the claim set does not know, named ("Mistral AI also
    // said …") or referred to ("The French company also said …", "It also said …" after it): such a unit states
    // no claim of an actor it names only in passing ("… language almost identical to Microsoft's").
    const openingKnown = ms.find((m) => m.actors.length === 1 && m.start - unit.start <= SUBJECT_REACH && !m.unknown);
    const openingUnknown =
      tunables.unknownSubjectCarries > 0
        ? ms.find((m) => (m.unknown === 'org' || memberOnlyOrganisation(m, companyCoalitions)) && m.start - unit.start <= SUBJECT_REACH && (openingKnown === undefined || m.start < openingKnown.start))
        : undefined;
    let carriedSubject: { coalitions: readonly number[] } | undefined;
    if (tunables.unknownSubjectCarries > 0) {
      const sameSentence = unknownSubjectSentence?.from === sentenceFrom && unit.start > sentenceFrom ? unknownSubjectSentence : undefined;
      // (Only right after a sentence whose subject it was: "the lab" after a researcher "at the Oxford-based Digital
      // Conduct Lab" is still the page's lab.)
      const afterUnknownSubject = lastSubject?.actor === -1 && u - lastSubject.unit <= tunables.pronounSubject ? lastSubject : undefined;
      const unknownPronoun = afterUnknownSubject && PRONOUN_SUBJECT.test(text.slice(unit.start, unit.start + 12)) ? afterUnknownSubject : undefined;
      const unknownAnaphor = afterUnknownSubject && own.unknownFrom >= 0 && own.unknownFrom - unit.start <= SUBJECT_REACH ? { coalitions: own.unknownCoalitions } : undefined;
      if (openingKnown === undefined && openingUnknown === undefined) carriedSubject = sameSentence ?? unknownAnaphor ?? unknownPronoun;
      if (openingUnknown) unknownSubjectSentence = { from: sentenceFrom, coalitions: openingUnknown.coalitions };
      else if (carriedSubject) unknownSubjectSentence = { from: sentenceFrom, coalitions: carriedSubject.coalitions };
      else if (openingKnown !== undefined || unit.start === sentenceFrom) unknownSubjectSentence = undefined;
    }
    if (tunables.pronounSubject > 0) {
      if (openingUnknown) lastSubject = { actor: -1, unit: u, coalitions: openingUnknown.coalitions };
      else if (carriedSubject) lastSubject = { actor: -1, unit: u, coalitions: carriedSubject.coalitions };
      else if (openingKnown) lastSubject = { actor: openingKnown.actors[0]!, unit: u, coalitions: none };
    }
    const instruments = carry('instruments');
    // "the order": the last order named, and (less surely) the other orders of whoever the unit or the
    // document is about; with no order named nearby, only those.
    if (own.unresolved.length > 0 || own.classes.length > 0) for (const [list, factor] of [[own.unresolved, 0.8], [own.classes, 0.6]] as const) {
      for (const cls of list) {
        for (const who of [actors, dominantActors]) {
          for (let k = 0; k < who.ids.length; k++) {
            for (const instrument of instrumentsOf.get(who.ids[k]!) ?? []) {
              if (index.instruments[instrument]!.cls === cls) instruments.raise(instrument, tunables.strengthAnaphor * Math.max(0.5, who.values[k]!) * factor);
            }
          }
        }
      }
    }

    // Speaker: an enclosing quotation's attribution, else the unit's own reporting verb. Worked out
    // only if a candidate needs it (most units have none), before the next unit is read.
    while (quoteCursor < quoteSpeakers.length && quoteSpeakers[quoteCursor]!.end <= unit.start) quoteCursor++;
    const quote = quoteSpeakers[quoteCursor];
    // A unit that opens with (or inside) a quotation whose attribution follows in the unit ("“A review … is a
    // courtesy,” said …") speaks with that attribution's voice too: a verb inside the quotation ("… the
    // company's own trust asks for it …") is not the unit's reporting verb.
    const opensQuote = tunables.quoteOpensUnit > 0 && quote?.speaker !== undefined && quote.start <= unit.start + 1 && quote.end < unit.end;
    const inQuote = quote && ((quote.start <= unit.start && unit.end <= quote.end + 1) || opensQuote) ? quote : undefined;
    const from = tokenRanges[2 * u]!;
    const to = tokenRanges[2 * u + 1]!;
    if (unit.start === sentenceFrom) genericDutySentence = tunables.genericDutySubject > 0 && opensWithGenericDuty(tokens, from, to, ms);

    const explicit = own.actors.size > 0 || own.instruments.size > 0 || own.unknown;
    if (rowScope && unit.block === block.row && u === block.firstUnit && own.actors.size === 0 && own.instruments.size === 0) {
      rowScope.foreign = readsAsProperName(text.slice(block.start, block.end));
    }
    // (A document the set knows named in such a row is the organisation's own of that name, with `foreignRowOverDocuments`:
    // "Norvane Cloud | Frontier Model Safety Framework | No deployment above risk thresholds …" is a copy's row.)
    const rowForeign =
      rowScope !== undefined && unit.block !== block.row && rowScope.foreign && rowScope.actors.size + (tunables.foreignRowOverDocuments > 0 ? 0 : rowScope.instruments.size) === 0;
    const rowNamed = rowScope !== undefined && unit.block !== block.row && rowScope.actors.size + rowScope.instruments.size > 0;
    // (Only the first few names a row gives: its opening cells say whose row it is, and a page's row of
    // thousands of cells naming one actor each must not make every cell carry them all.)
    if (rowScope && !own.unknown && rowScope.actors.size + rowScope.instruments.size < ROW_SCOPE_NAMES) {
      rowScope.actors.absorb(own.actors, 1);
      rowScope.instruments.absorb(own.instruments, 1);
    }
    const carried = previous && !explicit ? previous : undefined;
    previous = {
      actors: tunables.listCarriesGroup > 0 && namedActors.length >= tunables.listCarriesGroup ? groupsOf(actors, namedActors, index, tunables.listCarriesGroup) : actors,
      instruments,
      age: explicit ? 0 : (carried?.age ?? 0) + 1,
      blocks: explicit ? 0 : (carried?.blocks ?? 0) + (carried && carried.block !== unit.block ? 1 : 0),
      block: unit.block,
    };
    if (opensSection(block)) {
      // A heading's scope is what it names; a heading naming nothing ends the previous section's scope.
      // (A line of dates and numbers, a table row's "1 January 2027" beside the law it dates, is no new section.)
      if (u === block.firstUnit && !(tunables.dateLineKeepsScope > 0 && !explicit && datesOnlyTokens(tokens, from, to))) {
        headingScope = undefined;
        if (!explicit) history.sectionFrom = unit.start;
      }
      if (explicit && !own.unknown) headingScope = { actors: own.actors, instruments: own.instruments };
    }
    if (leadsList(block) && u === block.endUnit - 1) listParent = { block: unit.block, actors, instruments };

    return new UnitReading(
      actors,
      instruments,
      namedActors,
      namedInstruments,
      ms.length === 0 ? none : ms.filter((m) => m.unknown === ''),
      ms.some((m) => m.unknown !== ''),
      isQuestion(text, unit.start, unit.end) && !(tunables.rhetoricalRecall > 0 && RHETORICAL_RECALL.test(text.slice(unit.start, Math.min(unit.end, unit.start + 40)))),
      rowForeign,
      rowNamed,
      lazy,
      order.expected,
      ms,
      from,
      to,
      inQuote,
      unknownLaws.length === 0 ? none : unknownLawsIn(unit.start, unit.end),
      otherJurisdictions.length > 0 && otherJurisdictionsIn(unit.start, unit.end).length > 0,
      carriedSubject?.coalitions,
      genericDutySentence,
    );
  };
}

/** Whether tokens [from, to) are all dates and numbers ("1 January 2027", "2 August 2025 (fines from 2 August 2026)" is not). */
function datesOnlyTokens(tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) if (!isDateWord(tokens[k]!.key)) return false;
  return true;
}

/** The words placing a person at an organisation ("an executive at a lab", "a spokesperson for one signatory"). */
const PERSON_AT: ReadonlySet<string> = new Set(['at', 'for', 'of', 'from', 'with']);

/**
 * A question that recalls what happened rather than asks ("Remember when OpenAI said in July 2023 that it
 * would …?", "Who could forget that …?"): it states what it recalls.
 */
const RHETORICAL_RECALL = /^\s*(?:remember\s+(?:when|how)|recall\s+(?:when|how)|(?:who|how)\s+could\s+(?:anyone\s+)?forget\s+(?:when|how|that))\b/i;

/** Whether text[start, end) ends in a question mark, past closing quotes and brackets (looking at its last 4 characters). */
function isQuestion(text: string, start: number, end: number): boolean {
  const from = Math.max(start, end - 4);
  let at = end - 1;
  while (at >= from && (text[at] === '"' || text[at] === '”' || text[at] === '’' || text[at] === ')')) at--;
  return at >= from && text[at] === '?';
}

/** What a unit's lazily worked-out parts read: the document's and the reader's state. */
interface LazyParts {
  text: string;
  tokens: readonly Token[];
  context: Context;
  mentionsIn: (start: number, end: number) => readonly Mention[];
  anaphorsIn: (start: number, end: number) => readonly Anaphor[];
  resolver: Resolver;
  /** Coalitions of companies (see `coalitionsOfCompanies`); empty with `unknownSubjectCarries` off. */
  companyCoalitions: ReadonlySet<number>;
  /** The next unit the reader expects: a unit's lazy parts may be read only before it is. */
  order: { expected: number };
}

/**
 * One unit's discourse. Speaker, generic subject and subject actors are worked out on first read
 * (most units never need them), and only before the next unit is read. A class rather than an object
 * literal with getters: a page of 200,000 tiny units allocated three closures and a literal with
 * accessors for each.
 */
class UnitReading implements UnitDiscourse {
  private speakerRead: Speaker | undefined | null = null;
  /** 0 not indefinite, 1 an indefinite organisation or group, 2 an indefinite person (see `genericSubject`). */
  private genericRead: number | undefined;
  private subjectsRead: Subject | undefined;
  private taskedRead: readonly TaskedActor[] | undefined;
  private topicsRead: readonly string[] | undefined;
  private seeksRead: boolean | undefined;

  constructor(
    readonly actors: Strengths,
    readonly instruments: Strengths,
    readonly namedActors: readonly number[],
    readonly namedInstruments: readonly number[],
    readonly mentions: readonly Mention[],
    readonly namesUnknown: boolean,
    readonly question: boolean,
    readonly rowForeign: boolean,
    readonly rowNamed: boolean,
    private readonly lazy: LazyParts,
    private readonly readAt: number,
    private readonly own: readonly Mention[],
    private readonly from: number,
    private readonly to: number,
    private readonly inQuote: { speaker: Speaker | undefined } | undefined,
    private readonly unknownLaws: readonly UnknownLaw[],
    readonly namesOtherJurisdiction: boolean,
    /**
     * When the unit's subject is an organisation the claim set does not know (or knows only as a member), carried in
     * by its sentence, a pronoun or a description (see `unknownSubjectCarries`): that organisation's coalitions.
     */
    private readonly carriedCoalitions: readonly number[] | undefined,
    readonly genericDutySubject: boolean,
  ) {}

  get otherFieldLawTopics(): readonly string[] {
    // (Read once per unit: each claim nominated without its law in view asks.)
    if (this.topicsRead === undefined) {
      const topics: string[] = [];
      for (const law of this.unknownLaws) if (law.topic) topics.push(law.topic);
      this.topicsRead = topics;
    }
    return this.topicsRead;
  }

  private fresh(): void {
    if (this.lazy.order.expected !== this.readAt) throw new Error('discourse: a unit’s speaker or subject was read after the next unit');
  }

  get genericSubject(): boolean {
    return this.genericKind() > 0;
  }

  get indefinitePerson(): boolean {
    return this.genericKind() === 2;
  }

  private genericKind(): number {
    if (this.genericRead === undefined) {
      this.fresh();
      this.genericRead = genericSubject(this.lazy.text, this.lazy.tokens, this.from, this.to, this.own, this.lazy.context.tunables.indefinitePerson > 0, this.lazy.context.tunables.countedOutsiders > 0);
    }
    return this.genericRead;
  }

  get subjectActors(): readonly number[] {
    return this.subject().actors;
  }

  get unknownSubject(): boolean {
    return this.subject().unknown;
  }

  get unknownSubjectCarried(): boolean {
    return this.carriedCoalitions !== undefined;
  }

  get unknownSubjectCoalitions(): readonly number[] {
    return this.carriedCoalitions ?? this.subject().coalitions;
  }

  get governmentBodySubject(): boolean {
    return this.subject().governmentBody;
  }

  get unknownBillSubject(): boolean {
    return this.subject().bill;
  }

  get seeks(): boolean {
    // (Read once per unit, as the topics are: each law's claim nominated asks.)
    this.seeksRead ??= seeksSomething(this.lazy.tokens, this.from, this.to);
    return this.seeksRead;
  }

  private subject(): Subject {
    if (this.subjectsRead === undefined) {
      this.fresh();
      this.subjectsRead = subjectOf(this.lazy.text, this.lazy.tokens, this.from, this.to, this.own, this.unknownLaws, this.lazy.context.tunables.introPhraseSubject > 0, this.lazy.companyCoalitions);
    }
    return this.subjectsRead;
  }

  get taskedActors(): readonly TaskedActor[] {
    if (this.taskedRead === undefined) {
      this.fresh();
      this.taskedRead = taskedActors(this.lazy.tokens, this.from, this.to, this.own);
    }
    return this.taskedRead;
  }

  get speaker(): Speaker | undefined {
    if (this.speakerRead === null) {
      this.fresh();
      const { context, tokens, mentionsIn, anaphorsIn, resolver } = this.lazy;
      this.speakerRead = this.inQuote ? this.inQuote.speaker : speakerOf(context, tokens, this.from, this.to, mentionsIn, anaphorsIn, resolver);
    }
    return this.speakerRead;
  }
}

/** The index of the first of `list` (sorted by start) that starts at or after `position`: `list.length` when none does. */
function firstStartingAt(list: ReadonlyArray<{ start: number }>, position: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.start < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first token of a unit's subject: past openers ("But", "If") and a label ("Competitors: …"). */
function subjectStart(text: string, tokens: readonly Token[], from: number, to: number): number {
  let k = from;
  if (k + 1 < to && gaps.colonFirst(text, tokens[k]!.end, tokens[k + 1]!.start)) k++;
  while (k < to && SUBJECT_OPENERS.has(tokens[k]!.key)) k++;
  // "Critics say (that) X …": the subject of what is reported is X.
  if (k + 1 < to && REPORTING_VERBS.has(tokens[k + 1]!.key) && (CONTRAST_SUBJECTS.has(tokens[k]!.key) || OUTSIDER_NOUNS.has(tokens[k]!.key))) {
    k += 2;
    if (tokens[k]?.key === 'that') k++;
  }
  // "Readers will recall that SB 1047 …", "Remember that …", "Note that …": a reminder to the reader; its subject is X.
  const reminder = k < to && REMINDER_OPENERS.has(tokens[k]!.key) ? REMINDER.exec(text.slice(tokens[k]!.start, tokens[Math.min(to, k + 5) - 1]!.end)) : null;
  if (reminder) {
    const end = tokens[k]!.start + reminder[0].length;
    while (k < to && tokens[k]!.start < end) k++;
  }
  return k;
}

/** The first words a reminder can open with (`REMINDER`): most units are not read further. */
const REMINDER_OPENERS: ReadonlySet<string> = new Set(['readers', 'you', 'we', 'many', 'some', 'longtime', 'recall', 'remember', 'note', 'bear', 'keep', 'a', 'an', 'quick', 'brief', 'friendly', 'reminder']);
/** A reminder to the reader opening a sentence, up to its "that": "Readers will recall that", "A reminder that"; "As you may remember, …" is not one. */
const REMINDER = /^(?:(?:readers|you|we|many|some|longtime\s+readers)\s+(?:will|may|might|should|would|can|'ll|’ll)?\s*(?:recall|remember)|(?:recall|remember|note|bear\s+in\s+mind|keep\s+in\s+mind)|(?:an?\s+)?(?:quick\s+|brief\s+|friendly\s+)?reminder)\s+that\b/iu;

/**
 * Words that open a clause coming before the sentence's main clause: a condition, a time, a concession or a
 * reason ("If a rival ships first, Acme …", "Unless …,", "Once …,", "After critics asked …,", "Although …,").
 * Its reporting verb speaks only inside it (`speakerOf`), and its indefinite subject is not the sentence's
 * (`genericSubject`, which meets only those of SUBJECT_OPENERS).
 */
const LEADING_CLAUSE_OPENERS: ReadonlySet<string> = new Set(['if', 'unless', 'once', 'should', 'provided', 'after', 'when', 'before', 'while', 'although', 'though', 'because', 'since']);
/** Tokens a leading clause may span before its comma. */
const LEADING_CLAUSE_WORDS = 30;

/** Pronouns that, opening a main clause, refer to someone already named. */
const DEFINITE_PRONOUNS: ReadonlySet<string> = new Set(['it', 'they', 'we', 'he', 'she']);

/**
 * Where the main clause after a leading clause starts ("If another developer releases …, OpenAI says
 * …"), when its subject is someone definite (a known name, "it", "the company"); -1 otherwise ("If one
 * developer paused …, that could …" stays about the indefinite one).
 */
function definiteMainClause(text: string, tokens: readonly Token[], k: number, to: number, own: readonly Mention[]): number {
  for (let j = k + 1; j < Math.min(to, k + LEADING_CLAUSE_WORDS); j++) {
    if (!gaps.holds(text, tokens[j - 1]!.end, tokens[j]!.start, ',')) continue;
    const main = subjectStart(text, tokens, j, to);
    const first = tokens[main];
    if (!first) return -1;
    if (DEFINITE_PRONOUNS.has(first.key)) return main;
    const next = tokens[main + 1];
    if (first.key === 'the' && next && main + 1 < to && ANAPHOR_NOUNS.get(next.key) !== undefined) return main;
    const end = tokens[Math.min(to, main + 3) - 1]!.end;
    for (const m of own) if (m.unknown === '' && m.actors.length > 0 && m.start >= first.start && m.start < end) return main;
    return -1;
  }
  return -1;
}

/**
 * Whether the unit's subject is indefinite: 1 for an organisation ("one developer", "no rival") or a
 * contrasting group ("others"); 2, with `people`, for a person no known actor is named with ("One
 * executive at a San Francisco lab called it harmless", "A spokesperson for one signatory said …":
 * someone else's words; "A spokesperson for Acme said …" stays Acme's); 0 otherwise.
 */
function genericSubject(text: string, tokens: readonly Token[], from: number, to: number, own: readonly Mention[], people: boolean, outsiders: boolean): number {
  let k = subjectStart(text, tokens, from, to);
  // The indefinite noun of a leading clause is the condition's subject, not the sentence's.
  let opener = from;
  while (opener < k && !LEADING_CLAUSE_OPENERS.has(tokens[opener]!.key)) opener++;
  if (opener < k) {
    const main = definiteMainClause(text, tokens, k, to, own);
    if (main >= 0) k = main;
  }
  const first = tokens[k];
  if (!first) return 0;
  if (CONTRAST_SUBJECTS.has(first.key)) return 1;
  // "Eleven House Democrats have written to the department urging it to adopt a binding policy that …": a
  // counted group of outsiders, what they want.
  if (outsiders && (COUNTED.test(first.key) || first.key === 'several' || first.key === 'some' || first.key === 'many')) {
    for (let j = k + 1; j < Math.min(to, k + 4); j++) if (OUTSIDER_NOUNS.has(tokens[j]!.key) && tokens[j]!.key.endsWith('s')) return 1;
  }
  if (!INDEFINITE_DETERMINERS.has(first.key)) return 0;
  for (let j = k + 1; j < Math.min(to, k + 4); j++) {
    if (AGENT_NOUNS.has(tokens[j]!.key)) {
      // "One AI developer, Anthropic, has promised …": the known actor in apposition is the subject.
      const noun = tokens[j]!;
      if (own.some((m) => m.unknown === '' && m.actors.length > 0 && m.start > noun.end && APPOSITION_GAP.test(text.slice(noun.end, m.start)))) return 0;
      return 1;
    }
    if (people && PERSON_NOUNS.has(tokens[j]!.key)) {
      // "A spokesperson added that the company…" is the company's own; "one official", or a person "at a
      // lab" or "for one signatory", is one of many others, unless a known actor is named right after.
      const end = tokens[Math.min(to, j + 5) - 1]!.end;
      if (own.some((m) => m.unknown === '' && m.actors.length > 0 && m.start > tokens[j]!.start && m.start < end)) return 0;
      if (first.key === 'one' || first.key === '1') return 2;
      for (let q = j + 1; q < Math.min(to, j + 4); q++) if (PERSON_AT.has(tokens[q]!.key) && INDEFINITE_DETERMINERS.has(tokens[q + 1]?.key ?? '')) return 2;
      return 0;
    }
  }
  return 0;
}

/** A count as a token's key: number words reach the tokenizer's keys as digits ("Eleven" is "11"). */
const COUNTED = /^\d+$/;

/** What stands between an indefinite noun and the name that says who it is: a comma ("one developer, Acme,"). */
const APPOSITION_GAP = /^\s*[,–—]\s*$/;

/** How many words into a unit a seeking verb still opens what it says (`seeksSomething`). */
const SEEKING_REACH = 10;
/** Words that, after "pushed for", end a relative clause rather than open what was sought ("pushed for during …"). */
const NOT_SOUGHT: ReadonlySet<string> = new Set(['during', 'in', 'at', 'on', 'by', 'with', 'since', 'years', 'months', 'weeks', 'decades', 'and', 'or', 'but', 'for']);

/** Whether tokens [from, to) open with someone seeking something: see `UnitDiscourse.seeks`. */
function seeksSomething(tokens: readonly Token[], from: number, to: number): boolean {
  const end = Math.min(to - 2, from + SEEKING_REACH);
  for (let k = from; k < end; k++) {
    if (SEEKING_VERBS.has(tokens[k]!.key) && tokens[k + 1]!.key === 'for' && !NOT_SOUGHT.has(tokens[k + 2]!.key)) return true;
  }
  return false;
}

/** Who a unit's first words name: known actors, whether an unknown organisation, whether an unknown bill number. */
interface Subject {
  actors: readonly number[];
  unknown: boolean;
  /** A government body the claim set does not know opens the unit ("The Department of War has no interest …", "The Pentagon …"). */
  governmentBody: boolean;
  /** The coalitions of a member-only organisation among those opening words (see `memberOnlyOrganisation`). */
  coalitions: readonly number[];
  bill: boolean;
}

/**
 * Who a unit's first words, past openers ("But", "If"), name: the known actors, and whether an organisation the
 * claim set does not know, or a bill number it does not use ("Virginia's HB 2094, which would likewise have …"),
 * is among them. Who or what the sentence is about.
 */
function subjectOf(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  mentions: readonly Mention[],
  laws: readonly UnknownLaw[],
  pastIntroPhrase: boolean,
  companyCoalitions: ReadonlySet<number>,
): Subject {
  let k = subjectStart(text, tokens, from, to);
  // "Among smaller caps, Nexora (NXRA) has adopted …": a short phrase of place or circumstance before a comma
  // comes before the subject (`introPhraseSubject`).
  // (Two in a row too: "In April, with xAI's lawsuit pending, a federal court barred …" is the court's.)
  for (let phrases = 0; pastIntroPhrase && phrases < 2 && k < to && INTRO_PREPOSITIONS.has(tokens[k]!.key); phrases++) {
    let comma = -1;
    for (let j = k + 1; j < to && j <= k + INTRO_PHRASE_WORDS && comma < 0; j++) if (gaps.comma(text, tokens[j - 1]!.end, tokens[j]!.start)) comma = j;
    if (comma < 0) break;
    k = comma;
  }
  const first = tokens[k];
  const actors: number[] = [];
  let coalitions: readonly number[] = NO_IDS;
  let unknown = false;
  let bill = false;
  if (!first) return { actors, unknown, governmentBody: false, coalitions, bill };
  const end = tokens[Math.min(to, k + 3) - 1]!.end;
  const governmentBody = opensWithGovernmentBody(text, tokens, k, to, mentions);
  for (const m of mentions) {
    if (m.start < first.start || m.start >= end) continue;
    if (m.unknown === 'org') unknown = true;
    else if (memberOnlyOrganisation(m, companyCoalitions)) {
      unknown = true;
      coalitions = m.coalitions;
    } else if (m.unknown === '') for (const actor of m.actors) actors.push(actor);
  }
  for (const law of laws) if (law.topic === '' && law.start >= first.start && law.start < end) bill = true;
  return { actors, unknown, governmentBody, coalitions, bill };
}

/**
 * A government body's capitalised head word, in a token's surface: "the Department of War", "the Commerce Department",
 * "the Ministry of Defence", "the Pentagon". (The surface, not the key: "Department of War" is one token folded to
 * "military".)
 */
const GOVERNMENT_BODY_HEAD = /\b(?:Department|Ministry|Pentagon)\b/u;
/** Nouns after a government body's name that make the name a modifier: what was agreed with it. */
const DEALT_WITH_BODY: ReadonlySet<string> = new Set(['agreement', 'agreements', 'deal', 'deals', 'contract', 'contracts', 'partnership', 'arrangement', 'pact', 'memorandum', 'award', 'work']);
/** Words of a subject before a government body's head ("The U.S. Defense Department", "the War Department's"). */
const GOVERNMENT_BODY_REACH = 4;

/**
 * Whether the subject opening at token `k` is a government body no known name covers: a capitalised "Department",
 * "Ministry" or "Pentagon" among its first words, before any verb-like lower-case word ("The Department of War has
 * no interest in using AI to conduct mass surveillance", a Pentagon spokesman's words on a page about Anthropic's
 * limits, real v38). A known actor's own name there ("the Department of Commerce's CAISI") is that actor's.
 */
function opensWithGovernmentBody(text: string, tokens: readonly Token[], k: number, to: number, mentions: readonly Mention[]): boolean {
  for (let j = k; j < to && j < k + GOVERNMENT_BODY_REACH; j++) {
    const token = tokens[j]!;
    if (token.caps === 0 && token.key !== 'the' && token.key !== 'of') return false;
    if (!GOVERNMENT_BODY_HEAD.test(text.slice(token.start, token.end))) continue;
    // ("The Pentagon agreement of 27 February opens classified deployments": a deal with the body, not the body.)
    if (DEALT_WITH_BODY.has(tokens[j + 1]?.key ?? '')) return false;
    return !mentions.some((m) => m.unknown === '' && m.start <= token.start && token.end <= m.end);
  }
  return false;
}

/**
 * Whether a mention names an organisation the claim set knows only as a member of coalitions of companies ("Mistral
 * AI", "Cohere" among the Frontier AI Safety Commitments' signatories): it has no claims of its own, so a sentence
 * about it states none of another company's, only, at most, its coalitions'.
 */
function memberOnlyOrganisation(m: Mention, companyCoalitions: ReadonlySet<number>): boolean {
  return m.unknown === '' && m.actors.length === 0 && m.instruments.length === 0 && m.coalitions.some((c) => companyCoalitions.has(c));
}

/** The coalitions most of whose members the claim set knows as actors are companies (the signatories of the Seoul commitments, not of the Bletchley Declaration). */
function coalitionsOfCompanies(index: ClaimIndex): Set<number> {
  const balance = new Map<number, number>();
  for (const actor of index.actors) for (const coalition of actor.memberOf) balance.set(coalition, (balance.get(coalition) ?? 0) + (actor.type === 'company' ? 1 : -1));
  return new Set([...balance].filter(([, sum]) => sum > 0).map(([coalition]) => coalition));
}

/** How many words into a sentence its duty modal may come after its generic subject ("Before deploying a new frontier model, developers also have to"). */
const GENERIC_DUTY_REACH = 14;
/** Words between a generic subject and its duty modal ("developers also have to", "labs would still have to"). */
const DUTY_ADVERBS: ReadonlySet<string> = new Set(['also', 'still', 'now', 'then', 'too', 'additionally', 'further', 'likewise']);
/**
 * Words before such a duty that make it one proposed, not imposed: "the biggest frontier developers would have to test
 * their models" is Anthropic's proposal for regulation, its own claim; "It also wants the biggest developers obliged to …".
 */
const PROPOSING_WORDS: ReadonlySet<string> = new Set([
  'would', 'could', 'should', 'might', 'want', 'wants', 'wanted', 'propose', 'proposes', 'proposed', 'proposal', 'recommend', 'recommends',
  'recommended', 'urge', 'urges', 'urged', 'suggest', 'suggests', 'suggested', 'call', 'calls', 'called',
]);

/**
 * Whether tokens [from, to) open with a duty put on a kind of actor: a plural agent noun (`AGENT_NOUNS`) or "each
 * of them" / "all of them", then at most a few adverbs, then "must" or "shall" or "have to" / "are required to",
 * within GENERIC_DUTY_REACH words, no known actor named before it (`mentions`, the unit's) and no word proposing it
 * (`PROPOSING_WORDS`). See `genericDutySubject`.
 */
function opensWithGenericDuty(tokens: readonly Token[], from: number, to: number, mentions: readonly Mention[]): boolean {
  const end = Math.min(to, from + GENERIC_DUTY_REACH);
  for (let k = from; k < end; k++) {
    const key = tokens[k]!.key;
    const duty = DUTY_MODALS.has(key) || ((key === 'have' || key === 'has' || key === 'required' || key === 'obliged') && tokens[k + 1]?.key === 'to');
    if (!duty) continue;
    for (let p = from; p < k; p++) if (PROPOSING_WORDS.has(tokens[p]!.key)) return false;
    let s = k - 1;
    if ((key === 'required' || key === 'obliged') && (tokens[s]?.key === 'are' || tokens[s]?.key === 'is')) s--;
    while (s >= from && DUTY_ADVERBS.has(tokens[s]!.key)) s--;
    const subject = tokens[s];
    if (!subject || s < from) return false;
    const plural = AGENT_NOUNS.has(subject.key) && subject.key.endsWith('s');
    const each = subject.key === 'them' && (tokens[s - 1]?.key === 'of') && (tokens[s - 2]?.key === 'each' || tokens[s - 2]?.key === 'all');
    if (!plural && !each) return false;
    // ("Anthropic's developers must …", "OpenAI and other labs have to …": a known actor before the modal is its subject.)
    return !mentions.some((m) => m.unknown === '' && m.actors.length > 0 && m.start < tokens[k]!.start);
  }
  return false;
}

/** Prepositions that open a short phrase before a sentence's subject ("Among smaller caps, …", "In a filing, …"). */
const INTRO_PREPOSITIONS: ReadonlySet<string> = new Set(['among', 'in', 'at', 'on', 'for', 'by', 'with', 'from', 'across', 'outside', 'beyond']);
/** How many words such a phrase spans before its comma, at most. */
const INTRO_PHRASE_WORDS = 8;

/**
 * Verbs that task someone with a job ("asked CAISI to", "tasks CAISI with", "directs the agency to"). Not
 * "give": "Five labs give CAISI a first look at new models" grants, and is the agreements' own content.
 */
const DIRECTIVE_VERBS: ReadonlySet<string> = new Set([
  'ask', 'asks', 'asked', 'asking', 'task', 'tasks', 'tasked', 'tasking', 'direct', 'directs', 'directed', 'directing',
  'order', 'orders', 'ordered', 'ordering', 'instruct', 'instructs', 'instructed', 'instructing', 'charge', 'charges',
  'charged', 'charging', 'assign', 'assigns', 'assigned', 'assigning', 'urge', 'urges', 'urged', 'urging',
]);
/** "call for X to", "call on X to": a directive in two words ("called for open models and for CAISI to test" too). */
const CALL_VERBS: ReadonlySet<string> = new Set(['call', 'calls', 'called', 'calling']);
/** How many words back a call verb still governs a "for X to" ("called for encouraging open models and for CAISI to test"). */
const CALL_REACH = 20;
/** What follows the one tasked: the task ("to evaluate", "with evaluating", "the job of", "a role in"). */
const TASK_OPENERS: ReadonlySet<string> = new Set(['to', 'with', 'the', 'a', 'an']);
/** Causatives taking a bare verb ("having CAISI evaluate", "has the agency test"). */
const CAUSATIVE_VERBS: ReadonlySet<string> = new Set(['has', 'have', 'had', 'having']);
/**
 * The bare verbs of a task after a causative: a list, because "has CAISI agreements" or "has CAISI access"
 * must not read as one (nothing tells a bare verb from a noun without a dictionary of parts of speech).
 */
const TASK_VERBS: ReadonlySet<string> = new Set([
  'evaluate', 'test', 'assess', 'review', 'examine', 'check', 'study', 'lead', 'run', 'develop', 'build', 'publish',
  'conduct', 'coordinate', 'oversee', 'monitor', 'work', 'probe', 'vet', 'audit',
]);
/** Words between a directive verb and the one it tasks: determiners and a capitalised owner ("the Commerce Department's"). */
const TASKED_LEAD_WORDS = 4;

/**
 * Known actors the unit names right after a directive verb and right before their task ("The Action Plan
 * asked the Center for AI Standards and Innovation to evaluate …", "It also tasks CAISI with evaluating …",
 * "called for the Commerce Department's Center … to test …"), with where the verb starts.
 */
function taskedActors(tokens: readonly Token[], from: number, to: number, mentions: readonly Mention[]): TaskedActor[] {
  const out: TaskedActor[] = [];
  for (const m of mentions) {
    if (m.unknown !== '' || m.actors.length === 0) continue;
    const first = firstStartingAt(tokens, m.start);
    const after = firstStartingAt(tokens, m.end);
    if (first <= from || after >= to) continue;
    let k = first - 1;
    while (k > from && first - k <= TASKED_LEAD_WORDS && (tokens[k]!.key === 'the' || tokens[k]!.caps > 0)) k--;
    const verb = tokens[k]!.key;
    const task = tokens[after]!.key;
    let verbAt = -1;
    if (DIRECTIVE_VERBS.has(verb) && TASK_OPENERS.has(task)) verbAt = k;
    else if (CAUSATIVE_VERBS.has(verb) && TASK_VERBS.has(task)) verbAt = k;
    else if (verb === 'on' && k > from && CALL_VERBS.has(tokens[k - 1]!.key) && task === 'to') verbAt = k - 1;
    else if (verb === 'for' && task === 'to') {
      // ("What critics have called an escape hatch makes it possible for OpenAI to …" calls for nothing.)
      for (let back = k - 1; back >= from && k - back <= CALL_REACH; back--) {
        if (CALL_VERBS.has(tokens[back]!.key) && tokens[back + 1]!.key === 'for') {
          verbAt = back;
          break;
        }
      }
    }
    if (verbAt < 0) continue;
    for (const actor of m.actors) out.push({ actor, verbStart: tokens[verbAt]!.start });
  }
  return out;
}

/** The mentions' actors, in order (`mentions.flatMap((m) => m.actors)` without flatMap's cost per unit). */
function actorsOf(mentions: readonly Mention[]): number[] {
  const out: number[] = [];
  for (const m of mentions) for (const actor of m.actors) out.push(actor);
  return out;
}

/** A sentence opening with "It" (or "Its") as its subject: it takes up the last sentence's subject. */
const PRONOUN_SUBJECT = /^\W{0,2}(?:It|Its)\s/;
/**
 * A pronoun standing for a document, as an object ("sign it", "under it", "its chapters") or as the subject
 * opening a sentence ("It is designed to sit alongside the AI Act rather than duplicate it"); see
 * `pronounKeepsDocument`.
 */
const DOCUMENT_PRONOUN = /\b(?:it|its)\b/i;
/** How far into a unit (UTF-16 units) that pronoun is looked for. */
const PRONOUN_DOCUMENT_REACH = 60;
/** Whether a unit has "it" or "its" in its opening (`PRONOUN_DOCUMENT_REACH`) before any name it has (`mentions`, in order). */
function opensWithDocumentPronoun(text: string, unit: { start: number; end: number }, mentions: readonly Mention[]): boolean {
  const pronoun = DOCUMENT_PRONOUN.exec(text.slice(unit.start, Math.min(unit.end, unit.start + PRONOUN_DOCUMENT_REACH)));
  return pronoun !== null && pronoun.index < (mentions.length > 0 ? mentions[0]!.start - unit.start : Infinity);
}
/** How far into a unit (UTF-16 units) a name still opens it as its subject ("On Tuesday, Google said …"). */
const SUBJECT_REACH = 24;

/** Words after which a name is what something is compared with ("borrows California's thresholds", "unlike SB 53"). */
const COMPARISON_CUES: ReadonlySet<string> = new Set([
  'like', 'unlike', 'than', 'track', 'tracks', 'tracked', 'tracking', 'mirror', 'mirrors', 'mirrored', 'mirroring',
  'resemble', 'resembles', 'resembled', 'borrow', 'borrows', 'borrowed', 'borrowing', 'copy', 'copies', 'copied',
  'emulate', 'emulates', 'emulated', 'echo', 'echoes', 'echoed', 'modelled', 'modeled', 'close', 'closer', 'similar', 'compared',
  'akin', 'near', 'nearer', 'parallel', 'parallels', 'identical',
  'versus', 'vs', 'align', 'aligns', 'aligned', 'aligning', 'difference', 'differences', 'differs', 'differ', 'different',
  'departs', 'departure', 'diverges', 'divergence', 'separate', 'distinct', 'alongside', 'besides',
]);
/** A cross-reference right before a name in a table cell ("compare California SB 53", "cf. the EU AI Act", "see also"). */
const CROSS_REFERENCE_BEFORE = /\b(?:compare(?:\s+(?:with|to))?|cf\.?|see(?:\s+also)?)\s+(?:\S+\s+){0,2}$/i;
/** How far before a name (UTF-16 units) CROSS_REFERENCE_BEFORE is looked for. */
const CROSS_REFERENCE_REACH = 24;
/** How far back, in UTF-16 units, a unit's sentence is read for the names it calls its own (`comparedNoAntecedent`). */
const COMPARISON_SENTENCE_REACH = 400;

/** Whether text[start, end) ends a sentence: its stop, perhaps closing quotation marks or brackets, then space. */
function endsSentence(text: string, start: number, end: number): boolean {
  let at = end - 1;
  while (at >= start && /[\s"”’)\]]/.test(text[at]!)) at--;
  return at >= start && (text[at] === '.' || text[at] === '!' || text[at] === '?');
}
/** A compound that makes the name before it a model ("Colorado-style", "SB 53-like", "EU-inspired"). */
const COMPARED_COMPOUND = /^[-‐‑](?:style|like|type|inspired|esque)(?![\p{L}-])/iu;
/** Nothing but an opening parenthesis between two names: the second is the first's alias. */
const PARENTHESIS_BETWEEN = /^\s*\(\s*$/;
/** Words a comparison cue may stand before the name across ("borrows much of California's architecture"). */
const COMPARISON_FILLERS: ReadonlySet<string> = new Set([
  'much', 'of', 'the', 'a', 'an', 'to', 'on', 'with', 'closely', 'largely', 'heavily', 'substantially', 'deliberately',
  'transparency', 'model', 'approach', 'architecture', 'structure', 'framework', 'regime', 'template', 'that', 'those', 'in',
  'adopted', 'used', 'set', 'by', 'its', 'their', 'parts', 'elements', 'what', 'definitions', 'thresholds', 'terms', 'wording',
  'language', 'rules', 'from', 'landmark', 'flagship', 'sweeping', 'existing', 'broader', 'own',
]);

/**
 * The mentions of a unit that stand in a comparison: a cue word among the at most six words before each,
 * within its clause, the words between being fillers ("the statute … deliberately tracks California's SB 53",
 * "aligns its definitions closely with California's"), and an alias in parentheses right after one of them.
 * `mentions` in order, offsets UTF-16 units, `from` the unit's start; returns the subset that compare (often
 * empty), in order.
 */
function comparedMentions(text: string, mentions: readonly Mention[], from: number): Mention[] {
  const out: Mention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    // An alias in parentheses right after a compared name ("California's Transparency in Frontier AI Act (SB 53)").
    const before = mentions[k - 1];
    if (before && out[out.length - 1] === before && PARENTHESIS_BETWEEN.test(text.slice(before.end, m.start))) {
      out.push(m);
      continue;
    }
    // "Colorado-style duties", "an SB 53-like regime": the name as a model for something else.
    if (COMPARED_COMPOUND.test(text.slice(m.end, m.end + 12))) {
      out.push(m);
      continue;
    }
    let at = m.start;
    for (let words = 0; words < 6; words++) {
      let end = at;
      while (end > from && text.charCodeAt(end - 1) === 0x20) end--;
      let start = end;
      while (start > from && /[\p{L}\p{N}'’-]/u.test(text[start - 1]!)) start--;
      if (start === end) break;
      const word = text.slice(start, end).toLowerCase().replace(/['’]s$/, '');
      if (COMPARISON_CUES.has(word)) {
        out.push(m);
        break;
      }
      // Another name between (a state's "California's SB 53") is part of the compared name; other words end the search.
      const inName = mentions.some((other) => other !== m && other.start <= start && end <= other.end);
      // (An owner written with capitals is part of the name too, known or not: "the EU's landmark AI Act".)
      const owner = /^\p{Lu}/u.test(text[start]!) && /['’]s$/.test(text.slice(start, end));
      if (!inName && !owner && !COMPARISON_FILLERS.has(word)) break;
      at = start;
    }
  }
  return out;
}

/** The mentions' instruments, in order. */
function instrumentsOfMentions(mentions: readonly Mention[]): number[] {
  const out: number[] = [];
  for (const m of mentions) for (const instrument of m.instruments) out.push(instrument);
  return out;
}
