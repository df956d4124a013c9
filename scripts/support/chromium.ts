/**
 * Debian's Chromium driven by Playwright with the built extension loaded, for the E2E tests and
 * the README screenshots: the launcher, the tab id of a page, and the toolbar popup opened as a tab.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { extensionDir, requireBrowser } from './paths';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface ChromiumWithExtension {
  context: BrowserContext;
  /** The extension's background service worker: the tests' window into extension APIs. */
  worker: Worker;
  extensionId: string;
  /** Whether loading the extension opened its first-run page (welcome.html), which the launcher then closed. */
  firstRunPageOpened: boolean;
  close(): Promise<void>;
}

/**
 * A first install opens the first-run page in a new tab (`runtime.onInstalled`). Waits for it and
 * closes it, so it cannot appear in the middle of a test that counts tabs or takes the active one.
 */
async function closeFirstRunPage(context: BrowserContext, extensionId: string, timeout = 10_000): Promise<boolean> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const page = context.pages().find((candidate) => candidate.url() === url);
    if (page) {
      await page.close();
      return true;
    }
    await new Promise((resume) => setTimeout(resume, 100));
  }
  return false;
}

/** The service worker may already be running when the context is handed back, or start a moment later. */
async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (worker: Worker): boolean => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isOurs);
  if (running) return running;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
  } catch {
    throw new Error('The extension service worker never started: Chromium did not load the unpacked extension (is manifest.json valid? does background.js throw at start-up?).');
  }
}

export interface ChromiumLaunchOptions {
  /**
   * The browser's UI language (e.g. "de"), which picks the extension's _locales catalogue. Debian's
   * Chromium ships only en-US UI resources, but extensions still get the requested language: `--lang`
   * and LANGUAGE (which Chromium on Linux reads) both say it. Unset: the machine's default.
   */
  language?: string;
}

/**
 * Debian's Chromium with the built MV3 extension loaded unpacked, in a fresh profile. Extensions need
 * the "new" headless mode (the old headless shell cannot load them), hence `--headless=new`.
 */
export async function launchChromiumWithExtension(options: ChromiumLaunchOptions = {}): Promise<ChromiumWithExtension> {
  // In about half of fresh-profile launches, Chromium's extension process starts without the
  // extension's message catalogue: `chrome.i18n.getMessage` answers '' for every name for the whole
  // session (the manifest is localised all the same). Extension pages then fall back to English
  // (lib/i18n/english-fallback.ts), which would make a German test fail at random: launch again.
  for (let attempt = 1; ; attempt++) {
    const launched = await launchOnce(options);
    const catalogue = await launched.worker.evaluate(() => (globalThis as unknown as ChromeI18n).chrome.i18n.getMessage('meta_locale')).catch(() => '');
    if (catalogue !== '' || attempt >= MAX_LAUNCHES) return launched;
    await launched.close();
  }
}

/** Launches tried for one whose extension process has its message catalogue (see above). */
const MAX_LAUNCHES = 8;

interface ChromeI18n {
  chrome: { i18n: { getMessage(name: string): string } };
}

async function launchOnce(options: ChromiumLaunchOptions): Promise<ChromiumWithExtension> {
  const ext = extensionDir('chrome-mv3');
  const userDataDir = await mkdtemp(join(tmpdir(), 'pledge-lens-e2e-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: requireBrowser(CHROMIUM_PATH, 'chromium'),
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
      args: [
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--headless=new',
        // Headless Chromium's frame-rate limiter, with an extension page framed in the web page (the card's note
        // editor), could hold the page to one frame a second for the rest of its life: every mouse event then waited
        // up to a second for its frame, and Chromium routed clicks by hit-test data a second old. A reader's window
        // draws at the display's rate; so does this one.
        '--disable-frame-rate-limit',
        ...(options.language ? [`--lang=${options.language}`] : []),
      ],
      ...(options.language ? { env: { ...process.env, LANGUAGE: options.language } } : {}),
    });
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const firstRunPageOpened = await closeFirstRunPage(context, extensionId);
    const opened = context;
    return {
      context: opened,
      worker,
      extensionId,
      firstRunPageOpened,
      close: async () => {
        await opened.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The few tab fields read here; declared because the project has no Chrome API typings. */
interface TabLike {
  id?: number;
  url?: string;
  active: boolean;
}
interface ChromeLike {
  chrome: { tabs: { query(query: object): Promise<TabLike[]> } };
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

/**
 * In-page probe (serialised by evaluate()): true once the popup shows a final answer, a claim list
 * or an empty state that is not "still reading".
 */
export function popupIsSettled(): boolean {
  if (document.querySelector('[data-testid=claim-item]')) return true;
  const empty = document.querySelector('[data-testid=empty-state]');
  return empty !== null && !/still reading/i.test(empty.textContent ?? '');
}

/** The toolbar popup, opened as a tab and pointed at the article's tab with ?tab=ID, once it has settled. */
export async function openPopupPage(context: BrowserContext, extensionId: string, tabId: number, timeout = 10_000): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  // Fail in seconds, not Playwright's default 30 s, when the popup lacks an element.
  page.setDefaultTimeout(10_000);
  await page.waitForFunction(popupIsSettled, undefined, { timeout });
  return page;
}
