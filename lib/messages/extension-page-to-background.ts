/**
 * Requests extension pages (popup, options, the card's note editor) may send to the background. The
 * background answers these only when the sender is one of our own pages: everything that changes
 * settings, the reader's history or the claim sets is here.
 */
import * as v from 'valibot';
import type { ReplacedNote } from '../annotations/merge-mentions';
import type { Mention } from '../annotations/schema';
import { EXPORT_FORMAT_IDS } from '../annotations/export-formats';
import type { ClaimCardData } from '../claims/claim-card-data';
import type { ClaimChange } from '../claims/claim-changes';
import { CLAIM_KINDS, CLAIM_STATUSES } from '../claims/schema';
import type { ClaimSetInfo, FeedStatus, PackSummary } from '../claims/claim-set-info';
import type { TabState } from '../frames/tab-frames';
import type { SiteSettings } from '../sites/site-settings';
import { bounded, claimId, mentionId, nonEmpty, tabId } from './fields';
import type { HistoryNotice } from './reader-failure';
import { message, requestSchema, type AnyRequestOf, type Sender } from './message-map';

/** Largest annotation file an import accepts, in UTF-16 units. */
/** Notes an import's confirmation lists (the count says how many more). */
export const MAX_CONFIRM_NOTES = 5;

/**
 * What an annotation import did (`keptNotes`: the file's notes it did not use, the reader's being as new or newer),
 * or what it would change of the reader's own notes and flags (`replace` not sent).
 */
export type ImportAnswer =
  | { added: number; updated: number; unchanged: number; keptNotes: number }
  | { confirm: { notes: ReplacedNote[]; noteCount: number; changedFlags: number } };

export const MAX_IMPORT_TEXT = 50_000_000;
/** Largest claim-pack file an import accepts, in UTF-16 units. */
export const MAX_PACK_TEXT = 10_000_000;
export const MAX_PACK_NAME_LENGTH = 200;
export const MAX_NOTE_LENGTH = 20_000;
/** A pasted public key: a PEM or JWK of P-256 or Ed25519 is a few hundred characters. */
export const MAX_FEED_KEY_LENGTH = 4000;

const MentionQuerySchema = v.strictObject({
  claimIds: v.optional(v.pipe(v.array(claimId), v.maxLength(5000))),
  site: v.optional(bounded(500)),
  from: v.optional(bounded(40)),
  to: v.optional(bounded(40)),
  text: v.optional(bounded(500)),
  pageUrl: v.optional(bounded(8192)),
  wrongMatches: v.optional(v.picklist(['include', 'exclude', 'only'])),
  /** Keep mentions whose claim (as the claim set says now) has one of these kinds / statuses. */
  kinds: v.optional(v.pipe(v.array(v.picklist(CLAIM_KINDS)), v.maxLength(CLAIM_KINDS.length))),
  statuses: v.optional(v.pipe(v.array(v.picklist(CLAIM_STATUSES)), v.maxLength(CLAIM_STATUSES.length))),
  /** Keep only mentions whose claim changed (kind, status or evidence) after the mention was last seen. */
  changedSinceRead: v.optional(v.boolean()),
});
export type MentionQuery = v.InferOutput<typeof MentionQuerySchema>;

const siteList = v.pipe(v.array(bounded(300)), v.maxLength(5000));

