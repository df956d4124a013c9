/**
 * Word lists for synthetic claims: WordNet lemmas (by part of speech, restricted to words seen in
 * its sense-tagged corpus so sentences read like English) plus the fixture articles' own content
 * words, so synthetic claims share vocabulary with the pages the way a real 10,000-claim set would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STOP_WORDS } from '../../lib/match/stop-words';

export interface Vocabulary {
  nouns: string[];
  verbs: string[];
  adjectives: string[];
  /** Content words of the pages' articles (any part of speech). */
  pageWords: string[];
}

const WORD = /^[a-z]{4,11}$/;

/**
 * Lemmas from a WordNet index file whose tagged-sense count is at least 1. Index lines are
 * `lemma pos synset_cnt p_cnt [ptr_symbol × p_cnt] sense_cnt tagsense_cnt synset_offset…`.
 */
export function readWordnetIndex(content: string): string[] {
  const words: string[] = [];
  for (const line of content.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue; // licence header lines start with spaces
    const fields = line.split(' ');
    const lemma = fields[0]!;
    const pointerCount = Number(fields[3]);
    const tagged = Number(fields[4 + pointerCount + 1]);
    if (WORD.test(lemma) && tagged >= 1) words.push(lemma);
  }
  return words;
}

/** Lower-case content words of a text, each once, in first-seen order. */
export function contentWords(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const match of text.toLowerCase().matchAll(/[a-z]+/g)) {
      const word = match[0];
      if (WORD.test(word) && !STOP_WORDS.has(word)) seen.add(word);
    }
  }
  return [...seen];
}

export function loadVocabulary(wordnetDictDir: string, pageTexts: readonly string[]): Vocabulary {
  const read = (pos: string) => readWordnetIndex(readFileSync(join(wordnetDictDir, `index.${pos}`), 'utf8'));
  return { nouns: read('noun'), verbs: read('verb'), adjectives: read('adj'), pageWords: contentWords(pageTexts) };
}
