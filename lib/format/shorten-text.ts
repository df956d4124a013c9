/**
 * Text cut to a length at a word boundary, with "…" after it, for a line that must stay short (a legend's
 * example, the popup's list of changed claims). Trailing spaces and , ; : before the cut are dropped.
 * @param text the whole text
 * @param max the longest result before the "…", in UTF-16 units
 * @returns `text` itself when it fits; else at most `max` units and "…", cut at the last space when that
 *   keeps at least three sevenths of `max` (a long first word is cut mid-word instead)
 */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > Math.floor((max * 3) / 7) ? space : max).replace(/[\s,;:]+$/, '')}…`;
}
