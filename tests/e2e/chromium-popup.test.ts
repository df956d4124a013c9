import { parse as parseCsv } from 'csv-parse/sync';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ArticlePage, HIGHLIGHT, noteEditorFrame } from './support/article-page';
import { readHighlightLook } from './support/card-ux-probes';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { bundledBadge, bundledClaimSet } from './support/claim-set';
import { REPO_ROOT } from './support/paths';
import { PopupPage, tabIdOf } from './support/popup-page';
import { startStaticServer, type StaticServer } from './support/static-server';

/** Pictures of the popup, looked at by hand. */
const SHOTS = resolve(REPO_ROOT, 'test-results', 'popup');

let server: StaticServer;
let browser: ChromiumWithExtension;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startStaticServer();
  browser = await launchChromiumWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let opened = 0;
/**
 * Each test opens its own copy of a fixture under a distinct query string, so a page left open by an
 * earlier failed test never makes the tab lookup ambiguous, and exports of one test hold only its mentions.
 */
function openArticle(file: string): Promise<ArticlePage> {
  return ArticlePage.open(browser.context, `${server.article(file)}?case=${++opened}`);
}

async function openPopupFor(article: ArticlePage): Promise<PopupPage> {
  return PopupPage.open(browser.context, browser.extensionId, await tabIdOf(browser.worker, article.page));
}

/** Collapses white space the way gold.json and the exports' quotes do, so line breaks in the HTML do not matter. */
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A claim the page mentions twice or more, and the mark index of each mention's keyboard stop, in reading order. */
async function claimMentionedTwice(article: ArticlePage): Promise<{ claimId: string; indexes: number[] }> {
  await article.waitForHighlights();
  const byClaim = new Map<string, number[]>();
  for (const mention of await article.mentions()) byClaim.set(mention.claimId, [...(byClaim.get(mention.claimId) ?? []), mention.index]);
  const [claimId, indexes] = [...byClaim].find(([, at]) => at.length > 1) ?? [];
  expect(indexes, 'the fixture has a claim with two mentions or more').toBeDefined();
  return { claimId: claimId!, indexes: indexes! };
}

/** The index, among the page's marks, of the one that has focus (-1 for none). */
function focusedMark(article: ArticlePage): Promise<number> {
  return article.page.evaluate(() => [...document.querySelectorAll('mark.pledge-lens-mark')].indexOf(document.activeElement as Element));
}

