/**
 * Signed claim feeds through the background, as the options page drives them: the reader pins the
 * publisher's key, a signed update is installed under a name that carries the key's fingerprint, and
 * every bad update (tampered byte, wrong key, no signature, a version or date too far ahead, a redirect
 * off the feed's origin or into the reader's network) is refused with a message while the last good
 * set stays. The feed server listens on 127.0.0.1 only; the redirect cases that need a public feed
 * host use an in-memory fetch that never touches the network.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimSet } from '../../../lib/claims/schema';
import { writeMeta, type PledgeLensDatabase, type StoredPack } from '../../../lib/background/store/open-database';
import { generateFeedKey, readFeedSigningKey, signFeedBytes, type FeedSigningKey } from '../../../scripts/feed-crypto';
import { bundledClaimSet, makeClaim, makeClaimSet } from '../../support/claim-sets';
import { respond, startFeedServer, type FeedServer } from '../../support/feed-server';
import { BackgroundHarness, ok, openFreshDatabase, TOP_FRAME } from './background-harness';

const FEED_CLAIM = 'feed-vouched-claim';
const FIRST_AT = new Date('2026-11-25T12:00:00.000Z');

let clock = FIRST_AT;
let db: PledgeLensDatabase;
let publisher: FeedSigningKey;
let stranger: FeedSigningKey;

/** What the local server answers: the feed file's bytes, its signature file (404 when undefined), or a redirect. */
const served: { feed: Buffer; sig: string | undefined; redirect?: string | undefined } = { feed: Buffer.alloc(0), sig: undefined };
let server: FeedServer;
let origin = '';
let feedUrl = '';
/** Paths asked for since the test's reset point. */
let seenFrom = 0;
const hits = () => server.requests.slice(seenFrom).map((request) => request.path);

function feedText(version: string, overrides: Partial<ClaimSet> = {}): string {
  return `${JSON.stringify(
    makeClaimSet({ version, publishedAt: '2026-11-20', publisher: 'Example Lab Watch', claims: [makeClaim(FEED_CLAIM, { statement: `Example Lab keeps promise ${version}.` })], ...overrides }),
    null,
    2,
  )}\n`;
}

async function signed(text: string, key: FeedSigningKey = publisher): Promise<{ feed: Buffer; sig: string }> {
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  return { feed: Buffer.from(bytes), sig: await signFeedBytes(key, bytes) };
}

async function serve(text: string, key: FeedSigningKey = publisher): Promise<void> {
  Object.assign(served, await signed(text, key), { redirect: undefined });
}

beforeAll(async () => {
  publisher = await readFeedSigningKey((await generateFeedKey('ECDSA-P256')).privatePem);
  stranger = await readFeedSigningKey((await generateFeedKey('ECDSA-P256')).privatePem);
  server = await startFeedServer({
    '/claims.json': (_request, response) =>
      served.redirect ? respond(response, { status: 302, body: '', contentType: null, headers: { Location: served.redirect } }) : respond(response, { body: served.feed }),
    '/claims.json.sig': (_request, response) =>
      respond(response, served.sig === undefined ? { status: 404, body: 'Not found', contentType: 'text/plain' } : { body: served.sig, contentType: 'text/plain' }),
  });
  origin = server.baseUrl;
  feedUrl = server.url('/claims.json');
});

afterAll(async () => {
  await server?.close();
});

beforeEach(async () => {
  clock = FIRST_AT;
  seenFrom = server.requests.length;
  db = await openFreshDatabase();
});

afterEach(() => {
  db.close();
});

