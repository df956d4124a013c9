import type { Canonicalizer } from './canonicalize';
import { normalizeWord } from './normalize-word';

export interface Token {
  start: number;
  end: number;
  /** Canonical term; '' for a stop word (kept so phrases and positions stay intact). */
  term: string;
  /**
   * The normalised surface word (or, for a folded multi-word expression, the word it folds to),
   * stop words included: what names and discourse words are matched on. Never synonym-expanded.
   */
  key: string;
  /** Whether the surface form starts with a capital: distinctive names are written that way. */
  capitalized: boolean;
  /** 0 lower case, 1 capitalised, 2 all capitals (two letters or more): see `capsOf`. */
  caps: number;
}

/** How a written word constrains case: "MASK" only matches capitals, "Meta" a capitalised word, "xAI" anything. */
export function capsOf(surface: string): number {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < surface.length; i++) {
    const code = surface.charCodeAt(i);
    // A clitic after an apostrophe is written in lower case whatever the word: "CAISI’s" is in capitals.
    // Not two-letter ones ("the EU's code", "the UK's institute"): there the government owns the
    // instrument the sentence is about, and reading it as a third named actor cost sentences such as
    // "Google signs the EU's code of practice, while Meta stays outside" both their claims.
    if ((code === 39 || code === 0x2019) && upper >= 3) break;
    if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) lower++;
    else if (code > 127) {
      // Outside ASCII: ask the Unicode case mapping (rare, so its cost does not matter).
      const c = surface[i]!;
      if (c !== c.toLowerCase()) upper++;
      else if (c !== c.toUpperCase()) lower++;
    }
    if (lower > 0 && i > 0) break;
  }
  if (upper >= 2 && lower === 0) return 2;
  const first = surface[0] ?? '';
  return first !== first.toLowerCase() ? 1 : 0;
}

/**
 * Letters and digits (with any combining marks, so decomposed "é" stays one word), with inner
 * apostrophes ("can't", "Anthropic’s") and dots ("a.i") kept in one word.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** What a page's word gives whatever its place: worked out once per distinct word (see `wordInfo`). */
interface WordInfo {
  normalized: string;
  capitalized: boolean;
  caps: number;
  /** Its canonical term ('' for a stop word). */
  term: string;
  /** A contraction ending in "n't": its token's term is `not`. */
  negation: boolean;
  /** Whether a curated phrase starts with this word (canonicalizer.phraseStarts). */
  startsPhrase: boolean;
  /** Where the phrase tree goes from this word. */
  phrases: PhraseNode | undefined;
  /**
   * Empty or holding a space (NFKC can turn a letter into a space and a mark): phrases are matched
   * on space-joined words, so such a word is matched the slow way, by joining (see `tokenize`).
   */
  odd: boolean;
}

/** The curated phrases as a tree of words: a node's `target` is what the phrase ending there folds to. */
interface PhraseNode {
  next: Map<string, PhraseNode>;
  target: string | undefined;
  /** canonicalizer.term(target). */
  term: string;
}

interface TokenizerTables {
  words: Map<string, WordInfo>;
  phrases: Map<string, PhraseNode>;
  /**
   * A direct-mapped cache in front of `words`, keyed by a hash of the word's characters read in place:
   * a word seen before costs no substring and no map lookup.
   */
  recentKeys: string[];
  recentInfos: Array<WordInfo | undefined>;
}

/** Slots of the direct-mapped cache (a power of two). */
const RECENT_SLOTS = 4096;

/** Per canonicalizer (whose `term` is a pure function of the word): its word cache and phrase tree. */
const tablesOf = new WeakMap<Canonicalizer, TokenizerTables>();
/** Pages repeat their words; past this many distinct ones the cache stops growing. */
const WORD_CACHE_LIMIT = 100_000;

function tablesFor(canonicalizer: Canonicalizer): TokenizerTables {
  let tables = tablesOf.get(canonicalizer);
  if (tables) return tables;
  const phrases = new Map<string, PhraseNode>();
  for (const [phrase, target] of canonicalizer.phrases) {
    let level = phrases;
    let node: PhraseNode | undefined;
    for (const word of phrase.split(' ')) {
      node = level.get(word);
      if (!node) level.set(word, (node = { next: new Map(), target: undefined, term: '' }));
      level = node.next;
    }
    node!.target = target;
    node!.term = canonicalizer.term(target);
  }
  tables = { words: new Map(), phrases, recentKeys: new Array<string>(RECENT_SLOTS).fill(''), recentInfos: new Array<WordInfo | undefined>(RECENT_SLOTS).fill(undefined) };
  tablesOf.set(canonicalizer, tables);
  return tables;
}

/** The WordInfo of text[start, end), through the direct-mapped cache. */
function wordInfoAt(tables: TokenizerTables, canonicalizer: Canonicalizer, text: string, start: number, end: number): WordInfo {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const slot = hash & (RECENT_SLOTS - 1);
  const key = tables.recentKeys[slot]!;
  const info = tables.recentInfos[slot];
  if (info !== undefined && key.length === end - start) {
    let same = true;
    for (let k = 0; k < key.length; k++) {
      if (key.charCodeAt(k) !== text.charCodeAt(start + k)) {
        same = false;
        break;
      }
    }
    if (same) return info;
  }
  const raw = text.slice(start, end);
  const found = wordInfo(tables, canonicalizer, raw);
  tables.recentKeys[slot] = raw;
  tables.recentInfos[slot] = found;
  return found;
}

