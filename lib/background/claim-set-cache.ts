/**
 * The claim packs and the compiled index of the enabled ones, kept in memory for the life of the
 * background. Requests never re-read the packs from IndexedDB; every handler that changes a pack
 * calls `invalidate()`, and the next request recompiles once.
 *
 * The compiled index is also stored in IndexedDB, keyed by the build and the packs it came from, so a
 * background that starts cold (MV3 stops idle workers) hydrates it instead of compiling the set again.
 */
import { mergeClaimPacks, type PackedClaim } from '../claims/merge-claim-packs';
import { compileClaimIndex, type ClaimIndex } from '../match/compile-index';
import { listPacks } from './store/claim-store';
import { readMeta, writeMeta, type PledgeLensDatabase, type StoredPack } from './store/open-database';

export interface CompiledClaims {
  index: ClaimIndex;
  claims: ReadonlyMap<string, PackedClaim>;
  /** `pack@version` of every enabled pack joined by "+", or "none". */
  version: string;
  /** The newest enabled pack's publication date (YYYY-MM-DD), or undefined when no pack is enabled. */
  publishedAt: string | undefined;
  packs: readonly StoredPack[];
}

export class ClaimSetCache {
  private current: Promise<CompiledClaims> | undefined;
  /** Bumped by `invalidate`, so a compile that started before a change is never kept. */
  private generation = 0;

  constructor(
    private readonly db: PledgeLensDatabase,
    /** Identifies the code that compiled an index (a build id): an index from other code is never reused. */
    private readonly buildId: string,
    /** Told about every newly compiled set (to publish the content scripts' vocabulary). */
    private readonly onCompiled: (compiled: CompiledClaims) => void = () => undefined,
  ) {}

  /** The compiled enabled packs; compiles at most once per change. */
  get(): Promise<CompiledClaims> {
    if (!this.current) {
      const generation = this.generation;
      const compiling = this.compile();
      this.current = compiling;
      void compiling.then((compiled) => {
        if (this.generation === generation) this.onCompiled(compiled);
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
    const packs = await listPacks(this.db);
    const enabled = packs.filter((pack) => pack.enabled);
    const merged = mergeClaimPacks(packs);
    const version = enabled.map((pack) => `${pack.id}@${pack.claimSet.version}`).join('+') || 'none';
    const newest = enabled.map((pack) => pack.claimSet.publishedAt).sort().at(-1);
    return {
      index: await this.storedOrCompiled(packs, () => compileClaimIndex(merged.claims, version)),
      claims: new Map(merged.claims.map((claim) => [claim.id, claim])),
      version,
      publishedAt: newest,
      packs,
    };
  }

  /** The stored index when it was compiled by this build from these packs; else a fresh one, stored for next time. */
  private async storedOrCompiled(packs: readonly StoredPack[], compile: () => ClaimIndex): Promise<ClaimIndex> {
    const key = indexKey(this.buildId, packs);
    const stored = await readMeta(this.db, 'compiled-index').catch(() => undefined);
    if (stored?.key === key) return stored.index;
    const index = compile();
    // A failed write (no room) only costs the next cold start a compile.
    await writeMeta(this.db, 'compiled-index', { key, index }).catch(() => undefined);
    return index;
  }
}

/** What a compiled index depends on: the code that compiled it and every pack's identity and switch. */
export function indexKey(buildId: string, packs: readonly StoredPack[]): string {
  const parts = [...packs].sort((a, b) => a.id.localeCompare(b.id)).map((pack) => [pack.id, pack.enabled, pack.claimSet.version, pack.installedAt]);
  return JSON.stringify([buildId, parts]);
}
