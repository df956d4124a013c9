/** Small statistics for run samples. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
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
