import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { resolve } from 'node:path';
import { pageContext } from './bidi-frames';
import { bidiConnection, inCardRootFirefox, type CardProbe } from './closed-card';
import { cardIsOpen, findMisplacedHighlights, listHighlights, readCard, type CardInfo, type HighlightInfo, type MisplacedHighlight } from './dom-probes';
import type { PageFunction } from './dynamic-driver';
import { highlightOf, identifyHighlights, withIdentities, type HighlightDriver, type IdentifiedHighlight } from './highlight-identity';
import { extensionDir, REPO_ROOT, requireBrowser } from './paths';
import { popupIsSettled, readPopupClaims, readPopupEmptyState, type PopupClaim } from './popup-page';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/** The manifest's gecko id (GECKO_ID in wxt.config.ts); spelled out so a renamed id fails the install test. */
export const GECKO_ID = 'pledge-lens@pledge-lens.org';

/**
 * Firefox gives each install a random moz-extension:// host, so a test could not name the popup's
 * URL. The `extensions.webextensions.uuids` pref (id -> uuid) is where Firefox looks first, so
 * setting it at launch makes the host this fixed value.
 */
export const FIREFOX_EXTENSION_UUID = '5e1f0c2a-7d3b-4c6e-9a8f-2b4d6e8f0a1c';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

/**
 * The E2E helper add-on (support/firefox-test-helper), installed beside Pledge Lens when a launch
 * asks for it: WebExtension APIs for what a test cannot do from a page. Firefox ESR 140 lets WebDriver
 * BiDi evaluate only in content (the chrome-scope contexts of later Firefox are missing), so the helper is the one
 * way that works in every Firefox the suite meets.
 */
const TEST_HELPER_ID = 'e2e-helper@pledge-lens.org';
const TEST_HELPER_ORIGIN = 'moz-extension://0c7a4f1e-93b2-4d58-a6e1-7f20c3b9d415';
const TEST_HELPER_DIR = resolve(REPO_ROOT, 'tests', 'e2e', 'support', 'firefox-test-helper');

export interface FirefoxLaunchOptions {
  /**
   * What `prefers-color-scheme` answers in pages, extension pages included. Puppeteer cannot emulate
   * media features over BiDi, so the scheme is fixed per launch by prefs. Unset: Firefox's default.
   */
  colorScheme?: 'light' | 'dark';
  /** More Firefox prefs for this launch (e.g. `extensions.webextOptionalPermissionPrompts: false` grants optional permissions without a prompt). */
  extraPrefs?: Readonly<Record<string, string | number | boolean>>;
  /** Install the E2E helper add-on too (FirefoxWithExtension.helper). */
  testHelper?: boolean;
}

/** What the E2E helper add-on does for a test, through an extension page of its own. */
export interface FirefoxTestHelper {
  /** What `prefers-color-scheme` answers in web pages from now on (browserSettings.overrideContentColorScheme). */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** The tab's zoom factor, 1 = 100% (tabs.setZoom: browser zoom, not CSS zoom). */
  zoom(tabId: number, factor: number): Promise<void>;
  /** The clipboard's text/plain and text/html flavours ('' when absent), read with the clipboardRead permission. */
  readClipboard(): Promise<{ plain: string; html: string }>;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id Firefox reports for the temporary install (the manifest's gecko id). */
  extensionId: string;
  /** moz-extension://<FIREFOX_EXTENSION_UUID>, where popup.html and options.html live. */
  extensionOrigin: string;
  /** Whether installing opened the first-run page (welcome.html), which the launcher then closed. */
  firstRunPageOpened: boolean;
  /** The E2E helper add-on, when the launch asked for it. */
  helper?: FirefoxTestHelper;
  close(): Promise<void>;
}

/** The page `runtime.onInstalled` opens on a first install. */
export const FIRST_RUN_PAGE = 'welcome.html';

/**
 * Installing opens the first-run page in a new tab. Waits for it and closes it, so it cannot appear
 * in the middle of a test that counts tabs or takes the active one. Its URL is read in the page:
 * Puppeteer over BiDi does not follow moz-extension:// navigations.
 */
async function closeFirstRunPage(browser: Browser, timeout = 10_000): Promise<boolean> {
  const url = `${FIREFOX_EXTENSION_ORIGIN}/${FIRST_RUN_PAGE}`;
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) {
        await page.close().catch(() => undefined);
        return true;
      }
    }
    await new Promise((resume) => setTimeout(resume, 100));
  }
  return false;
}

