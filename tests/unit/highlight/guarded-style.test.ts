// @vitest-environment happy-dom
/**
 * Issue 14: a page must not be able to stop our highlight styles by making a `<style>` with our id,
 * or keep them away by removing or emptying ours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_CSS, HIGHLIGHT_DARK_CSS, HIGHLIGHT_STYLE_ID, installHighlightStyle, pageLooksDark, removeHighlightStyle } from '@/entrypoints/content/highlight-style';

const settle = (ms = 200): Promise<void> => new Promise((resume) => setTimeout(resume, ms));

afterEach(() => {
  removeHighlightStyle(document);
  document.head.innerHTML = '';
});

describe('guarded highlight style', () => {
  it('is installed even when the page already made a <style> with our id', () => {
    const forged = document.createElement('style');
    forged.id = HIGHLIGHT_STYLE_ID;
    forged.textContent = '/* the page */';
    document.head.append(forged);

    const ours = installHighlightStyle(document);

    expect(ours).not.toBe(forged);
    expect(ours.isConnected).toBe(true);
    expect(ours.textContent).toBe(HIGHLIGHT_CSS);
  });

  it('is put back, with its text, after the page removes or empties it', async () => {
    const ours = installHighlightStyle(document);
    ours.remove();
    await settle();
    expect(ours.isConnected).toBe(true);

    ours.textContent = '';
    ours.setAttribute('media', 'print');
    await settle();
    expect(ours.textContent).toBe(HIGHLIGHT_CSS);
    expect(ours.hasAttribute('media')).toBe(false);
  });

  it('removes only our element, never the page’s namesake', () => {
    const forged = document.createElement('style');
    forged.id = HIGHLIGHT_STYLE_ID;
    document.head.append(forged);
    const ours = installHighlightStyle(document);

    removeHighlightStyle(document);

    expect(ours.isConnected).toBe(false);
    expect(forged.isConnected).toBe(true);
  });
});

describe('the highlight palette follows the page, not the system theme (`pageLooksDark`)', () => {
  afterEach(() => {
    removeHighlightStyle(document);
    document.body.removeAttribute('style');
    document.documentElement.removeAttribute('style');
  });

  it('is the light one on a white page and the dark one on a near-black page; switching the page switches it at the next install', () => {
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(pageLooksDark(document)).toBe(false);
    expect(installHighlightStyle(document).textContent).toBe(HIGHLIGHT_CSS);
    document.body.style.backgroundColor = 'rgb(18, 18, 20)';
    expect(pageLooksDark(document)).toBe(true);
    const dark = installHighlightStyle(document);
    expect(dark.textContent).toBe(HIGHLIGHT_DARK_CSS);
    // One palette at a time.
    expect(document.querySelectorAll(`style#${HIGHLIGHT_STYLE_ID}`)).toHaveLength(1);
  });

  it('reads past a transparent body to the root\'s background', () => {
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    document.documentElement.style.backgroundColor = 'rgb(10, 12, 16)';
    expect(pageLooksDark(document)).toBe(true);
  });
});
