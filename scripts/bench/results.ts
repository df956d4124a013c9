/** The shape of bench/results.json. */
import type { RecallResult } from './harness-types';
import type { MatchingCost } from './matching-cost';
import type { Measured } from './measure';
import type { NewsShare } from './news-share';
import type { Series } from './stats';

export interface PageInfo {
  name: string;
  words: number;
  blocks: number;
  quotes: number;
  requiredQuotes: number;
  htmlBytes: number;
}

export interface ClaimSetInfo {
  name: string;
  claims: number;
  phrasings: number;
  /** compileClaimIndex in Node, median. */
  compileMs: number;
  indexBytes: number;
}

/** The floors and the engine (default claim set) on one page, in the browser without the extension. */
export interface InPageResult {
  page: string;
  /** Phases walk, words, sentences, terms and the cumulative floors a, b, c, d; one fresh page per run. */
  floorsCold: Series;
  floorsWarm: Series;
  /** hydrate (first matchClaims call), extract, match, paint, matchCold = hydrate + match, totalCold. */
  engineCold: Series;
  /** extract, match, paint, total. */
  engineWarm: Series;
  /** wrap (by hand) beside paint (the engine's, same rounds, same ranges). */
  handWrapWarm: Series;
  recall?: RecallResult;
}

export type SlowContenderId = 'engine' | 'markjs' | 'fuzzy';

export const CONTENDER_LABEL: Readonly<Record<SlowContenderId, string>> = {
  engine: 'Pledge Lens engine (in-page)',
  markjs: 'mark.js per phrase',
  fuzzy: 'fuzzy quote anchoring',
};

/** The kept comparisons with the usual approaches (10k-word page, 1,000 claims). */
export interface ContenderResult {
  page: string;
  claimSet: string;
  claims: number;
  contender: SlowContenderId;
  measured: Measured;
  /** For a run stopped at its deadline: elapsed × all phrasings / phrasings done. */
  estimatedMs?: number;
}

/** The extension (bench build) on one page: one configuration of worker state and bundled claim set. */
export interface ExtensionResult {
  page: string;
  /** 'default' or a synthetic set's name ('10000'): the set bundled in the build. */
  claimSet: string;
  claims: number;
  /** warm: the worker is running and has matched pages before; stopped: stopped just before the page loads. */
  worker: 'warm' | 'stopped';
  /**
   * Per run: domContentLoaded, load, firstMark, lastMark (ms since navigation start); worker (the
   * worker's time on the page), answer, match, mentions, otherMessages; longTask (worst, from
   * DOMContentLoaded to the last mark); workerInit after a stop.
   */
  series: Series;
  longTaskWorst: number;
  recall?: RecallResult;
}

export interface Goal {
  id: string;
  goal: string;
  target: string;
  measured: string;
  met: boolean | undefined;
}

export interface BenchResults {
  generatedAt: string;
  mode: 'full' | 'quick';
  machine: { cpus: number; node: string; chromium: string; platform: string; loadBefore: number };
  settings: { runs: number; coldRuns: number; markjsDeadlineMs: number; fuzzyBudgetMs: number };
  pages: PageInfo[];
  claimSets: ClaimSetInfo[];
  inPage: InPageResult[];
  contenders: ContenderResult[];
  /** Each page's own load in the browser without the extension: domContentLoaded, load. */
  pageAlone: Record<string, Series>;
  extension: ExtensionResult[];
  extensionBuild?: { dir: string; ms: number; reused: boolean };
  matchingCost?: MatchingCost;
  news?: NewsShare | { skipped: string };
  contentScript?: { path: string; bytes: number; gzipBytes: number };
  unplacedQuotes: Array<{ file: string; quote: string }>;
  goals: Goal[];
  /** How long the whole run took (s). */
  durationS?: number;
}

export function findInPage(results: Pick<BenchResults, 'inPage'>, page: string): InPageResult | undefined {
  return results.inPage.find((r) => r.page === page);
}

export function findExtension(results: Pick<BenchResults, 'extension'>, page: string, claimSet: string, worker: 'warm' | 'stopped'): ExtensionResult | undefined {
  return results.extension.find((r) => r.page === page && r.claimSet === claimSet && r.worker === worker);
}

export function findContender(results: Pick<BenchResults, 'contenders'>, contender: SlowContenderId): ContenderResult | undefined {
  return results.contenders.find((r) => r.contender === contender);
}
