/**
 * The one claim-feed server of the tests: real HTTP on 127.0.0.1 (plain http, which the extension
 * and `fetchClaimFeed` accept on loopback only). Each path answers from a route: a fixed answer, a
 * list of answers given in turn (then 410 Gone, so a fetch the test did not plan for shows up as an
 * error rather than a silent repeat), or a handler for answers no table can describe.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer } from '../../scripts/support/loopback-server';

export { closedLoopbackPort as closedPort } from '../../scripts/support/loopback-server';

export interface FeedAnswer {
  body: string | Buffer;
  status?: number;
  /** Defaults to JSON; `null` sends no Content-Type at all. */
  contentType?: string | null;
  headers?: Readonly<Record<string, string | number>>;
}

export type FeedHandler = (request: IncomingMessage, response: ServerResponse) => void;
export type FeedRoute = FeedAnswer | readonly FeedAnswer[] | FeedHandler;

export interface FeedRequest {
  path: string;
  ifNoneMatch: string | undefined;
  cookie: string | undefined;
}

export interface FeedServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly baseUrl: string;
  url(path: string): string;
  /** Every request, in arrival order. */
  readonly requests: readonly FeedRequest[];
  /** How many times `path` was asked for so far. */
  count(path: string): number;
  close(): Promise<void>;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Sends one answer (a handler route can use it too). */
export function respond(response: ServerResponse, { body, status = 200, contentType = JSON_TYPE, headers = {} }: FeedAnswer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, {
    ...(contentType === null ? {} : { 'content-type': contentType }),
    'content-length': bytes.length,
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(bytes);
}

const isList = (route: FeedRoute): route is readonly FeedAnswer[] => Array.isArray(route);

/** A JSON answer: `value` serialised. */
export const json = (value: unknown, headers?: FeedAnswer['headers']): FeedAnswer => ({ body: JSON.stringify(value), headers });

/** Serves `routes` (path -> route); any other path, or a method other than GET, gets 404. */
export async function startFeedServer(routes: Readonly<Record<string, FeedRoute>>): Promise<FeedServer> {
  const requests: FeedRequest[] = [];
  const count = (path: string): number => requests.filter((request) => request.path === path).length;
  const server = await startLoopbackServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, ifNoneMatch: request.headers['if-none-match'], cookie: request.headers.cookie });
    const route = request.method === 'GET' ? routes[path] : undefined;
    if (route === undefined) return respond(response, { status: 404, body: 'Not found', contentType: 'text/plain; charset=utf-8' });
    if (typeof route === 'function') return route(request, response);
    if (!isList(route)) return respond(response, route);
    const answer = route[count(path) - 1];
    respond(response, answer ?? { status: 410, body: 'No more planned answers', contentType: 'text/plain; charset=utf-8' });
  });
  return {
    baseUrl: server.origin,
    url: (path) => server.origin + path,
    requests,
    count,
    close: server.close,
  };
}
