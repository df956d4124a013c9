import { filterMentions, type MentionFilter } from '../../annotations/filter-mentions';
import { makeAnchor } from '../../annotations/make-anchor';
import { mayUpdate, mentionId } from '../../annotations/mention-id';
import { mergeMentions, type ReplacedNote } from '../../annotations/merge-mentions';
import { readableText } from '../../annotations/readable-quote';
import { saysAnything, type PageCitation } from '../../annotations/page-citation';
import type { Mention } from '../../annotations/schema';
import type { ScriptRange } from '../../text/script-ranges';
import { historyPage, type HistoryPage, type PledgeLensDatabase } from './open-database';

export interface FoundSpan {
  claimId: string;
  start: number;
  end: number;
  /** The matcher is unsure the span states the claim (`ClaimMatch.possible`). */
  possible?: boolean;
}

/**
 * The mentions a page's matches become, before anything is stored. A mention's id comes from the page,
 * the claim and the quote with its context, so a revisit finds the same id (and so the reader's note
 * and flag) without reading the store first.
 * @param page.text the matched text; `page.offset` is the page offset (UTF-16 units) of `text[0]`;
 *   `page.scripts` its superscript and subscript runs (offsets into `text`), which give a quote its `readableExact`;
 *   `page.citation` what the page's metadata says of its publication day, site and authors; `page.frameUrl` the embed
 *   the text is from when it is not the page itself (`Mention.frameUrl`; the caller gives no citation then: an embed's
 *   metadata is not the article's)
 */
export function mentionsSeen(
  page: { url: string; title: string; frameUrl?: string; citation?: PageCitation; text: string; offset?: number; scripts?: readonly ScriptRange[] },
  spans: readonly FoundSpan[],
  now: Date,
): Mention[] {
  const time = now.toISOString();
  const shift = page.offset ?? 0;
  // (A page whose metadata says nothing stores no empty object.)
  const citation = saysAnything(page.citation) ? page.citation : undefined;
  return spans.map((span) => {
    const local = makeAnchor(page.text, span.start, span.end);
    // (Offsets past the text a page sent are its own fault: readableText reads only inside the quote.)
    const readableExact = page.scripts && page.scripts.length > 0 ? readableText(page.text, local.start, local.end, page.scripts) : undefined;
    const anchor = { ...local, start: local.start + shift, end: local.end + shift, ...(readableExact === undefined ? {} : { readableExact }) };
    const id = mentionId(page.url, span.claimId, anchor.exact, anchor.prefix, anchor.suffix, page.frameUrl);
    return { id, pageUrl: page.url, pageTitle: page.title, ...(page.frameUrl !== undefined && { frameUrl: page.frameUrl }), claimId: span.claimId, anchor, firstSeen: time, lastSeen: time, ...(span.possible && { possible: true as const }), ...(citation && { pageCitation: citation }) };
  });
}

/**
 * A stored mention seen again: the page's title, the quote's place, the last sighting and whether the match was
 * a possible one are the new sighting's (a claim-set update may have made the matcher surer), and so is the page's
 * citation data when it gave any (a page whose metadata went missing keeps what it said before); the reader's note
 * and flag stay.
 */
