/**
 * Page text with an offset map back to DOM text nodes.
 *
 * Two coordinate systems live side by side:
 * - the *extracted text* the matcher reads: included text nodes in document order, with a
 *   BLOCK_SEPARATOR between blocks so words of adjacent paragraphs never join;
 * - *mark space*, the coordinates mark.js `markRanges` uses: the plain concatenation of every
 *   text node mark.js visits under a root (it skips only nodes whose parent is script, style,
 *   title, head or html). Skipped-but-counted text (a textarea, a hidden div) still advances mark
 *   space, which is why each segment records both offsets.
 */

/** U+2029 PARAGRAPH SEPARATOR: one character, never in ordinary page text, a sentence break for Intl.Segmenter. */
export const BLOCK_SEPARATOR = '\u2029';
/**
 * U+2028 LINE SEPARATOR, between two cells of one table row: a block break like BLOCK_SEPARATOR (white
 * space to `\s`, a sentence break for Intl.Segmenter) that also says the next block continues the row,
 * so a cell can be read with the cells before it ("Meta" | "Frontier AI Framework" | "Stop development").
 */
export const CELL_SEPARATOR = '\u2028';
export const LINE_BREAK = '\n';

export interface TextSegment {
  node: Text;
  /** Offsets of this node's text in the extracted text. */
  start: number;
  end: number;
  /** The node mark.js must be constructed on for `markStart` to be valid (the document root or a shadow root). */
  markRoot: Node;
  markStart: number;
}

export interface ExtractedText {
  text: string;
  segments: TextSegment[];
  /** True when a bound in ExtractOptions stopped the walk early. */
  truncated?: boolean;
  /**
   * Elements whose text was left out because they were hidden (a `hidden` attribute, or CSS on the
   * element or an ancestor, e.g. a closed `<details>`): content that can appear later without any
   * node being added, so a caller can look again when an attribute changes. At most MAX_HIDDEN.
   */
  hidden: Element[];
}

/** Bound on `ExtractedText.hidden`: enough for real pages, cheap to re-check. */
export const MAX_HIDDEN = 5_000;

/** Nodes visited between chances to pause: small enough for 50 ms tasks on slow machines. */
const NODES_PER_STEP = 512;

export interface ExtractOptions {
  /**
   * Whether an element is hidden by CSS, *including through a hidden ancestor* (it is asked only
   * about a text node's direct parent). Defaults to `checkVisibility`, which behaves that way.
   */
  isHidden?: (element: Element) => boolean;
  /** Extra elements to leave alone (our own UI, say). */
  skipSelector?: string;
  /** Extra elements to leave alone, by identity (our own card host, whatever its tag). */
  skip?: (element: Element) => boolean;
  /**
   * Elements to read although their tag is normally skipped: the one `<pre>` a browser wraps a
   * text/plain document in is that document's text, not a code block.
   */
  include?: (element: Element) => boolean;
  /** Hard bounds on work: extraction stops (with `truncated`) past this many characters or nodes. */
  maxLength?: number;
  maxNodes?: number;
}

/** Elements whose text is not prose a reader is reading, or that we must never modify. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'PRE', 'CODE', 'KBD',
  'SAMP', 'SVG', 'MATH',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);

/** Elements of a table's structure whose own text nodes can only be white space between their children. */
const TABLE_PARTS = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR']);

/** Table cells: a cell break between two of them, a block break (the row's) before the first and after the last. */
const CELL_TAGS = new Set(['TD', 'TH']);

/** The break an element's start or end puts in the extracted text: a block's, a cell's, or none. */
function breakOf(tag: string): string {
  return BLOCK_TAGS.has(tag) ? BLOCK_SEPARATOR : CELL_TAGS.has(tag) ? CELL_SEPARATOR : '';
}

