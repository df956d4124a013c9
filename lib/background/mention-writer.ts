/**
 * Writes the mentions pages report after the page has its answer: highlighting never waits for
 * IndexedDB, and a failed write (a full disk) fails only that write. Writes queue in order, so a
 * note saved right after a page was matched always finds its mention stored.
 *
 * The history is bounded, because a page is an adversary: one page may add at most
 * `MAX_MENTIONS_PER_PAGE` mentions and the whole history holds at most `MAX_STORED_MENTIONS`. Past a
 * bound, new mentions are not recorded (nothing stored is ever dropped) and the reader is told.
 */
import type { Mention } from '../annotations/schema';
import { failureMessage } from '../messages/message-map';
import { recordSeenMentions } from './store/mention-store';
import type { PledgeLensDatabase } from './store/open-database';

/** Distinct mentions one page (one history URL) may add: far above any real article (~20). */
export const MAX_MENTIONS_PER_PAGE = 300;
/** Mentions the history may hold in all (about 60 MB at the largest record size). */
export const MAX_STORED_MENTIONS = 100_000;

export class MentionWriter {
  private queue: Promise<void> = Promise.resolve();
  /** The last failed write's message and time, until a later write succeeds. */
  lastError: { at: string; message: string } | undefined;
  /** Pages whose new mentions were not recorded, with the sentence to show the reader. */
  private readonly limited = new Map<string, string>();

  constructor(
    private readonly db: PledgeLensDatabase,
    private readonly now: () => Date,
  ) {}

  /** Queues the mentions one page reported (all with the same `pageUrl`); returns at once. */
  record(seen: readonly Mention[]): void {
    if (seen.length === 0) return;
    this.queue = this.queue.then(async () => {
      try {
        await this.write(seen);
        this.lastError = undefined;
      } catch (error) {
        this.lastError = { at: this.now().toISOString(), message: failureMessage(error) };
      }
    });
  }

  /** Why some of a page's mentions were not recorded, if that happened. */
  noticeFor(pageUrl: string): string | undefined {
    return this.limited.get(pageUrl) ?? (this.lastError ? `Your history could not be saved: ${this.lastError.message}` : undefined);
  }

  /** Resolves when every write queued so far has finished (or failed). */
  flushed(): Promise<void> {
    return this.queue;
  }

  private async write(seen: readonly Mention[]): Promise<void> {
    const pageUrl = seen[0]!.pageUrl;
    const known = new Set<string>();
    for (const mention of seen) if ((await this.db.getKey('mentions', mention.id)) !== undefined) known.add(mention.id);
    const fresh = seen.filter((mention) => !known.has(mention.id));
    let room = fresh.length;
    if (fresh.length > 0) {
      const onPage = await this.db.countFromIndex('mentions', 'pageUrl', pageUrl);
      const total = await this.db.count('mentions');
      room = Math.max(0, Math.min(fresh.length, MAX_MENTIONS_PER_PAGE - onPage, MAX_STORED_MENTIONS - total));
      if (room < fresh.length) {
        this.limited.set(
          pageUrl,
          total + room >= MAX_STORED_MENTIONS
            ? `Your history is full (${MAX_STORED_MENTIONS.toLocaleString('en')} mentions): new mentions are highlighted but not saved. Delete old history in the options page.`
            : `This page reported more than ${MAX_MENTIONS_PER_PAGE} mentions; the rest are highlighted but not saved in your history.`,
        );
      }
    }
    const keep = new Set(fresh.slice(0, room).map((mention) => mention.id));
    await recordSeenMentions(this.db, seen.filter((mention) => known.has(mention.id) || keep.has(mention.id)));
  }
}
