import { describe, expect, it } from 'vitest';
import { NUMBER_WORDS_SOURCE, numberWordsValue, numberWordValue } from '../../../lib/match/number-words';
import { normalizeWord } from '../../../lib/match/normalize-word';
import { quantitiesIn } from '../../../lib/match/quantities';

describe('number words: one table for normalisation and quantities', () => {
  it('gives single words their values, and nothing for other words', () => {
    expect([numberWordValue('six'), numberWordValue('sixteen'), numberWordValue('ninety'), numberWordValue('dozen'), numberWordValue('thousand')]).toEqual([6, 16, 90, 12, 1000]);
    expect(numberWordValue('constructor')).toBeUndefined();
    expect(numberWordValue('sixth')).toBeUndefined();
  });

  it('reads compound words up to ninety-nine, any case, and NaN for anything else', () => {
    expect([numberWordsValue('Seventy-two'), numberWordsValue('seventy two'), numberWordsValue('thirty'), numberWordsValue('fifteen')]).toEqual([72, 72, 30, 15]);
    for (const other of ['many', 'twenty-foo', 'six seven', '']) expect(numberWordsValue(other), other).toBeNaN();
    expect(new RegExp(`^${NUMBER_WORDS_SOURCE}$`, 'i').test('Seventy-two')).toBe(true);
  });

  it('makes a word and its digits the same term, and a spelled-out period the same quantity', () => {
    expect(normalizeWord('Sixteen')).toBe('16');
    expect(normalizeWord('sixty')).toBe('60');
    expect(quantitiesIn('within seventy-two hours')).toEqual(quantitiesIn('within 72 hours'));
    expect(quantitiesIn('every three to six months')).toEqual(['3 month', '6 month']);
  });
});
