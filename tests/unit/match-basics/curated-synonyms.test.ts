import { describe, expect, it } from 'vitest';
import curated from '../../../lib/match/data/curated-synonyms.json';
import { defaultCanonicalizer } from '../../../lib/match/canonicalize';
import { normalizeWord } from '../../../lib/match/normalize-word';
import { STOP_WORDS } from '../../../lib/match/stop-words';
import { tokenize } from '../../../lib/match/tokenize';

const words: Record<string, string> = curated.words;
const phrases: Record<string, string> = curated.phrases;
const tables: Array<[string, Record<string, string>]> = [
  ['words', words],
  ['phrases', phrases],
];

describe('curated-synonyms.json', () => {
  it('has both tables, non-empty', () => {
    expect(Object.keys(words).length).toBeGreaterThan(20);
    expect(Object.keys(phrases).length).toBeGreaterThan(5);
  });

  it.each(tables)('%s: keys are lower-case and trimmed', (_name, table) => {
    const bad = Object.keys(table).filter((key) => key !== key.toLowerCase() || key !== key.trim() || key === '');
    expect(bad).toEqual([]);
  });

  it.each(tables)('%s: no key maps to itself', (_name, table) => {
    const selfMaps = Object.entries(table).filter(([key, value]) => normalizeWord(key) === normalizeWord(value));
    expect(selfMaps).toEqual([]);
  });

  it('has no chains: no value is itself a key that maps elsewhere', () => {
    const chains: string[] = [];
    for (const [name, table] of tables) {
      for (const [key, value] of Object.entries(table)) {
        const next = words[value] ?? phrases[value];
        if (next !== undefined && next !== value) chains.push(`${name}: ${key} -> ${value} -> ${next}`);
      }
    }
    expect(chains).toEqual([]);
  });

  it('maps no stop word, and maps nothing onto a stop word', () => {
    // A stop-word key is dead (stop words are dropped before the table is read); a stop-word value
    // silently erases content the entry meant to keep.
    const problems: string[] = [];
    for (const [key, value] of Object.entries(words)) {
      if (STOP_WORDS.has(key)) problems.push(`words: key "${key}" is a stop word`);
      if (STOP_WORDS.has(normalizeWord(value))) problems.push(`words: "${key}" maps to stop word "${value}"`);
    }
    for (const [key, value] of Object.entries(phrases)) {
      if (key.split(/[\s-]+/).every((word) => STOP_WORDS.has(normalizeWord(word)))) problems.push(`phrases: key "${key}" is all stop words`);
      if (STOP_WORDS.has(normalizeWord(value))) problems.push(`phrases: "${key}" maps to stop word "${value}"`);
    }
    expect(problems).toEqual([]);
  });

  it.each(tables)('%s: every entry takes effect (the key tokenizes to one token with the value\'s term)', (_name, table) => {
    // tokenize() splits at spaces and hyphens and looks words up one at a time, so a "words" key
    // with a space or hyphen in it is never consulted.
    const canonicalizer = defaultCanonicalizer();
    const dead: string[] = [];
    for (const [key, value] of Object.entries(table)) {
      const tokens = tokenize(key, canonicalizer);
      const expected = canonicalizer.term(normalizeWord(value));
      if (tokens.length !== 1 || tokens[0]!.term !== expected) {
        dead.push(`"${key}" -> [${tokens.map((token) => token.term).join(', ')}], expected [${expected}]`);
      }
    }
    expect(dead).toEqual([]);
  });
});
