import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startBackground } from './start-background';

// The entrypoint imports the polyfill; in Node it is WXT's in-memory browser.
vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const PAGE_URL = 'https://news.example/story';
const CONTENT_SENDER = { id: fakeBrowser.runtime.id, url: PAGE_URL, tab: { id: 5 }, frameId: 0 };
const PAGE_SENDER = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };

/** What the browser does with a message: every onMessage listener gets it with the sender it came from. */
async function deliver(message: unknown, sender: object): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.find((answer: unknown) => answer !== undefined);
}

beforeEach(startBackground);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('background entrypoint (fakeBrowser)', () => {
  it('routes a content script\'s frame report to the tab state and sets the badge and its title for that tab', async () => {
    const claim = { claimId: 'anthropic-rsp3-risk-reports', statement: 's', kind: 'announced-target', status: 'in-force', statusDate: '2026-02-24', actorName: 'Anthropic', mentions: 2, firstOffset: 0 };
    expect(await deliver({ type: 'report-frame', url: PAGE_URL, enabled: true, scanning: false, claims: [claim] }, CONTENT_SENDER)).toEqual({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('1');
    expect(await fakeBrowser.action.getTitle({ tabId: 5 }), 'the badge in words: tooltip and accessible name').toBe('Pledge Lens: 1 known claim on this page');
    const state = (await deliver({ type: 'get-tab-state', tabId: 5 }, PAGE_SENDER)) as { ok: boolean; tab: { topUrl: string; claims: unknown[] } };
    expect(state.ok).toBe(true);
    expect(state.tab.topUrl).toBe(PAGE_URL);
    expect(state.tab.claims).toHaveLength(1);
  });

  it('refuses a content script\'s attempt to change settings, and a page-origin sender altogether', async () => {
    expect(await deliver({ type: 'set-feed-url', url: 'https://evil.example/feed.json' }, CONTENT_SENDER)).toEqual({ ok: false, error: 'Unknown request.' });
    expect(await deliver({ type: 'get-site-settings' }, { id: 'some-other-extension', url: PAGE_URL })).toEqual({ ok: false, error: 'Unknown sender.' });
  });

  it('forgets a tab\'s findings when the tab starts loading a new document', async () => {
    await deliver({ type: 'report-frame', url: PAGE_URL, enabled: true, scanning: false, claims: [] }, CONTENT_SENDER);
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { id: 5 } as never);
    const state = (await deliver({ type: 'get-tab-state', tabId: 5 }, PAGE_SENDER)) as { tab: { topUrl?: string } };
    expect(state.tab.topUrl).toBeUndefined();
  });
});
