/** Small statistics for run samples. */
import type { Phases } from './harness-types';

export function median(values: readonly number[]): number {
  const finite = values.filter((value) => !Number.isNaN(value));
  if (finite.length === 0) return Number.NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of each named value across samples (names missing from a sample are skipped for it). */
export function medianByKey(samples: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const keys = new Set(samples.flatMap((sample) => Object.keys(sample)));
  const out: Record<string, number> = {};
  for (const key of keys) {
    out[key] = median(samples.map((sample) => sample[key]).filter((value): value is number => value !== undefined));
  }
  return out;
}

/** Repeated runs of one configuration: each run's phases, and their medians. */
export interface Series {
  runs: number;
  median: Phases;
  samples: Phases[];
}

const round = (value: number) => Math.round(value * 100) / 100;

export function summarise(samples: readonly Phases[]): Series {
  const rounded = samples.map((sample) => Object.fromEntries(Object.entries(sample).map(([key, value]) => [key, round(value)])));
  return { runs: samples.length, median: medianByKey(samples), samples: rounded };
}

/** The median of one phase, NaN when the series or the phase is missing. */
export function med(series: Series | undefined, phase: string): number {
  return series?.median[phase] ?? Number.NaN;
}

/**
 * The median over runs of `a / b` within each run (runs missing either phase, or with b <= 0, are
 * skipped); NaN when no run has both. For "X vs its own Y" goals: a ratio of two medians pairs
 * phases from different runs (a slow worker with a fast match), which is not a ratio any run had.
 */
export function medianRatio(series: Series | undefined, a: string, b: string): number {
  const ratios = (series?.samples ?? []).flatMap((sample) => {
    const top = sample[a];
    const bottom = sample[b];
    return top !== undefined && bottom !== undefined && bottom > 0 ? [top / bottom] : [];
  });
  return median(ratios);
}
