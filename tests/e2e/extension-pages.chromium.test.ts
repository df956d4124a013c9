import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ArticlePage, HIGHLIGHT, noteEditorFrame } from './support/article-page';
import { launchChromiumWithExtension, stopServiceWorkers, type ChromiumWithExtension } from './support/chromium';
import { bundledClaimSet } from './support/claim-set';
import { generateFeedKey, readFeedSigningKey, signFeedBytes, type FeedSigningKey } from '../../scripts/feed-crypto';
import { claimSetText, inventedClaim, startFeedServer, type FeedServer } from './support/feed-server';
import { AXE_SOURCE, blockingViolations, describeViolations, OptionsPage, runAxeInPage } from './support/options-page';
import { PopupPage, tabIdOf } from './support/popup-page';
import { startStaticServer, type StaticServer } from './support/static-server';
import { REPO_ROOT } from './support/paths';
import { exportW3c } from '../../lib/annotations/export-w3c';
import { makeAnchor } from '../../lib/annotations/make-anchor';
import { mentionId } from '../../lib/annotations/mention-id';
import type { Mention } from '../../lib/annotations/schema';
import type { Claim } from '../../lib/claims/schema';

/**
 * The extension's own pages in Chromium: accessibility of the popup and the options page, and the
 * options page's flows (history export / clear / import, claim packs, the claim feed, sites).
 * The tests share one browser profile and run in order; each puts back what it changed.
 */

const ARTICLE = 'bullet-list-what-changed.html';

let server: StaticServer;
let browser: ChromiumWithExtension;
/** Mention ids the first visit to ARTICLE stored: the history every later test starts from. */
let visitedMentionIds: string[];

let opened = 0;
/** A distinct query string per visit, so a page a failed test left open never makes the tab lookup ambiguous. */
function openArticle(file = ARTICLE): Promise<ArticlePage> {
  return ArticlePage.open(browser.context, `${server.article(file)}?case=${++opened}`);
}

async function openPopupFor(article: ArticlePage): Promise<PopupPage> {
  return PopupPage.open(browser.context, browser.extensionId, await tabIdOf(browser.worker, article.page));
}

function openOptions(): Promise<OptionsPage> {
  return OptionsPage.open(browser.context, browser.extensionId);
}

/** Pictures of the options page's sections, looked at by hand (light and dark, 1280 and 360 px). */
const SHOTS = resolve(REPO_ROOT, 'test-results', 'options-ux');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startStaticServer();
  browser = await launchChromiumWithExtension();
  // The daily feed alarm fires a minute after start-up; here it would spend one of the feed server's
  // planned answers behind the test's back. The alarm itself is not under test.
  await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome.alarms.clearAll());
  const article = await openArticle();
  await article.waitForHighlights();
  visitedMentionIds = (await article.mentions()).map((m) => m.mentionId);
  await article.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Injects axe-core and runs it. evaluate() rather than addScriptTag: the extension's CSP (script-src 'self') blocks the inline script addScriptTag writes. */
async function audit(page: PopupPage['page'], where: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(runAxeInPage);
  const blocking = blockingViolations(where, violations);
  expect(blocking, `serious or critical axe violations on ${where}:\n${describeViolations(blocking)}`).toEqual([]);
}

describe('Chromium: accessibility of the extension pages (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`popup listing claims, ${colorScheme}`, async () => {
      const article = await openArticle();
      await article.waitForHighlights();
      const popup = await openPopupFor(article);
      try {
        await popup.page.emulateMedia({ colorScheme });
        expect(await popup.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
        expect((await popup.claims()).length, await popup.describe()).toBeGreaterThan(0);
        await audit(popup.page, `the popup (${colorScheme})`);
      } finally {
        await popup.close();
        await article.close();
      }
    });

    test(`options page with history, ${colorScheme}`, async () => {
      const options = await openOptions();
      try {
        await options.page.emulateMedia({ colorScheme });
        expect(await options.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
        expect(await options.historyCount()).toBeGreaterThan(0);
        await audit(options.page, `the options page (${colorScheme})`);
      } finally {
        await options.close();
      }
    });
  }
});

/** The computed font size (px) of the first element matching each selector, as Chromium renders it. */
async function fontSizes(page: Pick<Frame, 'evaluate'>, selectors: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate(
    (list) => Object.fromEntries(list.map((selector) => [selector, parseFloat(getComputedStyle(document.querySelector(selector) ?? document.body).fontSize)])),
    selectors,
  );
}

describe("Chromium: the extension pages' text is at their own size", () => {
  // Chromium's stylesheet for extension pages sets the body to 75%: a new user measured the options
  // page at 11.25 px and the card's note editor at 9.75 px. Each page's text must be its root size.
  test('the options page and the note editor render at their root font size, not 75% of it', async () => {
    const options = await openOptions();
    try {
      const sizes = await fontSizes(options.page, [':root', 'body', 'label', 'button']);
      expect(sizes[':root'], JSON.stringify(sizes)).toBe(15);
      for (const selector of ['body', 'label', 'button']) expect(sizes[selector], `${selector}: ${JSON.stringify(sizes)}`).toBeGreaterThanOrEqual(14);
    } finally {
      await options.close();
    }
    // The note editor as the card frames it: opened on its own it acts for no mention (it needs a card's capability).
    const article = await openArticle();
    try {
      await article.waitForHighlights();
      await article.tabToFirstHighlight();
      await article.waitForCard();
      const editor = await noteEditorFrame(article.page);
      await editor.waitForSelector('textarea');
      const sizes = await fontSizes(editor, [':root', 'body', 'textarea', 'button']);
      expect(sizes[':root'], JSON.stringify(sizes)).toBe(13);
      for (const selector of ['body', 'textarea', 'button']) expect(sizes[selector], `${selector}: ${JSON.stringify(sizes)}`).toBe(13);
    } finally {
      await article.close();
    }
  });
});

