/**
 * CSV export for spreadsheets: RFC 4180 (CRLF records, fields quoted when they hold a comma, quote,
 * CR or LF, embedded quotes doubled), one header row, one row per mention.
 *
 * Quote, prefix and suffix are written as the reader sees them (`exportedText`: a block boundary is
 * one line feed); `start` and `end` are UTF-16 offsets into the page's text as Pledge Lens read it.
 *
 * Page text is attacker-controlled, and spreadsheets execute cells that start with `=`, `+`, `-` or
 * `@` as formulas (OWASP "CSV injection"). Text cells starting with one of those, or with a tab or
 * CR, get a leading apostrophe so they display as text. Numeric columns are written by us and never
 * need it.
 */
import type { Claim } from '../claims/schema';
import { claimFacts } from './claim-facts';
import { exportedText } from './exported-text';
import type { Mention } from './schema';

export const CSV_COLUMNS = [
  'page_url',
  'page_title',
  'claim_id',
  'kind',
  'status',
  'status_date',
  'actor',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'note',
  'wrong_match',
  'first_seen',
  'last_seen',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const NUMERIC_COLUMNS: ReadonlySet<CsvColumn> = new Set<CsvColumn>(['start', 'end']);

/**
 * A cell a spreadsheet could read as a formula (OWASP CSV injection; ASVS 1.2.10): one that opens with a
 * tab, carriage return or NUL (OWASP's and ASVS's lists), or whose first non-blank character is `=`, `+`, `-` or `@`. A
 * cell can open with a line feed (an export renders a block boundary as "\n") or with spaces, which an
 * import may trim (LibreOffice's "Trim spaces", Sheets), so the first character alone is not enough.
 */
const FORMULA_TRIGGER = /^(?:[\t\r\0]|\s*[=+\-@])/;

/** Prefixes an apostrophe when a spreadsheet would otherwise treat the cell as a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/** Quotes a field only when RFC 4180 requires it. */
export function quoteCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface ExportCsvOptions {
  /**
   * Start with a UTF-8 byte order mark. Excel, opening a double-clicked .csv, reads it as UTF-8 only
   * with one (else curly quotes and "·" come out garbled), so the export files have it
   * (`EXPORT_FORMATS.csv`); off by default here for callers that want plain RFC 4180 text.
   */
  bom?: boolean;
}

function rowFor(mention: Mention, claim: Claim | undefined): Record<CsvColumn, string> {
  const facts = claimFacts(claim);
  return {
    page_url: mention.pageUrl,
    page_title: mention.pageTitle,
    claim_id: mention.claimId,
    kind: facts.kind,
    status: facts.status,
    status_date: facts.statusDate,
    actor: facts.actor,
    quote: exportedText(mention.anchor.exact),
    prefix: exportedText(mention.anchor.prefix),
    suffix: exportedText(mention.anchor.suffix),
    start: String(mention.anchor.start),
    end: String(mention.anchor.end),
    note: mention.note?.text ?? '',
    wrong_match: mention.wrongMatch?.flagged ? 'true' : 'false',
    first_seen: mention.firstSeen,
    last_seen: mention.lastSeen,
  };
}

function encodeRow(cells: readonly string[]): string {
  return cells.map(quoteCsvField).join(',') + '\r\n';
}

/**
 * Every mention given becomes a row, wrong matches included (the `wrong_match` column says which);
 * filter beforehand with `filterMentions` to leave them out.
 */
export function exportCsv(
  mentions: readonly Mention[],
  claimsById: ReadonlyMap<string, Claim>,
  options: ExportCsvOptions = {},
): string {
  let out = options.bom ? '\uFEFF' : '';
  out += encodeRow(CSV_COLUMNS);
  for (const mention of mentions) {
    const row = rowFor(mention, claimsById.get(mention.claimId));
    out += encodeRow(
      CSV_COLUMNS.map((column) => (NUMERIC_COLUMNS.has(column) ? row[column] : neutraliseFormula(row[column]))),
    );
  }
  return out;
}
