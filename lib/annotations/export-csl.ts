/**
 * CSL-JSON export for reference managers and citation tools (Zotero, Pandoc, citeproc): a JSON array
 * of CSL items, one per annotated page, typed `webpage` (true of every page Pledge Lens reads; we cannot
 * tell a newspaper from a blog or a company's post), with the page's title and its site (the name its
 * metadata gives the site, else the site's name the title ends with, split off it by `citationTitle`,
 * else the host),
 * its address and the day it was last read (`accessed`), and every annotation on it in the item's
 * `note`. One item per page, not per annotation: a reference library holds works to cite, and the
 * annotations are what the reader found in one work; an item per quote would put the same article
 * into the library once per highlight. The page's publication day (`issued`) and authors (`author`)
 * are written when its metadata gave them (page-citation.ts); a name is split into given and family
 * names only when it reads as one person's (see `cslName`), else kept whole (`literal`), as
 * "Reuters Staff" or "The Editorial Board" must be.
 *
 * Zotero reads `note` into the item's Extra field, plain text (no HTML), where a line that opens
 * with a letter and holds a colon ("Type: book", "URL: …", "Issued: 1900") is read as a field of the
 * item, and citeproc reads Extra's "name: value" lines as CSL variables when it cites. So every line
 * of the note opens with a mark of ours (—, “, ·, ⋮), never with the page's or the reader's words.
 * citeproc-js, Pandoc and Zotero's title field read a few HTML-like tags in any CSL string (`<i>`,
 * `<b>`, `<sup>`, `<sub>`, `<sc>`, `<span …>`), and an app that shows `note` as an HTML note would
 * read any tag: the "<" that would open a tag, a comment or a closing tag is written as "＜"
 * (U+FF1C), so a page cannot set its words in small capitals or superscript in a bibliography, nor
 * add markup to a note. A "<" before a space or digit ("a < b", "<5%") stays as it is.
 * Bidi controls are dropped (a title's U+202E would turn round the rest of its line in Zotero).
 */
import type { Claim } from '../claims/schema';
import { claimStatusLine, kindWithGrade } from '../format/claim-labels';
import { formatDay } from '../format/dates';
import { citedPage } from './citation-title';
import { earlierInstant, laterInstant, POSSIBLE_MATCH_LINE, primarySource } from './claim-facts';
import { exportedText, oneLine, withoutBidiControls } from './exported-text';
import { groupByPage, pageTitleOf } from './group-by-page';
import { latestPageCitation } from './page-citation';
import type { Mention } from './schema';
import { readableQuote } from './readable-quote';
import { pageSlug } from '../sites/url';
import { NOT_A_PERSON, PARTICLES, invertedName } from '../format/person-name';

/** A CSL date: `[[year, month, day]]`, `[[year, month]]` or `[[year]]`, as the CSL-JSON schema's `date-parts`. */
export interface CslDate {
  'date-parts': [[number, number?, number?]];
}

/**
 * A CSL name: a person's given and family names (with a particle such as "van" or "de" and a suffix such
 * as "Jr." in their own fields, as citeproc sorts and abbreviates them), or a name kept whole.
 */
export type CslName =
  | { given: string; family: string; 'non-dropping-particle'?: string; suffix?: string }
  | { literal: string };

/** The CSL-JSON fields this export writes (the schema's names: `container-title`, `URL` in capitals). */
export interface CslItem {
  /** Unique in the file and usable as a Pandoc citation key: `news.example.com-2026-11-25`, `…-2` on a second page. */
  id: string;
  type: 'webpage';
  title: string;
  /**
   * The site: its name as the page's metadata gives it (`og:site_name`, a journal's title), else as the page's title
   * writes it ("The Verge", `citationTitle`), else the page's host without "www."; absent for none.
   */
  'container-title'?: string;
  /** The page's http(s) address; absent for any other scheme (the note then gives the address). */
  URL?: string;
  /** Who wrote the page, as its metadata names them; absent when it does not. */
  author?: CslName[];
  /** The page's publication day (or month, or year) as its metadata gives it; absent when it does not. */
  issued?: CslDate;
  /** The UTC day the page was last read with a mention on it. */
  accessed: CslDate;
  /** The annotations, as plain text lines (see the module comment). */
  note: string;
}

export interface ExportCslOptions {
  /** ISO date-time of the export, in the note's first line. */
  generatedAt: string;
}