function colorSchemePrefs(scheme: FirefoxLaunchOptions['colorScheme']): Record<string, number> {
  if (!scheme) return {};
  const dark = scheme === 'dark';
  // The system theme drives the browser's own pages; the content override (0 dark, 1 light) drives web and extension pages.
  return { 'ui.systemUsesDarkTheme': dark ? 1 : 0, 'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1 };
}

/**
 * Debian's Firefox ESR driven over WebDriver BiDi, with the built MV2 extension installed as a
 * temporary add-on from its unpacked folder (BiDi `webExtension.install`, which needs no signing).
 */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxWithExtension> {
  const ext = extensionDir('firefox-mv2');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBrowser(FIREFOX_PATH, 'firefox-esr'),
    headless: true,
    protocol: 'webDriverBiDi',
    // BiDi refuses to navigate to moz-extension:// pages ("not allowed in this context") unless the
    // session may reach privileged URLs; the tests need that to open the popup and options pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Quiet start-up: no first-run pages, no default-browser prompt, no telemetry traffic.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'browser.aboutwelcome.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID, [TEST_HELPER_ID]: TEST_HELPER_ORIGIN.slice('moz-extension://'.length) }),
      ...colorSchemePrefs(options.colorScheme),
      ...options.extraPrefs,
    },
  });
  try {
    const extensionId = await browser.installExtension(ext);
    const firstRunPageOpened = await closeFirstRunPage(browser);
    const helper = options.testHelper ? await installTestHelper(browser) : undefined;
    return { browser, extensionId, extensionOrigin: FIREFOX_EXTENSION_ORIGIN, firstRunPageOpened, helper, close: () => browser.close().catch(() => undefined) };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw new Error(`Firefox refused to install ${ext} as a temporary add-on: ${String(error)}`);
  }
}

/**
 * Opens one of the extension's own pages ("options.html", "popup.html?tab=3") in a new tab.
 * Firefox sends Puppeteer no load event for moz-extension documents, so `goto` never settles (and
 * `page.url()` keeps saying about:blank): the navigation is started, and the document itself is
 * watched until it has loaded.
 */
export async function openExtensionPage(browser: Browser, path: string, timeout = 10_000, origin = FIREFOX_EXTENSION_ORIGIN): Promise<Page> {
  const page = await browser.newPage();
  const url = `${origin}/${path}`;
  void page.goto(url, { timeout }).catch(() => undefined);
  // Poll with a fresh evaluate each time: a waitForFunction poller installed in the about:blank
  // document can die with it when the extension page replaces it, failing a load that succeeded.
  const deadline = Date.now() + timeout;
  let where = '?';
  while (Date.now() < deadline) {
    const state = await page.evaluate(() => ({ href: location.href, ready: document.readyState })).catch(() => undefined);
    if (state) where = state.href;
    if (state?.href === url && state.ready === 'complete') return page;
    await new Promise((resume) => setTimeout(resume, 100));
  }
  await page.close().catch(() => undefined);
  throw new Error(`${url} did not load within ${timeout} ms (the tab shows ${where}); is extensions.webextensions.uuids set?`);
}

/** The extension API as an extension page sees it; declared here because the suite has no WebExtension typings in page code. */
interface ExtensionPageGlobals {
  browser: {
    tabs: { query(query: object): Promise<{ id?: number }[]>; setZoom(tabId: number, factor: number): Promise<void> };
    browserSettings: { overrideContentColorScheme: { set(details: { value: string }): Promise<boolean> } };
  };
}

async function installTestHelper(browser: Browser): Promise<FirefoxTestHelper> {
  const id = await browser.installExtension(TEST_HELPER_DIR);
  if (id !== TEST_HELPER_ID) throw new Error(`The E2E helper add-on installed as ${id}, expected ${TEST_HELPER_ID}`);
  let page: Page | undefined;
  // Opened on first use, so that a launch which never needs it has no extra tab.
  const helperPage = async (): Promise<Page> => (page ??= await openExtensionPage(browser, 'helper.html', 10_000, TEST_HELPER_ORIGIN));
  return {
    async colorScheme(scheme) {
      await (await helperPage()).evaluate((value) => (globalThis as unknown as ExtensionPageGlobals).browser.browserSettings.overrideContentColorScheme.set({ value }), scheme);
    },
    async zoom(tabId, factor) {
      await (await helperPage()).evaluate((tab, zoom) => (globalThis as unknown as ExtensionPageGlobals).browser.tabs.setZoom(tab, zoom), tabId, factor);
    },
    async readClipboard() {
      return (await helperPage()).evaluate(async () => {
        const flavours = { plain: '', html: '' };
        for (const item of await navigator.clipboard.read()) {
          if (item.types.includes('text/plain')) flavours.plain = await (await item.getType('text/plain')).text();
          if (item.types.includes('text/html')) flavours.html = await (await item.getType('text/html')).text();
        }
        return flavours;
      });
    },
  };
}

