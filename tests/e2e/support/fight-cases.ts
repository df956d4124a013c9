/**
 * Pages that fight the highlighter (attack report findings 4 and 5), as E2E tests written once and
 * run in Chromium and Firefox (fighting-pages.*.test.ts). The pages are tests/e2e/pages/fight/,
 * served from 127.0.0.1; what happened on the page's main thread is read from the page's own
 * instrumentation (watch.js): long tasks from a PerformanceObserver, marks as they arrive.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sleep, waitOrExplain, type DynamicBrowser, type PageDriver } from './dynamic-driver';
import { startStaticServer, type StaticServer } from './static-server';

const PAUSE = 'anthropic-rsp-pause-pledge';
const RISK_REPORTS = 'anthropic-rsp3-risk-reports';
const ROADMAPS = 'anthropic-rsp3-frontier-safety-roadmaps';
/** First highlights on a freshly loaded small page; generous, it is not what these tests measure. */
const FIRST_PAINT_MS = 10_000;
/** How long the storm is watched. The build before this test counted 12-24 long tasks in 12-14 s of it. */
const STORM_MS = 12_000;
/**
 * Long tasks (>= 50 ms) allowed in that time. The page alone had 0-1 on this machine, with this
 * change 4; what remains comes with the backoff's few whole-page rescans (0.3, 2.3 and 6.3 s into
 * the storm), which read styles the storm keeps dirtying. A count, not a duration: timings of our
 * own code are noise on a shared 2-core machine, a dozen more tasks is not.
 */
const MAX_STORM_LONG_TASKS = 8;
/** A page that keeps removing highlights: the painting rounds the backoff allows before it stops (removal-backoff.ts). */
const MAX_PAINTINGS = 6;
/** Quiet this long after the last painting means painting has stopped (the longest wait before one is 8 s). */
const STOPPED_AFTER_MS = 10_000;

interface FightGlobals {
  __longTasks: { at: number; ms: number }[] | null;
  __marksSeen: number[];
  __stormAt?: number;
  __ticks: number[];
  __startStorm(): void;
  __postClaim(): void;
}


export function defineFightingPageTests(launch: () => Promise<DynamicBrowser>): void {
  let server: StaticServer;
  let browser: DynamicBrowser;

  beforeAll(async () => {
    server = await startStaticServer();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const marksIn = (page: PageDriver, ids: string[]) => page.run((holders) => holders.every((id) => document.querySelector(`#${id} mark.pledge-lens-mark`) !== null), ids);

  test('a page replacing 400 text-bearing spans every 5 ms gets (almost) no long task from us, and is still read', async () => {
    const page = await browser.open(`${server.origin}/pages/fight/storm.html`);
    try {
      await waitOrExplain(page, 'the first highlights', (ids) => ids.every((id) => document.querySelector(`#${id} mark.pledge-lens-mark`) !== null), ['pause', 'reports'], FIRST_PAINT_MS);
      await page.bringToFront();
      await page.run(() => (window as unknown as FightGlobals).__startStorm(), undefined);
      await sleep(STORM_MS);
      const storm = await page.run(() => {
        const g = window as unknown as FightGlobals;
        const from = g.__stormAt ?? 0;
        const ticks = g.__ticks;
        return { longTasks: g.__longTasks?.filter((task) => task.at >= from) ?? null, ticks: ticks.length, marks: document.querySelectorAll('mark.pledge-lens-mark').length };
      }, undefined);
      console.info(`[${browser.name}] storm, ${STORM_MS} ms: ${storm.ticks} ticks, long tasks ${storm.longTasks === null ? 'not reported by this browser' : JSON.stringify(storm.longTasks)}`);
      expect(storm.ticks, 'the page kept running its storm').toBeGreaterThan(100);
      if (storm.longTasks !== null) expect(storm.longTasks.length, `long tasks during the storm: ${JSON.stringify(storm.longTasks)}`).toBeLessThanOrEqual(MAX_STORM_LONG_TASKS);
      // The highlights stay through the storm, and a claim the page adds in the middle of it is still read (within the backoff's cap).
      expect(await marksIn(page, ['pause', 'reports']), 'the highlights painted before the storm').toBe(true);
      await page.run(() => (window as unknown as FightGlobals).__postClaim(), undefined);
      await waitOrExplain(page, 'a highlight in the claim posted during the storm', () => document.querySelector('#late mark.pledge-lens-mark') !== null, undefined, 20_000);
      const state = await browser.tabState(page);
      expect(state.claims.map((claim) => claim.claimId).sort()).toEqual([PAUSE, RISK_REPORTS, ROADMAPS].sort());
      expect(page.errors).toEqual([]);
    } finally {
      await page.close().catch(() => undefined);
    }
  });

  test('a page unwrapping every highlight as it appears: repainted with growing waits, then left alone; the popup lists its claims as not shown', async () => {
    const page = await browser.open(`${server.origin}/pages/fight/unwrap.html`);
    try {
      await waitOrExplain(page, 'a first painting', () => (window as unknown as FightGlobals).__marksSeen.length > 0, undefined, FIRST_PAINT_MS);
      await page.bringToFront();
      // Polls until no mark has arrived for STOPPED_AFTER_MS; the build before this test painted about three times a second, forever.
      const deadline = Date.now() + 45_000;
      let seen = await page.run(() => [...(window as unknown as FightGlobals).__marksSeen], undefined);
      while (Date.now() < deadline) {
        const now = await page.run(() => performance.now(), undefined);
        if (now - (seen.at(-1) ?? 0) > STOPPED_AFTER_MS) break;
        await sleep(500);
        seen = await page.run(() => [...(window as unknown as FightGlobals).__marksSeen], undefined);
      }
      const paintings = seen.filter((at, i) => i === 0 || at - seen[i - 1]! > 150).map(Math.round);
      console.info(`[${browser.name}] unwrap: ${seen.length} marks in ${paintings.length} paintings at ${paintings.join(', ')} ms`);
      expect(paintings.length, `paintings at ${paintings.join(', ')} ms (page clock)`).toBeLessThanOrEqual(MAX_PAINTINGS);
      expect(paintings.length, 'repainted at least twice before stopping').toBeGreaterThanOrEqual(3);
      const gaps = paintings.slice(1).map((at, i) => at - paintings[i]!);
      expect(gaps.at(-1)!, `the waits grow: ${gaps.join(', ')} ms`).toBeGreaterThan(gaps[0]!);
      const now = await page.run(() => ({ at: performance.now(), marks: document.querySelectorAll('mark').length, text: document.getElementById('pause')?.textContent ?? '' }), undefined);
      expect(now.at - seen.at(-1)!, 'nothing painted for a while: painting stopped').toBeGreaterThan(STOPPED_AFTER_MS);
      expect(now.marks).toBe(0);
      expect(now.text).toBe('Anthropic promised in 2023 never to train a model unless it could show in advance that its safeguards were adequate.');

      const state = await browser.tabState(page);
      expect(state.claims.map((claim) => [claim.claimId, claim.hiddenByPage === true]).sort(), 'the popup lists what was matched, as not shown').toEqual([[PAUSE, true], [RISK_REPORTS, true]]);
      expect(page.errors).toEqual([]);
    } finally {
      await page.close().catch(() => undefined);
    }
  });
}
