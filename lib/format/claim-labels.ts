import type { ClaimKind, ClaimStatus } from '../claims/schema';

/** Plain words a lay reader understands; `no-commitment` must never read like a promise. */
export const KIND_LABEL: Readonly<Record<ClaimKind, string>> = {
  'binding-commitment': 'Binding commitment',
  'announced-target': 'Announced target',
  'no-commitment': 'No commitment',
};

export const STATUS_LABEL: Readonly<Record<ClaimStatus, string>> = {
  'in-force': 'In force',
  pending: 'Not yet in force',
  modified: 'Modified',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
  fulfilled: 'Fulfilled',
  'partly-fulfilled': 'Partly fulfilled',
  lapsed: 'Lapsed',
  disputed: 'Disputed',
  declined: 'Declined',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-02-24" -> "24 Feb 2026": unambiguous in every locale, unlike 02/24/2026. */
export function formatDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day || month > 12) return isoDate;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * "Withdrawn 24 Feb 2026", "In force since 24 Feb 2026", "Not yet in force (enacted 19 Dec 2025)".
 * A pending law's status date is the day it was enacted, not a day it took force.
 */
export function statusWithDate(status: ClaimStatus, isoDate: string): string {
  if (status === 'in-force') return `In force since ${formatDay(isoDate)}`;
  if (status === 'pending') return `${STATUS_LABEL.pending} (enacted ${formatDay(isoDate)})`;
  return `${STATUS_LABEL[status]} ${formatDay(isoDate)}`;
}

/** The accessible name of a highlight: what it is, then which claim. */
export function highlightLabel(kind: ClaimKind, status: ClaimStatus, statement: string): string {
  const short = statement.length > 90 ? `${statement.slice(0, 87)}…` : statement;
  return `${KIND_LABEL[kind]} (${STATUS_LABEL[status].toLowerCase()}): ${short}`;
}
