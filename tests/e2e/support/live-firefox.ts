import type { Browser, Frame, Page } from 'puppeteer-core';
import { inCardRootFirefox, type CardProbe, type FramePath } from './closed-card';
import { PuppeteerDrivenPage } from './driven-page';
import { settledTabState, type PageFunction } from './dynamic-driver';
import { extensionTabIds, FirefoxPopupPage, launchFirefoxWithExtension, openExtensionPage } from './firefox';
import { readRecordedCopy, recordNextCopy, type ColorScheme, type CopiedData, type LiveBrowser, type LivePage, type LivePopup } from './live-driver';
import { readPopupClaims } from './popup-page';

/** The raw WebDriver BiDi connection Puppeteer keeps (BidiBrowser.connection), for commands it has no API for. */
interface RawBidi {
  send(method: string, params: object): Promise<unknown>;
}
interface BidiEvaluation {
  result: { type: 'success' | 'exception'; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
}
interface BidiTree {
  result: { contexts: { context: string; url: string; children?: BidiTree['result']['contexts'] }[] };
}
interface ExtensionPageGlobals {
  browser: { runtime: { sendMessage(message: object): Promise<unknown> } };
}

function rawBidi(browser: Browser): RawBidi {
  const connection = (browser as unknown as { connection?: RawBidi }).connection;
  if (!connection || typeof connection.send !== 'function') throw new Error('Puppeteer no longer exposes its BiDi connection (BidiBrowser.connection)');
  return connection;
}

/**
 * Privileged code in Firefox's browser window (BiDi may evaluate there with
 * --remote-allow-system-access, which the shared launcher passes): what a test cannot do from a page
 * (print media, browser zoom, prefs), done the way Firefox's own DevTools do it.
 */
class BrowserWindow {
  constructor(private readonly bidi: RawBidi) {}

  async evaluate(expression: string): Promise<unknown> {
    const tree = (await this.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as BidiTree;
    const context = tree.result.contexts.find((candidate) => candidate.url === 'chrome://browser/content/browser.xhtml')?.context;
    if (!context) throw new Error('No Firefox browser window visible to BiDi (was --remote-allow-system-access honoured?)');
    const response = (await this.bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' })) as BidiEvaluation;
    if (response.result.type !== 'success') throw new Error(`Privileged evaluation failed: ${response.result.exceptionDetails?.text ?? 'unknown exception'}`);
    return response.result.result?.value;
  }
}

/** Privileged code that reads the clipboard's text and HTML flavours. */
const CLIPBOARD_READER = `(() => {
  const out = {};
  for (const flavour of ['text/plain', 'text/html']) {
    try {
      const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
      transferable.init(null);
      transferable.addDataFlavor(flavour);
      Services.clipboard.getData(transferable, Ci.nsIClipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
      const data = {};
      transferable.getTransferData(flavour, data);
      out[flavour] = data.value.QueryInterface(Ci.nsISupportsString).data;
    } catch {
      out[flavour] = '';
    }
  }
  return JSON.stringify(out);
})()`;

class PuppeteerLivePage extends PuppeteerDrivenPage implements LivePage {
  /** Firefox does not report content-script exceptions over BiDi: the tests assert the DOM outcome instead. */
  readonly contentScriptErrors: string[] = [];

  constructor(
    page: Page,
    readonly tabId: number,
    private readonly chrome: BrowserWindow,
    private readonly browser: Browser,
  ) {
    super(page);
  }

  get url(): string {
    return this.page.url();
  }

  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }

  async waitFor<A>(fn: PageFunction<A, unknown>, arg: A, timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs, polling: 50 }, arg);
  }

  inCard<R>(probe: CardProbe<R>): Promise<R> {
    return inCardRootFirefox(this.browser, this.page, probe);
  }

  inCardInFrame<R>(path: FramePath, probe: CardProbe<R>): Promise<R> {
    return inCardRootFirefox(this.browser, this.page, probe, path);
  }

  private async frame(iframeSelector: string | FramePath): Promise<Frame> {
    let frame = this.page.mainFrame();
    for (const selector of typeof iframeSelector === 'string' ? [iframeSelector] : iframeSelector) {
      const element = await frame.waitForSelector(selector, { timeout: 5_000 });
      const next = await element?.contentFrame();
      if (!next) throw new Error(`${selector} shows no frame`);
      frame = next;
    }
    return frame;
  }

  async runInFrame<A, R>(iframeSelector: string | FramePath, fn: PageFunction<A, R>, arg: A): Promise<R> {
    return (await this.frame(iframeSelector)).evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }

  /** The page's tab's browser element, as privileged code names it (the tab must be the selected one). */
  private async selectedBrowser(expression: string): Promise<unknown> {
    await this.page.bringToFront();
    return this.chrome.evaluate(`(() => { const browser = gBrowser.selectedBrowser; ${expression} })()`);
  }

  async printMedia(on: boolean): Promise<void> {
    // What DevTools' "simulate print media" sets; Puppeteer cannot emulate media types over BiDi.
    await this.selectedBrowser(`browser.browsingContext.mediumOverride = ${JSON.stringify(on ? 'print' : '')};`);
  }

