import type { ClaimKind, ClaimStatus } from '../claims/schema';

export const KIND_LABEL: Readonly<Record<ClaimKind, string>> = {
  'binding-commitment': 'Binding commitment',
  'announced-target': 'Announced target',
};

export const STATUS_LABEL: Readonly<Record<ClaimStatus, string>> = {
  'in-force': 'In force',
  modified: 'Modified',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
  fulfilled: 'Fulfilled',
  disputed: 'Disputed',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-02-24" -> "24 Feb 2026": unambiguous in every locale, unlike 02/24/2026. */
export function formatDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day || month > 12) return isoDate;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "Withdrawn 24 Feb 2026", "In force since 24 Feb 2026". */
export function statusWithDate(status: ClaimStatus, isoDate: string): string {
  return status === 'in-force' ? `In force since ${formatDay(isoDate)}` : `${STATUS_LABEL[status]} ${formatDay(isoDate)}`;
}

/** The accessible name of a highlight: what it is, then which claim. */
export function highlightLabel(kind: ClaimKind, status: ClaimStatus, statement: string): string {
  const short = statement.length > 90 ? `${statement.slice(0, 87)}…` : statement;
  return `${KIND_LABEL[kind]} (${STATUS_LABEL[status].toLowerCase()}): ${short}`;
}

/** Only https links reach a card or an export; anything else is shown as text. */
export function safeLink(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
