/** Turns bench results into the goals' verdicts and the printed tables. */
import { formatTable, ms, ratio } from './format-table';
import type { BaselineComparison } from './matching-cost';
import { CONTENDER_LABEL, findContender, findExtension, findInPage, type BenchResults, type ContenderResult, type Goal } from './results';
import { med, medianRatio } from './stats';

export const GOAL_PAGE = '10k';
export const ARTICLE_PAGE = '2k';
export const LONG_TASK_PAGE = '100k';
export const BIG_SET = '10000';
export const LONG_TASK_LIMIT_MS = 50;
export const CONTENT_SCRIPT_LIMIT_BYTES = 60 * 1024;

type Partial = Omit<BenchResults, 'goals'>;

const finite = (value: number) => Number.isFinite(value) && !Number.isNaN(value);

/** A goal "a <= limit × b" (or >=), judged only when both sides were measured. */
function ratioGoal(id: string, goal: string, target: string, a: number, b: number, limit: number, detail: (r: number) => string, atLeast = false): Goal {
  if (!finite(a) || !finite(b) || b <= 0) return { id, goal, target, measured: 'not measured', met: undefined };
  const r = a / b;
  return { id, goal, target, measured: detail(r), met: atLeast ? r >= limit : r <= limit };
}

/** a / b for a slow contender against the engine; a lower bound when the contender hit its deadline. */
function speedup(slow: ContenderResult | undefined, fast: ContenderResult | undefined): { value: number; lowerBound: boolean } | undefined {
  if (!slow || !fast || Number.isNaN(slow.measured.median) || Number.isNaN(fast.measured.median) || fast.measured.median <= 0) return undefined;
  return { value: slow.measured.median / fast.measured.median, lowerBound: slow.measured.timedOut };
}

function speedupGoal(results: Partial, contender: 'markjs' | 'fuzzy', factor: number): Goal {
  const slow = findContender(results, contender);
  const engine = findContender(results, 'engine');
  const s = speedup(slow, engine);
  const estimate = slow?.estimatedMs ? `; stopped at its deadline, full run estimated at ${ms(slow.estimatedMs)} ms` : '';
  return {
    id: contender,
    goal: `10k-word page, 1,000 claims: Pledge Lens faster than ${CONTENDER_LABEL[contender]}`,
    target: `>= ${factor}x`,
    // A lower bound that clears the bar meets it; one that does not proves nothing either way.
    met: s === undefined ? undefined : s.value >= factor ? true : s.lowerBound ? undefined : false,
    measured: s === undefined ? 'not measured' : `${ratio(s.value, s.lowerBound)} (${ms(slow!.measured.median)} vs ${ms(engine!.measured.median)} ms${estimate})`,
  };
}

/** Matching cost may grow at most this much over release 0.1's matcher (issue 11). */
export const BASELINE_LIMIT = 1.5;

/** The current matcher against release 0.1's on the 10k-word page: every claim set measured must stay within the limit. */
function baselineGoal(baseline: BaselineComparison | undefined): Goal {
  const id = 'match-vs-baseline';
  const target = `<= ${BASELINE_LIMIT}x`;
  if (!baseline || !('sets' in baseline) || baseline.sets.length === 0) {
    const goal = `10k-word page: matching cost vs the 0.1 matcher${baseline ? ` (${baseline.commit})` : ''}`;
    return { id, goal, target, measured: baseline && 'skipped' in baseline ? baseline.skipped : 'not measured', met: undefined };
  }
  const measured = baseline.sets.map((s) => `${ratio(s.ratio)} with ${s.name === 'default' ? 'the default set' : `${s.claims.toLocaleString('en-US')} claims`} (${ms(s.currentMs)} vs ${ms(s.baselineMs)} ms)`).join('; ');
  const ratios = baseline.sets.map((s) => s.ratio);
  return {
    id,
    goal: `${baseline.page}-word page: warm matching (Node) vs the 0.1 matcher (${baseline.commit})`,
    target,
    measured,
    met: ratios.every((r) => finite(r)) ? ratios.every((r) => r <= BASELINE_LIMIT) : undefined,
  };
}

