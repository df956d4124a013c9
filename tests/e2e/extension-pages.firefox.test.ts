import { parse as parseCsv } from 'csv-parse/sync';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundledBadge, bundledClaimSet } from './support/claim-set';
import {
  FIREFOX_EXTENSION_ORIGIN,
  FirefoxPopupPage,
  GECKO_ID,
  launchFirefoxWithExtension,
  openArticleWithTabId,
  openExtensionPage,
  pollPage,
  setViewportSize,
  type FirefoxArticlePage,
  type FirefoxWithExtension,
} from './support/firefox';
import { AXE_SOURCE, blockingViolations, describeViolations, runAxeInPage } from './support/options-page';
import { generateFeedKey, readFeedSigningKey, signFeedBytes, type FeedSigningKey } from '../../scripts/feed-crypto';
import { respond, startFeedServer, type FeedServer } from '../support/feed-server';
import { claimSetText, inventedClaim } from './support/claim-set';
import { REPO_ROOT } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';

/**
 * The extension's own pages in Firefox (MV2 build): the popup and the options page, opened at the
 * moz-extension:// host the `extensions.webextensions.uuids` pref fixes, and audited with axe-core.
 * Puppeteer cannot emulate prefers-color-scheme over BiDi, so each scheme gets its own launch.
 */

const ARTICLE = 'bullet-list-what-changed.html';
/** Pictures of the popup, looked at by hand (Chromium's beside them). */
const SHOTS = resolve(REPO_ROOT, 'test-results', 'popup');

let server: StaticServer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startStaticServer();
});

afterAll(async () => {
  await server?.close();
});

interface Session {
  firefox: FirefoxWithExtension;
  /** Where this Firefox saves downloads, without asking (a fresh temporary folder). */
  downloads: string;
  /** An options page kept open: the window into `browser.tabs` for finding tab ids. */
  options: Page;
  article: FirefoxArticlePage;
  tabId: number;
}

