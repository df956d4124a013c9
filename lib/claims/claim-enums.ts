/**
 * The claim schema's enumerations that the content script needs (a highlight's kind, a frame's
 * report, the card's forces), as plain constant tuples, with the two picklists the content script's
 * messages validate. `schema.ts` builds the claim schema from these and re-exports them, and every
 * claim type still comes from there: this module only lets the content script use them without
 * evaluating the whole claim schema (its objects, patterns and checks: the content bundle's largest
 * module that a page never needs).
 */
import * as v from 'valibot';

/**
 * The headline label. `no-commitment` is for refusals to commit and statements of position that
 * promise nothing: the card must never suggest a promise exists.
 */
export const CLAIM_KINDS = ['binding-commitment', 'announced-target', 'no-commitment'] as const;
export const ClaimKindSchema = v.picklist(CLAIM_KINDS, `must be one of ${CLAIM_KINDS.join(', ')}`);

export const CLAIM_FORCES = [
  'legal-obligation',
  'contractual',
  'treaty',
  'categorical-pledge',
  'voluntary-pledge',
  'conditional',
  'goal',
  'best-effort',
  'recommendation',
  'aspiration',
  'declaration',
  'refusal',
] as const;

export const CLAIM_STATUSES = [
  'in-force',
  'pending',
  'modified',
  'superseded',
  'withdrawn',
  'fulfilled',
  'partly-fulfilled',
  'lapsed',
  'disputed',
  'declined',
] as const;
export const ClaimStatusSchema = v.picklist(CLAIM_STATUSES, `must be one of ${CLAIM_STATUSES.join(', ')}`);

/**
 * The statuses under which a claim no longer holds: its actor dropped it (`withdrawn`), a later
 * instrument replaced it (`superseded`), or it ran out (`lapsed`). A refusal that still stands
 * (`declined`) and a promise that was kept (`fulfilled`) are not among them: both still say what is
 * true. The highlight, the popup and the legend draw these apart from claims that hold, so a reader
 * never takes a dropped pledge for one in force.
 */
export const ENDED_STATUSES = ['withdrawn', 'superseded', 'lapsed'] as const satisfies ReadonlyArray<(typeof CLAIM_STATUSES)[number]>;

/** Whether a claim with this status no longer holds (`ENDED_STATUSES`); false for any other string. */
export function statusHasEnded(status: string): boolean {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}

/**
 * What a status tells a reader at a glance, as the popup and the history colour it: the claim still holds, has
 * ended (`statusHasEnded`) or was refused (`declined`), or stands in question (disputed, modified, partly fulfilled).
 */
export function statusTone(status: string): 'holds' | 'ended' | 'questioned' {
  if (statusHasEnded(status) || status === 'declined') return 'ended';
  if (status === 'disputed' || status === 'modified' || status === 'partly-fulfilled') return 'questioned';
  return 'holds';
}

/** Statuses under which a law still stands, so a future effective date is what the reader needs to know. */
const LAW_STANDS: ReadonlySet<string> = new Set(['in-force', 'pending', 'modified']);

/**
 * The day a law's duties start, when that is still to come: a binding legal obligation that stands (in force,
 * adopted, modified) with an `effectiveDate` after `today`. "Modified 27 Mar 2026" alone was read as a law in
 * force (New York's RAISE Act applies from 1 Jan 2027; a new user's report 49, problem 10), so every status line
 * adds this day, as the card's verdict does.
 * @param today the reader's calendar day, YYYY-MM-DD (dates compare as strings)
 * @returns the effective date, YYYY-MM-DD, or undefined (no such date, already passed, not a law, or ended)
 */
export function appliesLater(claim: { kind: string; force?: string; status: string; effectiveDate?: string }, today: string): string | undefined {
  const { effectiveDate } = claim;
  if (claim.kind !== 'binding-commitment' || claim.force !== 'legal-obligation' || !LAW_STANDS.has(claim.status)) return undefined;
  return effectiveDate !== undefined && effectiveDate > today ? effectiveDate : undefined;
}
