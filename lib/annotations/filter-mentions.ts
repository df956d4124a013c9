/**
 * Filtering for the annotations page: by claim, by site, by when a mention was last seen, by free
 * text, and by the user's wrong-match flag. Every criterion is optional; with none, all mentions pass.
 */
import type { Mention } from './schema';

export interface MentionFilter {
  /** Keep mentions of these claims. Empty or absent means every claim. */
  claimIds?: readonly string[];
  /**
   * Keep mentions on this site or its subdomains: "example.com" matches "news.example.com" but not
   * "badexample.com". A full URL or "*.example.com" is accepted too; only its host counts.
   */
  site?: string;
  /**
   * Inclusive bounds on `lastSeen`. A date alone ("2026-11-22") means the whole UTC day, so
   * `to: "2026-11-22"` keeps everything seen on that day; a full ISO date-time is an exact instant.
   */
  from?: string;
  to?: string;
  /** Words to find (all of them, any order) in the quote, the note, the page title or `claimWords`. */
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

function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** Turns what a user typed ("Example.com", "https://www.example.com/x", "*.example.com") into a host. */
export function siteHost(site: string): string | undefined {
  const trimmed = site.trim().replace(/^\*?\./, '');
  if (trimmed === '') return undefined;
  try {
    // Prepending a scheme lets the URL parser lower-case and punycode the host for us.
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return normaliseHost(url.hostname) || undefined;
  } catch {
    return undefined;
  }
}

/** Whether `host` is `site` or one of its subdomains ("news.example.com" is on "example.com"; "badexample.com" is not). */
export function hostOnSite(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

function hostOf(pageUrl: string): string | undefined {
  try {
    return normaliseHost(new URL(pageUrl).hostname);
  } catch {
    return undefined;
  }
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

export function filterMentions(mentions: readonly Mention[], filter: MentionFilter = {}): Mention[] {
  const claimIds = filter.claimIds && filter.claimIds.length > 0 ? new Set(filter.claimIds) : undefined;
  const site = filter.site === undefined ? undefined : siteHost(filter.site);
  if (filter.site !== undefined && filter.site.trim() !== '' && site === undefined) {
    throw new RangeError(`filterMentions: "${filter.site}" is not a site name`);
  }
  const from = filter.from ? parseBound(filter.from, 'from') : undefined;
  const to = filter.to ? parseBound(filter.to, 'to') : undefined;
  const terms = filter.text ? foldForSearch(filter.text).split(/\s+/).filter(Boolean) : [];
  const wrongMatches = filter.wrongMatches ?? 'include';

  return mentions.filter((mention) => {
    if (claimIds && !claimIds.has(mention.claimId)) return false;

    const flagged = mention.wrongMatch?.flagged === true;
    if (wrongMatches === 'exclude' && flagged) return false;
    if (wrongMatches === 'only' && !flagged) return false;

    if (site) {
      const host = hostOf(mention.pageUrl);
      if (!host || !hostOnSite(host, site)) return false;
    }

    if (from !== undefined || to !== undefined) {
      const seen = Date.parse(mention.lastSeen);
      if (from !== undefined && seen < from) return false;
      if (to !== undefined && seen > to) return false;
    }

    if (terms.length > 0) {
      const haystack = foldForSearch([mention.anchor.exact, mention.note?.text ?? '', mention.pageTitle, filter.claimWords?.get(mention.claimId) ?? ''].join('\n'));
      if (!terms.every((term) => haystack.includes(term))) return false;
    }
    return true;
  });
}
