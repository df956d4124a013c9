import { BLOCK_SEPARATOR, CELL_SEPARATOR } from '../text/extract-text';
import { COMMITMENT_COLUMN, COMMITMENT_VERB, FINITE_VERB, IMPERATIVE_OPENING, MONTH_STEMS, WEEKDAY_WORDS } from './lexicon';

/**
 * The document model the matcher reads: blocks (paragraphs, headings, question headings, lead-in
 * sentences ending in a colon, list items), their sentences, and units (the sentence, clause or list
 * item a highlight covers). Extraction gives plain text with a separator between blocks, so the kind
 * of a block is read from its shape: length, closing punctuation, what precedes it.
 *
 * Everything here is one pass over the text (Intl.Segmenter is linear), so a page cannot make it
 * slower than its length.
 */

/** A sentence, clause or list item: the span a highlight covers. */
export interface TextUnit {
  start: number;
  end: number;
  /** Index of the block (paragraph, list item) the unit sits in; units of one block share it. */
  block: number;
  /** Index of the sentence the unit belongs to (clauses cut at semicolons share it), across the document. */
  sentence: number;
}

export type BlockKind = 'heading' | 'question' | 'lead-in' | 'item' | 'paragraph';

export interface DocumentBlock {
  start: number;
  end: number;
  kind: BlockKind;
  /** Units of this block: units[firstUnit .. endUnit). */
  firstUnit: number;
  endUnit: number;
  /** For an item: the lead-in block (or heading) whose list it belongs to; else -1. */
  listOf: number;
  /**
   * For a table cell (a block in a row of two or more cells, which extraction joins with CELL_SEPARATOR):
   * the row's first block, itself for the first; else -1.
   */
  row: number;
  /** Whether the block opened with a list number ("3. No ads in Claude"), which is not part of it (`trimSpan`). */
  numbered: boolean;
}

/**
 * A block as `segmentDocument` makes them. A class, not an object literal: a page's blocks live as long as
 * the match, so V8 pretenured the literal and allocated every later page's blocks in the old generation
 * (see `ContentWord` in match-claims.ts); instances of a class are allocated young.
 */
class Block implements DocumentBlock {
  constructor(
    public start: number,
    public end: number,
    public kind: BlockKind,
    public firstUnit: number,
    public endUnit: number,
    public listOf: number,
    public row: number,
    public numbered: boolean,
  ) {}
}

/**
 * Whether a block opens a section whose blocks below read it as their scope: a heading or question heading
 * outside a table row (a cell's label scopes only its row).
 */
export function opensSection(block: DocumentBlock): boolean {
  return (block.kind === 'heading' || block.kind === 'question') && block.row < 0;
}

/** Whether the items after a block are its list: a lead-in or heading outside a table row. */
export function leadsList(block: DocumentBlock): boolean {
  return (block.kind === 'lead-in' || block.kind === 'heading') && block.row < 0;
}

export interface SegmentedDocument {
  blocks: DocumentBlock[];
  units: TextUnit[];
}

/** Longest unit by default; longer run-ons are cut at commas so a highlight never swallows a paragraph. */
const MAX_UNIT_LENGTH = 480;
/** A short block without closing punctuation reads as a heading or a caption. */
const HEADING_MAX_WORDS = 14;
/**
 * A short table cell after its row's first, this long or longer and holding a verb of commitment or
 * change, is the row's content, not a label ("Pause development on the same trigger, until mitigation
 * practices catch up" beside "Microsoft"). Shorter ones ("Applies since 2 February 2025", "Release gate
 * (ML R&D levels)") read as labels more often than not: 5 words took 9 false highlights for 13 labels found
 * on the development splits, 6 words 4 for 12.
 */
const CELL_CLAUSE_MIN_WORDS = 6;
/**
 * A short cell under a column heading naming commitments (see `commitmentColumns`), this long or longer, is
 * the row's content whatever its verb ("Define ASL-4 evaluations before training ASL-3 models" under
 * "Commitment"); shorter ones are a word or two of status ("Yes", "In force").
 */
const COMMITMENT_CELL_MIN_WORDS = 3;
/** A question block this short is a question heading (the Q of a Q&A). */
const QUESTION_MAX_WORDS = 25;
/** Items after a lead-in, at most. */
const MAX_LIST_ITEMS = 40;

/**
 * A bullet, a number, a roman numeral or a capital letter opening a list item or a numbered heading ("1.", "IV.",
 * a law-firm alert's "B. Transparency reports"). (A name's initial opening a paragraph reads as one too: its
 * sentence loses the initial, which it lost before as a sentence "J." of its own.)
 */
const LIST_MARKER = /^[ \t]*(?:[-*•▪◦–—]|\d{1,2}[.)]|[IVX]{1,5}\.|[A-Z]\.)[ \t]+/;
/** LIST_MARKER's number ("1.", "2)"), as against a bullet, a roman numeral or a letter. */
const NUMBER_MARKER = /\d[.)]/;

/**
 * Whether single newlines separate paragraphs (one paragraph per line, as in pasted articles) or
 * are soft wraps inside a paragraph (hard-wrapped text). Hard-wrapped text has many lines of
 * similar, moderate length; paragraph-per-line text has long lines.
 */
function newlinesAreBreaks(text: string): boolean {
  if (text.includes(BLOCK_SEPARATOR)) return false;
  let lines = 0;
  let wrapped = 0;
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const length = to - from;
    if (/\S/.test(text.slice(from, Math.min(to, from + 200)))) {
      lines++;
      if (length >= 40 && length <= 90) wrapped++;
    }
    from = to + 1;
  }
  if (lines < 5) return true;
  return wrapped / lines < 0.6;
}

interface RawBlock {
  start: number;
  end: number;
  marker: boolean;
  /** The marker is a list number ("1.", "2)"). */
  numbered: boolean;
  /** The blocks from the last block separator on form one table row, and this block is in it. */
  row: number;
}

