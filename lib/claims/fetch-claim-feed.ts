/**
 * Fetches a claim-set feed and decides whether it may replace the installed set.
 *
 * The feed is untrusted input from the network, so every step is guarded: https only, a
 * size cap enforced while the body streams (a server can lie in Content-Length or gzip a
 * huge body into a small one), a timeout over the whole exchange, redirects followed only
 * within the feed's origin, the pinned publisher's signature over the exact bytes (when the
 * reader pinned a key), schema validation, a publication date that is not in the future, and a
 * version check so a stale mirror cannot roll readers back nor a wild version lock them out.
 * It never throws: callers get a result they can store and show. docs/security.md ("Claim
 * feeds") explains each refusal.
 */
import type { ClaimSet } from './schema';
import { compareVersions, isVersion } from './compare-versions';
import { FEED_KEY_ALGORITHM_LABEL, type PinnedFeedKey } from './feed-keys';
import { MAX_SIGNATURE_BYTES, parseSignatureText, signatureUrlFor, verifyFeedSignature } from './feed-signature';
import { describeFeedTrust, MAX_MAJOR_VERSION_JUMP, publishedAtProblem, versionLeapProblem } from './feed-trust';
import { parseClaimSetText } from './parse-claim-set-text';
import { claimIssues, jsonProblem, type FeedProblem } from '../messages/reader-failure';
import { describeLocalAddress, feedUrlProblem, isLoopbackUrl, localAddressKind, normaliseHost } from '../sites/url';

export const DEFAULT_MAX_FEED_BYTES = 5 * 1024 * 1024;
export const DEFAULT_FEED_TIMEOUT_MS = 20_000;
/** Same-origin redirects followed (where the fetch implementation shows them at all). */
export const DEFAULT_MAX_REDIRECTS = 3;

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
  /**
   * The publisher key the reader pinned: the feed must then carry that key's signature over its exact
   * bytes, published at `<feed URL>.sig` (see feed-signature.ts). Undefined: no signature is asked for
   * (the caller decides whether an unsigned feed is acceptable).
   */
  publicKey?: PinnedFeedKey;
  /** Accept a feed with the installed version as an update (the reader pinned another key: the pack is re-vouched). */
  replaceSameVersion?: boolean;
  maxRedirects?: number;
  subtle?: SubtleCrypto;
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
  | 'not-newer'
  /** A redirect off the feed's origin (another host, the reader's network), or one the browser hides. */
  | 'redirect'
  /** A key is pinned but the feed has no signature file. */
  | 'signature-missing'
  /** The signature file is malformed, or not the pinned key's signature over these bytes. */
  | 'signature-invalid'
  /** More than MAX_MAJOR_VERSION_JUMP major versions ahead of the last good set. */
  | 'version-leap'
  /** `publishedAt` later than the reader's clock allows. */
  | 'published-in-future';

export type ClaimFeedResult =
  | { status: 'updated'; claimSet: ClaimSet; etag?: string; fetchedAt: string }
  /** `etag` is set when the server sent one, so the caller can store it for the next check. */
  | { status: 'not-modified'; etag?: string; fetchedAt: string }
  /** `message`: English, for logs and tests; `problem`: the same as a code with details, which a page words for the reader. */
  | { status: 'rejected'; reason: ClaimFeedRejection; message: string; problem: FetchProblem; fetchedAt: string };

/** The problems a fetch can report (the background adds 'unvouched' itself, before fetching). */
export type FetchProblem = Exclude<FeedProblem, { reason: 'unvouched' }>;

type Outcome =
  | { status: 'updated'; claimSet: ClaimSet; etag?: string }
  | { status: 'not-modified'; etag?: string }
  | { status: 'rejected'; reason: ClaimFeedRejection; message: string; problem: FetchProblem };


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

