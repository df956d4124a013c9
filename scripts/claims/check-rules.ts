/**
 * The checks `npm run claims:check` runs on the claims source (and `npm run claims:build` before it
 * writes public/claims/default.json): the schema, plus the invariants a reviewer would otherwise
 * check by hand. Every problem names the file and the field. Pure functions over a read tree, so
 * each rule can be tested by feeding it a broken claim.
 */
import * as v from 'valibot';
import {
  ActorFileSchema,
  CLAIM_SCHEMA_VERSION,
  CLAIM_STATUSES,
  ClaimSourceSchema,
  FORCES_BY_KIND,
  SetFileSchema,
  type ActorFile,
  type ClaimSet,
  type ClaimSource,
  type SetFile,
} from '../../lib/claims/schema';
import { checkClaimConsistency, describeClaimSetIssues, statusFromHistory, validateClaimSet } from '../../lib/claims/validate-claim-set';
import type { ClaimSourceTree, SourceFile } from './claim-source';

export type Severity = 'error' | 'warning';

export type RuleName =
  | 'json'
  | 'layout'
  | 'schema'
  | 'unknown-field'
  | 'file-name'
  | 'id-unique'
  | 'actor-exists'
  | 'actor-used'
  | 'actor-members'
  | 'parties'
  | 'status-history'
  | 'future-date'
  | 'effective-date'
  | 'pending-past-effective-date'
  | 'deadline-passed'
  | 'quote-length'
  | 'phrasing-count'
  | 'replaced-by'
  | 'rationale-status'
  | 'alias'
  | 'kind-force';

export interface Problem {
  severity: Severity;
  rule: RuleName;
  /** e.g. `claims/anthropic/anthropic-rsp-pause-pledge.json` */
  file: string;
  /** Dotted path inside the file, e.g. `history[2].date`; `(file)` for the file as a whole. */
  field: string;
  message: string;
}

export interface CheckOptions {
  /** YYYY-MM-DD: dates after it are in the future; deadlines before it have passed. */
  today: string;
}

export interface CheckResult {
  problems: Problem[];
  /** The built set, when the source is complete enough to build (no error outside the calendar rules). */
  claimSet?: ClaimSet;
}

/**
 * Rules whose verdict can flip only because days pass (a deadline or an effective date arrives). The
 * build reports them as warnings, so a release build never fails on the calendar alone; `claims:check`
 * (CI) fails on them, which is what tells maintainers the data went stale.
 */
export const CALENDAR_RULES: ReadonlySet<RuleName> = new Set<RuleName>(['deadline-passed', 'pending-past-effective-date']);

/**
 * "the status is X" / "the status stays X" / "the status remains X" in a rationale, X one of the statuses written
 * with a hyphen or a space ("partly fulfilled"); the longest status first, so "partly fulfilled" is not read as
 * "fulfilled". Conditionals ("the status would change to withdrawn") are not matched: they argue nothing.
 */
const RATIONALE_STATUS = new RegExp(
  `\\bstatus (?:is|stays|remains) (?:now |therefore |still )?(${[...CLAIM_STATUSES].sort((a, b) => b.length - a.length).map((status) => status.replace('-', '[- ]')).join('|')})\\b`,
  'i',
);

/** Longest evidence quote, in words: enough for the operative words, short enough for fair use. */
export const MAX_QUOTE_WORDS = 30;
/**
 * Phrasings per claim (a warning outside the range): fewer leave the claim's term weights to one or two
 * wordings; more are hard to review and tend to drift from the claim's core.
 */
export const MIN_PHRASINGS = 4;
export const MAX_PHRASINGS = 12;

/**
 * Aliases the matcher would treat as a name although they are ordinary words. Compared in lower case.
 * (A multi-word alias must also contain a capital letter or a digit, as names do.)
 */
