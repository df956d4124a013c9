import type { Browser, Page } from 'puppeteer-core';
import { inCardRootFirefox, type CardProbe } from './closed-card';
import { PuppeteerDrivenPage } from './driven-page';
import { settledTabState, type DynamicBrowser, type PageDriver, type PageFunction } from './dynamic-driver';
import { extensionTabIds, launchFirefoxWithExtension, openExtensionPage, pollPage } from './firefox';

const ADDON_ID = 'pledge-lens@pledge-lens.org';

/** The extension API as an extension page sees it; the suite has no WebExtension typings in page code. */
interface ExtensionPageGlobals {
  browser: {
    runtime: { sendMessage(message: object): Promise<unknown> };
    tabs: { sendMessage(tabId: number, message: object): Promise<unknown> };
  };
}

class PuppeteerDriver extends PuppeteerDrivenPage implements PageDriver {
  constructor(
    page: Page,
    private readonly browser: Browser,
    /** The page's tab id, as the extension's APIs name it. */
    readonly tabId: number,
  ) {
    super(page);
  }

  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    // Puppeteer's typings model element handles as arguments; these functions only take JSON values.
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }

  async waitFor<A>(fn: PageFunction<A, unknown>, arg: A, timeoutMs: number): Promise<void> {
    await pollPage(this.page, fn, [arg], { timeout: timeoutMs });
  }

  inCard<R>(probe: CardProbe<R>): Promise<R> {
    return inCardRootFirefox(this.browser, this.page, probe);
  }
}

/**
 * Debian's Firefox ESR over WebDriver BiDi with the MV2 build as a temporary add-on. One of the
 * extension's own pages, kept open in a tab, is the window into `browser.tabs` and the background:
 * it finds each opened page's tab id (the one tab that appeared) and sends the messages the popup
 * and background send, addressed by that id.
 */
export async function launchDynamicFirefox(): Promise<DynamicBrowser> {
  const { browser, extensionId } = await launchFirefoxWithExtension();
  if (extensionId !== ADDON_ID) {
    await browser.close().catch(() => undefined);
    throw new Error(`Installed add-on id is ${extensionId}, expected ${ADDON_ID}`);
  }
  let extensionPage: Page | undefined;
  const extension = async (): Promise<Page> => (extensionPage ??= await openExtensionPage(browser, 'welcome.html?dynamic-e2e'));
  const drivers = new Set<PuppeteerDriver>();
  const driverOf = (page: PageDriver): PuppeteerDriver => {
    const driver = [...drivers].find((candidate) => candidate === page);
    if (!driver) throw new Error('Not a page this browser opened');
    return driver;
  };
  return {
    name: 'Firefox',
    async open(url) {
      const ext = await extension();
      const before = new Set(await extensionTabIds(ext));
      const page = await browser.newPage();
      const added = (await extensionTabIds(ext)).filter((id) => !before.has(id));
      if (added.length !== 1) throw new Error(`Expected exactly one new tab, found ${added.length}`);
      const driver = new PuppeteerDriver(page, browser, added[0]!);
      drivers.add(driver);
      page.on('close', () => drivers.delete(driver));
      await page.goto(url, { waitUntil: 'load' });
      return driver;
    },
    async sendToTab(page, message) {
      const { tabId } = driverOf(page);
      return (await extension()).evaluate((tab, request) => (globalThis as unknown as ExtensionPageGlobals).browser.tabs.sendMessage(tab, request), tabId, message);
    },
    async tabState(page) {
      const { tabId } = driverOf(page);
      const ext = await extension();
      return settledTabState(() => ext.evaluate((request) => (globalThis as unknown as ExtensionPageGlobals).browser.runtime.sendMessage(request), { type: 'get-tab-state', tabId }));
    },
    close: () => browser.close().catch(() => undefined),
  };
}
