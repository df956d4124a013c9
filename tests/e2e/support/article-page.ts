import type { BrowserContext, Frame, Page } from 'playwright-core';
import { inCardRootChromium, type CardProbe } from './closed-card';
import type { PageFunction } from './dynamic-driver';
import { cardIsOpen, describeFocus, findMisplacedHighlights, listHighlights, readCard, snapshotCurrentPage, snapshotOriginalPage, type CardInfo, type FocusInfo, type HighlightInfo, type MisplacedHighlight, type PageTextSnapshot } from './dom-probes';
import { pressAcknowledged } from './driven-page';
import { highlightOf, identifyHighlights, withIdentities, type HighlightDriver, type IdentifiedHighlight } from './highlight-identity';

export const HIGHLIGHT = 'mark.pledge-lens-mark';

/** A news page with the content script at work: its highlights, their cards, and keyboard use. */
/**
 * The open card's note editor: an extension page framed inside the card's closed root. The test's
 * frame tree includes it (a page's script cannot reach it). Throws, listing the page's frames, when
 * none appears within `timeout` ms.
 */
export async function noteEditorFrame(page: Page, timeout = 5_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const editor = page.frames().find((frame) => !frame.isDetached() && frame.url().includes('/note-editor.html'));
    if (editor) return editor;
    if (Date.now() > deadline) throw new Error(`The open card has no note editor frame; frames: ${page.frames().map((frame) => frame.url()).join(', ')}`);
    await new Promise((resume) => setTimeout(resume, 100));
  }
}

/**
 * Types `text` into the open card's note editor and saves it. Resolves once the editor says exactly
 * "Saved" (the store confirmed) with the typed text still in its box; throws with the editor's own
 * words when it says anything else ("Not saved: …" contains "saved", so a substring wait would take a
 * failure for success), or with the box's text when that is not what was typed.
 */
export async function saveNoteIn(editor: Frame, text: string): Promise<void> {
  const textarea = editor.locator('textarea');
  await textarea.waitFor({ state: 'visible', timeout: 5_000 });
  // The editor loads the stored note first; typing before that would be overwritten.
  await editor.locator('textarea:not([disabled])').waitFor({ timeout: 5_000 });
  await textarea.fill(text);
  await editor.locator('button[type=submit]', { hasText: 'Save note' }).click();
  const status = editor.getByTestId('note-status');
  const deadline = Date.now() + 5_000;
  let said = '';
  while (Date.now() < deadline) {
    said = ((await status.textContent()) ?? '').trim();
    if (said !== '' && said !== 'Saving…') break;
    await new Promise((resume) => setTimeout(resume, 50));
  }
  if (said !== 'Saved') throw new Error(`The note editor did not save the note; it says: "${said}"`);
  // "Saved" says the store took the draft; the draft must still be what was typed (a late reload of the stored note once wiped it).
  const kept = await textarea.inputValue();
  if (kept !== text) throw new Error(`The note editor saved "${kept}", not the typed "${text}"`);
}

export class ArticlePage implements HighlightDriver {
  private constructor(readonly page: Page) {}

  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  /** Runs `probe` with the card's closed shadow root, through the DevTools protocol (closed-card.ts). */
  inCard<R>(probe: CardProbe<R>): Promise<R> {
    return inCardRootChromium(this.page, probe);
  }

  mouseMove(x: number, y: number): Promise<void> {
    return this.page.mouse.move(x, y);
  }

  /** A key press, bounded as pressAcknowledged says: a key whose frame the card removed while handling it may never be acknowledged. */
  async press(key: string): Promise<void> {
    await pressAcknowledged(this.page, key);
  }

  static async open(context: BrowserContext, url: string): Promise<ArticlePage> {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return new ArticlePage(page);
  }

  get url(): string {
    return this.page.url();
  }

  /** Waits until at least one highlight matching `selector` is painted. */
  async waitForHighlights(selector = HIGHLIGHT, timeout = 15_000): Promise<void> {
    await this.page.waitForSelector(selector, { state: 'attached', timeout });
  }

