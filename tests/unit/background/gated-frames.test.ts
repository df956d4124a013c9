import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { BackgroundHarness, freshBundledClaimSet, ok, openFreshDatabase, TOP_FRAME, type SentToContent } from './background-harness';

const PAGE_URL = 'https://news.example/2026/weather';

let db: PledgeLensDatabase;
beforeEach(async () => {
  db = await openFreshDatabase();
});
afterEach(() => db.close());

async function makeBackground(): Promise<BackgroundHarness> {
  const bg = new BackgroundHarness(db, { loadBundled: async () => freshBundledClaimSet() });
  await bg.service.init();
  return bg;
}

/**
 * A top frame behind its wake gate, as entrypoints/content/index.ts answers `report-state`: it asks
 * whether its site is on and, if so, reports itself with no claims.
 */
function gatedTopFrame(bg: BackgroundHarness) {
  return async (sent: SentToContent): Promise<unknown> => {
    if (sent.request.type !== 'report-state' || sent.frameId !== 0) return undefined;
    const frame = { ...TOP_FRAME, url: PAGE_URL };
    const site = await ok(bg.content(frame)({ type: 'get-site-enabled', url: PAGE_URL }));
    if (site.enabled) await ok(bg.content(frame)({ type: 'report-frame', url: PAGE_URL, enabled: true, scanning: false, claims: [] }));
    return { ok: true, gated: true };
  };
}

describe('the popup asks about a tab whose top frame never reported', () => {
  it('a gated top frame is asked to report, so the popup gets "on, no claims" instead of an unread page', async () => {
    const bg = await makeBackground();
    bg.port.answer = gatedTopFrame(bg);
    const state = await ok(bg.page({ type: 'get-tab-state', tabId: TOP_FRAME.tabId, url: PAGE_URL }));
    expect(bg.port.sent).toEqual([{ tabId: TOP_FRAME.tabId, frameId: 0, request: { type: 'report-state' } }]);
    expect(state.tab).toMatchObject({ topUrl: PAGE_URL, enabled: true, scanning: false, claims: [] });
    expect(state.siteEnabled).toBe(true);
  });

  it('on a switched-off site the gated frame is recorded as off, with the switch to turn it on', async () => {
    const bg = await makeBackground();
    bg.port.answer = gatedTopFrame(bg);
    await ok(bg.page({ type: 'set-site-enabled', tabId: 99, enabled: false, url: PAGE_URL }));
    bg.port.sent.length = 0;
    const state = await ok(bg.page({ type: 'get-tab-state', tabId: TOP_FRAME.tabId, url: PAGE_URL }));
    expect(state.tab).toMatchObject({ topUrl: PAGE_URL, enabled: false, claims: [] });
    expect(state.siteEnabled).toBe(false);
  });

  it('a top frame that already reported is not asked again', async () => {
    const bg = await makeBackground();
    await ok(bg.content({ ...TOP_FRAME, url: PAGE_URL })({ type: 'report-frame', url: PAGE_URL, enabled: true, scanning: false, claims: [] }));
    await ok(bg.page({ type: 'get-tab-state', tabId: TOP_FRAME.tabId }));
    expect(bg.port.sent).toEqual([]);
  });

  it('no content script there (a browser page, a page opened before install): the answer is as before', async () => {
    const bg = await makeBackground();
    bg.port.answer = () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    const state = await ok(bg.page({ type: 'get-tab-state', tabId: TOP_FRAME.tabId }));
    expect(state.tab.topUrl).toBeUndefined();
    expect(state.siteEnabled).toBe(false);
  });

  it('a frame that never answers does not hold the popup', async () => {
    const bg = await makeBackground();
    bg.port.sendToContent = (tabId, request, frameId) => {
      bg.port.sent.push({ tabId, frameId, request });
      return new Promise(() => undefined);
    };
    const started = Date.now();
    const state = await ok(bg.page({ type: 'get-tab-state', tabId: TOP_FRAME.tabId }));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(state.tab.topUrl).toBeUndefined();
    expect(bg.port.sent).toHaveLength(1);
  });
});
