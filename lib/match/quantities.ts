/**
 * Quantities a sentence states: deadlines and periods ("within 72 hours", "every three to six months",
 * "a 15-day window"), sums of money ("$500 million", "€15 million") and percentages. Neighbouring
 * claims often differ only there (New York's 72 hours against California's 15 days), so a sentence
 * that gives a quantity one claim states and another never does is about the first. Calendar years are
 * not quantities here: a sentence dates events of many claims.
 */

import { NUMBER_WORDS_SOURCE, numberWordsValue } from './number-words';

/** A number as digits ("1,000", "2.5") or words. */
const NUMBER = `(?:\\d[\\d,]*(?:\\.\\d+)?|${NUMBER_WORDS_SOURCE})`;
/** A period's unit, singular or plural. */
const PERIOD = '(hour|day|week|month|year)s?';
/**
 * A number and a period, the number possibly a range ("three to six months", "3-6 months", "three or
 * six months") and joined by a hyphen when it qualifies a noun ("a 72-hour deadline"). Not time told
 * between events ("six months later", "three months after the pledges", "six months on"): that dates
 * the news, it is no term of a claim.
 */
const PERIOD_QUANTITY = new RegExp(`\\b(${NUMBER})(?:\\s*(?:-|–|to|or)\\s*(${NUMBER}))?[\\s-]+${PERIOD}\\b(?!\\s+(?:later|on|after|ago|earlier|before|since|into|old|running)\\b)`, 'gi');
/** A sum of money: a currency sign or code before the number, a scale word after it ("$1 million", "€ 15m", "KRW 30 million"). */
const MONEY_QUANTITY = /(?:[$€£¥₩]|\b(?:USD|EUR|GBP|KRW|US\$)\s?)\s?(\d[\d,]*(?:\.\d+)?)\s*(million|billion|m|bn)?\b/gi;
/** A sum with its currency after it ("15 million euros", "30 million won"). */
const MONEY_NAMED_AFTER = /\b(\d[\d,]*(?:\.\d+)?)\s*(million|billion)?\s+(?:dollars|euros|pounds|won|yuan)\b/gi;
/** A percentage ("7%", "3 percent", "seven per cent"). */
const PERCENT_QUANTITY = new RegExp(`\\b(${NUMBER})\\s*(?:%|per\\s?cent\\b)`, 'gi');

/**
 * What every quantity above has: a currency or percent sign, a word (a period, a scale, a currency's
 * name or code, "per cent") or a scale's letters after a digit. Three patterns, not one alternation of
 * all of them: the signs and the digit's scale are one-character starts, which kept the engine from
 * skipping ahead through a sentence on the words' letters (the one pattern cost twice the three).
 */
const QUANTITY_SIGN = /[$€£¥₩%]/;
const QUANTITY_WORD = /hour|day|week|month|year|per\s?cent|million|billion|dollar|euro|pound|won\b|yuan|USD|EUR|GBP|KRW/i;
const DIGIT_SCALE = /\d\s*(?:m|bn)\b/i;

const SCALES: Readonly<Record<string, number>> = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9 };

/** The value of a number written in digits or words ("72", "1,000", "seventy-two"); NaN when it is neither. */
function numberValue(written: string): number {
  if (/^\d/.test(written)) return Number(written.replace(/,/g, ''));
  return numberWordsValue(written);
}

/**
 * The quantities `text` states, as keys comparable across texts: "72 hour", "6 month", "money 1000000",
 * "percent 7" (a range gives both ends; a unit in the plural is keyed in the singular). Sorted, unique.
 * Linear in the text (three global patterns, each a single pass).
 */
export function quantitiesIn(text: string): string[] {
  // Most sentences state no quantity: a cheap look for a unit, a currency or a percent sign first.
  if (!QUANTITY_SIGN.test(text) && !QUANTITY_WORD.test(text) && !DIGIT_SCALE.test(text)) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(PERIOD_QUANTITY)) {
    const unit = match[3]!.toLowerCase();
    for (const written of [match[1], match[2]]) {
      const value = written === undefined ? NaN : numberValue(written);
      if (Number.isFinite(value) && value >= 0) found.add(`${value} ${unit}`);
    }
  }
  for (const match of [...text.matchAll(MONEY_QUANTITY), ...text.matchAll(MONEY_NAMED_AFTER)]) {
    const value = Number(match[1]!.replace(/,/g, '')) * (SCALES[(match[2] ?? '').toLowerCase()] ?? 1);
    if (Number.isFinite(value)) found.add(`money ${value}`);
  }
  for (const match of text.matchAll(PERCENT_QUANTITY)) {
    const value = numberValue(match[1]!);
    if (Number.isFinite(value)) found.add(`percent ${value}`);
  }
  return [...found].sort();
}

/**
 * Whether a unit's quantities tie it to another claim rather than this one: it states at least one
 * quantity some claim of the set states (`known`), and none of `own` (the quantities this claim, or
 * its siblings, state). A unit with no quantity, or only quantities no claim states, says nothing
 * either way.
 */
export function quantitiesBelongElsewhere(unit: readonly string[], own: ReadonlySet<string>, known: ReadonlySet<string>): boolean {
  let elsewhere = false;
  for (const quantity of unit) {
    if (own.has(quantity)) return false;
    if (known.has(quantity)) elsewhere = true;
  }
  return elsewhere;
}
