import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ArticlePage } from './support/article-page';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { startFeedServer, type FeedServer } from './support/feed-server';
import { AXE_SOURCE, blockingViolations, describeViolations, OptionsPage, runAxeInPage } from './support/options-page';
import { PopupPage, tabIdOf } from './support/popup-page';
import {
  feedWithWithdrawn,
  inForceClaim,
  readingOrderProblems,
  readPopupChange,
  readPopupOrder,
  researchScreenshotPath,
  RESEARCH_VIEWPORTS,
  WITHDRAWN_WORDS,
} from './support/research-probes';
import { startStaticServer, type StaticServer } from './support/static-server';
import { measureContrast, measureHorizontalOverflow } from './support/welcome-page';

/**
 * "Changed since you read it" end to end in Chromium: read an article, update the claim set through
 * a local feed with one of its claims withdrawn, and see it on the toolbar badge, in the popup and in
 * the options history. Then the research view (grouping, notes in place, citations), and the popup
 * and options pages at 1280 px and 360 px in both schemes: screenshots under
 * test-results/extension-pages/, reading order, no horizontal overflow, text contrast, axe.
 */

const ARTICLE = 'clean-paraphrase-rsp3-overhaul.html';

let server: StaticServer;
let browser: ChromiumWithExtension;
let feed: FeedServer;
let article: ArticlePage;
let tabId: number;
/** Claim ids in the order the article first mentions them. */
let pageOrder: string[];
/** The claim the feed withdraws, and the ids of its mentions on the article. */
let changedClaim: string;
let changedMentions: string[];

interface BadgeGlobal {
  chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string>; getTitle(details: { tabId: number }): Promise<string> } };
}

/** The toolbar badge of the article's tab, as the browser shows it. */
function badge(): Promise<string> {
  return browser.worker.evaluate((id) => (globalThis as unknown as BadgeGlobal).chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** The toolbar button's title for the article's tab: the badge in words (its tooltip and accessible name). */
function buttonTitle(): Promise<string> {
  return browser.worker.evaluate((id) => (globalThis as unknown as BadgeGlobal).chrome.action.getTitle({ tabId: id }), tabId);
}

async function waitForBadge(expected: string, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  let last = await badge();
  while (last !== expected && Date.now() < until) {
    await new Promise((done) => setTimeout(done, 150));
    last = await badge();
  }
  expect(last, 'the toolbar badge').toBe(expected);
}

async function audit(page: Page, where: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const blocking = blockingViolations(where, await page.evaluate(runAxeInPage));
  expect(blocking, `serious or critical axe violations on ${where}:\n${describeViolations(blocking)}`).toEqual([]);
}

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchChromiumWithExtension();
  // The daily feed alarm would spend the feed's planned answer behind the test's back.
  await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome.alarms.clearAll());
  article = await ArticlePage.open(browser.context, `${server.article(ARTICLE)}?case=changed`);
  await article.waitForHighlights();
  const mentions = await article.mentions();
  pageOrder = [...new Set(mentions.map((mention) => mention.claimId))];
  changedClaim = inForceClaim(pageOrder);
  changedMentions = mentions.filter((mention) => mention.claimId === changedClaim).map((mention) => mention.mentionId);
  tabId = await tabIdOf(browser.worker, article.page);
  feed = await startFeedServer([{ body: JSON.stringify(feedWithWithdrawn(changedClaim)) }]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await feed?.close();
});

