/**
 * The sentence fast path (`quickSentenceStarts`, segment-units.ts) must find exactly the boundaries
 * Intl.Segmenter finds, or decline: the matcher's units, and so every highlight, depend on them.
 */
import { describe, expect, it } from 'vitest';
import { quickSentenceStarts, segmentUnits } from '../../../lib/match/segment-units';
import { createPrng } from '../../../scripts/bench/prng';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Intl.Segmenter's sentence starts of text[from, to), newlines read as spaces (as segment-units does). */
function segmenterStarts(text: string, from = 0, to = text.length): number[] {
  return Array.from(segmenter.segment(text.slice(from, to).replace(/\n/g, ' ')), (part) => from + part.index);
}

const TRICKY = [
  'The U.S. government said so. Officials agreed.',
  'Dr. Smith met Mr. Jones at 3 p.m. today. Then they left.',
  'Revenue grew 3.5 percent. It was 2.0 last year.',
  'Wait... what? No! Really?! Yes.',
  'He said, "We will pause." Then he left.',
  '“We will pause.” The firm said it twice.',
  'It ended (finally). Then it began [again]. {Braces} too.',
  'The vote: 12-3. Next: the law; then the code.',
  'A sentence — with dashes – ends. Another one.',
  'Lower case after a stop. xAI’s framework says so. e.g. this.',
  'Numbers 1.5.2 and v2.0. 3 items left.',
  'Tabs\tand\u00a0no-break spaces. End.',
  'One line\nanother line. Next\nline.',
  "It's Anthropic's. 'Quoted.' Done.",
  'A.B.C. Def. ghi. JKL!',
  '#hash & $5 @ 10% * 2 + 3 = 11. <tag> ok/no | ~ ^ _ ` \\ end.',
];

describe('quickSentenceStarts', () => {
  it('finds the segmenter’s boundaries in abbreviations, decimals, ellipses, quotes and brackets', () => {
    for (const text of TRICKY) {
      const quick = quickSentenceStarts(text, 0, text.length);
      expect(quick, text).toBeDefined();
      expect(quick, text).toEqual(segmenterStarts(text));
    }
  });

  it('gives offsets into the whole text for a stretch of it', () => {
    const text = `Intro here. ${TRICKY.join(' ')}`;
    const from = 'Intro here. '.length;
    expect(quickSentenceStarts(text, from, text.length)).toEqual(segmenterStarts(text, from, text.length));
  });

  it('declines text with characters it does not know: CJK, emoji, combining marks, letters outside Latin-1', () => {
    for (const text of ['政策が変わった。次の文。', 'Ship it 🚀. Next.', 'Cafe\u0301 policy. Next.', 'Ελλάδα. Next.', 'Ende。 Weiter.', 'soft\u00adhyphen. Next.']) {
      expect(quickSentenceStarts(text, 0, text.length), text).toBeUndefined();
    }
  });

  it('finds the segmenter’s boundaries around Latin-1 letters and symbols, the ellipsis and the bullet', () => {
    for (const text of ['Café policy. Next.', 'Wait… Next.', 'Wait…. next one.', 'Über. Ähnlich. é. É.', 'Preis 5 €. Danach.', '« Oui. » Non.', 'A • B. © 2025 Acme. Inc.', 'µg. ºC. ª. ß.', 'x × y. z ÷ w.', 'Eh¿ Sí¡ No.', 'Thin\u2009space. Narrow\u202fno-break. End™. 5′ 3″. Next.']) {
      const quick = quickSentenceStarts(text, 0, text.length);
      expect(quick, text).toBeDefined();
      expect(quick, text).toEqual(segmenterStarts(text));
    }
  });

  it('agrees with the segmenter on random strings of every character it knows (seeded)', () => {
    const chars: string[] = [];
    for (let code = 0x20; code < 0x7f; code++) chars.push(String.fromCharCode(code));
    chars.push('\t', '\n', '\u00a0', '‘', '’', '“', '”', '–', '—', '…', '•', '€', '™', '′', '″', '\u2009', '\u202f');
    for (let code = 0xa1; code <= 0xff; code++) if (code !== 0xad) chars.push(String.fromCharCode(code));
    // Sentence punctuation, closing quotes, spaces and letters of both cases more often: the rules are about them.
    const pool = [...chars, ...'..  !?"\')aAbB1 . '.split(''), 'U.S.', 'Dr.', '3.5', '...', ' e.g. '];
    const random = createPrng(20261130);
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const length = 1 + random.int(30);
      for (let k = 0; k < length; k++) text += pool[random.int(pool.length)];
      expect(quickSentenceStarts(text, 0, text.length), JSON.stringify(text)).toEqual(segmenterStarts(text));
    }
  });
});

describe('segmentUnits with the fast path', () => {
  it('cuts a long block of tricky sentences where Intl.Segmenter cuts it whole', () => {
    // Longer than one segmenter chunk (2,500 characters), so the chunking is crossed many times.
    const text = Array.from({ length: 40 }, (_, i) => TRICKY[i % TRICKY.length]!.replace(/\n/g, ' ')).join(' ');
    const starts = segmenterStarts(text).map((start) => {
      let at = start;
      while (/\s/.test(text[at]!)) at++;
      return at;
    });
    const unitStarts = new Set(segmentUnits(text).map((unit) => unit.start));
    // Every sentence the segmenter finds starts a unit (units are also cut at semicolons and after "e.g." before a lower-case name),
    // except a name after a title ("Dr. Smith met Mr. Jones"), which segment-units keeps in its sentence.
    const afterTitle = (start: number) => /\b(?:Dr|Mr)\.\s+$/.test(text.slice(0, start));
    const kept = starts.filter((start) => !afterTitle(start));
    expect(kept.length).toBeLessThan(starts.length);
    for (const start of kept) expect(unitStarts.has(start), text.slice(start, start + 30)).toBe(true);
    for (const start of starts.filter(afterTitle)) expect(unitStarts.has(start), text.slice(start - 4, start + 30)).toBe(false);
  });
});
