import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { cardIsOpen, findMisplacedHighlights, listHighlights, readCard, type CardInfo, type HighlightInfo, type MisplacedHighlight } from './dom-probes';
import { extensionDir, requireBrowser } from './paths';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id Firefox reports for the temporary install (the manifest's gecko id). */
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Debian's Firefox ESR driven over WebDriver BiDi, with the built MV2 extension installed as a
 * temporary add-on from its unpacked folder (BiDi `webExtension.install`, which needs no signing).
 */
export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const ext = extensionDir('firefox-mv2');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBrowser(FIREFOX_PATH, 'firefox-esr'),
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
      // Quiet start-up: no first-run pages, no default-browser prompt, no telemetry traffic.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'browser.aboutwelcome.enabled': false,
    },
  });
  try {
    const extensionId = await browser.installExtension(ext);
    return { browser, extensionId, close: () => browser.close().catch(() => undefined) };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw new Error(`Firefox refused to install ${ext} as a temporary add-on: ${String(error)}`);
  }
}

/** The same reads as ArticlePage, for a Puppeteer page in Firefox. */
export class FirefoxArticlePage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, url: string): Promise<FirefoxArticlePage> {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return new FirefoxArticlePage(page);
  }

  async waitForHighlights(selector = 'mark.pledge-lens-mark', timeout = 15_000): Promise<void> {
    await this.page.waitForSelector(selector, { timeout });
  }

  highlights(): Promise<HighlightInfo[]> {
    return this.page.evaluate(listHighlights);
  }

  misplacedHighlights(): Promise<MisplacedHighlight[]> {
    return this.page.evaluate(findMisplacedHighlights);
  }

  async hover(selector: string): Promise<void> {
    await this.page.mouse.move(1, 1);
    await this.page.hover(selector);
  }

  async waitForCard(timeout = 5_000): Promise<CardInfo> {
    await this.page.waitForFunction(cardIsOpen, { timeout });
    const card = await this.page.evaluate(readCard);
    if (!card) throw new Error('The card closed again right after opening');
    return card;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
