import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { extensionDir, requireBrowser } from './paths';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface ChromiumWithExtension {
  context: BrowserContext;
  /** The extension's background service worker: the tests' window into extension APIs. */
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** The service worker may already be running when the context is handed back, or start a moment later. */
async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (worker: Worker): boolean => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isOurs);
  if (running) return running;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
  } catch {
    throw new Error('The extension service worker never started: Chromium did not load the unpacked extension (is manifest.json valid? does background.js throw at start-up?).');
  }
}

/**
 * Debian's Chromium with the built MV3 extension loaded unpacked, in a fresh profile. Extensions need
 * the "new" headless mode (the old headless shell cannot load them), hence `--headless=new`.
 */
export async function launchChromiumWithExtension(): Promise<ChromiumWithExtension> {
  const ext = extensionDir('chrome-mv3');
  const userDataDir = await mkdtemp(join(tmpdir(), 'pledge-lens-e2e-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: requireBrowser(CHROMIUM_PATH, 'chromium'),
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
      args: [
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--headless=new',
      ],
    });
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const opened = context;
    return {
      context: opened,
      worker,
      extensionId,
      close: async () => {
        await opened.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
