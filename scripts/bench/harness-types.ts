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

/** One timed run: named phases in ms. */
export type Phases = Record<string, number>;

/** One timed run of a slow contender (mark.js, fuzzy anchoring), which may stop at a deadline. */
export interface RunSample {
  total: number;
  phases: Phases;
  timedOut: boolean;
  /** How many highlights/anchors the contender produced. */
  hits: number;
  /** Other counts worth reporting (phrasings processed, found verbatim…). */
  counts?: Record<string, number>;
}

export interface LongTask {
  start: number;
  duration: number;
}

export interface BenchHarness {
  loadIndex(url: string): Promise<number>;
  loadPhrasings(url: string): Promise<number>;
  /**
   * The floors, as one pipeline whose phases add up: walk (a: TreeWalker text), words (b: + one word
   * pass), sentences (c: + sentence segmentation), terms (d: + stemming and a map lookup per token).
   * The returned phases hold both the phase times and the cumulative floors a, b, c, d.
   */
  runFloors(): Promise<Phases>;
  /**
   * Pledge Lens on this page: extract, match, paint, each in its own task. `firstCall` also times
   * the first matchClaims call of this page's life (index hydration, canonicalizer) as `hydrate`,
   * which a cold run pays and a warm one does not.
   */
  runEngine(firstCall: boolean): Promise<Phases & { matches: number }>;
  /** Removes what runEngine painted (untimed), restoring the page's own text nodes. */
  clearEngine(): void;
  /** Wraps the ranges the last runEngine painted by hand (splitText + one <mark> per piece, same attributes). */
  runHandWrap(): Promise<Phases & { marks: number }>;
  /** Unwraps what runHandWrap made (untimed). */
  clearHandWrap(): void;
  runMarkJs(deadlineMs: number): Promise<RunSample>;
  runFuzzy(deadlineMs: number): Promise<RunSample>;
  recall(probes: readonly RecallProbe[], selector: string): RecallResult;
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
export const HAND_CLASS = 'bench-hand';
