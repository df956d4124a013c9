import { describe, expect, it } from 'vitest';
import { normalizeWord } from '../../../lib/match/normalize-word';

describe('normalizeWord', () => {
  it('lower-cases', () => {
    expect(normalizeWord('Anthropic')).toBe('anthropic');
    expect(normalizeWord('RSP')).toBe('rsp');
  });

  it('applies NFKC: ligatures, full-width letters and superscripts fold to plain characters', () => {
    expect(normalizeWord('\uFB01nance')).toBe('finance'); // "ﬁ" ligature
    expect(normalizeWord('\uFF21\uFF29')).toBe('ai'); // full-width "ＡＩ"
    expect(normalizeWord('x\u00B2')).toBe('x2');
  });

  it('drops accents, whether the input is composed or decomposed', () => {
    expect(normalizeWord('Café')).toBe('cafe');
    expect(normalizeWord('Cafe\u0301')).toBe('cafe');
    expect(normalizeWord('Zürich')).toBe('zurich');
  });

  it('folds curly and other apostrophes and strips possessives', () => {
    expect(normalizeWord('Anthropic’s')).toBe('anthropic');
    expect(normalizeWord("Anthropic's")).toBe('anthropic');
    expect(normalizeWord('Anthropicʼs')).toBe('anthropic');
    expect(normalizeWord('companies’')).toBe('companies');
    expect(normalizeWord('can’t')).toBe("can't");
  });

  it('turns number words into digits', () => {
    expect(normalizeWord('three')).toBe('3');
    expect(normalizeWord('Six')).toBe('6');
    expect(normalizeWord('twelve')).toBe('12');
    expect(normalizeWord('dozen')).toBe('12');
    expect(normalizeWord('hundred')).toBe('100');
  });

  it('leaves ordinary words and digits alone', () => {
    expect(normalizeWord('policy')).toBe('policy');
    expect(normalizeWord('2026')).toBe('2026');
    expect(normalizeWord('threefold')).toBe('threefold');
  });

  it('keeps words that name Object.prototype members as words', () => {
    expect(normalizeWord('constructor')).toBe('constructor');
    expect(normalizeWord('Constructor')).toBe('constructor');
  });
});
