import { describe, expect, it } from 'vitest';
import { feedUrlProblem, historyUrl, hostOf, hostOnSite, normaliseSite, originOf, pageSlug, safeLinkUrl, siteHost } from '../../../lib/sites/url';
import { siteEnabled, withSiteSwitched, DEFAULT_SITE_SETTINGS, cleanSiteList } from '../../../lib/sites/site-settings';

describe('hosts', () => {
  it('one normal form for every host: lower case, no trailing dot', () => {
    expect(hostOf('https://News.Example.COM./a?b')).toBe('news.example.com');
    expect(hostOf('about:blank')).toBeUndefined();
    expect(hostOf('not a url')).toBeUndefined();
    expect(siteHost('*.Example.org')).toBe('example.org');
    expect(siteHost('https://www.example.net./x')).toBe('www.example.net');
  });

  it('a site covers itself and its subdomains only', () => {
    expect(hostOnSite('news.example.com', 'example.com')).toBe(true);
    expect(hostOnSite('example.com', 'example.com')).toBe(true);
    expect(hostOnSite('badexample.com', 'example.com')).toBe(false);
  });

  it('reduces what readers type to a bare host, refusing what is not one', () => {
    expect(normaliseSite(' https://News.Example.com/path?q=1 ')).toBe('news.example.com');
    expect(normaliseSite('*.example.org')).toBe('example.org');
    expect(normaliseSite('example.net.')).toBe('example.net');
    expect(normaliseSite('localhost')).toBe('localhost');
    expect(normaliseSite('no spaces allowed.com')).toBeUndefined();
    expect(normaliseSite('javascript:alert(1)')).toBeUndefined();
    expect(normaliseSite('')).toBeUndefined();
  });
});

describe('links and feeds', () => {
  it('only https links pass', () => {
    expect(safeLinkUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    for (const bad of ['http://example.org', 'javascript:alert(1)', 'data:text/html,x', '//example.org', '']) expect(safeLinkUrl(bad), bad).toBeUndefined();
  });

  it('feeds are https, or http to the reader\'s own machine when allowed', () => {
    expect(feedUrlProblem(new URL('https://feeds.example/c.json'), false)).toBeUndefined();
    expect(feedUrlProblem(new URL('http://127.0.0.1:8080/c.json'), true)).toBeUndefined();
    expect(feedUrlProblem(new URL('http://127.0.0.1:8080/c.json'), false)).toMatch(/only https/);
    expect(feedUrlProblem(new URL('http://feeds.example/c.json'), true)).toMatch(/uses http/);
  });
});

describe('site settings', () => {
  it('the popup switch edits the list of the current mode and a trailing-dot host cannot escape it', () => {
    const off = withSiteSwitched(DEFAULT_SITE_SETTINGS, 'https://www.example.com/a', false);
    expect(off.disabledSites).toEqual(['www.example.com']);
    expect(siteEnabled(off, 'https://www.example.com./b')).toBe(false);
    expect(siteEnabled(off, 'https://example.com/')).toBe(true);
    const on = withSiteSwitched(off, 'https://www.example.com/', true);
    expect(on.disabledSites).toEqual([]);
    expect(withSiteSwitched(off, 'about:blank', true)).toBe(off);
  });

  it('cleans a typed list to sorted unique hosts, or names the bad entry', () => {
    expect(cleanSiteList(['B.example', '', 'a.example', 'https://b.example/x'], 'the list')).toEqual(['a.example', 'b.example']);
    expect(cleanSiteList(['ok.example', 'nope'], 'the list')).toEqual({ error: '"nope" in the list is not a site name (try example.com).' });
  });
});

describe('historyUrl', () => {
  it('keeps what identifies an article and drops fragments, credentials, trackers and token-like values', () => {
    expect(historyUrl('https://news.example/story?id=123&p=4#comments')).toBe('https://news.example/story?id=123&p=4');
    expect(historyUrl('https://user:pw@news.example/a?utm_source=x&fbclid=abc&token=s3cret')).toBe('https://news.example/a');
    expect(historyUrl(`https://news.example/a?share=${'x'.repeat(40)}&page=2`)).toBe('https://news.example/a?page=2');
    expect(historyUrl('about:blank')).toBe('about:blank');
    expect(historyUrl('not a url')).toBe('not a url');
  });
});

describe('pageSlug', () => {
  it('names a story by the last segment of its path, as a file or citation name may hold it', () => {
    expect(pageSlug('https://news.example/2026/12/anthropic-rsp-3.html')).toBe('anthropic-rsp-3');
    expect(pageSlug('https://news.example/tech/Über%20KI_Gesetz/')).toBe('uber-ki-gesetz');
    expect(pageSlug('https://news.example/a/index.php?id=7#top')).toBe('index');
    expect(pageSlug('https://news.example/story/123456')).toBe('123456');
  });

  it('is empty for a front page, separators only, or what is not a URL', () => {
    expect(pageSlug('https://news.example/')).toBe('');
    expect(pageSlug('https://news.example/--/')).toBe('');
    expect(pageSlug('not a url')).toBe('');
  });

  it('keeps at most 40 characters, cut at a hyphen when one is near, and a stray "%" as written', () => {
    const slug = pageSlug(`https://news.example/${'word-'.repeat(20)}end`);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toMatch(/^word(-word)*$/);
    expect(pageSlug('https://news.example/100%25-sure')).toBe('100-sure');
    expect(pageSlug('https://news.example/50%-off')).toBe('50-off');
  });
});

describe('originOf', () => {
  it('is the scheme, host and port of an absolute URL, and undefined for one without an origin of its own', () => {
    expect(originOf('https://News.Example:8443/story?id=7')).toBe('https://news.example:8443');
    expect(originOf('https://news.example/a')).toBe(originOf('https://news.example/b?frame=2'));
    expect(originOf('about:blank')).toBeUndefined();
    expect(originOf('data:text/html,x')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
  });
});
