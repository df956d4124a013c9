import Mark from 'mark.js';
import { BLOCK_SEPARATOR, CELL_SEPARATOR, isMarkCounted, LINE_BREAK, type ExtractedText } from '../text/extract-text';
import { toNodeRanges, type NodeRange } from '../text/node-ranges';
import { seatsOf, stillSeated, type HighlightSeat } from './highlight-seat';
import { INLINE_TAGS } from './inline-tags';
import { RangePainter, rangeLookOf } from './range-highlights';

export const MARK_CLASS = 'pledge-lens-mark';
/** The keyboard stop of a range-painted highlight: an empty, out-of-flow mark before its text. */
export const PROXY_CLASS = 'pledge-lens-proxy';
/** The class the popup's "Show on page" briefly gives a highlight. */
export const FLASH_CLASS = 'pledge-lens-flash';

/** One span to highlight, with what the mark elements must say about it. */
export interface HighlightSpec {
  claimId: string;
  kind: string;
  mentionId: string;
  /**
   * What the highlight is, announced by screen readers after its words (`aria-description` on its
   * keyboard stop): its accessible name stays the page's own words.
   */
  description: string;
  start: number;
  end: number;
  /** The reader marked this mention as a wrong match: drawn dimmed (`data-dimmed`), still a keyboard stop, so the mark can be taken back. */
  dimmed?: boolean;
  /** The claim no longer holds (`statusHasEnded`: withdrawn, superseded, lapsed): drawn with its kind's line on a striped wash (`data-claim-ended`). */
  ended?: boolean;
}