describe('Chromium: changed since you read it', () => {
  test('a feed update withdraws a claim the reader met: the badge is marked, the popup and the options history say so', async () => {
    await waitForBadge(String(pageOrder.length));

    const options = await OptionsPage.open(browser.context, browser.extensionId);
    try {
      expect(await options.saveFeedUrl(feed.url, { unsigned: true })).toMatchObject({ ok: true });
      expect(await options.updateFeedNow()).toEqual({ ok: true, text: 'Updated' });
    } finally {
      await options.close();
    }

    // The tab still shows the page read before the update: its badge gets the mark at once, and its title says what the mark means.
    await waitForBadge(`${pageOrder.length}!`);
    expect(await buttonTitle()).toBe(`Pledge Lens: ${pageOrder.length} known claims on this page, some changed since you read them`);

    const popup = await PopupPage.open(browser.context, browser.extensionId, tabId);
    try {
      await popup.page.waitForSelector('[data-testid=claim-changed]');
      const shown = await popup.page.evaluate(readPopupChange, changedClaim);
      // An unsigned feed's pack is named for what it is, with its host.
      expect(shown.note).toBe(`Changed since you read it (new): ${WITHDRAWN_WORDS}. Claim set update from Unsigned feed from ${new URL(feed.url).host} (version 2.1.0), ${todayInWords()}.`);
      expect(shown.status, 'the claim shows what holds now').toBe('Withdrawn 20 Nov 2026');
      expect(await popup.page.locator('[data-testid=changed-summary]').textContent()).toBe('1 claim here has changed since you read it.');
      // Only the withdrawn claim carries a note.
      expect(await popup.page.locator('[data-testid=claim-changed]').count()).toBe(1);
    } finally {
      await popup.close();
    }
    // The reader has looked: the mark goes, the count stays.
    await waitForBadge(String(pageOrder.length));

    const history = await OptionsPage.open(browser.context, browser.extensionId);
    try {
      const rows = history.page.locator('[data-testid=history-row]');
      for (const id of changedMentions) {
        expect(await history.page.locator(`[data-testid=history-row][data-mention-id="${id}"] [data-testid=row-changed]`).textContent()).toContain(`Changed since you read it ${WITHDRAWN_WORDS}.`);
      }
      expect(await rows.count()).toBeGreaterThan(changedMentions.length);
      await history.page.locator('[data-testid=filter-changed]').check();
      await history.waitForHistoryCount(changedMentions.length);
      expect((await history.historyMentionIds()).sort()).toEqual([...changedMentions].sort());
      // Only "changed" claims' rows, each with its badge; by claim they make one group.
      await history.page.locator('[data-testid=group-by-claim]').check();
      expect(await history.page.locator('[data-testid=history-group]').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-group-key')))).toEqual([changedClaim]);
      expect(await history.page.locator('[data-testid=group-heading] .changed-badge').textContent()).toMatch(/changed since read/);
    } finally {
      await history.close();
    }
  });
});

describe('Chromium: the options page as a research view', () => {
  test('a note edited in place is stored; Copy citation puts claim, page, date and quote on the clipboard', async () => {
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    try {
      await options.page.bringToFront();
      const row = options.page.locator(`[data-testid=history-row][data-mention-id="${changedMentions[0]}"]`);
      await row.locator('[data-testid=row-note-edit]').click();
      await row.locator('[data-testid=row-note-input]').fill('Withdrawn after this article: check the follow-up.');
      await row.locator('[data-testid=row-note-save]').click();
      expect(await row.locator('[data-testid=row-note-result]').textContent()).toBe('Note saved.');
      await options.reload();
      expect(await options.page.locator(`[data-testid=history-row][data-mention-id="${changedMentions[0]}"] [data-testid=row-note]`).textContent()).toBe(
        'Withdrawn after this article: check the follow-up.',
      );

      const fresh = options.page.locator(`[data-testid=history-row][data-mention-id="${changedMentions[0]}"]`);
      const quote = ((await fresh.locator('[data-testid=row-quote]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
      // Reading the clipboard back needs a permission Playwright cannot grant an extension origin:
      // record what the page hands to the real writeText instead (it must still resolve for "copied").
      await options.page.evaluate(() => {
        const clipboard = navigator.clipboard;
        const write = clipboard.writeText.bind(clipboard);
        const copied: string[] = [];
        (window as unknown as { copied: string[] }).copied = copied;
        clipboard.writeText = (text: string) => {
          copied.push(text);
          return write(text);
        };
      });
      await fresh.locator('[data-testid=row-cite]').click();
      expect(await fresh.locator('[data-testid=row-cite-result]').textContent()).toBe('Citation copied.');
      const copied = await options.page.evaluate(() => (window as unknown as { copied: string[] }).copied.join('\n'));
      expect(copied).toContain(`“${quote}”`);
      expect(copied).toContain(article.url);
      expect(copied).toMatch(/\(seen \d{1,2} [A-Z][a-z]{2} \d{4}\)/);
      expect(copied).toContain('Withdrawn 20 Nov 2026');
      // The work's title, then its site split off the title ("… | The Ledger Wire"), as the CSL export cites them.
      expect(copied).toContain(`In: ${(await article.page.title()).replace(' | ', ', ')}, `);
    } finally {
      await options.close();
    }
  });

  test('an annotation file that is a CSV is refused in plain words', async () => {
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    try {
      const refused = await options.importAnnotations({ name: 'notes.csv', text: 'page_url,quote,note\nhttps://a.example,"x","y"\n' });
      expect(refused.ok).toBe(false);
      expect(refused.text).toMatch(/CSV and Markdown exports cannot be read back/);
      expect(refused.text).not.toMatch(/Unexpected token|position \d|SyntaxError/);
    } finally {
      await options.close();
    }
  });
});

/** Today as the popup writes it ("29 Nov 2026"), in the browser's time zone (the machine's). */
function todayInWords(): string {
  const now = new Date();
  return `${now.getDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][now.getMonth()]} ${now.getFullYear()}`;
}

describe('Chromium: popup and options at 1280 px and 360 px, light and dark (screenshots in test-results/extension-pages)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const viewport of RESEARCH_VIEWPORTS) {
      test(`popup, ${colorScheme}, ${viewport.name} px: reading order, no horizontal overflow, contrast, axe`, async () => {
        const popup = await PopupPage.open(browser.context, browser.extensionId, await tabIdOf(browser.worker, article.page));
        try {
          await popup.page.emulateMedia({ colorScheme });
          await popup.page.setViewportSize({ width: viewport.width, height: viewport.height });
          const order = await popup.page.evaluate(readPopupOrder);
          expect(new Set(order.ids)).toEqual(new Set(pageOrder));
          expect(readingOrderProblems(order, pageOrder)).toEqual([]);
          const overflow = await popup.page.evaluate(measureHorizontalOverflow);
          if (viewport.width <= 380) expect(overflow.offenders, `overflow at ${viewport.width} px`).toEqual([]);
          expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewportWidth);
          if (viewport.width <= 380) {
            // Beside a classic scrollbar (15 px), which headless runs hide: the cards keep inside what is left.
            await popup.page.setViewportSize({ width: viewport.width - 15, height: viewport.height });
            const beside = await popup.page.evaluate(measureHorizontalOverflow);
            expect(beside.offenders, `overflow at ${viewport.width} px beside a classic scrollbar`).toEqual([]);
            await popup.page.setViewportSize({ width: viewport.width, height: viewport.height });
          }
          const contrast = await popup.page.evaluate(measureContrast);
          expect(contrast.failures, `text below 4.5:1 in the popup (${colorScheme})`).toEqual([]);
          expect(contrast.checked).toBeGreaterThan(10);
          await audit(popup.page, `the popup (${colorScheme}, ${viewport.name} px)`);
          await popup.page.screenshot({ path: researchScreenshotPath(`popup-${colorScheme}-${viewport.name}`), fullPage: true });
        } finally {
          await popup.close();
        }
      });

      test(`options, ${colorScheme}, ${viewport.name} px: no horizontal overflow (packs table included), contrast, axe`, async () => {
        const options = await OptionsPage.open(browser.context, browser.extensionId);
        try {
          await options.page.emulateMedia({ colorScheme });
          await options.page.setViewportSize({ width: viewport.width, height: viewport.height });
          await options.page.locator('[data-testid=history-row]').first().waitFor();
          const overflow = await options.page.evaluate(measureHorizontalOverflow);
          expect(overflow.offenders, `overflow at ${viewport.width} px`).toEqual([]);
          expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewportWidth);
          if (viewport.width <= 380) {
            // A reader's browser draws a classic scrollbar (15 px) that headless runs hide: the page fits what is left.
            await options.page.setViewportSize({ width: viewport.width - 15, height: viewport.height });
            const beside = await options.page.evaluate(measureHorizontalOverflow);
            expect(beside.offenders, `overflow at ${viewport.width} px beside a classic scrollbar`).toEqual([]);
            expect(beside.scrollWidth).toBeLessThanOrEqual(beside.viewportWidth);
            await options.page.setViewportSize({ width: viewport.width, height: viewport.height });
          }
          const table = await options.page.locator('[data-testid=pack-list]').evaluate((element) => ({ table: element.getBoundingClientRect().right, wrap: element.parentElement!.getBoundingClientRect().right }));
          expect(table.table, 'the packs table fits its panel').toBeLessThanOrEqual(table.wrap + 0.5);
          const contrast = await options.page.evaluate(measureContrast);
          expect(contrast.failures, `text below 4.5:1 on the options page (${colorScheme})`).toEqual([]);
          await audit(options.page, `the options page (${colorScheme}, ${viewport.name} px)`);
          await options.page.screenshot({ path: researchScreenshotPath(`options-${colorScheme}-${viewport.name}`), fullPage: true });
        } finally {
          await options.close();
        }
      });
    }
  }
});

describe('Chromium: read again after the change', () => {
  test('reloading the article (its cards now say "withdrawn") ends "changed since you read it" for that page', async () => {
    await article.reload();
    await article.waitForHighlights();
    const again = await PopupPage.open(browser.context, browser.extensionId, await tabIdOf(browser.worker, article.page));
    try {
      expect(await again.page.locator('[data-testid=claim-changed]').count()).toBe(0);
      expect((await again.page.evaluate(readPopupChange, changedClaim)).status).toBe('Withdrawn 20 Nov 2026');
    } finally {
      await again.close();
    }
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    try {
      await options.page.locator('[data-testid=filter-changed]').check();
      await options.waitForHistoryCount(0);
      expect(await options.page.locator('[data-testid=history-empty]').textContent()).toMatch(/No stored annotations match these filters/);
    } finally {
      await options.close();
    }
  });
});
