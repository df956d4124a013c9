/**
 * A quote as the reader saw it on the page. Extraction flattens `<sup>` and `<sub>` ("10<sup>26</sup>"
 * is "1026" in the page's text, and in the DOM's), which anchoring needs (a TextQuoteSelector quotes the
 * page's own text) and a reader quoting the export must not get: "more than 1026 operations" misstates
 * California's threshold by twenty-three orders of magnitude. The mention keeps the anchor's text for
 * anchoring and this for people (`Anchor.readableExact`); the exports write it where a person reads.
 */
import type { ScriptRange } from '../text/script-ranges';
import type { Mention } from './schema';

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPT: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
};

/**
 * text[start, end) with each superscript or subscript run in it (`scripts`, offsets into `text`) written
 * in Unicode's superscript or subscript characters ("10²⁶", "CO₂"), one UTF-16 unit for one, so offsets
 * keep. A run with a character Unicode has no such form for ("1<sup>st</sup>", a "[12]" footnote marker)
 * stays as it is, whole: half a run raised would read worse than none. Undefined when nothing changes.
 */
export function readableText(text: string, start: number, end: number, scripts: readonly ScriptRange[]): string | undefined {
  let out: string[] | undefined;
  for (const [runStart, runEnd, position] of scripts) {
    if (runEnd <= start || runStart >= end) continue;
    const table = position === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
    const run = text.slice(runStart, runEnd);
    if (![...run].every((char) => Object.hasOwn(table, char))) continue;
    // UTF-16 units, as the offsets count: a quote with an emoji before the run would shift by one if spread by code points.
    out ??= text.slice(start, end).split('');
    for (let at = Math.max(start, runStart); at < Math.min(end, runEnd); at++) out[at - start] = table[text[at]!]!;
  }
  const readable = out?.join('');
  return readable === undefined || readable === text.slice(start, end) ? undefined : readable;
}

/** The mention's quote as a person reads it: `readableExact` when the page raised or lowered part of it, else the anchor's text. */
export function readableQuote(mention: Pick<Mention, 'anchor'>): string {
  return mention.anchor.readableExact ?? mention.anchor.exact;
}
