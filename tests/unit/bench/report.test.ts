import { describe, expect, it } from 'vitest';
import { formatTable, ms, ratio } from '../../../scripts/bench/format-table';
import type { BaselineCost } from '../../../scripts/bench/matching-cost';
import { skippedMeasure, type Measured } from '../../../scripts/bench/measure';
import { evaluateGoals, formatReport } from '../../../scripts/bench/report';
import type { BenchResults, ContenderResult, ExtensionResult, InPageResult } from '../../../scripts/bench/results';
import { med, median, medianByKey, medianRatio, summarise } from '../../../scripts/bench/stats';

type ResultsWithoutGoals = Omit<BenchResults, 'goals'>;

function measured(medianMs: number, extra: { timedOut?: boolean } = {}): Measured {
  return { runs: 3, timedOut: extra.timedOut ?? false, median: medianMs, min: medianMs, max: medianMs, phases: {}, hits: 1 };
}

const series = (phases: Record<string, number>) => summarise([phases]);

function inPage(page: string, o: { matchWarm?: number; floorC?: number; coldTotal?: number; floorD?: number; paint?: number; wrap?: number } = {}): InPageResult {
  return {
    page,
    floorsCold: series({ a: 1, b: 3, c: 5, d: o.floorD ?? 10 }),
    floorsWarm: series({ a: 0.5, b: 1.5, c: o.floorC ?? 4, d: 6 }),
    engineCold: series({ hydrate: 2, extract: 3, match: 10, paint: 2, matchCold: 12, totalCold: o.coldTotal ?? 17 }),
    engineWarm: series({ extract: 2, match: o.matchWarm ?? 10, paint: 2, total: 14 }),
    handWrapWarm: series({ wrap: o.wrap ?? 2, paint: o.paint ?? 3 }),
  };
}

function ext(page: string, claimSet: string, worker: 'warm' | 'stopped', phases: Record<string, number>, longTaskWorst = 0): ExtensionResult {
  return { page, claimSet, claims: claimSet === 'default' ? 78 : Number(claimSet), worker, series: series(phases), longTaskWorst };
}

function contender(contender: ContenderResult['contender'], m: Measured): ContenderResult {
  return { page: '10k', claimSet: '1000', claims: 1000, contender, measured: m };
}

function baselineCost(name: string, currentMs: number, baselineMs: number): BaselineCost {
  return { name, claims: name === 'default' ? 78 : Number(name), currentMs, baselineMs, ratio: currentMs / baselineMs };
}

function results(overrides: Partial<ResultsWithoutGoals> = {}): ResultsWithoutGoals {
  return {
    generatedAt: '2026-01-01T00:00:00Z',
    mode: 'full',
    machine: { cpus: 2, node: 'v20', chromium: '1', platform: 'linux', loadBefore: 0.2 },
    settings: { runs: 5, coldRuns: 5, markjsDeadlineMs: 10_000, fuzzyBudgetMs: 20_000 },
    pages: [{ name: '10k', words: 10_000, blocks: 10, quotes: 5, requiredQuotes: 4, htmlBytes: 1 }],
    claimSets: [{ name: 'default', claims: 78, phrasings: 500, compileMs: 10, indexBytes: 1000 }],
    inPage: [inPage('10k', { matchWarm: 10, floorC: 4, coldTotal: 17, floorD: 10, paint: 3, wrap: 2 })],
    contenders: [contender('engine', measured(10)), contender('markjs', measured(150)), contender('fuzzy', measured(600))],
    pageAlone: { '2k': series({ load: 100 }), '100k': series({ load: 500, longTask: 0 }) },
    extension: [
      ext('2k', 'default', 'warm', { firstMark: 150 }),
      ext('2k', 'default', 'stopped', { firstMark: 200 }),
      ext('10k', 'default', 'warm', { worker: 30, match: 25, answer: 27, mentions: 5 }),
      ext('100k', 'default', 'warm', { worker: 300 }, 40),
      ext('10k', '10000', 'warm', { worker: 36, match: 30 }),
    ],
    matchingCost: {
      proseMs: 100,
      adversarial: [{ kind: 'deep lists', ms: 150, ratio: 1.5, work: 4_000_000, truncated: false }],
      worstRatio: 1.5,
      worstKind: 'deep lists',
      baseline: { commit: 'b9d579c', page: '10k', words: 10_000, runs: 15, sets: [baselineCost('default', 20, 15), baselineCost('1000', 30, 25)] },
    },
    news: { dir: 'bbc', files: 100, woken: 10, share: 0.1, byCategory: { tech: { files: 100, woken: 10 } }, examples: [], totalMs: 5, characters: 1000 },
    contentScript: { path: 'content.js', bytes: 60_000, gzipBytes: 20_000 },
    unplacedQuotes: [],
    ...overrides,
  };
}

