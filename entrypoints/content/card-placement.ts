/**
 * Where the card goes next to its highlight: pure geometry, so it is tested without a browser
 * (tests/unit/content/card-placement.test.ts). CardHost.position() measures and applies it.
 */

/** A box in viewport coordinates (CSS px). */
export interface PlacementBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type CardSide = 'below' | 'above';

export interface PlacementInput {
  /** The union of the highlight's boxes, viewport coordinates (CSS px). */
  highlight: PlacementBox;
  /** The visible viewport (CSS px). */
  view: { width: number; height: number };
  /** The card's size at its full (CSS max-height) height, before any shortening here (CSS px). */
  card: { width: number; height: number };
  /** The side the card opened on; it stays there while that side still has room (no jump as "More" opens). */
  kept: CardSide | undefined;
  /**
   * Where the card's left edge goes, when not the highlight's left (CSS px, viewport): the left of the line box the
   * pointer opened it from. A highlight that starts at a line's end and runs on into the next has its union's left
   * at the next line's start: its card opened some 650 px from the pointer and closed before the pointer got there
   * (a new user's report 51).
   */
  left?: number;
}

export interface Placement {
  /** The side of the highlight, or undefined: a sheet pinned to the viewport's bottom, over the highlight. */
  side: CardSide | undefined;
  /** The card's top-left corner (CSS px, viewport coordinates, rounded). */
  top: number;
  left: number;
  /** Set when the card must be shorter than its full height to keep off the highlight (px, floored); it then scrolls. */
  maxHeight: number | undefined;
  /** The card's height as placed (px). */
  height: number;
  /**
   * For a sheet over the highlight: how far to scroll the page down (px) so that the whole card fits below the
   * highlight, the highlight still in sight; undefined when no scroll would (a highlight taller than the room left).
   * A card opened by keyboard scrolls it (card-host.tsx): at 360 px a sheet covered 25 of 66 focused highlights, so
   * a keyboard reader could not see which sentence the card was about (a new user's report 55).
   */
  scrollBy?: number;
}

/** Card to highlight, and card to viewport edge (px). */
export const GAP = 8;
export const MARGIN = 8;
/** Below this the card would be too short to use; it then covers part of the highlight instead. */
export const MIN_HEIGHT = 140;
/** At this width or less (CSS px) the card is on a phone: see placeCard() and card.css. */
export const PHONE_WIDTH = 480;
/**
 * On a phone, the least room beside the highlight the card may be shortened to (px): a few lines less than a closed
 * card's full height (about 470-500 px at 360 px wide), so the sentence it explains stays in sight (a reporter could
 * not read both at 360 x 740), but never the strip of 280 px that put the statement under the note box.
 */
export const PHONE_MIN_HEIGHT = 400;

/**
 * Below the highlight when the card fits there, above when it fits there. Otherwise:
 * - wider than a phone: on the side with more room, made shorter (it scrolls) so it does not cover
 *   the highlight, if that side has room for a usable card (MIN_HEIGHT);
 * - on a phone (PHONE_WIDTH or narrower): shortened beside the highlight only when that side has
 *   PHONE_MIN_HEIGHT, a few lines short of the whole card; never to a strip (a reader had 280 px at
 *   360 x 740, the statement under the note box), but then a sheet at its full height pinned to the
 *   bottom of the screen, over the highlight: the card says what the highlight is.
 * Once open, it stays on its side while that side still holds it (on a phone: whole). When nothing
 * else works it is the bottom sheet too: the card's controls (note, Save) must always be on screen.
 */
export function placeCard({ highlight, view, card, kept, left: anchorLeft }: PlacementInput): Placement {
  const phone = view.width <= PHONE_WIDTH;
  const usable = phone ? PHONE_MIN_HEIGHT : MIN_HEIGHT;
  const below = view.height - MARGIN - (highlight.bottom + GAP);
  const above = highlight.top - GAP - MARGIN;
  const keptRoom = kept === 'below' ? below : kept === 'above' ? above : -1;
  let side: CardSide | undefined;
  if (kept && keptRoom >= Math.min(card.height, usable)) side = kept;
  else if (card.height <= below) side = 'below';
  else if (card.height <= above) side = 'above';
  else if (Math.max(below, above) >= usable) side = below >= above ? 'below' : 'above';
  let height = card.height;
  let maxHeight: number | undefined;
  let top: number;
  if (side) {
    const room = side === 'below' ? below : above;
    if (height > room) {
      maxHeight = Math.floor(room);
      height = maxHeight;
    }
    top = side === 'below' ? highlight.bottom + GAP : highlight.top - GAP - height;
  } else top = Math.max(MARGIN, view.height - MARGIN - height);
  const left = Math.max(MARGIN, Math.min(anchorLeft ?? highlight.left, view.width - card.width - MARGIN));
  const placed: Placement = { side, top: Math.round(top), left: Math.round(left), maxHeight, height };
  if (!side) {
    // The least scroll that leaves room for the whole card below: the highlight stays as low as it can (a page's
    // sticky header covers its top), and never above the viewport's top margin.
    const scroll = Math.ceil(highlight.bottom + GAP + card.height + MARGIN - view.height);
    if (scroll > 0 && highlight.top - scroll >= MARGIN) placed.scrollBy = scroll;
  }
  return placed;
}

/** Below this (px) a card cannot give its sticky note editor room and still show its verdict. */
export const CRAMPED_HEIGHT = 260;
/**
 * Whether the note editor should scroll with the card rather than stick to its bottom: the card is shorter than
 * CRAMPED_HEIGHT, or the sticky note would cover the "More" row. `height` is the card as placed, `note` the sticky
 * note's height, `moreBottom` how far below the card's top the "More" row ends (all CSS px, the card unscrolled).
 * A card shortened to 362 px above a highlight kept its note pinned and left the statement, what the label means
 * and "More" 97 px: neither of the last two was in sight (a new user's report 53). Tab still reaches the note; it
 * is a scroll away.
 */
export function noteScrollsWithCard({ height, note, moreBottom }: { height: number; note: number; moreBottom: number }): boolean {
  return height < CRAMPED_HEIGHT || moreBottom > height - note;
}
