/**
 * The claim packs and the compiled index of the enabled ones, kept in memory for the life of the
 * background. Requests never re-read the packs from IndexedDB; every handler that changes a pack
 * calls `invalidate()`, and the next request recompiles once.
 *
 * The compiled index is also stored in IndexedDB, keyed by the build and the packs it came from, so a
 * background that starts cold (MV3 stops idle workers) hydrates it instead of compiling the set again.
 */
import { mergeClaimPacks, type PackedClaim } from '../claims/merge-claim-packs';
import { CLAIM_INDEX_FORMAT, compileClaimIndex, type ClaimIndex } from '../match/compile-index';
import { listPacks } from './store/claim-store';
import { readMeta, writeMeta, type MetaRecords, type PledgeLensDatabase, type StoredPack } from './store/open-database';

export interface CompiledClaims {
  index: ClaimIndex;
  claims: ReadonlyMap<string, PackedClaim>;
  /** `pack@version` of every enabled pack joined by "+", or "none". */
  version: string;
  /** The newest enabled pack's publication date (YYYY-MM-DD), or undefined when no pack is enabled. */
  publishedAt: string | undefined;
  packs: readonly StoredPack[];
}

/**
 * How long after a start that hydrated a stored index `onCompiled` is told about it. That set was
 * compiled, and told about, by an earlier start of the same build from the same packs, so what it
 * publishes is already in place; telling again only guards against a publication that was lost,
 * and doing it at once would put ~20 ms of work (building the vocabulary) beside a page's first
 * request just after the worker woke for it.
 */
export const STORED_SET_NOTICE_DELAY_MS = 2_000;

export class ClaimSetCache {
  private current: Promise<CompiledClaims> | undefined;
  /** Bumped by `invalidate`, so a compile that started before a change is never kept. */
  private generation = 0;
  /** Sets whose index came from the store (not compiled by this start). */
  private readonly hydrated = new WeakSet<CompiledClaims>();

  constructor(
    private readonly db: PledgeLensDatabase,
    /** Identifies the code that compiled an index (a build id): an index from other code is never reused. */
    private readonly buildId: string,
    /**
     * Told about every newly compiled set (to publish the content scripts' vocabulary): at once, or
     * `storedSetNoticeDelayMs` later for a set hydrated from the store (not at all if the set changed meanwhile).
     */
    private readonly onCompiled: (compiled: CompiledClaims) => void = () => undefined,
    private readonly storedSetNoticeDelayMs = STORED_SET_NOTICE_DELAY_MS,
  ) {}

  /** The compiled enabled packs; compiles at most once per change. */
  get(): Promise<CompiledClaims> {
    if (!this.current) {
      const generation = this.generation;
      const compiling = this.compile();
      this.current = compiling;
      const notify = (compiled: CompiledClaims) => {
        if (this.generation === generation) this.onCompiled(compiled);
      };
      void compiling.then((compiled) => {
        if (this.hydrated.has(compiled)) setTimeout(() => notify(compiled), this.storedSetNoticeDelayMs);
        else notify(compiled);
      }, () => undefined);
      // A failed read must not stick: the next request tries again.
      compiling.catch(() => {
        if (this.generation === generation) this.current = undefined;
      });
    }
    return this.current;
  }

  /**
   * Call after any change to the stored packs. The set is recompiled at once rather than on the next
   * page: content scripts gate on the vocabulary published after each compile, so a page naming only
   * a new pack's actors would otherwise stay gated until some other page woke the worker.
   */
  invalidate(): void {
    this.generation++;
    this.current = undefined;
    // A microtask, so several invalidations in one handler compile once.
    queueMicrotask(() => {
      if (this.current === undefined) void this.get().catch(() => undefined);
    });
  }

  private async compile(): Promise<CompiledClaims> {
    // Both reads at once: a cold start waits for one round trip, not two.
    const [packs, stored] = await Promise.all([listPacks(this.db), readMeta(this.db, 'compiled-index').catch(() => undefined)]);
    const enabled = packs.filter((pack) => pack.enabled);
    const merged = mergeClaimPacks(packs);
    const version = enabled.map((pack) => `${pack.id}@${pack.claimSet.version}`).join('+') || 'none';
    const newest = enabled.map((pack) => pack.claimSet.publishedAt).sort().at(-1);
    const { index, fromStore } = await this.storedOrCompiled(packs, stored, () => compileClaimIndex(merged.claims, version));
    const compiled = {
      index,
      claims: new Map(merged.claims.map((claim) => [claim.id, claim])),
      version,
      publishedAt: newest,
      packs,
    };
    if (fromStore) this.hydrated.add(compiled);
    return compiled;
  }

  /** `stored` when it was compiled by this build from these packs; else a fresh index, stored for next time. */
  private async storedOrCompiled(
    packs: readonly StoredPack[],
    stored: MetaRecords['compiled-index'] | undefined,
    compile: () => ClaimIndex,
  ): Promise<{ index: ClaimIndex; fromStore: boolean }> {
    const key = indexKey(this.buildId, packs);
    // An index of an older shape (stored before lib/match changed it) is compiled again.
    if (stored?.key === key && stored.index.format === CLAIM_INDEX_FORMAT) return { index: stored.index, fromStore: true };
    const index = compile();
    // A failed write (no room) only costs the next cold start a compile.
    await writeMeta(this.db, 'compiled-index', { key, index }).catch(() => undefined);
    return { index, fromStore: false };
  }
}

/** What a compiled index depends on: the code that compiled it and every pack's identity and switch. */
export function indexKey(buildId: string, packs: readonly StoredPack[]): string {
  const parts = [...packs].sort((a, b) => a.id.localeCompare(b.id)).map((pack) => [pack.id, pack.enabled, pack.claimSet.version, pack.installedAt]);
  return JSON.stringify([buildId, parts]);
}