/**
 * How a span is painted. mark.js wrapping is the rule; the two range modes exist only where wrapping
 * cannot be made safe, and paint with the CSS Custom Highlight API (range-highlights.ts):
 * - 'mark': `<mark>` elements by mark.js: the first one is the keyboard stop, the screen-reader button
 *   (named by its own text, the page's words) and the hover target.
 * - 'range': text directly inside a flex or grid container. A `<mark>` there would become a flex or
 *   grid item of its own and break the row, so the text is drawn as ranges, and keyboard and
 *   screen-reader access comes from a proxy: an empty `<mark role=button tabindex=0 aria-label=…>`
 *   named by the highlighted words, positioned out of flow (no item, no layout change), inserted
 *   *before* the page's text node without splitting it. Focus on it draws the focus highlight over
 *   the text.
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
const CDATA_SECTION_NODE = 4;
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
  /** Each mark → the text painting split off right after it (a member of its origin's `derived` set). */
  private readonly splitAfter = new WeakMap<Element, ChildNode>();
  /** Each split origin's text as we last left it: tells the page splitting it from the page rewriting it. */
  private readonly originText = new WeakMap<Text, string>();
  /** Where each wrapped highlight was painted (highlight-seat.ts): kept here, out of the page's reach. */
  private readonly seats = new WeakMap<PaintedHighlight, HighlightSeat[]>();
  /** Watches our marks' attributes: the page may rewrite the look and the spoken label (`restoreLook`). */
  private lookGuard: MutationObserver | undefined;
  /** Per highlight, how often its look was put back, and since when (`LOOK_RESTORES`). */
  private readonly restores = new WeakMap<PaintedHighlight, { count: number; since: number }>();

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
    if (highlight.mode !== 'mark') return;
    this.seats.set(highlight, seatsOf(highlight.elements));
    const doc = highlight.elements[0]?.ownerDocument;
    const Observer = doc?.defaultView?.MutationObserver;
    if (!Observer) return;
    this.lookGuard ??= new Observer((records) => this.onLookChanged(records));
    for (const element of highlight.elements) this.lookGuard.observe(element, { attributes: true, attributeFilter: GUARDED_ATTRIBUTES });
  }

  /**
   * The page rewrote an attribute of our marks (a new user's report 57, problem 10: `data-claim-kind` set to
   * "no-commitment" drew a binding commitment grey, and a screen reader heard "No commitment"; a page class
   * restyled it): each such highlight's look is put back. Our own writes (dimming, the flash) agree with the spec
   * and change nothing, so they end here. A page that keeps rewriting (its own observer undoing ours) gets
   * `LOOK_RESTORES` restores per highlight in `LOOK_RESTORE_WINDOW_MS`, then is left alone: two observers answering
   * each other would hang the page.
   */
  private onLookChanged(records: readonly MutationRecord[]): void {
    const seen = new Set<PaintedHighlight>();
    for (const record of records) {
      const highlight = this.byElement.get(record.target as Element);
      if (!highlight || seen.has(highlight)) continue;
      seen.add(highlight);
      const now = Date.now();
      const tally = this.restores.get(highlight);
      if (tally && now - tally.since < LOOK_RESTORE_WINDOW_MS && tally.count >= LOOK_RESTORES) continue;
      if (!restoreLook(highlight)) continue;
      if (!tally || now - tally.since >= LOOK_RESTORE_WINDOW_MS) this.restores.set(highlight, { count: 1, since: now });
      else tally.count++;
    }
  }

  /**
   * Whether a highlight is where we painted it, around the words we painted, so its card may open:
   * marks still in their block with the same text in and around them (a page moves our marks, or
   * changes the words beside them, to make our verdict vouch for text of its choosing); ranges still
   * holding their text, with the proxy still beside it. Cheap enough for every hover and focus.
   */
  seated(highlight: PaintedHighlight): boolean {
    if (highlight.mode === 'interim') return rangesIntact(highlight);
    if (highlight.mode === 'range') {
      const proxy = highlight.elements[0];
      return rangesIntact(highlight) && (!proxy || proxy.parentNode === highlight.ranges[0]!.startContainer.parentNode);
    }
    const seats = this.seats.get(highlight);
    return seats !== undefined && stillSeated(highlight.elements, seats);
  }

  /**
   * Whether `mark` still sits where painting put it, among the pieces it split from its origin: only
   * then are the text nodes around it ours to merge back. A mark the page took out (moved, wrapped)
   * sits next to the page's own text, which a merge would take from the page.
   */
  private inPlace(mark: Element): boolean {
    const origin = this.originOf.get(mark);
    return origin !== undefined && this.derived.get(origin)?.has(mark as ChildNode) === true;
  }

  /** Whether `node` lies inside one of our marks (painting its text again would nest them). */
  insideMark(node: Node): boolean {
    for (let at = node.parentElement; at; at = at.parentElement) if (this.byElement.has(at) && at.localName === 'mark') return true;
    return false;
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
    this.seats.delete(highlight);
    if (highlight.mode !== 'mark') this.painter?.remove(rangeLookOf(highlight.spec), highlight.ranges);
    for (const element of highlight.elements) {
      if (highlight.mode === 'mark') {
        const merged = unwrapMark(element, this.inPlace(element));
        if (merged && this.originText.has(merged)) this.originText.set(merged, merged.data);
      } else element.remove();
      this.byElement.delete(element);
    }
  }

  /**
   * Dims a highlight (the reader marked it as a wrong match) or shows it again, with the accessible
   * description that says which: marks change their `data-dimmed` attribute, ranges move to the
   * dimmed look or back. The highlight stays where it is, a keyboard stop as before.
   */
  setDimmed(highlight: PaintedHighlight, dimmed: boolean, description: string): void {
    if ((highlight.spec.dimmed === true) === dimmed && highlight.spec.description === description) return;
    const before = rangeLookOf(highlight.spec);
    highlight.spec = { ...highlight.spec, dimmed, description };
    if (highlight.mode !== 'mark' && this.painter) {
      this.painter.remove(before, highlight.ranges);
      this.painter.add(rangeLookOf(highlight.spec), highlight.ranges);
    }
    if (highlight.mode === 'mark') for (const element of highlight.elements) decorate(element, highlight.spec);
    highlight.elements[0]?.setAttribute('aria-description', description);
  }

  /**
   * Takes off a highlight that no longer says what was matched, found out between page changes: out of
   * its seat (the page moved a mark, or changed the words beside it, in a way repair does not see, as in
   * an ancestor it moved), or with words the page's CSS now hides. Its words stay where they are. Returns
   * the places to read again: where it was painted and where its marks are.
   */
  dropStale(highlight: PaintedHighlight): Node[] {
    const places = new Set<Node>(this.seats.get(highlight)?.map((seat) => seat.block));
    for (const element of highlight.elements) if (element.parentNode) places.add(element.parentNode);
    this.remove(highlight);
    return [...places];
  }

  /**
   * Unwraps every mark we made. Painting split the page's text nodes, keeping the text *before*
   * each mark in the original node (mark.js and our own wrapping both do); the marked text and the
   * remainder went to new nodes. Merging them back into that original node restores the page's
   * own node objects, which frameworks hold references to and update in place.
   */
  clear(): void {
    this.lookGuard?.disconnect();
    this.lookGuard = undefined;
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
      if (origin === before) this.originText.set(origin, origin.data);
      let made = this.derived.get(origin);
      if (!made) this.derived.set(origin, (made = new Set()));
      made.add(mark);
      this.originOf.set(mark, origin);
      const after = mark.nextSibling;
      if (after && after.nodeType === TEXT_NODE && !this.derived.has(after as Text)) {
        made.add(after as ChildNode);
        this.originOf.set(after, origin);
        this.splitAfter.set(mark, after as ChildNode);
      }
    }
  }

  /**
   * Whether the page split `origin` (`splitText`, once or more) rather than rewrote it: the text
   * nodes now between it and the first piece painting made from it, joined to its text, are its text
   * as we left it. The last of them then holds the text our pieces continue, and becomes their origin
   * (a write to it replaces them; a write to `origin` no longer does). Without this a split read as a
   * rewrite, and repair deleted the claim and the rest of the paragraph.
   */
  private splitByPage(origin: Text, made: Set<ChildNode>): boolean {
    let text = origin.data;
    let last: Text | undefined;
    let node = origin.nextSibling;
    for (; node && !made.has(node); node = node.nextSibling) {
      if (node.nodeType !== TEXT_NODE) return false;
      last = node as Text;
      text += last.data;
    }
    if (!node || !last || text !== this.originText.get(origin)) return false;
    this.derived.set(last, made);
    this.originText.set(last, last.data);
    for (const piece of made) this.originOf.set(piece, last);
    return true;
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
      if (node.isConnected && this.splitByPage(node as Text, made)) return;
      for (const piece of made) {
        const highlight = piece.nodeType === ELEMENT_NODE ? this.byElement.get(piece as Element) : undefined;
        if (highlight) dropped.add(highlight);
        piece.parentNode?.removeChild(piece);
      }
    };
    // A mark the page itself took out (unwrapped, moved) hands what painting made around it to the
    // page: its children and the text split off after it are now the page's to show, and a later
    // write to the origin node must not delete them (it deleted the split-off text, leaving the
    // marked words and losing the rest of the sentence). The pieces painting made further on (a
    // second claim in the same node) continue that split-off text, not the origin: it becomes their
    // origin (a write to the origin deleted them, and the end of the paragraph with them).
    const forgetMark = (node: Node): void => {
      if (node.nodeType !== ELEMENT_NODE) return;
      const origin = this.originOf.get(node);
      const made = origin ? this.derived.get(origin) : undefined;
      if (!made?.delete(node as ChildNode)) return;
      const after = this.splitAfter.get(node as Element);
      if (!after) return;
      made.delete(after);
      // It is the page's own node now: what painting splits from it later derives from it.
      this.originOf.delete(after);
      const rest = new Set<ChildNode>();
      for (const piece of made) if (piece.parentNode === after.parentNode && after.compareDocumentPosition(piece) & 4 /* FOLLOWING */) rest.add(piece);
      if (rest.size === 0 || after.nodeType !== TEXT_NODE) return;
      for (const piece of rest) {
        made.delete(piece);
        this.originOf.set(piece, after as Text);
      }
      this.derived.set(after as Text, rest);
      this.originText.set(after as Text, (after as Text).data);
    };
    for (const record of records) if (record.type === 'childList') record.removedNodes.forEach(forgetMark);
    // Text the page wrote or put inside one of our marks is not the claim's: the highlight goes (its
    // text stays; a rescan paints the claim again if it is still there).
    for (const record of records) {
      const inside = record.type === 'characterData' ? record.target.parentNode : record.addedNodes.length > 0 ? record.target : null;
      const highlight = inside?.nodeType === ELEMENT_NODE ? this.byElement.get(inside as Element) : undefined;
      if (highlight?.mode === 'mark') dropped.add(highlight);
    }
    for (const record of records) {
      if (record.type === 'characterData') dropOrigin(record.target);
      else if (record.type === 'childList') record.removedNodes.forEach(dropOrigin);
    }
    for (const highlight of this.painted) if (highlight.mode !== 'mark' && !rangesIntact(highlight)) dropped.add(highlight);
    // A mark the page moved (out of its block, or beside other words) is no longer around the claim's
    // text: it goes, its words stay where the page put them, and the rescan of the places the page
    // changed paints the claim again where its text still is. A mark the page only wrapped in place
    // keeps its seat and stays.
    for (const record of records) {
      if (record.type !== 'childList') continue;
      for (const nodes of [record.removedNodes, record.addedNodes]) {
        for (const node of nodes) {
          const highlight = node.nodeType === ELEMENT_NODE && node.isConnected ? this.byElement.get(node as Element) : undefined;
          if (highlight?.mode === 'mark' && !dropped.has(highlight) && !this.seated(highlight)) dropped.add(highlight);
        }
      }
    }
    for (const highlight of dropped) this.remove(highlight);
    return [...dropped];
  }
}