async function makeService(fetchImpl?: typeof fetch): Promise<BackgroundHarness> {
  const harness = new BackgroundHarness(db, { loadBundled: async () => bundledClaimSet(), now: () => clock, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  await harness.service.init();
  return harness;
}

async function feedPack(): Promise<StoredPack | undefined> {
  return db.get('packs', 'feed');
}

/** A service with the publisher's key pinned and version 2.0.0 installed from the signed feed. */
async function installedSigned(): Promise<BackgroundHarness> {
  const service = await makeService();
  await ok(service.page({ type: 'set-feed-url', url: feedUrl, publicKey: publisher.publicKey.publicKey }));
  await serve(feedText('2.0.0'));
  expect(await service.page({ type: 'update-feed-now' })).toMatchObject({ ok: true, status: 'updated' });
  expect((await feedPack())?.claimSet.version).toBe('2.0.0');
  clock = new Date('2026-11-26T12:00:00.000Z');
  return service;
}

/** The refusal every bad update must end in: a message, the 2.0.0 set still in use, the error recorded, the last success unchanged. */
async function expectRefusedKeepingLastGood(service: BackgroundHarness, message: RegExp): Promise<string> {
  const before = await feedPack();
  const result = await service.page({ type: 'update-feed-now' });
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error).toMatch(message);
  expect(result.error).toContain(`The claim set from the last good update (${FIRST_AT.toISOString()}) is still in use.`);
  // The page words the same refusal from its code: the last good update's time travels with it.
  if (!result.ok) expect(result.failure).toMatchObject({ code: 'feed', lastGoodAt: FIRST_AT.toISOString() });
  const after = await feedPack();
  expect(after?.claimSet.version).toBe('2.0.0');
  expect(after).toEqual(before);
  const info = await ok(service.page({ type: 'get-claim-set-info' }));
  expect(info.version).toContain('feed@2.0.0');
  expect(info.feed.lastSuccessAt).toBe(FIRST_AT.toISOString());
  expect(info.feed.lastError?.message).toMatch(message);
  return result.error;
}

describe('signed feeds: pinning and a good update', () => {
  it('installs a signed update under a name carrying the key fingerprint, and the card says so', async () => {
    const service = await installedSigned();
    const fingerprint = publisher.publicKey.fingerprint;
    const pack = await feedPack();
    expect(pack?.name).toBe(`Example Lab Watch (signed, key ${fingerprint})`);
    expect(pack?.trust).toEqual(publisher.publicKey);

    const info = await ok(service.page({ type: 'get-claim-set-info' }));
    expect(info.feed.trust).toEqual(publisher.publicKey);
    expect(info.packs.find((p) => p.id === 'feed')).toMatchObject({ name: pack?.name, trust: { kind: 'pinned', fingerprint } });

    // The card's footer shows `packName`: the key that vouched for the claim.
    const text = 'Example Lab aims to keep promise feed-vouched-claim.';
    const match = await ok(service.content({ ...TOP_FRAME, url: 'https://news.example/a' })({ type: 'match-page', url: 'https://news.example/a', title: 'x', text }));
    expect(match.claims[FEED_CLAIM]?.packName).toBe(`Example Lab Watch (signed, key ${fingerprint})`);

    await serve(feedText('2.1.0'));
    expect(await service.page({ type: 'update-feed-now' })).toMatchObject({ ok: true, status: 'updated' });
    expect((await feedPack())?.claimSet.version).toBe('2.1.0');
    expect(hits().filter((path) => path === '/claims.json.sig').length).toBe(2);
  });

  it('accepts an Ed25519 key (base64 SPKI) and an ECDSA key as PEM or JWK; refuses private keys, garbage, and a feed with neither key nor "unsigned"', async () => {
    const service = await makeService();
    const ed = await generateFeedKey('Ed25519');
    const pinnedEd = await ok(service.page({ type: 'set-feed-url', url: feedUrl, publicKey: ed.publicKey.publicKey }));
    expect(pinnedEd.feed.trust).toMatchObject({ kind: 'pinned', algorithm: 'Ed25519', fingerprint: ed.publicKey.fingerprint });

    const pem = `-----BEGIN PUBLIC KEY-----\n${publisher.publicKey.publicKey.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    expect((await ok(service.page({ type: 'set-feed-url', url: feedUrl, publicKey: pem }))).feed.trust).toEqual(publisher.publicKey);
    const jwk = await crypto.subtle.exportKey('jwk', publisher.privateKey);
    const publicJwk = JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
    expect((await ok(service.page({ type: 'set-feed-url', url: feedUrl, publicKey: publicJwk }))).feed.trust).toEqual(publisher.publicKey);

    const refusals: Array<[Record<string, unknown>, RegExp]> = [
      [{ publicKey: JSON.stringify(jwk) }, /private key/],
      [{ publicKey: (await generateFeedKey('ECDSA-P256')).privatePem }, /private key/],
      [{ publicKey: 'bm90IGEga2V5' }, /not a public key/],
      [{}, /public key.*or choose to accept the feed unsigned/],
      [{ publicKey: publisher.publicKey.publicKey, allowUnsigned: true }, /not both/],
    ];
    for (const [fields, message] of refusals) {
      const result = await service.page({ type: 'set-feed-url', url: feedUrl, ...fields });
      expect(result.ok, JSON.stringify(fields)).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
    // The last accepted choice is still the one in force.
    expect((await ok(service.page({ type: 'get-claim-set-info' }))).feed.trust).toEqual(publisher.publicKey);
  });

  it('an unsigned feed is accepted only when chosen, and named by its host, not by the publisher it claims', async () => {
    const service = await makeService();
    await ok(service.page({ type: 'set-feed-url', url: feedUrl, allowUnsigned: true }));
    await serve(feedText('2.0.0', { publisher: 'Pledge Lens' }));
    served.sig = undefined;
    expect(await service.page({ type: 'update-feed-now' })).toMatchObject({ ok: true, status: 'updated' });
    expect((await feedPack())?.name).toBe(`Unsigned feed from 127.0.0.1:${new URL(origin).port}`);
    expect(hits()).not.toContain('/claims.json.sig');

    // Pinning a key afterwards re-vouches even the same version: the pack is then named by the key.
    await serve(feedText('2.0.0', { publisher: 'Pledge Lens' }));
    await ok(service.page({ type: 'set-feed-url', url: feedUrl, publicKey: publisher.publicKey.publicKey }));
    expect(await service.page({ type: 'update-feed-now' })).toMatchObject({ ok: true, status: 'updated' });
    expect((await feedPack())?.name).toBe(`Pledge Lens (signed, key ${publisher.publicKey.fingerprint})`);
  });

  it('a feed set before signatures is refused until the reader chooses, and its pack is renamed as unsigned', async () => {
    // The database as an earlier version left it (the background reads its settings when it starts).
    const legacy = JSON.parse(feedText('2.0.0', { publisher: 'Pledge Lens' })) as ClaimSet;
    await db.put('packs', { id: 'feed', name: 'Pledge Lens', enabled: true, source: 'feed', claimSet: legacy, installedAt: FIRST_AT.toISOString(), feedUrl });
    await writeMeta(db, 'settings', { siteMode: 'all-sites', allowedSites: [], disabledSites: [], feedUrl });
    const service = await makeService();
    const result = await service.page({ type: 'update-feed-now' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/added before Pledge Lens checked signatures/);
    expect(hits()).toEqual([]);
    expect((await feedPack())?.name).toMatch(/^Unsigned feed from 127\.0\.0\.1/);
    expect((await ok(service.page({ type: 'get-claim-set-info' }))).packs.find((p) => p.id === 'feed')?.trust).toEqual({ kind: 'unsigned' });
  });
});

describe('signed feeds: refused updates keep the last good set', () => {
  it('one tampered byte', async () => {
    const service = await installedSigned();
    const good = await signed(feedText('2.1.0'));
    const text = good.feed.toString('utf8');
    const at = text.indexOf('"in-force"') + 1;
    // One byte changed after signing: the claim's status now reads "In-force" (I for i).
    served.feed = Buffer.from(text.slice(0, at) + 'I' + text.slice(at + 1), 'utf8');
    expect(served.feed.length).toBe(good.feed.length);
    served.sig = good.sig;
    await expectRefusedKeepingLastGood(service, /signature does not match the key you pinned \(ECDSA P-256 key [0-9A-F ]{19}\)/);
  });

  it('signed with another key', async () => {
    const service = await installedSigned();
    await serve(feedText('2.1.0'), stranger);
    await expectRefusedKeepingLastGood(service, /signature does not match the key you pinned/);
  });

  it('unsigned (no .sig) while a key is pinned', async () => {
    const service = await installedSigned();
    await serve(feedText('2.1.0'));
    served.sig = undefined;
    const message = await expectRefusedKeepingLastGood(service, /The feed is not signed: there is no signature at .*\/claims\.json\.sig \(HTTP 404\)/);
    expect(message).toContain(publisher.publicKey.fingerprint);
  });

  it('a signature file that is not a signature', async () => {
    const service = await installedSigned();
    await serve(feedText('2.1.0'));
    served.sig = '<html>Not found</html>';
    await expectRefusedKeepingLastGood(service, /signature file .* is not a base64 signature/);
  });

  it('a version far ahead of the last good one, even when properly signed', async () => {
    const service = await installedSigned();
    await serve(feedText('99999999999.0.0'));
    await expectRefusedKeepingLastGood(service, /version 99999999999\.0\.0, more than 3 major versions ahead of the last good 2\.0\.0/);
  });

  it('a publication date in the future, even when properly signed', async () => {
    const service = await installedSigned();
    await serve(feedText('2.1.0', { publishedAt: '2026-11-29' }));
    await expectRefusedKeepingLastGood(service, /published on 2026-11-29, which is in the future by this computer’s clock \(2026-11-26\)/);
  });

  it('a redirect to another host (127.0.0.1 → localhost) is not followed', async () => {
    const service = await installedSigned();
    await serve(feedText('2.1.0'));
    served.redirect = `http://localhost:${new URL(origin).port}/elsewhere.json`;
    seenFrom = server.requests.length;
    await expectRefusedKeepingLastGood(service, /redirected to http:\/\/localhost:\d+\/elsewhere\.json, which is another host \(localhost:\d+\)/);
    expect(hits()).toEqual(['/claims.json']);
  });

  describe('a public feed host, through an in-memory fetch', () => {
    const PUBLIC_FEED = 'https://feeds.example/claims.json';
    /**
     * A service with 2.0.0 installed from PUBLIC_FEED, whose later requests are answered from `routes`.
     * Every request is recorded, so a test can prove a redirect target was never asked.
     */
    async function installedPublic(routes: Record<string, () => Response>): Promise<{ service: BackgroundHarness; asked: string[] }> {
      const good = await signed(feedText('2.0.0'));
      let current: Record<string, () => Response> = {
        [PUBLIC_FEED]: () => new Response(new Uint8Array(good.feed), { headers: { 'Content-Type': 'application/json' } }),
        [`${PUBLIC_FEED}.sig`]: () => new Response(good.sig),
      };
      const asked: string[] = [];
      const fetchImpl: typeof fetch = (input) => {
        const url = String(input);
        asked.push(url);
        const route = current[url];
        return Promise.resolve(route ? route() : new Response('not here', { status: 404 }));
      };
      const service = await makeService(fetchImpl);
      await ok(service.page({ type: 'set-feed-url', url: PUBLIC_FEED, publicKey: publisher.publicKey.publicKey }));
      expect(await service.page({ type: 'update-feed-now' })).toMatchObject({ ok: true, status: 'updated' });
      clock = new Date('2026-11-26T12:00:00.000Z');
      current = routes;
      asked.length = 0;
      return { service, asked };
    }

    const redirectTo = (location: string) => () => new Response(null, { status: 302, headers: { Location: location } });

    it('a cross-host redirect is refused without asking the other host', async () => {
      const { service, asked } = await installedPublic({ [PUBLIC_FEED]: redirectTo('https://mirror.evil.example/claims.json') });
      await expectRefusedKeepingLastGood(service, /redirected to https:\/\/mirror\.evil\.example\/claims\.json, which is another host \(mirror\.evil\.example\)/);
      expect(asked).toEqual([PUBLIC_FEED]);
    });

    it.each([
      ['http://192.168.1.1/claims.json', 'a private network address'],
      ['https://10.0.0.8/claims.json', 'a private network address'],
      ['https://169.254.169.254/latest/meta-data', 'a link-local address'],
      ['https://localhost/claims.json', 'this computer \\(a loopback address\\)'],
      ['https://[::ffff:127.0.0.1]/claims.json', 'this computer \\(a loopback address\\)'],
      ['https://[fd00::1]/claims.json', 'a private network address'],
      ['https://router/claims.json', 'a local network name'],
    ])('a redirect to %s is refused as %s without asking it', async (target, words) => {
      const { service, asked } = await installedPublic({ [PUBLIC_FEED]: redirectTo(target) });
      await expectRefusedKeepingLastGood(service, new RegExp(`redirected to .*, which is ${words}`));
      expect(asked).toEqual([PUBLIC_FEED]);
    });

    it('a same-origin redirect is followed (for feed and signature), at most 3 hops', async () => {
      const next = await signed(feedText('2.1.0'));
      const { service, asked } = await installedPublic({
        [PUBLIC_FEED]: redirectTo('/v/2.1.0/claims.json'),
        'https://feeds.example/v/2.1.0/claims.json': () => new Response(new Uint8Array(next.feed), { headers: { 'Content-Type': 'application/json' } }),
        [`${PUBLIC_FEED}.sig`]: redirectTo('https://feeds.example/v/2.1.0/claims.json.sig'),
        'https://feeds.example/v/2.1.0/claims.json.sig': () => new Response(next.sig),
      });
      expect(await service.page({ type: 'update-feed-now' })).toMatchObject({ ok: true, status: 'updated' });
      expect(asked).toEqual([PUBLIC_FEED, 'https://feeds.example/v/2.1.0/claims.json', `${PUBLIC_FEED}.sig`, 'https://feeds.example/v/2.1.0/claims.json.sig']);
      expect((await feedPack())?.claimSet.version).toBe('2.1.0');
    });

    it('an endless same-origin redirect loop stops after 3 hops', async () => {
      const { service, asked } = await installedPublic({ [PUBLIC_FEED]: redirectTo(PUBLIC_FEED) });
      await expectRefusedKeepingLastGood(service, /redirected more than 3 times/);
      expect(asked).toHaveLength(4);
    });

    it('a redirect the browser hides (opaqueredirect) is refused', async () => {
      const opaque = () => {
        const response = new Response(null, { status: 200 });
        Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
        Object.defineProperty(response, 'status', { value: 0 });
        return response;
      };
      const { service } = await installedPublic({ [PUBLIC_FEED]: opaque });
      await expectRefusedKeepingLastGood(service, /answered with a redirect.*set the feed to its final address/);
    });
  });
});
