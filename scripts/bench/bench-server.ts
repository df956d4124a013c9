/**
 * Serves the generated pages, the harness bundle and the compiled indexes from memory on
 * 127.0.0.1 at a free port. Nothing here touches the disk or any other host.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchServer {
  readonly origin: string;
  /** Publishes a body at a path (e.g. "/pages/10k.html"); returns its full URL. */
  put(path: string, body: string, contentType: string): string;
  close(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const files = new Map<string, { body: Buffer; type: string }>();
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = files.get(pathname);
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length, 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    put(path, body, type) {
      files.set(path, { body: Buffer.from(body, 'utf8'), type });
      return origin + path;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