/** How long pollPage waits and how often it asks, ms. */
export interface PollOptions {
  timeout?: number;
  interval?: number;
}

/**
 * Runs `fn(...args)` in the page or frame until it returns a truthy value, and returns that value
 * (JSON-serialisable). Puppeteer's waitForFunction and waitForSelector build their predicate with
 * Function() inside the page, which an extension page's CSP refuses in Firefox ESR 140 (EvalError);
 * each poll here is a fresh evaluate (BiDi script.callFunction, which CSP does not govern), so it
 * works on extension and web pages alike, and survives a navigation between polls.
 * Errors: throws after `timeout` ms (default 10,000), naming the last error the page threw, if any.
 */
export async function pollPage<Args extends unknown[], R>(target: Page | Frame, fn: (...args: Args) => R | Promise<R>, args: Args, { timeout = 10_000, interval = 50 }: PollOptions = {}): Promise<R> {
  const deadline = Date.now() + timeout;
  let lastError = '';
  for (;;) {
    try {
      const value = (await target.evaluate(fn as (...a: unknown[]) => R | Promise<R>, ...args)) as R;
      if (value) return value;
    } catch (error) {
      lastError = String(error);
    }
    if (Date.now() > deadline) throw new Error(`Waited ${timeout} ms for ${fn.name || 'a page condition'}${lastError ? `; last error: ${lastError}` : ''}`);
    await new Promise((resume) => setTimeout(resume, interval));
  }
}

/** Waits until `selector` matches in the page (pollPage) and returns the element. Errors: as pollPage. */
export async function pollSelector(page: Page, selector: string, options: PollOptions = {}): Promise<NonNullable<Awaited<ReturnType<Page['$']>>>> {
  await pollPage(page, (wanted: string) => document.querySelector(wanted) !== null, [selector], options);
  const element = await page.$(selector);
  if (!element) throw new Error(`${selector} matched, then went away`);
  return element;
}

/**
 * Sets the page's viewport to width × height CSS px (BiDi browsingContext.setViewport) and waits
 * until the page sees that width in device pixels (headless Firefox's device pixel ratio is 1, so
 * a browser zoom of 2 shows half as many CSS px). Puppeteer's setViewport also sends
 * emulation.setScreenOrientationOverride, an unknown command in Firefox ESR 140, and fails there.
 * Errors: throws when the browser refuses the size or the page never reports it.
 */
export async function setViewportSize(browser: Browser, page: Page, width: number, height: number): Promise<void> {
  await bidiConnection(browser).send('browsingContext.setViewport', { context: pageContext(page), viewport: { width, height } });
  await pollPage(page, (wanted: number) => Math.round(window.innerWidth * window.devicePixelRatio) === wanted, [width], { timeout: 5_000 });
}

/** Ids of every open tab, asked from an extension page (web pages have no `browser.tabs`). */
export function extensionTabIds(extensionPage: Page): Promise<number[]> {
  return extensionPage.evaluate(async () => {
    const tabs = await (globalThis as unknown as ExtensionPageGlobals).browser.tabs.query({});
    return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  });
}

/**
 * Opens an article and returns it with its tab id. Without the "tabs" permission Firefox hides tab
 * URLs from the extension, so the id is found as the one tab that appeared while the article opened.
 */
export async function openArticleWithTabId(browser: Browser, extensionPage: Page, url: string): Promise<{ article: FirefoxArticlePage; tabId: number }> {
  const before = new Set(await extensionTabIds(extensionPage));
  const article = await FirefoxArticlePage.open(browser, url);
  const added = (await extensionTabIds(extensionPage)).filter((id) => !before.has(id));
  if (added.length !== 1) {
    await article.close();
    throw new Error(`Expected exactly one new tab for ${url}, found ${added.length}`);
  }
  return { article, tabId: added[0]! };
}

