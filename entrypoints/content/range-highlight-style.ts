import { PaletteStyleSheet, type QuietStep } from './guarded-style';
import { RANGE_HIGHLIGHT_NAMES } from '@/lib/highlight/range-highlights';
import { pageLooksDark } from './highlight-style';
import { KIND_LOOKS } from './highlight-palette';
import { CLAIM_KINDS } from '@/lib/claims/claim-enums';

/**
 * Styles for highlights painted with the CSS Custom Highlight API (lib/highlight/range-highlights.ts):
 * the same colours and line shapes as the marks (highlight-style.ts), as far as `::highlight()` can
 * draw them (colours and text decoration; no outline, so keyboard focus is a stronger wash and a
 * thicker line drawn over the focused highlight's ranges). `::highlight()` draws no images, so a claim
 * that no longer holds, striped under a mark, is drawn here with its kind's line and no wash.
 */
const names = RANGE_HIGHLIGHT_NAMES;

/** Each kind as its marks draw it (`KIND_LOOKS`), and its `-ended` look: the same line, no wash. */
const KINDS_CSS = `
${CLAIM_KINDS.map((kind) => {
  const { lineStyle, thickness, light } = KIND_LOOKS[kind];
  return `::highlight(${names[kind]}) { background-color: ${light.wash} !important; text-decoration: underline ${lineStyle} ${light.line} ${thickness}px !important; }\n`;
}).join('')}${CLAIM_KINDS.map((kind) => {
  const { lineStyle, thickness, light } = KIND_LOOKS[kind];
  return `::highlight(${names[`${kind}-ended`]}) { background-color: transparent !important; text-decoration: underline ${lineStyle} ${light.line} ${thickness}px !important; }\n`;
}).join('')}`;
/** The dark palette (highlight-style.ts): chosen by the page's background, not the system theme. */
const DARK_KINDS_CSS = `
${CLAIM_KINDS.map((kind) => `::highlight(${names[kind]}) { background-color: ${KIND_LOOKS[kind].dark.wash} !important; text-decoration-color: ${KIND_LOOKS[kind].dark.line} !important; }\n`).join('')}${CLAIM_KINDS.map(
  (kind) => `::highlight(${names[`${kind}-ended`]}) { text-decoration-color: ${KIND_LOOKS[kind].dark.line} !important; }\n`,
).join('')}`;
const STATES_CSS = `
::highlight(${names.dimmed}) { background-color: transparent !important; text-decoration: underline wavy #8a8a93 1px !important; }
::highlight(${names.focus}) { background-color: rgba(245, 158, 11, 0.45) !important; text-decoration: underline solid #b45309 3px !important; }
`;
const DARK_FOCUS_CSS = `
::highlight(${names.focus}) { text-decoration-color: #f59e0b !important; }
`;
export const RANGE_HIGHLIGHT_CSS = `${KINDS_CSS}${STATES_CSS}`;
export const RANGE_HIGHLIGHT_DARK_CSS = `${KINDS_CSS}${DARK_KINDS_CSS}${STATES_CSS}${DARK_FOCUS_CSS}`;

export const RANGE_HIGHLIGHT_STYLE_ID = 'pledge-lens-range-highlight-style';

/** Held by reference (guarded-style.ts), like the mark styles. */
const rangeHighlightStyle = new PaletteStyleSheet(RANGE_HIGHLIGHT_STYLE_ID, RANGE_HIGHLIGHT_CSS, RANGE_HIGHLIGHT_DARK_CSS);

/** Adds the range highlight styles to the document, or to an open shadow root holding range highlights, or puts them back (the page's palette: `installHighlightStyle`). */
export function installRangeHighlightStyle(doc: Document, container: Document | ShadowRoot = doc, step?: QuietStep, dark = pageLooksDark(doc)): HTMLStyleElement {
  return rangeHighlightStyle.install(doc, container, dark, step);
}

export function removeRangeHighlightStyle(doc: Document): void {
  rangeHighlightStyle.remove(doc);
}
