import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { ok, startBackground, TOP_FRAME, type BackgroundHarness } from './background-harness';

// The real matcher, with its calls counted.
const calls = vi.hoisted(() => ({ texts: [] as string[] }));
vi.mock('../../../lib/match/match-claims', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/match/match-claims')>();
  return {
    ...real,
    matchClaims: (...args: Parameters<typeof real.matchClaims>) => {
      calls.texts.push(args[0]);
      return real.matchClaims(...args);
    },
  };
});

const SENTENCE = 'Anthropic says it will publish Risk Reports every three to six months.';

let db: PledgeLensDatabase;
let bg: BackgroundHarness;

beforeEach(async () => {
  ({ db, bg } = await startBackground());
  calls.texts = [];
});

afterEach(() => {
  db.close();
});

const settle = () => new Promise((resume) => setTimeout(resume, 20));
const siteAsked = (url = TOP_FRAME.url) => ok(bg.content({ ...TOP_FRAME, url })({ type: 'get-site-enabled', url }));

describe('warming the matcher', () => {
  it('a frame told its site is on gets the matcher warmed once, after its answer, before its page arrives', async () => {
    const answer = siteAsked();
    // The answer does not wait for the warm-up: it runs in a later task.
    expect(await answer).toMatchObject({ enabled: true });
    expect(calls.texts).toHaveLength(0);
    await settle();
    expect(calls.texts).toHaveLength(1);
    await siteAsked();
    await settle();
    expect(calls.texts).toHaveLength(1);
    // The page's own match still runs, on its own text.
    await ok(bg.content()({ type: 'match-page', url: TOP_FRAME.url, title: 't', text: SENTENCE }));
    expect(calls.texts).toEqual([expect.not.stringContaining(SENTENCE), SENTENCE]);
  });

  it('is not done for an index a page has already used, nor for a frame whose site is off', async () => {
    await ok(bg.content()({ type: 'match-page', url: TOP_FRAME.url, title: 't', text: SENTENCE }));
    await siteAsked();
    await settle();
    expect(calls.texts).toEqual([SENTENCE]);

    await ok(bg.page({ type: 'set-pack-enabled', packId: 'bundled', enabled: true }));
    await ok(bg.page({ type: 'set-site-enabled', tabId: TOP_FRAME.tabId, enabled: false, url: 'https://off.example/' }));
    await siteAsked('https://off.example/a');
    await settle();
    expect(calls.texts).toEqual([SENTENCE]);
  });
});
