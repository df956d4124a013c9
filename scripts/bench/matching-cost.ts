/**
 * Matching cost in Node, without a browser, as part of `npm run bench` and standalone:
 * - 1 MB of each adversarial text against 1 MB of prose (goal, issue 14: the slowest within 2x);
 * - the current matcher against the matcher of release 0.1 (commit b9d579c) on the 10k-word page
 *   (goal, issue 11: matching cost at most 1.5x the 0.1 matcher's).
 *
 *   tsx scripts/bench/matching-cost.ts [--matcher DIR] [--baseline COMMIT]
 *     DIR holds compile-index.ts and match-claims.ts (an older copy of lib/match); COMMIT's lib/ is
 *     extracted with `git archive` into bench/tmp/baseline-COMMIT/ (git-ignored; inside the repository,
 *     so its imports resolve against the project's node_modules; the repository is not touched).
 *
 * The adversarial texts (adversarial-texts.ts) are built to hit what a page can control: separators,
 * sentence length, clause count, names, list depth, quotations. Each is generated deterministically.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClaimSet, ClaimSetInput } from '../../lib/claims/schema';
import { validateClaimSet } from '../../lib/claims/validate-claim-set';
import { BLOCK_SEPARATOR } from '../../lib/text/extract-text';
import { adversarialTexts } from './adversarial-texts';
import { loadCorpus, type Corpus } from './fixture-corpus';
import { median } from './stats';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MEGABYTE = 1_000_000;

/** The commit of release 0.1, whose matcher the current one is compared with. */
export const BASELINE_COMMIT = 'b9d579c';

/** What the measurement needs of a matcher: compile once, match many times. */
export interface Matcher {
  compile(claims: ClaimSet['claims'], version: string): unknown;
  match(text: string, index: unknown): unknown[];
  /** The work counter and whether the per-call budget stopped the call (matchers that have one). */
  detailed?(text: string, index: unknown): { work: number; truncated: boolean };
}

export async function loadMatcher(dir = join(ROOT, 'lib/match')): Promise<Matcher> {
  const compileModule = (await import(pathToFileURL(join(dir, 'compile-index.ts')).href)) as {
    compileClaimIndex: (claims: ClaimSet['claims'], version: string) => unknown;
  };
  const matchModule = (await import(pathToFileURL(join(dir, 'match-claims.ts')).href)) as {
    matchClaims: (text: string, index: unknown) => unknown[];
    matchClaimsDetailed?: (text: string, index: unknown) => { work: number; truncated: boolean };
  };
  const detailed = matchModule.matchClaimsDetailed;
  return { compile: compileModule.compileClaimIndex, match: matchModule.matchClaims, detailed: detailed && ((text, index) => detailed(text, index)) };
}

/**
 * The lib/match of `commit`, extracted from git into bench/tmp/baseline-COMMIT (once; reused after).
 * Returns its directory, or why it could not be had (a shallow clone may lack the commit).
 */
