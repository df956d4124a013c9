/**
 * Painting backs off, then stops, when the page removes our highlights as soon as they appear
 * (removal-backoff.ts; attack report finding 5), and only then: highlights that lasted were not fought.
 */
import { describe, expect, it } from 'vitest';
import { RemovalBackoff, REMOVAL_SOON_MS, REPAINT_DELAYS_MS } from '../../../entrypoints/content/removal-backoff';

/** A backoff on a clock the test moves by hand (ms). */
function clocked(): { backoff: RemovalBackoff; advance: (ms: number) => void } {
  let now = 1_000;
  return { backoff: new RemovalBackoff(() => now), advance: (ms) => (now += ms) };
}

describe('painting while the page removes our highlights', () => {
  it('each removal soon after painting makes the next painting wait longer, then painting stops for good', () => {
    const { backoff, advance } = clocked();
    const waits: number[] = [];
    for (let round = 0; round < REPAINT_DELAYS_MS.length; round++) {
      advance(backoff.waitMs());
      expect(backoff.waitMs(), `round ${round}: painting may go on`).toBe(0);
      backoff.painted();
      advance(5);
      backoff.removed();
      waits.push(backoff.waitMs());
    }
    expect(waits).toEqual([0, 1_000, 2_000, 4_000, 8_000]);
    expect(backoff.gaveUp).toBe(false);
    advance(backoff.waitMs());
    backoff.painted();
    backoff.removed();
    expect(backoff.gaveUp).toBe(true);
    expect(backoff.waitMs()).toBe(Number.POSITIVE_INFINITY);
    // For the page's life: neither time nor a later painting brings it back.
    advance(3_600_000);
    backoff.painted();
    expect(backoff.waitMs()).toBe(Number.POSITIVE_INFINITY);
  });

  it('a painting removed in several batches counts once', () => {
    const { backoff, advance } = clocked();
    backoff.painted();
    backoff.removed();
    advance(1);
    backoff.painted();
    backoff.removed();
    backoff.removed();
    backoff.removed();
    expect(backoff.waitMs()).toBe(1_000);
  });

  it('highlights that lasted start the count again: a framework re-rendering now and then is never stopped', () => {
    const { backoff, advance } = clocked();
    for (let render = 0; render < 20; render++) {
      expect(backoff.waitMs()).toBe(0);
      backoff.painted();
      advance(REMOVAL_SOON_MS);
      backoff.removed();
    }
    expect(backoff.gaveUp).toBe(false);
    expect(backoff.waitMs()).toBe(0);
  });

  it('a removal with no painting since (the page removing marks it forged, or old ones) counts nothing', () => {
    const { backoff } = clocked();
    for (let i = 0; i < 10; i++) backoff.removed();
    expect(backoff.waitMs()).toBe(0);
    expect(backoff.gaveUp).toBe(false);
  });
});
