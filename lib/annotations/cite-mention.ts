/**
 * "Copy citation": one mention as a paragraph a reader pastes into notes or a draft: the quote, the
 * page (title, address, the day it was seen) and the claim with its label and status as Pledge Lens
 * gives them now, and the primary source the label rests on.
 *
 * Only the page's words go in quotation marks. The claim's statement is Pledge Lens's own summary, in
 * the third person: quoted, it would read as the actor's words (a reader pasting it into a draft would
 * misattribute it), so it is introduced as a summary instead.
 */
import type { ClaimCardData } from '../claims/claim-card-data';
import { claimStatusLine, kindWithGrade } from '../format/claim-labels';
import { authorList } from '../format/author-list';
import { formatCalendarDate, formatDay, readerToday } from '../format/dates';
import { primarySource } from './claim-facts';
import { citedPage } from './citation-title';
import type { Mention } from './schema';
import { oneLine } from './exported-text';
import { readableQuote } from './readable-quote';

/**
 * “Anthropic says it will publish Risk Reports…” In: Anthropic rewrites its rulebook, The Verge, by Jane Doe,
 * published 24 Feb 2026, https://news.example/story (seen 25 Nov 2026). Claim by Anthropic, as Pledge Lens summarises it: Anthropic will
 * publish a Risk Report every three to six months (Binding commitment; In force since 24 Feb 2026).
 * Primary source: Responsible Scaling Policy, version 3.0, https://…. Pledge Lens claim set “Pledge
 * Lens”, claim anthropic-rsp3-risk-reports.
 *
 * A law whose duties start after `now` (the reader's day) says so after its status. The title is the work's, the site's
 * name split off it, and the site is named after it, as the CSL export gives them (`citationTitle`: "Expert Comment: … |
 * University of Oxford" had to be edited by hand, a new user's report 51, problem 9). The site, authors and publication
 * date are the page's own metadata's (page-citation.ts), the site else the one its title ends with; each is left out
 * when there is none. The day seen is the UTC day, as the history shows and filters it. The primary source is the first
 * piece of evidence (the operative words behind the label), titled as the evidence or the source with
 * its address names it, else the first source; none is named when the claim has neither.
 */
export function citeMention(mention: Mention, claim: ClaimCardData | undefined, now: Date = new Date()): string {
  const cited = citedPage(mention.pageTitle, mention.pageUrl, mention.pageCitation);
  const title = oneLine(cited.title) || mention.pageUrl;
  const siteName = oneLine(cited.site ?? '');
  const site = siteName !== '' && siteName !== title ? `, ${siteName}` : '';
  const authors = mention.pageCitation?.authors ? `, by ${oneLine(authorList(mention.pageCitation.authors))}` : '';
  const published = mention.pageCitation?.published ? `, published ${formatCalendarDate(mention.pageCitation.published)}` : '';
  const page = `In: ${title}${site}${authors}${published}, ${mention.pageUrl} (seen ${formatDay(mention.lastSeen.slice(0, 10))}).`;
  const quote = `“${oneLine(readableQuote(mention))}”`;
  if (!claim) return `${quote} ${page} Claim: ${mention.claimId} (no longer in the claim set in use).`;
  const summary = oneLine(claim.statement).replace(/[.;:,]+$/, '');
  const source = primarySource(claim);
  const sourceTitle = source && oneLine(source.title);
  const primary = source ? ` Primary source: ${sourceTitle ? `${sourceTitle}, ` : ''}${source.url}.` : '';
  return (
    `${quote} ${page} Claim by ${oneLine(claim.actorName)}, as Pledge Lens summarises it: ${summary} (${kindWithGrade(claim.kind, claim.force)}; ${claimStatusLine(claim, readerToday(now))}).` +
    `${primary} Pledge Lens claim set “${oneLine(claim.packName)}”, claim ${claim.id}.`
  );
}
