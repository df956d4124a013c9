/**
 * Hand-written replacements of patterns on the matcher's hot paths must find exactly what the
 * patterns they replace find: on tricky texts and on many random mixtures of the characters that
 * decide them.
 */
import { describe, expect, it } from 'vitest';
import { attributionBefore, gaps } from '../../../lib/match/discourse';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { claimWordAt, claimWordTable, keepBest, prepareUnknownStamps, termsOf, type Content, type UnitTerms } from '../../../lib/match/match-claims';
import { hasWord, isClosingOrSpace, isWordUnit } from '../../../lib/match/segment-units';
import { FEATURE_NAMES, loopedSum, UNROLLED_FITS, unrolledSum, type Features } from '../../../lib/match/model';
import { createPrng } from '../../../scripts/bench/prng';
import { bundledClaimSet } from '../../support/claim-sets';

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

describe('a claim\'s word table', () => {
  /** What lookupsOf built before the table: a map from each word to its weight and the facets listing it. */
  function referenceWords(vocabulary: readonly number[], facets: readonly number[][]): Map<number, { weight: number; facets: number[] }> {
    const words = new Map<number, { weight: number; facets: number[] }>();
    for (let i = 0; i < vocabulary.length; i += 2) words.set(vocabulary[i]!, { weight: vocabulary[i + 1]! / 1000, facets: [] });
    facets.forEach((facet, f) => {
      for (const term of facet) words.get(term)?.facets.push(f);
    });
    return words;
  }

  /** The facets a table entry's bits name, in facet order. */
  const facetsOfBits = (bits: number): number[] => Array.from({ length: 32 }, (_, f) => f).filter((f) => (bits >>> f) & 1);

  it('gives every word of every claim of the default set its weight and facets, and no other word', () => {
    const claimSet = bundledClaimSet();
    const index = compileClaimIndex(claimSet.claims, claimSet.version);
    let checked = 0;
    for (const claim of index.claims) {
      expect(claim.termFacets).toHaveLength(claim.vocabulary.length / 2);
      const words = claimWordTable(claim.vocabulary, claim.termFacets);
      const reference = referenceWords(claim.vocabulary, claim.facets);
      for (let term = 0; term < index.terms.length + 300; term++) {
        const at = claimWordAt(words, term);
        const expected = reference.get(term);
        expect(at >= 0, `${claim.id} ${term}`).toBe(expected !== undefined);
        if (!expected) continue;
        expect(words.table[at + 1]! / 1000).toBe(expected.weight);
        expect(facetsOfBits(words.table[at + 2]!)).toEqual(expected.facets);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('finds exactly the words it holds, on random vocabularies of up to 32 facets (bit 31 included) and clashing terms', () => {
    const random = createPrng(61);
    for (let round = 0; round < 600; round++) {
      const size = random.between(0, 70);
      const spread = random.chance(0.5) ? 100 : 1 << 20;
      const terms = new Set<number>();
      while (terms.size < size) terms.add(random.int(spread));
      const vocabulary = [...terms].flatMap((term) => [term, random.int(20000)]);
      const facets = Array.from({ length: random.chance(0.3) ? 32 : random.between(0, 31) }, () => [...terms].filter(() => random.chance(0.3)));
      const reference = referenceWords(vocabulary, facets);
      const bits = [...terms].map((term) => reference.get(term)!.facets.reduce((all, f) => all | (1 << f), 0));
      const words = claimWordTable(vocabulary, bits);
      for (let k = 0; k < 300; k++) {
        const term = k < terms.size ? [...terms][k]! : random.int(spread + 50);
        const at = claimWordAt(words, term);
        const expected = reference.get(term);
        expect(at >= 0).toBe(expected !== undefined);
        if (!expected) continue;
        expect(words.table[at]).toBe(term);
        expect(words.table[at + 1]! / 1000).toBe(expected.weight);
        expect(facetsOfBits(words.table[at + 2]!)).toEqual(expected.facets);
      }
    }
  });
});

describe('keepBest', () => {
  /** What judgeUnit did before: a splice into an array of objects, and a pop when it grew past max. */
  function referenceKeep(entries: ReadonlyArray<{ claimIndex: number; bound: number }>, max: number): Array<{ claimIndex: number; bound: number }> {
    const kept: Array<{ claimIndex: number; bound: number }> = [];
    for (const entry of entries) {
      let at = kept.length;
      while (at > 0 && (kept[at - 1]!.bound < entry.bound || (kept[at - 1]!.bound === entry.bound && kept[at - 1]!.claimIndex > entry.claimIndex))) at--;
      if (at >= max) continue;
      kept.splice(at, 0, entry);
      if (kept.length > max) kept.pop();
    }
    return kept;
  }

  it('keeps the same entries in the same order as the splice, with ties and repeated bounds', () => {
    const random = createPrng(67);
    for (let round = 0; round < 5000; round++) {
      const count = random.between(0, 40);
      const max = random.between(1, 8);
      const bounds = Float64Array.from({ length: count }, () => (random.chance(0.4) ? random.int(4) / 2 : random.next() * 3));
      const claims = Int32Array.from({ length: count }, () => random.int(30));
      const reference = referenceKeep(Array.from(claims, (claimIndex, k) => ({ claimIndex, bound: bounds[k]! })), max);
      const kept = keepBest(claims, bounds, count, max);
      expect(Array.from(claims.subarray(0, kept), (claimIndex, k) => ({ claimIndex, bound: bounds[k]! }))).toEqual(reference);
    }
  });
});

describe('segmentation\'s character tests', () => {
  it('are the patterns they replace, for every UTF-16 unit', () => {
    let differences = 0;
    for (let code = 0; code < 0x10000; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      if (isWordUnit(text, 1) !== /[\p{L}\p{N}]/u.test(text[1]!)) differences++;
      if (isClosingOrSpace(text, 1) !== /[\s"”’')\]»]/.test(text[1]!)) differences++;
    }
    expect(differences).toBe(0);
  });

  it('hasWord is the pattern on the slice, on tricky texts and random mixtures of quotes, dashes, spaces, letters and surrogates', () => {
    const reference = (text: string, start: number, end: number) => /[\p{L}\p{N}]/u.test(text.slice(start, end));
    const texts = ['“”', '“A”', '— 1', '\u2029\u00a0', '«é»', '\ud83d\ude00', '\ud835\udc00', '’s', '…', '', '\u0301', '“\u4e00”'];
    const alphabet = ['“', '”', '‘', '’', '«', '»', '–', '—', '•', '…', '\u00a0', '\u2029', '\u3000', ' ', '.', '"', 'a', 'Z', '7', 'é', 'ß', '\u0301', '\u00b2', '\ud83d', '\ude00', '\ud835\udc00', '\u0660', '©'];
    const random = createPrng(16);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = random.int(10);
      for (let k = 0; k < length; k++) text += random.pick(alphabet);
      texts.push(text);
    }
    let checked = 0;
    for (const text of texts) {
      for (let start = 0; start <= text.length; start++) {
        for (let end = start; end <= text.length; end++) {
          expect(hasWord(text, start, end), JSON.stringify([text, start, end])).toBe(reference(text, start, end));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30_000);
  });
});
