/** Turns bench results into the goals verdicts and the printed tables. */
import { formatTable, ms, ratio } from './format-table';
import { comparableMs, CONTENDER_LABEL, findResult, type BenchResults, type ContenderResult, type Goal } from './results';

export const GOAL_PAGE = '10k';
export const GOAL_SET = '1000';
export const LONG_TASK_PAGE = '100k';
export const LONG_TASK_LIMIT_MS = 50;
export const CONTENT_SCRIPT_LIMIT_BYTES = 60 * 1024;

/** a / b when both are measured; a lower bound when `a` is (b is a plain median). */
function speedup(slow: ContenderResult | undefined, fast: ContenderResult | undefined): { value: number; lowerBound: boolean } | undefined {
  const a = comparableMs(slow);
  const b = comparableMs(fast);
  if (!a || !b || b.lowerBound || b.ms <= 0) return undefined;
  return { value: a.ms / b.ms, lowerBound: a.lowerBound };
}

function speedupGoal(results: BenchResults['results'], contender: 'markjs' | 'fuzzy', factor: number): Goal {
  const slow = findResult(results, GOAL_PAGE, GOAL_SET, contender);
  const s = speedup(slow, findResult(results, GOAL_PAGE, GOAL_SET, 'engine'));
  const estimate = slow?.estimatedMs ? ` (its run stopped at the deadline; estimated full run ${ms(slow.estimatedMs)} ms)` : '';
  return {
    goal: `10k-word page, 1,000 claims: Pledge Lens >= ${factor}x faster than ${CONTENDER_LABEL[contender]}`,
    // A lower bound that already clears the bar meets it; one that does not proves nothing either way.
    met: s === undefined ? undefined : s.value >= factor ? true : s.lowerBound ? undefined : false,
    measured: s === undefined ? 'not measured' : `${ratio(s.value, s.lowerBound)}${estimate}`,
  };
}

export function evaluateGoals(results: Omit<BenchResults, 'goals'>): Goal[] {
  const all = results.results;
  const goals: Goal[] = [speedupGoal(all, 'markjs', 10), speedupGoal(all, 'fuzzy', 50)];

  const engine = findResult(all, GOAL_PAGE, GOAL_SET, 'engine');
  const floor = findResult(all, GOAL_PAGE, 'default', 'floor');
  const overFloor = speedup(engine, floor);
  goals.push({
    goal: '10k-word page, 1,000 claims: Pledge Lens within 3x the floor',
    met: overFloor === undefined ? undefined : overFloor.value <= 3,
    measured: overFloor === undefined ? 'not measured' : `${ratio(overFloor.value)} the floor (${ms(comparableMs(engine)?.ms)} vs ${ms(comparableMs(floor)?.ms)} ms)`,
  });

  const few = findResult(all, GOAL_PAGE, '100', 'engine');
  const many = findResult(all, GOAL_PAGE, '10000', 'engine');
  const scaling = speedup(many, few);
  goals.push({
    goal: '10k-word page: 100 -> 10,000 claims costs < 1.5x',
    met: scaling === undefined ? undefined : scaling.value < 1.5,
    measured: scaling === undefined ? 'not measured' : `${ratio(scaling.value)} (${ms(comparableMs(few)?.ms)} -> ${ms(comparableMs(many)?.ms)} ms)`,
  });

  // What counts is the shipped content script, which slices extraction and painting into short
  // tasks (matching runs in the service worker). The in-page engine calls the unsliced functions, so
  // its phases are the fallback when the extension was not measured, and otherwise only context.
  const shipped = findResult(all, LONG_TASK_PAGE, 'default', 'shipped');
  const bigEngine = findResult(all, LONG_TASK_PAGE, GOAL_SET, 'engine');
  const pageSide = bigEngine ? Math.max(bigEngine.measured.phases.extract ?? Number.NaN, bigEngine.measured.phases.paint ?? Number.NaN) : Number.NaN;
  const shippedTask = shipped && shipped.measured.runs > 0 && !shipped.measured.timedOut ? shipped.measured.longTaskWorst : Number.NaN;
  const judged = Number.isNaN(shippedTask) ? pageSide : shippedTask;
  goals.push({
    goal: `100k-word page: no main-thread task > ${LONG_TASK_LIMIT_MS} ms`,
    met: Number.isNaN(judged) ? undefined : judged <= LONG_TASK_LIMIT_MS,
    measured:
      `as shipped: longest long task ${Number.isNaN(shippedTask) ? 'not measured' : shippedTask === 0 ? 'none (no task reached 50 ms)' : `${ms(shippedTask)} ms`} over ${shipped?.measured.runs ?? 0} runs; ` +
      `unsliced engine, 1,000 claims: extract ${ms(bigEngine?.measured.phases.extract)} ms, paint ${ms(bigEngine?.measured.phases.paint)} ms, match ${ms(bigEngine?.measured.phases.match)} ms (in the service worker)`,
  });

  const script = results.contentScript;
  goals.push({
    goal: 'content script < 60 KB gzip',
    met: script === undefined ? undefined : script.gzipBytes < CONTENT_SCRIPT_LIMIT_BYTES,
    measured: script === undefined ? 'no build found' : `${(script.gzipBytes / 1024).toFixed(1)} KB gzip (${(script.bytes / 1024).toFixed(1)} KB raw)`,
  });
  return goals;
}

