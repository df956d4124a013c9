/**
 * A page that takes our highlights out as soon as they appear (a script unwrapping every
 * `mark.pledge-lens-mark`, a paragraph rewritten over and over) would have us paint them again about
 * three times a second for as long as the tab is open (attack report finding 5). Each time highlights
 * go within REMOVAL_SOON_MS of being painted, the next painting waits longer (REPAINT_DELAYS_MS);
 * after that many, this page gets no more painting for its life. Nothing is logged: the popup still
 * lists what the scans matched, saying the page removed the highlights.
 *
 * Plain state with an injectable clock (milliseconds, `performance.now()` by default), no DOM.
 */

/** Highlights that lasted this long were not being fought: the next removal starts the count again. */
export const REMOVAL_SOON_MS = 5_000;
/**
 * How long painting waits after the 1st, 2nd, ... removal in a row that came soon after painting
 * (the first repaint at the ordinary rescan pace: a framework re-rendering once is not a fight).
 * One more such removal after these, and painting stops for the page's life.
 */
export const REPAINT_DELAYS_MS: readonly number[] = [0, 1_000, 2_000, 4_000, 8_000];

export class RemovalBackoff {
  /** Removals in a row that came soon after painting. */
  private strikes = 0;
  /** When highlights were last painted; undefined once a removal was counted against that painting. */
  private paintedAt: number | undefined;
  /** Painting may not start before this time (ms, on `now`'s clock). */
  private holdUntil = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Whether painting has stopped for the page's life (the page removed our highlights too often). */
  get gaveUp(): boolean {
    return this.stopped;
  }

  /** Highlights were painted just now. */
  painted(): void {
    this.paintedAt = this.now();
  }

  /**
   * The page took out highlights we painted. Counted once per painting (a painting removed in
   * several mutation batches is one removal), and only as a strike if it came soon after it.
   */
  removed(): void {
    if (this.stopped || this.paintedAt === undefined) return;
    const now = this.now();
    this.strikes = now - this.paintedAt < REMOVAL_SOON_MS ? this.strikes + 1 : 1;
    this.paintedAt = undefined;
    const delay = REPAINT_DELAYS_MS[this.strikes - 1];
    if (delay === undefined) this.stopped = true;
    else this.holdUntil = now + delay;
  }

  /** Milliseconds until painting may start: 0 now, Infinity once given up. */
  waitMs(): number {
    if (this.stopped) return Number.POSITIVE_INFINITY;
    return Math.max(0, this.holdUntil - this.now());
  }
}
