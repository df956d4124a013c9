/**
 * Requests the background sends to a tab's content scripts (to all frames, or one frame by id).
 * Content scripts accept these only from the extension itself.
 */
import * as v from 'valibot';
import { claimId } from './fields';
import { message, requestSchema, type AnyRequestOf } from './message-map';

export const BACKGROUND_TO_CONTENT = {
  /** Switch highlighting on or off in this frame (the keyboard command; the site switch). */
  'set-highlighting': message<{ enabled: boolean }>()(requestSchema('set-highlighting', { enabled: v.boolean() })),
  'toggle-highlighting': message<{ enabled: boolean }>()(requestSchema('toggle-highlighting', {})),
  /** Site settings changed: ask again whether this frame's site is on, and start or stop. */
  'recheck-site': message<{ enabled: boolean }>()(requestSchema('recheck-site', {})),
  /**
   * The popup asks about a tab whose top frame never reported. A frame still behind its wake gate
   * (no known name on the page, so it sent nothing) reports itself now: on or off, with no claims.
   * `gated` says whether it was such a frame; a frame past its gate reports on its own.
   */
  'report-state': message<{ gated: boolean }>()(requestSchema('report-state', {})),
  /** Scroll to a claim's first mention in this frame, focus and flash it. */
  'scroll-to-claim': message<{ found: boolean }>()(requestSchema('scroll-to-claim', { claimId })),
};

export type BackgroundToContent = typeof BACKGROUND_TO_CONTENT;
export type BackgroundToContentRequest = AnyRequestOf<BackgroundToContent>;
