/**
 * A page's own citation data: its title, the day it was published, who wrote it and the site or journal it
 * appeared in, as the page's metadata gives them, for the exports a reference manager or a notes app
 * reads (CSL-JSON's `issued`, `author` and `container-title`, the W3C and CSV exports' page fields,
 * "Copy citation").
 *
 * Read by the content script from the page's `<head>`, JSON-LD and schema.org microdata only, never from its free
 * text: a date or a name in the article body may be anyone's (a quoted report's, a related story's); an element the
 * page marks `itemprop="author"` or `itemprop="datePublished"` says whose it is. The
 * vocabularies, in the order they are trusted:
 * - Highwire Press (`citation_title`, `citation_publication_date`, `citation_author`, `citation_journal_title`), what
 *   Google Scholar and Zotero read on journals, preprint servers and many law and policy sites;
 * - Open Graph (`og:title`, `article:published_time`, `article:author` when it is a name, not a profile's address,
 *   and `og:site_name`, the site's name as it writes it: "The Verge", where the host gives "theverge.com");
 * - schema.org as JSON-LD (`headline`, `datePublished`, `author` and `publisher` of an Article, NewsArticle,
 *   BlogPosting, Report… node, in `@graph` or not), then as microdata (`itemprop="datePublished"`, `itemprop="author"`
 *   with its `name`);
 * - Dublin Core (`dcterms.issued`, `DC.date.issued`, `DC.date`, `DC.creator`), and the bare `author`
 *   and `date` names and the few publishing platforms' own (`parsely-pub-date`, `parsely-author`,
 *   `sailthru.date`, `byl`).
 *
 * Why not a library: Mozilla's Readability gives a byline and a published time, but it reads the
 * whole document (about 10 KB gzip in the content script, whose budget is 60 KB, for two fields);
 * metascraper and its rules run in Node on a fetched page, not in a content script. This reads a
 * dozen `meta` elements and the page's JSON-LD.
 *
 * The page is an adversary: every value is bounded (a date must be a real calendar day, a name at most
 * MAX_AUTHOR_LENGTH code units, MAX_AUTHORS names, JSON-LD blocks over MAX_JSON_LD_LENGTH are not
 * parsed), control and bidi characters are dropped, and nothing read here is ever put into markup.
 */
import * as v from 'valibot';
import { BIDI_CONTROL_CLASS, oneLine } from './exported-text';

/** Names kept at most (a paper with a consortium's author list is cited with its first twenty). */
export const MAX_AUTHORS = 20;
/** UTF-16 units a name may have: longer is not a name but a paragraph put in the field. */
export const MAX_AUTHOR_LENGTH = 200;
/** UTF-16 units of one JSON-LD block parsed at most: an article's is a few kilobytes; a page's megabyte catalogue is skipped. */
export const MAX_JSON_LD_LENGTH = 200_000;
/** JSON-LD blocks read at most per page. */
const MAX_JSON_LD_BLOCKS = 20;
/**
 * UTF-16 units of one metadata value (a meta element's content, a JSON-LD string) read at most: a date or a
 * list of names is far shorter, and a longer value is not looked at, so no pattern here ever runs over a page's
 * megabyte string (the splitting and type patterns backtrack over long runs of spaces or colons).
 */
export const MAX_METADATA_VALUE = 2_000;

/** Whether year, month and day name a real calendar day (the 31st of a 31-day month, 29 February of a leap year). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2026-02-24", "2026-02" or "2026": a day, a month or a year (ISO 8601's calendar date and its reduced precisions). */
const PUBLISHED = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `value` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" of a real calendar day or month, year 1000 to 9999. */
function isPublishedDate(value: string): boolean {
  const parts = PUBLISHED.exec(value);
  if (!parts || Number(parts[1]) < 1000) return false;
  return parts[2] === undefined || isCalendarDay(Number(parts[1]), Number(parts[2]), parts[3] === undefined ? 1 : Number(parts[3]));
}

/** A publication date as stored: "YYYY-MM-DD", "YYYY-MM" or "YYYY" (see `isPublishedDate`). Only as precise as the page was. */
export const PublishedDateSchema = v.pipe(
  v.string('must be a string'),
  v.check(isPublishedDate, 'must be a real calendar date such as 2026-02-24, 2026-02 or 2026'),
);

