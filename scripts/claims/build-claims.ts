/**
 * Builds public/claims/default.json from the claims source (`claims/`): validates it with the same
 * rules as `npm run claims:check`, embeds each claim's actor, sorts claims by id and writes stable
 * two-space JSON. `npm run build` runs it first, so the bundled set cannot drift from the source.
 *   npm run claims:build -- [--today YYYY-MM-DD] [--dir claims] [--out FILE]
 * Rules that only the calendar can break (a deadline passing) are reported but do not stop the
 * build; claims:check fails on them. Exits 1 (writing nothing) on any other error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkedSource, optionValue } from './checked-source';
import { CALENDAR_RULES, describeProblem, formatClaimSet } from './check-rules';

const DEFAULT_OUT = fileURLToPath(new URL('../../public/claims/default.json', import.meta.url));

function main(): number {
  const argv = process.argv.slice(2);
  const checked = checkedSource('claims:build', argv);
  if (!checked) return 2;
  const { problems, claimSet } = checked.result;
  for (const problem of problems) {
    const blocking = problem.severity === 'error' && !CALENDAR_RULES.has(problem.rule);
    (blocking ? console.error : console.warn)(blocking ? describeProblem(problem) : describeProblem({ ...problem, severity: 'warning' }));
  }
  if (!claimSet) {
    console.error('claims:build: not written; fix the errors above (npm run claims:check lists them too)');
    return 1;
  }
  const out = optionValue(argv, 'out', DEFAULT_OUT);
  const text = formatClaimSet(claimSet);
  let previous: string | undefined;
  try {
    previous = readFileSync(out, 'utf8');
  } catch {
    previous = undefined;
  }
  if (previous !== text) writeFileSync(out, text);
  const actors = new Set(claimSet.claims.map((claim) => claim.actor.id)).size;
  console.log(`claims:build: ${claimSet.claims.length} claims, ${actors} actors, version ${claimSet.version} -> ${out}${previous === text ? ' (unchanged)' : ''}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
