/**
 * The options page's request for the feed host's permission (entrypoints/options/feed-access.ts):
 * asked only where the manifest offers it (the Firefox build), for the feed's host alone, and
 * synchronously, since browsers grant permissions only while the click is being handled.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const browserMock = vi.hoisted(() => ({
  runtime: { getManifest: vi.fn(() => ({ optional_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] as string[] | undefined })) },
  permissions: { request: vi.fn(async () => true), remove: vi.fn(async () => true) },
}));
vi.mock('webextension-polyfill', () => ({ default: browserMock }));

import { english } from '../i18n/test-translators';
const { declinedAccessWarning, feedAccessPattern, releaseFeedAccess, requestFeedAccess } = await import('../../../entrypoints/options/feed-access');

beforeEach(() => {
  browserMock.runtime.getManifest.mockReturnValue({ optional_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] });
  browserMock.permissions.request.mockResolvedValue(true);
});

afterEach(() => {
  vi.clearAllMocks();
});

describe('feed host permission', () => {
  it('asks for the feed host only, synchronously inside the call (the click handler)', async () => {
    const pending = requestFeedAccess('https://Feeds.Example.org:8443/claims.json?x=1');
    // Before any await: a request made after one would be outside the reader's click.
    expect(browserMock.permissions.request).toHaveBeenCalledWith({ origins: ['https://feeds.example.org/*'] });
    expect(await pending).toBe('granted');
    expect(await requestFeedAccess('http://127.0.0.1:41234/feed.json')).toBe('granted');
    expect(browserMock.permissions.request).toHaveBeenLastCalledWith({ origins: ['http://127.0.0.1/*'] });
  });

  it('reports a declined or failed request as declined, with a warning that names the host', async () => {
    browserMock.permissions.request.mockResolvedValueOnce(false);
    expect(await requestFeedAccess('https://feeds.example.org/c.json')).toBe('declined');
    browserMock.permissions.request.mockRejectedValueOnce(new Error('not from a user action'));
    expect(await requestFeedAccess('https://feeds.example.org/c.json')).toBe('declined');
    expect(declinedAccessWarning(english, 'https://feeds.example.org/c.json')).toMatch(/not allowed to read feeds\.example\.org.*CORS/);
  });

  it('asks nothing where the manifest offers no feed hosts (Chromium), nor for URLs no feed may use', async () => {
    for (const url of ['http://feeds.example.org/c.json', 'not a url', 'http://[::1]:8080/feed.json']) {
      expect(await requestFeedAccess(url), url).toBe('not-needed');
    }
    browserMock.runtime.getManifest.mockReturnValue({ optional_permissions: undefined });
    expect(feedAccessPattern('https://feeds.example.org/c.json')).toBeUndefined();
    expect(await requestFeedAccess('https://feeds.example.org/c.json')).toBe('not-needed');
    expect(browserMock.permissions.request).not.toHaveBeenCalled();
  });

  it('never asks for a wildcard: a "*" in the typed host would be a pattern for every site (or every subdomain)', async () => {
    for (const url of ['https://*/claims.json', 'https://*.example.org/claims.json', 'https://feeds.*/c.json']) {
      expect(feedAccessPattern(url), url).toBeUndefined();
      expect(await requestFeedAccess(url), url).toBe('not-needed');
    }
    expect(browserMock.permissions.request).not.toHaveBeenCalled();
  });

  it('gives back the previous feed host unless the new feed uses the same host', async () => {
    await releaseFeedAccess('https://old.example.org/c.json', 'https://old.example.org/other.json');
    expect(browserMock.permissions.remove).not.toHaveBeenCalled();
    await releaseFeedAccess('https://old.example.org/c.json', 'https://new.example.org/c.json');
    expect(browserMock.permissions.remove).toHaveBeenCalledWith({ origins: ['https://old.example.org/*'] });
    await releaseFeedAccess('', 'https://new.example.org/c.json');
    expect(browserMock.permissions.remove).toHaveBeenCalledTimes(1);
  });
});
