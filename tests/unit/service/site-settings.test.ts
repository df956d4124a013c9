import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseSite, PledgeLensService } from '../../../lib/service/pledge-lens-service';
import { openPledgeLensDb, type PledgeLensDatabase } from '../../../lib/store/open-database';
import { installFakeIndexedDb } from '../store/fake-idb';

const BUNDLED = JSON.parse(readFileSync(new URL('../../../public/claims/default.json', import.meta.url), 'utf8')) as unknown;
const TEXT = 'Anthropic says it will publish Risk Reports every three to six months, with outside review.';

let db: PledgeLensDatabase;
let service: PledgeLensService;

beforeEach(async () => {
  installFakeIndexedDb();
  db = await openPledgeLensDb();
  service = new PledgeLensService(db, { loadBundled: async () => BUNDLED, now: () => new Date('2026-11-25T12:00:00Z') });
  await service.init();
});

afterEach(() => db.close());

const matchesOn = async (url: string) => {
  const result = await service.handle({ type: 'match-page', url, title: 't', text: TEXT });
  return result.ok ? result.matches.length : -1;
};

describe('site restrictions', () => {
  it('runs everywhere by default and stops on a site switched off (subdomains included)', async () => {
    expect(await matchesOn('https://news.example.com/a')).toBe(1);
    await service.handle({ type: 'set-site-enabled', url: 'https://example.com/', enabled: false });
    expect(await matchesOn('https://news.example.com/a')).toBe(-1);
    expect(await matchesOn('https://badexample.com/a')).toBe(1);
    expect((await service.handle({ type: 'get-site-enabled', url: 'https://example.com/x' })).enabled).toBe(false);
  });

  it('in allow-list mode runs only on the listed sites, and the popup switch edits that list', async () => {
    const saved = await service.handle({ type: 'set-site-settings', siteMode: 'allow-list', allowedSites: ['https://www.Reuters.com/world', 'apnews.com'], disabledSites: [] });
    expect(saved).toEqual({ ok: true, settings: { siteMode: 'allow-list', allowedSites: ['apnews.com', 'www.reuters.com'], disabledSites: [] } });
    expect(await matchesOn('https://apnews.com/article/x')).toBe(1);
    expect(await matchesOn('https://elsewhere.org/x')).toBe(-1);
    await service.handle({ type: 'set-site-enabled', url: 'https://elsewhere.org/x', enabled: true });
    expect(await matchesOn('https://elsewhere.org/y')).toBe(1);
    await service.handle({ type: 'set-site-enabled', url: 'https://apnews.com/article/x', enabled: false });
    expect(await matchesOn('https://apnews.com/article/x')).toBe(-1);
    expect((await service.handle({ type: 'get-site-settings' })).allowedSites).toEqual(['www.reuters.com', 'elsewhere.org']);
  });

  it('refuses a list entry that is not a site name and changes nothing', async () => {
    const before = await service.handle({ type: 'get-site-settings' });
    const result = await service.handle({ type: 'set-site-settings', siteMode: 'allow-list', allowedSites: ['apnews.com', 'not a site!'], disabledSites: [] });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain('not a site!');
    expect(await service.handle({ type: 'get-site-settings' })).toEqual(before);
  });
});

describe('normaliseSite', () => {
  it('reduces what readers type to a bare host', () => {
    expect(normaliseSite(' https://News.Example.com/path?q=1 ')).toBe('news.example.com');
    expect(normaliseSite('*.example.org')).toBe('example.org');
    expect(normaliseSite('example.net.')).toBe('example.net');
    expect(normaliseSite('localhost')).toBe('localhost');
    expect(normaliseSite('no spaces allowed.com')).toBeUndefined();
    expect(normaliseSite('javascript:alert(1)')).toBeUndefined();
    expect(normaliseSite('')).toBeUndefined();
  });
});
