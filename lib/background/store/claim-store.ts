import type { ClaimSet } from '../../claims/schema';
import { compareVersions } from '../../claims/compare-versions';
import type { FeedTrust } from '../../claims/feed-trust';
import type { PledgeLensDatabase, StoredPack } from './open-database';

export const BUNDLED_PACK_ID = 'bundled';
export const FEED_PACK_ID = 'feed';

/**
 * Seeds the bundled claim set on first run, and replaces it when an extension update ships a newer
 * one. Other packs are never touched here: they are the reader's.
 */
export async function ensureBundledPack(db: PledgeLensDatabase, bundled: ClaimSet, now: Date): Promise<StoredPack> {
  const tx = db.transaction('packs', 'readwrite');
  const existing = await tx.store.get(BUNDLED_PACK_ID);
  if (existing && compareVersions(existing.claimSet.version, bundled.version) >= 0) {
    await tx.done;
    return existing;
  }
  const pack: StoredPack = {
    id: BUNDLED_PACK_ID,
    name: bundled.publisher ?? 'Pledge Lens default set',
    enabled: existing?.enabled ?? true,
    source: 'bundled',
    claimSet: bundled,
    installedAt: now.toISOString(),
  };
  await tx.store.put(pack);
  await tx.done;
  return pack;
}

export function listPacks(db: PledgeLensDatabase): Promise<StoredPack[]> {
  return db.getAll('packs');
}

/**
 * Stores the feed's set. `vouch` names it honestly (feed-trust.ts `feedPackName`): the card's footer
 * shows this name, so it must say which key signed the set, or that nobody did.
 */
export async function storeFeedPack(
  db: PledgeLensDatabase,
  claimSet: ClaimSet,
  feedUrl: string,
  etag: string | undefined,
  now: Date,
  vouch: { name: string; trust: FeedTrust },
): Promise<StoredPack> {
  const existing = await db.get('packs', FEED_PACK_ID);
  const pack: StoredPack = {
    id: FEED_PACK_ID,
    name: vouch.name,
    enabled: existing?.enabled ?? true,
    source: 'feed',
    claimSet,
    installedAt: now.toISOString(),
    feedUrl,
    trust: vouch.trust,
    ...(etag ? { etag } : {}),
  };
  await db.put('packs', pack);
  return pack;
}

export async function storeFilePack(db: PledgeLensDatabase, name: string, claimSet: ClaimSet, now: Date): Promise<StoredPack> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'pack';
  const pack: StoredPack = {
    id: `file-${slug}`,
    name: claimSet.publisher ? `${name} (${claimSet.publisher})` : name,
    enabled: true,
    source: 'file',
    claimSet,
    installedAt: now.toISOString(),
  };
  await db.put('packs', pack);
  return pack;
}

export async function setPackEnabled(db: PledgeLensDatabase, packId: string, enabled: boolean): Promise<void> {
  const tx = db.transaction('packs', 'readwrite');
  const pack = await tx.store.get(packId);
  if (pack) await tx.store.put({ ...pack, enabled });
  await tx.done;
}

/** Removes a reader's pack. The bundled set cannot be removed (only switched off): it is the offline fallback. */
export async function removePack(db: PledgeLensDatabase, packId: string): Promise<boolean> {
  if (packId === BUNDLED_PACK_ID) return false;
  const tx = db.transaction('packs', 'readwrite');
  const exists = (await tx.store.get(packId)) !== undefined;
  if (exists) await tx.store.delete(packId);
  await tx.done;
  return exists;
}
