/**
 * One small driver interface over Playwright (Chromium) and Puppeteer over WebDriver BiDi (Firefox),
 * so the dynamic-page tests are written once and run unchanged in both browsers.
 */
import type { CardProbe } from './closed-card';

/** A function run inside the page: self-contained (it is serialised), taking one JSON-able argument. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface PageDriver {
  /** Runs `fn(arg)` in the page's main world and returns its JSON-able result. */
  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** Polls `fn(arg)` in the page every 50 ms until it is truthy; rejects after `timeoutMs`. */
  waitFor<A>(fn: PageFunction<A, unknown>, arg: A, timeoutMs: number): Promise<void>;
  /**
   * Runs `probe` in the page with the card's closed shadow root (null without a card host), through
   * the browser's privileged view, which no page has (closed-card.ts).
   */
  inCard<R>(probe: CardProbe<R>): Promise<R>;
  mouseMove(x: number, y: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Makes this tab the active one, as a user switching to it would. */
  bringToFront(): Promise<void>;
  /** Uncaught exceptions and console errors the page reported since it opened. */
  readonly errors: readonly string[];
  close(): Promise<void>;
}

/** What the background says about a tab (`get-tab-state`), as the popup reads it: every frame's findings. */
export interface TabStateView {
  topUrl?: string;
  enabled: boolean;
  scanning: boolean;
  claims: { claimId: string; mentions: number; frameId: number; hiddenByPage?: true }[];
  /** Some frame's text was cut at the scan's bounds. */
  partlyRead?: true;
  /** Some frame's page draws its own words into the highlights. */
  cardsRefused?: true;
}

export interface DynamicBrowser {
  readonly name: 'Chromium' | 'Firefox';
  open(url: string): Promise<PageDriver>;
  /**
   * Sends a content request to the page's tab from an extension context (Chromium: the service
   * worker; Firefox: an extension page), exactly as the keyboard command does.
   */
  sendToTab(page: PageDriver, message: { type: 'toggle-highlighting' }): Promise<unknown>;
  /** The page's tab as the popup sees it, asked of the background from an extension page once no frame is scanning. */
  tabState(page: PageDriver): Promise<TabStateView>;
  close(): Promise<void>;
}

/** Rejects with a readable message (what was awaited, and a page-side diagnosis) when `waitFor` times out. */
export async function waitOrExplain<A>(page: PageDriver, what: string, fn: PageFunction<A, unknown>, arg: A, timeoutMs: number, explain?: () => Promise<unknown>): Promise<void> {
  try {
    await page.waitFor(fn, arg, timeoutMs);
  } catch (error) {
    const detail = explain ? ` Page state: ${JSON.stringify(await explain().catch((e: unknown) => String(e)))}` : '';
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${detail} (${String(error).split('\n')[0]})`);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `read` every 100 ms until `done` holds for its value, which it returns; rejects with the last value after `timeoutMs`. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(value)}`);
    await sleep(100);
    value = await read();
  }
  return value;
}

/** Polls the privileged `probe` of the card (see `inCard`) every 50 ms until it is truthy; rejects with what it last saw after `timeoutMs`. */
export async function waitForCardState(page: PageDriver, what: string, probe: CardProbe<unknown>, timeoutMs: number, explain?: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.inCard(probe))) {
    if (Date.now() > deadline) {
      const detail = explain ? ` State: ${JSON.stringify(await explain().catch((e: unknown) => String(e)))}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${detail}`);
    }
    await sleep(50);
  }
}

/** Polls `ask` until the tab has reported and no frame is still scanning (frames report after each scan). */
export async function settledTabState(ask: () => Promise<unknown>, timeoutMs = 3_000): Promise<TabStateView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = (await ask()) as { ok: boolean; error?: string; tab?: TabStateView };
    if (!answer.ok || !answer.tab) throw new Error(`get-tab-state refused: ${answer.error ?? 'no tab'}`);
    if ((answer.tab.topUrl && !answer.tab.scanning) || Date.now() > deadline) return answer.tab;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
