/**
 * Where a wrapped highlight sits: the block it was painted in and the text there, as a
 * TextQuoteSelector (the words from its first mark to its last, with some text either side). The
 * page shares the DOM with our marks, so it can move one (or a clone of it) next to words of its
 * choosing; a mark whose seat no longer matches must open no card and is repaired as a page change.
 * Seats live in the content script's world (`HighlightRegistry`), where the page cannot rewrite
 * them: attributes and class names on the marks would be the page's to forge.
 */
import { INLINE_TAGS } from './inline-tags';

/** How much text either side of a highlight is part of its seat, in UTF-16 units (about a sentence). */
export const SEAT_CONTEXT = 160;
/**
 * Most nodes a look either side visits: a page that puts thousands of empty elements beside a
 * highlight must not make each hover walk them all. A look cut short reads less text than at
 * painting, so that highlight counts as moved.
 */
const MAX_STEPS = 512;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** One run of a highlight's marks in one tree (a highlight reaching into a shadow root has two). */
export interface HighlightSeat {
  /** The paragraph (or larger block) holding the run's marks when painted. */
  block: Node;
  /** Up to SEAT_CONTEXT units of the block's text right before the run's first mark. */
  prefix: string;
  /** The block's text from the run's first mark to the end of its last (what lies between included). */
  exact: string;
  /** Up to SEAT_CONTEXT units of the block's text right after the run's last mark. */
  suffix: string;
}

/** The next node in document order inside `within`, not entering `node` itself. */
function nextOutside(node: Node, within: Node): Node | null {
  for (let at: Node | null = node; at && at !== within; at = at.parentNode) if (at.nextSibling) return at.nextSibling;
  return null;
}

/** The next node in document order inside `within`. */
function nextInside(node: Node, within: Node): Node | null {
  return node.firstChild ?? nextOutside(node, within);
}

/** The node before `node` in reverse document order inside `within` (descendants before their ancestors). */
function previousInside(node: Node, within: Node): Node | null {
  if (node === within) return null;
  let at = node.previousSibling;
  if (!at) return node.parentNode === within ? null : node.parentNode;
  while (at.lastChild) at = at.lastChild;
  return at;
}

/** The text before `first` in `block`, its last `length` units at most. */
function textBefore(first: Node, block: Node, length: number): string {
  const parts: string[] = [];
  let size = 0;
  let steps = 0;
  for (let at = previousInside(first, block); at && size < length && steps < MAX_STEPS; at = previousInside(at, block), steps++) {
    if (at.nodeType !== TEXT_NODE) continue;
    // Only the tail that is needed: the text node before a highlight can be a long stretch of prose.
    const data = (at as Text).data;
    const part = data.slice(Math.max(0, data.length - (length - size)));
    parts.push(part);
    size += part.length;
  }
  return parts.reverse().join('');
}

/** The text after `last` (not inside it) in `block`, its first `length` units at most. */
function textAfter(last: Node, block: Node, length: number): string {
  let text = '';
  let steps = 0;
  for (let at = nextOutside(last, block); at && text.length < length && steps < MAX_STEPS; at = nextInside(at, block), steps++) {
    if (at.nodeType === TEXT_NODE) text += (at as Text).data.slice(0, length - text.length);
  }
  return text;
}

/**
 * The text from the start of `first` to the end of `last` in `block`; reading stops once it is
 * longer than `limit` (a mark moved before the first one would otherwise read the rest of the block).
 */
function textBetween(first: Node, last: Node, block: Node, limit: number): string {
  const end = nextOutside(last, block);
  let text = '';
  for (let at: Node | null = first; at && at !== end && text.length <= limit; at = nextInside(at, block)) {
    if (at.nodeType === TEXT_NODE) text += (at as Text).data.slice(0, limit + 1 - text.length);
  }
  return text;
}

/** The block holding every mark of a run: their common ancestor, lifted past inline elements. */
function blockOf(marks: readonly Element[]): Node {
  const first = marks[0]!;
  let block: Node = first.parentNode ?? first;
  while (block.parentNode && !marks.every((mark) => block.contains(mark))) block = block.parentNode;
  while (block.nodeType === ELEMENT_NODE && INLINE_TAGS.has((block as Element).tagName.toUpperCase()) && block.parentNode) block = block.parentNode;
  return block;
}

/** Consecutive marks in the same tree (document or shadow root). */
function runsOf(marks: readonly Element[]): Element[][] {
  const runs: Element[][] = [];
  let root: Node | undefined;
  for (const mark of marks) {
    const own = mark.getRootNode();
    if (own !== root || runs.length === 0) runs.push([]);
    root = own;
    runs[runs.length - 1]!.push(mark);
  }
  return runs;
}

/** A wrapped highlight's seats, one per run of its marks (`marks` in document order, as painted). */
export function seatsOf(marks: readonly Element[]): HighlightSeat[] {
  return runsOf(marks).map((run) => {
    const block = blockOf(run);
    const first = run[0]!;
    const last = run[run.length - 1]!;
    return { block, prefix: textBefore(first, block, SEAT_CONTEXT), exact: textBetween(first, last, block, Infinity), suffix: textAfter(last, block, SEAT_CONTEXT) };
  });
}

/**
 * Whether the marks still sit where they were painted: every mark in the document and inside its
 * run's block, and the block's text from the first mark to the last, and either side of them, as it
 * was. Costs a walk over about the highlight's words and twice SEAT_CONTEXT units around them.
 */
export function stillSeated(marks: readonly Element[], seats: readonly HighlightSeat[]): boolean {
  const runs = runsOf(marks);
  if (runs.length !== seats.length) return false;
  return runs.every((run, i) => {
    const seat = seats[i]!;
    if (!run.every((mark) => mark.isConnected && seat.block.contains(mark))) return false;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    return (
      textBetween(first, last, seat.block, seat.exact.length) === seat.exact &&
      textBefore(first, seat.block, SEAT_CONTEXT) === seat.prefix &&
      textAfter(last, seat.block, SEAT_CONTEXT) === seat.suffix
    );
  });
}
