/**
 * The CSL-JSON export: one `webpage` item per annotated page with the fields a reference manager
 * needs, its annotations in `note` as plain lines that Zotero cannot read as fields of the item, days
 * as CSL date parts in UTC, and an empty export as an empty array.
 */
import { describe, expect, it } from 'vitest';
import { exportCsl, type CslItem } from '../../../lib/annotations/export-csl';
import { EXPORT_FORMATS, exportFileName } from '../../../lib/annotations/export-formats';
import type { Mention } from '../../../lib/annotations/schema';
import { bindingClaim, claimsById, makeMention, targetClaim } from './fixtures';

const generatedAt = '2026-11-22T10:00:00.000Z';
const parse = (mentions: readonly Mention[]): CslItem[] => JSON.parse(EXPORT_FORMATS.csl.serialise(mentions, claimsById, generatedAt)) as CslItem[];

/** The item types Zotero's "CSL JSON" translator accepts (detectImport): a file with any other is not offered for import. */
const ZOTERO_CSL_TYPES = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'post', 'post-weblog', 'report', 'webpage']);

const PAGE = 'https://www.news.example/2026/acme-policy';
const OTHER = 'https://blog.example/acme';

describe('CSL-JSON export', () => {
  it('writes one webpage item per page, in the order pages were given, with title, site, address, day read and every annotation in its note', () => {
    const note = { text: 'Compare with the March version', updatedAt: '2026-11-21T20:00:00.000Z' };
    const items = parse([
      makeMention({ pageUrl: PAGE, start: 400, exact: 'Acme said it would publish a roadmap each quarter', claimId: targetClaim.id }),
      makeMention({ pageUrl: OTHER, pageTitle: 'Acme, again', start: 5 }),
      makeMention({ pageUrl: PAGE, start: 120, note }),
    ]);
    expect(items.map((item) => item.URL)).toEqual([PAGE, OTHER]);
    const [first, second] = [items[0]!, items[1]!];
    expect(first).toMatchObject({
      id: 'news.example-acme-policy-2026-11-20',
      type: 'webpage',
      title: 'Acme rewrites its safety policy',
      'container-title': 'news.example',
      URL: PAGE,
      accessed: { 'date-parts': [[2026, 11, 21]] },
    });
    expect(second).toMatchObject({ id: 'blog.example-acme-2026-11-20', title: 'Acme, again', 'container-title': 'blog.example' });
    for (const item of items) expect(ZOTERO_CSL_TYPES.has(item.type)).toBe(true);

    // A title that ends with the site's name: the work's title, and the site's name as the publication.
    const [named] = parse([makeMention({ pageUrl: PAGE, pageTitle: 'Acme rewrites its safety policy | Technology | News Example' })]);
    expect(named).toMatchObject({ title: 'Acme rewrites its safety policy', 'container-title': 'News Example' });

    // The note: our header, then the page's mentions in text order, each with its label and status, the
    // claim as Pledge Lens summarises it, the primary source, the reader's note and the days seen.
    const blocks = first.note.split('\n\n');
    expect(blocks[0]).toBe('— Pledge Lens annotations, exported 22 Nov 2026, 10:00 UTC');
    expect(blocks[1]!.split('\n')).toEqual([
      '“Acme said it would no longer pause training”',
      '· Binding commitment (self-imposed) · Withdrawn 24 Feb 2026',
      `· Claim by Acme AI, as Pledge Lens summarises it: ${bindingClaim.statement}`,
      `· Primary source: ${bindingClaim.evidence[0]!.url}`,
      '· Your note: Compare with the March version',
      '· Seen 20 Nov 2026 to 21 Nov 2026 · Pledge Lens claim acme-pause-pledge',
    ]);
    expect(blocks[2]).toMatch(/^“Acme said it would publish a roadmap each quarter”\n· Announced target \(goal\) · /);
    expect(blocks).toHaveLength(3);
  });

  it('reads days as UTC: accessed is the latest day read, the key the earliest day seen; the key names the page\'s host and slug (two stories of one site differ), and a second page with the same ones gets "-2"', () => {
    const items = parse([
      // 21 Nov 23:30 in New York is 22 Nov in UTC.
      makeMention({ pageUrl: PAGE, firstSeen: '2026-11-19T22:00:00.000-05:00', lastSeen: '2026-11-21T23:30:00.000-05:00' }),
      makeMention({ pageUrl: PAGE, start: 500, firstSeen: '2026-11-21T08:00:00.000Z', lastSeen: '2026-11-21T09:00:00.000Z' }),
      // Another story of the site with the same last path segment, seen the same day.
      makeMention({ pageUrl: PAGE.replace('/2026/', '/2025/'), firstSeen: '2026-11-20T08:00:00.000Z' }),
    ]);
    expect(items.map((item) => [item.id, item.accessed['date-parts'][0]])).toEqual([
      ['news.example-acme-policy-2026-11-20', [2026, 11, 22]],
      ['news.example-acme-policy-2026-11-20-2', [2026, 11, 21]],
    ]);
    expect(items[0]!.note).toContain('· Seen 20 Nov 2026 to 22 Nov 2026');
  });

  it('says when a claim is no longer loaded and when a mention was flagged as a wrong match', () => {
    const [item] = parse([makeMention({ claimId: 'gone-claim', wrongMatch: { flagged: true, updatedAt: '2026-11-21T20:05:00.000Z' } })]);
    expect(item!.note).toContain('· Unknown claim gone-claim, not in the loaded claim set\n· Flagged as a wrong match\n');
  });

  it('an empty export is an empty array, and the file is named as the others with .json', () => {
    expect(EXPORT_FORMATS.csl.serialise([], claimsById, generatedAt)).toBe('[]\n');
    expect(exportCsl([], claimsById, { generatedAt })).toEqual([]);
    expect(exportFileName('csl', new Date(2026, 10, 22, 14, 30), { kind: 'filtered' })).toBe('pledge-lens-annotations-2026-11-22_14-30-00-filtered.json');
  });

  it("gives the page's publication date as precise as its metadata was, and its authors, a person's name split only when it reads as one", () => {
    const [item, other] = parse([
      makeMention({ pageUrl: PAGE, lastSeen: '2026-11-21T00:00:00.000Z', pageCitation: { published: '2026-01-01', authors: ['Old Byline'] } }),
      makeMention({ pageUrl: PAGE, start: 300, exact: 'another quote', lastSeen: '2026-11-22T00:00:00.000Z', pageCitation: { published: '2026-02', authors: ['Jane Q. Doe', 'Dr Brianna Rosen', 'Martin Luther King Jr.', 'Ursula von der Leyen', 'The Editorial Board', 'AP', 'Reuters Staff', 'Prince', 'Doe, Jane', 'van der Berg, Anna K.', 'Jane Doe, Reuters', 'J.R.R. Tolkien'] } }),
      makeMention({ pageUrl: OTHER }),
    ]);
    expect(item!.issued).toEqual({ 'date-parts': [[2026, 2]] });
    expect(item!.author).toEqual([
      { given: 'Jane Q.', family: 'Doe' },
      { given: 'Brianna', family: 'Rosen' },
      { given: 'Martin Luther', family: 'King', suffix: 'Jr.' },
      { given: 'Ursula', 'non-dropping-particle': 'von der', family: 'Leyen' },
      { literal: 'The Editorial Board' },
      { literal: 'AP' },
      { literal: 'Reuters Staff' },
      { literal: 'Prince' },
      // Family name first, as Highwire's citation_author writes it (a new user's report 53, problem 10).
      { given: 'Jane', family: 'Doe' },
      { given: 'Anna K.', 'non-dropping-particle': 'van der', family: 'Berg' },
      // A name and an affiliation after a comma is no such form.
      { literal: 'Jane Doe, Reuters' },
      { given: 'J.R.R.', family: 'Tolkien' },
    ]);
    expect(parse([makeMention({ pageCitation: { published: '2025' } })])[0]!.issued).toEqual({ 'date-parts': [[2025]] });
    // The site's own name from the metadata: the publication, and split off a title that ends with it after a dash.
    const [site] = parse([makeMention({ pageTitle: 'Acme rewrites its safety policy — Signal & Noise', pageCitation: { site: 'Signal & Noise' } })]);
    expect(site).toMatchObject({ title: 'Acme rewrites its safety policy', 'container-title': 'Signal & Noise' });
    // A page whose metadata said nothing has neither field: no empty author list, no made-up date.
    expect(other).not.toHaveProperty('issued');
    expect(other).not.toHaveProperty('author');
  });

  it('a page with no web address keeps its title and gives the address in the note, with no URL or site a reader app would open', () => {
    const [item] = parse([makeMention({ pageUrl: 'file:///home/reader/saved.html', pageTitle: '' })]);
    expect(item).not.toHaveProperty('URL');
    expect(item).not.toHaveProperty('container-title');
    expect(item!.id).toBe('page-saved-2026-11-20');
    expect(item!.title).toBe('file:///home/reader/saved.html');
    expect(item!.note.split('\n')[1]).toBe('— Address (not a web link) file:///home/reader/saved.html');
  });
});
