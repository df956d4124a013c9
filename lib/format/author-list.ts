import { readingOrderName } from './person-name';

/** Names listed in full at most; more are the first name and "et al." (in the history: "and others"). */
export const MAX_LISTED_AUTHORS = 3;

/**
 * Authors' names as a citation's running text lists them: "Jane Doe", "Jane Doe and John Roe",
 * "Jane Doe, John Roe and Ann Poe", and from four names on the first with "et al." (APA and Chicago
 * list more in a bibliography entry; a pasted citation or a note's byline stays one readable line).
 * Names are given as the page's metadata wrote them (lib/annotations/page-citation.ts) and listed in reading order
 * ("Schmidt, Katrin" as "Katrin Schmidt", `readingOrderName`).
 */
export function authorList(given: readonly string[]): string {
  const names = given.map(readingOrderName);
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > MAX_LISTED_AUTHORS) return `${names[0]} et al.`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
