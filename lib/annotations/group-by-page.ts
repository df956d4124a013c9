import type { Mention } from './schema';

/**
 * Mentions grouped by page address, as the CSL-JSON export lists them (and the Markdown export within each claim): pages in the
 * order their first mention was given, mentions within a page in text order (then by id, so equal
 * positions come out the same every time).
 */
export function groupByPage(mentions: readonly Mention[]): Mention[][] {
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
