import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startBackground } from './start-background';

// The entrypoint imports the polyfill; in Node it is WXT's in-memory browser.
vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

beforeEach(startBackground);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function openedUrls(): Promise<string[]> {
  return (await fakeBrowser.tabs.query({})).flatMap((tab) => (tab.url ? [tab.url] : []));
}

describe('background: first run and badge colours', () => {
  it('opens the first-run page once when Pledge Lens is installed', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(await openedUrls()).toEqual([fakeBrowser.runtime.getURL('/welcome.html')]);
  });

  it('does not open it on an update or a browser update', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    expect(await openedUrls()).toEqual([]);
  });

  it('sets the badge colours once for every tab: white on the binding-commitment blue', async () => {
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x1d, 0x4e, 0xd8, 255]);
    const textColor = await new Promise<unknown>((done) => (fakeBrowser.action.getBadgeTextColor as (details: object, callback: (color: unknown) => void) => void)({}, done));
    expect(textColor).toBe('#ffffff');
  });
});
