/**
 * Hand-written replacements of patterns on the matcher's hot paths must find exactly what the
 * patterns they replace find: on tricky texts and on many random mixtures of the characters that
 * decide them.
 */
import { describe, expect, it } from 'vitest';
import { attributionBefore, gaps } from '../../../lib/match/discourse';
import { prepareUnknownStamps, termsOf, type Content, type UnitTerms } from '../../../lib/match/match-claims';
import { FEATURE_NAMES, loopedSum, UNROLLED_FITS, unrolledSum, type Features } from '../../../lib/match/model';
import { createPrng } from '../../../scripts/bench/prng';

/** What quotations() used before: the attribution before a quotation, as an offset into text, or -1. */
function referenceAttributionBefore(text: string, from: number, to: number): number {
  const match = /([^.;!?“”"]{1,80})[:,]\s*$/.exec(text.slice(from, to));
  return match ? from + match.index : -1;
}

describe('attributionBefore', () => {
  it('is the attribution pattern on tricky texts', () => {
    const texts = [
      'As the spokesman put it: ',
      'She said, ',
      'Done. He said:',
      'Done. He said:\u00a0\u2029 ',
      '“Earlier quote,” she added, ',
      'x'.repeat(100) + ': ',
      'No colon here ',
      ':',
      ' ,',
      'a.:',
      'It said; then: ',
      '',
    ];
    for (const text of texts) {
      for (let from = 0; from <= text.length; from++) {
        expect(attributionBefore(text, from, text.length), JSON.stringify([text, from])).toBe(referenceAttributionBefore(text, from, text.length));
      }
    }
  });

  it('is the attribution pattern on random mixtures of stops, marks, spaces and words (windows up to 120 characters)', () => {
    const pieces = ['a', 'Said', ' ', '  ', '\n', '\u00a0', '\u2029', '\t', ':', ',', '.', ';', '!', '?', '“', '”', '"', '’', '—', 'é', '😀', 'according to', 'X'];
    const random = createPrng(23);
    for (let round = 0; round < 20000; round++) {
      let text = '';
      for (let k = random.between(0, 60); k > 0; k--) text += pieces[random.int(pieces.length)]!;
      const to = random.int(text.length + 1);
      const from = Math.max(0, to - random.between(0, 120));
      expect(attributionBefore(text, from, to), JSON.stringify([text, from, to])).toBe(referenceAttributionBefore(text, from, to));
    }
  });
});

describe('termsOf', () => {
  /** What termsOf did before its stamps: a Set per call. */
  function referenceTerms(content: readonly Content[], idf: Float64Array, unknownIdf: number): { list: number[]; mass: number } {
    const seen = new Set<number>();
    const list: number[] = [];
    let mass = 0;
    for (const { id, name } of content) {
      if (name || seen.has(id)) continue;
      seen.add(id);
      if (id >= 0) list.push(id);
      mass += id >= 0 ? idf[id]! : unknownIdf;
    }
    return { list, mass };
  }

  it('gives the terms, mass and membership of a Set per call, for the latest call and for earlier ones', () => {
    const random = createPrng(31);
    const known = 40;
    const idf = Float64Array.from({ length: known }, () => random.next() * 5);
    const h = { idf, unknownIdf: 1.25 };
    const token = { start: 0, end: 1, term: 'x', key: 'x', capitalized: false, caps: 0 };
    for (let round = 0; round < 200; round++) {
      prepareUnknownStamps(12, known);
      const made: Array<{ terms: UnitTerms; reference: { list: number[]; mass: number } }> = [];
      for (let call = random.between(1, 4); call > 0; call--) {
        const content: Content[] = [];
        for (let k = random.between(0, 15); k > 0; k--) content.push({ token, id: random.between(-12, known - 1), name: random.chance(0.15) });
        made.push({ terms: termsOf(h, content), reference: referenceTerms(content, idf, h.unknownIdf) });
      }
      // Asked in reverse: the latest first (stamps), then the earlier ones (their own sets).
      for (const { terms, reference } of made.reverse()) {
        expect(terms.list).toEqual(reference.list);
        expect(terms.mass).toBe(reference.mass);
        expect(terms.terms.size).toBe(reference.list.length);
        for (let id = -3; id < known + 3; id++) expect(terms.terms.has(id), String(id)).toBe(reference.list.includes(id));
      }
    }
  });
});

describe('gaps between words', () => {
  it('are the patterns they replace, on random mixtures of spaces, dashes and punctuation', () => {
    const pieces = [' ', '\u00a0', '\n', '\u2029', '\t', '-', '–', '—', ',', ':', ';', '.', '“', '”', '"', '(', ')', 'a', 'é', '😀', '\u2028'];
    const random = createPrng(47);
    for (let round = 0; round < 20000; round++) {
      let text = '';
      for (let k = random.between(0, 8); k > 0; k--) text += pieces[random.int(pieces.length)]!;
      const from = random.int(text.length + 1);
      const to = from + random.int(text.length - from + 1);
      const slice = text.slice(from, to);
      const where = JSON.stringify([text, from, to]);
      expect(gaps.spacesAndDashes(text, from, to), where).toBe(/^[\s\-–—]*$/.test(slice));
      expect(gaps.comma(text, from, to), where).toBe(/^\s*,\s*$/.test(slice));
      expect(gaps.colonFirst(text, from, to), where).toBe(/^\s*:/.test(slice));
      expect(gaps.holds(text, from, to, ',;:“”"('), where).toBe(/[,;:“”"(]/.test(slice));
      expect(gaps.holds(text, from, to, ',;:.“”"'), where).toBe(/[,;:.“”"]/.test(slice));
    }
  });
});

describe('the model\'s sum', () => {
  it('reads every feature in FEATURE_NAMES order (update unrolledSum when a feature is added or moved)', () => {
    expect(UNROLLED_FITS).toBe(true);
  });

  it('is the looped sum to the last bit, on random weights and features', () => {
    const random = createPrng(53);
    for (let round = 0; round < 5000; round++) {
      const weights = Float64Array.from(FEATURE_NAMES, () => (random.next() - 0.5) * 10 ** random.between(-3, 3));
      const features = Object.fromEntries(FEATURE_NAMES.map((name) => [name, random.chance(0.3) ? random.int(2) : random.next() * 2 - 0.5])) as Features;
      const bias = random.next() * 4 - 2;
      expect(Object.is(unrolledSum(bias, weights, features), loopedSum(bias, weights, features))).toBe(true);
    }
  });
});