/** Launches Firefox in one color scheme, opens the options page, then the article (its visit fills the history). */
async function startSession(colorScheme: 'light' | 'dark'): Promise<Session> {
  const downloads = await mkdtemp(join(tmpdir(), 'pledge-lens-ff-downloads-'));
  const firefox = await launchFirefoxWithExtension({
    colorScheme,
    // Downloads go to that folder at once: no dialog, no downloads panel (BiDi reports no downloads, so the test reads the folder).
    extraPrefs: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  try {
    const options = await openExtensionPage(firefox.browser, 'options.html');
    const { article, tabId } = await openArticleWithTabId(firefox.browser, options, `${server.article(ARTICLE)}?scheme=${colorScheme}`);
    await article.waitForHighlights();
    return { firefox, downloads, options, article, tabId };
  } catch (error) {
    await firefox.close();
    await rm(downloads, { recursive: true, force: true });
    throw error;
  }
}

/** Waits until the options page has its history count and claim-set version (it asks the background for both). */
async function waitForOptionsLoaded(page: Page): Promise<void> {
  await pollPage(
    page,
    () => /found$/.test(document.querySelector('[data-testid=history-count]')?.textContent?.trim() ?? '') && document.querySelector('[data-testid=claim-set-version]') !== null,
    [],
  );
}

/** Injects axe-core by evaluating its source (the extension's CSP, script-src 'self', blocks addScriptTag's inline script) and runs it. */
async function audit(page: Page, where: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(runAxeInPage);
  const blocking = blockingViolations(where, violations);
  expect(blocking, `serious or critical axe violations on ${where}:\n${describeViolations(blocking)}`).toEqual([]);
}

const prefersDark = (page: Page): Promise<boolean> => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);

/**
 * A German page (the trial user's case): no highlights, and the popup says Pledge Lens reads English
 * only rather than "no known claims"; pictures at 1280 and 360 px, and an axe audit of that state.
 */
async function expectOtherLanguageNotice(session: Session, colorScheme: 'light' | 'dark'): Promise<void> {
  const { article, tabId } = await openArticleWithTabId(session.firefox.browser, session.options, `${server.page('german-article.html')}?scheme=${colorScheme}`);
  try {
    const popup = await FirefoxPopupPage.open(session.firefox.browser, tabId);
    try {
      await popup.waitForPageState('other-language');
      expect(await popup.emptyState()).toBe('This page is in German. Pledge Lens reads English articles only.');
      expect(await popup.claims()).toEqual([]);
      expect((await article.highlights()).map((h) => `${h.kind}: ${h.text}`), 'highlights on a German page').toEqual([]);
      expect(await prefersDark(popup.page)).toBe(colorScheme === 'dark');
      for (const [width, height] of [[1280, 900], [360, 740]] as const) {
        await setViewportSize(session.firefox.browser, popup.page, width, height);
        await popup.page.screenshot({ path: resolve(SHOTS, `firefox-popup-other-language-${colorScheme}-${width}.png`) });
      }
      await audit(popup.page, `the Firefox popup for a German page (${colorScheme})`);
    } finally {
      await popup.close();
    }
  } finally {
    await article.close();
  }
}

describe('Firefox, light scheme: popup and options page', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession('light');
  });

  afterAll(async () => {
    await session?.firefox.close();
    if (session) await rm(session.downloads, { recursive: true, force: true });
  });

  test('the options page opens at the fixed moz-extension:// host and shows the bundled claim set', async () => {
    expect(session.firefox.extensionId).toBe(GECKO_ID);
    const { options } = session;
    expect(await options.evaluate(() => location.href)).toBe(`${FIREFOX_EXTENSION_ORIGIN}/options.html`);
    await waitForOptionsLoaded(options);
    expect(await options.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Pledge Lens options');
    expect(await options.$eval('[data-testid=claim-set-version]', (element) => element.textContent)).toContain(`bundled@${bundledClaimSet.version}`);
  });

  test('the popup for a fixture article lists its claims with kind labels, mention counts and the claim-set version', async () => {
    // One per mention, each identified by the card its highlight opens.
    const mentions = await session.article.mentions();
    expect(mentions.length).toBeGreaterThan(0);
    const popup = await FirefoxPopupPage.open(session.firefox.browser, session.tabId);
    try {
      const claims = await popup.claims();
      expect(claims.map((c) => c.claimId).sort(), await popup.describe()).toEqual([...new Set(mentions.map((m) => m.claimId))].sort());
      for (const claim of claims) {
        expect(claim.kindLabel, claim.claimId).toBe(bundledBadge(claim.claimId));
        expect(claim.statement.length).toBeGreaterThan(10);
        expect(claim.mentions, `mentions of ${claim.claimId}`).toBe(mentions.filter((m) => m.claimId === claim.claimId).length);
      }
      const version = await popup.claimSetVersion();
      expect(version).toMatch(/^Claim set /);
      expect(version).toContain(bundledClaimSet.version);
      expect(version).toContain(`(${bundledClaimSet.claims.length} claims)`);
      // The popup's site switch names the article's host: it reached the right tab, not just some tab.
      expect(await popup.page.$eval('header label.switch', (element) => element.textContent?.trim())).toBe('Highlight on 127.0.0.1');
    } finally {
      await popup.close();
    }
  });

  test('a German page: the popup says Pledge Lens reads English only (light, 1280 and 360 px, axe)', async () => {
    await expectOtherLanguageNotice(session, 'light');
  });

  test('axe: the popup listing claims has no serious or critical violations (light)', async () => {
    const popup = await FirefoxPopupPage.open(session.firefox.browser, session.tabId);
    try {
      expect(await prefersDark(popup.page)).toBe(false);
      expect((await popup.waitForClaims()).length, await popup.describe()).toBeGreaterThan(0);
      await audit(popup.page, 'the Firefox popup (light)');
    } finally {
      await popup.close();
    }
  });

  test('axe: the options page with history has no serious or critical violations (light)', async () => {
    const options = await openExtensionPage(session.firefox.browser, 'options.html');
    try {
      await waitForOptionsLoaded(options);
      expect(await prefersDark(options)).toBe(false);
      expect(await options.$$eval('[data-testid=history-row]', (rows) => rows.length)).toBeGreaterThan(0);
      await audit(options, 'the Firefox options page (light)');
    } finally {
      await options.close();
    }
  });

  test('a mention marked as a wrong match is left out of the options export until shown, the popup says so, and the W3C file imports back unchanged', async () => {
    const [flagged] = await session.article.mentions();
    // Pages opened after the visit and after the flag, as the reader opens the options (a BiDi reload of an extension page never reports its load).
    const before = await openExtensionPage(session.firefox.browser, 'options.html');
    await waitForOptionsLoaded(before);
    const all = (await listedIds(before)).sort();
    await before.close();
    expect(all).toContain(flagged!.mentionId);
    expect(await askBackground(session.options, { type: 'set-wrong-match', mentionId: flagged!.mentionId, flagged: true })).toMatchObject({ ok: true });
    const options = await openExtensionPage(session.firefox.browser, 'options.html');
    try {
      await waitForOptionsLoaded(options);
      expect((await listedIds(options)).sort(), 'the history as it opens: wrong matches hidden').toEqual(all.filter((id) => id !== flagged!.mentionId));

      const hidden = await exportFromOptions(options, 'csv', session.downloads);
      const word = (n: number) => (n === 1 ? 'mention' : 'mentions');
      expect(hidden.result).toBe(`Exported ${all.length - 1} ${word(all.length - 1)}. 1 mention you marked as a wrong match was left out.`);
      // Hiding wrong matches is no filter: the file holds the whole history, and is named so.
      expect(hidden.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-all\.csv$/);
      expect(hidden.text.startsWith('\uFEFFclaim_id,')).toBe(true);
      const rows = parseCsv(hidden.text, { columns: true, bom: true }) as Record<string, string>[];
      expect(rows.map((row) => row.wrong_match)).toEqual(Array.from({ length: all.length - 1 }, () => 'false'));
      // A row stands alone: the claim's words, its label and status, and the primary source it rests on.
      for (const row of rows) {
        expect(row.statement, row.claim_id).not.toBe('');
        expect(row.label, row.claim_id).toMatch(/^(Binding commitment|Announced target|No commitment)( \([a-z -]+\))?$/);
        expect(row.status_label, row.claim_id).toMatch(/\d{4}/);
        expect(row.source_url, row.claim_id).toMatch(/^https:\/\//);
        // The page's own metadata (its head's Open Graph date and JSON-LD author), read by the content script.
        expect([row.page_site, row.page_published, row.page_authors], row.claim_id).toEqual(['Signal & Noise', '2026-02-26', 'Jonah Whitcombe']);
      }

      await options.select('[data-testid=filter-wrong]', 'include');
      await pollPage(options, (want: number) => document.querySelectorAll('[data-testid=history-row]').length === want, [all.length]);
      const shown = await exportFromOptions(options, 'w3c', session.downloads);
      expect(shown.result).toBe(`Exported ${all.length} ${word(all.length)}. 1 of them is marked as a wrong match.`);
      expect(shown.filename).toMatch(/^pledge-lens-annotations-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-all\.jsonld$/);
      expect(shown.text).not.toContain('\u2029');
      const collection = JSON.parse(shown.text) as { first: { items: { id: string }[] } };
      expect(collection.first.items.map((item) => item.id).sort()).toEqual(all);
      expect(await askBackground(options, { type: 'import-mentions', text: shown.text })).toEqual({ ok: true, added: 0, updated: 0, unchanged: all.length, keptNotes: 0 });

      const popup = await FirefoxPopupPage.open(session.firefox.browser, session.tabId);
      try {
        const claim = (await popup.claims()).find((entry) => entry.claimId === flagged!.claimId);
        expect(claim?.meta, await popup.describe()).toMatch(/ mentions?, 1 marked as a wrong match · /);
      } finally {
        await popup.close();
      }
    } finally {
      await askBackground(session.options, { type: 'set-wrong-match', mentionId: flagged!.mentionId, flagged: false });
      await options.close();
    }
  });
});

