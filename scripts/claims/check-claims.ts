/**
 * Checks the claims source (`claims/`): the schema and the invariants a reviewer would otherwise
 * check by hand (see docs/claim-set.md, "Checks"). Prints every problem with its file and field.
 *   npm run claims:check -- [--today YYYY-MM-DD] [--dir claims]
 * `today` defaults to the CLAIMS_TODAY environment variable, then to the real date.
 * Exits 1 when there is an error (warnings alone pass), 2 when the folder cannot be read.
 */
import { fileURLToPath } from 'node:url';
import { checkedSource } from './checked-source';
import { describeProblem } from './check-rules';

function main(): number {
  const checked = checkedSource('claims:check', process.argv.slice(2));
  if (!checked) return 2;
  const { today } = checked;
  const { problems, claimSet } = checked.result;
  for (const problem of problems) (problem.severity === 'error' ? console.error : console.warn)(describeProblem(problem));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const size = claimSet ? `${claimSet.claims.length} claims, ${new Set(claimSet.claims.map((claim) => claim.actor.id)).size} actors` : 'not buildable';
  console.log(`claims:check (today ${today}): ${size}; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
