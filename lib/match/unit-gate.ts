/**
 * The unit gate: a second, learned look at each highlight the matcher is about to return, asking of the
 * text unit itself (not of its words against the claim) whether it asserts anything. Adjudicators of
 * every test split found the same kinds of false highlight whatever the claim: headlines and titles,
 * related-link boxes, datelines, lead-ins, scene-setting and background, other people's words, advice
 * to the reader, fragments. Rules fitted to one split's sentences carried over poorly; this gate is a
 * small logistic model over per-unit features (the block's kind, its punctuation and capitals, whether
 * it has a verb of commitment, obligation or change, who speaks, where it sits in the page), the
 * function words it holds ("why", "whether", "is a", "between": how it speaks, see `GATE_WORD_CANDIDATES`)
 * and the candidate's own score features, trained by `npx tsx scripts/train-unit-gate.ts` on the
 * development splits with leave-one-split-out measurement, shipped as data/unit-gate.json.
 *
 * Cost: only highlights reach the gate (a few per page); each is read by a handful of linear patterns
 * and one pass over its words.
 */
import gate from './data/unit-gate.json';
import { COMMITMENT_VERB, MONTH_STEMS } from './lexicon';
import type { Features } from './model';
import type { BlockKind } from './segment-units';
import { STOP_WORDS } from './stop-words';

export const GATE_FEATURE_NAMES = [
  /** The block's kind (a paragraph is all three 0). */
  'heading',
  'item',
  'leadIn',
  /** The block does not end in sentence punctuation (titles, link text, labels, datelines). */
  'noPunct',
  /** Share of the span's words that are capitalised (Title Case headlines). */
  'caps',
  /** The span's length in words, capped at 40, over 40. */
  'length',
  /** At most 8 words. */
  'short',
  /** A verb of commitment, obligation, permission or change, or a modal ("will", "must", "pledged", "dropped"). */
  'commitVerb',
  /** A reporting verb ("said", "argued", "according to"): someone's account. */
  'attribution',
  /** A quotation mark: someone's own words. */
  'quote',
  /** First person ("we", "our", "I") outside quotation marks: the writer's own voice, not the actor's record. */
  'firstPerson',
  /** Second person ("you", "your"): advice to the reader. */
  'secondPerson',
  /** Opens like a dateline ("BRUSSELS, July 28", "SAN FRANCISCO —"). */
  'dateline',
  /** Dates per word (times 5, capped at 1). */
  'dates',
  /** The section's heading reads like a related-links box ("Related", "More on this", "Latest"). */
  'relatedBox',
  /** Starts in lower case: a fragment cut out of a longer sentence. */
  'lowerStart',
  /** Past-tense background words ("was", "had", "originally", "earlier"). */
  'background',
  /** The span opens its block. */
  'firstInBlock',
  /**
   * The block is among the first 5% of a page of at least 10 blocks: titles, standfirsts, bylines (a
   * page of a few blocks, such as a selection or a snippet, has no top of that kind).
   */
  'pageTop',
  /** The block ends in a colon (a lead-in). */
  'colon',
  /** The highlight is a headline that took the claim of the sentence under it. */
  'inherited',
  /** Highlights of the same claim on the page (before the gate), capped at 5, over 5: a page's subject recurs, a stray match does not. */
  'claimCount',
  /** The candidate's own measures (lib/match/model.ts) and the matcher's probability. */
  'score',
  'facet',
  'focus',
  'gates',
  'frame',
  'explicit',
  'context',
  'named',
  'sole',
  'rival',
  'probability',
] as const;

export type GateFeatureName = (typeof GATE_FEATURE_NAMES)[number];
/**
 * The gate's numeric features, and `words`: the `GATE_WORD_CANDIDATES` the highlight's text holds
 * (each once, in order of first appearance), each of which adds its weight in the gate file when it has one.
 */
export type GateFeatures = Record<GateFeatureName, number> & { readonly words: readonly string[] };

/**
 * Verbs of saying among the stop words, left out of the gate's words: whether a sentence is someone
 * else's account depends on who speaks ("Meta has said it will not sign" is Meta's own position), which
 * the matcher's speaker attribution judges and a word's weight cannot (`attribution` is a feature).
 */
