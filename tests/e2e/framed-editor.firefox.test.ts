import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { framesBelow, waitForFrame } from './support/bidi-frames';
import { readClosedCardFirefox, waitForClosedCard } from './support/closed-card';
import { FIREFOX_EXTENSION_ORIGIN, FirefoxArticlePage, launchFirefoxWithExtension, openExtensionPage, type FirefoxWithExtension } from './support/firefox';
import {
  FRAMED_EDITOR_ARTICLE,
  READER_NOTE,
  expectRefused,
  frameFromPage,
  listenForFrameMessages,
  readPageView,
  sendFromExtensionDocument,
  storedNote,
  waitForEditorView,
  type DocumentRunner,
} from './support/framed-editor';
import { startStaticServer, type StaticServer } from './support/static-server';

/**
 * Attack report finding 1 in Firefox ESR (MV2 build), the cases of framed-editor.chromium.test.ts
 * (shared through support/framed-editor.ts): a page frames note-editor.html itself with no capability, a
 * made-up one, and the card's own one in another tab; the reader's note and flag must not change; the
 * card's own editor still saves.
 *
 * Firefox serves web-accessible pages at moz-extension://<uuid>/, a random UUID per install that a page
 * cannot compute; but MV2 has no use_dynamic_url, so it is one fixed address per profile, and a page
 * that learns it can frame the editor there. These tests suppose it leaked (the launcher fixes it by a
 * pref) and check that the capability holds on its own. Puppeteer lists a moz-extension frame inside a
 * web page as about:blank and cannot evaluate in it; WebDriver BiDi itself can (support/bidi-frames.ts),
 * so every frame is checked from inside, as in Chromium.
 */

let server: StaticServer;
let firefox: FirefoxWithExtension;
/** The options page, as the reader's own pages ask the background. */
let options: DocumentRunner;
let mentionId: string;
let claimId: string;
/** The card's note frame address (the test's privileged view of the closed root). */
let cardFrameSrc: string;

/** The card's note frame below `page`: the one whose address carries a capability. */
function cardEditor(page: Page): Promise<DocumentRunner> {
  return waitForFrame(firefox.browser, page, (frame) => frame.url.includes('/note-editor.html?') && frame.url.includes('capability='), 'the card’s note editor');
}

/** Contexts of the frames below `page` now, to tell a new frame from old ones. */
async function frameContexts(page: Page): Promise<Set<string>> {
  return new Set((await framesBelow(firefox.browser, page)).map((frame) => frame.context));
}

/** The page's script frames the editor at `address`; resolves to the frame Firefox made (found by BiDi, which sees its real address). */
async function framedByPage(page: Page, address: string): Promise<DocumentRunner> {
  const before = await frameContexts(page);
  // Firefox loads a web-accessible page framed by any page (Chrome would too at its dynamic address).
  expect(await page.evaluate(frameFromPage, address), `the page sees ${address} load`).toBe('load');
  return waitForFrame(firefox.browser, page, (frame) => !before.has(frame.context) && frame.url === address, `the page-made frame at ${address}`);
}

/** Opens the card of the page's first highlight with the pointer. */
async function openFirstCard(article: FirefoxArticlePage): Promise<void> {
  await article.waitForHighlights();
  await article.page.bringToFront();
  await article.hover('mark.pledge-lens-mark[tabindex="0"]');
  await article.waitForCard();
}

