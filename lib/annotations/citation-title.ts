/**
 * A page's `<title>` as a citation wants it: the work's title apart from the site's name. Outlets
 * append their name to every title ("Anthropic drops its pause pledge | The Verge", "… - BBC News",
 * "… | Technology | The Guardian"), and a reference manager that gets the whole string cites the
 * site twice, once in the title and once as the publication (the new-user trial, 6 Dec 2026).
 *
 * The rule is cautious, since a title's own words may hold a separator ("Claude 3 - a new model"):
 * - after " | " the last part is the site when it is short (at most `MAX_SITE_WORDS` words), and the
 *   short parts before it are sections ("Technology"), dropped with it;
 * - after a dash (" - ", " – ", " — ") or " · ", the last part is the site only when it looks like
 *   the page's host ("BBC News" on bbc.co.uk, "The Verge" on theverge.com) or is the name the page's
 *   metadata gives its site (`og:site_name`: "Signal & Noise" on signalnoise.example);
 * - a first part before any of these separators is the site only when it does the same
 *   ("Reuters | …").
 * What is left must keep at least `MIN_TITLE_WORDS` words, or the title stays whole.
 */

import { hostOf } from '../sites/url';
import type { PageCitation } from './page-citation';

const MAX_SITE_WORDS = 5;
const MAX_SITE_CHARS = 60;
const MIN_TITLE_WORDS = 3;

/** A title's parts and the separators between them: `parts[i]` and `parts[i + 1]` are split by `separators[i]`. */
const SEPARATOR = /\s+(\||-|–|—|·|::)\s+/;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Lower-case letters and digits only: "The Verge" → "theverge". */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The host's labels that name the site ("bbc" of news.bbc.co.uk, "theverge" of www.theverge.com): three letters or more, not a generic second-level label. */
function hostNames(host: string): string[] {
  const labels = host.toLowerCase().replace(/^www\./, '').split('.');
  return labels.slice(0, -1).filter((label) => label.length >= 3 && !['com', 'org', 'net', 'gov', 'edu', 'news'].includes(label));
}

/** Whether a title's part names the site the page is on: its host, or the site's name from the page's metadata. */
function namesSite(part: string, host: string, siteName: string | undefined): boolean {
  const squashed = squash(part);
  if (squashed.length < 3) return false;
  if (siteName !== undefined && squashed === squash(siteName)) return true;
  return hostNames(host).some((name) => squashed.includes(name) || name.includes(squashed));
}

function siteLike(part: string): boolean {
  return part.length <= MAX_SITE_CHARS && words(part) <= MAX_SITE_WORDS;
}

/**
 * Splits a page title into the work's title and the site's name, as the module comment says.
 * @param pageTitle the page's `<title>` (whitespace as it came: runs are read as one space)
 * @param host the page's host ('' when it has none); "www." is ignored
 * @param siteName the site's name as the page's metadata gives it (`PageCitation.site`), when it does
 * @returns `title`, the title without the site's name (the whole title, trimmed, when no part is the
 *   site's), and `site`, the site's name as the title writes it, when one was found
 */
export function citationTitle(pageTitle: string, host: string, siteName?: string): { title: string; site?: string } {
  const whole = pageTitle.replace(/\s+/g, ' ').trim();
  const pieces = whole.split(SEPARATOR);
  // split with a capturing group: parts at even indices, separators at odd ones.
  const parts = pieces.filter((_, i) => i % 2 === 0);
  const separators = pieces.filter((_, i) => i % 2 === 1);
  if (parts.length < 2) return { title: whole };
  const join = (from: number, to: number) => parts.slice(from, to).reduce((text, part, i) => (i === 0 ? part : `${text} ${separators[from + i - 1]} ${part}`), '');

  const last = parts.length - 1;
  const lastSeparator = separators[last - 1]!;
  const lastIsSite = siteLike(parts[last]!) && (lastSeparator === '|' || namesSite(parts[last]!, host, siteName));
  if (lastIsSite) {
    let end = last;
    // Sections before the site, after " | " ("… | Technology | The Guardian"): short parts, dropped too.
    while (end > 1 && separators[end - 1] === '|' && words(parts[end - 1]!) <= 2 && words(join(0, end - 1)) >= MIN_TITLE_WORDS) end -= 1;
    const title = join(0, end);
    if (words(title) >= MIN_TITLE_WORDS) return { title, site: parts[last]! };
  }
  if (siteLike(parts[0]!) && namesSite(parts[0]!, host, siteName)) {
    const title = join(1, parts.length);
    if (words(title) >= MIN_TITLE_WORDS) return { title, site: parts[0]! };
  }
  return { title: whole };
}

/**
 * A page as a citation names it: the work's title (`citationTitle` of the metadata's title, `PageCitation.title`, else of
 * the `<title>`) and the site's name, the page's metadata's (`PageCitation.site`) else the one its title ended with;
 * `site` is absent when neither names one.
 * What the CSL export, the Markdown export and "Copy citation" each cite a page by.
 * @param pageUrl the page's address: its host tells a site's name at a title's end
 */
export function citedPage(pageTitle: string, pageUrl: string, citation?: Pick<PageCitation, 'title' | 'site'>): { title: string; site?: string } {
  const siteName = citation?.site;
  // The metadata's title first: the `<title>` often has a section or a site's name the split cannot tell apart.
  const cited = citationTitle(citation?.title ?? pageTitle, hostOf(pageUrl) ?? '', siteName);
  const site = siteName ?? cited.site;
  return site === undefined ? { title: cited.title } : { title: cited.title, site };
}
