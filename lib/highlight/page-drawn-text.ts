/**
 * Words a page's CSS draws inside our highlights. A rule such as
 * `mark.pledge-lens-mark::before { content: "It is false that " }` puts its own words within the
 * highlight, underlined as ours, without touching the DOM, so the highlight's seat (highlight-seat.ts)
 * still matches. Our own styles give our marks no generated content, and a page's `!important` rule of
 * higher specificity would beat any rule of ours against it; so the card asks the browser at the event.
 */

/** Computed `content` values that draw nothing (an empty string draws no text either). */
const DRAWS_NOTHING = new Set(['', 'none', 'normal', '""']);
const PSEUDO_ELEMENTS = ['::before', '::after'] as const;

/**
 * Whether the page draws generated content (text, counters, attributes, images) in `::before` or
 * `::after` of one of the marks: such a highlight opens no card. Two computed-style reads per mark.
 */
export function drawsPageText(marks: readonly Element[]): boolean {
  return marks.some((mark) => {
    const view = mark.ownerDocument.defaultView;
    return view !== null && PSEUDO_ELEMENTS.some((pseudo) => !DRAWS_NOTHING.has(view.getComputedStyle(mark, pseudo).content));
  });
}
