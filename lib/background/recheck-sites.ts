/**
 * After the site settings change, every open tab whose page the change turns on or off is told to
 * ask again (`recheck-site`): a site switched off in one tab's popup must go dark in the site's other
 * tabs too, and one switched back on must light up in tabs that loaded while it was off.
 */
import type { SiteSettings } from '../sites/site-settings';
import { siteEnabled } from '../sites/site-settings';
import type { BackgroundContext } from './context';
import { reachableTabIds } from './reachable-tabs';

/**
 * Sends `recheck-site` to every tab with a reported top frame whose site `before` and `after` treat
 * differently, to every open tab whose top frame has not reported (its site is unknown here: a
 * worker that stopped and started again has forgotten every tab), and to `alsoTabId` (the tab the
 * popup acted on) whatever its state. A tab that has closed, or has no content script, is skipped
 * silently. Resolves when every message was answered or failed; never rejects.
 */
export async function recheckChangedTabs(ctx: Pick<BackgroundContext, 'frames' | 'port'>, before: SiteSettings, after: SiteSettings, alsoTabId?: number): Promise<void> {
  const tabIds = new Set<number>(alsoTabId === undefined ? [] : [alsoTabId]);
  for (const tabId of await reachableTabIds(ctx)) {
    const topUrl = ctx.frames.topUrl(tabId);
    if (topUrl === undefined || siteEnabled(before, topUrl) !== siteEnabled(after, topUrl)) tabIds.add(tabId);
  }
  await Promise.all([...tabIds].map((tabId) => ctx.port.sendToContent(tabId, { type: 'recheck-site' }).catch(() => undefined)));
}
