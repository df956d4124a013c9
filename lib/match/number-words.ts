/**
 * English number words and their values: one table for word normalisation ("three to six" meets "3-6"
 * and "three to 6") and for the quantities a sentence states ("within seventy-two hours").
 */

/** Zero to nineteen, each at its value's index. */
const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
/** The tens from twenty, each at its value's tenth (index 2 is twenty). */
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Every single number word, with its value (a Map: "constructor" must not be found on Object.prototype). */
const VALUES: ReadonlyMap<string, number> = new Map<string, number>([
  ...UNITS.map((word, value) => [word, value] as const),
  ...TENS.slice(2).map((word, k) => [word, (k + 2) * 10] as const),
  ['hundred', 100],
  ['thousand', 1000],
  ['dozen', 12],
]);

/** The value of one number word, lower case ("six" 6, "forty" 40, "dozen" 12); undefined for any other word. */
export function numberWordValue(word: string): number | undefined {
  return VALUES.get(word);
}

/**
 * A regular-expression source for a number up to ninety-nine written in words ("six", "seventeen",
 * "seventy-two", "seventy two"); no groups of its own.
 */
export const NUMBER_WORDS_SOURCE = `(?:(?:${TENS.slice(2).join('|')})(?:[-\\s](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.join('|')})`;

/** The value of a number up to ninety-nine in words, any case ("Seventy-two" 72, "six" 6); NaN when it is none. */
export function numberWordsValue(written: string): number {
  const words = written.toLowerCase().split(/[-\s]/);
  if (words.length > 2) return NaN;
  const [first, second] = words;
  const tensValue = TENS.indexOf(first!);
  if (tensValue >= 2) {
    if (second === undefined) return tensValue * 10;
    const unitValue = UNITS.indexOf(second);
    return unitValue >= 1 && unitValue <= 9 ? tensValue * 10 + unitValue : NaN;
  }
  const value = second === undefined ? UNITS.indexOf(first!) : -1;
  return value >= 0 ? value : NaN;
}