/** Takes a mark out; `merge`: its text and the remainder after it go back into the text node before it (painting split them from it). */
function unwrapMark(mark: Element, merge: boolean): Text | undefined {
  const parent = mark.parentNode;
  if (!parent) return;
  const original = mark.previousSibling;
  if (merge && original && original.nodeType === TEXT_NODE) {
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
    return original as Text;
  }
  // The page took the mark out, or removed the node before it: put the text back as it stands.
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
  return undefined;
}

/** The smallest element containing every node. */
function commonContext(nodes: readonly Text[], markRoot: Node): Node {
  let context: Node | null = nodes[0]!.parentNode;
  while (context && context !== markRoot && !nodes.every((node) => context!.contains(node))) context = context.parentNode;
  return context ?? markRoot;
}

/**
 * The context mark.js walks for a highlight: the paragraph (or larger block) holding all its text.
 * Highlights sharing it are painted with one `markRanges` call.
 */
function regionContext(nodes: readonly Text[], markRoot: Node): Node {
  let context = commonContext(nodes, markRoot);
  while (context !== markRoot && context.nodeType === ELEMENT_NODE && INLINE_TAGS.has((context as Element).tagName.toUpperCase()) && context.parentNode) {
    context = context.parentNode;
  }
  return context;
}

/**
 * The text nodes mark.js is shown of each context: the given nodes that context holds, in document
 * order. mark.js joins the text of every node it is shown, so offsets counted over these alone
 * (offsetsAlong) place each range on the same characters as offsets over the whole context would;
 * mark.js then reads a few nodes instead of every text node of the paragraphs (walkListed).
 * A node under no context is left out (its wrapping gets no mark).
 */
function listedTextNodes(contexts: readonly Node[], nodes: ReadonlySet<Text>): Map<Node, Text[]> {
  const inOrder = inDocumentOrder([...nodes]);
  const listed = new Map<Node, Text[]>(contexts.map((context) => [context, []]));
  for (const node of inOrder) {
    const context = contexts.find((candidate) => candidate.contains(node));
    if (context) listed.get(context)!.push(node);
  }
  return listed;
}

/** mark.js offsets of listed nodes: the counted text of the nodes listed before each (contexts in order). */
function offsetsAlong(contexts: readonly Node[], listed: ReadonlyMap<Node, readonly Text[]>): Map<Text, number> {
  const offsets = new Map<Text, number>();
  let cursor = 0;
  for (const context of contexts) {
    for (const node of listed.get(context) ?? []) {
      offsets.set(node, cursor);
      if (isMarkCounted(node)) cursor += node.data.length;
    }
  }
  return offsets;
}

/** mark.js offsets of the given nodes within `contexts`: the counted text before each of them (mark.js joins the contexts' text in order). */
function offsetsWithin(contexts: readonly Node[], nodes: ReadonlySet<Text>): Map<Text, number> {
  const offsets = new Map<Text, number>();
  let cursor = 0;
  for (const context of contexts) {
    if (offsets.size === nodes.size) break;
    const doc = context.ownerDocument ?? (context as Document);
    const walker = doc.createTreeWalker(context, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (nodes.has(node)) offsets.set(node, cursor);
      if (isMarkCounted(node)) cursor += node.data.length;
    }
  }
  return offsets;
}

function wrapByHand(piece: NodeRange, spec: HighlightSpec): HTMLElement {
  const middle = piece.node.splitText(piece.from);
  middle.splitText(piece.to - piece.from);
  const mark = middle.ownerDocument.createElement('mark');
  mark.className = MARK_CLASS;
  mark.setAttribute('data-markjs', 'true');
  decorate(mark, spec, true);
  middle.parentNode!.replaceChild(mark, middle);
  mark.append(middle);
  return mark;
}

/**
 * What a mark says about itself in the page's DOM: its kind (the styling hook), `data-claim-ended` when
 * the claim no longer holds and `data-dimmed` when the reader marked it as a wrong match (drawn faint),
 * nothing more: what the mark's look shows, which the page can read from its computed style anyway.
 * Claim and mention ids stay in `HighlightRegistry`, in the content script's isolated world: as
 * attributes they let any page list which of the reader's claims (a private pack's included) it matched.
 */
function decorate(mark: HTMLElement, spec: HighlightSpec, fresh = false): void {
  mark.setAttribute('data-claim-kind', spec.kind);
  // A mark just made has neither flag: only a flagged one needs the call (one DOM call less per mark painted).
  if (!fresh || spec.ended === true) mark.toggleAttribute('data-claim-ended', spec.ended === true);
  if (!fresh || spec.dimmed === true) mark.toggleAttribute('data-dimmed', spec.dimmed === true);
}

