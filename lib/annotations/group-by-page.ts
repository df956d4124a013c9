import type { Mention } from './schema';

/**
 * Mentions grouped by page address, as the Markdown and CSL-JSON exports list them: pages in the
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