/**
 * Splits text into blocks: at block separators, cell separators, blank lines, list items and (when they
 * are paragraph ends) newlines. Blocks between two block separators that a cell separator divides are one
 * row: each has the number of the row's first raw block as `row`; other blocks have -1.
 */
function splitBlocks(text: string): RawBlock[] {
  const hardNewlines = newlinesAreBreaks(text);
  const blocks: RawBlock[] = [];
  let blockStart = 0;
  // The first raw block since the last block separator, and whether a cell separator came since.
  let rowFirst = 0;
  let inRow = false;
  const close = (end: number) => {
    if (end <= blockStart) return;
    const marker = LIST_MARKER.exec(text.slice(blockStart, Math.min(end, blockStart + 12)));
    blocks.push({ start: blockStart, end, marker: marker !== null, numbered: marker !== null && NUMBER_MARKER.test(marker[0]), row: inRow ? rowFirst : -1 });
  };
  const separator = BLOCK_SEPARATOR.charCodeAt(0);
  const cellSeparator = CELL_SEPARATOR.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === separator) {
      close(i);
      blockStart = i + 1;
      rowFirst = blocks.length;
      inRow = false;
    } else if (c === cellSeparator) {
      close(i);
      blockStart = i + 1;
      // The row's blocks before this separator were closed as no row's: now they are known to be one.
      if (!inRow) for (let k = rowFirst; k < blocks.length; k++) blocks[k]!.row = rowFirst;
      inRow = true;
    } else if (c === 10) {
      const rest = text.slice(i + 1, i + 12);
      if (hardNewlines || /^[ \t]*(?:\n|$)/.test(rest) || LIST_MARKER.test(rest)) {
        close(i);
        blockStart = i + 1;
      }
    }
  }
  close(text.length);
  return blocks;
}

let segmenter: Intl.Segmenter | undefined;

