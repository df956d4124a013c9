/**
 * Issue 16, Deliver 3: a page that names no known actor sends nothing (the service worker is never
 * asked to match it), the popup still says "no known claims" for it rather than "reload", and text
 * naming a claim added later is highlighted. Page objects that are being migrated are not used here:
 * the page is driven through Playwright directly, the popup through the shared launcher's helpers.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPopupPage, tabIdOf } from '../../scripts/support/chromium';
import { HIGHLIGHT } from './support/article-page';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { startStaticServer, type StaticServer } from './support/static-server';
import { EMBED_POST, embeddingPage, NAMING, NO_NAMES_PAGE } from './support/wake-gate-pages';


/** What the test's listener in the service worker saw: each message's type and the tab it came from. */
interface Seen {
  type: string;
  tabId: number | undefined;
}
/** The extension APIs the probes touch in the worker; declared because the project has no Chrome typings. */
interface WorkerGlobals {
  chrome: {
    runtime: { onMessage: { addListener(listener: (message: unknown, sender: { tab?: { id?: number } }) => undefined): void } };
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
    tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  };
  __pledgeLensSeen?: Seen[];
}

let server: StaticServer;
let browser: ChromiumWithExtension;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchChromiumWithExtension();
  // The gate needs the vocabulary the background publishes once it has compiled the claim set;
  // without it every page asks as before, and this suite would test nothing.
  await waitFor(() => browser.worker.evaluate(async () => ((await (globalThis as unknown as WorkerGlobals).chrome.storage.local.get('claimVocabulary')).claimVocabulary as { format?: number } | undefined)?.format === 1), 'the vocabulary in storage.local');
  // A second listener beside the background's: it answers nothing, it only records who asked what.
  await browser.worker.evaluate(() => {
    const scope = globalThis as unknown as WorkerGlobals;
    const seen: Seen[] = (scope.__pledgeLensSeen = []);
    scope.chrome.runtime.onMessage.addListener((message, sender) => {
      seen.push({ type: String((message as { type?: unknown } | null)?.type), tabId: sender.tab?.id });
      return undefined;
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function waitFor(check: () => Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resume) => setTimeout(resume, 100));
  }
}

/** The message types the worker received from one tab's content scripts, in order. */
async function askedBy(worker: Worker, tabId: number): Promise<string[]> {
  const seen = await worker.evaluate(() => (globalThis as unknown as WorkerGlobals).__pledgeLensSeen);
  // The listener lives as long as this worker: a restarted worker would make "nothing asked" vacuous.
  if (!seen) throw new Error('The message listener is gone: the service worker restarted during the test.');
  return seen.filter((entry) => entry.tabId === tabId).map((entry) => entry.type);
}

let opened = 0;
async function openNoNamesPage(): Promise<{ page: Page; tabId: number }> {
  const url = server.put(`/gate/no-names-${++opened}.html`, NO_NAMES_PAGE, 'text/html; charset=utf-8');
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await tabIdOf(browser.worker, page);
  // The content script runs at document idle, reads the vocabulary and looks at the page: give it
  // far longer than that, so a message it would send has been sent.
  await page.waitForTimeout(1_500);
  return { page, tabId };
}

const appendNaming = (page: Page): Promise<void> =>
  page.evaluate((text) => {
    const paragraph = document.createElement('p');
    paragraph.id = 'late';
    paragraph.textContent = text;
    document.getElementById('story')!.append(paragraph);
  }, NAMING);

const pageState = (popup: Page) => popup.locator('[data-testid=page-state]').getAttribute('data-state');

describe('Chromium: the wake gate', () => {
  test('a page naming no known actor sends nothing; the popup says "no known claims"; a named claim added later is highlighted', async () => {
    const { page, tabId } = await openNoNamesPage();
    expect(await askedBy(browser.worker, tabId), 'messages from a page with no known names').toEqual([]);

    const popup = await openPopupPage(browser.context, browser.extensionId, tabId);
    expect(await pageState(popup), await popup.locator('main').innerText()).toBe('empty');
    expect(await popup.locator('[data-testid=empty-state]').innerText()).not.toMatch(/reload/i);
    expect(await popup.locator('[data-testid=site-toggle]').isChecked()).toBe(true);
    // Asked by the popup, the gated frame said whether its site is on and reported itself: no matching.
    const afterPopup = await askedBy(browser.worker, tabId);
    expect(afterPopup).toContain('report-frame');
    expect(afterPopup).not.toContain('match-page');
    expect(await page.locator(HIGHLIGHT).count()).toBe(0);

    await appendNaming(page);
    await page.waitForSelector(`#late ${HIGHLIGHT}`, { state: 'attached', timeout: 10_000 });
    expect(await askedBy(browser.worker, tabId)).toContain('match-page');
    // The popup, still open, looks again while it lists nothing: it now lists the claim.
    await popup.waitForSelector('[data-testid=claim-item]', { timeout: 10_000 });
    await popup.close();
    await page.close();
  });

  test("an embedded post that names a claim but not AI is read in a page about AI, and not on its own (report 58)", async () => {
    const embedUrl = server.put(`/gate/embed-${++opened}.html`, EMBED_POST, 'text/html; charset=utf-8');
    // On its own, the post cannot wake anything.
    const alone = await browser.context.newPage();
    await alone.goto(embedUrl, { waitUntil: 'load' });
    const aloneTab = await tabIdOf(browser.worker, alone);
    await alone.waitForTimeout(1_500);
    expect(await askedBy(browser.worker, aloneTab), 'messages from the post on its own').toEqual([]);
    await alone.close();
    // Embedded in a page about AI, it is highlighted in its frame.
    const page = await browser.context.newPage();
    await page.goto(server.put(`/gate/embedding-${opened}.html`, embeddingPage(embedUrl), 'text/html; charset=utf-8'), { waitUntil: 'load' });
    await page.waitForSelector(`#claim ${HIGHLIGHT}`, { state: 'attached', timeout: 10_000 });
    await page.frameLocator('#embed').locator(`#post ${HIGHLIGHT}`).first().waitFor({ state: 'attached', timeout: 10_000 });
    await page.close();
  });

  test('on a gated page the site switch and the toolbar toggle still work', async () => {
    const { page, tabId } = await openNoNamesPage();
    const popup = await openPopupPage(browser.context, browser.extensionId, tabId);
    expect(await pageState(popup)).toBe('empty');

    // The site switch: off, then on again, each shown as the popup shows any page.
    await popup.locator('[data-testid=site-toggle]').setChecked(false);
    await waitFor(async () => (await pageState(popup)) === 'off', 'the popup to show the site off', 5_000);
    await popup.locator('[data-testid=site-toggle]').setChecked(true);
    await waitFor(async () => (await pageState(popup)) === 'empty', 'the popup to show "no known claims" again', 5_000);
    expect(await askedBy(browser.worker, tabId)).not.toContain('match-page');

    // The toolbar toggle (Alt+Shift+L sends this to the active tab): the gated page was showing
    // highlights "on" with nothing to show, so the first press turns them off...
    const toggle = () => browser.worker.evaluate((id) => (globalThis as unknown as WorkerGlobals).chrome.tabs.sendMessage(id, { type: 'toggle-highlighting' }), tabId);
    expect(await toggle()).toEqual({ ok: true, enabled: false });
    await waitFor(async () => (await pageState(popup)) === 'off', 'the popup to show highlighting off', 5_000);
    // ...and a claim named now is not highlighted,
    await appendNaming(page);
    await page.waitForTimeout(2_000);
    expect(await page.locator(HIGHLIGHT).count()).toBe(0);
    // until the next press turns them on.
    expect(await toggle()).toEqual({ ok: true, enabled: true });
    await page.waitForSelector(`#late ${HIGHLIGHT}`, { state: 'attached', timeout: 10_000 });
    await popup.close();
    await page.close();
  });
});
