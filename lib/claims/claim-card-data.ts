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
   * The claims that replaced this one (its `replacedBy`) that the loaded claims hold, each by the first clause of its
   * statement (`leadClause`): the card says what stands in its place (the new-user trial, 6 Dec 2026).
   */
  replacements?: Array<{ id: string; statement: string }>;
}

/** A claim's statement cut at a word boundary: enough to recognise it in a sentence about another claim. */
export function shortStatement(statement: string, max = 72): string {
  return shortenAtWord(statement.replace(/\s+/g, ' ').trim().replace(/\.$/, ''), max);
}

/** The longest lead clause a card shows of a replacing claim's statement before it cuts it at a word (UTF-16 units). */
const REPLACEMENT_CHARS = 400;

/**
 * Where a statement's first sentence, or first clause before a semicolon, ends: a full stop after a lower-case
 * letter, a digit or a closing bracket or quote ("… (April 2026).", not "U.S."), or a semicolon, before a new word.
 */
const LEAD_CLAUSE_END = /(?<=[\p{Ll}\d)'’"”])\.(?=\s)|;(?=\s)/u;

/**
 * A statement's first sentence, or its first clause before a semicolon, whole: what a card says stands in a replaced
 * claim's place. A word-boundary cut (`shortStatement`) of a conditional statement stopped mid-condition, "… and has
 * clear evidence no…" (report 54, problem 11); a whole clause states the condition and what follows from it.
 * @param statement a claim's statement
 * @param max the longest clause kept whole, in UTF-16 units; a longer one is cut at a word, with "…"
 * @returns the clause without its full stop or semicolon; "…" after it when the statement goes on
 */
export function leadClause(statement: string, max = REPLACEMENT_CHARS): string {
  const text = statement.replace(/\s+/g, ' ').trim();
  const end = LEAD_CLAUSE_END.exec(text);
  const clause = end ? text.slice(0, end.index) : text.replace(/\.$/, '');
  if (clause.length > max) return shortenAtWord(clause, max);
  return end && text.slice(end.index + 1).trim() !== '' ? `${clause}…` : clause;
}

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
  const replacements = replacingClaims(claim, claims).map((other) => ({ id: other.id, statement: leadClause(withSuperscriptPowers(other.statement)) }));
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
