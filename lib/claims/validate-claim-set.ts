import * as v from 'valibot';
import { ClaimSetSchema, type ClaimSet } from './schema';

/** One problem in a claim set, located well enough for a maintainer to fix it without a debugger. */
export interface ClaimSetIssue {
  /** The id of the claim the problem is in, when it is inside a claim and the id is readable. */
  claimId?: string;
  /** Dotted path from the set's root, e.g. `claims[3].sources[0].url`. */
  path: string;
  message: string;
}

export type ClaimSetValidation =
  | { ok: true; claimSet: ClaimSet }
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

/** Checks the rules a schema cannot express: unique ids, ordered history, status backed by history. */
function checkConsistency(set: ClaimSet): ClaimSetIssue[] {
  const issues: ClaimSetIssue[] = [];
  const seen = new Set<string>();
  set.claims.forEach((claim, index) => {
    const at = `claims[${index}]`;
    if (seen.has(claim.id)) issues.push({ claimId: claim.id, path: `${at}.id`, message: `duplicate claim id "${claim.id}"` });
    seen.add(claim.id);
    for (let i = 1; i < claim.history.length; i++) {
      if (claim.history[i - 1]!.date > claim.history[i]!.date) {
        issues.push({ claimId: claim.id, path: `${at}.history[${i}].date`, message: 'history must be in date order' });
      }
    }
    if (claim.status !== 'in-force') {
      const backed = claim.history.some((entry) => entry.event === claim.status && entry.date === claim.statusDate);
      if (!backed) {
        issues.push({
          claimId: claim.id,
          path: `${at}.status`,
          message: `status "${claim.status}" since ${claim.statusDate} needs a sourced history entry with that event and date`,
        });
      }
    }
  });
  return issues;
}

/** Validates untrusted JSON (a bundled file, a feed, an imported pack) into a claim set. */
export function validateClaimSet(input: unknown): ClaimSetValidation {
  const result = v.safeParse(ClaimSetSchema, input);
  if (!result.success) {
    return {
      ok: false,
      issues: result.issues.map((issue) => {
        const first = issue.path?.[0];
        const second = issue.path?.[1];
        const inClaim = first?.key === 'claims' && typeof second?.key === 'number';
        const claimId = inClaim ? claimIdAt(input, second.key as number) : undefined;
        return { ...(claimId ? { claimId } : {}), path: formatPath(issue), message: issue.message };
      }),
    };
  }
  const issues = checkConsistency(result.output);
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
