/**
 * The browser's permission to read the claim feed's host. Firefox lets the background read a feed on
 * another origin only when the server sends CORS headers, unless the reader grants the extension that
 * host; so the manifest offers feed hosts as optional permissions (Firefox build only: Chromium already
 * reads the feed through the content script's host access) and the options page asks when the reader
 * saves a feed. Browsers grant a permission only while handling the reader's click, so
 * `requestFeedAccess` must be called before the handler's first `await`.
 */
import browser from 'webextension-polyfill';
import type { Translator } from '@/lib/i18n/translator';
import { feedPermissionPattern, isLoopbackUrl } from '@/lib/sites/url';

export type FeedAccess = 'granted' | 'declined' | 'not-needed';

/** The match pattern to ask for, or undefined when the manifest offers none for this URL (Chromium, a bad URL). */
export function feedAccessPattern(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopbackUrl(parsed))) return undefined;
  // The URL parser takes "*" in a host name ("https://*/claims.json"), and in a match pattern it is a
  // wildcard: asking for that host would ask for every site. No feed can be at such a host anyway.
  if (parsed.hostname.includes('*')) return undefined;
  const pattern = feedPermissionPattern(parsed);
  const offered = (browser.runtime.getManifest().optional_permissions ?? []).map(String);
  return offered.includes(pattern) || (parsed.protocol === 'https:' && offered.includes('https://*/*')) ? pattern : undefined;
}

/** Asks for the feed host. Call it synchronously inside the click (or submit) handler. */
export function requestFeedAccess(url: string): Promise<FeedAccess> {
  const pattern = feedAccessPattern(url);
  if (!pattern) return Promise.resolve('not-needed');
  return browser.permissions.request({ origins: [pattern] }).then(
    (granted): FeedAccess => (granted ? 'granted' : 'declined'),
    (): FeedAccess => 'declined',
  );
}

/** Gives back the host permission of a feed no longer used (`dropUrl`), unless `keepUrl` needs the same host. */
export async function releaseFeedAccess(dropUrl: string, keepUrl: string): Promise<void> {
  const drop = dropUrl ? feedAccessPattern(dropUrl) : undefined;
  if (!drop || drop === (keepUrl ? feedAccessPattern(keepUrl) : undefined)) return;
  await browser.permissions.remove({ origins: [drop] }).catch(() => undefined);
}

/** What the reader is told when the browser's access to the feed host was declined. */
export function declinedAccessWarning(t: Translator, url: string): string {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep what was typed
  }
  return t('feedAccess_declined', { host });
}
