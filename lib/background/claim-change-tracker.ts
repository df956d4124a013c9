/**
 * "Changed since you read it", kept by the background. Around every claim-set update (a feed update,
 * an imported pack, a newer bundled set shipped with an extension update) the handler takes a
 * `snapshot()` of the merged claims before storing the pack and calls `recordSince(snapshot)` after:
 * claims whose kind, status or evidence changed and that the reader has met (a mention in the
 * history not flagged as a wrong match) get a change event in the `claim-changes` store.
 *
 * Nothing here leaves the browser: the records live in IndexedDB next to the history they come from.
 */
import { detectClaimChanges, hasUnseen, netChangeSince, withChangeEvent, type ClaimChange, type ClaimChangeRecord } from '../claims/claim-changes';
import { mergeClaimPacks, type PackedClaim } from '../claims/merge-claim-packs';
import type { Mention } from '../annotations/schema';
import { listPacks } from './store/claim-store';
import { mentionsOfClaim } from './store/mention-store';
import type { PledgeLensDatabase } from './store/open-database';

export type ClaimSnapshot = ReadonlyMap<string, PackedClaim>;

/** A mention counts as meeting its claim unless the reader said it was a wrong match. */
const meets = (mention: Mention): boolean => mention.wrongMatch?.flagged !== true;

export class ClaimChangeTracker {
  /** Claim ids with a change the reader has not looked at; read once, kept until a write. */
  private unseen: Promise<ReadonlySet<string>> | undefined;

  constructor(
    private readonly db: PledgeLensDatabase,
    private readonly now: () => Date,
  ) {}

  /**
   * The merged claims of the stored packs, as pages are matched against them now. Never throws: when
   * the packs cannot be read, the snapshot is empty and the update then records no change.
   */
  async snapshot(): Promise<ClaimSnapshot> {
    try {
      const merged = mergeClaimPacks(await listPacks(this.db));
      return new Map(merged.claims.map((claim) => [claim.id, claim]));
    } catch {
      return new Map();
    }
  }

  /**
   * Records what the stored packs changed since `before`, for claims the reader has met.
   * @returns the ids of the claims a change was recorded for
   */
  async recordSince(before: ClaimSnapshot): Promise<string[]> {
    const packs = await listPacks(this.db);
    const after = new Map(mergeClaimPacks(packs).claims.map((claim) => [claim.id, claim]));
    const changes = detectClaimChanges(before, after, this.now().toISOString(), packs);
    if (changes.length === 0) return [];
    const met: typeof changes = [];
    for (const change of changes) {
      const mentions = await mentionsOfClaim(this.db, change.claimId);
      if (mentions.some(meets)) met.push(change);
    }
    if (met.length === 0) return [];
    const tx = this.db.transaction('claim-changes', 'readwrite');
    for (const { claimId, event } of met) await tx.store.put(withChangeEvent(await tx.store.get(claimId), claimId, event));
    await tx.done;
    this.unseen = undefined;
    return met.map((change) => change.claimId);
  }

  /** Claim ids with a change the reader has not looked at. */
  unseenClaimIds(): Promise<ReadonlySet<string>> {
    if (!this.unseen) {
      const reading = this.db.getAll('claim-changes').then((records) => new Set(records.filter(hasUnseen).map((record) => record.claimId)));
      this.unseen = reading;
      // A failed read must not stick.
      reading.catch(() => {
        if (this.unseen === reading) this.unseen = undefined;
      });
    }
    return this.unseen;
  }

  /** The records of these claims (all records when `claimIds` is undefined), by claim id. */
  async records(claimIds?: readonly string[]): Promise<Map<string, ClaimChangeRecord>> {
    const records = claimIds === undefined ? await this.db.getAll('claim-changes') : await Promise.all(claimIds.map((id) => this.db.get('claim-changes', id)));
    return new Map(records.filter((record): record is ClaimChangeRecord => record !== undefined).map((record) => [record.claimId, record]));
  }

  /**
   * The reader has looked at these claims' changes (all claims' when undefined): they stop marking the badge.
   * @returns how many claims still have an unseen change
   */
  async acknowledge(claimIds?: readonly string[]): Promise<number> {
    const seenAt = this.now().toISOString();
    const tx = this.db.transaction('claim-changes', 'readwrite');
    const records = claimIds === undefined ? await tx.store.getAll() : await Promise.all(claimIds.map((id) => tx.store.get(id)));
    for (const record of records) if (record && hasUnseen(record)) await tx.store.put({ ...record, seenAt });
    await tx.done;
    this.unseen = undefined;
    return (await this.unseenClaimIds()).size;
  }

  /** Forgets every change (with the history they were about). */
  async clear(): Promise<void> {
    await this.db.clear('claim-changes');
    this.unseen = undefined;
  }

  /**
   * What the popup says about the claims on a page: a claim's change is shown when the reader has not
   * looked at it yet, or when this page was read before the change (its highlights and cards still
   * show the old label). It runs from the earlier of the two moments to now.
   * @param pageMentions the page's stored mentions (its history URL)
   */
  async forPage(claimIds: readonly string[], pageMentions: readonly Mention[]): Promise<Record<string, ClaimChange>> {
    const records = await this.records(claimIds);
    const readAt = new Map<string, string>();
    for (const mention of pageMentions) {
      if (!meets(mention)) continue;
      const known = readAt.get(mention.claimId);
      if (known === undefined || mention.lastSeen < known) readAt.set(mention.claimId, mention.lastSeen);
    }
    const out: Record<string, ClaimChange> = {};
    for (const [claimId, record] of records) {
      const pageRead = readAt.get(claimId);
      const unseen = hasUnseen(record);
      const stale = pageRead !== undefined && (record.events.at(-1)?.changedAt ?? '') > pageRead;
      if (!unseen && !stale) continue;
      if (unseen && pageRead === undefined && !(await this.stillMet(claimId))) continue;
      const since = [unseen ? (record.seenAt ?? '') : undefined, stale ? pageRead : undefined].filter((at): at is string => at !== undefined).sort()[0];
      const change = netChangeSince(record, since || undefined);
      if (change) out[claimId] = change;
    }
    return out;
  }

  /** Each mention's claim change since the mention was last seen, by mention id. */
  async forMentions(mentions: readonly Mention[]): Promise<Record<string, ClaimChange>> {
    const out: Record<string, ClaimChange> = {};
    if (mentions.length === 0) return out;
    const records = await this.records();
    if (records.size === 0) return out;
    for (const mention of mentions) {
      const record = records.get(mention.claimId);
      const change = record && netChangeSince(record, mention.lastSeen);
      if (change) out[mention.id] = change;
    }
    return out;
  }

  private async stillMet(claimId: string): Promise<boolean> {
    return (await mentionsOfClaim(this.db, claimId)).some(meets);
  }
}