function reject(problem: FetchProblem, message: string): Outcome {
  return { status: 'rejected', reason: problem.reason, message, problem };
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
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false }> {
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

/** Redirect statuses; the target is in Location. */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

interface Exchange {
  doFetch: typeof fetch;
  signal: AbortSignal;
  /** The configured feed URL: redirects may stay on its origin only. */
  feedUrl: URL;
  allowLoopbackHttp: boolean;
  maxRedirects: number;
}

type Fetched = { ok: true; response: Response } | { ok: false; outcome: Outcome };

/**
 * Why a redirect from the feed's origin to `target` is refused, or undefined when it may be followed:
 * only within the feed's own origin. A target on the reader's machine or network is named as such
 * (unless the feed itself is on loopback, the local-testing case, where it is still another host).
 */
function redirectProblem(target: URL, feedUrl: URL): string | undefined {
  if (target.origin === feedUrl.origin && !target.username && !target.password) return undefined;
  const local = localAddressKind(target);
  if (local && !isLoopbackUrl(feedUrl)) return `which is ${describeLocalAddress(local)}`;
  if (normaliseHost(target.hostname) !== normaliseHost(feedUrl.hostname)) return `which is another host (${target.host})`;
  return `which is another origin (${target.origin})`;
}

function cancel(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/**
 * GETs `start` with `redirect: 'manual'`, following redirects itself, and only within the feed's
 * origin, at most `maxRedirects` of them. Browsers hide a manual redirect's target (an
 * "opaqueredirect" response with no Location), so there every redirect is refused: following it
 * blindly is how a feed could make the reader's browser call a router or another host.
 */
async function fetchWithinOrigin(start: URL, fetching: 'feed' | 'signature', headers: Record<string, string>, ex: Exchange): Promise<Fetched> {
  const what = fetching === 'feed' ? 'feed' : 'feed’s signature';
  const origin = ex.feedUrl.origin;
  let url = start;
  for (let hops = 0; ; hops++) {
    let response: Response;
    try {
      // credentials: 'omit' keeps the reader's cookies for the feed's site out of the request.
      response = await ex.doFetch(url.href, { method: 'GET', headers, credentials: 'omit', redirect: 'manual', signal: ex.signal });
    } catch (error) {
      return { ok: false, outcome: reject({ reason: 'network', what: fetching, origin: url.origin, stage: 'connect' }, `Could not reach the ${what} at ${url.origin}: ${describeError(error)}`) };
    }
    if (response.type === 'opaqueredirect') {
      return {
        ok: false,
        outcome: reject(
          { reason: 'redirect', what: fetching, kind: 'hidden', origin },
          `The ${what} at ${url.href} answered with a redirect. The browser does not show an extension where a redirect leads before following it, so Pledge Lens follows none: set the feed to its final address.`,
        ),
      };
    }
    if (!REDIRECT_STATUSES.has(response.status)) {
      // Defence in depth: a fetch that followed a redirect despite 'manual' must still have stayed home.
      let landed: URL | undefined;
      try {
        landed = response.url ? new URL(response.url) : undefined;
      } catch {
        landed = undefined;
      }
      const problem = landed ? redirectProblem(landed, ex.feedUrl) : undefined;
      if (landed && problem) {
        cancel(response);
        return { ok: false, outcome: reject({ reason: 'redirect', what: fetching, kind: 'off-origin', target: landed.href, origin }, `The ${what} redirected to ${landed.href}, ${problem}. Redirects are followed only within ${ex.feedUrl.origin}; the update was refused.`) };
      }
      return { ok: true, response };
    }
    cancel(response);
    const location = response.headers.get('Location');
    let target: URL | undefined;
    try {
      target = location ? new URL(location, url) : undefined;
    } catch {
      target = undefined;
    }
    if (!target) {
      return { ok: false, outcome: reject({ reason: 'redirect', what: fetching, kind: 'no-location', origin }, `The ${what} at ${url.href} answered HTTP ${response.status} without a valid address to go to`) };
    }
    const problem = redirectProblem(target, ex.feedUrl);
    if (problem) {
      return {
        ok: false,
        outcome: reject({ reason: 'redirect', what: fetching, kind: 'off-origin', target: target.href, origin }, `The ${what} at ${url.href} redirected to ${target.href}, ${problem}. Redirects are followed only within ${ex.feedUrl.origin}; the update was refused.`),
      };
    }
    if (hops >= ex.maxRedirects) {
      return { ok: false, outcome: reject({ reason: 'redirect', what: fetching, kind: 'too-many', origin }, `The ${what} redirected more than ${ex.maxRedirects} times; the update was refused`) };
    }
    url = target;
  }
}

function httpRejection(response: Response, fetching: 'feed' | 'signature', what: string): Outcome {
  cancel(response);
  const phrase = response.statusText || REASON_PHRASES[response.status] || '';
  return reject({ reason: 'http', what: fetching, status: response.status }, `The ${what} answered HTTP ${response.status}${phrase ? ` ${phrase}` : ''}`);
}

/**
 * Fetches the detached signature (`<feed URL>.sig`) and checks it against the exact feed bytes.
 * @returns undefined when the signature is the pinned key's, else the refusal
 */
async function checkSignature(bytes: Uint8Array<ArrayBuffer>, key: PinnedFeedKey, options: FetchClaimFeedOptions, ex: Exchange): Promise<Outcome | undefined> {
  const sigUrl = signatureUrlFor(ex.feedUrl);
  const pinned = describeFeedTrust(key);
  const keyDetails = { algorithm: FEED_KEY_ALGORITHM_LABEL[key.algorithm], fingerprint: key.fingerprint };
  const fetched = await fetchWithinOrigin(sigUrl, 'signature', { Accept: '*/*' }, ex);
  if (!fetched.ok) return fetched.outcome;
  const { response } = fetched;
  if (response.status === 404 || response.status === 410) {
    cancel(response);
    return reject(
      { reason: 'signature-missing', url: sigUrl.href, status: response.status, ...keyDetails },
      `The feed is not signed: there is no signature at ${sigUrl.href} (HTTP ${response.status}), but you pinned the publisher’s ${pinned}. Unsigned updates of this feed are refused.`,
    );
  }
  if (!response.ok) return httpRejection(response, 'signature', `feed’s signature at ${sigUrl.href}`);
  let body: Awaited<ReturnType<typeof readCapped>>;
  try {
    body = await readCapped(response, MAX_SIGNATURE_BYTES);
  } catch (error) {
    return reject({ reason: 'network', what: 'signature', origin: sigUrl.origin, stage: 'read' }, `The connection broke while reading the feed’s signature: ${describeError(error)}`);
  }
  if (!body.ok) return reject({ reason: 'signature-invalid', kind: 'too-big', ...keyDetails }, `The feed’s signature file ${sigUrl.href} is over ${formatBytes(MAX_SIGNATURE_BYTES)}, too big to be a signature; the update was refused`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
  } catch {
    text = '';
  }
  const parsed = parseSignatureText(text, key.algorithm);
  if (!parsed.ok) return reject({ reason: 'signature-invalid', kind: 'malformed', ...keyDetails }, `The feed’s signature file ${sigUrl.href} ${parsed.error}; the update was refused`);
  let valid: boolean;
  try {
    valid = await verifyFeedSignature(key, bytes, parsed.signature, options.subtle);
  } catch (error) {
    return reject({ reason: 'signature-invalid', kind: 'unverifiable', ...keyDetails }, `This browser could not check the feed’s ${key.algorithm} signature (${describeError(error)}); the update was refused`);
  }
  if (valid) return undefined;
  return reject(
    { reason: 'signature-invalid', kind: 'mismatch', ...keyDetails },
    `The feed’s signature does not match the key you pinned (${pinned}): the feed was changed after it was signed, or signed with another key. The update was refused.`,
  );
}

async function exchange(url: URL, options: FetchClaimFeedOptions, signal: AbortSignal): Promise<Outcome> {
  // Bound: some engines refuse a fetch called without the global object as `this`.
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  const ex: Exchange = {
    doFetch,
    signal,
    feedUrl: url,
    allowLoopbackHttp: options.allowLoopbackHttp === true,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
  };
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.etag) headers['If-None-Match'] = options.etag;

  const fetched = await fetchWithinOrigin(url, 'feed', headers, ex);
  if (!fetched.ok) return fetched.outcome;
  const { response } = fetched;

  const etag = response.headers.get('ETag') ?? undefined;
  if (response.status === 304) return { status: 'not-modified', ...(etag ? { etag } : {}) };

  if (!response.ok) return httpRejection(response, 'feed', 'feed');

  const contentType = response.headers.get('Content-Type');
  if (!contentType || !isJsonContentType(contentType)) {
    cancel(response);
    return reject(
      { reason: 'content-type', ...(contentType ? { contentType: contentType.slice(0, 500) } : {}) },
      contentType
        ? `The feed was sent as ${contentType}, but a claim set must be application/json`
        : 'The feed was sent without a Content-Type, but a claim set must be application/json',
    );
  }

  const declared = response.headers.get('Content-Length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    cancel(response);
    return reject(
      { reason: 'too-large', limitBytes: maxBytes },
      `The feed announced ${formatBytes(Number(declared))} (${declared.trim()} bytes), over the ${formatBytes(maxBytes)} limit`,
    );
  }

  let body: Awaited<ReturnType<typeof readCapped>>;
  try {
    body = await readCapped(response, maxBytes);
  } catch (error) {
    return reject({ reason: 'network', what: 'feed', origin: url.origin, stage: 'read' }, `The connection to ${url.origin} broke while reading the feed: ${describeError(error)}`);
  }
  if (!body.ok) {
    return reject({ reason: 'too-large', limitBytes: maxBytes }, `The feed sent more than the ${formatBytes(maxBytes)} limit; reading was stopped`);
  }

  // The signature covers the bytes as they arrived: checked before a single one is parsed.
  if (options.publicKey) {
    const refused = await checkSignature(body.bytes, options.publicKey, options, ex);
    if (refused) return refused;
  }

  let text: string;
  try {
    // fatal: broken UTF-8 is a broken feed, not something to paper over with U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
  } catch {
    return reject({ reason: 'invalid-json', json: { kind: 'not-utf8' } }, 'The feed is not valid JSON: it is not UTF-8 text');
  }

  const parsed = parseClaimSetText(text);
  if (!parsed.ok) {
    return parsed.problem === 'invalid-json'
      ? reject({ reason: 'invalid-json', json: jsonProblem(parsed.detail) }, `The feed is not valid JSON: ${parsed.detail}`)
      : reject({ reason: 'invalid-schema', ...claimIssues(parsed.detail) }, `The feed is not a valid claim set:\n${parsed.detail}`);
  }

  const { claimSet } = parsed;
  const future = publishedAtProblem(claimSet.publishedAt, safeNow(options));
  if (future) return reject({ reason: 'published-in-future', publishedAt: claimSet.publishedAt.slice(0, 500), today: today(options) }, future);
  // A malformed installed version cannot be compared; accepting the (validated) feed is how
  // such an install recovers, rather than blocking updates forever.
  if (options.currentVersion !== undefined && isVersion(options.currentVersion)) {
    const order = compareVersions(claimSet.version, options.currentVersion);
    if (order === 0 && !options.replaceSameVersion) return { status: 'not-modified', ...(etag ? { etag } : {}) };
    if (order < 0) {
      return reject(
        { reason: 'not-newer', version: claimSet.version.slice(0, 500), installed: options.currentVersion.slice(0, 500) },
        `The feed is version ${claimSet.version}, not newer than the installed ${options.currentVersion}`,
      );
    }
    const leap = versionLeapProblem(claimSet.version, options.currentVersion);
    if (leap) return reject({ reason: 'version-leap', version: claimSet.version.slice(0, 500), lastGood: options.currentVersion.slice(0, 500), maxMajor: MAX_MAJOR_VERSION_JUMP }, leap);
  }
  return { status: 'updated', claimSet, ...(etag ? { etag } : {}) };
}

/** The reader's date (YYYY-MM-DD), as `publishedAtProblem` compares against it. */
const today = (options: FetchClaimFeedOptions) => safeNow(options).toISOString().slice(0, 10);

function safeNow(options: FetchClaimFeedOptions): Date {
  try {
    return (options.now ?? (() => new Date()))();
  } catch {
    return new Date();
  }
}

export async function fetchClaimFeed(options: FetchClaimFeedOptions): Promise<ClaimFeedResult> {
  const stamp = (outcome: Outcome): ClaimFeedResult => {
    return { ...outcome, fetchedAt: safeNow(options).toISOString() };
  };

  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return stamp(reject({ reason: 'invalid-url', url: options.url.slice(0, 8192) }, `"${options.url}" is not a valid URL`));
  }
  const problem = feedUrlProblem(url, options.allowLoopbackHttp === true);
  if (problem) return stamp(reject({ reason: 'invalid-url', url: url.href.slice(0, 8192) }, `The feed URL ${url.href} ${problem}`));
  if (url.username || url.password) {
    return stamp(reject({ reason: 'invalid-url', url: url.href.slice(0, 8192) }, 'The feed URL must not contain a user name or password'));
  }

  const timeoutMs = options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Racing a timer (rather than relying on the abort signal alone) also covers a fetch
  // implementation that ignores the signal.
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(reject({ reason: 'timeout', seconds: timeoutMs / 1000 }, `The feed did not arrive within ${formatDuration(timeoutMs)}`));
    }, timeoutMs);
  });
  const work = exchange(url, options, controller.signal).catch((error: unknown) =>
    reject({ reason: 'network', what: 'feed', origin: url.origin, stage: 'connect' }, `Fetching the feed failed: ${describeError(error)}`),
  );

  try {
    return stamp(await Promise.race([work, timeout]));
  } finally {
    clearTimeout(timer);
    // Drops whatever is still in flight (a body nobody will read, a request that lost the race).
    controller.abort();
  }
}
