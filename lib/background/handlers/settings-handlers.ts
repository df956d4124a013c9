/** Answers the options page about where Pledge Lens runs. */
import type { ExtensionPageToBackground } from '../../messages/extension-page-to-background';
import type { Handlers } from '../../messages/message-map';
import { cleanSiteList, type SiteSettings } from '../../sites/site-settings';
import type { BackgroundContext } from '../context';
import { recheckChangedTabs } from '../recheck-sites';
import type { StoredSettings } from '../store/open-database';

type SettingsRequests = Pick<ExtensionPageToBackground, 'get-site-settings' | 'set-site-settings'>;

/** Said when the page's copy is older than the stored settings (the popup changed them meanwhile). */
export const STALE = 'The site settings were changed elsewhere (in the popup?) after this page loaded them. They have been reloaded: check them and save again.';

const siteSettingsOf = ({ siteMode, allowedSites, disabledSites }: StoredSettings): SiteSettings => ({ siteMode, allowedSites, disabledSites });

export function settingsHandlers(ctx: BackgroundContext): Handlers<SettingsRequests, undefined> {
  return {
    'get-site-settings': async () => {
      const stored = await ctx.settings.read();
      return { ok: true, settings: siteSettingsOf(stored), revision: stored.revision ?? 0 };
    },
    'set-site-settings': async (request) => {
      const allowedSites = cleanSiteList(request.allowedSites, 'the allowed sites');
      if (!Array.isArray(allowedSites)) return { ok: false, error: allowedSites.error };
      const disabledSites = cleanSiteList(request.disabledSites, 'the switched-off sites');
      if (!Array.isArray(disabledSites)) return { ok: false, error: disabledSites.error };
      let before: StoredSettings | undefined;
      const stored = await ctx.settings.update((current) => {
        before = current;
        return (current.revision ?? 0) !== request.revision ? STALE : { ...current, siteMode: request.siteMode, allowedSites, disabledSites };
      });
      if (typeof stored === 'string') return { ok: false, error: stored };
      // Open tabs the new lists turn on or off follow at once, as the popup's switch does.
      await recheckChangedTabs(ctx, before ?? stored, stored);
      return { ok: true, settings: siteSettingsOf(stored), revision: stored.revision ?? 0 };
    },
  };
}