describe('Chromium options page: annotation history', () => {
  test('lists the mentions of a visited article', async () => {
    expect(visitedMentionIds.length).toBeGreaterThan(0);
    const options = await openOptions();
    try {
      const listed = await options.historyMentionIds();
      for (const id of visitedMentionIds) expect(listed, `mention ${id} of ${ARTICLE}`).toContain(id);
    } finally {
      await options.close();
    }
  });

  test('a filtered export is named so, and its CSV rows and Markdown stand alone', async () => {
    const options = await openOptions();
    try {
      const all = await options.exportHistory('csv');
      expect(all.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-all\.csv$/);
      const allRows = parseCsv(all.text, { columns: true, bom: true }) as Record<string, string>[];
      const claimId = allRows[0]!.claim_id!;
      const ofClaim = allRows.filter((row) => row.claim_id === claimId).length;
      await options.page.locator('[data-testid="filter-claim"]').selectOption(claimId);
      await options.waitForHistoryCount(ofClaim);

      const csv = await options.exportHistory('csv');
      expect(csv.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-filtered\.csv$/);
      const rows = parseCsv(csv.text, { columns: true, bom: true }) as Record<string, string>[];
      expect(rows).toHaveLength(ofClaim);
      for (const row of rows) {
        expect(row.claim_id).toBe(claimId);
        expect(row.statement).not.toBe('');
        expect(row.label).toMatch(/^(Binding commitment|Announced target|No commitment)( \([a-z -]+\))?$/);
        expect(row.status_label).toMatch(/\d{4}/);
        expect(row.source_url).toMatch(/^https:\/\//);
        expect(row.page_url?.startsWith(server.article(ARTICLE))).toBe(true);
        // The page's own metadata (its head's Open Graph date and JSON-LD author), read by the content script.
        expect([row.page_site, row.page_published, row.page_authors]).toEqual(['Signal & Noise', '2026-02-26', 'Jonah Whitcombe']);
      }

      const markdown = await options.exportHistory('markdown');
      expect(markdown.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-filtered\.md$/);
      // Front matter naming the claim by id, then the filtered claim once (one short heading of its actor,
      // instrument and id, its label in bold and its primary source linked once), then a linked heading per page
      // it was on (each visit's address is a page), and a block quote per mention.
      expect(markdown.text).toMatch(/^---\ntitle: "Pledge Lens annotations"\nexported: "[^"]+"\nclaims:\n {2}- "[a-z0-9-]+"\ntags:\n {2}- "pledge-lens"\n---\n/);
      expect(markdown.text.match(/^## .*$/gm) ?? []).toEqual([expect.stringMatching(/^## .+ \([a-z0-9-]+\)$/)]);
      const pageHeadings = markdown.text.match(/^### .*$/gm) ?? [];
      expect(pageHeadings.length).toBeGreaterThan(0);
      for (const heading of pageHeadings) expect(heading).toMatch(/^### \[.+\]\(http:\/\/127\.0\.0\.1:\d+\/\S+\)$/);
      expect(markdown.text.match(/^> /gm)?.length ?? 0).toBeGreaterThanOrEqual(ofClaim);
      expect(markdown.text.match(/^- \*\*(Binding commitment|Announced target|No commitment)( \([a-z -]+\))?\*\* · /gm)).toHaveLength(1);
      expect(markdown.text.match(/^- Source: \[.+\]\(https:\/\/\S+\)$/gm)).toHaveLength(1);
      expect(markdown.text.match(/^Signal & Noise · By Jonah Whitcombe · Published 26 Feb 2026$/gm)).toHaveLength(pageHeadings.length);

      // CSL-JSON, offered beside the others: a JSON array, one webpage item per page (each visit's
      // address is a page), with the fields Zotero and citeproc need and every mention's quote in a note.
      const offered = await options.page.locator('[data-testid="export-format"] option').evaluateAll((list) => list.map((option) => (option as HTMLOptionElement).value));
      expect(offered).toEqual(['w3c', 'csv', 'markdown', 'csl']);
      const csl = await options.exportHistory('csl');
      expect(csl.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-filtered\.json$/);
      const items = JSON.parse(csl.text) as Array<Record<string, unknown>>;
      expect(Array.isArray(items)).toBe(true);
      expect(items).toHaveLength(new Set(rows.map((row) => row.page_url)).size);
      const ids = new Set<unknown>();
      for (const item of items) {
        expect(item.type).toBe('webpage');
        expect(typeof item.id === 'string' && item.id !== '' && !ids.has(item.id)).toBe(true);
        ids.add(item.id);
        expect(typeof item.title === 'string' && item.title !== '').toBe(true);
        expect(String(item.URL).startsWith(server.article(ARTICLE))).toBe(true);
        // The site's name from the page's og:site_name, and the title without it (it ends "— Signal & Noise").
        expect(item['container-title']).toBe('Signal & Noise');
        expect(item.title).toBe('What changed in Anthropic’s Responsible Scaling Policy 3.0');
        expect(item.accessed).toEqual({ 'date-parts': [[expect.any(Number), expect.any(Number), expect.any(Number)]] });
        expect(item.issued).toEqual({ 'date-parts': [[2026, 2, 26]] });
        expect(item.author).toEqual([{ given: 'Jonah', family: 'Whitcombe' }]);
        expect(item.note).toMatch(/^— Pledge Lens annotations, exported /);
        expect(item.note).toMatch(/^· (Binding commitment|Announced target|No commitment)( \([a-z -]+\))? · /m);
      }
      const notes = items.map((item) => String(item.note)).join('\n');
      expect(notes.match(/^“/gm)?.length ?? 0).toBe(ofClaim);

      await options.page.locator('[data-testid="filter-claim"]').selectOption('');
      await options.waitForHistoryCount(allRows.length);
    } finally {
      await options.close();
    }
  });

  test('export as W3C JSON-LD, clear all, import the file: the same mentions come back', async () => {
    const options = await openOptions();
    try {
      const before = (await options.historyMentionIds()).sort();
      expect(before.length).toBeGreaterThan(0);

      const exported = await options.exportHistory('w3c');
      // Local date and time to the minute, and the scope: no filter set, so the whole history.
      expect(exported.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-all\.jsonld$/);
      expect(exported.result).toEqual({ ok: true, text: `Exported ${before.length} ${before.length === 1 ? 'mention' : 'mentions'}.` });
      const collection = JSON.parse(exported.text) as { '@context': unknown; type: string; first: { items: { id: string }[] } };
      expect(collection['@context']).toEqual([
        'http://www.w3.org/ns/anno.jsonld',
        { '@version': 1.1, pledgeLens: { '@id': 'urn:pledge-lens:vocab:pledgeLens', '@type': '@json' } },
      ]);
      expect(collection.type).toBe('AnnotationCollection');
      expect(collection.first.items.map((item) => item.id).sort()).toEqual(before);

      await options.clearAll();
      await options.waitForHistoryCount(0);
      await options.reload();
      expect(await options.historyCount(), 'history after Clear all, as stored').toBe(0);

      const imported = await options.importAnnotations({ name: exported.filename, text: exported.text });
      expect(imported).toEqual({ ok: true, text: `Imported: ${before.length} added, 0 updated, 0 unchanged` });
      await options.waitForHistoryCount(before.length);
      // The list filled above the import control: the result line is still in view (a new user's report 49, problem 8).
      const inView = () => options.page.locator('[data-testid="import-result"]').evaluate((line) => {
        const box = line.getBoundingClientRect();
        return box.top >= -1 && box.bottom <= window.innerHeight + 1;
      });
      await expect.poll(inView, { timeout: 5_000 }).toBe(true);
      await options.reload();
      expect((await options.historyMentionIds()).sort()).toEqual(before);
    } finally {
      await options.close();
    }
  });

  test('a history of hundreds of mentions: 50 rows a page, Previous / Next / the page picker reach every one, by day too; the claim filter names the actor', async () => {
    // 130 mentions of three bundled claims on three pages, seen a minute apart, imported as a reader's W3C file would be.
    const claims = new Map(bundledClaimSet.claims.map((claim) => [claim.id, claim as Claim]));
    const picked = ['anthropic-rsp-pause-pledge', ...bundledClaimSet.claims.filter((claim) => claim.actor.name !== 'Anthropic').slice(0, 2).map((claim) => claim.id)];
    const many: Mention[] = Array.from({ length: 130 }, (_, index) => {
      const text = `Paragraph ${index}: the pledge as this page words it, number ${index}.`;
      const anchor = makeAnchor(text, 0, text.length - 1);
      const claimId = picked[index % picked.length]!;
      const pageUrl = `https://news.example/history-${index % 3}`;
      const seen = new Date(Date.UTC(2026, 10, 20, 12, 0) - index * 60 * 60_000).toISOString();
      return { id: mentionId(pageUrl, claimId, anchor.exact, anchor.prefix, anchor.suffix), pageUrl, pageTitle: `History page ${index % 3}`, claimId, anchor, firstSeen: seen, lastSeen: seen };
    });
    const file = JSON.stringify(exportW3c(many, claims, { generatedAt: '2026-11-21T00:00:00.000Z' }));
    const options = await openOptions();
    let saved: string | undefined;
    try {
      const replaced = await options.replaceHistory({ name: 'many.jsonld', text: file });
      saved = replaced.saved;
      expect(replaced.imported.ok).toBe(true);
      await options.waitForHistoryCount(130);
      const page = options.page;
      const range = () => page.locator('[data-testid=pager-range]').textContent();
      // Newest first, a page of 50; the pager under the list says where the reader is.
      await page.locator('[data-testid=group-by-none]').check();
      expect(await range()).toBe('Mentions 1–50 of 130');
      expect(await options.historyMentionIds()).toEqual(many.slice(0, 50).map((mention) => mention.id));
      await page.locator('[data-testid=pager-next]').click();
      expect(await range()).toBe('Mentions 51–100 of 130');
      expect(await options.historyMentionIds()).toEqual(many.slice(50, 100).map((mention) => mention.id));
      // Reading goes on at the new page's start.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('history-page');
      await page.locator('[data-testid=pager-select]').selectOption('2');
      expect(await options.historyMentionIds()).toEqual(many.slice(100).map((mention) => mention.id));
      // By keyboard: Previous is a button in the Tab order.
      await page.locator('[data-testid=pager-previous]').focus();
      await page.keyboard.press('Enter');
      expect(await range()).toBe('Mentions 51–100 of 130');

      // By the day last seen: one group per day, newest first, named in words.
      await page.locator('[data-testid=group-by-day]').check();
      expect(await range()).toBe('Mentions 1–50 of 130');
      const headings = await page.locator('[data-testid=group-heading]').allTextContents();
      expect(headings[0]).toMatch(/^Last seen on 20 Nov 2026 13 mentions/);
      expect(headings[1]).toMatch(/^Last seen on 19 Nov 2026 24 mentions/);
      await options.shootAt('[data-testid=history-grouping]', SHOTS, 'history-by-day');
      await options.shootAt('[data-testid=history-pager]', SHOTS, 'history-pager');

      // The claim filter names each claim by who made it, sorted by actor; picking one filters to it.
      const labels = await page.locator('[data-testid=filter-claim] option').allTextContents();
      expect(labels[0]).toBe('All claims');
      const actors = labels.slice(1).map((label) => label.split(' — ')[0]!);
      expect(actors).toEqual([...actors].sort((a, b) => a.localeCompare(b, 'en')));
      const pause = await page.locator('[data-testid=filter-claim] option[value="anthropic-rsp-pause-pledge"]').textContent();
      expect(pause).toMatch(/^Anthropic — Under its Responsible Scaling Policy/);
      await page.locator('[data-testid=filter-claim]').selectOption('anthropic-rsp-pause-pledge');
      await options.waitForHistoryCount(44);
      // The search box finds a claim's mentions by its actor too (the quotes here never name one).
      await page.locator('[data-testid=filter-claim]').selectOption('');
      await page.locator('[data-testid=filter-text]').fill('Anthropic');
      await options.waitForHistoryCount(44);
    } finally {
      await options.restoreHistory(saved);
      await options.close();
    }
  });

  test('an annotation file that would replace a note of the reader\'s asks first, keeps the note when they decline, and replaces it when they agree (light and dark, 1280 and 360 px)', async () => {
    const claims = new Map(bundledClaimSet.claims.map((claim) => [claim.id, claim as Claim]));
    const claimId = 'anthropic-rsp-pause-pledge';
    const pageUrl = 'https://news.example/import-question';
    const text = 'Anthropic dropped the pledge to pause training if its safeguards fell behind.';
    const anchor = makeAnchor(text, 0, text.length);
    const seen = '2026-11-20T12:00:00.000Z';
    const mention: Mention = { id: mentionId(pageUrl, claimId, anchor.exact, anchor.prefix, anchor.suffix), pageUrl, pageTitle: 'Anthropic drops its pause pledge', claimId, anchor, firstSeen: seen, lastSeen: seen };
    const file = (note: string, updatedAt: string) => ({ name: 'notes.jsonld', text: JSON.stringify(exportW3c([{ ...mention, note: { text: note, updatedAt } }], claims, { generatedAt: '2026-11-21T00:00:00.000Z' })) });
    const options = await openOptions();
    let saved: string | undefined;
    try {
      const replaced = await options.replaceHistory(file('Ask the press office about the old wording', '2026-11-20T12:00:00.000Z'));
      saved = replaced.saved;
      expect(replaced.imported.ok, JSON.stringify(replaced.imported)).toBe(true);
      await options.waitForHistoryCount(1);
      const other = file('Ads confirmed, ignore the earlier note', '2026-11-21T12:00:00.000Z');
      const question = await options.importAnnotationsAsked(other);
      expect(question).toContain('This file would replace 1 of your notes');
      expect(question).toContain('“Ask the press office about the old wording” becomes “Ads confirmed, ignore the earlier note”');
      for (const shot of await options.shootAt('[data-testid="import-input-question"]', SHOTS, 'import-question')) expect(shot).toMatch(/\.png$/);
      expect(await options.answerImport(false)).toEqual({ ok: true, text: 'Nothing was imported: your notes and marks are as they were.' });
      expect(await options.page.getByText('Ask the press office about the old wording').count()).toBeGreaterThan(0);
      await options.importAnnotationsAsked(other);
      expect(await options.answerImport(true)).toEqual({ ok: true, text: 'Imported: 0 added, 1 updated, 0 unchanged' });
      await options.reload();
      expect(await options.page.getByText('Ads confirmed, ignore the earlier note').count()).toBeGreaterThan(0);
    } finally {
      await options.restoreHistory(saved);
      await options.close();
    }
  });

  test('one page quoting a claim several times: the statement is said once, the rows after it folded to one line with a disclosure (light and dark, 1280 and 360 px)', async () => {
    // Six quotes on one page, in reading order: the pause pledge three times, another claim, the pause pledge twice.
    const claims = new Map(bundledClaimSet.claims.map((claim) => [claim.id, claim as Claim]));
    const pause = 'anthropic-rsp-pause-pledge';
    const other = bundledClaimSet.claims.find((claim) => claim.actor.name !== 'Anthropic')!.id;
    const order = [pause, pause, pause, other, pause, pause];
    const pageUrl = 'https://news.example/one-page-many-quotes';
    const sentences = order.map((_, index) => `Quote ${index + 1}: the words this page uses for the claim, a sentence long.`);
    const pageText = sentences.join(' ');
    const quotes: Mention[] = order.map((claimId, index) => {
      const start = pageText.indexOf(sentences[index]!);
      const anchor = makeAnchor(pageText, start, start + sentences[index]!.length);
      const seen = new Date(Date.UTC(2026, 10, 20, 12, 0)).toISOString();
      // The page's own metadata (site, authors, day published): its heading says them, as the exports will cite them.
      const pageCitation = { site: 'News Example', authors: ['Jane van der Berg', 'John Roe'], published: '2026-02-24' };
      return { id: mentionId(pageUrl, claimId, anchor.exact, anchor.prefix, anchor.suffix), pageUrl, pageTitle: 'One page, many quotes', claimId, anchor, firstSeen: seen, lastSeen: seen, pageCitation };
    });
    const options = await openOptions();
    let saved: string | undefined;
    try {
      const replaced = await options.replaceHistory({ name: 'quotes.jsonld', text: JSON.stringify(exportW3c(quotes, claims, { generatedAt: '2026-11-21T00:00:00.000Z' })) });
      saved = replaced.saved;
      expect(replaced.imported.ok, JSON.stringify(replaced.imported)).toBe(true);
      await options.waitForHistoryCount(order.length);
      const page = options.page;
      await page.locator('[data-testid=group-by-page]').check();
      expect(await page.locator('[data-testid=group-heading] [data-testid=page-source]').first().textContent()).toBe('News Example · by Jane van der Berg and John Roe · 24 Feb 2026');
      const rows = page.locator('[data-testid=history-row]');
      const shape = () => rows.evaluateAll((list) => list.map((row) => (row.querySelector('[data-testid=row-claim]') ? 'whole' : row.querySelector('[data-testid=row-same-claim]') ? 'folded' : 'none')));
      expect(await shape(), 'the claim said whole where it differs from the row above').toEqual(['whole', 'folded', 'folded', 'whole', 'whole', 'folded']);
      // A folded claim is one line: its label and "Same claim as above".
      const folded = page.locator('[data-testid=row-same-claim]').first();
      expect((await folded.locator('summary').textContent())?.trim()).toBe('Binding commitment (self-imposed) Same claim as above');
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const [width, height] of [[1280, 900], [360, 740]] as const) {
          await page.emulateMedia({ colorScheme });
          await page.setViewportSize({ width, height });
          const where = `${colorScheme} ${width} px`;
          await rows.first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: resolve(SHOTS, `history-same-claim-${colorScheme}-${width}.png`) });
          const summaryBox = await folded.locator('summary').boundingBox();
          const lineHeight = await folded.locator('summary').evaluate((summary) => parseFloat(getComputedStyle(summary).lineHeight) || 20);
          const wholeBox = await page.locator('[data-testid=row-claim]').first().boundingBox();
          // One line on a wide screen; on a phone its words may go under the label (two short lines, against the statement's ten).
          expect(summaryBox!.height, `${where}: the folded claim's lines`).toBeLessThanOrEqual(lineHeight * (width > 600 ? 1.6 : 2.6));
          expect(summaryBox!.height, `${where}: the folded claim against the whole one`).toBeLessThan(wholeBox!.height / 2);
          // The page's heading, its byline included, wraps within the page: nothing scrolls sideways.
          expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), `${where}: the page's width`).toBeLessThanOrEqual(width);
          // Rows do not overlap one another.
          const boxes = await rows.evaluateAll((list) => list.map((row) => row.getBoundingClientRect()).map(({ top, bottom }) => ({ top, bottom })));
          boxes.slice(1).forEach((box, i) => expect(box.top, `${where}: row ${i + 2} below row ${i + 1}`).toBeGreaterThanOrEqual(boxes[i]!.bottom - 0.5));
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1280, height: 900 });
      await audit(page, 'the history with folded claims');
      // By keyboard: the disclosure is a Tab stop named by its words; Enter opens it on the statement.
      await folded.locator('summary').focus();
      expect(await page.evaluate(() => document.activeElement?.localName)).toBe('summary');
      await page.keyboard.press('Enter');
      expect(await folded.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
      const statement = bundledClaimSet.claims.find((claim) => claim.id === pause)!.statement;
      expect(await folded.locator('.same-claim-statement').textContent()).toContain(statement);
      expect(await folded.locator('.same-claim-statement').isVisible()).toBe(true);
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const [width, height] of [[1280, 900], [360, 740]] as const) {
          await page.emulateMedia({ colorScheme });
          await page.setViewportSize({ width, height });
          await folded.evaluate((details) => details.scrollIntoView({ block: 'center' }));
          await page.screenshot({ path: resolve(SHOTS, `history-same-claim-open-${colorScheme}-${width}.png`) });
        }
      }
    } finally {
      await options.page.emulateMedia({ colorScheme: 'light' }).catch(() => undefined);
      await options.restoreHistory(saved);
      await options.close();
    }
  });

  test('an invalid JSON file and a foreign JSON-LD file are refused with a reason, and the history is unchanged', async () => {
    const options = await openOptions();
    try {
      const count = await options.historyCount();
      expect(count).toBeGreaterThan(0);

      const broken = await options.importAnnotations({ name: 'broken.jsonld', text: '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": ' });
      expect(broken.ok).toBe(false);
      expect(broken.text).toMatch(/not JSON/i);

      // A valid W3C annotation collection, but from another tool: it lacks what Pledge Lens needs to restore mentions.
      const foreign = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'https://annotations.example.org/collection/7',
        type: 'AnnotationCollection',
        label: 'Reading notes from another annotation tool',
        total: 1,
        first: {
          id: 'https://annotations.example.org/collection/7/page/1',
          type: 'AnnotationPage',
          startIndex: 0,
          items: [
            {
              id: 'https://annotations.example.org/anno/1',
              type: 'Annotation',
              body: { type: 'TextualBody', value: 'Worth rereading.', purpose: 'commenting' },
              target: { source: 'https://news.example.org/story', selector: { type: 'TextQuoteSelector', exact: 'a sentence on the page' } },
            },
          ],
        },
      };
      const refused = await options.importAnnotations({ name: 'other-tool.jsonld', text: JSON.stringify(foreign) });
      expect(refused.ok).toBe(false);
      expect(refused.text).toMatch(/pledgeLens|Pledge Lens/);

      await options.reload();
      expect(await options.historyCount()).toBe(count);
    } finally {
      await options.close();
    }
  });
});

