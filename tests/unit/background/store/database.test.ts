import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BUNDLED_PACK_ID,
  ensureBundledPack,
  listPacks,
  removePack,
  setPackEnabled,
  storeFilePack,
} from '../../../../lib/background/store/claim-store';
import {
  clearMentions,
  countMentions,
  deleteMentions,
  getMention,
  importMentions,
  listMentions,
  mentionsOfClaim,
  mentionsOnPage,
  mentionsSeen,
  recordSeenMentions,
  updateMention,
} from '../../../../lib/background/store/mention-store';
import { DB_NAME, DB_VERSION, UPGRADE_BLOCKED, openPledgeLensDb, readMeta, writeMeta, type PledgeLensDatabase, type StoredPack } from '../../../../lib/background/store/open-database';
import { storeTestClaim, storeTestSet } from './claim-set';
import { ClaimSetCache } from '../../../../lib/background/claim-set-cache';
import { CLAIM_INDEX_FORMAT, type ClaimIndex } from '../../../../lib/match/compile-index';

import type { Mention } from '../../../../lib/annotations/schema';
import { installFakeIndexedDb } from './fake-idb';

/** What the background does for a matched page: mention records computed, then written. */
async function recordPageMentions(db: PledgeLensDatabase, page: Parameters<typeof mentionsSeen>[0], spans: Parameters<typeof mentionsSeen>[1], now: Date): Promise<Mention[]> {
  const seen = mentionsSeen(page, spans, now);
  await recordSeenMentions(db, seen);
  return Promise.all(seen.map(async (mention) => (await getMention(db, mention.id))!));
}

const T0 = new Date('2026-03-01T09:00:00.000Z');
const T1 = new Date('2026-03-02T10:30:00.000Z');
const T2 = new Date('2026-03-03T11:45:00.000Z');

let open: PledgeLensDatabase[] = [];

async function openDb(version?: number): Promise<PledgeLensDatabase> {
  const db = await openPledgeLensDb(version);
  open.push(db);
  return db;
}

function close(db: PledgeLensDatabase): void {
  db.close();
  open = open.filter((other) => other !== db);
}

beforeEach(() => {
  installFakeIndexedDb();
});

afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

