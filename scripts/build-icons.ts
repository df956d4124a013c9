/**
 * `npm run icons:build` (run by `npm run build`, `zip` and `dev` before WXT): renders the toolbar and
 * store icon from its SVG source into the PNG sizes the browsers and stores ask for. The PNGs are
 * build output (git-ignored); WXT copies public/ into the extension and wxt.config.ts names them in
 * the manifest (both read scripts/support/icon-sizes.ts).
 *   assets/icon.svg        48, 96 and 128 px (extension pages, the add-ons manager, the stores)
 *   assets/icon-small.svg  16 and 32 px (the toolbar at 1x and 2x), drawn on a 16 px grid so lines stay crisp
 * The 128 px icon keeps the Chrome Web Store's margin: the tile fills the middle 96 px, transparent around it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES, iconPath } from './support/icon-sizes';
import { REPO_ROOT } from './support/paths';

const SOURCE_FOR_SIZE = (size: number): string => resolve(REPO_ROOT, 'assets', size <= 32 ? 'icon-small.svg' : 'icon.svg');
/**
 * Transparent padding per side, in the SVG's own units. The store icon's tile (120 of 128 units) is
 * then drawn 96 px wide in the middle of 128, as the Chrome Web Store asks; the other sizes fill their box.
 */
const PADDING_FOR_SIZE = (size: number): number => (size === 128 ? 16 : 0);

/** Widens the SVG's viewBox by `padding` units on every side, so the artwork is drawn smaller, centred. */
export function withPadding(svg: string, padding: number): string {
  if (padding === 0) return svg;
  return svg.replace(/viewBox="([\d.\s-]+)"/, (_all, box: string) => {
    const [x = 0, y = 0, w = 0, h = 0] = box.trim().split(/\s+/).map(Number);
    return `viewBox="${x - padding} ${y - padding} ${w + 2 * padding} ${h + 2 * padding}"`;
  });
}

export const PUBLIC_DIR = resolve(REPO_ROOT, 'public');

export async function buildIcons(publicDir = PUBLIC_DIR): Promise<string[]> {
  const written: string[] = [];
  for (const size of ICON_SIZES) {
    const svg = withPadding(await readFile(SOURCE_FOR_SIZE(size), 'utf8'), PADDING_FOR_SIZE(size));
    // No system fonts: the icon has no text, and loading them would make the output depend on the machine.
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
    const file = resolve(publicDir, iconPath(size));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, png);
    written.push(file);
  }
  return written;
}

// Run as a script, not when a test imports buildIcons.
if (process.argv[1] && resolve(process.argv[1]) === resolve(REPO_ROOT, 'scripts', 'build-icons.ts')) {
  buildIcons().then(
    (files) => console.log(`icons: wrote ${files.length} PNGs (${ICON_SIZES.join(', ')} px) to ${dirname(files[0] ?? PUBLIC_DIR)}`),
    (error: unknown) => {
      console.error(`icons: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
