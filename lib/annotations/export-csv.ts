/**
 * CSV export for spreadsheets: RFC 4180 (CRLF records, fields quoted when they hold a comma, quote,
 * CR or LF, embedded quotes doubled), one header row, one row per mention.
 *
 * Quote, prefix and suffix are written as the reader sees them (`exportedText`: a block boundary is
 * one line feed); `start` and `end` are UTF-16 offsets into the page's text as Pledge Lens read it (into the embed's
 * text when `frame_url` names one).
 *
 * Page text is attacker-controlled, and spreadsheets execute cells that start with `=`, `+`, `-` or
 * `@` as formulas (OWASP "CSV injection"). Text cells starting with one of those, or with a tab or
 * CR, get a leading apostrophe so they display as text. Numeric columns are written by us and never
 * need it. Every other column, the claim's statement and source from a claim pack the reader may
 * have imported included, goes through the same defence.
 */
import type { Claim } from '../claims/schema';
import { claimStatusLine, kindWithGrade } from '../format/claim-labels';
import { claimFacts, primarySource } from './claim-facts';
import { exportedText, withoutBidiControls } from './exported-text';
import type { Mention } from './schema';
import { readableQuote } from './readable-quote';

/**
 * A row stands alone in a spreadsheet: the claim (id, its label and status in words and as tokens,
 * actor, statement, the primary source its label rests on), then the page and the quote in its
 * context (`page_site`: the site's or journal's name as the page's metadata gave it; `page_published`: the
 * page's day, month or year as its metadata gave it, "2026-02-24";
 * `page_authors`: its authors' names, "; " between them; `frame_url`: the embed in the page the quote is in, empty
 * when it is in the page itself), then the reader's note and flag. The `kind`/`force`/`status` tokens stay for filtering
 * by value; `label` ("Binding commitment (self-imposed)") and `status_label` are the words the card and the popup use.
 */
export const CSV_COLUMNS = [
  'claim_id',
  'label',
  'status_label',
  'kind',
  'force',
  'status',
  'status_date',
  'actor',
  'statement',
  'source_title',
  'source_url',
  'page_url',
  'page_title',
  'page_site',
  'page_published',
  'page_authors',
  'frame_url',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'note',
  'wrong_match',
  'possible_match',
  'first_seen',
  'last_seen',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The `label` of a mention whose claim is no longer in the loaded claim set (a pack was removed, an id renamed). */
export const UNKNOWN_CLAIM_LABEL = 'Unknown claim (not in the loaded claim set)';

const NUMERIC_COLUMNS: ReadonlySet<CsvColumn> = new Set<CsvColumn>(['start', 'end']);

/**
 * A cell a spreadsheet could read as a formula (OWASP CSV injection; ASVS 1.2.10): one that opens with a
 * tab, carriage return or NUL (OWASP's and ASVS's lists), or whose first non-blank character is `=`, `+`, `-` or `@`. A
 * cell can open with a line feed (an export renders a block boundary as "\n") or with spaces, which an
 * import may trim (LibreOffice's "Trim spaces", Sheets), so the first character alone is not enough.
 */
const FORMULA_TRIGGER = /^(?:[\t\r\0]|\s*[=+\-@])/;

/**
 * A trigger after a semicolon, a tab or a line break: Excel in locales whose list separator is ";" (German, French
 * and more) splits a line of this comma file there, quotes or not, so "x;=WEBSERVICE(…);y" in a page title made a
 * cell opening with "=" (attack report 46, finding 6); read that way, a line break inside a quoted cell starts a
 * row, so "…\n=2+3" in a quote was a formula in LibreOffice (attack report 48, finding 5).
 */
const SEPARATED_TRIGGER = /([;\t\r\n]\s*)([=+\-@])/g;

/** A character after which `SEPARATED_TRIGGER` looks: most cells have none and are left as they are. */
const SEPARATOR = /[;\t\r\n]/;

/**
 * Prefixes an apostrophe when a spreadsheet would otherwise treat the cell as a formula, and puts one after any
 * semicolon, tab or line break followed by a trigger, where a spreadsheet splitting differently would start a cell.
 */
export function neutraliseFormula(value: string): string {
  const inner = SEPARATOR.test(value) ? value.replace(SEPARATED_TRIGGER, "$1'$2") : value;
  return FORMULA_TRIGGER.test(inner) ? `'${inner}` : inner;
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
  /** The day of the export, YYYY-MM-DD (default: today, UTC): a law whose duties start after it says so in `status_label`. */
  today?: string;
}

/** The claim's columns; a claim no longer in the claim set says so in its label and leaves the rest empty. */
function claimCells(claim: Claim | undefined, today: string): Pick<Record<CsvColumn, string>, 'label' | 'status_label' | 'statement' | 'source_title' | 'source_url'> {
  if (!claim) return { label: UNKNOWN_CLAIM_LABEL, status_label: '', statement: '', source_title: '', source_url: '' };
  const source = primarySource(claim);
  return {
    label: kindWithGrade(claim.kind, claim.force),
    status_label: claimStatusLine(claim, today),
    statement: claim.statement,
    source_title: source?.title ?? '',
    source_url: source?.url ?? '',
  };
}

function rowFor(mention: Mention, claim: Claim | undefined, today: string): Record<CsvColumn, string> {
  const facts = claimFacts(claim);
  return {
    claim_id: mention.claimId,
    ...claimCells(claim, today),
    kind: facts.kind,
    force: facts.force,
    status: facts.status,
    status_date: facts.statusDate,
    actor: facts.actor,
    page_url: mention.pageUrl,
    page_title: mention.pageTitle,
    page_site: mention.pageCitation?.site ?? '',
    page_published: mention.pageCitation?.published ?? '',
    page_authors: (mention.pageCitation?.authors ?? []).join('; '),
    frame_url: mention.frameUrl ?? '',
    quote: exportedText(readableQuote(mention)),
    prefix: exportedText(mention.anchor.prefix),
    suffix: exportedText(mention.anchor.suffix),
    start: String(mention.anchor.start),
    end: String(mention.anchor.end),
    note: mention.note?.text ?? '',
    wrong_match: mention.wrongMatch?.flagged ? 'true' : 'false',
    possible_match: mention.possible ? 'true' : 'false',
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
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  for (const mention of mentions) {
    const row = rowFor(mention, claimsById.get(mention.claimId), today);
    out += encodeRow(
      // A spreadsheet draws a cell's text as it comes: no bidi control may reorder it (withoutBidiControls).
      CSV_COLUMNS.map((column) => (NUMERIC_COLUMNS.has(column) ? row[column] : neutraliseFormula(withoutBidiControls(row[column])))),
    );
  }
  return out;
}
