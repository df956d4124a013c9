/**
 * Offsets by the standard (issue 11, item 7): the W3C export's TextPositionSelector counts Unicode
 * code points, as the Web Annotation model says, so it does not drift after an emoji; our own import
 * restores the exact UTF-16 offsets; the scanner's JSON says which unit it uses and gives code points.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codePointLength, codePointToUtf16, exportW3c, utf16ToCodePoint } from '../../../lib/annotations/export-w3c';
import { parseAnnotationExport } from '../../../lib/annotations/import-annotations';
import { makeAnchor } from '../../../lib/annotations/make-anchor';
import { mentionId } from '../../../lib/annotations/mention-id';
import type { Mention } from '../../../lib/annotations/schema';
import { REPO_ROOT } from '../../../scripts/support/paths';

/** Runs the scanner on one file of `content` named `name` in a fresh temporary folder, with `args` before it: its stdout. */
function scan(name: string, content: string, args: readonly string[] = []): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pledge-lens-scan-')), name);
  writeFileSync(file, content);
  const run = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'scripts/scan.ts'), ...args, file], { encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

const TEXT = 'Intro 🙂 and 👩🏽‍💻 before. Anthropic said it will publish a Risk Report every three to six months.';
const QUOTE = 'Anthropic said it will publish a Risk Report every three to six months.';

function mention(text: string, quote: string, pageUrl = 'https://example.org/page'): Mention {
  const start = text.indexOf(quote);
  const anchor = makeAnchor(text, start, start + quote.length);
  const claimId = 'anthropic-rsp3-risk-reports';
  return {
    // The id the extension gives it: an import refuses one that does not match the page, claim and quote.
    id: mentionId(pageUrl, claimId, anchor.exact, anchor.prefix, anchor.suffix),
    pageUrl,
    pageTitle: 'Example',
    claimId,
    anchor,
    firstSeen: '2026-11-29T10:00:00.000Z',
    lastSeen: '2026-11-29T10:00:00.000Z',
  };
}

describe('code points', () => {
  it('counts an astral character (a surrogate pair) as one code point, both ways', () => {
    expect(codePointLength('a🙂b')).toBe(3);
    expect(utf16ToCodePoint('a🙂b', 3)).toBe(2);
    expect(codePointToUtf16('a🙂b', 2)).toBe(3);
    expect(codePointToUtf16(TEXT, utf16ToCodePoint(TEXT, TEXT.indexOf(QUOTE)))).toBe(TEXT.indexOf(QUOTE));
  });

  it('writes the W3C TextPositionSelector in code points and keeps UTF-16 offsets for our own import', () => {
    const m = mention(TEXT, QUOTE);
    const collection = exportW3c([m], new Map(), { generatedAt: '2026-11-29T12:00:00.000Z', pageText: () => TEXT });
    const annotation = collection.first.items[0]!;
    const position = annotation.target.selector[1];
    expect(position.type).toBe('TextPositionSelector');
    // The span in code points selects the quote in the code-point sequence of the page.
    expect([...TEXT].slice(position.start, position.end).join('')).toBe(QUOTE);
    expect(position.start).toBeLessThan(m.anchor.start);
    expect(annotation.pledgeLens.utf16).toEqual({ start: m.anchor.start, end: m.anchor.end });
    const back = parseAnnotationExport(JSON.stringify(collection));
    expect(back.ok && back.mentions[0]!.anchor).toEqual(m.anchor);
  });

  it('without the page text, accounts for the astral characters its anchor can see', () => {
    const text = `🙂🙂 ${QUOTE}`;
    const m = mention(text, QUOTE);
    const collection = exportW3c([m], new Map(), { generatedAt: '2026-11-29T12:00:00.000Z' });
    const position = collection.first.items[0]!.target.selector[1];
    expect([...text].slice(position.start, position.end).join('')).toBe(QUOTE);
  });

  it('reads a format-1 file (UTF-16 positions, no utf16 field) as it was written', () => {
    const m = mention(TEXT, QUOTE);
    const collection = exportW3c([m], new Map(), { generatedAt: '2026-11-29T12:00:00.000Z' });
    const old = JSON.parse(JSON.stringify(collection)) as { pledgeLens: { formatVersion: number }; first: { items: Array<Record<string, unknown>> } };
    old.pledgeLens.formatVersion = 1;
    const item = old.first.items[0] as { pledgeLens: Record<string, unknown>; target: { selector: Array<Record<string, unknown>> } };
    delete item.pledgeLens.utf16;
    item.target.selector[1] = { type: 'TextPositionSelector', start: m.anchor.start, end: m.anchor.end };
    const back = parseAnnotationExport(JSON.stringify(old));
    expect(back.ok && back.mentions[0]!.anchor).toEqual(m.anchor);
  });
});

describe('scanner --json', () => {
  it('names its offset unit and gives code points, with the UTF-16 span beside them', () => {
    const stdout = scan('page.txt', TEXT, ['--json']);
    const out = JSON.parse(stdout) as { offsets: string; matches: Array<{ start: number; end: number; utf16Start: number; utf16End: number; text: string }> };
    expect(out.offsets).toBe('unicode-code-points');
    expect(out.matches.length).toBeGreaterThan(0);
    for (const match of out.matches) {
      expect([...TEXT].slice(match.start, match.end).join('')).toBe(match.text);
      expect(TEXT.slice(match.utf16Start, match.utf16End)).toBe(match.text);
    }
  });
});

describe('scanner table', () => {
  it('prints each match with its own kind: a refusal is NONE, not TARGET', () => {
    const stdout = scan('page.txt', 'Meta declines to sign the EU AI code\n\nMeta will not sign the EU code of practice for general-purpose AI models, its global affairs chief said on Friday.\n');
    const rows = stdout.split('\n').filter((line) => line.includes('meta-declined-gpai-code'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.trim().split(/\s+/)[0]).toBe('NONE');
  });
});

describe('scanner exports', () => {
  it("cite the page's site, authors and publication date from its metadata, as the extension's exports do", () => {
    const stdout = scan('page.html', '<!doctype html><html><head><title>Meta declines to sign the EU AI code | The Ledger</title><meta property="og:site_name" content="The Ledger"><meta name="citation_author" content="Schmidt, Katrin"><meta property="article:published_time" content="2025-07-18T09:00:00Z"></head><body><p>Meta will not sign the EU code of practice for general-purpose AI models, its global affairs chief said on Friday.</p></body></html>', ['--format', 'csl']);
    const [item] = JSON.parse(stdout) as Array<{ 'container-title'?: string; author?: unknown[]; issued?: unknown }>;
    // Before, a scanned file's export had none of the three (a new user's report 53, problem 7).
    expect(item).toMatchObject({ 'container-title': 'The Ledger', author: [{ family: 'Schmidt', given: 'Katrin' }], issued: { 'date-parts': [[2025, 7, 18]] } });
  });

  it('line up the table: the offsets start in one column whatever the length of the claim id', () => {
    const stdout = scan('page.txt', 'For models that reach the Critical level, OpenAI says safeguards must be in place during development, not only before deployment.\n\nMeta will not sign the EU code of practice for general-purpose AI models, its global affairs chief said on Friday.\n');
    const rows = stdout.split('\n').filter((line) => /^\s+(?:BINDING|TARGET|NONE)/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((row) => row.search(/\d+-\d+/))).size).toBe(1);
  });
});

describe('the scanner marks a possible match', () => {
  it('"possible" in its JSON and "?" after the score in its table, for the loose passage only', () => {
    const text = "Anthropic has also told lawmakers it supports regulation scaled to risk, and it endorsed California's SB 53 last year.\n\nAnthropic said it will publish a Risk Report every three to six months.\n";
    const json = JSON.parse(scan('loose.txt', text, ['--json'])) as { matches: Array<{ claimId: string; possible: boolean }> };
    expect(json.matches.map((m) => [m.claimId, m.possible])).toEqual([
      ['anthropic-propose-risk-scaled-regulation', true],
      ['anthropic-rsp3-risk-reports', false],
    ]);
    const rows = scan('loose.txt', text).split('\n').filter((line) => line.startsWith('  '));
    expect(rows.map((row) => /\d\.\d\d(\?| ) /.exec(row)?.[1])).toEqual(['?', ' ']);
  }, 120_000);
});

describe('the scanner piped into a reader that stops early (`| head`)', () => {
  it('ends quietly, without a stack trace for the closed pipe', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pledge-lens-scan-')), 'many.txt');
    writeFileSync(file, 'Anthropic said it will publish a Risk Report every three to six months.\n\n'.repeat(400));
    const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'scripts/scan.ts'), '--json', file, file, file, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at .+:\d+:\d+/);
    expect(code).toBe(0);
  }, 120_000);
});
