/**
 * Hand-written replacements of patterns on the matcher's hot paths must find exactly what the
 * patterns they replace find: on tricky texts and on many random mixtures of the characters that
 * decide them.
 */
import { describe, expect, it } from 'vitest';
import { attributionBefore } from '../../../lib/match/discourse';
import { prepareUnknownStamps, termsOf, type Content, type UnitTerms } from '../../../lib/match/match-claims';
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