/** No control or bidi characters: what `oneLine` leaves. */
const ONE_LINE = new RegExp(`^[^\\u0000-\\u001F\\u007F-\\u009F${BIDI_CONTROL_CLASS}]*$`);

/** A non-empty string of at most `max` UTF-16 units, on one line, with no control or bidi characters. */
function oneLineString(max: number) {
  return v.pipe(
    v.string('must be a string'),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.regex(ONE_LINE, 'must be one line without control characters'),
  );
}

/** An author's or a site's name as the page writes it: one line, no control or bidi characters. */
export const NameSchema = oneLineString(MAX_AUTHOR_LENGTH);

/** The longest title kept from a page's metadata (UTF-16 units). */
export const MAX_TITLE_LENGTH = 500;

/** A work's title as the page's metadata gives it: one line, no control or bidi characters. */
export const CitationTitleSchema = oneLineString(MAX_TITLE_LENGTH);

/** What a page says of itself for citing: each field absent when its metadata does not say. */
export const PageCitationSchema = v.object({
  /**
   * The work's title (`citation_title`, `og:title`, JSON-LD `headline`): cleaner than the `<title>`, which often
   * carries the site's name or a section ("Opinion | …", "… - Le Quotidien Numérique"; new users' reports 54 and 55).
   */
  title: v.optional(CitationTitleSchema),
  published: v.optional(PublishedDateSchema),
  /** The site, journal or publisher the page appeared in, by its own name. */
  site: v.optional(NameSchema),
  authors: v.optional(v.pipe(v.array(NameSchema, 'must be a list of names'), v.minLength(1, 'must not be empty'), v.maxLength(MAX_AUTHORS, `must name at most ${MAX_AUTHORS} authors`))),
});

export type PageCitation = v.InferOutput<typeof PageCitationSchema>;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2026-02-24", "2026/2/24" or "2026.02.24", with any time after it; "2026-02"; "2026". */
const NUMERIC_DATE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s])/;
/** "24 Feb 2026", "Tue, 24 February 2026 10:00:00 GMT" (RFC 2822, what `sailthru.date` and feeds write). */
const DAY_MONTH_YEAR = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
/** "February 24, 2026", "Feb. 24 2026". */
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/i;

function monthNumber(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

function dateString(year: number, month?: number, day?: number): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = month === undefined ? String(year) : day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  return isPublishedDate(text) ? text : undefined;
}

/**
 * The day a metadata value names, as the page wrote it: "2026-02-24T23:30:00-05:00" is 24 February (the
 * publisher's own calendar day, which its page shows), not the UTC day. Reads ISO 8601 dates and
 * date-times, "2026/02/24", "24 Feb 2026", "February 24, 2026" and RFC 2822 dates.
 * @returns "YYYY-MM-DD", "YYYY-MM" or "YYYY"; undefined for anything else (a time alone, "yesterday",
 *   29 February of a common year, a month 13)
 */
export function publishedDate(value: string): string | undefined {
  const text = value.trim().slice(0, 100);
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const [, year, month, day] = numeric;
    return dateString(Number(year), month === undefined ? undefined : Number(month), day === undefined ? undefined : Number(day));
  }
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2]!);
    return month === undefined ? undefined : dateString(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1]!);
    return month === undefined ? undefined : dateString(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  return undefined;
}

/**
 * A name (an author's, a site's) as a page's metadata gives it, made fit to keep: one line, no "By "
 * before it, not an address (Open Graph's `article:author` is often the author's profile page).
 * @returns the name, at most MAX_AUTHOR_LENGTH UTF-16 units; undefined for an address, an empty value or a longer one
 */
export function authorName(value: string): string | undefined {
  if (value.length > MAX_METADATA_VALUE) return undefined;
  const name = oneLine(value).replace(/^by:?\s+/i, '');
  if (name === '' || name.length > MAX_AUTHOR_LENGTH) return undefined;
  if (/^(?:https?:|www\.)|^\S+\.\S+\/\S*$/i.test(name) || /^@/.test(name)) return undefined;
  return name;
}

/**
 * The names one metadata value lists: "Jane Doe and John Roe", "Jane Doe, John Roe & Ann Poe". A value
 * whose parts would be single words ("Doe, Jane", "Reuters") is one name.
 */
function namesIn(value: string): string[] {
  if (value.length > MAX_METADATA_VALUE) return [];
  const parts = value.split(/\s*(?:;|,|&|\band\b)\s*/i).map((part) => part.trim()).filter((part) => part !== '');
  const split = parts.length > 1 && parts.every((part) => /\S\s+\S/.test(part.replace(/^by:?\s+/i, '')));
  return (split ? parts : [value]).flatMap((part) => authorName(part) ?? []);
}

