import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { launchDynamicFirefox } from './support/dynamic-firefox';
import { defineFightingPageTests } from './support/fight-cases';
import { expectHiddenLines, readPopupHiddenLook, waitUntilPaintingStops } from './support/fight-popup';
import { FirefoxPopupPage, launchFirefoxWithExtension, openArticleWithTabId, openExtensionPage, setViewportSize } from './support/firefox';
import { REPO_ROOT } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';

// Attack report findings 4 and 5 in Firefox ESR (MV2 build); Firefox reports no long tasks, so the storm's count is Chromium's.
describe('Firefox: pages that fight the highlighter', () => {
  defineFightingPageTests(launchDynamicFirefox);
});

/** Pictures of the popup's "not shown" line, looked at by hand, next to the card's (card-ux). */
const SHOTS = resolve(REPO_ROOT, 'test-results', 'card-ux');

// Firefox takes the colour scheme per launch (support/firefox.ts): one browser per scheme.
for (const colorScheme of ['light', 'dark'] as const) {
  describe(`Firefox, ${colorScheme}: the popup for a page that removed our highlights`, () => {
    let server: StaticServer;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      server = await startStaticServer();
    });

    afterAll(async () => {
      await server?.close();
    });

    test('says "not shown: the page removed the highlights" for each claim, as text, readable, inside the popup (1280 and 360 px)', async () => {
      const firefox = await launchFirefoxWithExtension({ colorScheme });
      try {
        const options = await openExtensionPage(firefox.browser, 'options.html');
        const { article, tabId } = await openArticleWithTabId(firefox.browser, options, `${server.origin}/pages/fight/unwrap.html`);
        await options.close();
        await article.page.bringToFront();
        await waitUntilPaintingStops((fn) => article.page.evaluate(fn));
        const popup = await FirefoxPopupPage.open(firefox.browser, tabId);
        for (const [width, height] of [[1280, 900], [360, 740]] as const) {
          await setViewportSize(firefox.browser, popup.page, width, height);
          // The picture first: a failing look is then there to see.
          await popup.page.screenshot({ path: resolve(SHOTS, `firefox-popup-not-shown-${colorScheme}-${width}.png`) });
          expectHiddenLines(await popup.page.evaluate(readPopupHiddenLook), `Firefox ${colorScheme} ${width} px`);
        }
      } finally {
        await firefox.close();
      }
    });
  });
}
