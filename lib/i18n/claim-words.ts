/**
 * Kinds, statuses, dates and "changed since you read it" in the reader's language, for the extension
 * pages (the card's verdict is lib/format/claim-verdict.ts). The exports' English kinds and statuses
 * (lib/format/claim-labels.ts) read the same; `tests/unit/i18n/translator.test.ts` holds the two to it.
 */
import type { ExportFormat } from '../annotations/export-formats';
import type { ClaimChange, ClaimState } from '../claims/claim-changes';
import type { ClaimForce, ClaimKind, ClaimStatus } from '../claims/schema';
import { dayOfInstant, formatDay } from '../format/dates';
import type { MessageName, PluralBase, Translator } from './translator';

export const KIND_MESSAGE = {
  'binding-commitment': 'kind_bindingCommitment',
  'announced-target': 'kind_announcedTarget',
  'no-commitment': 'kind_noCommitment',
} as const satisfies Record<ClaimKind, MessageName>;

/** A heading over a group of claims of one kind ("Binding commitments (3)"). */
export const KIND_GROUP_MESSAGE = {
  'binding-commitment': 'kindGroup_bindingCommitment',
  'announced-target': 'kindGroup_announcedTarget',
  'no-commitment': 'kindGroup_noCommitment',
} as const satisfies Record<ClaimKind, PluralBase>;

export const STATUS_MESSAGE = {
  'in-force': 'status_inForce',
  pending: 'status_pending',
  modified: 'status_modified',
  superseded: 'status_superseded',
  withdrawn: 'status_withdrawn',
  fulfilled: 'status_fulfilled',
  'partly-fulfilled': 'status_partlyFulfilled',
  lapsed: 'status_lapsed',
  disputed: 'status_disputed',
  declined: 'status_declined',
} as const satisfies Record<ClaimStatus, MessageName>;

export const EXPORT_FORMAT_MESSAGE = {
  w3c: 'exportFormat_w3c',
  csv: 'exportFormat_csv',
  markdown: 'exportFormat_markdown',
  csl: 'exportFormat_csl',
} as const satisfies Record<ExportFormat, MessageName>;

/**
 * The kind of promise after the label, in a word or two: "Binding commitment (law)" and "Binding
 * commitment (self-imposed)" were one label to a new user, who read both as legally binding. A refusal
 * has none: its verdict already says the actor declined.
 */
const GRADE_MESSAGE = {
  'legal-obligation': 'grade_legalObligation',
  contractual: 'grade_contractual',
  treaty: 'grade_treaty',
  'categorical-pledge': 'grade_categoricalPledge',
  'voluntary-pledge': 'grade_voluntaryPledge',
  conditional: 'grade_conditional',
  goal: 'grade_goal',
  'best-effort': 'grade_bestEffort',
  recommendation: 'grade_recommendation',
  aspiration: 'grade_aspiration',
  declaration: 'grade_declaration',
} as const satisfies Partial<Record<ClaimForce, MessageName>>;

/** The grade's words for a force ("law", "self-imposed"), in `t`'s language; undefined for a refusal or a force the schema does not know. */
export function gradeOf(t: Translator, force: string | undefined): string | undefined {
  if (force === undefined || !Object.hasOwn(GRADE_MESSAGE, force)) return undefined;
  return t(GRADE_MESSAGE[force as keyof typeof GRADE_MESSAGE]);
}

export const kindLabel = (t: Translator, kind: ClaimKind): string => t(KIND_MESSAGE[kind]);

/**
 * The label with its grade, for a badge: "Binding commitment (self-imposed)"; the kind's label alone
 * when the force has no grade (a refusal, or none known).
 */
export function gradedKindLabel(t: Translator, kind: ClaimKind, force: string | undefined): string {
  const grade = gradeOf(t, force);
  return grade === undefined ? kindLabel(t, kind) : t('kind_graded', { kind: kindLabel(t, kind), grade });
}
export const statusLabel = (t: Translator, status: ClaimStatus): string => t(STATUS_MESSAGE[status]);