export function evaluateGoals(results: Partial): Goal[] {
  const goals: Goal[] = [];
  const page = findInPage(results, GOAL_PAGE);

  goals.push(
    ratioGoal('warm-match', '10k-word page: warm matching vs floor (c) (TreeWalker + word pass + sentences)', '<= 3x', med(page?.engineWarm, 'match'), med(page?.floorsWarm, 'c'), 3, (r) =>
      `${ratio(r)} (${ms(med(page?.engineWarm, 'match'))} vs ${ms(med(page?.floorsWarm, 'c'))} ms)`,
    ),
  );
  goals.push(
    ratioGoal('cold-total', '10k-word page: cold extract + match + paint vs floor (d) (+ stems, map lookup)', '<= 1.8x', med(page?.engineCold, 'totalCold'), med(page?.floorsCold, 'd'), 1.8, (r) =>
      `${ratio(r)} (${ms(med(page?.engineCold, 'totalCold'))} vs ${ms(med(page?.floorsCold, 'd'))} ms)`,
    ),
  );

  const tenK = findExtension(results, GOAL_PAGE, 'default', 'warm');
  goals.push(
    // Judged run by run (each run's worker time over that run's matching time), then the median.
    ratioGoal('worker-vs-match', '10k-word page: worker time vs its matching time (median of per-run ratios)', '<= 1.5x', medianRatio(tenK?.series, 'worker', 'match'), 1, 1.5, (r) =>
      `${ratio(r)} (medians: worker ${ms(med(tenK?.series, 'worker'))} ms: answer ${ms(med(tenK?.series, 'answer'))}, of which match ${ms(med(tenK?.series, 'match'))}; mention writes ${ms(med(tenK?.series, 'mentions'))}; ratio of the medians ${ratio(med(tenK?.series, 'worker') / med(tenK?.series, 'match'))})`,
    ),
  );

  const warm = findExtension(results, ARTICLE_PAGE, 'default', 'warm');
  const stopped = findExtension(results, ARTICLE_PAGE, 'default', 'stopped');
  const alone = results.pageAlone[ARTICLE_PAGE];
  goals.push(
    ratioGoal('first-highlight-warm', '2k-word article: first highlight (warm worker) vs the page\'s own load without the extension', '<= 1.7x', med(warm?.series, 'firstMark'), med(alone, 'load'), 1.7, (r) =>
      `${ratio(r)} (${ms(med(warm?.series, 'firstMark'))} vs ${ms(med(alone, 'load'))} ms)`,
    ),
  );
  goals.push(
    ratioGoal('first-highlight-stopped', '2k-word article: first highlight, stopped worker vs warm', '<= 1.4x', med(stopped?.series, 'firstMark'), med(warm?.series, 'firstMark'), 1.4, (r) =>
      `${ratio(r)} (${ms(med(stopped?.series, 'firstMark'))} vs ${ms(med(warm?.series, 'firstMark'))} ms)`,
    ),
  );

  const big = findExtension(results, GOAL_PAGE, BIG_SET, 'warm');
  goals.push(
    ratioGoal('claims-10000', '10k-word page: worker time, 10,000 claims vs the default set', '<= 1.3x', med(big?.series, 'worker'), med(tenK?.series, 'worker'), 1.3, (r) =>
      `${ratio(r)} (${ms(med(big?.series, 'worker'))} vs ${ms(med(tenK?.series, 'worker'))} ms; match ${ms(med(big?.series, 'match'))} vs ${ms(med(tenK?.series, 'match'))} ms)`,
    ),
  );

  goals.push(
    ratioGoal('paint-vs-hand', '10k-word page: paint vs wrapping the same ranges by hand', '<= 2x', med(page?.handWrapWarm, 'paint'), med(page?.handWrapWarm, 'wrap'), 2, (r) =>
      `${ratio(r)} (${ms(med(page?.handWrapWarm, 'paint'))} vs ${ms(med(page?.handWrapWarm, 'wrap'))} ms)`,
    ),
  );

  const news = results.news;
  goals.push(
    news && 'share' in news
      ? {
          id: 'news-wake',
          goal: 'general-news pages that wake the worker (claim prefilter)',
          target: '<= 15%',
          measured: `${(100 * news.share).toFixed(1)}% (${news.woken} of ${news.files} articles)`,
          met: news.share <= 0.15,
        }
      : { id: 'news-wake', goal: 'general-news pages that wake the worker (claim prefilter)', target: '<= 15%', measured: news?.skipped ?? 'not measured', met: undefined },
  );

  const cost = results.matchingCost;
  goals.push(
    cost
      ? {
          id: 'adversarial',
          goal: '1 MB adversarial text vs 1 MB prose, matching time',
          target: '<= 2x',
          measured: `${ratio(cost.worstRatio)} (worst: ${cost.worstKind}, ${ms(cost.worstRatio * cost.proseMs)} vs ${ms(cost.proseMs)} ms)`,
          met: cost.worstRatio <= 2,
        }
      : { id: 'adversarial', goal: '1 MB adversarial text vs 1 MB prose, matching time', target: '<= 2x', measured: 'not measured', met: undefined },
  );

  goals.push(baselineGoal(cost?.baseline));

  goals.push(speedupGoal(results, 'markjs', 10), speedupGoal(results, 'fuzzy', 50));

  const huge = findExtension(results, LONG_TASK_PAGE, 'default', 'warm');
  const worst = huge ? huge.longTaskWorst : Number.NaN;
  goals.push({
    id: 'long-task',
    goal: '100k-word page, as shipped: longest main-thread task',
    target: `<= ${LONG_TASK_LIMIT_MS} ms`,
    measured: Number.isNaN(worst) ? 'not measured' : `${worst === 0 ? 'no task reached 50 ms' : `${ms(worst)} ms`} (worst of ${huge!.series.runs} runs; the page alone: ${longTaskCell(med(results.pageAlone[LONG_TASK_PAGE], 'longTask'))})`,
    met: Number.isNaN(worst) ? undefined : worst <= LONG_TASK_LIMIT_MS,
  });

  const script = results.contentScript;
  goals.push({
    id: 'content-size',
    goal: 'content script size',
    target: '< 60 KB gzip',
    met: script === undefined ? undefined : script.gzipBytes < CONTENT_SCRIPT_LIMIT_BYTES,
    measured: script === undefined ? 'no build found' : `${(script.gzipBytes / 1024).toFixed(1)} KB gzip (${(script.bytes / 1024).toFixed(1)} KB raw)`,
  });
  return goals;
}

