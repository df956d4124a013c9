import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page, Worker } from 'playwright-core';

/** The few tab fields the tests read; declared here because the suite has no Chrome API typings. */
interface TabLike {
  id?: number;
  url?: string;
  active: boolean;
}
interface ChromeLike {
  chrome: { tabs: { query(query: object): Promise<TabLike[]> } };
}

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

export type ExportFormat = 'jsonld' | 'csv' | 'markdown';

/**
 * In-page probes for the popup, shared by the Playwright (Chromium) and Puppeteer (Firefox) page
 * objects. Each is self-contained: evaluate() serialises it into the page.
 */

/** True once the popup shows a final answer: a claim list, or an empty state that is not "still reading". */
export function popupIsSettled(): boolean {
  if (document.querySelector('[data-testid=claim-item]')) return true;
  const empty = document.querySelector('[data-testid=empty-state]');
  return empty !== null && !/still reading/i.test(empty.textContent ?? '');
}

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

/**
 * The tab id of an open page, asked of the extension itself. Matched by URL; when the extension is
 * not allowed to read tab URLs (Chrome hides them without the "tabs" or a host permission) it falls
 * back to the active tab after bringing the page to the front, so the popup tests still reach the
 * popup and fail on what a user would see.
 */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const tabs = await worker.evaluate(() => (globalThis as unknown as ChromeLike).chrome.tabs.query({}));
  const byUrl = tabs.filter((tab) => tab.url === url);
  if (byUrl.length === 1 && byUrl[0]!.id !== undefined) return byUrl[0]!.id;
  if (byUrl.length > 1) throw new Error(`${byUrl.length} tabs show ${url}; close the others first`);
  await page.bringToFront();
  const active = await worker.evaluate(() => (globalThis as unknown as ChromeLike).chrome.tabs.query({ active: true, lastFocusedWindow: true }));
  const id = active[0]?.id;
  if (id === undefined) throw new Error(`No tab found for ${url}`);
  return id;
}

/** The toolbar popup, opened as a tab and pointed at the article's tab with ?tab=ID. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    // Fail in seconds, not Playwright's default 30 s, when the popup lacks an element.
    page.setDefaultTimeout(10_000);
    const popup = new PopupPage(page);
    await popup.waitForSettled();
    return popup;
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
