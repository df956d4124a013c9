/**
 * Which of a page's stored mentions the reader marked as wrong matches, so a revisit paints them
 * dimmed from the start (`match-page` answers with the flag). One read of the page's history record
 * per page, remembered for the pages read lately; any change to the history forgets what it touched.
 */
import { mentionsOnPage } from './store/mention-store';
import type { PledgeLensDatabase } from './store/open-database';

/** Pages remembered (their flagged ids): far more than the tabs a reader has open. */
const REMEMBERED_PAGES = 200;

export class FlaggedMentions {
  /** History URL → ids of its mentions flagged now; insertion order is age. */
  private readonly pages = new Map<string, ReadonlySet<string>>();
  /** Bumped by every `forget`: a read that began before it does not remember what it read. */
  private generation = 0;

  constructor(private readonly db: PledgeLensDatabase) {}

  /**
   * The ids of the page's mentions flagged as wrong matches (empty when none, or when the history
   * cannot be read: highlighting never waits on a failed read).
   * @param pageUrl the page's history URL (`historyUrl`)
   */
  async onPage(pageUrl: string): Promise<ReadonlySet<string>> {
    const known = this.pages.get(pageUrl);
    if (known) return known;
    const generation = this.generation;
    let flagged: ReadonlySet<string>;
    try {
      const mentions = await mentionsOnPage(this.db, pageUrl);
      flagged = new Set(mentions.filter((mention) => mention.wrongMatch?.flagged === true).map((mention) => mention.id));
    } catch {
      return new Set();
    }
    if (generation === this.generation) {
      this.pages.set(pageUrl, flagged);
      if (this.pages.size > REMEMBERED_PAGES) this.pages.delete(this.pages.keys().next().value!);
    }
    return flagged;
  }

  /** The history changed (a flag set, an import, a deletion): what was remembered may be wrong. `pageUrl`: only that page. */
  forget(pageUrl?: string): void {
    this.generation++;
    if (pageUrl === undefined) this.pages.clear();
    else this.pages.delete(pageUrl);
  }
}