describe('claim packs', () => {
  it('seeds the bundled set on first run', async () => {
    const db = await openDb();
    expect(await listPacks(db)).toEqual([]);
    const set = storeTestSet('1.0.0');
    const pack = await ensureBundledPack(db, set, T0);
    expect(pack).toMatchObject({ id: BUNDLED_PACK_ID, source: 'bundled', enabled: true, name: 'Store test set', installedAt: T0.toISOString() });
    const stored = await listPacks(db);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.claimSet).toEqual(set);
    expect((await new ClaimSetCache(db, 'test-build').get()).claims.has('example-promise')).toBe(true);
  });

  it('keeps its data across a close and re-open, and does not re-seed the same version', async () => {
    const first = await openDb();
    await ensureBundledPack(first, storeTestSet('1.0.0'), T0);
    await writeMeta(first, 'settings', { siteMode: 'all-sites', disabledSites: ['example.com'], allowedSites: [], feedUrl: '' });
    close(first);

    const second = await openDb();
    const again = await ensureBundledPack(second, storeTestSet('1.0.0'), T1);
    expect(again.installedAt).toBe(T0.toISOString());
    expect((await listPacks(second)).map((pack) => pack.installedAt)).toEqual([T0.toISOString()]);
    expect(await readMeta(second, 'settings')).toEqual({ siteMode: 'all-sites', disabledSites: ['example.com'], allowedSites: [], feedUrl: '' });
  });

  it('upgrades a version-1 database: packs and meta stay, the history store appears', async () => {
    const v1 = await openDb(1);
    expect(Array.from(v1.objectStoreNames).sort()).toEqual(['meta', 'packs']);
    const pack: StoredPack = {
      id: BUNDLED_PACK_ID,
      name: 'Old bundled',
      enabled: false,
      source: 'bundled',
      claimSet: storeTestSet('0.9.0'),
      installedAt: T0.toISOString(),
    };
    await v1.put('packs', pack);
    // The 0.1 settings record, written raw: it predates the site mode and allow list.
    await v1.put('meta', { disabledSites: ['news.example'], feedUrl: 'https://feed.example/claims.json' }, 'settings');
    close(v1);

    const v2 = await openDb(DB_VERSION);
    expect(v2.version).toBe(DB_VERSION);
    expect(Array.from(v2.objectStoreNames).sort()).toEqual(['claim-changes', 'history-pages', 'meta', 'packs']);
    expect(await listPacks(v2)).toEqual([pack]);
    expect(await readMeta(v2, 'settings')).toEqual({ disabledSites: ['news.example'], feedUrl: 'https://feed.example/claims.json' });
    const tx = v2.transaction('history-pages');
    expect(Array.from(tx.store.indexNames).sort()).toEqual(['claimId', 'mentionId']);
    await tx.done;
    // The new store works.
    const [mention] = await recordPageMentions(v2, { url: 'https://news.example/a', title: 'A', text: 'One pledge sentence.' }, [{ claimId: 'c', start: 0, end: 20 }], T1);
    expect((await listMentions(v2)).map((m) => m.id)).toEqual([mention!.id]);
  });

  it('an upgrade held up by a connection that will not close fails with a reason instead of hanging', async () => {
    // A v1 connection opened outside Pledge Lens's code: it ignores the request to close.
    const stubborn = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('packs', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await expect(openPledgeLensDb(2)).rejects.toThrow(UPGRADE_BLOCKED);
    stubborn.close();
  });

  it('replaces the bundled pack with a newer bundled version but keeps its enabled flag', async () => {
    const db = await openDb();
    await ensureBundledPack(db, storeTestSet('1.0.0'), T0);
    await setPackEnabled(db, BUNDLED_PACK_ID, false);
    const newer = storeTestSet('1.1.0', [storeTestClaim('example-promise'), storeTestClaim('example-second')]);
    await ensureBundledPack(db, newer, T1);
    const [pack] = await listPacks(db);
    expect(pack!.claimSet.version).toBe('1.1.0');
    expect(pack!.claimSet.claims).toHaveLength(2);
    expect(pack!.installedAt).toBe(T1.toISOString());
    expect(pack!.enabled).toBe(false);
    // An older bundled set (a downgrade) never replaces a newer one.
    await ensureBundledPack(db, storeTestSet('1.0.5'), T2);
    expect((await listPacks(db))[0]!.claimSet.version).toBe('1.1.0');
  });

  it('refuses to remove the bundled pack, removes a file pack, and reports a missing one', async () => {
    const db = await openDb();
    await ensureBundledPack(db, storeTestSet('1.0.0'), T0);
    const file = await storeFilePack(db, 'My Notes', storeTestSet('0.1.0', [storeTestClaim('mine')], 'Me'), T1);
    expect(file.id).toBe('file-my-notes');
    expect(await removePack(db, BUNDLED_PACK_ID)).toBe(false);
    expect((await listPacks(db)).map((pack) => pack.id).sort()).toEqual([BUNDLED_PACK_ID, 'file-my-notes']);
    expect(await removePack(db, 'file-my-notes')).toBe(true);
    expect(await removePack(db, 'file-my-notes')).toBe(false);
    expect((await listPacks(db)).map((pack) => pack.id)).toEqual([BUNDLED_PACK_ID]);
  });
});

