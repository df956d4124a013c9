/**
 * Takes the README's screenshots from a real run of the built extension in Debian's Chromium:
 *   npm run build && npx tsx scripts/screenshots.ts
 * Writes docs/images/card.png and docs/images/popup.png.
 */
import { mkdir } from 'node:fs/promises';
import { launchChromiumWithExtension, openPopupPage, tabIdOf } from './support/chromium';
import { startStaticServer } from './support/static-server';
import { readClosedCardChromium } from '../tests/e2e/support/closed-card';

const OUT = new URL('../docs/images/', import.meta.url);
const PAUSE_PLEDGE = 'anthropic-rsp-pause-pledge';

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await startStaticServer();
  const browser = await launchChromiumWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 820 });
    await page.goto(server.article('clean-paraphrase-rsp3-overhaul.html'));
    // tsx (esbuild, keepNames) wraps the probe's inner functions in `__name(...)`, which the page does
    // not define; vitest's transform does not, so only this script needs the identity stand-in.
    await page.evaluate('globalThis.__name ??= (fn) => fn');
    // Hover each highlight in turn until the pause pledge's card opens: that is the README's picture.
    await page.locator('mark.pledge-lens-mark').first().waitFor();
    const marks = page.locator('mark.pledge-lens-mark[tabindex="0"]');
    let found = false;
    for (let i = 0; i < (await marks.count()) && !found; i++) {
      const mark = marks.nth(i);
      await mark.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.mouse.wheel(0, -120);
      await page.mouse.move(1, 1);
      await mark.hover();
      await page.waitForTimeout(400);
      // The card's root is closed; the E2E tests' privileged reader sees into it (as no page can).
      found = (await readClosedCardChromium(page)).claimId === PAUSE_PLEDGE;
    }
    if (!found) throw new Error(`No highlight of ${PAUSE_PLEDGE} opened its card on the demo article.`);
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
