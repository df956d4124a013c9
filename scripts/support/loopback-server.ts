/**
 * HTTP servers for the project's tools and tests: always on 127.0.0.1 at a free port, never any
 * other host. The static server (`static-server.ts`) and the tests' feed server build on this.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface LoopbackServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Drops open connections (browsers keep them alive) and stops listening. */
  close(): Promise<void>;
}

/** Serves `handle` on 127.0.0.1; a handler that throws or rejects answers 500. */
export async function startLoopbackServer(handle: RequestHandler): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    const failed = (): void => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    };
    try {
      Promise.resolve(handle(request, response)).catch(failed);
    } catch {
      failed();
    }
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedLoopbackPort(): Promise<number> {
  const { origin, close } = await startLoopbackServer(() => undefined);
  await close();
  return Number(new URL(origin).port);
}