describe('Chromium: popup', () => {
  test('lists the claims on the page with kind labels and mention counts, and the claim-set version', async () => {
    const article = await openArticle('bullet-list-what-changed.html');
    await article.waitForHighlights();
    const mentions = await article.mentions();
    const popup = await openPopupFor(article);

    const claims = await popup.claims();
    expect(claims.map((c) => c.claimId).sort(), await popup.describe()).toEqual([...new Set(mentions.map((m) => m.claimId))].sort());
    for (const claim of claims) {
      expect(claim.kindLabel, claim.claimId).toBe(bundledBadge(claim.claimId));
      expect(claim.statement.length).toBeGreaterThan(10);
      expect(claim.mentions, `mentions of ${claim.claimId}`).toBe(mentions.filter((m) => m.claimId === claim.claimId).length);
    }
    const version = await popup.claimSetVersion();
    expect(version).toMatch(/^Claim set /);
    expect(version).toContain(bundledClaimSet.version);
    // Dates as readers write them ("29 Nov 2026"), not ISO.
    const [year, month, day] = bundledClaimSet.publishedAt.split('-').map(Number);
    expect(version).toContain(`${day} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month! - 1]} ${year}`);
    expect(version).toContain(`(${bundledClaimSet.claims.length} claims)`);
    await popup.close();
    await article.close();
  });

  test('an open popup follows a page that adds a claim, as a live blog does', async () => {
    const article = await openArticle('inline-markup-split.html');
    await article.waitForHighlights();
    const popup = await openPopupFor(article);
    try {
      const LATE_CLAIM = 'openai-preparedness-adjust-if-rival-releases';
      const before = (await popup.claims()).map((c) => c.claimId);
      expect(before, await popup.describe()).not.toContain(LATE_CLAIM);
      // A post that arrives while the popup stays open, about a claim the page did not name.
      await article.page.evaluate(() => {
        const post = document.createElement('p');
        post.textContent = 'Separately, OpenAI said it may adjust its own safeguard requirements if another developer releases a high-risk system without comparable safeguards.';
        document.querySelector('main, body')!.append(post);
      });
      await expect.poll(async () => (await popup.claims()).map((c) => c.claimId), { timeout: 8_000, interval: 250 }).toContain(LATE_CLAIM);
      expect((await popup.claims()).map((c) => c.claimId)).toEqual(expect.arrayContaining(before));
    } finally {
      await popup.close();
      await article.close();
    }
  });

  test('clicking a claim scrolls to its highlight and focuses it', async () => {
    const article = await openArticle('bullet-list-what-changed.html');
    await article.waitForHighlights();
    // The last claim on the page, so the jump has to move focus past every other highlight.
    const mentions = await article.mentions();
    const target = mentions.at(-1)!;
    // Push the article below the fold, so only a real scroll brings the highlight into view.
    await article.page.evaluate(() => {
      document.body.style.paddingTop = `${2 * window.innerHeight}px`;
      window.scrollTo(0, 0);
    });
    // The claim's first mention: the highlight the jump must land on (and focus).
    const { index } = mentions.find((mention) => mention.claimId === target.claimId)!;
    expect(await article.markAt(index).evaluate((mark) => mark.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    const popup = await openPopupFor(article);
    await popup.clickClaim(target.claimId);

    await article.page.waitForFunction((at) => document.activeElement === document.querySelectorAll('mark.pledge-lens-mark')[at], index, { timeout: 5_000 });
    expect((await article.focus()).isHighlight).toBe(true);
    await article.page.bringToFront();
    await article.page.waitForFunction(
      (at) => {
        const rect = document.querySelectorAll('mark.pledge-lens-mark')[at]!.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      },
      index,
      { timeout: 5_000 },
    );
    await popup.close();
    await article.close();
  });

  test('choosing a claim again shows its next mention, and after the last its first again', async () => {
    const article = await openArticle('clean-paraphrase-rsp3-overhaul.html');
    const { claimId, indexes } = await claimMentionedTwice(article);
    const popup = await openPopupFor(article);
    const focused = () => focusedMark(article);
    const seen: number[] = [];
    for (let click = 0; click <= indexes.length; click++) {
      await popup.clickClaim(claimId);
      const before = seen.at(-1);
      await expect.poll(focused, { timeout: 5_000 }).not.toBe(before ?? -1);
      seen.push(await focused());
    }
    // Each mention (its first highlighted piece), in reading order, then the first again.
    expect(seen).toEqual([...indexes, indexes[0]]);
    await popup.close();
    await article.close();
  });

  test('"Show on page" steps past a mention the reader marked as a wrong match while the claim has another (a new user\'s report 49, problem 11)', async () => {
    const article = await openArticle('clean-paraphrase-rsp3-overhaul.html');
    const { claimId, indexes } = await claimMentionedTwice(article);
    // The reader marks the claim's first mention as a wrong match in its card.
    const flagged = indexes[0]!;
    await article.page.mouse.move(1, 1);
    await article.markAt(flagged).hover();
    await article.waitForCard();
    const flag = (await noteEditorFrame(article.page)).getByTestId('wrong-match');
    await expect.poll(() => flag.isEnabled(), { timeout: 5_000 }).toBe(true);
    // By keyboard, as card-ux.chromium.test.ts does.
    await flag.press('Space');
    await expect.poll(() => article.markAt(flagged).evaluate(readHighlightLook).then((look) => look.dimmed), { timeout: 5_000 }).toBe(true);
    await article.page.mouse.move(1, 1);
    await article.waitForCardClosed();
    const popup = await openPopupFor(article);
    const focused = () => focusedMark(article);
    const seen: number[] = [];
    for (let click = 1; click < indexes.length; click++) {
      await popup.clickClaim(claimId);
      await expect.poll(focused, { timeout: 5_000 }).not.toBe(seen.at(-1) ?? -1);
      seen.push(await focused());
    }
    expect(seen, 'the mentions not marked wrong, in reading order').toEqual(indexes.slice(1));
    await popup.close();
    await article.close();
  });

  test.each(['negative-nimbus-labs-pledge.html', 'negative-product-launch-earnings.html'])('%s: no known claims, so the empty state and no highlights', async (file) => {
    const article = await openArticle(file);
    // The popup waits for the page's report (the content script ran and finished reading): proof it
    // ran, without a highlight to wait for. (The card host is now made only when a card is first shown.)
    const popup = await openPopupFor(article);
    await popup.page.waitForFunction(() => /No known claims/.test(document.querySelector('[data-testid=empty-state]')?.textContent ?? ''), undefined, { timeout: 10_000 });
    expect((await article.highlights()).map((h) => `${h.kind}: ${h.text}`), 'false-positive highlights').toEqual([]);
    expect(await popup.claims()).toEqual([]);
    expect(await popup.emptyState()).toMatch(/No known claims on this page/);
    await popup.close();
    await article.close();
  });

  test('a German page: no highlights, and the popup says Pledge Lens reads English only, not "no known claims" (light and dark, 1280 and 360 px)', async () => {
    const article = await ArticlePage.open(browser.context, `${server.page('german-article.html')}?case=${++opened}`);
    const popup = await openPopupFor(article);
    try {
      await popup.waitForPageState('other-language');
      expect(await popup.emptyState()).toBe('This page is in German. Pledge Lens reads English articles only.');
      expect(await popup.claims()).toEqual([]);
      expect((await article.highlights()).map((h) => `${h.kind}: ${h.text}`), 'highlights on a German page').toEqual([]);
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const [width, height] of [[1280, 900], [360, 740]] as const) {
          await popup.page.emulateMedia({ colorScheme });
          await popup.page.setViewportSize({ width, height });
          await popup.page.screenshot({ path: resolve(SHOTS, `chromium-popup-other-language-${colorScheme}-${width}.png`) });
        }
      }
    } finally {
      await popup.close();
      await article.close();
    }
  });

  test('an export quotes "10²⁶" where the page sets 10<sup>26</sup>, while its W3C selector keeps the page\'s own text', async () => {
    const article = await ArticlePage.open(browser.context, `${server.page('superscript-threshold.html')}?case=${++opened}`);
    await article.waitForHighlights();
    const popup = await openPopupFor(article);
    const rows = parseCsv((await popup.export('csv')).text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows.map((row) => row.claim_id)).toContain('ca-sb53-transparency-report-before-deployment');
    const quote = rows.find((row) => row.claim_id === 'ca-sb53-transparency-report-before-deployment')!.quote;
    expect(quote).toContain('more than 10²⁶ integer');
    const w3c = JSON.parse((await popup.export('w3c')).text) as { first: { items: Array<{ target: { selector: Array<{ type: string; exact?: string }> }; pledgeLens: { readableExact: string | null } }> } };
    const exact = w3c.first.items[0]!.target.selector.find((selector) => selector.type === 'TextQuoteSelector')!.exact!;
    expect(exact).toContain('more than 1026 integer');
    expect(await article.page.evaluate(() => document.body.textContent ?? '')).toContain('more than 1026 integer');
    expect(w3c.first.items[0]!.pledgeLens.readableExact).toContain('more than 10²⁶ integer');
    await popup.close();
    await article.close();
  });

  test('a note saved in the card is in the JSON-LD, CSV, Markdown and CSL-JSON exports', async () => {
    const note = `E2E reviewer note ${Date.now()} checked against the policy text`;
    const article = await openArticle('bullet-list-what-changed.html');
    await article.waitForHighlights();
    // The page's first highlight, scrolled to the top: the note form is then on screen however the
    // card is placed (whether it always is, is the card-placement test's business).
    const [first] = await article.mentions();
    await article.markAt(first!.index).evaluate((mark) => mark.scrollIntoView({ block: 'start' }));
    await article.page.mouse.move(1, 1);
    await article.markAt(first!.index).hover();
    expect((await article.waitForCard()).mentionId).toBe(first!.mentionId);
    await article.saveNote(note);
    const pageText = collapse(await article.page.evaluate(() => document.body.innerText));
    const popup = await openPopupFor(article);

    const jsonld = await popup.export('w3c');
    // The popup exports one page: the name says so, with the page's host (the fixture server's).
    expect(jsonld.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-page-127\.0\.0\.1-bullet-list-what-changed\.jsonld$/);
    const collection = JSON.parse(jsonld.text) as {
      type: string;
      first: { items: { target: { source: string; selector: { type: string; exact?: string }[] }; body: { type: string; purpose?: string; value?: string; source?: string; 'dcterms:source'?: { id: string } }[] }[] };
    };
    expect(collection.type).toBe('AnnotationCollection');
    const annotated = collection.first.items.find((item) => item.body.some((body) => body.type === 'TextualBody' && body.purpose === 'commenting' && body.value === note));
    expect(annotated, `an annotation carrying the note as a commenting body; the export's ${collection.first.items.length} annotations carry notes ${JSON.stringify(collection.first.items.flatMap((item) => item.body.filter((body) => body.purpose === 'commenting').map((body) => body.value)))}`).toBeDefined();
    expect(annotated!.target.source).toBe(article.url);
    const quote = annotated!.target.selector.find((selector) => selector.type === 'TextQuoteSelector');
    expect(quote?.exact?.length ?? 0).toBeGreaterThan(10);
    expect(pageText).toContain(collapse(quote!.exact!));
    // The claim's body links its primary source, the document its label rests on (https).
    const claimBody = annotated!.body.find((body) => body.type === 'SpecificResource' && body.purpose === 'identifying');
    expect(claimBody?.source).toBe(`urn:pledge-lens:claim:${first!.claimId}`);
    expect(claimBody?.['dcterms:source']?.id).toMatch(/^https:\/\//);

    const csv = await popup.export('csv');
    expect(csv.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-page-127\.0\.0\.1-bullet-list-what-changed\.csv$/);
    const rows = parseCsv(csv.text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    const row = rows.find((r) => r.note === note);
    expect(row, 'a CSV row with the note').toBeDefined();
    expect(row!.claim_id).toBe(first!.claimId);
    expect(row!.page_url).toBe(article.url);
    // The row stands alone: the claim's statement and the primary source its label rests on.
    expect(row!.statement).not.toBe('');
    expect(row!.source_url).toMatch(/^https:\/\//);
    expect(pageText).toContain(collapse(row!.quote!));

    const markdown = await popup.export('markdown');
    expect(markdown.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-page-127\.0\.0\.1-bullet-list-what-changed\.md$/);
    expect(markdown.text).toContain(note);

    const csl = await popup.export('csl');
    expect(csl.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-page-127\.0\.0\.1-bullet-list-what-changed\.json$/);
    const items = JSON.parse(csl.text) as Array<{ id: string; type: string; title: string; URL: string; note: string }>;
    expect(items.map((item) => [item.type, item.URL])).toEqual([['webpage', article.url]]);
    expect(items[0]!.id).not.toBe('');
    expect(items[0]!.title).not.toBe('');
    expect(items[0]!.note).toContain(`· Your note: ${note}`);
    await popup.close();
    await article.close();
  });

  test('the site toggle removes every highlight, in the site\'s other open tab too, stays off after reload, and brings them back', async () => {
    const article = await openArticle('inline-markup-split.html');
    await article.waitForHighlights();
    const before = (await article.mentions()).length;
    const original = await article.originalSnapshot();
    // Another tab on the same site: the switch is per site, so it must follow without a reload.
    const sameSite = await openArticle('bullet-list-what-changed.html');
    await sameSite.waitForHighlights();
    let popup = await openPopupFor(article);
    try {
      expect(await popup.siteToggle(), await popup.describe()).toBe(true);
      await popup.setSiteToggle(false);
      await article.waitForNoHighlights(5_000);
      await sameSite.waitForNoHighlights(5_000);
      // Unwrapping must leave the page's DOM as it was served, not just without marks.
      expect((await article.currentSnapshot()).bodyHtml).toBe(original.bodyHtml);
      await popup.close();

      await article.reload();
      await article.page.waitForLoadState('load');
      // Highlights appear well under a second on this page when the site is on (see the other tests).
      await expect(article.waitForHighlights(HIGHLIGHT, 2_000)).rejects.toThrow();
      popup = await openPopupFor(article);
      expect(await popup.siteToggle()).toBe(false);
      expect(await popup.emptyState()).toMatch(/off/i);

      await popup.setSiteToggle(true);
      await article.waitForHighlights(HIGHLIGHT, 10_000);
      // One keyboard stop per mention: wait for as many as before, then count the mentions their cards name.
      await article.page.waitForFunction((count) => document.querySelectorAll('mark.pledge-lens-mark[tabindex="0"]').length >= count, before, { timeout: 5_000 });
      expect((await article.mentions()).length).toBe(before);
      await sameSite.waitForHighlights(HIGHLIGHT, 10_000);
    } finally {
      // Leave the site on for whatever runs next, even when an assertion above failed.
      if (!popup.page.isClosed() && (await popup.siteToggle().catch(() => undefined)) === false) await popup.setSiteToggle(true);
      await popup.close().catch(() => undefined);
      await article.close();
      await sameSite.close();
    }
  });
});