describe('mentions', () => {
  const PAGE = {
    url: 'https://news.example/story#comments',
    title: 'A story',
    text: 'An opening line. The lab will publish a ledger every quarter. A closing line.',
  };
  const span = () => {
    const start = PAGE.text.indexOf('The lab');
    return { claimId: 'example-promise', start, end: PAGE.text.indexOf('quarter.') + 'quarter.'.length };
  };

  it('updates rather than duplicates on a revisit, keeping a note set in between', async () => {
    const db = await openDb();
    const [first] = await recordPageMentions(db, PAGE, [span()], T0);
    expect(first!.anchor.exact).toBe('The lab will publish a ledger every quarter.');
    const noted = await updateMention(db, first!.id, (m) => ({ ...m, note: { text: 'check the source', updatedAt: T1.toISOString() } }));
    expect(noted?.note?.text).toBe('check the source');

    // Same page (a different #fragment is the same page), new title, a later visit.
    const [second] = await recordPageMentions(db, { ...PAGE, url: 'https://news.example/story', title: 'A story (updated)' }, [span()], T2);
    expect(second!.id).toBe(first!.id);
    const all = await listMentions(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: first!.id,
      pageTitle: 'A story (updated)',
      firstSeen: T0.toISOString(),
      lastSeen: T2.toISOString(),
      note: { text: 'check the source', updatedAt: T1.toISOString() },
    });
  });

  it('importMentions counts added, updated and unchanged', async () => {
    const source = await openDb();
    const [a, b] = await recordPageMentions(
      source,
      PAGE,
      [span(), { claimId: 'other-claim', start: 0, end: 'An opening line.'.length }],
      T0,
    );
    close(source);
    installFakeIndexedDb();
    const db = await openDb();
    expect(await importMentions(db, [a!, b!])).toEqual({ written: true, added: 2, updated: 0, unchanged: 0, keptNotes: 0 });
    expect(await listMentions(db)).toHaveLength(2);
    // Importing the same file again changes nothing.
    expect(await importMentions(db, [a!, b!])).toEqual({ written: true, added: 0, updated: 0, unchanged: 2, keptNotes: 0 });
    // A newer note on one of them is an update; the other is unchanged.
    const withNote = { ...a!, note: { text: 'imported note', updatedAt: T1.toISOString() } };
    expect(await importMentions(db, [withNote, b!])).toEqual({ written: true, added: 0, updated: 1, unchanged: 1, keptNotes: 0 });
    const stored = await listMentions(db);
    expect(stored.find((m) => m.id === a!.id)?.note?.text).toBe('imported note');
    expect(await importMentions(db, [])).toEqual({ written: true, added: 0, updated: 0, unchanged: 0, keptNotes: 0 });
  });
});

describe('the compiled index across cold starts', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('a set compiled now is told about at once; one hydrated from the store only after the delay, and not once the packs changed', async () => {
    const db = await openDb();
    await ensureBundledPack(db, storeTestSet('1.0.0'), T0);
    const told: string[] = [];
    const fresh = await new ClaimSetCache(db, 'build-a', (compiled) => told.push(`fresh ${compiled.version}`), 40).get();
    expect(told).toEqual([`fresh ${fresh.version}`]);

    const restarted = new ClaimSetCache(db, 'build-a', (compiled) => told.push(`stored ${compiled.version}`), 40);
    await restarted.get();
    await sleep(5);
    expect(told).toHaveLength(1);
    await sleep(60);
    expect(told).toEqual([`fresh ${fresh.version}`, `stored ${fresh.version}`]);

    // A change before the delay is up: only the new set is told about, never the stale one.
    const changing = new ClaimSetCache(db, 'build-a', (compiled) => told.push(`changed ${compiled.version}`), 40);
    await changing.get();
    await setPackEnabled(db, BUNDLED_PACK_ID, false);
    changing.invalidate();
    await changing.get();
    await sleep(80);
    expect(told.slice(2)).toEqual(['changed none']);
  });

  it('a second cache on the same packs and build reuses the stored index; another build or a pack change compiles afresh', async () => {
    const db = await openDb();
    await ensureBundledPack(db, storeTestSet('1.0.0'), T0);
    const first = await new ClaimSetCache(db, 'build-a').get();
    const stored = await readMeta(db, 'compiled-index');
    expect(stored?.index).toEqual(first.index);
    // Marking the stored copy shows whether the next start used it or compiled again.
    await writeMeta(db, 'compiled-index', { key: stored!.key, index: { ...stored!.index, claimSetVersion: 'from-store' } });
    expect((await new ClaimSetCache(db, 'build-a').get()).index.claimSetVersion).toBe('from-store');
    expect((await new ClaimSetCache(db, 'build-b').get()).index.claimSetVersion).not.toBe('from-store');
    await setPackEnabled(db, BUNDLED_PACK_ID, false);
    expect((await new ClaimSetCache(db, 'build-b').get()).index.claimSetVersion).toBe('none');
  });

  it('a stored index of an older format is compiled afresh, even under the same key', async () => {
    const db = await openDb();
    await ensureBundledPack(db, storeTestSet('1.0.0'), T0);
    await new ClaimSetCache(db, 'build-a').get();
    const stored = await readMeta(db, 'compiled-index');
    const older = { ...stored!.index, format: stored!.index.format - 1, claimSetVersion: 'from-store' } as unknown as ClaimIndex;
    await writeMeta(db, 'compiled-index', { key: stored!.key, index: older });
    const fresh = await new ClaimSetCache(db, 'build-a').get();
    expect(fresh.index.claimSetVersion).not.toBe('from-store');
    expect(fresh.index.format).toBe(CLAIM_INDEX_FORMAT);
  });
});

