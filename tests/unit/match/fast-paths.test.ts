/**
 * tokenize's fast paths (a hand-written ASCII word scan, one cache entry per distinct word, the curated
 * phrases as a tree) must give exactly the tokens of the plain implementation below (the tokenizer as
 * it was before them: the WORD pattern, per-word lookups, phrases found by joining words), on tricky
 * texts, on every fixture article and on random mixtures of the characters that decide words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCanonicalizer, type Canonicalizer } from '../../../lib/match/canonicalize';
import { normalizeWord } from '../../../lib/match/normalize-word';
import { hasWord, isSpace } from '../../../lib/match/segment-units';
import { capsOf, tokenize, type Token } from '../../../lib/match/tokenize';
import { createPrng } from '../../../scripts/bench/prng';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

function referenceTokenize(text: string, canonicalizer: Canonicalizer, from = 0, to = text.length): Token[] {
  const words: Array<{ start: number; end: number; normalized: string; capitalized: boolean; caps: number }> = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    const raw = match[0];
    const first = raw[0]!;
    words.push({ start: match.index, end: match.index + raw.length, normalized: normalizeWord(raw), capitalized: first !== first.toLowerCase(), caps: capsOf(raw) });
  }
  const tokens: Token[] = [];
  const { phrases, phraseStarts, maxPhraseWords } = canonicalizer;
  for (let i = 0; i < words.length; i++) {
    let consumed = 1;
    let term: string | undefined;
    let key: string | undefined;
    const longest = phraseStarts.has(words[i]!.normalized) ? Math.min(maxPhraseWords, words.length - i) : 0;
    for (let n = longest; n >= 2; n--) {
      let phrase = words[i]!.normalized;
      for (let k = 1; k < n; k++) phrase += ' ' + words[i + k]!.normalized;
      const target = phrases.get(phrase);
      if (target !== undefined) {
        term = canonicalizer.term(target);
        key = target;
        consumed = n;
        break;
      }
    }
    const word = words[i]!;
    if (term === undefined && word.normalized.endsWith("n't")) {
      tokens.push({ start: word.start, end: word.end, term: 'not', key: word.normalized, capitalized: word.capitalized, caps: word.caps });
      continue;
    }
    tokens.push({ start: word.start, end: words[i + consumed - 1]!.end, term: term ?? canonicalizer.term(word.normalized), key: key ?? word.normalized, capitalized: word.capitalized, caps: word.caps });
    i += consumed - 1;
  }
  return tokens;
}

const canonicalizer = defaultCanonicalizer();

const TRICKY = [
  'The lab will BY  NO\tmeans pause. In advance, ahead of time; by no means.',
  '“Anthropic’s” ﬁnance chief in Zürich said THREE things… U.S. a.i e.g. 3.5 v2.0.',
  'a nai\u0308ve promise, Cafe\u0301 and café, can’t won\'t don’t, companies’ rights',
  "x'y x'é x’é x.é x' x. x’ 'x ’x .x x'' x..y x'.y x—y x–y x…y «x» x\u00a0y x\u2029y x•y",
  'emoji 😀word word😀 𝐀𝐁 math 𝟏𝟐 and ΑΙ Ελλάδα Москва 東京 한국어 العربية',
  'ͺ ypogegrammeni xͺy \u037a \u1fbe and ㍱ ¼ ² x² ﬀ ﬃ ＡＩ',
  'Department of Defense, department  of\ndefense, Department-of-Defense; red-teaming, red teaming.',
  '',
  '...',
  'end with word',
  'A.B.C. Def. ghi. JKL! 1.5.2 $5 @ 10% * 2 + 3 = 11',
];

describe('tokenize fast paths', () => {
  it('give the plain implementation’s tokens on tricky texts', () => {
    for (const text of TRICKY) expect(tokenize(text, canonicalizer), text).toEqual(referenceTokenize(text, canonicalizer));
  });

  it('give the plain implementation’s tokens on a part of a text (from, to)', () => {
    const text = TRICKY.join('\u2029');
    for (const [from, to] of [[0, 10], [5, 60], [17, text.length], [text.length - 30, text.length - 3], [40, 41]] as const) {
      expect(tokenize(text, canonicalizer, from, to), `${from}-${to}`).toEqual(referenceTokenize(text, canonicalizer, from, to));
    }
  });

  it('give the plain implementation’s tokens on every fixture article', () => {
    const dirs = ['tests/fixtures/articles', 'tests/fixtures/independent/dev', 'tests/fixtures/independent/dev-2', 'tests/fixtures/independent/dev-3'];
    let files = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        if (!/\.(txt|html)$/.test(name)) continue;
        const text = readFileSync(join(dir, name), 'utf8');
        expect(tokenize(text, canonicalizer), name).toEqual(referenceTokenize(text, canonicalizer));
        files++;
      }
    }
    expect(files).toBeGreaterThan(50);
  });

  it('give the plain implementation’s tokens on random mixtures of word, joiner and other characters', () => {
    const pieces = ['a', 'Z', '7', "'", '’', '.', ' ', '\n', 'é', 'e\u0301', '\u0301', '—', '“', '”', '\u00a0', '\u2029', '😀', 'ͺ', 'by', 'no', 'means', 'of', 'Department', 'Defense', "can't", 'ahead', 'time', 'ﬁ', '-', ',', '東'];
    const random = createPrng(7);
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = random.between(1, 40);
      for (let k = 0; k < length; k++) text += pieces[random.int(pieces.length)]!;
      expect(tokenize(text, canonicalizer), JSON.stringify(text)).toEqual(referenceTokenize(text, canonicalizer));
    }
  });
});

describe('segment-units character helpers', () => {
  it('isSpace is the pattern \\s on every UTF-16 unit', () => {
    for (let code = 0; code < 0x10000; code++) expect(isSpace(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
  });

  it('hasWord is /[\\p{L}\\p{N}]/u on the slice', () => {
    const pieces = ['a', '7', ' ', '.', '—', 'é', '\u0301', '😀', '\ud835', '東', '\u2029', '-'];
    const random = createPrng(11);
    for (let round = 0; round < 3000; round++) {
      let text = '';
      for (let k = random.between(0, 12); k > 0; k--) text += pieces[random.int(pieces.length)]!;
      const start = random.int(text.length + 1);
      const end = start + random.int(text.length - start + 1);
      expect(hasWord(text, start, end), JSON.stringify([text, start, end])).toBe(/[\p{L}\p{N}]/u.test(text.slice(start, end)));
    }
  });
});
