import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { launchDynamicChromium } from './support/dynamic-chromium';
import { defineFightingPageTests } from './support/fight-cases';
import { expectHiddenLines, readPopupHiddenLook, waitUntilPaintingStops } from './support/fight-popup';
import { REPO_ROOT } from './support/paths';
import { PopupPage, tabIdOf } from './support/popup-page';
import { startStaticServer, type StaticServer } from './support/static-server';

// Attack report findings 4 and 5 in Chromium (MV3 build); the checks are shared with Firefox.
describe('Chromium: pages that fight the highlighter', () => {
  defineFightingPageTests(launchDynamicChromium);
});

/** Pictures of the popup's "not shown" line, looked at by hand, next to the card's (card-ux). */
const SHOTS = resolve(REPO_ROOT, 'test-results', 'card-ux');

describe('Chromium: the popup for a page that removed our highlights', () => {
  let server: StaticServer;
  let chromium: ChromiumWithExtension;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startStaticServer();
    chromium = await launchChromiumWithExtension();
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  test('says "not shown: the page removed the highlights" for each claim, as text, readable, inside the popup (light and dark, 1280 and 360 px)', async () => {
    const article = await chromium.context.newPage();
    try {
      await article.goto(`${server.origin}/pages/fight/unwrap.html`, { waitUntil: 'load' });
      await article.bringToFront();
      await waitUntilPaintingStops((fn) => article.evaluate(fn));
      const popup = await PopupPage.open(chromium.context, chromium.extensionId, await tabIdOf(chromium.worker, article));
      try {
        for (const colorScheme of ['light', 'dark'] as const) {
          for (const [width, height] of [[1280, 900], [360, 740]] as const) {
            await popup.page.emulateMedia({ colorScheme });
            await popup.page.setViewportSize({ width, height });
            // The picture first: a failing look is then there to see.
            await popup.page.screenshot({ path: resolve(SHOTS, `chromium-popup-not-shown-${colorScheme}-${width}.png`) });
            expectHiddenLines(await popup.page.evaluate(readPopupHiddenLook), `Chromium ${colorScheme} ${width} px`);
          }
        }
      } finally {
        await popup.page.close();
      }
    } finally {
      await article.close();
    }
  });
});
