import Mark from 'mark.js';
import { isMarkCounted, type ExtractedText } from '../text/extract-text';
import { toNodeRanges, type NodeRange } from '../text/node-ranges';
import { RangePainter } from './range-highlights';

export const MARK_CLASS = 'pledge-lens-mark';
/** The keyboard stop of a range-painted highlight: an empty, out-of-flow mark before its text. */
export const PROXY_CLASS = 'pledge-lens-proxy';

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

/**
 * How a span is painted. mark.js wrapping is the rule; the two range modes exist only where wrapping
 * cannot be made safe, and paint with the CSS Custom Highlight API (range-highlights.ts):
 * - 'mark': `<mark>` elements by mark.js: the first one is the keyboard stop, the screen-reader button
 *   and the hover target.
 * - 'range': text directly inside a flex or grid container. A `<mark>` there would become a flex or
 *   grid item of its own and break the row, so the text is drawn as ranges, and keyboard and
 *   screen-reader access comes from a proxy: an empty `<mark role=button tabindex=0 aria-label=…>`,
 *   positioned out of flow (no item, no layout change), inserted *before* the page's text node
 *   without splitting it. Focus on it draws the focus highlight over the text.
 * - 'interim': text inside a server-rendered framework root before the page has settled. Nothing at
 *   all is added to the DOM (hydration compares the page's nodes with what the server sent), so only
 *   ranges are drawn, with hover; `settleInterim` turns them into 'mark' or 'range' later.
 */
export type PaintMode = 'mark' | 'range' | 'interim';

export interface PaintedHighlight {
  spec: HighlightSpec;
  mode: PaintMode;
  /** 'mark': the mark elements in document order (the first is the keyboard stop); 'range': the proxy; 'interim': none. */
  elements: HTMLElement[];
  /** 'range' and 'interim': one live range per text node the span covers. */
  ranges: Range[];
  /** The text each range held when painted: a range whose text changed is stale. */
  texts: string[];
  /** The mark.js root of each range's text node (for painting it later in another mode). */
  markRoots: Node[];
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function rangesIntact(highlight: PaintedHighlight): boolean {
  return highlight.ranges.length > 0 && highlight.ranges.every((range, i) => range.startContainer.isConnected && range.toString() === highlight.texts[i]);
}

function isLive(highlight: PaintedHighlight): boolean {
  return highlight.mode === 'mark' ? highlight.elements.some((element) => element.isConnected) : rangesIntact(highlight);
}

function contains(ancestor: Node, node: Node): boolean {
  return ancestor === node || ancestor.contains(node);
}

/**
 * The highlights we made, keyed by element. Cards are looked up here, never from data attributes:
 * a page can forge a `<mark class="pledge-lens-mark">` but cannot put an element into this map, and
 * the claim and mention ids live only here, out of the page's sight.
 *
 * It also keeps a ledger of the text nodes painting split. mark.js keeps the text *before* a mark in
 * the page's own node (the *origin*) and moves the marked text and the rest into new nodes. A
 * framework that later writes to its origin node (`node.data = …`, React's commitTextUpdate) or
 * removes it would leave our copies of its old text on screen: `repair` notices and removes them.
 */
export class HighlightRegistry {
  private readonly byElement = new WeakMap<Element, PaintedHighlight>();
  private readonly painted: PaintedHighlight[] = [];
  private painter: RangePainter | undefined;
  /** Nodes painting made (marks, split-off text) → the page's text node they came from. */
  private readonly originOf = new WeakMap<Node, Text>();
  /** The page's split text nodes → the nodes painting made from them. */
  private readonly derived = new Map<Text, Set<ChildNode>>();

  constructor(painter?: RangePainter) {
    this.painter = painter;
  }

  /** The range painter, made for the document of the first range painted when none was given. */
  rangePainter(doc: Document): RangePainter {
    return (this.painter ??= new RangePainter(doc));
  }

  get(element: Element): PaintedHighlight | undefined {
    return this.byElement.get(element);
  }

