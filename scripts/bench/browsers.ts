/**
 * Debian's Chromium, driven by playwright-core; never a downloaded browser. The plain browser runs
 * the in-page contenders; a second instance with the built extension loaded runs "as shipped".
 * Both get the same flags, so the only difference between them is the extension.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
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

export async function launchPlain(): Promise<BenchBrowser> {
  const browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: COMMON_ARGS });
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: INIT_SCRIPT });
  return { context, version: browser.version(), close: () => browser.close() };
}

/** Chromium with the unpacked MV3 build loaded, in a throw-away profile; resolves once its service worker runs. */
export async function launchWithExtension(extensionDir: string): Promise<BenchBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'pledge-lens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    headless: true,
    viewport: VIEWPORT,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...COMMON_ARGS],
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const isOurs = (url: string) => url.startsWith('chrome-extension://');
    if (!context.serviceWorkers().some((worker) => isOurs(worker.url()))) {
      await context.waitForEvent('serviceworker', { predicate: (worker) => isOurs(worker.url()), timeout: 20_000 });
    }
    await context.addInitScript({ content: INIT_SCRIPT });
    return { context, version: context.browser()?.version() ?? 'unknown', close };
  } catch (error) {
    await close();
    throw error;
  }
}
