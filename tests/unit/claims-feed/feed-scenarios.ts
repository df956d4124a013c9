/**
 * Every kind of feed `fetchClaimFeed` must handle, good and bad, served by the tests' feed server
 * (tests/support/feed-server.ts) on 127.0.0.1. Tests talk to it over plain http, which is why they
 * pass `allowLoopbackHttp: true`.
 */
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { makeClaim, makeClaimSet } from '../../support/claim-sets';
import { JSON_TYPE, json, respond, startFeedServer, type FeedServer } from '../../support/feed-server';

export { closedPort } from '../../support/feed-server';

export const MiB = 1024 * 1024;
export const FEED_ETAG = '"feed-v2"';
export const NEWER_VERSION = '2.0.0';
export const OLDER_VERSION = '1.0.0';
/** Broken JSON: a trailing comma before the closing brace. */
export const BROKEN_JSON = '{"schemaVersion": 1, "version": "2.0.0",}';

export interface ScenarioFeed extends FeedServer {
  /** Resolves with true when a client hung up on /endless before the server stopped writing. */
  endlessAbandoned: () => Promise<boolean>;
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

export async function startScenarioFeed(): Promise<ScenarioFeed> {
  let resolveEndless: (abandoned: boolean) => void = () => undefined;
  const endless = new Promise<boolean>((resolve) => {
    resolveEndless = resolve;
  });

  const newer = makeClaimSet({ version: NEWER_VERSION, publishedAt: '2025-03-01' });
  const schemaInvalid = makeClaimSet({
    version: NEWER_VERSION,
    claims: [
      makeClaim('good-claim'),
      makeClaim('bad-claim', { sources: [{ url: 'http://insecure.example/report', title: 'Plain http source' }] }),
    ],
  });
  const bomb = gzipSync(Buffer.alloc(6 * MiB, 0x20));

  const server = await startFeedServer({
    '/feed.json': (req, res) => {
      if (req.headers['if-none-match'] === FEED_ETAG) {
        res.writeHead(304, { ETag: FEED_ETAG });
        res.end();
        return;
      }
      respond(res, json(newer, { ETag: FEED_ETAG }));
    },
    '/older.json': json(makeClaimSet({ version: OLDER_VERSION })),
    '/vendor.json': { body: JSON.stringify(newer), contentType: 'application/vnd.pledge-lens.claims+json' },
    '/broken.json': { body: BROKEN_JSON },
    '/schema-invalid.json': json(schemaInvalid),
    '/error': { status: 500, body: 'boom', contentType: 'text/plain' },
    '/missing': { status: 404, body: 'nothing here', contentType: 'text/plain' },
    '/page.html': { body: '<!doctype html><title>Not a feed</title>', contentType: 'text/html; charset=utf-8' },
    '/no-type': { body: JSON.stringify(newer), contentType: null },
    // Content-Length is "true" for the wire but says nothing about the decoded size:
    // a few KiB on the wire inflate to 6 MiB.
    '/gzip-bomb': { body: bomb, headers: { 'Content-Encoding': 'gzip' } },
    '/chunked-huge': (_req, res) => {
      res.writeHead(200, { 'Content-Type': JSON_TYPE });
      stream(res, 6 * MiB, () => undefined);
    },
    '/honest-large': (_req, res) => {
      res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': 6 * MiB });
      stream(res, 6 * MiB, () => undefined);
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'Content-Type': JSON_TYPE });
      stream(res, 512 * MiB, resolveEndless);
    },
    '/slow': (_req, res) => {
      const timer = setTimeout(() => respond(res, json(newer)), 3000);
      res.on('close', () => clearTimeout(timer));
    },
    // Headers at once, then the body stalls: the timeout must cover reading too.
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'Content-Type': JSON_TYPE });
      res.write('{"schemaVersion": 1,');
    },
    '/redirect': (_req, res) => {
      res.writeHead(302, { Location: '/feed.json' });
      res.end();
    },
  });
  return { ...server, endlessAbandoned: () => endless };
}
