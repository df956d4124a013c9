/**
 * Fetches a claim-set feed and decides whether it may replace the installed set.
 *
 * The feed is untrusted input from the network, so every step is guarded: https only, a
 * size cap enforced while the body streams (a server can lie in Content-Length or gzip a
 * huge body into a small one), a timeout over the whole exchange, schema validation, and a
 * version check so a stale mirror cannot roll readers back. It never throws: callers get a
 * result they can store and show.
 */
import type { ClaimSet } from './schema';
import { compareVersions, isVersion } from './compare-versions';
import { parseClaimSetText } from './merge-claim-packs';

export const DEFAULT_MAX_FEED_BYTES = 5 * 1024 * 1024;
export const DEFAULT_FEED_TIMEOUT_MS = 20_000;

export interface FetchClaimFeedOptions {
  url: string;
  /** Version of the installed set; the feed must be newer to be accepted. */
  currentVersion?: string;
  /** ETag from the last successful fetch, sent as If-None-Match. */
  etag?: string;
  fetch?: typeof fetch;
  maxBytes?: number;
  timeoutMs?: number;
  now?: () => Date;
  /** Allows plain http to 127.0.0.1 and localhost, for tests and local development only. */
  allowLoopbackHttp?: boolean;
}

export type ClaimFeedRejection =
  | 'invalid-url'
  | 'network'
  | 'timeout'
  | 'http'
  | 'content-type'
  | 'too-large'
  | 'invalid-json'
  | 'invalid-schema'
  | 'not-newer';

export type ClaimFeedResult =
  | { status: 'updated'; claimSet: ClaimSet; etag?: string; fetchedAt: string }
  /** `etag` is set when the server sent one, so the caller can store it for the next check. */
  | { status: 'not-modified'; etag?: string; fetchedAt: string }
  | { status: 'rejected'; reason: ClaimFeedRejection; message: string; fetchedAt: string };

type Outcome =
  | { status: 'updated'; claimSet: ClaimSet; etag?: string }
  | { status: 'not-modified'; etag?: string }
  | { status: 'rejected'; reason: ClaimFeedRejection; message: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Fallback reason phrases: HTTP/2 responses carry no statusText. */
const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function reject(reason: ClaimFeedRejection, message: string): Outcome {
  return { status: 'rejected', reason, message };
}

export function formatBytes(bytes: number): string {
  const units: Array<[string, number]> = [
    ['MiB', 1024 * 1024],
    ['KiB', 1024],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} seconds`;
}

/** Returns why a URL may not be used, or undefined when it may. */
function urlProblem(url: URL, allowLoopbackHttp: boolean): string | undefined {
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return `uses ${url.protocol.replace(/:$/, '')}, but only https:// feeds are allowed`;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici says only "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND…) is in `cause`.
  const cause: unknown = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message && cause.message !== error.message) return `${error.message} (${cause.message})`;
  return error.message;
}

/** application/json, text/json and any application/<something>+json, parameters ignored. */
function isJsonContentType(header: string): boolean {
  const type = header.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type === 'text/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type);
}

