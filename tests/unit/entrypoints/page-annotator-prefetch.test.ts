// @vitest-environment happy-dom
/**
 * The annotator reads the page while the background says whether the site is on (`startWhen`): the
 * first match request carries that reading when the page did not change meanwhile, and a fresh one
 * (with the new text) when it did; an off site gets no match request and no reading is kept.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { getURL: (path: string) => path } } }));

const extractions = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/lib/text/extract-text', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/text/extract-text')>();
  return {
    ...real,
    extractTextSliced: (...args: Parameters<typeof real.extractTextSliced>) => {
      extractions.count++;
      return real.extractTextSliced(...args);
    },
  };
});

const { PageAnnotator } = await import('@/entrypoints/content/page-annotator');

interface Sent {
  type: string;
  text?: string;
}

/** An annotator whose background answers at once: no matches, every other request ok. */
function annotator(): { annotator: InstanceType<typeof PageAnnotator>; sent: Sent[] } {
  const sent: Sent[] = [];
  const ask = (async (request: Sent) => {
    sent.push(request);
    return request.type === 'match-page' ? { ok: true, matches: [], claims: {}, claimSetVersion: 'v' } : { ok: true };
  }) as unknown as ConstructorParameters<typeof PageAnnotator>[1];
  return { annotator: new PageAnnotator(document, ask, (id) => Promise.resolve(id), () => 'https://example.org/a'), sent };
}

/** A promise settled from outside, standing for the background's answer about the site. */
function pending<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

let made: InstanceType<typeof PageAnnotator> | undefined;
afterEach(() => {
  made?.destroy();
  made = undefined;
  extractions.count = 0;
  document.body.innerHTML = '';
});

describe('reading the page while the site switch is asked', () => {
  it('reads the page once, before the answer, and sends that reading', async () => {
    document.body.innerHTML = '<p>OpenAI said it would pause training.</p>';
    const { annotator: a, sent } = annotator();
    made = a;
    const site = pending<boolean>();
    const started = a.startWhen(site.promise);
    // The message catalogue is loaded in a task of its own (its first use can block on the
    // browser); the reading begins in the next one.
    await tick();
    expect(extractions.count).toBe(0);
    await tick();
    expect(extractions.count).toBe(1);
    expect(sent.filter((m) => m.type === 'match-page')).toHaveLength(0);
    site.resolve(true);
    await expect(started).resolves.toBe(true);
    expect(extractions.count).toBe(1);
    const match = sent.find((m) => m.type === 'match-page');
    expect(match?.text).toBe('OpenAI said it would pause training.');
  });

  it('reads the page again when it changed before the answer, so new text is matched', async () => {
    document.body.innerHTML = '<p>OpenAI said it would pause training.</p>';
    const { annotator: a, sent } = annotator();
    made = a;
    const site = pending<boolean>();
    const started = a.startWhen(site.promise);
    await tick();
    document.body.insertAdjacentHTML('beforeend', '<p>Anthropic committed to a review.</p>');
    site.resolve(true);
    await started;
    expect(extractions.count).toBe(2);
    expect(sent.find((m) => m.type === 'match-page')?.text).toBe('OpenAI said it would pause training.\u2029Anthropic committed to a review.');
  });

  it('sends nothing for an off site and keeps no reading for a later start', async () => {
    document.body.innerHTML = '<p>OpenAI said it would pause training.</p>';
    const { annotator: a, sent } = annotator();
    made = a;
    await expect(a.startWhen(Promise.resolve(false))).resolves.toBe(false);
    await tick();
    expect(sent).toHaveLength(0);
    // Dropped before its task came: the page was not read for nothing.
    expect(extractions.count).toBe(0);
    // Switched on later (the popup): the page as it is then is read, not the old reading.
    (document.querySelector('p')!.firstChild as Text).data = 'Google DeepMind said it would publish its evaluations.';
    await a.start();
    expect(extractions.count).toBe(1);
    expect(sent.find((m) => m.type === 'match-page')?.text).toBe('Google DeepMind said it would publish its evaluations.');
  });
});
