/**
 * The pieces of signed feeds on their own: reading pinned keys, reading and checking signatures over
 * exact bytes, and the bounds on versions and dates. The background's refusals (with the last good
 * set kept) are in tests/unit/background/feed-trust.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, parseFeedPublicKey, pinFeedKey } from '../../../lib/claims/feed-keys';
import { parseSignatureText, signatureUrlFor, verifyFeedSignature } from '../../../lib/claims/feed-signature';
import { feedPackName, MAX_MAJOR_VERSION_JUMP, MAX_MINOR_VERSION_JUMP, publishedAtProblem, sameFeedTrust, versionLeapProblem } from '../../../lib/claims/feed-trust';
import { fetchClaimFeed } from '../../../lib/claims/fetch-claim-feed';
import { generateFeedKey, readFeedSigningKey, signFeedBytes } from '../../../scripts/feed-crypto';
import { makeClaimSet } from '../../support/claim-sets';
import { respond, startFeedServer } from '../../support/feed-server';

const FEED = new TextEncoder().encode(`${JSON.stringify(makeClaimSet({ version: '3.0.0', publishedAt: '2026-11-20' }), null, 2)}\n`);

/** The 64-byte r ‖ s signature re-encoded as the DER that OpenSSL writes. */
function toDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const value = bytes.subarray(start);
    const padded = value[0]! & 0x80 ? [0, ...value] : [...value];
    return [0x02, padded.length, ...padded];
  };
  const body = [...integer(raw.subarray(0, 32)), ...integer(raw.subarray(32))];
  return new Uint8Array([0x30, body.length, ...body]);
}

describe('signatures over exact bytes', () => {
  it.each(['ECDSA-P256', 'Ed25519'] as const)('%s: a good signature verifies; one flipped byte, a flipped signature bit or another key does not', async (algorithm) => {
    const key = await readFeedSigningKey((await generateFeedKey(algorithm)).privatePem);
    const other = await readFeedSigningKey((await generateFeedKey(algorithm)).privatePem);
    const parsed = parseSignatureText(await signFeedBytes(key, FEED), algorithm);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await verifyFeedSignature(key.publicKey, FEED, parsed.signature)).toBe(true);

    const tampered = FEED.slice();
    tampered[FEED.length - 10] = tampered[FEED.length - 10]! ^ 0x01;
    expect(await verifyFeedSignature(key.publicKey, tampered, parsed.signature)).toBe(false);
    const badSignature = parsed.signature.slice();
    badSignature[5] = badSignature[5]! ^ 0x80;
    expect(await verifyFeedSignature(key.publicKey, FEED, badSignature)).toBe(false);
    expect(await verifyFeedSignature(other.publicKey, FEED, parsed.signature)).toBe(false);
  });

  it('reads ECDSA signatures as r ‖ s or as OpenSSL DER, in base64 or base64url', async () => {
    const key = await readFeedSigningKey((await generateFeedKey('ECDSA-P256')).privatePem);
    const raw = base64ToBytes(await signFeedBytes(key, FEED))!;
    const der = toDer(raw);
    const fromDer = parseSignatureText(bytesToBase64(der), 'ECDSA-P256');
    expect(fromDer.ok && bytesToBase64(fromDer.signature)).toBe(bytesToBase64(raw));
    const urlSafe = bytesToBase64(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const fromUrlSafe = parseSignatureText(`  ${urlSafe}\n`, 'ECDSA-P256');
    expect(fromUrlSafe.ok && (await verifyFeedSignature(key.publicKey, FEED, fromUrlSafe.signature))).toBe(true);
    // DER is an ECDSA form only.
    expect(parseSignatureText(bytesToBase64(der), 'Ed25519')).toMatchObject({ ok: false });
    expect(parseSignatureText('not base64!', 'ECDSA-P256')).toEqual({ ok: false, error: 'is not a base64 signature' });
    expect(parseSignatureText('', 'Ed25519')).toMatchObject({ ok: false });
    expect(parseSignatureText(bytesToBase64(new Uint8Array(63)), 'Ed25519')).toMatchObject({ ok: false, error: expect.stringContaining('63 bytes') });
  });

  it('the signature lives at the feed URL with .sig added to the path, query kept', () => {
    expect(signatureUrlFor(new URL('https://feeds.example/claims.json')).href).toBe('https://feeds.example/claims.json.sig');
    expect(signatureUrlFor(new URL('https://feeds.example/c/latest?track=beta#x')).href).toBe('https://feeds.example/c/latest.sig?track=beta');
  });
});

