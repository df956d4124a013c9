/**
 * Takes the README's screenshots from a real run of the built extension in Debian's Chromium:
 *   npm run build && npx tsx scripts/screenshots.ts
 * Writes docs/images/card.png and docs/images/popup.png.
 */
import { mkdir } from 'node:fs/promises';
import { launchChromiumWithExtension, openPopupPage, tabIdOf } from './support/chromium';
import { startStaticServer } from './support/static-server';

const OUT = new URL('../docs/images/', import.meta.url);

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await startStaticServer();
  const browser = await launchChromiumWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 820 });
    await page.goto(server.article('clean-paraphrase-rsp3-overhaul.html'));
    const mark = page.locator('mark.pledge-lens-mark[data-claim-id="anthropic-rsp-pause-pledge"]').first();
    await mark.waitFor();
    await mark.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, -120);
    await mark.hover();
    await page.waitForFunction(() => {
      const host = document.querySelector('pledge-lens-card');
      return Boolean(host?.shadowRoot?.querySelector('[data-testid=kind-label]'));
    });
    await page.waitForTimeout(200);
    await page.screenshot({ path: new URL('card.png', OUT).pathname });

    const popup = await openPopupPage(browser.context, browser.extensionId, await tabIdOf(browser.worker, page));
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.screenshot({ path: new URL('popup.png', OUT).pathname, fullPage: true });
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
