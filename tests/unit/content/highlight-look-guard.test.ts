// @vitest-environment happy-dom
/**
 * A page that rewrites what our marks say about themselves gets them put back (a new user's report 57, problem 10:
 * `data-claim-kind="no-commitment"` drew a binding commitment grey, and a screen reader heard "No commitment"; a
 * page class restyled it). Our own changes (dimming) stand; a page that keeps fighting is left alone after a budget,
 * rather than the two of us answering each other for ever.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSpecNodeIterator } from '../highlight/spec-node-iterator';
import { RISK_REPORTS_SENTENCE, riskReportsBackground } from './risk-reports-background';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { getURL: (path: string) => path } } }));

const { PageAnnotator } = await import('@/entrypoints/content/page-annotator');

useSpecNodeIterator();

let made: InstanceType<typeof PageAnnotator> | undefined;

async function started(): Promise<InstanceType<typeof PageAnnotator>> {
  made = new PageAnnotator(document, riskReportsBackground(), (id) => Promise.resolve(id), () => 'https://example.org/a');
  const start = made.startWhen(Promise.resolve(true));
  await vi.advanceTimersByTimeAsync(100);
  expect(await start).toBe(true);
  return made;
}

const firstMark = () => document.querySelector<HTMLElement>('mark.pledge-lens-mark[tabindex="0"]')!;
/** Lets the mutation observers (microtasks) run. */
const observersRun = () => vi.advanceTimersByTimeAsync(1);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  document.body.innerHTML = `<main><p id="one">${RISK_REPORTS_SENTENCE}</p></main>`;
});

afterEach(() => {
  made?.destroy();
  made = undefined;
  vi.useRealTimers();
});

describe("a page rewriting our marks' attributes", () => {
  it('gets the kind, the class and the spoken description put back', async () => {
    await started();
    const mark = firstMark();
    const before = { kind: mark.getAttribute('data-claim-kind'), description: mark.getAttribute('aria-description'), className: mark.className };
    expect(before.kind).toBe('binding-commitment');
    mark.setAttribute('data-claim-kind', 'no-commitment');
    mark.setAttribute('aria-description', 'No commitment (Pledge Lens)');
    mark.classList.add('page-restyle');
    mark.setAttribute('data-dimmed', '');
    mark.removeAttribute('role');
    await observersRun();
    expect({ kind: mark.getAttribute('data-claim-kind'), description: mark.getAttribute('aria-description'), className: mark.className }).toEqual(before);
    expect(mark.hasAttribute('data-dimmed')).toBe(false);
    expect(mark.getAttribute('role')).toBe('button');
  });

  it('leaves our own dimming alone', async () => {
    const annotator = await started();
    const mark = firstMark();
    expect(annotator.showWrongMatch(annotator.highlightFor(mark)!.spec.mentionId, true)).toBe(true);
    await observersRun();
    expect(mark.hasAttribute('data-dimmed')).toBe(true);
  });

  it('gives up on a page that keeps undoing it, so the two do not answer each other for ever', async () => {
    await started();
    const mark = firstMark();
    let rewrites = 0;
    const fighter = new MutationObserver(() => {
      if (mark.getAttribute('data-claim-kind') !== 'no-commitment' && rewrites < 1_000) {
        rewrites++;
        mark.setAttribute('data-claim-kind', 'no-commitment');
      }
    });
    fighter.observe(mark, { attributes: true });
    mark.setAttribute('data-claim-kind', 'no-commitment');
    for (let i = 0; i < 50; i++) await observersRun();
    fighter.disconnect();
    expect(rewrites).toBeGreaterThan(5);
    expect(rewrites).toBeLessThan(50);
  });
});
