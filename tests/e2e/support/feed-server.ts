/**
 * The E2E view of the tests' feed server (tests/support/feed-server.ts): one feed path whose Nth
 * request gets the Nth planned answer, and 410 Gone past the list. `<path>.sig` serves the signature
 * planned with the feed answer last given (404 when it has none), as a publisher puts it beside the feed.
 */
import { respond, startFeedServer as startServer } from '../../support/feed-server';

export { claimSetText, inventedClaim } from './claim-set';

/** One canned answer of the feed server. */
export interface FeedResponse {
  body: string;
  status?: number;
  contentType?: string;
  /** The signature file served at `<feed path>.sig` while this answer is the latest (scripts/feed-crypto.ts signs). */
  signature?: string;
}

export interface FeedServer {
  /** e.g. http://127.0.0.1:41234/feed.json (plain http: the extension allows it on loopback only). */
  readonly url: string;
  /** How many times the feed URL was asked for so far. */
  readonly requests: number;
  close(): Promise<void>;
}

export async function startFeedServer(responses: readonly FeedResponse[], path = '/feed.json'): Promise<FeedServer> {
  const server = await startServer({
    [path]: responses,
    [`${path}.sig`]: (_request, response) => {
      const signature = responses[server.count(path) - 1]?.signature;
      respond(response, signature === undefined ? { status: 404, body: 'No signature', contentType: 'text/plain' } : { body: signature, contentType: 'text/plain' });
    },
  });
  return {
    url: server.url(path),
    get requests() {
      return server.count(path);
    },
    close: server.close,
  };
}
