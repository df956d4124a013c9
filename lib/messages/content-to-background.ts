/**
 * Requests a content script (running inside a web page, so treated as the page's ally) may send to
 * the background. None of them changes settings, claim sets or the reader's notes: those come only
 * from extension pages (`extension-page-to-background.ts`).
 */
import * as v from 'valibot';
import type { ClaimCardData } from '../claims/claim-card-data';
// From the enumerations' own module: the content script validates with these, and the claim schema stays out of its bundle.
import { ClaimKindSchema, ClaimStatusSchema } from '../claims/claim-enums';
import { PageCitationSchema } from '../annotations/page-citation';
import { bounded, claimId, languageSubtag, mentionId, pageUrl } from './fields';
import { message, requestSchema, type AnyRequestOf, type Sender } from './message-map';

/** Pages larger than this (UTF-16 units) are cut by the content script before sending: a hard bound on work. */
export const MAX_PAGE_TEXT = 2_000_000;
/**
 * Context sent on each side of a changed region (UTF-16 units). The page's subject, its headings' scope and the
 * names a live blog's new post refers back to can sit well before or after it (new posts go on top): matched in
 * 8,000 units either side, every block of the development splits dev-49 and dev-50 gets the highlights the whole
 * page gives it (with 1,500 before and none after, 46 of 972 were lost).
 */
export const MAX_CONTEXT = 8_000;
/** Superscript and subscript runs one request may name (footnote markers included): far above an article's, a bound on the message. */
export const MAX_SCRIPT_RANGES = 10_000;
/** Claims one frame may report: far above any real page, small enough to bound the popup. */
export const MAX_REPORTED_CLAIMS = 500;

/** One highlight to paint: offsets are UTF-16 units into the frame's extracted text. */
export interface PageMatch {
  claimId: string;
  start: number;
  end: number;
  score: number;
  /** The stored mention this match became; the card's note editor opens it. */
  mentionId: string;
  /** The reader marked this mention as a wrong match: its highlight is painted dimmed. */
  wrongMatch?: true;
  /** The matcher is unsure the passage states the claim (`ClaimMatch.possible`): the card says so. */
  possible?: true;
}

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

const PageClaimSummarySchema = v.strictObject({
  claimId,
  statement: bounded(600),
  kind: ClaimKindSchema,
  status: ClaimStatusSchema,
  statusDate: bounded(10),
  actorName: bounded(200),
  mentions: v.pipe(v.number(), v.integer(), v.minValue(1)),
  firstOffset: offset,
  hiddenByPage: v.optional(v.literal(true)),
  wrongMatches: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  possible: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

export const CONTENT_TO_BACKGROUND = {
  /** Match a page, or a changed region of it, and record what was found in the reader's history. */
  'match-page': message<{ matches: PageMatch[]; claims: Record<string, ClaimCardData>; claimSetVersion: string }>()(
    requestSchema('match-page', {
      url: pageUrl,
      title: bounded(2000),
      /** The page's publication day, site and authors from its metadata (lib/annotations/page-citation.ts), for the history's exports; absent when it gives none. */
      citation: v.optional(PageCitationSchema),
      text: bounded(MAX_PAGE_TEXT),
      /**
       * For a rescan of changed regions: where `text` starts in the page's extracted text, and the
       * text around it (who is speaking, for actor checks; quote context for anchors). Matches come
       * back in page offsets either way.
       */
      offset: v.optional(offset),
      contextBefore: v.optional(bounded(MAX_CONTEXT)),
      contextAfter: v.optional(bounded(MAX_CONTEXT)),
      /**
       * The runs the page sets as superscripts or subscripts (lib/text/script-ranges.ts), as offsets into
       * `contextBefore + text + contextAfter`: the history keeps "10²⁶" for people where the text says "1026".
       */
      scripts: v.optional(v.pipe(v.array(v.tuple([offset, offset, v.picklist(['sup', 'sub'])])), v.maxLength(MAX_SCRIPT_RANGES))),
    }),
  ),
  /** Whether this frame's site is switched on; `title`: the frame's document title (the top frame's names the page its embeds are filed under). */
  'get-site-enabled': message<{ enabled: boolean }>()(requestSchema('get-site-enabled', { url: pageUrl, title: v.optional(bounded(2000)) })),
  /** This frame's current findings, for the popup and the badge (the background knows the tab and frame). */
  'report-frame': message<object>()(
    requestSchema('report-frame', {
      url: pageUrl,
      enabled: v.boolean(),
      scanning: v.boolean(),
      claims: v.pipe(v.array(PageClaimSummarySchema), v.maxLength(MAX_REPORTED_CLAIMS)),
      /**
       * The top frame's page language (lib/text/page-language.ts), absent when unknown and from other
       * frames: the popup says a page in another language is not read, rather than "no known claims".
       */
      language: v.optional(languageSubtag),
      /**
       * The frame's text was cut at its bounds (MAX_PAGE_TEXT characters or its node limit, lib/text/extract-text.ts):
       * claims further down were not read, and the popup says so rather than pass the list off as the page's.
       */
      partlyRead: v.optional(v.literal(true)),
      /**
       * The page's CSS draws its own words into the frame's highlights (`::before`/`::after`, lib/highlight/page-drawn-text.ts),
       * so they open no card: the popup says why, and lists the claims the cards would have shown.
       */
      cardsRefused: v.optional(v.literal(true)),
    }),
  ),
  /**
   * The card is opening a mention's note editor in this tab: a capability for its address, without which
   * the editor may not read or change the note (lib/background/note-capabilities.ts). Not note text.
   */
  'open-note-editor': message<{ capability: string }>()(
    /** `url`: the page the mention was found on, as `match-page` named it; the note must be that page's. */
    requestSchema('open-note-editor', { mentionId, url: pageUrl }),
  ),
};

export type ContentToBackground = typeof CONTENT_TO_BACKGROUND;
export type ContentToBackgroundRequest = AnyRequestOf<ContentToBackground>;
export type SendToBackgroundFromContent = Sender<ContentToBackground>;
