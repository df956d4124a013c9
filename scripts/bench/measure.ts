/**
 * Repeats one contender on one page and summarises: medians of times, of phases and of each run's
 * longest long task. Slow contenders get fewer runs (a time budget per configuration) and a run
 * that hits its deadline ends the series as "timeout".
 */
import type { RecallResult, RunSample } from './harness-types';
import { median, medianByKey } from './stats';

export interface RunOutcome {
  sample: RunSample;
  /** Longest 'longtask' entry observed during the run (0 when none passed 50 ms). */
  longTask: number;
  recall?: RecallResult;
}

export interface MeasureOptions {
  runs: number;
  /** Stop adding runs once the series has taken this long (at least one run is always made). */
  budgetMs: number;
  /** One discarded run first, unless it is itself slow (then it counts: JIT warm-up is noise next to it). */
  warmup: boolean;
}

export interface Measured {
  runs: number;
  timedOut: boolean;
  /** Why no run was made, when none was. */
  skipped?: string;
  median: number;
  min: number;
  max: number;
  phases: Record<string, number>;
  longestPhase: number;
  longTask: number;
  longTaskWorst: number;
  hits: number;
  counts?: Record<string, number>;
  recall?: RecallResult;
}

const SLOW_WARMUP_MS = 3000;

/**
 * A configuration not run. When it was skipped because a smaller one already hit the deadline,
 * `lowerBoundMs` (that deadline) is kept as its median with timedOut set: it would take at least that.
 */
export function skippedMeasure(reason: string, lowerBoundMs?: number): Measured {
  return { runs: 0, timedOut: lowerBoundMs !== undefined, skipped: reason, median: lowerBoundMs ?? Number.NaN, min: Number.NaN, max: Number.NaN, phases: {}, longestPhase: Number.NaN, longTask: Number.NaN, longTaskWorst: Number.NaN, hits: 0 };
}

export async function measure(once: () => Promise<RunOutcome>, options: MeasureOptions): Promise<Measured> {
  const outcomes: RunOutcome[] = [];
  const started = Date.now();
  if (options.warmup) {
    const warm = await once();
    if (warm.sample.timedOut || warm.sample.total > SLOW_WARMUP_MS) outcomes.push(warm);
  }
  while (outcomes.length < options.runs && !outcomes.some((o) => o.sample.timedOut)) {
    if (outcomes.length > 0 && Date.now() - started > options.budgetMs) break;
    outcomes.push(await once());
  }
  const timedOut = outcomes.some((o) => o.sample.timedOut);
  const counted = timedOut ? outcomes.filter((o) => o.sample.timedOut) : outcomes;
  const totals = counted.map((o) => o.sample.total);
  const last = outcomes[outcomes.length - 1]!;
  return {
    runs: outcomes.length,
    timedOut,
    median: median(totals),
    min: Math.min(...totals),
    max: Math.max(...totals),
    phases: medianByKey(counted.map((o) => o.sample.phases)),
    longestPhase: median(counted.map((o) => o.sample.longestPhase)),
    longTask: median(counted.map((o) => o.longTask)),
    longTaskWorst: Math.max(...counted.map((o) => o.longTask)),
    hits: last.sample.hits,
    counts: last.sample.counts,
    recall: last.recall,
  };
}
