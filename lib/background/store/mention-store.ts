import { filterMentions, type MentionFilter } from '../../annotations/filter-mentions';
import { makeAnchor } from '../../annotations/make-anchor';
import { mentionId } from '../../annotations/mention-id';
import { mergeMentions, type MergeResult } from '../../annotations/merge-mentions';
import type { Mention } from '../../annotations/schema';
import type { PledgeLensDatabase } from './open-database';

export interface FoundSpan {
  claimId: string;
  start: number;
  end: number;
}

/**
 * The mentions a page's matches become, before anything is stored. A mention's id comes from the page,
 * the claim and the quote with its context, so a revisit finds the same id (and so the reader's note
 * and flag) without reading the store first.
 * @param page.text the matched text; `page.offset` is the page offset (UTF-16 units) of `text[0]`
 */
export function mentionsSeen(
  page: { url: string; title: string; text: string; offset?: number },
  spans: readonly FoundSpan[],
  now: Date,
): Mention[] {
  const time = now.toISOString();
  const shift = page.offset ?? 0;
  return spans.map((span) => {
    const local = makeAnchor(page.text, span.start, span.end);
    const anchor = { ...local, start: local.start + shift, end: local.end + shift };
    const id = mentionId(page.url, span.claimId, anchor.exact, anchor.prefix, anchor.suffix);
    return { id, pageUrl: page.url, pageTitle: page.title, claimId: span.claimId, anchor, firstSeen: time, lastSeen: time };
  });
}

/** How many mentions the history held before a write: those of the written page, and all. */
export interface HistoryCounts {
  onPage: number;
  total: number;
}

/** What `recordSeenMentions` did: distinct new mentions stored and refused, and the counts before it. */
export interface SeenOutcome {
  added: number;
  refused: number;
  before: HistoryCounts;
}

/**
 * Stores the mentions seen on one page (all with the same `pageUrl`) in one readwrite transaction:
 * new ones as given, known ones keep their first sighting, note and flag and take the new title,
 * anchor and last sighting. Every request is issued without waiting for the one before (IndexedDB
 * runs a transaction's requests in order): one read per mention plus the counts not given in
 * `known`, then one write per mention kept.
 * @param admit how many of the `fresh` distinct new mentions may be stored (the first ones, in page
 *   order), given the counts before the write; all by default
 * @param known counts the caller already holds (they are not read again)
 * @throws what IndexedDB throws (QuotaExceededError on a full disk); nothing is written then
 */
export async function recordSeenMentions(
  db: PledgeLensDatabase,
  seen: readonly Mention[],
  admit: (fresh: number, before: HistoryCounts) => number = (fresh) => fresh,
  known: Partial<HistoryCounts> = {},
): Promise<SeenOutcome> {
  const pageUrl = seen[0]?.pageUrl ?? '';
  // History is not a bank ledger: a sighting lost to a power cut right after it is not worth an fsync per page.
  const tx = db.transaction('mentions', 'readwrite', { durability: 'relaxed' });
  // A failed request aborts the transaction and rejects `done` too; the request's own rejection is what is thrown.
  tx.done.catch(() => undefined);
  const [stored, onPage, total] = await Promise.all([
    Promise.all(seen.map((mention) => tx.store.get(mention.id))),
    known.onPage ?? tx.store.index('pageUrl').count(pageUrl),
    known.total ?? tx.store.count(),
  ]);
  const before = { onPage, total };
  const freshIds = [...new Set(seen.filter((_, i) => stored[i] === undefined).map((mention) => mention.id))];
  const kept = new Set(freshIds.slice(0, Math.max(0, Math.min(freshIds.length, admit(freshIds.length, before)))));
  const writes: Array<Promise<unknown>> = [];
  seen.forEach((mention, i) => {
    const existing = stored[i];
    if (existing) writes.push(tx.store.put({ ...existing, pageTitle: mention.pageTitle, anchor: mention.anchor, lastSeen: mention.lastSeen }));
    else if (kept.has(mention.id)) writes.push(tx.store.put(mention));
  });
  await Promise.all([...writes, tx.done]);
  return { added: kept.size, refused: freshIds.length - kept.size, before };
}

export async function updateMention(
  db: PledgeLensDatabase,
  id: string,
  change: (mention: Mention) => Mention,
): Promise<Mention | undefined> {
  const tx = db.transaction('mentions', 'readwrite');
  const existing = await tx.store.get(id);
  if (!existing) {
    await tx.done;
    return undefined;
  }
  const updated = change(existing);
  await tx.store.put(updated);
  await tx.done;
  return updated;
}

export async function listMentions(db: PledgeLensDatabase, filter: MentionFilter & { pageUrl?: string } = {}): Promise<Mention[]> {
  const all = filter.pageUrl ? await db.getAllFromIndex('mentions', 'pageUrl', filter.pageUrl) : await db.getAll('mentions');
  return filterMentions(all, filter).sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.anchor.start - b.anchor.start);
}

export async function deleteMentions(db: PledgeLensDatabase, ids: readonly string[]): Promise<number> {
  const tx = db.transaction('mentions', 'readwrite');
  let deleted = 0;
  for (const id of ids) {
    if ((await tx.store.getKey(id)) !== undefined) {
      await tx.store.delete(id);
      deleted++;
    }
  }
  await tx.done;
  return deleted;
}

export async function clearMentions(db: PledgeLensDatabase): Promise<number> {
  const tx = db.transaction('mentions', 'readwrite');
  const count = await tx.store.count();
  await tx.store.clear();
  await tx.done;
  return count;
}

/** Merges imported mentions in one transaction: either every change lands or none does. */
export async function importMentions(db: PledgeLensDatabase, incoming: readonly Mention[]): Promise<Omit<MergeResult, 'merged'>> {
  const tx = db.transaction('mentions', 'readwrite');
  const ids = new Set(incoming.map((mention) => mention.id));
  const existing: Mention[] = [];
  for (const id of ids) {
    const found = await tx.store.get(id);
    if (found) existing.push(found);
  }
  const result = mergeMentions(existing, incoming);
  for (const mention of result.merged) if (ids.has(mention.id)) await tx.store.put(mention);
  await tx.done;
  return { added: result.added, updated: result.updated, unchanged: result.unchanged };
}