describe('pinned keys', () => {
  it('reads base64 SPKI, PEM and JWK of both algorithms to the same key, with a short fingerprint', async () => {
    for (const algorithm of ['ECDSA-P256', 'Ed25519'] as const) {
      const { publicKey } = await generateFeedKey(algorithm);
      expect(publicKey.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
      const pem = `-----BEGIN PUBLIC KEY-----\n${publicKey.publicKey.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----`;
      for (const text of [publicKey.publicKey, ` ${pem}\n`]) {
        const pinned = await pinFeedKey(text);
        expect(pinned).toEqual({ ok: true, key: publicKey });
      }
    }
  });

  it('refuses private keys, other curves, compressed points and text that is no key', async () => {
    const p256 = (await generateFeedKey('ECDSA-P256')).publicKey;
    expect(parseFeedPublicKey('-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----')).toMatchObject({ ok: false, error: expect.stringMatching(/private key/) });
    expect(parseFeedPublicKey('{"kty":"OKP","crv":"Ed25519","x":"AAAA","d":"AAAA"}')).toMatchObject({ ok: false, error: expect.stringMatching(/private key/) });
    // P-384 SPKI header.
    expect(parseFeedPublicKey(bytesToBase64(new Uint8Array([0x30, 0x76, 0x30, 0x10, ...new Uint8Array(116)])))).toMatchObject({ ok: false });
    // A P-256 key whose point is not marked uncompressed (0x04 after the 26-byte header).
    const spki = base64ToBytes(p256.publicKey)!;
    spki[26] = 0x02;
    expect(parseFeedPublicKey(bytesToBase64(spki))).toMatchObject({ ok: false });
    for (const junk of ['', 'hello world', '{', '{"kty":"RSA"}', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----']) {
      expect(parseFeedPublicKey(junk), junk).toMatchObject({ ok: false, error: expect.stringMatching(/not a public key/) });
    }
  });

  it('same trust means the same key, or both unsigned', async () => {
    const a = (await generateFeedKey('Ed25519')).publicKey;
    const b = (await generateFeedKey('Ed25519')).publicKey;
    expect(sameFeedTrust(a, { ...a })).toBe(true);
    expect(sameFeedTrust(a, b)).toBe(false);
    expect(sameFeedTrust({ kind: 'unsigned' }, { kind: 'unsigned' })).toBe(true);
    expect(sameFeedTrust(a, { kind: 'unsigned' })).toBe(false);
    expect(sameFeedTrust(undefined, a)).toBe(false);
  });

  it('names a feed pack by its key, or as unsigned by its host only', async () => {
    const key = (await generateFeedKey('ECDSA-P256')).publicKey;
    expect(feedPackName('Example Lab Watch', key, 'https://feeds.example/c.json')).toBe(`Example Lab Watch (signed, key ${key.fingerprint})`);
    expect(feedPackName(undefined, key, 'https://feeds.example/c.json')).toBe(`Feed from feeds.example (signed, key ${key.fingerprint})`);
    expect(feedPackName('Pledge Lens', { kind: 'unsigned' }, 'https://feeds.example:8443/c.json')).toBe('Unsigned feed from feeds.example:8443');
  });
});

describe('bounds every update respects', () => {
  it(`a version may be at most ${MAX_MAJOR_VERSION_JUMP} major versions ahead of the last good one`, () => {
    expect(versionLeapProblem('5.9.9', '2.0.0')).toBeUndefined();
    expect(versionLeapProblem('6.0.0', '2.0.0')).toMatch(/more than 3 major versions ahead of the last good 2\.0\.0/);
    expect(versionLeapProblem('99999999999999999999.0.0', '2.0.0')).toMatch(/99999999999999999999\.0\.0/);
    expect(versionLeapProblem('9.0.0', undefined)).toBeUndefined();
    expect(versionLeapProblem('1.0.0', '2.0.0')).toBeUndefined();
  });

  it(`in the same major version, at most ${MAX_MINOR_VERSION_JUMP} minor versions ahead (in the same minor version, patch versions): a leap would block every later update`, () => {
    expect(versionLeapProblem('2.1000.0', '2.0.0')).toBeUndefined();
    expect(versionLeapProblem('2.1001.0', '2.0.0')).toMatch(/more than 1000 minor versions ahead of the last good 2\.0\.0/);
    expect(versionLeapProblem('2.99999999999999999999.0', '2.1.27')).toMatch(/99999999999999999999/);
    expect(versionLeapProblem('2.1.1027', '2.1.27')).toBeUndefined();
    expect(versionLeapProblem('2.1.1028', '2.1.27')).toMatch(/more than 1000 patch versions ahead/);
    // A new major version starts its minor and patch numbers afresh.
    expect(versionLeapProblem('3.0.0', '2.1.27')).toBeUndefined();
  });

  it('publishedAt may be at most 36 hours ahead of this computer\'s clock (a date is its UTC day start)', () => {
    const now = new Date('2026-11-26T12:00:00.000Z');
    expect(publishedAtProblem('2026-11-27', now)).toBeUndefined();
    expect(publishedAtProblem('2026-11-28', now)).toBeUndefined(); // 36 h exactly
    expect(publishedAtProblem('2026-11-29', now)).toMatch(/published on 2026-11-29, which is in the future by this computer’s clock \(2026-11-26\)/);
    expect(publishedAtProblem('2020-01-01', now)).toBeUndefined();
  });

  it('fetchClaimFeed refuses a future publishedAt even for a first install, and a leap only against a last good version', async () => {
    const future = JSON.stringify(makeClaimSet({ version: '9.0.0', publishedAt: '2027-01-01' }));
    const leap = JSON.stringify(makeClaimSet({ version: '9.0.0', publishedAt: '2026-01-01' }));
    const server = await startFeedServer({ '/future.json': { body: future }, '/leap.json': { body: leap } });
    try {
      const now = () => new Date('2026-11-26T12:00:00.000Z');
      const first = await fetchClaimFeed({ url: server.url('/future.json'), allowLoopbackHttp: true, now });
      expect(first).toMatchObject({ status: 'rejected', reason: 'published-in-future' });
      expect(await fetchClaimFeed({ url: server.url('/leap.json'), allowLoopbackHttp: true, now })).toMatchObject({ status: 'updated' });
      expect(await fetchClaimFeed({ url: server.url('/leap.json'), currentVersion: '2.3.0', allowLoopbackHttp: true, now })).toMatchObject({ status: 'rejected', reason: 'version-leap' });
    } finally {
      await server.close();
    }
  });

  it('a pinned key is checked before the body is parsed: a tampered feed is refused as tampered, not as bad JSON', async () => {
    const key = await readFeedSigningKey((await generateFeedKey('ECDSA-P256')).privatePem);
    const signature = await signFeedBytes(key, FEED);
    const broken = Buffer.from(FEED);
    broken[0] = 0x5b; // "{" → "[": no longer the signed bytes, and no longer a claim set either
    const server = await startFeedServer({
      '/c.json': (_request, response) => respond(response, { body: broken }),
      '/c.json.sig': { body: signature, contentType: 'text/plain' },
    });
    try {
      const result = await fetchClaimFeed({ url: server.url('/c.json'), publicKey: key.publicKey, allowLoopbackHttp: true });
      expect(result).toMatchObject({ status: 'rejected', reason: 'signature-invalid' });
    } finally {
      await server.close();
    }
  });
});