export const GENERIC_ALIASES: ReadonlySet<string> = new Set([
  'act', 'the act', 'law', 'the law', 'bill', 'the bill', 'statute', 'code', 'the code', 'policy', 'the policy',
  'framework', 'the framework', 'agreement', 'the agreement', 'contract', 'the contract', 'deal', 'the deal',
  'commitments', 'the commitments', 'pledge', 'the pledge', 'promise', 'principles', 'the principles',
  'declaration', 'the declaration', 'convention', 'the convention', 'treaty', 'the treaty', 'regulation',
  'the regulation', 'rules', 'the rules', 'order', 'the order', 'executive order', 'plan', 'the plan',
  'action plan', 'statement', 'the statement', 'guidelines', 'standards', 'report', 'roadmap',
  'company', 'the company', 'lab', 'the lab', 'firm', 'the firm', 'startup', 'developer', 'the developer',
  'government', 'the government', 'administration', 'the administration', 'state', 'the state', 'agency',
  'the agency', 'office', 'institute', 'summit', 'the summit', 'signatories', 'the signatories', 'members',
  'parliament', 'congress', 'president', 'the president', 'ai', 'model', 'models', 'safety', 'security',
]);

const DATE_FIELDS_NOT_FUTURE = 'history dates, statusDate, reviewedAt and source dates';

function formatPath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(file)';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields the schema silently drops (a typo such as `contestd`) are reported instead of lost. */
function unknownFields(raw: unknown, parsed: unknown, path: string, out: string[]): void {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    raw.forEach((item, index) => unknownFields(item, parsed[index], `${path}[${index}]`, out));
    return;
  }
  if (!isPlainObject(raw) || !isPlainObject(parsed)) return;
  for (const key of Object.keys(raw)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in parsed)) out.push(at);
    else unknownFields(raw[key], parsed[key], at, out);
  }
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** `today` from `--today YYYY-MM-DD`, else the CLAIMS_TODAY environment variable, else the real (UTC) date. */
export function resolveToday(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, now = new Date()): string {
  const flag = argv.findIndex((arg) => arg === '--today' || arg.startsWith('--today='));
  const fromFlag = flag < 0 ? undefined : argv[flag]!.includes('=') ? argv[flag]!.split('=')[1] : argv[flag + 1];
  const today = fromFlag ?? env.CLAIMS_TODAY ?? now.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    throw new Error(`today must be a date written YYYY-MM-DD, got "${today}"`);
  }
  return today;
}

interface ParsedActor {
  source: SourceFile;
  actor: ActorFile;
}

interface ParsedClaim {
  source: SourceFile;
  claim: ClaimSource;
}

