import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../../../lib/annotations/schema';
import { EXPORT_FORMATS } from '../../../lib/annotations/export-formats';
import { MAX_MENTIONS_PER_PAGE, MAX_MENTIONS_PER_SITE, MentionWriter } from '../../../lib/background/mention-writer';
import { countMentions, deleteMentions, getMention, importMentions, listMentions, mentionsOnPage, mentionsSeen, updateMention } from '../../../lib/background/store/mention-store';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { BackgroundHarness, freshBundledClaimSet, itemLabel, ok, openFreshDatabase, TOP_FRAME } from './background-harness';

const SENTENCE = 'Anthropic says it will publish Risk Reports every three to six months.';
const NOW = new Date('2026-11-25T12:00:00Z');
const PAGE = 'https://news.example/long-page';

let db: PledgeLensDatabase;

beforeEach(async () => {
  db = await openFreshDatabase();
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** `count` distinct mentions of one claim on `url`, numbered from `from` (each quote has its own context, so its own id). */
function mentionsOn(url: string, from: number, count: number, claimId = 'claim-x'): Mention[] {
  const parts = Array.from({ length: count }, (_, i) => `Item ${itemLabel(from + i)}. ${SENTENCE}`);
  const text = parts.join('\u2029');
  const spans = parts.map((part, i) => {
    const start = parts.slice(0, i).reduce((sum, p) => sum + p.length + 1, 0) + part.indexOf(SENTENCE);
    return { claimId, start, end: start + SENTENCE.length };
  });
  return mentionsSeen({ url, title: 'A long page', text }, spans, NOW);
}

async function written(writer: MentionWriter, seen: readonly Mention[]): Promise<void> {
  writer.record(seen);
  await writer.flushed();
  expect(writer.lastError).toBeUndefined();
}

/** Counts the transactions opened, by mode, and the count requests issued. */
function watchRequests(): { transactions: Record<string, number>; counts: () => number } {
  const transactions: Record<string, number> = {};
  const real = db.transaction.bind(db);
  vi.spyOn(db, 'transaction').mockImplementation(((stores: never, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
    transactions[mode ?? 'readonly'] = (transactions[mode ?? 'readonly'] ?? 0) + 1;
    return real(stores, mode, options);
  }) as typeof db.transaction);
  const storeCount = vi.spyOn(IDBObjectStore.prototype, 'count');
  const indexCount = vi.spyOn(IDBIndex.prototype, 'count');
  return { transactions, counts: () => storeCount.mock.calls.length + indexCount.mock.calls.length };
}

describe('the mention writer', () => {
  it('writes a page in one readwrite transaction, reads before it only its site\'s count (once per site per life), and stores a repeated quote once', async () => {
    const writer = new MentionWriter(db, () => NOW);
    const seen = mentionsOn(PAGE, 0, 40);
    const watched = watchRequests();
    await written(writer, [...seen, seen[3]!]);
    expect(watched.transactions).toEqual({ readonly: 1, readwrite: 1 });
    await written(writer, mentionsOn('https://news.example/another', 0, 3));
    expect(watched.transactions).toEqual({ readonly: 1, readwrite: 2 });
    expect((await mentionsOnPage(db, PAGE)).length).toBe(40);
  });

  it('opens no transaction until a task after record(): the answer goes out in the microtasks before it', async () => {
    const writer = new MentionWriter(db, () => NOW);
    const watched = watchRequests();
    writer.record(mentionsOn(PAGE, 0, 3));
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(watched.transactions).toEqual({});
    await writer.flushed();
    expect(watched.transactions).toEqual({ readonly: 1, readwrite: 1 });
    expect((await mentionsOnPage(db, PAGE)).length).toBe(3);
  });

  it(`one site adds at most ${MAX_MENTIONS_PER_SITE} mentions, however many addresses (frames) it spreads them over; other sites still record, and a new life counts what is stored`, async () => {
    const writer = new MentionWriter(db, () => NOW);
    const pages = Math.ceil(MAX_MENTIONS_PER_SITE / MAX_MENTIONS_PER_PAGE) + 1;
    for (let page = 0; page < pages; page++) writer.record(mentionsOn(`https://hostile.example/frame?n=${page}`, 0, MAX_MENTIONS_PER_PAGE));
    await writer.flushed();
    expect(await countMentions(db)).toBe(MAX_MENTIONS_PER_SITE);
    expect(writer.noticeFor(`https://hostile.example/frame?n=${pages - 1}`)).toEqual({ kind: 'site-limit', max: MAX_MENTIONS_PER_SITE });
    await written(writer, mentionsOn(PAGE, 0, 5));
    expect((await mentionsOnPage(db, PAGE)).length).toBe(5);
    // A restarted worker reads the site's count from the store.
    const later = new MentionWriter(db, () => NOW);
    await written(later, mentionsOn('https://hostile.example/frame?n=new', 0, 10));
    expect(await mentionsOnPage(db, 'https://hostile.example/frame?n=new')).toEqual([]);
  });

  it('a known mention keeps its first sighting and note and takes the new title, anchor and last sighting', async () => {
    const writer = new MentionWriter(db, () => NOW);
    const [first] = mentionsOn(PAGE, 0, 1);
    await written(writer, [first!]);
    await updateMention(db, first!.id, (mention) => ({ ...mention, note: { text: 'kept', updatedAt: NOW.toISOString() } }));
    const later = { ...first!, pageTitle: 'Renamed', anchor: { ...first!.anchor, start: 99, end: 99 + SENTENCE.length }, firstSeen: '2027-01-01T00:00:00.000Z', lastSeen: '2027-01-01T00:00:00.000Z' };
    await written(writer, [later]);
    expect(await getMention(db, first!.id)).toEqual({ ...first!, note: { text: 'kept', updatedAt: NOW.toISOString() }, pageTitle: 'Renamed', anchor: later.anchor, lastSeen: later.lastSeen });
  });

  it('counts the history once per life: later writes, to the page or another, read no count, and the bounds still hold', async () => {
    const writer = new MentionWriter(db, () => NOW);
    await written(writer, mentionsOn(PAGE, 0, 250));
    const watched = watchRequests();
    await written(writer, mentionsOn(PAGE, 250, 100));
    expect(watched.counts()).toBe(0);
    // Another page's count comes with its record, and the total goes on from the first page's.
    await written(writer, mentionsOn('https://news.example/other', 0, 5));
    expect(watched.counts()).toBe(0);
    expect((await mentionsOnPage(db, PAGE)).length).toBe(MAX_MENTIONS_PER_PAGE);
    expect(writer.noticeFor(PAGE)).toEqual({ kind: 'page-limit', max: 300 });
    expect(await countMentions(db)).toBe(MAX_MENTIONS_PER_PAGE + 5);
  });

  it('a page it has not written is added without a read; one it has written is read first', async () => {
    const writer = new MentionWriter(db, () => NOW);
    await written(writer, mentionsOn(PAGE, 0, 5));
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    await written(writer, mentionsOn('https://news.example/new', 0, 5));
    expect(gets).not.toHaveBeenCalled();
    await written(writer, mentionsOn(PAGE, 0, 5));
    expect(gets).toHaveBeenCalledTimes(1);
    expect((await mentionsOnPage(db, PAGE)).length).toBe(5);
    expect(await countMentions(db)).toBe(10);
  });

  it('a deletion or an import through alter() makes the next write count again', async () => {
    const writer = new MentionWriter(db, () => NOW);
    const full = mentionsOn(PAGE, 0, MAX_MENTIONS_PER_PAGE);
    await written(writer, full);
    await writer.alter(() => deleteMentions(db, full.slice(0, 50).map((mention) => mention.id)));
    await written(writer, mentionsOn(PAGE, 1000, 50));
    expect((await mentionsOnPage(db, PAGE)).length).toBe(MAX_MENTIONS_PER_PAGE);

    const other = 'https://news.example/imported';
    await written(writer, mentionsOn(other, 0, 1));
    await writer.alter(() => importMentions(db, mentionsOn(other, 1, MAX_MENTIONS_PER_PAGE - 1)));
    await written(writer, mentionsOn(other, 5000, 1));
    expect((await mentionsOnPage(db, other)).length).toBe(MAX_MENTIONS_PER_PAGE);
  });

  it('a failed alteration rejects to its caller and later writes go on', async () => {
    const writer = new MentionWriter(db, () => NOW);
    await expect(writer.alter(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await written(writer, mentionsOn(PAGE, 0, 2));
    expect(await countMentions(db)).toBe(2);
  });
});

describe('history messages and the writer', () => {
  let bg: BackgroundHarness;

  beforeEach(async () => {
    bg = new BackgroundHarness(db, { loadBundled: async () => freshBundledClaimSet(), now: () => NOW });
    await bg.service.init();
  });

  const page = (url: string, from: number, count: number) =>
    ok(bg.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title: 't', text: Array.from({ length: count }, (_, i) => `Item ${itemLabel(from + i)}. ${SENTENCE}`).join('\u2029') }));

  it('delete-mentions frees room on a full page for the next visit', async () => {
    await page(PAGE, 0, MAX_MENTIONS_PER_PAGE);
    await bg.service.context.mentions.flushed();
    expect((await mentionsOnPage(db, PAGE)).length).toBe(MAX_MENTIONS_PER_PAGE);
    const ids = (await mentionsOnPage(db, PAGE)).map((mention) => mention.id).slice(0, 10);
    expect((await ok(bg.page({ type: 'delete-mentions', ids }))).deleted).toBe(10);
    await page(PAGE, 1000, 10);
    await bg.service.context.mentions.flushed();
    expect((await mentionsOnPage(db, PAGE)).length).toBe(MAX_MENTIONS_PER_PAGE);
  });

  it('import-mentions counts towards a page the worker has already written', async () => {
    await page(PAGE, 0, 1);
    await bg.service.context.mentions.flushed();
    const { claims } = await bg.service.context.claimSets.get();
    const claimId = (await listMentions(db))[0]!.claimId;
    const file = EXPORT_FORMATS.w3c.serialise(mentionsOn(PAGE, 1, MAX_MENTIONS_PER_PAGE - 1, claimId), claims, NOW.toISOString());
    expect(await ok(bg.page({ type: 'import-mentions', text: file }))).toMatchObject({ added: MAX_MENTIONS_PER_PAGE - 1 });
    await page(PAGE, 5000, 1);
    await bg.service.context.mentions.flushed();
    expect((await mentionsOnPage(db, PAGE)).length).toBe(MAX_MENTIONS_PER_PAGE);
    expect(bg.service.context.mentions.noticeFor(PAGE)).toEqual({ kind: 'page-limit', max: 300 });
  });
});
