/**
 * Tabs take turns at matching (match-turns.ts; attack report 48, finding 6): a tab whose matches cost much waits
 * between them, so another tab's request runs at once, and an ordinary tab never waits.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_FACTOR, FREE_MATCH_MS, MatchTurns } from '../../../lib/background/match-turns';

let clock = 0;
/** A match that takes `ms` of the fake clock and records its name. */
const costing = (log: string[], name: string, ms: number) => () => {
  clock += ms;
  log.push(name);
  return name;
};

beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
});
afterEach(() => vi.useRealTimers());

async function advance(ms: number): Promise<void> {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

describe('turns at matching', () => {
  it('runs an ordinary tab\'s matches at once, one after another', async () => {
    const turns = new MatchTurns(() => clock);
    const log: string[] = [];
    expect(await turns.run(1, costing(log, 'a', FREE_MATCH_MS))).toBe('a');
    expect(await turns.run(1, costing(log, 'b', 20))).toBe('b');
    expect(log).toEqual(['a', 'b']);
  });

  it("makes a tab whose match cost much wait, while another tab's request runs at once", async () => {
    const turns = new MatchTurns(() => clock);
    const log: string[] = [];
    await turns.run(1, costing(log, 'huge-1', 1_000));
    const second = turns.run(1, costing(log, 'huge-2', 1_000));
    const other = turns.run(2, costing(log, 'article', 20));
    expect(await other).toBe('article');
    expect(log).toEqual(['huge-1', 'article']);
    await advance(BACKOFF_FACTOR * 1_000 - 100);
    expect(log).toEqual(['huge-1', 'article']);
    await advance(200);
    expect(await second).toBe('huge-2');
    expect(log).toEqual(['huge-1', 'article', 'huge-2']);
  });

  it("keeps a tab's own requests in order, and a closed tab's wait is forgotten", async () => {
    const turns = new MatchTurns(() => clock);
    const log: string[] = [];
    await turns.run(7, costing(log, 'first', 500));
    const later = [turns.run(7, costing(log, 'second', 10)), turns.run(7, costing(log, 'third', 10))];
    turns.forget(7);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(later);
    expect(log).toEqual(['first', 'second', 'third']);
  });

  it('passes on what a match throws, and the next request still runs', async () => {
    const turns = new MatchTurns(() => clock);
    await expect(
      turns.run(3, () => {
        throw new Error('budget');
      }),
    ).rejects.toThrow('budget');
    expect(await turns.run(3, () => 'after')).toBe('after');
  });
});
