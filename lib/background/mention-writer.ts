/**
 * Writes the mentions pages report after the page has its answer: highlighting never waits for
 * IndexedDB, and a failed write (a full disk) fails only that write. Writes queue in order, so a
 * note saved right after a page was matched always finds its mention stored.
 *
 * The history is bounded, because a page is an adversary: one page may add at most
 * `MAX_MENTIONS_PER_PAGE` mentions, one site `MAX_MENTIONS_PER_SITE`, and the whole history holds at most
 * `MAX_STORED_MENTIONS`. Past a bound, new mentions are not recorded (nothing stored is ever dropped) and the
 * reader is told. A mention a bound kept out is held in memory a while: the reader's note or wrong-match flag on
 * it stores it past every bound, since no page can write a note for the reader (attack report 48, finding 4: a
 * page that filled the history left the reader unable to save any note).
 */
import { afterQueuedTasks } from './after-queued-tasks';
import type { Mention } from '../annotations/schema';
import { failureMessage } from '../messages/message-map';
import type { HistoryNotice } from '../messages/reader-failure';
import { originOf } from '../sites/url';
import { RecentPlaces } from './recent-places';
import { countSiteMentions, recordSeenMentions } from './store/mention-store';
import type { PledgeLensDatabase } from './store/open-database';

/** Distinct mentions one page (one history URL) may add: far above any real article (~20). */
export const MAX_MENTIONS_PER_PAGE = 300;
/** Mentions the history may hold in all (about 60 MB at the largest record size). */
export const MAX_STORED_MENTIONS = 100_000;
/**
 * Mentions one site (an origin) may add: a fifth of the history. The per-page bound is per address, and a page
 * made of 334 hidden same-site frames, each its own address, filled the whole history in two minutes, after which
 * no real article was recorded (attack report 45, finding 3).
 */
export const MAX_MENTIONS_PER_SITE = 20_000;

/** A failed write as the popup's notice: a full browser store gets its own words, any other error its own text. */
function saveFailed(error: unknown): HistoryNotice {
  if (error instanceof Error && error.name === 'QuotaExceededError') return { kind: 'save-failed', quota: true };
  const detail = (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '').slice(0, 500);
  return { kind: 'save-failed', quota: false, ...(detail ? { detail } : {}) };
}

/** Pages remembered as written (a hint, see `written`). */
const REMEMBERED_PAGES = 500;
/** Sites whose mention counts are kept (`siteCounts`): a worker meets a handful; past this many they are read again. */
const REMEMBERED_SITES = 500;
/** Mentions a bound kept out that are held for the reader's note (`heldBackMentions`): about 1 MB at most. */
const HELD_BACK_MENTIONS = 2_000;

export class MentionWriter {
  private queue: Promise<void> = Promise.resolve();
  /** The last failed write's English message (for logs), time and notice, until a later write succeeds. */
  lastError: { at: string; message: string; notice: HistoryNotice } | undefined;
  /** Pages whose new mentions were not recorded, with the notice the popup words for the reader. */
  private readonly limited = new Map<string, HistoryNotice>();
  /**
   * Mentions stored in all, as of the last write (the page's own count comes with its record). Only
   * this writer adds mentions, so each write's own count keeps it true; deletions and imports go
   * through `alter`, which forgets it. Unknown, it is read inside the write's transaction.
   */
  private total: number | undefined;
  /**
   * Pages this writer has written in this life, newest last (at most `REMEMBERED_PAGES`): any other
   * page is first added without a read (a page not met before, the usual case), and a page listed
   * here is read first. Only a hint: a wrong guess costs a refused add or a read, never a mention.
   */
  private readonly written = new Set<string>();
  /** Mentions stored per site, as of this writer's last write for it (read from the store the first time). */
  private readonly siteCounts = new Map<string, number>();
  /** The mentions of writes a bound cut short, by id, newest last (at most `HELD_BACK_MENTIONS`; stored ones too). */
  private readonly heldBackMentions = new Map<string, Mention>();
  /** Where the mentions seen lately are, for a page that re-renders a quote with new numbers beside it (recent-places.ts). */
  private readonly places = new RecentPlaces();

  constructor(
    private readonly db: PledgeLensDatabase,
    private readonly now: () => Date,
  ) {}

  /**
   * One page's sighting (all of one `pageUrl`) as it is to be answered and recorded: a quote at a place seen lately,
   * its context's numbers changed since (a counter, a clock), keeps the id and anchor it was first seen with
   * (`RecentPlaces`). Call before `record`, and answer the page with these ids.
   */
  sameAsBefore(seen: readonly Mention[]): Mention[] {
    return this.places.sameAsBefore(seen);
  }

