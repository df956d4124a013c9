/**
 * Builds lib/match/data/wordnet-synonyms.json from WordNet and the claim set(s).
 *
 *   npx tsx scripts/build-synonyms.ts [--claims public/claims/default.json ...] [--out lib/match/data/wordnet-synonyms.json]
 *
 * Re-run it whenever the claims' wording changes: the table covers only the claims' vocabulary.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { describeClaimSetIssues, validateClaimSet } from '../lib/claims/validate-claim-set';
import {
  buildSynonymMap,
  printSynonymStats,
  serializeSynonymFile,
  synonymFile,
  type ClaimWording,
} from './wordnet/build-synonym-map';
import { loadWordNet } from './wordnet/read-wordnet';

export const DEFAULT_CLAIMS = 'public/claims/default.json';
export const DEFAULT_OUT = 'lib/match/data/wordnet-synonyms.json';

export interface CliOptions {
  claims: string[];
  out: string;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const claims: string[] = [];
  let out = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--claims' && flag !== '--out') throw new Error(`unknown argument "${arg}"`);
    const value = inline ?? argv[++i];
    if (!value) throw new Error(`${flag} needs a path`);
    if (flag === '--claims') claims.push(value);
    else out = value;
  }
  return { claims: claims.length ? claims : [DEFAULT_CLAIMS], out };
}

/** Paths as written in the output: relative to the project root, with forward slashes, so the file diffs the same everywhere. */
function displayPath(path: string): string {
  return relative(process.cwd(), resolve(path)).split(sep).join('/');
}

export function readClaims(path: string): ClaimWording[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const validation = validateClaimSet(parsed);
  if (!validation.ok) throw new Error(`${path} is not a valid claim set:\n${describeClaimSetIssues(validation.issues)}`);
  return validation.claimSet.claims;
}

export function main(argv: readonly string[]): void {
  const started = performance.now();
  const options = parseArgs(argv);
  const claims = options.claims.flatMap(readClaims);
  const build = buildSynonymMap(claims, loadWordNet());
  const text = serializeSynonymFile(synonymFile(build, options.claims.map(displayPath)));
  mkdirSync(dirname(resolve(options.out)), { recursive: true });
  writeFileSync(options.out, text);
  printSynonymStats(build);
  console.log(`wrote ${displayPath(options.out)} from ${claims.length} claims in ${Math.round(performance.now() - started)} ms`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