beforeAll(async () => {
  server = await startStaticServer();
  firefox = await launchFirefoxWithExtension();
  const optionsPage = await openExtensionPage(firefox.browser, 'options.html');
  // Puppeteer's own argument type (FlattenHandle<A>) is wider than the JSON the shared functions take.
  options = { url: 'options.html', run: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => optionsPage.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R> };
  const article = await FirefoxArticlePage.open(firefox.browser, server.article(FRAMED_EDITOR_ARTICLE));
  await openFirstCard(article);
  const card = await waitForClosedCard(() => readClosedCardFirefox(firefox.browser, article.page), (shown) => shown.noteFrameSrc.includes('capability='), 5_000, 'the card’s note frame address');
  mentionId = card.mentionId;
  claimId = card.claimId;
  cardFrameSrc = card.noteFrameSrc;
  // Left open: its card's capability stays live, so the other-tab case below is refused for the tab alone.
  // The options page edits notes without a capability (a top-level extension page no web page can load).
  expect(await options.run(sendFromExtensionDocument, { type: 'set-note', mentionId, text: READER_NOTE })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('Firefox: a page that frames the note editor itself', () => {
  test('the card frames its editor with a capability the page cannot see', async () => {
    expect(mentionId).not.toBe('');
    expect(new URL(cardFrameSrc).searchParams.get('capability')).toMatch(/^[0-9a-f]{64}$/);
    // No per-session address in MV2: the card's frame is at the install's one fixed address.
    expect(`${new URL(cardFrameSrc).protocol}//${new URL(cardFrameSrc).host}`).toBe(FIREFOX_EXTENSION_ORIGIN);
    const article = await FirefoxArticlePage.open(firefox.browser, `${server.article(FRAMED_EDITOR_ARTICLE)}?see`);
    try {
      await article.page.evaluate(listenForFrameMessages);
      await openFirstCard(article);
      // Loaded: the editor has asked for its note, and said anything it would say to the page.
      await waitForEditorView(await cardEditor(article.page), (view) => view.note !== null, 'the card’s editor with its note');
      // The page's own view: no frame of ours among its frames or in its DOM, no resource entry naming
      // the editor, and no message from our origin (which would name the UUID).
      expect(await article.page.evaluate(readPageView)).toEqual({ frames: 0, iframes: [], resources: [], html: false, foreignMessages: [] });
    } finally {
      await article.close();
    }
  });

  test('with no capability, a made-up one, or the card’s own one in another tab, it can neither read nor change the note or the flag', async () => {
    const page = await firefox.browser.newPage();
    try {
      await page.goto(server.article(FRAMED_EDITOR_ARTICLE), { waitUntil: 'load' });
      const base = `${FIREFOX_EXTENSION_ORIGIN}/note-editor.html?mention=${encodeURIComponent(mentionId)}`;
      await expectRefused(await framedByPage(page, base), options, mentionId, 'no capability');
      await expectRefused(await framedByPage(page, `${base}&capability=${'0'.repeat(64)}`), options, mentionId, 'a made-up capability');
      // The card's capability is live in the tab it was issued to (still open): in this tab it is worth nothing.
      await expectRefused(await framedByPage(page, cardFrameSrc), options, mentionId, 'the card’s capability in another tab');
      // Where Chromium refuses the fixed address (chrome-error://), Firefox serves the editor there, as
      // above; what it refuses is a page of ours that is not web-accessible. The options page edits notes
      // without a capability: framed by a page it fires `error` and its frame stays about:blank.
      const before = await frameContexts(page);
      expect(await page.evaluate(frameFromPage, `${FIREFOX_EXTENSION_ORIGIN}/options.html`)).toBe('error');
      // BiDi may list the page's new frame a moment after the frame's `error` event.
      let made = (await framesBelow(firefox.browser, page)).filter((frame) => !before.has(frame.context));
      for (const deadline = Date.now() + 3_000; made.length === 0 && Date.now() < deadline; ) {
        await new Promise((resume) => setTimeout(resume, 100));
        made = (await framesBelow(firefox.browser, page)).filter((frame) => !before.has(frame.context));
      }
      expect(made.map((frame) => frame.url)).toEqual(['about:blank']);
      expect(await storedNote(options, mentionId)).toEqual({ note: READER_NOTE, flagged: false });
    } finally {
      await page.close();
    }
  });

  test('the card’s own editor still shows and saves the note', async () => {
    // The same address as the first visit: a mention's id depends on it.
    const article = await FirefoxArticlePage.open(firefox.browser, server.article(FRAMED_EDITOR_ARTICLE));
    try {
      await article.waitForHighlights();
      await article.page.bringToFront();
      await article.hoverMark(await article.highlightOf(claimId));
      expect((await article.waitForCard()).mentionId).toBe(mentionId);
      const editor = await cardEditor(article.page);
      await waitForEditorView(editor, (view) => view.note === READER_NOTE, 'the reader’s note in the card’s editor');
      // The reader's keys: focus is put in the frame from inside (BiDi), the keys are real key presses.
      await editor.run(() => {
        const box = document.querySelector('textarea');
        box?.focus();
        box?.select();
      }, undefined);
      await article.page.keyboard.type('edited in the card');
      await editor.run(() => document.querySelector<HTMLButtonElement>('button[type=submit]')?.focus(), undefined);
      await article.page.keyboard.press('Enter');
      await waitForEditorView(editor, (view) => view.status.includes('Saved'), 'Saved');
      await editor.run(() => document.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus(), undefined);
      await article.page.keyboard.press(' ');
      await waitForEditorView(editor, (view) => view.status.includes('Marked as a wrong match'), 'Marked as a wrong match');
      expect(await storedNote(options, mentionId)).toEqual({ note: 'edited in the card', flagged: true });
    } finally {
      await article.close();
    }
  });
});
