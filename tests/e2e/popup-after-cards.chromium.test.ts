/**
 * The popup must list the page however the reader got there. Chromium reports a frame loading in a
 * tab (each card frames the note editor) as the tab loading, and an idle MV3 worker is stopped and
 * keeps no memory: either once left the popup saying "Pledge Lens hasn't read this page" on a page full
 * of highlights (a new reader's trial: Tab across two highlights, or "Show on page" on two claims).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ArticlePage } from './support/article-page';
import { launchChromiumWithExtension, stopServiceWorkers, type ChromiumWithExtension } from './support/chromium';
import { PopupPage, tabIdOf } from './support/popup-page';
import { startStaticServer, type StaticServer } from './support/static-server';

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

let opened = 0;
async function openArticle(): Promise<{ article: ArticlePage; tabId: number; claimIds: string[] }> {
  const article = await ArticlePage.open(browser.context, `${server.article('bullet-list-what-changed.html')}?case=${++opened}`);
  await article.waitForHighlights();
  const tabId = await tabIdOf(browser.worker, article.page);
  const popup = await PopupPage.open(browser.context, browser.extensionId, tabId);
  const claimIds = (await popup.claims()).map((claim) => claim.claimId);
  expect(claimIds.length, await popup.describe()).toBeGreaterThan(1);
  await popup.close();
  return { article, tabId, claimIds };
}

async function listedClaims(tabId: number): Promise<string[]> {
  const popup = await PopupPage.open(browser.context, browser.extensionId, tabId);
  try {
    const claims = (await popup.claims()).map((claim) => claim.claimId);
    expect(claims.length, await popup.describe()).toBeGreaterThan(0);
    return claims;
  } finally {
    await popup.close();
  }
}

describe('Chromium: the popup after cards were opened, or the worker was stopped', () => {
  test('keyboard focus on two highlights in turn (each card frames its note editor): the popup still lists every claim', async () => {
    const { article, tabId, claimIds } = await openArticle();
    await article.page.bringToFront();
    // As the reader did: Tab to a highlight (its card opens, framing the note editor), on through the
    // card, to the next highlight (another card, another frame).
    const first = await article.tabToFirstHighlight();
    await article.waitForCard();
    let second = first.focus;
    for (let presses = 0; presses < 40 && (!second.isHighlight || second.markIndex === first.focus.markIndex); presses++) {
      await new Promise((resume) => setTimeout(resume, 300));
      await article.press('Tab');
      second = await article.focus();
    }
    expect(second.isHighlight, 'Tab reached a second highlight').toBe(true);
    await article.waitForCard();
    await new Promise((resume) => setTimeout(resume, 500));
    await article.pressEscape();
    expect(await listedClaims(tabId)).toEqual(claimIds);
    await article.close();
  });

  test('a service worker stopped while the page was open (as Chrome stops idle ones): the popup still lists every claim', async () => {
    const { article, tabId, claimIds } = await openArticle();
    await stopServiceWorkers(browser.context, article.page);
    expect(await listedClaims(tabId)).toEqual(claimIds);
    await article.close();
  });
});
