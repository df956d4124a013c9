import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import curated from '../../../lib/match/data/curated-synonyms.json';
import wordnet from '../../../lib/match/data/wordnet-synonyms.json';
import { defaultCanonicalizer, wordnetStemTable } from '../../../lib/match/canonicalize';
import { STEMS_PATH, stemsFileText } from '../../../scripts/build-stems';

describe('the stem table built at build time (lib/match/data/wordnet-stems.json)', () => {
  it('is what npm run build:stems makes from the current curated and WordNet tables (run it after changing either)', () => {
    expect(readFileSync(STEMS_PATH, 'utf8')).toBe(stemsFileText());
  });

  it('leaves out every stem a curated word maps from or to, so curated choices win', () => {
    const table = wordnetStemTable({ words: { hazard: 'risk' }, phrases: {} }, { hazard: 'danger', peril: 'danger', risk: 'gamble', halt: 'pause' });
    expect(table).toEqual({ peril: 'danger', halt: 'paus' });
  });

  it('keeps the first entry of a stem', () => {
    expect(wordnetStemTable({ words: {}, phrases: {} }, { pledges: 'promise', pledge: 'vow' })).toEqual({ pledg: 'promis' });
  });

  it('is what the canonicalizer folds WordNet synonyms with', () => {
    const byStem = wordnetStemTable(curated, wordnet.map);
    const entries = Object.entries(byStem);
    expect(entries.length).toBeGreaterThan(1000);
    // Every WordNet base form whose stem has an entry (and that the curated table does not decide) folds to that entry's target.
    for (const base of Object.keys(wordnet.map)) {
      const target = byStem[stemmer(base)];
      if (target !== undefined && !(base in curated.words)) expect(defaultCanonicalizer().term(base), base).toBe(target);
    }
  });
});
