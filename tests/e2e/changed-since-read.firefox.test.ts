import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FirefoxPopupPage, launchFirefoxWithExtension, openArticleWithTabId, openExtensionPage, pollPage, pollSelector, type FirefoxArticlePage, type FirefoxWithExtension } from './support/firefox';
import { startFeedServer, type FeedServer } from './support/feed-server';
import { feedWithWithdrawn, inForceClaim, readingOrderProblems, readPopupChange, readPopupOrder, WITHDRAWN_WORDS } from './support/research-probes';
import { startStaticServer, type StaticServer } from './support/static-server';

/**
 * "Changed since you read it" in Firefox (MV2 build): read an article, update the claim set through a
 * local feed that withdraws one of its claims, and see it on the toolbar badge, in the popup and in
 * the options history. The Chromium suite has the screenshots and the layout checks.
 */

const ARTICLE = 'clean-paraphrase-rsp3-overhaul.html';

interface ExtensionGlobals {
  browser: {
    browserAction: { getBadgeText(details: { tabId: number }): Promise<string>; getTitle(details: { tabId: number }): Promise<string> };
    alarms: { clearAll(): Promise<boolean> };
  };
}

let server: StaticServer;
let firefox: FirefoxWithExtension;
let feed: FeedServer;
let options: Page;
let article: FirefoxArticlePage;
let tabId: number;
let pageOrder: string[];
let changedClaim: string;
let changedMentions: string[];

const badge = (): Promise<string> => options.evaluate((id) => (globalThis as unknown as ExtensionGlobals).browser.browserAction.getBadgeText({ tabId: id }), tabId);

/** The toolbar button's title for the article's tab: the badge in words (its tooltip and accessible name). */
const buttonTitle = (): Promise<string> => options.evaluate((id) => (globalThis as unknown as ExtensionGlobals).browser.browserAction.getTitle({ tabId: id }), tabId);

async function waitForBadge(expected: string, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  let last = await badge();
  while (last !== expected && Date.now() < until) {
    await new Promise((done) => setTimeout(done, 150));
    last = await badge();
  }
  expect(last, 'the toolbar badge').toBe(expected);
}

async function waitForOptionsLoaded(page: Page): Promise<void> {
  await pollPage(page, () => /found$/.test(document.querySelector('[data-testid=history-count]')?.textContent?.trim() ?? ''), []);
}

/** Clicks (trusted: the feed's host permission needs it) and returns the result line once the button is idle again. */
async function clickForResult(button: string, result: string): Promise<{ ok: boolean; text: string }> {
  await options.evaluate((id) => document.querySelector(`[data-testid=${id}]`)?.setAttribute('data-stale', ''), result);
  await options.click(`[data-testid=${button}]`);
  const outcome = await pollPage(
    options,
    (id: string, buttonId: string) => {
      const line = document.querySelector(`[data-testid=${id}]`);
      const idle = !(document.querySelector(`[data-testid=${buttonId}]`) as HTMLButtonElement | null)?.disabled;
      return idle && line && !line.hasAttribute('data-stale') ? { ok: line.getAttribute('role') === 'status', text: line.textContent?.trim() ?? '' } : false;
    },
    [result, button],
    { timeout: 25_000 },
  );
  if (!outcome) throw new Error(`No result in ${result}`);
  return outcome;
}

beforeAll(async () => {
  server = await startStaticServer();
  firefox = await launchFirefoxWithExtension({ extraPrefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  options = await openExtensionPage(firefox.browser, 'options.html');
  await waitForOptionsLoaded(options);
  await options.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.alarms.clearAll());
  ({ article, tabId } = await openArticleWithTabId(firefox.browser, options, `${server.article(ARTICLE)}?case=changed`));
  await article.waitForHighlights();
  // Each mention's claim and id, as the card its highlight opens names them.
  const mentions = await article.mentions();
  pageOrder = [...new Set(mentions.map((mention) => mention.claimId))];
  changedClaim = inForceClaim(pageOrder);
  changedMentions = mentions.filter((mention) => mention.claimId === changedClaim).map((mention) => mention.mentionId);
  feed = await startFeedServer([{ body: JSON.stringify(feedWithWithdrawn(changedClaim)) }]);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  await feed?.close();
});

describe('Firefox: changed since you read it', () => {
  test('a feed update withdraws a claim the reader met: badge mark, popup note, options history filter', async () => {
    await waitForBadge(String(pageOrder.length));

    await options.$eval('[data-testid=feed-url]', (element, url) => {
      (element as HTMLInputElement).value = url;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }, feed.url);
    if (!(await options.$eval('[data-testid=feed-unsigned]', (element) => (element as HTMLInputElement).checked))) await options.click('[data-testid=feed-unsigned]');
    const saved = await clickForResult('feed-save', 'feed-save-result');
    expect(saved.ok, saved.text).toBe(true);
    expect(await clickForResult('feed-update', 'feed-result')).toEqual({ ok: true, text: 'Updated' });

    await waitForBadge(`${pageOrder.length}!`);
    expect(await buttonTitle(), 'the badge in words').toBe(`Pledge Lens: ${pageOrder.length} known claims on this page, some changed since you read them`);

    const popup = await FirefoxPopupPage.open(firefox.browser, tabId);
    try {
      await pollSelector(popup.page, '[data-testid=claim-changed]');
      const shown = await popup.page.evaluate(readPopupChange, changedClaim);
      expect(shown.note).toMatch(new RegExp(`^Changed since you read it \\(new\\): ${WITHDRAWN_WORDS}\\. Claim set update from `));
      expect(shown.status).toBe('Withdrawn 20 Nov 2026');
      expect(readingOrderProblems(await popup.page.evaluate(readPopupOrder), pageOrder)).toEqual([]);
    } finally {
      await popup.close();
    }
    await waitForBadge(String(pageOrder.length));

    const history = await openExtensionPage(firefox.browser, 'options.html');
    try {
      await waitForOptionsLoaded(history);
      for (const id of changedMentions) {
        const text = await history.$eval(`[data-testid=history-row][data-mention-id="${id}"] [data-testid=row-changed]`, (element) => element.textContent ?? '');
        expect(text).toContain(`Changed since you read it ${WITHDRAWN_WORDS}.`);
      }
      await history.click('[data-testid=filter-changed]');
      await pollPage(
        history,
        (want: number) => document.querySelector('[data-testid=history-count]')?.textContent?.trim() === `${want} ${want === 1 ? 'mention' : 'mentions'} found`,
        [changedMentions.length],
      );
      const listed = await history.$$eval('[data-testid=history-row]', (rows) => rows.map((row) => row.getAttribute('data-mention-id') ?? ''));
      expect(listed.sort()).toEqual([...changedMentions].sort());
    } finally {
      await history.close();
    }
  });
});