  async waitForNoHighlights(timeout = 10_000): Promise<void> {
    await this.page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, HIGHLIGHT, { timeout });
  }

  highlights(): Promise<HighlightInfo[]> {
    return this.page.evaluate(listHighlights);
  }

  /** Every highlight element with its claim and mention, read from the card each opens (real focus on keyboard stops, the real pointer on the rest). */
  async identifiedHighlights(): Promise<IdentifiedHighlight[]> {
    const identities = await identifyHighlights(this, { all: true });
    return withIdentities(await this.highlights(), identities);
  }

  /** One entry per mention: the keyboard stop (first element) of each painted span, identified by real focus. */
  async mentions(): Promise<IdentifiedHighlight[]> {
    const identities = await identifyHighlights(this);
    const seen = new Set<string>();
    return withIdentities(await this.highlights(), identities).filter((h, index) => identities.some((identity) => identity.index === index) && h.mentionId !== '' && !seen.has(h.mentionId) && seen.add(h.mentionId));
  }

  misplacedHighlights(): Promise<MisplacedHighlight[]> {
    return this.page.evaluate(findMisplacedHighlights);
  }

  originalSnapshot(): Promise<PageTextSnapshot> {
    return this.page.evaluate(snapshotOriginalPage);
  }

  currentSnapshot(): Promise<PageTextSnapshot> {
    return this.page.evaluate(snapshotCurrentPage);
  }

  focus(): Promise<FocusInfo> {
    return this.page.evaluate(describeFocus);
  }

  /** Waits for a highlight of the claim and returns the index of its first mention's keyboard stop (highlight-identity.ts). */
  async highlightOf(claimId: string, timeout = 15_000): Promise<number> {
    await this.waitForHighlights(HIGHLIGHT, timeout);
    return (await highlightOf(this, claimId, timeout)).index;
  }

  /** The highlight element at `index` among the page's marks (as `highlights()` lists them). */
  markAt(index: number) {
    return this.page.locator(HIGHLIGHT).nth(index);
  }

  /** Hovers the keyboard stop of the claim's first mention, found by its card. */
  async hoverHighlight(claimId: string): Promise<void> {
    const index = await this.highlightOf(claimId);
    await this.page.mouse.move(1, 1);
    await this.markAt(index).hover();
  }

  async hoverSelector(selector: string): Promise<void> {
    // Start from a neutral spot so the move onto the target fires a fresh mouseover.
    await this.page.mouse.move(1, 1);
    await this.page.locator(selector).first().hover();
  }

  async focusSelector(selector: string): Promise<void> {
    await this.page.locator(selector).first().focus();
  }

  /**
   * Presses Tab from the top of the page until focus lands on a highlight, as a keyboard user would.
   * Returns what got focus, or throws after `maxPresses`.
   */
  async tabToFirstHighlight(maxPresses = 60): Promise<{ focus: FocusInfo; presses: number }> {
    await this.page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    for (let presses = 1; presses <= maxPresses; presses++) {
      await this.press('Tab');
      const focus = await this.focus();
      if (focus.isHighlight) return { focus, presses };
    }
    throw new Error(`No highlight received focus after ${maxPresses} Tab presses`);
  }

  async pressEscape(): Promise<void> {
    await this.press('Escape');
  }

  /** The open card, read through the browser's privileged view of its closed root; undefined when none shows. */
  async card(): Promise<CardInfo | undefined> {
    return (await this.inCard(readCard)) ?? undefined;
  }

  private async pollCard(open: boolean, timeout: number): Promise<boolean> {
    const deadline = Date.now() + timeout;
    for (;;) {
      if ((await this.inCard(cardIsOpen)) === open) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resume) => setTimeout(resume, 100));
    }
  }

  async waitForCard(timeout = 5_000): Promise<CardInfo> {
    if (!(await this.pollCard(true, timeout))) throw new Error(`No card opened within ${timeout} ms; focus is on <${(await this.focus()).tag}>`);
    const card = await this.card();
    if (!card) throw new Error('The card closed again right after opening');
    return card;
  }

  /** `after` names what should have closed it, for a readable failure. */
  async waitForCardClosed(timeout = 5_000, after = 'waiting'): Promise<void> {
    if (await this.pollCard(false, timeout)) return;
    const card = await this.card();
    throw new Error(`The card for ${card?.claimId ?? '?'} is still open ${timeout} ms after ${after}; focus is on <${(await this.focus()).tag}>`);
  }

  /**
   * Waits until the open card's note editor has drawn its form and loaded the stored note (its textarea
   * enabled): a screenshot taken sooner shows the card with an empty frame where the editor goes.
   */
  async waitForNoteEditorDrawn(timeout = 5_000): Promise<void> {
    const editor = await noteEditorFrame(this.page, timeout);
    await editor.locator('textarea:not([disabled])').waitFor({ state: 'visible', timeout });
  }

  /** Types a note into the open card's note editor (an extension page framed in the card) and saves it. */
  async saveNote(text: string): Promise<void> {
    await saveNoteIn(await noteEditorFrame(this.page), text);
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
