import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './paths';

interface BundledClaim {
  id: string;
  kind: string;
  status: string;
  statusDate: string;
}

interface BundledClaimSet {
  version: string;
  publishedAt: string;
  claims: BundledClaim[];
}

/** The claim set the extension ships (public/claims/default.json), read as data to compare against. */
export const bundledClaimSet = JSON.parse(readFileSync(resolve(REPO_ROOT, 'public', 'claims', 'default.json'), 'utf8')) as BundledClaimSet;

export function bundledKind(claimId: string): string | undefined {
  return bundledClaimSet.claims.find((claim) => claim.id === claimId)?.kind;
}

/** The words a user sees for each kind; spelled out here, not imported, so a renamed label fails a test. */
export const KIND_WORDS: Readonly<Record<string, string>> = {
  'binding-commitment': 'Binding commitment',
  'announced-target': 'Announced target',
};
