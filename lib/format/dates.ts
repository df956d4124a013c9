/**
 * The one way a day is written for a reader: the card, the popup, the options page and the
 * reader-facing text of the Markdown export and Copy citation all call formatDay, so the same claim
 * shows the same date everywhere in one browser (a new user saw "Feb 24, 2026" on the card and
 * "24 Feb 2026" in the popup). Machine files (CSV, JSON-LD) keep ISO dates and do not come here.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Intl formats made once per language and shape (a history page formats a date per row). */
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A UTC day (`utcMs`) in a language other than English, by Intl in the given shape (with or without the day of the
 * month), or undefined for English (which writes its own, the same in every browser) and for a tag Intl refuses
 * (the caller then writes English).
 */
function intlDate(language: string, withDay: boolean, utcMs: number): string | undefined {
  if (language.split('-')[0]!.toLowerCase() === 'en') return undefined;
  const key = `${language}|${withDay ? 'day' : 'month'}`;
  try {
    let format = formats.get(key);
    if (!format) formats.set(key, (format = new Intl.DateTimeFormat(language, { ...(withDay && { day: 'numeric' }), month: 'short', year: 'numeric', timeZone: 'UTC' })));
    return format.format(utcMs);
  } catch {
    // RangeError for a malformed tag: the reader still gets a date, in English.
    return undefined;
  }
}

/** `YYYY-MM-DD` as [year, month 1-12, day 1-31], or undefined for anything else. */
function parseDay(isoDate: string): [number, number, number] | undefined {
  const found = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!found) return undefined;
  const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? [year, month, day] : undefined;
}

/**
 * A calendar day ("2026-02-24") as a reader of `language` writes it, the month as a word so that
 * 02/03 is never misread:
 * - English (`en`, any region): "24 Feb 2026", the same in every browser and in the export files
 *   (Intl's English differs by region, "Feb 24, 2026", and by ICU version, "Sept"/"Sep");
 * - any other language: Intl's short form for it, "24. Feb. 2026" in `de`.
 * `language` is a BCP 47 tag, normally the catalogue's (`Translator.locale`); a tag Intl refuses
 * gives the English form. Claim dates are days, not instants: they are written as UTC days, so no
 * time zone moves them to the day before. Input that is not a real `YYYY-MM-DD` comes back as given.
 */
export function formatDay(isoDate: string, language = 'en'): string {
  const parts = parseDay(isoDate);
  if (!parts) return isoDate;
  const [year, month, day] = parts;
  return intlDate(language, true, Date.UTC(year, month - 1, day)) ?? `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * A date as precise as its source: a day ("2026-02-24") as `formatDay` writes it, a month ("2026-02") as
 * "Feb 2026" (Intl's short month and year in another `language`), a year ("2026") as it is. A page's
 * publication date is often only a month or a year. Anything else comes back as given.
 */
export function formatCalendarDate(isoDate: string, language = 'en'): string {
  const month = /^(\d{4})-(\d{2})$/.exec(isoDate);
  if (!month) return formatDay(isoDate, language);
  const [year, monthNumber] = [Number(month[1]), Number(month[2])];
  if (monthNumber < 1 || monthNumber > 12) return isoDate;
  return intlDate(language, false, Date.UTC(year, monthNumber - 1, 1)) ?? `${MONTHS[monthNumber - 1]} ${year}`;
}

/**
 * The calendar day ("2026-12-01") an instant ("2026-11-30T23:30:00Z") falls on in `timeZone` (an
 * IANA name; default the runtime's own, i.e. the reader's), for "when did this happen for me".
 * Undefined for an instant Date cannot read.
 */
export function dayOfInstant(isoDateTime: string, timeZone?: string): string | undefined {
  const time = new Date(isoDateTime);
  if (Number.isNaN(time.getTime())) return undefined;
  // en-CA writes a day as YYYY-MM-DD; formatToParts keeps this independent of that choice.
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((one) => one.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The reader's calendar day now, YYYY-MM-DD, in the runtime's time zone: "is this law in force yet, for me". */
export function readerToday(now: Date = new Date()): string {
  return dayOfInstant(now.toISOString()) ?? now.toISOString().slice(0, 10);
}