/** Mention ids of the options page's rows, in page order. */
const listedIds = (page: Page): Promise<string[]> => page.$$eval('[data-testid=history-row]', (rows) => rows.map((row) => row.getAttribute('data-mention-id') ?? ''));

/** A request to the background as the options page sends it (the card's Wrong match box sends the same one). */
function askBackground(page: Page, request: Record<string, unknown>): Promise<unknown> {
  return page.evaluate((message) => (globalThis as unknown as { browser: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).browser.runtime.sendMessage(message), request);
}

/**
 * Exports from the options page with the format chosen in its select, and waits for Firefox to save
 * the file in `downloads`. Puppeteer over BiDi reports no downloads, so the page hands the test the
 * file's Blob and name as it makes the download link; the file Firefox saved under that name must
 * hold the same bytes.
 */
async function exportFromOptions(page: Page, format: string, downloads: string): Promise<{ text: string; result: string; filename: string }> {
  await page.evaluate(() => {
    const captured = window as unknown as { exported?: Promise<number[]>; filename?: string };
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      // The bytes, not blob.text(): decoding would drop the byte order mark the file starts with.
      captured.exported = blob.arrayBuffer().then((buffer) => Array.from(new Uint8Array(buffer)));
      return createObjectURL(blob);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      captured.filename = this.download;
      click.call(this);
    };
  });
  const readResult = () => document.querySelector('[data-testid=export-result]')?.textContent?.trim() ?? '';
  const before = await page.evaluate(readResult);
  await page.select('[data-testid=export-format]', format);
  await page.click('[data-testid=export-button]');
  // The line the export leaves (a former export's line, until it is replaced, says something else).
  await pollPage(page, (previous: string) => {
    const text = document.querySelector('[data-testid=export-result]')?.textContent?.trim() ?? '';
    return text !== '' && text !== previous;
  }, [before]);
  const result = await page.evaluate(readResult);
  const bytes = await page.evaluate(() => (window as unknown as { exported?: Promise<number[]> }).exported ?? Promise.resolve([]));
  const filename = await page.evaluate(() => (window as unknown as { filename?: string }).filename ?? '');
  expect(filename, 'the download link names the file').not.toBe('');
  const file = Buffer.from(bytes);
  // Firefox writes a .part file and renames it: wait for the name with the whole file under it.
  const saved = join(downloads, filename);
  const deadline = Date.now() + 10_000;
  let onDisk = await readFile(saved).catch(() => undefined);
  while (!onDisk?.equals(file) && Date.now() < deadline) {
    await new Promise((resume) => setTimeout(resume, 100));
    onDisk = await readFile(saved).catch(() => undefined);
  }
  expect(onDisk?.equals(file), `${saved} holds the exported bytes (found: ${(await readdir(downloads)).join(', ') || 'nothing'})`).toBe(true);
  return { text: file.toString('utf8'), result, filename };
}

