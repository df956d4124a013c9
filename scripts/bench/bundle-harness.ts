/**
 * Bundles the in-page harness (Pledge Lens engine, mark.js, approx-string-match) into one classic
 * script with esbuild, which wxt already depends on, so the bench needs no extra package.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./page-harness.ts', import.meta.url));

export async function bundleHarness(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Minified like the shipped content script, so parse and run costs are comparable.
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the page harness');
  return output.text;
}