function revisited(stored: Mention, seen: Mention): Mention {
  const pageCitation = seen.pageCitation ?? stored.pageCitation;
  const { possible: _was, ...kept } = stored;
  return { ...kept, pageTitle: seen.pageTitle, anchor: seen.anchor, lastSeen: seen.lastSeen, ...(seen.possible && { possible: true as const }), ...(pageCitation && { pageCitation }) };
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

type ReadwritePages = ReturnType<typeof pagesReadwrite>;

function pagesReadwrite(db: PledgeLensDatabase, durability: IDBTransactionDurability = 'default') {
  return db.transaction('history-pages', 'readwrite', { durability });
}

/**
 * Asks a transaction that has made its last request to commit now. Otherwise the browser commits
 * only after the last request's answer has come back to this thread and its handlers ran: one more
 * round trip to the database per page, while the worker waits (an in-page test of the 10k page's
 * record, 183 mentions: 26.8 -> 22.6 ms median). A failed request still aborts the transaction.
 */
function commitNow(tx: ReadwritePages): void {
  tx.commit();
}

/** Writes a page's record, or deletes it when no mention is left on it. */
function putPage(tx: ReadwritePages, pageUrl: string, mentions: Mention[]): Promise<unknown> {
  return mentions.length === 0 ? tx.store.delete(pageUrl) : tx.store.put(historyPage(pageUrl, mentions));
}

/**
 * Stores the mentions seen on one page (all with the same `pageUrl`) in one readwrite transaction:
 * new ones as given, known ones keep their first sighting, note and flag and take the new title,
 * anchor and last sighting. One read of the page's record (plus the total when `known` lacks it)
 * and one write, however many mentions the page has.
 *
 * A mention id is tied to its page (it hashes the page URL), so a new id is looked for on this page
 * only. Should it be stored on another page all the same (an imported file can put it there), the
 * history's unique id index refuses the write, and the page is written again looking up every new id
 * (one read each), updating such a mention where it is, as for any known mention.
 * @param admit how many of the `fresh` distinct new mentions may be stored (the first ones, in page
 *   order), given the counts before the write; all by default
 *
 * A page the caller believes new (`known.newPage`, with the total known) is first added without a
 * read: one request. If the history holds the page after all (or one of its ids), the add is refused
 * and the page is written as above.
 * @param known the total the caller already holds (it is not read again), and whether the page is
 *   believed to have no record
 * @throws what IndexedDB throws (QuotaExceededError on a full disk); nothing is written then
 */
export async function recordSeenMentions(
  db: PledgeLensDatabase,
  seen: readonly Mention[],
  admit: (fresh: number, before: HistoryCounts) => number = (fresh) => fresh,
  known: { total?: number; newPage?: boolean } = {},
): Promise<SeenOutcome> {
  const refused = (error: unknown) => error instanceof Error && error.name === 'ConstraintError';
  try {
    const added = known.newPage && known.total !== undefined ? await addNewPage(db, seen, admit, known.total) : undefined;
    if (added) return added;
  } catch (error) {
    if (!refused(error)) throw error;
  }
  try {
    return await recordOnPage(db, seen, admit, known, false);
  } catch (error) {
    if (!refused(error)) throw error;
    return recordOnPage(db, seen, admit, known, true);
  }
}

/**
 * Adds the record of a page with no record yet; rejects with ConstraintError (nothing written) when
 * it has one. Undefined, writing nothing, when no new mention may be stored: whether the page has
 * known mentions to update is then for the read to tell.
 */
async function addNewPage(
  db: PledgeLensDatabase,
  seen: readonly Mention[],
  admit: (fresh: number, before: HistoryCounts) => number,
  total: number,
): Promise<SeenOutcome | undefined> {
  const pageUrl = seen[0]?.pageUrl ?? '';
  const before = { onPage: 0, total };
  const distinct = new Map<string, Mention>();
  // A repeated quote keeps its first place and takes the later sighting's anchor, as a known one would.
  for (const mention of seen) {
    const first = distinct.get(mention.id);
    distinct.set(mention.id, first ? revisited(first, mention) : mention);
  }
  titleUntitled(distinct);
  const kept = [...distinct.values()].slice(0, Math.max(0, Math.min(distinct.size, admit(distinct.size, before))));
  if (kept.length === 0) return undefined;
  const tx = pagesReadwrite(db, 'relaxed');
  tx.done.catch(() => undefined);
  const added = tx.store.add(historyPage(pageUrl, kept));
  commitNow(tx);
  await Promise.all([added, tx.done]);
  return { added: kept.length, refused: distinct.size - kept.length, before };
}

/**
 * Gives a page's title to its mentions without one (read in a frame of it before the page had said its title), in
 * place: the title of the first that has one.
 */
function titleUntitled(mentions: Map<string, Mention>): void {
  const title = [...mentions.values()].find((mention) => mention.pageTitle.trim() !== '')?.pageTitle;
  if (title === undefined) return;
  for (const [id, mention] of mentions) if (mention.pageTitle.trim() === '') mentions.set(id, { ...mention, pageTitle: title });
}

async function recordOnPage(
  db: PledgeLensDatabase,
  seen: readonly Mention[],
  admit: (fresh: number, before: HistoryCounts) => number,
  known: { total?: number },
  lookElsewhere: boolean,
): Promise<SeenOutcome> {
  const pageUrl = seen[0]?.pageUrl ?? '';
  // History is not a bank ledger: a sighting lost to a power cut right after it is not worth an fsync per page.
  const tx = pagesReadwrite(db, 'relaxed');
  // A failed request aborts the transaction and rejects `done` too; the request's own rejection is what is thrown.
  tx.done.catch(() => undefined);
  const [page, total] = await Promise.all([tx.store.get(pageUrl), known.total ?? tx.store.index('mentionId').count()]);
  const onPage = new Map((page?.mentions ?? []).map((mention) => [mention.id, mention]));
  const before = { onPage: onPage.size, total };
  const notHere = [...new Set(seen.filter((mention) => !onPage.has(mention.id)).map((mention) => mention.id))];
  // Pages elsewhere holding one of those ids (the slow path only), by page URL.
  const elsewhere = new Map<string, Map<string, Mention>>();
  if (lookElsewhere) {
    const holders = await Promise.all(notHere.map((id) => tx.store.index('mentionId').get(id)));
    for (const holder of holders) if (holder) elsewhere.set(holder.pageUrl, new Map(holder.mentions.map((mention) => [mention.id, mention])));
  }
  const storedElsewhere = (id: string) => [...elsewhere.values()].find((mentions) => mentions.has(id));
  const freshIds = notHere.filter((id) => storedElsewhere(id) === undefined);
  const kept = new Set(freshIds.slice(0, Math.max(0, Math.min(freshIds.length, admit(freshIds.length, before)))));
  for (const mention of seen) {
    const holder = onPage.has(mention.id) ? onPage : storedElsewhere(mention.id);
    const existing = holder?.get(mention.id);
    // (A record under this id that is another page's, claim's or quote's is someone else's mention: left alone, and this one not kept.)
    if (holder && existing) {
      if (mayUpdate(existing, mention)) holder.set(mention.id, revisited(existing, mention));
    }
    else if (kept.has(mention.id)) onPage.set(mention.id, mention);
  }
  titleUntitled(onPage);
  const writes = [putPage(tx, pageUrl, [...onPage.values()]), ...[...elsewhere].map(([url, mentions]) => putPage(tx, url, [...mentions.values()]))];
  commitNow(tx);
  await Promise.all([...writes, tx.done]);
  return { added: kept.size, refused: freshIds.length - kept.size, before };
}

/** The page record holding mention `id`, if any (read inside `tx` when given). */
function pageHolding(db: PledgeLensDatabase, id: string): Promise<HistoryPage | undefined> {
  return db.getFromIndex('history-pages', 'mentionId', id);
}

/** One stored mention by id, or undefined when the history does not hold it. */
export async function getMention(db: PledgeLensDatabase, id: string): Promise<Mention | undefined> {
  return (await pageHolding(db, id))?.mentions.find((mention) => mention.id === id);
}

/** Every stored mention of one page (its history URL), in no particular order. */
export async function mentionsOnPage(db: PledgeLensDatabase, pageUrl: string): Promise<Mention[]> {
  return (await db.get('history-pages', pageUrl))?.mentions ?? [];
}

/** Every stored mention of one claim, in no particular order. */
export async function mentionsOfClaim(db: PledgeLensDatabase, claimId: string): Promise<Mention[]> {
  const pages = await db.getAllFromIndex('history-pages', 'claimId', claimId);
  return pages.flatMap((page) => page.mentions.filter((mention) => mention.claimId === claimId));
}

/**
 * How many mentions the history holds from one site: every page whose history URL starts with `origin` + "/"
 * (`origin` as `URL.origin` gives it, e.g. "https://news.example"). Reads each of those page records once.
 */
export async function countSiteMentions(db: PledgeLensDatabase, origin: string): Promise<number> {
  let found = 0;
  let cursor = await db.transaction('history-pages').store.openCursor(IDBKeyRange.bound(`${origin}/`, `${origin}/\uffff`));
  while (cursor) {
    found += cursor.value.mentionIds.length;
    cursor = await cursor.continue();
  }
  return found;
}

/** How many mentions the history holds. */
export function countMentions(db: PledgeLensDatabase): Promise<number> {
  return db.countFromIndex('history-pages', 'mentionId');
}

/**
 * Changes one stored mention in place. `change` must keep the mention's `id` and `pageUrl`.
 * @returns the changed mention, or undefined when none has that id
 */
export async function updateMention(
  db: PledgeLensDatabase,
  id: string,
  change: (mention: Mention) => Mention,
): Promise<Mention | undefined> {
  const tx = pagesReadwrite(db);
  const page = await tx.store.index('mentionId').get(id);
  const at = page?.mentions.findIndex((mention) => mention.id === id) ?? -1;
  if (!page || at < 0) {
    await tx.done;
    return undefined;
  }
  const updated = change(page.mentions[at]!);
  const mentions = page.mentions.with(at, updated);
  await tx.store.put(historyPage(page.pageUrl, mentions));
  await tx.done;
  return updated;
}

export async function listMentions(db: PledgeLensDatabase, filter: MentionFilter & { pageUrl?: string } = {}): Promise<Mention[]> {
  const all = filter.pageUrl ? await mentionsOnPage(db, filter.pageUrl) : (await db.getAll('history-pages')).flatMap((page) => page.mentions);
  return filterMentions(all, filter).sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.anchor.start - b.anchor.start);
}

