/**
 * The content script's path to the first highlight, step by step, on the 2k-word article with a warm
 * worker: the same bench build, page, server and `runExtensionOnce` as `npm run bench`, with the
 * page's own load in a browser without the extension. Every time is on the page's clock (ms from
 * navigation start); the worker's receipt and answer of each message come from its User Timing
 * entries. Prints each run and the medians, and first highlight / load alone (goal <= 1.7x).
 * About a minute on 2 quiet cores.
 *
 *   npx tsx scripts/bench/content-steps.ts [--runs 7] [--page 2k|10k] [--rebuild] [--build DIR]
 */
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStaticServer } from '../support/static-server';
import { launchPlain, launchWithExtension } from './browsers';
import { bundleHarness } from './bundle-harness';
import { buildBenchExtension } from './extension-build';
import { loadCorpus } from './fixture-corpus';
import type { Phases } from './harness-types';
import { preparePages } from './prepare';
import { pageAloneOnce, runExtensionOnce } from './run-extension';
import { median } from './stats';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEADLINE_MS = 60_000;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, page: { type: 'string', default: '2k' }, rebuild: { type: 'boolean', default: false }, build: { type: 'string' } } });
const runs = Number(values.runs);
const pageName = values.page!;
const log = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value.toFixed(1) : '-');

/** The steps in the order they happen, and the intervals between them that the table names. */
const STEPS = ['domContentLoaded', 'load', 'siteAsked', 'siteAnswered', 'matchAsked', 'matchAnswered', 'firstMark', 'lastMark'] as const;
const INTERVALS: ReadonlyArray<[string, (typeof STEPS)[number], (typeof STEPS)[number]]> = [
  ['load→site asked', 'load', 'siteAsked'],
  ['site answered→match asked (extract+send)', 'siteAnswered', 'matchAsked'],
  ['match asked→answered', 'matchAsked', 'matchAnswered'],
  ['match answered→first mark (receive+paint)', 'matchAnswered', 'firstMark'],
  ['first→last mark', 'firstMark', 'lastMark'],
];

async function main(): Promise<void> {
  log(`load average ${loadavg()[0]!.toFixed(2)}`);
  const words = pageName === '10k' ? 10_000 : 2_000;
  const [page] = preparePages(loadCorpus(join(ROOT, 'tests/fixtures/articles')), [{ name: pageName, words }]);
  // `--build DIR`: a saved bench build (A/B runs alternate two of them), else the current sources'.
  const build = values.build ? { dir: values.build, ms: 0, reused: true } : await buildBenchExtension(log, values.rebuild);
  log(values.build ? `the bench build in ${values.build}` : build.reused ? 'reused the bench build' : `built in ${(build.ms / 1000).toFixed(0)} s`);
  const server = await startStaticServer({});
  const harnessUrl = server.put('/bench/harness.js', await bundleHarness(), 'text/javascript; charset=utf-8');
  const url = server.put(`/pages/${pageName}.html`, page!.html, 'text/html; charset=utf-8');
  let counter = 0;
  const plain = await launchPlain();
  const alone: Phases[] = [];
  try {
    for (let i = 0; i < runs; i++) alone.push(await pageAloneOnce(plain.context, `${url}?run=${counter++}`));
  } finally {
    await plain.close();
  }
  const samples: Phases[] = [];
  const browser = await launchWithExtension(build.dir);
  try {
    // As the bench: two pages load the claim set and warm the worker first.
    const job = () => ({ url: `${url}?run=${counter++}`, harnessUrl, probes: page!.probes, deadlineMs: DEADLINE_MS, stopWorkerFirst: false });
    for (let i = 0; i < 2; i++) await runExtensionOnce(browser, job());
    for (let i = 0; i < runs; i++) samples.push((await runExtensionOnce(browser, job())).phases);
  } finally {
    await browser.close();
    await server.close();
  }
  log(`\n${pageName}, warm worker, ${runs} runs (ms on the page's clock)`);
  log(['run', ...STEPS, 'longTask'].map((s) => s.padStart(10)).join(' '));
  samples.forEach((s, i) => log([String(i + 1), ...STEPS.map((k) => fmt(s[k])), fmt(s.longTask)].map((v) => v.padStart(10)).join(' ')));
  const medOf = (key: string, from: readonly Phases[] = samples) => median(from.map((s) => s[key] ?? Number.NaN));
  log(['median', ...STEPS.map((k) => fmt(medOf(k))), fmt(medOf('longTask'))].map((v) => v.padStart(10)).join(' '));
  for (const [label, from, to] of INTERVALS) log(`  ${label.padEnd(44)} ${fmt(median(samples.map((s) => (s[to] ?? Number.NaN) - (s[from] ?? Number.NaN))))}`);
  const loadAlone = medOf('load', alone);
  log(`page alone: domContentLoaded ${fmt(medOf('domContentLoaded', alone))}, load ${fmt(loadAlone)}`);
  log(`first highlight / load alone: ${(medOf('firstMark') / loadAlone).toFixed(2)}x (goal <= 1.7)`);
}

main().catch((error: unknown) => {
  log(`content steps failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
