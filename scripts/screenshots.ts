/**
 * Takes the README's screenshots from a real run of the built extension in Debian's Chromium:
 *   npm run build && npx tsx scripts/screenshots.ts
 * Writes docs/images/card.png and docs/images/popup.png.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, openPopupPage, tabIdOf } from './support/chromium';
import { startStaticServer } from './support/static-server';

const OUT = new URL('../docs/images/', import.meta.url);
const PAUSE_PLEDGE = 'anthropic-rsp-pause-pledge';

interface DomNode {
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/**
 * The claim id of the card on screen. The card's shadow root is closed and highlights carry no claim
 * ids (docs/security.md), so this reads it the way no page can: the DevTools protocol's DOM, whose
 * `pierce` reaches closed roots.
 */
async function openCardClaim(page: Page): Promise<string | undefined> {
  const open = await page.evaluate(() => document.querySelector('pledge-lens-card, div[popover]')?.matches(':popover-open') ?? false);
  if (!open) return undefined;
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const stack: DomNode[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const attributes = node.attributes ?? [];
      const at = attributes.indexOf('data-claim');
      if (at >= 0 && at % 2 === 0) return attributes[at + 1];
      stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : []));
    }
    return undefined;
  } finally {
    await cdp.detach();
  }
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await startStaticServer();
  const browser = await launchChromiumWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 820 });
    await page.goto(server.article('clean-paraphrase-rsp3-overhaul.html'));
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
      found = (await openCardClaim(page)) === PAUSE_PLEDGE;
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
