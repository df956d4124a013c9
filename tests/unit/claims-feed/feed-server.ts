/**
 * A real HTTP server on 127.0.0.1 that plays every kind of feed, good and bad. Tests talk to
 * it over plain http, which is why they pass `allowLoopbackHttp: true`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { makeClaim, makeClaimSet } from './claim-set-builder';

export const MiB = 1024 * 1024;
export const FEED_ETAG = '"feed-v2"';
export const NEWER_VERSION = '2.0.0';
export const OLDER_VERSION = '1.0.0';
/** Broken JSON: a trailing comma before the closing brace. */
export const BROKEN_JSON = '{"schemaVersion": 1, "version": "2.0.0",}';

export interface FeedServer {
  baseUrl: string;
  /** Request headers seen per path, in arrival order. */
  requests: Array<{ path: string; ifNoneMatch: string | undefined; cookie: string | undefined }>;
  /** Resolves with true when a client hung up on /endless before the server stopped writing. */
  endlessAbandoned: () => Promise<boolean>;
  close: () => Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function sendJson(res: ServerResponse, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Writes `total` bytes (or until the client leaves), respecting backpressure. */
function stream(res: ServerResponse, total: number, onDone: (abandoned: boolean) => void): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  let finished = false;
  res.on('close', () => {
    if (!finished) onDone(true);
  });
  const pump = () => {
    while (!res.destroyed && sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed && !finished) {
      finished = true;
      res.end();
      onDone(false);
    }
  };
  pump();
}

export async function startFeedServer(): Promise<FeedServer> {
  const requests: FeedServer['requests'] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let resolveEndless: (abandoned: boolean) => void = () => undefined;
  const endless = new Promise<boolean>((resolve) => {
    resolveEndless = resolve;
  });

  const newer = makeClaimSet({ version: NEWER_VERSION, publishedAt: '2025-03-01' });
  const older = makeClaimSet({ version: OLDER_VERSION });
  const schemaInvalid = makeClaimSet({
    version: NEWER_VERSION,
    claims: [
      makeClaim('good-claim'),
      makeClaim('bad-claim', { sources: [{ url: 'http://insecure.example/report', title: 'Plain http source' }] }),
    ],
  });
  const bomb = gzipSync(Buffer.alloc(6 * MiB, 0x20));

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, ifNoneMatch: req.headers['if-none-match'], cookie: req.headers.cookie });
    switch (path) {
      case '/feed.json':
        if (req.headers['if-none-match'] === FEED_ETAG) {
          res.writeHead(304, { ETag: FEED_ETAG });
          res.end();
          return;
        }
        sendJson(res, newer, { ETag: FEED_ETAG });
        return;
      case '/older.json':
        sendJson(res, older);
        return;
      case '/vendor.json': {
        const text = JSON.stringify(newer);
        res.writeHead(200, { 'Content-Type': 'application/vnd.pledge-lens.claims+json' });
        res.end(text);
        return;
      }
      case '/broken.json':
        res.writeHead(200, { 'Content-Type': JSON_TYPE });
        res.end(BROKEN_JSON);
        return;
      case '/schema-invalid.json':
        sendJson(res, schemaInvalid);
        return;
      case '/error':
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('boom');
        return;
      case '/missing':
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('nothing here');
        return;
      case '/page.html':
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>Not a feed</title>');
        return;
      case '/no-type':
        res.writeHead(200);
        res.end(JSON.stringify(newer));
        return;
      case '/gzip-bomb':
        // Content-Length is "true" for the wire but says nothing about the decoded size:
        // a few KiB on the wire inflate to 6 MiB.
        res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Encoding': 'gzip', 'Content-Length': bomb.length });
        res.end(bomb);
        return;
      case '/chunked-huge':
        res.writeHead(200, { 'Content-Type': JSON_TYPE });
        stream(res, 6 * MiB, () => undefined);
        return;
      case '/honest-large':
        res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': 6 * MiB });
        stream(res, 6 * MiB, () => undefined);
        return;
      case '/endless':
        res.writeHead(200, { 'Content-Type': JSON_TYPE });
        stream(res, 512 * MiB, resolveEndless);
        return;
      case '/slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          sendJson(res, newer);
        }, 3000);
        timers.add(timer);
        return;
      }
      case '/slow-body':
        // Headers at once, then the body stalls: the timeout must cover reading too.
        res.writeHead(200, { 'Content-Type': JSON_TYPE });
        res.write('{"schemaVersion": 1,');
        return;
      case '/redirect':
        res.writeHead(302, { Location: '/feed.json' });
        res.end();
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    endlessAbandoned: () => endless,
    close: async () => {
      timers.forEach((timer) => clearTimeout(timer));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
