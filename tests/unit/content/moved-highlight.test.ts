// @vitest-environment happy-dom
/**
 * Attack report 8, finding 2, in the content script: a page moves one of our marks into its headline
 * and focuses it in the same task, before our observer hears of the move. The highlight an event is
 * about (`PageAnnotator.highlightFor`, which every card-opening listener asks) must be none; the
 * moved mark is unwrapped, its words left where the page put them, and the claim is painted again
 * where its text still is. An open card whose mark is moved closes. A mark inside which the page's CSS
 * draws words opens nothing either, and one whose words its CSS hid after painting goes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSpecNodeIterator } from '../highlight/spec-node-iterator';
import { RISK_REPORTS_CLAIM, RISK_REPORTS_SENTENCE, riskReportsBackground } from './risk-reports-background';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { getURL: (path: string) => path } } }));

const { PageAnnotator } = await import('@/entrypoints/content/page-annotator');

useSpecNodeIterator();

const SENTENCE = RISK_REPORTS_SENTENCE;
const CLAIM = RISK_REPORTS_CLAIM;

let made: InstanceType<typeof PageAnnotator> | undefined;

/** An annotator whose background matches every SENTENCE in the text it is sent (a mention per place). */
function annotator(): InstanceType<typeof PageAnnotator> {
  return new PageAnnotator(document, riskReportsBackground(), (id) => Promise.resolve(id), () => 'https://example.org/a');
}

async function started(): Promise<InstanceType<typeof PageAnnotator>> {
  made = annotator();
  const start = made.startWhen(Promise.resolve(true));
  await vi.advanceTimersByTimeAsync(100);
  expect(await start).toBe(true);
  return made;
}

/** Our keyboard stop in the claim's paragraph. */
function stopIn(id: string): HTMLElement {
  const stop = document.querySelector<HTMLElement>(`#${id} mark.pledge-lens-mark[tabindex="0"]`);
  if (!stop) throw new Error(`no highlight in #${id}`);
  return stop;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  document.body.innerHTML = `<main><h1 id="headline">Sponsored: </h1><p id="claim">${SENTENCE}</p><p>More later.</p></main>`;
});

afterEach(() => {
  made?.destroy();
  made = undefined;
  vi.useRealTimers();
});

describe('a page that moves our highlight', () => {
  it('the normal case: our highlight in its place is the one its events are about', async () => {
    const annotator = await started();
    const stop = stopIn('claim');
    expect(annotator.highlightFor(stop)?.spec.claimId).toBe(CLAIM.id);
  });

  it('moved into its headline and focused in the same task: no highlight for the event; the mark is unwrapped there', async () => {
    const annotator = await started();
    const stop = stopIn('claim');
    const headline = document.getElementById('headline')!;
    headline.append(stop);
    // The same task as the move: our observer has not run yet.
    expect(annotator.highlightFor(stop)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(stop.isConnected).toBe(false);
    expect(annotator.highlightFor(stop)).toBeUndefined();
    expect(headline.textContent).toBe(`Sponsored: ${SENTENCE}`);
  });

  it('moved after repair had a chance to run: repair unwraps it, and the claim is painted again where its text still is', async () => {
    // (The headline then holds the claim's words too, as the page's own text: a rescan may paint them there, as any text.)
    const annotator = await started();
    const stop = stopIn('claim');
    const paragraph = document.getElementById('claim')!;
    // The page takes our mark for its ad and puts its own copy of the words back.
    stop.replaceWith(SENTENCE);
    document.getElementById('headline')!.append(stop);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(stop.isConnected).toBe(false);
    expect(annotator.highlightFor(stop)).toBeUndefined();
    expect(annotator.highlightFor(stopIn('claim'))?.spec.claimId).toBe(CLAIM.id);
    expect(paragraph.textContent).toBe(SENTENCE);
  });

  it('a clone of our mark in the headline is about nothing; the original still is', async () => {
    const annotator = await started();
    const stop = stopIn('claim');
    const clone = stop.cloneNode(true) as HTMLElement;
    document.getElementById('headline')!.append(clone);
    expect(annotator.highlightFor(clone)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(annotator.highlightFor(stop)?.spec.claimId).toBe(CLAIM.id);
  });

  it('words put beside the mark: no highlight for the event; it goes and the changed paragraph is read again', async () => {
    const annotator = await started();
    const stop = stopIn('claim');
    const denial = document.createElement('b');
    denial.textContent = 'It is false that ';
    stop.before(denial);
    expect(annotator.highlightFor(stop)).toBeUndefined();
    expect(stop.isConnected).toBe(false);
    await vi.advanceTimersByTimeAsync(3_000);
    // The claim's words are still in the paragraph: painted again, now with the page's words before them.
    expect(annotator.highlightFor(stopIn('claim'))?.spec.claimId).toBe(CLAIM.id);
  });

  it("words the page's CSS draws inside the mark (::before, ::after): no highlight for the event, and the mark stays", async () => {
    const annotator = await started();
    const stop = stopIn('claim');
    // happy-dom computes no pseudo-element styles: the browser's answer to the page's rule stands in.
    const computed = window.getComputedStyle.bind(window);
    const drawn = vi.spyOn(window, 'getComputedStyle').mockImplementation((element, pseudo) => {
      const style = computed(element, pseudo);
      return pseudo === '::before' && element === stop ? ({ ...style, content: '"It is false that "' } as CSSStyleDeclaration) : style;
    });
    expect(annotator.highlightFor(stop)).toBeUndefined();
    expect(stop.isConnected).toBe(true);
    drawn.mockRestore();
    expect(annotator.highlightFor(stop)?.spec.claimId).toBe(CLAIM.id);
  });

  it("words the page's CSS hides after painting (font-size 0, no node changed): no highlight for the event; it goes and the paragraph is read again", async () => {
    const annotator = await started();
    const stop = stopIn('claim');
    const hiding = document.createElement('style');
    hiding.textContent = '#claim { font-size: 0; }';
    document.head.append(hiding);
    expect(annotator.highlightFor(stop)).toBeUndefined();
    expect(stop.isConnected).toBe(false);
    await vi.advanceTimersByTimeAsync(3_000);
    // Read again, the hidden words are not the page's text any more: nothing is painted there.
    expect(document.querySelector('#claim mark.pledge-lens-mark')).toBeNull();
    hiding.remove();
  });

  it('an open card closes when the page moves its mark', async () => {
    const annotator = await started();
    const stop = stopIn('claim');
    annotator.card.show(annotator.highlightFor(stop)!);
    expect(annotator.card.showing).toBeDefined();
    document.getElementById('headline')!.append(stop);
    await vi.advanceTimersByTimeAsync(50);
    expect(annotator.card.showing).toBeUndefined();
  });
});
