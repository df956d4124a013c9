/**
 * The extension as a reader meets it: a fresh tab loads the page, the content script reads it at
 * document_idle, asks the service worker, paints. Times come from three places that never touch the
 * extension's behaviour: the page's navigation timing, a main-world MutationObserver that notes each
 * Pledge Lens mark inserted (init-script.ts), and the bench build's User Timing entries in the worker
 * (worker-probe.ts).
 */
import type { BrowserContext } from 'playwright-core';
import type { ExtensionBrowser } from './browsers';
import { HARNESS_GLOBAL, INIT_GLOBAL, type BenchHarness, type InitState, type Phases, type RecallProbe, type RecallResult } from './harness-types';
import { pageDone, pageWorkerTime, readWorkerEntries, type WorkerEntry } from './worker-probe';

export interface ExtensionJob {
  /** A URL unique to this run (`?run=N`): a new article for the history, never a cached one. */
  url: string;
  harnessUrl: string;
  probes: readonly RecallProbe[];
  deadlineMs: number;
  /** Stop the service worker before the page loads (a cold start, as after Chrome idled it out). */
  stopWorkerFirst: boolean;
}

export interface ExtensionRun {
  phases: Phases;
  longTasks: Array<{ start: number; duration: number }>;
  recall?: RecallResult;
  /** The worker's entries for this run (start-up ones included after a stop), for the record. */
  workerEntries: WorkerEntry[];
}

type Observed = Window & Record<string, InitState | BenchHarness | undefined>;

const POLL_MS = 50;

async function navigationTiming(page: import('playwright-core').Page): Promise<{ domContentLoaded: number; load: number }> {
  return page.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      if (navigation && navigation.loadEventEnd > 0) return { domContentLoaded: navigation.domContentLoadedEventEnd, load: navigation.loadEventEnd };
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { domContentLoaded: Number.NaN, load: Number.NaN };
  });
}

/**
 * The page's own load in a browser without the extension: navigation start to the end of the load
 * event; and its own longest task from DOMContentLoaded on, over `settleMs` after load (what the
 * extension's long tasks are read against).
 */
export async function pageAloneOnce(context: BrowserContext, url: string, settleMs = 0): Promise<Phases> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const timing = await navigationTiming(page);
    if (settleMs > 0) await page.waitForTimeout(settleMs);
    const longTasks = await page.evaluate((init) => ((window as unknown as Observed)[init] as InitState).longTasks, INIT_GLOBAL);
    const own = longTasks.filter((task) => task.start >= timing.domContentLoaded).map((task) => task.duration);
    return { domContentLoaded: timing.domContentLoaded, load: timing.load, longTask: Math.max(0, ...own) };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function runExtensionOnce(browser: ExtensionBrowser, job: ExtensionJob): Promise<ExtensionRun> {
  const { context } = browser;
  if (job.stopWorkerFirst) await browser.stopWorker();
  else await readWorkerEntries(await browser.worker(), true); // a clean slate for this run
  const page = await context.newPage();
  try {
    await page.goto(job.url, { waitUntil: 'load', timeout: job.deadlineMs });
    const marked = await page
      .waitForFunction((init) => ((window as unknown as Observed)[init] as InitState | undefined)?.markTimes.length, INIT_GLOBAL, { timeout: job.deadlineMs, polling: POLL_MS })
      .then(() => true)
      .catch(() => false);
    if (!marked) throw new Error(`no highlight appeared on ${job.url} within ${job.deadlineMs} ms`);
    // Then until the worker has answered, received the frame's report and written the mentions.
    const deadline = Date.now() + job.deadlineMs;
    let entries: WorkerEntry[] = [];
    for (;;) {
      entries = await readWorkerEntries(await browser.worker());
      if (pageDone(entries, job.url)) break;
      if (Date.now() > deadline) throw new Error(`the worker did not finish ${job.url} within ${job.deadlineMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const timing = await navigationTiming(page);
    // Worker entries on the page's clock: both origins are wall-clock instants of the same machine.
    const workerOrigin = await (await browser.worker()).evaluate(() => performance.timeOrigin);
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    const shift = workerOrigin - pageOrigin;
    const onPage = (type: string, edge: 'start' | 'end'): number => {
      const entry = entries.find((e) => e.name === 'message' && e.detail.url === job.url && e.detail.type === type);
      return entry ? entry[edge] + shift : Number.NaN;
    };
    const observed = await page.evaluate((init) => {
      const state = (window as unknown as Observed)[init] as InitState;
      return { markTimes: state.markTimes, longTasks: state.longTasks };
    }, INIT_GLOBAL);
    const firstMark = observed.markTimes[0]!;
    const lastMark = observed.markTimes[observed.markTimes.length - 1]!;
    // Ours: from the task in which the content script first asked the worker (it runs at document_idle)
    // to the last mark. Earlier tasks after DOMContentLoaded (the page's own first layout) are the page's.
    const firstAsk = onPage('get-site-enabled', 'start');
    const from = Number.isNaN(firstAsk) ? timing.domContentLoaded : firstAsk - 5;
    const afterDcl = observed.longTasks.filter((task) => task.start >= timing.domContentLoaded && task.start <= lastMark + 50);
    const longTasks = afterDcl.filter((task) => task.start + task.duration >= from);
    const pageOwn = afterDcl.filter((task) => task.start + task.duration < from);
    await page.addScriptTag({ url: job.harnessUrl });
    const recall = await page.evaluate((a) => ((window as unknown as Observed)[a.g] as BenchHarness).recall(a.probes, 'mark.pledge-lens-mark'), { g: HARNESS_GLOBAL, probes: job.probes });
    const worker = pageWorkerTime(entries, job.url);
    // A cold start's pieces (present after a stop): when the worker started on the page's clock, and
    // how long evaluating its script, opening the database, validating and seeding the bundled set,
    // init as a whole, and loading the compiled claim set took.
    const span = (name: string) => {
      const e = entries.find((x) => x.name === name);
      return e ? e.end - e.start : undefined;
    };
    const startUp: Record<string, number> = {};
    const pieces: Array<[string, string]> = [
      ['workerScript', 'script-start'],
      ['workerOpenDb', 'open-db'],
      ['workerValidate', 'validate-claims'],
      ['workerSeed', 'seed-bundled'],
      ['workerInit', 'init'],
      ['workerClaimSet', 'claim-set'],
    ];
    for (const [key, name] of pieces) {
      const value = span(name);
      if (value !== undefined) startUp[key] = value;
    }
    if (startUp.workerScript !== undefined) startUp.workerStarted = shift;
    return {
      phases: {
        domContentLoaded: timing.domContentLoaded,
        load: timing.load,
        firstMark,
        lastMark,
        afterLoad: firstMark - timing.load,
        // The messages on the page's clock: when the worker received and answered each.
        siteAsked: onPage('get-site-enabled', 'start'),
        siteAnswered: onPage('get-site-enabled', 'end'),
        matchAsked: onPage('match-page', 'start'),
        matchAnswered: onPage('match-page', 'end'),
        worker: worker.worker,
        answer: worker.answer,
        match: worker.match,
        mentions: worker.mentions,
        otherMessages: worker.otherMessages,
        matches: worker.matches,
        longTask: Math.max(0, ...longTasks.map((task) => task.duration)),
        pageLongTask: Math.max(0, ...pageOwn.map((task) => task.duration)),
        ...startUp,
      },
      longTasks,
      recall,
      workerEntries: entries,
    };
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
  }
}
