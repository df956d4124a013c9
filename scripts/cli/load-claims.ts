import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ClaimSet } from '../../lib/claims/schema';
import { describeClaimSetIssues, validateClaimSet } from '../../lib/claims/validate-claim-set';
import { InputError } from './load-input';

export const DEFAULT_CLAIMS = fileURLToPath(new URL('../../public/claims/default.json', import.meta.url));

/** Reads and validates a claim-set file; a broken file is an input error naming claim and field. */
export async function loadClaimSet(path: string = DEFAULT_CLAIMS): Promise<ClaimSet> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read claim set ${path}: ${(error as Error).message}`);
  }
  const result = validateClaimSet(json);
  if (!result.ok) throw new InputError(`invalid claim set ${path}:\n${describeClaimSetIssues(result.issues)}`);
  return result.claimSet;
}
