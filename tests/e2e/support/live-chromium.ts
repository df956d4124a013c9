import type { CDPSession, Frame, Page } from 'playwright-core';
import { launchChromiumWithExtension } from './chromium';
import { PlaywrightDrivenPage } from './driven-page';
import { inCardRootChromium, type CardProbe, type FramePath } from './closed-card';
import { settledTabState, type PageFunction } from './dynamic-driver';
import { readRecordedCopy, recordNextCopy, type ColorScheme, type CopiedData, type LiveBrowser, type HistoryMention, type LivePage, type LivePopup } from './live-driver';
import { PopupPage, tabIdOf } from './popup-page';
import { withinDeadline } from './step-deadline';

interface ChromeGlobals {
  chrome: {
    tabs: { setZoom(tabId: number, factor: number): Promise<void> };
    runtime: { sendMessage(message: object): Promise<unknown> };
  };
}

interface ExceptionThrown {
  exceptionDetails: { text: string; executionContextId?: number; exception?: { description?: string } };
}
interface ContextCreated {
  context: { id: number; auxData?: { type?: string } };
}

class PlaywrightLivePage extends PlaywrightDrivenPage implements LivePage {
  readonly contentScriptErrors: string[] = [];
  private readonly isolated = new Set<number>();

  constructor(
    page: Page,
    private readonly cdp: CDPSession,
    private readonly zoom: (factor: number) => Promise<void>,
  ) {
    super(page);
    // Playwright reports the main world's errors only; the DevTools protocol sees every world,
    // the content script's isolated one included.
    cdp.on('Runtime.executionContextCreated', (event: ContextCreated) => {
      if (event.context.auxData?.type === 'isolated') this.isolated.add(event.context.id);
    });
    cdp.on('Runtime.exceptionThrown', (event: ExceptionThrown) => {
      const { exceptionDetails } = event;
      if (exceptionDetails.executionContextId !== undefined && this.isolated.has(exceptionDetails.executionContextId)) {
        this.contentScriptErrors.push(exceptionDetails.exception?.description ?? exceptionDetails.text);
      }
    });
  }

  get url(): string {
    return this.page.url();
  }

  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    return withinDeadline('page.evaluate', this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown));
  }

  async waitFor<A>(fn: PageFunction<A, unknown>, arg: A, timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(fn as (arg: unknown) => unknown, arg as unknown, { timeout: timeoutMs, polling: 50 });
  }

  inCard<R>(probe: CardProbe<R>): Promise<R> {
    return inCardRootChromium(this.page, probe);
  }

  inCardInFrame<R>(path: FramePath, probe: CardProbe<R>): Promise<R> {
    return inCardRootChromium(this.page, probe, path);
  }

  private async frame(iframeSelector: string | FramePath): Promise<Frame> {
    let frame = this.page.mainFrame();
    for (const selector of typeof iframeSelector === 'string' ? [iframeSelector] : iframeSelector) {
      const element = await frame.waitForSelector(selector, { state: 'attached', timeout: 5_000 });
      const next = await element.contentFrame();
      if (!next) throw new Error(`${selector} shows no frame`);
      frame = next;
    }
    return frame;
  }

  async runInFrame<A, R>(iframeSelector: string | FramePath, fn: PageFunction<A, R>, arg: A): Promise<R> {
    return (await this.frame(iframeSelector)).evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  async printMedia(on: boolean): Promise<void> {
    await this.page.emulateMedia({ media: on ? 'print' : 'screen' });
  }

  async colorScheme(scheme: ColorScheme): Promise<void> {
    await this.page.emulateMedia({ colorScheme: scheme });
  }

  browserZoom(factor: number): Promise<void> {
    return this.zoom(factor);
  }

  async viewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  async copy(): Promise<CopiedData> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(this.page.url()).origin });
    await this.page.evaluate(recordNextCopy);
    await this.page.bringToFront();
    await this.page.keyboard.press('Control+C');
    await this.page.waitForFunction(readRecordedCopy, undefined, { timeout: 3_000 });
    const recorded = (await this.page.evaluate(readRecordedCopy))!;
    const clipboard = await this.page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const read = async (type: string) => {
        const item = items.find((candidate) => candidate.types.includes(type));
        return item ? (await item.getType(type)).text() : '';
      };
      return { plain: await read('text/plain'), html: await read('text/html') };
    });
    return { ...recorded, clipboardPlain: clipboard.plain, clipboardHtml: clipboard.html };
  }
}

