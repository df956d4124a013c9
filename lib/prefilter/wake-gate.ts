/**
 * The gate a content script passes before it sends anything: a document that names no known actor,
 * alias or key phrase (with a word about AI) cannot hold a claim, so its frame stays silent and the
 * background stays asleep. The gate watches for text added later and opens the moment a name
 * appears. DOM only, no extension APIs: the content script hands it the stored vocabulary.
 */
import { VocabularyMatcher, type ClaimVocabulary } from './claim-vocabulary';

/**
 * Text the gate reads at most (UTF-16 units): far above any article (50,000 words), small enough that
 * one test stays a short task. A longer document is not judged: it opens the gate.
 */
export const GATE_MAX_TEXT = 300_000;
/** The part of a document's title the gate reads (as the annotator sends it). */
const TITLE_MAX = 2_000;
/**
 * How long after a change the gate looks again: one look per burst of changes. It is what a name that
 * appears later (a live blog's new post) waits before anything is read for it, so it is as short as
 * the annotator's own rescan debounce; COST_FACTOR below bounds a page that never stops changing.
 */
export const GATE_RECHECK_MS = 250;

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * The vocabulary as stored, if it is one this build can read (format 1). Anything else (missing,
 * an older or newer shape) is undefined, and the content script behaves as it did without a gate.
 */
export function readableVocabulary(stored: unknown): ClaimVocabulary | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { format, names, aiNames } = stored as Record<string, unknown>;
  return format === 1 && isStringArray(names) && isStringArray(aiNames) ? { format, names, aiNames } : undefined;
}

/** Elements whose text a reader never reads: their words must neither open the gate nor cost time. */
const UNREAD = new Set(['script', 'style', 'noscript', 'template', 'textarea']);
/**
 * Elements that sit inside a line of text. Text on either side of any other element (a paragraph,
 * a cell, a `<br>`) is kept apart by a space, so minified markup such as `<h2>Anthropic</h2><p>The`
 * still reads as two words; text split by inline markup (`Open<b>AI</b>`) stays one word.
 */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark',
  'q', 'ruby', 'rt', 'rp', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

export interface GateText {
  text: string;
  /** False when the document had more text than `maxLength`: it was not read to the end. */
  complete: boolean;
  /** Open shadow roots met on the way (their changes are not seen by an observer on the document). */
  shadowRoots: ShadowRoot[];
}

/** The nearest ancestor that is not inline: text under different ones is on different lines. */
function lineHolder(node: Node): Node | null {
  let parent = node.parentNode;
  while (parent && parent.nodeType === Node.ELEMENT_NODE && INLINE.has((parent as Element).localName)) parent = parent.parentNode;
  return parent;
}

/**
 * The words of a document or subtree, cheaply: one pass over its text nodes with no layout or style,
 * so it includes hidden text (a collapsed `<details>` may be opened later; an extra word only opens
 * the gate). Open shadow roots are read too, as the annotator reads them.
 *
 * Not `textContent`, which glues minified blocks into one word ("<h2>Anthropic</h2><p>The" reads
 * "AnthropicThe"), and not a TreeWalker with a filter function: a call from the browser into script
 * per node made that nine times slower in Chromium (14 ms against 1.5 ms on 2,000 elements).
 */
export function gateText(root: Node, maxLength = GATE_MAX_TEXT): GateText {
  const parts: string[] = [];
  const shadowRoots: ShadowRoot[] = [];
  let length = 0;
  // Each shadow root is met once, through its host, so the queue needs no visited set.
  const contexts: Array<Element | Document | DocumentFragment> = [root as Element];
  for (let next = 0; next < contexts.length; next++) {
    const context = contexts[next]!;
    const doc = context.ownerDocument ?? (context as Document);
    const walker = doc.createTreeWalker(context, NodeFilter.SHOW_TEXT);
    let holder: Node | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      const parent = node.parentNode;
      if (!data || (parent?.nodeType === Node.ELEMENT_NODE && UNREAD.has((parent as Element).localName))) continue;
      // A space before text in another line holder (the end of a block is no node of its own), or
      // right after an element that is not inline (a `<br>`, an image, a block inside a line).
      const own = lineHolder(node);
      const before = node.previousSibling;
      if (own !== holder || (before?.nodeType === Node.ELEMENT_NODE && !INLINE.has((before as Element).localName))) parts.push(' ');
      holder = own;
      parts.push(data);
      length += data.length + 1;
      if (length > maxLength) return { text: parts.join(''), complete: false, shadowRoots };
    }
    // Hosts are found by a native query: far cheaper than visiting every element from script.
    for (const element of context.querySelectorAll('*')) {
      if (!element.shadowRoot) continue;
      shadowRoots.push(element.shadowRoot);
      contexts.push(element.shadowRoot);
    }
  }
  return { text: parts.join(''), complete: true, shadowRoots };
}

/** What the gate watches: nodes added or removed anywhere, and text edited in place (framework updates). */
const WATCHED: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/**
 * A page that never stops changing (a ticker, a clock) is looked at again no sooner than this many
 * times the last look's cost after that look, so the gate's share of the page's main thread stays
 * near 1%. The first look does not count: it runs cold (the JIT, the vocabulary's first use) and cost
 * 6-22 ms on a two-paragraph page in Firefox, which held a live blog's post back 0.6-2.2 s.
 */
const COST_FACTOR = 100;

/** A frame narrower (CSS px) than this shows no readable line: a 1x1 frame's text is nothing the reader sees. */
export const READABLE_FRAME_MIN_WIDTH = 60;
/** A frame lower (CSS px) than this shows no line of text either. */
export const READABLE_FRAME_MIN_HEIGHT = 16;

