/**
 * Every URL question Pledge Lens asks, answered in one place (hosts, sites, which links and feeds are
 * allowed), so that two callers can never disagree about what a host is.
 */

/** Longest `pageSlug` (characters): enough to tell a site's stories apart in a file or citation name. */
const MAX_SLUG_CHARS = 40;
/** File-name endings of served pages that say nothing about the story. */
const PAGE_EXTENSION = /\.(?:html?|shtml|php\d?|aspx?|jsp|cfm)$/;

/**
 * The last segment of a page's path as a name part: what tells two stories of one site apart in an
 * export's file name and citation key ("https://news.example/2026/anthropic-rsp-3.html" gives
 * "anthropic-rsp-3"). Lower-case ASCII letters, digits and single hyphens (accents dropped, anything
 * else a hyphen), no hyphen at either end, at most `MAX_SLUG_CHARS` characters, cut at a hyphen when
 * one is near. '' for a site's front page, a path of separators only, or what is not a URL.
 */
export function pageSlug(pageUrl: string): string {
  let path = '';
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    return '';
  }
  const segment = path.split('/').filter((part) => part !== '').at(-1) ?? '';
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A stray "%": the segment as written.
  }
  const slug = decoded
    .toLowerCase()
    .replace(PAGE_EXTENSION, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_CHARS) return slug;
  const cut = slug.slice(0, MAX_SLUG_CHARS);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen >= MAX_SLUG_CHARS / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** Hosts that are the reader's own machine. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A host in its one comparable form: lower case, without the trailing dot of a fully qualified name. */
export function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/\.+$/, '');
}

/**
 * The normalised host of an absolute URL ("https://News.Example.com./x" → "news.example.com"), or
 * undefined when `url` does not parse or has no host (about:blank, data: URLs).
 */
export function hostOf(url: string): string | undefined {
  try {
    return normaliseHost(new URL(url).hostname) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The origin of an absolute URL ("https://news.example:8443/x" → "https://news.example:8443"), or undefined when
 * `url` does not parse or has no origin of its own (about:, data: and file: URLs give "null").
 */
export function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Turns what a reader typed ("Example.com", "https://www.example.com/x", "*.example.com") into a
 * normalised host, or undefined when it names no host.
 */
export function siteHost(site: string): string | undefined {
  const trimmed = site.trim().replace(/^\*?\./, '');
  if (trimmed === '') return undefined;
  // Prepending a scheme lets the URL parser lower-case and punycode the host for us.
  return hostOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
}

/** Whether `host` is `site` or one of its subdomains ("news.example.com" is on "example.com"; "badexample.com" is not). */
export function hostOnSite(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

/** Whether `host` is on any of `sites`. */
export function hostOnAnySite(host: string, sites: readonly string[]): boolean {
  return sites.some((site) => hostOnSite(host, site));
}

/**
 * A site-list entry as the reader typed it, reduced to a bare host, or undefined when it does not look
 * like a real host name (stricter than `siteHost`: "foo" or "a b" are refused, "localhost" is allowed).
 */
export function normaliseSite(input: string): string | undefined {
  const host = siteHost(input);
  return host && /^[a-z0-9.-]+$/.test(host) && (host.includes('.') || host === 'localhost') ? host : undefined;
}

/** Whether a URL points at the reader's own machine (a local feed server needs no TLS to be private). */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/** The https URL as a string when `url` is one, else undefined: only https links reach a card or an export. */
export function safeLinkUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a claim-feed URL may not be used, or undefined when it may: https, or plain http to the
 * reader's own machine when `allowLoopbackHttp` is set.
 */
export function feedUrlProblem(url: URL, allowLoopbackHttp: boolean): string | undefined {
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && allowLoopbackHttp && isLoopbackUrl(url)) return undefined;
  return `uses ${url.protocol.replace(/:$/, '')}, but only https:// feeds are allowed`;
}

/**
 * Whether what a reader typed as a feed address is plain http to another machine, which
 * `feedUrlProblem` refuses (the feed form says so as it is typed). Anything that does not parse, or
 * is not http, is not this question's business: the background answers it on save.
 */
export function isRemotePlainHttp(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' && feedUrlProblem(url, true) !== undefined;
  } catch {
    return false;
  }
}

/** Query parameters that carry credentials or tracking rather than the page's identity. */
const SECRET_OR_TRACKING_PARAM = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_eid|_hs.*|access_token|id_token|refresh_token|token|auth|authorization|key|api_?key|sig|signature|session|sessionid|sid|code|state|password|passwd|secret|jwt|ticket|otp|nonce)$/i;
/** A value this long is more likely an opaque token than an article id. */
const MAX_KEPT_PARAM_VALUE = 32;