  /**
   * Queues the mentions one page reported (all with the same `pageUrl`); returns at once. The write
   * starts a task later: the page's answer goes out when the handler's promise settles, a few
   * microtasks on, so none of the write's work (the transaction, cloning the record) comes before it.
   */
  record(seen: readonly Mention[]): void {
    if (seen.length === 0) return;
    this.queue = this.queue.then(afterQueuedTasks).then(async () => {
      try {
        await this.write(seen);
        this.lastError = undefined;
      } catch (error) {
        this.lastError = { at: this.now().toISOString(), message: failureMessage(error), notice: saveFailed(error) };
      }
    });
  }

  /**
   * Runs a change to the history made elsewhere (a deletion, a clear, an import) after every write
   * queued so far and before any later one, then forgets the counts it may have changed.
   * @returns what `change` returns; rejects as it does (the queue goes on)
   */
  alter<T>(change: () => Promise<T>): Promise<T> {
    const run = this.queue.then(change).finally(() => this.forgetCounts());
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Why some of a page's mentions were not recorded, if that happened. */
  noticeFor(pageUrl: string): HistoryNotice | undefined {
    return this.limited.get(pageUrl) ?? this.lastError?.notice;
  }

  /** A mention a history bound kept out, as the page reported it; undefined when none is held under that id. */
  heldBack(mentionId: string): Mention | undefined {
    return this.heldBackMentions.get(mentionId);
  }

  /**
   * Stores a mention a history bound kept out, past every bound, after every write queued so far: the reader is
   * annotating it, or opened its card. Only the reader's acts lead here (an extension page's note or flag, a card
   * opened by the reader's own hover or focus).
   * @returns false when no mention is held under that id (nothing is written)
   * @throws what IndexedDB throws (QuotaExceededError on a full disk)
   */
  storeHeldBack(mentionId: string): Promise<boolean> {
    // A write past the counts' bookkeeping: `alter` forgets them after it.
    return this.alter(async () => {
      const mention = this.heldBackMentions.get(mentionId);
      if (!mention) return false;
      await recordSeenMentions(this.db, [mention]);
      this.heldBackMentions.delete(mentionId);
      return true;
    });
  }

  /** Resolves when every write queued so far has finished (or failed). */
  flushed(): Promise<void> {
    return this.queue;
  }

  private forgetCounts(): void {
    this.total = undefined;
    this.siteCounts.clear();
    this.places.forget();
  }

  private async write(seen: readonly Mention[]): Promise<void> {
    const pageUrl = seen[0]!.pageUrl;
    const known = this.total === undefined ? {} : { total: this.total, newPage: !this.written.has(pageUrl) };
    const site = originOf(pageUrl);
    let onSite = 0;
    if (site !== undefined) {
      const counted = this.siteCounts.get(site);
      onSite = counted ?? (await countSiteMentions(this.db, site));
    }
    const outcome = await recordSeenMentions(
      this.db,
      seen,
      (fresh, { onPage, total }) => Math.max(0, Math.min(fresh, MAX_MENTIONS_PER_PAGE - onPage, MAX_STORED_MENTIONS - total, MAX_MENTIONS_PER_SITE - onSite)),
      known,
    ).catch((error: unknown) => {
      // Whether the failed transaction wrote anything is not known for sure: read the counts again.
      this.forgetCounts();
      throw error;
    });
    const { added, refused, before } = outcome;
    if (refused > 0) {
      for (const mention of seen) {
        this.heldBackMentions.delete(mention.id);
        this.heldBackMentions.set(mention.id, mention);
      }
      for (const id of this.heldBackMentions.keys()) {
        if (this.heldBackMentions.size <= HELD_BACK_MENTIONS) break;
        this.heldBackMentions.delete(id);
      }
      this.limited.set(
        pageUrl,
        before.total + added >= MAX_STORED_MENTIONS
          ? { kind: 'full', max: MAX_STORED_MENTIONS }
          : onSite + added >= MAX_MENTIONS_PER_SITE
            ? { kind: 'site-limit', max: MAX_MENTIONS_PER_SITE }
            : { kind: 'page-limit', max: MAX_MENTIONS_PER_PAGE },
      );
    }
    if (site !== undefined) {
      if (this.siteCounts.size >= REMEMBERED_SITES) this.siteCounts.clear();
      this.siteCounts.set(site, onSite + added);
    }
    this.total = before.total + added;
    this.written.delete(pageUrl);
    this.written.add(pageUrl);
    if (this.written.size > REMEMBERED_PAGES) this.written.delete(this.written.values().next().value!);
  }
}
