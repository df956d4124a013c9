/**
 * A human-readable Markdown report for notes apps, opening with YAML front matter, grouped by claim: each
 * claim once (a heading of its actor, instrument and id, then its statement, its label, its status as of the day it was checked, what replaced it, its actor and
 * sources), then the pages it was found on, each page once as a linked heading, and under it every
 * mention there: the quote, the reader's note, whether it was flagged, the days seen. (Grouped by page alone, a claim met five times printed its statement,
 * actor and sources five times.)
 *
 * Everything that came from a page (titles, quotes) or from the user (notes) is escaped so it renders
 * as literal text: a page must not be able to plant links, images or raw HTML in a report the user
 * might paste into a wiki or render in a previewer. The only links are ones we build ourselves: the
 * page the reader read (http or https, as it was) and the claim's sources (https only).
 */
import { replacingClaims } from '../claims/replacing-claims';
import type { Claim } from '../claims/schema';
import { claimStatusLine, kindWithGrade } from '../format/claim-labels';
import { authorList } from '../format/author-list';
import { formatCalendarDate, formatDay } from '../format/dates';
import { withSuperscriptPowers } from '../format/superscript-powers';
import { POSSIBLE_MATCH_LINE, primarySource } from './claim-facts';
import { citedPage } from './citation-title';
import { BIDI_CONTROL_CLASS, exportedText } from './exported-text';
import { groupByClaim, pageTitleOf } from './group-by-page';
import { latestPageCitation, type PageCitation } from './page-citation';
import type { Mention } from './schema';
import { readableQuote } from './readable-quote';
import { safeLinkUrl } from '../sites/url';

export interface ExportMarkdownOptions {
  /** ISO date-time of the export, printed in the header. */
  generatedAt: string;
  /** Mentions the user flagged as wrong matches are left out unless this is true. */
  includeWrongMatches?: boolean;
  /** How many the caller left out before (its filter hid wrong matches); added to those `includeWrongMatches` leaves out. */
  leftOutWrongMatches?: number;
}

/**
 * Control characters, and the bidi controls (`BIDI_CONTROL_CLASS`): a page title's U+202E would turn
 * round the rest of its line, our own words and the link after it included.
 */
