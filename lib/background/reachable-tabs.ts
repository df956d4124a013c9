/**
 * Every tab the background can tell something: each open tab, and each tab it has heard from. Both,
 * because neither is enough alone: a worker that stopped and started again remembers no tab, and a
 * browser that cannot list its tabs (or a tab listing that fails) still leaves the tabs that reported.
 */
import type { BackgroundContext } from './context';

/** The ids of every open tab and every tab with a reported frame, once each; never rejects. */
export async function reachableTabIds(ctx: Pick<BackgroundContext, 'frames' | 'port'>): Promise<Set<number>> {
  const open = await ctx.port.openTabIds().catch((): number[] => []);
  return new Set([...open, ...ctx.frames.tabIds()]);
}
