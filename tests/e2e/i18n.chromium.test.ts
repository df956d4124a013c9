import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { tabIdOf } from './support/popup-page';
import { startStaticServer, type StaticServer } from './support/static-server';

/**
 * The German build end to end: Chromium started in German picks public/_locales/de for the manifest
 * and for every extension page that speaks through browser.i18n. The other suites run in English.
 */

let server: StaticServer;
let browser: ChromiumWithExtension;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchChromiumWithExtension({ language: 'de' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The manifest as Chromium localised it, and a message as the extension reads it, from the service worker. */
interface ChromeInWorker {
  chrome: {
    runtime: { getManifest(): { name: string; description: string; commands?: Record<string, { description?: string }> } };
    i18n: { getMessage(name: string): string };
  };
}

async function openExtensionPage(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** The page's visible words, white space collapsed. */
const visibleText = (page: Page): Promise<string> => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));

describe('Chromium in German', () => {
  test('the manifest and the shortcut speak German', async () => {
    const manifest = await browser.worker.evaluate(() => (globalThis as unknown as ChromeInWorker).chrome.runtime.getManifest());
    expect(manifest.name).toBe('Pledge Lens');
    expect(manifest.description).toContain('verbindliche Zusagen');
    expect(manifest.commands?.['toggle-highlights']?.description).toBe('Pledge-Lens-Markierungen auf dieser Seite ein- oder ausschalten');
    expect(await browser.worker.evaluate(() => (globalThis as unknown as ChromeInWorker).chrome.i18n.getMessage('meta_locale'))).toBe('de');
  });

  test('the popup lists a page’s claims in German', async () => {
    const article = await browser.context.newPage();
    await article.goto(`${server.article('bullet-list-what-changed.html')}?case=i18n`);
    const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(browser.worker, article)}`);
    await popup.waitForSelector('[data-testid=claim-item]');
    expect(await popup.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['de', 'Pledge Lens']);
    expect(await popup.locator('#found-heading').textContent()).toMatch(/^Aussagen auf dieser Seite/);
    const badges = await popup.locator('[data-testid=claim-item] .badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect(['Verbindliche Zusage', 'Angekündigtes Ziel', 'Keine Zusage']).toContain(badge);
    expect(await popup.locator('[data-testid=claim-set-version]').textContent()).toMatch(/^Verwendete Aussagensammlung: .* veröffentlicht am \d{1,2}\. /);
    expect(await popup.locator('[data-testid=legend-link]').textContent()).toBe('Was bedeuten diese Einstufungen?');
    const text = await visibleText(popup);
    expect(text).toMatch(/\d+ Erwähnung(en)? · Auf der Seite zeigen/);
    expect(text).not.toMatch(/Claims on this page|Show on page|Binding commitment|Announced target|What do these labels mean/);
    await popup.close();
    await article.close();
  });
});
