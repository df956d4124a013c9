/**
 * What every page object over one automation library shares, whichever suite drives it (the dynamic
 * pages' PageDriver, the live sites' LivePage): the page's own errors, collected from the moment the
 * object exists, and real input (pointer, keyboard) through the library.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { StepDeadlineError, withinDeadline } from './step-deadline';

/** How long a key press may wait for the browser's acknowledgement, ms (normally a few ms; 1-2 s on a loaded machine). */
const KEY_ACK_DEADLINE_MS = 5_000;

/**
 * Presses `key` (a `KeyboardEvent.key` name, `Control+C`) in a Chromium page, bounded: true when the
 * browser acknowledged it, false when it never did within KEY_ACK_DEADLINE_MS (see
 * PlaywrightDrivenPage.press), in which case the key and its modifiers are released and the run's log
 * says so. Errors: any other failure of the press.
 */
export async function pressAcknowledged(page: PlaywrightPage, key: string): Promise<boolean> {
  try {
    await withinDeadline(`keyboard.press(${key})`, page.keyboard.press(key), KEY_ACK_DEADLINE_MS);
    return true;
  } catch (error) {
    if (!(error instanceof StepDeadlineError)) throw error;
    console.warn(`[Chromium] ${key} was never acknowledged (its frame was removed while handling it?); going on from the page's state`);
    // The press is down-then-up and its down never returned: release the key and its modifiers so the next press is a fresh one.
    for (const part of key.split('+').reverse()) {
      await withinDeadline(`keyboard.up(${part})`, page.keyboard.up(part), KEY_ACK_DEADLINE_MS).catch(() => undefined);
    }
    return false;
  }
}

/** A Chromium page driven by playwright-core. */
export abstract class PlaywrightDrivenPage {
  /** The page's uncaught errors and `console.error` lines, in order. */
  readonly errors: string[] = [];

  constructor(readonly page: PlaywrightPage) {
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console.error: ${message.text()}`);
    });
  }

  /** Moves the real pointer to (x, y), CSS pixels of the viewport. */
  mouseMove(x: number, y: number): Promise<void> {
    return this.page.mouse.move(x, y);
  }

  mouseClick(x: number, y: number): Promise<void> {
    return this.page.mouse.click(x, y);
  }

  /** Keys the browser never acknowledged (see press), in order; the run's log names each one too. */
  readonly unacknowledgedKeys: string[] = [];

  /**
   * A key by its `KeyboardEvent.key` name, e.g. `Tab`, `Enter`, `Control+C`.
   *
   * Chromium answers a key press once the focused frame's renderer acknowledges it. Tab from the last
   * control of the card's note frame (another process) moves focus out, the card closes and removes
   * that frame, and now and then the acknowledgement dies with it: the press never resolves although
   * the key was delivered (seen once in about 10 runs on a loaded 2-core machine). So a press that gets
   * no answer within KEY_ACK_DEADLINE_MS is recorded and released, and what the key did is left to the
   * test's next assertions, which fail if it did nothing.
   */
  async press(key: string): Promise<void> {
    if (!(await pressAcknowledged(this.page, key))) this.unacknowledgedKeys.push(key);
  }

  type(text: string): Promise<void> {
    return withinDeadline(`keyboard.type(${text.length} characters)`, this.page.keyboard.type(text));
  }

  bringToFront(): Promise<void> {
    return withinDeadline('bringToFront', this.page.bringToFront());
  }

  close(): Promise<void> {
    return withinDeadline('page.close', this.page.close());
  }
}

/** A Firefox page driven by puppeteer-core over WebDriver BiDi. */
export abstract class PuppeteerDrivenPage {
  /** The page's uncaught errors and `console.error` lines, in order. */
  readonly errors: string[] = [];

  constructor(readonly page: PuppeteerPage) {
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console.error: ${message.text()}`);
    });
  }

  /** Moves the real pointer to (x, y), CSS pixels of the viewport. */
  mouseMove(x: number, y: number): Promise<void> {
    return this.page.mouse.move(x, y);
  }

  mouseClick(x: number, y: number): Promise<void> {
    return this.page.mouse.click(x, y);
  }

  /** A key by its `KeyboardEvent.key` name, e.g. `Tab`, `Enter`, with modifiers as Playwright writes them (`Shift+Tab`). */
  async press(chord: string): Promise<void> {
    type Key = Parameters<PuppeteerPage['keyboard']['press']>[0];
    const keys = chord.split('+') as Key[];
    const key = keys.pop()!;
    for (const modifier of keys) await this.page.keyboard.down(modifier);
    try {
      await this.page.keyboard.press(key);
    } finally {
      for (const modifier of keys.reverse()) await this.page.keyboard.up(modifier);
    }
  }

  type(text: string): Promise<void> {
    return this.page.keyboard.type(text);
  }

  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
