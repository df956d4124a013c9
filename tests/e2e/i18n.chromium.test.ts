import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ArticlePage, noteEditorFrame } from './support/article-page';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { REPO_ROOT } from './support/paths';
import { tabIdOf } from './support/popup-page';
import { startStaticServer, type StaticServer } from './support/static-server';

/**
 * The German build end to end: Chromium started in German picks public/_locales/de for the manifest,
 * for every extension page that speaks through browser.i18n, and for the card the content script
 * draws on a web page (content scripts have i18n.getMessage too). The other suites run in English.
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
    // The label, then the kind of promise in German ('Verbindliche Zusage (selbst auferlegt)').
    for (const badge of badges) expect(badge).toMatch(/^(Verbindliche Zusage|Angekündigtes Ziel|Keine Zusage)( \((Gesetz|Vertrag|Abkommen|selbst auferlegt|Zusage an eine Regierung|bedingt|Vorhaben|nach Kräften|Empfehlung|Bestreben|Erklärung)\))?$/);
    expect(await popup.locator('[data-testid=claim-set-version]').textContent()).toMatch(/^Verwendete Aussagensammlung: .* veröffentlicht am \d{1,2}\. /);
    expect(await popup.locator('[data-testid=legend-link]').textContent()).toBe('Was bedeuten diese Einstufungen?');
    const text = await visibleText(popup);
    expect(text).toMatch(/\d+ Erwähnung(en)? · Auf der Seite zeigen/);
    expect(text).not.toMatch(/Claims on this page|Show on page|Binding commitment|Announced target|What do these labels mean/);
    await popup.close();
    await article.close();
  });

  test('the popup for a German page says, in German, that Pledge Lens reads English articles only', async () => {
    const article = await browser.context.newPage();
    await article.goto(`${server.page('german-article.html')}?case=i18n`);
    const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(browser.worker, article)}`);
    try {
      await popup.waitForSelector('[data-testid=page-state][data-state=other-language]');
      expect(await popup.locator('[data-testid=empty-state]').textContent()).toBe('Diese Seite ist auf Deutsch. Pledge Lens liest nur englische Artikel.');
    } finally {
      await popup.close();
      await article.close();
    }
  });
});

/** Where the German card's pictures go: looked at by hand for overflow, as well as checked below. */
const SHOTS = resolve(REPO_ROOT, 'test-results', 'i18n');

/** What in the card sticks out of it sideways: the card's own overflow, and elements past its edges. Runs in the page with the card's closed root. */
function cardOverflow(root: ShadowRoot | null): { found: boolean; scrollWidth: number; clientWidth: number; offenders: string[] } {
  const card = root?.querySelector<HTMLElement>('section.card');
  if (!card) return { found: false, scrollWidth: 0, clientWidth: 0, offenders: [] };
  const box = card.getBoundingClientRect();
  const offenders = [...card.querySelectorAll<HTMLElement>('*')]
    .filter((element) => element.checkVisibility())
    .filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && (rect.left < box.left - 0.5 || rect.right > box.right + 0.5);
    })
    .map((element) => `<${element.localName} class="${element.className}">${(element.textContent ?? '').slice(0, 40)}`);
  const viewport = document.documentElement.clientWidth;
  if (box.left < 0 || box.right > viewport) offenders.push(`the card (${Math.round(box.left)}–${Math.round(box.right)}) leaves the ${viewport} px viewport`);
  return { found: true, scrollWidth: card.scrollWidth, clientWidth: card.clientWidth, offenders };
}

/** Opens or closes the card's "More" (serialised into the page with the card's closed root, so one probe each). */
const MORE_PROBES = {
  closed: (root: ShadowRoot | null): boolean => {
    const more = root?.querySelector<HTMLDetailsElement>('[data-testid=more]');
    if (more) more.open = false;
    return more !== null && more !== undefined;
  },
  open: (root: ShadowRoot | null): boolean => {
    const more = root?.querySelector<HTMLDetailsElement>('[data-testid=more]');
    if (more) more.open = true;
    return more !== null && more !== undefined;
  },
} as const;

/** The card's words that are the card's own (not the claim set's English data). Runs in the page with the card's closed root. */
function cardOwnWords(root: ShadowRoot | null): { lang: string; summary: string; terms: string[]; close: string; meaning: string; frameTitle: string } {
  const card = root?.querySelector<HTMLElement>('section.card');
  return {
    lang: card?.lang ?? '',
    summary: card?.querySelector('summary')?.textContent ?? '',
    terms: [...(card?.querySelectorAll('dt') ?? [])].map((term) => term.textContent ?? ''),
    close: card?.querySelector('.close')?.getAttribute('aria-label') ?? '',
    meaning: card?.querySelector('[data-testid=meaning]')?.textContent ?? '',
    frameTitle: card?.querySelector('iframe')?.getAttribute('title') ?? '',
  };
}