const verdicts = (r: ResultsWithoutGoals) => Object.fromEntries(evaluateGoals(r).map((goal) => [goal.id, goal.met]));

describe('evaluateGoals', () => {
  it('judges every goal of issue 16, in order', () => {
    expect(evaluateGoals(results()).map((goal) => goal.id)).toEqual([
      'warm-match',
      'cold-total',
      'worker-vs-match',
      'first-highlight-warm',
      'first-highlight-stopped',
      'claims-10000',
      'paint-vs-hand',
      'news-wake',
      'adversarial',
      'match-vs-baseline',
      'markjs',
      'fuzzy',
      'long-task',
      'content-size',
    ]);
  });

  it('meets every goal when the numbers clear every bar', () => {
    expect(Object.values(verdicts(results())).every((met) => met === true)).toBe(true);
  });

  it('fails goals whose measured numbers miss', () => {
    const slow = results({
      ...results(),
      inPage: [inPage('10k', { matchWarm: 13, floorC: 4, coldTotal: 19, floorD: 10, paint: 5, wrap: 2 })],
      extension: [
        ext('2k', 'default', 'warm', { firstMark: 180 }),
        ext('2k', 'default', 'stopped', { firstMark: 260 }),
        ext('10k', 'default', 'warm', { worker: 40, match: 25 }),
        ext('100k', 'default', 'warm', { worker: 300 }, 70),
        ext('10k', '10000', 'warm', { worker: 53, match: 30 }),
      ],
      news: { dir: 'bbc', files: 100, woken: 16, share: 0.16, byCategory: {}, examples: [], totalMs: 5, characters: 1000 },
      matchingCost: { proseMs: 100, adversarial: [], worstRatio: 2.1, worstKind: 'deep lists', baseline: { commit: 'b9d579c', page: '10k', words: 10_000, runs: 15, sets: [baselineCost('default', 20, 15), baselineCost('1000', 31, 20)] } },
      contenders: [contender('engine', measured(10)), contender('markjs', measured(50)), contender('fuzzy', measured(400))],
      contentScript: { path: 'content.js', bytes: 200_000, gzipBytes: 70_000 },
    });
    expect(Object.values(verdicts(slow)).every((met) => met === false)).toBe(true);
  });

  it('treats a contender stopped at its deadline as a lower bound: enough to meet a goal, never to fail one', () => {
    const r = results({ ...results(), contenders: [contender('engine', measured(10)), contender('markjs', measured(10_000, { timedOut: true })), contender('fuzzy', measured(300, { timedOut: true }))] });
    const goals = evaluateGoals(r);
    expect(goals.find((g) => g.id === 'markjs')!.met).toBe(true);
    expect(goals.find((g) => g.id === 'markjs')!.measured).toContain('>');
    expect(goals.find((g) => g.id === 'fuzzy')!.met).toBeUndefined();
  });

  it('judges the 0.1 comparison on every claim set measured: one set past 1.5x fails it', () => {
    const cost = (sets: BaselineCost[]) => results({ ...results(), matchingCost: { ...results().matchingCost!, baseline: { commit: 'b9d579c', page: '10k', words: 10_000, runs: 15, sets } } });
    expect(verdicts(cost([baselineCost('default', 15, 10), baselineCost('1000', 15, 10)]))['match-vs-baseline']).toBe(true);
    expect(verdicts(cost([baselineCost('default', 15, 10), baselineCost('1000', 15.1, 10)]))['match-vs-baseline']).toBe(false);
    const measured = evaluateGoals(cost([baselineCost('default', 15, 10)])).find((g) => g.id === 'match-vs-baseline')!.measured;
    expect(measured).toBe('1.50x with the default set (15.0 vs 10.0 ms)');
  });

  it('says why the 0.1 comparison is missing when its commit could not be had', () => {
    const r = results({ ...results(), matchingCost: { ...results().matchingCost!, baseline: { commit: 'b9d579c', skipped: 'baseline b9d579c not available: not a git repository' } } });
    const goal = evaluateGoals(r).find((g) => g.id === 'match-vs-baseline')!;
    expect(goal.met).toBeUndefined();
    expect(goal.measured).toContain('not a git repository');
  });

  it('cannot judge what was not measured, and says why the news row is missing', () => {
    const empty = results({ ...results(), inPage: [], extension: [], contenders: [contender('markjs', skippedMeasure('quick'))], matchingCost: undefined, news: { skipped: 'skipped: no general-news corpus given' }, contentScript: undefined, pageAlone: {} });
    const goals = evaluateGoals(empty);
    expect(goals.every((goal) => goal.met === undefined)).toBe(true);
    expect(goals.find((g) => g.id === 'news-wake')!.measured).toContain('no general-news corpus');
  });
});

