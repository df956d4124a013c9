/**
 * Powers written with a caret in the claim data ("10^26 operations", "10^25 FLOP") as readers see them in
 * print: "10²⁶", "10²⁵". The data keeps the caret (plain ASCII, what the matcher and the claim files are
 * written in); the views and the Markdown export show the superscript (a new user's report 53: "10^26" on a
 * card read like a code dump).
 */

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A digit, a caret and one to three digits: a power, not a caret in prose ("^" alone is left as it is). */
const CARET_POWER = /(\d)\^(\d{1,3})(?!\d)/g;

/**
 * @param text any text (a statement, a rationale)
 * @returns `text` with each caret power ("10^26") written with superscript digits ("10²⁶"); same length or shorter, in UTF-16 units
 */
export function withSuperscriptPowers(text: string): string {
  return text.replace(CARET_POWER, (_, base: string, exponent: string) => base + [...exponent].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join(''));
}