/** The toolbar popup in Firefox, opened as a tab and pointed at the article's tab with ?tab=ID. */
export class FirefoxPopupPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, tabId: number): Promise<FirefoxPopupPage> {
    const popup = new FirefoxPopupPage(await openExtensionPage(browser, `popup.html?tab=${tabId}`));
    await popup.waitForSettled();
    return popup;
  }

  async waitForSettled(timeout = 10_000): Promise<void> {
    await pollPage(this.page, popupIsSettled, [], { timeout });
  }

  claims(): Promise<PopupClaim[]> {
    return this.page.evaluate(readPopupClaims);
  }

  /**
   * The claims the popup lists, once it lists any: it may first settle on another answer (the page is
   * still loading). An empty list when none came within `timeout` ms.
   */
  async waitForClaims(timeout = 10_000): Promise<PopupClaim[]> {
    await pollPage(this.page, () => document.querySelector('[data-testid=claim-item]') !== null, [], { timeout }).catch(() => undefined);
    return this.claims();
  }

  emptyState(): Promise<string | undefined> {
    return this.page.evaluate(readPopupEmptyState);
  }

  /** Waits until the popup says the page is in `state` (its page state's `data-state`), as PopupPage does. */
  async waitForPageState(state: string, timeout = 10_000): Promise<void> {
    await pollPage(this.page, (wanted: string) => document.querySelector('[data-testid=page-state]')?.getAttribute('data-state') === wanted, [state], { timeout }).catch(async () => {
      throw new Error(`The popup never said the page is "${state}"; ${await this.describe()}`);
    });
  }

  async claimSetVersion(): Promise<string> {
    const line = await pollSelector(this.page, '[data-testid=claim-set-version]', { timeout: 5_000 });
    return (await line.evaluate((element) => element.textContent ?? '')).trim();
  }

  async describe(): Promise<string> {
    const empty = await this.emptyState();
    return empty !== undefined ? `popup says: "${empty}"` : `popup lists ${(await this.claims()).length} claims`;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** The same reads as ArticlePage, for a Puppeteer page in Firefox. */
export class FirefoxArticlePage implements HighlightDriver {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, url: string): Promise<FirefoxArticlePage> {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return new FirefoxArticlePage(browser, page);
  }

  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }

  /** Runs `probe` with the card's closed shadow root, through WebDriver BiDi (closed-card.ts). */
  inCard<R>(probe: CardProbe<R>): Promise<R> {
    return inCardRootFirefox(this.browser, this.page, probe);
  }

  mouseMove(x: number, y: number): Promise<void> {
    return this.page.mouse.move(x, y);
  }

  press(key: string): Promise<void> {
    return this.page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
  }

  /** Every highlight element with its claim and mention, read from the card each opens (highlight-identity.ts). The tab is brought to the front: focus is real only in the selected tab. */
  async identifiedHighlights(): Promise<IdentifiedHighlight[]> {
    await this.page.bringToFront();
    const identities = await identifyHighlights(this, { all: true });
    return withIdentities(await this.highlights(), identities);
  }

  /** One entry per mention (its keyboard stop), in page order, identified by real focus. */
  async mentions(): Promise<IdentifiedHighlight[]> {
    await this.page.bringToFront();
    const identities = await identifyHighlights(this);
    const seen = new Set<string>();
    return withIdentities(await this.highlights(), identities).filter((h, index) => identities.some((identity) => identity.index === index) && h.mentionId !== '' && !seen.has(h.mentionId) && seen.add(h.mentionId));
  }

  /** The index (among the page's marks) of the keyboard stop of the claim's first mention, found by its card. */
  async highlightOf(claimId: string, timeout = 15_000): Promise<number> {
    await this.waitForHighlights('mark.pledge-lens-mark', timeout);
    await this.page.bringToFront();
    return (await highlightOf(this, claimId, timeout)).index;
  }

  /** Hovers the highlight element at `index` among the page's marks with the real pointer. */
  async hoverMark(index: number): Promise<void> {
    const marks = await this.page.$$('mark.pledge-lens-mark');
    const mark = marks[index];
    if (!mark) throw new Error(`No highlight element ${index} (the page has ${marks.length})`);
    await this.page.mouse.move(1, 1);
    await mark.hover();
  }

  /** Sets the viewport to width × height CSS px (setViewportSize). */
  viewport(width: number, height: number): Promise<void> {
    return setViewportSize(this.browser, this.page, width, height);
  }

  async waitForHighlights(selector = 'mark.pledge-lens-mark', timeout = 15_000): Promise<void> {
    await pollSelector(this.page, selector, { timeout });
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

  /** The open card, read through WebDriver BiDi's view of its closed root; undefined when none shows. */
  async card(): Promise<CardInfo | undefined> {
    return (await this.inCard(readCard)) ?? undefined;
  }

  async waitForCard(timeout = 5_000): Promise<CardInfo> {
    const deadline = Date.now() + timeout;
    while (!(await this.inCard(cardIsOpen))) {
      if (Date.now() > deadline) throw new Error(`No card opened within ${timeout} ms`);
      await new Promise((resume) => setTimeout(resume, 100));
    }
    const card = await this.card();
    if (!card) throw new Error('The card closed again right after opening');
    return card;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
