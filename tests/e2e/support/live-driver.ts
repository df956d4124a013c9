/**
 * The driver for issue 13's "live sites" tests: the dynamic-page driver (PageDriver, one interface
 * over Playwright in Chromium and Puppeteer over WebDriver BiDi in Firefox) plus what those pages
 * need: child frames, print media, colour scheme, browser zoom, viewport size, screenshots, the
 * clipboard, errors thrown in the content script, and the popup.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CardProbe, FramePath } from './closed-card';
import type { PageDriver, PageFunction, TabStateView } from './dynamic-driver';
import { TEST_PAGES_DIR } from './paths';
import type { StaticServer } from './static-server';

export type ColorScheme = 'light' | 'dark';

/** What a copy put on the clipboard, as the page's own `copy` listener (after ours) and, where readable, the system clipboard saw it. */
export interface CopiedData {
  /** The flavours as set on the event's DataTransfer (empty when the browser's own serialisation was left to run). */
  eventPlain: string;
  eventHtml: string;
  defaultPrevented: boolean;
  /** The system clipboard after the copy, where the test can read it (Chromium); undefined elsewhere. */
  clipboardPlain?: string;
  clipboardHtml?: string;
}

export interface LivePage extends PageDriver {
  readonly url: string;
  /** Runs `fn(arg)` in the frame shown by the first `<iframe>` matching `iframeSelector` (or, for a path, each selector in the frame the one before shows). */
  runInFrame<A, R>(iframeSelector: string | FramePath, fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** Like `inCard`, for the card of the frame at `path` (`<iframe>` selectors from the top document, closed-card.ts). */
  inCardInFrame<R>(path: FramePath, probe: CardProbe<R>): Promise<R>;
  /** Renders the page for print media (as printing does) or for the screen again. */
  printMedia(on: boolean): Promise<void>;
  colorScheme(scheme: ColorScheme): Promise<void>;
  /** The browser's own zoom (Ctrl +), e.g. 2 for 200%. */
  browserZoom(factor: number): Promise<void>;
  viewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Presses the copy shortcut on the current selection and reports what was copied. */
  copy(): Promise<CopiedData>;
  /** Uncaught exceptions thrown by the extension's content script in this page, where the browser reports them. */
  readonly contentScriptErrors: readonly string[];
}

export interface LivePopup {
  /** The site the popup's switch names ("Highlight on <host>"), or '' when it shows none. */
  host(): Promise<string>;
  claimIds(): Promise<string[]>;
  siteToggle(): Promise<boolean | undefined>;
  setSiteToggle(on: boolean): Promise<void>;
  describe(): Promise<string>;
  /** The text of the popup's element with this `data-testid`, or undefined when it shows none. */
  textOf(testId: string): Promise<string | undefined>;
  /** Saves a picture of the whole popup as it is. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** What a test reads of a stored mention (lib/annotations/schema.ts). */
export interface HistoryMention {
  claimId: string;
  pageUrl: string;
  pageTitle: string;
  frameUrl?: string;
}

export interface LiveBrowser {
  readonly name: 'Chromium' | 'Firefox';
  open(url: string): Promise<LivePage>;
  /** The page's tab as the popup sees it (`get-tab-state`), once no frame is scanning. */
  tabState(page: LivePage): Promise<TabStateView>;
  /** The reader's history as the options page lists it (`list-mentions`), once the background's writes are done. */
  history(): Promise<HistoryMention[]>;
  /** The toolbar popup, opened for the page's tab. */
  popup(page: LivePage): Promise<LivePopup>;
  /** Serves `http://<host>:<port>/…` from the test server on 127.0.0.1 (no name is ever looked up). */
  mapHost(host: string, server: StaticServer): Promise<void>;
  /** Whether LivePage.printMedia works here (Firefox ESR 140 has no way to emulate print media for a test). */
  emulatesPrintMedia(): Promise<boolean>;
  close(): Promise<void>;
}

/** Copy listener installed in the page's main world, after ours (bubble phase on window): it records what the copy carries. */
export function recordNextCopy(): void {
  const record = (event: ClipboardEvent): void => {
    (window as unknown as { __copied: CopiedData }).__copied = {
      eventPlain: event.clipboardData?.getData('text/plain') ?? '',
      eventHtml: event.clipboardData?.getData('text/html') ?? '',
      defaultPrevented: event.defaultPrevented,
    };
  };
  window.addEventListener('copy', record, { once: true });
}

export function readRecordedCopy(): CopiedData | null {
  return (window as unknown as { __copied?: CopiedData }).__copied ?? null;
}

const SERVE_HEADER = /^serve-header:\s*Content-Type:\s*(.+)$/im;

/**
 * Publishes a shared test page whose comment header asks for another content type
 * ("serve-header: Content-Type: text/plain"), at its usual URL; returns that URL.
 */
export async function publishLivePage(server: StaticServer, name: string): Promise<string> {
  const body = await readFile(resolve(TEST_PAGES_DIR, 'live', name), 'utf8');
  const type = SERVE_HEADER.exec(body)?.[1]?.trim();
  return type ? server.put(`/pages/live/${name}`, body, type) : `${server.origin}/pages/live/${name}`;
}