/**
 * Whether a window can show the reader a line of text: the top page always; a frame at least
 * `READABLE_FRAME_MIN_WIDTH` by `READABLE_FRAME_MIN_HEIGHT` CSS px. An invisible 1x1 third-party frame put its
 * claims in the popup's list for the page (attack report 48, finding 7), and such frames on six sites filled
 * the reader's history (finding 4).
 */
export function frameIsReadable(view: Window): boolean {
  return view === view.top || (view.innerWidth >= READABLE_FRAME_MIN_WIDTH && view.innerHeight >= READABLE_FRAME_MIN_HEIGHT);
}

export interface WakeGateOptions {
  /** Reads the vocabulary as the background stored it (`storage.local` in the extension). */
  read: () => Promise<unknown>;
  /** Called at most once: the frame may hold a claim, or cannot be judged; carry on as without a gate. */
  wake: () => void;
  recheckMs?: number;
  maxText?: number;
  /** The clock a look's cost is measured with (ms); `performance.now` unless a test stands in for it. */
  clock?: () => number;
  /**
   * Whether the frame can show the reader anything (`frameIsReadable` in the extension): until it can, the gate
   * stays closed whatever the text says, and looks again when the frame is resized.
   */
  readable?: () => boolean;
}

type GateState = 'reading' | 'closed' | 'open' | 'lifted';

/**
 * Holds a frame back until its text names someone the claim set knows. While it waits, the frame
 * sends no message; one MutationObserver (and one timer) notices new text and looks again.
 */
export class WakeGate {
  private state: GateState = 'reading';
  private observer: MutationObserver | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private matcher: VocabularyMatcher | undefined;
  private readonly watchedShadows = new WeakSet<ShadowRoot>();
  /** The last look's cost (ms), and when it ended (`clock` ms); 0 until a second look. */
  private lastCostMs = 0;
  private lastLookEnd = 0;
  /** Looks so far: the first one's cost is not kept (see COST_FACTOR). */
  private looks = 0;
  /** The page this frame is part of speaks of AI (`pageIsAboutAi`): a known name alone opens the gate. */
  private pageAboutAi = false;
  private readonly clock: () => number;

  constructor(
    private readonly doc: Document,
    private readonly options: WakeGateOptions,
  ) {
    this.clock = options.clock ?? (() => performance.now());
    // A failed read is a missing vocabulary: behave as without a gate.
    void options.read().then(
      (stored) => this.begin(stored),
      () => this.begin(undefined),
    );
  }

  /** Whether the frame is still held back: it has sent nothing, and the gate decides when it wakes. */
  get waiting(): boolean {
    return this.state === 'reading' || this.state === 'closed';
  }

  /**
   * Takes the decision away from the gate (the reader acted: a toggle, the site switch): it stops
   * watching and never wakes the frame.
   * @returns whether the frame was still held back (so it has not asked whether its site is on)
   */
  lift(): boolean {
    const waited = this.waiting;
    if (waited) this.state = 'lifted';
    this.stopWatching();
    return waited;
  }

  destroy(): void {
    this.lift();
  }

  /**
   * The tab's page speaks of AI (its top frame passed its own gate): this frame, an embed of it, opens on a known
   * name alone. An embedded post ("Microsoft will pause development and deployment if it identifies a risk it cannot
   * sufficiently mitigate.") need not say "AI" itself; alone, its frame stayed shut (a new user's report 58, problem 2).
   */
  pageIsAboutAi(): void {
    this.pageAboutAi = true;
    this.look();
  }

  private begin(stored: unknown): void {
    if (this.state !== 'reading') return;
    const vocabulary = readableVocabulary(stored);
    if (!vocabulary) {
      this.open();
      return;
    }
    this.matcher = new VocabularyMatcher(vocabulary);
    this.state = 'closed';
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(this.doc, WATCHED);
    if (this.options.readable) this.doc.defaultView?.addEventListener('resize', this.onResize);
    this.look();
  }

  private readonly onResize = (): void => this.schedule();

  /** Reads the document's words; opens the gate when they may state a claim. */
  private look(): void {
    if (this.state !== 'closed' || !this.matcher) return;
    if (this.options.readable && !this.options.readable()) return;
    const started = this.clock();
    const root = this.doc.body ?? this.doc.documentElement;
    const { text, complete, shadowRoots } = root ? gateText(root, this.options.maxText ?? GATE_MAX_TEXT) : { text: '', complete: true, shadowRoots: [] };
    // The title is the page's too (and the annotator sends it): "AI" there makes a body's name count.
    if (!complete || this.matcher.mayStateClaims(`${this.doc.title.slice(0, TITLE_MAX)} ${text}`, this.pageAboutAi)) {
      this.open();
      return;
    }
    // Changes inside a shadow root never reach an observer on the document: watch each one met.
    for (const shadow of shadowRoots) {
      if (this.watchedShadows.has(shadow)) continue;
      this.watchedShadows.add(shadow);
      this.observer?.observe(shadow, WATCHED);
    }
    this.lastLookEnd = this.clock();
    if (this.looks++ > 0) this.lastCostMs = this.lastLookEnd - started;
  }

  /** One look per burst of changes: the first change sets the timer, later ones ride on it. */
  private schedule(): void {
    if (this.timer !== undefined || this.state !== 'closed') return;
    const delay = Math.max(this.options.recheckMs ?? GATE_RECHECK_MS, this.lastLookEnd + this.lastCostMs * COST_FACTOR - this.clock());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.look();
    }, delay);
  }

  private open(): void {
    this.state = 'open';
    this.stopWatching();
    this.options.wake();
  }

  private stopWatching(): void {
    this.doc.defaultView?.removeEventListener('resize', this.onResize);
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