class ChromiumPopup implements LivePopup {
  constructor(private readonly popup: PopupPage) {}

  async host(): Promise<string> {
    const label = this.popup.page.locator('label.switch');
    if ((await label.count()) === 0) return '';
    return ((await label.textContent()) ?? '').replace(/^\s*Highlight on\s*/, '').trim();
  }

  async claimIds(): Promise<string[]> {
    return (await this.popup.claims()).map((claim) => claim.claimId);
  }

  siteToggle(): Promise<boolean | undefined> {
    return this.popup.siteToggle();
  }

  setSiteToggle(on: boolean): Promise<void> {
    return this.popup.setSiteToggle(on);
  }

  describe(): Promise<string> {
    return this.popup.describe();
  }

  async textOf(testId: string): Promise<string | undefined> {
    const element = this.popup.page.locator(`[data-testid="${testId}"]`);
    return (await element.count()) === 0 ? undefined : ((await element.first().textContent()) ?? '');
  }

  async screenshot(path: string): Promise<void> {
    await this.popup.page.screenshot({ path, fullPage: true });
  }

  close(): Promise<void> {
    return this.popup.close();
  }
}

/** Debian's Chromium (MV3 build) through Playwright. */
export async function launchLiveChromium(): Promise<LiveBrowser> {
  const chromium = await launchChromiumWithExtension();
  const pages = new Map<LivePage, PlaywrightLivePage>();
  let extensionPage: Page | undefined;
  const askBackground = async (message: object): Promise<unknown> => {
    if (!extensionPage) {
      extensionPage = await chromium.context.newPage();
      await extensionPage.goto(`chrome-extension://${chromium.extensionId}/welcome.html?live`);
    }
    return extensionPage.evaluate((request) => (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage(request), message);
  };
  const driverOf = (page: LivePage): PlaywrightLivePage => {
    const driver = pages.get(page);
    if (!driver) throw new Error('Not a page this browser opened');
    return driver;
  };
  return {
    name: 'Chromium',
    async open(url) {
      const page = await chromium.context.newPage();
      const cdp = await chromium.context.newCDPSession(page);
      const driver = new PlaywrightLivePage(page, cdp, async (factor) => {
        const tabId = await tabIdOf(chromium.worker, page);
        await chromium.worker.evaluate(([id, zoom]) => (globalThis as unknown as ChromeGlobals).chrome.tabs.setZoom(id, zoom), [tabId, factor] as const);
      });
      await cdp.send('Runtime.enable');
      pages.set(driver, driver);
      page.on('close', () => pages.delete(driver));
      await page.goto(url, { waitUntil: 'load' });
      return driver;
    },
    async tabState(page) {
      const tabId = await tabIdOf(chromium.worker, driverOf(page).page);
      return settledTabState(() => askBackground({ type: 'get-tab-state', tabId }));
    },
    async history() {
      const answer = (await askBackground({ type: 'list-mentions', query: {} })) as { ok: boolean; mentions?: HistoryMention[] };
      if (!answer.ok || !answer.mentions) throw new Error(`list-mentions failed: ${JSON.stringify(answer)}`);
      return answer.mentions;
    },
    async popup(page) {
      const tabId = await tabIdOf(chromium.worker, driverOf(page).page);
      return new ChromiumPopup(await PopupPage.open(chromium.context, chromium.extensionId, tabId));
    },
    async mapHost(host, server) {
      const port = new URL(server.origin).port;
      // Requests to the made-up host are answered from the test server; no name is ever resolved.
      await chromium.context.route(new RegExp(`^http://${host.replace(/\./g, '\\.')}:${port}/`), async (route) => {
        const response = await route.fetch({ url: route.request().url().replace(`http://${host}:`, 'http://127.0.0.1:') });
        await route.fulfill({ response });
      });
    },
    emulatesPrintMedia: () => Promise.resolve(true),
    close: () => chromium.close(),
  };
}
