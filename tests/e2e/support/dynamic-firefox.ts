import type { Browser, Page } from 'puppeteer-core';
import { inCardRootFirefox, type CardProbe } from './closed-card';
import { PuppeteerDrivenPage } from './driven-page';
import { settledTabState, type DynamicBrowser, type PageDriver, type PageFunction } from './dynamic-driver';
import { launchFirefoxWithExtension } from './firefox';

const ADDON_ID = 'pledge-lens@pledge-lens.org';

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

class PuppeteerDriver extends PuppeteerDrivenPage implements PageDriver {
  constructor(
    page: Page,
    private readonly browser: Browser,
  ) {
    super(page);
  }

  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    // Puppeteer's typings model element handles as arguments; these functions only take JSON values.
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }

  async waitFor<A>(fn: PageFunction<A, unknown>, arg: A, timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs, polling: 50 }, arg);
  }

  inCard<R>(probe: CardProbe<R>): Promise<R> {
    return inCardRootFirefox(this.browser, this.page, probe);
  }
}

function rawBidi(browser: Browser): RawBidi {
  const connection = (browser as unknown as { connection?: RawBidi }).connection;
  if (!connection || typeof connection.send !== 'function') throw new Error('Puppeteer no longer exposes its BiDi connection (BidiBrowser.connection)');
  return connection;
}

async function evaluateIn(bidi: RawBidi, context: string, expression: string): Promise<unknown> {
  const response = (await bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' })) as BidiEvaluation;
  if (response.result.type !== 'success') throw new Error(`Evaluation failed in ${context}: ${response.result.exceptionDetails?.text ?? 'unknown exception'}`);
  return response.result.result?.value;
}

async function findContext(bidi: RawBidi, scope: 'chrome' | 'content', matches: (url: string) => boolean): Promise<string | undefined> {
  const tree = (await bidi.send('browsingContext.getTree', scope === 'chrome' ? { 'moz:scope': 'chrome' } : {})) as BidiTree;
  const stack = [...tree.result.contexts];
  for (let context = stack.pop(); context; context = stack.pop()) {
    if (matches(context.url)) return context.context;
    stack.push(...(context.children ?? []));
  }
  return undefined;
}

/**
 * Firefox's extension APIs are out of reach of ordinary WebDriver BiDi: it refuses to navigate a
 * tab to moz-extension:// URLs. With `--remote-allow-system-access`, BiDi may evaluate in the
 * browser window itself, which opens the extension's popup page in a background tab; BiDi may then
 * evaluate there, and that page has the same `browser.tabs` API the real popup uses.
 */
class ExtensionPage {
  private context: string | undefined;

  constructor(private readonly bidi: RawBidi) {}

  private async browserWindow(): Promise<string> {
    const context = await findContext(this.bidi, 'chrome', (url) => url === 'chrome://browser/content/browser.xhtml');
    if (!context) throw new Error('No Firefox browser window visible to BiDi (was --remote-allow-system-access honoured?)');
    return context;
  }

  /** Privileged code in the browser window: used only to open the extension page and to check which tab is selected. */
  async inBrowserWindow(expression: string): Promise<unknown> {
    return evaluateIn(this.bidi, await this.browserWindow(), expression);
  }

  private async ensureOpen(): Promise<string> {
    if (this.context) return this.context;
    const url = (await this.inBrowserWindow(`(() => {
      const policy = WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)});
      const url = 'moz-extension://' + policy.mozExtensionHostname + '/popup.html?dynamic-e2e';
      gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      return url;
    })()`)) as string;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      this.context = await findContext(this.bidi, 'content', (candidate) => candidate === url);
      if (this.context) {
        // The tab exists before its document does; wait until the extension API is there.
        const ready = await evaluateIn(this.bidi, this.context, `typeof browser === 'object' && typeof browser.tabs === 'object'`).catch(() => false);
        if (ready === true) return this.context;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The extension page ${url} never became scriptable`);
  }

  /** Asks the background about the selected tab, as the popup does (`get-tab-state` with its id). */
  async tabStateOfActiveTab(expectedUrl: string): Promise<unknown> {
    const selected = await this.inBrowserWindow('gBrowser.selectedBrowser.currentURI.spec');
    if (selected !== expectedUrl) throw new Error(`Expected ${expectedUrl} to be the selected tab, but it is ${String(selected)}`);
    const context = await this.ensureOpen();
    const answer = await evaluateIn(this.bidi, context, `(async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return JSON.stringify(await browser.runtime.sendMessage({ type: 'get-tab-state', tabId: tab.id }));
    })()`);
    return answer === undefined ? undefined : JSON.parse(String(answer)) as unknown;
  }

  async sendToActiveTab(expectedUrl: string, message: object): Promise<unknown> {
    const selected = await this.inBrowserWindow('gBrowser.selectedBrowser.currentURI.spec');
    if (selected !== expectedUrl) throw new Error(`Expected ${expectedUrl} to be the selected tab, but it is ${String(selected)}`);
    const context = await this.ensureOpen();
    const answer = await evaluateIn(this.bidi, context, `(async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return JSON.stringify(await browser.tabs.sendMessage(tab.id, ${JSON.stringify(message)}));
    })()`);
    return answer === undefined ? undefined : JSON.parse(String(answer)) as unknown;
  }
}

/** Debian's Firefox ESR over WebDriver BiDi with the MV2 build as a temporary add-on, and system access for BiDi. */
export async function launchDynamicFirefox(): Promise<DynamicBrowser> {
  // The shared launcher (support/firefox.ts) installs the add-on and allows system access for BiDi.
  const { browser, extensionId } = await launchFirefoxWithExtension();
  if (extensionId !== ADDON_ID) {
    await browser.close().catch(() => undefined);
    throw new Error(`Installed add-on id is ${extensionId}, expected ${ADDON_ID}`);
  }
  const extensionPage = new ExtensionPage(rawBidi(browser));
  const drivers = new Set<PuppeteerDriver>();
  return {
    name: 'Firefox',
    async open(url) {
      const page = await browser.newPage();
      const driver = new PuppeteerDriver(page, browser);
      drivers.add(driver);
      page.on('close', () => drivers.delete(driver));
      await page.goto(url, { waitUntil: 'load' });
      return driver;
    },
    async sendToTab(page, message) {
      const driver = [...drivers].find((candidate) => candidate === page);
      if (!driver) throw new Error('sendToTab: not a page this browser opened');
      await driver.bringToFront();
      return extensionPage.sendToActiveTab(driver.page.url(), message);
    },
    async tabState(page) {
      const driver = [...drivers].find((candidate) => candidate === page);
      if (!driver) throw new Error('tabState: not a page this browser opened');
      await driver.bringToFront();
      return settledTabState(() => extensionPage.tabStateOfActiveTab(driver.page.url()));
    },
    close: () => browser.close().catch(() => undefined),
  };
}
