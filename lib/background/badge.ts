/**
 * The toolbar badge of a tab: how many claims its frames found, and a mark ("!") while one of them has
 * a change the reader has not looked at ("changed since you read it"). Set for the tab only; no
 * permission is needed and nothing leaves the browser.
 */
import type { BackgroundContext } from './context';

/** Appended to the count while the tab shows a claim with an unseen change. */
export const CHANGED_MARK = '!';

/** "" when none (a badge of "0" is noise), "3", "99+", and "3!" with an unseen change. */
export function badgeText(count: number, changed = false): string {
  if (count === 0) return '';
  return `${count > 99 ? '99+' : String(count)}${changed ? CHANGED_MARK : ''}`;
}

/** Sets one tab's badge from what its frames reported and the unseen changes. */
export async function refreshBadge(ctx: Pick<BackgroundContext, 'frames' | 'changes' | 'port'>, tabId: number): Promise<void> {
  const unseen = await ctx.changes.unseenClaimIds().catch(() => new Set<string>());
  // Read after the wait, so a report that arrived meanwhile is not overwritten by an older count.
  const claims = ctx.frames.state(tabId).claims;
  ctx.port.setBadge(tabId, badgeText(claims.length, claims.some((claim) => unseen.has(claim.claimId))));
}

/** After changes were recorded or looked at: every tab whose frames reported. */
export async function refreshAllBadges(ctx: Pick<BackgroundContext, 'frames' | 'changes' | 'port'>): Promise<void> {
  for (const tabId of ctx.frames.tabIds()) await refreshBadge(ctx, tabId);
}
