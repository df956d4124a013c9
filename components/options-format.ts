import { dayOfInstant } from '@/lib/format/dates';
import { formatDayIn } from '@/lib/i18n/claim-words';
import type { Translator } from '@/lib/i18n/translator';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-11-22T09:30:00.000Z" -> "22 Nov 2026, 10:30" in the reader's time zone: status times answer
 * "when did this happen for me", so local time is the useful reading. Unparseable input is shown as is.
 */
export function formatDateTime(t: Translator, iso: string): string {
  const day = dayOfInstant(iso);
  if (!day) return iso;
  const time = new Date(iso);
  return `${formatDayIn(t, day)}, ${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

/**
 * The UTC calendar day of an ISO date or date-time, formatted. UTC on purpose: the history filter
 * reads a bare date as a UTC day, so the date shown on a row is the one that filters to it.
 */
export function formatUtcDay(t: Translator, iso: string): string {
  return formatDayIn(t, iso.slice(0, 10));
}