/** "2026-02-24" as the catalogue's language writes a day (lib/format/dates.ts, the one helper the card uses too). */
export function formatDayIn(t: Translator, isoDate: string): string {
  return formatDay(isoDate, t.locale);
}

/** The reader's local calendar day of an ISO date-time ("when did this happen for me"). */
export function localDayIn(t: Translator, isoDateTime: string): string {
  const day = dayOfInstant(isoDateTime);
  return day ? formatDayIn(t, day) : isoDateTime;
}

/**
 * "Withdrawn 24 Feb 2026", "In force since 24 Feb 2026", "Not yet in force (adopted 19 Dec 2025)". An
 * announced target in force is "Current since …": "in force" would read as legally binding (the card
 * says the same). With `appliesFrom` (claim-enums.ts `appliesLater`: a law whose duties start later), that
 * day follows: "Modified 27 Mar 2026; applies from 1 Jan 2027".
 */
export function statusWithDate(t: Translator, status: ClaimStatus, isoDate: string, kind?: ClaimKind, appliesFrom?: string): string {
  const date = formatDayIn(t, isoDate);
  const line =
    status === 'in-force'
      ? kind === 'announced-target'
        ? t('status_currentSince', { date })
        : t('status_inForceSince', { date })
      : status === 'pending'
        ? t('status_pendingEnacted', { date })
        : t('status_withDate', { status: statusLabel(t, status), date });
  return appliesFrom === undefined ? line : t('status_appliesFrom', { status: line, date: formatDayIn(t, appliesFrom) });
}

/** Like statusWithDate, with "on" before the day: "Withdrawn on 24 Feb 2026". */
function statusOn(t: Translator, status: ClaimStatus, isoDate: string, kind: ClaimKind): string {
  const date = formatDayIn(t, isoDate);
  if (status === 'in-force') return t(kind === 'announced-target' ? 'status_currentSince' : 'status_inForceSince', { date });
  if (status === 'pending') return t('status_pendingEnacted', { date });
  return t('status_onDate', { status: statusLabel(t, status), date });
}

/**
 * A state in a change's "was … now …": a target in force is "Current", as the popup and the card call it (a new user's
 * report 54 read "was In force" in a change beside "Current since" on the same target).
 */
function stateWords(t: Translator, state: ClaimState, withKind: boolean, withDate: boolean): string {
  const status = withDate
    ? statusOn(t, state.status, state.statusDate, state.kind)
    : state.status === 'in-force' && state.kind === 'announced-target'
      ? t('status_current')
      : statusLabel(t, state.status);
  // The status follows the kind mid-phrase, so it loses its capital ("Binding commitment, in force").
  return withKind ? t('change_kindAndStatus', { kind: kindLabel(t, state.kind), status: `${status.charAt(0).toLowerCase()}${status.slice(1)}` }) : status;
}

/** "was In force, now Withdrawn on 24 Feb 2026"; "the evidence behind its label was updated". */
export function changeDetail(t: Translator, change: Pick<ClaimChange, 'was' | 'now' | 'evidenceChanged'>): string {
  const { was, now } = change;
  const kindChanged = was.kind !== now.kind;
  const statusChanged = was.status !== now.status || was.statusDate !== now.statusDate;
  if (!kindChanged && !statusChanged) return t('change_evidenceOnly');
  // The old date is shown only when the status stayed and its date moved.
  const text = t('change_wasNow', {
    was: stateWords(t, was, kindChanged, was.status === now.status && was.statusDate !== now.statusDate),
    now: stateWords(t, now, kindChanged, true),
  });
  return change.evidenceChanged ? t('change_evidenceToo', { change: text }) : text;
}

/** "Claim set update from Test feed (version 2.1.0), 12 Mar 2026", in the reader's day. */
export function changeSource(t: Translator, change: Pick<ClaimChange, 'pack' | 'changedAt'>): string {
  const day = localDayIn(t, change.changedAt);
  return change.pack.version ? t('change_sourceVersion', { pack: change.pack.name, version: change.pack.version, day }) : t('change_source', { pack: change.pack.name, day });
}