export function baselineMatcherDir(commit = BASELINE_COMMIT): { dir: string } | { skipped: string } {
  const root = join(ROOT, 'bench/tmp', `baseline-${commit}`);
  const dir = join(root, 'lib/match');
  if (existsSync(join(dir, 'match-claims.ts'))) return { dir };
  try {
    // git archive reads the object store only: no worktree, index or ref of the repository changes.
    const tar = execFileSync('git', ['archive', '--format=tar', commit, 'lib'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
    mkdirSync(root, { recursive: true });
    execFileSync('tar', ['-x', '-C', root], { input: tar });
  } catch (error) {
    return { skipped: `baseline ${commit} not available: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  return existsSync(join(dir, 'match-claims.ts')) ? { dir } : { skipped: `baseline ${commit} has no lib/match/match-claims.ts` };
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

/** `length` characters of the fixture articles' blocks, tiled as extraction would join them. */
export function proseOfLength(corpus: Corpus, length: number): string {
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
  return median(times);
}

export interface AdversarialCost {
  kind: string;
  /** Median ms of matching 1 MB of this text (warm). */
  ms: number;
  /** ms over the prose's ms. */
  ratio: number;
  /** The matcher's work counter and whether its per-call budget stopped the call (a cut call did less than the whole text). */
  work?: number;
  truncated?: boolean;
}

export interface BaselineCost {
  name: string;
  claims: number;
  /** Median ms of matching the page, warm, with this claim set: the current matcher and the baseline's. */
  currentMs: number;
  baselineMs: number;
  /** currentMs / baselineMs. */
  ratio: number;
}

export type BaselineComparison = { commit: string; page: string; words: number; runs: number; sets: BaselineCost[] } | { commit: string; skipped: string };

export interface MatchingCost {
  /** Median ms of matching 1 MB of the fixture articles' prose (warm). */
  proseMs: number;
  proseWork?: number;
  adversarial: AdversarialCost[];
  /** Slowest adversarial text over 1 MB of prose. */
  worstRatio: number;
  worstKind: string;
  /** The current matcher against release 0.1's on the 10k-word page. */
  baseline?: BaselineComparison;
}

/** 1 MB of prose against 1 MB of each adversarial text, with the given compiled index (the default set). */
export function measureAdversarial(matcher: Matcher, index: unknown, corpus: Corpus, options: { runs?: number; log?: (line: string) => void } = {}): MatchingCost {
  const log = options.log ?? (() => undefined);
  const runs = options.runs ?? 3;
  const prose = proseOfLength(corpus, MEGABYTE);
  matcher.match(prose, index);
  const proseMs = time(() => matcher.match(prose, index), runs);
  const proseWork = matcher.detailed?.(prose, index).work;
  log(`  1 MB of prose: ${proseMs.toFixed(0)} ms`);
  const adversarial: AdversarialCost[] = [];
  for (const [kind, text] of Object.entries(adversarialTexts(MEGABYTE))) {
    const ms = time(() => matcher.match(text, index), runs);
    const detail = matcher.detailed?.(text, index);
    adversarial.push({ kind, ms, ratio: ms / proseMs, ...(detail && { work: detail.work, truncated: detail.truncated }) });
    log(`  1 MB adversarial (${kind}): ${ms.toFixed(0)} ms = ${(ms / proseMs).toFixed(2)}x prose${detail?.truncated ? ' (work budget reached: cut short)' : ''}`);
  }
  const worst = adversarial.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { proseMs, proseWork, adversarial, worstRatio: worst.ms / proseMs, worstKind: worst.kind };
}

/**
 * The current matcher against an older one on one page, per claim set: each compiles the set itself,
 * both are warmed up, then their runs alternate so a busy moment of the machine hits both alike.
 */
export function compareMatchers(
  current: Matcher,
  baseline: Matcher,
  page: { name: string; words: number; text: string },
  sets: ReadonlyArray<{ name: string; claimSet: ClaimSet }>,
  options: { commit: string; runs: number; log?: (line: string) => void },
): BaselineComparison {
  const out: BaselineCost[] = [];
  for (const { name, claimSet } of sets) {
    const currentIndex = current.compile(claimSet.claims, claimSet.version);
    const baselineIndex = baseline.compile(claimSet.claims, claimSet.version);
    for (let i = 0; i < 2; i++) {
      current.match(page.text, currentIndex);
      baseline.match(page.text, baselineIndex);
    }
    const currentTimes: number[] = [];
    const baselineTimes: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      currentTimes.push(time(() => current.match(page.text, currentIndex), 1));
      baselineTimes.push(time(() => baseline.match(page.text, baselineIndex), 1));
    }
    const cost = { name, claims: claimSet.claims.length, currentMs: median(currentTimes), baselineMs: median(baselineTimes), ratio: median(currentTimes) / median(baselineTimes) };
    out.push(cost);
    options.log?.(`  ${page.name} page, ${name} set (${cost.claims} claims): ${cost.currentMs.toFixed(1)} ms now vs ${cost.baselineMs.toFixed(1)} ms at ${options.commit} = ${cost.ratio.toFixed(2)}x`);
  }
  return { commit: options.commit, page: page.name, words: page.words, runs: options.runs, sets: out };
}

function validated(input: ClaimSetInput): ClaimSet {
  const result = validateClaimSet(input);
  if (!result.ok) throw new Error('the default claim set is invalid');
  return result.claimSet;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const option = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const matcher = await loadMatcher(option('--matcher'));
  const corpus = loadCorpus(join(ROOT, 'tests/fixtures/articles'));
  const claimSet = validated(JSON.parse(readFileSync(join(ROOT, 'public/claims/default.json'), 'utf8')) as ClaimSetInput);
  const index = matcher.compile(claimSet.claims, claimSet.version);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const commit = option('--baseline') ?? BASELINE_COMMIT;
  const baseline = baselineMatcherDir(commit);
  if ('dir' in baseline) {
    const comparison = compareMatchers(matcher, await loadMatcher(baseline.dir), { name: '10k', words: 10_000, text: tiledText(corpus, 10_000) }, [{ name: 'default', claimSet }], { commit, runs: 9, log });
    if ('sets' in comparison) log(`matching cost vs ${commit}: ${comparison.sets.map((s) => `${s.ratio.toFixed(2)}x`).join(', ')} (goal: at most 1.5x)`);
  } else log(baseline.skipped);
  const cost = measureAdversarial(matcher, index, corpus, { log });
  log(`worst adversarial / prose: ${cost.worstRatio.toFixed(2)}x (${cost.worstKind}; goal: at most 2x)`);
}
