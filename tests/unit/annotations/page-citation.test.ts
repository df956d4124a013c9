// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  authorName,
  latestPageCitation,
  MAX_AUTHORS,
  MAX_JSON_LD_LENGTH,
  MAX_METADATA_VALUE,
  MAX_TITLE_LENGTH,
  PageCitationSchema,
  publishedDate,
  readPageCitation,
} from '@/lib/annotations/page-citation';

/** A document whose head holds `head` (meta elements, JSON-LD scripts) and whose body holds `body`. */
function page(head: string, body = '<p>Text.</p>'): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.documentElement.innerHTML = `<head>${head}</head><body>${body}</body>`;
  return doc;
}

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('publishedDate: the day a metadata value names', () => {
  it.each([
    ['2026-02-24', '2026-02-24'],
    ['2026-02-24T23:30:00-05:00', '2026-02-24'],
    ['2026-02-25T01:10:00Z', '2026-02-25'],
    ['2026-02-24 10:00:00', '2026-02-24'],
    ['2026/2/4', '2026-02-04'],
    ['2026-02', '2026-02'],
    ['2026', '2026'],
    ['Tue, 24 Feb 2026 10:00:00 GMT', '2026-02-24'],
    ['24 February 2026', '2026-02-24'],
    ['February 24, 2026', '2026-02-24'],
    ['Feb. 4 2026', '2026-02-04'],
    ['2024-02-29', '2024-02-29'],
  ])('%j is %j', (value, day) => {
    expect(publishedDate(value)).toBe(day);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00', '0999-01-01', 'yesterday', '10:00', '', '24 Smarch 2026', '20260224'])('%j names no day', (value) => {
    expect(publishedDate(value)).toBeUndefined();
  });
});

describe('authorName: a name fit to keep', () => {
  it('drops "By ", control and bidi characters, and runs of space', () => {
    expect(authorName('  By   Jane\u202E  Doe\n')).toBe('Jane Doe');
  });

  it.each(['https://www.facebook.com/janedoe', 'www.example.com/jane', 'example.com/authors/jane', '@janedoe', '', 'x'.repeat(201)])('refuses %j', (value) => {
    expect(authorName(value)).toBeUndefined();
  });
});

