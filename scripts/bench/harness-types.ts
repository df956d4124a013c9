/**
 * What the in-page harness (bundled into each bench page) and the Node driver say to each other.
 * Only plain data crosses page.evaluate.
 */

export interface RecallProbe {
  blockId: string;
  start: number;
  end: number;
  required: boolean;
}

export interface RecallResult {
  found: number;
  total: number;
  requiredFound: number;
  requiredTotal: number;
  /** Mark elements of this contender on the page. */
  marks: number;
}

/** One timed run of one contender. Times in ms. */
export interface RunSample {
  total: number;
  /** Named phases (for Pledge Lens: extract, match, paint; hydrate is reported but not in total). */
  phases: Record<string, number>;
  /** Longest synchronous stretch the contender ran on the main thread, measured with performance.now(). */
  longestPhase: number;
  timedOut: boolean;
  /** How many highlights/anchors the contender produced (matches, anchored phrasings…). */
  hits: number;
  /** Other counts worth reporting (e.g. how many phrasings the fuzzy anchorer found verbatim). */
  counts?: Record<string, number>;
}

export interface LongTask {
  start: number;
  duration: number;
}

export interface BenchHarness {
  loadIndex(url: string): Promise<number>;
  loadPhrasings(url: string): Promise<number>;
  runEngine(): Promise<RunSample>;
  runMarkJs(deadlineMs: number): Promise<RunSample>;
  runFuzzy(deadlineMs: number): Promise<RunSample>;
  runFloor(): Promise<RunSample>;
  recall(probes: readonly RecallProbe[], selector: string): RecallResult;
  /** Long tasks that started at or after `since` (performance.now() time). */
  longTasks(since: number): Promise<LongTask[]>;
}

/** Where the init script keeps what it observed (main world, installed before any page script). */
export interface InitState {
  longTasks: LongTask[];
  /** performance.now() of each observed insertion of a Pledge Lens mark. */
  markTimes: number[];
}

export const HARNESS_GLOBAL = '__plBench';
export const INIT_GLOBAL = '__plBenchInit';
export const MARKJS_CLASS = 'bench-markjs';
export const FUZZY_CLASS = 'bench-fuzzy';
