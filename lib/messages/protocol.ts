/**
 * The one message protocol between the extension's contexts. Requests are valibot schemas, so the
 * receiver validates every message before acting on it (a compromised or confused sender gets a
 * clear error, not undefined behaviour); response types are declared next to each request.
 */
import * as v from 'valibot';
import type { Mention } from '../annotations/schema';
import type { ExportFormat } from '../annotations/download-name';
import type { ClaimKind, ClaimStatus, HistoryEntry, Source } from '../claims/schema';

const nonEmpty = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

/** Pages larger than this are cut by the content script before sending (a hard bound on work). */
export const MAX_PAGE_TEXT = 2_000_000;
/** Context sent with a changed region: enough for the matcher's actor look-back (1,500 characters). */
export const MAX_CONTEXT = 2_000;

const FilterSchema = v.object({
  claimIds: v.optional(v.array(nonEmpty(200))),
  site: v.optional(v.pipe(v.string(), v.maxLength(500))),
  from: v.optional(v.pipe(v.string(), v.maxLength(40))),
  to: v.optional(v.pipe(v.string(), v.maxLength(40))),
  text: v.optional(v.pipe(v.string(), v.maxLength(500))),
  pageUrl: v.optional(v.pipe(v.string(), v.maxLength(8192))),
  wrongMatches: v.optional(v.picklist(['include', 'exclude', 'only'])),
});
export type MentionQuery = v.InferOutput<typeof FilterSchema>;

