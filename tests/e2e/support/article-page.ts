import type { BrowserContext, Page } from 'playwright-core';
import { cardIsOpen, describeFocus, findMisplacedHighlights, listHighlights, readCard, snapshotCurrentPage, snapshotOriginalPage, type CardInfo, type FocusInfo, type HighlightInfo, type MisplacedHighlight, type PageTextSnapshot } from './dom-probes';

export const HIGHLIGHT = 'mark.pledge-lens-mark';
const CARD_HOST = 'pledge-lens-card';

/** A news page with the content script at work: its highlights, their cards, and keyboard use. */
export class ArticlePage {
  private constructor(readonly page: Page) {}

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

  /** One entry per mention: the keyboard stop (first element) of each painted span. */
  async mentions(): Promise<HighlightInfo[]> {
    const seen = new Set<string>();
    return (await this.highlights()).filter((h) => h.mentionId !== '' && !seen.has(h.mentionId) && seen.add(h.mentionId));
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

  /** The first element of a claim's first mention (its keyboard stop), or a custom selector. */
  private highlightSelector(claimId: string): string {
    return `${HIGHLIGHT}[data-claim-id="${claimId}"][tabindex="0"]`;
  }

  async hoverHighlight(claimId: string): Promise<void> {
    await this.hoverSelector(this.highlightSelector(claimId));
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
      await this.page.keyboard.press('Tab');
      const focus = await this.focus();
      if (focus.isHighlight) return { focus, presses };
    }
    throw new Error(`No highlight received focus after ${maxPresses} Tab presses`);
  }

  async pressEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  card(): Promise<CardInfo | undefined> {
    return this.page.evaluate(readCard);
  }

  async waitForCard(timeout = 5_000): Promise<CardInfo> {
    await this.page.waitForFunction(cardIsOpen, undefined, { timeout });
    const card = await this.card();
    if (!card) throw new Error('The card closed again right after opening');
    return card;
  }

  /** `after` names what should have closed it, for a readable failure. */
  async waitForCardClosed(timeout = 5_000, after = 'waiting'): Promise<void> {
    try {
      await this.page.waitForFunction(() => !document.querySelector('pledge-lens-card')?.shadowRoot?.querySelector<HTMLElement>('section.card')?.checkVisibility(), undefined, { timeout });
    } catch {
      const card = await this.card();
      throw new Error(`The card for ${card?.claimId ?? '?'} is still open ${timeout} ms after ${after}; focus is on <${(await this.focus()).tag}>`);
    }
  }

  /** Types a note into the open card's note editor (an extension page framed in the card) and saves it. */
  async saveNote(text: string): Promise<void> {
    const editor = this.page.frameLocator(`${CARD_HOST} section.card iframe.note-frame`);
    const textarea = editor.locator('textarea');
    await textarea.waitFor({ state: 'visible', timeout: 5_000 });
    // The editor loads the stored note first; typing before that would be overwritten.
    await editor.locator('textarea:not([disabled])').waitFor({ timeout: 5_000 });
    await textarea.fill(text);
    await editor.locator('button[type=submit]', { hasText: 'Save note' }).click();
    await editor.locator('[data-testid=note-status]', { hasText: 'Saved' }).waitFor({ timeout: 5_000 });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
