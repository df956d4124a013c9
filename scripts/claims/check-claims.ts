/**
 * Checks the claims source (`claims/`): the schema and the invariants a reviewer would otherwise
 * check by hand (see docs/claim-set.md, "Checks"). Prints every problem with its file and field.
 *   npm run claims:check -- [--today YYYY-MM-DD] [--dir claims]
 * `today` defaults to the CLAIMS_TODAY environment variable, then to the real date.
 * Exits 1 when there is an error (warnings alone pass), 2 when the folder cannot be read.
 */
import { fileURLToPath } from 'node:url';
import { readClaimSource } from './claim-source';
import { checkClaimSource, describeProblem, resolveToday } from './check-rules';

export const DEFAULT_SOURCE_DIR = fileURLToPath(new URL('../../claims', import.meta.url));

export function sourceDir(argv: readonly string[]): string {
  const flag = argv.findIndex((arg) => arg === '--dir' || arg.startsWith('--dir='));
  if (flag < 0) return DEFAULT_SOURCE_DIR;
  return argv[flag]!.includes('=') ? argv[flag]!.split('=')[1]! : argv[flag + 1] ?? DEFAULT_SOURCE_DIR;
}

function main(): number {
  const argv = process.argv.slice(2);
  let today: string;
  let tree;
  try {
    today = resolveToday(argv, process.env);
    tree = readClaimSource(sourceDir(argv));
  } catch (error) {
    console.error(`claims:check: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const { problems, claimSet } = checkClaimSource(tree, { today });
  for (const problem of problems) (problem.severity === 'error' ? console.error : console.warn)(describeProblem(problem));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const size = claimSet ? `${claimSet.claims.length} claims, ${new Set(claimSet.claims.map((claim) => claim.actor.id)).size} actors` : 'not buildable';
  console.log(`claims:check (today ${today}): ${size}; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