/** C0 and C1 controls but line feed and tab: JSON would carry them, and Zotero would show them as boxes. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** A "<" that opens a tag (`<i>`, `</b>`, `<span`), a comment (`<!--`) or a processing instruction (`<?`). */
const TAG_OPEN = /<(?=[a-z/!?])/gi;

/** Page, claim or note text as CSL data: no bidi controls, no control characters, no tag. */
export function cslText(text: string): string {
  return withoutBidiControls(text).replace(CONTROL_CHARS, '').replace(TAG_OPEN, '\uFF1C');
}

/** `cslText` on one line (`oneLine`): every run of whitespace, line breaks included, as one space. */
function cslLine(text: string): string {
  return oneLine(cslText(text));
}

/** The UTC day of an ISO date-time as CSL date parts. */
function cslDay(instant: string): CslDate {
  const day = new Date(instant);
  return { 'date-parts': [[day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]] };
}

/** A stored publication date ("2026-02-24", "2026-02", "2026") as CSL date parts. */
function cslIssued(published: string): CslDate {
  const [year, month, day] = published.split('-').map(Number);
  return { 'date-parts': [[year!, ...(month === undefined ? [] : [month]), ...(day === undefined ? [] : [day])] as [number, number?, number?]] };
}

/** A title before a person's name ("Dr Brianna Rosen"): a bibliography leaves it out (APA: "Rosen, B."), and read as a given name it made "Rosen, D. B." (a new user's report 51). */
const HONORIFIC = /^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame|rev|hon)\.?$/i;
/** What follows a family name ("Martin Luther King Jr."). */
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;

/**
 * A name as CSL writes it. "Jane Q. Doe" gives given "Jane Q.", family "Doe" (a title before it, "Dr", is left
 * out); "Vincent van Gogh" keeps
 * "van" as the family name's particle; "Martin Luther King Jr." keeps its suffix. Anything that does
 * not read as one person's name (one word, five or more, "The …", a digit, a word in capitals, a desk or
 * organisation word, a comma other than the family-name-first form's, see `invertedName`) is kept whole as
 * `literal`: a wrong split would be cited as a person.
 */
export function cslName(name: string): CslName {
  const whole = cslLine(name);
  const inverted = invertedName(whole);
  if (inverted) return { given: inverted.given, family: inverted.family, ...(inverted.particle !== undefined && { 'non-dropping-particle': inverted.particle }) };
  const words = whole.split(' ');
  while (words.length > 2 && HONORIFIC.test(words[0]!)) words.shift();
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1]!)) suffix = words.pop();
  const personLike =
    words.length >= 2 && words.length <= 4 && !/^(?:the|a|an)$/i.test(words[0]!) && !/[\d,;:@&/()]/.test(whole) && !NOT_A_PERSON.test(whole) &&
    words.every((word) => PARTICLES.has(word) || (/^\p{Lu}/u.test(word) && !/^\p{Lu}{2,}$/u.test(word.replace(/\.$/, ''))));
  if (!personLike) return { literal: whole };
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has(words[familyStart - 1]!)) familyStart -= 1;
  const given = words.slice(0, familyStart).join(' ');
  if (PARTICLES.has(words[0]!) || given === '') return { literal: whole };
  const family = words[words.length - 1]!;
  const particle = words.slice(familyStart, words.length - 1).join(' ');
  return { given, family, ...(particle !== '' && { 'non-dropping-particle': particle }), ...(suffix !== undefined && { suffix }) };
}

/**
 * The page's address as parsed (`href`: a stored address's "<" or space percent-encoded), its host
 * without "www." ('' for none), and whether it is a web address (http or https).
 */
function pageAddress(pageUrl: string): { href: string; web: boolean; host: string } {
  try {
    const url = new URL(pageUrl);
    return { href: url.href, web: url.protocol === 'http:' || url.protocol === 'https:', host: url.hostname.replace(/^www\./, '') };
  } catch {
    return { href: pageUrl, web: false, host: '' };
  }
}

/** "20 Nov 2026 to 21 Nov 2026", or one day: UTC days, as the history shows them. */
function seenDays(mention: Mention): string {
  const [first, last] = [mention.firstSeen, mention.lastSeen].map((instant) => formatDay(new Date(instant).toISOString().slice(0, 10)));
  return first === last ? first! : `${first} to ${last}`;
}

