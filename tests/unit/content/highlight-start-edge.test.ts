/**
 * Highlights back to back (three announced targets in one paragraph) read as one block unless each shows where it
 * starts: a highlight's first mark, its keyboard stop, opens with a bar of its kind's line colour, in both palettes,
 * drawn as a shadow so the page's text does not move; a dimmed wrong match has none.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_KINDS } from '@/lib/claims/schema';
import { HIGHLIGHT_CSS, HIGHLIGHT_DARK_CSS } from '@/entrypoints/content/highlight-style';

/** The value `property` takes in the last rule of `css` whose selector ends with `selectorEnd` (later rules win at equal weight). */
function lastValue(css: string, selectorEnd: string, property: string): string | undefined {
  let found: string | undefined;
  for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (!selector!.trim().endsWith(selectorEnd)) continue;
    const value = new RegExp(`(?:^|;)\\s*${property}:\\s*([^;!]+)`).exec(body!)?.[1]?.trim();
    if (value !== undefined) found = value;
  }
  return found;
}

describe("a highlight's start", () => {
  it.each([
    ['light', HIGHLIGHT_CSS],
    ['dark', HIGHLIGHT_DARK_CSS],
  ])('opens with a bar of its kind\'s line colour on a %s page', (_, css) => {
    for (const kind of CLAIM_KINDS) {
      const line = lastValue(css, `[data-claim-kind="${kind}"]`, 'text-decoration-color');
      expect(line, kind).toMatch(/^#[0-9a-f]{6}$/);
      // Only the keyboard stop (the first mark) has it: the marks inline markup splits a highlight into do not.
      expect(lastValue(css, `[role="button"][data-claim-kind="${kind}"]`, 'box-shadow'), kind).toBe(`-2px 0 0 ${line}`);
    }
  });

  it('is a shadow, not a border or padding, and a wrong match the reader dimmed has none', () => {
    for (const css of [HIGHLIGHT_CSS, HIGHLIGHT_DARK_CSS]) {
      expect(css).not.toMatch(/border-(left|inline-start)|padding/);
      expect(lastValue(css, '[data-dimmed]', 'box-shadow')).toBe('none');
    }
  });
});
