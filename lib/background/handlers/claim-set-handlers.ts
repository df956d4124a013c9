/** Answers extension pages about claim sets: what is in use, the feed, and packs imported from files. */
import { claimSetAge } from '../../claims/claim-set-age';
import type { ClaimSetInfo, FeedStatus, PackSummary } from '../../claims/claim-set-info';
import { pinFeedKey } from '../../claims/feed-keys';
import { feedPackName, sameFeedTrust, type FeedTrust } from '../../claims/feed-trust';
import { fetchClaimFeed } from '../../claims/fetch-claim-feed';
import { parseClaimSetText } from '../../claims/parse-claim-set-text';
import { plainClaimPackError } from '../../format/reader-errors';
import type { ExtensionPageToBackground } from '../../messages/extension-page-to-background';
import type { Handlers, Result, ResponseOf } from '../../messages/message-map';
import { feedUrlProblem } from '../../sites/url';
import { FEED_PACK_ID, removePack, setPackEnabled, storeFeedPack, storeFilePack } from '../store/claim-store';
import { readMeta, writeMeta, type StoredPack } from '../store/open-database';
import type { BackgroundContext } from '../context';
import { recordClaimChanges } from './change-handlers';

type ClaimSetRequests = Pick<
  ExtensionPageToBackground,
  'get-claim-set-info' | 'set-feed-url' | 'update-feed-now' | 'import-claim-pack' | 'set-pack-enabled' | 'remove-pack'
>;

function summarise(pack: StoredPack): PackSummary {
  return {
    id: pack.id,
    name: pack.name,
    source: pack.source,
    enabled: pack.enabled,
    version: pack.claimSet.version,
    publishedAt: pack.claimSet.publishedAt,
    claimCount: pack.claimSet.claims.length,
    ...(pack.trust ? { trust: pack.trust } : {}),
  };
}

async function feedStatus(ctx: BackgroundContext): Promise<FeedStatus> {
  const { feedUrl, feedTrust } = await ctx.settings.read();
  const stored = await readMeta(ctx.db, 'feed-status');
  // The stored status may hold an older choice; the settings are the truth.
  const { trust: _storedTrust, ...status } = stored ?? { url: feedUrl };
  return { ...status, url: feedUrl, ...(feedUrl && feedTrust ? { trust: feedTrust } : {}) };
}

async function packSummaries(ctx: BackgroundContext): Promise<PackSummary[]> {
  return (await ctx.claimSets.get()).packs.map(summarise);
}

/**
 * A feed pack stored before feeds were signed was named after the `publisher` its own file claimed.
 * Nothing vouched for that name, so it is renamed for what it was: an unsigned feed.
 */
async function relabelUnvouchedFeedPack(ctx: BackgroundContext): Promise<void> {
  const pack = await ctx.db.get('packs', FEED_PACK_ID);
  if (!pack || pack.trust) return;
  const trust: FeedTrust = { kind: 'unsigned' };
  await ctx.db.put('packs', { ...pack, trust, name: feedPackName(undefined, trust, pack.feedUrl ?? '') });
  ctx.claimSets.invalidate();
}

/**
 * Checks the feed now. A rejected update keeps the last good set and says why.
 * @returns the outcome, as the options page shows it
 */
export async function updateFeed(ctx: BackgroundContext): Promise<Result<ResponseOf<ExtensionPageToBackground, 'update-feed-now'>>> {
  const { feedUrl, feedTrust } = await ctx.settings.read();
  const previous = await readMeta(ctx.db, 'feed-status');
  const checkedAt = ctx.now().toISOString();
  if (!feedUrl) return { ok: false, error: 'No claim feed is set. Add a feed URL first; the bundled set keeps working offline.' };
  await relabelUnvouchedFeedPack(ctx);
  const base: FeedStatus = { url: feedUrl, ...(previous?.lastSuccessAt ? { lastSuccessAt: previous.lastSuccessAt } : {}), lastCheckedAt: checkedAt };
  const refuse = async (message: string): Promise<{ ok: false; error: string }> => {
    const last = previous?.lastSuccessAt ? ` The claim set from the last good update (${previous.lastSuccessAt}) is still in use.` : ' The current claim set is still in use.';
    await writeMeta(ctx.db, 'feed-status', { ...base, lastError: { at: checkedAt, message } });
    return { ok: false, error: `${message}${last}` };
  };
  if (!feedTrust) {
    return refuse(
      'This feed was added before Pledge Lens checked signatures. Save it again in the Claim feed section with the publisher’s public key (or choose to accept it unsigned).',
    );
  }
  const feedPack = (await ctx.claimSets.get()).packs.find((pack) => pack.id === FEED_PACK_ID && pack.feedUrl === feedUrl);
  // Another key (or unsigned ↔ signed) since the pack was stored: fetch in full and re-vouch even the same version.
  const sameVoucher = feedPack !== undefined && sameFeedTrust(feedPack.trust, feedTrust);
  const result = await fetchClaimFeed({
    url: feedUrl,
    ...(feedPack ? { currentVersion: feedPack.claimSet.version } : {}),
    ...(feedPack?.etag && sameVoucher ? { etag: feedPack.etag } : {}),
    ...(feedPack && !sameVoucher ? { replaceSameVersion: true } : {}),
    ...(feedTrust.kind === 'pinned' ? { publicKey: feedTrust } : {}),
    ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
    now: ctx.now,
    // Loopback is the reader's own machine: a local feed server needs no TLS to be private.
    allowLoopbackHttp: true,
  });
  if (result.status === 'rejected') return refuse(result.message);
  if (result.status === 'updated') {
    const name = feedPackName(result.claimSet.publisher, feedTrust, feedUrl);
    const before = await ctx.changes.snapshot();
    await storeFeedPack(ctx.db, result.claimSet, feedUrl, result.etag, ctx.now(), { name, trust: feedTrust });
    ctx.claimSets.invalidate();
    await recordClaimChanges(ctx, before);
  }
  const status: FeedStatus = { ...base, lastSuccessAt: checkedAt };
  await writeMeta(ctx.db, 'feed-status', status);
  return { ok: true, status: result.status, feed: { ...status, trust: feedTrust } };
}