/**
 * Reads the body but stops as soon as it passes `maxBytes`, so a server that streams
 * gigabytes costs at most one chunk more than the limit.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false }> {
  if (!response.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling the reader tells the transport to drop the connection.
      reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

async function exchange(url: URL, options: FetchClaimFeedOptions, signal: AbortSignal): Promise<Outcome> {
  // Bound: some engines refuse a fetch called without the global object as `this`.
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.etag) headers['If-None-Match'] = options.etag;

  let response: Response;
  try {
    // credentials: 'omit' keeps the reader's cookies for the feed's site out of the request.
    response = await doFetch(url.href, { method: 'GET', headers, credentials: 'omit', redirect: 'follow', signal });
  } catch (error) {
    return reject('network', `Could not reach the feed at ${url.origin}: ${describeError(error)}`);
  }

  // A redirect may have landed somewhere we would not have asked for directly.
  if (response.url) {
    let finalUrl: URL | undefined;
    try {
      finalUrl = new URL(response.url);
    } catch {
      finalUrl = undefined;
    }
    const problem = finalUrl ? urlProblem(finalUrl, options.allowLoopbackHttp === true) : 'is not a valid URL';
    if (problem) {
      response.body?.cancel().catch(() => undefined);
      return reject('invalid-url', `The feed redirected to ${response.url}, which ${problem}`);
    }
  }

  const etag = response.headers.get('ETag') ?? undefined;
  if (response.status === 304) return { status: 'not-modified', ...(etag ? { etag } : {}) };

  if (!response.ok) {
    response.body?.cancel().catch(() => undefined);
    const phrase = response.statusText || REASON_PHRASES[response.status] || '';
    return reject('http', `The feed answered HTTP ${response.status}${phrase ? ` ${phrase}` : ''}`);
  }

  const contentType = response.headers.get('Content-Type');
  if (!contentType || !isJsonContentType(contentType)) {
    response.body?.cancel().catch(() => undefined);
    return reject(
      'content-type',
      contentType
        ? `The feed was sent as ${contentType}, but a claim set must be application/json`
        : 'The feed was sent without a Content-Type, but a claim set must be application/json',
    );
  }

  const declared = response.headers.get('Content-Length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    response.body?.cancel().catch(() => undefined);
    return reject(
      'too-large',
      `The feed announced ${formatBytes(Number(declared))} (${declared.trim()} bytes), over the ${formatBytes(maxBytes)} limit`,
    );
  }

  let body: Awaited<ReturnType<typeof readCapped>>;
  try {
    body = await readCapped(response, maxBytes);
  } catch (error) {
    return reject('network', `The connection to ${url.origin} broke while reading the feed: ${describeError(error)}`);
  }
  if (!body.ok) {
    return reject('too-large', `The feed sent more than the ${formatBytes(maxBytes)} limit; reading was stopped`);
  }

  let text: string;
  try {
    // fatal: broken UTF-8 is a broken feed, not something to paper over with U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
  } catch {
    return reject('invalid-json', 'The feed is not valid JSON: it is not UTF-8 text');
  }

  const parsed = parseClaimSetText(text);
  if (!parsed.ok) {
    return parsed.problem === 'invalid-json'
      ? reject('invalid-json', `The feed is not valid JSON: ${parsed.detail}`)
      : reject('invalid-schema', `The feed is not a valid claim set:\n${parsed.detail}`);
  }

  const { claimSet } = parsed;
  // A malformed installed version cannot be compared; accepting the (validated) feed is how
  // such an install recovers, rather than blocking updates forever.
  if (options.currentVersion !== undefined && isVersion(options.currentVersion)) {
    const order = compareVersions(claimSet.version, options.currentVersion);
    if (order === 0) return { status: 'not-modified', ...(etag ? { etag } : {}) };
    if (order < 0) {
      return reject(
        'not-newer',
        `The feed is version ${claimSet.version}, not newer than the installed ${options.currentVersion}`,
      );
    }
  }
  return { status: 'updated', claimSet, ...(etag ? { etag } : {}) };
}

export async function fetchClaimFeed(options: FetchClaimFeedOptions): Promise<ClaimFeedResult> {
  const stamp = (outcome: Outcome): ClaimFeedResult => {
    let fetchedAt: string;
    try {
      fetchedAt = (options.now ?? (() => new Date()))().toISOString();
    } catch {
      fetchedAt = new Date().toISOString();
    }
    return { ...outcome, fetchedAt };
  };

  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return stamp(reject('invalid-url', `"${options.url}" is not a valid URL`));
  }
  const problem = urlProblem(url, options.allowLoopbackHttp === true);
  if (problem) return stamp(reject('invalid-url', `The feed URL ${url.href} ${problem}`));
  if (url.username || url.password) {
    return stamp(reject('invalid-url', 'The feed URL must not contain a user name or password'));
  }

  const timeoutMs = options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Racing a timer (rather than relying on the abort signal alone) also covers a fetch
  // implementation that ignores the signal.
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(reject('timeout', `The feed did not arrive within ${formatDuration(timeoutMs)}`));
    }, timeoutMs);
  });
  const work = exchange(url, options, controller.signal).catch((error: unknown) =>
    reject('network', `Fetching the feed failed: ${describeError(error)}`),
  );

  try {
    return stamp(await Promise.race([work, timeout]));
  } finally {
    clearTimeout(timer);
    // Drops whatever is still in flight (a body nobody will read, a request that lost the race).
    controller.abort();
  }
}
