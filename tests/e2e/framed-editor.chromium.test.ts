import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ArticlePage, noteEditorFrame } from './support/article-page';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { readClosedCardChromium } from './support/closed-card';
import {
  FRAMED_EDITOR_ARTICLE,
  READER_NOTE,
  expectRefused,
  frameFromPage,
  listenForFrameMessages,
  readPageView,
  sendFromExtensionDocument,
  storedNote,
  type DocumentRunner,
  type StoredNote,
} from './support/framed-editor';
import { startStaticServer, type StaticServer } from './support/static-server';

/**
 * Attack report finding 1: `note-editor.html` is web-accessible (the card frames it), so a page could
 * frame it itself, invisibly, for a mention id it computed, and clickjack the reader into flagging the
 * mention "Wrong match" or replacing its note. The editor now acts only with a capability the background
 * issued to the card's tab for that mention (lib/background/note-capabilities.ts). These tests play the
 * page: it frames the editor itself (with no capability, a made-up one, and the card's own one in another
 * tab), and the reader's note and flag must not change; the card's own editor still saves. The cases and
 * checks are shared with framed-editor.firefox.test.ts (support/framed-editor.ts).
 */

let server: StaticServer;
let browser: ChromiumWithExtension;
/** An extension page (options), as the reader's own pages ask the background. */
let options: DocumentRunner;
/** The mention whose card the reader opened, and the card's note frame address (the test's privileged view). */
let mentionId: string;
let claimId: string;
let cardFrameSrc: string;

function runnerFor(context: Page | Frame): DocumentRunner {
  // Playwright's own argument type (Unboxed<A>) is wider than the JSON the shared functions take.
  return { url: context.url(), run: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => context.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) };
}

function stored(): Promise<StoredNote> {
  return storedNote(options, mentionId);
}

/**
 * The page's own script frames `src` over its content (support/framed-editor.ts); resolves to the
 * frame the browser made, loaded (at chrome-error:// when the browser refused to load the address).
 */
async function framedByPage(page: Page, src: string): Promise<Frame> {
  const before = new Set(page.frames());
  await page.evaluate(frameFromPage, src);
  const deadline = Date.now() + 5_000;
  for (;;) {
    const made = page.frames().find((frame) => !before.has(frame) && frame.url() !== '' && frame.url() !== 'about:blank');
    if (made) {
      await made.waitForLoadState('load');
      return made;
    }
    if (Date.now() > deadline) throw new Error(`The page-made note editor frame never appeared; frames: ${page.frames().map((frame) => frame.url()).join(', ')}`);
    await new Promise((resume) => setTimeout(resume, 100));
  }
}

/** The page-made frame must refuse, as shared with Firefox (support/framed-editor.ts). */
async function expectFrameRefused(editor: Frame, where: string): Promise<void> {
  await expectRefused(runnerFor(editor), options, mentionId, where);
}

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchChromiumWithExtension();
  const optionsPage = await browser.context.newPage();
  await optionsPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
  options = runnerFor(optionsPage);
  const article = await ArticlePage.open(browser.context, server.article(FRAMED_EDITOR_ARTICLE));
  await article.waitForHighlights();
  await article.tabToFirstHighlight();
  const card = await article.waitForCard();
  mentionId = card.mentionId;
  claimId = card.claimId;
  cardFrameSrc = (await readClosedCardChromium(article.page)).noteFrameSrc;
  // Left open: its card's capability stays live, so the other-tab case below is refused for the tab alone.
  // The options page edits notes without a capability (a top-level extension page no web page can load).
  expect(await options.run(sendFromExtensionDocument, { type: 'set-note', mentionId, text: READER_NOTE })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Chromium: a page that frames the note editor itself', () => {
  test('the card frames its editor with a capability the page cannot see', async () => {
    expect(mentionId).not.toBe('');
    expect(new URL(cardFrameSrc).searchParams.get('capability')).toMatch(/^[0-9a-f]{64}$/);
    // use_dynamic_url (wxt.config.ts): the card's frame is at a per-session address, not the extension id's.
    expect(new URL(cardFrameSrc).host).not.toBe(browser.extensionId);
    const article = await ArticlePage.open(browser.context, `${server.article(FRAMED_EDITOR_ARTICLE)}?see`);
    try {
      await article.page.evaluate(listenForFrameMessages);
      await article.waitForHighlights();
      await article.tabToFirstHighlight();
      await article.waitForCard();
      await noteEditorFrame(article.page);
      // The page's own view: no frame of ours in its DOM or its frames, no resource entry naming the editor,
      // no message from our origin.
      expect(await article.page.evaluate(readPageView)).toEqual({ frames: 0, iframes: [], resources: [], html: false, foreignMessages: [] });
    } finally {
      await article.close();
    }
  });

  test('with no capability, a made-up one, or the card’s own one in another tab, it can neither read nor change the note or the flag', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.article(FRAMED_EDITOR_ARTICLE), { waitUntil: 'load' });
      // A page cannot know the per-session address (use_dynamic_url); suppose it leaked: the capability still holds.
      // (URL.origin is "null" for chrome-extension: addresses in Node, hence protocol and host.)
      const { protocol, host } = new URL(cardFrameSrc);
      const base = `${protocol}//${host}/note-editor.html?mention=${encodeURIComponent(mentionId)}`;
      await expectFrameRefused(await framedByPage(page, base), 'no capability');
      await expectFrameRefused(await framedByPage(page, `${base}&capability=${'0'.repeat(64)}`), 'a made-up capability');
      // The card's capability is live in the tab it was issued to (still open): in this tab it is worth nothing.
      await expectFrameRefused(await framedByPage(page, cardFrameSrc), 'the card’s capability in another tab');
      // The address a page can compute (the extension's id) is not loaded at all.
      const fixed = await framedByPage(page, `chrome-extension://${browser.extensionId}/note-editor.html?mention=${encodeURIComponent(mentionId)}`);
      expect(fixed.url()).toMatch(/^chrome-error:/);
      expect(await stored()).toEqual({ note: READER_NOTE, flagged: false });
    } finally {
      await page.close();
    }
  });

  test('the card’s own editor still shows and saves the note', async () => {
    // The same address as the first visit: a mention's id depends on it.
    const article = await ArticlePage.open(browser.context, server.article(FRAMED_EDITOR_ARTICLE));
    try {
      await article.waitForHighlights();
      // The pointer, as the attack tests do: focus on a highlight that moves straight into the frame closes the card.
      await article.hoverHighlight(claimId);
      expect((await article.waitForCard()).mentionId).toBe(mentionId);
      const editor = await noteEditorFrame(article.page);
      await editor.locator('textarea:not([disabled])').waitFor({ timeout: 5_000 });
      expect(await editor.locator('textarea').inputValue()).toBe(READER_NOTE);
      await article.saveNote('edited in the card');
      // By keyboard: in the card's short frame the editor's actions row lies over the checkbox for a pointer.
      await editor.locator('input[type=checkbox]').press('Space');
      await editor.locator('[data-testid=note-status]', { hasText: 'Marked as a wrong match' }).waitFor({ timeout: 5_000 });
      expect(await stored()).toEqual({ note: 'edited in the card', flagged: true });
    } finally {
      await article.close();
    }
  });
});
