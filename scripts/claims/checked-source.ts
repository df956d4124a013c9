/**
 * What `claims:build` and `claims:check` both do first: read the claim source named on the command
 * line (`--dir`, default `claims/`) and run every check for a given day (`--today` or the env).
 */
import { fileURLToPath } from 'node:url';
import { readClaimSource } from './claim-source';
import { checkClaimSource, resolveToday } from './check-rules';

export const DEFAULT_SOURCE_DIR = fileURLToPath(new URL('../../claims', import.meta.url));

/** The value of `--name value` or `--name=value` in `argv`, or `fallback`. */
export function optionValue(argv: readonly string[], name: string, fallback: string): string {
  const flag = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (flag < 0) return fallback;
  return argv[flag]!.includes('=') ? argv[flag]!.split('=')[1]! : (argv[flag + 1] ?? fallback);
}

/**
 * Reads and checks the source.
 * @returns the day checked and the checks' result, or undefined after printing why the source could
 *   not be read (the caller exits 2)
 */
export function checkedSource(command: string, argv: readonly string[]): { today: string; result: ReturnType<typeof checkClaimSource> } | undefined {
  try {
    const today = resolveToday(argv, process.env);
    return { today, result: checkClaimSource(readClaimSource(optionValue(argv, 'dir', DEFAULT_SOURCE_DIR)), { today }) };
  } catch (error) {
    console.error(`${command}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
