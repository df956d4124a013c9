import { filterMentions, type MentionFilter } from '../annotations/filter-mentions';
import { makeAnchor } from '../annotations/make-anchor';
import { mentionId } from '../annotations/mention-id';
import { mergeMentions, type MergeResult } from '../annotations/import-annotations';
import type { Mention } from '../annotations/schema';
import type { PledgeLensDatabase } from './open-database';

export interface FoundSpan {
  claimId: string;
  start: number;
  end: number;
}

/**
 * Records what was found on a page. A mention's id comes from the page, the claim and the quote
 * with its context, so a revisit updates `lastSeen` instead of adding a duplicate, and keeps the
 * reader's note and flag.
 */
export async function recordPageMentions(
  db: PledgeLensDatabase,
  page: { url: string; title: string; text: string; /** Page offset of `text[0]` when `text` is a region of the page. */ offset?: number },
  spans: readonly FoundSpan[],
  now: Date,
): Promise<Mention[]> {
  const time = now.toISOString();
  const shift = page.offset ?? 0;
  const tx = db.transaction('mentions', 'readwrite');
  const stored: Mention[] = [];
  for (const span of spans) {
    const local = makeAnchor(page.text, span.start, span.end);
    const anchor = { ...local, start: local.start + shift, end: local.end + shift };
    const id = mentionId(page.url, span.claimId, anchor.exact, anchor.prefix, anchor.suffix);
    const existing = await tx.store.get(id);
    const mention: Mention = existing
      ? { ...existing, pageTitle: page.title, anchor, lastSeen: time }
      : { id, pageUrl: page.url, pageTitle: page.title, claimId: span.claimId, anchor, firstSeen: time, lastSeen: time };
    await tx.store.put(mention);
    stored.push(mention);
  }
  await tx.done;
  return stored;
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