describe('Firefox, dark scheme: popup and options page', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession('dark');
  });

  afterAll(async () => {
    await session?.firefox.close();
    if (session) await rm(session.downloads, { recursive: true, force: true });
  });

  test('a German page: the popup says Pledge Lens reads English only (dark, 1280 and 360 px, axe)', async () => {
    await expectOtherLanguageNotice(session, 'dark');
  });

  test('axe: the popup listing claims has no serious or critical violations (dark)', async () => {
    const popup = await FirefoxPopupPage.open(session.firefox.browser, session.tabId);
    try {
      expect(await prefersDark(popup.page)).toBe(true);
      expect((await popup.waitForClaims()).length, await popup.describe()).toBeGreaterThan(0);
      await audit(popup.page, 'the Firefox popup (dark)');
    } finally {
      await popup.close();
    }
  });

  test('axe: the options page with history has no serious or critical violations (dark)', async () => {
    const options = await openExtensionPage(session.firefox.browser, 'options.html');
    try {
      await waitForOptionsLoaded(options);
      expect(await prefersDark(options)).toBe(true);
      expect(await options.$$eval('[data-testid=history-row]', (rows) => rows.length)).toBeGreaterThan(0);
      await audit(options, 'the Firefox options page (dark)');
    } finally {
      await options.close();
    }
  });
});

/**
 * The claim feed in Firefox, from a local server that sends no CORS headers: saving the feed asks for
 * its host as an optional permission (granted without a prompt by a pref, as a click on "Allow"
 * would), which is what lets the background read it; then a signed update is installed under the
 * pinned ECDSA P-256 key and a tampered one is refused with the last good set kept.
 */
