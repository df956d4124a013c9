/**
 * The shared matching cases (../shared/eval/matching-cases.json): small inputs, each standing for a
 * whole kind of text real articles contain (a collective actor after a list of its members, several
 * claims in one sentence, a lead-in and its bullets, someone else speaking…). Every highlight must be
 * expected or allowed; every expected one must appear.
 *
 * The file lives outside this repository (CI checks it out beside it). Without it the suite is
 * skipped, and says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims } from '../../../lib/match/match-claims';
import { locateQuote } from '../../../scripts/cli/evaluate-matches';
import { textFromHtml } from '../../../scripts/cli/load-input';
import { REPO_ROOT } from '../../../scripts/support/paths';
import { bundledClaimSet } from '../../support/claim-sets';

const CASES_PATH = `${REPO_ROOT}/../shared/eval/matching-cases.json`;

interface MatchingCase {
  id: string;
  kind: string;
  html: string;
  expect: Array<{ claim: string; quote: string }>;
  allow?: string[];
}

function readCases(): MatchingCase[] {
  if (!existsSync(CASES_PATH)) return [];
  const parsed = JSON.parse(readFileSync(CASES_PATH, 'utf8')) as { cases?: unknown };
  if (!Array.isArray(parsed.cases)) throw new Error(`${CASES_PATH} has no "cases" list`);
  return parsed.cases as MatchingCase[];
}

const cases = readCases();
const present = cases.length > 0;

if (!present) {
  // Visible in the run's output, not only as a skipped count.
  console.warn(`matching-cases: ${CASES_PATH} not found; the shared matching cases are skipped (CI checks ../shared out beside the repository).`);
}

describe.skipIf(!present)('shared matching cases (../shared/eval/matching-cases.json)', () => {
  const claimSet = bundledClaimSet();
  const index = compileClaimIndex(claimSet.claims, claimSet.version);
  const known = new Set(claimSet.claims.map((claim) => claim.id));

  it.each(cases.map((c) => [`${c.id} (${c.kind})`, c] as const))('%s', (_name, testCase) => {
    const { text } = textFromHtml(`<!doctype html><html><body>${testCase.html}</body></html>`, `https://cases.invalid/${testCase.id}`);
    const matches = matchClaims(text, index);
    const shown = matches.map((m) => `${m.claimId}: "${text.slice(m.start, m.end)}"`).join('\n') || '(no highlights)';
    for (const expected of testCase.expect) {
      expect(known.has(expected.claim), `unknown claim id ${expected.claim}`).toBe(true);
      const span = locateQuote(text, expected.quote);
      expect(span, `quote not in text: ${expected.quote}`).toBeDefined();
      const hit = matches.some((m) => m.claimId === expected.claim && m.start < span!.end && span!.start < m.end);
      expect(hit, `expected ${expected.claim} on "${expected.quote}"; got:\n${shown}`).toBe(true);
    }
    // A highlight of a claim neither expected nor allowed is wrong. (An expected claim may also be
    // highlighted beside its quote: the case's other bullets state the same law's other duties.)
    const allowed = new Set([...testCase.expect.map((e) => e.claim), ...(testCase.allow ?? [])]);
    const unexpected = matches.filter((m) => !allowed.has(m.claimId));
    expect(unexpected.map((m) => `${m.claimId}: "${text.slice(m.start, m.end)}"`), `highlights:\n${shown}`).toEqual([]);
  });
});
