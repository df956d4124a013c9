import { stemmer } from 'stemmer';
import curated from './data/curated-synonyms.json';
import wordnetStems from './data/wordnet-stems.json';
import { normalizeWord } from './normalize-word';
import { STOP_WORDS } from './stop-words';

/**
 * Maps a word to the term the matcher compares: normalised, synonym-folded, stemmed. Claims and
 * pages go through the very same function, so any table choice stays consistent on both sides.
 * Stems come from npm `stemmer`, a port of Porter's reference implementation (the 1980 algorithm plus
 * its two published departures, -bli → -ble and -logi → -log); they only need to agree between a
 * claim's phrasings and a page, not be words.
 */
export interface Canonicalizer {
  /** The canonical term of one normalised word, or '' for a stop word. */
  term(normalizedWord: string): string;
  /** Multi-word expressions folded into one term, keyed by space-joined normalised words. */
  phrases: ReadonlyMap<string, string>;
  /** First words of the phrases: only a word in here can start one, which spares most words the lookup. */
  phraseStarts: ReadonlySet<string>;
  maxPhraseWords: number;
}

/** The hand-made tables (`data/curated-synonyms.json`): single words and multi-word expressions, each to its target word. */
export interface CuratedSynonyms {
  words: Record<string, string>;
  phrases: Record<string, string>;
}

/**
 * WordNet's synonyms as the canonicalizer reads them, stem to stem: each `from → to` base form of
 * `data/wordnet-synonyms.json` becomes `stem(from) → stem(to)`, the first entry winning a stem, and
 * no entry for a stem a curated word maps from or to (curated choices win). Built at build time by
 * `npm run build:stems` into `data/wordnet-stems.json`, so no worker or page stems 2,000 entries on
 * its first match; a unit test fails when that file is older than either table.
 * @param curated the curated table
 * @param wordnetMap the `map` of `data/wordnet-synonyms.json` (base form → base form)
 * @returns stem → stem, in `wordnetMap`'s order
 */
export function wordnetStemTable(curated: CuratedSynonyms, wordnetMap: Readonly<Record<string, string>>): Record<string, string> {
  const curatedStems = new Set<string>();
  for (const [from, to] of Object.entries(curated.words)) curatedStems.add(stemmer(from)).add(stemmer(to));
  for (const to of Object.values(curated.phrases)) curatedStems.add(stemmer(to));
  const byStem = new Map<string, string>();
  for (const [from, to] of Object.entries(wordnetMap)) {
    const key = stemmer(from);
    if (!curatedStems.has(key) && !byStem.has(key)) byStem.set(key, stemmer(to));
  }
  return Object.fromEntries(byStem);
}

function buildCanonicalizer(): Canonicalizer {
  const words = new Map<string, string>(Object.entries(curated.words));
  const wordnetByStem = new Map<string, string>(Object.entries(wordnetStems.byStem));
  const cache = new Map<string, string>();
  const term = (word: string): string => {
    let result = cache.get(word);
    if (result !== undefined) return result;
    if (STOP_WORDS.has(word)) result = '';
    else {
      const folded = words.get(word) ?? word;
      const stem = stemmer(folded);
      result = STOP_WORDS.has(folded) ? '' : (wordnetByStem.get(stem) ?? stem);
    }
    if (cache.size < 50_000) cache.set(word, result);
    return result;
  };
  const phrases = new Map<string, string>();
  const phraseStarts = new Set<string>();
  let maxPhraseWords = 1;
  for (const [phrase, target] of Object.entries(curated.phrases)) {
    const words = phrase.split(/[\s-]+/).map(normalizeWord);
    phrases.set(words.join(' '), normalizeWord(target));
    phraseStarts.add(words[0]!);
    maxPhraseWords = Math.max(maxPhraseWords, words.length);
  }
  return { term, phrases, phraseStarts, maxPhraseWords };
}

let shared: Canonicalizer | undefined;

/** The canonicalizer built from the bundled tables (built once, on first use). */
export function defaultCanonicalizer(): Canonicalizer {
  shared ??= buildCanonicalizer();
  return shared;
}
