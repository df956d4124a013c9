/**
 * Warms the matcher before a page's text arrives. A started worker's first `matchClaims` call on a
 * compiled index builds the matcher's lookup maps, and every call runs in V8's interpreter until its
 * code has run often enough to be compiled: the first page of a worker that was stopped matched 3-4x
 * slower than the same page in a warm worker (2k-word article: 131 vs 30 ms in the bench).
 *
 * So as soon as a worker has its compiled set (at start-up, usually woken by the tab that is loading
 * the page) and again when a frame hears its site is on, the set's own claims (statement and evidence:
 * text that names actors and states duties, as a page that holds a claim does) are matched in short
 * slices, each its own task: a page's request waits for one slice at most, and the warm-up ends for
 * good once a page has been matched with that index (the page's own call warms it from there) or its
 * time budget is spent.
 */
import type { ClaimIndex } from '../match/compile-index';
import { matchClaims } from '../match/match-claims';
import { afterQueuedTasks } from './after-queued-tasks';
import type { ClaimSetCache, CompiledClaims } from './claim-set-cache';

/**
 * Longest run of warm-up matching in one task (ms): what a page's request may wait behind. A slice
 * makes one call at least: the first, which builds the lookup maps, takes longer, and the page's own
 * request would make it otherwise.
 */
export const WARM_UP_SLICE_MS = 8;
/** Warm-up matching per compiled index in all (ms); a set of 10,000 claims stops here. */
export const WARM_UP_BUDGET_MS = 150;

/**
 * The texts the warm-up matches, in the set's order: each claim's statement and evidence quotes, one
 * text per claim. Made as they are matched (a set of 10,000 claims is mostly not reached).
 */
export function* warmUpTexts(compiled: Pick<CompiledClaims, 'claims'>): Generator<string> {
  for (const claim of compiled.claims.values()) yield [claim.statement, ...claim.evidence.map((piece) => piece.quote)].join(' ');
}

export class MatcherWarmUp {
  /** Indexes warmed or being warmed: each is warmed once per worker life. */
  private readonly started = new WeakSet<ClaimIndex>();
  /** Indexes a page has been matched with: their warm-up stops at its next slice. */
  private readonly used = new WeakSet<ClaimIndex>();

  constructor(
    private readonly claimSets: Pick<ClaimSetCache, 'get'>,
    /** Warm-up matching in all per index (ms); 0 turns the warm-up off. */
    private readonly budgetMs = WARM_UP_BUDGET_MS,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * Warms the current compiled set's index, starting a task later (never inside the answer that asked
   * for it); a no-op for an index already warmed, being warmed or used by a page. Never throws: a set
   * that fails to load is left to the page's own request.
   */
  start(): void {
    if (this.budgetMs <= 0) return;
    void afterQueuedTasks()
      .then(() => this.claimSets.get())
      .then((compiled) => this.warm(compiled))
      .catch(() => undefined);
  }

  /** A page is matched with `index` now: no more warm-up for it. */
  markUsed(index: ClaimIndex): void {
    this.used.add(index);
    this.started.add(index);
  }

  private warm(compiled: CompiledClaims): void {
    const { index } = compiled;
    if (this.started.has(index)) return;
    this.started.add(index);
    const texts = warmUpTexts(compiled);
    let text = texts.next();
    let spent = 0;
    const slice = () => {
      if (this.used.has(index)) return;
      const from = this.clock();
      do {
        matchClaims(text.value, index);
        text = texts.next();
      } while (!text.done && this.clock() - from < WARM_UP_SLICE_MS);
      spent += this.clock() - from;
      if (!text.done && spent < this.budgetMs) void afterQueuedTasks().then(slice);
    };
    if (!text.done) slice();
  }
}
