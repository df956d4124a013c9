/**
 * Debian's Chromium, driven by playwright-core; never a downloaded browser. Two instances per run:
 * one without extensions (the in-page contenders, and each page's own load time) and one with the
 * bench build of the extension loaded. Both use a fresh persistent profile and the same flags, so the
 * only difference between them is the extension.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { INIT_SCRIPT } from './init-script';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 900 };
const COMMON_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface BenchBrowser {
  context: BrowserContext;
  version: string;
  close(): Promise<void>;
}

function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} not found: install Debian's chromium package (apt-get install chromium)`);
  return CHROMIUM_PATH;
}

async function launch(extraArgs: readonly string[]): Promise<BenchBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'pledge-lens-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: requireChromium(), headless: true, viewport: VIEWPORT, args: [...extraArgs, ...COMMON_ARGS] });
  await context.addInitScript({ content: INIT_SCRIPT });
  const close = async () => {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };
  return { context, version: context.browser()?.version() ?? 'unknown', close };
}

export function launchPlain(): Promise<BenchBrowser> {
  return launch([]);
}

export interface ExtensionBrowser extends BenchBrowser {
  extensionOrigin: string;
  /** The running service worker, started by the extension (waits for one). */
  worker(timeoutMs?: number): Promise<Worker>;
  /** Stops the extension's service worker (as Chrome does to an idle one) and waits until it has stopped. */
  stopWorker(): Promise<void>;
}

interface VersionInfo {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

/**
 * Chromium with an unpacked MV3 build loaded, in a throw-away profile; resolves once its service
 * worker runs. Stopping the worker goes through the DevTools protocol's ServiceWorker domain (on a
 * blank helper tab): `ServiceWorker.stopAllWorkers`, then the worker's version is watched until it
 * reports `stopped`. That is the state Chrome leaves an idle MV3 worker in, and what
 * chrome://serviceworker-internals' Stop button does.
 */
export async function launchWithExtension(extensionDir: string): Promise<ExtensionBrowser> {
  const base = await launch([`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]);
  const { context } = base;
  try {
    const isOurs = (url: string) => url.startsWith('chrome-extension://');
    const first = context.serviceWorkers().find((w) => isOurs(w.url())) ?? (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 20_000 }));
    // URL#origin is "null" for chrome-extension: URLs in Node.
    const extensionOrigin = /^chrome-extension:\/\/[^/]+/.exec(first.url())![0];
    // The first-run page the extension opens on install is not part of any measurement.
    for (const page of context.pages()) if (page.url().startsWith(extensionOrigin)) await page.close();
    context.on('page', (page) => {
      if (page.url().startsWith(extensionOrigin)) void page.close().catch(() => undefined);
    });
    const helper: Page = context.pages()[0] ?? (await context.newPage());
    const cdp: CDPSession = await context.newCDPSession(helper);
    const versions = new Map<string, VersionInfo>();
    const waiters: Array<() => void> = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: VersionInfo[] }) => {
      for (const version of event.versions) if (version.scriptURL.startsWith(extensionOrigin)) versions.set(version.versionId, version);
      for (const wake of waiters.splice(0)) wake();
    });
    await cdp.send('ServiceWorker.enable');
    const running = () => [...versions.values()].some((v) => v.runningStatus !== 'stopped');

    const worker = async (timeoutMs = 20_000): Promise<Worker> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const live = context.serviceWorkers().filter((w) => isOurs(w.url()));
        // After a stop Playwright may still list the old worker for a moment: the newest one answering wins.
        for (const candidate of live.reverse()) {
          const ok = await candidate.evaluate(() => true).catch(() => false);
          if (ok) return candidate;
        }
        if (Date.now() > deadline) throw new Error('the extension service worker did not start');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    const stopWorker = async (): Promise<void> => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 10_000;
      while (running()) {
        if (Date.now() > deadline) throw new Error('the extension service worker did not stop');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    };
    return { ...base, extensionOrigin, worker, stopWorker };
  } catch (error) {
    await base.close();
    throw error;
  }
}