describe('formatReport', () => {
  it('prints one goals table with every goal, its target, verdict and measured value', () => {
    const partial = results();
    const text = formatReport({ ...partial, goals: evaluateGoals(partial) });
    const table = text.slice(text.indexOf('Goals:'));
    expect(table.split('\n').filter((line) => /^\s*\d+\s/.test(line))).toHaveLength(14);
    expect(table).toMatch(/content script size\s+< 60 KB gzip\s+met\s+19\.5 KB gzip/);
    expect(table).toMatch(/warm matching vs floor \(c\).*<= 3x\s+met\s+2\.50x \(10\.0 vs 4\.0 ms\)/);
  });

  it('prints each adversarial text with its ratio, work and whether the budget cut it short, and the 0.1 comparison per claim set', () => {
    const partial = results({ ...results(), matchingCost: { ...results().matchingCost!, adversarial: [{ kind: 'deep lists', ms: 150, ratio: 1.5, work: 4_000_000, truncated: false }, { kind: 'runs of separators', ms: 90, ratio: 0.9, work: 12_000_001, truncated: true }] } });
    const text = formatReport({ ...partial, goals: evaluateGoals(partial) });
    expect(text).toMatch(/deep lists\s+150\.0\s+1\.50x\s+4,000,000\n/);
    expect(text).toMatch(/runs of separators\s+90\.0\s+0\.90x\s+12,000,001\s+cut short/);
    expect(text).toMatch(/default\s+78\s+20\.0\s+15\.0\s+1\.33x/);
    expect(text).toMatch(/1000\s+1,000\s+30\.0\s+25\.0\s+1\.20x/);
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
    expect(summarise([{ a: 1.234 }, { a: 3 }]).median.a).toBeCloseTo(2.117);
  });

  it('takes a ratio run by run, not as a ratio of two medians from different runs', () => {
    const runs = summarise([{ worker: 100, match: 90 }, { worker: 110, match: 50 }, { worker: 300, match: 100 }, { worker: 5 }]);
    expect(med(runs, 'worker') / med(runs, 'match')).toBeCloseTo(1.167, 3);
    expect(medianRatio(runs, 'worker', 'match')).toBeCloseTo(2.2);
    expect(Number.isNaN(medianRatio(summarise([{ worker: 5 }]), 'worker', 'match'))).toBe(true);
  });
});