export const EXTENSION_PAGE_TO_BACKGROUND = {
  /**
   * The tab the popup is about: its top frame's page and the claims found in all its frames. `url`:
   * the tab's address when the browser tells the popup; for a page whose frames have not reported
   * (a site switched off when it loaded) `siteEnabled` is then answered for it.
   */
  'get-tab-state': message<{ tab: TabState; siteEnabled: boolean; /** Why the page's mentions are not (all) in the history. */ historyNotice?: HistoryNotice }>()(
    requestSchema('get-tab-state', { tabId, url: v.optional(bounded(8192)) }),
  ),
  'scroll-to-claim': message<{ found: boolean }>()(requestSchema('scroll-to-claim', { tabId, claimId })),
  /** The popup's switch: acts on the site of the tab's top frame (or of `url`, the tab's address, when no frame has reported). */
  'set-site-enabled': message<{ enabled: boolean }>()(requestSchema('set-site-enabled', { tabId, enabled: v.boolean(), url: v.optional(bounded(8192)) })),

  'get-claim-set-info': message<ClaimSetInfo>()(requestSchema('get-claim-set-info', {})),
  /** `revision` grows with every settings write; send it back with a change so a stale page cannot undo a newer one. */
  'get-site-settings': message<{ settings: SiteSettings; revision: number }>()(requestSchema('get-site-settings', {})),
  'set-site-settings': message<{ settings: SiteSettings; revision: number }>()(
    requestSchema('set-site-settings', {
      siteMode: v.picklist(['all-sites', 'allow-list']),
      allowedSites: siteList,
      disabledSites: siteList,
      revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  ),

  /** The card's note editor: one mention with its claim. */
  'get-mention': message<{ mention: Mention; claim?: ClaimCardData }>()(requestSchema('get-mention', { mentionId })),
  'set-note': message<{ mention: Mention }>()(requestSchema('set-note', { mentionId, text: bounded(MAX_NOTE_LENGTH) })),
  'set-wrong-match': message<{ mention: Mention }>()(requestSchema('set-wrong-match', { mentionId, flagged: v.boolean() })),
  /** `changes`: by mention id, what changed about its claim since the mention was last seen. */
  'list-mentions': message<{ mentions: Mention[]; claims: Record<string, ClaimCardData>; changes: Record<string, ClaimChange> }>()(
    requestSchema('list-mentions', { query: MentionQuerySchema }),
  ),
  /**
   * Without `wrongMatches` in the query, or with "exclude", mentions flagged as wrong matches are left
   * out and counted in `leftOutWrongMatches`; `wrongMatches`: how many of the `count` exported are flagged.
   */
  'export-mentions': message<{ filename: string; mimeType: string; content: string; count: number; wrongMatches: number; leftOutWrongMatches: number }>()(
    requestSchema('export-mentions', { format: v.picklist(EXPORT_FORMAT_IDS), query: MentionQuerySchema }),
  ),
  /**
   * Without `replace`, an import that would replace notes of the reader's with other words or change wrong-match
   * flags writes nothing and answers `confirm`: the first `MAX_CONFIRM_NOTES` such notes, how many in all, and how
   * many flags; the page asks the reader, then sends the file again with `replace`.
   */
  'import-mentions': message<ImportAnswer>()(requestSchema('import-mentions', { text: bounded(MAX_IMPORT_TEXT), replace: v.optional(v.literal(true)) })),
  'delete-mentions': message<{ deleted: number }>()(requestSchema('delete-mentions', { ids: v.pipe(v.array(mentionId), v.maxLength(100_000)) })),
  'clear-mentions': message<{ deleted: number }>()(requestSchema('clear-mentions', {})),

  /**
   * "Changed since you read it", by claim id. With `claimIds` (the popup: the claims on a tab, and the
   * tab's `pageUrl`), a claim is included while its change is unseen or the page was read before it.
   * Without (the options page): every claim with an unseen change. `unseen`: how many claims have one.
   */
  'get-claim-changes': message<{ changes: Record<string, ClaimChange>; unseen: number }>()(
    requestSchema('get-claim-changes', { claimIds: v.optional(v.pipe(v.array(claimId), v.maxLength(5000))), pageUrl: v.optional(bounded(8192)) }),
  ),
  /** The reader has looked at these claims' changes (every claim's without `claimIds`): the badge loses its mark. */
  'acknowledge-claim-changes': message<{ unseen: number }>()(
    requestSchema('acknowledge-claim-changes', { claimIds: v.optional(v.pipe(v.array(claimId), v.maxLength(5000))) }),
  ),

  /**
   * Sets (or, with an empty `url`, removes) the claim feed. A feed needs either the publisher's
   * `publicKey` to pin (base64 SPKI, PEM or JWK; updates must then be signed by it) or `allowUnsigned`.
   */
  'set-feed-url': message<{ feed: FeedStatus }>()(
    requestSchema('set-feed-url', { url: bounded(2000), publicKey: v.optional(bounded(MAX_FEED_KEY_LENGTH)), allowUnsigned: v.optional(v.boolean()) }),
  ),
  'update-feed-now': message<{ status: 'updated' | 'not-modified'; feed: FeedStatus }>()(requestSchema('update-feed-now', {})),
  'import-claim-pack': message<{ pack: PackSummary }>()(requestSchema('import-claim-pack', { name: nonEmpty(MAX_PACK_NAME_LENGTH), text: bounded(MAX_PACK_TEXT) })),
  'set-pack-enabled': message<{ packs: PackSummary[] }>()(requestSchema('set-pack-enabled', { packId: nonEmpty(200), enabled: v.boolean() })),
  'remove-pack': message<{ packs: PackSummary[] }>()(requestSchema('remove-pack', { packId: nonEmpty(200) })),
};

export type ExtensionPageToBackground = typeof EXTENSION_PAGE_TO_BACKGROUND;
export type ExtensionPageRequest = AnyRequestOf<ExtensionPageToBackground>;
export type SendToBackgroundFromPage = Sender<ExtensionPageToBackground>;
