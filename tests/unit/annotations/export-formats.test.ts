import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFileName, exportScope } from '../../../lib/annotations/export-formats';

describe('exportFileName', () => {
  // Built from local components because the name uses the user's local date and time.
  const when = new Date(2026, 10, 22, 23, 30, 59);
  const ALL = { kind: 'all' } as const;

  it('names each format with the local date and time to the second, the scope and the right extension', () => {
    expect(exportFileName('w3c', when, ALL)).toBe('pledge-lens-annotations-2026-11-22_23-30-59-all.jsonld');
    expect(exportFileName('csv', when, ALL)).toBe('pledge-lens-annotations-2026-11-22_23-30-59-all.csv');
    expect(exportFileName('markdown', when, ALL)).toBe('pledge-lens-annotations-2026-11-22_23-30-59-all.md');
  });

  it('gives two exports of a day, a second apart or of different scopes, different names', () => {
    const names = new Set([
      exportFileName('csv', when, ALL),
      exportFileName('csv', new Date(2026, 10, 22, 23, 31), ALL),
      exportFileName('csv', new Date(2026, 10, 22, 23, 30, 58), ALL),
      exportFileName('csv', when, { kind: 'filtered' }),
      exportFileName('csv', when, { kind: 'page', pageUrl: 'https://news.example/a', filtered: false }),
      exportFileName('csv', when, { kind: 'page', pageUrl: 'https://news.example/a', filtered: true }),
    ]);
    expect([...names]).toEqual([
      'pledge-lens-annotations-2026-11-22_23-30-59-all.csv',
      'pledge-lens-annotations-2026-11-22_23-31-00-all.csv',
      'pledge-lens-annotations-2026-11-22_23-30-58-all.csv',
      'pledge-lens-annotations-2026-11-22_23-30-59-filtered.csv',
      'pledge-lens-annotations-2026-11-22_23-30-59-page-news.example-a.csv',
      'pledge-lens-annotations-2026-11-22_23-30-59-page-news.example-a-filtered.csv',
    ]);
  });

  it('zero-pads months, days, hours, minutes and seconds', () => {
    expect(exportFileName('csv', new Date(2027, 0, 5, 7, 4, 3), ALL)).toBe('pledge-lens-annotations-2027-01-05_07-04-03-all.csv');
  });

  it('makes a name every file system takes from any page address', () => {
    const pageUrls = [
      'https://bücher.example/x', // an IDN: the parsed host is punycode
      'http://127.0.0.1:8080/a', // the port is not part of the name
      'http://[::1]/a', // an IPv6 host's brackets and colons are not taken
      `https://${'a'.repeat(63)}.${'b'.repeat(63)}.example/`, // a long host is cut
      'file:///C:/Users/me/page.html', // no host
      'not a url',
      'https://con.example./', // a trailing dot, which Windows drops
    ];
    const names = pageUrls.map((pageUrl) => exportFileName('markdown', when, { kind: 'page', pageUrl, filtered: false }));
    for (const name of names) {
      expect(name).toMatch(/^pledge-lens-annotations-2026-11-22_23-30-59-page(-[a-z0-9]([a-z0-9.-]*[a-z0-9])?)?\.md$/);
      expect(name.length).toBeLessThanOrEqual(120);
    }
    expect(names.slice(0, 3)).toEqual([
      'pledge-lens-annotations-2026-11-22_23-30-59-page-xn--bcher-kva.example-x.md',
      'pledge-lens-annotations-2026-11-22_23-30-59-page-127.0.0.1-a.md',
      'pledge-lens-annotations-2026-11-22_23-30-59-page-1-a.md',
    ]);
    expect(names.slice(4)).toEqual([
      'pledge-lens-annotations-2026-11-22_23-30-59-page-page.md',
      'pledge-lens-annotations-2026-11-22_23-30-59-page.md',
      'pledge-lens-annotations-2026-11-22_23-30-59-page-con.example.md',
    ]);
  });

  it('rejects an invalid date', () => {
    expect(() => exportFileName('csv', new Date('nope'), ALL)).toThrow(RangeError);
  });
});

describe('exportScope', () => {
  it('reads the popup\'s page query as one page, and the options page\'s filters as filtered', () => {
    expect(exportScope({ pageUrl: 'https://news.example/a' })).toEqual({ kind: 'page', pageUrl: 'https://news.example/a', filtered: false });
    expect(exportScope({ pageUrl: 'https://news.example/a', text: 'pause' })).toEqual({ kind: 'page', pageUrl: 'https://news.example/a', filtered: true });
    expect(exportScope({ site: 'news.example' })).toEqual({ kind: 'filtered' });
    expect(exportScope({ claimIds: ['a'] })).toEqual({ kind: 'filtered' });
    expect(exportScope({ kinds: ['binding-commitment'] })).toEqual({ kind: 'filtered' });
    expect(exportScope({ changedSinceRead: true })).toEqual({ kind: 'filtered' });
    expect(exportScope({ wrongMatches: 'only' })).toEqual({ kind: 'filtered' });
  });

  it('reads empty filters and hiding or showing wrong matches as everything', () => {
    expect(exportScope({})).toEqual({ kind: 'all' });
    expect(exportScope({ wrongMatches: 'include' })).toEqual({ kind: 'all' });
    expect(
      exportScope({ wrongMatches: 'exclude', text: '  ', site: '', claimIds: [], kinds: [], statuses: [], changedSinceRead: false, pageUrl: '' }),
    ).toEqual({ kind: 'all' });
  });
});

describe('EXPORT_FORMATS mime types', () => {
  it('gives the MIME type for each format', () => {
    expect(EXPORT_FORMATS.w3c.mimeType).toBe('application/ld+json');
    expect(EXPORT_FORMATS.csv.mimeType).toBe('text/csv;charset=utf-8');
    expect(EXPORT_FORMATS.markdown.mimeType).toBe('text/markdown;charset=utf-8');
  });
});
