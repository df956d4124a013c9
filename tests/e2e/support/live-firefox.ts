import type { Browser, Frame, Page } from 'puppeteer-core';
import { bidiConnection, inCardRootFirefox, type CardProbe, type FramePath } from './closed-card';
import { PuppeteerDrivenPage } from './driven-page';
import { settledTabState, type PageFunction } from './dynamic-driver';
import { extensionTabIds, FirefoxPopupPage, launchFirefoxWithExtension, openExtensionPage, pollPage, setViewportSize, type FirefoxTestHelper } from './firefox';
import { readRecordedCopy, recordNextCopy, type ColorScheme, type CopiedData, type LiveBrowser, type HistoryMention, type LivePage, type LivePopup } from './live-driver';
import { readPopupClaims } from './popup-page';

interface BidiEvaluation {
  result: { type: 'success' | 'exception'; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
}
interface BidiTree {
  result: { contexts: { context: string; url: string }[] };
}
interface ExtensionPageGlobals {
  browser: {
    runtime: { sendMessage(message: object): Promise<unknown> };
    tabs: { get(tabId: number): Promise<{ status?: string; url?: string }> };
  };
}

/** Host names the test server answers for (LiveBrowser.mapHost): Firefox resolves them to the loopback address itself, from launch. */
const LOOPBACK_HOSTS = ['embed.test'];

/**
 * Firefox's browser window, where later Firefox lets BiDi evaluate privileged code (chrome-scope
 * contexts, with the --remote-allow-system-access the launcher passes). Firefox ESR 140 shows BiDi
 * content only: `context()` is then undefined. Used only for print media, which no WebExtension API
 * can emulate; the colour scheme, zoom and clipboard go through the E2E helper add-on in every Firefox.
 */
class BrowserWindow {
  constructor(private readonly bidi: ReturnType<typeof bidiConnection>) {}

  async context(): Promise<string | undefined> {
    const tree = (await this.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as unknown as BidiTree;
    return tree.result.contexts.find((candidate) => candidate.url === 'chrome://browser/content/browser.xhtml')?.context;
  }

  /** Errors: throws when this Firefox has no chrome-scope contexts, or the code throws. */
  async evaluate(expression: string): Promise<unknown> {
    const context = await this.context();
    if (!context) throw new Error('No Firefox browser window visible to BiDi (chrome-scope contexts need a Firefox newer than ESR 140, and --remote-allow-system-access)');
    const response = (await this.bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' })) as BidiEvaluation;
    if (response.result.type !== 'success') throw new Error(`Privileged evaluation failed: ${response.result.exceptionDetails?.text ?? 'unknown exception'}`);
    return response.result.result?.value;
  }
}

class PuppeteerLivePage extends PuppeteerDrivenPage implements LivePage {
  /** Firefox does not report content-script exceptions over BiDi: the tests assert the DOM outcome instead. */
  readonly contentScriptErrors: string[] = [];

  constructor(
    page: Page,
    readonly tabId: number,
    private readonly chrome: BrowserWindow,
    private readonly browser: Browser,
    private readonly helper: FirefoxTestHelper,
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
    await pollPage(this.page, fn, [arg], { timeout: timeoutMs });
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
    await this.helper.colorScheme(scheme);
    await pollPage(this.page, (dark: boolean) => matchMedia('(prefers-color-scheme: dark)').matches === dark, [scheme === 'dark'], { timeout: 5_000 });
  }

  async browserZoom(factor: number): Promise<void> {
    await this.helper.zoom(this.tabId, factor);
  }

  async viewport(width: number, height: number): Promise<void> {
    await setViewportSize(this.browser, this.page, width, height);
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
    const recorded = (await pollPage<[], CopiedData | null>(this.page, readRecordedCopy, [], { timeout: 3_000 }))!;
    // Firefox hides data an extension put on the event from the page's listeners, and a page cannot
    // read the clipboard without a paste prompt: the helper add-on reads it with clipboardRead
    // (headless Firefox keeps its own in-memory clipboard).
    const clipboard = await this.helper.readClipboard();
    return { ...recorded, clipboardPlain: clipboard.plain, clipboardHtml: clipboard.html };
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
    // The popup keeps asking about a page it has not heard from (every 400 ms): its switch may come a moment after it first settles.
    const appeared = await pollPage(this.popup.page, () => document.querySelector('[data-testid=site-toggle]') !== null, [], { timeout: 5_000 }).catch(() => false);
    if (!appeared) throw new Error(`The popup has no site toggle; ${await this.describe()}; ${await this.whatTheBackgroundKnows()}`);
    if ((await this.siteToggle()) !== on) await this.popup.page.click('[data-testid=site-toggle]');
    await pollPage(this.popup.page, (want: boolean) => document.querySelector<HTMLInputElement>('[data-testid=site-toggle]')?.checked === want, [on], { timeout: 5_000 });
  }

  describe(): Promise<string> {
    return this.popup.describe();
  }

  textOf(testId: string): Promise<string | undefined> {
    return this.popup.page.evaluate((id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? undefined, testId);
  }

  async screenshot(path: string): Promise<void> {
    await this.popup.page.screenshot({ path: path as `${string}.png`, fullPage: true });
  }

  /** The popup's tab as the browser and the background see it, for a failure message. */
  private whatTheBackgroundKnows(): Promise<string> {
    return this.popup.page.evaluate(async () => {
      const api = (globalThis as unknown as ExtensionPageGlobals).browser;
      const tabId = Number(new URLSearchParams(location.search).get('tab'));
      const tab = await api.tabs.get(tabId).then((found) => `tab ${tabId}: ${found.status ?? '?'} ${found.url ?? '(url hidden)'}`, (error: unknown) => `tab ${tabId}: ${String(error)}`);
      const state = await api.runtime.sendMessage({ type: 'get-tab-state', tabId }).then((answer) => JSON.stringify(answer).slice(0, 300), (error: unknown) => String(error));
      return `${tab}; background: ${state}`;
    });
  }

  close(): Promise<void> {
    return this.popup.close();
  }
}

/** Debian's Firefox ESR (MV2 build) through Puppeteer over WebDriver BiDi. */
export async function launchLiveFirefox(): Promise<LiveBrowser> {
  const firefox = await launchFirefoxWithExtension({ testHelper: true, extraPrefs: { 'network.dns.localDomains': LOOPBACK_HOSTS.join(',') } });
  const helper = firefox.helper!;
  const chrome = new BrowserWindow(bidiConnection(firefox.browser));
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
      const driver = new PuppeteerLivePage(page, added[0]!, chrome, firefox.browser, helper);
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
    async history() {
      const ext = await extension();
      const answer = (await ext.evaluate((message) => (globalThis as unknown as ExtensionPageGlobals).browser.runtime.sendMessage(message), { type: 'list-mentions', query: {} })) as { ok: boolean; mentions?: HistoryMention[] };
      if (!answer.ok || !answer.mentions) throw new Error(`list-mentions failed: ${JSON.stringify(answer)}`);
      return answer.mentions;
    },
    async popup(page) {
      return new FirefoxLivePopup(await FirefoxPopupPage.open(firefox.browser, driverOf(page).tabId));
    },
    async mapHost(host) {
      // Set at launch (network.dns.localDomains): no pref can be changed from a page or an add-on.
      if (!LOOPBACK_HOSTS.includes(host)) throw new Error(`${host} is not in LOOPBACK_HOSTS (live-firefox.ts), which Firefox resolves to 127.0.0.1 from launch`);
    },
    async emulatesPrintMedia() {
      return (await chrome.context()) !== undefined;
    },
    close: firefox.close,
  };
}

