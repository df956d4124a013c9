/**
 * A frame whose address changes over and over (`history.replaceState` every 300 ms) had its whole text, up to
 * 2,000,000 characters, matched again at each change; nine such frames kept the background, which every tab
 * and the extension's pages share, busy for 9-11 s per request (attack report 46, finding 4). A reader's own
 * navigation in a single-page site comes seconds apart: its first change is read at once, and each further one
 * that comes within LOCATION_SOON_MS of the last waits longer (LOCATION_DELAYS_MS), the waits coalescing every
 * change in between into one rescan of the address it ends on.
 *
 * Plain state with an injectable clock (milliseconds, `performance.now()` by default), no DOM.
 */

/** Changes this far apart are a reader's navigation, not a fight: the next one is read at once. */
export const LOCATION_SOON_MS = 2_000;
/** How long the rescan waits after the 1st, 2nd, ... change in a row that came soon after the last (ms); the last repeats. */
export const LOCATION_DELAYS_MS: readonly number[] = [0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000];

export class LocationBackoff {
  private strikes = 0;
  private lastChange = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The address changed just now: how long its rescan should wait (ms; 0: at once). */
  changed(): number {
    const now = this.now();
    this.strikes = now - this.lastChange < LOCATION_SOON_MS + (LOCATION_DELAYS_MS[this.strikes - 1] ?? 0) ? this.strikes + 1 : 1;
    this.lastChange = now;
    return LOCATION_DELAYS_MS[Math.min(this.strikes, LOCATION_DELAYS_MS.length) - 1]!;
  }
}
