/**
 * Page text as the export files write it: the quote and its context with the page's block
 * boundaries written as the reader sees them, not as the content script marks them.
 */
import { BLOCK_SEPARATOR, CELL_SEPARATOR } from '../text/extract-text';

/** A block or cell boundary with the whitespace around it (the page's own line breaks and indentation between blocks). */
const BLOCK_BOUNDARY = new RegExp(`\\s*[${BLOCK_SEPARATOR}${CELL_SEPARATOR}]\\s*`, 'g');
/** Whether a text holds a boundary at all (most quotes do not: no replace for them). */
const HAS_BOUNDARY = new RegExp(`[${BLOCK_SEPARATOR}${CELL_SEPARATOR}]`);

/**
 * `text` (a quote, prefix or suffix cut from the page's extracted text) with every run of whitespace
 * that holds a block boundary (U+2029, which the content script puts between paragraphs, headings
 * and list items, or U+2028, between the cells of a table row) written as one line feed "\n".
 *
 * Why a line feed: the Web Annotation model says a TextQuoteSelector's prefix and suffix are the text
 * immediately before and after the quote in the document's text, normalised (tags removed, needless
 * whitespace normalised). U+2029 is not in any page; the reader sees a line break there, and the
 * document's own text (`textContent`) has the source's line break between blocks written on their own
 * lines, so one "\n" is what both a person and an anchoring client find. A space would run a heading
 * into the next paragraph; keeping the whole run ("\u2029\n    \u2029") would put the source's
 * indentation into spreadsheet cells. Other whitespace is the page's own and stays as it is.
 *
 * Mention ids do not change: `mentionId` reads any whitespace run, U+2029 included, as one space, so
 * a file written this way imports into the records it came from. Idempotent: the result holds no
 * U+2029 or U+2028, so writing an imported record again gives the same text.
 */
export function exportedText(text: string): string {
  return HAS_BOUNDARY.test(text) ? text.replace(BLOCK_BOUNDARY, '\n') : text;
}

/**
 * The bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), as a character-class body.
 * A page title's U+202E turns round everything after it on its line: "Report \u202Egnp.exe" shows as
 * "Report exe.png", and in a CSV row opened as text the reader's own note after it reads backwards.
 * Right-to-left text reads right to left without them (the marks U+200E/U+200F are not among them).
 */
export const BIDI_CONTROL_CLASS = '\\u202A-\\u202E\\u2066-\\u2069';
const BIDI_CONTROLS = new RegExp(`[${BIDI_CONTROL_CLASS}]`, 'g');

/** `text` without bidi controls: for files whose readers draw text as it comes (spreadsheets, text editors). */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Whitespace, control characters (C0 and C1: line breaks and tabs among them) and bidi controls, a run of
 * them: a bidi control between two words ("Safe\u202Etitle") stands where the reader sees a break.
 */
const BREAKS_AND_SPACE = new RegExp(`[\\s\\u0000-\\u001F\\u007F-\\u009F${BIDI_CONTROL_CLASS}]+`, 'g');
/**
 * The zero-width space and the byte-order mark: they show as nothing and only split or hide a word's letters.
 * The zero-width joiner and non-joiner stay: Persian words and emoji sequences need them.
 */
const ZERO_WIDTH = /[\u200B\uFEFF]/g;

/**
 * `text` on one line, as a name, title or quotation pasted into a paragraph or a bibliography: no
 * zero-width space or byte-order mark, and each run of whitespace, control characters or bidi controls
 * (`BIDI_CONTROL_CLASS`) as one space; trimmed. Idempotent.
 */
export function oneLine(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(BREAKS_AND_SPACE, ' ').trim();
}

/**
 * Serialised JSON with each bidi control written as its `\\uXXXX` escape: the same data once parsed
 * (an import reads back the page's text exactly), but a viewer of the file sees no reordered line.
 * Valid because these characters can only stand inside JSON strings.
 */
export function escapeBidiControls(json: string): string {
  return json.replace(BIDI_CONTROLS, (control) => `\\u${control.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
