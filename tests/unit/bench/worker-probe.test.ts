import { describe, expect, it } from 'vitest';
import { pageDone, pageWorkerTime, unionLength, type WorkerEntry } from '../../../scripts/bench/worker-probe';

const entry = (name: string, start: number, end: number, detail: WorkerEntry['detail'] = {}): WorkerEntry => ({ name, start, end, detail });
const URL_A = 'http://127.0.0.1/pages/2k.html?run=1';

describe('unionLength', () => {
  it('counts overlapping intervals once', () => {
    expect(unionLength([])).toBe(0);
    expect(unionLength([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 20, end: 25 }])).toBe(20);
    expect(unionLength([{ start: 5, end: 6 }, { start: 0, end: 10 }])).toBe(10);
  });
});

describe('pageWorkerTime', () => {
  const entries = [
    entry('message', 0, 1, { type: 'get-site-enabled', url: URL_A }),
    entry('message', 10, 40, { type: 'match-page', url: URL_A }),
    entry('match', 12, 37, { matches: 3 }),
    entry('mentions', 38, 60, { url: URL_A, count: 3 }),
    entry('message', 70, 72, { type: 'report-frame', url: URL_A }),
    // Another page's work is not this page's.
    entry('message', 100, 200, { type: 'match-page', url: 'http://127.0.0.1/other' }),
    entry('match', 101, 199, { matches: 9 }),
  ];

  it('adds the page\'s messages and its mention writes after the answer, without double counting', () => {
    const time = pageWorkerTime(entries, URL_A);
    expect(time.worker).toBe(1 + 50 + 2);
    expect(time.answer).toBe(30);
    expect(time.match).toBe(25);
    expect(time.mentions).toBe(22);
    expect(time.otherMessages).toBe(3);
    expect(time.matches).toBe(3);
  });

  it('waits for the answer, the frame report and the writes', () => {
    expect(pageDone(entries, URL_A)).toBe(true);
    expect(pageDone(entries.filter((e) => e.name !== 'mentions'), URL_A)).toBe(false);
    expect(pageDone(entries.filter((e) => e.detail.type !== 'report-frame'), URL_A)).toBe(false);
    // Nothing found: nothing to write.
    const none = [entry('message', 10, 20, { type: 'match-page', url: URL_A }), entry('match', 11, 19, { matches: 0 }), entry('message', 30, 31, { type: 'report-frame', url: URL_A })];
    expect(pageDone(none, URL_A)).toBe(true);
  });
});
