/**
 * Counts highlights on a directory of plain-text (or HTML) news articles that cannot contain any
 * claim, such as a public news-classification data set from before the claims existed. The bar is
 * zero. Nothing is written; the directory is only read.
 *   npm run eval:news -- <dir> [--claims FILE] [--max-highlights N] [--quiet]
 * Prints every highlight (file, claim, score, sentence) and a total. Exits 1 when the total is above
 * --max-highlights (default 0), 2 on unreadable input.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { compileClaimIndex } from '../lib/match/compile-index';
import { matchClaims } from '../lib/match/match-claims';
import { loadClaimSet } from './cli/load-claims';
import { InputError, loadInput } from './cli/load-input';

const USAGE = 'usage: npm run eval:news -- <dir> [--claims FILE] [--max-highlights N] [--quiet]';
const READABLE = new Set(['.txt', '.text', '.html', '.htm']);

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && READABLE.has(extname(entry.name).toLowerCase())) out.push(path);
    }
  };
  await walk(dir);
  return out;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { claims: { type: 'string' }, 'max-highlights': { type: 'string' }, quiet: { type: 'boolean' } },
  });
  const dir = positionals[0];
  if (!dir || positionals.length > 1) throw new InputError(USAGE);
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new InputError(`${dir} is not a directory\n${USAGE}`);
  const max = Number(values['max-highlights'] ?? '0');
  if (!(max >= 0)) throw new InputError('--max-highlights must be a number of highlights');
  const claimSet = await loadClaimSet(values.claims);
  const index = compileClaimIndex(claimSet.claims, claimSet.version);
  const files = await filesUnder(dir);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  let total = 0;
  let withHighlights = 0;
  let characters = 0;
  const started = performance.now();
  for (const file of files) {
    const { text, title } = await loadInput(file);
    characters += text.length;
    // (The title as the extension sends it with the page's text.)
    const matches = matchClaims(text, index, { pageTitle: title });
    if (matches.length === 0) continue;
    total += matches.length;
    withHighlights++;
    if (!values.quiet) {
      for (const m of matches) out(`${relative(dir, file)}  ${m.claimId}  score ${m.score}\n    "${text.slice(m.start, m.end).replace(/\s+/g, ' ')}"`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  out(`\nClaim set ${claimSet.version} (${claimSet.claims.length} claims): ${total} highlights in ${withHighlights} of ${files.length} files (${(characters / 1e6).toFixed(1)} M characters, ${seconds.toFixed(1)} s)`);
  if (total > max) {
    out(`FAIL: ${total} highlights > ${max}`);
    return 1;
  }
  out('PASS');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`eval:news: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof InputError ? 2 : 1);
  },
);