/** The longtask API reports only tasks of 50 ms or more: 0 means there was none. */
function longTaskCell(value: number | undefined): string {
  return value === 0 ? 'none' : ms(value);
}

function floorsTable(results: BenchResults): string {
  const rows: string[][] = [];
  const floors: Array<[string, string]> = [
    ['a', 'floor (a) TreeWalker text'],
    ['b', 'floor (b) + one word pass'],
    ['c', 'floor (c) + sentence segmentation'],
    ['d', 'floor (d) + stemming, map lookup/token'],
  ];
  for (const r of results.inPage) {
    for (const [key, label] of floors) rows.push([r.page, label, ms(med(r.floorsCold, key)), ms(med(r.floorsWarm, key)), '', '', '', '']);
    const multiples = (value: number, cold: boolean) => ['a', 'b', 'c', 'd'].map((key) => ratio(value / med(cold ? r.floorsCold : r.floorsWarm, key)));
    const cold = med(r.engineCold, 'totalCold');
    const coldMatch = med(r.engineCold, 'matchCold');
    rows.push([r.page, 'engine cold: extract + match + paint', ms(cold), '', ...multiples(cold, true)]);
    rows.push([r.page, 'engine cold: match (incl. first call)', ms(coldMatch), '', ...multiples(coldMatch, true)]);
    const warm = med(r.engineWarm, 'total');
    const warmMatch = med(r.engineWarm, 'match');
    rows.push([r.page, 'engine warm: extract + match + paint', '', ms(warm), ...multiples(warm, false)]);
    rows.push([r.page, 'engine warm: match', '', ms(warmMatch), ...multiples(warmMatch, false)]);
  }
  return formatTable(
    [
      { title: 'page' },
      { title: 'what' },
      { title: 'cold ms', align: 'right' },
      { title: 'warm ms', align: 'right' },
      { title: 'x (a)', align: 'right' },
      { title: 'x (b)', align: 'right' },
      { title: 'x (c)', align: 'right' },
      { title: 'x (d)', align: 'right' },
    ],
    rows,
  );
}

