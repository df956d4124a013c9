/**
 * What every page object over one automation library shares, whichever suite drives it (the dynamic
 * pages' PageDriver, the live sites' LivePage): the page's own errors, collected from the moment the
 * object exists, and real input (pointer, keyboard) through the library.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { withinDeadline } from './step-deadline';

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

  /**
   * A key by its `KeyboardEvent.key` name, e.g. `Tab`, `Enter`, `Control+C`. Bounded: the press
   * resolves when the focused frame's renderer acknowledges the key, and a frame that never does
   * fails the step by name instead of holding the test until its timeout.
   */
  press(key: string): Promise<void> {
    return withinDeadline(`keyboard.press(${key})`, this.page.keyboard.press(key));
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
