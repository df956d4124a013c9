import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { ARTICLES_DIR, TEST_PAGES_DIR } from './paths';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** URL prefix -> folder served under it. Two prefixes keep fixture and test-page names from colliding. */
const ROOTS: Readonly<Record<string, string>> = {
  articles: ARTICLES_DIR,
  pages: TEST_PAGES_DIR,
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** URL of a fixture article in tests/fixtures/articles. */
  article(name: string): string;
  /** URL of one of the E2E suite's own pages in tests/e2e/pages. */
  page(name: string): string;
  close(): Promise<void>;
}

async function resolveFile(pathname: string): Promise<string | undefined> {
  const [, prefix, ...rest] = pathname.split('/');
  const root = prefix ? ROOTS[prefix] : undefined;
  if (!root || rest.length === 0) return undefined;
  const candidate = resolve(root, ...rest.map((part) => decodeURIComponent(part)));
  // Refuse anything that escapes its folder (../, encoded slashes, symlinks out).
  const [real, realRoot] = await Promise.all([realpath(candidate).catch(() => undefined), realpath(root)]);
  return real && real.startsWith(realRoot + sep) ? real : undefined;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (pathname === '/favicon.ico') {
    // Browsers ask for it on every page; a 204 keeps 404 noise out of the console.
    response.writeHead(204).end();
    return;
  }
  const file = request.method === 'GET' || request.method === 'HEAD' ? await resolveFile(pathname) : undefined;
  const body = file ? await readFile(file).catch(() => undefined) : undefined;
  if (!file || !body) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Serves the fixture articles and the suite's pages on 127.0.0.1 at a free port. */
export async function startStaticServer(): Promise<StaticServer> {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    article: (name) => `${origin}/articles/${encodeURIComponent(name)}`,
    page: (name) => `${origin}/pages/${encodeURIComponent(name)}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
