import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFileName } from '../../../lib/annotations/export-formats';

describe('exportFileName', () => {
  // Built from local components because the name uses the user's local calendar date.
  const when = new Date(2026, 10, 22, 23, 30);

  it('names each format with the date and the right extension', () => {
    expect(exportFileName('w3c', when)).toBe('pledge-lens-annotations-2026-11-22.jsonld');
    expect(exportFileName('csv', when)).toBe('pledge-lens-annotations-2026-11-22.csv');
    expect(exportFileName('markdown', when)).toBe('pledge-lens-annotations-2026-11-22.md');
  });

  it('zero-pads months and days', () => {
    expect(exportFileName('csv', new Date(2027, 0, 5))).toBe('pledge-lens-annotations-2027-01-05.csv');
  });

  it('rejects an invalid date', () => {
    expect(() => exportFileName('csv', new Date('nope'))).toThrow(RangeError);
  });
});

describe('EXPORT_FORMATS mime types', () => {
  it('gives the MIME type for each format', () => {
    expect(EXPORT_FORMATS.w3c.mimeType).toBe('application/ld+json');
    expect(EXPORT_FORMATS.csv.mimeType).toBe('text/csv;charset=utf-8');
    expect(EXPORT_FORMATS.markdown.mimeType).toBe('text/markdown;charset=utf-8');
  });
});