/** A mention as the history stores it, `n` telling them apart. */
function storedMention(pageUrl: string, claimId: string, n: number, extra: Partial<Mention> = {}): Mention {
  const text = `Opening ${n}. The lab will publish a ledger every quarter, item ${n}. Closing.`;
  const start = text.indexOf('The lab');
  const [mention] = mentionsSeen({ url: pageUrl, title: `Page ${pageUrl}`, text }, [{ claimId, start, end: text.indexOf('Closing') - 1 }], T0);
  return { ...mention!, ...extra };
}

/** Mentions in one order whatever order they came in (`listMentions` leaves ties as stored). */
const byId = (mentions: readonly Mention[]) => [...mentions].sort((a, b) => a.id.localeCompare(b.id));

describe('the history, one record per page (version 4)', () => {
  const A = 'https://news.example/a';
  const B = 'https://news.example/b';

  it('a version-3 history moves into page records with every field, note and flag, and the per-mention store goes', async () => {
    const v3 = await openDb(3);
    const legacy = v3 as unknown as IDBPDatabase<{ mentions: { key: string; value: Mention } }>;
    const mentions = [
      storedMention(A, 'claim-1', 1),
      storedMention(A, 'claim-2', 2, { note: { text: 'a note', updatedAt: T1.toISOString() }, lastSeen: T2.toISOString() }),
      storedMention(B, 'claim-1', 3, { wrongMatch: { flagged: true, updatedAt: T1.toISOString() } }),
      ...Array.from({ length: 30 }, (_, i) => storedMention(`https://other.example/${i % 7}`, `claim-${i % 3}`, 10 + i)),
    ];
    for (const mention of mentions) await legacy.put('mentions', mention);
    close(v3);

    const db = await openDb();
    expect(Array.from(db.objectStoreNames).sort()).toEqual(['claim-changes', 'history-pages', 'meta', 'packs']);
    const all = await listMentions(db);
    expect(byId(all)).toEqual(byId(mentions));
    // Still newest first.
    expect(all[0]).toEqual(mentions[1]);
    expect(await countMentions(db)).toBe(mentions.length);
    // One record per page, found by any of its mentions and by its claims.
    expect(await db.count('history-pages')).toBe(2 + 7);
    expect((await mentionsOnPage(db, A)).map((m) => m.id).sort()).toEqual([mentions[0]!.id, mentions[1]!.id].sort());
    for (const mention of mentions) expect(await getMention(db, mention.id)).toEqual(mention);
    expect((await mentionsOfClaim(db, 'claim-1')).map((m) => m.id).sort()).toEqual(mentions.filter((m) => m.claimId === 'claim-1').map((m) => m.id).sort());
  });

  it('an empty version-3 history upgrades to an empty one', async () => {
    close(await openDb(3));
    const db = await openDb();
    expect(await listMentions(db)).toEqual([]);
    expect(await countMentions(db)).toBe(0);
  });

  it('a page of 230 mentions is one read and one write, on a first visit and a revisit', async () => {
    const db = await openDb();
    const seen = Array.from({ length: 230 }, (_, i) => storedMention(A, `claim-${i % 9}`, i));
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    try {
      await recordSeenMentions(db, seen, undefined, { total: 0 });
      await recordSeenMentions(db, seen.map((mention) => ({ ...mention, lastSeen: T2.toISOString() })), undefined, { total: 230 });
      expect([gets.mock.calls.length, puts.mock.calls.length]).toEqual([2, 2]);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await countMentions(db)).toBe(230);
    expect((await listMentions(db)).every((m) => m.firstSeen === T0.toISOString() && m.lastSeen === T2.toISOString())).toBe(true);
  });

  it('a page believed new is added with no read; if it is not new after all, it is written as a known page, note kept', async () => {
    const db = await openDb();
    const seen = [storedMention(A, 'claim-1', 1), storedMention(A, 'claim-2', 2), storedMention(A, 'claim-1', 1)];
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      expect(await recordSeenMentions(db, seen, undefined, { total: 0, newPage: true })).toEqual({ added: 2, refused: 0, before: { onPage: 0, total: 0 } });
      expect(gets).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
    await updateMention(db, seen[0]!.id, (m) => ({ ...m, note: { text: 'kept', updatedAt: T1.toISOString() } }));
    const again = [storedMention(A, 'claim-1', 1, { lastSeen: T2.toISOString(), pageTitle: 'Again' }), storedMention(A, 'claim-3', 3)];
    // Wrongly believed new, and with room for no new mention: the known one is still updated.
    expect(await recordSeenMentions(db, again, () => 0, { total: 2, newPage: true })).toEqual({ added: 0, refused: 1, before: { onPage: 2, total: 2 } });
    expect(await getMention(db, seen[0]!.id)).toEqual({ ...seen[0]!, note: { text: 'kept', updatedAt: T1.toISOString() }, pageTitle: 'Again', lastSeen: T2.toISOString() });
    expect(await recordSeenMentions(db, again, undefined, { total: 2, newPage: true })).toEqual({ added: 1, refused: 0, before: { onPage: 2, total: 2 } });
    expect(await countMentions(db)).toBe(3);
  });

  it('a mention an import left on another page is updated where it is, keeping its note, and the page is still written', async () => {
    const db = await openDb();
    // An id computed for page B, stored (by a crafted import) under page A with a note.
    const misplaced = { ...storedMention(B, 'claim-1', 1), pageUrl: A, note: { text: 'kept', updatedAt: T1.toISOString() } };
    await importMentions(db, [misplaced]);
    const seenOnB = [storedMention(B, 'claim-1', 1), storedMention(B, 'claim-2', 2)].map((m) => ({ ...m, pageTitle: 'B again', lastSeen: T2.toISOString() }));
    expect(await recordSeenMentions(db, seenOnB)).toEqual({ added: 1, refused: 0, before: { onPage: 0, total: 1 } });
    expect(await getMention(db, misplaced.id)).toEqual({ ...misplaced, pageTitle: 'B again', anchor: seenOnB[0]!.anchor, lastSeen: T2.toISOString() });
    expect((await mentionsOnPage(db, B)).map((m) => m.id)).toEqual([seenOnB[1]!.id]);
    expect(await countMentions(db)).toBe(2);
  });

  it('an import naming another address under a stored mention\'s id leaves the reader\'s record where it is; deleting the last mention drops the page', async () => {
    const db = await openDb();
    const mention = storedMention(A, 'claim-1', 1);
    await recordSeenMentions(db, [mention]);
    // The id is A's quote's: a record saying it is B's is forged (or a collision), not the same mention seen elsewhere.
    const moved = { ...mention, pageUrl: B, pageTitle: 'Moved', lastSeen: T2.toISOString() };
    expect(await importMentions(db, [moved])).toEqual({ written: true, added: 0, updated: 0, unchanged: 1, keptNotes: 0 });
    expect(await mentionsOnPage(db, A)).toEqual([mention]);
    expect(await mentionsOnPage(db, B)).toEqual([]);
    expect(await countMentions(db)).toBe(1);

    const other = storedMention(B, 'claim-2', 2);
    await recordSeenMentions(db, [other]);
    expect(await deleteMentions(db, [mention.id, mention.id, 'urn:pledge-lens:mention:unknown'])).toBe(1);
    expect(await db.get('history-pages', A)).toBeUndefined();
    expect(await mentionsOnPage(db, B)).toEqual([other]);
    expect(await deleteMentions(db, [other.id])).toBe(1);
    expect(await db.count('history-pages')).toBe(0);
  });

  it('clearMentions says how many mentions it removed, across pages', async () => {
    const db = await openDb();
    await recordSeenMentions(db, [storedMention(A, 'claim-1', 1), storedMention(A, 'claim-1', 2)]);
    await recordSeenMentions(db, [storedMention(B, 'claim-1', 3)]);
    expect(await clearMentions(db)).toBe(3);
    expect(await listMentions(db)).toEqual([]);
  });
});

