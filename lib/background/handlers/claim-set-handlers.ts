/** Answers extension pages about claim sets: what is in use, the feed, and packs imported from files. */
import { claimSetAge } from '../../claims/claim-set-age';
import type { ClaimSetInfo, FeedStatus, PackSummary } from '../../claims/claim-set-info';
import { pinFeedKey } from '../../claims/feed-keys';
import { feedPackName, sameFeedTrust, type FeedTrust } from '../../claims/feed-trust';
import { fetchClaimFeed } from '../../claims/fetch-claim-feed';
import { parseClaimSetText } from '../../claims/parse-claim-set-text';
import { claimPackFailure, failed } from '../../format/reader-errors';
import type { ExtensionPageToBackground } from '../../messages/extension-page-to-background';
import type { Handlers, Result, ResponseOf } from '../../messages/message-map';
import type { FeedProblem, ReaderFailure } from '../../messages/reader-failure';
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
  if (!feedUrl) return failed({ code: 'feed-setting', problem: 'no-feed' });
  await relabelUnvouchedFeedPack(ctx);
  const base: FeedStatus = { url: feedUrl, ...(previous?.lastSuccessAt ? { lastSuccessAt: previous.lastSuccessAt } : {}), lastCheckedAt: checkedAt };
  // `error` keeps the fetch's own English (logs, tests); the page words `failure` for the reader.
  const refuse = async (message: string, problem: FeedProblem): Promise<{ ok: false; error: string; failure: ReaderFailure }> => {
    const lastGoodAt = previous?.lastSuccessAt;
    const last = lastGoodAt ? ` The claim set from the last good update (${lastGoodAt}) is still in use.` : ' The current claim set is still in use.';
    await writeMeta(ctx.db, 'feed-status', { ...base, lastError: { at: checkedAt, message, problem } });
    return { ok: false, error: `${message}${last}`, failure: { code: 'feed', problem, ...(lastGoodAt ? { lastGoodAt } : {}) } };
  };
  if (!feedTrust) {
    return refuse(
      'This feed was added before Pledge Lens checked signatures. Save it again in the Claim feed section with the publisher’s public key (or choose to accept it unsigned).',
      { reason: 'unvouched' },
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
  if (result.status === 'rejected') return refuse(result.message, result.problem);
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
 * @returns the choice, or the refusal: a failure the page words, or the key reader's own sentence for a key it cannot use
 */
async function chooseFeedTrust(publicKey: string | undefined, allowUnsigned: boolean | undefined): Promise<{ trust: FeedTrust } | { ok: false; error: string; failure?: ReaderFailure }> {
  const key = publicKey?.trim() ?? '';
  if (key && allowUnsigned) return failed({ code: 'feed-setting', problem: 'key-and-unsigned' });
  if (key) {
    const pinned = await pinFeedKey(key);
    return pinned.ok ? { trust: pinned.key } : { ok: false, error: pinned.error };
  }
  if (allowUnsigned) return { trust: { kind: 'unsigned' } };
  return failed({ code: 'feed-setting', problem: 'key-needed' });
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
          return failed({ code: 'feed-setting', problem: 'not-a-url', url });
        }
        // Plain http only to this machine (a local feed server for tests and development). Elsewhere
        // anyone on the path could swap the claims; an unsigned feed, with no signature to catch it,
        // hears that in its own words.
        if (feedUrlProblem(parsed, true)) return failed({ code: 'feed-setting', problem: 'not-https', ...(request.allowUnsigned ? { unsigned: true as const } : {}) });
        // The URL parser takes "*" in a host, where a permission pattern reads it as "every site"
        // (feed-access.ts); no feed can be at such a host, so it is no URL for one.
        if (parsed.hostname.includes('*')) return failed({ code: 'feed-setting', problem: 'not-a-url', url });
        if (parsed.username || parsed.password) return failed({ code: 'feed-setting', problem: 'credentials' });
        const chosen = await chooseFeedTrust(request.publicKey, request.allowUnsigned);
        if (!('trust' in chosen)) return chosen;
        trust = chosen.trust;
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
      if (!result.ok) return failed(claimPackFailure(result));
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
      if (!removed) return failed({ code: 'pack-not-removable', bundled: request.packId === 'bundled' });
      ctx.claimSets.invalidate();
      return { ok: true, packs: await packSummaries(ctx) };
    },
  };
}
