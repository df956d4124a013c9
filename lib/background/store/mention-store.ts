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

/**
 * Stores mentions seen on a page in one transaction: new ones as given, known ones keep their first
 * sighting, note and flag and take the new title, anchor and last sighting.
 * @throws what IndexedDB throws (QuotaExceededError on a full disk); nothing is written then
 */
export async function recordSeenMentions(db: PledgeLensDatabase, seen: readonly Mention[]): Promise<void> {
  const tx = db.transaction('mentions', 'readwrite');
  for (const mention of seen) {
    const existing = await tx.store.get(mention.id);
    await tx.store.put(existing ? { ...existing, pageTitle: mention.pageTitle, anchor: mention.anchor, lastSeen: mention.lastSeen } : mention);
  }
  await tx.done;
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