/** Deletes the mentions with these ids (unknown ids are skipped) in one transaction. @returns how many were deleted */
export async function deleteMentions(db: PledgeLensDatabase, ids: readonly string[]): Promise<number> {
  const tx = pagesReadwrite(db);
  const wanted = new Set(ids);
  const holders = await Promise.all([...wanted].map((id) => tx.store.index('mentionId').get(id)));
  const pages = new Map(holders.flatMap((page) => (page ? [[page.pageUrl, page] as const] : [])));
  let deleted = 0;
  const writes = [...pages.values()].map((page) => {
    const left = page.mentions.filter((mention) => !wanted.has(mention.id));
    deleted += page.mentions.length - left.length;
    return putPage(tx, page.pageUrl, left);
  });
  await Promise.all([...writes, tx.done]);
  return deleted;
}

export async function clearMentions(db: PledgeLensDatabase): Promise<number> {
  const tx = pagesReadwrite(db);
  const count = await tx.store.index('mentionId').count();
  await tx.store.clear();
  await tx.done;
  return count;
}

/** What an import did, or, when it would replace the reader's notes or flags without leave, what it would change. */
export type ImportResult =
  | { written: true; added: number; updated: number; unchanged: number; keptNotes: number }
  | { written: false; replacedNotes: ReplacedNote[]; changedFlags: number };

