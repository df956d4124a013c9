/**
 * `npm start`: after the build, opens Chromium with Pledge Lens loaded on a demo article, so a new
 * user sees the product working in one command (the first-run page opens in a second tab). Without a
 * display it says how to run it in a virtual one (`xvfb-run npm start`) and how to load the build.
 *   CHROMIUM=/path/to/chrome npm start    (default /usr/bin/chromium)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from './support/static-server';

const extension = resolve('.output/chrome-mv3');
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** What to run instead when there is no display: a virtual one, and how to get it if it is missing. */
function virtualDisplayHelp(): string {
  let haveXvfb = true;
  try {
    execFileSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' });
  } catch {
    haveXvfb = false;
  }
  return (
    'To run it anyway, in a virtual display: xvfb-run npm start. Chromium then runs on the demo article until you press Ctrl+C.' +
    (haveXvfb ? '' : '\nxvfb-run is not installed here: apt-get install xvfb (Debian, Ubuntu).')
  );
}

async function main(): Promise<void> {
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error('No build found: run `npm run build` first.');
  const server = await startStaticServer();
  const demo = server.article('clean-paraphrase-rsp3-overhaul.html');
  const loadHelp = `Load it yourself: chrome://extensions → Developer mode → Load unpacked → ${extension}\n` +
    `Firefox: about:debugging → This Firefox → Load Temporary Add-on → ${resolve('.output/firefox-mv2/manifest.json')}`;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log(`Built ${extension}. No display here, so no browser window can open.\n${virtualDisplayHelp()}\n${loadHelp}`);
    await server.close();
    return;
  }
  if (!existsSync(browserPath)) {
    console.log(`Built ${extension}, but no Chromium at ${browserPath} (set CHROMIUM=…).\n${loadHelp}`);
    await server.close();
    return;
  }
  const context = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'pledge-lens-')), {
    executablePath: browserPath,
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run', '--disable-background-networking'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demo);
  // The first install opens the first-run page in a new tab; once it is there, bring the demo article back to the front.
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline && !context.pages().some((tab) => tab.url().endsWith('/welcome.html'))) {
    await new Promise((resume) => setTimeout(resume, 100));
  }
  await page.bringToFront();
  console.log(
    `Pledge Lens is running on a demo article: ${demo}\n` +
      'Hover a highlight, or Tab to one; the tab beside it explains the labels. Close the browser window (or press Ctrl+C) to stop.',
  );
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
}

main().catch((error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
