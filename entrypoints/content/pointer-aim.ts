/**
 * Whether the pointer is on its way to the open card: pure geometry, tested without a browser
 * (tests/unit/content/pointer-aim.test.ts). The reader who moves from a highlight to its card may
 * cross another highlight or a stretch of page text on the way; neither may swap or close the card
 * they are reaching for (a new user's report 49, problem 4). Menus do the same with submenus.
 */
import type { PlacementBox } from './card-placement';

/** A point in viewport coordinates (CSS px). */
export interface ViewportPoint {
  x: number;
  y: number;
}

/** How much closer to the card (CSS px) one pointer move must bring it to count as heading there: a hand's tremor does not. */
const MIN_PROGRESS_PX = 1;

/** The distance (CSS px) from a point to the nearest edge of a box; 0 inside it. */
export function distanceToBox(point: ViewportPoint, box: PlacementBox): number {
  const dx = Math.max(box.left - point.x, 0, point.x - box.right);
  const dy = Math.max(box.top - point.y, 0, point.y - box.bottom);
  return Math.hypot(dx, dy);
}

/**
 * Whether a pointer that moved from `from` to `to` (one mouse event to the next) came closer to
 * `box` by at least MIN_PROGRESS_PX: a move along a line of text beside the card does not, a move
 * across the lines towards it does.
 */
export function isHeadingFor(from: ViewportPoint, to: ViewportPoint, box: PlacementBox): boolean {
  return distanceToBox(to, box) <= distanceToBox(from, box) - MIN_PROGRESS_PX;
}
