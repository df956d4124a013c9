/** How often an open card looks for top-layer entries no event told it about (ms). */
const POLL_MS = 400;
/**
 * Time one look may spend walking the page for shadow roots (ms): the walk goes on where it stopped at the next
 * look, round the whole page and again, so a page of any size is searched, at under 1% of its main thread (a walk
 * of 40,000 elements at once took 136 ms a look in Chromium, and one capped there missed a root placed after them:
 * attack report 49, findings 2 and 8).
 */
const WALK_SLICE_MS = 3;
/** Elements walked between two readings of the clock. */
const WALK_CHECK_EVERY = 256;
/** What sits in the top layer: popovers, modal dialogs and a fullscreen element. */
const TOP_LAYER_SELECTOR = ':popover-open, :modal';
/** The built-in elements that can hold a shadow root (DOM Standard, attachShadow); any custom element can too. */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/** The shadow root of `element`, closed ones included; null when it has none. */
export type ShadowRootReader = (element: Element) => ShadowRoot | null;

interface ChromeDom {
  openOrClosedShadowRoot?(element: HTMLElement): ShadowRoot | null;
}

/**
 * Reads closed shadow roots the way each browser lets an extension: Firefox's `Element.openOrClosedShadowRoot`
 * (content scripts only), Chromium's `chrome.dom.openOrClosedShadowRoot()`. Without either, open roots only.
 */
export function browserShadowRootReader(): ShadowRootReader {
  const chromeDom = (globalThis as { chrome?: { dom?: ChromeDom } }).chrome?.dom;
  return (element) => {
    try {
      const firefoxRoot = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
      if (firefoxRoot !== undefined) return firefoxRoot;
      if (chromeDom?.openOrClosedShadowRoot && element instanceof HTMLElement) return chromeDom.openOrClosedShadowRoot(element) ?? null;
    } catch {
      // not a valid shadow host
    }
    return element.shadowRoot;
  };
}

/** Whether a view transition is running in `doc` (never throws: a browser without them has none). */
function viewTransitionRunning(doc: Document): boolean {
  try {
    return doc.documentElement?.matches(':active-view-transition') ?? false;
  } catch {
    return false;
  }
}

/** The top-layer elements open in `root` (never throws: a browser without `:popover-open` or `:modal` has none). */
function openIn(root: Document | ShadowRoot): Element[] {
  try {
    return [...root.querySelectorAll(TOP_LAYER_SELECTOR)];
  } catch {
    return [];
  }
}

/**
 * Tells an open card when the page puts something in the top layer after it, in any tree of the page.
 *
 * A `toggle` event is not composed: one fired in a shadow root never reaches the document, so a page's popover
 * inside its own closed shadow root covered a live card with a false label, clicks passing through to the real
 * card (attack report 48, finding 2). So the watch listens in every shadow root, closed ones included, and,
 * since a page can register its own listener first and stop the event, it also looks every `POLL_MS` for any
 * element open in the top layer that was not open when the card was last raised. What it cannot see: a page
 * that had a popover open before the card was raised, then hides and shows it again between two looks while
 * stopping the event in its own root (the element is open at both looks).
 */
export class TopLayerWatch {
  /** The document and every shadow root found, each with our listener. */
  private readonly roots = new Set<Document | ShadowRoot>();
  /** Where the walk for shadow roots stands: the trees still to walk, and the walker in the current one. */
  private pending: Array<Document | ShadowRoot> = [];
  private walker: TreeWalker | undefined;
  /** What was open in the top layer when the card was last raised: under the card. */
  private openAtRaise = new Set<Element>();
  private timer: ReturnType<typeof setInterval> | undefined;

  /**
   * @param doc the page's document
   * @param ownHost the card's host: its own entries are not the page's
   * @param onEntered called (synchronously, from an event or a timer) for each entry seen after the last raise
   * @param onCovered called at a look that finds a view transition running: its snapshot is drawn above the whole
   *   top layer, so nothing can be raised over it (attack report 49, finding 5)
   * @param clock ms, for the walk's time slice (`performance.now` unless a test stands in for it)
   */
  constructor(
    private readonly doc: Document,
    private readonly ownHost: () => Element,
    private readonly onEntered: () => void,
    private readonly onCovered: () => void,
    private readonly shadowRootOf: ShadowRootReader = browserShadowRootReader(),
    private readonly clock: () => number = () => performance.now(),
  ) {}

  private readonly onToggle = (event: Event): void => {
    if (event.target !== this.ownHost() && (event as ToggleEvent).newState === 'open') this.onEntered();
  };

  /** Starts listening and looking (the card just opened and was raised). */
  start(): void {
    this.stop();
    this.listenIn(this.doc);
    this.findShadowRoots();
    this.noteRaised();
    this.timer = setInterval(() => this.look(), POLL_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    for (const root of this.roots) root.removeEventListener('toggle', this.onToggle, { capture: true });
    this.roots.clear();
    this.openAtRaise.clear();
    this.pending = [];
    this.walker = undefined;
  }

  /** The card was just raised: whatever is open now is under it. */
  noteRaised(): void {
    this.openAtRaise = new Set(this.openElements());
  }

  /** One look: new shadow roots get our listener; an entry opened since the last raise is reported. */
  look(): void {
    if (viewTransitionRunning(this.doc)) {
      this.onCovered();
      return;
    }
    this.findShadowRoots();
    const host = this.ownHost();
    if (this.openElements().some((element) => element !== host && !this.openAtRaise.has(element))) this.onEntered();
  }

  private listenIn(root: Document | ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    root.addEventListener('toggle', this.onToggle, { capture: true });
  }

  private openElements(): Element[] {
    return [...this.roots].flatMap(openIn);
  }

  /**
   * Walks the document and each shadow root in it (nested ones too) for `WALK_SLICE_MS`, going on from where the
   * last call stopped, and from the document again once the whole page was walked.
   */
  private findShadowRoots(): void {
    const host = this.ownHost();
    const until = this.clock() + WALK_SLICE_MS;
    for (let walked = 0; ; ) {
      if (!this.walker) {
        if (this.pending.length === 0) this.pending.push(this.doc);
        this.walker = this.doc.createTreeWalker(this.pending.pop()!, 1 /* NodeFilter.SHOW_ELEMENT */);
      }
      const node = this.walker.nextNode();
      if (!node) {
        this.walker = undefined;
        // The whole page is walked once this look: the next one starts over.
        if (this.pending.length === 0) return;
        continue;
      }
      if (++walked % WALK_CHECK_EVERY === 0 && this.clock() >= until) return;
      if (node === host) continue;
      const name = (node as Element).localName;
      if (!SHADOW_HOSTS.has(name) && !name.includes('-')) continue;
      const shadow = this.shadowRootOf(node as Element);
      if (!shadow) continue;
      this.listenIn(shadow);
      this.pending.push(shadow);
    }
  }
}
