/**
 * Requests the background sends to a tab's content scripts (to all frames, or one frame by id).
 * Content scripts accept these only from the extension itself.
 */
import * as v from 'valibot';
import { claimId, mentionId } from './fields';
import { message, requestSchema, type AnyRequestOf } from './message-map';

export const BACKGROUND_TO_CONTENT = {
  /** Switch highlighting on or off in this frame (the keyboard command; the site switch). */
  'set-highlighting': message<{ enabled: boolean }>()(requestSchema('set-highlighting', { enabled: v.boolean() })),
  'toggle-highlighting': message<{ enabled: boolean }>()(requestSchema('toggle-highlighting', {})),
  /** Site settings changed: ask again whether this frame's site is on, and start or stop. */
  'recheck-site': message<{ enabled: boolean }>()(requestSchema('recheck-site', {})),
  /**
   * The background knows nothing of the tab's top frame (it never reported, or the background forgot
   * it): the frame reports itself again now. A frame still behind its wake gate (no known name on the
   * page, so it sent nothing) reports itself on or off, with no claims; `gated` says whether it was
   * one. With `subframes`, sent to every frame of the tab, only frames other than the top one act
   * (the top frame is asked on its own, and once).
   */
  'report-state': message<{ gated: boolean }>()(requestSchema('report-state', { subframes: v.optional(v.literal(true)) })),
  /**
   * The tab's top frame is on a page about AI (it passed its wake gate and asked for its text to be matched): a frame
   * of the tab still behind its gate opens on a known name alone (`WakeGate.pageIsAboutAi`). Sent to every frame;
   * the top frame ignores it. `opened`: whether this frame's gate opened now.
   */
  'page-about-ai': message<{ opened: boolean }>()(requestSchema('page-about-ai', {})),
  /**
   * The reader marked a mention as a wrong match, or took the mark back (in the card's note editor):
   * the frame holding its highlight dims it, or shows it again, at once. Frames without it answer not found.
   */
  'show-wrong-match': message<{ found: boolean }>()(requestSchema('show-wrong-match', { mentionId, flagged: v.boolean() })),
  /** Scroll to a claim's first mention in this frame (or, asked again, its next one), focus and flash it. */
  'scroll-to-claim': message<{ found: boolean }>()(requestSchema('scroll-to-claim', { claimId })),
};

export type BackgroundToContent = typeof BACKGROUND_TO_CONTENT;
export type BackgroundToContentRequest = AnyRequestOf<BackgroundToContent>;
