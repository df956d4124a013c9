import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_MENTIONS_PER_PAGE } from '../../../lib/background/mention-writer';
import { mentionsOnPage } from '../../../lib/background/store/mention-store';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { ok, startBackground, TOP_FRAME, itemLabel, type BackgroundHarness } from './background-harness';

const SENTENCE = 'Anthropic says it will publish Risk Reports every three to six months.';

let db: PledgeLensDatabase;
let bg: BackgroundHarness;

beforeEach(async () => {
  ({ db, bg } = await startBackground());
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const report = (url: string) => ok(bg.content({ ...TOP_FRAME, url })({ type: 'report-frame', url, enabled: true, scanning: false, claims: [] }));

/** Matches `url` past the per-page bound: returns the ids of the mentions the bound kept out of the history. */
async function keptOutOf(url: string): Promise<string[]> {
  await report(url);
  const matched: string[] = [];
  for (let i = 0; i < MAX_MENTIONS_PER_PAGE + 20; i += 20) {
    const text = Array.from({ length: 20 }, (_, j) => `Item ${itemLabel(i + j)}. ${SENTENCE}`).join('\u2029');
    matched.push(...(await ok(bg.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title: 't', text }))).matches.map((match) => match.mentionId));
  }
  await bg.service.context.mentions.flushed();
  const stored = new Set((await mentionsOnPage(db, url)).map((mention) => mention.id));
  return matched.filter((id) => !stored.has(id));
}

describe('a bounded, resilient history', () => {
  it('a page that keeps producing new mentions is highlighted, but stops growing the history at the per-page bound, and the reader is told', async () => {
    const url = 'https://hostile.example/page';
    await report(url);
    // Each rescan brings "new" text around the same claim, so each match is a new mention id.
    for (let i = 0; i < MAX_MENTIONS_PER_PAGE + 40; i += 20) {
      const text = Array.from({ length: 20 }, (_, j) => `Item ${itemLabel(i + j)}. ${SENTENCE}`).join('\u2029');
      const answer = await ok(bg.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title: 't', text }));
      expect(answer.matches.length).toBeGreaterThan(0);
    }
    await bg.service.context.mentions.flushed();
    expect((await mentionsOnPage(db, url)).length).toBe(MAX_MENTIONS_PER_PAGE);
    const state = await ok(bg.page({ type: 'get-tab-state', tabId: TOP_FRAME.tabId }));
    expect(state.historyNotice).toEqual({ kind: 'page-limit', max: 300 });
  });

  it('a mention a bound kept out is stored past it when the reader writes a note or flags it, and only then', async () => {
    const url = 'https://hostile.example/flooded';
    const [noted, flagged] = await keptOutOf(url);
    expect(noted && flagged, 'mentions the per-page bound kept out').toBeTruthy();
    // The card's note editor opens on it as on any other...
    expect((await ok(bg.page({ type: 'get-mention', mentionId: noted! }))).mention.id).toBe(noted);
    // ...and the reader's note or flag stores it, past the bound.
    expect((await ok(bg.page({ type: 'set-note', mentionId: noted!, text: 'Ask the press office' }))).mention.note?.text).toBe('Ask the press office');
    expect((await ok(bg.page({ type: 'set-wrong-match', mentionId: flagged!, flagged: true }))).mention.wrongMatch?.flagged).toBe(true);
    const after = await mentionsOnPage(db, url);
    expect(after).toHaveLength(MAX_MENTIONS_PER_PAGE + 2);
    expect(after.find((mention) => mention.id === noted)?.note?.text).toBe('Ask the press office');
    // An id no page reported is still gone.
    expect((await bg.page({ type: 'set-note', mentionId: '0123456789abcdef', text: 'x' })).ok).toBe(false);
  });

  it("stores a mention a bound kept out as soon as the reader opens its card, before any note (the page may report more, or the worker stop)", async () => {
    const url = 'https://hostile.example/flooded-card';
    const [keptOut] = await keptOutOf(url);
    expect(await ok(bg.content({ ...TOP_FRAME, url })({ type: 'open-note-editor', mentionId: keptOut!, url }))).toHaveProperty('capability');
    await bg.service.context.mentions.flushed();
    expect((await mentionsOnPage(db, url)).map((mention) => mention.id)).toContain(keptOut);
    expect(await mentionsOnPage(db, url)).toHaveLength(MAX_MENTIONS_PER_PAGE + 1);
  });

  it('a full disk fails only the history write: highlighting goes on, notes say why they failed, and the reader is told', async () => {
    const url = 'https://news.example/full-disk';
    await report(url);
    const real = db.transaction.bind(db);
    vi.spyOn(db, 'transaction').mockImplementation(((stores: never, mode?: IDBTransactionMode) => {
      if (mode === 'readwrite') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real(stores, mode);
    }) as typeof db.transaction);
    const answer = await ok(bg.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title: 't', text: SENTENCE }));
    expect(answer.matches).toHaveLength(1);
    await bg.service.context.mentions.flushed();
    expect((await ok(bg.page({ type: 'get-tab-state', tabId: TOP_FRAME.tabId }))).historyNotice).toEqual({ kind: 'save-failed', quota: true });
    const note = await bg.page({ type: 'set-note', mentionId: answer.matches[0]!.mentionId, text: 'x' });
    expect(note.ok).toBe(false);
    // The background keeps working: the next page still matches and reads work.
    expect((await ok(bg.content()({ type: 'match-page', url: TOP_FRAME.url, title: 't', text: SENTENCE }))).matches).toHaveLength(1);
    expect((await ok(bg.page({ type: 'get-claim-set-info' }))).claimCount).toBeGreaterThan(0);
  });

  it('stores the page under an address without fragment, credentials or tokens', async () => {
    const url = 'https://news.example/story?id=7&token=abcdef#part-2';
    await ok(bg.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title: 't', text: SENTENCE }));
    const { mentions } = await ok(bg.page({ type: 'list-mentions', query: { pageUrl: url } }));
    expect(mentions.map((mention) => mention.pageUrl)).toEqual(['https://news.example/story?id=7']);
  });
});
