/**
 * Claim packs: the bundled set, the set fetched from a feed, and sets the reader imports from
 * a file, merged into the one list of claims the matcher works from.
 */
import type { Claim, ClaimSet } from './schema';

export type ClaimPackSource = 'bundled' | 'feed' | 'file';

export interface ClaimPack {
  id: string;
  name: string;
  enabled: boolean;
  source: ClaimPackSource;
  claimSet: ClaimSet;
  /** ISO 8601 timestamp of when the pack was installed or last updated. */
  installedAt: string;
}

/** A claim together with the pack it came from, so a card can say whose data it shows. */
export type PackedClaim = Claim & { packId: string; packName: string };

export interface PackRef {
  id: string;
  name: string;
}

/** Several enabled packs define the same claim id; one wins, the others are left out. */
export interface ClaimConflict {
  claimId: string;
  keptPack: PackRef;
  droppedPacks: PackRef[];
}

export interface MergedClaims {
  claims: PackedClaim[];
  conflicts: ClaimConflict[];
}

/**
 * The reader's own file beats the feed, which beats the copy bundled with the extension: the
 * closer a pack is to the reader's deliberate choice, the more it should count.
 */
const SOURCE_RANK: Record<ClaimPackSource, number> = { file: 3, feed: 2, bundled: 1 };

function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** Negative when pack `a` takes precedence over pack `b`. */
function comparePrecedence(a: ClaimPack, b: ClaimPack): number {
  const bySource = SOURCE_RANK[b.source] - SOURCE_RANK[a.source];
  if (bySource !== 0) return bySource;
  // publishedAt is YYYY-MM-DD, so string order is date order.
  if (a.claimSet.publishedAt !== b.claimSet.publishedAt) return a.claimSet.publishedAt > b.claimSet.publishedAt ? -1 : 1;
  const byInstall = timeOf(b.installedAt) - timeOf(a.installedAt);
  if (byInstall !== 0) return byInstall;
  // Last resort so that the result never depends on the order packs were stored in.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Merges the enabled packs by claim id. Output order: packs from highest to lowest precedence,
 * and within a pack the order its file gives, so the same packs always give the same list.
 */
export function mergeClaimPacks(packs: readonly ClaimPack[]): MergedClaims {
  const ranked = packs.filter((pack) => pack.enabled).sort(comparePrecedence);
  const claims: PackedClaim[] = [];
  const conflictsById = new Map<string, ClaimConflict>();
  const keptBy = new Map<string, ClaimPack>();

  for (const pack of ranked) {
    for (const claim of pack.claimSet.claims) {
      const keeper = keptBy.get(claim.id);
      if (!keeper) {
        keptBy.set(claim.id, pack);
        claims.push({ ...claim, packId: pack.id, packName: pack.name });
        continue;
      }
      // A repeated id inside one pack is a validation matter, not a conflict between packs.
      if (keeper === pack) continue;
      let conflict = conflictsById.get(claim.id);
      if (!conflict) {
        conflict = { claimId: claim.id, keptPack: { id: keeper.id, name: keeper.name }, droppedPacks: [] };
        conflictsById.set(claim.id, conflict);
      }
      if (!conflict.droppedPacks.some((dropped) => dropped.id === pack.id)) {
        conflict.droppedPacks.push({ id: pack.id, name: pack.name });
      }
    }
  }

  // Report conflicts in the order their claims appear in the merged list.
  const conflicts = claims
    .map((claim) => conflictsById.get(claim.id))
    .filter((conflict): conflict is ClaimConflict => conflict !== undefined);
  return { claims, conflicts };
}