/** The longtask API reports only tasks of 50 ms or more: 0 means there was none. */
function longTaskCell(value: number | undefined): string {
  return value === 0 ? 'none' : ms(value);
}

function timeCell(result: ContenderResult): string {
  const m = result.measured;
  if (m.runs === 0) return m.timedOut ? `>${ms(m.median)} (skipped)` : 'skipped';
  if (m.timedOut) return result.estimatedMs ? `timeout (~${ms(result.estimatedMs)})` : 'timeout';
  return ms(m.median);
}

function recallCell(result: ContenderResult): string {
  const r = result.measured.recall;
  if (!r || r.requiredTotal === 0) return '-';
  return `${r.requiredFound}/${r.requiredTotal} (${Math.round((100 * r.requiredFound) / r.requiredTotal)}%)`;
}

function ratioCell(value: { value: number; lowerBound: boolean } | undefined): string {
  return value ? ratio(value.value, value.lowerBound) : '-';
}

/** The main table: one group per page × claim set, one row per contender. */
function mainTable(results: BenchResults): string {
  const rows: string[][] = [];
  for (const page of results.pages) {
    let floorShown = false;
    for (const set of results.claimSets) {
      const group = results.results.filter((r) => r.page === page.name && r.claimSet === set.name && r.contender !== 'floor');
      if (group.length === 0) continue;
      const engine = findResult(results.results, page.name, set.name, 'engine');
      const floor = findResult(results.results, page.name, 'default', 'floor');
      const shippedEngine = findResult(results.results, page.name, 'default', 'engine');
      // The floor does not depend on the claims: one row per page, at the top of its first group.
      const withFloor = floor && !floorShown ? [floor, ...group] : group;
      floorShown = true;
      for (const result of withFloor) {
        const m = result.measured;
        const vsEngine = result.contender === 'engine' ? undefined : speedup(result, result.contender === 'shipped' ? shippedEngine : engine);
        rows.push([
          page.name,
          result.contender === 'floor' ? '-' : set.claims.toLocaleString('en-US'),
          CONTENDER_LABEL[result.contender],
          timeCell(result),
          String(m.runs),
          ratioCell(vsEngine),
          ratioCell(speedup(result, floor)),
          // A run stopped at its deadline does not always get its long-task entry delivered before the page is read.
          m.runs > 0 && !m.timedOut ? longTaskCell(m.longTask) : '-',
          m.runs > 0 && !Number.isNaN(m.longestPhase) ? ms(m.longestPhase) : '-',
          recallCell(result),
        ]);
      }
    }
  }
  return formatTable(
    [
      { title: 'page' },
      { title: 'claims', align: 'right' },
      { title: 'contender' },
      { title: 'median ms', align: 'right' },
      { title: 'runs', align: 'right' },
      { title: 'vs engine', align: 'right' },
      { title: 'vs floor', align: 'right' },
      { title: 'long task', align: 'right' },
      { title: 'longest sync', align: 'right' },
      { title: 'recall (required)', align: 'right' },
    ],
    rows,
  );
}

function phaseTable(results: BenchResults): string {
  const rows = results.results
    .filter((r) => r.contender === 'engine' && r.measured.runs > 0)
    .map((r) => {
      const p = r.measured.phases;
      return [r.page, r.claims.toLocaleString('en-US'), ms(p.extract), ms(p.match), ms(p.paint), ms(r.measured.median), ms(p.hydrate), String(r.measured.hits)];
    });
  return formatTable(
    [
      { title: 'page' },
      { title: 'claims', align: 'right' },
      { title: 'extract', align: 'right' },
      { title: 'match', align: 'right' },
      { title: 'paint', align: 'right' },
      { title: 'total', align: 'right' },
      { title: 'first call (once)', align: 'right' },
      { title: 'matches', align: 'right' },
    ],
    rows,
  );
}

