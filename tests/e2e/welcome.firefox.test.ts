import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundledClaimSet } from './support/claim-set';
import { launchFirefoxWithExtension, openExtensionPage, pollPage, setViewportSize, type FirefoxWithExtension } from './support/firefox';
import { AXE_SOURCE, blockingViolations, describeViolations, runAxeInPage } from './support/options-page';
import { CLAIM_KINDS, CLAIM_STATUSES } from '../../lib/claims/schema';
import { KIND_LABEL, STATUS_LABEL } from '../../lib/format/claim-labels';
import {
  legendPosition,
  measureContrast,
  measureHorizontalOverflow,
  readWelcomeLegend,
  WELCOME_VIEWPORTS,
  welcomeIsReady,
  welcomeScreenshotPath,
} from './support/welcome-page';

/**
 * The first-run page (welcome.html) in Firefox (MV2 build): it opens on install; its legend names
 * every kind and status; axe, contrast and overflow at 1280 px, 360 px and 200% zoom. Puppeteer
 * cannot emulate prefers-color-scheme over BiDi, so each scheme gets its own launch.
 */

/** The extension API as the welcome page sees it; declared because the suite has no WebExtension typings in page code. */
interface BrowserTabsInPage {
  browser: { tabs: { getCurrent(): Promise<{ id?: number } | undefined>; setZoom(tabId: number, factor: number): Promise<void> } };
}

/** The badge colours as an extension page reads them (MV2: browserAction). */
interface BadgeColoursInPage {
  browser: { browserAction: { getBadgeBackgroundColor(details: object): Promise<number[]>; getBadgeTextColor(details: object): Promise<number[]> } };
}

async function openWelcome(firefox: FirefoxWithExtension, hash = ''): Promise<Page> {
  const page = await openExtensionPage(firefox.browser, `welcome.html${hash}`);
  await setViewportSize(firefox.browser, page, 1280, 900);
  await pollPage(page, welcomeIsReady, []);
  return page;
}

/** Sets the window size, and for 200% the browser's own zoom (tabs.setZoom, as Ctrl+Plus would). */
async function applyViewport(firefox: FirefoxWithExtension, page: Page, viewport: (typeof WELCOME_VIEWPORTS)[number]): Promise<void> {
  const zoom = viewport.deviceScaleFactor;
  await setViewportSize(firefox.browser, page, viewport.width * zoom, viewport.height * zoom);
  await page.evaluate(async (factor) => {
    const { tabs } = (globalThis as unknown as BrowserTabsInPage).browser;
    const tab = await tabs.getCurrent();
    if (tab?.id !== undefined) await tabs.setZoom(tab.id, factor);
  }, zoom);
  await pollPage(page, (width: number) => window.innerWidth === width, [viewport.width]);
}

async function audit(page: Page, where: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(runAxeInPage);
  const blocking = blockingViolations(where, violations);
  expect(blocking, `serious or critical axe violations on ${where}:\n${describeViolations(blocking)}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`Firefox, ${colorScheme} scheme: the first-run page`, () => {
    let firefox: FirefoxWithExtension;

    beforeAll(async () => {
      firefox = await launchFirefoxWithExtension({ colorScheme });
    });

    afterAll(async () => {
      await firefox?.close();
    });

    test('installing Pledge Lens opens the first-run page, and the badge is white on blue', async () => {
      expect(firefox.firstRunPageOpened).toBe(true);
      const page = await openWelcome(firefox);
      try {
        const colours = await page.evaluate(async () => {
          const { browserAction } = (globalThis as unknown as BadgeColoursInPage).browser;
          return { background: await browserAction.getBadgeBackgroundColor({}), text: await browserAction.getBadgeTextColor({}) };
        });
        expect(colours).toEqual({ background: [0x1d, 0x4e, 0xd8, 255], text: [255, 255, 255, 255] });
      } finally {
        await page.close();
      }
    });

    test('the legend lists every kind and status with the labels of claim-labels.ts, and real examples', async () => {
      const page = await openWelcome(firefox);
      try {
        const legend = await page.evaluate(readWelcomeLegend);
        expect(legend.kinds.map((k) => [k.kind, k.label])).toEqual(CLAIM_KINDS.map((kind) => [kind, KIND_LABEL[kind]]));
        expect(legend.statuses.map((s) => [s.status, s.label])).toEqual(CLAIM_STATUSES.map((status) => [status, STATUS_LABEL[status]]));
        const byId = new Map(bundledClaimSet.claims.map((claim) => [claim.id, claim]));
        for (const { kind, example } of legend.kinds) expect(byId.get(example)?.kind, `example for ${kind}`).toBe(kind);
        for (const { status, example } of legend.statuses) {
          if (bundledClaimSet.claims.some((claim) => claim.status === status)) expect(byId.get(example)?.status, `example for ${status}`).toBe(status);
        }
        expect(legend.statuses.find((s) => s.status === 'withdrawn')?.example).toBe('anthropic-rsp-pause-pledge');
        for (const words of ['Tab', 'Enter', 'Escape', 'Alt+Shift+L', 'popup', 'Manage Extension Shortcuts']) expect(legend.usageText).toContain(words);
        expect(legend.privacyText).toContain('Nothing you read leaves your browser.');
      } finally {
        await page.close();
      }
    });

    test('welcome.html#labels opens at the legend, with focus on its heading', async () => {
      const page = await openWelcome(firefox, '#labels');
      try {
        const position = await page.evaluate(legendPosition);
        expect(position.focusedId).toBe('labels-title');
        expect(Math.abs(position.top)).toBeLessThan(40);
      } finally {
        await page.close();
      }
    });

    test('axe, AA contrast and no horizontal overflow at 1280 px, 360 px and 200% zoom (screenshots in test-results/welcome)', async () => {
      const page = await openWelcome(firefox);
      try {
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
        for (const viewport of WELCOME_VIEWPORTS) {
          const where = `welcome.html (Firefox, ${colorScheme}, ${viewport.name})`;
          await applyViewport(firefox, page, viewport);
          await page.screenshot({ path: welcomeScreenshotPath(`firefox-${colorScheme}-${viewport.name}`) as `${string}.png`, fullPage: true });
          const overflow = await page.evaluate(measureHorizontalOverflow);
          expect(overflow.scrollWidth, `${where} overflows: ${overflow.offenders.join('; ')}`).toBeLessThanOrEqual(overflow.viewportWidth);
          const contrast = await page.evaluate(measureContrast);
          expect(contrast.checked).toBeGreaterThan(50);
          expect(contrast.failures, `${where}: contrast below AA`).toEqual([]);
          await audit(page, where);
        }
      } finally {
        await page.close();
      }
    });
  });
}
