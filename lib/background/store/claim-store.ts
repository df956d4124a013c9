import { UNSAFE_TEXT, type ClaimSet } from '../../claims/schema';
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

/** What claim-set text may not hold (controls, unpaired surrogates, bidi overrides), every occurrence. */
const UNSAFE_IN_NAME = new RegExp(UNSAFE_TEXT.source, 'gu');

/**
 * A file pack's name as lists and the card's footer show it: says in our words that it came from a file,
 * and that the publisher is only what the file states (`File “Example Watch”, publisher as stated: Example
 * Lab`). The name and publisher are the file's to choose: as `${name} (${publisher})` a publisher
 * "signed, key 3F2A …" read exactly like a verified feed's label, and a file named "Pledge Lens" like the
 * bundled set.
 */
export function filePackName(name: string, publisher: string | undefined): string {
  // The publisher passed the claim-set schema; the file's name did not: a bidi override in it would turn
  // round the words after it.
  const file = name.replace(UNSAFE_IN_NAME, '');
  return publisher ? `File “${file}”, publisher as stated: ${publisher}` : `File “${file}”`;
}

/** The name file packs were stored under before filePackName said "File": a re-import still replaces such a pack. */
function legacyFilePackName(name: string, publisher: string | undefined): string {
  return publisher ? `${name} (${publisher})` : name;
}

/** The id part a file name gives: its letters, marks and digits in any script ("声明" stays "声明"), at most 60 of them. */
function filePackSlug(name: string): string {
  const slug = name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  // By code point, so a letter outside the BMP is never cut in half.
  return Array.from(slug).slice(0, 60).join('').replace(/-$/, '') || 'pack';
}

/**
 * Stores a pack imported from a file. Importing a file of the same name again replaces its pack (that
 * is how a reader installs a newer version of it); a file of another name whose id would be the same
 * ("My pack" and "my-pack", two names that share their first 60 letters) gets the next free id
 * (`file-my-pack-2`, `-3`, ...) instead of silently replacing the other pack.
 * @param name the file's name without extension, as the options page sends it
 * @returns the stored pack (id `file-<slug>` or `file-<slug>-<n>`)
 */
export async function storeFilePack(db: PledgeLensDatabase, name: string, claimSet: ClaimSet, now: Date): Promise<StoredPack> {
  const slug = filePackSlug(name);
  const tx = db.transaction('packs', 'readwrite');
  let id = `file-${slug}`;
  for (let n = 2; ; n++) {
    const existing = await tx.store.get(id);
    // The same file again: its pack is stored under the name that file gives, with the publisher it named.
    const sameFile = (label: typeof filePackName) => existing?.source === 'file' && existing.name === label(name, existing.claimSet.publisher);
    if (!existing || sameFile(filePackName) || sameFile(legacyFilePackName)) break;
    id = `file-${slug}-${n}`;
  }
  const pack: StoredPack = {
    id,
    name: filePackName(name, claimSet.publisher),
    enabled: true,
    source: 'file',
    claimSet,
    installedAt: now.toISOString(),
  };
  await tx.store.put(pack);
  await tx.done;
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
