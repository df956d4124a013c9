import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundledClaimSet, bundledKind, KIND_WORDS } from './support/claim-set';
import {
  FIREFOX_EXTENSION_ORIGIN,
  FirefoxPopupPage,
  GECKO_ID,
  launchFirefoxWithExtension,
  openArticleWithTabId,
  openExtensionPage,
  type FirefoxArticlePage,
  type FirefoxWithExtension,
} from './support/firefox';
import { AXE_SOURCE, blockingViolations, describeViolations, runAxeInPage } from './support/options-page';
import { startStaticServer, type StaticServer } from './support/static-server';

/**
 * The extension's own pages in Firefox (MV2 build): the popup and the options page, opened at the
 * moz-extension:// host the `extensions.webextensions.uuids` pref fixes, and audited with axe-core.
 * Puppeteer cannot emulate prefers-color-scheme over BiDi, so each scheme gets its own launch.
 */

const ARTICLE = 'bullet-list-what-changed.html';

let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer();
});

afterAll(async () => {
  await server?.close();
});

interface Session {
  firefox: FirefoxWithExtension;
  /** An options page kept open: the window into `browser.tabs` for finding tab ids. */
  options: Page;
  article: FirefoxArticlePage;
  tabId: number;
}

/** Launches Firefox in one color scheme, opens the options page, then the article (its visit fills the history). */
async function startSession(colorScheme: 'light' | 'dark'): Promise<Session> {
  const firefox = await launchFirefoxWithExtension({ colorScheme });
  try {
    const options = await openExtensionPage(firefox.browser, 'options.html');
    const { article, tabId } = await openArticleWithTabId(firefox.browser, options, `${server.article(ARTICLE)}?scheme=${colorScheme}`);
    await article.waitForHighlights();
    return { firefox, options, article, tabId };
  } catch (error) {
    await firefox.close();
    throw error;
  }
}

/** Waits until the options page has its history count and claim-set version (it asks the background for both). */
async function waitForOptionsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => /found$/.test(document.querySelector('[data-testid=history-count]')?.textContent?.trim() ?? '') && document.querySelector('[data-testid=claim-set-version]') !== null,
    { timeout: 10_000 },
  );
}

/** Injects axe-core by evaluating its source (the extension's CSP, script-src 'self', blocks addScriptTag's inline script) and runs it. */
async function audit(page: Page, where: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(runAxeInPage);
  const blocking = blockingViolations(where, violations);
  expect(blocking, `serious or critical axe violations on ${where}:\n${describeViolations(blocking)}`).toEqual([]);
}

const prefersDark = (page: Page): Promise<boolean> => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);

describe('Firefox, light scheme: popup and options page', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession('light');
  });

  afterAll(async () => {
    await session?.firefox.close();
  });

  test('the options page opens at the fixed moz-extension:// host and shows the bundled claim set', async () => {
    expect(session.firefox.extensionId).toBe(GECKO_ID);
    const { options } = session;
    expect(await options.evaluate(() => location.href)).toBe(`${FIREFOX_EXTENSION_ORIGIN}/options.html`);
    await waitForOptionsLoaded(options);
    expect(await options.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Pledge Lens options');
    expect(await options.$eval('[data-testid=claim-set-version]', (element) => element.textContent)).toContain(`bundled@${bundledClaimSet.version}`);
  });

  test('the popup for a fixture article lists its claims with kind labels, mention counts and the claim-set version', async () => {
    const highlights = await session.article.highlights();
    const mentions = highlights.filter((h, i) => h.mentionId !== '' && highlights.findIndex((other) => other.mentionId === h.mentionId) === i);
    expect(mentions.length).toBeGreaterThan(0);
    const popup = await FirefoxPopupPage.open(session.firefox.browser, session.tabId);
    try {
      const claims = await popup.claims();
      expect(claims.map((c) => c.claimId).sort(), await popup.describe()).toEqual([...new Set(mentions.map((m) => m.claimId))].sort());
      for (const claim of claims) {
        expect(claim.kindLabel, claim.claimId).toBe(KIND_WORDS[bundledKind(claim.claimId) ?? '']);
        expect(claim.statement.length).toBeGreaterThan(10);
        expect(claim.mentions, `mentions of ${claim.claimId}`).toBe(mentions.filter((m) => m.claimId === claim.claimId).length);
      }
      const version = await popup.claimSetVersion();
      expect(version).toMatch(/^Claim set /);
      expect(version).toContain(bundledClaimSet.version);
      expect(version).toContain(`(${bundledClaimSet.claims.length} claims)`);
      // The popup's site switch names the article's host: it reached the right tab, not just some tab.
      expect(await popup.page.$eval('header label.switch', (element) => element.textContent?.trim())).toBe('Highlight on 127.0.0.1');
    } finally {
      await popup.close();
    }
  });

  test('axe: the popup listing claims has no serious or critical violations (light)', async () => {
    const popup = await FirefoxPopupPage.open(session.firefox.browser, session.tabId);
    try {
      expect(await prefersDark(popup.page)).toBe(false);
      expect((await popup.claims()).length, await popup.describe()).toBeGreaterThan(0);
      await audit(popup.page, 'the Firefox popup (light)');
    } finally {
      await popup.close();
    }
  });

  test('axe: the options page with history has no serious or critical violations (light)', async () => {
    const options = await openExtensionPage(session.firefox.browser, 'options.html');
    try {
      await waitForOptionsLoaded(options);
      expect(await prefersDark(options)).toBe(false);
      expect(await options.$$eval('[data-testid=history-row]', (rows) => rows.length)).toBeGreaterThan(0);
      await audit(options, 'the Firefox options page (light)');
    } finally {
      await options.close();
    }
  });
});

describe('Firefox, dark scheme: popup and options page', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession('dark');
  });

  afterAll(async () => {
    await session?.firefox.close();
  });

  test('axe: the popup listing claims has no serious or critical violations (dark)', async () => {
    const popup = await FirefoxPopupPage.open(session.firefox.browser, session.tabId);
    try {
      expect(await prefersDark(popup.page)).toBe(true);
      expect((await popup.claims()).length, await popup.describe()).toBeGreaterThan(0);
      await audit(popup.page, 'the Firefox popup (dark)');
    } finally {
      await popup.close();
    }
  });

  test('axe: the options page with history has no serious or critical violations (dark)', async () => {
    const options = await openExtensionPage(session.firefox.browser, 'options.html');
    try {
      await waitForOptionsLoaded(options);
      expect(await prefersDark(options)).toBe(true);
      expect(await options.$$eval('[data-testid=history-row]', (rows) => rows.length)).toBeGreaterThan(0);
      await audit(options, 'the Firefox options page (dark)');
    } finally {
      await options.close();
    }
  });
});
