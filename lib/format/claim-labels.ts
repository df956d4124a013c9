import {
  grade_legalObligation,
  grade_contractual,
  grade_treaty,
  grade_categoricalPledge,
  grade_voluntaryPledge,
  grade_conditional,
  grade_goal,
  grade_bestEffort,
  grade_recommendation,
  grade_aspiration,
  grade_declaration,
  kind_announcedTarget,
  kind_bindingCommitment,
  kind_noCommitment,
  status_declined,
  status_disputed,
  status_fulfilled,
  status_inForce,
  status_lapsed,
  status_modified,
  status_partlyFulfilled,
  status_pending,
  status_superseded,
  status_withdrawn,
} from '../../public/_locales/en/messages.json';
import { appliesLater } from '../claims/claim-enums';
import type { ClaimForce, ClaimKind, ClaimStatus } from '../claims/schema';
import { formatDay } from './dates';

/**
 * The English of the kinds and statuses, for what is English whatever the reader's language: the
 * export files (lib/annotations) and the highlight's accessible name (page-annotator.ts; to be
 * translated there). The words are the English catalogue's, imported by name so that a bundle
 * carries only these (see lib/i18n/card-english.ts); the pages and the card speak through a
 * Translator instead (lib/i18n/claim-words.ts, lib/format/claim-verdict.ts).
 */
export const KIND_LABEL: Readonly<Record<ClaimKind, string>> = {
  'binding-commitment': kind_bindingCommitment.message,
  'announced-target': kind_announcedTarget.message,
  'no-commitment': kind_noCommitment.message,
};

/** The grade after the label, as the card shows it ("law", "self-imposed"); a refusal has none (lib/i18n/claim-words.ts's gradeOf in the reader's language). */
export const GRADE_LABEL: Readonly<Partial<Record<ClaimForce, string>>> = {
  'legal-obligation': grade_legalObligation.message,
  contractual: grade_contractual.message,
  treaty: grade_treaty.message,
  'categorical-pledge': grade_categoricalPledge.message,
  'voluntary-pledge': grade_voluntaryPledge.message,
  conditional: grade_conditional.message,
  goal: grade_goal.message,
  'best-effort': grade_bestEffort.message,
  recommendation: grade_recommendation.message,
  aspiration: grade_aspiration.message,
  declaration: grade_declaration.message,
};

/** "Binding commitment (self-imposed)": the label with its grade, as the card and popup say it; the label alone for a force without one. */
export function kindWithGrade(kind: ClaimKind, force: string): string {
  const grade = Object.hasOwn(GRADE_LABEL, force) ? GRADE_LABEL[force as ClaimForce] : undefined;
  return grade === undefined ? KIND_LABEL[kind] : `${KIND_LABEL[kind]} (${grade})`;
}

export const STATUS_LABEL: Readonly<Record<ClaimStatus, string>> = {
  'in-force': status_inForce.message,
  pending: status_pending.message,
  modified: status_modified.message,
  superseded: status_superseded.message,
  withdrawn: status_withdrawn.message,
  fulfilled: status_fulfilled.message,
  'partly-fulfilled': status_partlyFulfilled.message,
  lapsed: status_lapsed.message,
  disputed: status_disputed.message,
  declined: status_declined.message,
};

/**
 * "Withdrawn 24 Feb 2026", "In force since 24 Feb 2026", "Not yet in force (adopted 19 Dec 2025)",
 * in the exports' English (a reader's language: claim-words.ts's statusWithDate). A pending law's
 * status date is the day it was adopted, not a day it took force. With `kind`, an announced target
 * that holds is "Current since …", as the card and popup say ("in force" would read as binding). With
 * `appliesFrom` (claim-enums.ts `appliesLater`: a law whose duties start later), that day follows: "Modified
 * 27 Mar 2026; applies from 1 Jan 2027".
 */
export function statusWithDate(status: ClaimStatus, isoDate: string, kind?: ClaimKind, appliesFrom?: string): string {
  const line =
    status === 'in-force'
      ? `${kind === 'announced-target' ? 'Current' : 'In force'} since ${formatDay(isoDate)}`
      : status === 'pending'
        ? `${STATUS_LABEL.pending} (adopted ${formatDay(isoDate)})`
        : `${STATUS_LABEL[status]} ${formatDay(isoDate)}`;
  return appliesFrom === undefined ? line : `${line}; applies from ${formatDay(appliesFrom)}`;
}

/**
 * A claim's status line as the exports write it on `today` (YYYY-MM-DD: the export's or the reader's day):
 * `statusWithDate`, with the day a law's duties start when that is still to come ("Modified 27 Mar 2026; applies
 * from 1 Jan 2027").
 */
export function claimStatusLine(claim: { kind: ClaimKind; force?: string; status: ClaimStatus; statusDate: string; effectiveDate?: string }, today: string): string {
  return statusWithDate(claim.status, claim.statusDate, claim.kind, appliesLater(claim, today));
}
