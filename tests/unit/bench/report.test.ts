import { describe, expect, it } from 'vitest';
import { formatTable, ms, ratio } from '../../../scripts/bench/format-table';
import { skippedMeasure, type Measured } from '../../../scripts/bench/measure';
import { evaluateGoals, formatReport } from '../../../scripts/bench/report';
import type { BenchResults, ContenderId, ContenderResult } from '../../../scripts/bench/results';
import { median, medianByKey } from '../../../scripts/bench/stats';

function measured(medianMs: number, extra: Partial<Measured> = {}): Measured {
  return { runs: 5, timedOut: false, median: medianMs, min: medianMs, max: medianMs, phases: {}, longestPhase: medianMs, longTask: 0, longTaskWorst: 0, hits: 1, ...extra };
}

function cell(page: string, claimSet: string, contender: ContenderId, m: Measured): ContenderResult {
  return { page, words: page === '10k' ? 10_000 : 100_000, claimSet, claims: Number(claimSet) || 39, contender, measured: m };
}

function results(cells: ContenderResult[], gzipBytes = 20_000): Omit<BenchResults, 'goals'> {
  return {
    generatedAt: '2026-01-01T00:00:00Z',
    mode: 'full',
    machine: { cpus: 2, node: 'v20', chromium: '1', platform: 'linux' },
    settings: { runs: 5, deadlineMs: 60_000, budgetMs: 45_000 },
    pages: [{ name: '10k', words: 10_000, blocks: 10, quotes: 5, requiredQuotes: 4, htmlBytes: 1 }],
    claimSets: [{ name: '1000', claims: 1000, phrasings: 5000, compileMs: 10, indexBytes: 1000 }],
    results: cells,
    pageOwnLongTask: { '100k': 0 },
    contentScript: { path: 'content.js', bytes: 60_000, gzipBytes },
    unplacedQuotes: [],
  };
}

const verdicts = (r: Omit<BenchResults, 'goals'>) => evaluateGoals(r).map((goal) => goal.met);

describe('evaluateGoals', () => {
  const base = [
    cell('10k', '1000', 'engine', measured(10)),
    cell('10k', 'default', 'floor', measured(4)),
    cell('10k', '100', 'engine', measured(9)),
    cell('10k', '10000', 'engine', measured(12)),
    cell('100k', 'default', 'shipped', measured(300, { longTaskWorst: 40 })),
    cell('100k', '1000', 'engine', measured(90, { phases: { extract: 30, match: 400, paint: 45 } })),
  ];

  it('meets every goal when the numbers clear every bar', () => {
    const all = [...base, cell('10k', '1000', 'markjs', measured(150)), cell('10k', '1000', 'fuzzy', measured(600))];
    expect(verdicts(results(all))).toEqual([true, true, true, true, true, true]);
  });

  it('fails goals whose measured numbers miss', () => {
    const slowEngine = base.map((c) => (c.contender === 'engine' && c.claimSet === '10000' ? cell('10k', '10000', 'engine', measured(20)) : c));
    const all = [...slowEngine, cell('10k', '1000', 'markjs', measured(50)), cell('10k', '1000', 'fuzzy', measured(400))];
    expect(verdicts(results(all, 70_000))).toEqual([false, false, true, false, true, false]);
  });

  it('treats a timed-out contender as a lower bound: enough to meet a goal, never to fail one', () => {
    const all = [...base, cell('10k', '1000', 'markjs', measured(60_000, { timedOut: true })), cell('10k', '1000', 'fuzzy', measured(300, { timedOut: true }))];
    const goals = evaluateGoals(results(all));
    expect(goals[0]!.met).toBe(true);
    expect(goals[0]!.measured).toContain('>');
    expect(goals[1]!.met).toBeUndefined();
  });

  it('judges main-thread tasks by the shipped run, falling back to the unsliced engine phases', () => {
    const longShipped = base.map((c) => (c.contender === 'shipped' ? cell('100k', 'default', 'shipped', measured(900, { longTaskWorst: 70 })) : c));
    expect(evaluateGoals(results(longShipped))[4]!.met).toBe(false);
    // The shipped extension slices its work: a long unsliced paint in the engine does not fail the goal.
    const longPaint = base.map((c) => (c.page === '100k' && c.contender === 'engine' ? cell('100k', '1000', 'engine', measured(900, { phases: { extract: 30, match: 100, paint: 800 } })) : c));
    expect(evaluateGoals(results(longPaint))[4]!.met).toBe(true);
    const noShipped = longPaint.filter((c) => c.contender !== 'shipped');
    expect(evaluateGoals(results(noShipped))[4]!.met).toBe(false);
  });

  it('cannot judge what was not measured', () => {
    expect(verdicts({ ...results([]), contentScript: undefined })).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    const skipped = [...base, cell('10k', '1000', 'markjs', skippedMeasure('quick'))];
    expect(evaluateGoals(results(skipped))[0]!.measured).toBe('not measured');
  });

  it('prints every goal with its verdict', () => {
    const partial = results(base);
    const text = formatReport({ ...partial, goals: evaluateGoals(partial) });
    expect(text).toMatch(/\[MET {4}\] content script < 60 KB gzip: 19\.5 KB gzip/);
    expect(text).toMatch(/\[UNKNOWN\] 10k-word page, 1,000 claims: Pledge Lens >= 10x/);
  });
});

describe('formatting', () => {
  it('aligns columns', () => {
    const table = formatTable([{ title: 'name' }, { title: 'ms', align: 'right' }], [['engine', '1.5'], ['x', '1,234.0']]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('engine      1.5');
    expect(lines[3]).toBe('x       1,234.0');
  });

  it('prints ms with one decimal and ratios with a lower-bound sign', () => {
    expect(ms(1234.56)).toBe('1,234.6');
    expect(ms(Number.NaN)).toBe('-');
    expect(ratio(157.2)).toBe('157x');
    expect(ratio(12.34, true)).toBe('>12.3x');
  });
});

describe('stats', () => {
  it('takes medians of odd and even counts and per key', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
    expect(medianByKey([{ a: 1, b: 10 }, { a: 3 }, { a: 2, b: 20 }])).toEqual({ a: 2, b: 15 });
  });
});