describe('readPageCitation', () => {
  it('reads Open Graph and the author meta of a news page', () => {
    const doc = page('<meta property="article:published_time" content="2026-02-24T18:05:00-08:00"><meta name="author" content="By Jane Doe and John Roe">');
    expect(readPageCitation(doc)).toEqual({ published: '2026-02-24', authors: ['Jane Doe', 'John Roe'] });
  });

  it('reads a NewsArticle in JSON-LD, in @graph, its authors as Person and Organization objects', () => {
    const doc = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', datePublished: '2020-01-01', author: { '@type': 'Person', name: 'Page Owner' } },
          { '@type': ['NewsArticle'], datePublished: '2026-02-25', author: [{ '@type': 'Person', name: 'Ann Poe' }, { '@type': 'Organization', name: 'Reuters' }, 'Bo Lee'] },
        ],
      }),
    );
    expect(readPageCitation(doc)).toEqual({ published: '2026-02-25', authors: ['Ann Poe', 'Reuters', 'Bo Lee'] });
  });

  it('trusts Highwire citation tags over Open Graph and JSON-LD, each author in its own tag, in order', () => {
    const doc = page(
      '<meta property="article:published_time" content="2026-03-01">' +
        jsonLd({ '@type': 'ScholarlyArticle', datePublished: '2026-03-02', author: 'Someone Else' }) +
        '<meta name="citation_publication_date" content="2026/02/24"><meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, John">',
    );
    expect(readPageCitation(doc)).toEqual({ published: '2026-02-24', authors: ['Doe, Jane', 'Roe, John'] });
  });

  it("names the site as its metadata does: a journal's title first, then Open Graph's site name, then the article's publisher", () => {
    expect(readPageCitation(page('<meta property="og:site_name" content="The Verge"><meta name="citation_journal_title" content="Journal of AI Policy">')).site).toBe('Journal of AI Policy');
    expect(readPageCitation(page('<meta property="og:site_name" content="  The Verge ">')).site).toBe('The Verge');
    expect(readPageCitation(page(jsonLd({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Example News' } })))).toEqual({ site: 'Example News' });
    expect(readPageCitation(page('<meta property="og:site_name" content="https://news.example/">')).site).toBeUndefined();
  });

  it('reads the work\'s title: Highwire first, then Open Graph, then the JSON-LD headline; one line, bounded (reports 54 and 55: exports kept "Opinion |" and a site\'s name)', () => {
    expect(readPageCitation(page('<meta property="og:title" content="The Year the AI Pledges Died"><meta name="citation_title" content="Promises with Escape Hatches">')).title).toBe('Promises with Escape Hatches');
    expect(readPageCitation(page('<meta property="og:title" content="  The Year the AI\n Pledges Died ">')).title).toBe('The Year the AI Pledges Died');
    expect(readPageCitation(page(jsonLd({ '@type': 'NewsArticle', headline: 'AI Act: what stays' })))).toEqual({ title: 'AI Act: what stays' });
    expect(readPageCitation(page(`<meta property="og:title" content="${'x'.repeat(MAX_TITLE_LENGTH + 1)}">`)).title).toBeUndefined();
    expect(readPageCitation(page('<meta property="og:title" content="Safe\u202etitle">')).title).toBe('Safe title');
  });

  it('falls back to microdata and Dublin Core', () => {
    expect(readPageCitation(page('', '<article><time itemprop="datePublished" datetime="2025-11-03T09:00:00+01:00">3 Nov</time></article>'))).toEqual({ published: '2025-11-03' });
    expect(readPageCitation(page('<meta name="DC.date.issued" content="2025-07"><meta name="DC.creator" content="Council of Europe">'))).toEqual({ published: '2025-07', authors: ['Council of Europe'] });
  });

  it('says nothing when the page says nothing, and never reads dates or names from the text', () => {
    expect(readPageCitation(page('', '<p>Published 24 February 2026 by Jane Doe.</p><time datetime="2026-02-24">x</time>'))).toEqual({});
  });

  it('keeps a profile address out, each name once, and at most MAX_AUTHORS names', () => {
    const many = Array.from({ length: 30 }, (_, i) => `<meta name="citation_author" content="Author Number${String.fromCharCode(65 + (i % 26))}${i}">`).join('');
    expect(readPageCitation(page(many)).authors).toHaveLength(MAX_AUTHORS);
    const doc = page('<meta property="article:author" content="https://www.facebook.com/janedoe"><meta name="author" content="Jane Doe, JANE DOE & John Roe">');
    expect(readPageCitation(doc).authors).toEqual(['Jane Doe', 'John Roe']);
  });

  it('survives a hostile page: broken and oversized JSON-LD, impossible dates, markup in names', () => {
    const doc = page(
      '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>' +
        `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', datePublished: '2026-01-01', padding: 'x'.repeat(MAX_JSON_LD_LENGTH) })}</script>` +
        jsonLd({ '@type': 'NewsArticle', datePublished: '2026-02-31', author: { name: '<img src=x onerror=alert(1)>' } }) +
        '<meta name="date" content="2026-04-31"><meta name="pubdate" content="2026-05-01">',
    );
    const citation = readPageCitation(doc);
    expect(citation).toEqual({ published: '2026-05-01', authors: ['<img src=x onerror=alert(1)>'] });
    expect(v.is(PageCitationSchema, citation)).toBe(true);
  });
});

describe('readPageCitation: values longer than MAX_METADATA_VALUE are not read', () => {
  it('ignores a meta value or a JSON-LD type or name over the bound, and reads the rest of the page', () => {
    const spaces = ' '.repeat(200_000);
    const doc = page(
      `<meta name="author" content="Jane Doe${spaces}and${spaces}">` +
        `<meta property="article:published_time" content="${'2026-02-24'.padEnd(MAX_METADATA_VALUE + 1, ' ')}">` +
        jsonLd({ '@type': ':'.repeat(150_000), datePublished: '2026-01-01' }) +
        jsonLd({ '@type': 'NewsArticle', author: { name: `A${spaces}B` }, publisher: { name: 'x'.repeat(MAX_METADATA_VALUE + 1) } }) +
        '<meta name="date" content="2026-03-03"><meta property="og:site_name" content="Example News">',
    );
    expect(readPageCitation(doc)).toEqual({ published: '2026-03-03', site: 'Example News' });
  });
});

describe('PageCitationSchema', () => {
  it.each([
    [{ published: '2026-02-30' }],
    [{ published: '24 Feb 2026' }],
    [{ authors: [] }],
    [{ site: '' }],
    [{ site: 'Example\u2066 News' }],
    [{ authors: ['Jane\nDoe'] }],
    [{ authors: ['x'.repeat(201)] }],
    [{ authors: Array.from({ length: MAX_AUTHORS + 1 }, (_, i) => `A${i}`) }],
  ])('refuses %j', (value) => {
    expect(v.is(PageCitationSchema, value)).toBe(false);
  });

  it('takes a day, a month or a year, a site and up to MAX_AUTHORS names', () => {
    for (const published of ['2026-02-24', '2026-02', '2026']) expect(v.is(PageCitationSchema, { published, site: 'Example News', authors: ['Jane Doe'] })).toBe(true);
  });
});

describe('latestPageCitation', () => {
  it('is the latest sighting that had any, not the latest sighting', () => {
    const mentions = [
      { lastSeen: '2026-11-20T00:00:00.000Z', pageCitation: { published: '2026-01-01' } },
      { lastSeen: '2026-11-22T00:00:00.000Z', pageCitation: { published: '2026-02-24' } },
      { lastSeen: '2026-11-23T00:00:00.000Z' },
    ];
    expect(latestPageCitation(mentions)).toEqual({ published: '2026-02-24' });
    expect(latestPageCitation([{ lastSeen: '2026-11-23T00:00:00.000Z' }])).toBeUndefined();
  });
});

describe('readPageCitation: schema.org microdata authors (report 54: the README promised them, none was read)', () => {
  it('reads an author item\'s name, a plain itemprop="author", and a content attribute', () => {
    const person = '<article itemscope itemtype="https://schema.org/OpinionNewsArticle"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Tomás O\'Connell-Reyes</span></span><p>Text.</p></article>';
    expect(readPageCitation(page('', person)).authors).toEqual(["Tomás O'Connell-Reyes"]);
    expect(readPageCitation(page('', '<p>By <a itemprop="author" href="/a">Jane  Doe</a> and <span itemprop="author">John Roe</span></p>')).authors).toEqual(['Jane Doe', 'John Roe']);
    expect(readPageCitation(page('', '<div itemprop="author" itemscope><meta itemprop="name" content="Ann Poe"></div>')).authors).toEqual(['Ann Poe']);
  });

  it('comes after Highwire and JSON-LD, and a name in the body without itemprop is never read', () => {
    const body = '<span itemprop="author">Micro Data</span>';
    expect(readPageCitation(page('<meta name="citation_author" content="Schmidt, Katrin">', body)).authors).toEqual(['Schmidt, Katrin']);
    expect(readPageCitation(page(jsonLd({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Ld Author' } }), body)).authors).toEqual(['Ld Author']);
    expect(readPageCitation(page('', '<p>By Jane Doe</p>')).authors).toBeUndefined();
  });
});
