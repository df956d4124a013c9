/**
 * Signs a claim-feed file for publishing.
 *   npm run feed:sign -- --key feed-signing-key.pem claims.json [--out claims.json.sig]
 * Checks that the file is a claim set the extension accepts, signs its exact bytes with the key, checks
 * the signature with the extension's own verifier, and writes `<file>.sig` (base64). Publish both files
 * side by side: readers fetch `<feed URL>.sig`. Upload the feed file exactly as signed (no re-encoding,
 * no minifying). Exits 1 when the file or key is unusable, 2 on a usage error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FEED_KEY_ALGORITHM_LABEL } from '../lib/claims/feed-keys';
import { parseClaimSetText } from '../lib/claims/parse-claim-set-text';
import { readFeedSigningKey, signFeedBytes } from './feed-crypto';

const USAGE = 'usage: npm run feed:sign -- --key <private key file> <claims.json> [--out <claims.json>.sig]';

export async function main(argv: readonly string[]): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { key: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`feed:sign: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!values.key || !file || extra.length > 0) {
    console.error(`feed:sign: ${!values.key ? 'no --key given' : !file ? 'no feed file given' : 'sign one file at a time'}\n${USAGE}`);
    return 2;
  }
  const out = values.out ?? `${file}.sig`;
  try {
    const key = await readFeedSigningKey(readFileSync(fromUser(values.key), 'utf8')).catch((error: Error) => {
      throw new Error(`${values.key}: ${error.message}`);
    });
    const bytes = new Uint8Array(readFileSync(fromUser(file)));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Error(`${file} is not UTF-8 text`);
    }
    const parsed = parseClaimSetText(text);
    if (!parsed.ok) throw new Error(`${file} is not a claim set Pledge Lens accepts, so readers would refuse it anyway:\n${parsed.detail}`);
    writeFileSync(fromUser(out), await signFeedBytes(key, bytes));
    console.log(
      `Signed ${file} (version ${parsed.claimSet.version}, ${bytes.length} bytes) with the ${FEED_KEY_ALGORITHM_LABEL[key.algorithm]} key ${key.publicKey.fingerprint}; wrote ${out}.`,
    );
    console.log(`Publish ${out} beside the feed, at the feed's URL + ".sig". Readers pin this public key:\n${key.publicKey.publicKey}`);
    return 0;
  } catch (error) {
    console.error(`feed:sign: ${(error as Error).message}`);
    return 1;
  }
}

/** `npm run` starts scripts in the project folder; paths the user typed are relative to where they typed them. */
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