/** mark.js's own exclusion list, checked against a text node's parent only (see mark.js getTextNodes). */
const MARK_EXCLUDED_PARENTS = new Set(['SCRIPT', 'STYLE', 'TITLE', 'HEAD', 'HTML']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function tagOf(element: Element): string {
  return element.tagName.toUpperCase();
}

/** Whether mark.js counts this text node in its offsets (it skips text directly under script, style, title, head, html). */
export function isMarkCounted(text: Text): boolean {
  const parent = text.parentNode;
  return !(parent && parent.nodeType === ELEMENT_NODE && MARK_EXCLUDED_PARENTS.has(tagOf(parent as Element)));
}

function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/**
 * Whether CSS keeps an element's own text from the reader: not rendered (`display: none`, a hidden ancestor,
 * `visibility: hidden`) or drawn at font-size 0. The extractor's default `isHidden`, and how a text hidden at one
 * scan is found shown again.
 */
export function isHiddenByStyle(element: Element): boolean {
  const candidate = element as Element & { checkVisibility?: (options?: object) => boolean };
  const view = element.ownerDocument?.defaultView;
  if (typeof candidate.checkVisibility === 'function') {
    if (!candidate.checkVisibility({ visibilityProperty: true })) {
      // `display: contents` makes no box of its own, so checkVisibility says false; its text is shown
      // wherever its parent's is (a flex item's wrapper span, a component's host-less wrapper).
      const style = view?.getComputedStyle(element);
      if (style?.display !== 'contents' || style.visibility === 'hidden') return true;
      const parent = element.parentElement ?? ((element.getRootNode() as Partial<ShadowRoot>).host as Element | undefined);
      return parent ? isHiddenByStyle(parent) : false;
    }
  } else if (view) {
    const style = view.getComputedStyle(element);
    return style.display === 'none' || style.visibility === 'hidden' || style.fontSize === '0px';
  }
  // Drawn at font-size 0, its words take no room on the screen: a page wrote "Anthropic … Claude" that way and
  // showed "OpenAI … ChatGPT" from a ::before, and the card labelled the sentence the reader saw with Anthropic's
  // claim (attack report 48, finding 8). (The size is inherited: an ancestor's 0 counts.)
  return view?.getComputedStyle(element).fontSize === '0px';
}

/** Mark-space length of a skipped subtree: mark.js still counts its text. */
function markLengthOf(root: Node): number {
  let total = 0;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (isMarkCounted(node as Text)) total += (node as Text).data.length;
  }
  return total;
}

interface Builder {
  parts: string[];
  length: number;
  pendingBreak: string;
  segments: TextSegment[];
  visited: number;
  truncated: boolean;
  hidden: Set<Element>;
}

function noteHidden(builder: Builder, element: Element): void {
  if (builder.hidden.size < MAX_HIDDEN) builder.hidden.add(element);
}

/** How strong a break is: of two breaks with no text between them, the stronger is written. */
function breakRank(kind: string): number {
  return kind === BLOCK_SEPARATOR ? 3 : kind === CELL_SEPARATOR ? 2 : kind === LINE_BREAK ? 1 : 0;
}

function pushBreak(builder: Builder, kind: string): void {
  // A block break outranks a cell break, which outranks a line break; none is written until text follows it.
  if (breakRank(kind) > breakRank(builder.pendingBreak)) builder.pendingBreak = kind;
}

/**
 * The break an element's start or end adds (`breakOf`); in a table row (`inRow`), a block inside a cell
 * (a cell's paragraphs, list items) is a cell break too: only the table's own structure (a row, the table)
 * ends a row, so "<td><p>Meta</p></td><td>Stop development.</td>" stays one row.
 */
function pushElementBreak(builder: Builder, tag: string, inRow: boolean): void {
  const kind = breakOf(tag);
  pushBreak(builder, inRow && kind === BLOCK_SEPARATOR && !TABLE_PARTS.has(tag) ? CELL_SEPARATOR : kind);
}

function appendText(builder: Builder, value: string, node: Text, markRoot: Node, markStart: number): void {
  if (builder.pendingBreak && builder.length > 0) {
    builder.parts.push(builder.pendingBreak);
    builder.length += builder.pendingBreak.length;
  }
  builder.pendingBreak = '';
  builder.segments.push({ node, start: builder.length, end: builder.length + value.length, markRoot, markStart });
  builder.parts.push(value);
  builder.length += value.length;
}

/**
 * Walks one mark-space context (a document subtree or a shadow root) iteratively: pages can nest
 * thousands of elements deep, which would overflow a recursive walk.
 */
type WalkOptions = Required<Pick<ExtractOptions, 'isHidden'>> & ExtractOptions;

