/**
 * Bench-only subclasses of the background's parts whose work a message's own timing does not show:
 * the mention writes that follow an answer, and loading (or hydrating) the compiled claim set. Each is
 * the real class with timing around it (see worker-timing.ts). `background-service.ts` gets these in
 * the bench build only.
 */
import { ClaimSetCache as RealClaimSetCache, type CompiledClaims } from '../../../lib/background/claim-set-cache';
import { MentionWriter as RealMentionWriter } from '../../../lib/background/mention-writer';
import type { Mention } from '../../../lib/annotations/schema';
import { benchMeasure } from './worker-timing';

export * from '../../../lib/background/claim-set-cache';
export * from '../../../lib/background/mention-writer';

export class MentionWriter extends RealMentionWriter {
  override record(seen: readonly Mention[]): void {
    const start = performance.now();
    super.record(seen);
    if (seen.length === 0) return;
    const url = seen[0]!.pageUrl;
    void this.flushed().then(() => benchMeasure('mentions', start, { url, count: seen.length }));
  }
}

export class ClaimSetCache extends RealClaimSetCache {
  private timed: Promise<CompiledClaims> | undefined;

  override get(): Promise<CompiledClaims> {
    const start = performance.now();
    const current = super.get();
    if (current !== this.timed) {
      this.timed = current;
      void current.then((compiled) => benchMeasure('claim-set', start, { claims: compiled.index.claims.length }), () => undefined);
    }
    return current;
  }
}