describe('Chromium options page: claim packs', () => {
  const PACK_FILE = 'tern-model-cards.json';
  const validPack = claimSetText({ version: '0.1.0', publisher: 'E2E tests', extraClaims: [inventedClaim('tern-model-card-per-release')], onlyExtra: true });

  test('a valid pack file adds a pack row; an invalid one names its problem and adds nothing', async () => {
    const options = await openOptions();
    try {
      const before = await options.packs();
      expect(before.map((p) => p.id)).toContain('bundled');

      const added = await options.importPack({ name: PACK_FILE, text: validPack });
      expect(added.ok, added.text).toBe(true);
      expect(added.text).toContain('1 claim');
      expect(added.text).toContain('0.1.0');
      const after = await options.packs();
      expect(after).toHaveLength(before.length + 1);
      const row = after.find((p) => !before.some((b) => b.id === p.id));
      expect(row).toMatchObject({ version: '0.1.0', enabled: true });
      expect(row!.name).toContain(PACK_FILE);
      // The line is the browser's own translation with the version and date drawn in their slots (control
      // characters used as slot markers once came out as "published ▯ · 1 claim0.1.0 …" in Chromium).
      expect(row!.meta).toMatch(/^Imported file · version 0\.1\.0 · published \d{1,2} [A-Z][a-z]{2} \d{4} · 1 claim$/);
      expect(before.find((p) => p.id === 'bundled')!.meta).toMatch(/^Built in · version \d+\.\d+\.\d+ · published \d{1,2} [A-Z][a-z]{2} \d{4} · \d+ claims$/);

      // The same claim with a plain-http source: the schema allows only https links on cards.
      const claim = inventedClaim('tern-model-card-insecure-source');
      const insecure = { ...claim, sources: [{ url: 'http://example.org/tern', title: 'Insecure link' }] };
      const invalidPack = claimSetText({ version: '0.2.0', publisher: 'E2E tests', extraClaims: [insecure], onlyExtra: true });
      const refused = await options.importPack({ name: 'tern-insecure.json', text: invalidPack });
      expect(refused.ok).toBe(false);
      expect(refused.text).toContain('tern-model-card-insecure-source');
      // The field in words ("source 1, link"), not as a schema path.
      expect(refused.text).toContain('source 1, link');
      expect(refused.text).not.toContain('sources[0]');
      expect(refused.text).toMatch(/https/);
      expect(await options.packs()).toEqual(after);
      await options.reload();
      expect(await options.packs()).toEqual(after);
    } finally {
      await options.close();
    }
  });

  test('switching the bundled pack off removes the highlights after reload; switching it on brings them back', async () => {
    const options = await openOptions();
    const article = await openArticle();
    let popup: PopupPage | undefined;
    // Packs an earlier test added (still on): off first, so the bundled one is the last with claims; back on at the end.
    const others = (await options.packs()).filter((pack) => pack.id !== 'bundled' && pack.enabled).map((pack) => pack.id);
    try {
      await article.waitForHighlights();
      const mentionsBefore = (await article.mentions()).length;
      for (const id of others) await options.setPackEnabled(id, false);

      // The only pack with claims: the page asks first, focus on "Keep it on", and says no claims are in use after.
      await options.setPackEnabled('bundled', false, {
        lastPack: true,
        onWarning: async (warning) => {
          expect(await warning.textContent()).toMatch(/leaves no claims in use: Pledge Lens will highlight nothing/);
          expect(await options.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('last-pack-keep');
          await options.shootSection('claim-set-heading', SHOTS, 'last-pack-warning');
        },
      });
      expect((await options.packs()).find((p) => p.id === 'bundled')?.enabled).toBe(false);
      expect(await options.claimSetVersion()).not.toContain('bundled');
      await options.page.locator('[data-testid=no-claims-warning]').waitFor({ timeout: 5_000 });
      expect(await options.page.locator('[data-testid=claim-set-count]').textContent()).toBe('0');
      await options.shootSection('claim-set-heading', SHOTS, 'no-claims');

      // The popup says so above all else, while the page still lists what it found before.
      popup = await openPopupFor(article);
      await popup.page.locator('[data-testid=no-claims-notice]').waitFor({ timeout: 5_000 });
      expect(await popup.page.locator('[data-testid=no-claims-notice]').textContent()).toMatch(/^No claims are in use: every claim pack is switched off/);
      for (const colorScheme of ['light', 'dark'] as const) {
        await popup.page.emulateMedia({ colorScheme });
        await popup.page.screenshot({ path: resolve(SHOTS, `popup-no-claims-${colorScheme}.png`), fullPage: true });
      }
      await popup.close();

      await article.reload();
      // The popup waits for the page's answer, so an empty list here is the finished scan, not a slow one.
      popup = await openPopupFor(article);
      expect(await popup.claims(), await popup.describe()).toEqual([]);
      expect(await popup.emptyState()).toMatch(/No known claims on this page/);
      expect(await article.highlights()).toEqual([]);
      await popup.close();

      await options.setPackEnabled('bundled', true);
      expect(await options.claimSetVersion()).toContain(`bundled@${bundledClaimSet.version}`);
      await article.reload();
      await article.waitForHighlights();
      await article.page.waitForFunction(
        // One keyboard stop per mention; the mentions themselves are counted from their cards below.
        (count) => document.querySelectorAll('mark.pledge-lens-mark[tabindex="0"]').length >= count,
        mentionsBefore,
        { timeout: 5_000 },
      );
      expect((await article.mentions()).length).toBe(mentionsBefore);
    } finally {
      // Leave the bundled set on for the tests after this one, whatever failed above, and the others as they were.
      if ((await options.packs().catch(() => [])).find((p) => p.id === 'bundled')?.enabled === false) await options.setPackEnabled('bundled', true);
      for (const id of others) await options.setPackEnabled(id, true).catch(() => undefined);
      await popup?.close().catch(() => undefined);
      await options.close();
      await article.close();
    }
  });
});

describe('Chromium options page: claim feed', () => {
  let feed: FeedServer;
  let publisher: FeedSigningKey;
  const FEED_CLAIM = 'tern-model-card-feed-claim';

  /** The text with one byte changed after it was signed (the claim's status, "in-force" → "In-force"). */
  function tamper(text: string): string {
    const at = text.lastIndexOf('"in-force"') + 1;
    return text.slice(0, at) + 'I' + text.slice(at + 1);
  }

  beforeAll(async () => {
    // Ed25519 here (Chromium 137+ verifies it); the Firefox suite pins an ECDSA P-256 key.
    publisher = await readFeedSigningKey((await generateFeedKey('Ed25519')).privatePem);
    const sign = async (text: string) => ({ body: text, signature: await signFeedBytes(publisher, new Uint8Array(Buffer.from(text, 'utf8'))) });
    const broken = '{ "schemaVersion": 2, "version": "2.1.0", "claims": [ ';
    const tampered = claimSetText({ version: '2.2.0', publisher: 'Test feed', extraClaims: [inventedClaim(FEED_CLAIM)] });
    feed = await startFeedServer([
      await sign(claimSetText({ version: '2.0.0', publisher: 'Test feed', extraClaims: [inventedClaim(FEED_CLAIM)] })),
      await sign(broken),
      await sign(claimSetText({ version: '1.5.0', publisher: 'Test feed' })),
      { ...(await sign(tampered)), body: tamper(tampered) },
      { body: claimSetText({ version: '2.3.0', publisher: 'Test feed' }) },
    ]);
  });

  afterAll(async () => {
    await feed?.close();
  });

  test('a plain-http feed URL off this machine is refused, unsigned in its own words, as it is typed and on save', async () => {
    const options = await openOptions();
    try {
      const saved = await options.saveFeedUrl('http://example.com/feed.json', { unsigned: true });
      expect(saved.ok).toBe(false);
      expect(saved.text).toMatch(/^An unsigned claim feed must be an https:\/\/ URL: .*nothing would catch it/);
      const url = options.page.locator('[data-testid=feed-url]');
      expect(await url.getAttribute('aria-invalid')).toBe('true');
      expect(await options.page.locator('[data-testid=feed-url-error]').textContent()).toBe(saved.text);
      await options.shootSection('feed-heading', SHOTS, 'feed-http-unsigned');
      // This computer may serve plain http: no complaint while typing.
      await url.fill('http://127.0.0.1:9/feed.json');
      expect(await options.page.locator('[data-testid=feed-url-error]').count()).toBe(0);
      await options.reload();
      expect((await options.feedStatus()).lastCheck).toBe('Never');
      expect(await options.page.locator('[data-testid=feed-url]').inputValue()).toBe('');
    } finally {
      await options.close();
    }
  });

  test('Update now with a pinned key: a signed newer set is installed under the key; invalid JSON, an older set, a tampered byte and a missing signature are refused and the 2.0.0 pack stays', async () => {
    const options = await openOptions();
    try {
      const unpinned = await options.saveFeedUrl(feed.url);
      expect(unpinned.ok, 'a feed needs a key or an explicit unsigned choice').toBe(false);
      expect(unpinned.text).toMatch(/public key/);

      const saved = await options.saveFeedUrl(feed.url, { publicKey: publisher.publicKey.publicKey });
      expect(saved, 'loopback http is allowed for a local feed').toMatchObject({ ok: true });
      expect(saved.text).toContain(`Ed25519 key ${publisher.publicKey.fingerprint}`);
      expect((await options.feedStatus()).trust).toBe(`Only updates signed by the publisher’s Ed25519 key ${publisher.publicKey.fingerprint}`);

      const first = await options.updateFeedNow();
      expect(feed.requests).toBe(1);
      expect(first).toEqual({ ok: true, text: 'Updated' });
      expect(await options.claimSetVersion()).toContain('2.0.0');
      const feedPack = (await options.packs()).find((p) => p.id === 'feed');
      expect(feedPack, 'the pack is named by the key that signed it').toMatchObject({ name: `Test feed (signed, key ${publisher.publicKey.fingerprint})`, version: '2.0.0', enabled: true });
      const afterFirst = await options.feedStatus();
      expect(afterFirst.lastSuccess).not.toBe('Never');
      expect(afterFirst.lastError).toBe('None');

      const second = await options.updateFeedNow();
      expect(feed.requests).toBe(2);
      expect(second.ok).toBe(false);
      expect(second.text).toMatch(/not valid JSON/);
      const afterSecond = await options.feedStatus();
      expect(afterSecond.lastError).toMatch(/not valid JSON/);
      expect(afterSecond.lastSuccess).toBe(afterFirst.lastSuccess);

      const third = await options.updateFeedNow();
      expect(feed.requests).toBe(3);
      expect(third.ok).toBe(false);
      expect(third.text).toMatch(/1\.5\.0.*not newer.*2\.0\.0/);

      const fourth = await options.updateFeedNow();
      expect(feed.requests).toBe(4);
      expect(fourth.ok).toBe(false);
      expect(fourth.text).toMatch(/signature does not match the key you pinned \(Ed25519 key/);
      expect(fourth.text).toMatch(/last good update .* is still in use/);

      const fifth = await options.updateFeedNow();
      expect(feed.requests).toBe(5);
      expect(fifth.ok).toBe(false);
      expect(fifth.text).toMatch(/The feed is not signed: there is no signature at .*feed\.json\.sig/);
      const afterFifth = await options.feedStatus();
      expect(afterFifth.lastError).toMatch(/not signed/);
      expect(afterFifth.lastSuccess).toBe(afterFirst.lastSuccess);

      await options.reload();
      expect((await options.packs()).find((p) => p.id === 'feed')?.version).toBe('2.0.0');
      expect(await options.claimSetVersion()).toContain('feed@2.0.0');
      expect((await options.feedStatus()).lastError).toMatch(/not signed/);
    } finally {
      await options.close();
    }
  });
});

describe('Chromium options page: sites', () => {
  test('"only on the sites listed" runs on a listed 127.0.0.1 and stays off when only example.org is listed', async () => {
    const options = await openOptions();
    const article = await openArticle();
    let popup: PopupPage | undefined;
    try {
      const listed = await options.saveSites({ mode: 'allow-list', allowed: ['127.0.0.1'] });
      expect(listed).toEqual({ ok: true, text: 'Saved. Open pages follow the new setting now.' });
      // Only the chosen mode's list can be edited; the other says why it is not in use.
      const sites = options.page.locator('[data-testid=sites-section]');
      expect(await sites.locator('[data-testid=allowed-sites]').isEnabled()).toBe(true);
      expect(await sites.locator('[data-testid=disabled-sites]').isDisabled()).toBe(true);
      expect(await sites.locator('[data-testid=disabled-sites-hint]').textContent()).toMatch(/^Not used while Pledge Lens reads only the sites in its list/);
      await options.shootSection('sites-heading', SHOTS, 'sites-allow-list');
      await sites.locator('[data-testid=site-mode-all]').check();
      expect(await sites.locator('[data-testid=allowed-sites]').isDisabled()).toBe(true);
      expect(await sites.locator('[data-testid=allowed-sites-hint]').textContent()).toMatch(/^Not used while Pledge Lens reads every site/);
      await options.shootSection('sites-heading', SHOTS, 'sites-every-site');
      await article.reload();
      await article.waitForHighlights();

      const elsewhere = await options.saveSites({ mode: 'allow-list', allowed: ['example.org'] });
      expect(elsewhere.ok, elsewhere.text).toBe(true);
      await article.reload();
      // Highlights appear well under a second on this page when the site is on (see the test above).
      await expect(article.waitForHighlights(HIGHLIGHT, 2_000)).rejects.toThrow();
      popup = await openPopupFor(article);
      expect(await popup.emptyState(), await popup.describe()).toMatch(/off on this site/i);
      expect(await popup.siteToggle()).toBe(false);
      expect(await article.highlights()).toEqual([]);
    } finally {
      await options.saveSites({ mode: 'all-sites', allowed: [] }).catch(() => undefined);
      await popup?.close().catch(() => undefined);
      await options.close();
      await article.close();
    }
  });
});

describe('Chromium: the daily feed check', () => {
  interface AlarmsGlobal {
    chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number; periodInMinutes?: number } | undefined>; clearAll(): Promise<boolean> } };
    e2eStartMarker?: number;
  }
  const FEED_ALARM = 'claim-feed-update';

  /**
   * Stops the extension's service worker, as Chrome does after 30 s without events, and wakes it
   * with the options page (whose requests start it again). A marker left in the old worker's global
   * scope proves the worker really started afresh.
   */
  async function restartServiceWorker(options: OptionsPage): Promise<void> {
    await browser.worker.evaluate(() => {
      (globalThis as unknown as AlarmsGlobal).e2eStartMarker = 1;
    });
    await stopServiceWorkers(browser.context, options.page);
    await options.reload();
    expect(await browser.worker.evaluate(() => (globalThis as unknown as AlarmsGlobal).e2eStartMarker), 'the service worker did not restart').toBeUndefined();
  }

  const feedAlarm = () => browser.worker.evaluate((name) => (globalThis as unknown as AlarmsGlobal).chrome.alarms.get(name), FEED_ALARM);

  test('a service-worker restart keeps the scheduled feed check instead of moving it to a minute from now', async () => {
    const options = await openOptions();
    try {
      // The file's set-up cleared every alarm; the first start-up after that creates the check afresh.
      await restartServiceWorker(options);
      const scheduled = await feedAlarm();
      expect(scheduled, 'the background schedules a feed check at start-up').toBeDefined();
      expect(scheduled!.periodInMinutes).toBe(24 * 60);

      // MV3 stops an idle worker and starts it for the next event, many times a day; a "daily" check
      // must not be pushed back (or brought forward) each time.
      await new Promise((resolveWait) => setTimeout(resolveWait, 1_500));
      await restartServiceWorker(options);
      const after = await feedAlarm();
      expect(after?.scheduledTime, `the check was rescheduled by ${((after?.scheduledTime ?? 0) - scheduled!.scheduledTime) / 1000} s on a worker restart`).toBe(scheduled!.scheduledTime);
    } finally {
      // Nothing after this test wants a feed fetch a minute from now.
      await browser.worker.evaluate(() => (globalThis as unknown as AlarmsGlobal).chrome.alarms.clearAll()).catch(() => undefined);
      await options.close();
    }
  });
});
