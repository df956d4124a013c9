/**
 * Detached signatures of claim feeds. The publisher signs the exact bytes of the feed file and
 * publishes the signature beside it, at the feed URL with ".sig" added to the path
 * (https://example.org/claims.json → https://example.org/claims.json.sig, query kept). The file holds
 * the signature in base64 (or base64url), whitespace ignored:
 *   - Ed25519: the 64-byte signature;
 *   - ECDSA P-256 with SHA-256: r ‖ s, 64 bytes (what WebCrypto and `npm run feed:sign` write), or the
 *     DER form OpenSSL writes (`openssl dgst -sha256 -sign key.pem claims.json | base64`).
 */
import { base64ToBytes, importFeedKey, verifyParams, type PinnedFeedKey } from './feed-keys';

/** Largest signature file read: a base64 signature is under 100 bytes; anything bigger is not one. */
export const MAX_SIGNATURE_BYTES = 4096;

/** Where a feed's signature is published: the feed URL with ".sig" appended to its path. */
export function signatureUrlFor(feedUrl: URL): URL {
  const url = new URL(feedUrl.href);
  url.pathname = `${url.pathname}.sig`;
  url.hash = '';
  return url;
}

/**
 * An ECDSA signature in DER (SEQUENCE of two INTEGERs) as the fixed 64-byte r ‖ s WebCrypto checks.
 * @returns undefined when the bytes are not a well-formed P-256 DER signature
 */
function derToRawEcdsa(der: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return undefined;
  let offset = 2;
  const out = new Uint8Array(64);
  for (const at of [0, 32]) {
    if (der[offset] !== 0x02) return undefined;
    const length = der[offset + 1]!;
    const start = offset + 2;
    if (length < 1 || length > 33 || start + length > der.length) return undefined;
    let value = der.subarray(start, start + length);
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) return undefined;
    out.set(value, at + 32 - value.length);
    offset = start + length;
  }
  return offset === der.length ? out : undefined;
}

/**
 * Reads a signature file's text into the signature bytes WebCrypto checks for `algorithm`.
 * @returns the bytes, or a reason the file is not a signature
 */
export function parseSignatureText(text: string, algorithm: PinnedFeedKey['algorithm']): { ok: true; signature: Uint8Array<ArrayBuffer> } | { ok: false; error: string } {
  const bytes = base64ToBytes(text.trim());
  if (!bytes || bytes.length === 0) return { ok: false, error: 'is not a base64 signature' };
  if (bytes.length === 64) return { ok: true, signature: bytes };
  if (algorithm === 'ECDSA-P256') {
    const raw = derToRawEcdsa(bytes);
    if (raw) return { ok: true, signature: raw };
  }
  return { ok: false, error: `holds ${bytes.length} bytes, not a 64-byte ${algorithm === 'Ed25519' ? 'Ed25519' : 'ECDSA P-256'} signature` };
}

/**
 * Whether `signature` is `key`'s signature over exactly `data`.
 * @throws what WebCrypto throws when the key cannot be imported (an algorithm this browser lacks)
 */
export async function verifyFeedSignature(
  key: Pick<PinnedFeedKey, 'algorithm' | 'publicKey'>,
  data: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  const cryptoKey = await importFeedKey(key, subtle);
  return subtle.verify(verifyParams(key.algorithm), cryptoKey, signature, data);
}
