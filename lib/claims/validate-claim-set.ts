import * as v from 'valibot';
import { actorsOf, namesOf } from './claim-actors';
import {
  CLAIM_SCHEMA_VERSION,
  ClaimSetSchema,
  ClaimSetV1Schema,
  STATUS_SET_BY_EVENT,
  type ActorType,
  type Claim,
  type ClaimSet,
  type ClaimSetV1,
  type ClaimV1,
  type Evidence,
  type HistoryEntry,
  type ClaimStatus,
} from './schema';

/** One problem in a claim set, located well enough for a maintainer to fix it without a debugger. */
export interface ClaimSetIssue {
  /** The id of the claim the problem is in, when it is inside a claim and the id is readable. */
  claimId?: string;
  /** Dotted path from the set's root, e.g. `claims[3].sources[0].url`. */
  path: string;
  message: string;
}

export type ClaimSetValidation =
  /** `migratedFrom` is set when the input was an older schema, upgraded on read. */
  | { ok: true; claimSet: ClaimSet; migratedFrom?: number }
  | { ok: false; issues: ClaimSetIssue[] };

function formatPath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(root)';
}

function claimIdAt(input: unknown, index: number): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const claims = (input as { claims?: unknown }).claims;
  if (!Array.isArray(claims)) return undefined;
  const claim: unknown = claims[index];
  if (typeof claim !== 'object' || claim === null) return undefined;
  const id = (claim as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** A problem inside one claim, with a path relative to the claim (`history[2].date`, `status`). */
export interface ClaimProblem {
  field: string;
  message: string;
}

/** The status a history sets: that of its last status-setting event, with that event's date. */
export function statusFromHistory(history: readonly HistoryEntry[]): { status: ClaimStatus; date: string; index: number } | undefined {
  for (let index = history.length - 1; index >= 0; index--) {
    const entry = history[index]!;
    const status = STATUS_SET_BY_EVENT[entry.event];
    if (status) return { status, date: entry.date, index };
  }
  return undefined;
}

/**
 * The rules every schema 2 claim obeys beyond its schema: history in date order, status and
 * statusDate equal to those set by the last status-setting event, `declined` only for
 * `no-commitment` claims. (`npm run claims:check` adds the editorial rules for the bundled set.)
 */
export function checkClaimConsistency(claim: Pick<Claim, 'kind' | 'status' | 'statusDate' | 'history'>): ClaimProblem[] {
  const problems: ClaimProblem[] = [];
  for (let i = 1; i < claim.history.length; i++) {
    if (claim.history[i - 1]!.date > claim.history[i]!.date) {
      problems.push({ field: `history[${i}].date`, message: `history must be in date order (${claim.history[i]!.date} comes after ${claim.history[i - 1]!.date})` });
    }
  }
  const set = statusFromHistory(claim.history);
  if (!set) {
    problems.push({ field: 'history', message: `no event sets a status; add the event that put the claim "${claim.status}"` });
  } else {
    if (set.status !== claim.status) {
      problems.push({
        field: 'status',
        message: `status is "${claim.status}" but the last status-setting event, history[${set.index}] "${claim.history[set.index]!.event}" on ${set.date}, sets "${set.status}"`,
      });
    }
    if (set.date !== claim.statusDate) {
      problems.push({ field: 'statusDate', message: `statusDate is ${claim.statusDate} but the last status-setting event, history[${set.index}], is dated ${set.date}` });
    }
  }
  if ((claim.status === 'declined' || claim.history.some((entry) => entry.event === 'declined')) && claim.kind !== 'no-commitment') {
    problems.push({ field: 'kind', message: `"declined" is only for no-commitment claims (a refusal is not a ${claim.kind})` });
  }
  return problems;
}

function checkUniqueIds(claims: readonly { id: string }[]): ClaimSetIssue[] {
  const issues: ClaimSetIssue[] = [];
  const seen = new Set<string>();
  claims.forEach((claim, index) => {
    if (seen.has(claim.id)) issues.push({ claimId: claim.id, path: `claims[${index}].id`, message: `duplicate claim id "${claim.id}"` });
    seen.add(claim.id);
  });
  return issues;
}

/**
 * Bounds on a whole set, beyond each list's own (`MAX_LIST`): the distinct names (actors, aliases,
 * members, instruments, key phrases) become the vocabulary every content script loads and tests each
 * page against, and every phrasing is compiled by the background. The bundled set has 381 names and
 * about 700 phrasings, the benchmark's 10,000-claim set 5,133 and 55,378; 1,500 claims at 300
 * members each would fit the list bounds and a 5 MiB feed.
 */
export const MAX_SET_NAMES = 20_000;
export const MAX_SET_PHRASINGS = 150_000;

function checkSetSize(claims: readonly Claim[]): ClaimSetIssue[] {
  const names = new Set<string>();
  let phrasings = 0;
  for (const claim of claims) {
    // (An agreement's parties are actors the matcher reads names of too.)
    for (const actor of actorsOf(claim)) for (const name of namesOf(actor)) names.add(name);
    for (const name of claim.keyPhrases) names.add(name);
    if (claim.instrument) for (const name of [claim.instrument.name, ...claim.instrument.aliases]) names.add(name);
    phrasings += claim.phrasings.length;
  }
  const issues: ClaimSetIssue[] = [];
  if (names.size > MAX_SET_NAMES) issues.push({ path: 'claims', message: `names ${names.size} different actors, parties, aliases, members, instruments and key phrases (at most ${MAX_SET_NAMES})` });
  if (phrasings > MAX_SET_PHRASINGS) issues.push({ path: 'claims', message: `has ${phrasings} phrasings in all (at most ${MAX_SET_PHRASINGS})` });
  return issues;
}

/**
 * One actor id, one actor: a built set embeds a copy of an actor in every claim that names it (as its
 * actor or a party), and two copies with other names are a mistake in the set whichever one is meant
 * (a party `{ id: "meta", name: "Microsoft" }`). (Across packs the matcher keys actors by id and name, so
 * one pack's copy never renames another's.)
 */
function checkActorCopies(claims: readonly Claim[]): ClaimSetIssue[] {
  const issues: ClaimSetIssue[] = [];
  const first = new Map<string, { claimId: string; copy: string }>();
  claims.forEach((claim, index) => {
    actorsOf(claim).forEach((actor, k) => {
      const path = k === 0 ? `claims[${index}].actor` : `claims[${index}].parties[${k - 1}]`;
      const copy = JSON.stringify([actor.name, actor.type, actor.aliases, actor.members ?? []]);
      const seen = first.get(actor.id);
      if (!seen) first.set(actor.id, { claimId: claim.id, copy });
      else if (seen.copy !== copy) issues.push({ claimId: claim.id, path, message: `actor "${actor.id}" is not the same as in claim "${seen.claimId}": one id must carry one name, type, aliases and members` });
    });
  });
  return issues;
}

function checkConsistency(set: ClaimSet): ClaimSetIssue[] {
  const issues = [...checkUniqueIds(set.claims), ...checkActorCopies(set.claims)];
  set.claims.forEach((claim, index) => {
    for (const problem of checkClaimConsistency(claim)) {
      issues.push({ claimId: claim.id, path: `claims[${index}].${problem.field}`, message: problem.message });
    }
  });
  return issues;
}

/** Schema 1's rules: unique ids, ordered history, a status other than in-force backed by an event of that name and date. */
function checkConsistencyV1(set: ClaimSetV1): ClaimSetIssue[] {
  const issues = checkUniqueIds(set.claims);
  set.claims.forEach((claim, index) => {
    const at = `claims[${index}]`;
    for (let i = 1; i < claim.history.length; i++) {
      if (claim.history[i - 1]!.date > claim.history[i]!.date) {
        issues.push({ claimId: claim.id, path: `${at}.history[${i}].date`, message: 'history must be in date order' });
      }
    }
    if (claim.status !== 'in-force' && !claim.history.some((entry) => entry.event === claim.status && entry.date === claim.statusDate)) {
      issues.push({
        claimId: claim.id,
        path: `${at}.status`,
        message: `status "${claim.status}" since ${claim.statusDate} needs a sourced history entry with that event and date`,
      });
    }
  });
  return issues;
}

/**
 * Schema 1 had no actor types. Migration infers the two it can tell from the name (coalitions of
 * signatories, governments) and calls the rest companies; nothing a reader sees depends on it.
 */
function inferActorType(actor: ClaimV1['actor']): ActorType {
  const label = `${actor.id} ${actor.name}`.toLowerCase();
  if (/signator|\bparties\b|\bmembers\b|coalition/.test(label)) return 'coalition';
  if (/^(state|republic|kingdom|government|commonwealth) of\b|european union|\bgovernment\b/.test(actor.name.toLowerCase())) return 'government';
  return 'company';
}

/** Schema 1 kept quotes on sources; they become the claim's evidence (none if no source had one). */
function evidenceFromSources(claim: ClaimV1): Evidence[] {
  const evidence: Evidence[] = [];
  for (const source of claim.sources) {
    if (source.quote) evidence.push({ quote: source.quote, locator: 'quoted from this source (no section recorded)', url: source.url, title: source.title });
  }
  return evidence;
}

/**
 * Upgrades a validated schema 1 claim to schema 2: the actor gets a type, evidence comes from the
 * sources' quotes, `reviewedAt` is the set's `publishedAt` (the last time anyone vouched for it),
 * and the fields schema 1 did not have (instrument, dates, replacedBy, contested) stay absent.
 * Kinds, forces, statuses and events of schema 1 all exist in schema 2 unchanged.
 */
export function migrateClaimV1(claim: ClaimV1, reviewedAt: string): Claim {
  return {
    id: claim.id,
    actor: { id: claim.actor.id, name: claim.actor.name, type: inferActorType(claim.actor), aliases: claim.actor.aliases },
    statement: claim.statement,
    kind: claim.kind,
    force: claim.force,
    status: claim.status,
    statusDate: claim.statusDate,
    history: claim.history,
    rationale: claim.rationale,
    evidence: evidenceFromSources(claim),
    confidence: claim.confidence,
    sources: claim.sources,
    reviewedAt,
    phrasings: claim.phrasings,
    keyPhrases: claim.keyPhrases,
    keyTerms: claim.keyTerms,
    topics: claim.topics,
  };
}

/** Upgrades a validated schema 1 set; `asOf` is its `publishedAt`. */
export function migrateClaimSetV1(set: ClaimSetV1): ClaimSet {
  return {
    schemaVersion: CLAIM_SCHEMA_VERSION,
    version: set.version,
    publishedAt: set.publishedAt,
    asOf: set.publishedAt,
    ...(set.publisher !== undefined ? { publisher: set.publisher } : {}),
    claims: set.claims.map((claim) => migrateClaimV1(claim, set.publishedAt)),
  };
}

function schemaIssues(input: unknown, issues: readonly v.BaseIssue<unknown>[]): ClaimSetIssue[] {
  return issues.map((issue) => {
    const first = issue.path?.[0];
    const second = issue.path?.[1];
    const inClaim = first?.key === 'claims' && typeof second?.key === 'number';
    const claimId = inClaim ? claimIdAt(input, second.key as number) : undefined;
    return { ...(claimId ? { claimId } : {}), path: formatPath(issue), message: issue.message };
  });
}

function schemaVersionOf(input: unknown): unknown {
  return typeof input === 'object' && input !== null ? (input as { schemaVersion?: unknown }).schemaVersion : undefined;
}

/**
 * Validates untrusted JSON (a bundled file, a feed, an imported pack) into a schema 2 claim set.
 * Schema 1 sets are validated by schema 1's rules and migrated, so packs made before schema 2 keep
 * working; any other `schemaVersion` is refused.
 */
export function validateClaimSet(input: unknown): ClaimSetValidation {
  if (schemaVersionOf(input) === 1) {
    const result = v.safeParse(ClaimSetV1Schema, input);
    if (!result.success) return { ok: false, issues: schemaIssues(input, result.issues) };
    const issues = checkConsistencyV1(result.output);
    if (issues.length) return { ok: false, issues };
    const migrated = migrateClaimSetV1(result.output);
    const sizeIssues = checkSetSize(migrated.claims);
    return sizeIssues.length ? { ok: false, issues: sizeIssues } : { ok: true, claimSet: migrated, migratedFrom: 1 };
  }
  if (typeof input === 'object' && input !== null && schemaVersionOf(input) !== CLAIM_SCHEMA_VERSION) {
    return { ok: false, issues: [{ path: 'schemaVersion', message: `must be ${CLAIM_SCHEMA_VERSION} (or 1, which is upgraded on read)` }] };
  }
  const result = v.safeParse(ClaimSetSchema, input);
  if (!result.success) return { ok: false, issues: schemaIssues(input, result.issues) };
  const issues = [...checkConsistency(result.output), ...checkSetSize(result.output.claims)];
  return issues.length ? { ok: false, issues } : { ok: true, claimSet: result.output };
}

/** One line per issue, naming the claim and the field: what error messages and the CLI print. */
export function describeClaimSetIssues(issues: readonly ClaimSetIssue[], limit = 10): string {
  const lines = issues
    .slice(0, limit)
    .map((issue) => `${issue.claimId ? `claim "${issue.claimId}": ` : ''}${issue.path}: ${issue.message}`);
  if (issues.length > limit) lines.push(`… and ${issues.length - limit} more`);
  return lines.join('\n');
}
