/**
 * Merging mentions: an imported file into the stored history, or one store record into another.
 * The newer note and wrong-match flag win; first/last seen widen.
 */
import { dequal } from 'dequal/lite';
import { earlierInstant, laterInstant } from './claim-facts';
import { mayUpdate } from './mention-id';
import type { Mention } from './schema';

export interface MergeResult {
  merged: Mention[];
  /** Incoming ids that were not stored before. */
  added: number;
  /** Incoming ids whose stored record changed. */
  updated: number;
  /** Incoming ids whose stored record already said everything the incoming one did. */
  unchanged: number;
  /** Stored notes the merge replaced with an incoming one of other words (the reader's own writing). */
  replacedNotes: ReplacedNote[];
  /**
   * Incoming notes of other words than the stored one that the merge did not use, the stored being as new or
   * newer: an "unchanged" record whose file said something else (a reader re-importing an old backup sees it said).
   */
  keptNotes: number;
  /** Stored mentions whose wrong-match flag the merge turned on or off. */
  changedFlags: number;
}

/** A stored note an import would replace: on which page, the reader's words and the file's (UTF-16 strings as stored). */
export interface ReplacedNote {
  mentionId: string;
  pageTitle: string;
  stored: string;
  incoming: string;
}

/** The later-stamped of two timestamped values; on a tie the stored one stays, which keeps merges idempotent. */
function newer<T extends { updatedAt: string }>(stored: T | undefined, incoming: T | undefined): T | undefined {
  if (!stored) return incoming;
  if (!incoming) return stored;
  return Date.parse(incoming.updatedAt) > Date.parse(stored.updatedAt) ? incoming : stored;
}

function mergeOne(stored: Mention, incoming: Mention): Mention {
  // One id, another page, claim or quote: a forged record (a 64-bit id can be matched on purpose), never merged into
  // the reader's genuine one (`mayUpdate`). The stored one stays as it was (and counts as unchanged).
  if (!mayUpdate(stored, incoming)) return stored;
  // Descriptive fields (title, offsets) come from whichever record saw the page more recently.
  const base = Date.parse(incoming.lastSeen) > Date.parse(stored.lastSeen) ? incoming : stored;
  const merged: Mention = {
    id: stored.id,
    pageUrl: base.pageUrl,
    pageTitle: base.pageTitle,
    claimId: base.claimId,
    anchor: { ...base.anchor },
    firstSeen: earlierInstant(stored.firstSeen, incoming.firstSeen),
    lastSeen: laterInstant(stored.lastSeen, incoming.lastSeen),
  };
  // The quote as the reader saw it (superscripts) is known to whichever record was written with it: one id, one quote.
  const readable = base.anchor.readableExact ?? (base === incoming ? stored : incoming).anchor.readableExact;
  if (readable !== undefined) merged.anchor.readableExact = readable;
  // The page's citation data, like its title, from the later sighting; from the other when that one had none.
  const pageCitation = base.pageCitation ?? (base === incoming ? stored : incoming).pageCitation;
  if (pageCitation) merged.pageCitation = structuredClone(pageCitation);
  const note = newer(stored.note, incoming.note);
  if (note) merged.note = { ...note };
  const wrongMatch = newer(stored.wrongMatch, incoming.wrongMatch);
  if (wrongMatch) merged.wrongMatch = { ...wrongMatch };
  // Whether the match was a possible one is the later sighting's, as the title is.
  if (base.possible) merged.possible = true;
  return merged;
}

/**
 * Merges incoming mentions into stored ones by id. Pure: neither input is mutated; unchanged stored
 * records are returned as they are, changed ones as new objects. Stored order is kept and new ids
 * follow in incoming order. Duplicate ids on either side are folded together.
 */
export function mergeMentions(existing: readonly Mention[], incoming: readonly Mention[]): MergeResult {
  const byId = new Map<string, Mention>();
  for (const mention of existing) {
    const stored = byId.get(mention.id);
    byId.set(mention.id, stored ? mergeOne(stored, mention) : mention);
  }
  const before = new Map(byId);

  for (const mention of incoming) {
    const stored = byId.get(mention.id);
    byId.set(mention.id, stored ? mergeOne(stored, mention) : mention);
  }

  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let changedFlags = 0;
  let keptNotes = 0;
  const replacedNotes: ReplacedNote[] = [];
  const incomingNotes = new Map(incoming.map((mention) => [mention.id, mention.note?.text]));
  const incomingIds = new Set(incoming.map((mention) => mention.id));
  incomingIds.forEach((id) => {
    const original = before.get(id);
    const now = byId.get(id)!;
    const offered = incomingNotes.get(id);
    if (original?.note && offered !== undefined && offered !== original.note.text && now.note?.text === original.note.text) keptNotes += 1;
    if (!original) added += 1;
    else if (dequal(original, now)) {
      unchanged += 1;
      byId.set(id, original); // keep the stored object itself when nothing changed
    } else {
      updated += 1;
      if (original.note && now.note && original.note.text !== now.note.text) replacedNotes.push({ mentionId: id, pageTitle: now.pageTitle, stored: original.note.text, incoming: now.note.text });
      if ((original.wrongMatch?.flagged ?? false) !== (now.wrongMatch?.flagged ?? false)) changedFlags += 1;
    }
  });

  return { merged: Array.from(byId.values()), added, updated, unchanged, replacedNotes, keptNotes, changedFlags };
}
