/**
 * A BackgroundService on fake IndexedDB with a recording browser port: tests send requests as a
 * content script in a given tab and frame, or as an extension page, exactly as the browser would route them.
 */
import { readFileSync } from 'node:fs';
import type { BackgroundOptions } from '../../../lib/background/background-service';
import type { ClaimSet } from '../../../lib/claims/schema';
import { BackgroundService } from '../../../lib/background/background-service';
import type { BrowserPort, ToolbarBadge } from '../../../lib/background/context';
import type { ClaimVocabulary } from '../../../lib/prefilter/claim-vocabulary';
import type { BackgroundToContentRequest } from '../../../lib/messages/background-to-content';
import type { ContentToBackground } from '../../../lib/messages/content-to-background';
import type { ExtensionPageToBackground } from '../../../lib/messages/extension-page-to-background';
import type { Result, Sender } from '../../../lib/messages/message-map';
import type { SenderFacts } from '../../../lib/messages/sender-role';
import { openPledgeLensDb, type PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { BUNDLED_CLAIM_SET_PATH } from '../../support/claim-sets';
import { installFakeIndexedDb } from './store/fake-idb';

export const EXTENSION_ID = 'pledge-lens-test-id';
export const EXTENSION_ORIGIN = 'chrome-extension://pledge-lens-test-id/';

export interface SentToContent {
  tabId: number;
  frameId: number | undefined;
  request: BackgroundToContentRequest;
}

export class RecordingPort implements BrowserPort {
  readonly sent: SentToContent[] = [];
  readonly badges = new Map<number, string>();
  /** The toolbar button's title per tab, as last set. */
  readonly titles = new Map<number, string>();
  /** What a content script answers; tests replace it. */
  answer: (sent: SentToContent) => unknown = () => ({ ok: true, found: true, enabled: true });

  sendToContent(tabId: number, request: BackgroundToContentRequest, frameId?: number): Promise<unknown> {
    const sent = { tabId, frameId, request };
    this.sent.push(sent);
    return Promise.resolve(this.answer(sent));
  }

  /** The tabs the browser has open (besides those the background heard from). */
  openTabs: number[] = [];

  openTabIds(): Promise<number[]> {
    return Promise.resolve([...this.openTabs]);
  }

  setBadge(tabId: number, { text, title }: ToolbarBadge): void {
    this.badges.set(tabId, text);
    this.titles.set(tabId, title);
  }

  readonly vocabularies: ClaimVocabulary[] = [];

  publishVocabulary(vocabulary: ClaimVocabulary): Promise<void> {
    this.vocabularies.push(vocabulary);
    return Promise.resolve();
  }
}

export interface Frame {
  tabId: number;
  frameId: number;
  url: string;
}

export const TOP_FRAME: Frame = { tabId: 7, frameId: 0, url: 'https://news.example/2026/story' };

/** The clock most background tests read: 25 Nov 2026, noon UTC. */
export const TEST_NOW = (): Date => new Date('2026-11-25T12:00:00Z');

const BUNDLED_TEXT = readFileSync(BUNDLED_CLAIM_SET_PATH, 'utf8');

/**
 * The bundled claim set (public/claims/default.json), parsed but not validated, as the extension's
 * loader reads it: a new object on every call, so a test that edits its copy cannot leak into the next.
 */
export const freshBundledClaimSet = (): ClaimSet => JSON.parse(BUNDLED_TEXT) as ClaimSet;

/** A page stating the Risk Reports claim in the tests' own words (not copied from any article), between two sentences that state none. */
export const RISK_REPORTS_PAGE = {
  url: 'https://news.example/2026/anthropic-rulebook',
  title: 'Anthropic rewrites its rulebook',
  text:
    'Anthropic overhauled its safety rulebook this week.\u2029' +
    'The company now says it will publish a written risk assessment on a recurring schedule, roughly every three to six months.\u2029' +
    'Shares of unrelated chipmakers rose on the news.',
};

/** A fresh, empty fake IndexedDB (nothing leaks from the previous test) opened with the current schema. */
export async function openFreshDatabase(): Promise<PledgeLensDatabase> {
  installFakeIndexedDb();
  return openPledgeLensDb();
}

/**
 * A background on a fresh database, started (`init()` resolved) with the bundled claim set and the
 * `TEST_NOW` clock unless `options` say otherwise. The caller closes `db` after the test.
 */
export async function startBackground(options: Partial<Omit<BackgroundOptions, 'port'>> = {}): Promise<{ db: PledgeLensDatabase; bg: BackgroundHarness }> {
  const db = await openFreshDatabase();
  const bg = new BackgroundHarness(db, { loadBundled: async () => freshBundledClaimSet(), now: TEST_NOW, ...options });
  await bg.service.init();
  return { db, bg };
}

let builds = 0;

export class BackgroundHarness {
  readonly port = new RecordingPort();
  readonly service: BackgroundService;

  constructor(db: PledgeLensDatabase, options: Partial<Omit<BackgroundOptions, 'port'>> & Pick<BackgroundOptions, 'loadBundled'>) {
    // Each harness is another build unless told otherwise, as an extension update is: a test that
    // starts a second background with another bundled set gets it validated and seeded.
    this.service = new BackgroundService(db, { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, buildId: `test-build-${++builds}`, port: this.port, ...options });
  }

  /** Sends as an extension page (popup, options, note editor). */
  readonly page: Sender<ExtensionPageToBackground> = (request) =>
    this.service.handle(request, { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options.html` }) as ReturnType<Sender<ExtensionPageToBackground>>;

  /** Sends as the content script of `frame` (the top frame of tab 7 by default). */
  content(frame: Frame = TOP_FRAME): Sender<ContentToBackground> {
    return (request) => this.service.handle(request, contentSender(frame)) as ReturnType<Sender<ContentToBackground>>;
  }

  /** Sends an arbitrary message as any sender (for refusal tests). */
  raw(message: unknown, sender: SenderFacts) {
    return this.service.handle(message, sender);
  }
}

export function contentSender(frame: Frame): SenderFacts {
  return { id: EXTENSION_ID, url: frame.url, tab: { id: frame.tabId }, frameId: frame.frameId };
}

/** The answer of a request that must succeed (throws with the background's message otherwise). */
export async function ok<T>(answer: Promise<Result<T>> | Result<T>): Promise<{ ok: true } & T> {
  const result = await answer;
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}

/**
 * A list item's label in letters ("a", "b", … "ba"): items told apart by words, not numbers, which a mention's place
 * reads as one (recent-places.ts: a counter beside a quote does not make it another mention).
 */
export function itemLabel(n: number): string {
  let label = '';
  do {
    label = String.fromCharCode(97 + (n % 26)) + label;
    n = Math.floor(n / 26);
  } while (n > 0);
  return label;
}
