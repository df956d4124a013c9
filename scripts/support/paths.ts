/** Where things are in the repository, and the built extension and browsers the tools drive. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so tools and tests run the same from any working directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTICLES_DIR = resolve(REPO_ROOT, 'tests', 'fixtures', 'articles');
export const TEST_PAGES_DIR = resolve(REPO_ROOT, 'tests', 'e2e', 'pages');

export type BuildTarget = 'chrome-mv3' | 'firefox-mv2';

/** Lets a developer point the suite at another unpacked build (for example a patched copy) without editing tests. */
const OVERRIDE_ENV: Record<BuildTarget, string> = {
  'chrome-mv3': 'PLEDGE_LENS_E2E_CHROME_EXT',
  'firefox-mv2': 'PLEDGE_LENS_E2E_FIREFOX_EXT',
};

/**
 * The absolute path of the built extension. Tests never build it themselves (a build inside a test
 * would hide a broken build step and cost time in every file), so a missing build fails loudly.
 */
export function extensionDir(target: BuildTarget): string {
  const dir = resolve(process.env[OVERRIDE_ENV[target]] ?? resolve(REPO_ROOT, '.output', target));
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}. Run \`npm run build\` (wxt build && wxt build -b firefox) before the E2E tests.`);
  }
  return dir;
}

/** Fails early and clearly when a browser the suite needs is not installed (tests never download one). */
export function requireBrowser(executable: string, debianPackage: string): string {
  if (!existsSync(executable)) throw new Error(`${executable} is missing: install Debian's ${debianPackage} package (apt-get install ${debianPackage}).`);
  return executable;
}
