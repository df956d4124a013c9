import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchClaimFeed, type ClaimFeedResult, type FetchClaimFeedOptions } from '../../../lib/claims/fetch-claim-feed';
import { makeClaimSet } from '../../support/claim-sets';
import {
  BROKEN_JSON,
  FEED_ETAG,
  MiB,
  NEWER_VERSION,
  OLDER_VERSION,
  closedPort,
  startScenarioFeed,
  type ScenarioFeed,
} from './feed-scenarios';

const FIXED_NOW = new Date('2025-04-02T10:20:30.000Z');
const INSTALLED = '1.2.0';

let server: ScenarioFeed;

beforeAll(async () => {
  server = await startScenarioFeed();
});

afterAll(async () => {
  await server.close();
});

function feed(path: string, extra: Partial<FetchClaimFeedOptions> = {}): Promise<ClaimFeedResult> {
  return fetchClaimFeed({
    url: `${server.baseUrl}${path}`,
    currentVersion: INSTALLED,
    allowLoopbackHttp: true,
    now: () => FIXED_NOW,
    ...extra,
  });
}

function expectRejected(result: ClaimFeedResult, reason: string): string {
  expect(result.status).toBe('rejected');
  if (result.status !== 'rejected') throw new Error('unreachable');
  expect(result.reason).toBe(reason);
  expect(result.fetchedAt).toBe(FIXED_NOW.toISOString());
  return result.message;
}

/** A fetch that fails the test if anything reaches the network. */
const forbiddenFetch: typeof fetch = () => {
  throw new Error('fetch must not be called for this URL');
};

