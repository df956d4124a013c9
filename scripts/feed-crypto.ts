/**
 * Node's side of signed claim feeds: publisher keys in files and signing. Verification is the
 * extension's own code (lib/claims/feed-signature.ts), so what this signs is what readers accept.
 * Keys are PKCS#8 PEM ("PRIVATE KEY"), the form WebCrypto, Node and `openssl pkcs8` share.
 */
import { webcrypto } from 'node:crypto';
import { bytesToBase64, base64ToBytes, FEED_KEY_ALGORITHM_LABEL, importParams, keyFingerprint, parseFeedPublicKey, type FeedKeyAlgorithm, type PinnedFeedKey } from '../lib/claims/feed-keys';
import { verifyFeedSignature } from '../lib/claims/feed-signature';

const subtle = webcrypto.subtle as SubtleCrypto;

export const FEED_ALGORITHM_OPTIONS: Readonly<Record<string, FeedKeyAlgorithm>> = { 'ecdsa-p256': 'ECDSA-P256', ed25519: 'Ed25519' };

/** The OIDs inside a PKCS#8 key that say which algorithm it is for (DER bytes, as hex). */
const ED25519_OID = '06032b6570';
const P256_OID = '06082a8648ce3d030107';

export interface FeedSigningKey {
  algorithm: FeedKeyAlgorithm;
  privateKey: CryptoKey;
  /** The public half, as readers pin it. */
  publicKey: PinnedFeedKey;
}

function pem(label: string, der: Uint8Array): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

async function publicKeyFrom(privateKey: CryptoKey, algorithm: FeedKeyAlgorithm): Promise<PinnedFeedKey> {
  const jwk = await subtle.exportKey('jwk', privateKey);
  const publicJwk = algorithm === 'ECDSA-P256' ? { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } : { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  const parsed = parseFeedPublicKey(JSON.stringify(publicJwk));
  if (!parsed.ok) throw new Error(`could not derive the public key: ${parsed.error}`);
  return { kind: 'pinned', algorithm, publicKey: bytesToBase64(parsed.spki), fingerprint: await keyFingerprint(parsed.spki, subtle) };
}

/** A new key pair: the private key as PKCS#8 PEM (for the publisher's file) and the public key to pin. */
export async function generateFeedKey(algorithm: FeedKeyAlgorithm): Promise<{ privatePem: string; publicKey: PinnedFeedKey }> {
  const params = algorithm === 'ECDSA-P256' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' };
  const pair = (await subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  return { privatePem: pem('PRIVATE KEY', pkcs8), publicKey: await publicKeyFrom(pair.privateKey, algorithm) };
}

/**
 * Reads a PKCS#8 PEM private key (ECDSA P-256 or Ed25519).
 * @throws Error saying what the file is instead, and how to convert an OpenSSL "EC PRIVATE KEY"
 */
export async function readFeedSigningKey(text: string): Promise<FeedSigningKey> {
  if (/-----BEGIN EC PRIVATE KEY-----/.test(text)) {
    throw new Error('this is an OpenSSL "EC PRIVATE KEY"; convert it first: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pkcs8.pem');
  }
  const match = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/.exec(text);
  const der = match ? base64ToBytes(match[1]!) : undefined;
  if (!der) throw new Error('not a PEM "PRIVATE KEY" (PKCS#8) file; make one with npm run feed:keygen');
  const hex = Buffer.from(der).toString('hex');
  const algorithm: FeedKeyAlgorithm | undefined = hex.includes(ED25519_OID) ? 'Ed25519' : hex.includes(P256_OID) ? 'ECDSA-P256' : undefined;
  if (!algorithm) throw new Error('the key is neither ECDSA P-256 nor Ed25519');
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle.importKey('pkcs8', der, importParams(algorithm), true, ['sign']);
  } catch (error) {
    throw new Error(`the ${FEED_KEY_ALGORITHM_LABEL[algorithm]} key could not be read: ${(error as Error).message}`);
  }
  return { algorithm, privateKey, publicKey: await publicKeyFrom(privateKey, algorithm) };
}

/**
 * Signs the exact bytes of a feed file and checks the result with the extension's own verifier.
 * @returns the signature file's text: base64 and a newline
 */
export async function signFeedBytes(key: FeedSigningKey, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const params = key.algorithm === 'ECDSA-P256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
  const signature = new Uint8Array(await subtle.sign(params, key.privateKey, bytes));
  if (!(await verifyFeedSignature(key.publicKey, bytes, signature, subtle))) throw new Error('the new signature did not verify (this is a bug)');
  return `${bytesToBase64(signature)}\n`;
}
