/**
 * The export formats, in one registry that the background, the popup, the options page and the
 * scanner all read: adding a format is one entry here (plus its serialiser module).
 */
import type { Claim } from '../claims/schema';
import { exportCsl } from './export-csl';
import { exportCsv } from './export-csv';
import { exportMarkdown } from './export-markdown';
import { exportW3c } from './export-w3c';
import { escapeBidiControls } from './exported-text';
import type { Mention } from './schema';
import { pageSlug } from '../sites/url';

export const EXPORT_FORMAT_IDS = ['w3c', 'csv', 'markdown', 'csl'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_IDS)[number];

export interface ExportFormatSpec {
  /** What readers see in menus and buttons. */
  label: string;
  /** A short button label. */
  shortLabel: string;
  extension: string;
  mimeType: string;
  /**
   * Serialises mentions (all given, wrong matches included: filter beforehand).
   * @param generatedAt ISO 8601 date-time written into the file
   * @param leftOutWrongMatches how many mentions the reader marked as wrong matches the filter left out: the W3C and
   *   Markdown files say so (a new user's report 56: only the popup did, not the file a colleague gets)
   */
  serialise: (mentions: readonly Mention[], claims: ReadonlyMap<string, Claim>, generatedAt: string, leftOutWrongMatches?: number) => string;
}

export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatSpec>> = {
  w3c: {
    label: 'W3C Web Annotation (JSON-LD)',
    shortLabel: 'W3C JSON-LD',
    extension: 'jsonld',
    mimeType: 'application/ld+json',
    serialise: (mentions, claims, generatedAt, leftOutWrongMatches = 0) =>
      `${escapeBidiControls(JSON.stringify(exportW3c(mentions, claims, { generatedAt, includeWrongMatches: true, leftOutWrongMatches }), null, 2))}\n`,
  },
  csv: {
    label: 'CSV (spreadsheets)',
    shortLabel: 'CSV',
    extension: 'csv',
    // charset spelled out: without it some browsers and editors guess Latin-1 and garble quotes.
    mimeType: 'text/csv;charset=utf-8',
    // The byte order mark: Excel reads a double-clicked file as UTF-8 only with it.
    serialise: (mentions, claims, generatedAt) => exportCsv(mentions, claims, { bom: true, today: generatedAt.slice(0, 10) }),
  },
  markdown: {
    label: 'Markdown (notes apps)',
    shortLabel: 'Markdown',
    extension: 'md',
    mimeType: 'text/markdown;charset=utf-8',
    serialise: (mentions, claims, generatedAt, leftOutWrongMatches = 0) => exportMarkdown(mentions, claims, { generatedAt, includeWrongMatches: true, leftOutWrongMatches }),
  },
  csl: {
    label: 'CSL-JSON (Zotero, reference managers)',
    shortLabel: 'CSL-JSON',
    extension: 'json',
    // Plain JSON, not CSL's own "application/vnd.citationstyles.csl+json": a browser may correct a
    // download's extension to one its type names, and .json is the extension Zotero's CSL JSON translator names.
    mimeType: 'application/json',
    serialise: (mentions, claims, generatedAt) => `${JSON.stringify(exportCsl(mentions, claims, { generatedAt }), null, 2)}\n`,
  },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMAT_IDS as readonly string[]).includes(value);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** What an export holds, for its file name: the whole history, one page's mentions, or what filters chose. */
export type ExportScope = { kind: 'all' } | { kind: 'page'; pageUrl: string; filtered: boolean } | { kind: 'filtered' };

/**
 * What `exportScope` reads of a history query (the options page's filters, the popup's page): the
 * `MentionQuery` of the export request fits. Empty strings and lists, `false` and the wrong-match
 * setting are no filter (every export leaves wrong matches out or keeps them, so that is not a scope).
 */
export interface ScopeQuery {
  pageUrl?: string | undefined;
  wrongMatches?: 'include' | 'exclude' | 'only' | undefined;
  [filter: string]: unknown;
}

const isSet = (value: unknown): boolean =>
  value !== undefined && value !== false && value !== '' && !(Array.isArray(value) && value.length === 0) && !(typeof value === 'string' && value.trim() === '');

/** The scope of an export made with `query`; "only wrong matches" is a filter, hiding or showing them is not. */
export function exportScope(query: ScopeQuery): ExportScope {
  const { pageUrl, wrongMatches, ...filters } = query;
  const filtered = wrongMatches === 'only' || Object.values(filters).some(isSet);
  if (pageUrl !== undefined && pageUrl.trim() !== '') return { kind: 'page', pageUrl, filtered };
  return filtered ? { kind: 'filtered' } : { kind: 'all' };
}

/** Longest host part of a file name: a 253-character host would push the date and scope out of view. */
const MAX_HOST_CHARS = 60;

/**
 * The page as a file-name part: "page", its host (lower-case letters, digits, dots and hyphens only:
 * a parsed host is already punycode ASCII; no dot at either end, which Windows drops; at most
 * `MAX_HOST_CHARS`), then the last segment of its path (`pageSlug`), so two stories of one site
 * exported in the same minute get two names. What is not a URL is "page" alone.
 */
function pagePart(pageUrl: string): string {
  let host = '';
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch {
    // Not a URL: the name says "page" alone.
  }
  const safe = host.replace(/[^a-z0-9.-]+/g, '-').slice(0, MAX_HOST_CHARS).replace(/^[.-]+|[.-]+$/g, '');
  return ['page', safe, pageSlug(pageUrl)].filter((part) => part !== '').join('-');
}

function scopePart(scope: ExportScope): string {
  if (scope.kind === 'page') return scope.filtered ? `${pagePart(scope.pageUrl)}-filtered` : pagePart(scope.pageUrl);
  return scope.kind;
}

/**
 * `pledge-lens-annotations-2026-11-22_14-30-05-all.csv`, `…_14-30-05-filtered.md`,
 * `…_14-30-05-page-news.example.com-anthropic-rsp-3.jsonld`: the user's local date and time to the second (the moment
 * they will look for in their downloads folder; two exports a minute no longer share a name, which the browser
 * turned into "…(1)") and what the file holds. Only ASCII letters, digits, '.', '-' and '_': no ':' (Windows, and Finder shows it
 * as '/'), no '/' or backslash, no spaces, and no name Windows reserves (the name starts "pledge-lens").
 * @param when the moment of the export, read in the local time zone
 * @throws RangeError for an invalid date
 */
export function exportFileName(format: ExportFormat, when: Date, scope: ExportScope): string {
  if (Number.isNaN(when.getTime())) throw new RangeError('exportFileName: invalid date');
  const date = `${pad(when.getFullYear(), 4)}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
  const time = `${pad(when.getHours())}-${pad(when.getMinutes())}-${pad(when.getSeconds())}`;
  return `pledge-lens-annotations-${date}_${time}-${scopePart(scope)}.${EXPORT_FORMATS[format].extension}`;
}