/** Requests the background answers. */
export const BackgroundRequestSchema = v.variant('type', [
  v.object({
    type: v.literal('match-page'),
    url: nonEmpty(8192),
    title: v.pipe(v.string(), v.maxLength(2000)),
    text: v.pipe(v.string(), v.maxLength(MAX_PAGE_TEXT)),
    /**
     * For a rescan of changed regions: where `text` starts in the page's extracted text, and the
     * text around it (who is speaking, for actor checks; quote context for anchors). Matches come
     * back in page offsets either way.
     */
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    contextBefore: v.optional(v.pipe(v.string(), v.maxLength(MAX_CONTEXT))),
    contextAfter: v.optional(v.pipe(v.string(), v.maxLength(MAX_CONTEXT))),
  }),
  v.object({ type: v.literal('get-site-enabled'), url: nonEmpty(8192) }),
  v.object({ type: v.literal('set-site-enabled'), url: nonEmpty(8192), enabled: v.boolean() }),
  v.object({ type: v.literal('get-claim-set-info') }),
  v.object({ type: v.literal('get-site-settings') }),
  v.object({
    type: v.literal('set-site-settings'),
    siteMode: v.picklist(['all-sites', 'allow-list']),
    allowedSites: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(5000)),
    disabledSites: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(5000)),
  }),
  v.object({ type: v.literal('set-note'), mentionId: nonEmpty(200), text: v.pipe(v.string(), v.maxLength(20_000)) }),
  v.object({ type: v.literal('set-wrong-match'), mentionId: nonEmpty(200), flagged: v.boolean() }),
  v.object({ type: v.literal('list-mentions'), query: FilterSchema }),
  v.object({ type: v.literal('export-mentions'), format: v.picklist(['jsonld', 'csv', 'markdown']), query: FilterSchema }),
  v.object({ type: v.literal('import-mentions'), text: v.pipe(v.string(), v.maxLength(50_000_000)) }),
  v.object({ type: v.literal('delete-mentions'), ids: v.array(nonEmpty(200)) }),
  v.object({ type: v.literal('clear-mentions') }),
  v.object({ type: v.literal('set-feed-url'), url: v.pipe(v.string(), v.maxLength(2000)) }),
  v.object({ type: v.literal('update-feed-now') }),
  v.object({ type: v.literal('import-claim-pack'), name: nonEmpty(200), text: v.pipe(v.string(), v.maxLength(10_000_000)) }),
  v.object({ type: v.literal('set-pack-enabled'), packId: nonEmpty(200), enabled: v.boolean() }),
  v.object({ type: v.literal('remove-pack'), packId: nonEmpty(200) }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

/** What a card needs to show one claim: copied into the content script, never read from the page. */
export interface ClaimCardData {
  id: string;
  statement: string;
  kind: ClaimKind;
  force: string;
  status: ClaimStatus;
  statusDate: string;
  actorName: string;
  rationale: string;
  confidence: string;
  sources: Source[];
  history: HistoryEntry[];
  packName: string;
}

export interface PageMatch {
  claimId: string;
  start: number;
  end: number;
  score: number;
  /** The stored mention this match became; notes attach to it. */
  mentionId: string;
  note?: string;
  wrongMatch?: boolean;
}

export interface PackSummary {
  id: string;
  name: string;
  source: 'bundled' | 'feed' | 'file';
  enabled: boolean;
  version: string;
  publishedAt: string;
  claimCount: number;
}

export interface ClaimSetInfo {
  version: string;
  publishedAt: string;
  ageDays: number;
  stale: boolean;
  claimCount: number;
  packs: PackSummary[];
  feed: FeedStatus;
}

export interface SiteSettings {
  siteMode: 'all-sites' | 'allow-list';
  allowedSites: string[];
  disabledSites: string[];
}

export interface FeedStatus {
  url: string;
  lastSuccessAt?: string;
  lastCheckedAt?: string;
  lastError?: { at: string; message: string };
}

export type Result<T> = ({ ok: true } & T) | { ok: false; error: string };

export interface BackgroundResponses {
  'match-page': Result<{ matches: PageMatch[]; claims: Record<string, ClaimCardData>; claimSetVersion: string }>;
  'get-site-enabled': { enabled: boolean };
  'set-site-enabled': { enabled: boolean };
  'get-claim-set-info': ClaimSetInfo;
  'get-site-settings': SiteSettings;
  'set-site-settings': Result<{ settings: SiteSettings }>;
  'set-note': Result<{ mention: Mention }>;
  'set-wrong-match': Result<{ mention: Mention }>;
  'list-mentions': { mentions: Mention[]; claims: Record<string, ClaimCardData> };
  'export-mentions': { filename: string; mimeType: string; content: string; count: number };
  'import-mentions': Result<{ added: number; updated: number; unchanged: number }>;
  'delete-mentions': { deleted: number };
  'clear-mentions': { deleted: number };
  'set-feed-url': Result<{ feed: FeedStatus }>;
  'update-feed-now': Result<{ status: 'updated' | 'not-modified'; feed: FeedStatus }>;
  'import-claim-pack': Result<{ pack: PackSummary }>;
  'set-pack-enabled': { packs: PackSummary[] };
  'remove-pack': Result<{ packs: PackSummary[] }>;
}

export type BackgroundRequestType = BackgroundRequest['type'];
export type RequestOf<T extends BackgroundRequestType> = Extract<BackgroundRequest, { type: T }>;
export type ResponseOf<T extends BackgroundRequestType> = BackgroundResponses[T];
export type ExportFormatName = ExportFormat;

/** Requests the content script answers (from the popup and the background). */
export const ContentRequestSchema = v.variant('type', [
  v.object({ type: v.literal('get-page-state') }),
  v.object({ type: v.literal('scroll-to-claim'), claimId: nonEmpty(200) }),
  v.object({ type: v.literal('set-highlighting'), enabled: v.boolean() }),
  v.object({ type: v.literal('toggle-highlighting') }),
]);
export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;

export interface PageClaimSummary {
  claimId: string;
  statement: string;
  kind: ClaimKind;
  status: ClaimStatus;
  statusDate: string;
  actorName: string;
  mentions: number;
}

export interface ContentResponses {
  /** The page reports its own address: the popup then needs no `tabs` permission to know it. */
  'get-page-state': { url: string; title: string; enabled: boolean; claims: PageClaimSummary[]; scanning: boolean };
  'scroll-to-claim': { found: boolean };
  'set-highlighting': { enabled: boolean };
  'toggle-highlighting': { enabled: boolean };
}
export type ContentRequestType = ContentRequest['type'];

export function parseBackgroundRequest(message: unknown): BackgroundRequest | undefined {
  const result = v.safeParse(BackgroundRequestSchema, message);
  return result.success ? result.output : undefined;
}

export function parseContentRequest(message: unknown): ContentRequest | undefined {
  const result = v.safeParse(ContentRequestSchema, message);
  return result.success ? result.output : undefined;
}
