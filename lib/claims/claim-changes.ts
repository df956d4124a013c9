/**
 * "Changed since you read it": what a claim-set update changed about a claim (its kind, its status
 * with the status date, or the evidence behind its label), and which of those changes a reader has
 * not met yet. Pure data and functions; the background stores the records (one per claim) and decides
 * which claims the reader has met.
 */
import type { ClaimKind, ClaimStatus } from './schema';
import type { ClaimPack, PackedClaim } from './merge-claim-packs';

/** The part of a claim a change is about. */
export interface ClaimState {
  kind: ClaimKind;
  status: ClaimStatus;
  statusDate: string;
}

/** One update that changed one claim. */
export interface ClaimChangeEvent {
  /** When the update was stored (ISO date-time). */
  changedAt: string;
  was: ClaimState;
  now: ClaimState;
  /** The quoted evidence behind the label was added to, removed or reworded. */
  evidenceChanged: boolean;
  /** The pack whose update made the change (the pack the claim now comes from). */
  pack: { id: string; name: string; version: string };
}

/** Everything recorded about one claim's changes. */
export interface ClaimChangeRecord {
  claimId: string;
  /** Oldest first; at most `MAX_EVENTS_PER_CLAIM`. */
  events: ClaimChangeEvent[];
  /** When the reader last looked at this claim's changes (popup or options); later events are unseen. */
  seenAt?: string;
}

/** A change as a reader is told about it: from what they read to what holds now. */
export interface ClaimChange {
  claimId: string;
  was: ClaimState;
  now: ClaimState;
  evidenceChanged: boolean;
  /** The latest update's time and pack. */
  changedAt: string;
  pack: ClaimChangeEvent['pack'];
  /** The reader has not looked at it yet (the toolbar badge is marked until they do). */
  unseen: boolean;
}

export const MAX_EVENTS_PER_CLAIM = 20;

export function claimState(claim: Pick<PackedClaim, 'kind' | 'status' | 'statusDate'>): ClaimState {
  return { kind: claim.kind, status: claim.status, statusDate: claim.statusDate };
}

export function sameState(a: ClaimState, b: ClaimState): boolean {
  return a.kind === b.kind && a.status === b.status && a.statusDate === b.statusDate;
}

/**
 * The evidence as compared across updates, or undefined when the claim has none recorded (packs
 * stored before schema 2): an update that only adds the evidence field is not a change of it.
 */
function evidenceKey(claim: PackedClaim): string | undefined {
  const evidence: unknown = claim.evidence;
  if (!Array.isArray(evidence)) return undefined;
  return JSON.stringify(claim.evidence.map((item) => [item.quote.trim(), item.locator.trim(), item.url]));
}

/**
 * What an update changed: claims in both the merged set before and after whose kind, status, status
 * date or evidence differ. Claims added or dropped by the update are not changes of a claim.
 * @param packs the stored packs after the update (for the version of the pack a claim now comes from)
 */
export function detectClaimChanges(
  before: ReadonlyMap<string, PackedClaim>,
  after: ReadonlyMap<string, PackedClaim>,
  changedAt: string,
  packs: readonly ClaimPack[],
): Array<{ claimId: string; event: ClaimChangeEvent }> {
  const versionOf = new Map(packs.map((pack) => [pack.id, pack.claimSet.version]));
  const found: Array<{ claimId: string; event: ClaimChangeEvent }> = [];
  for (const [claimId, next] of after) {
    const previous = before.get(claimId);
    if (!previous) continue;
    const was = claimState(previous);
    const now = claimState(next);
    const oldEvidence = evidenceKey(previous);
    const evidenceChanged = oldEvidence !== undefined && oldEvidence !== evidenceKey(next);
    if (sameState(was, now) && !evidenceChanged) continue;
    found.push({
      claimId,
      event: { changedAt, was, now, evidenceChanged, pack: { id: next.packId, name: next.packName, version: versionOf.get(next.packId) ?? '' } },
    });
  }
  return found;
}

/** The record with one more event (the oldest dropped past the bound). */
export function withChangeEvent(record: ClaimChangeRecord | undefined, claimId: string, event: ClaimChangeEvent): ClaimChangeRecord {
  const events = [...(record?.events ?? []), event].slice(-MAX_EVENTS_PER_CLAIM);
  return { claimId, events, ...(record?.seenAt ? { seenAt: record.seenAt } : {}) };
}

/** The latest event's time, or '' for a record without events. */
export function lastChangedAt(record: ClaimChangeRecord): string {
  return record.events.at(-1)?.changedAt ?? '';
}

/** Whether the record has an event the reader has not looked at. */
export function hasUnseen(record: ClaimChangeRecord): boolean {
  return record.events.length > 0 && lastChangedAt(record) > (record.seenAt ?? '');
}

/**
 * The net change since a moment (a mention last seen, the reader's last look): from the state before
 * the first later event to the state after the last. Undefined when nothing changed since, or when
 * the later events cancel out (withdrawn, then restored) and the evidence stayed the same.
 * ISO date-times in UTC compare as strings; `since` undefined means "before every event".
 */
export function netChangeSince(record: ClaimChangeRecord, since: string | undefined): ClaimChange | undefined {
  const later = since === undefined ? record.events : record.events.filter((event) => event.changedAt > since);
  const first = later[0];
  const last = later.at(-1);
  if (!first || !last) return undefined;
  const evidenceChanged = later.some((event) => event.evidenceChanged);
  if (sameState(first.was, last.now) && !evidenceChanged) return undefined;
  return { claimId: record.claimId, was: first.was, now: last.now, evidenceChanged, changedAt: last.changedAt, pack: last.pack, unseen: hasUnseen(record) };
}
