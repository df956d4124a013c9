import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { REPO_ROOT } from './paths';
import type { DownloadedFile, ExportFormat } from './popup-page';

/** What a result line (`role=status` for success, `role=alert` for failure) says. */
export interface ResultLine {
  ok: boolean;
  text: string;
}

export interface PackRowInfo {
  id: string;
  name: string;
  version: string;
  /** The line under the name as a reader sees it: source, version, date published, size. */
  meta: string;
  enabled: boolean;
}

export interface FeedStatusInfo {
  /** Who vouches for the feed ("Only updates signed by the publisher’s … key …"); empty without a feed. */
  trust: string;
  lastSuccess: string;
  lastCheck: string;
  lastError: string;
}

export interface SitesChoice {
  mode: 'all-sites' | 'allow-list';
  allowed: readonly string[];
  disabled?: readonly string[];
}

/** A file handed to a file input, as the user would pick it. */
export interface PickedFile {
  name: string;
  text: string;
}

const testId = (id: string): string => `[data-testid="${id}"]`;

/** The options page (chrome-extension://ID/options.html), driven through its data-testids as a user would. */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    // Fail in seconds, not Playwright's default 30 s, when the page lacks an element.
    page.setDefaultTimeout(10_000);
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const options = new OptionsPage(page);
    await options.waitForLoaded();
    return options;
  }

  /** Until the history count and the claim-set version are shown, the page is still asking the background. */
  async waitForLoaded(): Promise<void> {
    await this.page.waitForFunction(() => {
      const count = document.querySelector('[data-testid=history-count]')?.textContent ?? '';
      return /found$/.test(count.trim()) && document.querySelector('[data-testid=claim-set-version]') !== null;
    });
  }

  /** Reloads the page: the fresh state the background holds, not what the page last drew. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForLoaded();
  }

  // --- Annotation history ---------------------------------------------------------------------

  /** The number the page states ("3 mentions found"), once loaded. */
  async historyCount(): Promise<number> {
    const text = (await this.page.locator(testId('history-count')).textContent())?.trim() ?? '';
    const count = /^(\d+) mentions? found$/.exec(text);
    if (!count) throw new Error(`history-count says "${text}", not "N mentions found"`);
    return Number(count[1]);
  }

  /** Mention ids of the listed rows (the page of the list shown), in page order. */
  historyMentionIds(): Promise<string[]> {
    return this.page.locator(`${testId('history-list')} ${testId('history-row')}`).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-mention-id') ?? ''));
  }

  async waitForHistoryCount(expected: number, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      (want) => {
        const text = document.querySelector('[data-testid=history-count]')?.textContent?.trim() ?? '';
        // The list shows a page of 50 rows at a time (components/annotation-list.tsx PAGE_SIZE).
        return text === `${want} ${want === 1 ? 'mention' : 'mentions'} found` && document.querySelectorAll('[data-testid=history-row]').length === Math.min(want, 50);
      },
      expected,
      { timeout },
    );
  }

  /** Exports with the format chosen in the select, as the browser downloads it. */
  async exportHistory(format: ExportFormat): Promise<DownloadedFile & { result: ResultLine }> {
    await this.front();
    await this.page.locator(testId('export-format')).selectOption(format);
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 10_000 }), this.page.locator(testId('export-button')).click()]);
    const path = await download.path();
    return { filename: download.suggestedFilename(), text: await readFile(path, 'utf8'), result: await this.resultOf('export-result') };
  }

  /** Clear all, then its confirmation: the two clicks a user makes. */
  async clearAll(): Promise<void> {
    await this.front();
    await this.page.locator(testId('clear-all')).click();
    await this.page.locator(testId('clear-all-confirm')).click();
    // The first-step button comes back once the background has answered.
    await this.page.locator(testId('clear-all')).waitFor();
  }

  async importAnnotations(file: PickedFile): Promise<ResultLine> {
    return this.pickFile('import-input', 'import-result', file, 'application/ld+json');
  }

  /**
   * Picks an annotation file that would replace the reader's notes or flags: returns the question the page asks,
   * and leaves it open for `answerImport`.
   */
  async importAnnotationsAsked(file: PickedFile): Promise<string> {
    await this.front();
    await this.page.locator(testId('import-input')).setInputFiles({ name: file.name, mimeType: 'application/ld+json', buffer: Buffer.from(file.text, 'utf8') });
    const question = this.page.locator(testId('import-input-question'));
    await question.waitFor();
    return (await question.textContent()) ?? '';
  }

  /** Answers the import's question (`replace`: "Import and replace", else Cancel) and returns the outcome line. */
  async answerImport(replace: boolean): Promise<ResultLine> {
    await this.front();
    await this.page.locator(testId(replace ? 'import-input-replace' : 'import-input-keep')).click();
    return this.resultOf('import-result', this.page.locator(testId('import-input')));
  }

  /**
   * Puts `file` in place of the reader's history as a user would (export it, Clear all, import the file):
   * returns the saved export, for `restoreHistory`, and the import's result line.
   */
  async replaceHistory(file: PickedFile): Promise<{ saved: string; imported: ResultLine }> {
    const saved = (await this.exportHistory('w3c')).text;
    await this.clearAll();
    await this.waitForHistoryCount(0);
    return { saved, imported: await this.importAnnotations(file) };
  }

  /** Puts back a history `replaceHistory` saved; never throws, as it runs in a test's `finally`. */
  async restoreHistory(saved: string | undefined): Promise<void> {
    await this.clearAll().catch(() => undefined);
    if (saved) await this.importAnnotations({ name: 'saved.jsonld', text: saved }).catch(() => undefined);
  }

  // --- Claim set and packs --------------------------------------------------------------------

  async claimSetVersion(): Promise<string> {
    return (await this.page.locator(testId('claim-set-version')).textContent())?.trim() ?? '';
  }

  packs(): Promise<PackRowInfo[]> {
    return this.page.locator(`${testId('pack-list')} ${testId('pack-row')}`).evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-pack-id') ?? '',
        name: row.querySelector('[data-testid=pack-name]')?.textContent?.trim() ?? '',
        version: row.querySelector('[data-testid=pack-version]')?.textContent?.trim() ?? '',
        meta: row.querySelector('.pack-meta')?.textContent?.trim() ?? '',
        enabled: (row.querySelector('[data-testid=pack-toggle]') as HTMLInputElement | null)?.checked ?? false,
      })),
    );
  }

  /**
   * Flips a pack's switch and waits until the page shows the claim set that results. Switching off
   * the last pack with claims asks first (the page's warning): `lastPack` says the test expects that
   * and answers "Switch it off anyway"; `onWarning` sees the warning before it is answered.
   */
  async setPackEnabled(packId: string, enabled: boolean, options: { lastPack?: boolean; onWarning?: (warning: Locator) => Promise<void> } = {}): Promise<void> {
    const toggle = this.page.locator(`${testId('pack-row')}[data-pack-id="${packId}"] ${testId('pack-toggle')}`);
    if ((await toggle.count()) === 0) throw new Error(`No pack row for ${packId}; the page lists ${(await this.packs()).map((p) => p.id).join(', ')}`);
    await this.front();
    if ((await toggle.isChecked()) === enabled) return;
    const before = await this.claimSetVersion();
    // A plain click, not setChecked(): the switch shows the stored state, and a refresh the page started
    // on becoming visible may redraw the old state for a moment before the background's answer lands.
    await toggle.click();
    if (options.lastPack) {
      const warning = this.page.locator(testId('last-pack-warning'));
      await warning.waitFor({ timeout: 5_000 });
      await options.onWarning?.(warning);
      await warning.locator(testId('last-pack-confirm')).click();
    }
    // The version string names the enabled packs, so it changes when the switch took effect.
    await this.page.waitForFunction(
      ({ packId: id, enabled: want, old }) => {
        const box = document.querySelector<HTMLInputElement>(`[data-testid=pack-row][data-pack-id="${id}"] [data-testid=pack-toggle]`);
        return box?.checked === want && document.querySelector('[data-testid=claim-set-version]')?.textContent?.trim() !== old;
      },
      { packId, enabled, old: before },
    );
  }

  async importPack(file: PickedFile): Promise<ResultLine> {
    return this.pickFile('pack-import-input', 'pack-import-result', file, 'application/json');
  }

  // --- Claim feed -----------------------------------------------------------------------------

  /** Saves a feed with the publisher's key pinned (`publicKey`) or explicitly unsigned. */
  async saveFeedUrl(url: string, choice: { publicKey?: string; unsigned?: boolean } = {}): Promise<ResultLine> {
    await this.front();
    await this.page.locator(testId('feed-url')).fill(url);
    await this.page.locator(testId('feed-unsigned')).setChecked(choice.unsigned === true);
    if (!choice.unsigned) await this.page.locator(testId('feed-key')).fill(choice.publicKey ?? '');
    await this.page.locator(testId('feed-save')).click();
    return this.resultOf('feed-save-result', this.page.locator(testId('feed-save')));
  }

  async updateFeedNow(): Promise<ResultLine> {
    const button = this.page.locator(testId('feed-update'));
    await this.front();
    await button.click();
    // Wait as long as the product's own feed timeout (20 s) allows, plus a margin.
    return this.resultOf('feed-result', button, 25_000);
  }

  async feedStatus(): Promise<FeedStatusInfo> {
    const read = async (id: string) => (await this.page.locator(`${testId('feed-status')} ${testId(id)}`).textContent())?.replace(/\s+/g, ' ').trim() ?? '';
    const trust = (await this.page.locator(`${testId('feed-status')} ${testId('feed-trust')}`).count()) > 0 ? await read('feed-trust') : '';
    return { trust, lastSuccess: await read('feed-last-success'), lastCheck: await read('feed-last-check'), lastError: await read('feed-last-error') };
  }

  // --- Sites ----------------------------------------------------------------------------------

  /**
   * Saves the Sites form. It starts from a freshly loaded page: the section keeps its last message
   * until a new one replaces it, and two saves say the same words, so only a fresh page tells which
   * save a message belongs to.
   */
  async saveSites(choice: SitesChoice): Promise<ResultLine> {
    await this.reload();
    await this.front();
    const section = this.page.locator(testId('sites-section'));
    // The form fills itself from the stored settings when they arrive (and enables Save then): typing earlier would be overwritten.
    await this.page.waitForFunction(() => (document.querySelector('[data-testid=sites-save]') as HTMLButtonElement | null)?.disabled === false);
    await section.locator(testId(choice.mode === 'allow-list' ? 'site-mode-allow' : 'site-mode-all')).check();
    // Only the chosen mode's list can be typed in (the other is disabled, and kept as it is).
    if (choice.mode === 'allow-list') await section.locator(testId('allowed-sites')).fill(choice.allowed.join('\n'));
    else await section.locator(testId('disabled-sites')).fill((choice.disabled ?? []).join('\n'));
    await section.locator(testId('sites-save')).click();
    return this.resultOf('sites-result', section.locator(testId('sites-save')));
  }

  // --- Shared ---------------------------------------------------------------------------------

  /**
   * Screenshots of one section (by its heading's id) in each look the pages must hold up in: light and
   * dark, 1280 and 360 px wide. Files `<name>-<scheme>-<width>.png` in `dir`; the page is left light, 1280 px.
   */
  async shootSection(headingId: string, dir: string, name: string): Promise<string[]> {
    return this.shootEachLook(dir, name, async (path) => {
      const section = this.page.locator(`section:has(#${headingId})`);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path });
    });
  }

  /** As `shootSection`, the screen as the reader sees it with `selector`'s element at its top (a long section's part). */
  async shootAt(selector: string, dir: string, name: string): Promise<string[]> {
    return this.shootEachLook(dir, name, async (path) => {
      await this.page.locator(selector).evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await this.page.screenshot({ path });
    });
  }

  private async shootEachLook(dir: string, name: string, shoot: (path: string) => Promise<void>): Promise<string[]> {
    const paths: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [width, height] of [[1280, 900], [360, 740]] as const) {
        await this.page.emulateMedia({ colorScheme });
        await this.page.setViewportSize({ width, height });
        const path = resolve(dir, `${name}-${colorScheme}-${width}.png`);
        await shoot(path);
        paths.push(path);
      }
    }
    await this.page.emulateMedia({ colorScheme: 'light' });
    await this.page.setViewportSize({ width: 1280, height: 900 });
    return paths;
  }

  /**
   * Brings the tab to the front before a click or a fill: Chromium pauses animation frames in
   * background tabs, and Playwright's "is the element stable" check waits on them (two seconds per
   * action when an article tab was opened after this one).
   */
  private async front(): Promise<void> {
    await this.page.bringToFront();
  }

  /**
   * Picks a file in a file input and returns the outcome line. The input clears the previous outcome
   * and disables itself synchronously in its change handler, so once it is enabled again with an
   * outcome showing, that outcome is this file's.
   */
  private async pickFile(inputId: string, resultId: string, file: PickedFile, mimeType: string): Promise<ResultLine> {
    const input = this.page.locator(testId(inputId));
    await this.front();
    await input.setInputFiles({ name: file.name, mimeType, buffer: Buffer.from(file.text, 'utf8') });
    return this.resultOf(resultId, input);
  }

  /**
   * Reads a result line once `busy` (the control that started the action) is enabled again. The
   * handlers clear the old line in the same task as the click, before Playwright's click returns.
   */
  private async resultOf(resultId: string, busy?: Locator, timeout = 10_000): Promise<ResultLine> {
    const line = this.page.locator(testId(resultId));
    await line.waitFor({ timeout });
    if (busy) await this.page.waitForFunction((element) => !(element as HTMLButtonElement).disabled, await busy.elementHandle(), { timeout });
    return line.evaluate((element) => ({
      ok: element.classList.contains('ok') && element.getAttribute('role') === 'status',
      text: element.textContent?.trim() ?? '',
    }));
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

// --- Accessibility audits (axe-core), shared by the Chromium and Firefox tests ---------------------

/** axe-core's browser bundle, read once. */
export const AXE_SOURCE = readFileSync(resolve(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS paths of the first few offending elements. */
  targets: string[];
}

/**
 * Runs axe on the whole document (in the page: evaluate() serialises it) and returns its violations
 * in a small serialisable form. `window.axe` must have been injected first.
 */
export async function runAxeInPage(): Promise<AxeViolation[]> {
  const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
  const results = await axe.run(document, { resultTypes: ['violations'] });
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')),
  }));
}

export const BLOCKING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);

/** One line per violation, for logs and assertion messages. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `[${v.impact ?? 'no impact'}] ${v.id}: ${v.help} (${v.targets.join(', ')})`).join('\n');
}

/**
 * The violations that fail a test (serious, critical), after printing the rest so they are seen
 * without failing the run.
 */
export function blockingViolations(where: string, violations: readonly AxeViolation[]): AxeViolation[] {
  const minor = violations.filter((v) => !BLOCKING_IMPACTS.has(v.impact ?? ''));
  if (minor.length) console.log(`axe, ${where}: ${minor.length} minor or moderate violation(s)\n${describeViolations(minor)}`);
  return violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
}
