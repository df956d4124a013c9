import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Mention } from '../../annotations/schema';
import type { ClaimChangeRecord } from '../../claims/claim-changes';
import type { ClaimPack } from '../../claims/merge-claim-packs';
import type { ClaimIndex } from '../../match/compile-index';
import type { FeedStatus } from '../../claims/claim-set-info';
import type { FeedTrust } from '../../claims/feed-trust';
import type { SiteSettings } from '../../sites/site-settings';

export const DB_NAME = 'pledge-lens';
/** 1: claim packs and metadata (0.1). 2: annotation history (mentions). 3: changes to claims the reader met (claim-changes). */
export const DB_VERSION = 3;

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

export interface PledgeLensDb extends DBSchema {
  packs: { key: string; value: StoredPack };
  meta: { key: string; value: unknown };
  mentions: {
    key: string;
    value: Mention;
    indexes: { pageUrl: string; claimId: string; lastSeen: string };
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

function upgradeSteps(version: number): NonNullable<Parameters<typeof openDB<PledgeLensDb>>[2]>['upgrade'] {
  return (db, oldVersion) => {
    if (oldVersion < 1) {
      db.createObjectStore('packs', { keyPath: 'id' });
      db.createObjectStore('meta');
    }
    if (oldVersion < 2 && version >= 2) {
      const mentions = db.createObjectStore('mentions', { keyPath: 'id' });
      mentions.createIndex('pageUrl', 'pageUrl');
      mentions.createIndex('claimId', 'claimId');
      mentions.createIndex('lastSeen', 'lastSeen');
    }
    if (oldVersion < 3 && version >= 3) {
      db.createObjectStore('claim-changes', { keyPath: 'claimId' });
    }
  };
}

export async function readMeta<K extends MetaKey>(db: PledgeLensDatabase, key: K): Promise<MetaRecords[K] | undefined> {
  return (await db.get('meta', key)) as MetaRecords[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(db: PledgeLensDatabase, key: K, value: MetaRecords[K]): Promise<void> {
  await db.put('meta', value, key);
}
