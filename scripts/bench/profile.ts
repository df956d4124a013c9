/**
 * CPU profiles for finding out why a goal is not met. Not part of `npm run bench` (profiling slows
 * what it watches); each target prints the hot spots by self and total time, named by TypeScript
 * source (bundles are built unminified with source maps), and keeps the .cpuprofile in bench/tmp/
 * (git-ignored) for Chrome DevTools' Performance panel.
 *
 *   npx tsx scripts/bench/profile.ts match [--set 1000]     matchClaims on the 10k-word page, warm (Node)
 *   npx tsx scripts/bench/profile.ts match-cold             its first call in a fresh process (Node)
 *   npx tsx scripts/bench/profile.ts adversarial [--kind "deep lists"]   1 MB of one adversarial text (Node)
 *   npx tsx scripts/bench/profile.ts prose                  1 MB of prose (Node)
 *   npx tsx scripts/bench/profile.ts page                   the in-page engine on the 10k-word page: cold, then warm, then by hand (Chromium)
 *   npx tsx scripts/bench/profile.ts worker                 the extension's service worker on 10k-word pages, warm (Chromium)
 *   npx tsx scripts/bench/profile.ts content                the content script in the tab, 2k and 10k pages, warm worker (Chromium)
 *   npx tsx scripts/bench/profile.ts long-tasks             a Chrome trace of the 100k-word page: every main-thread task >= 50 ms, taken apart
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { formatHotSpots, sourceMapResolver, type CpuProfile } from './cpu-profile';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'bench/tmp');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { set: { type: 'string' }, kind: { type: 'string' }, top: { type: 'string' } },
});
const target = positionals[0];
const top = Number(values.top ?? 25);
const print = (title: string, profile: CpuProfile, within?: string, maps?: ReadonlyMap<string, string>) => {
  process.stdout.write(`\n== ${title}\n${formatHotSpots(profile, { top, within, root: ROOT, resolve: sourceMapResolver(maps) })}\n`);
};

async function nodeProfile(name: string, args: string[], within: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const bundle = join(OUT, 'profile-workload.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./profile-workload.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'external',
    // Only our code is bundled (for the source map); packages load from node_modules.
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
  const dir = join(OUT, `profile-${name}`);
  rmSync(dir, { recursive: true, force: true });
  const output = execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', bundle, ...args, '--root', ROOT], { encoding: 'utf8' });
  process.stdout.write(output);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const kept = join(OUT, `${name}.cpuprofile`);
  writeFileSync(kept, JSON.stringify(profile));
  rmSync(dir, { recursive: true, force: true });
  print(`${name}: under ${within} (${kept})`, profile, within, new Map([[pathToFileURL(bundle).href, `${bundle}.map`]]));
}

async function main(): Promise<void> {
  switch (target) {
    case 'match':
      return nodeProfile(`match-${values.set ?? 'default'}`, ['match', ...(values.set ? ['--set', values.set] : [])], 'matchClaimsDetailed');
    case 'match-cold':
      return nodeProfile('match-cold', ['match', '--warmup', '0', '--calls', '1'], 'matchClaimsDetailed');
    case 'adversarial':
      return nodeProfile(`adversarial`, ['adversarial', '--kind', values.kind ?? 'deep lists'], 'matchClaimsDetailed');
    case 'prose':
      return nodeProfile('prose', ['prose', '--warmup', '1', '--calls', '2'], 'matchClaimsDetailed');
    case 'page':
    case 'content':
    case 'long-tasks':
    case 'worker': {
      const { profileInBrowser } = await import('./profile-browser');
      return profileInBrowser(target, { out: OUT, print });
    }
    default:
      throw new Error('usage: npx tsx scripts/bench/profile.ts match|match-cold|adversarial|prose|page|worker|content|long-tasks [--set N] [--kind NAME] [--top N]');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
