/**
 * Export → import → export through the background, on a page whose blocks are separated as the
 * content script separates them (U+2029 around the page's own line breaks), with an emoji before the
 * quotes (code-point positions), curly quotes and "·" in the title, a note and a wrong-match flag.
 *
 * Import reads W3C JSON-LD only (CSV and Markdown are refused); the CSV and Markdown exports made
 * after a W3C round trip must still be byte-for-byte the ones made before it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_IDS, type ExportFormat } from '../../../lib/annotations/export-formats';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { BackgroundHarness, freshBundledClaimSet, ok, openFreshDatabase, TOP_FRAME } from '../background/background-harness';

const PAGE = {
  url: 'https://news.example/2026/rulebook',
  title: 'Anthropic’s “new rulebook” · Example News',
  text:
    'Anthropic overhauled its safety rulebook this week 🚀.\u2029\n\u2029' +
    'The company now says it will publish a written risk assessment on a recurring schedule, roughly every three to six months.\u2029\n   \u2029' +
    'Anthropic added that it will put out a written risk assessment every three to six months.\u2029\n\u2029' +
    'Shares of unrelated chipmakers rose on the news.',
  /** What the page's metadata says (the content script reads it): every format carries it through the round trip. */
  citation: { published: '2026-02-24', authors: ['Jane van der Berg', 'Example News Staff'] },
};

const now = () => new Date('2026-11-25T12:00:00.000Z');
let db: PledgeLensDatabase;

async function background(): Promise<BackgroundHarness> {
  const harness = new BackgroundHarness(db, { loadBundled: async () => freshBundledClaimSet(), now });
  await harness.service.init();
  return harness;
}

async function readPage(bg: BackgroundHarness) {
  return ok(bg.content({ ...TOP_FRAME, url: PAGE.url })({ type: 'match-page', url: PAGE.url, title: PAGE.title, citation: PAGE.citation, text: PAGE.text }));
}

/** Every format's export of the whole history, wrong matches included (the flag must survive too). */
async function exportAll(bg: BackgroundHarness): Promise<Record<ExportFormat, string>> {
  const files = {} as Record<ExportFormat, string>;
  for (const format of EXPORT_FORMAT_IDS) {
    files[format] = (await ok(bg.page({ type: 'export-mentions', format, query: { wrongMatches: 'include' } }))).content;
  }
  return files;
}

async function historySize(bg: BackgroundHarness): Promise<number> {
  return (await ok(bg.page({ type: 'list-mentions', query: { wrongMatches: 'include' } }))).mentions.length;
}

beforeEach(async () => {
  db = await openFreshDatabase();
});

afterEach(() => {
  db.close();
});

