/**
 * Everything the background answers, with no extension APIs: the background entrypoint only wires
 * this to `runtime.onMessage`, alarms and commands, so Node tests exercise the real logic.
 */
import { exportFileName, exportMimeType, type ExportFormat } from '../annotations/download-name';
import { exportCsv } from '../annotations/export-csv';
import { exportMarkdown } from '../annotations/export-markdown';
import { exportW3c } from '../annotations/export-w3c';
import { hostOnSite, siteHost } from '../annotations/filter-mentions';
import { parseAnnotationExport } from '../annotations/import-annotations';
import type { Mention } from '../annotations/schema';
import { claimSetAge } from '../claims/claim-set-age';
import { fetchClaimFeed } from '../claims/fetch-claim-feed';
import { validateClaimPackFile, type PackedClaim } from '../claims/merge-claim-packs';
import type { Claim } from '../claims/schema';
import { describeClaimSetIssues, validateClaimSet } from '../claims/validate-claim-set';
import { compileClaimIndex, type ClaimIndex } from '../match/compile-index';
import { matchClaims } from '../match/match-claims';
import type {
  BackgroundRequest,
  BackgroundRequestType,
  ClaimCardData,
  ClaimSetInfo,
  FeedStatus,
  PackSummary,
  RequestOf,
  ResponseOf,
} from '../messages/protocol';
import {
  activeClaims,
  ensureBundledPack,
  FEED_PACK_ID,
  listPacks,
  packsSignature,
  removePack,
  setPackEnabled,
  storeFeedPack,
  storeFilePack,
} from '../store/claim-store';
import { clearMentions, deleteMentions, importMentions, listMentions, recordPageMentions, updateMention } from '../store/mention-store';
import { readMeta, writeMeta, type MetaRecords, type PledgeLensDatabase, type StoredPack } from '../store/open-database';

export interface ServiceOptions {
  /** Reads the bundled default claim set (a file inside the extension). */
  loadBundled: () => Promise<unknown>;
  now?: () => Date;
  fetch?: typeof fetch;
}

interface CompiledClaims {
  signature: string;
  index: ClaimIndex;
  claims: Map<string, PackedClaim>;
  version: string;
  publishedAt: string;
}

const DEFAULT_SETTINGS: MetaRecords['settings'] = { siteMode: 'all-sites', disabledSites: [], allowedSites: [], feedUrl: '' };

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function hostCovered(host: string, sites: readonly string[]): boolean {
  return sites.some((site) => hostOnSite(host, site));
}

/**
 * A site as the reader typed it ("https://www.Example.com/x", "*.example.com") to a bare host, or
 * undefined. Stricter than `siteHost`: a list entry must look like a real host name.
 */
export function normaliseSite(input: string): string | undefined {
  const host = siteHost(input);
  return host && /^[a-z0-9.-]+$/.test(host) && (host.includes('.') || host === 'localhost') ? host : undefined;
}

export function siteEnabled(settings: MetaRecords['settings'], url: string): boolean {
  const host = hostOf(url);
  if (!host) return settings.siteMode !== 'allow-list';
  return settings.siteMode === 'allow-list' ? hostCovered(host, settings.allowedSites) : !hostCovered(host, settings.disabledSites);
}

export function toCardData(claim: PackedClaim): ClaimCardData {
  return {
    id: claim.id,
    statement: claim.statement,
    kind: claim.kind,
    force: claim.force,
    status: claim.status,
    statusDate: claim.statusDate,
    actorName: claim.actor.name,
    rationale: claim.rationale,
    confidence: claim.confidence,
    sources: claim.sources,
    history: claim.history,
    packName: claim.packName,
  };
}

function summarise(pack: StoredPack): PackSummary {
  return {
    id: pack.id,
    name: pack.name,
    source: pack.source,
    enabled: pack.enabled,
    version: pack.claimSet.version,
    publishedAt: pack.claimSet.publishedAt,
    claimCount: pack.claimSet.claims.length,
  };
}

