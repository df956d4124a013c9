/**
 * Matching work is linear in the text for any input (issue 14, "bounded, linear work"), and the
 * per-call budget stops a call. Measured with the work counter matchClaimsDetailed returns, never with
 * a clock: the counter is deterministic, so these tests say the same on a busy machine. Time is the
 * benchmark's business (`npm run bench`: 1 MB of each adversarial text against 1 MB of prose).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaimsDetailed, type MatchResult } from '../../../lib/match/match-claims';
import { DEFAULT_TUNABLES } from '../../../lib/match/tunables';
import { BLOCK_SEPARATOR } from '../../../lib/text/extract-text';
import { adversarialTexts } from '../../../scripts/bench/adversarial-texts';
import { loadCorpus } from '../../../scripts/bench/fixture-corpus';
import { proseOfLength } from '../../../scripts/bench/matching-cost';
import { createPrng } from '../../../scripts/bench/prng';
import { REPO_ROOT } from '../../../scripts/support/paths';
import { bundledClaimSet } from '../../support/claim-sets';

const claimSet = bundledClaimSet();
const index = compileClaimIndex(claimSet.claims, claimSet.version);
const corpus = loadCorpus(join(REPO_ROOT, 'tests/fixtures/articles'));

const SMALL = 20_000;
const LARGE = 4 * SMALL;
/** Linear work grows 4x from SMALL to LARGE; a little more allows for structure that only fits in the larger text. */
const MAX_GROWTH = 4.5;
/** A budget nothing reaches, so the growth measured is the matcher's, not the budget's. */
const UNLIMITED = { workBase: 1e15 };

function work(text: string): MatchResult {
  const result = matchClaimsDetailed(text, index, { tunables: UNLIMITED });
  expect(result.truncated).toBe(false);
  return result;
}

const kinds = Object.keys(adversarialTexts(1_000));
const small = adversarialTexts(SMALL);
const large = adversarialTexts(LARGE);

/**
 * A seeded mixture of every kind in fixed proportions, each piece cut from that kind's text at the
 * mixture's size (so the larger mixture is the smaller one scaled up, not a different recipe), joined
 * by random separators.
 */
function mixture(seed: number, length: number): string {
  const random = createPrng(seed);
  const texts = adversarialTexts(length);
  const order = random.shuffle(kinds);
  const weights = order.map(() => random.next() + 0.05);
  const total = weights.reduce((a, b) => a + b, 0);
  return order
    .map((kind, k) => texts[kind]!.slice(0, Math.floor((length * weights[k]!) / total)))
    .join(random.pick([' ', '\n', '\n\n', BLOCK_SEPARATOR, '', '. ']));
}

describe('matching work grows linearly with the text', () => {
  it('has adversarial texts of the lengths asked for, of every kind the issue names', () => {
    expect(kinds).toEqual(expect.arrayContaining(['runs of separators', 'one huge sentence, no punctuation', 'thousands of actor names', 'capitalised unknown names', 'deep lists', 'clause-dense sentences', 'many claims per sentence']));
    for (const kind of kinds) {
      expect(small[kind]!.length, kind).toBe(SMALL);
      expect(large[kind]!.length, kind).toBe(LARGE);
    }
  });

  it('prose: 4x the text costs at most 4.5x the work', () => {
    const ratio = work(proseOfLength(corpus, LARGE)).work / work(proseOfLength(corpus, SMALL)).work;
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThanOrEqual(MAX_GROWTH);
  });

  it.each(kinds)('%s: 4x the text costs at most 4.5x the work', (kind) => {
    const ratio = work(large[kind]!).work / work(small[kind]!).work;
    expect(ratio).toBeLessThanOrEqual(MAX_GROWTH);
  });

  it('seeded mixtures of all kinds: 4x the text costs at most 4.5x the work (8 seeds)', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const ratio = work(mixture(seed, LARGE)).work / work(mixture(seed, SMALL)).work;
      expect(ratio, `seed ${seed}`).toBeLessThanOrEqual(MAX_GROWTH);
    }
  });

  it('prose needs less than half the default budget per character, so the budget never cuts an ordinary page short', () => {
    // The default budget is workBase + workPerChar per character; adversarial texts may reach it (that
    // is what it is for), prose must stay far below it.
    expect(work(proseOfLength(corpus, LARGE)).work / LARGE).toBeLessThanOrEqual(DEFAULT_TUNABLES.workPerChar / 2);
  });
});

describe('the per-call work budget', () => {
  /** What every call spends before it reads its first unit (tokens, names, discourse): linear too. */
  const upFront = (text: string) => matchClaimsDetailed(text, index, { tunables: { workBase: 0, workPerChar: 0 } });

  it('spends a linear amount before the first unit, on every adversarial text', () => {
    for (const kind of kinds) {
      const first = upFront(large[kind]!);
      expect(first.truncated, kind).toBe(true);
      expect(first.matches, kind).toEqual([]);
      expect(first.work / LARGE, kind).toBeLessThanOrEqual(12);
    }
  });

  it.each(kinds)('%s: a budget of half the work stops the call within one unit of it, keeping the matches before the stop', (kind) => {
    const text = large[kind]!;
    const full = work(text);
    const before = upFront(text).work;
    const limit = Math.round(full.work / 2);
    const cut = matchClaimsDetailed(text, index, { tunables: { workBase: limit, workPerChar: 0 } });
    expect(cut.truncated).toBe(true);
    expect(cut.matchedUpTo).toBeLessThan(text.length);
    // Up-front work is spent in full; after it, each unit is checked against the budget before it is read.
    expect(cut.work).toBeLessThanOrEqual(Math.max(limit, before) + 5_000);
    expect(cut.work).toBeLessThan(full.work);
    // The units read are read exactly as without a budget: the cut run's matches are the full run's up to the stop.
    expect(cut.matches).toEqual(full.matches.filter((match) => match.end <= cut.matchedUpTo));
  });

  it('reads a page of 200,000 short sentences in which one sentence is cut between two actors (no argument-limit RangeError)', () => {
    // Cutting the two-actor sentence rebuilds the unit list; copying 200,000 units as call arguments threw.
    const text = `Anthropic will publish its safety reports every quarter, and OpenAI will pause the training of its largest models. ${'Ok. '.repeat(200_000)}`;
    // No budget for units: only the reading before them (where the units are cut) runs, which is where it threw.
    const result = matchClaimsDetailed(text, index, { tunables: { workBase: 0, workPerChar: 0 } });
    expect(result.truncated).toBe(true);
    expect(result.work).toBeGreaterThan(text.length);
  });

  it('a call within its budget reads the whole text', () => {
    const text = large['many claims per sentence']!;
    const result = matchClaimsDetailed(text, index);
    expect(result.truncated).toBe(false);
    expect(result.matchedUpTo).toBe(text.length);
    expect(result.matches.length).toBeGreaterThan(0);
  });
});
