// @vitest-environment happy-dom
/**
 * A page that takes our highlights out as soon as they appear (attack report finding 5): painting
 * backs off and then stops for the page's life, and what was matched is still reported to the popup,
 * marked as not shown (page-annotator.ts, removal-backoff.ts). A page that re-renders now and then
 * is highlighted again each time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageClaimSummary } from '@/lib/frames/tab-frames';
import { useSpecNodeIterator } from '../highlight/spec-node-iterator';
import { RISK_REPORTS_CLAIM, RISK_REPORTS_SENTENCE } from './risk-reports-background';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { getURL: (path: string) => path } } }));

const { PageAnnotator } = await import('@/entrypoints/content/page-annotator');

useSpecNodeIterator();

const SENTENCE = RISK_REPORTS_SENTENCE;
const CLAIM = RISK_REPORTS_CLAIM;

/** Every frame report the annotator sent, newest last. */
let reports: PageClaimSummary[][];
/** Page-clock times at which one of our marks entered the document. */
let painted: number[];
let made: InstanceType<typeof PageAnnotator> | undefined;
let pageObserver: MutationObserver | undefined;
/** Whether the page's observer takes our marks out (it may begin doing so later). */
let unwrapping: boolean;

function annotator(): InstanceType<typeof PageAnnotator> {
  const ask = (async (request: { type: string; text?: string; offset?: number; claims?: PageClaimSummary[] }) => {
    if (request.type === 'report-frame') reports.push(request.claims ?? []);
    if (request.type !== 'match-page') return { ok: true };
    const at = (request.text ?? '').indexOf(SENTENCE);
    const start = (request.offset ?? 0) + at;
    const matches = at < 0 ? [] : [{ claimId: CLAIM.id, start, end: start + SENTENCE.length, score: 1, mentionId: 'urn:pledge-lens:mention:1' }];
    return { ok: true, matches, claims: { [CLAIM.id]: CLAIM }, claimSetVersion: '2.0.0' };
  }) as unknown as ConstructorParameters<typeof PageAnnotator>[1];
  return new PageAnnotator(document, ask, (id) => Promise.resolve(id), () => 'https://example.org/a');
}

/** The page's own observer: counts our marks as they arrive and, while `unwrapping`, takes each out at once, keeping its text. */
function watchPage(unwrap: boolean): void {
  unwrapping = unwrap;
  pageObserver = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element && node.matches('mark.pledge-lens-mark')) painted.push(performance.now());
    if (unwrapping) for (const mark of document.querySelectorAll('mark.pledge-lens-mark')) mark.replaceWith(...mark.childNodes);
  });
  pageObserver.observe(document.body, { childList: true, subtree: true });
}

/** Paint rounds: marks arriving within 100 ms of each other are one painting. */
function rounds(): number[] {
  return painted.filter((at, i) => i === 0 || at - painted[i - 1]! > 100);
}

/** Starts highlighting; its slices wait on (fake) timers, which are moved on meanwhile. */
async function started(annotator: InstanceType<typeof PageAnnotator>): Promise<void> {
  const start = annotator.startWhen(Promise.resolve(true));
  await vi.advanceTimersByTimeAsync(100);
  expect(await start).toBe(true);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  reports = [];
  painted = [];
  document.body.innerHTML = `<main><h1>AI policy notes</h1><p id="claim">${SENTENCE}</p><p>More later.</p></main>`;
});

afterEach(() => {
  pageObserver?.disconnect();
  made?.destroy();
  made = undefined;
  vi.useRealTimers();
});

describe('a page that removes our highlights', () => {
  it('is repainted with growing delays, then no more for its life; the popup still lists the claim as not shown', async () => {
    watchPage(true);
    made = annotator();
    await started(made);
    await vi.advanceTimersByTimeAsync(60_000);
    const starts = rounds();
    // The first painting, then five more with growing waits: never the three a second of before.
    expect(starts.length, `paintings at ${starts.map(Math.round).join(', ')} ms`).toBe(6);
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    for (let i = 2; i < gaps.length; i++) expect(gaps[i]!, `gap ${i} after ${gaps[i - 1]}`).toBeGreaterThan(gaps[i - 1]!);
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.getElementById('claim')!.textContent).toBe(SENTENCE);
    expect(made.summary()).toEqual([expect.objectContaining({ claimId: CLAIM.id, mentions: 1, hiddenByPage: true })]);
    expect(reports.at(-1)).toEqual([expect.objectContaining({ claimId: CLAIM.id, hiddenByPage: true })]);
    // Stopped for good: more time, and new text of the page, paint nothing.
    const after = painted.length;
    const more = document.createElement('p');
    more.textContent = `Later: ${SENTENCE}`;
    document.querySelector('main')!.append(more);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(painted.length).toBe(after);
  });

  it('a page that begins removing them later (seen by the rescan scheduler) gets the same backoff', async () => {
    watchPage(false);
    made = annotator();
    await started(made);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(document.querySelectorAll('#claim mark.pledge-lens-mark').length).toBeGreaterThan(0);
    unwrapping = true;
    painted = [];
    // Its next change (a new paragraph) has us paint the claim in it; from then on it is a fight.
    const more = document.createElement('p');
    more.textContent = `Update: ${SENTENCE}`;
    document.querySelector('main')!.append(more);
    for (const mark of document.querySelectorAll('mark.pledge-lens-mark')) mark.replaceWith(...mark.childNodes);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rounds().length, `paintings at ${rounds().map(Math.round).join(', ')} ms`).toBeLessThanOrEqual(6);
    expect(rounds().length).toBeGreaterThanOrEqual(3);
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(made.summary()).toEqual([expect.objectContaining({ claimId: CLAIM.id, hiddenByPage: true })]);
  });

  it('a page that leaves the highlights alone reports them as shown', async () => {
    watchPage(false);
    made = annotator();
    await started(made);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(document.querySelectorAll('#claim mark.pledge-lens-mark').length).toBeGreaterThan(0);
    const [entry] = made.summary();
    expect(entry).toMatchObject({ claimId: CLAIM.id, mentions: 1 });
    expect(entry).not.toHaveProperty('hiddenByPage');
  });

  it('a paragraph re-rendered every 10 s is highlighted again every time', async () => {
    watchPage(false);
    made = annotator();
    await started(made);
    for (let render = 0; render < 8; render++) {
      await vi.advanceTimersByTimeAsync(10_000);
      document.getElementById('claim')!.textContent = SENTENCE;
      await vi.advanceTimersByTimeAsync(1_500);
      expect(document.querySelectorAll('#claim mark.pledge-lens-mark').length, `render ${render}`).toBeGreaterThan(0);
    }
    expect(made.summary()[0]).not.toHaveProperty('hiddenByPage');
  });
});
