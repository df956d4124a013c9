import { describe, expect, it } from 'vitest';
import { filterMentions, searchPatterns } from '../../../lib/annotations/filter-mentions';
import { siteHost } from '../../../lib/sites/url';
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

  it('filters by a publication\'s name: the page\'s own name for its site, or a label of its host (a new user\'s report 51, problem 12)', () => {
    const verge = makeMention({ pageUrl: 'https://www.theverge.com/ai/1', exact: 'verge quote', pageCitation: { site: 'The Verge' } });
    const tech = makeMention({ pageUrl: 'https://technewsday.com/2026/03/rsp', exact: 'technewsday quote' });
    const mirror = makeMention({ pageUrl: 'https://mirror.example/verge-copy', exact: 'copy quote', pageCitation: { site: 'Verge Mirror Weekly' } });
    const pages = [verge, tech, mirror, onNews];
    expect(ids(filterMentions(pages, { site: 'The Verge' }))).toEqual(['verge quote']);
    expect(ids(filterMentions(pages, { site: 'verge' }))).toEqual(['verge quote', 'copy quote']);
    expect(ids(filterMentions(pages, { site: 'the verge' }))).toEqual(['verge quote']);
    expect(ids(filterMentions(pages, { site: 'Technewsday' }))).toEqual(['technewsday quote']);
    expect(ids(filterMentions(pages, { site: 'TECHNEWSDAY ' }))).toEqual(['technewsday quote']);
    // A name's word is found at a word start only, and a label whole: "news" is news.example's, not technewsday's.
    expect(ids(filterMentions(pages, { site: 'news' }))).toEqual(['first quote']);
    expect(ids(filterMentions(pages, { site: 'erge' }))).toEqual([]);
    expect(ids(filterMentions(pages, { site: 'Wired' }))).toEqual([]);
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

  it('finds words at word starts and numbers whole, a number after a word as that word\'s: "SB 53" is not "absolutely … 53" nor "SB 1047 … 530"', () => {
    const quotes = [
      makeMention({ exact: 'Under SB 53, large developers must publish a framework.', start: 1 }),
      makeMention({ exact: 'The SB-53 report is due.', start: 2 }),
      makeMention({ exact: 'Absolutely nothing changed in 53 days.', start: 3 }),
      makeMention({ exact: 'SB 1047 was vetoed; 530 pages of comments followed.', start: 4 }),
      makeMention({ exact: 'Anthropic pledges to pause.', start: 5 }),
      makeMention({ exact: 'The Act applies from 2 August 2026 (Article 53).', start: 6 }),
    ];
    const found = (text: string) => filterMentions(quotes, { text }).map((mention) => mention.anchor.exact.slice(0, 12));
    expect(found('SB 53')).toEqual(['Under SB 53,', 'The SB-53 re']);
    expect(found('sb53')).toEqual([]);
    expect(found('53')).toEqual(['Under SB 53,', 'The SB-53 re', 'Absolutely n', 'The Act appl']);
    expect(found('article 53')).toEqual(['The Act appl']);
    expect(found('pledg')).toEqual(['Anthropic pl']);
    expect(found('ledge')).toEqual([]);
    expect(found('1047')).toEqual(['SB 1047 was ']);
    // Characters with a meaning in patterns are only characters: "(article" is found as written, "sb.*" nowhere.
    expect(found('(article')).toEqual(['The Act appl']);
    expect(found('sb.*')).toEqual([]);
    expect(searchPatterns('sb 53 eu act').map((pattern) => pattern.source)).toHaveLength(3);
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
    expect(() => filterMentions(all, { site: '...' })).toThrow(RangeError);
    expect(() => filterMentions(all, { site: '// -' })).toThrow(RangeError);
  });
});

describe('siteHost', () => {
  it('normalises what a user types', () => {
    expect(siteHost(' News.Example. ')).toBe('news.example');
    expect(siteHost('bücher.example')).toBe('xn--bcher-kva.example');
    expect(siteHost('')).toBeUndefined();
  });
});