function* walkContext(root: Node, markRoot: Node, builder: Builder, options: WalkOptions): Generator<void, void, void> {
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY;
  const maxNodes = options.maxNodes ?? Number.POSITIVE_INFINITY;
  const hiddenCache = new Map<Element, boolean>();
  const shadowRoots: ShadowRoot[] = [];
  let markCursor = 0;

  const isHidden = (element: Element): boolean => {
    let hidden = hiddenCache.get(element);
    if (hidden === undefined) {
      hidden = options.isHidden(element);
      hiddenCache.set(element, hidden);
    }
    return hidden;
  };

  // The table rows being walked (innermost last), and whether a table nested in one of its cells ended it
  // as one row (the text has no nesting: the outer row's later cells start afresh rather than join the
  // inner table's last row).
  const rows: Array<{ row: Element; broken: boolean }> = [];
  const inRow = (): boolean => rows.length > 0 && !rows[rows.length - 1]!.broken;
  const leave = (node: Node): void => {
    if (node.nodeType !== ELEMENT_NODE) return;
    if (rows[rows.length - 1]?.row === node) rows.pop();
    pushElementBreak(builder, tagOf(node as Element), inRow());
  };

  let node: Node | null = root.firstChild;
  while (node) {
    if (++builder.visited % NODES_PER_STEP === 0) yield;
    if (builder.length >= maxLength || builder.visited >= maxNodes) {
      builder.truncated = true;
      return;
    }
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      const counted = isMarkCounted(text);
      const parent = text.parentNode;
      const blank = !/\S/.test(text.data);
      const visible = !(parent && parent.nodeType === ELEMENT_NODE && !blank && isHidden(parent as Element));
      if (!visible) noteHidden(builder, parent as Element);
      // White space between a table's cells or rows (source indentation: browsers move any other text out of a
      // table) is left out, so the break between two cells stays a cell's, whatever the cell before ended in.
      const betweenCells = blank && parent !== null && parent.nodeType === ELEMENT_NODE && TABLE_PARTS.has(tagOf(parent as Element));
      if (counted && visible && text.data.length > 0 && !betweenCells) {
        // The node that crosses the bound is cut at it: a text one node past `maxLength` is more than the background
        // takes, and the whole page would go unread (attack report 45, finding 5).
        const room = maxLength - builder.length - (builder.length > 0 ? builder.pendingBreak.length : 0);
        if (text.data.length > room) {
          if (room > 0) appendText(builder, text.data.slice(0, room), text, markRoot, markCursor);
          builder.truncated = true;
          return;
        }
        appendText(builder, text.data, text, markRoot, markCursor);
      }
      if (counted) markCursor += text.data.length;
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const tag = tagOf(element);
      const hiddenByAttribute = element.hasAttribute('hidden');
      const skipped =
        (SKIPPED_TAGS.has(tag) && !options.include?.(element)) ||
        hiddenByAttribute ||
        isEditable(element) ||
        (options.skipSelector !== undefined && element.matches(options.skipSelector)) ||
        (options.skip?.(element) ?? false);
      if (hiddenByAttribute) noteHidden(builder, element);
      if (skipped) {
        markCursor += markLengthOf(element);
        if (tag === 'PRE' || tag === 'TEXTAREA') pushBreak(builder, BLOCK_SEPARATOR);
        else pushElementBreak(builder, tag, inRow());
      } else {
        if (tag === 'BR') pushBreak(builder, LINE_BREAK);
        else pushElementBreak(builder, tag, inRow());
        const row = rows[rows.length - 1];
        if (tag === 'TABLE' && row) row.broken = true;
        if (tag === 'TR') rows.push({ row: element, broken: false });
        if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
        descend = element.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    leave(node);
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) leave(node);
    }
    node = node && node !== root ? node.nextSibling : null;
  }

  // Open shadow roots are separate mark.js contexts: mark.js never crosses into them.
  for (const shadow of shadowRoots) {
    if (builder.truncated) return;
    pushBreak(builder, BLOCK_SEPARATOR);
    yield* walkContext(shadow, shadow, builder, options);
  }
}

function startWalk(root: Node, options: ExtractOptions): { builder: Builder; steps: Generator<void, void, void> } {
  const builder: Builder = { parts: [], length: 0, pendingBreak: '', segments: [], visited: 0, truncated: false, hidden: new Set() };
  return { builder, steps: walkContext(root, root, builder, { ...options, isHidden: options.isHidden ?? isHiddenByStyle }) };
}

function result(builder: Builder): ExtractedText {
  return { text: builder.parts.join(''), segments: builder.segments, hidden: [...builder.hidden], ...(builder.truncated ? { truncated: true } : {}) };
}

/** Extracts the readable text under `root` with a map from text offsets to DOM text nodes. */
export function extractText(root: Node, options: ExtractOptions = {}): ExtractedText {
  const { builder, steps } = startWalk(root, options);
  while (!steps.next().done);
  return result(builder);
}

/**
 * The same extraction in slices: between steps it asks `shouldYield` and, when the slice is spent,
 * awaits `yieldNow` so the page stays responsive on very large documents.
 */
export async function extractTextSliced(
  root: Node,
  options: ExtractOptions,
  shouldYield: () => boolean,
  yieldNow: () => Promise<void>,
): Promise<ExtractedText> {
  const { builder, steps } = startWalk(root, options);
  while (!steps.next().done) if (shouldYield()) await yieldNow();
  return result(builder);
}
