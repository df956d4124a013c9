/**
 * The publisher keys a reader pins for a signed claim feed: reading what the reader pastes (base64
 * SPKI, PEM or JWK), checking that this browser can verify with it, and the short fingerprint pages
 * show. Two algorithms: ECDSA P-256 with SHA-256 (every browser's WebCrypto) and Ed25519 (newer
 * browsers only; see `pinFeedKey`). Everything here is plain WebCrypto, so the background, Node tests
 * and the signing CLI share it.
 */

export type FeedKeyAlgorithm = 'ECDSA-P256' | 'Ed25519';

export const FEED_KEY_ALGORITHM_LABEL: Readonly<Record<FeedKeyAlgorithm, string>> = {
  'ECDSA-P256': 'ECDSA P-256',
  Ed25519: 'Ed25519',
};

/** A publisher key the reader pinned, as stored in the settings. `publicKey` is base64 SPKI (DER). */
export interface PinnedFeedKey {
  kind: 'pinned';
  algorithm: FeedKeyAlgorithm;
  publicKey: string;
  /** Short SHA-256 fingerprint of the SPKI bytes, e.g. "3F2A 9C1B 77D0 E4A5" (`keyFingerprint`). */
  fingerprint: string;
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * The fixed DER header of each accepted SubjectPublicKeyInfo, and the length of the key that follows:
 * id-ecPublicKey + prime256v1 with an uncompressed point (0x04 ‖ x ‖ y), and id-Ed25519 (RFC 8410).
 * Matching the whole header is stricter than an ASN.1 parser and leaves nothing to misparse.
 */
const SPKI_LAYOUT: ReadonlyArray<{ algorithm: FeedKeyAlgorithm; header: Uint8Array<ArrayBuffer>; keyLength: number }> = [
  { algorithm: 'ECDSA-P256', header: hexBytes('3059301306072a8648ce3d020106082a8648ce3d030107034200'), keyLength: 65 },
  { algorithm: 'Ed25519', header: hexBytes('302a300506032b6570032100'), keyLength: 32 },
];

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Decodes base64 or base64url, ignoring whitespace and padding.
 * @returns the bytes, or undefined when the text is not base64
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  const compact = text.replace(/\s+/g, '').replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*$/.test(compact) || compact.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(compact + '='.repeat((4 - (compact.length % 4)) % 4));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

type ParsedKey = { ok: true; algorithm: FeedKeyAlgorithm; spki: Uint8Array<ArrayBuffer> } | { ok: false; error: string };

const PRIVATE_KEY_WARNING =
  'This is a private key. Never paste or share it: ask the publisher for the public key (the line `npm run feed:keygen` printed).';

const NOT_A_KEY =
  'This is not a public key Pledge Lens can use. Paste the publisher’s ECDSA P-256 or Ed25519 public key: base64 (as `npm run feed:keygen` prints it), a PEM “PUBLIC KEY” block or a JWK.';

function fromSpki(spki: Uint8Array<ArrayBuffer>): ParsedKey {
  for (const layout of SPKI_LAYOUT) {
    if (spki.length === layout.header.length + layout.keyLength && startsWith(spki, layout.header)) {
      if (layout.algorithm === 'ECDSA-P256' && spki[layout.header.length] !== 0x04) break;
      return { ok: true, algorithm: layout.algorithm, spki };
    }
  }
  return { ok: false, error: NOT_A_KEY };
}

function fromJwk(text: string): ParsedKey {
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    return { ok: false, error: `${NOT_A_KEY} (The text starts like a JWK but is not valid JSON.)` };
  }
  if (typeof jwk !== 'object' || jwk === null) return { ok: false, error: NOT_A_KEY };
  const fields = jwk as Record<string, unknown>;
  if ('d' in fields) return { ok: false, error: PRIVATE_KEY_WARNING };
  const coordinate = (name: string) => (typeof fields[name] === 'string' ? base64ToBytes(fields[name]) : undefined);
  if (fields.kty === 'EC' && fields.crv === 'P-256') {
    const x = coordinate('x');
    const y = coordinate('y');
    if (x?.length !== 32 || y?.length !== 32) return { ok: false, error: NOT_A_KEY };
    return { ok: true, algorithm: 'ECDSA-P256', spki: concat(SPKI_LAYOUT[0]!.header, new Uint8Array([0x04]), x, y) };
  }
  if (fields.kty === 'OKP' && fields.crv === 'Ed25519') {
    const x = coordinate('x');
    if (x?.length !== 32) return { ok: false, error: NOT_A_KEY };
    return { ok: true, algorithm: 'Ed25519', spki: concat(SPKI_LAYOUT[1]!.header, x) };
  }
  return { ok: false, error: NOT_A_KEY };
}

