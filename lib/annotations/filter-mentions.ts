/**
 * Filtering for the annotations page: by claim, by site, by when a mention was last seen, by free
 * text, and by the user's wrong-match flag. Every criterion is optional; with none, all mentions pass.
 */
import type { Mention } from './schema';
import { hostOf, hostOnSite, siteHost } from '../sites/url';

export interface MentionFilter {
  /** Keep mentions of these claims. Empty or absent means every claim. */
  claimIds?: readonly string[];
  /**
   * Keep mentions on this site (`siteMatcher`): its host or a subdomain ("example.com" matches
   * "news.example.com" but not "badexample.com"; a full URL or "*.example.com" counts by its host), the page's own
   * name for its site ("The Verge", from `pageCitation.site`), or one of the host's labels ("technewsday").
   */
  site?: string;
  /**
   * Inclusive bounds on `lastSeen`. A date alone ("2026-11-22") means the whole UTC day, so
   * `to: "2026-11-22"` keeps everything seen on that day; a full ISO date-time is an exact instant.
   */
  from?: string;
  to?: string;
  /**
   * Words to find (all of them, any order) in the quote, the note, the page title or `claimWords`, each at the
   * start of a word ("pledg" finds "pledges", "sb" does not find "absolutely"); a number finds that whole number,
   * and right after a word it qualifies that word: "SB 53" finds "SB 53" and "SB-53", not "SB 1047 … 53 days"
   * (`searchPatterns`).
   */
  text?: string;
  /**
   * By claim id, more text each of its mentions can be found by: who made the claim (its actor's name
   * and aliases), so "Anthropic" finds the mentions of Anthropic's claims however the page named it.
   * The caller knows the claim set; this module does not.
   */
  claimWords?: ReadonlyMap<string, string>;
  /** Default "include". */
  wrongMatches?: 'include' | 'exclude' | 'only';
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function parseBound(value: string, edge: 'from' | 'to'): number {
  const trimmed = value.trim();
  const dateOnly = DATE_ONLY.test(trimmed);
  const ms = Date.parse(dateOnly ? `${trimmed}T00:00:00Z` : trimmed);
  // A bad bound is a bug in the caller; ignoring it would silently show the wrong mentions.
  if (Number.isNaN(ms)) throw new RangeError(`filterMentions: "${value}" is not a date`);
  return dateOnly && edge === 'to' ? ms + DAY_MS - 1 : ms;
}

/*
 * Built with the constructor because the type checker rejects the `u` flag in a literal whenever the
 * project's target is ES5 (as before `wxt prepare` has written .wxt/tsconfig.json).
 */
const COMBINING_MARKS = new RegExp('\\p{M}', 'gu');

/** Case-, accent- and width-insensitive form for searching ("Déjà" finds "deja"). */
function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** A number as typed in a search: "53", "14110", "2.5". */
const NUMBER_TERM = /^\d+(?:[.,]\d+)*$/;
/** Not a letter or digit: what must come before a term's first character (a word start). */
const WORD_START = '(?<![\\p{L}\\p{N}])';

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The search's terms as patterns over folded text, one per word with the numbers typed after it ("sb 53" is one
 * pattern, "sb" then spaces or hyphens then "53"): each starts at a word start; a number ends where the number
 * ends (so "53" is not "530"), a word may go on ("pledg" finds "pledges").
 * @param query what the reader typed, already folded (`foldForSearch`)
 */
export function searchPatterns(query: string): RegExp[] {
  const groups: string[][] = [];
  for (const term of query.split(/\s+/).filter(Boolean)) {
    const last = groups[groups.length - 1];
    if (NUMBER_TERM.test(term) && last) last.push(term);
    else groups.push([term]);
  }
  return groups.map(([first, ...numbers]) => {
    const ending = (term: string) => (NUMBER_TERM.test(term) ? '(?![\\p{N}])' : '');
    const numberTail = numbers.map((number) => `[\\s\\-\u2010-\u2013]*${escapeForPattern(number)}(?![\\p{N}])`).join('');
    return new RegExp(`${WORD_START}${escapeForPattern(first!)}${numbers.length > 0 ? '' : ending(first!)}${numberTail}`, 'u');
  });
}

/** A site as typed, with no letter or digit to go by ("", "...", "///"). */
export function siteFilterIsEmpty(site: string): boolean {
  return !/[\p{L}\p{N}]/u.test(site);
}

/**
 * What the site filter keeps, for what the reader typed: a page whose host is that site or a subdomain of it (when the
 * text reads as a host: "example.com", a URL, "*.example.com"), a page whose own name for its site has the typed words
 * at word starts ("verge", "The Verge" find `pageCitation.site` "The Verge"), or a page one of whose host's labels is
 * the typed text without spaces or punctuation ("technewsday" finds technewsday.com, "the verge" theverge.com).
 * A reader knows a publication by its name, not always by its address (a new user's report 51, problem 12).
 * @throws RangeError when the text has no letter or digit
 */
export function siteMatcher(site: string): (mention: Pick<Mention, 'pageUrl' | 'pageCitation'>) => boolean {
  if (siteFilterIsEmpty(site)) throw new RangeError(`filterMentions: "${site}" is not a site name`);
  const host = siteHost(site);
  const folded = foldForSearch(site.trim());
  const label = folded.replace(/[^\p{L}\p{N}-]+/gu, '');
  const words = searchPatterns(folded);
  return (mention) => {
    const pageHost = hostOf(mention.pageUrl);
    if (pageHost && host && hostOnSite(pageHost, host)) return true;
    if (pageHost && label !== '' && pageHost.split('.').includes(label)) return true;
    const name = mention.pageCitation?.site;
    return name !== undefined && words.length > 0 && words.every((pattern) => pattern.test(foldForSearch(name)));
  };
}

export function filterMentions(mentions: readonly Mention[], filter: MentionFilter = {}): Mention[] {
  const claimIds = filter.claimIds && filter.claimIds.length > 0 ? new Set(filter.claimIds) : undefined;
  const onSite = filter.site === undefined || filter.site.trim() === '' ? undefined : siteMatcher(filter.site);
  const from = filter.from ? parseBound(filter.from, 'from') : undefined;
  const to = filter.to ? parseBound(filter.to, 'to') : undefined;
  const patterns = filter.text ? searchPatterns(foldForSearch(filter.text)) : [];
  const wrongMatches = filter.wrongMatches ?? 'include';

  return mentions.filter((mention) => {
    if (claimIds && !claimIds.has(mention.claimId)) return false;

    const flagged = mention.wrongMatch?.flagged === true;
    if (wrongMatches === 'exclude' && flagged) return false;
    if (wrongMatches === 'only' && !flagged) return false;

    if (onSite && !onSite(mention)) return false;

    if (from !== undefined || to !== undefined) {
      const seen = Date.parse(mention.lastSeen);
      if (from !== undefined && seen < from) return false;
      if (to !== undefined && seen > to) return false;
    }

    if (patterns.length > 0) {
      const haystack = foldForSearch([mention.anchor.exact, mention.note?.text ?? '', mention.pageTitle, filter.claimWords?.get(mention.claimId) ?? ''].join('\n'));
      if (!patterns.every((pattern) => pattern.test(haystack))) return false;
    }
    return true;
  });
}
