import type { Mention } from './schema';

/** Code-unit order, the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Mentions grouped by page address, as the CSL-JSON export lists them (and the Markdown export within each claim): pages in the
 * order their first mention was given, mentions within a page in text order (then by id, so equal
 * positions come out the same every time), the page's own before those in its embeds (`Mention.frameUrl`).
 */
export function groupByPage(mentions: readonly Mention[]): Mention[][] {
  const groups = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const group = groups.get(mention.pageUrl);
    if (group) group.push(mention);
    else groups.set(mention.pageUrl, [mention]);
  }
  // (An embed's offsets count its own text: the page's mentions come first, then each embed's.)
  const frameOf = (mention: Mention) => mention.frameUrl ?? '';
  return Array.from(groups.values(), (group) =>
    [...group].sort((a, b) => compareText(frameOf(a), frameOf(b)) || a.anchor.start - b.anchor.start || compareText(a.id, b.id)),
  );
}

/**
 * The title a page's group goes by: its first mention's that has one (a quote read in an embed before the page had
 * said its title has none; the page's own mentions come first and have it).
 * @param page one group of `groupByPage`
 * @returns '' when no mention has a title
 */
export function pageTitleOf(page: readonly Mention[]): string {
  return page.find((mention) => mention.pageTitle.trim() !== '')?.pageTitle ?? '';
}

/**
 * Mentions grouped by claim, then by page within each claim, as the Markdown export lists them: claims
 * in the order their first mention comes in `groupByPage`'s order (so a one-page export follows the
 * page), each claim's pages in that same order, mentions within a page in text order.
 * @returns one entry per claim id: its pages, each a non-empty list of that page's mentions of the claim
 */
export function groupByClaim(mentions: readonly Mention[]): Array<{ claimId: string; pages: Mention[][] }> {
  const claims = new Map<string, Map<string, Mention[]>>();
  for (const page of groupByPage(mentions)) {
    for (const mention of page) {
      let pages = claims.get(mention.claimId);
      if (!pages) claims.set(mention.claimId, (pages = new Map()));
      const onPage = pages.get(mention.pageUrl);
      if (onPage) onPage.push(mention);
      else pages.set(mention.pageUrl, [mention]);
    }
  }
  return Array.from(claims, ([claimId, pages]) => ({ claimId, pages: [...pages.values()] }));
}
