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

/** Splits text into canonical tokens, folding curated multi-word expressions into one token. */
export function tokenize(text: string, canonicalizer: Canonicalizer, from = 0, to = text.length): Token[] {
  const words: Array<{ start: number; end: number; normalized: string; capitalized: boolean; caps: number }> = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    const raw = match[0];
    const first = raw[0]!;
    words.push({
      start: match.index,
      end: match.index + raw.length,
      normalized: normalizeWord(raw),
      capitalized: first !== first.toLowerCase(),
      caps: capsOf(raw),
    });
  }
  const tokens: Token[] = [];
  const { phrases, phraseStarts, maxPhraseWords } = canonicalizer;
  for (let i = 0; i < words.length; i++) {
    let consumed = 1;
    let term: string | undefined;
    let key: string | undefined;
    const longest = phraseStarts.has(words[i]!.normalized) ? Math.min(maxPhraseWords, words.length - i) : 0;
    for (let n = longest; n >= 2; n--) {
      let phrase = words[i]!.normalized;
      for (let k = 1; k < n; k++) phrase += ' ' + words[i + k]!.normalized;
      const target = phrases.get(phrase);
      if (target !== undefined) {
        term = canonicalizer.term(target);
        key = target;
        consumed = n;
        break;
      }
    }
    const word = words[i]!;
    // A contraction's negation is content: "can't guarantee" must keep its "not".
    if (term === undefined && word.normalized.endsWith("n't")) {
      tokens.push({ start: word.start, end: word.end, term: 'not', key: word.normalized, capitalized: word.capitalized, caps: word.caps });
      continue;
    }
    tokens.push({
      start: word.start,
      end: words[i + consumed - 1]!.end,
      term: term ?? canonicalizer.term(word.normalized),
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
