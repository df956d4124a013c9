/** "Changed since you read it" in words, for the popup and the options history. */
import type { ClaimChange, ClaimState } from '../claims/claim-changes';
import type { ClaimStatus } from '../claims/schema';
import { formatDay, KIND_LABEL, STATUS_LABEL } from './claim-labels';

export const CHANGED_HEADLINE = 'Changed since you read it';

/** "Withdrawn on 24 Feb 2026", "In force since 3 Jan 2026", "Not yet in force (enacted 19 Dec 2025)". */
export function statusOn(status: ClaimStatus, isoDate: string): string {
  if (status === 'in-force') return `In force since ${formatDay(isoDate)}`;
  if (status === 'pending') return `${STATUS_LABEL.pending} (enacted ${formatDay(isoDate)})`;
  return `${STATUS_LABEL[status]} on ${formatDay(isoDate)}`;
}

function stateWords(state: ClaimState, withKind: boolean, withDate: boolean): string {
  const status = withDate ? statusOn(state.status, state.statusDate) : STATUS_LABEL[state.status];
  return withKind ? `${KIND_LABEL[state.kind]}, ${status.charAt(0).toLowerCase()}${status.slice(1)}` : status;
}

/**
 * What changed, from what the reader read to what holds now:
 * "was In force, now Withdrawn on 24 Feb 2026";
 * "was Binding commitment, in force, now Announced target, in force since 3 Jan 2026";
 * "the evidence behind its label was updated".
 */
export function changeDetail(change: Pick<ClaimChange, 'was' | 'now' | 'evidenceChanged'>): string {
  const { was, now } = change;
  const kindChanged = was.kind !== now.kind;
  const statusChanged = was.status !== now.status || was.statusDate !== now.statusDate;
  if (!kindChanged && !statusChanged) return 'the evidence behind its label was updated';
  // The old date is shown only when the status stayed and its date moved.
  const text = `was ${stateWords(was, kindChanged, was.status === now.status && was.statusDate !== now.statusDate)}, now ${stateWords(now, kindChanged, true)}`;
  return change.evidenceChanged ? `${text}; its evidence was updated too` : text;
}

/** "Changed since you read it: was In force, now Withdrawn on 24 Feb 2026". */
export function changeSentence(change: Pick<ClaimChange, 'was' | 'now' | 'evidenceChanged'>): string {
  return `${CHANGED_HEADLINE}: ${changeDetail(change)}`;
}

/** "Claim set update from Test feed (version 2.1.0), 12 Mar 2026": where the change came from, in the reader's day. */
export function changeSource(change: Pick<ClaimChange, 'pack' | 'changedAt'>): string {
  const time = new Date(change.changedAt);
  const day = Number.isNaN(time.getTime())
    ? change.changedAt
    : formatDay(`${time.getFullYear()}-${String(time.getMonth() + 1).padStart(2, '0')}-${String(time.getDate()).padStart(2, '0')}`);
  const version = change.pack.version ? ` (version ${change.pack.version})` : '';
  return `Claim set update from ${change.pack.name}${version}, ${day}`;
}
