import { PaletteStyleSheet, type QuietStep } from './guarded-style';
import { CLAIM_KINDS } from '@/lib/claims/claim-enums';
import { FLASH_CLASS, MARK_CLASS } from '@/lib/highlight/paint-highlights';
import { KIND_LOOKS } from './highlight-palette';

type Shade = 'light' | 'dark';

/**
 * A claim that no longer holds (withdrawn, superseded, lapsed: `data-claim-ended`) keeps its kind's line
 * and colour, on a striped wash instead of a solid one: a shape, not only a colour, so it tells apart
 * from a claim in force without colour vision too. One more attribute than the kinds' rules, so it wins
 * over them; the states (dimmed, flash) weigh as much and come after it, so they win over it.
 */
function endedWashes(shade: Shade): string {
  return CLAIM_KINDS.map(
    (kind) =>
      `mark.${MARK_CLASS}.${MARK_CLASS}[data-claim-ended][data-claim-kind="${kind}"] { background: repeating-linear-gradient(135deg, ${KIND_LOOKS[kind][shade].stripe} 0 3px, transparent 3px 6px) !important; }\n`,
  ).join('');
}

/**
 * A highlight's first mark (its keyboard stop, `role="button"`) opens with a bar of its kind's line colour: where
 * one claim ends and the next begins shows when highlights sit back to back ("three announced targets in one
 * paragraph look like one amber block", the new-user trial of 6 Dec 2026). A shadow, so the page's text does not
 * move, cast outside the box into the space before it, so no letter is covered; on the first line's fragment
 * only, as an inline box's left edge is.
 */
function startEdges(shade: Shade): string {
  return CLAIM_KINDS.map((kind) => `mark.${MARK_CLASS}.${MARK_CLASS}[role="button"][data-claim-kind="${kind}"] { box-shadow: -2px 0 0 ${KIND_LOOKS[kind][shade].line} !important; }\n`).join('');
}

/** The kinds' rules in the light palette: wash, line shape and colour (the box's 2px line thickness unless the kind's differs). */
function lightKinds(): string {
  return CLAIM_KINDS.map((kind) => {
    const look = KIND_LOOKS[kind];
    const thickness = look.thickness === 2 ? '' : `  text-decoration-thickness: ${look.thickness}px !important;\n`;
    return `mark.${MARK_CLASS}.${MARK_CLASS}[data-claim-kind="${kind}"] {\n  background: ${look.light.wash} !important;\n  text-decoration-style: ${look.lineStyle} !important;\n${thickness}  text-decoration-color: ${look.light.line} !important;\n}\n`;
  }).join('');
}

/** The kinds' colours on a dark page (their shapes stay the light palette's). */
function darkKinds(): string {
  return CLAIM_KINDS.map((kind) => `mark.${MARK_CLASS}.${MARK_CLASS}[data-claim-kind="${kind}"] { background: ${KIND_LOOKS[kind].dark.wash} !important; text-decoration-color: ${KIND_LOOKS[kind].dark.line} !important; }\n`).join('');
}

/** The marks' box and the three kinds in the light palette. */
const BASE_CSS = `
mark.${MARK_CLASS}.${MARK_CLASS} {
  all: revert !important;
  display: inline !important;
  visibility: visible !important;
  opacity: 1 !important;
  color: inherit !important;
  font: inherit !important;
  cursor: help !important;
  border-radius: 2px !important;
  text-decoration-line: underline !important;
  text-decoration-thickness: 2px !important;
  text-underline-offset: 3px !important;
}
/* No words of a page's own drawn into our highlights: the accessible-highlight pattern
   "mark::before { content: ' [highlight start] ' }" (visually hidden) or a hostile "It is false that ".
   Three classes and !important: only a page rule that is !important and more specific still draws,
   and then the highlight opens no card (page-drawn-text.ts). */
mark.${MARK_CLASS}.${MARK_CLASS}.${MARK_CLASS}::before, mark.${MARK_CLASS}.${MARK_CLASS}.${MARK_CLASS}::after { content: none !important; }
${lightKinds()}${endedWashes('light')}${startEdges('light')}`;

