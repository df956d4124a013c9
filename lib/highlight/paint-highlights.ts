import Mark from 'mark.js';
import { isMarkCounted, type ExtractedText } from '../text/extract-text';
import { toNodeRanges, type NodeRange } from '../text/node-ranges';

export const MARK_CLASS = 'pledge-lens-mark';

/** One span to highlight, with what the mark elements must say about it. */
export interface HighlightSpec {
  claimId: string;
  kind: string;
  mentionId: string;
  /** Accessible name of the highlight. */
  label: string;
  start: number;
  end: number;
}

export interface PaintedHighlight {
  spec: HighlightSpec;
  /** The mark elements in document order; the first is the keyboard stop. */
  elements: HTMLElement[];
}

/**
 * The highlights we made, keyed by element. Cards are looked up here, never from data attributes:
 * a page can forge `<mark data-claim-id>` but cannot put an element into this map.
 */
export class HighlightRegistry {
  private readonly byElement = new WeakMap<Element, PaintedHighlight>();
  private readonly painted: PaintedHighlight[] = [];

  get(element: Element): PaintedHighlight | undefined {
    return this.byElement.get(element);
  }

  /** Live highlights: those whose elements are still in a document (a re-render may have removed them). */
  all(): PaintedHighlight[] {
    return this.painted.filter((highlight) => highlight.elements.some((element) => element.isConnected));
  }

  add(highlight: PaintedHighlight): void {
    this.painted.push(highlight);
    for (const element of highlight.elements) this.byElement.set(element, highlight);
  }

  /**
   * Unwraps every mark we made. Painting split the page's text nodes, keeping the text *before*
   * each mark in the original node (mark.js and our own wrapping both do); the marked text and the
   * remainder went to new nodes. Merging them back into that original node restores the page's
   * own node objects, which frameworks hold references to and update in place.
   */
  clear(): void {
    for (const highlight of this.painted) {
      for (const element of highlight.elements) {
        unwrapMark(element);
        this.byElement.delete(element);
      }
    }
    this.painted.length = 0;
  }
}

function unwrapMark(mark: Element): void {
  const parent = mark.parentNode;
  if (!parent) return;
  const original = mark.previousSibling;
  if (original && original.nodeType === 3 /* TEXT_NODE */) {
    let text = mark.textContent ?? '';
    const remainder = mark.nextSibling;
    // A remainder node is ours (split off by painting) only if no one else holds it; the page
    // never sees it before this point, so fold it back in.
    if (remainder && remainder.nodeType === 3) {
      text += (remainder as Text).data;
      parent.removeChild(remainder);
    }
    (original as Text).appendData(text);
    parent.removeChild(mark);
    return;
  }
  // The original node is gone (the page removed it): put the text back as it stands.
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
}

interface LocalRange {
  start: number;
  length: number;
}

/** The smallest element containing every node: mark.js then walks a paragraph, not the page. */
function commonContext(nodes: readonly Text[], markRoot: Node): Node {
  let context: Node | null = nodes[0]!.parentNode;
  while (context && context !== markRoot && !nodes.every((node) => context!.contains(node))) context = context.parentNode;
  return context ?? markRoot;
}

/** mark.js offsets of the given nodes within `context`: the counted text before each of them. */
function offsetsWithin(context: Node, nodes: ReadonlySet<Text>): Map<Text, number> {
  const offsets = new Map<Text, number>();
  const doc = context.ownerDocument ?? (context as Document);
  const walker = doc.createTreeWalker(context, 4 /* NodeFilter.SHOW_TEXT */);
  let cursor = 0;
  for (let node = walker.nextNode() as Text | null; node && offsets.size < nodes.size; node = walker.nextNode() as Text | null) {
    if (nodes.has(node)) offsets.set(node, cursor);
    if (isMarkCounted(node)) cursor += node.data.length;
  }
  return offsets;
}

function wrapByHand(piece: NodeRange, spec: HighlightSpec): HTMLElement {
  const middle = piece.node.splitText(piece.from);
  middle.splitText(piece.to - piece.from);
  const mark = middle.ownerDocument.createElement('mark');
  mark.className = MARK_CLASS;
  mark.setAttribute('data-markjs', 'true');
  decorate(mark, spec);
  middle.parentNode!.replaceChild(mark, middle);
  mark.append(middle);
  return mark;
}

function decorate(mark: HTMLElement, spec: HighlightSpec): void {
  mark.dataset.claimId = spec.claimId;
  mark.dataset.claimKind = spec.kind;
  mark.dataset.mentionId = spec.mentionId;
}

