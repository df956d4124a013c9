/**
 * Repeats a slow contender (mark.js per phrase, fuzzy anchoring, the engine beside them) on fresh
 * page loads and summarises: medians of times and phases. Runs stop once a time budget is spent, and
 * a run that hits its deadline ends the series as "timeout" (its time is then a lower bound).
 */
import type { RecallResult, RunSample } from './harness-types';
import { median, medianByKey } from './stats';

export interface RunOutcome {
  sample: RunSample;
  recall?: RecallResult;
}

export interface MeasureOptions {
  runs: number;
  /** Stop adding runs once the series has taken this long (at least one run is always made). */
  budgetMs: number;
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
  hits: number;
  counts?: Record<string, number>;
  recall?: RecallResult;
}

export function skippedMeasure(reason: string): Measured {
  return { runs: 0, timedOut: false, skipped: reason, median: Number.NaN, min: Number.NaN, max: Number.NaN, phases: {}, hits: 0 };
}

export async function measure(once: () => Promise<RunOutcome>, options: MeasureOptions): Promise<Measured> {
  const outcomes: RunOutcome[] = [];
  const started = Date.now();
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
    hits: last.sample.hits,
    counts: last.sample.counts,
    recall: last.recall,
  };
}
