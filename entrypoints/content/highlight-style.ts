import { GuardedStyleSheet, type QuietStep } from './guarded-style';
import { MARK_CLASS } from '@/lib/highlight/paint-highlights';

/**
 * Highlight styles live in the page (the marks do), so they are written to win: high specificity
 * and !important, so page rules such as `mark { display: none }` or `* { all: unset }` cannot hide
 * them. The kinds differ by line shape (solid, dashed, dotted), not only by colour: a
 * `no-commitment` highlight (a refusal, a position that promises nothing) is a dotted grey line on
 * a faint grey wash, so it never passes for either kind of promise. Line colours keep at least 3:1
 * against the page (WCAG 1.4.11) and the washes are light enough that text keeps AA contrast. A
 * highlight the reader marked as a wrong match is dimmed: no wash, a thin wavy grey line.
 */
export const HIGHLIGHT_CSS = `
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
mark.${MARK_CLASS}.${MARK_CLASS}[data-claim-kind="binding-commitment"] {
  background: rgba(29, 78, 216, 0.16) !important;
  text-decoration-style: solid !important;
  text-decoration-color: #1d4ed8 !important;
}
mark.${MARK_CLASS}.${MARK_CLASS}[data-claim-kind="announced-target"] {
  background: rgba(217, 119, 6, 0.18) !important;
  text-decoration-style: dashed !important;
  text-decoration-color: #a15c00 !important;
}
mark.${MARK_CLASS}.${MARK_CLASS}[data-claim-kind="no-commitment"] {
  background: rgba(82, 82, 91, 0.1) !important;
  text-decoration-style: dotted !important;
  text-decoration-thickness: 3px !important;
  text-decoration-color: #52525b !important;
}
/* Marked by the reader as a wrong match: no wash, a thin wavy grey line, whatever the kind (one more
   class than the kinds' rules, so it wins in the dark scheme's rules too). Still a keyboard stop. */
mark.${MARK_CLASS}.${MARK_CLASS}.${MARK_CLASS}[data-dimmed] {
  background: transparent !important;
  text-decoration-style: wavy !important;
  text-decoration-thickness: 1px !important;
  text-decoration-color: #8a8a93 !important;
}
mark.${MARK_CLASS}.${MARK_CLASS}:focus-visible { outline: 3px solid #f59e0b !important; outline-offset: 1px !important; }
mark.${MARK_CLASS}.${MARK_CLASS}.pledge-lens-flash { outline: 3px solid #f59e0b !important; background: rgba(245, 158, 11, 0.45) !important; }
@media (prefers-color-scheme: dark) {
  mark.${MARK_CLASS}.${MARK_CLASS}[data-claim-kind="binding-commitment"] { background: rgba(147, 180, 255, 0.25) !important; text-decoration-color: #93b4ff !important; }
  mark.${MARK_CLASS}.${MARK_CLASS}[data-claim-kind="announced-target"] { background: rgba(245, 180, 84, 0.22) !important; text-decoration-color: #f5b454 !important; }
  mark.${MARK_CLASS}.${MARK_CLASS}[data-claim-kind="no-commitment"] { background: rgba(196, 196, 204, 0.16) !important; text-decoration-color: #c4c4cc !important; }
}
`;

export const HIGHLIGHT_STYLE_ID = 'pledge-lens-highlight-style';

/** Held by reference (guarded-style.ts): a page's own `<style id="pledge-lens-highlight-style">` changes nothing. */
const highlightStyle = new GuardedStyleSheet(HIGHLIGHT_STYLE_ID, HIGHLIGHT_CSS);

/** Adds the highlight styles to the document, or to an open shadow root holding marks, or puts them back. */
export function installHighlightStyle(doc: Document, container: Document | ShadowRoot = doc, step?: QuietStep): HTMLStyleElement {
  return highlightStyle.install(doc, container, step);
}

export function removeHighlightStyle(doc: Document): void {
  highlightStyle.remove(doc);
}