const SPEECH_WORDS: ReadonlySet<string> = new Set(['said', 'says', 'say', 'saying', 'told', 'tells', 'according', 'reported', 'reportedly']);

/**
 * Function words and marks whose presence in a highlight the gate may weigh: the stop words (lib/match
 * ignores them when it compares a sentence with a claim, so this is the only place they count) and the
 * words of stance and hedging stop-word lists leave out ("not", "unless", "whether", "might", "critics",
 * "argue"), with the marks of a question, a quotation, a label or an aside. They say how a sentence
 * speaks ("is a", "what", "why", "whether", "critics": a definition, a question, commentary, someone's
 * view), not what it is about, so weights learned on them carry over to claims and pages the gate
 * never saw, as the leave-one-split-out measurement in scripts/train-unit-gate.ts checks. The trainer
 * keeps those that appear in enough highlights; the gate file's `words` holds their weights.
 */
export const GATE_WORD_CANDIDATES: ReadonlySet<string> = new Set([
  ...[...STOP_WORDS].filter((word) => !SPEECH_WORDS.has(word)),
  ...('not never no nor if when before unless until without only whether could might perhaps possibly likely unclear ' +
    'however although though yet instead rather critics argue argued contend contends doubt doubters skeptics supporters ' +
    'advocates opinion question think thinks believes why how here').split(' '),
  '?', ':', ';', '"', '“', '”', '—',
]);

/** Whether a UTF-16 code is one of the marks `GATE_WORD_CANDIDATES` holds: ? : ; " “ ” —. */
const isGateMark = (code: number): boolean => code === 63 || code === 58 || code === 59 || code === 34 || code === 0x201c || code === 0x201d || code === 0x2014;

/** Whether a UTF-16 code continues a gate word: a lower-case ASCII letter or an apostrophe. */
const isGateWordChar = (code: number): boolean => (code >= 97 && code <= 122) || code === 39;

/**
 * The `GATE_WORD_CANDIDATES` in `span` (read in lower case), each once, in order of first appearance.
 * Its tokens are runs of lower-case ASCII letters and apostrophes, and single marks (what the pattern
 * /[a-z']+|[?:;"“”—]/g finds), scanned by hand: the pattern's match objects were most of the gate's cost.
 */
export function gateWords(span: string): string[] {
  const found = new Set<string>();
  const lower = span.toLowerCase();
  const n = lower.length;
  for (let i = 0; i < n; ) {
    const code = lower.charCodeAt(i);
    if (isGateWordChar(code)) {
      let end = i + 1;
      while (end < n && isGateWordChar(lower.charCodeAt(end))) end++;
      const token = lower.slice(i, end);
      if (GATE_WORD_CANDIDATES.has(token)) found.add(token);
      i = end;
    } else {
      if (isGateMark(code)) {
        const token = lower.charAt(i);
        if (GATE_WORD_CANDIDATES.has(token)) found.add(token);
      }
      i++;
    }
  }
  return [...found];
}

export interface GateFile {
  /** Weights on the raw features (standardisation folded in at training). */
  weights: Partial<Record<string, number>>;
  /** Weights of `GATE_WORD_CANDIDATES`, each added when the highlight holds the word (none: words are not read). */
  words?: Partial<Record<string, number>>;
  bias: number;
  /** The probability under which a highlight is dropped, chosen by leave-one-split-out measurement. */
  threshold: number;
}

const trained = gate as GateFile;

/** The shipped gate's threshold (the default of `Tunables.unitGate`). */
export const GATE_THRESHOLD = trained.threshold;
/**
 * Under this gate probability a kept highlight is a possible match, not a sure one: the card says so. Measured
 * at claim set 2.1.34 (precision, a highlight counted right when it overlaps a label of its claim): on the 58
 * development splits 80% of the 4,546 highlights under it were right and 99.1% of the 25,664 above it; on 144
 * real articles (real v33 and v34), 64% of 174 and 89% of 270. The trained threshold is where dropping
 * stops paying; this is where a reader should start checking.
 */