function shippedTable(results: BenchResults): string {
  const rows = results.results
    .filter((r) => r.contender === 'shipped')
    .map((r) => {
      const p = r.measured.phases;
      const ok = r.measured.runs > 0 && !r.measured.timedOut;
      return [
        r.page,
        ok ? ms(p.domContentLoaded) : '-',
        ok ? ms(p.load) : '-',
        ok ? ms(p.firstMark) : '-',
        timeCell(r),
        ok ? ms(p.afterLoad) : '-',
        ok ? longTaskCell(r.measured.longTaskWorst) : '-',
        longTaskCell(results.pageOwnLongTask[r.page]),
        recallCell(r),
      ];
    });
  return formatTable(
    [
      { title: 'page' },
      { title: 'DOMContentLoaded', align: 'right' },
      { title: 'load', align: 'right' },
      { title: 'first mark', align: 'right' },
      { title: 'last mark', align: 'right' },
      { title: 'last mark - load', align: 'right' },
      { title: 'long task (worst)', align: 'right' },
      { title: 'page alone', align: 'right' },
      { title: 'recall (required)', align: 'right' },
    ],
    rows,
  );
}

function compileTable(results: BenchResults): string {
  return formatTable(
    [
      { title: 'claim set' },
      { title: 'claims', align: 'right' },
      { title: 'phrasings + key phrases', align: 'right' },
      { title: 'compileClaimIndex ms (Node)', align: 'right' },
      { title: 'index JSON KB', align: 'right' },
    ],
    results.claimSets.map((s) => [s.name, s.claims.toLocaleString('en-US'), s.phrasings.toLocaleString('en-US'), ms(s.compileMs), (s.indexBytes / 1024).toFixed(0)]),
  );
}

function scalingLines(results: BenchResults): string[] {
  return results.pages.map((page) => {
    const few = findResult(results.results, page.name, '100', 'engine');
    const many = findResult(results.results, page.name, '10000', 'engine');
    const s = speedup(many, few);
    const match = few && many ? many.measured.phases.match! / few.measured.phases.match! : Number.NaN;
    return `  ${page.name.padEnd(5)} page: 100 -> 10,000 claims: total ${s ? ratio(s.value) : '-'} (${ms(comparableMs(few)?.ms)} -> ${ms(comparableMs(many)?.ms)} ms); match phase ${ratio(match)}`;
  });
}

export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  const { machine, settings } = results;
  out.push(`Pledge Lens benchmark (${results.mode}) — Chromium ${machine.chromium}, Node ${machine.node}, ${machine.cpus} cores`);
  out.push(`Medians of up to ${settings.runs} runs per cell (fewer for slow ones: ${settings.budgetMs / 1000} s budget per cell), each run capped at ${settings.deadlineMs / 1000} s.`);
  out.push(`Pages: ${results.pages.map((p) => `${p.name} = ${p.words.toLocaleString('en-US')} words, ${p.requiredQuotes} required claim sentences`).join('; ')}.`);
  out.push('');
  out.push(mainTable(results));
  out.push('');
  out.push('* as shipped: navigation start -> last mark inserted, with the built extension\'s bundled (default) claim set only.');
  out.push('  "vs engine" compares it with the in-page engine on the default set; it includes page load, messaging, matching in');
  out.push('  the service worker and storing mentions. long task = median of each run\'s longest PerformanceObserver long task;');
  out.push('  longest sync = longest synchronous stretch measured with performance.now(). recall = required gold sentences overlapped');
  out.push('  by a highlight. Timed-out cells show an estimate (elapsed x all phrasings / phrasings done); ratios with ">" are lower bounds.');
  out.push('');
  out.push('Pledge Lens engine phases (ms, medians). "first call" = matchClaims(\'\', index): builds the index\'s lookup maps and, on');
  out.push('a fresh page, the canonicalizer; the background pays it once per service-worker life, so it is not in total.');
  out.push(phaseTable(results));
  out.push('');
  out.push('Pledge Lens as shipped (ms since navigation start, medians; long tasks from DOMContentLoaded to the last mark):');
  out.push(shippedTable(results));
  out.push('');
  out.push('Claim sets:');
  out.push(compileTable(results));
  out.push('');
  out.push('Matching-cost scaling (in-page engine):');
  out.push(...scalingLines(results));
  if (results.contentScript) {
    out.push('');
    out.push(`Content script ${results.contentScript.path}: ${(results.contentScript.bytes / 1024).toFixed(1)} KB raw, ${(results.contentScript.gzipBytes / 1024).toFixed(1)} KB gzip.`);
  }
  if (results.unplacedQuotes.length) out.push(`(${results.unplacedQuotes.length} gold quote(s) not in visible text were left out of recall.)`);
  out.push('');
  out.push('Goals:');
  for (const goal of results.goals) {
    const verdict = goal.met === undefined ? 'UNKNOWN' : goal.met ? 'MET' : 'NOT MET';
    out.push(`  [${verdict.padEnd(7)}] ${goal.goal}: ${goal.measured}`);
  }
  return out.join('\n');
}
