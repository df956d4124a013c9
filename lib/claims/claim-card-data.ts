/**
 * What a card needs to show one claim: a copy made by the background from the claim set, sent to the
 * content script, never read from the page.
 */
import type { ClaimKind, ClaimStatus, Evidence, HistoryEntry, Source } from './schema';
import type { PackedClaim } from './merge-claim-packs';

export interface ClaimCardData {
  id: string;
  statement: string;
  kind: ClaimKind;
  force: string;
  status: ClaimStatus;
  statusDate: string;
  actorName: string;
  rationale: string;
  /** The operative words of the primary source behind the label, each with its locator and link. */
  evidence: Evidence[];
  /** "Some analysts call this … because …", when reasonable readers would label it differently. */
  contested?: string;
  /** The day someone last checked the claim against its sources: the card's "Status as of". */
  reviewedAt?: string;
  confidence: string;
  sources: Source[];
  history: HistoryEntry[];
  packName: string;
}

/**
 * Packs stored in IndexedDB before schema 2 were saved as schema 1 objects and are not validated
 * again when read, so their claims can lack `evidence` and `reviewedAt` despite the type. The card
 * then shows the sources' schema 1 quotes as evidence and no review date, rather than failing.
 */
function evidenceOf(claim: PackedClaim): Evidence[] {
  const evidence: unknown = claim.evidence;
  if (Array.isArray(evidence)) return claim.evidence;
  return claim.sources.flatMap((source) =>
    source.quote ? [{ quote: source.quote, locator: 'quoted from this source (no section recorded)', url: source.url, title: source.title }] : [],
  );
}

/** The card's copy of a merged claim (drops matching data the card never shows). */
export function toCardData(claim: PackedClaim): ClaimCardData {
  return {
    id: claim.id,
    statement: claim.statement,
    kind: claim.kind,
    force: claim.force,
    status: claim.status,
    statusDate: claim.statusDate,
    actorName: claim.actor.name,
    rationale: claim.rationale,
    evidence: evidenceOf(claim),
    ...(claim.contested ? { contested: claim.contested } : {}),
    ...(typeof claim.reviewedAt === 'string' ? { reviewedAt: claim.reviewedAt } : {}),
    confidence: claim.confidence,
    sources: claim.sources,
    history: claim.history,
    packName: claim.packName,
  };
}

/** Card data for every distinct claim id in `claimIds` that `claims` holds (unknown ids are skipped). */
export function cardDataFor(claimIds: Iterable<string>, claims: ReadonlyMap<string, PackedClaim>): Record<string, ClaimCardData> {
  const out: Record<string, ClaimCardData> = {};
  for (const id of claimIds) {
    const claim = claims.get(id);
    if (claim && !(id in out)) out[id] = toCardData(claim);
  }
  return out;
}
