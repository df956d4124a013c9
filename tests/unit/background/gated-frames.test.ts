import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { BackgroundHarness, freshBundledClaimSet, ok, openFreshDatabase, RISK_REPORTS_PAGE, startBackground, TOP_FRAME, type SentToContent } from './background-harness';

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
    // The top frame before the answer; every frame, the others to report as they come.
    expect(bg.port.sent).toEqual([
      { tabId: TOP_FRAME.tabId, frameId: undefined, request: { type: 'report-state', subframes: true } },
      { tabId: TOP_FRAME.tabId, frameId: 0, request: { type: 'report-state' } },
    ]);
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
    expect(bg.port.sent).toHaveLength(2);
  });
});

describe('the popup asks about a tab this background has forgotten', () => {
  const CLAIM = { claimId: 'anthropic-rsp3-risk-reports', statement: 'x', kind: 'no-commitment' as const, status: 'in-force' as const, statusDate: '2026-01-01', actorName: 'x', mentions: 2, firstOffset: 10 };
  const SUB_FRAME = { ...TOP_FRAME, frameId: 7, url: 'https://video.example/embed' };

  /** Highlighting frames, as entrypoints/content/index.ts answers `report-state`: each says again what it holds. */
  function highlightingFrames(bg: BackgroundHarness) {
    return async (sent: SentToContent): Promise<unknown> => {
      if (sent.request.type !== 'report-state') return undefined;
      // Asked with `subframes`, the top frame stands aside (it is asked on its own).
      const frames = sent.frameId === undefined ? (sent.request.type === 'report-state' && sent.request.subframes ? [SUB_FRAME] : [{ ...TOP_FRAME, url: PAGE_URL }, SUB_FRAME]) : [{ ...TOP_FRAME, url: PAGE_URL }];
      for (const frame of frames) await ok(bg.content(frame)({ type: 'report-frame', url: frame.url, enabled: true, scanning: false, claims: [CLAIM] }));
      return { ok: true, gated: false };
    };
  }

  it('after the tab "loaded" (a card framed the note editor) or the worker restarted, every frame reports again and the popup lists the page', async () => {
    const bg = await makeBackground();
    const report = (frame: typeof SUB_FRAME) => ok(bg.content(frame)({ type: 'report-frame', url: frame.url, enabled: true, scanning: false, claims: [CLAIM] }));
    await report({ ...TOP_FRAME, url: PAGE_URL });
    await report(SUB_FRAME);
    bg.service.forgetTab(TOP_FRAME.tabId);
    bg.port.answer = highlightingFrames(bg);
    const state = await ok(bg.page({ type: 'get-tab-state', tabId: TOP_FRAME.tabId, url: PAGE_URL }));
    expect(state.tab).toMatchObject({ topUrl: PAGE_URL, enabled: true, frameCount: 2 });
    expect(state.tab.claims).toEqual([expect.objectContaining({ claimId: CLAIM.claimId, mentions: 4 })]);
  });

  it('"Show on page" on a forgotten tab asks the frames again, then sends the jump to the frame holding the claim', async () => {
    const bg = await makeBackground();
    const answer = highlightingFrames(bg);
    bg.port.answer = async (sent) => (sent.request.type === 'scroll-to-claim' ? { ok: true, found: true } : answer(sent));
    expect(await ok(bg.page({ type: 'scroll-to-claim', tabId: TOP_FRAME.tabId, claimId: CLAIM.claimId }))).toEqual({ ok: true, found: true });
    expect(bg.port.sent.at(-1)).toEqual({ tabId: TOP_FRAME.tabId, frameId: 0, request: { type: 'scroll-to-claim', claimId: CLAIM.claimId } });
  });

  it('switching a site off rechecks open tabs it knows nothing of (their site is unknown to it), as well as its own', async () => {
    const bg = await makeBackground();
    bg.port.openTabs = [41, 42];
    await ok(bg.page({ type: 'set-site-enabled', tabId: 99, enabled: false, url: PAGE_URL }));
    const rechecked = bg.port.sent.filter((sent) => sent.request.type === 'recheck-site').map((sent) => sent.tabId);
    expect(rechecked.sort()).toEqual([41, 42, 99]);
  });
});

describe("a tab's frames hear that its page is about AI (`page-about-ai`), so an embed need not say AI itself (report 58, problem 2)", () => {
  it('is sent to every frame when the top frame asks for its page to be matched (once a second at most) or reports claims, never for an embed', async () => {
    let clock = Date.parse('2026-11-25T12:00:00Z');
    const { db: own, bg } = await startBackground({ now: () => new Date(clock) });
    try {
      const told = () => bg.port.sent.filter((sent) => sent.request.type === 'page-about-ai');
      const top = bg.content({ ...TOP_FRAME, url: RISK_REPORTS_PAGE.url });
      await ok(top({ type: 'match-page', url: RISK_REPORTS_PAGE.url, title: RISK_REPORTS_PAGE.title, text: RISK_REPORTS_PAGE.text }));
      await vi.waitFor(() => expect(told()).toEqual([{ tabId: TOP_FRAME.tabId, frameId: undefined, request: { type: 'page-about-ai' } }]));
      // Again at once (a region added later): not again.
      await ok(top({ type: 'match-page', url: RISK_REPORTS_PAGE.url, title: RISK_REPORTS_PAGE.title, text: RISK_REPORTS_PAGE.text }));
      // An embed's own match tells no one.
      const embedUrl = 'https://embeds.example/post/1';
      await ok(bg.content({ tabId: TOP_FRAME.tabId, frameId: 3, url: embedUrl })({ type: 'match-page', url: embedUrl, title: 'Post', text: RISK_REPORTS_PAGE.text }));
      await Promise.resolve();
      expect(told()).toHaveLength(1);
      // The top frame's report with claims (an embed loaded) tells the frames again, even within the second.
      clock += 300;
      const summary = { claimId: 'anthropic-rsp3-risk-reports', statement: 'Risk Reports', kind: 'announced-target' as const, status: 'in-force' as const, statusDate: '2026-02-24', actorName: 'Anthropic', mentions: 1, firstOffset: 0 };
      await ok(top({ type: 'report-frame', url: RISK_REPORTS_PAGE.url, enabled: true, scanning: false, claims: [summary] }));
      await vi.waitFor(() => expect(told()).toHaveLength(2));
    } finally {
      own.close();
    }
  });
});
