/**
 * Serves files on 127.0.0.1 at a free port: folders under URL prefixes (by default the fixture
 * articles and the E2E suite's pages) and bodies published in memory (the benchmark's generated
 * pages and data). Used by `npm start`, the screenshots, the benchmark and the E2E tests.
 */
import { readFile, realpath } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { startLoopbackServer, type LoopbackServer } from './loopback-server';
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
export const DEFAULT_FOLDERS: Readonly<Record<string, string>> = {
  articles: ARTICLES_DIR,
  pages: TEST_PAGES_DIR,
};

export interface StaticServer extends LoopbackServer {
  /** URL of a fixture article in tests/fixtures/articles. */
  article(name: string): string;
  /** URL of one of the E2E suite's own pages in tests/e2e/pages. */
  page(name: string): string;
  /** Publishes a body at a path (e.g. "/pages/10k.html"), ahead of any folder; returns its full URL. */
  put(path: string, body: string, contentType: string): string;
}

interface File {
  body: Buffer;
  type: string;
}

async function readFromFolder(folders: Readonly<Record<string, string>>, pathname: string): Promise<File | undefined> {
  const [, prefix, ...rest] = pathname.split('/');
  const root = prefix ? folders[prefix] : undefined;
  if (!root || rest.length === 0) return undefined;
  const candidate = resolve(root, ...rest.map((part) => decodeURIComponent(part)));
  // Refuse anything that escapes its folder (../, encoded slashes, symlinks out).
  const [real, realRoot] = await Promise.all([realpath(candidate).catch(() => undefined), realpath(root)]);
  if (!real || !real.startsWith(realRoot + sep)) return undefined;
  const body = await readFile(real).catch(() => undefined);
  return body && { body, type: CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream' };
}

/** Serves `folders` (URL prefix -> folder) and whatever is `put` in memory. */
export async function startStaticServer(folders: Readonly<Record<string, string>> = DEFAULT_FOLDERS): Promise<StaticServer> {
  const memory = new Map<string, File>();
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/favicon.ico') {
      // Browsers ask for it on every page; a 204 keeps 404 noise out of the console.
      response.writeHead(204).end();
      return;
    }
    const readable = request.method === 'GET' || request.method === 'HEAD';
    const file = readable ? (memory.get(pathname) ?? (await readFromFolder(folders, pathname))) : undefined;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length, 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };
  const server = await startLoopbackServer(handle);
  const { origin } = server;
  return {
    ...server,
    article: (name) => `${origin}/articles/${encodeURIComponent(name)}`,
    page: (name) => `${origin}/pages/${encodeURIComponent(name)}`,
    put(path, body, type) {
      memory.set(path, { body: Buffer.from(body, 'utf8'), type });
      return origin + path;
    },
  };
}
