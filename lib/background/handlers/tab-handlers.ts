/** Answers the popup about one tab: its frames' findings, jumping to a claim, and its site switch. */
import type { ExtensionPageToBackground } from '../../messages/extension-page-to-background';
import type { Handlers } from '../../messages/message-map';
import { siteEnabled, withSiteSwitched, type SiteSettings } from '../../sites/site-settings';
import { historyUrl } from '../../sites/url';
import type { TabState } from '../../frames/tab-frames';
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

/**
 * What the tab's frames reported, asking them again first when nothing is known of its top frame.
 * Either it never reported (a page that names no known actor stays behind its wake gate and sends
 * nothing), or this background forgot it (a worker stopped when idle keeps no memory; a frame loading
 * in the tab, such as a card's note editor, is reported as the tab loading, which drops its frames).
 * Asked, every frame reports itself again: the top frame before this resolves (so what the caller
 * reads holds it), the others as they come (the popup follows the page). No content script there (a
 * browser page, one opened before install) is no answer: the tab stays unknown. (Asked inside a
 * promise: a port that throws rather than rejects is no answer either.)
 */
async function knownTab(ctx: BackgroundContext, tabId: number): Promise<TabState> {
  const known = ctx.frames.state(tabId);
  if (known.topUrl !== undefined) return known;
  const ask = (request: { type: 'report-state'; subframes?: true }, frameId?: number) => Promise.resolve().then(() => ctx.port.sendToContent(tabId, request, frameId));
  void ask({ type: 'report-state', subframes: true }).catch(() => undefined);
  await withinTime(ask({ type: 'report-state' }, TOP_FRAME_ID), REPORT_STATE_MS).catch(() => undefined);
  return ctx.frames.state(tabId);
}

export function tabHandlers(ctx: BackgroundContext): Handlers<TabRequests, undefined> {
  return {
    'get-tab-state': async (request) => {
      const tab = await knownTab(ctx, request.tabId);
      const notice = tab.topUrl ? ctx.mentions.noticeFor(historyUrl(tab.topUrl)) : undefined;
      // No frame reported: a page loaded while its site was off never starts, so answer for the address the popup knows.
      const siteUrl = tab.topUrl ?? webUrl(request.url);
      return { ok: true, tab, siteEnabled: siteUrl ? siteEnabled(await ctx.settings.read(), siteUrl) : false, ...(notice ? { historyNotice: notice } : {}) };
    },
    'scroll-to-claim': async (request) => {
      await knownTab(ctx, request.tabId);
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