/** The attributes that say what a mark is, to the eye (its kind, ended, dimmed, class) and to assistive technology. */
const GUARDED_ATTRIBUTES = ['class', 'data-claim-kind', 'data-claim-ended', 'data-dimmed', 'tabindex', 'role', 'aria-haspopup', 'aria-description'];
/** Restores of one highlight's look within `LOOK_RESTORE_WINDOW_MS` before a page that keeps rewriting it is left alone. */
const LOOK_RESTORES = 20;
const LOOK_RESTORE_WINDOW_MS = 5_000;
/** The classes a mark of ours may carry: its own, a proxy's and the popup's "show on page" flash. */
const OWN_CLASSES: ReadonlySet<string> = new Set([MARK_CLASS, PROXY_CLASS, FLASH_CLASS]);

/** Sets an attribute only when it differs: an unchanged write still notifies observers, ours included. */
function setIfChanged(element: Element, name: string, value: string | null): boolean {
  if (element.getAttribute(name) === value) return false;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
  return true;
}

/**
 * Puts back what a wrapped highlight's marks say about themselves, as painting set it (`decorate`,
 * `makeKeyboardStop`): the class (ours, with a page's own classes taken off), the kind, ended and dimmed flags, and
 * on the first mark the keyboard stop's role and description. Returns whether anything had changed.
 */
function restoreLook(highlight: PaintedHighlight): boolean {
  const { spec } = highlight;
  let changed = false;
  for (const element of highlight.elements) {
    const classes = [...element.classList];
    if (!classes.includes(MARK_CLASS) || classes.some((name) => !OWN_CLASSES.has(name))) {
      element.className = [MARK_CLASS, ...classes.filter((name) => name !== MARK_CLASS && OWN_CLASSES.has(name))].join(' ');
      changed = true;
    }
    changed = setIfChanged(element, 'data-claim-kind', spec.kind) || changed;
    changed = setIfChanged(element, 'data-claim-ended', spec.ended === true ? '' : null) || changed;
    changed = setIfChanged(element, 'data-dimmed', spec.dimmed === true ? '' : null) || changed;
  }
  const first = highlight.elements[0];
  if (first) {
    changed = setIfChanged(first, 'tabindex', '0') || changed;
    changed = setIfChanged(first, 'role', 'button') || changed;
    changed = setIfChanged(first, 'aria-haspopup', 'dialog') || changed;
    changed = setIfChanged(first, 'aria-description', spec.description) || changed;
  }
  return changed;
}

const BREAKS = new Set([BLOCK_SEPARATOR, CELL_SEPARATOR, LINE_BREAK]);

/**
 * Whether the pieces still hold the text the matcher read: each piece's node is in the document and
 * its characters are those of the extracted text at the span, where consecutive pieces may be apart
 * by one break extraction inserted. A page that rewrote a node since extraction fails this, and the
 * span is skipped rather than painted over other words.
 */
function piecesHoldText(extracted: ExtractedText, spec: HighlightSpec, pieces: readonly NodeRange[]): boolean {
  const { text } = extracted;
  let at = spec.start;
  for (const piece of pieces) {
    if (!piece.node.isConnected) return false;
    // Read once: each read of `data` is a call into the DOM that hands back the node's string.
    const data = piece.node.data;
    if (data.length < piece.to) return false;
    const now = data.slice(piece.from, piece.to);
    if (!text.startsWith(now, at)) {
      if (!BREAKS.has(text[at] ?? '') || !text.startsWith(now, at + 1)) return false;
      at++;
    }
    at += now.length;
  }
  return at <= spec.end;
}

/** One highlight being wrapped: the marks made for it so far. */
interface MarkOwner {
  spec: HighlightSpec;
  marks: HTMLElement[];
  /** Some marks were made by hand (blank pieces), out of document order. */
  byHand?: boolean;
}

/** A highlight's pieces in one mark root (a highlight reaching into a shadow root has two). */
interface Wrapping {
  owner: MarkOwner;
  pieces: NodeRange[];
}

/**
 * Wraps highlights whose text lies under `contexts` (disjoint, in document order) with one mark.js
 * `markRanges` call: mark.js walks the contexts' text nodes once and wraps every range, and its
 * `each` callback hands each new mark to the highlight whose range it is (the range objects are the
 * keys). Wrappings must be in document order and must not overlap. A wrapping whose node is no
 * longer under the contexts gets no mark.
 */
function wrapRegion(contexts: readonly Node[], wrappings: readonly Wrapping[]): void {
  const nodes = new Set(wrappings.flatMap((wrapping) => wrapping.pieces.map((piece) => piece.node)));
  // A blank piece is wrapped by hand first, and its split leaves new text nodes after it that a list
  // made now would not hold: such a region is walked whole, as mark.js would walk it.
  const anyBlank = wrappings.some((wrapping) => wrapping.pieces.some(isBlank));
  const listed = anyBlank ? undefined : listedTextNodes(contexts, nodes);
  const offsets = listed ? offsetsAlong(contexts, listed) : offsetsWithin(contexts, nodes);
  const ranges: Mark.Range[] = [];
  const ownerOf = new Map<Mark.Range, MarkOwner>();
  const blank: Array<{ piece: NodeRange; owner: MarkOwner }> = [];
  for (const { owner, pieces } of wrappings) {
    // Pieces contiguous in mark space (a span across inline markup) are one range; mark.js wraps each node's part.
    const groups: Array<{ start: number; length: number; pieces: NodeRange[] }> = [];
    let placed = true;
    for (const piece of pieces) {
      const base = offsets.get(piece.node);
      if (base === undefined) {
        placed = false;
        break;
      }
      const start = base + piece.from;
      const previous = groups[groups.length - 1];
      if (previous && previous.start + previous.length === start) {
        previous.length += piece.to - piece.from;
        previous.pieces.push(piece);
      } else groups.push({ start, length: piece.to - piece.from, pieces: [piece] });
    }
    if (!placed) continue;
    for (const group of groups) {
      // mark.js skips whitespace-only ranges, which would leave a gap where a span steps over hidden text.
      if (group.pieces.every(isBlank)) {
        for (const piece of group.pieces) blank.push({ piece, owner });
      } else {
        const range = new MarkRange(group.start, group.length);
        ranges.push(range);
        ownerOf.set(range, owner);
      }
    }
  }
  // Blank pieces by hand, last first: a split node keeps the text before the split, so the nodes of
  // earlier pieces stay valid; splitting leaves mark.js offsets unchanged (no text moves).
  for (let i = blank.length - 1; i >= 0; i--) {
    const { piece, owner } = blank[i]!;
    owner.marks.push(wrapByHand(piece, owner.spec));
    owner.byHand = true;
  }
  if (ranges.length === 0) return;
  walkListed(listed, () =>
    new Mark(contexts.length === 1 ? (contexts[0] as HTMLElement) : (contexts as HTMLElement[])).markRanges(ranges, {
      element: 'mark',
      className: MARK_CLASS,
      each: (element: Element, range: Mark.Range) => {
        const owner = ownerOf.get(range)!;
        decorate(element as HTMLElement, owner.spec, true);
        owner.marks.push(element as HTMLElement);
      },
    }),
  );
}

