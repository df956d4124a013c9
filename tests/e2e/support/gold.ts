import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTICLES_DIR } from './paths';

export interface GoldEntry {
  claim: string;
  quote: string;
  required: boolean;
}

type GoldFile = Record<string, GoldEntry[] | string>;

const gold = JSON.parse(readFileSync(resolve(ARTICLES_DIR, 'gold.json'), 'utf8')) as GoldFile;

/** Gold entries for one fixture file; throws on a name gold.json does not know, so a typo cannot pass as "no claims". */
export function goldFor(file: string): GoldEntry[] {
  const entries = gold[file];
  if (!Array.isArray(entries)) throw new Error(`gold.json has no entry for ${file}`);
  return entries;
}

/** Claim ids a matcher must find in the file. */
export function requiredClaims(file: string): Set<string> {
  return new Set(goldFor(file).filter((entry) => entry.required).map((entry) => entry.claim));
}

/** Every claim id gold.json allows in the file (required or not): anything else is a false positive. */
export function allowedClaims(file: string): Set<string> {
  return new Set(goldFor(file).map((entry) => entry.claim));
}
