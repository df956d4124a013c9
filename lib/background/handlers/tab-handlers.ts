/** Answers the popup about one tab: its frames' findings, jumping to a claim, and its site switch. */
import type { ExtensionPageToBackground } from '../../messages/extension-page-to-background';
import type { Handlers } from '../../messages/message-map';
import { siteEnabled, withSiteSwitched, type SiteSettings } from '../../sites/site-settings';
import { historyUrl } from '../../sites/url';
import type { BackgroundContext } from '../context';
import { recheckChangedTabs } from '../recheck-sites';

type TabRequests = Pick<ExtensionPageToBackground, 'get-tab-state' | 'scroll-to-claim' | 'set-site-enabled'>;

const NOT_A_PAGE = 'Pledge Lens reads web pages; this tab has none it can read (a browser page, or one still loading).';

/** The tab's address as the popup was told it, when it is a web page (the site switch acts on http and https only). */
const webUrl = (url: string | undefined): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);

const TOP_FRAME_ID = 0;
/** How long the popup's question waits for a gated frame (it asks the background one thing, then reports). */
const REPORT_STATE_MS = 1_500;

/** A frame that never answers (a page stuck in a long task) must not hold the popup: it asks again shortly. */
function withinTime<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function tabHandlers(ctx: BackgroundContext): Handlers<TabRequests, undefined> {
  return {
    'get-tab-state': async (request) => {
      let tab = ctx.frames.state(request.tabId);
      if (tab.topUrl === undefined) {
        // A top frame whose page names no known actor stays behind its wake gate and sends nothing;
        // asked, it reports itself (on or off, no claims), so the popup says "no claims", not "reload".
        // No content script there (a browser page, one opened before install) is no answer: as before.
        // (Asked inside a promise: a port that throws rather than rejects is no answer either.)
        const asked = Promise.resolve().then(() => ctx.port.sendToContent(request.tabId, { type: 'report-state' }, TOP_FRAME_ID));
        await withinTime(asked, REPORT_STATE_MS).catch(() => undefined);
        tab = ctx.frames.state(request.tabId);
      }
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
      const topUrl = ctx.frames.topUrl(request.tabId) ?? webUrl(request.url);
      if (!topUrl) return { ok: false, error: NOT_A_PAGE };
      let before: SiteSettings | undefined;
      const settings = await ctx.settings.update((current) => withSiteSwitched((before = current), topUrl, request.enabled));
      if (typeof settings === 'string') return { ok: false, error: settings };
      // Every frame of this tab, and of the site's other open tabs, asks again for its own site and starts or stops.
      await recheckChangedTabs(ctx, before ?? settings, settings, request.tabId);
      return { ok: true, enabled: siteEnabled(settings, topUrl) };
    },
  };
}