/** Checks the whole source and, when it can, assembles the built set (actors embedded, claims sorted by id). */
export function checkClaimSource(tree: ClaimSourceTree, options: CheckOptions): CheckResult {
  const problems: Problem[] = [];
  const add = (severity: Severity, rule: RuleName, file: string, field: string, message: string) =>
    problems.push({ severity, rule, file, field, message });
  const error = (rule: RuleName, file: string, field: string, message: string) => add('error', rule, file, field, message);
  const warn = (rule: RuleName, file: string, field: string, message: string) => add('warning', rule, file, field, message);
  const { today } = options;

  /** Schema-parses one file; reports JSON, schema and unknown-field problems; returns the output if valid. */
  function parse<T>(source: SourceFile, schema: v.GenericSchema<unknown, T>): T | undefined {
    if (source.error !== undefined) {
      error('json', source.file, '(file)', `not valid JSON: ${source.error}`);
      return undefined;
    }
    const result = v.safeParse(schema, source.data);
    if (!result.success) {
      for (const issue of result.issues) error('schema', source.file, formatPath(issue), issue.message);
      return undefined;
    }
    const unknown: string[] = [];
    unknownFields(source.data, result.output, '', unknown);
    for (const field of unknown) error('unknown-field', source.file, field, 'not a field of the schema (a typo?)');
    return result.output;
  }

  for (const stray of tree.strays) {
    error('layout', stray.file, '(file)', 'does not belong here: the source holds set.json, actors/<actor-id>.json and <actor-id>/<claim-id>.json');
  }

  // The set header.
  let header: SetFile | undefined;
  if (!tree.set) error('layout', 'claims/set.json', '(file)', 'missing: the set header (version, publishedAt, asOf, publisher)');
  else {
    header = parse(tree.set, SetFileSchema);
    if (header) {
      if (header.publishedAt > today) error('future-date', tree.set.file, 'publishedAt', `${header.publishedAt} is after today (${today})`);
      if (header.asOf > today) error('future-date', tree.set.file, 'asOf', `${header.asOf} is after today (${today})`);
    }
  }

  // Actors.
  const actors = new Map<string, ParsedActor>();
  for (const source of tree.actors) {
    const actor = parse(source, ActorFileSchema);
    if (!actor) continue;
    if (source.name !== actor.id) error('file-name', source.file, 'id', `id "${actor.id}" must equal the file name "${source.name}"`);
    if (actors.has(actor.id)) {
      error('id-unique', source.file, 'id', `actor id "${actor.id}" is also used by ${actors.get(actor.id)!.source.file}`);
      continue;
    }
    actors.set(actor.id, { source, actor });
    if (actor.type === 'coalition' && !actor.members?.length) warn('actor-members', source.file, 'members', 'a coalition should list its members');
    if (actor.type !== 'coalition' && actor.members) error('actor-members', source.file, 'members', 'only a coalition has members');
    checkAliases(actor.aliases, source.file, 'aliases', actor.name);
  }
  // An alias must not also name another actor.
  const nameOwners = new Map<string, string>();
  for (const { actor } of actors.values()) {
    for (const name of [actor.name, ...actor.aliases]) {
      const key = name.toLowerCase();
      const owner = nameOwners.get(key);
      if (owner !== undefined && owner !== actor.id) {
        error('alias', actors.get(actor.id)!.source.file, 'aliases', `"${name}" also names actor "${owner}": an alias must name one actor only`);
      } else nameOwners.set(key, actor.id);
    }
  }

  function checkAliases(aliases: readonly string[], file: string, field: string, ownName: string): void {
    const seen = new Set<string>();
    aliases.forEach((alias, index) => {
      const at = `${field}[${index}]`;
      const key = alias.toLowerCase();
      if (GENERIC_ALIASES.has(key)) error('alias', file, at, `"${alias}" is an ordinary word, not a name`);
      else if (/\s/.test(alias) && !/[\p{Lu}\p{N}]/u.test(alias)) {
        error('alias', file, at, `"${alias}" has no capital letter or digit: a multi-word alias must be a name, not a description`);
      }
      if (key === ownName.toLowerCase()) error('alias', file, at, `"${alias}" repeats the name`);
      if (seen.has(key)) error('alias', file, at, `"${alias}" is listed twice`);
      seen.add(key);
    });
  }

  // Claims, one by one.
  const claims: ParsedClaim[] = [];
  const idFiles = new Map<string, string>();
  /** Actor ids named by claims, including claims that failed the schema (their actor is still in use). */
  const usedActors = new Set<string>();
  for (const source of tree.claims) {
    const rawId = isPlainObject(source.data) && typeof source.data.id === 'string' ? source.data.id : undefined;
    if (isPlainObject(source.data) && typeof source.data.actor === 'string') usedActors.add(source.data.actor);
    // (An actor that is only ever a party to others' agreements is used too.)
    if (isPlainObject(source.data) && Array.isArray(source.data.parties)) for (const party of source.data.parties) if (typeof party === 'string') usedActors.add(party);
    if (rawId !== undefined) {
      const other = idFiles.get(rawId);
      if (other !== undefined) error('id-unique', source.file, 'id', `claim id "${rawId}" is also used by ${other}`);
      else idFiles.set(rawId, source.file);
    }
    const claim = parse(source, ClaimSourceSchema);
    if (!claim) continue;
    claims.push({ source, claim });
    const file = source.file;
    if (source.name !== claim.id) error('file-name', file, 'id', `id "${claim.id}" must equal the file name "${source.name}"`);
    if (source.folder !== claim.actor) error('file-name', file, 'actor', `the claim of actor "${claim.actor}" belongs in claims/${claim.actor}/, not claims/${source.folder}/`);
    if (!actors.has(claim.actor)) error('actor-exists', file, 'actor', `no actor "${claim.actor}": add claims/actors/${claim.actor}.json`);
    (claim.parties ?? []).forEach((party, index) => {
      const field = `parties[${index}]`;
      if (party === claim.actor) error('parties', file, field, `"${party}" is the claim's own actor, not another party`);
      else if (!actors.has(party)) error('actor-exists', file, field, `no actor "${party}": add claims/actors/${party}.json`);
      else if (claim.parties!.indexOf(party) !== index) error('parties', file, field, `"${party}" is listed twice`);
    });

    for (const problem of checkClaimConsistency(claim)) error('status-history', file, problem.field, problem.message);

    if (!FORCES_BY_KIND[claim.kind].includes(claim.force)) {
      error('kind-force', file, 'force', `"${claim.force}" is not a force of a ${claim.kind} (allowed: ${FORCES_BY_KIND[claim.kind].join(', ')})`);
    }

    // Nothing dated after today (effective dates and deadlines may lie ahead).
    claim.history.forEach((entry, index) => {
      if (entry.date > today) error('future-date', file, `history[${index}].date`, `${entry.date} is after today (${today}); ${DATE_FIELDS_NOT_FUTURE} must not be in the future`);
    });
    if (claim.statusDate > today) error('future-date', file, 'statusDate', `${claim.statusDate} is after today (${today})`);
    if (claim.reviewedAt > today) error('future-date', file, 'reviewedAt', `${claim.reviewedAt} is after today (${today})`);
    claim.sources.forEach((entry, index) => {
      if (entry.date && entry.date > today) error('future-date', file, `sources[${index}].date`, `${entry.date} is after today (${today})`);
    });

    if (claim.effectiveDate) {
      if (claim.status === 'in-force' && claim.effectiveDate > today) {
        error('effective-date', file, 'effectiveDate', `in force, but it takes effect only on ${claim.effectiveDate}: the status should be pending`);
      }
      // (A law amended before it took effect, "modified", waits for the same event: New York's RAISE Act, rewritten by
      // its chapter amendment of March 2026, applies from 1 January 2027. One that took effect and was amended after has it.)
      const waiting = claim.status === 'pending' || (claim.status === 'modified' && !claim.history.some((entry) => entry.event === 'took-effect' && entry.date >= claim.effectiveDate!));
      if (waiting && claim.effectiveDate <= today) {
        error('pending-past-effective-date', file, 'status', `${claim.status}, but its effective date ${claim.effectiveDate} has come: add the took-effect event (or the delay)`);
      }
    }
    if (claim.status === 'in-force' && claim.deadline && claim.deadline < today) {
      error('deadline-passed', file, 'status', `in force, but its deadline ${claim.deadline} has passed: record fulfilled, partly-fulfilled or lapsed`);
    }

    claim.evidence.forEach((item, index) => {
      const words = wordCount(item.quote);
      if (words > MAX_QUOTE_WORDS) error('quote-length', file, `evidence[${index}].quote`, `${words} words; quote at most ${MAX_QUOTE_WORDS} (the operative words only)`);
    });

    if (claim.phrasings.length < MIN_PHRASINGS || claim.phrasings.length > MAX_PHRASINGS) {
      warn('phrasing-count', file, 'phrasings', `${claim.phrasings.length} phrasings; write ${MIN_PHRASINGS} to ${MAX_PHRASINGS}`);
    }
    if (claim.instrument) checkAliases(claim.instrument.aliases, file, 'instrument.aliases', claim.instrument.name);

    // A rationale that argues for a status ("so the status is superseded") must argue for the one the claim has:
    // a status changed without its reasoning leaves the card explaining a label it no longer shows.
    const argued = RATIONALE_STATUS.exec(claim.rationale);
    if (argued && argued[1]!.toLowerCase().replace(/\s+/g, '-') !== claim.status) {
      error('rationale-status', file, 'rationale', `says "${argued[0]}", but the status is ${claim.status}: update the rationale's reasoning`);
    }

    const replaceable = claim.status === 'withdrawn' || claim.status === 'superseded' || claim.status === 'modified';
    if (claim.replacedBy?.length && !replaceable) {
      error('replaced-by', file, 'replacedBy', `only a withdrawn, superseded or modified claim is replaced (status is ${claim.status})`);
    }
    if (!claim.replacedBy?.length && (claim.status === 'withdrawn' || claim.status === 'superseded')) {
      const set = statusFromHistory(claim.history);
      const note = set ? claim.history[set.index]!.note : '';
      if (claim.status === 'superseded' || /replac|supersed|successor|in favou?r of|instead/i.test(note)) {
        warn(
          'replaced-by',
          file,
          'replacedBy',
          `${claim.status}${claim.status === 'withdrawn' ? ' and its history says something replaced it' : ''}, but replacedBy is empty: name the claim that replaced it, if the set holds one`,
        );
      }
    }
  }

  // Across claims.
  const ids = new Set(claims.map(({ claim }) => claim.id));
  for (const { source, claim } of claims) {
    (claim.replacedBy ?? []).forEach((id, index) => {
      if (id === claim.id) error('replaced-by', source.file, `replacedBy[${index}]`, 'a claim cannot replace itself');
      else if (!ids.has(id) && !idFiles.has(id)) error('replaced-by', source.file, `replacedBy[${index}]`, `no claim "${id}" in the set`);
    });
  }
  for (const { source, actor } of actors.values()) {
    if (!usedActors.has(actor.id)) error('actor-used', source.file, '(file)', `no claim names actor "${actor.id}" as its actor or a party: remove the file or add its claims`);
  }

  const blocking = problems.some((problem) => problem.severity === 'error' && !CALENDAR_RULES.has(problem.rule));
  if (blocking || !header) return { problems };
  const built = assembleClaimSet(header, actors, claims);
  const validation = validateClaimSet(built);
  if (!validation.ok) {
    // The rules above cover the schema and consistency; reaching here is a bug in this file.
    error('schema', 'public/claims/default.json', '(file)', `the assembled set is invalid:\n${describeClaimSetIssues(validation.issues, 50)}`);
    return { problems };
  }
  return { problems, claimSet: validation.claimSet };
}

function assembleClaimSet(header: SetFile, actors: ReadonlyMap<string, ParsedActor>, claims: readonly ParsedClaim[]): unknown {
  const sorted = [...claims].sort((a, b) => (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0));
  return {
    schemaVersion: CLAIM_SCHEMA_VERSION,
    ...header,
    claims: sorted.map(({ claim }) => ({
      ...claim,
      actor: actors.get(claim.actor)!.actor,
      ...(claim.parties ? { parties: claim.parties.map((party) => actors.get(party)!.actor) } : {}),
    })),
  };
}

/** The built file's text: two-space JSON in schema field order, one trailing newline, so diffs stay small. */
export function formatClaimSet(claimSet: ClaimSet): string {
  return `${JSON.stringify(claimSet, null, 2)}\n`;
}

/** One line per problem: `claims/x/y.json: history[2].date: message`, warnings marked. */
export function describeProblem(problem: Problem): string {
  return `${problem.severity === 'warning' ? 'warning: ' : ''}${problem.file}: ${problem.field}: ${problem.message} [${problem.rule}]`;
}
