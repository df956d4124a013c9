/**
 * How old a claim set is, for the "data is getting old" hint in the popup and options page.
 * Claims about safety policies change every few months, so a set older than a quarter is
 * flagged as stale rather than silently trusted.
 */

export const STALE_AFTER_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ClaimSetAge {
  /** Whole calendar days (UTC) between publication and now; never negative. */
  days: number;
  stale: boolean;
  label: string;
}

function utcDayStart(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/**
 * A bare date ("2025-05-14") is read as that UTC day. Both sides are counted in UTC calendar
 * days so the answer does not flip around midnight depending on the reader's time zone.
 */
function parsePublished(publishedAt: string): number {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? Date.parse(`${publishedAt}T00:00:00Z`) : Date.parse(publishedAt);
  if (Number.isNaN(time)) throw new RangeError(`"${publishedAt}" is not a date`);
  return time;
}

export function claimSetAge(publishedAt: string, now: Date = new Date()): ClaimSetAge {
  const published = utcDayStart(parsePublished(publishedAt));
  const today = utcDayStart(now.getTime());
  // A date in the future means a skewed clock on one side; "today" is the honest reading.
  const days = Math.max(0, Math.round((today - published) / DAY_MS));
  const label = days === 0 ? 'published today' : days === 1 ? 'published yesterday' : `published ${days} days ago`;
  return { days, stale: days > STALE_AFTER_DAYS, label };
}
