/**
 * Reads a V8 CPU profile (.cpuprofile: Node's --cpu-prof, or the DevTools protocol's Profiler.stop)
 * and ranks functions by self time and by total (inclusive) time, as shares of the profile's busy
 * time. Used by `profile.ts` to name hot spots precisely (file:line, function).
 *
 *   tsx scripts/bench/cpu-profile.ts FILE.cpuprofile [--top N] [--filter TEXT] [--within FUNCTION]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourceMapReader, type RawSourceMap } from './source-map';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface HotSpot {
  name: string;
  /** ms */
  self: number;
  total: number;
  selfShare: number;
  totalShare: number;
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

/** Maps a script URL's positions to sources: a bundle's source map, when there is one. */
export type PositionResolver = (url: string, line: number, column: number) => { file: string; line: number } | undefined;

/** A resolver for script URLs whose source maps sit beside them as files (`<file>.map`), or are given by URL. */
export function sourceMapResolver(maps: ReadonlyMap<string, string> = new Map()): PositionResolver {
  const readers = new Map<string, SourceMapReader | undefined>();
  return (url, line, column) => {
    if (!readers.has(url)) {
      const path = maps.get(url) ?? (url.startsWith('file://') ? `${fileURLToPath(url)}.map` : undefined);
      readers.set(url, path && existsSync(path) ? new SourceMapReader(JSON.parse(readFileSync(path, 'utf8')) as RawSourceMap) : undefined);
    }
    return readers.get(url)?.lookup(line, column);
  };
}

function label(frame: CallFrame, root: string, resolve?: PositionResolver): string {
  const name = frame.functionName || '(anonymous)';
  const original = frame.url ? resolve?.(frame.url, frame.lineNumber, frame.columnNumber) : undefined;
  if (original) return `${name} ${original.file.replace(/^(\.\.\/)+/, '').replace(root, '')}:${original.line}`;
  const file = frame.url.replace(/^file:\/\//, '').replace(root, '');
  return file ? `${name} ${file}:${frame.lineNumber + 1}` : name;
}

/** Self and total time per function (merged over call sites), busy time excluding (idle). */
export function hotSpots(profile: CpuProfile, root = '', resolve?: PositionResolver, within?: string): { busy: number; gc: number; spots: HotSpot[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  let gc = 0;
  const inside = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.functionName === within) return true;
    return false;
  };
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    if (name === '(idle)') return;
    // GC samples have no stack: counted for the whole profile, whatever `within` says.
    if (name === '(garbage collector)') gc += dt;
    // Only time spent under a given function.
    if (within && !inside(id)) return;
    busy += dt;
    const leaf = label(node.callFrame, root, resolve);
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    // Inclusive: each distinct function on the stack once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.functionName === '(root)') continue;
      const key = label(frame, root, resolve);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  const spots = [...total.keys()]
    .filter((name) => !IDLE.has(name))
    .map((name) => ({ name, self: self.get(name) ?? 0, total: total.get(name) ?? 0, selfShare: (self.get(name) ?? 0) / busy, totalShare: (total.get(name) ?? 0) / busy }));
  for (const [name, value] of self) if (!total.has(name)) spots.push({ name, self: value, total: value, selfShare: value / busy, totalShare: value / busy });
  return { busy, gc, spots };
}

export interface HotSpotOptions {
  top?: number;
  /** Only list functions whose label contains this. */
  filter?: string;
  /** Only count samples with this function on the stack (shares are then of its time). */
  within?: string;
  root?: string;
  resolve?: PositionResolver;
}

export function formatHotSpots(profile: CpuProfile, options: HotSpotOptions = {}): string {
  const { busy, gc, spots } = hotSpots(profile, options.root ?? '', options.resolve, options.within);
  const top = options.top ?? 25;
  const keep = (s: HotSpot) => !options.filter || s.name.includes(options.filter);
  const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;
  const lines = [`busy ${busy.toFixed(1)} ms${options.within ? ` under ${options.within}` : ''}; garbage collection in the whole profile ${gc.toFixed(1)} ms`, '', 'self time:'];
  for (const s of [...spots].filter(keep).sort((a, b) => b.self - a.self).slice(0, top)) lines.push(`  ${pct(s.selfShare)} ${s.self.toFixed(1).padStart(8)} ms  ${s.name}`);
  lines.push('', 'total time:');
  for (const s of [...spots].filter(keep).sort((a, b) => b.total - a.total).slice(0, top)) lines.push(`  ${pct(s.totalShare)} ${s.total.toFixed(1).padStart(8)} ms  ${s.name}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx scripts/bench/cpu-profile.ts FILE.cpuprofile [--top N] [--filter TEXT] [--within FUNCTION]');
  const at = (flag: string) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  process.stdout.write(formatHotSpots(profile, { top: Number(at('--top') ?? 25), filter: at('--filter'), within: at('--within'), root, resolve: sourceMapResolver() }) + '\n');
}