function phaseTable(results: BenchResults): string {
  const rows = results.inPage.flatMap((r) => [
    [r.page, 'cold', ms(med(r.engineCold, 'extract')), ms(med(r.engineCold, 'hydrate')), ms(med(r.engineCold, 'match')), ms(med(r.engineCold, 'paint')), ms(med(r.engineCold, 'totalCold')), String(r.engineCold.runs), recallCell(r.recall)],
    [r.page, 'warm', ms(med(r.engineWarm, 'extract')), '-', ms(med(r.engineWarm, 'match')), ms(med(r.engineWarm, 'paint')), ms(med(r.engineWarm, 'total')), String(r.engineWarm.runs), ''],
    [r.page, 'by hand', '', '', '', ms(med(r.handWrapWarm, 'wrap')), '', String(r.handWrapWarm.runs), `paint ${ratio(med(r.handWrapWarm, 'paint') / med(r.handWrapWarm, 'wrap'))} by hand`],
  ]);
  return formatTable(
    [
      { title: 'page' },
      { title: 'run' },
      { title: 'extract', align: 'right' },
      { title: 'first call', align: 'right' },
      { title: 'match', align: 'right' },
      { title: 'paint', align: 'right' },
      { title: 'total', align: 'right' },
      { title: 'runs', align: 'right' },
      { title: 'recall (required) / note', align: 'right' },
    ],
    rows,
  );
}

function recallCell(r: { requiredFound: number; requiredTotal: number } | undefined): string {
  if (!r || r.requiredTotal === 0) return '-';
  return `${r.requiredFound}/${r.requiredTotal} (${Math.round((100 * r.requiredFound) / r.requiredTotal)}%)`;
}

function extensionTable(results: BenchResults): string {
  const rows = results.extension.map((r) => {
    const s = r.series;
    return [
      r.page,
      r.claimSet === 'default' ? `default (${r.claims})` : r.claims.toLocaleString('en-US'),
      r.worker,
      ms(med(results.pageAlone[r.page], 'load')),
      ms(med(s, 'load')),
      ms(med(s, 'firstMark')),
      ms(med(s, 'lastMark')),
      ms(med(s, 'worker')),
      ms(med(s, 'answer')),
      ms(med(s, 'match')),
      ms(med(s, 'mentions')),
      r.worker === 'stopped' ? ms(med(s, 'workerInit')) : '-',
      longTaskCell(r.longTaskWorst),
      String(s.runs),
      recallCell(r.recall),
    ];
  });
  return formatTable(
    [
      { title: 'page' },
      { title: 'claims' },
      { title: 'worker' },
      { title: 'load alone', align: 'right' },
      { title: 'load', align: 'right' },
      { title: 'first mark', align: 'right' },
      { title: 'last mark', align: 'right' },
      { title: 'worker time', align: 'right' },
      { title: 'answer', align: 'right' },
      { title: 'match', align: 'right' },
      { title: 'mention writes', align: 'right' },
      { title: 'start-up', align: 'right' },
      { title: 'long task', align: 'right' },
      { title: 'runs', align: 'right' },
      { title: 'recall', align: 'right' },
    ],
    rows,
  );
}

