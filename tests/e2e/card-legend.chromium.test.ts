import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { noteEditorFrame } from './support/article-page';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { startStaticServer, type StaticServer } from './support/static-server';

/**
 * Issue 15: the card links to the legend ("What do these labels mean?"). The link is in the framed
 * note editor, an extension page, because a web page (and so the card's own markup in it) may not
 * open our pages. The frame is found among the page's frames, not through the card's shadow root,
 * so this holds whether that root is open or closed.
 */
let server: StaticServer;
let browser: ChromiumWithExtension;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchChromiumWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Chromium: the card links to the legend', () => {
  test('"What do these labels mean?" opens the welcome page at the legend, in a new tab', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.article('bullet-list-what-changed.html'), { waitUntil: 'load' });
      const stop = page.locator('mark.pledge-lens-mark[tabindex="0"]').first();
      await stop.waitFor({ state: 'attached', timeout: 15_000 });
      await stop.hover();
      const editor = await noteEditorFrame(page);
      const link = editor.getByTestId('legend-link');
      await link.waitFor({ timeout: 5_000 });
      expect(await link.textContent()).toBe('What do these labels mean?');
      const [welcome] = await Promise.all([browser.context.waitForEvent('page', { timeout: 5_000 }), link.click()]);
      await welcome.waitForLoadState('load');
      const url = new URL(welcome.url());
      expect(`${url.protocol}//${url.host}${url.pathname}${url.hash}`).toBe(`chrome-extension://${browser.extensionId}/welcome.html#labels`);
      // The legend itself is there, not an error page.
      await welcome.locator('#labels').waitFor({ timeout: 5_000 });
      await welcome.close();
    } finally {
      await page.close();
    }
  });
});