describe('fetchClaimFeed: accepted feeds', () => {
  it('accepts a newer, valid set and returns its ETag', async () => {
    const result = await feed('/feed.json');
    expect(result.status).toBe('updated');
    if (result.status !== 'updated') return;
    expect(result.claimSet.version).toBe(NEWER_VERSION);
    expect(result.claimSet.claims.map((claim) => claim.id)).toEqual(['test-claim-one', 'test-claim-two']);
    expect(result.etag).toBe(FEED_ETAG);
    expect(result.fetchedAt).toBe(FIXED_NOW.toISOString());
  });

  it('accepts a valid set when nothing is installed yet', async () => {
    const result = await feed('/older.json', { currentVersion: undefined });
    expect(result.status).toBe('updated');
    if (result.status === 'updated') expect(result.claimSet.version).toBe(OLDER_VERSION);
  });

  it('sends If-None-Match and reports not-modified on HTTP 304', async () => {
    const result = await feed('/feed.json', { etag: FEED_ETAG });
    expect(result).toEqual({ status: 'not-modified', etag: FEED_ETAG, fetchedAt: FIXED_NOW.toISOString() });
    const last = server.requests.filter((request) => request.path === '/feed.json').at(-1);
    expect(last?.ifNoneMatch).toBe(FEED_ETAG);
  });

  it('sends no If-None-Match when no ETag is known', async () => {
    await feed('/feed.json');
    const last = server.requests.filter((request) => request.path === '/feed.json').at(-1);
    expect(last?.ifNoneMatch).toBeUndefined();
  });

  it('fetches in full when the stored ETag is out of date', async () => {
    const result = await feed('/feed.json', { etag: '"something-old"' });
    expect(result.status).toBe('updated');
  });

  it('reports not-modified when the feed has the installed version', async () => {
    const result = await feed('/feed.json', { currentVersion: NEWER_VERSION });
    expect(result.status).toBe('not-modified');
  });

  it('follows a redirect to the feed', async () => {
    const result = await feed('/redirect');
    expect(result.status).toBe('updated');
    if (result.status === 'updated') expect(result.claimSet.version).toBe(NEWER_VERSION);
    expect(server.requests.map((request) => request.path)).toContain('/redirect');
  });

  it('accepts an application/*+json content type', async () => {
    const result = await feed('/vendor.json');
    expect(result.status).toBe('updated');
  });

  it('asks for no credentials and follows redirects itself (redirect: manual)', async () => {
    let seen: RequestInit | undefined;
    const spy: typeof fetch = (_input, init) => {
      seen = init;
      return Promise.resolve(
        new Response(JSON.stringify(makeClaimSet({ version: '3.0.0' })), { headers: { 'Content-Type': 'text/json' } }),
      );
    };
    const result = await fetchClaimFeed({ url: 'https://feeds.example/claims.json', fetch: spy, now: () => FIXED_NOW });
    expect(result.status).toBe('updated');
    expect(seen?.credentials).toBe('omit');
    expect(seen?.redirect).toBe('manual');
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('fetchClaimFeed: rejected URLs', () => {
  it.each([
    ['http://feeds.example/claims.json', 'http'],
    ['file:///etc/passwd', 'file'],
    ['data:application/json,{}', 'data'],
    ['javascript:alert(1)', 'javascript'],
    ['ftp://feeds.example/claims.json', 'ftp'],
  ])('rejects %s', async (url, scheme) => {
    const result = await fetchClaimFeed({ url, fetch: forbiddenFetch, allowLoopbackHttp: true, now: () => FIXED_NOW });
    const message = expectRejected(result, 'invalid-url');
    expect(message).toContain(`uses ${scheme}`);
    expect(message).toContain('https://');
  });

  it('rejects text that is not a URL', async () => {
    const result = await fetchClaimFeed({ url: 'claims feed please', fetch: forbiddenFetch, now: () => FIXED_NOW });
    expect(expectRejected(result, 'invalid-url')).toContain('"claims feed please" is not a valid URL');
  });

  it('rejects loopback http unless explicitly allowed', async () => {
    const result = await feed('/feed.json', { allowLoopbackHttp: false, fetch: forbiddenFetch });
    expect(expectRejected(result, 'invalid-url')).toContain('uses http');
  });

  it('does not treat a look-alike host as loopback', async () => {
    const result = await feed('/feed.json', {
      url: 'http://127.0.0.1.attacker.example/feed.json',
      fetch: forbiddenFetch,
    });
    expectRejected(result, 'invalid-url');
  });

  it('rejects URLs with embedded credentials', async () => {
    const result = await fetchClaimFeed({ url: 'https://user:secret@feeds.example/x.json', fetch: forbiddenFetch, now: () => FIXED_NOW });
    expect(expectRejected(result, 'invalid-url')).toContain('user name or password');
  });

  it('refuses content reached by a redirect to plain http', async () => {
    const downgraded: typeof fetch = () => {
      const response = new Response(JSON.stringify(makeClaimSet({ version: '9.0.0' })), {
        headers: { 'Content-Type': 'application/json' },
      });
      Object.defineProperty(response, 'url', { value: 'http://mirror.example/claims.json' });
      return Promise.resolve(response);
    };
    const result = await fetchClaimFeed({ url: 'https://feeds.example/claims.json', fetch: downgraded, now: () => FIXED_NOW });
    expect(expectRejected(result, 'redirect')).toContain('redirected to http://mirror.example/claims.json, which is another host (mirror.example)');
  });
});

describe('fetchClaimFeed: rejected answers', () => {
  it('rejects an older version and names both versions', async () => {
    const message = expectRejected(await feed('/older.json'), 'not-newer');
    expect(message).toBe(`The feed is version ${OLDER_VERSION}, not newer than the installed ${INSTALLED}`);
  });

  it('rejects invalid JSON and says where it broke', async () => {
    const message = expectRejected(await feed('/broken.json'), 'invalid-json');
    const offset = BROKEN_JSON.indexOf(',}') + 1;
    expect(message).toContain('not valid JSON');
    expect(message).toContain(`line 1, column ${offset + 1} (position ${offset})`);
    expect(message).toContain('double-quoted property name');
  });

  it('rejects a schema-invalid set, naming the claim and the field', async () => {
    const message = expectRejected(await feed('/schema-invalid.json'), 'invalid-schema');
    expect(message).toContain('claim "bad-claim"');
    expect(message).toContain('claims[1].sources[0].url');
    expect(message).toContain('https://');
    expect(message).not.toContain('good-claim');
  });

  it('rejects HTTP 500 with the status', async () => {
    const message = expectRejected(await feed('/error'), 'http');
    expect(message).toBe('The feed answered HTTP 500 Internal Server Error');
  });

  it('rejects HTTP 404 with the status', async () => {
    const message = expectRejected(await feed('/missing'), 'http');
    expect(message).toBe('The feed answered HTTP 404 Not Found');
  });

  it('rejects text/html', async () => {
    const message = expectRejected(await feed('/page.html'), 'content-type');
    expect(message).toContain('text/html; charset=utf-8');
    expect(message).toContain('application/json');
  });

  it('rejects a response without a Content-Type', async () => {
    const message = expectRejected(await feed('/no-type'), 'content-type');
    expect(message).toContain('without a Content-Type');
  });

  it('rejects an honest Content-Length over the limit before reading', async () => {
    const message = expectRejected(await feed('/honest-large'), 'too-large');
    expect(message).toContain('announced 6 MiB');
    expect(message).toContain(`${6 * MiB} bytes`);
    expect(message).toContain('5 MiB limit');
  });

  it('stops reading a body whose small Content-Length hides 6 MiB (gzip)', async () => {
    const message = expectRejected(await feed('/gzip-bomb'), 'too-large');
    expect(message).toContain('more than the 5 MiB limit');
  });

  it('stops reading a chunked body without Content-Length past the limit', async () => {
    const message = expectRejected(await feed('/chunked-huge'), 'too-large');
    expect(message).toContain('more than the 5 MiB limit');
  });

  it('honours a smaller maxBytes', async () => {
    const message = expectRejected(await feed('/feed.json', { maxBytes: 100 }), 'too-large');
    expect(message).toContain('100 bytes limit');
  });

  it('hangs up on an endless chunked body', async () => {
    const message = expectRejected(await feed('/endless'), 'too-large');
    expect(message).toContain('5 MiB');
    // The server must see the client leave long before its 512 MiB are written.
    expect(await server.endlessAbandoned()).toBe(true);
  });

  it('does not trust a Content-Length that understates the body', async () => {
    let pulled = 0;
    const lying: typeof fetch = () => {
      const chunk = new Uint8Array(MiB).fill(0x20);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.byteLength;
          if (pulled > 6 * MiB) controller.close();
          else controller.enqueue(chunk);
        },
      });
      return Promise.resolve(
        new Response(body, { headers: { 'Content-Type': 'application/json', 'Content-Length': '120' } }),
      );
    };
    const result = await fetchClaimFeed({ url: 'https://feeds.example/claims.json', fetch: lying, now: () => FIXED_NOW });
    expect(expectRejected(result, 'too-large')).toContain('more than the 5 MiB limit');
    expect(pulled).toBeLessThanOrEqual(6 * MiB + MiB);
  });

  it('times out when the server does not answer', async () => {
    const started = Date.now();
    const message = expectRejected(await feed('/slow', { timeoutMs: 200 }), 'timeout');
    expect(message).toBe('The feed did not arrive within 200 ms');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('times out when the body stalls after the headers', async () => {
    const message = expectRejected(await feed('/slow-body', { timeoutMs: 300 }), 'timeout');
    expect(message).toContain('300 ms');
  });

  it('times out even if the fetch implementation ignores the abort signal', async () => {
    const deaf: typeof fetch = () => new Promise<Response>(() => undefined);
    const result = await fetchClaimFeed({ url: 'https://feeds.example/x.json', fetch: deaf, timeoutMs: 50, now: () => FIXED_NOW });
    expect(expectRejected(result, 'timeout')).toContain('50 ms');
  });

  it('reports a refused connection as a network failure', async () => {
    const port = await closedPort();
    const result = await feed('/feed.json', { url: `http://127.0.0.1:${port}/feed.json` });
    const message = expectRejected(result, 'network');
    expect(message).toContain(`http://127.0.0.1:${port}`);
    expect(message).toMatch(/ECONNREFUSED|refused/i);
  });

  it('never throws, even when fetch throws synchronously', async () => {
    const throwing: typeof fetch = () => {
      throw new TypeError('no network stack here');
    };
    const result = await fetchClaimFeed({ url: 'https://feeds.example/x.json', fetch: throwing, now: () => FIXED_NOW });
    expect(expectRejected(result, 'network')).toContain('no network stack here');
  });

  it('rejects a body that is not UTF-8', async () => {
    const latin1: typeof fetch = () =>
      Promise.resolve(new Response(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), { headers: { 'Content-Type': 'application/json' } }));
    const result = await fetchClaimFeed({ url: 'https://feeds.example/x.json', fetch: latin1, now: () => FIXED_NOW });
    expect(expectRejected(result, 'invalid-json')).toContain('not UTF-8');
  });
});
