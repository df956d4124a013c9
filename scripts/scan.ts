/**
 * Command-line scanner: the extension's extraction and matcher, outside the browser.
 *   npm run --silent scan -- [--json] [--claims FILE] [--format w3c|csv|markdown] <file.html | file.txt | http(s)://url> ...
 * The formats are the export registry's (lib/annotations/export-formats.ts), as in the extension;
 * the W3C export gets exact code-point positions here, since the scanner has the page text.
 *
 * --json prints one object per input. Its `offsets` field names the unit of `start`/`end`:
 * "unicode-code-points" (an emoji counts one, as in the W3C Web Annotation model and in Python);
 * `utf16Start`/`utf16End` give the same span in UTF-16 code units (JavaScript string offsets).
 */
import { parseArgs } from 'node:util';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, isExportFormat } from '../lib/annotations/export-formats';
import { exportW3c, utf16ToCodePoint } from '../lib/annotations/export-w3c';
import { makeAnchor } from '../lib/annotations/make-anchor';
import { mentionId } from '../lib/annotations/mention-id';
import type { Mention } from '../lib/annotations/schema';
import type { ClaimKind } from '../lib/claims/schema';
import { compileClaimIndex } from '../lib/match/compile-index';
import { matchClaims } from '../lib/match/match-claims';
import { loadClaimSet } from './cli/load-claims';
import { InputError, loadInput } from './cli/load-input';

const USAGE = `usage: npm run --silent scan -- [--json] [--claims FILE] [--format ${EXPORT_FORMAT_IDS.join('|')}] <file.html | file.txt | http(s)://url> ...`;

function fail(message: string): never {
  process.stderr.write(`scan: ${message}\n`);
  process.exit(2);
}

// A reader that stops reading (`| head`) closes the pipe: the scan's output is no longer wanted, so it ends quietly
// rather than with a stack trace for the EPIPE (a new user's report 54).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** The kinds as the table prints them, one width (a refusal is no target: the new-user trial read "TARGET declined"). */
const TABLE_KIND: Readonly<Record<ClaimKind, string>> = { 'binding-commitment': 'BINDING', 'announced-target': 'TARGET ', 'no-commitment': 'NONE   ' };

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean' }, claims: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length === 0) fail(`no input given\n${USAGE}`);
  const format = values.format;
  if (format !== undefined && !isExportFormat(format)) fail(`unknown --format "${format}" (use ${EXPORT_FORMAT_IDS.join(', ')})`);

  let claimSet;
  try {
    claimSet = await loadClaimSet(values.claims);
  } catch (error) {
    fail((error as Error).message);
  }
  const index = compileClaimIndex(claimSet.claims, claimSet.version);
  const claims = new Map(claimSet.claims.map((claim) => [claim.id, claim]));
  const mentions: Mention[] = [];
  const pageTexts = new Map<string, string>();
  const now = new Date().toISOString();
  let failures = 0;

  // The table's id column is as wide as the longest id in the set, so the offsets and text line up whatever the page's ids.
  const idWidth = Math.max(...[...claims.keys()].map((id) => id.length));

  for (const input of positionals) {
    let loaded;
    try {
      loaded = await loadInput(input);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`scan: ${error.message}\n`);
      failures++;
      continue;
    }
    const matches = matchClaims(loaded.text, index, { pageTitle: loaded.title }).map((match) => {
      const claim = claims.get(match.claimId)!;
      return { claimId: match.claimId, kind: claim.kind, status: claim.status, start: match.start, end: match.end, text: loaded.text.slice(match.start, match.end), score: match.score, possible: match.possible === true };
    });
    if (format) {
      pageTexts.set(loaded.url, loaded.text);
      for (const match of matches) {
        const anchor = makeAnchor(loaded.text, match.start, match.end);
        mentions.push({
          id: mentionId(loaded.url, match.claimId, anchor.exact, anchor.prefix, anchor.suffix),
          pageUrl: loaded.url,
          pageTitle: loaded.title,
          ...(loaded.pageCitation && { pageCitation: loaded.pageCitation }),
          claimId: match.claimId,
          anchor,
          firstSeen: now,
          lastSeen: now,
        });
      }
    } else if (values.json) {
      const inCodePoints = matches.map(({ start, end, ...rest }) => ({
        ...rest,
        start: utf16ToCodePoint(loaded.text, start),
        end: utf16ToCodePoint(loaded.text, end),
        utf16Start: start,
        utf16End: end,
      }));
      process.stdout.write(`${JSON.stringify({ input, claimSetVersion: claimSet.version, offsets: 'unicode-code-points', matches: inCodePoints })}\n`);
    } else {
      process.stdout.write(`${input}: ${matches.length} ${matches.length === 1 ? 'match' : 'matches'} (claim set ${claimSet.version})\n`);
      for (const match of matches) {
        const label = TABLE_KIND[match.kind];
        const snippet = match.text.replace(/\s+/g, ' ');
        process.stdout.write(`  ${label} ${match.status.padEnd(10)} ${match.score.toFixed(2)}${match.possible ? '?' : ' '} ${match.claimId.padEnd(idWidth)}  ${`${match.start}-${match.end}`.padEnd(11)} ${snippet.length > 90 ? `${snippet.slice(0, 87)}...` : snippet}\n`);
      }
    }
  }

  if (format === 'w3c') {
    const collection = exportW3c(mentions, claims, { generatedAt: now, includeWrongMatches: true, pageText: (mention) => pageTexts.get(mention.pageUrl) });
    process.stdout.write(`${JSON.stringify(collection, null, 2)}\n`);
  } else if (format) process.stdout.write(EXPORT_FORMATS[format].serialise(mentions, claims, now));
  if (failures > 0) process.exit(2);
}

await main();
