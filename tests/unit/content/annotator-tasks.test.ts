// @vitest-environment happy-dom
/**
 * The annotator's long work gives the page its main thread back between steps (page-annotator.ts):
 * with `scheduler.yield()` where the browser has it, and a long page's text is sent to the background
 * in a task of its own, not at the end of the extraction's last slice (the browser serialises the
 * message in the sending task: with that slice, one long task on a 100k-word page).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RISK_REPORTS_SENTENCE, riskReportsBackground } from './risk-reports-background';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { getURL: (path: string) => path } } }));

const { PageAnnotator } = await import('@/entrypoints/content/page-annotator');

/** What happened, in order: each yield to the page, and each request sent (by type). */
let events: string[] = [];

function annotator(): InstanceType<typeof PageAnnotator> {
  const ask = (async (request: { type: string }) => {
    events.push(`send ${request.type}`);
    return request.type === 'match-page' ? { ok: true, matches: [], claims: {}, claimSetVersion: 'v' } : { ok: true };
  }) as unknown as ConstructorParameters<typeof PageAnnotator>[1];
  return new PageAnnotator(document, ask, (id) => Promise.resolve(id), () => 'https://example.org/a');
}

let made: InstanceType<typeof PageAnnotator> | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  made?.destroy();
  made = undefined;
  events = [];
  delete (globalThis as { scheduler?: unknown }).scheduler;
  document.body.innerHTML = '';
});

/** A stand-in for the browser's `scheduler.yield()` that notes each call (and resumes at once). */
function installScheduler(): void {
  (globalThis as { scheduler?: unknown }).scheduler = {
    yield: () => {
      events.push('yield');
      return Promise.resolve();
    },
  };
}

describe('giving the main thread back', () => {
  it('yields with scheduler.yield, and right before sending a long page', async () => {
    installScheduler();
    // A clock that never moves: no slice ever runs out, so every yield seen is one made on purpose.
    vi.spyOn(performance, 'now').mockReturnValue(1_000);
    // About 10,000 words: far above the length sent in a task of its own.
    document.body.innerHTML = `<p>${'OpenAI said it would pause training. '.repeat(1_700)}</p>`;
    made = annotator();
    await made.startWhen(Promise.resolve(true));
    // The message catalogue, the reading and the long page's message each begin a task of their own.
    expect(events).toEqual(['yield', 'yield', 'yield', 'send match-page', 'send report-frame']);
  });

  it('sends a short page at once, with no yield before the message', async () => {
    installScheduler();
    vi.spyOn(performance, 'now').mockReturnValue(1_000);
    document.body.innerHTML = '<p>OpenAI said it would pause training.</p>';
    made = annotator();
    await made.startWhen(Promise.resolve(true));
    expect(events).toEqual(['yield', 'yield', 'send match-page', 'send report-frame']);
  });

  it('falls back to a zero timeout where there is no scheduler.yield', async () => {
    document.body.innerHTML = '<p>OpenAI said it would pause training.</p>';
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    made = annotator();
    await made.startWhen(Promise.resolve(true));
    expect(events).toContain('send match-page');
    expect(events).not.toContain('yield');
    expect(timeouts.mock.calls.filter(([, delay]) => delay === 0).length).toBeGreaterThanOrEqual(2);
  });
});

describe('painting pauses until a frame is rendered', () => {
  const SENTENCE = RISK_REPORTS_SENTENCE;
  const matchingAnnotator = (): InstanceType<typeof PageAnnotator> => new PageAnnotator(document, riskReportsBackground(), (id) => Promise.resolve(id), () => 'https://example.org/a');

  it('after the first region it waits for a rendered frame (so layout is paid slice by slice), and goes on without one', async () => {
    installScheduler();
    // A clock that runs fast: every check finds its slice used up, so painting pauses between its steps.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20));
    // A browser that never renders a frame: painting must still finish (FRAME_WAIT_MS).
    const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    document.body.innerHTML = `<p>${SENTENCE}</p>`.repeat(4);
    made = matchingAnnotator();
    await made.startWhen(Promise.resolve(true));
    await vi.waitFor(() => expect(document.querySelectorAll('mark.pledge-lens-mark')).toHaveLength(4), { timeout: 3_000 });
    expect(frames).toHaveBeenCalled();
  });

  it('in a hidden document, which renders no frames, it yields a task instead', async () => {
    installScheduler();
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20));
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    document.body.innerHTML = `<p>${SENTENCE}</p>`.repeat(4);
    made = matchingAnnotator();
    await made.startWhen(Promise.resolve(true));
    await vi.waitFor(() => expect(document.querySelectorAll('mark.pledge-lens-mark')).toHaveLength(4));
    expect(frames).not.toHaveBeenCalled();
  });
});
