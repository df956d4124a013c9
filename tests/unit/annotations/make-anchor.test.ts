import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../../../lib/annotations/make-anchor';

const text = 'The board said the company would publish its evaluation results every six months from now on.';

describe('makeAnchor', () => {
  it('returns exact text, 32 characters of context either side, and the offsets', () => {
    const start = text.indexOf('publish');
    const end = text.indexOf(' every');
    const anchor = makeAnchor(text, start, end);
    expect(anchor).toEqual({
      exact: 'publish its evaluation results',
      prefix: text.slice(start - 32, start),
      suffix: text.slice(end, end + 32),
      start,
      end,
    });
    expect(anchor.prefix).toHaveLength(32);
    expect(anchor.prefix + anchor.exact + anchor.suffix).toBe(text.slice(start - 32, end + 32));
  });

  it('shortens the context at the edges of the text', () => {
    const anchor = makeAnchor(text, 0, 3);
    expect(anchor.prefix).toBe('');
    expect(anchor.exact).toBe('The');
    const last = makeAnchor(text, text.length - 4, text.length);
    expect(last.suffix).toBe('');
    expect(last.exact).toBe(' on.');
  });

  it('honours a custom context length', () => {
    const anchor = makeAnchor(text, 4, 9, 4);
    expect(anchor).toMatchObject({ prefix: 'The ', exact: 'board', suffix: ' sai' });
  });

  it('never splits an emoji in the context', () => {
    const emojiText = 'x🙂abc TARGET def🙂y';
    const start = emojiText.indexOf('TARGET');
    // context 5 would start inside the first emoji (a surrogate pair) and end inside the second.
    const anchor = makeAnchor(emojiText, start, start + 6, 5);
    expect(anchor.prefix).toBe('abc ');
    expect(anchor.suffix).toBe(' def');
    expect(makeAnchor(emojiText, start, start + 6, 6)).toMatchObject({ prefix: '🙂abc ', suffix: ' def🙂' });
  });

  it('rejects ranges that do not select text', () => {
    expect(() => makeAnchor(text, 5, 5)).toThrow(RangeError);
    expect(() => makeAnchor(text, 6, 5)).toThrow(RangeError);
    expect(() => makeAnchor(text, -1, 5)).toThrow(RangeError);
    expect(() => makeAnchor(text, 0, text.length + 1)).toThrow(RangeError);
    expect(() => makeAnchor(text, 0.5, 5)).toThrow(RangeError);
    expect(() => makeAnchor(text, 0, 5, -1)).toThrow(RangeError);
  });
});
