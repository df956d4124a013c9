/** Answers the popup about one tab: its frames' findings, jumping to a claim, and its site switch. */
import type { ExtensionPageToBackground } from '../../messages/extension-page-to-background';
import type { Handlers } from '../../messages/message-map';
import { siteEnabled, withSiteSwitched } from '../../sites/site-settings';
import { historyUrl } from '../../sites/url';
import type { BackgroundContext } from '../context';

type TabRequests = Pick<ExtensionPageToBackground, 'get-tab-state' | 'scroll-to-claim' | 'set-site-enabled'>;

const NOT_A_PAGE = 'Pledge Lens reads web pages; this tab has none it can read (a browser page, or one still loading).';

/** The tab's address as the popup was told it, when it is a web page (the site switch acts on http and https only). */
const webUrl = (url: string | undefined): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);

export function tabHandlers(ctx: BackgroundContext): Handlers<TabRequests, undefined> {
  return {
    'get-tab-state': async (request) => {
      const tab = ctx.frames.state(request.tabId);
      const notice = tab.topUrl ? ctx.mentions.noticeFor(historyUrl(tab.topUrl)) : undefined;
      // No frame reported: a page loaded while its site was off never starts, so answer for the address the popup knows.
      const siteUrl = tab.topUrl ?? webUrl(request.url);
      return { ok: true, tab, siteEnabled: siteUrl ? siteEnabled(await ctx.settings.read(), siteUrl) : false, ...(notice ? { historyNotice: notice } : {}) };
    },
    'scroll-to-claim': async (request) => {
      const frameId = ctx.frames.frameWithClaim(request.tabId, request.claimId);
      if (frameId === undefined) return { ok: true, found: false };
      const answer = await ctx.port.sendToContent(request.tabId, { type: 'scroll-to-claim', claimId: request.claimId }, frameId);
      return { ok: true, found: (answer as { found?: unknown } | undefined)?.found === true };
    },
    'set-site-enabled': async (request) => {
      // The switch is about the page the reader sees: the top frame's site, whichever frame answered first.
      const topUrl = ctx.frames.state(request.tabId).topUrl ?? webUrl(request.url);
      if (!topUrl) return { ok: false, error: NOT_A_PAGE };
      const settings = await ctx.settings.update((current) => withSiteSwitched(current, topUrl, request.enabled));
      if (typeof settings === 'string') return { ok: false, error: settings };
      // Every frame of the tab asks again for its own site and starts or stops.
      await ctx.port.sendToContent(request.tabId, { type: 'recheck-site' }).catch(() => undefined);
      return { ok: true, enabled: siteEnabled(settings, topUrl) };
    },
  };
}