  /** Live highlights: marks still in a document (a re-render may have removed them), ranges still holding their text. */
  all(): PaintedHighlight[] {
    return this.painted.filter(isLive);
  }

  /** Range-painted highlights waiting for the page to settle. */
  interim(): PaintedHighlight[] {
    return this.painted.filter((highlight) => highlight.mode === 'interim');
  }

  /** Whether any highlight is painted with ranges (the pointer then needs hit-testing). */
  hasRanges(): boolean {
    return this.painted.some((highlight) => highlight.mode !== 'mark');
  }

  add(highlight: PaintedHighlight): void {
    this.painted.push(highlight);
    for (const element of highlight.elements) this.byElement.set(element, highlight);
  }

  /** Whether the character at `offset` of `node` is already painted (painting it again would nest highlights). */
  isPainted(node: Text, offset: number): boolean {
    return this.painted.some((highlight) =>
      highlight.mode === 'mark'
        ? highlight.elements.some((element) => element.isConnected && element.contains(node))
        : highlight.ranges.some((range) => range.startContainer === node && range.startOffset <= offset && offset < range.endOffset),
    );
  }

  /** The range-painted highlight under the pointer, if any. */
  rangeHighlightAt(x: number, y: number, target: Node): PaintedHighlight | undefined {
    for (const highlight of this.painted) {
      if (highlight.mode === 'mark' || !rangesIntact(highlight)) continue;
      for (const range of highlight.ranges) {
        if (!contains(target, range.startContainer) && !contains(range.startContainer, target)) continue;
        for (const rect of range.getClientRects()) if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return highlight;
      }
    }
    return undefined;
  }

  /** Takes one highlight off the page: marks are merged back into the page's text, ranges and proxies removed. */
  remove(highlight: PaintedHighlight): void {
    const index = this.painted.indexOf(highlight);
    if (index >= 0) this.painted.splice(index, 1);
    if (highlight.mode !== 'mark') this.painter?.remove(highlight.spec.kind, highlight.ranges);
    for (const element of highlight.elements) {
      if (highlight.mode === 'mark') unwrapMark(element);
      else element.remove();
      this.byElement.delete(element);
    }
  }

  /**
   * Unwraps every mark we made. Painting split the page's text nodes, keeping the text *before*
   * each mark in the original node (mark.js and our own wrapping both do); the marked text and the
   * remainder went to new nodes. Merging them back into that original node restores the page's
   * own node objects, which frameworks hold references to and update in place.
   */
  clear(): void {
    for (const highlight of [...this.painted]) this.remove(highlight);
    this.painter?.clear();
    this.derived.clear();
  }

  /** Notes which page text node each new mark (and the text split off after it) came from. */
  recordSplits(marks: readonly HTMLElement[]): void {
    for (const mark of marks) {
      const before = mark.previousSibling;
      if (!before || before.nodeType !== TEXT_NODE) continue;
      const origin = this.originOf.get(before) ?? (before as Text);
      let made = this.derived.get(origin);
      if (!made) this.derived.set(origin, (made = new Set()));
      made.add(mark);
      this.originOf.set(mark, origin);
      const after = mark.nextSibling;
      if (after && after.nodeType === TEXT_NODE && !this.derived.has(after as Text)) {
        made.add(after as ChildNode);
        this.originOf.set(after, origin);
      }
    }
  }