/** The schema.org types an article's metadata is given under (Article and its kinds; a post; a report). */
const ARTICLE_TYPE = /(?:^|:|\/)(?:\w*Article|BlogPosting|SocialMediaPosting|LiveBlogPosting|Report|ScholarlyArticle|Legislation|WebPage)$/;

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: { [key: string]: JsonValue }): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string' && t.length <= MAX_METADATA_VALUE);
}

/** The nodes of a JSON-LD document: the top level, an array's items and `@graph`'s, one level down. */
function jsonLdNodes(document: JsonValue): Array<{ [key: string]: JsonValue }> {
  const top = Array.isArray(document) ? document : [document];
  return top.filter(isObject).flatMap((node) => [node, ...(Array.isArray(node['@graph']) ? node['@graph'].filter(isObject) : [])]);
}

/** An `author` value's names: a string, a Person or Organization with a `name`, or a list of those. */
function jsonLdAuthors(value: JsonValue | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((item) => {
    if (typeof item === 'string') return namesIn(item);
    if (isObject(item) && typeof item.name === 'string') return authorName(item.name) ?? [];
    return [];
  });
}

/** The first of the document's JSON-LD article nodes (an article before a web page that holds it), or none. */
function jsonLdArticle(doc: Document): { [key: string]: JsonValue } | undefined {
  const nodes: Array<{ [key: string]: JsonValue }> = [];
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, MAX_JSON_LD_BLOCKS);
  for (const script of scripts) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_LENGTH) continue;
    try {
      nodes.push(...jsonLdNodes(JSON.parse(source) as JsonValue));
    } catch {
      // A page's broken JSON-LD says nothing; its meta elements still may.
    }
  }
  const articles = nodes.filter((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type)));
  return articles.find((node) => !typesOf(node).includes('WebPage')) ?? articles[0];
}

/** The `content` of the head's meta elements with this `name` or `property` (any case), in document order. */
function metaValues(doc: Document, keys: readonly string[]): string[] {
  const wanted = new Set(keys.map((key) => key.toLowerCase()));
  const values: string[] = [];
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    const content = meta.getAttribute('content');
    if (wanted.has(key) && content !== null && content.length <= MAX_METADATA_VALUE) values.push(content);
  }
  return values;
}

const DATE_KEYS_FIRST = ['citation_publication_date', 'citation_date', 'article:published_time'];
const DATE_KEYS_LAST = ['dcterms.issued', 'dc.date.issued', 'dc.date', 'parsely-pub-date', 'sailthru.date', 'pubdate', 'publish-date', 'date'];
const AUTHOR_KEYS_FIRST = ['citation_author'];
const SITE_KEYS = ['citation_journal_title', 'og:site_name'];
const TITLE_KEYS = ['citation_title', 'og:title', 'twitter:title', 'dc.title', 'dcterms.title'];
const AUTHOR_KEYS_LAST = ['article:author', 'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl'];

/** The first value of the keys, in order of the keys, that gives a date. */
function firstDate(doc: Document, keys: readonly string[]): string | undefined {
  for (const key of keys) for (const value of metaValues(doc, [key])) {
    const date = publishedDate(value);
    if (date) return date;
  }
  return undefined;
}

/** schema.org microdata on an element of the page (`<time itemprop="datePublished" datetime="…">`), its first. */
function microdataDate(doc: Document): string | undefined {
  const element = doc.querySelector('[itemprop~="datePublished"]');
  const value = element?.getAttribute('datetime') ?? element?.getAttribute('content');
  return value ? publishedDate(value) : undefined;
}

/**
 * schema.org microdata authors (`<span itemprop="author" itemscope itemtype="…/Person"><span itemprop="name">Jane
 * Doe</span></span>`, `<a itemprop="author">Jane Doe</a>`, a `content` attribute on either): each author item's
 * `name` property, else its own content or text. At most MAX_AUTHORS items are read, each bounded as any name is.
 */