/**
 * The reader's choice for a feed URL: the pinned key, or an explicit "unsigned".
 * @returns the choice, or the message saying what is missing or wrong
 */
async function chooseFeedTrust(publicKey: string | undefined, allowUnsigned: boolean | undefined): Promise<FeedTrust | string> {
  const key = publicKey?.trim() ?? '';
  if (key && allowUnsigned) return 'Either pin the publisher’s public key or accept the feed unsigned, not both.';
  if (key) {
    const pinned = await pinFeedKey(key);
    return pinned.ok ? pinned.key : pinned.error;
  }
  if (allowUnsigned) return { kind: 'unsigned' };
  return 'Paste the feed publisher’s public key, so that Pledge Lens accepts only updates they signed, or choose to accept the feed unsigned.';
}

export function claimSetHandlers(ctx: BackgroundContext): Handlers<ClaimSetRequests, undefined> {
  return {
    'get-claim-set-info': async () => {
      const compiled = await ctx.claimSets.get();
      const age = compiled.publishedAt ? claimSetAge(compiled.publishedAt, ctx.now()) : undefined;
      const info: ClaimSetInfo = {
        version: compiled.version,
        ...(compiled.publishedAt ? { publishedAt: compiled.publishedAt } : {}),
        ...(age ? { ageDays: age.days } : {}),
        stale: age?.stale ?? false,
        claimCount: compiled.claims.size,
        packs: compiled.packs.map(summarise),
        feed: await feedStatus(ctx),
      };
      return { ok: true, ...info };
    },
    'set-feed-url': async (request) => {
      const url = request.url.trim();
      let trust: FeedTrust | undefined;
      if (url) {
        let parsed: URL;
        try {
          parsed = new URL(url);
        } catch {
          return { ok: false, error: `"${url}" is not a URL.` };
        }
        if (feedUrlProblem(parsed, true)) return { ok: false, error: 'A claim feed must be an https:// URL.' };
        if (parsed.username || parsed.password) return { ok: false, error: 'A feed URL must not contain a user name or password.' };
        const chosen = await chooseFeedTrust(request.publicKey, request.allowUnsigned);
        if (typeof chosen === 'string') return { ok: false, error: chosen };
        trust = chosen;
      }
      const stored = await ctx.settings.update((current) => {
        const { feedTrust: _previous, ...rest } = current;
        return { ...rest, feedUrl: url, ...(trust ? { feedTrust: trust } : {}) };
      });
      if (typeof stored === 'string') return { ok: false, error: stored };
      return { ok: true, feed: await feedStatus(ctx) };
    },
    'update-feed-now': () => updateFeed(ctx),
    'import-claim-pack': async (request) => {
      const result = parseClaimSetText(request.text);
      if (!result.ok) return { ok: false, error: plainClaimPackError(result) };
      const before = await ctx.changes.snapshot();
      const pack = await storeFilePack(ctx.db, request.name, result.claimSet, ctx.now());
      ctx.claimSets.invalidate();
      await recordClaimChanges(ctx, before);
      return { ok: true, pack: summarise(pack) };
    },
    'set-pack-enabled': async (request) => {
      await setPackEnabled(ctx.db, request.packId, request.enabled);
      ctx.claimSets.invalidate();
      return { ok: true, packs: await packSummaries(ctx) };
    },
    'remove-pack': async (request) => {
      const removed = await removePack(ctx.db, request.packId);
      if (!removed) return { ok: false, error: request.packId === 'bundled' ? 'The bundled set cannot be removed; switch it off instead.' : 'No such pack.' };
      ctx.claimSets.invalidate();
      return { ok: true, packs: await packSummaries(ctx) };
    },
  };
}
