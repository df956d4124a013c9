/**
 * The extension as the bench measures it: the real build (WXT, the project's own wxt.config.ts) with
 * bench-only timing in the background service worker (instrument/), written to `.output/bench/`,
 * never over the shipped `.output/chrome-mv3`. The content script is not touched: its bundle is
 * byte-for-byte what the shipped build makes of the same sources, so it is also what the size goal
 * reads.
 *
 * The instrumentation is swapped in by module resolution, for three importers only:
 * - entrypoints/background.ts gets a BackgroundService whose start-up is timed (and, through it,
 *   instrument/worker-timing.ts, which times every message from receipt to answer);
 * - lib/background/background-service.ts gets a ClaimSetCache and a MentionWriter that time loading
 *   the claim set and writing mentions after the answer;
 * - lib/background/handlers/content-handlers.ts gets a timed matchClaims;
 * - the start-up pieces (opening the database, validating and seeding the bundled set) are timed too.
 * No message, listener or global is added: the timings are User Timing entries inside the worker,
 * read over the DevTools protocol (see worker-probe.ts).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { InlineConfig } from 'wxt';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INSTRUMENT = fileURLToPath(new URL('./instrument/', import.meta.url));
export const BENCH_BUILD_ROOT = join(ROOT, '.output/bench');

/** importer (relative to the project root) → real module it imports (relative) → instrumented stand-in. */
const SWAPS: ReadonlyArray<{ importer: string; real: string; shim: string }> = [
  { importer: 'entrypoints/background.ts', real: 'lib/background/background-service.ts', shim: 'timed-service.ts' },
  { importer: 'lib/background/background-service.ts', real: 'lib/background/claim-set-cache.ts', shim: 'timed-stores.ts' },
  { importer: 'lib/background/background-service.ts', real: 'lib/background/mention-writer.ts', shim: 'timed-stores.ts' },
  { importer: 'lib/background/handlers/content-handlers.ts', real: 'lib/match/match-claims.ts', shim: 'timed-match-claims.ts' },
  { importer: 'entrypoints/background.ts', real: 'lib/background/store/open-database.ts', shim: 'timed-start-up.ts' },
  { importer: 'lib/background/background-service.ts', real: 'lib/claims/validate-claim-set.ts', shim: 'timed-start-up.ts' },
  { importer: 'lib/background/background-service.ts', real: 'lib/background/store/claim-store.ts', shim: 'timed-start-up.ts' },
];

const clean = (id: string) => resolve(id.split('?')[0]!);

function instrumentPlugin(used: Set<string>): Plugin {
  return {
    name: 'pledge-lens-bench-instrument',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const from = clean(importer);
      const candidates = SWAPS.filter((swap) => from === join(ROOT, swap.importer));
      if (candidates.length === 0) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      const swap = candidates.find((c) => clean(resolved.id) === join(ROOT, c.real));
      if (!swap) return null;
      used.add(`${swap.importer} -> ${swap.real}`);
      return join(INSTRUMENT, swap.shim);
    },
  };
}

export interface BenchBuild {
  /** The instrumented Chrome MV3 build. */
  dir: string;
  ms: number;
  /** The previous bench build was made from the same sources and reused. */
  reused: boolean;
}

/** What the build is made of: a change to any of these means a new build. */
const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'assets', 'scripts/bench/instrument', 'scripts/bench/extension-build.ts', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesOf(join(path, name)));
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => filesOf(join(ROOT, source)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Builds the instrumented Chrome MV3 extension into .output/bench/chrome-mv3, unless the last bench
 * build came from the same sources (`force` builds anyway). `forProfile` builds a readable variant
 * (unminified, with source maps) into .output/bench-profile/chrome-mv3 instead, for profile.ts.
 */
export async function buildBenchExtension(log: (line: string) => void, force = false, forProfile = false): Promise<BenchBuild> {
  const outDir = forProfile ? `${BENCH_BUILD_ROOT}-profile` : BENCH_BUILD_ROOT;
  const dir = join(outDir, 'chrome-mv3');
  const stamp = join(outDir, 'sources.sha256');
  const hash = sourceHash();
  if (!force && existsSync(join(dir, 'manifest.json')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return { dir, ms: 0, reused: true };
  const { build } = await import('wxt');
  const used = new Set<string>();
  const t0 = performance.now();
  await build({
    root: ROOT,
    browser: 'chrome',
    outDir,
    logger: quietLogger(log),
    vite: () => ({ plugins: [instrumentPlugin(used)], logLevel: 'silent', ...(forProfile ? { build: { minify: false, sourcemap: true } } : {}) }),
  });
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`the bench build wrote no manifest in ${dir}`);
  // Chromium refuses an unpacked extension whose manifest names a missing icon, silently: the bench would
  // wait for a service worker that never starts. The icons are build output (`npm run icons:build`).
  const missingFiles = filesNamedByManifest(dir).filter((file) => !existsSync(join(dir, file)));
  if (missingFiles.length > 0) throw new Error(`the bench build lacks ${missingFiles.join(', ')}, which its manifest names: run \`npm run icons:build\` (npm run bench does) and build again`);
  // Every swap must have happened, or the worker timings would silently be missing.
  const missing = SWAPS.filter((swap) => !used.has(`${swap.importer} -> ${swap.real}`));
  if (missing.length > 0) throw new Error(`bench instrumentation not applied for: ${missing.map((m) => `${m.importer} -> ${m.real}`).join(', ')}`);
  writeFileSync(stamp, hash);
  return { dir, ms: performance.now() - t0, reused: false };
}

/** The icon files a built manifest names (`icons`, `action.default_icon`), relative to the build. */
function filesNamedByManifest(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { icons?: Record<string, string>; action?: { default_icon?: Record<string, string> } };
  return [...new Set([...Object.values(manifest.icons ?? {}), ...Object.values(manifest.action?.default_icon ?? {})])];
}

/** A copy of a build whose bundled claim set is `claimSetJson` (e.g. 10,000 synthetic claims). */
export function withBundledClaims(buildDir: string, name: string, claimSetJson: string): string {
  const dir = join(BENCH_BUILD_ROOT, `chrome-mv3-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(buildDir, dir, { recursive: true });
  writeFileSync(join(dir, 'claims/default.json'), claimSetJson);
  return dir;
}

type Logger = NonNullable<InlineConfig['logger']>;

/** WXT's logger, with only warnings and errors passed on. */
function quietLogger(log: (line: string) => void): Logger {
  const silent = (): void => undefined;
  const loud = (...args: unknown[]): void => log(`  wxt: ${args.map(String).join(' ')}`);
  return { debug: silent, log: silent, info: silent, success: silent, warn: loud, error: loud, fatal: loud, level: 3 };
}
