import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundledClaimSet } from './claim-set';

/** One canned answer of the feed server. */
export interface FeedResponse {
  body: string;
  status?: number;
  contentType?: string;
}

export interface FeedServer {
  /** e.g. http://127.0.0.1:41234/feed.json (plain http: the extension allows it on loopback only). */
  readonly url: string;
  /** How many times the feed URL was asked for so far. */
  readonly requests: number;
  close(): Promise<void>;
}

/**
 * A claim feed on 127.0.0.1 whose answer depends on how often it was asked: the Nth request to
 * /feed.json gets `responses[N-1]`, and any request past the list gets 410 Gone, so a fetch the test
 * did not plan for shows up as an error rather than as a silent repeat.
 */
export async function startFeedServer(responses: readonly FeedResponse[], path = '/feed.json'): Promise<FeedServer> {
  let requests = 0;
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname !== path || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const answer = responses[requests++];
    if (!answer) {
      response.writeHead(410, { 'content-type': 'text/plain; charset=utf-8' }).end('No more planned answers');
      return;
    }
    const body = Buffer.from(answer.body, 'utf8');
    response.writeHead(answer.status ?? 200, {
      'content-type': answer.contentType ?? 'application/json; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    response.end(body);
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/**
 * A claim about an invented company, written for these tests only: valid against the schema, and
 * about nobody any fixture article mentions, so it never changes what the articles highlight.
 */
export function inventedClaim(id: string): Record<string, unknown> {
  const sourceUrl = 'https://example.org/tern-analytics/model-cards';
  return {
    id,
    actor: { id: 'tern-analytics', name: 'Tern Analytics', aliases: ['Tern'] },
    statement: 'Tern Analytics says it will publish a model card for every model it sells, within a week of release.',
    kind: 'announced-target',
    force: 'voluntary-pledge',
    status: 'in-force',
    statusDate: '2026-05-04',
    history: [{ date: '2026-05-04', event: 'introduced', note: 'Announced on the company blog (invented for tests).', sourceUrl }],
    rationale: 'A voluntary promise with no outside enforcement and no stated consequence for missing it, so it is a target, not an obligation.',
    confidence: 'low',
    sources: [{ url: sourceUrl, title: 'Model cards for every release (test fixture)', publisher: 'Tern Analytics' }],
    phrasings: [
      'Tern Analytics promised to release a model card for each model it ships within seven days.',
      'The startup Tern said every commercial model would get a published model card shortly after launch.',
      'Tern Analytics had pledged that model cards would follow each release within a week.',
      'Tern Analytics will no longer publish model cards for each model it sells.',
    ],
    keyPhrases: [],
    keyTerms: [['model card', 'model cards']],
    topics: ['transparency'],
  };
}

/** A claim set like the bundled one, with another version and publisher and the given extra claims. */
export function claimSetText(overrides: { version: string; publisher: string; extraClaims?: readonly Record<string, unknown>[]; onlyExtra?: boolean }): string {
  const claims = overrides.onlyExtra ? [] : [...bundledClaimSet.claims];
  return JSON.stringify(
    { ...bundledClaimSet, version: overrides.version, publisher: overrides.publisher, claims: [...claims, ...(overrides.extraClaims ?? [])] },
    null,
    2,
  );
}
