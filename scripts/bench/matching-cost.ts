/**
 * Matching cost in Node, without a browser: 1 MB of adversarial text against 1 MB of prose (goal:
 * the slowest adversarial text within 2x of prose), as part of `npm run bench`, and standalone:
 *
 *   tsx scripts/bench/matching-cost.ts [--matcher DIR]   (DIR holds compile-index.ts and match-claims.ts;
 *                                                         for measuring an older copy of lib/match)
 *
 * The adversarial texts are built to hit what a page can control: separators, sentence length,
 * clause count, names, list depth. Each is generated deterministically and cut to 1 MB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClaimSet, ClaimSetInput } from '../../lib/claims/schema';
import { validateClaimSet } from '../../lib/claims/validate-claim-set';
import { BLOCK_SEPARATOR } from '../../lib/text/extract-text';
import { adversarialTexts } from './adversarial-texts';
import { loadCorpus, type Corpus } from './fixture-corpus';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MEGABYTE = 1_000_000;

/** What the measurement needs of a matcher: compile once, match many times. */
export interface Matcher {
  compile(claims: ClaimSet['claims'], version: string): unknown;
  match(text: string, index: unknown): unknown[];
}

export async function loadMatcher(dir = join(ROOT, 'lib/match')): Promise<Matcher> {
  const compileModule = (await import(pathToFileURL(join(dir, 'compile-index.ts')).href)) as {
    compileClaimIndex: (claims: ClaimSet['claims'], version: string) => unknown;
  };
  const matchModule = (await import(pathToFileURL(join(dir, 'match-claims.ts')).href)) as {
    matchClaims: (text: string, index: unknown) => unknown[];
  };
  return { compile: compileModule.compileClaimIndex, match: matchModule.matchClaims };
}

/** The bench's pages are tiled from the fixture blocks; here the text is what extraction would give. */
export function tiledText(corpus: Corpus, targetWords: number): string {
  const blocks: string[] = [];
  let words = 0;
  for (let round = 0; words < targetWords; round++) {
    const article = corpus.articles[round % corpus.articles.length]!;
    for (const block of article.blocks) {
      if (words >= targetWords) break;
      blocks.push(block);
      words += block.split(/\s+/).filter(Boolean).length;
    }
  }
  return blocks.join(BLOCK_SEPARATOR);
}

function tiledToLength(corpus: Corpus, length: number): string {
  const blocks: string[] = [];
  let size = 0;
  for (let round = 0; size < length; round++) {
    for (const block of corpus.articles[round % corpus.articles.length]!.blocks) {
      blocks.push(block);
      size += block.length + 1;
    }
  }
  return blocks.join(BLOCK_SEPARATOR).slice(0, length);
}

function time(run: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface MatchingCost {
  /** Median ms of matching 1 MB of the fixture articles' prose (warm). */
  proseMs: number;
  /** One run per adversarial text (after the prose runs warmed the matcher up). */
  adversarial: Array<{ kind: string; ms: number; ratio: number }>;
  /** Slowest adversarial text over 1 MB of prose. */
  worstRatio: number;
  worstKind: string;
}

/** 1 MB of prose against 1 MB of each adversarial text, with the given compiled index (the default set). */
export function measureAdversarial(matcher: Matcher, index: unknown, corpus: Corpus, options: { proseRuns?: number; log?: (line: string) => void } = {}): MatchingCost {
  const log = options.log ?? (() => undefined);
  const prose = tiledToLength(corpus, MEGABYTE);
  matcher.match(prose, index);
  const proseMs = time(() => matcher.match(prose, index), options.proseRuns ?? 3);
  log(`  1 MB of prose: ${proseMs.toFixed(0)} ms`);
  const adversarial: MatchingCost['adversarial'] = [];
  for (const [kind, text] of Object.entries(adversarialTexts())) {
    const ms = time(() => matcher.match(text, index), 1);
    adversarial.push({ kind, ms, ratio: ms / proseMs });
    log(`  1 MB adversarial (${kind}): ${ms.toFixed(0)} ms = ${(ms / proseMs).toFixed(2)}x prose`);
  }
  const worst = adversarial.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { proseMs, adversarial, worstRatio: worst.ms / proseMs, worstKind: worst.kind };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--matcher');
  const matcher = await loadMatcher(at > 0 ? process.argv[at + 1] : undefined);
  const corpus = loadCorpus(join(ROOT, 'tests/fixtures/articles'));
  const base = JSON.parse(readFileSync(join(ROOT, 'public/claims/default.json'), 'utf8')) as ClaimSetInput;
  const result = validateClaimSet(base);
  if (!result.ok) throw new Error('the default claim set is invalid');
  const index = matcher.compile(result.claimSet.claims, result.claimSet.version);
  const page = tiledText(corpus, 10_000);
  matcher.match(page, index);
  process.stdout.write(`  10k-word page, default set: ${time(() => matcher.match(page, index), 7).toFixed(1)} ms\n`);
  const cost = measureAdversarial(matcher, index, corpus, { log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`worst adversarial / prose: ${cost.worstRatio.toFixed(2)}x (${cost.worstKind}; goal: at most 2x)\n`);
}
