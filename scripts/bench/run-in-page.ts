/**
 * One run of an in-page contender: load the page fresh, inject the harness, load the contender's
 * data (outside the timed region), run it, then read long tasks and recall.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { FUZZY_CLASS, HARNESS_GLOBAL, MARKJS_CLASS, type BenchHarness, type RecallProbe, type RunSample } from './harness-types';
import type { RunOutcome } from './measure';

export type InPageContender = 'engine' | 'markjs' | 'fuzzy' | 'floor';

export const RECALL_SELECTOR: Readonly<Record<InPageContender, string | undefined>> = {
  engine: 'mark.pledge-lens-mark',
  markjs: `mark.${MARKJS_CLASS}`,
  fuzzy: `mark.${FUZZY_CLASS}`,
  floor: undefined,
};

export interface InPageJob {
  contender: InPageContender;
  pageUrl: string;
  harnessUrl: string;
  /** Compiled index (engine) or phrasing list (mark.js, fuzzy). */
  dataUrl?: string;
  probes: readonly RecallProbe[];
  /** Work stops by itself after this; the page is closed if it has not answered 30 s later. */
  deadlineMs: number;
}

type Harnessed = Window & Record<string, BenchHarness>;

async function openWithHarness(context: BrowserContext, pageUrl: string, harnessUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.addScriptTag({ url: harnessUrl });
  return page;
}

function withHardTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'hard-timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<'hard-timeout'>((resolve) => {
    timer = setTimeout(() => resolve('hard-timeout'), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export async function runInPageOnce(context: BrowserContext, job: InPageJob): Promise<RunOutcome> {
  const page = await openWithHarness(context, job.pageUrl, job.harnessUrl);
  try {
    const args = { g: HARNESS_GLOBAL, url: job.dataUrl ?? '', deadline: job.deadlineMs };
    if (job.contender === 'engine') await page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.loadIndex(a.url), args);
    if (job.contender === 'markjs' || job.contender === 'fuzzy') await page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.loadPhrasings(a.url), args);
    const since = await page.evaluate(() => performance.now());
    let run: Promise<RunSample>;
    switch (job.contender) {
      case 'engine':
        run = page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.runEngine(), args);
        break;
      case 'markjs':
        run = page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.runMarkJs(a.deadline), args);
        break;
      case 'fuzzy':
        run = page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.runFuzzy(a.deadline), args);
        break;
      case 'floor':
        run = page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.runFloor(), args);
        break;
    }
    const sample = await withHardTimeout(run, job.deadlineMs + 30_000);
    if (sample === 'hard-timeout') {
      return { sample: { total: job.deadlineMs, phases: {}, longestPhase: job.deadlineMs, timedOut: true, hits: 0 }, longTask: job.deadlineMs };
    }
    const longTasks = await page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.longTasks(a.since), { ...args, since });
    const selector = RECALL_SELECTOR[job.contender];
    const recall =
      selector && !sample.timedOut
        ? await page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.recall(a.probes, a.selector), { ...args, probes: job.probes, selector })
        : undefined;
    return { sample, longTask: Math.max(0, ...longTasks.map((task) => task.duration)), recall };
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
  }
}
