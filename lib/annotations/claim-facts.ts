/**
 * The few facts about a claim that every export format prints, with one fallback for mentions whose
 * claim is no longer in the loaded claim set (a pack was removed, an id was renamed). Such mentions
 * still export, marked "unknown", because they are the user's data.
 */
import type { Claim, ClaimKind, ClaimStatus } from '../claims/schema';

export const UNKNOWN = 'unknown';

export interface ClaimFacts {
  kind: ClaimKind | typeof UNKNOWN;
  status: ClaimStatus | typeof UNKNOWN;
  /** YYYY-MM-DD, or '' when the claim is unknown. */
  statusDate: string;
  /** The actor's display name, or '' when the claim is unknown. */
  actor: string;
}

export function claimFacts(claim: Claim | undefined): ClaimFacts {
  if (!claim) return { kind: UNKNOWN, status: UNKNOWN, statusDate: '', actor: '' };
  return { kind: claim.kind, status: claim.status, statusDate: claim.statusDate, actor: claim.actor.name };
}

/** Picks the later of two ISO date-times as instants (string order is wrong across offsets). */
export function laterInstant(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function earlierInstant(a: string, b: string): string {
  return Date.parse(b) < Date.parse(a) ? b : a;
}
