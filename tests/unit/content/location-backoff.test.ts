/**
 * A frame whose address keeps changing is read again less and less often (location-backoff.ts; attack
 * report 46, finding 4), and a reader's own navigation, seconds apart, at once.
 */
import { describe, expect, it } from 'vitest';
import { LOCATION_DELAYS_MS, LOCATION_SOON_MS, LocationBackoff } from '../../../entrypoints/content/location-backoff';

function clocked(): { backoff: LocationBackoff; advance: (ms: number) => void } {
  let now = 10_000;
  return { backoff: new LocationBackoff(() => now), advance: (ms) => (now += ms) };
}

describe('rescans on address changes', () => {
  it('reads a reader\'s navigation, changes seconds apart, at once every time', () => {
    const { backoff, advance } = clocked();
    const waits = [backoff.changed()];
    for (let i = 0; i < 5; i++) {
      advance(LOCATION_SOON_MS + 500);
      waits.push(backoff.changed());
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('makes an address that changes every 300 ms wait longer and longer, to the last delay, and starts again after a quiet spell', () => {
    const { backoff, advance } = clocked();
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      waits.push(backoff.changed());
      advance(300);
    }
    expect(waits).toEqual([...LOCATION_DELAYS_MS, ...Array(12 - LOCATION_DELAYS_MS.length).fill(LOCATION_DELAYS_MS.at(-1))]);
    expect(Math.max(...waits)).toBe(30_000);
    advance(LOCATION_SOON_MS + 30_000 + 1);
    expect(backoff.changed()).toBe(0);
  });
});