  /**
   * Reacts to the page's own DOM changes: when the page wrote to or removed a text node we split,
   * the copies we made of its old text (marks and split-off text) are stale, so they are removed and
   * the page's node alone shows what the page wrote; the other parts of an affected highlight are
   * merged back. Range highlights whose text changed are dropped too. Returns what was dropped (the
   * caller rescans those places from fresh text). Call it with the observer paused.
   */
  repair(records: readonly MutationRecord[]): PaintedHighlight[] {
    const dropped = new Set<PaintedHighlight>();
    const dropOrigin = (node: Node): void => {
      if (node.nodeType !== TEXT_NODE) return;
      const made = this.derived.get(node as Text);
      if (!made) return;
      this.derived.delete(node as Text);
      for (const piece of made) {
        const highlight = piece.nodeType === ELEMENT_NODE ? this.byElement.get(piece as Element) : undefined;
        if (highlight) dropped.add(highlight);
        piece.parentNode?.removeChild(piece);
      }
    };
    for (const record of records) {
      if (record.type === 'characterData') dropOrigin(record.target);
      else if (record.type === 'childList') record.removedNodes.forEach(dropOrigin);
    }
    for (const highlight of this.painted) if (highlight.mode !== 'mark' && !rangesIntact(highlight)) dropped.add(highlight);
    for (const highlight of dropped) this.remove(highlight);
    return [...dropped];
  }
}

function unwrapMark(mark: Element): void {
  const parent = mark.parentNode;
  if (!parent) return;
  const original = mark.previousSibling;
  if (original && original.nodeType === TEXT_NODE) {
    let text = mark.textContent ?? '';
    const remainder = mark.nextSibling;
    // A remainder node is ours (split off by painting) only if no one else holds it; the page
    // never sees it before this point, so fold it back in.
    if (remainder && remainder.nodeType === TEXT_NODE) {
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

/**
 * What a mark says about itself in the page's DOM: its kind (the styling hook), nothing more. Claim
 * and mention ids stay in `HighlightRegistry`, in the content script's isolated world: as attributes
 * they let any page list which of the reader's claims (a private pack's included) it matched.
 */
function decorate(mark: HTMLElement, spec: HighlightSpec): void {
  mark.dataset.claimKind = spec.kind;
}

/** The text pieces a spec covers, or nothing when the page changed those nodes since extraction. */
export function piecesOf(extracted: ExtractedText, spec: HighlightSpec): NodeRange[] {
  const pieces = toNodeRanges(extracted, spec.start, spec.end);
  return pieces.some((piece) => !piece.node.isConnected || piece.node.data.length < piece.to) ? [] : pieces;
}

/** Wraps the pieces with mark.js `markRanges`, each group in its own small context. */
function wrapPieces(pieces: readonly NodeRange[], spec: HighlightSpec): HTMLElement[] {
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

/** Inline, !important: nothing the page's CSS says can give the proxy a box that takes part in layout. */
const PROXY_STYLE: Readonly<Record<string, string>> = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'hidden',
  'clip-path': 'inset(50%)',
  'white-space': 'nowrap',
};

function makeProxy(before: Text, spec: HighlightSpec): HTMLElement {
  const proxy = before.ownerDocument.createElement('mark');
  proxy.className = `${MARK_CLASS} ${PROXY_CLASS}`;
  decorate(proxy, spec);
  for (const [property, value] of Object.entries(PROXY_STYLE)) proxy.style.setProperty(property, value, 'important');
  before.parentNode!.insertBefore(proxy, before);
  return proxy;
}

/** Paints one span in the given mode; undefined when nothing could be painted. */
function paintPieces(pieces: readonly NodeRange[], spec: HighlightSpec, mode: PaintMode, registry: HighlightRegistry): PaintedHighlight | undefined {
  if (pieces.length === 0) return undefined;
  if (mode !== 'mark') {
    const doc = pieces[0]!.node.ownerDocument;
    const ranges = pieces.map((piece) => {
      const range = doc.createRange();
      range.setStart(piece.node, piece.from);
      range.setEnd(piece.node, piece.to);
      return range;
    });
    if (registry.rangePainter(doc).add(spec.kind, ranges)) {
      const elements = mode === 'range' ? [makeProxy(pieces[0]!.node, spec)] : [];
      return finish({ spec, mode, elements, ranges, texts: ranges.map((range) => range.toString()), markRoots: pieces.map((piece) => piece.markRoot) }, registry);
    }
    // No Custom Highlight API: wrapping is the only way to show the claim at all.
    if (mode === 'interim') return undefined;
  }
  const marks = wrapPieces(pieces, spec);
  if (marks.length === 0) return undefined;
  registry.recordSplits(marks);
  return finish({ spec, mode: 'mark', elements: marks, ranges: [], texts: [], markRoots: [] }, registry);
}

function finish(highlight: PaintedHighlight, registry: HighlightRegistry): PaintedHighlight {
  // One keyboard stop per mention, however many elements inline markup split it into.
  const first = highlight.elements[0];
  if (first) {
    first.tabIndex = 0;
    first.setAttribute('role', 'button');
    first.setAttribute('aria-haspopup', 'dialog');
    first.setAttribute('aria-label', highlight.spec.label);
  }
  registry.add(highlight);
  return highlight;
}

/** Chooses a paint mode from the text pieces a span covers. */
export type ModeChooser = (pieces: readonly NodeRange[]) => PaintMode;

const ALWAYS_MARK: ModeChooser = () => 'mark';

/**
 * Paints each spec: wrapped in `<mark>` with mark.js `markRanges` unless `modeOf` says otherwise.
 * Offsets come from the extraction's map, so a span crossing inline markup or hidden text lands
 * exactly. Specs are painted last first: mark.js splits a text node keeping the text *before* the
 * mark in the original node, so earlier spans' node references stay valid. `shouldYield` lets a
 * caller slice the work.
 */
export async function paintHighlightsSliced(
  extracted: ExtractedText,
  specs: readonly HighlightSpec[],
  registry: HighlightRegistry,
  slicing: {
    shouldYield: () => boolean;
    yieldNow: () => Promise<void>;
    /** Wraps each synchronous DOM step (the content script pauses its MutationObserver there). */
    step: <T>(paint: () => T) => T;
    modeOf?: ModeChooser;
  },
): Promise<PaintedHighlight[]> {
  const painted: PaintedHighlight[] = [];
  const ordered = [...specs].sort((a, b) => b.start - a.start);
  for (const spec of ordered) {
    if (slicing.shouldYield()) await slicing.yieldNow();
    const highlight = slicing.step(() => {
      const pieces = piecesOf(extracted, spec);
      return pieces.length ? paintPieces(pieces, spec, (slicing.modeOf ?? ALWAYS_MARK)(pieces), registry) : undefined;
    });
    if (highlight) painted.push(highlight);
  }
  return painted.reverse();
}

/** Synchronous painting, for small pages and tests. */
export function paintHighlights(extracted: ExtractedText, specs: readonly HighlightSpec[], registry: HighlightRegistry, modeOf: ModeChooser = ALWAYS_MARK): PaintedHighlight[] {
  const painted: PaintedHighlight[] = [];
  for (const spec of [...specs].sort((a, b) => b.start - a.start)) {
    const pieces = piecesOf(extracted, spec);
    const highlight = pieces.length ? paintPieces(pieces, spec, modeOf(pieces), registry) : undefined;
    if (highlight) painted.push(highlight);
  }
  return painted.reverse();
}

/**
 * The page has settled: each interim highlight whose text is unchanged is painted for good, in the
 * mode `modeOf` chooses now ('mark', or 'range' in a flex or grid container). Its live ranges
 * followed every split made meanwhile, so they are read afresh for each highlight. Highlights whose
 * text changed are dropped (the rescan of that change paints them again).
 */
export function settleInterim(registry: HighlightRegistry, modeOf: ModeChooser): PaintedHighlight[] {
  const settled: PaintedHighlight[] = [];
  for (const highlight of registry.interim()) {
    const intact = rangesIntact(highlight);
    registry.remove(highlight);
    if (!intact) continue;
    const pieces: NodeRange[] = highlight.ranges.map((range, i) => ({ node: range.startContainer as Text, markRoot: highlight.markRoots[i]!, from: range.startOffset, to: range.endOffset }));
    const mode = modeOf(pieces);
    const repainted = paintPieces(pieces, highlight.spec, mode === 'interim' ? 'mark' : mode, registry);
    if (repainted) settled.push(repainted);
  }
  return settled;
}
