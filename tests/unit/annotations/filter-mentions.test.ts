import { describe, expect, it } from 'vitest';
import { filterMentions, siteHost } from '../../../lib/annotations/filter-mentions';
import { makeMention, targetClaim } from './fixtures';

const onNews = makeMention({ pageUrl: 'https://news.example/a', pageTitle: 'Policy shake-up', exact: 'first quote', lastSeen: '2026-11-10T12:00:00.000Z' });
const onSubdomain = makeMention({
  pageUrl: 'https://eu.news.example/b',
  pageTitle: 'Régulation européenne',
  exact: 'second quote',
  claimId: targetClaim.id,
  lastSeen: '2026-11-20T23:59:59.000Z',
  note: { text: 'Follow up with the Déjà Vu desk', updatedAt: '2026-11-20T10:00:00.000Z' },
});
const lookalike = makeMention({ pageUrl: 'https://badnews.example/c', exact: 'third quote', lastSeen: '2026-11-21T00:00:00.000Z' });
const flagged = makeMention({
  pageUrl: 'https://other.example/d',
  exact: 'fourth quote',
  lastSeen: '2026-11-22T08:00:00.000Z',
  wrongMatch: { flagged: true, updatedAt: '2026-11-22T08:00:00.000Z' },
});
const unflagged = makeMention({
  pageUrl: 'https://other.example/e',
  exact: 'fifth quote',
  lastSeen: '2026-11-22T09:00:00.000Z',
  wrongMatch: { flagged: false, updatedAt: '2026-11-22T09:00:00.000Z' },
});
const all = [onNews, onSubdomain, lookalike, flagged, unflagged];

const ids = (list: { anchor: { exact: string } }[]) => list.map((m) => m.anchor.exact);

describe('filterMentions', () => {
  it('returns everything, in order, when no criteria are given', () => {
    expect(filterMentions(all)).toEqual(all);
    expect(filterMentions(all, { claimIds: [] })).toEqual(all);
  });

  it('filters by claim ids', () => {
    expect(ids(filterMentions(all, { claimIds: [targetClaim.id] }))).toEqual(['second quote']);
    expect(filterMentions(all, { claimIds: ['nothing-matches'] })).toEqual([]);
  });

  it('filters by site including subdomains but not look-alike hosts', () => {
    expect(ids(filterMentions(all, { site: 'news.example' }))).toEqual(['first quote', 'second quote']);
    expect(ids(filterMentions(all, { site: 'eu.news.example' }))).toEqual(['second quote']);
    expect(ids(filterMentions(all, { site: 'https://NEWS.example/some/path' }))).toEqual(['first quote', 'second quote']);
    expect(ids(filterMentions(all, { site: '*.news.example' }))).toEqual(['first quote', 'second quote']);
  });

  it('filters by a lastSeen date range, whole days inclusive', () => {
    expect(ids(filterMentions(all, { from: '2026-11-20', to: '2026-11-20' }))).toEqual(['second quote']);
    expect(ids(filterMentions(all, { from: '2026-11-21' }))).toEqual(['third quote', 'fourth quote', 'fifth quote']);
    expect(ids(filterMentions(all, { to: '2026-11-10T12:00:00.000Z' }))).toEqual(['first quote']);
    expect(ids(filterMentions(all, { from: '2026-11-22T08:30:00Z', to: '2026-11-22T09:00:00Z' }))).toEqual(['fifth quote']);
  });

  it('searches quote, note and title, ignoring case and accents, all words required', () => {
    expect(ids(filterMentions(all, { text: 'SHAKE-UP' }))).toEqual(['first quote']);
    expect(ids(filterMentions(all, { text: 'deja vu' }))).toEqual(['second quote']);
    expect(ids(filterMentions(all, { text: 'regulation quote' }))).toEqual(['second quote']);
    expect(ids(filterMentions(all, { text: 'fourth' }))).toEqual(['fourth quote']);
    expect(filterMentions(all, { text: 'quote missingword' })).toEqual([]);
  });

  it('finds a claim\'s mentions by the words the caller gives for it (who made it), with the others', () => {
    const claimWords = new Map([[targetClaim.id, 'Acme Régulateur\nAcme Labs']]);
    expect(ids(filterMentions(all, { text: 'regulateur', claimWords }))).toEqual(['second quote']);
    expect(ids(filterMentions(all, { text: 'acme labs deja', claimWords }))).toEqual(['second quote']);
    expect(filterMentions(all, { text: 'regulateur' })).toEqual([]);
  });

  it('includes, excludes or isolates wrong matches', () => {
    expect(filterMentions(all, { wrongMatches: 'include' })).toHaveLength(5);
    expect(ids(filterMentions(all, { wrongMatches: 'exclude' }))).not.toContain('fourth quote');
    expect(filterMentions(all, { wrongMatches: 'exclude' })).toHaveLength(4);
    expect(ids(filterMentions(all, { wrongMatches: 'only' }))).toEqual(['fourth quote']);
  });

  it('combines criteria', () => {
    expect(ids(filterMentions(all, { site: 'other.example', wrongMatches: 'exclude', text: 'quote' }))).toEqual(['fifth quote']);
  });

  it('rejects bounds and sites it cannot read instead of guessing', () => {
    expect(() => filterMentions(all, { from: 'last week' })).toThrow(RangeError);
    expect(() => filterMentions(all, { site: 'exa mple' })).toThrow(RangeError);
  });
});

describe('siteHost', () => {
  it('normalises what a user types', () => {
    expect(siteHost(' News.Example. ')).toBe('news.example');
    expect(siteHost('bücher.example')).toBe('xn--bcher-kva.example');
    expect(siteHost('')).toBeUndefined();
  });
});
