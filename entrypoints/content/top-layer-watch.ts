/** How often an open card looks for top-layer entries no event told it about (ms). */
const POLL_MS = 400;
/** Elements walked per look for shadow roots: a page of any size costs an open card a bounded walk. */
const MAX_WALK = 40_000;
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
  /** What was open in the top layer when the card was last raised: under the card. */
  private openAtRaise = new Set<Element>();
  private timer: ReturnType<typeof setInterval> | undefined;

  /**
   * @param doc the page's document
   * @param ownHost the card's host: its own entries are not the page's
   * @param onEntered called (synchronously, from an event or a timer) for each entry seen after the last raise
   */
  constructor(
    private readonly doc: Document,
    private readonly ownHost: () => Element,
    private readonly onEntered: () => void,
    private readonly shadowRootOf: ShadowRootReader = browserShadowRootReader(),
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
  }

  /** The card was just raised: whatever is open now is under it. */
  noteRaised(): void {
    this.openAtRaise = new Set(this.openElements());
  }

  /** One look: new shadow roots get our listener; an entry opened since the last raise is reported. */
  look(): void {
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

  /** Walks the document and each shadow root in it (nested ones too), up to `MAX_WALK` elements in all. */
  private findShadowRoots(): void {
    const host = this.ownHost();
    const pending: Array<Document | ShadowRoot> = [this.doc];
    let walked = 0;
    while (pending.length > 0 && walked < MAX_WALK) {
      const root = pending.pop() as Document | ShadowRoot;
      const walker = this.doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
      for (let node = walker.nextNode(); node && walked < MAX_WALK; node = walker.nextNode(), walked++) {
        if (node === host) continue;
        const name = (node as Element).localName;
        if (!SHADOW_HOSTS.has(name) && !name.includes('-')) continue;
        const shadow = this.shadowRootOf(node as Element);
        if (!shadow) continue;
        this.listenIn(shadow);
        pending.push(shadow);
      }
    }
  }
}
