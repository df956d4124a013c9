/**
 * A human-readable Markdown report, grouped by page.
 *
 * Everything that came from a page (titles, quotes) or from the user (notes) is escaped so it renders
 * as literal text: a page must not be able to plant links, images or raw HTML in a report the user
 * might paste into a wiki or render in a previewer. The only links are ones we build ourselves, and
 * only to https URLs.
 */
import type { Claim } from '../claims/schema';
import { KIND_LABEL, STATUS_LABEL } from '../format/claim-labels';
import type { Mention } from './schema';
import { safeLinkUrl } from '../sites/url';

export interface ExportMarkdownOptions {
  /** ISO date-time of the export, printed in the header. */
  generatedAt: string;
  /** Mentions the user flagged as wrong matches are left out unless this is true. */
  includeWrongMatches?: boolean;
}

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Characters that can start inline constructs anywhere in a line: emphasis, code, links, images,
 * raw HTML, entities, tables, strikethrough and heading closers. Backslash comes first so we never
 * escape our own escapes.
 */
const INLINE_SPECIALS = /[\\`*_{}[\]()!<>|~&#@]/g;

/**
 * Escapes one line of untrusted text. Besides the inline specials it defuses GFM's bare-URL
 * autolinks (`https://…`, `www.…`; `@` above covers e-mail) and the constructs that only count at
 * the start of a line (lists, block quotes, setext underlines, indented code).
 */
function escapeLine(line: string): string {
  let out = line.replace(CONTROL_CHARS, '').replace(/\t/g, ' ').trim();
  out = out.replace(INLINE_SPECIALS, '\\$&');
  out = out.replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\\.');
  out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
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

/** Untrusted multi-line text inside a list item: backslash hard breaks, continuation lines indented. */
function listItemText(text: string): string {
  return lines(text)
    .map(escapeLine)
    .filter((line) => line !== '')
    .join('\\\n  ');
}

/** A link destination we are willing to emit: https only, and nothing that could end `<…>` early. */
export function safeHttpsUrl(raw: string): string | undefined {
  const href = safeLinkUrl(raw);
  return href === undefined || /[<>\s]/.test(href) ? undefined : href;
}

/** Shows a string verbatim without letting it become a link: a code span with a long enough fence. */
function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function link(text: string, url: string): string {
  const safe = safeHttpsUrl(url);
  const label = escapeMarkdownText(text);
  return safe ? `[${label}](<${safe}>)` : label;
}

function pageHeading(mention: Mention): string {
  const title = mention.pageTitle.trim() || 'Untitled page';
  if (safeHttpsUrl(mention.pageUrl)) return `## ${link(title, mention.pageUrl)}`;
  return `## ${escapeMarkdownText(title)}\n\nPage: ${codeSpan(mention.pageUrl)}`;
}

function mentionBlock(mention: Mention, claim: Claim | undefined): string {
  const items: string[] = [];
  if (claim) {
    items.push(`**${KIND_LABEL[claim.kind]}** · ${STATUS_LABEL[claim.status]} since ${claim.statusDate}`);
    items.push(`Actor: ${escapeMarkdownText(claim.actor.name)}`);
    items.push(`Claim: ${escapeMarkdownText(claim.statement)}`);
  } else {
    items.push(`**Unknown claim** ${escapeMarkdownText(mention.claimId)}: not in the loaded claim set`);
  }
  if (mention.note && mention.note.text.trim() !== '') items.push(`Note: ${listItemText(mention.note.text)}`);
  if (mention.wrongMatch?.flagged) items.push('Flagged as a wrong match');
  if (claim && claim.sources.length > 0) {
    items.push(`Sources: ${claim.sources.map((source) => link(source.title, source.url)).join(', ')}`);
  }
  items.push(`Seen: ${escapeMarkdownText(mention.firstSeen)} to ${escapeMarkdownText(mention.lastSeen)}`);
  return `${blockQuote(mention.anchor.exact)}\n\n${items.map((item) => `- ${item}`).join('\n')}`;
}

/** Pages appear in the order their first mention was given; mentions within a page in text order. */
function groupByPage(mentions: readonly Mention[]): Mention[][] {
  const groups = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const group = groups.get(mention.pageUrl);
    if (group) group.push(mention);
    else groups.set(mention.pageUrl, [mention]);
  }
  return Array.from(groups.values(), (group) =>
    [...group].sort((a, b) => a.anchor.start - b.anchor.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  );
}

export function exportMarkdown(
  mentions: readonly Mention[],
  claimsById: ReadonlyMap<string, Claim>,
  options: ExportMarkdownOptions,
): string {
  const kept = options.includeWrongMatches ? mentions : mentions.filter((mention) => !mention.wrongMatch?.flagged);
  const pages = groupByPage(kept);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    '# Pledge Lens annotations',
    `Exported ${escapeMarkdownText(options.generatedAt)}: ${count(kept.length, 'mention')} on ${count(pages.length, 'page')}.`,
  ];
  for (const page of pages) {
    parts.push(pageHeading(page[0]!));
    for (const mention of page) parts.push(mentionBlock(mention, claimsById.get(mention.claimId)));
  }
  return parts.join('\n\n') + '\n';
}
