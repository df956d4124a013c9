import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundledClaimSet } from './support/claim-set';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
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
import { withinDeadline } from './support/step-deadline';

/**
 * The first-run page (welcome.html) in Chromium: it opens on install; its legend names every kind
 * and status with a real example; axe, contrast and overflow at 1280 px, 360 px and 200% zoom in
 * both colour schemes, with screenshots under test-results/welcome/.
 */

let browser: ChromiumWithExtension;

beforeAll(async () => {
  browser = await launchChromiumWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

async function openWelcome(colorScheme: 'light' | 'dark', hash = ''): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/welcome.html${hash}`);
  // A background tab draws no frames, and a screenshot of it waits for one that never comes: the
  // first-run tab, or the tab left after the previous test's page closed, can be the active one.
  await page.bringToFront();
  await page.waitForFunction(welcomeIsReady);
  return page;
}

/** The badge colours as the service worker reads them (the suite has no Chrome typings). */
interface BadgeColoursInWorker {
  chrome: { action: { getBadgeBackgroundColor(details: object): Promise<number[]>; getBadgeTextColor(details: object): Promise<number[]> } };
}

/** The extension API as the welcome page sees it; declared because the suite has no Chrome typings in page code. */
interface ChromeTabsInPage {
  chrome: { tabs: { getCurrent(): Promise<{ id?: number } | undefined>; setZoom(tabId: number, factor: number): Promise<void> } };
}

/**
 * Sets the window size, and for 200% the browser's own zoom (tabs.setZoom, as Ctrl+Plus would): a
 * 1280 x 900 window then lays the page out in 640 x 450 CSS pixels at 2 device pixels each.
 */
async function applyViewport(page: Page, viewport: (typeof WELCOME_VIEWPORTS)[number]): Promise<void> {
  const zoom = viewport.deviceScaleFactor;
  await page.setViewportSize({ width: viewport.width * zoom, height: viewport.height * zoom });
  await withinDeadline(
    `tabs.setZoom(${zoom})`,
    page.evaluate(async (factor) => {
      const { tabs } = (globalThis as unknown as ChromeTabsInPage).chrome;
      const tab = await tabs.getCurrent();
      if (tab?.id !== undefined) await tabs.setZoom(tab.id, factor);
    }, zoom),
  );
  await page.waitForFunction(
    ({ width, ratio }) => window.innerWidth === width && window.devicePixelRatio === ratio,
    { width: viewport.width, ratio: zoom },
  );
}

/**
 * A full-page screenshot at device resolution. Through the DevTools protocol: under browser zoom,
 * Playwright's full-page capture clips to the CSS size and keeps only the top-left quarter.
 */
async function fullPageScreenshot(page: Page, path: string, zoom: number): Promise<void> {
  const { width, height } = await page.evaluate(() => ({ width: window.innerWidth, height: document.documentElement.scrollHeight }));
  const cdp = await page.context().newCDPSession(page);
  try {
    const shot = await withinDeadline(`Page.captureScreenshot of ${path}`, cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: width * zoom, height: height * zoom, scale: 1 } }));
    writeFileSync(path, Buffer.from(shot.data, 'base64'));
  } finally {
    await cdp.detach();
  }
}

async function audit(page: Page, where: string): Promise<void> {
  await withinDeadline(`loading axe on ${where}`, page.evaluate(AXE_SOURCE));
  const violations = await withinDeadline(`axe on ${where}`, page.evaluate(runAxeInPage), 60_000);
  const blocking = blockingViolations(where, violations);
  expect(blocking, `serious or critical axe violations on ${where}:\n${describeViolations(blocking)}`).toEqual([]);
}

describe('Chromium: the first-run page', () => {
  test('installing Pledge Lens opens the first-run page, and the badge is white on blue', async () => {
    expect(browser.firstRunPageOpened).toBe(true);
    const colours = await browser.worker.evaluate(async () => {
      const { action } = (globalThis as unknown as BadgeColoursInWorker).chrome;
      return { background: await action.getBadgeBackgroundColor({}), text: await action.getBadgeTextColor({}) };
    });
    expect(colours).toEqual({ background: [0x1d, 0x4e, 0xd8, 255], text: [255, 255, 255, 255] });
  });

  test('the legend lists every kind and status with the labels of claim-labels.ts, and real examples', async () => {
    const page = await openWelcome('light');
    try {
      const legend = await page.evaluate(readWelcomeLegend);
      expect(legend.kinds.map((k) => [k.kind, k.label])).toEqual(CLAIM_KINDS.map((kind) => [kind, KIND_LABEL[kind]]));
      expect(legend.statuses.map((s) => [s.status, s.label])).toEqual(CLAIM_STATUSES.map((status) => [status, STATUS_LABEL[status]]));
      // Every kind, and every status some bundled claim has, shows a bundled claim of that kind or status.
      const byId = new Map(bundledClaimSet.claims.map((claim) => [claim.id, claim]));
      for (const { kind, example } of legend.kinds) expect(byId.get(example)?.kind, `example for ${kind}`).toBe(kind);
      for (const { status, example } of legend.statuses) {
        if (bundledClaimSet.claims.some((claim) => claim.status === status)) expect(byId.get(example)?.status, `example for ${status}`).toBe(status);
        else expect(example).toBe('');
      }
      expect(legend.statuses.find((s) => s.status === 'withdrawn')?.example).toBe('anthropic-rsp-pause-pledge');
      for (const words of ['Tab', 'Enter', 'Escape', 'Alt+Shift+L', 'popup', 'chrome://extensions/shortcuts']) expect(legend.usageText).toContain(words);
      expect(legend.privacyText).toContain('Nothing you read leaves your browser.');
      expect(legend.privacyText).toContain('The only request Pledge Lens makes is to a claim feed you set yourself');
    } finally {
      await page.close();
    }
  });

  test('welcome.html#labels opens at the legend, with focus on its heading', async () => {
    const page = await openWelcome('light', '#labels');
    try {
      const position = await page.evaluate(legendPosition);
      expect(position.focusedId).toBe('labels-title');
      expect(Math.abs(position.top)).toBeLessThan(40);
    } finally {
      await page.close();
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme}: axe, AA contrast and no horizontal overflow at 1280 px, 360 px and 200% zoom (screenshots in test-results/welcome)`, async () => {
      const page = await openWelcome(colorScheme);
      try {
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
        for (const viewport of WELCOME_VIEWPORTS) {
          const where = `welcome.html (Chromium, ${colorScheme}, ${viewport.name})`;
          await applyViewport(page, viewport);
          await fullPageScreenshot(page, welcomeScreenshotPath(`chromium-${colorScheme}-${viewport.name}`), viewport.deviceScaleFactor);
          const overflow = await page.evaluate(measureHorizontalOverflow);
          expect(overflow.scrollWidth, `${where} overflows: ${overflow.offenders.join('; ')}`).toBeLessThanOrEqual(overflow.viewportWidth);
          const contrast = await page.evaluate(measureContrast);
          expect(contrast.checked).toBeGreaterThan(50);
          expect(contrast.failures, `${where}: contrast below AA`).toEqual([]);
          expect(contrast.minimum).toBeGreaterThanOrEqual(4.5);
          await audit(page, where);
        }
      } finally {
        await page.close();
      }
    });
  }
});