  async colorScheme(scheme: ColorScheme): Promise<void> {
    // 0 dark, 1 light: what prefers-color-scheme answers in pages.
    await this.chrome.evaluate(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`);
  }

  async browserZoom(factor: number): Promise<void> {
    await this.selectedBrowser(`browser.fullZoom = ${factor};`);
  }

  async viewport(width: number, height: number): Promise<void> {
    await this.page.setViewport({ width, height });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png` });
  }

  async copy(): Promise<CopiedData> {
    await this.page.evaluate(recordNextCopy);
    await this.page.bringToFront();
    await this.page.keyboard.down('Control');
    await this.page.keyboard.press('c');
    await this.page.keyboard.up('Control');
    await this.page.waitForFunction(readRecordedCopy, { timeout: 3_000 });
    // Firefox hides data an extension put on the event from the page's listeners, and a page cannot
    // read the clipboard without a paste prompt: the browser window reads it (headless Firefox keeps
    // its own in-memory clipboard).
    const clipboard = JSON.parse(String(await this.chrome.evaluate(CLIPBOARD_READER))) as Record<string, string>;
    return { ...(await this.page.evaluate(readRecordedCopy))!, clipboardPlain: clipboard['text/plain'] ?? '', clipboardHtml: clipboard['text/html'] ?? '' };
  }
}

class FirefoxLivePopup implements LivePopup {
  constructor(private readonly popup: FirefoxPopupPage) {}

  host(): Promise<string> {
    return this.popup.page.evaluate(() => (document.querySelector('label.switch')?.textContent ?? '').replace(/^\s*Highlight on\s*/, '').trim());
  }

  async claimIds(): Promise<string[]> {
    return (await this.popup.page.evaluate(readPopupClaims)).map((claim) => claim.claimId);
  }

  siteToggle(): Promise<boolean | undefined> {
    return this.popup.page.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid=site-toggle]')?.checked);
  }

  async setSiteToggle(on: boolean): Promise<void> {
    if ((await this.siteToggle()) === undefined) throw new Error(`The popup has no site toggle; ${await this.describe()}`);
    if ((await this.siteToggle()) !== on) await this.popup.page.click('[data-testid=site-toggle]');
    await this.popup.page.waitForFunction((want: boolean) => document.querySelector<HTMLInputElement>('[data-testid=site-toggle]')?.checked === want, { timeout: 5_000 }, on);
  }

  describe(): Promise<string> {
    return this.popup.describe();
  }

  close(): Promise<void> {
    return this.popup.close();
  }
}

/** Debian's Firefox ESR (MV2 build) through Puppeteer over WebDriver BiDi. */
export async function launchLiveFirefox(): Promise<LiveBrowser> {
  const firefox = await launchFirefoxWithExtension();
  const chrome = new BrowserWindow(rawBidi(firefox.browser));
  const pages = new Map<LivePage, PuppeteerLivePage>();
  // An extension page kept open: the window into `browser.tabs` (tab ids) and the background.
  let extensionPage: Page | undefined;
  const extension = async (): Promise<Page> => (extensionPage ??= await openExtensionPage(firefox.browser, 'welcome.html?live'));
  const driverOf = (page: LivePage): PuppeteerLivePage => {
    const driver = pages.get(page);
    if (!driver) throw new Error('Not a page this browser opened');
    return driver;
  };
  return {
    name: 'Firefox',
    async open(url) {
      const ext = await extension();
      const before = new Set(await extensionTabIds(ext));
      const page = await firefox.browser.newPage();
      const added = (await extensionTabIds(ext)).filter((id) => !before.has(id));
      if (added.length !== 1) throw new Error(`Expected exactly one new tab, found ${added.length}`);
      const driver = new PuppeteerLivePage(page, added[0]!, chrome, firefox.browser);
      pages.set(driver, driver);
      page.on('close', () => pages.delete(driver));
      await page.goto(url, { waitUntil: 'load' });
      return driver;
    },
    async tabState(page) {
      const { tabId } = driverOf(page);
      const ext = await extension();
      return settledTabState(() => ext.evaluate((request) => (globalThis as unknown as ExtensionPageGlobals).browser.runtime.sendMessage(request), { type: 'get-tab-state', tabId }));
    },
    async popup(page) {
      return new FirefoxLivePopup(await FirefoxPopupPage.open(firefox.browser, driverOf(page).tabId));
    },
    async mapHost(host) {
      // Firefox resolves these names to the loopback address itself, without asking any resolver.
      const current = String(await chrome.evaluate(`Services.prefs.getCharPref('network.dns.localDomains', '')`));
      const hosts = new Set(current.split(',').map((entry) => entry.trim()).filter(Boolean));
      hosts.add(host);
      await chrome.evaluate(`Services.prefs.setCharPref('network.dns.localDomains', ${JSON.stringify([...hosts].join(','))})`);
    },
    close: firefox.close,
  };
}