/** Where the time to the first highlight goes: the worker's receipt and answer of each message, on the page's clock. */
function timelineTable(results: BenchResults): string {
  const rows = results.extension
    .filter((r) => r.claimSet === 'default' && r.page !== LONG_TASK_PAGE)
    .map((r) => {
      const s = r.series;
      const step = (a: string, b: string) => ms(med(s, b) - med(s, a));
      return [
        r.page,
        r.worker,
        ms(med(s, 'load')),
        ms(med(s, 'siteAsked')),
        ms(med(s, 'siteAnswered')),
        ms(med(s, 'matchAsked')),
        ms(med(s, 'matchAnswered')),
        ms(med(s, 'firstMark')),
        step('load', 'siteAsked'),
        step('siteAsked', 'siteAnswered'),
        step('siteAnswered', 'matchAsked'),
        step('matchAsked', 'matchAnswered'),
        step('matchAnswered', 'firstMark'),
      ];
    });
  return formatTable(
    [
      { title: 'page' },
      { title: 'worker' },
      { title: 'load', align: 'right' },
      { title: 'site asked', align: 'right' },
      { title: 'answered', align: 'right' },
      { title: 'match asked', align: 'right' },
      { title: 'answered', align: 'right' },
      { title: 'first mark', align: 'right' },
      { title: '| load->ask', align: 'right' },
      { title: 'site', align: 'right' },
      { title: 'extract+send', align: 'right' },
      { title: 'match answer', align: 'right' },
      { title: 'receive+paint', align: 'right' },
    ],
    rows,
  );
}

/** What a stopped worker does before it can answer: its start-up pieces (medians, ms). */
function startUpLines(results: BenchResults): string[] {
  return results.extension
    .filter((r) => r.worker === 'stopped')
    .map((r) => {
      const s = r.series;
      return (
        `  ${r.page} page, stopped worker: started ${ms(med(s, 'workerStarted'))} ms after navigation (page load ${ms(med(s, 'load'))}); ` +
        `script evaluated ${ms(med(s, 'workerScript'))} ms after its start; init ${ms(med(s, 'workerInit'))} ms (database ${ms(med(s, 'workerOpenDb'))}, ` +
        `bundled set validated ${ms(med(s, 'workerValidate'))}, seeded ${ms(med(s, 'workerSeed'))}); compiled claim set loaded ${ms(med(s, 'workerClaimSet'))} ms; ` +
        `first (cold) match ${ms(med(s, 'match'))} ms`
      );
    });
}

function contenderTable(results: BenchResults): string {
  const engine = findContender(results, 'engine');
  const rows = results.contenders.map((r) => {
    const m = r.measured;
    const time = m.runs === 0 ? `skipped (${m.skipped})` : m.timedOut ? `>${ms(m.median)}${r.estimatedMs ? ` (~${ms(r.estimatedMs)})` : ''}` : ms(m.median);
    const s = r.contender === 'engine' ? undefined : speedup(r, engine);
    return [r.page, r.claims.toLocaleString('en-US'), CONTENDER_LABEL[r.contender], time, String(m.runs), s ? ratio(s.value, s.lowerBound) : '-', recallCell(m.recall)];
  });
  return formatTable(
    [{ title: 'page' }, { title: 'claims', align: 'right' }, { title: 'contender' }, { title: 'median ms', align: 'right' }, { title: 'runs', align: 'right' }, { title: 'vs engine', align: 'right' }, { title: 'recall (required)', align: 'right' }],
    rows,
  );
}

function goalsTable(goals: readonly Goal[]): string {
  return formatTable(
    [{ title: '#', align: 'right' }, { title: 'goal' }, { title: 'target' }, { title: 'verdict' }, { title: 'measured' }],
    goals.map((goal, i) => [String(i + 1), goal.goal, goal.target, goal.met === undefined ? 'UNKNOWN' : goal.met ? 'met' : 'NOT MET', goal.measured]),
  );
}