function wordInfo(tables: TokenizerTables, canonicalizer: Canonicalizer, raw: string): WordInfo {
  let info = tables.words.get(raw);
  if (info) return info;
  const normalized = normalizeWord(raw);
  const first = raw[0]!;
  info = {
    normalized,
    capitalized: first !== first.toLowerCase(),
    caps: capsOf(raw),
    term: canonicalizer.term(normalized),
    negation: normalized.endsWith("n't"),
    startsPhrase: canonicalizer.phraseStarts.has(normalized),
    phrases: tables.phrases.get(normalized),
    odd: normalized === '' || normalized.includes(' '),
  };
  if (tables.words.size < WORD_CACHE_LIMIT) tables.words.set(raw, info);
  return info;
}

const isAsciiWordChar = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * Characters outside ASCII that are neither letters, digits nor marks, common in prose: the fast word
 * scan steps over them itself (anything else outside ASCII goes to the WORD pattern).
 */
const isKnownNonWord = (code: number): boolean =>
  code === 0x00a0 || code === 0x00ab || code === 0x00bb || code === 0x2013 || code === 0x2014 || code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d || code === 0x2022 || code === 0x2026 || code === 0x2028 || code === 0x2029;

/**
 * The words of text whose first character is in [from, to), as the WORD pattern finds them
 * (`onWord(start, end)` per word, in order). ASCII words are scanned by hand, which is what makes it
 * fast; wherever a character outside ASCII could start or continue a word, the pattern decides.
 */
function scanWords(text: string, from: number, to: number, onWord: (start: number, end: number) => void): void {
  const n = text.length;
  let i = from;
  const viaPattern = (at: number): number => {
    WORD.lastIndex = at;
    const match = WORD.exec(text);
    if (!match || match.index >= to) return -1;
    onWord(match.index, match.index + match[0].length);
    return match.index + match[0].length;
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    if (!isAsciiWordChar(c)) {
      if (c < 128 || isKnownNonWord(c)) i++;
      else if ((i = viaPattern(i)) < 0) return;
      continue;
    }
    // A word starts at i: letters and digits, and a joiner (' ’ .) followed by one.
    let j = i + 1;
    let undecided = false;
    for (;;) {
      while (j < n && isAsciiWordChar(text.charCodeAt(j))) j++;
      if (j >= n) break;
      const d = text.charCodeAt(j);
      if (d === 39 || d === 46 || d === 0x2019) {
        const e = j + 1 < n ? text.charCodeAt(j + 1) : 32;
        if (isAsciiWordChar(e)) {
          j += 2;
          continue;
        }
        undecided = e >= 128 && !isKnownNonWord(e);
        break;
      }
      undecided = d >= 128 && !isKnownNonWord(d);
      break;
    }
    if (undecided) i = viaPattern(i);
    else {
      onWord(i, j);
      i = j;
    }
  }
}

/** Splits text into canonical tokens, folding curated multi-word expressions into one token. */
export function tokenize(text: string, canonicalizer: Canonicalizer, from = 0, to = text.length): Token[] {
  const tables = tablesFor(canonicalizer);
  const starts: number[] = [];
  const ends: number[] = [];
  const words: WordInfo[] = [];
  scanWords(text, from, to, (start, end) => {
    starts.push(start);
    ends.push(end);
    words.push(wordInfoAt(tables, canonicalizer, text, start, end));
  });
  const tokens: Token[] = [];
  const { maxPhraseWords } = canonicalizer;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let consumed = 1;
    let term: string | undefined;
    let key: string | undefined;
    if (word.startsPhrase) {
      // The longest phrase starting here: walk the tree as far as the words go.
      const longest = Math.min(maxPhraseWords, words.length - i);
      let odd = !word.phrases;
      for (let k = 0; k < longest; k++) if (words[i + k]!.odd) odd = true;
      if (odd) {
        for (let n = longest; n >= 2; n--) {
          let phrase = word.normalized;
          for (let k = 1; k < n; k++) phrase += ' ' + words[i + k]!.normalized;
          const target = canonicalizer.phrases.get(phrase);
          if (target !== undefined) {
            term = canonicalizer.term(target);
            key = target;
            consumed = n;
            break;
          }
        }
      } else {
        let node: PhraseNode | undefined = word.phrases!;
        for (let k = 1; k < longest; k++) {
          node = node.next.get(words[i + k]!.normalized);
          if (!node) break;
          if (node.target !== undefined) {
            term = node.term;
            key = node.target;
            consumed = k + 1;
          }
        }
      }
    }
    // A contraction's negation is content: "can't guarantee" must keep its "not".
    if (term === undefined && word.negation) {
      tokens.push({ start: starts[i]!, end: ends[i]!, term: 'not', key: word.normalized, capitalized: word.capitalized, caps: word.caps });
      continue;
    }
    tokens.push({
      start: starts[i]!,
      end: ends[i + consumed - 1]!,
      term: term ?? word.term,
      key: key ?? word.normalized,
      capitalized: word.capitalized,
      caps: word.caps,
    });
    i += consumed - 1;
  }
  return tokens;
}

/** A word as names are compared: plural and singular alike ("Code of Practices" names the Code of Practice). */
export function nameKey(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