const LOWER_NAME_AFTER_STOP = /[.!?]["”’)]?\s+[a-z]+[A-Z]/;

/**
 * A stop that ends an abbreviation, not a sentence, when it is all that precedes a boundary the
 * segmenter found (UAX #29 has no abbreviation list: "Sen. Scott Wiener", "Feb. 27, 2026 — OpenAI …"
 * and "Dr. Marsh" are each cut in two; a hearing transcript's "MS. TONER:", report 58). A title always precedes a name; a month, "No." or "Art."
 * precede a number (the digit test is `NUMBER_AFTER_ABBREVIATION`); "e.g." and "vs." never end a
 * sentence in the pages we read. "U.S." ends sentences as often as it opens names: only before a word of a
 * government body's name (`INITIALISM_BEFORE_BOUNDARY`).
 */
const TITLE_BEFORE_BOUNDARY = /(?:^|[\s("“‘'])(?:Mr|Mrs|Ms|Mx|Dr|Prof|MR|MRS|MS|DR|PROF|SEN|REP|GOV|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Cmdr|Adm|Rev|Hon|Pres|Amb|Atty|Supt|Sec|Fr|e\.g|i\.e|cf|vs|viz|approx|incl)\.\s+$/;
const NUMBERED_BEFORE_BOUNDARY = /(?:^|[\s("“‘'])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Art|Arts|Para|para|Vol|Ch|p|pp)\.\s+$/;
const NUMBER_AFTER_ABBREVIATION = /^[0-9]/;
/** Characters before a boundary that can hold the abbreviation and its spaces (UTF-16 units). */
const ABBREVIATION_LOOKBEHIND = 12;

/**
 * A day written as an ordinal number with a stop before its month, as German, Danish, Norwegian, Czech and Polish
 * write dates and as machine translations from them keep them: "must since the 22. January inform users" was two
 * sentences and two highlights (a new user's report 57, problem 11).
 */
const ORDINAL_DAY_BEFORE_BOUNDARY = /(?:^|[\s("“‘'])(?:[1-9]|[12][0-9]|3[01])\.\s+$/;
const MONTH_AFTER_ORDINAL_DAY = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/**
 * A country's initialism before a word that goes on a government body's or an office's name: "the U.S. Department of
 * War", "the U.S. Senate", "U.K. ministers". "U.S." ends sentences as often as it opens names, but not before these:
 * "OpenAI amended its agreement with the U.S. | Department of War so that …" was two units, the second a sentence
 * about the department (our own splits, 6 labels).
 */
const INITIALISM_BEFORE_BOUNDARY = /(?:^|[\s("“‘'])(?:U\.S|U\.K|E\.U)\.\s+$/;
const GOVERNMENT_WORD_AFTER_INITIALISM =
  /^(?:Department|Dept|Ministry|Senate|House|Congress|Parliament|Government|Administration|Army|Navy|Air Force|Armed|Marines?|Coast Guard|Supreme|District|Court|Attorney|Secretary|Commerce|Treasury|Trade|Federal|National|State|Defen[cs]e|Justice|Embassy|Chamber|Office|Agency|Institute|Center|Centre|Copyright|Patent|Securities|Space|Census|Postal|Cyber|Intelligence|Home|Foreign|Prime|President|Vice|Ambassador|Representative|Senator|Lawmakers|Officials|Regulators|Military|Government's|Commission|Council)\b/;

/** Whether the boundary at `at` follows an abbreviation rather than a sentence's end (see `TITLE_BEFORE_BOUNDARY`). */
function followsAbbreviation(text: string, at: number, from: number): boolean {
  const before = text.slice(Math.max(from, at - ABBREVIATION_LOOKBEHIND), at);
  if (TITLE_BEFORE_BOUNDARY.test(before)) return true;
  if (INITIALISM_BEFORE_BOUNDARY.test(before) && GOVERNMENT_WORD_AFTER_INITIALISM.test(text.slice(at, at + 16))) return true;
  if (ORDINAL_DAY_BEFORE_BOUNDARY.test(before) && MONTH_AFTER_ORDINAL_DAY.test(text.slice(at, at + 10))) return true;
  return NUMBERED_BEFORE_BOUNDARY.test(before) && NUMBER_AFTER_ABBREVIATION.test(text.charAt(at));
}

/**
 * A stock ticker's exchange suffix after a number, which UAX #29 takes for a sentence's end and a new sentence
 * (SB11: a full stop, then a capital): "Samsung Electronics 005930.KS, voluntarily committed …" became a highlight
 * and an exported quote starting "KS, voluntarily committed" (a new user's report 51, problem 5); Reuters writes
 * "7203.T", "0700.HK", "600519.SS" so. Only one to four capitals closed by a comma, semicolon or bracket: "in 2025.A
 * new rule", a space lost after a full stop, still ends a sentence, and so does a list ending "… and xAI.They agreed"
 * (a letter before the stop).
 */
const TICKER_SUFFIX_AFTER = /^[A-Z]{1,4}[,;)\]]/;

/** Whether the boundary at `at` falls inside a ticker ("005930.|KS,": see `TICKER_SUFFIX_AFTER`). */
function insideTicker(text: string, at: number, from: number): boolean {
  return at - from >= 2 && text.charCodeAt(at - 1) === 0x2e && isDigit(text.charCodeAt(at - 2)) && TICKER_SUFFIX_AFTER.test(text.slice(at, at + 5));
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * Longest stretch handed to Intl.Segmenter at once; longer blocks are fed in pieces. V8's segmenter
 * costs more per sentence the longer its input (about 1 µs a sentence on 2,500 characters, 4 µs on
 * 20,000), so a page of tiny sentences was segmented four times slower than it needs to be.
 */
const SEGMENTER_CHUNK = 2_500;

/**
 * Sentence punctuation with more text after it: without any, a block is one sentence. Written so
 * that its spaces cannot be split two ways: "[^\S\n]*…*\s*" (spaces, closing quotes, spaces) tried
 * every split of a run of spaces after a full stop, quadratic in the run (a block of a full stop and
 * 19,000 spaces took 0.5 s). The closing quotes are optional as a group, so spaces alone go to `\s*`.
 */
const INNER_STOP = /[.!?…。！？](?:[^\S\n]*["”’)\]]+)?\s*[\p{L}\p{N}"“‘(]/u;

/*
 * Sentence_Break classes of UAX #29 (the rules Intl.Segmenter applies), for the characters the fast path
 * below knows: ASCII, Latin-1 (accented letters, «», symbols), the curly quotes, en and em dashes,
 * the ellipsis, the bullet and a few symbols and spaces. 0: not known here.
 */
const SB_UNKNOWN = 0;
const SB_OTHER = 1;
const SB_SP = 2;
const SB_LOWER = 3;
const SB_UPPER = 4;
const SB_NUMERIC = 5;
const SB_ATERM = 6;
const SB_STERM = 7;
const SB_CLOSE = 8;
const SB_SCONTINUE = 9;

const ASCII_SENTENCE_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let code = 0x20; code < 0x7f; code++) table[code] = SB_OTHER;
  // Newlines inside a block are read as spaces (sentenceSpans hands the segmenter spaces for them).
  table[0x20] = table[0x09] = table[0x0a] = SB_SP;
  for (let code = 0x61; code <= 0x7a; code++) table[code] = SB_LOWER;
  for (let code = 0x41; code <= 0x5a; code++) table[code] = SB_UPPER;
  for (let code = 0x30; code <= 0x39; code++) table[code] = SB_NUMERIC;
  table[0x2e] = SB_ATERM;
  table[0x21] = table[0x3f] = SB_STERM;
  for (const c of '"\'()[]{}') table[c.charCodeAt(0)] = SB_CLOSE;
  for (const c of ',-:;') table[c.charCodeAt(0)] = SB_SCONTINUE;
  return table;
})();

/** U+0080-U+00FF (Latin-1 Supplement): letters are Upper or Lower, « and » Close, the rest Other. */
const LATIN1_SENTENCE_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  // U+0080-U+009F are controls and U+00AD (soft hyphen) is Format: not known here.
  for (let code = 0xa1; code <= 0xbf; code++) table[code - 0x80] = SB_OTHER;
  table[0xa0 - 0x80] = SB_SP;
  table[0xad - 0x80] = SB_UNKNOWN;
  // ª, µ and º are lower case; « and » are quotation marks.
  table[0xaa - 0x80] = table[0xb5 - 0x80] = table[0xba - 0x80] = SB_LOWER;
  table[0xab - 0x80] = table[0xbb - 0x80] = SB_CLOSE;
  for (let code = 0xc0; code <= 0xde; code++) table[code - 0x80] = SB_UPPER;
  for (let code = 0xdf; code <= 0xff; code++) table[code - 0x80] = SB_LOWER;
  // × and ÷ are symbols.
  table[0xd7 - 0x80] = table[0xf7 - 0x80] = SB_OTHER;
  return table;
})();

function sentenceClass(code: number): number {
  if (code < 128) return ASCII_SENTENCE_CLASS[code]!;
  if (code < 256) return LATIN1_SENTENCE_CLASS[code - 128]!;
  switch (code) {
    case 0x2009:
    case 0x202f:
      return SB_SP;
    case 0x2022:
    case 0x2026:
    case 0x20ac:
    case 0x2122:
    case 0x2032:
    case 0x2033:
      return SB_OTHER;
    case 0x2018:
    case 0x2019:
    case 0x201c:
    case 0x201d:
      return SB_CLOSE;
    case 0x2013:
    case 0x2014:
      return SB_SCONTINUE;
    default:
      return SB_UNKNOWN;
  }
}

/**
 * Where the sentences of text[from, to) start, as Intl.Segmenter (UAX #29 sentence rules, ICU's root
 * rules, which 'en' does not tailor) finds them in that stretch alone, newlines read as spaces:
 * offsets into `text` (UTF-16 units), the first being `from`. Undefined when the stretch holds a
 * character this does not know (any letter outside Latin-1, CJK, emoji, combining marks): then ask the segmenter.
 * It exists for speed: the segmenter costs about 1 µs a sentence and a page of "Ok. No." has 140,000
 * of them per megabyte. tests/unit/match/sentence-starts.test.ts holds it equal to the segmenter.
 *
 * A break can follow only a run "sentence terminal, closing punctuation*, spaces*" (rules SB9-SB11),
 * at its end; it does not when what follows is a comma-like or another terminal (SB8a), and after a
 * full stop not before a digit (SB6), not in "U.S" (SB7), and not when the next letter past digits,
 * spaces and punctuation is lower case (SB8). Linear: SB8's look-ahead stops at the next letter or
 * terminal, and the next run starts at or after it.
 */
export function quickSentenceStarts(text: string, from: number, to: number): number[] | undefined {
  const classes = new Uint8Array(to - from);
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const c = code < 128 ? ASCII_SENTENCE_CLASS[code]! : sentenceClass(code);
    if (c === SB_UNKNOWN) return undefined;
    classes[i - from] = c;
  }
  const n = classes.length;
  const starts = [from];
  let i = 0;
  while (i < n) {
    const term = classes[i]!;
    if (term !== SB_ATERM && term !== SB_STERM) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && classes[j] === SB_CLOSE) j++;
    while (j < n && classes[j] === SB_SP) j++;
    if (j >= n) break;
    const next = classes[j]!;
    let joined = next === SB_SCONTINUE || next === SB_ATERM || next === SB_STERM;
    if (!joined && term === SB_ATERM) {
      if (j === i + 1 && next === SB_NUMERIC) joined = true;
      else if (j === i + 1 && next === SB_UPPER && i > 0 && (classes[i - 1] === SB_UPPER || classes[i - 1] === SB_LOWER)) joined = true;
      else {
        let k = j;
        while (k < n && classes[k] !== SB_LOWER && classes[k] !== SB_UPPER && classes[k] !== SB_ATERM && classes[k] !== SB_STERM) k++;
        joined = k < n && classes[k] === SB_LOWER;
      }
    }
    if (!joined) starts.push(from + j);
    i = j;
  }
  return starts;
}

/** Where the sentences of text[from, to) start, by Intl.Segmenter (see `quickSentenceStarts`). */
function segmenterSentenceStarts(text: string, from: number, to: number): number[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  // Soft newlines inside a block would end sentences for Intl.Segmenter; a same-length space does not.
  const slice = text.slice(from, to).replace(/\n/g, ' ');
  const starts: number[] = [];
  for (const part of segmenter.segment(slice)) starts.push(from + part.index);
  return starts;
}

/**
 * A spaced middle dot, bullet, diamond or bar between two stretches of words: a ticker's or a
 * teaser's separator ("Anthropic no longer pledges to pause · OpenAI will adjust safeguards"), which
 * ends what stands before it as a full stop would.
 */
const ITEM_SEPARATOR = /(?<=[\p{L}\p{N}.!?"”’)])\s+[·•◆▪|]\s+(?=["“‘(]?[\p{L}\p{N}])/gu;
/** Words a stretch needs on each side of a separator to be cut there (see `cutAtItemSeparators`). */
const SEPARATED_ITEM_WORDS = 5;

/** Runs of letters or digits in text[from, to). */
function wordsIn(text: string, from: number, to: number): number {
  return text.slice(from, to).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** The separators `ITEM_SEPARATOR` reads, for a cheap test before it runs. */
const ITEM_SEPARATOR_CHARS = /[·•◆▪|]/;

/**
 * `spans` with each cut at every `ITEM_SEPARATOR` in it between two stretches of a sentence's length (the
 * separator in neither). Linear in the span: each stretch between separators is counted once (counting
 * from every separator to the span's end made a 2,500-character run of "a b | a b | …" quadratic).
 */
function cutAtItemSeparators(text: string, spans: Array<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    if (!ITEM_SEPARATOR_CHARS.test(slice)) {
      out.push(span);
      continue;
    }
    const separators = [...slice.matchAll(ITEM_SEPARATOR)].map((match) => ({ start: span.start + match.index, end: span.start + match.index + match[0].length }));
    // Words in the stretch before each separator, and in the stretch after the last.
    const before = separators.map((separator, i) => wordsIn(text, i === 0 ? span.start : separators[i - 1]!.end, separator.start));
    let after = separators.length > 0 ? wordsIn(text, separators[separators.length - 1]!.end, span.end) : 0;
    // Words from each separator's end to the span's end.
    const toEnd = new Array<number>(separators.length);
    for (let i = separators.length - 1; i >= 0; i--) {
      toEnd[i] = after;
      after += before[i]!;
    }
    let at = span.start;
    let since = 0;
    separators.forEach((separator, i) => {
      since += before[i]!;
      // Menus, datelines and titles ("News | California | Tech", "Published 12 Jan · Updated 3 Feb")
      // separate labels, not statements: only stretches of a sentence's length on both sides are cut.
      if (since < SEPARATED_ITEM_WORDS || toEnd[i]! < SEPARATED_ITEM_WORDS) return;
      out.push({ start: at, end: separator.start });
      at = separator.end;
      since = 0;
    });
    out.push({ start: at, end: span.end });
  }
  return out;
}

/**
 * A footnote or endnote mark right after a sentence's closing punctuation, before the next sentence or
 * the block's end: "… Emergency Services.3 It does not …" (a superscript extracted as a plain digit),
 * "….[12]", "….[1][2]", "….[^1]" (a wiki's Markdown footnotes), "….*", "….³". UAX #29 sees no break
 * before a digit after a full stop (SB6), so the next sentence ran on into this one, and the mark into
 * every quote of it ("…externally released.[" in a new user's export, report 49). Only after a word or a
 * closing quote, so "version 2.3 The" and "in 2025.3 million" are left alone.
 */
const FOOTNOTE_MARK = /(?<=[\p{L}"”’)][.!?]["”’)]?)(?:\d{1,3}|(?:\[\^?\d{1,3}\])+|[*†‡]{1,3}|[¹²³⁰⁴-⁹]{1,3})(?=\s+["“‘(]?\p{Lu}|\s*$)/gu;
/** The characters a footnote mark starts with, for a cheap test before `FOOTNOTE_MARK` runs. */
const FOOTNOTE_AFTER_STOP = /[.!?]["”’)]?(?:\d|\[\^?\d|[*†‡¹²³⁰⁴-⁹])|^[¹²³⁰⁴-⁹]/u;
/** A superscript mark opening a span, before the next sentence or nothing. */
const LEADING_SUPERSCRIPT_MARK = /^[¹²³⁰⁴-⁹]{1,3}(?=\s+["“‘(]?\p{Lu}|\s*$)/u;
/** The end of a sentence after a word, as `FOOTNOTE_MARK` wants it before the mark. */
const SENTENCE_END_BEFORE = /[\p{L}"”’)][.!?]["”’)]?$/u;

/** `spans` with each cut at every footnote mark after a sentence's end (see `FOOTNOTE_MARK`), the mark in neither part. */
function cutAtFootnoteMarks(text: string, spans: Array<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    if (!FOOTNOTE_AFTER_STOP.test(slice)) {
      out.push(span);
      continue;
    }
    let at = span.start;
    // Superscript digits are no digits to UAX #29, so the break came before the mark: it opens this span.
    const leading = LEADING_SUPERSCRIPT_MARK.exec(slice);
    if (leading && SENTENCE_END_BEFORE.test(text.slice(Math.max(0, span.start - 3), span.start))) at += leading[0].length;
    for (const match of slice.matchAll(FOOTNOTE_MARK)) {
      out.push({ start: at, end: span.start + match.index });
      at = span.start + match.index + match[0].length;
    }
    // A mark at the block's end leaves nothing after it.
    if (/\S/.test(text.slice(at, span.end))) out.push({ start: at, end: span.end });
  }
  return out;
}

function sentenceSpans(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  return cutAtItemSeparators(text, cutAtFootnoteMarks(text, punctuatedSentenceSpans(text, start, end)));
}

/** The sentences of text[start, end) by their punctuation (Intl.Segmenter's rules, see `quickSentenceStarts`). */
function punctuatedSentenceSpans(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  // Headings, list items and short lines are one sentence: no need for the segmenter.
  if (end - start < SEGMENTER_CHUNK && !INNER_STOP.test(text.slice(start, end))) return [{ start, end }];
  const spans: Array<{ start: number; end: number }> = [];
  for (let from = start; from < end; ) {
    let to = Math.min(end, from + SEGMENTER_CHUNK);
    if (to < end) {
      // Only the chunk's second half is searched: lastIndexOf on the whole text would walk back to
      // the text's start in a block without spaces (quadratic in the block).
      const half = from + SEGMENTER_CHUNK / 2;
      const space = text.slice(half + 1, to + 1).lastIndexOf(' ');
      if (space >= 0) to = half + 1 + space + 1;
    }
    const starts = (quickSentenceStarts(text, from, to) ?? segmenterSentenceStarts(text, from, to)).filter((at, k) => k === 0 || !(followsAbbreviation(text, at, from) || insideTicker(text, at, from)));
    // The chunk's last sentence may run on past the chunk: unless it is the only one, it is left for
    // the next chunk, which starts where it starts, so every boundary is found with its sentence whole.
    let next = to;
    let count = starts.length;
    if (to < end && count > 1) next = starts[--count]!;
    for (let p = 0; p < count; p++) {
      const partStart = starts[p]!;
      const partEnd = p + 1 < starts.length ? starts[p + 1]! : to;
      // Intl.Segmenter runs on into a sentence that opens with a lower-case name ("… floor. xAI's
      // framework …"): cut there too.
      let at = partStart;
      const segment = text.slice(partStart, partEnd);
      if (LOWER_NAME_AFTER_STOP.test(segment)) for (const match of segment.matchAll(/[.!?]["”’)]?\s+(?=[a-z]+[A-Z])/g)) {
        const cut = partStart + match.index + match[0].length;
        spans.push({ start: at, end: cut });
        at = cut;
      }
      spans.push({ start: at, end: partEnd });
    }
    from = next;
  }
  return spans;
}

/** Where a run-on is cut (a global pattern: `cutAt` resets it). */
const COMMAS = /[,:–—]\s/g;

/** Cuts a span at `pattern` matches, keeping the delimiter with the left part. */
function cutAt(text: string, span: { start: number; end: number }, pattern: RegExp): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = span.start;
  pattern.lastIndex = 0;
  const slice = text.slice(span.start, span.end);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    if (match[0].length === 0) pattern.lastIndex++;
    const cut = span.start + match.index + match[0].length;
    if (cut > from && cut < span.end) {
      out.push({ start: from, end: cut });
      from = cut;
    }
  }
  out.push({ start: from, end: span.end });
  return out;
}

/**
 * Cuts a span into clauses at its semicolons, keeping each with the clause before it, except inside
 * brackets: "Frontier Governance Framework (8 February 2025; updated February 2026)" is one clause, and
 * "updated February 2026)" alone is no statement of anything.
 */
function cutAtSemicolons(text: string, span: { start: number; end: number }): Array<{ start: number; end: number }> {
  // (One pass over the span alone: `indexOf` from the span's start read on to the text's end for every
  // sentence of a page without semicolons, quadratic in the page.)
  const out: Array<{ start: number; end: number }> = [];
  let from = span.start;
  let depth = 0;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) depth++;
    else if ((c === 0x29 || c === 0x5d) && depth > 0) depth--;
    else if (c === 0x3b && depth === 0) {
      let cut = i + 1;
      while (cut < span.end && isSpace(text.charCodeAt(cut))) cut++;
      if (cut > from && cut < span.end) {
        out.push({ start: from, end: cut });
        from = cut;
      }
    }
  }
  out.push({ start: from, end: span.end });
  return out;
}

function cutLong(text: string, span: { start: number; end: number }, maxLength: number): Array<{ start: number; end: number }> {
  if (span.end - span.start <= maxLength) return [span];
  const pieces = cutAt(text, span, COMMAS);
  const merged: Array<{ start: number; end: number }> = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && piece.end - last.start <= maxLength) last.end = piece.end;
    else merged.push({ ...piece });
  }
  // A comma-free run-on is cut blindly: a highlight must stay a sentence-sized thing.
  return merged.flatMap((piece) => {
    const parts: Array<{ start: number; end: number }> = [];
    for (let s = piece.start; s < piece.end; s += maxLength) parts.push({ start: s, end: Math.min(piece.end, s + maxLength) });
    return parts;
  });
}

/**
 * Whether a UTF-16 unit is white space as the pattern `\s` reads it (ECMAScript's WhiteSpace and
 * LineTerminator, which include U+2029, the block separator): a comparison per character instead of
 * a pattern test.
 */
export function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0x00a0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  // A list marker is not part of what the item says.
  const marker = LIST_MARKER.exec(text.slice(start, Math.min(end, start + 8)));
  if (marker) start += marker[0].length;
  return { start, end };
}

const HAS_WORD = /[\p{L}\p{N}]/u;

const isAsciiLetterOrDigit = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * Characters outside ASCII common in prose that are neither letters nor digits (spaces, the block
 * separator, curly quotes, guillemets, dashes, the bullet and the ellipsis): the scans below step over
 * them without asking HAS_WORD (a unit opening with “ sent its whole rest to the pattern).
 */
function isKnownNonWord(code: number): boolean {
  return (
    code === 0x00ab || code === 0x00bb || code === 0x2013 || code === 0x2014 || code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d || code === 0x2022 || code === 0x2026 || isSpace(code)
  );
}

/** HAS_WORD.test(text[at]): one UTF-16 unit, answered without the pattern for ASCII and the characters above (exported for tests). */
export function isWordUnit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return isAsciiLetterOrDigit(code);
  return !isKnownNonWord(code) && HAS_WORD.test(text[at]!);
}

/**
 * HAS_WORD.test(text.slice(start, end)): the pattern reads the rest only from the first character outside
 * ASCII that is not one of the known non-words above.
 */
export function hasWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) {
      if (isKnownNonWord(code)) continue;
      return HAS_WORD.test(text.slice(i, end));
    }
    if (isAsciiLetterOrDigit(code)) return true;
  }
  return false;
}

/** /[\s"”’')\]»]/.test(text[at]): closing quotes, brackets and spaces at a block's end (exported for tests). */
export function isClosingOrSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 34 || code === 0x201d || code === 0x2019 || code === 39 || code === 41 || code === 93 || code === 0x00bb || isSpace(code);
}

interface Shape {
  words: number;
  /** Last meaningful character, past closing quotes and brackets. */
  last: string;
  lowerStart: boolean;
}

function shapeOf(text: string, start: number, end: number): Shape {
  let words = 0;
  let inWord = false;
  // Counting stops past the longest heading or question: only "short or not" matters.
  for (let i = start; i < end && words <= QUESTION_MAX_WORDS; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  let j = end - 1;
  while (j > start && isClosingOrSpace(text, j)) j--;
  let k = start;
  while (k < end && !isWordUnit(text, k)) k++;
  const first = text[k] ?? '';
  return { words, last: text[j] ?? '', lowerStart: first !== first.toUpperCase() && first === first.toLowerCase() };
}

const isShort = (shape: Shape) => shape.words <= HEADING_MAX_WORDS && !/[.!;,:?…]/.test(shape.last);

/** A word of a date or time line: a month, a weekday, a clock's or a time zone's, or a publishing label. */
const DATE_LINE_WORD = new RegExp(`^(?:(?:${MONTH_STEMS})[a-z]*\\.?|${[...WEEKDAY_WORDS].join('|')}|[ap]\\.?m\\.?|ist|gmt|utc|bst|cet|cest|[ecmp][sd]?t|updated|published|posted|last|first|on|at)$`, 'i');

/** Words a short line needs, with a finite verb, to read as a sentence rather than a heading ("Duties under the Act"). */
const SHORT_SENTENCE_MIN_WORDS = 6;
/** A question word opening a heading ("What the Act requires", "How the code works"): a heading, whatever its verb. */
const QUESTION_OPENING = /^\W*(?:what|how|who|whom|which|where|when|why)\b/i;

/** Whether a short unpunctuated line reads as a sentence: enough words, a finite verb, and no question word opening it. */
function readsAsSentence(line: string, shape: Shape): boolean {
  return shape.words >= SHORT_SENTENCE_MIN_WORDS && !shape.lowerStart && FINITE_VERB.test(line) && !QUESTION_OPENING.test(line);
}

/** A page's first blocks, where its masthead sits (site name, headline, dateline), on a page of at least MASTHEAD_MIN_BLOCKS. */
const MASTHEAD_BLOCKS = 4;
const MASTHEAD_MIN_BLOCKS = 8;

/**
 * Whether a short line is a page's dateline: a date or time alone ("2026-02-25", "Updated: Feb 25, 2026, 10:32
 * IST") among a page's first blocks (further down, a date line is a timeline's or a table's, and keeps its place
 * in a list). It neither opens a section nor joins a run of short lines: a headline between its site's name and
 * its dateline was read as the second item of a list under the site's name, and scoped nothing (a new user's
 * report 49: a real article lost its highlights to a dateline). A byline is left in the run: with one, a
 * headline read as the list's item kept its highlight, which the unit gate denies a heading.
 */
function isMetadataLine(line: string, inMasthead: boolean): boolean {
  if (!inMasthead) return false;
  const words = line.split(/[\s,/|·•:–—-]+/).filter(Boolean);
  return words.some((word) => /\d/.test(word)) && words.every((word) => /^[\d.:]+(?:st|nd|rd|th)?$/i.test(word) || DATE_LINE_WORD.test(word));
}

/** Segments text into sentences, split further at semicolons and list items. */
export function segmentUnits(text: string, maxUnitLength = MAX_UNIT_LENGTH): TextUnit[] {
  return segmentDocument(text, maxUnitLength).units;
}

/** Segments text into blocks of known kinds and their units. */
export function segmentDocument(text: string, maxUnitLength = MAX_UNIT_LENGTH): SegmentedDocument {
  const units: TextUnit[] = [];
  const blocks: DocumentBlock[] = [];
  const shapes: Shape[] = [];
  const markers: boolean[] = [];
  let sentence = 0;
  // Raw row number -> the row's first block kept (raw blocks without words are dropped).
  let rawRow = -1;
  let row = -1;
  for (const raw of splitBlocks(text)) {
    const firstUnit = units.length;
    // The list marker is not part of what the item says (and "1." must not become a sentence).
    const body = trimSpan(text, raw.start, raw.end);
    if (body.end <= body.start) continue;
    for (const span of sentenceSpans(text, body.start, raw.end)) {
      const before = units.length;
      for (const clause of cutAtSemicolons(text, span)) {
        for (const piece of cutLong(text, clause, maxUnitLength)) {
          const { start, end } = trimSpan(text, piece.start, piece.end);
          if (end > start && hasWord(text, start, end)) units.push({ start, end, block: blocks.length, sentence });
        }
      }
      if (units.length > before) sentence++;
    }
    if (units.length === firstUnit) continue;
    const start = units[firstUnit]!.start;
    const end = units[units.length - 1]!.end;
    if (raw.row !== rawRow) {
      rawRow = raw.row;
      row = raw.row < 0 ? -1 : blocks.length;
    }
    blocks.push(new Block(start, end, 'paragraph', firstUnit, units.length, -1, row, raw.numbered));
    shapes.push(shapeOf(text, start, end));
    markers.push(raw.marker);
  }
  classifyBlocks(text, blocks, shapes, markers);
  return { blocks, units };
}

/** Every verb of `COMMITMENT_VERB` in a text, in turn (global: `lastIndex` is reset before each search). */
const COMMITMENT_VERBS = new RegExp(COMMITMENT_VERB.source, 'gi');
/** A relative pronoun just before a verb: the verb describes a noun ("A risk that cannot be mitigated"). */
const RELATIVE_BEFORE = /\b(?:that|which|who|whom|whose|where)\s+$/i;

/**
 * Whether a cell's words say something of its row: an opening imperative (lexicon.ts
 * `IMPERATIVE_OPENING`; a reader's to-do in a checklist is left to the advice veto), or a verb of commitment
 * or change (lexicon.ts `COMMITMENT_VERB`) that is not inside a relative clause, which makes the cell a noun
 * phrase naming a condition or a category ("A risk that cannot be sufficiently mitigated", "Models that must
 * be reported").
 */
function saysSomething(cell: string): boolean {
  if (IMPERATIVE_OPENING.test(cell)) return true;
  const verbs = COMMITMENT_VERBS;
  verbs.lastIndex = 0;
  for (let match = verbs.exec(cell); match; match = verbs.exec(cell)) {
    if (!RELATIVE_BEFORE.test(cell.slice(Math.max(0, match.index - 12), match.index))) return true;
  }
  return false;
}

/**
 * Which columns of the table whose first row starts at block `first` sit under a heading naming what their
 * cells promise or require (lexicon.ts `COMMITMENT_COLUMN`: "Commitment | Where it sits | Status", "Company |
 * Pledge | Date"), by column (a cell's block index less its row's first). A table is a run of rows with no
 * block between them; its first row holds the headings. Read once per table: a page's table of thousands of
 * rows must not make each cell look back for its heading.
 */
function commitmentColumns(text: string, blocks: readonly DocumentBlock[], first: number): boolean[] {
  const columns: boolean[] = [];
  for (let b = first; b < blocks.length && blocks[b]!.row === first; b++) columns.push(COMMITMENT_COLUMN.test(text.slice(blocks[b]!.start, blocks[b]!.end)));
  return columns;
}

/**
 * Kinds from shapes: a block ending in a colon is a lead-in and the blocks after it are its items
 * while they look alike; a short unpunctuated block is a heading, unless it is the third or later of
 * a run of such blocks (a bulleted list under a heading) or a table cell that says something of its
 * row (see `CELL_CLAUSE_MIN_WORDS`) or sits under a column heading naming commitments (see
 * `commitmentColumns`); a short question is a question heading.
 */
function classifyBlocks(text: string, blocks: DocumentBlock[], shapes: readonly Shape[], markers: readonly boolean[]): void {
  let i = 0;
  // The table being read: its first row (its headings) and which of its columns name commitments.
  let table: { first: number; commitments: boolean[] } | undefined;
  while (i < blocks.length) {
    const shape = shapes[i]!;
    const block = blocks[i]!;
    if (block.row < 0) table = undefined;
    // A table cell is read with its row ("Meta" | "Frontier AI Framework" | "Stop development"): a short
    // one is a label, as a heading is, but scopes nothing past its row (see `DocumentBlock.row`), and no
    // cell is an item of the sentence before the table. A later cell that says something of the row
    // ("Framework reviewed for sufficiency at least annually") is the row's content: an item of no list,
    // judged as a sentence is (headings need a near-whole claim to be highlighted).
    if (block.row >= 0) {
      table ??= { first: block.row, commitments: commitmentColumns(text, blocks, block.row) };
      if (isShort(shape) && block.endUnit - block.firstUnit === 1) {
        const content =
          (i !== block.row && shape.words >= CELL_CLAUSE_MIN_WORDS && saysSomething(text.slice(block.start, block.end))) ||
          (shape.words >= COMMITMENT_CELL_MIN_WORDS && block.row !== table.first && table.commitments[i - block.row] === true);
        block.kind = content ? 'item' : 'heading';
      }
      i++;
      continue;
    }
    if (shape.last === ':') {
      block.kind = 'lead-in';
      let first: Shape | undefined;
      let j = i + 1;
      for (; j < blocks.length && j - i <= MAX_LIST_ITEMS; j++) {
        const item = shapes[j]!;
        if (item.last === ':' || (item.last === '?' && !markers[j]) || blocks[j]!.row >= 0) break;
        // A short unpunctuated line followed by a paragraph is a section heading, not the first item.
        const next = shapes[j + 1];
        if (first === undefined && isShort(item) && next !== undefined && !isShort(next) && !next.lowerStart && !/[;,]/.test(next.last)) break;
        const alike =
          first === undefined ||
          markers[j] ||
          item.lowerStart ||
          /[;,]/.test(item.last) ||
          (item.lowerStart === first.lowerStart && /[.!]/.test(item.last) === /[.!]/.test(first.last) && item.words <= QUESTION_MAX_WORDS);
        if (!alike) break;
        first ??= item;
        blocks[j]!.kind = 'item';
        blocks[j]!.listOf = i;
      }
      i = j;
      continue;
    }
    if (shape.last === '?' && shape.words <= QUESTION_MAX_WORDS && block.endUnit - block.firstUnit === 1) {
      block.kind = 'question';
      i++;
      continue;
    }
    const metadata = (k: number) => isMetadataLine(text.slice(blocks[k]!.start, blocks[k]!.end), k < MASTHEAD_BLOCKS && blocks.length >= MASTHEAD_MIN_BLOCKS);
    if (isShort(shape) && block.endUnit - block.firstUnit === 1 && !metadata(i)) {
      let j = i;
      while (j < blocks.length && isShort(shapes[j]!) && blocks[j]!.endUnit - blocks[j]!.firstUnit === 1 && blocks[j]!.row < 0 && !metadata(j)) j++;
      block.kind = 'heading';
      // A first line that reads as a sentence heads nothing: the run is a bulleted list whose bullets the page's
      // markup drew ("The company commits to immediately stopping development upon identifying critical risks",
      // "Access to dangerous models would be restricted to a small group of experts", under a paragraph; a new
      // user's report 49), items of no lead-in; only after prose: at a page's top such lines are its headline,
      // standfirst and kicker.
      const afterProse = i > 0 && blocks[i - 1]!.kind === 'paragraph' && blocks[i - 1]!.row < 0 && /[.!?]/.test(shapes[i - 1]!.last);
      if (afterProse && j - i >= 2 && readsAsSentence(text.slice(block.start, block.end), shape)) {
        for (let k = i; k < j; k++) blocks[k]!.kind = 'item';
      } else if (j - i >= 3) {
        // A heading over a list of short lines: the lines are its items.
        for (let k = i + 1; k < j; k++) {
          blocks[k]!.kind = 'item';
          blocks[k]!.listOf = i;
        }
      } else {
        for (let k = i + 1; k < j; k++) blocks[k]!.kind = 'heading';
      }
      i = j;
      continue;
    }
    if (markers[i]) block.kind = 'item';
    i++;
  }
}

/**
 * Cuts units at the given character positions (sorted): each piece stays in its block and sentence.
 * Block unit ranges are rebuilt. Linear in units plus cuts.
 */
export function cutUnits(doc: SegmentedDocument, text: string, cuts: readonly number[]): void {
  if (cuts.length === 0) return;
  const units: TextUnit[] = [];
  let c = 0;
  for (const unit of doc.units) {
    let start = unit.start;
    while (c < cuts.length && cuts[c]! <= unit.start) c++;
    while (c < cuts.length && cuts[c]! < unit.end) {
      const piece = trimSpan(text, start, cuts[c]!);
      if (piece.end > piece.start && hasWord(text, piece.start, piece.end)) units.push({ ...unit, start: piece.start, end: piece.end });
      start = cuts[c]!;
      c++;
    }
    const rest = trimSpan(text, start, unit.end);
    if (rest.end > rest.start && hasWord(text, rest.start, rest.end)) units.push({ ...unit, start: rest.start, end: rest.end });
  }
  replaceUnits(doc, units);
}

/** An initialism's closing stop ("U.S.", "U.K."): where a name can run on past what looked like a sentence's end. */
const ENDS_IN_INITIALISM = /(?:^|[^\p{L}])(?:\p{Lu}\.){2,}$/u;

/**
 * Joins each unit of `doc` to the next one, in place, where a known name runs across the boundary between
 * them in one block, at an initialism's stop: the segmenter took it for a sentence's end ("The U.S. AI
 * Safety Institute signs …" read as "The U.S." and "AI Safety Institute signs …"). `text`: what `doc` was
 * segmented from; `names`: the names' spans in it (UTF-16 offsets), in text order.
 */
export function joinUnitsAcrossNames(doc: SegmentedDocument, text: string, names: ReadonlyArray<{ start: number; end: number }>): void {
  if (names.length === 0 || doc.units.length < 2) return;
  const units: TextUnit[] = [];
  let n = 0;
  for (const unit of doc.units) {
    const last = units[units.length - 1];
    if (last && last.block === unit.block) {
      // A name starting in the last unit kept and ending past its end, at or after this unit's start.
      while (n < names.length && names[n]!.end <= last.end) n++;
      let crosses = false;
      for (let k = n; k < names.length && names[k]!.start < last.end && !crosses; k++) crosses = names[k]!.end > unit.start;
      // (Only at an initialism's stop: "Preparedness Framework. Version 2 …" is two sentences, whatever a name spans.)
      if (crosses && ENDS_IN_INITIALISM.test(text.slice(Math.max(last.start, last.end - 12), last.end))) {
        units[units.length - 1] = { ...last, end: unit.end };
        continue;
      }
    }
    units.push(unit);
  }
  if (units.length !== doc.units.length) replaceUnits(doc, units);
}

/** Makes `units` the document's units and points each block at its own. */
function replaceUnits(doc: SegmentedDocument, units: readonly TextUnit[]): void {
  for (const block of doc.blocks) {
    block.firstUnit = Number.MAX_SAFE_INTEGER;
    block.endUnit = 0;
  }
  units.forEach((unit, u) => {
    const block = doc.blocks[unit.block]!;
    block.firstUnit = Math.min(block.firstUnit, u);
    block.endUnit = u + 1;
  });
  // Copied one by one: push(...units) passes every unit as an argument, and a page of some 130,000
  // short sentences exceeded the engine's argument limit (RangeError: the page got no highlights).
  doc.units.length = 0;
  for (const unit of units) doc.units.push(unit);
}