/**
 * Reads a public key as a reader pastes it: base64 SPKI, a PEM `PUBLIC KEY` block, or a JWK (EC P-256
 * or OKP Ed25519). Refuses private keys with a warning, and anything else with a message saying what
 * is expected. Does not check that this browser can use the key (`pinFeedKey` does).
 */
export function parseFeedPublicKey(text: string): ParsedKey {
  const trimmed = text.trim();
  if (/PRIVATE KEY-----/.test(trimmed)) return { ok: false, error: PRIVATE_KEY_WARNING };
  if (trimmed.startsWith('{')) return fromJwk(trimmed);
  const pem = /^-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----$/.exec(trimmed);
  const body = pem ? pem[1]! : trimmed;
  if (trimmed.startsWith('-----') && !pem) return { ok: false, error: NOT_A_KEY };
  const spki = base64ToBytes(body);
  return spki ? fromSpki(spki) : { ok: false, error: NOT_A_KEY };
}

/** WebCrypto's name for each algorithm, to import a key and to verify with it. */
export function importParams(algorithm: FeedKeyAlgorithm): EcKeyImportParams | Algorithm {
  return algorithm === 'ECDSA-P256' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' };
}

export function verifyParams(algorithm: FeedKeyAlgorithm): EcdsaParams | Algorithm {
  return algorithm === 'ECDSA-P256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
}

/**
 * The short fingerprint pages show for a key: the first 64 bits of SHA-256 over its SPKI bytes, in
 * four groups of hex ("3F2A 9C1B 77D0 E4A5"). Only a label: the full key is what is compared.
 */
export async function keyFingerprint(spki: Uint8Array<ArrayBuffer>, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', spki));
  const hex = Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join('');
  return hex.match(/.{4}/g)!.join(' ');
}

/**
 * Imports a pinned key for verifying.
 * @throws DOMException (NotSupportedError) when this browser's WebCrypto lacks the algorithm
 */
export function importFeedKey(key: Pick<PinnedFeedKey, 'algorithm' | 'publicKey'>, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CryptoKey> {
  const spki = base64ToBytes(key.publicKey);
  if (!spki) return Promise.reject(new TypeError('The pinned key is not base64.'));
  return subtle.importKey('spki', spki, importParams(key.algorithm), false, ['verify']);
}

/**
 * Turns what the reader pasted into a key to pin: parsed, imported once (so a browser without
 * Ed25519 says so now, not at the first update) and fingerprinted.
 */
export async function pinFeedKey(text: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<{ ok: true; key: PinnedFeedKey } | { ok: false; error: string }> {
  const parsed = parseFeedPublicKey(text);
  if (!parsed.ok) return parsed;
  const key: Omit<PinnedFeedKey, 'fingerprint'> = { kind: 'pinned', algorithm: parsed.algorithm, publicKey: bytesToBase64(parsed.spki) };
  try {
    await importFeedKey(key, subtle);
  } catch {
    return {
      ok: false,
      error:
        parsed.algorithm === 'Ed25519'
          ? 'This browser cannot check Ed25519 signatures (Chrome and Edge need version 137 or newer). Update the browser, or ask the publisher for an ECDSA P-256 key, which every browser can check.'
          : 'This browser could not load the ECDSA P-256 key.',
    };
  }
  return { ok: true, key: { ...key, fingerprint: await keyFingerprint(parsed.spki, subtle) } };
}