describe('a record whose id is another mention\'s (a 64-bit id can be matched on purpose) never overwrites it', () => {
  it('a sighting on another page with the stored mention\'s id leaves the reader\'s record, its quote, title and note, as they were, and is not stored', async () => {
    const db = await openDb();
    const victimText = 'Anthropic says it will publish Risk Reports every three to six months.';
    const [victim] = await recordPageMentions(db, { url: 'https://victim.example/news', title: 'Victim News', text: victimText }, [{ claimId: 'anthropic-rsp3-risk-reports', start: 0, end: victimText.length }], T0);
    await updateMention(db, victim!.id, (mention) => ({ ...mention, note: { text: 'Checked: accurate.', updatedAt: T0.toISOString() } }));
    // What a collision gives: the attack page's own page, title and quote, under the victim's id.
    const forgedText = 'Anthropic admitted it will publish Risk Reports only if regulators force it to.';
    const [forged] = mentionsSeen({ url: 'https://attacker.example/memo', title: 'Leaked memo', text: forgedText }, [{ claimId: 'anthropic-rsp3-risk-reports', start: 0, end: forgedText.length }], T1);
    await recordSeenMentions(db, [{ ...forged!, id: victim!.id }]);
    const after = await getMention(db, victim!.id);
    expect(after).toMatchObject({ pageUrl: 'https://victim.example/news', pageTitle: 'Victim News', note: { text: 'Checked: accurate.' } });
    expect(after!.anchor.exact).toBe(victimText);
    expect(await mentionsOnPage(db, 'https://attacker.example/memo')).toEqual([]);
    // The victim page seen again still updates its own record.
    await recordPageMentions(db, { url: 'https://victim.example/news', title: 'Victim News (updated)', text: victimText }, [{ claimId: 'anthropic-rsp3-risk-reports', start: 0, end: victimText.length }], T2);
    expect((await getMention(db, victim!.id))!.pageTitle).toBe('Victim News (updated)');
  });

  it('an imported record with a stored id but another page or quote is not merged into it', async () => {
    const db = await openDb();
    const text = 'Anthropic says it will publish Risk Reports every three to six months.';
    const [stored] = await recordPageMentions(db, { url: 'https://victim.example/news', title: 'Victim News', text }, [{ claimId: 'anthropic-rsp3-risk-reports', start: 0, end: text.length }], T0);
    const forged: Mention = { ...stored!, pageUrl: 'https://victim.example/news', pageTitle: 'Forged', anchor: { ...stored!.anchor, exact: 'Anthropic admitted it will publish Risk Reports only under duress.' }, lastSeen: T2.toISOString() };
    const result = await importMentions(db, [forged]);
    expect(result).toMatchObject({ added: 0, updated: 0, unchanged: 1, keptNotes: 0 });
    expect(await getMention(db, stored!.id)).toEqual(stored);
  });
});
