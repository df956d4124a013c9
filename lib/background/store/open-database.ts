import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Mention } from '../../annotations/schema';
import type { ClaimChangeRecord } from '../../claims/claim-changes';
import type { ClaimPack } from '../../claims/merge-claim-packs';
import type { ClaimIndex } from '../../match/compile-index';
import type { FeedStatus } from '../../claims/claim-set-info';
import type { FeedTrust } from '../../claims/feed-trust';
import type { SiteSettings } from '../../sites/site-settings';

export const DB_NAME = 'pledge-lens';
/**
 * 1: claim packs and metadata (0.1). 2: annotation history (mentions). 3: changes to claims the reader
 * met (claim-changes). 4: the history as one record per page (history-pages; mentions moved, then dropped).
 */
export const DB_VERSION = 4;

/** A pack as stored: the feed's ETag and URL travel with it so conditional requests survive restarts. */
export interface StoredPack extends ClaimPack {
  etag?: string;
  feedUrl?: string;
  /** Feed packs: who vouched for this set when it was stored (the pinned key, or unsigned). */
  trust?: FeedTrust;
}

/** The reader's settings. `revision` grows with every write, so a stale page cannot overwrite a newer change. */
export interface StoredSettings extends SiteSettings {
  feedUrl: string;
  /** How the feed is vouched for: the publisher key the reader pinned, or an explicit "unsigned". */
  feedTrust?: FeedTrust;
  revision?: number;
}

export interface MetaRecords {
  settings: StoredSettings;
  'feed-status': FeedStatus;
  /** The last compiled index, reused by a cold start when `key` still matches (see ClaimSetCache). */
  'compiled-index': { key: string; index: ClaimIndex };
  /** The build whose bundled set was last validated and seeded (BackgroundService.init skips both for it). */
  'bundled-seed': { buildId: string };
}
export type MetaKey = keyof MetaRecords;

/**
 * One page of the reader's history: every mention seen on it (each with this `pageUrl`; an id is
 * never on two pages). A page's mentions are written as one record, so a page read costs one read
 * and one write however many mentions it has.
 */
export interface HistoryPage {
  pageUrl: string;
  mentions: Mention[];
  /** Index keys only, kept equal to the mentions' ids and their distinct claim ids (`historyPage` builds them). */
  mentionIds: string[];
  claimIds: string[];
}

export interface PledgeLensDb extends DBSchema {
  packs: { key: string; value: StoredPack };
  meta: { key: string; value: unknown };
  /** Indexes are multi-entry: `mentionId` finds a mention's page (unique: an id lives on one page), `claimId` the pages naming a claim. */
  'history-pages': {
    key: string;
    value: HistoryPage;
    indexes: { mentionId: string; claimId: string };
  };
  /** "Changed since you read it": one record per claim the reader met that an update changed. */
  'claim-changes': { key: string; value: ClaimChangeRecord };
}

export type PledgeLensDatabase = IDBPDatabase<PledgeLensDb>;

/** Said when an upgrade waits on a connection of an older version that does not close. */
export const UPGRADE_BLOCKED =
  'Pledge Lens could not update its database because an older copy of Pledge Lens still holds it open. Close other browser windows, or restart the browser.';

/**
 * Opens (and upgrades) the database. Each step runs only for databases older than it, so a 0.1
 * database keeps its packs and metadata and merely gains the mentions store. Our own connections
 * close when a newer version asks (`blocking`), so an upgrade is blocked only by something we do not
 * control, and then fails with `UPGRADE_BLOCKED` instead of hanging.
 * @throws Error(UPGRADE_BLOCKED), or whatever IndexedDB throws (no room, private mode)
 */
export function openPledgeLensDb(version: number = DB_VERSION): Promise<PledgeLensDatabase> {
  return new Promise((resolve, reject) => {
    openDB<PledgeLensDb>(DB_NAME, version, {
      blocked: () => reject(new Error(UPGRADE_BLOCKED)),
      blocking: (_current, _next, event) => (event.target as IDBDatabase | null)?.close(),
      upgrade: upgradeSteps(version),
    }).then(resolve, reject);
  });
}

