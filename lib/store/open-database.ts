import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Mention } from '../annotations/schema';
import type { ClaimPack } from '../claims/merge-claim-packs';

export const DB_NAME = 'pledge-lens';
/** 1: claim packs and metadata (0.1). 2: annotation history (mentions). */
export const DB_VERSION = 2;

/** A pack as stored: the feed's ETag and URL travel with it so conditional requests survive restarts. */
export interface StoredPack extends ClaimPack {
  etag?: string;
  feedUrl?: string;
}

export interface MetaRecords {
  settings: {
    /** 'all-sites': everywhere except `disabledSites`; 'allow-list': only on `allowedSites` (and their subdomains). */
    siteMode: 'all-sites' | 'allow-list';
    disabledSites: string[];
    allowedSites: string[];
    feedUrl: string;
  };
  'feed-status': { url: string; lastSuccessAt?: string; lastCheckedAt?: string; lastError?: { at: string; message: string } };
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
}

export type PledgeLensDatabase = IDBPDatabase<PledgeLensDb>;

/**
 * Opens (and upgrades) the database. Each step runs only for databases older than it, so a 0.1
 * database keeps its packs and metadata and merely gains the mentions store.
 */
export function openPledgeLensDb(version: number = DB_VERSION): Promise<PledgeLensDatabase> {
  return openDB<PledgeLensDb>(DB_NAME, version, {
    upgrade(db, oldVersion) {
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
    },
  });
}

export async function readMeta<K extends MetaKey>(db: PledgeLensDatabase, key: K): Promise<MetaRecords[K] | undefined> {
  return (await db.get('meta', key)) as MetaRecords[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(db: PledgeLensDatabase, key: K, value: MetaRecords[K]): Promise<void> {
  await db.put('meta', value, key);
}
