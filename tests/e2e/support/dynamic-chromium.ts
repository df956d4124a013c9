import type { Page, Worker } from 'playwright-core';
import { launchChromiumWithExtension } from './chromium';
import { PlaywrightDrivenPage } from './driven-page';
import { inCardRootChromium, type CardProbe } from './closed-card';
import { settledTabState, type DynamicBrowser, type PageDriver, type PageFunction } from './dynamic-driver';

/** The tab fields read here; declared locally because the suite has no Chrome API typings. */
interface ChromeTabs {
  chrome: {
    tabs: {
      query(query: object): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: object): Promise<unknown>;
    };
  };
}

interface ChromeRuntime {
  chrome: { runtime: { sendMessage(message: object): Promise<unknown> } };
}

class PlaywrightDriver extends PlaywrightDrivenPage implements PageDriver {

  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    // Playwright's typings unbox handles in arguments; these functions only take JSON values.
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  async waitFor<A>(fn: PageFunction<A, unknown>, arg: A, timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(fn as (arg: unknown) => unknown, arg as unknown, { timeout: timeoutMs, polling: 50 });
  }

  inCard<R>(probe: CardProbe<R>): Promise<R> {
    return inCardRootChromium(this.page, probe);
  }
}

/**
 * The tab id of a page, asked of the service worker. The extension has no "tabs" permission, so
 * tab URLs are hidden from it; the page is brought to the front and the active tab is taken.
 */
async function activeTabId(worker: Worker, page: PlaywrightDriver): Promise<number> {
  await page.bringToFront();
  const tabs = await worker.evaluate(() => (globalThis as unknown as ChromeTabs).chrome.tabs.query({ active: true, lastFocusedWindow: true }));
  const id = tabs[0]?.id;
  if (id === undefined) throw new Error('The service worker sees no active tab');
  return id;
}

export async function launchDynamicChromium(): Promise<DynamicBrowser> {
  const chromium = await launchChromiumWithExtension();
  const drivers = new Set<PlaywrightDriver>();
  // Any extension page can ask the background what the popup would; the welcome page is the lightest (the
  // note editor, web-accessible, may ask only for its own mention, with a card's capability).
  let extensionPage: Page | undefined;
  const askBackground = async (message: object): Promise<unknown> => {
    if (!extensionPage) {
      extensionPage = await chromium.context.newPage();
      await extensionPage.goto(`chrome-extension://${chromium.extensionId}/welcome.html?e2e`);
    }
    return extensionPage.evaluate((request) => (globalThis as unknown as ChromeRuntime).chrome.runtime.sendMessage(request), message);
  };
  return {
    name: 'Chromium',
    async open(url) {
      const page = await chromium.context.newPage();
      const driver = new PlaywrightDriver(page);
      drivers.add(driver);
      page.on('close', () => drivers.delete(driver));
      await page.goto(url, { waitUntil: 'load' });
      return driver;
    },
    async sendToTab(page, message) {
      const driver = [...drivers].find((candidate) => candidate === page);
      if (!driver) throw new Error('sendToTab: not a page this browser opened');
      const tabId = await activeTabId(chromium.worker, driver);
      return chromium.worker.evaluate(([id, request]) => (globalThis as unknown as ChromeTabs).chrome.tabs.sendMessage(id, request), [tabId, message] as const);
    },
    async tabState(page) {
      const driver = [...drivers].find((candidate) => candidate === page);
      if (!driver) throw new Error('tabState: not a page this browser opened');
      const tabId = await activeTabId(chromium.worker, driver);
      return settledTabState(() => askBackground({ type: 'get-tab-state', tabId }));
    },
    close: () => chromium.close(),
  };
}