describe('Firefox options page: signed claim feed without CORS headers', () => {
  const FEED_CLAIM = 'tern-model-card-feed-claim';
  const HOST_PATTERN = 'http://127.0.0.1/*';
  let firefox: FirefoxWithExtension;
  let feed: FeedServer;
  let options: Page;
  let publisher: FeedSigningKey;
  /** What the feed and its signature answer now. */
  const current = { body: '', signature: '' };

  async function publish(version: string, change: (text: string) => string = (text) => text): Promise<void> {
    const text = claimSetText({ version, publisher: 'Test feed', extraClaims: [inventedClaim(FEED_CLAIM)] });
    current.signature = await signFeedBytes(publisher, new Uint8Array(Buffer.from(text, 'utf8')));
    current.body = change(text);
  }

  interface PermissionsGlobals {
    browser: { permissions: { contains(p: object): Promise<boolean>; remove(p: object): Promise<boolean> }; alarms: { clearAll(): Promise<boolean> } };
  }
  const hasHostPermission = () =>
    options.evaluate((origin) => (globalThis as unknown as PermissionsGlobals).browser.permissions.contains({ origins: [origin] }), HOST_PATTERN);

  /** Clicks (a trusted click, which the permission request needs) and returns the result line that replaces the old one. */
  async function clickForResult(button: string, result: string): Promise<{ ok: boolean; text: string }> {
    await options.evaluate((id) => document.querySelector(`[data-testid=${id}]`)?.setAttribute('data-stale', ''), result);
    await options.click(`[data-testid=${button}]`);
    const outcome = await pollPage(
      options,
      (id: string, buttonId: string) => {
        const line = document.querySelector(`[data-testid=${id}]`);
        const idle = !(document.querySelector(`[data-testid=${buttonId}]`) as HTMLButtonElement | null)?.disabled;
        return idle && line && !line.hasAttribute('data-stale') ? { ok: line.getAttribute('role') === 'status', text: line.textContent?.trim() ?? '' } : false;
      },
      [result, button],
      { timeout: 25_000 },
    );
    if (!outcome) throw new Error(`No result in ${result}`);
    return outcome;
  }

  const setField = (id: string, value: string) =>
    options.$eval(`[data-testid=${id}]`, (element, text) => {
      (element as HTMLInputElement).value = text;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);

  const feedPack = () =>
    options.evaluate(() => {
      const row = document.querySelector('[data-testid=pack-row][data-pack-id=feed]');
      return row ? { name: row.querySelector('[data-testid=pack-name]')?.textContent?.trim(), version: row.querySelector('[data-testid=pack-version]')?.textContent?.trim() } : undefined;
    });

  beforeAll(async () => {
    publisher = await readFeedSigningKey((await generateFeedKey('ECDSA-P256')).privatePem);
    feed = await startFeedServer({
      // No Access-Control-Allow-Origin: only the host permission lets the extension read these.
      '/claims.json': (_request, response) => respond(response, { body: current.body }),
      '/claims.json.sig': (_request, response) => respond(response, { body: current.signature, contentType: 'text/plain' }),
    });
    firefox = await launchFirefoxWithExtension({ extraPrefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    options = await openExtensionPage(firefox.browser, 'options.html');
    await waitForOptionsLoaded(options);
    // The daily feed check fires a minute after start-up; it is not under test here.
    await options.evaluate(() => (globalThis as unknown as PermissionsGlobals).browser.alarms.clearAll());
  });

  afterAll(async () => {
    await firefox?.close();
    await feed?.close();
  });

  test('saving the feed grants its host; a signed update is installed under the key, a tampered one is refused, and without the host the feed is unreadable', async () => {
    expect(await hasHostPermission()).toBe(false);
    await publish('2.0.0');
    await setField('feed-url', feed.url('/claims.json'));
    await setField('feed-key', publisher.publicKey.publicKey);
    const saved = await clickForResult('feed-save', 'feed-save-result');
    expect(saved.ok, saved.text).toBe(true);
    expect(saved.text).toContain(`ECDSA P-256 key ${publisher.publicKey.fingerprint}`);
    expect(await hasHostPermission(), 'the save click asked for the feed host').toBe(true);

    expect(await clickForResult('feed-update', 'feed-result')).toEqual({ ok: true, text: 'Updated' });
    await pollPage(options, () => document.querySelector('[data-testid=pack-row][data-pack-id=feed]') !== null, []);
    expect(await feedPack()).toEqual({ name: `Test feed (signed, key ${publisher.publicKey.fingerprint})`, version: '2.0.0' });

    // One byte changed after signing.
    await publish('2.1.0', (text) => text.replace('"version": "2.1.0"', '"version": "2.1.1"'));
    const tampered = await clickForResult('feed-update', 'feed-result');
    expect(tampered.ok).toBe(false);
    expect(tampered.text).toMatch(/signature does not match the key you pinned \(ECDSA P-256 key/);
    expect(tampered.text).toMatch(/is still in use/);
    expect((await feedPack())?.version).toBe('2.0.0');

    // Without the host permission, Firefox does not let the background read a feed that sends no CORS headers.
    await publish('2.1.0');
    await options.evaluate((origin) => (globalThis as unknown as PermissionsGlobals).browser.permissions.remove({ origins: [origin] }), HOST_PATTERN);
    expect(await hasHostPermission()).toBe(false);
    const blocked = await clickForResult('feed-update', 'feed-result');
    expect(blocked.ok).toBe(false);
    expect(blocked.text).toMatch(/Could not reach the feed/);
    expect((await feedPack())?.version).toBe('2.0.0');

    // Saving again asks again; then the same signed update goes through.
    expect((await clickForResult('feed-save', 'feed-save-result')).ok).toBe(true);
    expect(await hasHostPermission()).toBe(true);
    expect(await clickForResult('feed-update', 'feed-result')).toEqual({ ok: true, text: 'Updated' });
    await pollPage(options, () => document.querySelector('[data-testid=pack-row][data-pack-id=feed] [data-testid=pack-version]')?.textContent?.includes('2.1.0') === true, []);
  });
});
