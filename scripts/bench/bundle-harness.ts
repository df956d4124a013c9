/**
 * Bundles the in-page harness (Pledge Lens engine, mark.js, approx-string-match) into one classic
 * script with esbuild, which wxt already depends on, so the bench needs no extra package.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./page-harness.ts', import.meta.url));

/** Minified like the shipped content script, so parse and run costs are comparable. */
export async function bundleHarness(): Promise<string> {
  return (await bundle(false)).code;
}

/** Readable, with its source map (profiles then name hot spots by their TypeScript source). */
export function bundleHarnessForProfile(): Promise<{ code: string; map: string }> {
  return bundle(true) as Promise<{ code: string; map: string }>;
}

async function bundle(forProfile: boolean): Promise<{ code: string; map?: string }> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: !forProfile,
    ...(forProfile ? { sourcemap: 'external' as const, outfile: 'harness.js' } : {}),
    write: false,
    logLevel: 'silent',
  });
  // Without an outfile the one output is named "<stdout>".
  const code = result.outputFiles.find((file) => !file.path.endsWith('.map'))?.text;
  if (code === undefined) throw new Error('esbuild produced no output for the page harness');
  return { code, map: result.outputFiles.find((file) => file.path.endsWith('.map'))?.text };
}
