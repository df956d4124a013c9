import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteHeightMessage, noteHeightOf } from '@/components/note-frame-size';

describe('note frame size messages', () => {
  it('carries a height in whole pixels, rounded up so nothing is cut off', () => {
    expect(noteHeightMessage(130.2)).toBe('pledge-lens-note-height:131');
    expect(noteHeightOf(noteHeightMessage(130.2))).toBe(131);
  });

  it('reads nothing from other messages or heights no note editor has', () => {
    for (const data of [undefined, null, 130, { height: 130 }, 'hello', 'pledge-lens-note-height:', 'pledge-lens-note-height:abc', 'pledge-lens-note-height:12.5', 'pledge-lens-note-height:10', 'pledge-lens-note-height:5000']) {
      expect(noteHeightOf(data), String(data)).toBeUndefined();
    }
  });
});

/**
 * The note frame is never a keyboard stop of its own: a document that can scroll is a scroll container,
 * which browsers may put in the Tab order (a new user's Tab landed on the frame's body, an invisible
 * stop, before the note's first control). So the editor's page never scrolls, and the frame gives it
 * the whole height it reports: the frame is border-box, so its top border is added to that height
 * (it took a pixel from it, and the page could scroll by that pixel). Its focus rings have room inside
 * the frame, where they were cut off at its edge. Read from the stylesheets: a layout engine is not here.
 */
describe('the note frame and its page', () => {
  const ROOT = resolve(__dirname, '../../..');
  const cardCss = readFileSync(resolve(ROOT, 'entrypoints/content/card.css'), 'utf8');
  const editorCss = readFileSync(resolve(ROOT, 'entrypoints/note-editor/note-editor.css'), 'utf8');
  /** The declarations of the first rule whose selector is exactly `selector`, comments left out. */
  const rule = (css: string, selector: string): string => {
    const bare = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const match = new RegExp(`(?:^|[}\\s])${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{([^}]*)\\}`).exec(bare);
    if (!match) throw new Error(`no rule for ${selector}`);
    return match[1]!;
  };
  const px = (declarations: string, property: string): number => Number(new RegExp(`(?:^|[;\\s])${property}:\\s*([\\d.]+)px`).exec(declarations)?.[1] ?? NaN);

  it("the editor's page never scrolls", () => {
    expect(rule(editorCss, 'html')).toMatch(/overflow:\s*hidden/);
  });

  it('the frame adds its top border to the height the editor reports', () => {
    const frame = rule(cardCss, '.note-frame');
    const border = Number(/border-top:\s*([\d.]+)px/.exec(frame)?.[1]);
    expect(border).toBeGreaterThan(0);
    expect(frame).toMatch(new RegExp(`height:\\s*calc\\(var\\(--pl-note-height\\)\\s*\\+\\s*${border}px\\)`));
    expect(rule(cardCss, '.card *, .card *::before, .card *::after')).toMatch(/box-sizing:\s*border-box/);
  });

  it("a control's focus ring fits inside the frame beside the control", () => {
    const ring = rule(editorCss, ':focus-visible');
    const reach = px(ring, 'outline-offset') + Number(/outline:\s*([\d.]+)px/.exec(ring)?.[1]);
    const side = Number(/padding:\s*[\d.]+px\s+([\d.]+)px/.exec(rule(editorCss, 'body'))?.[1]);
    expect(side).toBeGreaterThanOrEqual(reach);
  });
});
