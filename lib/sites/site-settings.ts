/**
 * Where Pledge Lens runs: everywhere except switched-off sites, or only on an allow list. Pure
 * functions over the stored settings; the background applies them in one write queue.
 */
import { hostOf, hostOnAnySite, hostOnSite, normaliseSite } from './url';

export type SiteMode = 'all-sites' | 'allow-list';

export interface SiteSettings {
  /** 'all-sites': everywhere except `disabledSites`; 'allow-list': only on `allowedSites` (and their subdomains). */
  siteMode: SiteMode;
  allowedSites: string[];
  disabledSites: string[];
}

export const DEFAULT_SITE_SETTINGS: Readonly<SiteSettings> = { siteMode: 'all-sites', allowedSites: [], disabledSites: [] };

/** Whether highlighting is on for a page URL under `settings`. A URL with no host follows the mode's default. */
export function siteEnabled(settings: SiteSettings, url: string): boolean {
  const host = hostOf(url);
  if (!host) return settings.siteMode !== 'allow-list';
  return settings.siteMode === 'allow-list' ? hostOnAnySite(host, settings.allowedSites) : !hostOnAnySite(host, settings.disabledSites);
}

/**
 * The settings after the popup's switch for `url`'s site: it edits whichever list the mode uses, and
 * switching a site on also removes entries that cover it (a parent domain). Unchanged for URLs without a host.
 */
export function withSiteSwitched<S extends SiteSettings>(settings: S, url: string, enabled: boolean): S {
  const host = hostOf(url);
  if (!host) return settings;
  const without = (sites: string[]) => sites.filter((site) => !hostOnSite(host, site));
  return settings.siteMode === 'allow-list'
    ? { ...settings, allowedSites: enabled ? [...without(settings.allowedSites), host] : without(settings.allowedSites) }
    : { ...settings, disabledSites: enabled ? without(settings.disabledSites) : [...without(settings.disabledSites), host] };
}

/**
 * A typed site list cleaned to sorted, unique hosts (blank lines dropped).
 * @returns the hosts, or a sentence naming the first entry that is not a site name.
 */
export function cleanSiteList(sites: readonly string[], listName: string): string[] | { error: string } {
  const out = new Set<string>();
  for (const site of sites) {
    if (!site.trim()) continue;
    const host = normaliseSite(site);
    if (!host) return { error: `"${site}" in ${listName} is not a site name (try example.com).` };
    out.add(host);
  }
  return [...out].sort();
}
