/**
 * Reads the bench build's worker timings (User Timing entries written by instrument/) over the
 * DevTools protocol, and turns one page's entries into its worker time.
 */
import type { Worker } from 'playwright-core';
import { TIMING_PREFIX } from './instrument/worker-timing';

export interface WorkerEntry {
  /** Without the prefix: message, match, mentions, claim-set, init, script-start. */
  name: string;
  start: number;
  end: number;
  detail: Record<string, string | number | boolean | undefined>;
}

export async function readWorkerEntries(worker: Worker, clear = false): Promise<WorkerEntry[]> {
  return worker.evaluate(
    ({ prefix, clearAfter }) => {
      const entries = performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith(prefix))
        .map((entry) => ({
          name: entry.name.slice(prefix.length),
          start: entry.startTime,
          end: entry.startTime + entry.duration,
          detail: ((entry as PerformanceMeasure).detail ?? {}) as Record<string, string | number | boolean | undefined>,
        }));
      if (clearAfter) performance.clearMeasures();
      return entries;
    },
    { prefix: TIMING_PREFIX, clearAfter: clear },
  );
}

/** Total length of the union of intervals. */
export function unionLength(intervals: ReadonlyArray<{ start: number; end: number }>): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const { start, end } of sorted) {
    if (start > to) {
      if (to > from) total += to - from;
      from = start;
      to = end;
    } else to = Math.max(to, end);
  }
  if (to > from) total += to - from;
  return total;
}

export interface PageWorkerTime {
  /** Union of every interval the worker spent on this page: its messages, and its mention writes after the answer. */
  worker: number;
  /** The match-page message: receipt to answer. */
  answer: number;
  /** matchClaims inside it. */
  match: number;
  /** The mention writes queued by it, to their end. */
  mentions: number;
  /** The other messages (get-site-enabled, report-frame). */
  otherMessages: number;
  messages: number;
  matches: number;
}

/** What the worker did for the page at `url`, from its entries. */
export function pageWorkerTime(entries: readonly WorkerEntry[], url: string): PageWorkerTime {
  const messages = entries.filter((e) => e.name === 'message' && e.detail.url === url);
  const answers = messages.filter((e) => e.detail.type === 'match-page');
  const inside = (e: WorkerEntry) => answers.some((a) => e.start >= a.start && e.end <= a.end);
  const matches = entries.filter((e) => e.name === 'match' && inside(e));
  const writes = entries.filter((e) => e.name === 'mentions' && e.detail.url === url);
  const sum = (list: readonly WorkerEntry[]) => list.reduce((total, e) => total + (e.end - e.start), 0);
  return {
    worker: unionLength([...messages, ...writes]),
    answer: sum(answers),
    match: sum(matches),
    mentions: unionLength(writes),
    otherMessages: sum(messages.filter((e) => e.detail.type !== 'match-page')),
    messages: messages.length,
    matches: matches.reduce((total, e) => total + Number(e.detail.matches ?? 0), 0),
  };
}

/** Whether the worker has finished with the page: it answered the match, got the frame's report, and wrote the mentions. */
export function pageDone(entries: readonly WorkerEntry[], url: string): boolean {
  const answer = entries.find((e) => e.name === 'message' && e.detail.url === url && e.detail.type === 'match-page');
  if (!answer) return false;
  const reported = entries.some((e) => e.name === 'message' && e.detail.url === url && e.detail.type === 'report-frame' && e.start >= answer.start);
  const match = entries.find((e) => e.name === 'match' && e.start >= answer.start && e.end <= answer.end);
  const wrote = Number(match?.detail.matches ?? 0) === 0 || entries.some((e) => e.name === 'mentions' && e.detail.url === url);
  return reported && wrote;
}
