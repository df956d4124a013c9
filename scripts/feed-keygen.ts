/**
 * Makes a key pair for signing a claim feed.
 *   npm run feed:keygen -- [--algorithm ecdsa-p256|ed25519] [--out feed-signing-key.pem] [--force]
 * Writes the private key (PKCS#8 PEM, readable by you only) and prints the public key readers paste
 * into Pledge Lens's Claim feed section, with its fingerprint. ECDSA P-256 is the default because
 * every browser can check it; Ed25519 needs Chrome/Edge 137+ (Firefox has it since 129).
 * Exits 2 on a usage error or when the file exists (use --force to replace it).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FEED_KEY_ALGORITHM_LABEL } from '../lib/claims/feed-keys';
import { FEED_ALGORITHM_OPTIONS, generateFeedKey } from './feed-crypto';

const USAGE = 'usage: npm run feed:keygen -- [--algorithm ecdsa-p256|ed25519] [--out feed-signing-key.pem] [--force]';

export async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { algorithm: { type: 'string', default: 'ecdsa-p256' }, out: { type: 'string', default: 'feed-signing-key.pem' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`feed:keygen: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const algorithm = FEED_ALGORITHM_OPTIONS[values.algorithm.toLowerCase()];
  if (!algorithm) {
    console.error(`feed:keygen: unknown --algorithm "${values.algorithm}" (use ecdsa-p256 or ed25519)\n${USAGE}`);
    return 2;
  }
  const { privatePem, publicKey } = await generateFeedKey(algorithm);
  try {
    // 'wx' refuses to replace an existing key: losing a key means every reader must pin a new one.
    writeFileSync(fromUser(values.out), privatePem, { mode: 0o600, flag: values.force ? 'w' : 'wx' });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    console.error(`feed:keygen: ${exists ? `${values.out} exists; not replacing a key (use --force)` : (error as Error).message}`);
    return 2;
  }
  console.error(`Wrote the private ${FEED_KEY_ALGORITHM_LABEL[algorithm]} key to ${values.out}. Keep it secret and backed up; never publish it.`);
  console.error(`Fingerprint: ${publicKey.fingerprint}. Public key for readers to pin (paste it into Pledge Lens's Claim feed section):`);
  console.log(publicKey.publicKey);
  return 0;
}

/** `npm run` starts scripts in the project folder; paths the user typed are relative to where they typed them. */
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