/** One mention: its quote on a line of its own, then its facts, each line opening with "·" (a note's later lines with "⋮"). */
function mentionLines(mention: Mention, claim: Claim | undefined, today: string): string[] {
  const lines = [`“${cslLine(exportedText(readableQuote(mention)))}”`];
  if (claim) {
    lines.push(`· ${kindWithGrade(claim.kind, claim.force)} · ${claimStatusLine(claim, today)}`);
    lines.push(`· Claim by ${cslLine(claim.actor.name)}, as Pledge Lens summarises it: ${cslLine(claim.statement)}`);
    const source = primarySource(claim);
    if (source) {
      const title = cslLine(source.title);
      lines.push(`· Primary source: ${title ? `${title}, ` : ''}${cslLine(source.url)}`);
    }
  } else {
    lines.push(`· Unknown claim ${cslLine(mention.claimId)}, not in the loaded claim set`);
  }
  const note = (mention.note?.text ?? '')
    .split(/\r\n?|\n/)
    .map(cslLine)
    .filter((line) => line !== '');
  if (note.length > 0) lines.push(`· Your note: ${note[0]}`, ...note.slice(1).map((line) => `⋮ ${line}`));
  if (mention.wrongMatch?.flagged) lines.push('· Flagged as a wrong match');
  if (mention.possible) lines.push(`· ${POSSIBLE_MATCH_LINE}`);
  if (mention.frameUrl !== undefined) lines.push(`· In an embed: ${cslLine(mention.frameUrl)}`);
  lines.push(`· Seen ${seenDays(mention)} · Pledge Lens claim ${cslLine(mention.claimId)}`);
  return lines;
}

/** "22 Nov 2026, 10:00 UTC". */
function exportedWhen(generatedAt: string): string {
  const when = new Date(generatedAt);
  if (Number.isNaN(when.getTime())) return cslLine(generatedAt);
  const iso = when.toISOString();
  return `${formatDay(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/** A citation key no earlier item has: the host (or "page"), the page's slug and the first day seen, then "-2", "-3"… */
function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The page's host as a citation key part: letters, digits, dots and hyphens, opening with a letter or digit. */
function keyPart(host: string): string {
  const safe = host.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '');
  return safe === '' ? 'page' : safe;
}

function pageItem(page: readonly Mention[], claimsById: ReadonlyMap<string, Claim>, generatedAt: string, taken: Set<string>): CslItem {
  const first = page[0]!;
  const { href, web, host } = pageAddress(first.pageUrl);
  // "Title | The Verge": the work's title, and the site's own name as the publication.
  const citation = latestPageCitation(page);
  const cited = citedPage(pageTitleOf(page), first.pageUrl, citation);
  const firstSeen = page.map((mention) => mention.firstSeen).reduce(earlierInstant);
  const lastSeen = page.map((mention) => mention.lastSeen).reduce(laterInstant);
  const header = [`— Pledge Lens annotations, exported ${exportedWhen(generatedAt)}`];
  if (!web) header.push(`— Address (not a web link) ${cslLine(href)}`);
  // (A law whose duties start after the day of the export says so: "Modified 27 Mar 2026; applies from 1 Jan 2027".)
  const blocks = [header, ...page.map((mention) => mentionLines(mention, claimsById.get(mention.claimId), generatedAt.slice(0, 10)))];
  return {
    id: uniqueId([keyPart(host), pageSlug(href), new Date(firstSeen).toISOString().slice(0, 10)].filter((part) => part !== '').join('-'), taken),
    type: 'webpage',
    title: cslLine(cited.title) || cslLine(href),
    ...((cited.site ?? host) !== '' && { 'container-title': cslLine(cited.site ?? host) }),
    ...(web && { URL: href }),
    ...(citation?.authors && { author: citation.authors.map(cslName) }),
    ...(citation?.published !== undefined && { issued: cslIssued(citation.published) }),
    accessed: cslDay(lastSeen),
    note: blocks.map((lines) => lines.join('\n')).join('\n\n'),
  };
}

/**
 * One CSL item per page (pages in the order their first mention was given, mentions in text order),
 * every mention given included: filter beforehand (a wrong match says so in the note).
 */
export function exportCsl(mentions: readonly Mention[], claimsById: ReadonlyMap<string, Claim>, options: ExportCslOptions): CslItem[] {
  const taken = new Set<string>();
  return groupByPage(mentions).map((page) => pageItem(page, claimsById, options.generatedAt, taken));
}
