/**
 * The card's note frame is sized to the note editor's content: the editor (an extension page in the
 * frame) posts its height to the window around it, and the card (in that window's content script)
 * takes it only from its own frame's window. A fixed height clipped the editor's status line ("Marked
 * as a wrong match: left out of exports") in both browsers.
 *
 * The page can read these messages too: they carry a height and nothing else. The editor keeps a line
 * for its status whether or not one is shown, so the height does not tell the page when the reader
 * saves a note or flags a wrong match; a textarea the reader drags taller does change it.
 */
const PREFIX = 'pledge-lens-note-height:';

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
