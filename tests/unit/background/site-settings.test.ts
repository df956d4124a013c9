import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { STALE } from '../../../lib/background/handlers/settings-handlers';
import { ok, startBackground, TOP_FRAME, type BackgroundHarness } from './background-harness';

const TEXT = 'Anthropic says it will publish Risk Reports every three to six months, with outside review.';

let db: PledgeLensDatabase;
let bg: BackgroundHarness;

beforeEach(async () => {
  ({ db, bg } = await startBackground());
});

afterEach(() => db.close());

const matchesOn = async (url: string) => {
  const result = await bg.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title: 't', text: TEXT });
  return result.ok ? result.matches.length : -1;
};

/** The popup's switch acts on the tab's top frame, which has reported its page first. */
const switchSite = async (url: string, enabled: boolean) => {
  await ok(bg.content({ ...TOP_FRAME, url })({ type: 'report-frame', url, enabled: true, scanning: false, claims: [] }));
  return ok(bg.page({ type: 'set-site-enabled', tabId: TOP_FRAME.tabId, enabled }));
};

const siteSettings = () => ok(bg.page({ type: 'get-site-settings' }));

describe('site restrictions', () => {
  it('runs everywhere by default and stops on a site switched off (subdomains and trailing-dot hosts included)', async () => {
    expect(await matchesOn('https://news.example.com/a')).toBe(1);
    await switchSite('https://example.com/', false);
    expect(await matchesOn('https://news.example.com/a')).toBe(-1);
    // A fully qualified host name ("example.com.") is the same site and must not escape the switch.
    expect(await matchesOn('https://news.example.com./a')).toBe(-1);
    expect(await matchesOn('https://badexample.com/a')).toBe(1);
    expect(await bg.content({ ...TOP_FRAME, url: 'https://example.com/x' })({ type: 'get-site-enabled', url: 'https://example.com/x' })).toEqual({ ok: true, enabled: false });
  });

  it('in allow-list mode runs only on the listed sites, and the popup switch edits that list', async () => {
    const { revision } = await siteSettings();
    const saved = await bg.page({ type: 'set-site-settings', siteMode: 'allow-list', allowedSites: ['https://www.Reuters.com/world', 'apnews.com'], disabledSites: [], revision });
    expect(saved).toEqual({ ok: true, settings: { siteMode: 'allow-list', allowedSites: ['apnews.com', 'www.reuters.com'], disabledSites: [] }, revision: revision + 1 });
    expect(await matchesOn('https://apnews.com/article/x')).toBe(1);
    expect(await matchesOn('https://elsewhere.org/x')).toBe(-1);
    await switchSite('https://elsewhere.org/x', true);
    expect(await matchesOn('https://elsewhere.org/y')).toBe(1);
    await switchSite('https://apnews.com/article/x', false);
    expect(await matchesOn('https://apnews.com/article/x')).toBe(-1);
    expect((await siteSettings()).settings.allowedSites).toEqual(['www.reuters.com', 'elsewhere.org']);
  });

  it('refuses a list entry that is not a site name and changes nothing', async () => {
    const before = await siteSettings();
    const result = await bg.page({ type: 'set-site-settings', siteMode: 'allow-list', allowedSites: ['apnews.com', 'not a site!'], disabledSites: [], revision: before.revision });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain('not a site!');
    expect(await siteSettings()).toEqual(before);
  });

  it('a stale options page cannot undo a site the popup switched off meanwhile', async () => {
    const loadedByOptions = await siteSettings();
    await switchSite('https://example.com/a', false);
    const stale = await bg.page({ type: 'set-site-settings', ...loadedByOptions.settings, revision: loadedByOptions.revision });
    expect(stale).toEqual({ ok: false, error: STALE });
    expect((await siteSettings()).settings.disabledSites).toEqual(['example.com']);
  });

  it('two writers at once both land (one queue, read-modify-write)', async () => {
    await ok(bg.content({ ...TOP_FRAME, url: 'https://a.example/' })({ type: 'report-frame', url: 'https://a.example/', enabled: true, scanning: false, claims: [] }));
    const other = { tabId: 9, frameId: 0, url: 'https://b.example/' };
    await ok(bg.content(other)({ type: 'report-frame', url: other.url, enabled: true, scanning: false, claims: [] }));
    await Promise.all([
      bg.page({ type: 'set-site-enabled', tabId: TOP_FRAME.tabId, enabled: false }),
      bg.page({ type: 'set-site-enabled', tabId: other.tabId, enabled: false }),
      bg.page({ type: 'set-feed-url', url: 'https://feeds.example/claims.json', allowUnsigned: true }),
    ]);
    expect((await siteSettings()).settings.disabledSites.sort()).toEqual(['a.example', 'b.example']);
    expect((await ok(bg.page({ type: 'get-claim-set-info' }))).feed.url).toBe('https://feeds.example/claims.json');
  });
});