function microdataAuthors(doc: Document): string[] {
  const names: string[] = [];
  for (const element of [...doc.querySelectorAll('[itemprop~="author"]')].slice(0, MAX_AUTHORS)) {
    const named = element.hasAttribute('itemscope') ? element.querySelector('[itemprop~="name"]') : null;
    const source = named ?? element;
    const value = source.getAttribute('content') ?? (source.textContent ?? '').slice(0, MAX_AUTHOR_LENGTH + 1);
    const name = authorName(value.replace(/\s+/g, ' ').trim());
    if (name) names.push(name);
  }
  return names;
}

/** A title as kept: `oneLine`; undefined when nothing is left or it is too long. */
function titleOf(value: string): string | undefined {
  const title = oneLine(value);
  return title !== '' && title.length <= MAX_TITLE_LENGTH ? title : undefined;
}

/** The page's title from its metadata, in order of TITLE_KEYS, then the JSON-LD article's `headline`. */
function metadataTitle(doc: Document, article: { [key: string]: JsonValue } | undefined): string | undefined {
  for (const key of TITLE_KEYS) for (const value of metaValues(doc, [key])) {
    const title = titleOf(value);
    if (title) return title;
  }
  return typeof article?.headline === 'string' ? titleOf(article.headline) : undefined;
}

/** The names of the first key, in order, that gives any. */
function firstAuthors(doc: Document, keys: readonly string[]): string[] {
  for (const key of keys) {
    const names = metaValues(doc, [key]).flatMap(namesIn);
    if (names.length > 0) return names;
  }
  return [];
}

/** The first of the keys' values, in order of the keys, that is a name. */
function firstName(doc: Document, keys: readonly string[]): string | undefined {
  for (const key of keys) for (const value of metaValues(doc, [key])) {
    const name = authorName(value);
    if (name) return name;
  }
  return undefined;
}

/** Names in their order, each once (by its letters, any case), at most MAX_AUTHORS. */
function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, MAX_AUTHORS);
}

/**
 * What a document's metadata says of its publication day, site and authors (see the module comment for the
 * vocabularies and their order). Reads the DOM only; never throws on a page's malformed metadata.
 * @returns `title` (at most MAX_TITLE_LENGTH units), `published` ("YYYY-MM-DD", "YYYY-MM" or "YYYY"), `site` (a name) and
 *   `authors` (1 to MAX_AUTHORS names), each absent when the page does not say
 */
export function readPageCitation(doc: Document): PageCitation {
  const article = jsonLdArticle(doc);
  const articleDate = typeof article?.datePublished === 'string' ? publishedDate(article.datePublished) : undefined;
  const published = firstDate(doc, DATE_KEYS_FIRST) ?? articleDate ?? microdataDate(doc) ?? firstDate(doc, DATE_KEYS_LAST);
  const highwire = firstAuthors(doc, AUTHOR_KEYS_FIRST);
  const fromJsonLd = article ? jsonLdAuthors(article.author) : [];
  const fromMicrodata = highwire.length > 0 || fromJsonLd.length > 0 ? [] : microdataAuthors(doc);
  const names = distinctNames(highwire.length > 0 ? highwire : fromJsonLd.length > 0 ? fromJsonLd : fromMicrodata.length > 0 ? fromMicrodata : firstAuthors(doc, AUTHOR_KEYS_LAST));
  const publisher = article?.publisher;
  const site = firstName(doc, SITE_KEYS) ?? (isObject(publisher) && typeof publisher.name === 'string' ? authorName(publisher.name) : undefined);
  const title = metadataTitle(doc, article);
  return { ...(title && { title }), ...(published && { published }), ...(site && { site }), ...(names.length > 0 && { authors: names }) };
}

/** Whether a page's citation data says anything: one that says nothing is not stored (no empty object in the history). */
export function saysAnything(citation: PageCitation | undefined | null): citation is PageCitation {
  return !!citation && (citation.title !== undefined || citation.published !== undefined || citation.site !== undefined || citation.authors !== undefined);
}

/**
 * The citation data of a page's latest sighting that had any: a page's mentions are stored one by one,
 * and one seen before the page gave metadata keeps none.
 * @param mentions one page's mentions (`lastSeen`: ISO date-times)
 */
export function latestPageCitation(mentions: ReadonlyArray<{ lastSeen: string; pageCitation?: PageCitation }>): PageCitation | undefined {
  let latest: { lastSeen: string; pageCitation?: PageCitation } | undefined;
  for (const mention of mentions) {
    if (mention.pageCitation && (!latest || Date.parse(mention.lastSeen) > Date.parse(latest.lastSeen))) latest = mention;
  }
  return latest?.pageCitation;
}