/** A page's record with its index keys filled in from its mentions. */
export function historyPage(pageUrl: string, mentions: Mention[]): HistoryPage {
  return { pageUrl, mentions, mentionIds: mentions.map((mention) => mention.id), claimIds: [...new Set(mentions.map((mention) => mention.claimId))] };
}

/** The version 2 and 3 history store, one record per mention: read once by the version 4 upgrade, then dropped. */
interface LegacyMentionsDb extends DBSchema {
  mentions: { key: string; value: Mention; indexes: { pageUrl: string; claimId: string; lastSeen: string } };
}
type AnyUpgradeTransaction = IDBPTransaction<PledgeLensDb, StoreNames<PledgeLensDb>[], 'versionchange'>;
type LegacyUpgradeTransaction = IDBPTransaction<LegacyMentionsDb, ['mentions'], 'versionchange'>;

/**
 * Version 4: every stored mention moves into its page's record, then the per-mention store goes. The
 * old store is walked in `pageUrl` order, so one page is held at a time (a 100,000-mention history is
 * never all in memory). Runs inside the upgrade transaction: a failure aborts the upgrade and leaves
 * version 3 as it was.
 */
async function moveMentionsToPages(transaction: AnyUpgradeTransaction): Promise<void> {
  const legacy = transaction as unknown as LegacyUpgradeTransaction;
  const pages = transaction.objectStore('history-pages');
  let cursor = await legacy.objectStore('mentions').index('pageUrl').openCursor();
  let pageUrl: string | undefined;
  let mentions: Mention[] = [];
  while (cursor) {
    if (cursor.value.pageUrl !== pageUrl) {
      if (pageUrl !== undefined) await pages.put(historyPage(pageUrl, mentions));
      pageUrl = cursor.value.pageUrl;
      mentions = [];
    }
    mentions.push(cursor.value);
    cursor = await cursor.continue();
  }
  if (pageUrl !== undefined) await pages.put(historyPage(pageUrl, mentions));
  transaction.db.deleteObjectStore('mentions' as never);
}

function upgradeSteps(version: number): NonNullable<Parameters<typeof openDB<PledgeLensDb>>[2]>['upgrade'] {
  return (db, oldVersion, _newVersion, transaction) => {
    // Steps 2 and 3 build the old shape; typed apart, since version 4 no longer has it.
    const legacyDb = db as unknown as IDBPDatabase<LegacyMentionsDb>;
    if (oldVersion < 1) {
      db.createObjectStore('packs', { keyPath: 'id' });
      db.createObjectStore('meta');
    }
    if (oldVersion < 2 && version >= 2) {
      const mentions = legacyDb.createObjectStore('mentions', { keyPath: 'id' });
      mentions.createIndex('pageUrl', 'pageUrl');
      mentions.createIndex('claimId', 'claimId');
      mentions.createIndex('lastSeen', 'lastSeen');
    }
    if (oldVersion < 3 && version >= 3) {
      db.createObjectStore('claim-changes', { keyPath: 'claimId' });
    }
    if (oldVersion < 4 && version >= 4) {
      const pages = db.createObjectStore('history-pages', { keyPath: 'pageUrl' });
      pages.createIndex('mentionId', 'mentionIds', { multiEntry: true, unique: true });
      pages.createIndex('claimId', 'claimIds', { multiEntry: true });
      // A failed move aborts the upgrade (the open then fails and says why); nothing is half-moved.
      moveMentionsToPages(transaction).catch(() => {
        // A failed request has aborted the transaction already; abort() then throws, and there is nothing more to undo.
        try {
          transaction.abort();
        } catch {
          /* already aborted */
        }
      });
    }
  };
}

export async function readMeta<K extends MetaKey>(db: PledgeLensDatabase, key: K): Promise<MetaRecords[K] | undefined> {
  return (await db.get('meta', key)) as MetaRecords[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(db: PledgeLensDatabase, key: K, value: MetaRecords[K]): Promise<void> {
  await db.put('meta', value, key);
}