/**
 * The kinds' colours on a dark page: lighter lines and washes that keep 3:1 against a dark background. Chosen by
 * the page's own background, not the reader's system theme: most news pages stay light whatever the system says,
 * and this palette on them measured 1.6-2.0:1 (the new-user trial, 6 Dec 2026).
 */
const DARK_KINDS_CSS = `
${darkKinds()}${endedWashes('dark')}${startEdges('dark')}`;

/** What overrides a kind's look whatever the palette: after the kinds, so it wins. */
const STATES_CSS = `
/* Marked by the reader as a wrong match: no wash, a thin wavy grey line, whatever the kind (one more
   class than the kinds' rules; as much as a claim's that no longer holds, and later). Still a keyboard stop. */
mark.${MARK_CLASS}.${MARK_CLASS}.${MARK_CLASS}[data-dimmed] {
  background: transparent !important;
  text-decoration-style: wavy !important;
  text-decoration-thickness: 1px !important;
  text-decoration-color: #8a8a93 !important;
  box-shadow: none !important;
}
mark.${MARK_CLASS}.${MARK_CLASS}:focus-visible { outline: 3px solid #f59e0b !important; outline-offset: 1px !important; }
mark.${MARK_CLASS}.${MARK_CLASS}.${MARK_CLASS}.${FLASH_CLASS} { outline: 3px solid #f59e0b !important; background: rgba(245, 158, 11, 0.45) !important; }
`;

/**
 * Highlight styles live in the page (the marks do), so they are written to win: high specificity
 * and !important, so page rules such as `mark { display: none }` or `* { all: unset }` cannot hide
 * them. The kinds differ by line shape (solid, dashed, dotted), not only by colour, and a claim that no
 * longer holds by its striped wash: a
 * `no-commitment` highlight (a refusal, a position that promises nothing) is a dotted grey line on
 * a faint grey wash, so it never passes for either kind of promise. Line colours keep at least 3:1
 * against the page (WCAG 1.4.11) and the washes are light enough that text keeps AA contrast. A
 * highlight the reader marked as a wrong match is dimmed: no wash, a thin wavy grey line.
 * `HIGHLIGHT_CSS` is for light pages, `HIGHLIGHT_DARK_CSS` for dark ones (`pageLooksDark`).
 */
export const HIGHLIGHT_CSS = `${BASE_CSS}${STATES_CSS}`;
export const HIGHLIGHT_DARK_CSS = `${BASE_CSS}${DARK_KINDS_CSS}${STATES_CSS}`;

export const HIGHLIGHT_STYLE_ID = 'pledge-lens-highlight-style';

/** Held by reference (guarded-style.ts): a page's own `<style id="pledge-lens-highlight-style">` changes nothing. */
const highlightStyle = new PaletteStyleSheet(HIGHLIGHT_STYLE_ID, HIGHLIGHT_CSS, HIGHLIGHT_DARK_CSS);

/** Relative luminance (WCAG) under which a page's background is dark. */
const DARK_LUMINANCE = 0.2;

/**
 * Whether the page draws its text on a dark background: the first of `<body>` and `<html>` with a mostly opaque
 * background colour decides; with neither, the canvas, which is dark only when the page allows a dark scheme and
 * the reader's system asks for one.
 */
export function pageLooksDark(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const channels = /rgba?\(([^)]+)\)/.exec(view.getComputedStyle(element).backgroundColor)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number);
    if (!channels || channels.length < 3 || (channels[3] ?? 1) < 0.5) continue;
    const [r, g, b] = channels.slice(0, 3).map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < DARK_LUMINANCE;
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  return /\bdark\b/.test(scheme) && view.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
}

/**
 * Adds the highlight styles to the document, or to an open shadow root holding marks, or puts them back: the dark
 * palette when the page is dark (`dark`: read once by a caller styling many roots; by default read now, so a site's
 * own theme switch takes effect at the next scan).
 */
export function installHighlightStyle(doc: Document, container: Document | ShadowRoot = doc, step?: QuietStep, dark = pageLooksDark(doc)): HTMLStyleElement {
  return highlightStyle.install(doc, container, dark, step);
}

export function removeHighlightStyle(doc: Document): void {
  highlightStyle.remove(doc);
}