/** Whether a piece's text is whitespace only (mark.js skips such a range). */
function isBlank(piece: NodeRange): boolean {
  return piece.node.data.slice(piece.from, piece.to).trim() === '';
}

/** NodeFilter's answer that keeps a node. */
const FILTER_ACCEPT = 1;

/**
 * A NodeIterator over a fixed list of text nodes, as far as mark.js uses one: `nextNode()` and
 * `previousNode()` move a cursor between the nodes the filter accepts, as a NodeIterator's pointer
 * moves between the nodes of its root.
 */
class ListedTextIterator {
  private readonly nodes: Text[];
  private cursor = 0;

  constructor(nodes: readonly Text[], filter: NodeFilter | null | undefined) {
    const accept = typeof filter === 'function' ? filter : filter ? (node: Node) => filter.acceptNode(node) : () => FILTER_ACCEPT;
    this.nodes = nodes.filter((node) => accept(node) === FILTER_ACCEPT);
  }

  nextNode(): Text | null {
    return this.cursor < this.nodes.length ? this.nodes[this.cursor++]! : null;
  }

  previousNode(): Text | null {
    return this.cursor > 0 ? this.nodes[--this.cursor]! : null;
  }
}

/**
 * Runs `markRanges` with the global `document.createNodeIterator` answered, for a context in
 * `listed`, by an iterator over its listed text nodes alone, and otherwise by `createTreeWalker`.
 *
 * Why the list: mark.js reads every text node of every context to join their text, though a region's
 * ranges lie in a few of them; shown only those (with offsets counted over them, offsetsAlong), it
 * wraps the same characters and reads no other node: on the bench's 10,000-word page, painting's
 * median fell from 6.1 to 5.3 ms and its ratio to wrapping by hand from 2.80x to 2.44x (three
 * alternating runs of 15 rounds, `scripts/bench/paint.ts`, 1 Dec 2026; lib/highlight/README.md).
 *
 * Why a TreeWalker otherwise:
 * Why: mark.js makes a NodeIterator per context per call (`document.createNodeIterator`, the global
 * document), reads it to the end before it changes anything, and drops it. A NodeIterator stays
 * registered with its document until garbage collection, and every node removal visits every
 * registered one (the DOM standard's removal steps fix up each iterator's reference node): with a
 * page's worth of them alive, each `replaceChild` mark.js makes cost 8 times one made by hand
 * (profile of 30 Nov, lib/highlight/README.md). A TreeWalker is not registered and needs no fix-up.
 *
 * Same nodes, same order: mark.js asks only for text nodes (`SHOW_TEXT`), so the filter sees text
 * nodes alone and its FILTER_REJECT skips no subtree; its `previousNode()` then `nextNode()` steps
 * yield the same next node on both (only the previous node, used for iframes, which we leave off,
 * can differ). The override is an own property of our world's document wrapper (the page never
 * sees it) and is removed before this returns (any own property there before is put back), so
 * nothing else ever meets it.
 */
function walkListed(listed: ReadonlyMap<Node, readonly Text[]> | undefined, call: () => void): void {
  const doc = globalThis.document as Document & { createNodeIterator: Document['createNodeIterator'] };
  // Whatever own property was there (a test's stand-in) comes back afterwards.
  const own = Object.getOwnPropertyDescriptor(doc, 'createNodeIterator');
  Object.defineProperty(doc, 'createNodeIterator', {
    configurable: true,
    writable: true,
    value: (root: Node, whatToShow?: number, filter?: NodeFilter | null) => {
      const nodes = listed?.get(root);
      return nodes ? new ListedTextIterator(nodes, filter) : doc.createTreeWalker(root, whatToShow, filter);
    },
  });
  try {
    call();
  } finally {
    if (own) Object.defineProperty(doc, 'createNodeIterator', own);
    else delete (doc as Partial<Pick<Document, 'createNodeIterator'>>).createNodeIterator;
  }
}

/**
 * A range handed to mark.js: its offset and length in the contexts' joined text (what `Mark.Range`
 * says), and nothing to write out. mark.js builds a debug line with `JSON.stringify` of every call's
 * ranges before it looks whether logging is on (`markRanges`): 2 to 12% of painting's time in
 * profiles of 30 Nov (`profile.ts page`). `toJSON` makes each range cost one character there.
 */
class MarkRange implements Mark.Range {
  constructor(
    public start: number,
    public length: number,
  ) {}

  toJSON(): number {
    return 0;
  }
}

