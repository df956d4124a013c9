/**
 * One run of the shipped extension: navigate, wait until Pledge Lens marks stop appearing, and read
 * from the init script's observers when the last one was inserted (ms since navigation start).
 * This covers the content script's start, extraction, the message round trip, the background's
 * matching and storage, and painting.
 */
import type { BrowserContext } from 'playwright-core';
import { HARNESS_GLOBAL, INIT_GLOBAL, type BenchHarness, type InitState, type RecallProbe } from './harness-types';
import type { RunOutcome } from './measure';

/** Marks are painted in one synchronous call; a second without a new one means the scan is done. */
const SETTLE_MS = 1000;

export interface ShippedJob {
  pageUrl: string;
  harnessUrl: string;
  probes: readonly RecallProbe[];
  deadlineMs: number;
}

type Observed = Window & Record<string, InitState | BenchHarness | undefined>;

export async function runShippedOnce(context: BrowserContext, job: ShippedJob): Promise<RunOutcome> {
  const page = await context.newPage();
  try {
    await page.goto(job.pageUrl, { waitUntil: 'load', timeout: job.deadlineMs });
    const settled = await page
      .waitForFunction(
        (a) => {
          const state = (window as unknown as Observed)[a.init] as InitState | undefined;
          const last = state?.markTimes[state.markTimes.length - 1];
          return last !== undefined && performance.now() - last > a.settle;
        },
        { init: INIT_GLOBAL, settle: SETTLE_MS },
        { timeout: job.deadlineMs, polling: 100 },
      )
      .then(() => true)
      .catch(() => false);
    if (!settled) return { sample: { total: job.deadlineMs, phases: {}, longestPhase: Number.NaN, timedOut: true, hits: 0 }, longTask: 0 };
    const observed = await page.evaluate((init) => {
      const state = (window as unknown as Observed)[init] as InitState;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        markTimes: state.markTimes,
        longTasks: state.longTasks,
        domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        load: navigation?.loadEventEnd ?? Number.NaN,
      };
    }, INIT_GLOBAL);
    const first = observed.markTimes[0]!;
    const last = observed.markTimes[observed.markTimes.length - 1]!;
    // The content script runs at document_idle (after DOMContentLoaded); tasks before that are the page's own.
    const annotating = observed.longTasks.filter((task) => task.start >= observed.domContentLoaded && task.start <= last + 50);
    await page.addScriptTag({ url: job.harnessUrl });
    const recall = await page.evaluate(
      (a) => ((window as unknown as Observed)[a.g] as BenchHarness).recall(a.probes, 'mark.pledge-lens-mark'),
      { g: HARNESS_GLOBAL, probes: job.probes },
    );
    return {
      sample: {
        total: last,
        phases: { domContentLoaded: observed.domContentLoaded, load: observed.load, firstMark: first, lastMark: last, afterLoad: last - observed.load },
        longestPhase: Number.NaN,
        timedOut: false,
        hits: recall.marks,
      },
      longTask: Math.max(0, ...annotating.map((task) => task.duration)),
      recall,
    };
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
  }
}

/** Long tasks of the page alone (no extension) from DOMContentLoaded on: what the page costs without us. */
export async function pageOwnLongTask(context: BrowserContext, pageUrl: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate((init) => {
      const state = (window as unknown as Observed)[init] as InitState;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const from = navigation?.domContentLoadedEventEnd ?? 0;
      return Math.max(0, ...state.longTasks.filter((task) => task.start >= from).map((task) => task.duration));
    }, INIT_GLOBAL);
  } finally {
    await page.close().catch(() => undefined);
  }
}
