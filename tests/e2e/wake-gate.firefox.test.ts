/**
 * Issue 16, Deliver 3, in Firefox (MV2 build): a page that names no known actor sends nothing to the
 * background, a page that names a claim is highlighted, and text naming a claim added later opens
 * the gate. The Chromium suite also drives the site switch and the toolbar toggle behind the gate.
 *
 * How the messages are seen: in Firefox a content script's `runtime.sendMessage` reaches the
 * `runtime.onMessage` listeners of every extension page, the background's and an open options tab's
 * alike. The test adds a listener in the options page (an extension page: web pages cannot reach it)
 * that answers nothing and only records each message's type and tab, so the extension is unchanged.
 * "Nothing sent" is read after a message that must come (the popup asks the gated frame to report
 * itself): one frame's messages arrive in order, so one it had sent before would be recorded by then.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FirefoxPopupPage, launchFirefoxWithExtension, openArticleWithTabId, openExtensionPage, type FirefoxArticlePage, type FirefoxWithExtension } from './support/firefox';
import { startStaticServer, type StaticServer } from './support/static-server';
import { EMBED_POST, embeddingPage, NAMING, NAMING_PAGE, NO_NAMES_PAGE } from './support/wake-gate-pages';

const HIGHLIGHT = 'mark.pledge-lens-mark';

/** What the options page's listener saw: each message's type and the tab it came from. */
interface Seen {
  type: string;
  tabId: number | undefined;
}
/** The extension API the options page uses here; declared because page code has no WebExtension typings. */
interface OptionsGlobals {
  browser: {
    runtime: { onMessage: { addListener(listener: (message: unknown, sender: { tab?: { id?: number } }) => undefined): void } };
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  };
  __pledgeLensSeen?: Seen[];
}

let server: StaticServer;
let firefox: FirefoxWithExtension;
let options: Page;

async function waitFor(check: () => Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resume) => setTimeout(resume, 100));
  }
}

beforeAll(async () => {
  server = await startStaticServer();
  firefox = await launchFirefoxWithExtension();
  options = await openExtensionPage(firefox.browser, 'options.html');
  // The gate needs the vocabulary the background publishes once it has compiled the claim set;
  // without it every page asks as before, and this suite would test nothing.
  await waitFor(
    () => options.evaluate(async () => ((await (globalThis as unknown as OptionsGlobals).browser.storage.local.get('claimVocabulary')).claimVocabulary as { format?: number } | undefined)?.format === 1),
    'the vocabulary in storage.local',
  );
  await options.evaluate(() => {
    const scope = globalThis as unknown as OptionsGlobals;
    const seen: Seen[] = (scope.__pledgeLensSeen = []);
    scope.browser.runtime.onMessage.addListener((message, sender) => {
      seen.push({ type: String((message as { type?: unknown } | null)?.type), tabId: sender.tab?.id });
      return undefined;
    });
  });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** The message types one tab's content scripts sent to the extension, in order. */
async function sentBy(tabId: number): Promise<string[]> {
  const seen = await options.evaluate(() => (globalThis as unknown as OptionsGlobals).__pledgeLensSeen);
  // The listener lives as long as the options page: a reloaded page would make "nothing sent" vacuous.
  if (!seen) throw new Error('The listener in the options page is gone: the page was reloaded during the test.');
  return seen.filter((entry) => entry.tabId === tabId).map((entry) => entry.type);
}

let opened = 0;
async function openPage(html: string): Promise<{ article: FirefoxArticlePage; tabId: number }> {
  const url = server.put(`/gate/page-${++opened}.html`, html, 'text/html; charset=utf-8');
  return openArticleWithTabId(firefox.browser, options, url);
}

describe('Firefox: the wake gate', () => {
  test('a page that names a claim is highlighted, and its frame asks the background to match it', async () => {
    const { article, tabId } = await openPage(NAMING_PAGE);
    await article.waitForHighlights(`#claim ${HIGHLIGHT}`);
    // The listener sees what the background is asked: the same observer must see nothing below.
    await waitFor(async () => (await sentBy(tabId)).includes('match-page'), 'the match-page message', 5_000);
    await article.close();
  });

  test("an embedded post that names a claim but not AI is read in a page about AI, and not on its own (report 58)", async () => {
    const embedUrl = server.put(`/gate/embed-${++opened}.html`, EMBED_POST, 'text/html; charset=utf-8');
    const { article: alone, tabId } = await openArticleWithTabId(firefox.browser, options, embedUrl);
    await new Promise((resume) => setTimeout(resume, 2_000));
    expect(await sentBy(tabId), 'messages from the post on its own').toEqual([]);
    await alone.close();
    const { article } = await openPage(embeddingPage(embedUrl));
    await article.waitForHighlights(`#claim ${HIGHLIGHT}`);
    const deadline = Date.now() + 10_000;
    let found = false;
    while (!found && Date.now() < deadline) {
      const frame = article.page.frames().find((candidate) => candidate.url() === embedUrl);
      found = (await frame?.evaluate((selector) => document.querySelector(selector) !== null, `#post ${HIGHLIGHT}`).catch(() => false)) ?? false;
      if (!found) await new Promise((resume) => setTimeout(resume, 200));
    }
    expect(found, 'a highlight in the embedded post').toBe(true);
    await article.close();
  });

  test('a page naming no known actor sends nothing until asked; a named claim added later opens the gate', async () => {
    const { article, tabId } = await openPage(NO_NAMES_PAGE);
    // The content script runs at document idle, reads the vocabulary and looks at the page (a look
    // per second at most): give it far longer than that, so a message it would send has been sent.
    await new Promise((resume) => setTimeout(resume, 2_000));
    expect(await sentBy(tabId), 'messages from a page with no known names').toEqual([]);

    // Asked by the popup, the gated frame says whether its site is on and reports itself, without matching.
    const popup = await FirefoxPopupPage.open(firefox.browser, tabId);
    await waitFor(async () => (await sentBy(tabId)).includes('report-frame'), 'the gated frame\'s report', 5_000);
    const afterPopup = await sentBy(tabId);
    // Its first messages are the two the popup's question costs: nothing came before them.
    expect(afterPopup.slice(0, 2)).toEqual(['get-site-enabled', 'report-frame']);
    expect(afterPopup).not.toContain('match-page');
    const empty = await popup.emptyState();
    expect(empty, await popup.describe()).toBeDefined();
    expect(empty).not.toMatch(/reload/i);
    expect(await article.page.$$eval(HIGHLIGHT, (marks) => marks.length)).toBe(0);
    await popup.close();

    await article.page.evaluate((text) => {
      const paragraph = document.createElement('p');
      paragraph.id = 'late';
      paragraph.textContent = text;
      document.getElementById('story')!.append(paragraph);
    }, NAMING);
    await article.waitForHighlights(`#late ${HIGHLIGHT}`, 10_000);
    expect(await sentBy(tabId)).toContain('match-page');
    await article.close();
  });
});
