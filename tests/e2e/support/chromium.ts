import type { BrowserContext, Page } from 'playwright-core';

/** The Chromium launcher lives in scripts/support, which the README screenshots share. */
export { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumWithExtension } from '../../../scripts/support/chromium';


/**
 * Stops the extension's service worker, as Chrome does after 30 s without events (DevTools' "stop"
 * through a CDP session of `page`); the next event starts a fresh one, with no memory of the old.
 */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}