type Handlers = { [K in BackgroundRequestType]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export class PledgeLensService {
  private compiled?: CompiledClaims;
  private compiling?: Promise<CompiledClaims>;
  private readonly now: () => Date;

  constructor(
    private readonly db: PledgeLensDatabase,
    private readonly options: ServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Seeds the bundled set on first run. A broken bundle is a build bug: fail loudly. */
  async init(): Promise<void> {
    const validation = validateClaimSet(await this.options.loadBundled());
    if (!validation.ok) throw new Error(`The bundled claim set is invalid:\n${describeClaimSetIssues(validation.issues)}`);
    await ensureBundledPack(this.db, validation.claimSet, this.now());
  }

  /** The compiled index for the enabled packs, rebuilt only when the packs change. */
  async claims(): Promise<CompiledClaims> {
    const packs = await listPacks(this.db);
    const signature = packsSignature(packs);
    if (this.compiled?.signature === signature) return this.compiled;
    if (!this.compiling) {
      this.compiling = (async () => {
        const merged = await activeClaims(this.db);
        const newest = packs.filter((pack) => pack.enabled).sort((a, b) => b.claimSet.publishedAt.localeCompare(a.claimSet.publishedAt))[0];
        const version = packs.filter((pack) => pack.enabled).map((pack) => `${pack.id}@${pack.claimSet.version}`).join('+') || 'none';
        const result: CompiledClaims = {
          signature,
          index: compileClaimIndex(merged.claims, version),
          claims: new Map(merged.claims.map((claim) => [claim.id, claim])),
          version,
          publishedAt: newest?.claimSet.publishedAt ?? '1970-01-01',
        };
        this.compiled = result;
        return result;
      })().finally(() => {
        this.compiling = undefined;
      });
    }
    return this.compiling;
  }

  async settings(): Promise<MetaRecords['settings']> {
    return { ...DEFAULT_SETTINGS, ...(await readMeta(this.db, 'settings')) };
  }

  async feedStatus(): Promise<FeedStatus> {
    const settings = await this.settings();
    const status = await readMeta(this.db, 'feed-status');
    return { ...status, url: settings.feedUrl };
  }

  /** Answers one validated request. */
  handle<K extends BackgroundRequestType>(request: RequestOf<K>): Promise<ResponseOf<K>> {
    const handler = this.handlers[request.type as K] as (request: RequestOf<K>) => Promise<ResponseOf<K>>;
    return handler(request);
  }

  private async claimMap(): Promise<Map<string, Claim>> {
    return (await this.claims()).claims;
  }

  private async exportMentions(format: ExportFormat, mentions: Mention[]): Promise<string> {
    const claims = await this.claimMap();
    const generatedAt = this.now().toISOString();
    if (format === 'csv') return exportCsv(mentions, claims);
    if (format === 'markdown') return exportMarkdown(mentions, claims, { generatedAt, includeWrongMatches: true });
    return JSON.stringify(exportW3c(mentions, claims, { generatedAt, includeWrongMatches: true }), null, 2);
  }

  async updateFeed(): Promise<ResponseOf<'update-feed-now'>> {
    const settings = await this.settings();
    const previous = await readMeta(this.db, 'feed-status');
    const checkedAt = this.now().toISOString();
    if (!settings.feedUrl) return { ok: false, error: 'No claim feed is set. Add a feed URL first; the bundled set keeps working offline.' };
    const packs = await listPacks(this.db);
    const feedPack = packs.find((pack) => pack.id === FEED_PACK_ID && pack.feedUrl === settings.feedUrl);
    const result = await fetchClaimFeed({
      url: settings.feedUrl,
      ...(feedPack ? { currentVersion: feedPack.claimSet.version } : {}),
      ...(feedPack?.etag ? { etag: feedPack.etag } : {}),
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      now: this.now,
      // Loopback is the reader's own machine: a local feed server needs no TLS to be private.
      allowLoopbackHttp: true,
    });
    const base = { url: settings.feedUrl, ...(previous?.lastSuccessAt ? { lastSuccessAt: previous.lastSuccessAt } : {}), lastCheckedAt: checkedAt };
    if (result.status === 'rejected') {
      const last = previous?.lastSuccessAt ? ` The claim set from the last good update (${previous.lastSuccessAt}) is still in use.` : ' The current claim set is still in use.';
      const status: FeedStatus = { ...base, lastError: { at: checkedAt, message: result.message } };
      await writeMeta(this.db, 'feed-status', status);
      return { ok: false, error: `${result.message}${last}` };
    }
    if (result.status === 'updated') await storeFeedPack(this.db, result.claimSet, settings.feedUrl, result.etag, this.now());
    const status: FeedStatus = { ...base, lastSuccessAt: checkedAt };
    await writeMeta(this.db, 'feed-status', status);
    return { ok: true, status: result.status, feed: status };
  }

  private readonly handlers: Handlers = {
    'match-page': async (request) => {
      const settings = await this.settings();
      if (!siteEnabled(settings, request.url)) return { ok: false, error: 'Pledge Lens is off on this site.' };
      const compiled = await this.claims();
      // A changed region is matched with the text before it (actor look-back) but only its own
      // sentences count; anchors see the text around it; offsets go back in page coordinates.
      const before = request.contextBefore ?? '';
      const after = request.contextAfter ?? '';
      const offset = request.offset ?? 0;
      const found = matchClaims(before + request.text, compiled.index).filter((match) => match.start >= before.length);
      const mentions = found.length
        ? await recordPageMentions(
            this.db,
            { url: request.url, title: request.title, text: before + request.text + after, offset: offset - before.length },
            found,
            this.now(),
          )
        : [];
      const claims: Record<string, ClaimCardData> = {};
      for (const match of found) {
        const claim = compiled.claims.get(match.claimId);
        if (claim) claims[claim.id] = toCardData(claim);
      }
      return {
        ok: true,
        claimSetVersion: compiled.version,
        claims,
        matches: found.map((match, i) => {
          const mention = mentions[i]!;
          return {
            ...match,
            start: match.start - before.length + offset,
            end: match.end - before.length + offset,
            mentionId: mention.id,
            ...(mention.note?.text ? { note: mention.note.text } : {}),
            ...(mention.wrongMatch?.flagged ? { wrongMatch: true } : {}),
          };
        }),
      };
    },
    'get-site-enabled': async (request) => ({ enabled: siteEnabled(await this.settings(), request.url) }),
    'set-site-enabled': async (request) => {
      const settings = await this.settings();
      const host = hostOf(request.url);
      if (!host) return { enabled: siteEnabled(settings, request.url) };
      // The popup's switch edits whichever list the mode uses; switching on removes covering entries too.
      const without = (sites: string[]) => sites.filter((site) => !hostOnSite(host, site));
      const next =
        settings.siteMode === 'allow-list'
          ? { ...settings, allowedSites: request.enabled ? [...without(settings.allowedSites), host] : without(settings.allowedSites) }
          : { ...settings, disabledSites: request.enabled ? without(settings.disabledSites) : [...without(settings.disabledSites), host] };
      await writeMeta(this.db, 'settings', next);
      return { enabled: siteEnabled(next, request.url) };
    },
    'get-site-settings': async () => {
      const { siteMode, allowedSites, disabledSites } = await this.settings();
      return { siteMode, allowedSites, disabledSites };
    },
    'set-site-settings': async (request) => {
      const clean = (sites: string[], field: string): string[] | string => {
        const out = new Set<string>();
        for (const site of sites) {
          if (!site.trim()) continue;
          const host = normaliseSite(site);
          if (!host) return `"${site}" in ${field} is not a site name (try example.com).`;
          out.add(host);
        }
        return [...out].sort();
      };
      const allowedSites = clean(request.allowedSites, 'the allowed sites');
      if (typeof allowedSites === 'string') return { ok: false, error: allowedSites };
      const disabledSites = clean(request.disabledSites, 'the switched-off sites');
      if (typeof disabledSites === 'string') return { ok: false, error: disabledSites };
      const settings = { ...(await this.settings()), siteMode: request.siteMode, allowedSites, disabledSites };
      await writeMeta(this.db, 'settings', settings);
      return { ok: true, settings: { siteMode: settings.siteMode, allowedSites, disabledSites } };
    },
    'get-claim-set-info': async () => {
      const compiled = await this.claims();
      const age = claimSetAge(compiled.publishedAt, this.now());
      const info: ClaimSetInfo = {
        version: compiled.version,
        publishedAt: compiled.publishedAt,
        ageDays: age.days,
        stale: age.stale,
        claimCount: compiled.claims.size,
        packs: (await listPacks(this.db)).map(summarise),
        feed: await this.feedStatus(),
      };
      return info;
    },
    'set-note': async (request) => {
      const updatedAt = this.now().toISOString();
      const mention = await updateMention(this.db, request.mentionId, (m) => ({ ...m, note: { text: request.text, updatedAt } }));
      return mention ? { ok: true, mention } : { ok: false, error: 'That mention is no longer stored.' };
    },
    'set-wrong-match': async (request) => {
      const updatedAt = this.now().toISOString();
      const mention = await updateMention(this.db, request.mentionId, (m) => ({ ...m, wrongMatch: { flagged: request.flagged, updatedAt } }));
      return mention ? { ok: true, mention } : { ok: false, error: 'That mention is no longer stored.' };
    },
    'list-mentions': async (request) => {
      const mentions = await listMentions(this.db, request.query);
      const compiled = await this.claims();
      const claims: Record<string, ClaimCardData> = {};
      for (const mention of mentions) {
        const claim = compiled.claims.get(mention.claimId);
        if (claim) claims[claim.id] = toCardData(claim);
      }
      return { mentions, claims };
    },
    'export-mentions': async (request) => {
      const mentions = await listMentions(this.db, { wrongMatches: 'exclude', ...request.query });
      return {
        filename: exportFileName(request.format, this.now()),
        mimeType: exportMimeType(request.format),
        content: await this.exportMentions(request.format, mentions),
        count: mentions.length,
      };
    },
    'import-mentions': async (request) => {
      let json: unknown;
      try {
        json = JSON.parse(request.text);
      } catch (error) {
        return { ok: false, error: `The file is not JSON: ${(error as Error).message}` };
      }
      const parsed = parseAnnotationExport(json);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      return { ok: true, ...(await importMentions(this.db, parsed.mentions)) };
    },
    'delete-mentions': async (request) => ({ deleted: await deleteMentions(this.db, request.ids) }),
    'clear-mentions': async () => ({ deleted: await clearMentions(this.db) }),
    'set-feed-url': async (request) => {
      const url = request.url.trim();
      if (url) {
        let parsed: URL;
        try {
          parsed = new URL(url);
        } catch {
          return { ok: false, error: `"${url}" is not a URL.` };
        }
        const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
        if (parsed.protocol !== 'https:' && !(loopback && parsed.protocol === 'http:')) {
          return { ok: false, error: 'A claim feed must be an https:// URL.' };
        }
      }
      const settings = await this.settings();
      await writeMeta(this.db, 'settings', { ...settings, feedUrl: url });
      return { ok: true, feed: await this.feedStatus() };
    },
    'update-feed-now': () => this.updateFeed(),
    'import-claim-pack': async (request) => {
      const result = validateClaimPackFile(request.text);
      if (!result.ok) return { ok: false, error: result.error };
      const pack = await storeFilePack(this.db, request.name, result.claimSet, this.now());
      return { ok: true, pack: summarise(pack) };
    },
    'set-pack-enabled': async (request) => {
      await setPackEnabled(this.db, request.packId, request.enabled);
      return { packs: (await listPacks(this.db)).map(summarise) };
    },
    'remove-pack': async (request) => {
      const removed = await removePack(this.db, request.packId);
      if (!removed) return { ok: false, error: request.packId === 'bundled' ? 'The bundled set cannot be removed; switch it off instead.' : 'No such pack.' };
      return { ok: true, packs: (await listPacks(this.db)).map(summarise) };
    },
  };
}

export type { BackgroundRequest };