export const POSSIBLE_MATCH_BELOW = 0.9;

const ATTRIBUTION = /\b(?:said|says|told|argued?|argues|warned?|warns|according to|wrote|writes|asked|asks|believes?|thinks?|noted?|notes|called|calls|claimed?|claims|added|adds)\b/i;
const FIRST_PERSON = /\b(?:we|We|our|Our|us|I|my|My|me)\b/;
/**
 * A quotation inside the span (one left open runs to the span's end): first person there is the quoted
 * speaker's voice, not the writer's (a speaker other than the claim's actor has already been ruled out
 * by the matcher, so it is the actor's).
 */
const QUOTED = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
/**
 * A quotation the span continues from the sentence before: its first quotation mark closes one (it follows
 * the quoted words' punctuation: `So we've made a choice: Claude will remain ad-free," Anthropic stated`).
 * Read as an opening mark, it made the speaker's first person the writer's.
 */
const CONTINUED_QUOTATION = /^[^"“”]*?[,.!?…]["”]/;

/**
 * A quotation reduced to its marks: the gate reads that someone is quoted, not the quoted words, which
 * are the speaker's (the claim's actor, once the matcher has ruled out anyone else) and say how the
 * actor put its commitment ("What we are proposing is …"), not how the writer frames it.
 */