/**
 * Paints one span with mark.js `markRanges` in the span's own small context. Returns the marks, or
 * nothing when the page changed the nodes since extraction (a rescan will pick the span up again).
 */
function paintOne(extracted: ExtractedText, spec: HighlightSpec): HTMLElement[] {
  const pieces = toNodeRanges(extracted, spec.start, spec.end);
  if (pieces.length === 0 || pieces.some((piece) => !piece.node.isConnected || piece.node.data.length < piece.to)) return [];
  const marks: HTMLElement[] = [];
  const byRoot = new Map<Node, NodeRange[]>();
  for (const piece of pieces) byRoot.set(piece.markRoot, [...(byRoot.get(piece.markRoot) ?? []), piece]);
  for (const [markRoot, group] of byRoot) {
    const nodes = group.map((piece) => piece.node);
    const context = commonContext(nodes, markRoot);
    const offsets = offsetsWithin(context, new Set(nodes));
    const ranges: Array<LocalRange & { pieces: NodeRange[] }> = [];
    for (const piece of group) {
      const base = offsets.get(piece.node);
      if (base === undefined) return [];
      const start = base + piece.from;
      const previous = ranges[ranges.length - 1];
      if (previous && previous.start + previous.length === start) {
        previous.length += piece.to - piece.from;
        previous.pieces.push(piece);
      } else ranges.push({ start, length: piece.to - piece.from, pieces: [piece] });
    }
    // mark.js skips whitespace-only ranges, which would leave a gap where a span steps over hidden
    // text; wrap those by hand. Splitting nodes leaves mark.js offsets unchanged, so order is free.
    const isBlank = (range: { pieces: NodeRange[] }) => range.pieces.every((p) => p.node.data.slice(p.from, p.to).trim() === '');
    for (const range of ranges.filter(isBlank)) for (const piece of range.pieces) marks.push(wrapByHand(piece, spec));
    new Mark(context as HTMLElement).markRanges(
      ranges.filter((range) => !isBlank(range)).map(({ start, length }) => ({ start, length })),
      {
        element: 'mark',
        className: MARK_CLASS,
        each: (element: Element) => {
          decorate(element as HTMLElement, spec);
          marks.push(element as HTMLElement);
        },
      },
    );
  }
  // Document order: the first mark is the highlight's keyboard stop.
  marks.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  return marks;
}

/**
 * Wraps each spec's span in `<mark>` elements with mark.js `markRanges`. Offsets come from the
 * extraction's map, so a span crossing inline markup or hidden text lands exactly. Specs are painted
 * last first: mark.js splits a text node keeping the text *before* the mark in the original node, so
 * earlier spans' node references stay valid. `shouldYield` lets a caller slice the work.
 */
export async function paintHighlightsSliced(
  extracted: ExtractedText,
  specs: readonly HighlightSpec[],
  registry: HighlightRegistry,
  slicing: {
    shouldYield: () => boolean;
    yieldNow: () => Promise<void>;
    /** Wraps each synchronous DOM step (the content script pauses its MutationObserver there). */
    step: (paint: () => HTMLElement[]) => HTMLElement[];
  },
): Promise<PaintedHighlight[]> {
  const painted: PaintedHighlight[] = [];
  const ordered = [...specs].sort((a, b) => b.start - a.start);
  for (const spec of ordered) {
    if (slicing.shouldYield()) await slicing.yieldNow();
    const highlight = finish(spec, slicing.step(() => paintOne(extracted, spec)), registry);
    if (highlight) painted.push(highlight);
  }
  return painted.reverse();
}

/** Synchronous painting, for small pages and tests. */
export function paintHighlights(extracted: ExtractedText, specs: readonly HighlightSpec[], registry: HighlightRegistry): PaintedHighlight[] {
  const painted: PaintedHighlight[] = [];
  for (const spec of [...specs].sort((a, b) => b.start - a.start)) {
    const highlight = finish(spec, paintOne(extracted, spec), registry);
    if (highlight) painted.push(highlight);
  }
  return painted.reverse();
}

function finish(spec: HighlightSpec, elements: HTMLElement[], registry: HighlightRegistry): PaintedHighlight | undefined {
  if (elements.length === 0) return undefined;
  // One keyboard stop per mention, however many elements inline markup split it into.
  const [first] = elements;
  first!.tabIndex = 0;
  first!.setAttribute('role', 'button');
  first!.setAttribute('aria-haspopup', 'dialog');
  first!.setAttribute('aria-label', spec.label);
  const highlight = { spec, elements };
  registry.add(highlight);
  return highlight;
}