export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  const { machine, settings } = results;
  out.push(`Pledge Lens benchmark (${results.mode}) — Chromium ${machine.chromium}, Node ${machine.node}, ${machine.cpus} cores, load average ${machine.loadBefore.toFixed(1)} at start`);
  out.push(`Medians: ${settings.runs} warm runs, ${settings.coldRuns} cold runs (fresh page each) per cell. Pages: ${results.pages.map((p) => `${p.name} = ${p.words.toLocaleString('en-US')} words`).join(', ')}.`);
  out.push('');
  out.push('Floors and the engine (default claim set), in-page. Cold = first run on a fresh page (JIT, maps, caches empty;');
  out.push('the engine\'s first matchClaims call hydrates the index). Multiples: cold rows against the cold floors, warm rows');
  out.push('against the warm floors. Floors are cumulative: (b) = (a) + a word pass, (c) = (b) + Intl.Segmenter, (d) = (c) + stems.');
  out.push(floorsTable(results));
  out.push('');
  out.push('Engine phases (ms, medians) and paint against wrapping the same ranges by hand (warm, same rounds):');
  out.push(phaseTable(results));
  out.push('');
  out.push('The extension (bench build, identical content script), ms since navigation start; worker columns from the worker\'s');
  out.push('own User Timing entries: worker time = its messages for the page + the mention writes after the answer.');
  out.push(extensionTable(results));
  out.push('');
  out.push('The first highlight step by step (medians, ms since navigation start; "asked"/"answered" = the worker receiving and');
  out.push('answering the content script\'s get-site-enabled and match-page messages; the last columns are the differences):');
  out.push(timelineTable(results));
  out.push(...startUpLines(results));
  out.push('');
  out.push('The usual approaches (fresh page per run; the engine with its index hydrated first, as before):');
  out.push(contenderTable(results));
  const cost = results.matchingCost;
  if (cost) {
    out.push('');
    out.push(`Matching 1 MB (Node, default set, warm medians): prose ${ms(cost.proseMs)} ms${cost.proseWork === undefined ? '' : `, work ${cost.proseWork.toLocaleString('en-US')}`}; each adversarial text against it`);
    out.push('("cut short": the per-call work budget stopped the call, so the time covers part of the text):');
    out.push(
      formatTable(
        [{ title: 'adversarial text (1 MB)' }, { title: 'ms', align: 'right' }, { title: 'vs prose', align: 'right' }, { title: 'work', align: 'right' }, { title: '' }],
        cost.adversarial.map((a) => [a.kind, ms(a.ms), ratio(a.ratio), a.work === undefined ? '-' : a.work.toLocaleString('en-US'), a.truncated ? 'cut short' : '']),
      ),
    );
    const baseline = cost.baseline;
    if (baseline && 'sets' in baseline) {
      out.push('');
      out.push(`Matching cost against the 0.1 matcher (${baseline.commit}), ${baseline.page} page, Node, warm, medians of ${baseline.runs} alternating runs:`);
      out.push(
        formatTable(
          [{ title: 'claim set' }, { title: 'claims', align: 'right' }, { title: 'now ms', align: 'right' }, { title: `${baseline.commit} ms`, align: 'right' }, { title: 'ratio', align: 'right' }],
          baseline.sets.map((s) => [s.name, s.claims.toLocaleString('en-US'), ms(s.currentMs), ms(s.baselineMs), ratio(s.ratio)]),
        ),
      );
    } else if (baseline) out.push(`Matching cost against the 0.1 matcher: ${baseline.skipped}`);
  }
  const news = results.news;
  if (news) {
    out.push('');
    if ('share' in news) {
      const categories = Object.entries(news.byCategory).map(([name, c]) => `${name} ${c.woken}/${c.files}`).join(', ');
      out.push(`General news (${news.dir}): ${news.woken} of ${news.files} articles pass the claim prefilter (${(100 * news.share).toFixed(1)}%; ${categories}); prefilter ${ms(news.totalMs)} ms for ${(news.characters / 1e6).toFixed(1)} M characters.`);
    } else out.push(`General news: ${news.skipped}`);
  }
  if (results.contentScript) out.push(`Content script ${results.contentScript.path}: ${(results.contentScript.bytes / 1024).toFixed(1)} KB raw, ${(results.contentScript.gzipBytes / 1024).toFixed(1)} KB gzip.`);
  if (results.unplacedQuotes.length) out.push(`(${results.unplacedQuotes.length} gold quote(s) not in visible text were left out of recall.)`);
  out.push('');
  out.push('Goals:');
  out.push(goalsTable(results.goals));
  return out.join('\n');
}