function quotationMarksOnly(quoted: string): string {
  const close = quoted.length > 1 ? quoted.charAt(quoted.length - 1) : '';
  return `${quoted.charAt(0)} ${close === '”' || close === '"' ? close : ''}`;
}
const SECOND_PERSON = /\b(?:you|your)\b/i;
const QUOTE = /["“”«»]/;
const DATELINE = /^(?:[A-Z][A-Z .]+,|[A-Z][A-Z ]+ —|[A-Z][A-Z ]+ \()/;
const MONTH = `(?:${MONTH_STEMS})[a-z]*\\.?`;
const DATE = new RegExp(`\\b(?:\\d{1,2} ${MONTH}|${MONTH} \\d{1,2}|\\d{4})\\b`, 'g');
const BACKGROUND = /\b(?:was|were|had|first|earlier|previously|originally|in \d{4})\b/i;
const RELATED = /\b(?:related|more on|read more|also read|further reading|most read|latest|recommended|see also|more from|you may also|trending|popular)\b/i;
/** Fewer blocks than this and a page has no title-and-standfirst top (see `pageTop`). */
const PAGE_TOP_MIN_BLOCKS = 10;
/** Whether a UTF-16 code is an ASCII letter: what starts a word the gate counts. */
const isAsciiLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** Whether a UTF-16 code continues a word the gate counts: an ASCII letter, an apostrophe (' ’) or a hyphen. */
const continuesWord = (code: number): boolean => isAsciiLetter(code) || code === 39 || code === 0x2019 || code === 45;

/**
 * How many words `span` has and how many of them are capitalised, a word being what the global pattern
 * [A-Za-z][A-Za-z'’-]* finds (an ASCII letter, then letters, apostrophes and hyphens), counted by hand: the
 * pattern's array of words was only ever counted.
 */
function countWords(span: string): { words: number; capitals: number } {
  let words = 0;
  let capitals = 0;
  const n = span.length;
  for (let i = 0; i < n; ) {
    const code = span.charCodeAt(i);
    if (!isAsciiLetter(code)) {
      i++;
      continue;
    }
    words++;
    if (code <= 90) capitals++;
    i++;
    while (i < n && continuesWord(span.charCodeAt(i))) i++;
  }
  return { words, capitals };
}
const TERMINAL = /[.!?;:]["”’')\]]*$/;
/** Characters of a block's end the gate is given (UTF-16 units): its closing punctuation and the quotes or brackets after it. */
export const GATE_BLOCK_END = 32;

/** What the gate reads of one highlight besides its candidate's features. */
export interface GateUnit {
  /** The highlight's text (the span the reader would see marked). */
  span: string;
  /**
   * How the block (paragraph, item, heading) it sits in ends: its last `GATE_BLOCK_END` characters at
   * most, trimmed; all the gate reads of the block is its closing punctuation.
   */
  blockEnd: string;
  kind: BlockKind;
  /** The text of the section's heading above it, or '' when none. */
  sectionHeading: string;
  firstInBlock: boolean;
  /** The block's index on the page (0 = first block). */
  blockIndex: number;
  /** How many blocks the page has. */
  blocks: number;
  /** A headline that took the claim of the sentence under it. */
  inherited: boolean;
}

/**
 * The gate's features of one highlight: `unit` as above, `features`/`probability` of the candidate
 * accepted for it, `claimCount` the page's highlights of its claim before the gate (itself included).
 */
export function gateFeatures(unit: GateUnit, features: Features, probability: number, claimCount: number): GateFeatures {
  const span = unit.span.trim();
  // Quotations reduced to their marks: the quoted speaker's words are neither the writer's voice nor the gate's words.
  const continued = CONTINUED_QUOTATION.exec(span)?.[0] ?? '';
  const unquoted = (continued ? `${continued.charAt(continued.length - 1)} ` : '') + span.slice(continued.length).replace(QUOTED, quotationMarksOnly);
  const { words, capitals } = countWords(span);
  const n = Math.max(1, words);
  const first = span.charAt(0);
  return {
    heading: unit.kind === 'heading' || unit.kind === 'question' ? 1 : 0,
    item: unit.kind === 'item' ? 1 : 0,
    leadIn: unit.kind === 'lead-in' ? 1 : 0,
    noPunct: TERMINAL.test(unit.blockEnd) ? 0 : 1,
    caps: capitals / n,
    length: Math.min(words, 40) / 40,
    short: words <= 8 ? 1 : 0,
    commitVerb: COMMITMENT_VERB.test(span) ? 1 : 0,
    attribution: ATTRIBUTION.test(span) ? 1 : 0,
    quote: QUOTE.test(span) ? 1 : 0,
    firstPerson: FIRST_PERSON.test(unquoted) ? 1 : 0,
    secondPerson: SECOND_PERSON.test(span) ? 1 : 0,
    dateline: DATELINE.test(span) ? 1 : 0,
    dates: Math.min(1, ((span.match(DATE) ?? []).length / n) * 5),
    relatedBox: RELATED.test(unit.sectionHeading) ? 1 : 0,
    lowerStart: first !== '' && first !== first.toUpperCase() ? 1 : 0,
    background: BACKGROUND.test(span) ? 1 : 0,
    firstInBlock: unit.firstInBlock ? 1 : 0,
    pageTop: unit.blocks >= PAGE_TOP_MIN_BLOCKS && unit.blockIndex < unit.blocks * 0.05 ? 1 : 0,
    colon: unit.blockEnd.endsWith(':') ? 1 : 0,
    inherited: unit.inherited ? 1 : 0,
    claimCount: Math.min(claimCount, 5) / 5,
    score: features.score,
    facet: features.facet,
    focus: features.focus,
    gates: features.gates,
    frame: features.frame,
    explicit: features.explicit,
    context: features.context,
    named: features.named,
    sole: features.sole,
    rival: features.rival,
    probability,
    words: gateWords(unquoted),
  };
}

/** Per gate file, its weights in `GATE_FEATURE_NAMES` order (0 for a feature it has none for), read once. */
const weightVectors = new WeakMap<GateFile, Float64Array>();

/** The gate's probability (0..1) that a highlight with these features is a correct one; `file` defaults to the shipped gate. */
export function gateProbability(features: GateFeatures, file: GateFile = trained): number {
  let weights = weightVectors.get(file);
  if (!weights) weightVectors.set(file, (weights = Float64Array.from(GATE_FEATURE_NAMES, (name) => file.weights[name] ?? 0)));
  let z = file.bias;
  for (let k = 0; k < GATE_FEATURE_NAMES.length; k++) z += weights[k]! * features[GATE_FEATURE_NAMES[k]!];
  if (file.words) for (const word of features.words) z += file.words[word] ?? 0;
  return 1 / (1 + Math.exp(-z));
}
