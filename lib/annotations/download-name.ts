/** File names and MIME types for the export downloads. */

export type ExportFormat = 'jsonld' | 'csv' | 'markdown';

export interface ExportFileType {
  extension: string;
  mimeType: string;
}

export const EXPORT_FILE_TYPES: Readonly<Record<ExportFormat, ExportFileType>> = {
  jsonld: { extension: 'jsonld', mimeType: 'application/ld+json' },
  // charset spelled out: without it some browsers and editors guess Latin-1 and garble quotes.
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  markdown: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `pledge-lens-annotations-2026-11-22.csv`. The date is the user's local calendar date, since that
 * is the day they will look for in their downloads folder.
 */
export function exportFileName(format: ExportFormat, when: Date): string {
  if (Number.isNaN(when.getTime())) throw new RangeError('exportFileName: invalid date');
  const date = `${pad(when.getFullYear(), 4)}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
  return `pledge-lens-annotations-${date}.${EXPORT_FILE_TYPES[format].extension}`;
}

export function exportMimeType(format: ExportFormat): string {
  return EXPORT_FILE_TYPES[format].mimeType;
}
