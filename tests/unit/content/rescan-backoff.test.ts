// @vitest-environment happy-dom
/**
 * A page that keeps adding hundreds of nodes must not make us read and match it whole every second
 * forever (rescan-scheduler.ts): whole-page rescans forced by such floods back off while they paint
 * nothing new, and come back to the ordinary pace when one paints a highlight.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RescanScheduler } from '../../../entrypoints/content/rescan-scheduler';

let scheduler: RescanScheduler;
let rescans: number[];
/** What the next rescan paints: true adds one of our marks, as painting a new highlight does. */
let paints: () => boolean;
/** The page's changes handed to `onChange` (the annotator repairs highlights from these). */
let changes: MutationRecord[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  document.body.innerHTML = '<main id="feed"></main>';
  rescans = [];
  changes = [];
  paints = () => false;
  scheduler = new RescanScheduler(document, {
    isOwnNode: (node) => node instanceof Element && node.classList.contains('ours'),
    rescan: () => {
      rescans.push(performance.now());
      const request = scheduler.take();
      if (request.whole && paints()) {
        scheduler.withoutObserver(() => {
          const mark = document.createElement('mark');
          mark.className = 'ours';
          document.getElementById('feed')!.append(mark);
        });
      }
    },
    onChange: (records) => changes.push(...records),
    revealed: () => [],
    highlightPlaces: () => [...document.querySelectorAll('.ours')].flatMap((mark) => (mark.parentNode ? [mark.parentNode] : [])),
  });
  scheduler.start();
});

afterEach(() => {
  scheduler.destroy();
  vi.useRealTimers();
});

/** Adds `count` spans to the page (with `text` in each) every second for `seconds` seconds. */
async function flood(seconds: number, count: number, text: string): Promise<void> {
  for (let second = 0; second < seconds; second++) {
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < count; i++) {
      const span = document.createElement('span');
      span.textContent = text;
      feed.append(span);
    }
    await vi.advanceTimersByTimeAsync(1_000);
  }
}

async function firstScanDone(): Promise<void> {
  await vi.advanceTimersByTimeAsync(1_000);
  rescans = [];
}

describe('rescans of a page that changes hundreds of nodes a second', () => {
  it('empty spans force no rescan at all', async () => {
    await firstScanDone();
    await flood(30, 250, '');
    expect(rescans).toEqual([]);
  });

  it('whole-page rescans that find nothing back off to one every 16 s, instead of one a second', async () => {
    await firstScanDone();
    await flood(60, 250, 'a ticking line of text, 12:00:01');
    // 1, 3, 7, 15, 31, 47 s: six in a minute, where a rescan a second made sixty.
    expect(rescans.length).toBeLessThanOrEqual(7);
    expect(rescans.length).toBeGreaterThanOrEqual(4);
    const gaps = rescans.slice(1).map((at, i) => at - rescans[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(16_000 + 1_000);
  });

  it('a rescan that paints a new highlight brings back the ordinary pace', async () => {
    await firstScanDone();
    await flood(40, 250, 'a ticking line of text, 12:00:01');
    const backedOff = rescans.length;
    paints = () => true;
    rescans = [];
    // The next (backed-off) rescan paints; from then on every flood is read within about a second.
    await flood(40, 250, 'a ticking line of text, 12:00:01');
    expect(backedOff).toBeLessThanOrEqual(6);
    expect(rescans.length).toBeGreaterThanOrEqual(20);
    // 80 s of fake floods take happy-dom 10-20 s of real time on a shared machine.
  }, 60_000);

  it('a claim added to a page that floods is still read, within the cap', async () => {
    await firstScanDone();
    await flood(40, 250, 'a ticking line of text, 12:00:01');
    const before = rescans.length;
    await flood(17, 250, 'Anthropic says it will publish Risk Reports every three to six months.');
    expect(rescans.length).toBeGreaterThan(before);
  });

  it('once the page stops flooding, a paragraph added during the backoff is read within the cap', async () => {
    await firstScanDone();
    await flood(40, 250, 'a ticking line of text, 12:00:01');
    const before = rescans.length;
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Anthropic says it will publish Risk Reports every three to six months.';
    document.body.append(paragraph);
    await vi.advanceTimersByTimeAsync(16_000);
    expect(rescans.length).toBe(before + 1);
    // No more floods: the next change is read at the ordinary pace.
    const another = document.createElement('p');
    another.textContent = 'OpenAI says it will publish a system card for every frontier model.';
    document.body.append(another);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rescans.length).toBe(before + 2);
  });

  it('once a flood has forced a whole-page rescan, the rest of the page is not watched until it starts; our highlights still are', async () => {
    await firstScanDone();
    const place = document.createElement('p');
    place.textContent = 'Anthropic says it will publish Risk Reports every three to six months.';
    document.body.append(place);
    scheduler.withoutObserver(() => {
      const mark = document.createElement('mark');
      mark.className = 'ours';
      mark.textContent = 'Risk Reports';
      place.append(mark);
    });
    await vi.advanceTimersByTimeAsync(1_000);
    // The first flood is rescanned at the ordinary pace (0.3 s), the second waits for the backoff (2 s after it).
    await flood(2, 250, 'a ticking line of text, 12:00:01');
    const rescansBefore = rescans.length;
    changes = [];
    const elsewhere = document.createElement('p');
    elsewhere.textContent = 'OpenAI says it will publish a system card for every frontier model.';
    document.body.append(elsewhere);
    document.getElementById('feed')!.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(0);
    expect(changes, 'changes away from our highlights while the rescan waits').toEqual([]);
    (place.firstChild as Text).data = 'Anthropic now says it may publish Risk Reports.';
    await vi.advanceTimersByTimeAsync(0);
    expect(changes.map((record) => [record.type, record.target]), 'the page rewrote text beside our mark').toEqual([['characterData', place.firstChild]]);
    // The backoff's rescan reads everything, the paragraph added meanwhile included; then the whole page is watched again.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rescans.length).toBe(rescansBefore + 1);
    changes = [];
    elsewhere.textContent = 'OpenAI says it will publish system cards.';
    await vi.advanceTimersByTimeAsync(0);
    expect(changes.length).toBeGreaterThan(0);
  });
});