/**
 * Merges imported mentions in one transaction: either every change lands or none does. A merged
 * mention whose page changed (the import saw it later, on another address) moves to that page's record.
 * An import that would replace a note of the reader's with other words, or turn a wrong-match flag on or off,
 * writes nothing unless `replace` is set, and says what it would change: a file's timestamps decide which note
 * is newer, and a crafted file dated ahead replaced a reader's note unseen (attack report 48, finding 10).
 */
export async function importMentions(db: PledgeLensDatabase, incoming: readonly Mention[], options: { replace?: boolean } = {}): Promise<ImportResult> {
  const tx = pagesReadwrite(db);
  const ids = new Set(incoming.map((mention) => mention.id));
  const holders = await Promise.all([...ids].map((id) => tx.store.index('mentionId').get(id)));
  const pages = new Map<string, Mention[]>(holders.flatMap((page) => (page ? [[page.pageUrl, page.mentions] as const] : [])));
  const existing = [...pages.values()].flat().filter((mention) => ids.has(mention.id));
  const result = mergeMentions(existing, incoming);
  if (!options.replace && (result.replacedNotes.length > 0 || result.changedFlags > 0)) {
    await tx.done;
    return { written: false, replacedNotes: result.replacedNotes, changedFlags: result.changedFlags };
  }
  const targets = [...new Set(result.merged.map((mention) => mention.pageUrl))].filter((url) => !pages.has(url));
  const read = await Promise.all(targets.map((url) => tx.store.get(url)));
  targets.forEach((url, i) => pages.set(url, read[i]?.mentions ?? []));
  // Each page keeps its own mentions in place, drops the imported ids and takes the merged ones that belong on it.
  const merged = new Map(result.merged.filter((mention) => ids.has(mention.id)).map((mention) => [mention.id, mention]));
  const writes = [...pages].map(([url, mentions]) => {
    const placed = mentions.flatMap((mention) => {
      if (!ids.has(mention.id)) return [mention];
      const now = merged.get(mention.id)!;
      if (now.pageUrl !== url) return [];
      merged.delete(mention.id);
      return [now];
    });
    return { url, placed };
  });
  for (const mention of merged.values()) writes.find((write) => write.url === mention.pageUrl)!.placed.push(mention);
  await Promise.all([...writes.map(({ url, placed }) => putPage(tx, url, placed)), tx.done]);
  return { written: true, added: result.added, updated: result.updated, unchanged: result.unchanged, keptNotes: result.keptNotes };
}
