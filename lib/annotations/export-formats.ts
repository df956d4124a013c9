/**
 * The export formats, in one registry that the background, the popup, the options page and the
 * scanner all read: adding a format is one entry here (plus its serialiser module).
 */
import type { Claim } from '../claims/schema';
import { exportCsv } from './export-csv';
import { exportMarkdown } from './export-markdown';
import { exportW3c } from './export-w3c';
import type { Mention } from './schema';

export const EXPORT_FORMAT_IDS = ['w3c', 'csv', 'markdown'] as const;
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
   */
  serialise: (mentions: readonly Mention[], claims: ReadonlyMap<string, Claim>, generatedAt: string) => string;
}

export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatSpec>> = {
  w3c: {
    label: 'W3C Web Annotation (JSON-LD)',
    shortLabel: 'W3C JSON-LD',
    extension: 'jsonld',
    mimeType: 'application/ld+json',
    serialise: (mentions, claims, generatedAt) => `${JSON.stringify(exportW3c(mentions, claims, { generatedAt, includeWrongMatches: true }), null, 2)}\n`,
  },
  csv: {
    label: 'CSV (spreadsheets)',
    shortLabel: 'CSV',
    extension: 'csv',
    // charset spelled out: without it some browsers and editors guess Latin-1 and garble quotes.
    mimeType: 'text/csv;charset=utf-8',
    // The byte order mark: Excel reads a double-clicked file as UTF-8 only with it.
    serialise: (mentions, claims) => exportCsv(mentions, claims, { bom: true }),
  },
  markdown: {
    label: 'Markdown (notes apps)',
    shortLabel: 'Markdown',
    extension: 'md',
    mimeType: 'text/markdown;charset=utf-8',
    serialise: (mentions, claims, generatedAt) => exportMarkdown(mentions, claims, { generatedAt, includeWrongMatches: true }),
  },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMAT_IDS as readonly string[]).includes(value);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `pledge-lens-annotations-2026-11-22.csv`. The date is the user's local calendar date, since that
 * is the day they will look for in their downloads folder.
 * @throws RangeError for an invalid date
 */
export function exportFileName(format: ExportFormat, when: Date): string {
  if (Number.isNaN(when.getTime())) throw new RangeError('exportFileName: invalid date');
  const date = `${pad(when.getFullYear(), 4)}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
  return `pledge-lens-annotations-${date}.${EXPORT_FORMATS[format].extension}`;
}