/**
 * Whether a frame's URL is an address of its own (http, https, file), not one it borrows from the page that made it
 * (about:srcdoc, about:blank, data:, blob:).
 */
export function isWebAddress(url: string): boolean {
  return /^(https?|file):/i.test(url);
}

/**
 * The address stored in the reader's history for a page: no fragment, no credentials, and no query
 * parameter that looks like a token or a tracker (by name, or by an opaque value over 32 characters).
 * Parameters that identify an article (`?id=123`, `?p=42`) stay. A URL that does not parse is returned as is.
 */
export function historyUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  for (const [name, value] of [...parsed.searchParams]) {
    if (SECRET_OR_TRACKING_PARAM.test(name) || value.length > MAX_KEPT_PARAM_VALUE) parsed.searchParams.delete(name);
  }
  if ([...parsed.searchParams].length === 0) parsed.search = '';
  return parsed.href;
}

/** Where a host leads when it is not the public internet: the reader's machine or network. */
export type LocalAddressKind = 'loopback' | 'private' | 'link-local' | 'reserved' | 'local-name';

const LOCAL_ADDRESS_WORDS: Readonly<Record<LocalAddressKind, string>> = {
  loopback: 'this computer (a loopback address)',
  private: 'a private network address',
  'link-local': 'a link-local address',
  reserved: 'a reserved or multicast address',
  'local-name': 'a local network name',
};

/** The kind of local address as a reader reads it ("a private network address"). */
export function describeLocalAddress(kind: LocalAddressKind): string {
  return LOCAL_ADDRESS_WORDS[kind];
}

/** Names that only ever resolve on the reader's own machine or network (RFC 6761, 6762, 8375). */
const LOCAL_NAME_SUFFIXES = ['.local', '.internal', '.home.arpa', '.lan', '.intranet'];

function ipv4Kind(octets: readonly number[]): LocalAddressKind | undefined {
  const [a, b] = octets as [number, number, number, number];
  if (a === 127 || a === 0) return 'loopback'; // 0.0.0.0 reaches this machine on Linux and macOS
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT, shared address space
  if (a === 198 && (b === 18 || b === 19)) return 'private'; // benchmarking networks
  if (a === 192 && b === 0 && octets[2] === 0) return 'private'; // IETF protocol assignments
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224) return 'reserved'; // multicast, reserved, broadcast
  return undefined;
}

/** The eight 16-bit groups of an IPv6 literal as the URL parser writes it (compressed, no brackets). */
function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (const [index, piece] of pieces.entries()) {
      // An embedded IPv4 tail (the parser normally rewrites it as hex, but accept it anyway).
      if (index === pieces.length - 1 && piece.includes('.')) {
        const octets = piece.split('.').map(Number);
        if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255)) return undefined;
        groups.push((octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!);
      } else {
        if (!/^[0-9a-f]{1,4}$/i.test(piece)) return undefined;
        groups.push(parseInt(piece, 16));
      }
    }
    return groups;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function ipv6Kind(groups: readonly number[]): LocalAddressKind | undefined {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const embedded = () => ipv4Kind([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  const zeroHead = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroHead && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return 'loopback'; // :: and ::1
  if (zeroHead && (g5 === 0xffff || g5 === 0)) return embedded() ?? (g5 === 0 ? 'reserved' : undefined); // IPv4-mapped / -compatible
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded(); // NAT64
  if ((g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfec0) return 'private'; // unique local, old site-local
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xff00) === 0xff00) return 'reserved'; // multicast
  return undefined;
}

/**
 * Whether a URL's host is the reader's own machine or network rather than the public internet:
 * loopback, private, link-local or reserved IP literals (IPv4, IPv6, IPv4-mapped IPv6), `localhost`
 * and its subdomains, single-label names and local-only suffixes such as `.local`. Only literal
 * addresses and names are judged: a public name that resolves to a private address (DNS rebinding)
 * cannot be seen from an extension.
 * @returns the kind of local address, or undefined for a public host
 */
export function localAddressKind(url: URL): LocalAddressKind | undefined {
  const host = normaliseHost(url.hostname);
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = ipv6Groups(host.slice(1, -1));
    return groups ? ipv6Kind(groups) : 'reserved';
  }
  // The URL parser has already turned every IPv4 spelling (0x7f.1, 2130706433, 0177.0.0.1) into dotted decimal.
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return ipv4Kind(host.split('.').map(Number));
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (!host.includes('.') || LOCAL_NAME_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'local-name';
  return undefined;
}

/**
 * The host-permission match pattern that covers a feed URL ("https://feeds.example.org/*"): what the
 * options page asks the reader for, so the browser lets the background read the feed whatever its
 * CORS headers say. Match patterns have no port, so one pattern covers every port of the host.
 */
export function feedPermissionPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}