describe('Chromium in German: the card on a web page', () => {
  test('the card and its note editor speak German, and fit at 1280 and 360 px, light and dark', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const article = await ArticlePage.open(browser.context, server.article('bullet-list-what-changed.html'));
    try {
      await article.hoverHighlight('anthropic-rsp-pause-pledge');
      const card = await article.waitForCard();
      expect(card.claimId).toBe('anthropic-rsp-pause-pledge');
      expect(card.kindLabel).toBe('Verbindliche Zusage');
      // The highlights' accessible descriptions (in the page's DOM, so the kind only) speak German too.
      const descriptions = await article.page.locator('mark[aria-description]').evaluateAll((marks) => [...new Set(marks.map((mark) => mark.getAttribute('aria-description')))]);
      expect(descriptions).toContain('Verbindliche Zusage (Pledge Lens): Eingabetaste für Details');
      // The withdrawn pause pledge: "no longer holds", in German.
      expect(descriptions).toContain('Verbindliche Zusage, gilt nicht mehr (Pledge Lens): Eingabetaste für Details');
      expect(descriptions.every((description) => description?.endsWith('(Pledge Lens): Eingabetaste für Details'))).toBe(true);
      expect(card.status).toMatch(/^zurückgezogen am 24\. Feb\.? 2026$/);
      expect(card.verdict).toBe(`Verbindliche Zusage (selbst auferlegt), ${card.status}: Anthropic hält die Zusage nicht mehr aufrecht.`);
      const own = await article.inCard(cardOwnWords);
      expect(own).toEqual({
        lang: 'de',
        summary: 'Mehr: wer, warum diese Einstufung, Verlauf, Quellen',
        terms: ['Wer', 'Warum diese Einstufung', 'Nicht alle sehen das so', 'Geprüft', 'Verlauf', 'Quellen', 'Aussagensammlung'],
        close: 'Schließen',
        meaning: expect.stringMatching(/^Verbindliche Zusage: Eine Zusage, die als feste Regel formuliert ist .*kein Gesetz und kein Vertrag erzwingt sie/) as unknown as string,
        frameTitle: 'Ihre Notiz, die Markierung als Fehltreffer und was die Einstufungen bedeuten',
      });

      const editor = await noteEditorFrame(article.page);
      await editor.locator('label.note-label').waitFor({ timeout: 5_000 });
      expect(await editor.locator('label.note-label').textContent()).toBe('Ihre Notiz');
      expect(await editor.getByTestId('legend-link').textContent()).toBe('Was bedeuten diese Einstufungen?');
      expect(await editor.locator('button[type=submit]').textContent()).toBe('Notiz speichern');
      expect(await editor.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['de', 'Pledge-Lens-Notiz']);

      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [1280, 360]) {
          await article.page.emulateMedia({ colorScheme });
          await article.page.setViewportSize({ width, height: width > 600 ? 900 : 740 });
          // Opened afresh at this size, as a reader would see it.
          await article.page.mouse.move(1, 1);
          await article.waitForCardClosed();
          await article.hoverHighlight('anthropic-rsp-pause-pledge');
          await article.waitForCard();
          const where = `${colorScheme} ${width} px`;
          for (const more of [false, true]) {
            expect(await article.inCard(more ? MORE_PROBES.open : MORE_PROBES.closed), where).toBe(true);
            // Let the card re-place itself (a ResizeObserver and a frame) before looking.
            await article.page.waitForTimeout(300);
            const overflow = await article.inCard(cardOverflow);
            expect(overflow.found, where).toBe(true);
            expect(overflow.offenders, `${where}, More ${more ? 'open' : 'closed'}`).toEqual([]);
            expect(overflow.scrollWidth, where).toBeLessThanOrEqual(overflow.clientWidth);
            const frame = await noteEditorFrame(article.page);
            const frameWidths = await frame.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
            expect(frameWidths[0], `${where}: the note editor overflows its frame`).toBeLessThanOrEqual(frameWidths[1]!);
            await article.page.screenshot({ path: resolve(SHOTS, `card-de-${colorScheme}-${width}${more ? '-more' : ''}.png`) });
          }
        }
      }
    } finally {
      await article.close();
    }
  });
});
