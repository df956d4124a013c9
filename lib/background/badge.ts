/**
 * The toolbar badge of a tab: how many claims its frames found, and a mark ("!") while one of them has
 * a change the reader has not looked at ("changed since you read it"). Set for the tab only; no
 * permission is needed and nothing leaves the browser.
 */
import type { Translator } from '../i18n/translator';
import type { BackgroundContext, ToolbarBadge } from './context';
import { standsOnPage } from '../frames/tab-frames';

/** Appended to the count while the tab shows a claim with an unseen change. */
export const CHANGED_MARK = '!';

/** "" when none (a badge of "0" is noise), "3", "99+", and "3!" with an unseen change. */
export function badgeText(count: number, changed = false): string {
  if (count === 0) return '';
  return `${count > 99 ? '99+' : String(count)}${changed ? CHANGED_MARK : ''}`;
}

/**
 * The toolbar button of a tab: the badge text, and the title that says it in words ("Pledge Lens: 3
 * known claims on this page, some changed since you read them"), which is the button's tooltip and the
 * accessible name a screen reader announces (a new user could not tell what "3!" meant). With no
 * claim, the title is the extension's name.
 */
export function toolbarBadge(t: Translator, count: number, changed = false): ToolbarBadge {
  const text = badgeText(count, changed);
  if (count === 0) return { text, title: t('ext_name') };
  return { text, title: t.plural(changed ? 'toolbar_titleChanged' : 'toolbar_title', count, { count }) };
}

/** Sets one tab's badge and title from what its frames reported and the unseen changes. */
export async function refreshBadge(ctx: Pick<BackgroundContext, 'frames' | 'changes' | 'port' | 't'>, tabId: number): Promise<void> {
  const unseen = await ctx.changes.unseenClaimIds().catch(() => new Set<string>());
  // Read after the wait, so a report that arrived meanwhile is not overwritten by an older count.
  // (A claim whose every mention the reader marked as a wrong match is not one they see on the page.)
  const claims = ctx.frames.state(tabId).claims.filter(standsOnPage);
  ctx.port.setBadge(tabId, toolbarBadge(ctx.t, claims.length, claims.some((claim) => unseen.has(claim.claimId))));
}

/** After changes were recorded or looked at: every tab whose frames reported. */
export async function refreshAllBadges(ctx: Pick<BackgroundContext, 'frames' | 'changes' | 'port' | 't'>): Promise<void> {
  for (const tabId of ctx.frames.tabIds()) await refreshBadge(ctx, tabId);
}
