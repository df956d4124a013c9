/**
 * The card's note frame is sized to the note editor's content. A fixed height clipped the editor's
 * status line ("Marked as a wrong match: left out of exports") in both browsers.
 *
 * The height travels on a MessagePort the card hands the editor, never through the window: a message
 * the editor posted to its parent would reach the web page too, with the editor's origin (in Firefox
 * the install's own id, the same on every site: a tracking handle) and `event.source`, a handle on the
 * frame the page could navigate to a look-alike inside the genuine card. The editor takes the first
 * port its parent sends with NOTE_SIZE_PORT_MESSAGE and reports on it alone.
 *
 * The card posts the port with target origin '*': in Chromium the frame's address is the per-session
 * one (use_dynamic_url) while its document's origin is the extension id's, which the content script
 * cannot name. That is safe because the port carries two things one way, from whoever holds it to the
 * card: heights clamped to MIN_HEIGHT..MAX_HEIGHT, and NOTE_CLOSE_MESSAGE (Escape pressed in the editor,
 * whose keys the content script never sees). Nothing flows back; the frame sits in the card's closed
 * root, where the page cannot navigate it; and the worst a holder can do is close the card it sits
 * in, never open one. The page's own messages to the window are never read.
 */
/** What the card posts to its frame with the port: the editor takes a port only with this message. */
export const NOTE_SIZE_PORT_MESSAGE = 'pledge-lens-note-size-port';

const PREFIX = 'pledge-lens-note-height:';

/** What the editor posts on the port when the reader presses Escape in it: the card closes and focus returns to the highlight. */
export const NOTE_CLOSE_MESSAGE = 'pledge-lens-note-close';

/** Heights outside this range (px) are not a note editor's: the frame keeps its stylesheet height. */
const MIN_HEIGHT = 40;
const MAX_HEIGHT = 480;

/** The message the editor posts for a content height in CSS pixels (rounded up): "pledge-lens-note-height:131". */
export function noteHeightMessage(height: number): string {
  return `${PREFIX}${Math.ceil(height)}`;
}

/** The height (px) a message from the note frame carries, or undefined for any other message or a height out of range. */
export function noteHeightOf(data: unknown): number | undefined {
  if (typeof data !== 'string' || !data.startsWith(PREFIX)) return undefined;
  const height = Number(data.slice(PREFIX.length));
  return Number.isInteger(height) && height >= MIN_HEIGHT && height <= MAX_HEIGHT ? height : undefined;
}
