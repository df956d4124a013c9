import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompiledClaims } from '../../../lib/background/claim-set-cache';
import { MatcherWarmUp, WARM_UP_SLICE_MS, warmUpTexts } from '../../../lib/background/matcher-warm-up';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { ok, startBackground, TOP_FRAME, type BackgroundHarness } from './background-harness';

// The real matcher, with its calls counted.
const calls = vi.hoisted(() => ({ texts: [] as string[], running: 0 }));
vi.mock('../../../lib/match/match-claims', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/match/match-claims')>();
  return {
    ...real,
    matchClaims: (...args: Parameters<typeof real.matchClaims>) => {
      calls.texts.push(args[0]);
      calls.running++;
      try {
        return real.matchClaims(...args);
      } finally {
        calls.running--;
      }
    },
  };
});

const SENTENCE = 'Anthropic says it will publish Risk Reports every three to six months.';

const settle = (ms = 20) => new Promise((resume) => setTimeout(resume, ms));
/** Until a warm-up call has been made, at most 10 s (compiling the set comes first). */
async function warmUpStarted(): Promise<void> {
  for (let i = 0; calls.texts.length === 0 && i < 100; i++) await settle(100);
}
/** Until the warm-up has stopped matching (no call running or started for 100 ms), at most 10 s. */
async function warmUpDone(): Promise<void> {
  for (let seen = -1, i = 0; (seen !== calls.texts.length || calls.running > 0) && i < 100; i++) {
    seen = calls.texts.length;
    await settle(100);
  }
}

describe('warming the matcher in a background', () => {
  let db: PledgeLensDatabase;
  let bg: BackgroundHarness;
  const siteAsked = (url = TOP_FRAME.url) => ok(bg.content({ ...TOP_FRAME, url })({ type: 'get-site-enabled', url }));

  afterEach(() => {
    db.close();
  });

  it('starts with the worker, after start-up, on the set\'s own claims, and runs once per compiled set', async () => {
    calls.texts = [];
    ({ db, bg } = await startBackground());
    // Not inside start-up: a later task.
    expect(calls.texts).toHaveLength(0);
    await warmUpStarted();
    await warmUpDone();
    const texts = [...warmUpTexts(await bg.service.context.claimSets.get())];
    expect(calls.texts.length).toBeGreaterThan(0);
    expect(calls.texts).toEqual(texts.slice(0, calls.texts.length));
    // A frame told its site is on asks again: the index is warm already.
    const before = calls.texts.length;
    expect(await siteAsked()).toMatchObject({ enabled: true });
    await warmUpDone();
    expect(calls.texts).toHaveLength(before);
    // The page's own match still runs, on its own text.
    await ok(bg.content()({ type: 'match-page', url: TOP_FRAME.url, title: 't', text: SENTENCE }));
    expect(calls.texts.at(-1)).toBe(SENTENCE);
  });

  it('a changed set is warmed again when a frame hears its site is on, but not for a frame whose site is off', async () => {
    calls.texts = [];
    ({ db, bg } = await startBackground());
    await warmUpStarted();
    await warmUpDone();
    await ok(bg.page({ type: 'set-site-enabled', tabId: TOP_FRAME.tabId, enabled: false, url: 'https://off.example/' }));
    await ok(bg.page({ type: 'set-pack-enabled', packId: 'bundled', enabled: true }));
    await warmUpDone();
    calls.texts = [];
    await siteAsked('https://off.example/a');
    await warmUpDone();
    expect(calls.texts).toEqual([]);
    await siteAsked();
    await warmUpStarted();
    await warmUpDone();
    expect(calls.texts.length).toBeGreaterThan(0);
  });

  it('is off with a budget of 0', async () => {
    calls.texts = [];
    ({ db, bg } = await startBackground({ warmUpBudgetMs: 0 }));
    await siteAsked();
    await warmUpDone();
    expect(calls.texts).toEqual([]);
  });
});

describe('MatcherWarmUp', () => {
  // The bundled set, compiled: what is matched does not matter here, only when.
  let compiled: CompiledClaims;
  let db: PledgeLensDatabase;
  beforeEach(async () => {
    let bg: BackgroundHarness;
    ({ db, bg } = await startBackground({ warmUpBudgetMs: 0 }));
    compiled = await bg.service.context.claimSets.get();
    calls.texts = [];
  });
  afterEach(() => db.close());

  /** A clock that moves `step` ms on each reading, so slices and the budget are counted in readings. */
  const ticking = (step: number) => {
    let now = 0;
    return () => (now += step);
  };
  /** The tasks the warm-up ran: the number of calls made in each. */
  async function slices(warmUp: MatcherWarmUp): Promise<number[]> {
    const counts: number[] = [];
    warmUp.start();
    for (let i = 0; i < 200; i++) {
      const before = calls.texts.length;
      await new Promise((resume) => setTimeout(resume, 0));
      if (calls.texts.length > before) counts.push(calls.texts.length - before);
    }
    return counts;
  }

  it('matches in slices of about WARM_UP_SLICE_MS, one task each, until its budget is spent', async () => {
    // Each call "takes" (a little more than) a third of a slice: three calls a slice; a budget of 3 slices.
    const warmUp = new MatcherWarmUp({ get: async () => compiled }, WARM_UP_SLICE_MS * 3, ticking(WARM_UP_SLICE_MS / 3 + 0.01));
    const counts = await slices(warmUp);
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBeLessThanOrEqual(3);
    expect(calls.texts).toEqual([...warmUpTexts(compiled)].slice(0, calls.texts.length));
    expect(calls.texts.length).toBeLessThan(compiled.claims.size);
  });

  it('stops at the next slice once a page has been matched with the index, and never warms a used index', async () => {
    const warmUp = new MatcherWarmUp({ get: async () => compiled }, 1_000_000, ticking(WARM_UP_SLICE_MS));
    warmUp.start();
    await settle(5);
    const made = calls.texts.length;
    expect(made).toBeGreaterThan(0);
    warmUp.markUsed(compiled.index);
    await settle(50);
    expect(calls.texts.length).toBeLessThanOrEqual(made + 1);

    calls.texts = [];
    const fresh = new MatcherWarmUp({ get: async () => compiled });
    fresh.markUsed(compiled.index);
    fresh.start();
    await settle(50);
    expect(calls.texts).toEqual([]);
  });

  it('a set that fails to load is left to the page', async () => {
    const warmUp = new MatcherWarmUp({ get: () => Promise.reject(new Error('no disk')) });
    warmUp.start();
    await settle(20);
    expect(calls.texts).toEqual([]);
  });
});
