/**
 * What a card needs to show one claim: a copy made by the background from the claim set, sent to the
 * content script, never read from the page.
 */
import type { ClaimKind, ClaimStatus, Evidence, HistoryEntry, Source } from './schema';
import type { PackedClaim } from './merge-claim-packs';
import { shortenAtWord } from '../format/shorten-text';
import { withSuperscriptPowers } from '../format/superscript-powers';
import { replacingClaims } from './replacing-claims';

export interface ClaimCardData {
  id: string;
  statement: string;
  kind: ClaimKind;
  force: string;
  status: ClaimStatus;
  statusDate: string;
  /** When a law's duties take (or took) effect, YYYY-MM-DD; may lie in the future (a delayed obligation). */
  effectiveDate?: string;
  actorName: string;
  /** The actor's type (company, government, agency, coalition, …): a coalition's verb is plural. */
  actorType?: string;
  /** An agreement's other parties, by name: they, not the actor (the agency that signed with them), made its pledge. */
  partyNames?: string[];
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
  /**
   * Other claims this one's texts name by id (the set's rationales do, for its auditors), each with a
   * few words a reader can recognise it by; the card shows those words instead of the id.
   */
  related?: Record<string, string>;
  /**
   * The claims that replaced this one (its `replacedBy`) that the loaded claims hold, each by its statement cut
   * short (`shortStatement`): the card says what stands in its place (the new-user trial, 6 Dec 2026).
   */
  replacements?: Array<{ id: string; statement: string }>;
}

/** A claim's statement cut at a word boundary: enough to recognise it in a sentence about another claim. */
export function shortStatement(statement: string, max = 72): string {
  return shortenAtWord(statement.replace(/\s+/g, ' ').trim().replace(/\.$/, ''), max);
}

/** How much of a replacing claim's statement the card shows (UTF-16 units). */
const REPLACEMENT_CHARS = 160;

/**
 * The most other claims one card names (the bundled set's claims name at most one). Each is rewritten
 * into every text of the card (`readerText`), so a hostile set whose texts name thousands of short ids
 * ("a", "b", …) would otherwise freeze the page for a minute when the card opens.
 */
export const MAX_RELATED_CLAIMS = 20;

/** Words that could be a claim id (ids are slugs: lower-case words joined by hyphens). */
const ID_TOKEN = /[a-z0-9]+(?:-[a-z0-9]+)*/g;

/**
 * The ids of other claims that `claim`'s rationale, contested note or history notes mention, in the
 * order the texts first name them, at most MAX_RELATED_CLAIMS. Each word of the texts is looked up,
 * so the cost follows the texts' length, not the size of the claim set.
 */
function relatedClaims(claim: PackedClaim, claims: ReadonlyMap<string, PackedClaim> | undefined): Record<string, string> | undefined {
  if (!claims) return undefined;
  const texts = [claim.rationale, claim.contested ?? '', ...claim.history.map((entry) => entry.note)].join('\n');
  const out: Record<string, string> = {};
  let count = 0;
  for (const [id] of texts.matchAll(ID_TOKEN)) {
    const other = claims.get(id);
    if (!other || id === claim.id || Object.hasOwn(out, id)) continue;
    out[id] = shortStatement(other.statement);
    if (++count === MAX_RELATED_CLAIMS) break;
  }
  return count > 0 ? out : undefined;
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

/**
 * The card's copy of a merged claim (drops matching data the card never shows). With the whole
 * claim map, claims it names by id come along as `related`.
 */
export function toCardData(claim: PackedClaim, claims?: ReadonlyMap<string, PackedClaim>): ClaimCardData {
  const related = relatedClaims(claim, claims);
  const replacements = replacingClaims(claim, claims).map((other) => ({ id: other.id, statement: shortStatement(withSuperscriptPowers(other.statement), REPLACEMENT_CHARS) }));
  return {
    id: claim.id,
    statement: withSuperscriptPowers(claim.statement),
    kind: claim.kind,
    force: claim.force,
    status: claim.status,
    statusDate: claim.statusDate,
    ...(claim.effectiveDate ? { effectiveDate: claim.effectiveDate } : {}),
    actorName: claim.actor.name,
    actorType: claim.actor.type,
    ...(claim.parties && claim.parties.length > 0 ? { partyNames: claim.parties.map((party) => party.name) } : {}),
    rationale: withSuperscriptPowers(claim.rationale),
    evidence: evidenceOf(claim),
    ...(claim.contested ? { contested: withSuperscriptPowers(claim.contested) } : {}),
    ...(typeof claim.reviewedAt === 'string' ? { reviewedAt: claim.reviewedAt } : {}),
    confidence: claim.confidence,
    sources: claim.sources,
    history: claim.history,
    packName: claim.packName,
    ...(related ? { related } : {}),
    ...(replacements.length > 0 ? { replacements } : {}),
  };
}

/** Card data for every distinct claim id in `claimIds` that `claims` holds (unknown ids are skipped). */
export function cardDataFor(claimIds: Iterable<string>, claims: ReadonlyMap<string, PackedClaim>): Record<string, ClaimCardData> {
  const out: Record<string, ClaimCardData> = {};
  for (const id of claimIds) {
    const claim = claims.get(id);
    if (claim && !Object.hasOwn(out, id)) out[id] = toCardData(claim, claims);
  }
  return out;
}
