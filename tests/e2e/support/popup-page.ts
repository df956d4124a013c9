import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { openPopupPage, popupIsSettled } from '../../../scripts/support/chromium';

export { popupIsSettled, tabIdOf } from '../../../scripts/support/chromium';

export interface PopupClaim {
  claimId: string;
  kindLabel: string;
  statement: string;
  meta: string;
  mentions: number;
}

export interface DownloadedFile {
  filename: string;
  text: string;
}

export type ExportFormat = 'w3c' | 'csv' | 'markdown' | 'csl';

/**
 * In-page probes for the popup, shared by the Playwright (Chromium) and Puppeteer (Firefox) page
 * objects. Each is self-contained: evaluate() serialises it into the page.
 */

/** The claims the popup lists, in order, with the mention count read back from the visible text. */
export function readPopupClaims(): PopupClaim[] {
  return [...document.querySelectorAll('[data-testid=claim-item]')].map((item) => {
    const meta = item.querySelector('.meta')?.textContent?.trim() ?? '';
    const count = /(\d+)\s+mentions?\b/.exec(meta);
    return {
      claimId: item.getAttribute('data-claim-id') ?? '',
      kindLabel: item.querySelector('.badge')?.textContent?.trim() ?? '',
      statement: item.querySelector('.statement')?.textContent?.trim() ?? '',
      meta,
      mentions: count ? Number(count[1]) : Number.NaN,
    };
  });
}

/** The popup's empty-state line, or undefined when it shows none. */
export function readPopupEmptyState(): string | undefined {
  return document.querySelector('[data-testid=empty-state]')?.textContent?.trim();
}

/** The toolbar popup, opened as a tab and pointed at the article's tab with ?tab=ID. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<PopupPage> {
    return new PopupPage(await openPopupPage(context, extensionId, tabId));
  }

  /** Waits until the popup shows a final answer: a claim list or an empty state that is not "still reading". */
  async waitForSettled(timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(popupIsSettled, undefined, { timeout });
  }

  claims(): Promise<PopupClaim[]> {
    return this.page.evaluate(readPopupClaims);
  }

  async emptyState(): Promise<string | undefined> {
    const empty = this.page.locator('[data-testid=empty-state]');
    return (await empty.count()) > 0 ? (await empty.first().textContent())?.trim() : undefined;
  }

  /**
   * Waits until the popup says the page is in `state`, its page state's `data-state` ("empty",
   * "other-language", "off", …): it may first settle on another answer while the page is being read.
   */
  async waitForPageState(state: string, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction((wanted) => document.querySelector('[data-testid=page-state]')?.getAttribute('data-state') === wanted, state, { timeout }).catch(async () => {
      throw new Error(`The popup never said the page is "${state}"; ${await this.describe()}`);
    });
  }

  async claimSetVersion(): Promise<string> {
    const line = this.page.locator('[data-testid=claim-set-version]');
    await line.waitFor({ timeout: 5_000 });
    return (await line.textContent())?.trim() ?? '';
  }

  /** What the popup shows, for failure messages: its empty-state text or its claim count. */
  async describe(): Promise<string> {
    const empty = await this.emptyState();
    return empty !== undefined ? `popup says: "${empty}"` : `popup lists ${(await this.claims()).length} claims`;
  }

  async clickClaim(claimId: string): Promise<void> {
    const item = this.page.locator(`[data-testid=claim-item][data-claim-id="${claimId}"]`);
    if ((await item.count()) === 0) throw new Error(`The popup does not list ${claimId}; ${await this.describe()}`);
    await item.click();
  }

  async siteToggle(): Promise<boolean | undefined> {
    const toggle = this.page.locator('[data-testid=site-toggle]');
    return (await toggle.count()) > 0 ? toggle.isChecked() : undefined;
  }

  async setSiteToggle(on: boolean): Promise<void> {
    const toggle = this.page.locator('[data-testid=site-toggle]');
    if ((await toggle.count()) === 0) throw new Error(`The popup has no site toggle; ${await this.describe()}`);
    await toggle.setChecked(on);
  }

  /** Clicks an export button and returns the file the browser downloaded. */
  async export(format: ExportFormat): Promise<DownloadedFile> {
    const button = this.page.locator(`[data-testid=export-${format}]`);
    if ((await button.count()) === 0) throw new Error(`The popup has no ${format} export button; ${await this.describe()}`);
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 10_000 }),
      button.click(),
    ]);
    const path = await download.path();
    return { filename: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