describe('export → import → export', () => {
  it('imports into the same history as unchanged, into an empty one identically, and a revisit adds no duplicate', async () => {
    const bg = await background();
    const { matches } = await readPage(bg);
    expect(matches).toHaveLength(2);
    await ok(bg.page({ type: 'set-note', mentionId: matches[0]!.mentionId, text: 'Compare with the “March” version' }));
    await ok(bg.page({ type: 'set-wrong-match', mentionId: matches[matches.length - 1]!.mentionId, flagged: true }));
    const stored = await historySize(bg);
    const before = await exportAll(bg);
    // The page's own citation data is in every format (and so goes through the round trip below).
    expect(JSON.parse(before.csl)[0]).toMatchObject({
      issued: { 'date-parts': [[2026, 2, 24]] },
      author: [{ given: 'Jane', 'non-dropping-particle': 'van der', family: 'Berg' }, { literal: 'Example News Staff' }],
    });
    expect(before.w3c).toContain('"pageCitation": {\n');
    expect(before.csv).toContain(',2026-02-24,Jane van der Berg; Example News Staff,');
    expect(before.markdown).toContain('By Jane van der Berg and Example News Staff · Published 24 Feb 2026');

    // The same history: nothing added, nothing changed, and the files are as they were.
    expect(await bg.page({ type: 'import-mentions', text: before.w3c })).toEqual({ ok: true, added: 0, updated: 0, unchanged: stored, keptNotes: 0 });
    expect(await historySize(bg)).toBe(stored);
    expect(await exportAll(bg)).toEqual(before);

    // An empty profile: everything added, and every format exports the same bytes.
    db.close();
    db = await openFreshDatabase();
    const fresh = await background();
    expect(await fresh.page({ type: 'import-mentions', text: before.w3c })).toEqual({ ok: true, added: stored, updated: 0, unchanged: 0, keptNotes: 0 });
    expect(await exportAll(fresh)).toEqual(before);
    expect(await fresh.page({ type: 'import-mentions', text: before.w3c })).toEqual({ ok: true, added: 0, updated: 0, unchanged: stored, keptNotes: 0 });

    // Reading the page again finds the imported records (same ids), not new ones; the note and flag stay.
    await readPage(fresh);
    expect(await historySize(fresh)).toBe(stored);
    const after = await exportAll(fresh);
    expect(after.w3c).toContain('Compare with the “March” version');
    expect(after.csv.match(/,true,/g)).toHaveLength(1);
  });

  it('a quote read in an embed goes through every format under its article, the embed named, and back in', async () => {
    const bg = await background();
    const embed = 'https://posts.example/embed/42';
    const sender = { id: 'pledge-lens-test-id', url: embed, tab: { id: TOP_FRAME.tabId, url: PAGE.url, title: PAGE.title }, frameId: 4 };
    const answer = (await bg.raw({ type: 'match-page', url: embed, title: 'Post by @someone', text: PAGE.text }, sender)) as { ok: boolean };
    expect(answer.ok).toBe(true);
    await readPage(bg);
    const stored = await historySize(bg);
    const before = await exportAll(bg);
    const annotations = JSON.parse(before.w3c).first.items as Array<{ target: { source: string; scope?: string } }>;
    expect(annotations.filter((a) => a.target.scope !== undefined).map((a) => a.target)).toEqual(
      annotations.filter((a) => a.target.scope !== undefined).map(() => expect.objectContaining({ source: embed, scope: PAGE.url })),
    );
    expect(annotations.filter((a) => a.target.scope !== undefined).length).toBe(stored / 2);
    // One reference for the article, its embed's quotes in it (after the article's own) and named.
    const csl = JSON.parse(before.csl) as Array<{ title: string; URL: string; note: string }>;
    expect(csl.map((item) => item.URL)).toEqual([PAGE.url]);
    expect(csl[0]!.note).toContain(`· In an embed: ${embed}`);
    // (The link's text escaped as every page-given text is: "https\\://".)
    expect(before.markdown.split('\n').filter((line) => line.startsWith('- In an embed: [') && line.endsWith(`](${embed})`))).toHaveLength(stored / 2);
    expect(before.markdown).not.toContain('Post by @someone');
    expect(before.csv.split('\r\n').filter((row) => row.includes(`,${embed},`))).toHaveLength(stored / 2);

    db.close();
    db = await openFreshDatabase();
    const fresh = await background();
    expect(await fresh.page({ type: 'import-mentions', text: before.w3c })).toEqual({ ok: true, added: stored, updated: 0, unchanged: 0, keptNotes: 0 });
    expect(await exportAll(fresh)).toEqual(before);
    // A file whose scope was changed no longer matches its ids.
    const moved = before.w3c.replaceAll(`"scope": "${PAGE.url}"`, '"scope": "https://elsewhere.example/"');
    expect(moved).not.toBe(before.w3c);
    expect((await fresh.page({ type: 'import-mentions', text: moved })).ok).toBe(false);
  });

  it("re-importing an older backup after a note was edited keeps the reader's newer note and says the file's was not used", async () => {
    const bg = await background();
    const { matches } = await readPage(bg);
    const id = matches[0]!.mentionId;
    await ok(bg.page({ type: 'set-note', mentionId: id, text: 'first thoughts' }));
    const backup = (await ok(bg.page({ type: 'export-mentions', format: 'w3c', query: { wrongMatches: 'include' } }))).content;
    await ok(bg.page({ type: 'set-note', mentionId: id, text: 'second thoughts' }));
    const stored = await historySize(bg);
    expect(await bg.page({ type: 'import-mentions', text: backup })).toEqual({ ok: true, added: 0, updated: 0, unchanged: stored, keptNotes: 1 });
    expect((await ok(bg.page({ type: 'export-mentions', format: 'w3c', query: { wrongMatches: 'include' } }))).content).toContain('second thoughts');
  });

  it("a revisit takes the page's new citation data, and keeps the old when the page no longer gives any", async () => {
    const bg = await background();
    await readPage(bg);
    const content = bg.content({ ...TOP_FRAME, url: PAGE.url });
    const csl = async () => JSON.parse((await ok(bg.page({ type: 'export-mentions', format: 'csl', query: { wrongMatches: 'include' } }))).content)[0];
    await ok(content({ type: 'match-page', url: PAGE.url, title: PAGE.title, text: PAGE.text }));
    expect(await csl()).toMatchObject({ issued: { 'date-parts': [[2026, 2, 24]] } });
    await ok(content({ type: 'match-page', url: PAGE.url, title: PAGE.title, citation: { published: '2026-02-25', authors: ['Ann Poe'] }, text: PAGE.text }));
    expect(await csl()).toMatchObject({ issued: { 'date-parts': [[2026, 2, 25]] }, author: [{ given: 'Ann', family: 'Poe' }] });
  });

  it("refuses a page's citation data that is not a date or a list of names, and records nothing from it", async () => {
    const bg = await background();
    const content = bg.content({ ...TOP_FRAME, url: PAGE.url });
    for (const citation of [{ published: '2026-02-30' }, { authors: ['x'.repeat(201)] }, { authors: 'Jane Doe' }]) {
      const answer = await content({ type: 'match-page', url: PAGE.url, title: PAGE.title, citation, text: PAGE.text } as never);
      expect(answer.ok).toBe(false);
    }
    expect(await historySize(bg)).toBe(0);
  });

  it('writes no U+2029, reads a W3C file with or without a byte order mark, and refuses a CSV export either way with the same words', async () => {
    const bg = await background();
    await readPage(bg);
    const files = await exportAll(bg);
    expect(files.csv.startsWith('\uFEFF')).toBe(true);
    // The page's block boundaries are line feeds in every file: U+2029 is not on the page.
    for (const file of Object.values(files)) expect(file).not.toContain('\u2029');
    const stored = await historySize(bg);
    for (const text of [files.w3c, `\uFEFF${files.w3c}`]) {
      expect(await bg.page({ type: 'import-mentions', text })).toEqual({ ok: true, added: 0, updated: 0, unchanged: stored, keptNotes: 0 });
    }
    const refusals = await Promise.all([files.csv, files.csv.slice(1)].map((text) => bg.page({ type: 'import-mentions', text })));
    for (const refusal of refusals) expect(refusal).toMatchObject({ ok: false, failure: { code: 'annotation-not-json' } });
    expect(await historySize(bg)).toBe(stored);
  });
});
