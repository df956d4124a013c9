/**
 * The in-page measurements, in the browser without the extension. Each page load is fresh; the
 * harness is injected after load and loads its data (index or phrasings) outside the timed region.
 *
 * - cold: a fresh page runs one thing once (the floors pipeline, or the engine including its first
 *   matchClaims call): JIT, lookup maps and caches all start empty, as in a page the content script
 *   just entered and a worker that just started.
 * - warm: one page runs rounds of floors → engine (extract, match, paint; then unpainted) → the same
 *   ranges wrapped by hand (then unwrapped); the first round is discarded.
 * - slow contenders (mark.js per phrase, fuzzy anchoring) and the engine beside them: one fresh page
 *   per run, as before.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { FUZZY_CLASS, HARNESS_GLOBAL, MARKJS_CLASS, type BenchHarness, type Phases, type RecallProbe, type RecallResult, type RunSample } from './harness-types';
import type { RunOutcome } from './measure';

type Harnessed = Window & Record<string, BenchHarness>;

export interface PageJob {
  pageUrl: string;
  harnessUrl: string;
  /** Compiled index (engine, floors) or phrasing list (mark.js, fuzzy). */
  dataUrl: string;
  probes: readonly RecallProbe[];
}

async function openWithHarness(context: BrowserContext, job: PageJob, data: 'index' | 'phrasings'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(job.pageUrl, { waitUntil: 'load' });
  await page.addScriptTag({ url: job.harnessUrl });
  const args = { g: HARNESS_GLOBAL, url: job.dataUrl };
  if (data === 'index') await page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.loadIndex(a.url), args);
  else await page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.loadPhrasings(a.url), args);
  return page;
}

async function withPage<T>(context: BrowserContext, job: PageJob, data: 'index' | 'phrasings', work: (page: Page) => Promise<T>): Promise<T> {
  const page = await openWithHarness(context, job, data);
  try {
    return await work(page);
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
  }
}

const call = <K extends keyof BenchHarness>(page: Page, method: K, arg?: unknown): Promise<unknown> =>
  page.evaluate(
    ({ g, m, a }) => {
      const harness = (window as unknown as Harnessed)[g]!;
      return (harness[m as keyof BenchHarness] as (x?: unknown) => unknown)(a);
    },
    { g: HARNESS_GLOBAL, m: method, a: arg },
  );

export function coldFloors(context: BrowserContext, job: PageJob): Promise<Phases> {
  return withPage(context, job, 'index', async (page) => (await call(page, 'runFloors')) as Phases);
}

export function coldEngine(context: BrowserContext, job: PageJob): Promise<{ phases: Phases; recall: RecallResult }> {
  return withPage(context, job, 'index', async (page) => {
    const run = (await call(page, 'runEngine', true)) as Phases;
    const phases = { ...run, matchCold: run.hydrate! + run.match!, totalCold: run.extract! + run.hydrate! + run.match! + run.paint! };
    const recall = await page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.recall(a.probes, 'mark.pledge-lens-mark'), { g: HARNESS_GLOBAL, probes: job.probes });
    return { phases, recall };
  });
}

export interface WarmRounds {
  floors: Phases[];
  engine: Phases[];
  handWrap: Phases[];
}

export function warmRounds(context: BrowserContext, job: PageJob, rounds: number): Promise<WarmRounds> {
  return withPage(context, job, 'index', async (page) => {
    const out: WarmRounds = { floors: [], engine: [], handWrap: [] };
    for (let round = 0; round <= rounds; round++) {
      const floors = (await call(page, 'runFloors')) as Phases;
      const engine = (await call(page, 'runEngine', round === 0)) as Phases;
      await call(page, 'clearEngine');
      const hand = (await call(page, 'runHandWrap')) as Phases;
      await call(page, 'clearHandWrap');
      // Round 0 warms everything up (and pays the first-call setup): not counted.
      if (round === 0) continue;
      out.floors.push(floors);
      out.engine.push(engine);
      out.handWrap.push({ ...hand, paint: engine.paint! });
    }
    return out;
  });
}

export type SlowContender = 'engine' | 'markjs' | 'fuzzy';

const RECALL_SELECTOR: Readonly<Record<SlowContender, string>> = {
  engine: 'mark.pledge-lens-mark',
  markjs: `mark.${MARKJS_CLASS}`,
  fuzzy: `mark.${FUZZY_CLASS}`,
};

function withHardTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'hard-timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<'hard-timeout'>((resolve) => {
    timer = setTimeout(() => resolve('hard-timeout'), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * One run of a slow contender, or of the engine beside them (fresh page, index hydrated first and
 * left out: the comparison the earlier benchmark made).
 */
export function slowOnce(context: BrowserContext, job: PageJob, contender: SlowContender, deadlineMs: number): Promise<RunOutcome> {
  return withPage(context, job, contender === 'engine' ? 'index' : 'phrasings', async (page) => {
    let run: Promise<RunSample>;
    if (contender === 'engine') {
      run = (call(page, 'runEngine', true) as Promise<Phases>).then((p) => ({
        total: p.extract! + p.match! + p.paint!,
        phases: p,
        timedOut: false,
        hits: p.matches!,
      }));
    } else run = call(page, contender === 'markjs' ? 'runMarkJs' : 'runFuzzy', deadlineMs) as Promise<RunSample>;
    const sample = await withHardTimeout(run, deadlineMs + 30_000);
    if (sample === 'hard-timeout') return { sample: { total: deadlineMs, phases: {}, timedOut: true, hits: 0 } };
    const recall = sample.timedOut
      ? undefined
      : await page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.recall(a.probes, a.selector), { g: HARNESS_GLOBAL, probes: job.probes, selector: RECALL_SELECTOR[contender] });
    return { sample, recall };
  });
}
