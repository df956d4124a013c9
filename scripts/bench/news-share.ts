/**
 * How much of ordinary news would wake the service worker once the content script runs the claim
 * prefilter: `VocabularyMatcher.mayStateClaims` (lib/prefilter/claim-vocabulary.ts) over every
 * article of a general-news corpus, with the vocabulary the background publishes for the bundled
 * claim set. A page that fails the test sends nothing, so it costs the worker nothing.
 *
 * The corpus is passed by path (`--news DIR`): a folder of .txt (or .html) articles, e.g. the BBC
 * news classification set; file names starting with a category and a dash (`tech-001.txt`) are also
 * counted per category. It is read, never copied or committed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Claim } from '../../lib/claims/schema';
import { buildClaimVocabulary, VocabularyMatcher } from '../../lib/prefilter/claim-vocabulary';
import { textFromHtml } from '../cli/load-input';

export interface NewsShare {
  dir: string;
  files: number;
  /** Articles that pass the prefilter: they would send their text and wake the worker. */
  woken: number;
  share: number;
  /** Per file-name category (the part before the first dash), when names have one. */
  byCategory: Record<string, { files: number; woken: number }>;
  /** A few of the woken articles, for reading what lets them through. */
  examples: string[];
  /** Prefilter time over the whole corpus, and per article (median is not needed: it is linear). */
  totalMs: number;
  characters: number;
}

const READABLE = new Set(['.txt', '.text', '.html', '.htm']);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...filesUnder(path));
    else if (stat.isFile() && READABLE.has(extname(name).toLowerCase())) out.push(path);
  }
  return out;
}

export function measureNewsShare(dir: string, claims: readonly Claim[]): NewsShare {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--news: ${dir} is not a directory`);
  const matcher = new VocabularyMatcher(buildClaimVocabulary(claims));
  const files = filesUnder(dir);
  if (files.length === 0) throw new Error(`--news: no .txt or .html articles under ${dir}`);
  const byCategory: NewsShare['byCategory'] = {};
  const examples: string[] = [];
  let woken = 0;
  let totalMs = 0;
  let characters = 0;
  for (const file of files) {
    const raw = readFileSync(file, 'utf8');
    const ext = extname(file).toLowerCase();
    const text = ext === '.html' || ext === '.htm' ? textFromHtml(raw, `https://news.invalid/${basename(file)}`).text : raw;
    characters += text.length;
    const t0 = performance.now();
    const wakes = matcher.mayStateClaims(text);
    totalMs += performance.now() - t0;
    const category = /^([a-z]+)-/i.exec(basename(file))?.[1] ?? 'all';
    const entry = (byCategory[category] ??= { files: 0, woken: 0 });
    entry.files++;
    if (wakes) {
      woken++;
      entry.woken++;
      if (examples.length < 8) examples.push(basename(file));
    }
  }
  return { dir, files: files.length, woken, share: woken / files.length, byCategory, examples, totalMs, characters };
}
