import type { Canonicalizer } from './canonicalize';
import { normalizeWord } from './normalize-word';

export interface Token {
  start: number;
  end: number;
  /** Canonical term; '' for a stop word (kept so phrases and positions stay intact). */
  term: string;
  /** Whether the surface form starts with a capital: distinctive names are written that way. */
  capitalized: boolean;
}

/**
 * Letters and digits (with any combining marks, so decomposed "é" stays one word), with inner
 * apostrophes ("can't", "Anthropic’s") and dots ("a.i") kept in one word.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** Splits text into canonical tokens, folding curated multi-word expressions into one token. */
export function tokenize(text: string, canonicalizer: Canonicalizer, from = 0, to = text.length): Token[] {
  const words: Array<{ start: number; end: number; normalized: string; capitalized: boolean }> = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    const raw = match[0];
    const first = raw[0]!;
    words.push({
      start: match.index,
      end: match.index + raw.length,
      normalized: normalizeWord(raw),
      capitalized: first !== first.toLowerCase(),
    });
  }
  const tokens: Token[] = [];
  const { phrases, phraseStarts, maxPhraseWords } = canonicalizer;
  for (let i = 0; i < words.length; i++) {
    let consumed = 1;
    let term: string | undefined;
    const longest = phraseStarts.has(words[i]!.normalized) ? Math.min(maxPhraseWords, words.length - i) : 0;
    for (let n = longest; n >= 2; n--) {
      let key = words[i]!.normalized;
      for (let k = 1; k < n; k++) key += ' ' + words[i + k]!.normalized;
      const target = phrases.get(key);
      if (target !== undefined) {
        term = canonicalizer.term(target);
        consumed = n;
        break;
      }
    }
    const word = words[i]!;
    // A contraction's negation is content: "can't guarantee" must keep its "not".
    if (term === undefined && word.normalized.endsWith("n't")) {
      tokens.push({ start: word.start, end: word.end, term: 'not', capitalized: word.capitalized });
      continue;
    }
    tokens.push({
      start: word.start,
      end: words[i + consumed - 1]!.end,
      term: term ?? canonicalizer.term(word.normalized),
      capitalized: word.capitalized,
    });
    i += consumed - 1;
  }
  return tokens;
}
