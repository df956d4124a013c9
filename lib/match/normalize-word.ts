import { numberWordValue } from './number-words';

const DIACRITICS = /\p{M}+/gu;

/** Folds a raw word to comparable lower-case ASCII-ish form: NFKC, no accents, no possessive. */
const cache = new Map<string, string>();
/** Pages repeat their words; past this many distinct ones the cache stops growing. */
const CACHE_LIMIT = 100_000;

export function normalizeWord(raw: string): string {
  let word = cache.get(raw);
  if (word === undefined) {
    word = normalizeUncached(raw);
    if (cache.size < CACHE_LIMIT) cache.set(raw, word);
  }
  return word;
}

function normalizeUncached(raw: string): string {
  // Most words are ASCII, where NFKC and accent folding change nothing: skip them there.
  const ascii = !/[^\x00-\x7f]/.test(raw);
  let word = ascii ? raw.toLowerCase() : raw.normalize('NFKC').toLowerCase();
  if (!ascii) word = word.normalize('NFD').replace(DIACRITICS, '').normalize('NFC');
  word = word.replace(/[’‘ʼ`´]/g, "'");
  if (word.endsWith("'s")) word = word.slice(0, -2);
  else if (word.endsWith("'")) word = word.slice(0, -1);
  // A number word is its digits, so "three to six" meets "3-6" and "three to 6".
  const value = numberWordValue(word);
  return value === undefined ? word : String(value);
}
