/**
 * Gives tabs turns at matching in the one background all tabs share. Matching is synchronous, so a tab whose
 * page keeps rewriting a 1.9 MB paragraph had the worker busy most of the time and other tabs waited 5 to 10 s
 * for their highlights and the popup (attack report 48, finding 6). After a match that cost more than
 * `FREE_MATCH_MS`, the tab's next match waits `BACKOFF_FACTOR` times that cost: such a tab gets at most a
 * quarter of the worker, and another tab's request waits for at most the one match already running. Ordinary
 * pages (a 10,000-word article matches in about 20 ms) never wait.
 */

/** A match this cheap (ms) leaves its tab no wait. */
export const FREE_MATCH_MS = 50;
/** A dearer match's tab waits this many times its cost (ms) before its next match starts. */
export const BACKOFF_FACTOR = 3;

interface Waiting {
  start: () => void;
  /** When it asked (ms, the queue's clock): of two tabs ready at once, the longer waiting goes first. */
  since: number;
}

export class MatchTurns {
  /** Each tab's requests that wait their turn, oldest first. */
  private readonly waiting = new Map<number, Waiting[]>();
  /** When each tab that owes a wait may match again (ms, the queue's clock). */
  private readonly readyAt = new Map<number, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** @param now a monotonic clock in ms (`performance.now` by default) */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * Runs `match` (synchronous) in `tabId`'s turn: at once when the tab owes no wait and none of its earlier
   * requests waits, else after them, in order.
   * @returns what `match` returns; rejects with what it throws
   */
  run<T>(tabId: number, match: () => T): Promise<T> {
    if (!this.waiting.has(tabId) && this.ready(tabId)) {
      try {
        return Promise.resolve(this.timed(tabId, match));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise<T>((resolve, reject) => {
      const queue = this.waiting.get(tabId) ?? [];
      queue.push({
        since: this.now(),
        start: () => {
          try {
            resolve(this.timed(tabId, match));
          } catch (error) {
            reject(error);
          }
        },
      });
      this.waiting.set(tabId, queue);
      this.schedule();
    });
  }

  /** Forgets a closed tab's wait; its waiting requests still run. */
  forget(tabId: number): void {
    this.readyAt.delete(tabId);
    this.schedule();
  }

  private ready(tabId: number): boolean {
    const at = this.readyAt.get(tabId);
    if (at === undefined) return true;
    if (at > this.now()) return false;
    this.readyAt.delete(tabId);
    return true;
  }

  private timed<T>(tabId: number, match: () => T): T {
    const started = this.now();
    try {
      return match();
    } finally {
      const cost = this.now() - started;
      if (cost > FREE_MATCH_MS) this.readyAt.set(tabId, this.now() + BACKOFF_FACTOR * cost);
    }
  }

  /** The ready tab whose oldest waiting request has waited longest. */
  private next(): number | undefined {
    let next: number | undefined;
    for (const [tabId, queue] of this.waiting) {
      if (this.ready(tabId) && (next === undefined || queue[0]!.since < this.waiting.get(next)![0]!.since)) next = tabId;
    }
    return next;
  }

  /** Starts one waiting request per task, the longest waiting of a ready tab, then plans the next. */
  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.waiting.size === 0) return;
    const soonest = this.next() !== undefined ? this.now() : Math.min(...[...this.waiting.keys()].map((tabId) => this.readyAt.get(tabId) ?? this.now()));
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        const tabId = this.next();
        if (tabId !== undefined) {
          const queue = this.waiting.get(tabId)!;
          const head = queue.shift()!;
          if (queue.length === 0) this.waiting.delete(tabId);
          head.start();
        }
        this.schedule();
      },
      Math.max(0, soonest - this.now()),
    );
  }
}
