/** What every background handler works with: the stores, the caches, and the browser as a port. */
import type { BackgroundToContentRequest } from '../messages/background-to-content';
import type { ClaimVocabulary } from '../prefilter/claim-vocabulary';
import type { TabFrames } from '../frames/tab-frames';
import type { ClaimChangeTracker } from './claim-change-tracker';
import type { ClaimSetCache } from './claim-set-cache';
import type { FlaggedMentions } from './flagged-mentions';
import type { MatchTurns } from './match-turns';
import type { MentionWriter } from './mention-writer';
import type { SettingsStore } from './settings-store';
import type { PledgeLensDatabase } from './store/open-database';
import type { Translator } from '../i18n/translator';

/** The few browser calls handlers need, injected so the background's logic runs in Node tests. */
export interface BrowserPort {
  /**
   * Sends a request to a tab's content scripts: to one frame, or to every frame when `frameId` is undefined.
   * @returns the frame's answer; rejects when no content script is there
   */
  sendToContent(tabId: number, request: BackgroundToContentRequest, frameId?: number): Promise<unknown>;
  /** Shows the badge text on the toolbar button for one tab ("" clears it) and sets its title there. */
  setBadge(tabId: number, badge: ToolbarBadge): void;
  /** The ids of every open tab (`tabs.query`, which needs no permission for ids). */
  openTabIds(): Promise<number[]>;
  /**
   * Makes the claim vocabulary readable by content scripts without waking the background
   * (`storage.local`), so pages that cannot hold a claim send nothing.
   */
  publishVocabulary(vocabulary: ClaimVocabulary): Promise<void>;
}

/** What the toolbar button shows for one tab (lib/background/badge.ts). */
export interface ToolbarBadge {
  /** "3", "99+", "3!" or "" */
  text: string;
  /** Its tooltip and accessible name, in the reader's language. */
  title: string;
}

export interface BackgroundContext {
  db: PledgeLensDatabase;
  /** The background's words (the toolbar button's title), in the browser's language. */
  t: Translator;
  port: BrowserPort;
  now: () => Date;
  fetch?: typeof fetch;
  settings: SettingsStore;
  claimSets: ClaimSetCache;
  mentions: MentionWriter;
  /** Which stored mentions of a page are marked as wrong matches (their highlights are painted dimmed). */
  flagged: FlaggedMentions;
  frames: TabFrames;
  /** "Changed since you read it": changes claim-set updates made to claims the reader met. */
  changes: ClaimChangeTracker;
  /** Tabs' turns at matching: a tab whose matches cost much waits between them (match-turns.ts). */
  matchTurns: MatchTurns;
}

/** Where a content script's message came from. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  /** The frame's own URL, as the browser gives it (about:blank or about:srcdoc for frames without one). */
  url: string;
  /** The frame's origin as the browser gives it (Chrome; it differs from `url`'s for about:blank and srcdoc frames). */
  origin?: string;
  /** The tab's top page, as the browser gives it. */
  tabUrl?: string;
  /** The tab's title, as the browser gives it (with `tabUrl`: when the extension may read the tab). */
  tabTitle?: string;
}