const CONTROL_CHARS = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${BIDI_CONTROL_CLASS}]`, 'g');

/**
 * Characters that start inline constructs wherever they stand: emphasis, code, links, raw HTML,
 * tables, strikethrough, headings and tags (`#`, also Obsidian's and Logseq's tags), macros (Logseq's
 * `{{…}}`), math (Obsidian's and Logseq's `$…$`), block ids (Obsidian's `^id`) and e-mail autolinks
 * (`@`). Backslash comes first so we never escape our own escapes. Not `(`, `)` or `!`: with `[`
 * escaped no link or image can start (a `(` right after `]` is escaped all the same), and a notes
 * app shows the backslashes of `\(` while editing.
 */
const INLINE_SPECIALS = /[\\`*_{}[\]<>|~#@$^]/g;

/**
 * Constructs of two or more of a character: Logseq's block references `((…))`, Obsidian's and
 * Logseq's highlights `==…==`, Obsidian's comments `%%…%%` (which hide the words after them) and
 * Logseq's properties `key:: value`. One of them alone ("5%", "a = b", "(see above)") is ordinary
 * text and is left as it is.
 */
const DOUBLED_MARKERS = /\({2,}|={2,}|%{2,}|:{2,}/g;

/** What a note (the reader's own words) keeps as written: Obsidian and Logseq tags (`#preparedness`) and wiki links (`[[Acme]]`, `[[Acme|alias]]`; not an embed, `![[…]]`, which would pull a file of the vault into the report). */
const NOTE_SYNTAX = /((?<!!)\[\[[^[\]\n|#^<>`\\$]+(?:\|[^[\]\n|#^<>`\\$]+)?\]\]|(?<=^|\s)#[\p{L}_][\p{L}\p{N}_/-]*)/u;

/** Escapes text inside a line: the inline specials, the doubled markers, entities and GFM's bare-URL autolinks (`https://…`, `www.…`). */
function escapeInline(text: string): string {
  return text
    .replace(INLINE_SPECIALS, '\\$&')
    .replace(DOUBLED_MARKERS, (run) => run.replace(/./g, '\\$&'))
    // Belt and braces for a renderer that ignores the escaped bracket: no "](" at all.
    .replace(/\\\]\(/g, '\\]\\(')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.');
}

/**
 * Escapes one line of untrusted text (`escapeInline`), and the constructs that only count at the
 * start of a line (lists, block quotes, setext underlines, indented code).
 * @param keepNoteSyntax leave `NOTE_SYNTAX` (tags, wiki links) as written: only for the reader's notes
 */
function escapeLine(line: string, keepNoteSyntax = false): string {
  const clean = line.replace(CONTROL_CHARS, '').replace(/\t/g, ' ').trim();
  // split() with a capturing group: the odd entries are the kept tags and links. A "(" right after a
  // kept "[[x]]" is escaped: CommonMark reads "[[x]](javascript:…)" as a link whose text is "[x]".
  const parts = keepNoteSyntax ? clean.split(NOTE_SYNTAX) : [clean];
  const out = parts
    .map((part, index) => {
      if (index % 2 === 1) return part;
      const escaped = escapeInline(part);
      return index > 0 && escaped.startsWith('(') ? `\\${escaped}` : escaped;
    })
    .join('');
  return out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Untrusted text on one line (headings, list items): line breaks become spaces. */
export function escapeMarkdownText(text: string): string {
  return escapeLine(text.replace(/\r\n?|\n/g, ' ').replace(/ {2,}/g, ' '));
}

function lines(text: string): string[] {
  return text.split(/\r\n?|\n/);
}

/** Untrusted multi-line text as a block quote; blank lines stay inside the quote. */
function blockQuote(text: string): string {
  return lines(text)
    .map((line) => {
      const escaped = escapeLine(line);
      return escaped ? `> ${escaped}` : '>';
    })
    .join('\n');
}

/** The reader's note inside a list item (its tags and wiki links kept): backslash hard breaks, continuation lines indented. */
function noteText(text: string): string {
  return lines(text)
    .map((line) => escapeLine(line, true))
    .filter((line) => line !== '')
    .join('\\\n  ');
}

/**
 * A plain link destination, `[…](https://…)`, which every notes app reads (not all read CommonMark's
 * `<…>` form): the parsed URL with backslash and parentheses percent-encoded (a backslash escapes, an
 * unbalanced parenthesis ends the destination: Wikipedia's addresses have them), or undefined when
 * anything could still end it early (a parsed URL never holds `<`, `>` or whitespace; checked all the same).
 */
function destination(href: string | undefined): string | undefined {
  const escaped = href?.replace(/\\/g, '%5C').replace(/\(/g, '%28').replace(/\)/g, '%29');
  return escaped === undefined || /[<>\s]/.test(escaped) ? undefined : escaped;
}

/** A link destination we are willing to emit for a claim's source: https only. */
export function safeHttpsUrl(raw: string): string | undefined {
  return destination(safeLinkUrl(raw));
}

/**
 * A link destination for the page the reader read: http or https (a page read over plain http is
 * still the page; any other scheme, `javascript:`, `data:`, `file:`, is no link to click in notes).
 */
export function safePageUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? destination(url.href) : undefined;
  } catch {
    return undefined;
  }
}

/** Shows a string verbatim without letting it become a link: a code span with a long enough fence. */
function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** `[text](href)` with the text escaped; the text alone when there is no href. */
function link(text: string, href: string | undefined): string {
  const label = escapeMarkdownText(text);
  return href ? `[${label}](${href})` : label;
}

/**
 * The page's title as a link to it, as a heading at `level` (`###` under a claim); a page with no
 * http(s) address shows that address as code, not as a link.
 */
function pageHeading(mention: Mention, title: string, level: string): string {
  const shown = title.trim() || 'Untitled page';
  const href = safePageUrl(mention.pageUrl);
  if (href) return `${level} ${link(shown, href)}`;
  return `${level} ${escapeMarkdownText(shown)}\n\nPage: ${codeSpan(mention.pageUrl)}`;
}

/** "The Verge · By Jane Doe and John Roe · Published 24 Feb 2026" under a page's heading, when its site, authors or date are known. */
function pageByline(citation: PageCitation | undefined, site: string | undefined): string | undefined {
  const parts = [
    ...(site ? [escapeMarkdownText(site)] : []),
    ...(citation?.authors ? [`By ${escapeMarkdownText(authorList(citation.authors))}`] : []),
    ...(citation?.published ? [`Published ${escapeMarkdownText(formatCalendarDate(citation.published))}`] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** "28 Nov 2026 to 30 Nov 2026", or one day: the UTC days, as the history shows them (the W3C and CSV files keep the instants). */
function seenDays(mention: Mention): string {
  const [first, last] = [mention.firstSeen, mention.lastSeen].map((instant) => escapeMarkdownText(formatDay(instant.slice(0, 10))));
  return first === last ? first! : `${first} to ${last}`;
}

/**
 * "Source: …" (the primary source the label rests on, first and alone: a claim can list seven) and
 * "Other sources: …" (the rest, in the claim set's order), each linked over https only. An untitled
 * primary source is named by its host.
 */
function sourceItems(claim: Claim): string[] {
  const primary = primarySource(claim);
  const items: string[] = [];
  if (primary) {
    let name = primary.title;
    try {
      name ||= new URL(primary.url).hostname;
    } catch {
      name ||= primary.url;
    }
    items.push(`Source: ${link(name, safeHttpsUrl(primary.url))}`);
  }
  const others = claim.sources.filter((source) => source.url !== primary?.url);
  if (others.length > 0) items.push(`Other sources: ${others.map((source) => link(source.title, safeHttpsUrl(source.url))).join(', ')}`);
  return items;
}

/**
 * "In its place: …": the statements of the claims that replaced this one (`replacedBy`) that the loaded claims hold,
 * as the card shows them (two or more as a nested list); undefined when there are none. A report pasted into notes months later says what stands now.
 */
function replacementItem(claim: Claim, claimsById: ReadonlyMap<string, Claim>): string | undefined {
  const statements = replacingClaims(claim, claimsById).map((replacement) => escapeMarkdownText(withSuperscriptPowers(replacement.statement)));
  if (statements.length === 0) return undefined;
  // Several statements, each ending in its own full stop, are a nested list: joined by "; " they read ".; " (report 53).
  return statements.length === 1 ? `In its place: ${statements[0]}` : `In its place:${statements.map((statement) => `\n  - ${statement}`).join('')}`;
}

/**
 * A claim once: a short heading (its actor, its instrument, its id: a notes app's outline and heading links stay
 * usable, where whole statements of 260-570 characters made them useless, a new user's report 49), then its
 * statement, its label and status (with the day the claim set last checked it: a status read in a report later is
 * as of then), what replaced it, its actor and its sources.
 */
function claimBlock(claimId: string, claim: Claim | undefined, claimsById: ReadonlyMap<string, Claim>, today: string): string {
  if (!claim) return `## Unknown claim ${codeSpan(claimId)}\n\nNot in the loaded claim set.`;
  const replacement = replacementItem(claim, claimsById);
  const items = [
    `**${kindWithGrade(claim.kind, claim.force)}** · ${claimStatusLine(claim, today)} (status as of ${formatDay(claim.reviewedAt)})`,
    ...(replacement ? [replacement] : []),
    `Actor: ${escapeMarkdownText(claim.actor.name)}`,
    ...sourceItems(claim),
  ];
  const named = [claim.actor.name, claim.instrument?.name].filter((name): name is string => name !== undefined).map(escapeMarkdownText).join(' — ');
  return `## ${named} (${escapeMarkdownText(claim.id)})\n\n${escapeMarkdownText(withSuperscriptPowers(claim.statement))}\n\n${items.map((item) => `- ${item}`).join('\n')}`;
}

/**
 * YAML front matter for notes apps (Obsidian's properties, Logseq's and Pandoc's metadata): the export's time, the
 * claims it holds by id (to link or deduplicate across exports in a vault) and a tag. Every value is a JSON string,
 * which YAML reads as a double-quoted scalar: an imported claim id cannot close the block or add a key.
 */
function frontMatter(generatedAt: string, claimIds: readonly string[]): string {
  const list = (values: readonly string[]) => (values.length > 0 ? values.map((value) => `\n  - ${JSON.stringify(value)}`).join('') : ' []');
  return ['---', `title: ${JSON.stringify('Pledge Lens annotations')}`, `exported: ${JSON.stringify(generatedAt)}`, `claims:${list(claimIds)}`, `tags:${list(['pledge-lens'])}`, '---'].join('\n');
}

/** One mention under its page: the quote, then the reader's note, the flag and the days seen. */
/** An embed's address (`Mention.frameUrl`) as a link over http(s), else as code. */
function embedAddress(frameUrl: string): string {
  const href = safePageUrl(frameUrl);
  return href ? link(frameUrl, href) : codeSpan(frameUrl);
}

function mentionBlock(mention: Mention): string {
  const items: string[] = [];
  if (mention.note && mention.note.text.trim() !== '') items.push(`Note: ${noteText(mention.note.text)}`);
  if (mention.wrongMatch?.flagged) items.push('Flagged as a wrong match');
  if (mention.possible) items.push(POSSIBLE_MATCH_LINE);
  if (mention.frameUrl !== undefined) items.push(`In an embed: ${embedAddress(mention.frameUrl)}`);
  items.push(`Seen: ${seenDays(mention)}`);
  return `${blockQuote(exportedText(readableQuote(mention)))}\n\n${items.map((item) => `- ${item}`).join('\n')}`;
}

/** "22 Nov 2026, 10:00 UTC": the moment of the export as a reader reads it (the file name has it in local time). */
function exportedWhen(generatedAt: string): string {
  const when = new Date(generatedAt);
  if (Number.isNaN(when.getTime())) return escapeMarkdownText(generatedAt);
  const iso = when.toISOString();
  return `${formatDay(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/** ", 1 of them marked as a wrong match" when the file holds any: a reader who chose to include them sees it at the top. */
function flaggedNote(mentions: readonly Mention[]): string {
  const flagged = mentions.filter((mention) => mention.wrongMatch?.flagged === true).length;
  if (flagged === 0) return '';
  return `, ${flagged} of them marked as ${flagged === 1 ? 'a wrong match' : 'wrong matches'}`;
}

/** " 2 mentions you marked as wrong matches were left out." when any were: the file says what it does not hold. */
function leftOutNote(leftOut: number): string {
  if (leftOut <= 0) return '';
  return leftOut === 1 ? ' 1 mention you marked as a wrong match was left out.' : ` ${leftOut} mentions you marked as wrong matches were left out.`;
}

export function exportMarkdown(
  mentions: readonly Mention[],
  claimsById: ReadonlyMap<string, Claim>,
  options: ExportMarkdownOptions,
): string {
  const kept = options.includeWrongMatches ? mentions : mentions.filter((mention) => !mention.wrongMatch?.flagged);
  const claims = groupByClaim(kept);
  const pageCount = new Set(kept.map((mention) => mention.pageUrl)).size;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    frontMatter(options.generatedAt, claims.map((claim) => claim.claimId)),
    '# Pledge Lens annotations',
    `Exported ${exportedWhen(options.generatedAt)}: ${count(kept.length, 'mention')} of ${count(claims.length, 'claim')} on ${count(pageCount, 'page')}${flaggedNote(kept)}.${leftOutNote((options.leftOutWrongMatches ?? 0) + mentions.length - kept.length)}`,
  ];
  for (const { claimId, pages } of claims) {
    parts.push(claimBlock(claimId, claimsById.get(claimId), claimsById, options.generatedAt.slice(0, 10)));
    for (const page of pages) {
      const citation = latestPageCitation(page);
      const cited = citedPage(pageTitleOf(page), page[0]!.pageUrl, citation);
      parts.push(pageHeading(page[0]!, cited.title, '###'));
      const byline = pageByline(citation, cited.site);
      if (byline) parts.push(byline);
      for (const mention of page) parts.push(mentionBlock(mention));
    }
  }
  return parts.join('\n\n') + '\n';
}
