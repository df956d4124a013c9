/**
 * The few facts about a claim that every export format prints, with one fallback for mentions whose
 * claim is no longer in the loaded claim set (a pack was removed, an id was renamed). Such mentions
 * still export, marked "unknown", because they are the user's data.
 */
import type { Claim, ClaimForce, ClaimKind, ClaimStatus } from '../claims/schema';

export const UNKNOWN = 'unknown';

/** What the human-readable exports (Markdown, CSL-JSON's note) say of a possible match (`Mention.possible`), in the card's words. */
export const POSSIBLE_MATCH_LINE = 'Possible match: this passage shares words with the claim but may not state it. Check before you cite it.';

export interface ClaimFacts {
  kind: ClaimKind | typeof UNKNOWN;
  /** What kind of promise (the schema's `force`: legal-obligation, categorical-pledge, …). */
  force: ClaimForce | typeof UNKNOWN;
  status: ClaimStatus | typeof UNKNOWN;
  /** YYYY-MM-DD, or '' when the claim is unknown. */
  statusDate: string;
  /** The actor's display name, or '' when the claim is unknown. */
  actor: string;
}

export function claimFacts(claim: Claim | undefined): ClaimFacts {
  if (!claim) return { kind: UNKNOWN, force: UNKNOWN, status: UNKNOWN, statusDate: '', actor: '' };
  return { kind: claim.kind, force: claim.force, status: claim.status, statusDate: claim.statusDate, actor: claim.actor.name };
}

/** What `primarySource` reads of a claim: a stored claim (`Claim`) and the card's copy (`ClaimCardData`) both fit. */
export interface ClaimWithSources {
  evidence?: ReadonlyArray<{ url: string; title?: string | undefined }>;
  sources: ReadonlyArray<{ url: string; title: string }>;
}

/** A claim's primary source: its title ('' when nothing names it) and its https address. */
export interface PrimarySource {
  title: string;
  url: string;
}

/**
 * The source the claim's label rests on: the first piece of evidence (the operative words), titled as
 * the evidence names it or, failing that, as the source with the same address does; else the first
 * source. Undefined when the claim has neither (a schema 1 pack stored before evidence existed can
 * lack `evidence` whatever its type says, so it is read as possibly absent).
 */
export function primarySource(claim: ClaimWithSources): PrimarySource | undefined {
  const evidence: unknown = claim.evidence;
  const first = (Array.isArray(evidence) ? claim.evidence?.[0] : undefined) ?? claim.sources[0];
  if (!first) return undefined;
  const title = first.title ?? claim.sources.find((source) => source.url === first.url)?.title ?? '';
  return { title, url: first.url };
}

/** Picks the later of two ISO date-times as instants (string order is wrong across offsets). */
export function laterInstant(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function earlierInstant(a: string, b: string): string {
  return Date.parse(b) < Date.parse(a) ? b : a;
}