/** Nodes sorted into document order, in place (for marks: the first is the highlight's keyboard stop). */
function inDocumentOrder<N extends Node>(nodes: N[]): N[] {
  return nodes.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

/** Splits a highlight's pieces by mark root, each with the context mark.js walks for them. */
function wrappingsOf(owner: MarkOwner, pieces: readonly NodeRange[]): Array<{ markRoot: Node; context: Node; wrapping: Wrapping }> {
  const byRoot = new Map<Node, NodeRange[]>();
  for (const piece of pieces) {
    const group = byRoot.get(piece.markRoot);
    if (group) group.push(piece);
    else byRoot.set(piece.markRoot, [piece]);
  }
  return [...byRoot].map(([markRoot, group]) => ({ markRoot, context: regionContext(group.map((piece) => piece.node), markRoot), wrapping: { owner, pieces: group } }));
}

/** Wraps one highlight's pieces (one mark.js call per mark root). */
function wrapPieces(pieces: readonly NodeRange[], spec: HighlightSpec): MarkOwner {
  const owner: MarkOwner = { spec, marks: [] };
  for (const { context, wrapping } of wrappingsOf(owner, pieces)) wrapRegion([context], [wrapping]);
  return owner;
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
  decorate(proxy, spec, true);
  for (const [property, value] of Object.entries(PROXY_STYLE)) proxy.style.setProperty(property, value, 'important');
  before.parentNode!.insertBefore(proxy, before);
  return proxy;
}

/** Paints one span with ranges; 'unsupported' when the browser has no Custom Highlight API. */
function paintRanges(pieces: readonly NodeRange[], spec: HighlightSpec, mode: 'range' | 'interim', registry: HighlightRegistry): PaintedHighlight | 'unsupported' {
  const doc = pieces[0]!.node.ownerDocument;
  const ranges = pieces.map((piece) => {
    const range = doc.createRange();
    range.setStart(piece.node, piece.from);
    range.setEnd(piece.node, piece.to);
    return range;
  });
  if (!registry.rangePainter(doc).add(rangeLookOf(spec), ranges)) return 'unsupported';
  const elements = mode === 'range' ? [makeProxy(pieces[0]!.node, spec)] : [];
  return finish({ spec, mode, elements, ranges, texts: ranges.map((range) => range.toString()), markRoots: pieces.map((piece) => piece.markRoot) }, registry);
}

/** Registers a wrapped highlight; undefined when nothing was wrapped. */
function finishMarks({ spec, marks, byHand }: MarkOwner, registry: HighlightRegistry): PaintedHighlight | undefined {
  if (marks.length === 0) return undefined;
  // mark.js hands marks over in document order; only blank pieces wrapped by hand come out of turn.
  const elements = byHand ? inDocumentOrder(marks) : marks;
  registry.recordSplits(elements);
  return finish({ spec, mode: 'mark', elements, ranges: [], texts: [], markRoots: [] }, registry);
}

/** Paints one span in the given mode; undefined when nothing could be painted. */
function paintPieces(pieces: readonly NodeRange[], spec: HighlightSpec, mode: PaintMode, registry: HighlightRegistry): PaintedHighlight | undefined {
  if (pieces.length === 0) return undefined;
  if (mode !== 'mark') {
    const ranged = paintRanges(pieces, spec, mode, registry);
    if (ranged !== 'unsupported') return ranged;
    // No Custom Highlight API: wrapping is the only way to show the claim at all.
    if (mode === 'interim') return undefined;
  }
  return finishMarks(wrapPieces(pieces, spec), registry);
}

/**
 * Makes a highlight's first element its one keyboard stop (however many elements inline markup split
 * it into): a button that opens the card. A button's content is presentational, so its accessible
 * name is what a screen reader reads in place of its text: a highlight in one mark gets no
 * `aria-label` and is named by its text (the page's words, so a highlighted heading keeps its own
 * name); one split by inline markup is named after all its words (`nameAfterWholeHighlight`); a
 * proxy, which holds no text, is named by the words it stands for. What the highlight is goes in
 * `aria-description`, announced after the name: an attribute on the element itself, where an
 * `aria-describedby` would point at an id the page could give an element of its own (the first
 * element with an id wins), and could not point into the card's closed shadow root anyway.
 */
function makeKeyboardStop(highlight: PaintedHighlight): void {
  const first = highlight.elements[0];
  if (!first) return;
  first.tabIndex = 0;
  first.setAttribute('role', 'button');
  first.setAttribute('aria-haspopup', 'dialog');
  first.setAttribute('aria-description', highlight.spec.description);
  if (highlight.mode === 'range') first.setAttribute('aria-label', spokenText(highlight.texts.join('')));
  else if (highlight.elements.length > 1) nameAfterWholeHighlight(highlight.elements);
}

/** A character that is not whitespace (`\s`: what `spokenText` collapses and trims). */
const NON_BLANK = /\S/;

/**
 * Text as a screen reader would speak it: runs of whitespace as one space, none at the ends.
 * Only runs that are not already one space are replaced (`/\s+/g` replaced every space between two
 * words with a space, one match each: 5 times slower on prose in Node, the same output for every
 * UTF-16 unit and for 200,000 random mixes of whitespace and letters).
 */
function spokenText(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** The paragraph (or larger block) a mark sits in: its nearest ancestor that is not inline markup. */
function blockOf(mark: Element): Node {
  let at: Node | null = mark.parentNode;
  while (at && at.nodeType === ELEMENT_NODE && INLINE_TAGS.has((at as Element).tagName.toUpperCase()) && at.parentNode) at = at.parentNode;
  return at ?? mark;
}

/**
 * Elements that take their accessible name from their content, or are controls of the page's own: a
 * mark inside one must stay readable there (a link named by nothing is worse than words heard twice).
 */
const NAMED_BY_CONTENT = 'a[href], button, label, summary, select, [role], [tabindex], [aria-label], [aria-labelledby]';

/** Whether a mark lies in a named element of the page's own (below `block`) that does not also hold the keyboard stop. */
function inOtherNamedElement(mark: Element, block: Node, stop: Element): boolean {
  for (let at = mark.parentElement; at && at !== block; at = at.parentElement) if (at.matches(NAMED_BY_CONTENT) && !at.contains(stop)) return true;
  return false;
}

/**
 * A highlight split by inline markup (a bold "Context:" before the sentence, a link inside it): its
 * keyboard stop, the first mark, holds only the words up to the markup, and a reader who tabbed to it
 * heard "Context:" and nothing of the claim. The stop is named (`aria-label`) after all the words of
 * the highlight in its block, and the highlight's other marks in that block are hidden from the
 * accessibility tree (`aria-hidden`), their words being in the stop's name: reading on, a screen reader
 * speaks the highlight once, as one button (a heading holding it keeps its words, once). A mark inside
 * a link or another named element of the page's stays readable there (the link keeps its name; its
 * words are then heard twice), and so does a mark in another block (a span reaching into the next
 * paragraph), whose words are left out of the name.
 */
function nameAfterWholeHighlight(marks: readonly HTMLElement[]): void {
  const stop = marks[0]!;
  const block = blockOf(stop);
  const inBlock = marks.filter((mark) => blockOf(mark) === block);
  const texts = inBlock.map((mark) => mark.textContent ?? '');
  // Named by the stop's own words already when the other marks add no word: the name, whitespace
  // collapsed, then equals the stop's text (the spaces added below add no word either).
  if (!texts.some((text, i) => i > 0 && NON_BLANK.test(text))) return;
  let words = texts[0]!;
  for (let i = 1; i < inBlock.length; i++) {
    // Marks that do not touch (text between them, a line break) are apart by a space: a <br> adds no text to join.
    if (!touching(inBlock[i - 1]!, inBlock[i]!, block)) words += ' ';
    words += texts[i]!;
  }
  const name = spokenText(words);
  stop.setAttribute('aria-label', name);
  for (const mark of inBlock) if (mark !== stop && !inOtherNamedElement(mark, block, stop)) mark.setAttribute('aria-hidden', 'true');
}

/**
 * Whether nothing but markup lies between two marks (no text, no line break): their words join
 * without a space. `after` follows `before` in `block`.
 *
 * Walked node by node from `before` to `after`, not read through a Range (`toString`, then
 * `intersectsNode` for each `<br>`), though it tells the same: every Range made stays registered with
 * its document until garbage collection, and each later `splitText`, insertion and removal in that
 * document updates every registered one. Painting made one per pair of marks (278 per paint of the
 * bench's 10k-word page), and in-page 410 splits took 1.6 ms with none live and 21 ms with 3,000:
 * mark.js's splits and `replaceChild`s, ours by hand, the page's own mutations all paid for them.
 */
function touching(before: Element, after: Element, block: Node): boolean {
  for (let at = nextOutside(before, block); at && at !== after; at = at.firstChild ?? nextOutside(at, block)) {
    // Range.toString joins the data of every Text node between the two (a CDATA section is one).
    if ((at.nodeType === TEXT_NODE || at.nodeType === CDATA_SECTION_NODE) && (at as Text).data !== '') return false;
    if (at.nodeType === ELEMENT_NODE && (at as Element).localName === 'br') return false;
  }
  return true;
}

/** The next node in document order inside `within`, not entering `node` itself. */
function nextOutside(node: Node, within: Node): Node | null {
  for (let at: Node | null = node; at && at !== within; at = at.parentNode) if (at.nextSibling) return at.nextSibling;
  return null;
}

function finish(highlight: PaintedHighlight, registry: HighlightRegistry): PaintedHighlight {
  makeKeyboardStop(highlight);
  registry.add(highlight);
  return highlight;
}

/** Chooses a paint mode from the text pieces a span covers. */
export type ModeChooser = (pieces: readonly NodeRange[]) => PaintMode;

const ALWAYS_MARK: ModeChooser = () => 'mark';

/**
 * Most ranges one `markRanges` call wraps. mark.js re-reads its whole context per range (a string
 * copy and a pass over its node list), so a page whose text sits in one huge block must still be
 * painted in bounded steps.
 */
const MAX_REGION_PIECES = 64;
/**
 * Most contexts (paragraphs) one call walks. Each costs mark.js a NodeIterator, and each range a pass
 * over the whole region's text; a few paragraphs per call pay mark.js's fixed cost per call once.
 */
const MAX_REGION_CONTEXTS = 8;

/** A highlight waiting to be wrapped, with every piece it covers. */
interface PendingMarks extends MarkOwner {
  pieces: NodeRange[];
}

/** What one step wraps with one mark.js call: consecutive highlights in nearby paragraphs. Collected last first. */
interface Region {
  markRoot: Node;
  contexts: Node[];
  owners: PendingMarks[];
  wrappings: Wrapping[];
  pieces: number;
}

/**
 * Wraps a region (highlights whose text changed since extraction are left out) and registers each
 * highlight. Returns them in document order.
 */
function paintRegion(extracted: ExtractedText, region: Region, registry: HighlightRegistry): PaintedHighlight[] {
  const intact = new Set<MarkOwner>(region.owners.filter((owner) => piecesHoldText(extracted, owner.spec, owner.pieces)));
  const wrappings = region.wrappings.filter((wrapping) => intact.has(wrapping.owner)).reverse();
  if (wrappings.length) wrapRegion([...region.contexts].reverse(), wrappings);
  const painted: PaintedHighlight[] = [];
  for (const owner of [...intact].reverse()) {
    const highlight = finishMarks(owner, registry);
    if (highlight) painted.push(highlight);
  }
  return painted;
}

/** Whether a highlight under `context` may join the region (contexts in one call must be disjoint). */
function joins(region: Region | undefined, markRoot: Node, context: Node, pieces: number): region is Region {
  if (!region || region.markRoot !== markRoot || region.pieces + pieces > MAX_REGION_PIECES) return false;
  const last = region.contexts[region.contexts.length - 1]!;
  if (last === context) return true;
  return region.contexts.length < MAX_REGION_CONTEXTS && !last.contains(context) && !context.contains(last);
}

/** What a painting step did: planned one span, or wrapped the page's first region. */
type StepEnd = 'planned' | 'first-region';

/** The text nodes a span covers. */
function nodesOf(extracted: ExtractedText, spec: HighlightSpec): Text[] {
  return toNodeRanges(extracted, spec.start, spec.end).map((piece) => piece.node);
}

/**
 * How many of the specs that come first in reading order (the end of `ordered`, which is last
 * first) make up the page's first region: the highlights a reader sees first, at the top of the
 * page. They are wrapped before the rest is planned. The region ends where its text nodes end: a
 * later span in a node it split would no longer find its text there, so the region gives up its
 * last spans until no span after it shares a node with it (none at all: 0, painting as before).
 */
function leadingCount(extracted: ExtractedText, ordered: readonly HighlightSpec[], modeOf: ModeChooser): number {
  let region: Region | undefined;
  const nodes: Text[][] = [];
  for (let i = ordered.length - 1; i >= 0; i--) {
    const spec = ordered[i]!;
    const pieces = toNodeRanges(extracted, spec.start, spec.end);
    if (pieces.length === 0 || pieces.some((piece) => !piece.node.isConnected) || modeOf(pieces) !== 'mark') break;
    const parts = wrappingsOf({ spec, marks: [] }, pieces);
    if (parts.length !== 1) break;
    const { markRoot, context } = parts[0]!;
    if (!region) region = { markRoot, contexts: [context], owners: [], wrappings: [], pieces: 0 };
    else if (!joins(region, markRoot, context, pieces.length)) break;
    else if (region.contexts[region.contexts.length - 1] !== context) region.contexts.push(context);
    region.pieces += pieces.length;
    nodes.push(pieces.map((piece) => piece.node));
  }
  let count = nodes.length;
  let next = count < ordered.length ? nodesOf(extracted, ordered[ordered.length - 1 - count]!) : [];
  while (count > 0) {
    const held = new Set(nodes.slice(0, count).flat());
    if (!next.some((node) => held.has(node))) break;
    count--;
    next = nodes[count]!;
  }
  return count;
}

/**
 * The painting, as a sequence of steps (the generator yields between them; the caller decides when
 * to give the page its main thread back). The page's first region (`leadingCount`) is wrapped
 * first, so the reader's first highlights do not wait for the rest. Then specs are taken last
 * first; a span overlapping a later one already taken for wrapping in the same text node is skipped
 * (wrapping both would nest marks). Consecutive spans are gathered into regions of a few
 * paragraphs, each wrapped with one mark.js call; regions are wrapped last first, and mark.js keeps
 * the text *before* each mark in the split node, so the node references of earlier regions stay
 * valid (the first region shares no text node with the rest). Every region re-checks its text
 * when it is wrapped, so the page may change between steps.
 */
function* paintSteps(
  extracted: ExtractedText,
  specs: readonly HighlightSpec[],
  registry: HighlightRegistry,
  modeOf: ModeChooser,
  step: <T>(paint: () => T) => T,
  painted: PaintedHighlight[],
): Generator<StepEnd, void, void> {
  const taken = new Map<Text, NodeRange[]>();
  let region: Region | undefined;
  const flush = (): void => {
    const pending = region;
    region = undefined;
    if (pending) painted.push(...step(() => paintRegion(extracted, pending, registry)));
  };
  const ordered = [...specs].sort((a, b) => b.start - a.start);
  const lead = leadingCount(extracted, ordered, modeOf);
  const sequence = [...ordered.slice(ordered.length - lead), ...ordered.slice(0, ordered.length - lead)];
  for (const [index, spec] of sequence.entries()) {
    // The first region is wrapped before the rest is planned.
    if (index === lead && lead > 0) {
      flush();
      yield 'first-region';
    }
    yield 'planned';
    // The text check runs when the span is painted (a region is wrapped later, after other steps).
    const pieces = toNodeRanges(extracted, spec.start, spec.end);
    // A span reaching into one of our marks (a highlight the page left partly in place) would nest marks.
    if (pieces.length === 0 || pieces.some((piece) => !piece.node.isConnected || registry.insideMark(piece.node) || taken.get(piece.node)?.some((other) => piece.from < other.to && other.from < piece.to))) continue;
    const mode = modeOf(pieces);
    if (mode !== 'mark') {
      flush();
      if (!piecesHoldText(extracted, spec, pieces)) continue;
      const ranged = step(() => paintRanges(pieces, spec, mode, registry));
      if (ranged !== 'unsupported') {
        painted.push(ranged);
        continue;
      }
      // No Custom Highlight API: wrapping is the only way to show the claim at all.
      if (mode === 'interim') continue;
    }
    for (const piece of pieces) {
      const list = taken.get(piece.node);
      if (list) list.push(piece);
      else taken.set(piece.node, [piece]);
    }
    const owner: PendingMarks = { spec, pieces, marks: [] };
    const parts = wrappingsOf(owner, pieces);
    if (parts.length > 1) {
      // Text in two mark roots (a span reaching into a shadow root): one call per root, at once.
      flush();
      const highlight = step(() => (piecesHoldText(extracted, spec, pieces) ? finishMarks(wrapPieces(pieces, spec), registry) : undefined));
      if (highlight) painted.push(highlight);
      continue;
    }
    const { markRoot, context, wrapping } = parts[0]!;
    if (joins(region, markRoot, context, pieces.length)) {
      if (region.contexts[region.contexts.length - 1] !== context) region.contexts.push(context);
    } else {
      flush();
      region = { markRoot, contexts: [context], owners: [], wrappings: [], pieces: 0 };
    }
    region.owners.push(owner);
    region.wrappings.push(wrapping);
    region.pieces += pieces.length;
  }
  flush();
}

/** Painted highlights in reading order (spans' starts). */
function byStart(painted: PaintedHighlight[]): PaintedHighlight[] {
  return painted.sort((a, b) => a.spec.start - b.spec.start);
}

/**
 * Paints each spec: wrapped in `<mark>` with mark.js `markRanges` unless `modeOf` says otherwise.
 * Offsets come from the extraction's map, so a span crossing inline markup or hidden text lands
 * exactly. Highlights in one paragraph are wrapped with one mark.js call (see `paintSteps`).
 * `shouldYield` is asked between steps (one span planned, or one region wrapped: a paragraph's
 * highlights, at most MAX_REGION_PIECES pieces) and `yieldNow` gives the main thread back.
 * Returns the painted highlights in reading order; spans whose text changed since extraction, or
 * that overlap a later span, are not painted.
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
  const steps = paintSteps(extracted, specs, registry, slicing.modeOf ?? ALWAYS_MARK, slicing.step, painted);
  // The page gets its main thread back right after the first region: the reader's first highlights
  // can be drawn while the rest is painted.
  for (let next = steps.next(); !next.done; next = steps.next()) if (next.value === 'first-region' || slicing.shouldYield()) await slicing.yieldNow();
  return byStart(painted);
}

/** Synchronous painting, for small pages, tests and the benchmark; the same steps without pauses. */
export function paintHighlights(extracted: ExtractedText, specs: readonly HighlightSpec[], registry: HighlightRegistry, modeOf: ModeChooser = ALWAYS_MARK): PaintedHighlight[] {
  const painted: PaintedHighlight[] = [];
  const steps = paintSteps(extracted, specs, registry, modeOf, (paint) => paint(), painted);
  while (!steps.next().done);
  return byStart(painted);
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
