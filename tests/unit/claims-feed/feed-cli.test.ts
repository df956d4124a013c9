/**
 * The publisher's commands, run as a publisher runs them (`npm run feed:keygen`, `npm run feed:sign`):
 * the key they make and the signature they write are accepted by the extension's own fetch-and-verify
 * path, from a feed server on 127.0.0.1, and a byte changed after signing is refused.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinFeedKey } from '../../../lib/claims/feed-keys';
import { fetchClaimFeed } from '../../../lib/claims/fetch-claim-feed';
import { REPO_ROOT } from '../../../scripts/support/paths';
import { makeClaimSet } from '../../support/claim-sets';
import { respond, startFeedServer, type FeedServer } from '../../support/feed-server';

const run = promisify(execFile);

/** The publisher's working folder: npm runs scripts in the project folder, and the CLI resolves paths against where npm was started. */
let dir: string;
let server: FeedServer;
let feedBytes: Buffer = Buffer.alloc(0);
let sigText = '';

const PACKAGE_SCRIPTS = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const TSX = join(REPO_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

/**
 * Runs `npm run <script> -- args` as npm would, without npm's own start-up cost: the script's
 * command from package.json, in the publisher's folder (`INIT_CWD`, which npm sets the same way).
 */
async function npmRun(script: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const [runner, file, ...rest] = (PACKAGE_SCRIPTS[script] ?? '').split(' ');
  expect(runner, `package.json runs ${script} with tsx`).toBe('tsx');
  try {
    const { stdout, stderr } = await run(TSX, [join(REPO_ROOT, file!), ...rest, ...args], { cwd: dir, env: { ...process.env, INIT_CWD: dir } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pledge-lens-feed-cli-'));
  server = await startFeedServer({
    '/claims.json': (_request, response) => respond(response, { body: feedBytes }),
    '/claims.json.sig': (_request, response) => respond(response, { body: sigText, contentType: 'text/plain' }),
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['ecdsa-p256', 'ed25519'])('feed:keygen and feed:sign (%s)', (algorithm) => {
  it('make a key and a signature the extension accepts, and a tampered byte is refused', async () => {
    const keyFile = `${algorithm}.pem`;
    const keygen = await npmRun('feed:keygen', ['--algorithm', algorithm, '--out', keyFile]);
    expect(keygen.code, keygen.stderr).toBe(0);
    expect(statSync(join(dir, keyFile)).mode & 0o077).toBe(0);
    expect(readFileSync(join(dir, keyFile), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const pinned = await pinFeedKey(keygen.stdout.trim());
    if (!pinned.ok) throw new Error(pinned.error);
    expect(keygen.stderr).toContain(pinned.key.fingerprint);

    // A second keygen to the same file would destroy the key every reader pinned: refused.
    expect((await npmRun('feed:keygen', ['--out', keyFile])).code).toBe(2);

    const text = `${JSON.stringify(makeClaimSet({ version: '4.2.0', publishedAt: '2026-01-05' }), null, 2)}\n`;
    writeFileSync(join(dir, 'claims.json'), text);
    const sign = await npmRun('feed:sign', ['--key', keyFile, 'claims.json']);
    expect(sign.code, sign.stderr).toBe(0);
    expect(sign.stdout).toContain(pinned.key.fingerprint);
    feedBytes = Buffer.from(text, 'utf8');
    sigText = readFileSync(join(dir, 'claims.json.sig'), 'utf8');

    const accepted = await fetchClaimFeed({ url: server.url('/claims.json'), publicKey: pinned.key, allowLoopbackHttp: true });
    expect(accepted).toMatchObject({ status: 'updated', claimSet: { version: '4.2.0' } });

    feedBytes = Buffer.from(text.replace('4.2.0', '4.2.1'), 'utf8');
    const refused = await fetchClaimFeed({ url: server.url('/claims.json'), publicKey: pinned.key, allowLoopbackHttp: true });
    expect(refused).toMatchObject({ status: 'rejected', reason: 'signature-invalid' });
  }, 60_000);
});

describe('feed:sign refusals', () => {
  it('does not sign a file the extension would refuse, nor with a file that is not a private key', async () => {
    writeFileSync(join(dir, 'not-a-set.json'), '{"hello": 1}');
    await npmRun('feed:keygen', ['--out', 'refusals.pem']);
    const invalid = await npmRun('feed:sign', ['--key', 'refusals.pem', 'not-a-set.json']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/not a claim set Pledge Lens accepts/);
    const notKey = await npmRun('feed:sign', ['--key', 'not-a-set.json', 'not-a-set.json']);
    expect(notKey.code).toBe(1);
    expect(notKey.stderr).toMatch(/not a PEM "PRIVATE KEY"/);
    expect((await npmRun('feed:sign', ['not-a-set.json'])).code).toBe(2);
  }, 60_000);
});
