/**
 * Watches the page for changes after the first scan and asks for a rescan of what changed: debounced
 * (live blogs append in bursts) but never starved (a ticking clock keeps mutating), ignoring our own
 * DOM changes (it must never loop on itself) and changes too small to hold a claim sentence.
 *
 * It watches the whole document, not just the body, so that a replaced `<body>` (Turbo, pjax) or a
 * rewritten document (`document.open()` in a script-written frame) is read again; and it watches the
 * attributes that reveal content without adding a node (`open` on `<details>` or a dialog, `hidden`,
 * `aria-expanded`, `aria-hidden`, `class`, `style`) and the events that do (`toggle`, `resize`): after
 * such a change it asks whether any element that was hidden at the last scan is visible now, and
 * rescans those.
 *
 * Its observer runs inside the page's own task, so what it does per mutation is cheap and bounded:
 * each record is looked at once, text is measured only as far as a threshold needs, and once a flood
 * of changes has forced a whole-page rescan it stops watching the page at large until that rescan
 * starts (a page replacing 400 spans every 5 ms gave the page long tasks of 100-200 ms from our
 * callback alone; attack report finding 4).
 */

/** Wait this long after the last page mutation before rescanning. */
const RESCAN_DEBOUNCE_MS = 300;
/** …but never longer than this after the first one. */
const RESCAN_MAX_WAIT_MS = 1_000;
/** Changes with less new text than this (a counter, a timestamp) cannot carry a claim sentence. */
const MIN_CHANGED_TEXT = 24;
/** More changed roots than this in one burst: rescan the page rather than track them. */
const MAX_DIRTY_ROOTS = 200;
/**
 * A page that keeps changing more than MAX_DIRTY_ROOTS nodes (a ticker, a page adding spans every
 * frame) would make us read and match it whole about every second, forever. After a whole-page rescan
 * forced that way, the next one waits this long, doubling while they paint nothing new...
 */
const FLOOD_BACKOFF_FIRST_MS = 2_000;
/** ...up to this: text such a page adds is still highlighted, at most this much later. */
const FLOOD_BACKOFF_MAX_MS = 16_000;
/** The reader's own actions: after one, what they look at next is rescanned without the backoff. */
const INTERACTIONS = ['pointerdown', 'keydown', 'scroll'];
/** Attributes that show or hide content. */
const REVEALING_ATTRIBUTES = ['open', 'hidden', 'aria-expanded', 'aria-hidden', 'class', 'style'];

export interface RescanRequest {
  /** Rescan the whole page (first scan, navigation, too many changes). */
  whole: boolean;
  /** Changed roots still in the document. */
  roots: Node[];
}

export interface RescanHooks {
  /** Nodes of ours whose changes are not the page's (the card host, our marks). */
  isOwnNode: (node: Node) => boolean;
  rescan: () => void;
  /**
   * Told about the page's changes as they happen, before debouncing, with the observer paused (to
   * drop a card whose highlight went away, and stale copies of text the page rewrote).
   */
  onChange: (records: readonly MutationRecord[]) => void;
  /** Elements hidden at the last scan that are visible now. */
  revealed: () => Element[];
  /**
   * The elements holding our highlights' text. While a flood's whole-page rescan waits, only these
   * (and the document's own children) are watched: the page's edits there must still reach `onChange`.
   */
  highlightPlaces: () => Iterable<Node>;
}

/** Everything: the page's nodes and text, and the attributes that reveal content. */
const WATCH_ALL: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: REVEALING_ATTRIBUTES };
/** Under one of our highlights, while a flood's rescan waits: the text and nodes `onChange` repairs. */
const WATCH_PLACE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Whether `node` holds any non-blank text; stops at the first text node that has some (never builds `textContent`). */
function holdsText(node: Node): boolean {
  if (node.nodeType === 3) return /\S/.test((node as Text).data);
  const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) if (/\S/.test((text as Text).data)) return true;
  return false;
}

/**
 * The length of the text under `node`, each text node trimmed, counted only until `limit` is reached
 * (UTF-16 units): a pasted article is not joined into one string per mutation to learn it exceeds 24.
 */
function textUpTo(node: Node, limit: number): number {
  const count = (data: string): number => data.trim().length;
  if (node.nodeType === 3) return count((node as Text).data);
  let total = 0;
  const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode(); text && total < limit; text = walker.nextNode()) total += count((text as Text).data);
  return total;
}

export class RescanScheduler {
  private readonly observer: MutationObserver;
  /** Records only our own changes, and only while flood-forced rescans back off (see `withoutObserver`). */
  private readonly paintWatch = new MutationObserver(() => undefined);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet rescanned arrived. */
  private pendingSince: number | undefined;
  private readonly dirtyRoots = new Set<Node>();
  private wholePage = true;
  private watching = false;
  /** An attribute that can reveal content changed since the last check. */
  private revealCheck = false;
  /** The pending whole-page rescan was forced by a flood of changes (not by a navigation). */
  private flooded = false;
  /** When the last flood-forced rescan started; undefined once something new was painted since. */
  private lastFloodRescan: number | undefined;
  /** How long after `lastFloodRescan` the next flood-forced rescan may start (ms). */
  private floodBackoff = 0;
  /**
   * A flood has forced a whole-page rescan that has not started yet: until it does, only our
   * highlights' places and the document's own children are watched (`observe`). Which other nodes
   * change no longer matters, since that rescan reads everything.
   */
  private narrow = false;
  // Browser-made only (a `<details>` or popover opened by script still fires a trusted `toggle`): a
  // page dispatching synthetic ones could keep us looking again for nothing.
  private readonly onRevealingEvent = (event: Event): void => {
    if (event.isTrusted) this.noteRevealing();
  };
  // Trusted only: a page dispatching synthetic ones must not undo the backoff.
  private readonly onInteraction = (event: Event): void => {
    if (event.isTrusted) this.resetBackoff();
  };

  constructor(
    private readonly doc: Document,
    private readonly hooks: RescanHooks,
  ) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  start(): void {
    if (!this.watching) {
      this.listen();
      // Anything shown while the first scan ran (a frame laid out only then) is looked at once more.
      this.revealCheck = true;
    }
    this.watching = true;
    this.observe();
    this.arm();
  }

  /**
   * Events that show content without changing the DOM: `toggle` (a popover or `<details>` opened by
   * script; it does not bubble, capture does), and `resize` (media queries; a frame that had no size
   * yet when it was first read, as a sandboxed frame laid out late can be).
   */
  private listen(): void {
    this.doc.addEventListener('toggle', this.onRevealingEvent, true);
    this.doc.defaultView?.addEventListener('resize', this.onRevealingEvent, { passive: true });
    for (const type of INTERACTIONS) this.doc.addEventListener(type, this.onInteraction, { capture: true, passive: true });
  }

  private observe(): void {
    if (!this.narrow) {
      this.observer.observe(this.doc, WATCH_ALL);
      return;
    }
    // A new <body> or <html> still starts over; the page's edits under our highlights are still repaired.
    this.observer.observe(this.doc, { childList: true });
    if (this.doc.documentElement) this.observer.observe(this.doc.documentElement, { childList: true });
    for (const place of this.hooks.highlightPlaces()) this.observer.observe(place, WATCH_PLACE);
  }

  /** Goes back to watching the whole page (the flood's rescan is starting, or was called off). */
  private widen(): void {
    if (!this.narrow) return;
    this.narrow = false;
    const pending = this.observer.takeRecords();
    this.observer.disconnect();
    if (this.watching) this.observe();
    if (pending.length) this.onMutations(pending);
  }

  /** Stops watching and forgets pending changes; the next scan is a whole-page one. */
  stop(): void {
    this.watching = false;
    this.observer.disconnect();
    this.doc.removeEventListener('toggle', this.onRevealingEvent, true);
    this.doc.defaultView?.removeEventListener('resize', this.onRevealingEvent);
    for (const type of INTERACTIONS) this.doc.removeEventListener(type, this.onInteraction, true);
    clearTimeout(this.timer);
    this.pendingSince = undefined;
    this.dirtyRoots.clear();
    this.revealCheck = false;
    this.wholePage = true;
    this.flooded = false;
    this.narrow = false;
    this.lastFloodRescan = undefined;
    this.floodBackoff = 0;
  }

  destroy(): void {
    this.stop();
  }

  /** Marks the whole page for the next scan (navigation). */
  invalidateAll(): void {
    this.wholePage = true;
    this.flooded = false;
    this.dirtyRoots.clear();
    this.widen();
  }

  /** Asks for a rescan of these nodes (places the page changed under a highlight). */
  invalidate(nodes: readonly Node[]): void {
    if (!this.watching) return;
    for (const node of nodes) this.dirtyRoots.add(node);
    this.arm();
  }

  /** What the next scan must cover; resets the pending state. */
  take(): RescanRequest {
    const request = { whole: this.wholePage, roots: [...this.dirtyRoots].filter((node) => node.isConnected) };
    this.wholePage = false;
    this.dirtyRoots.clear();
    // Changes from here on belong to the next rescan: the whole page is watched again.
    this.widen();
    return request;
  }

  /** Runs a DOM change of ours without waking the observer. */
  withoutObserver<T>(change: () => T): T {
    // Page changes queued before ours still count: disconnecting would discard them.
    const pending = this.observer.takeRecords();
    if (pending.length) this.onMutations(pending);
    this.observer.disconnect();
    // While rescans back off, our own changes are watched apart: a mark we paint means a rescan found
    // something new, and the page is worth reading promptly again.
    const watchPaint = this.lastFloodRescan !== undefined;
    if (watchPaint) this.paintWatch.observe(this.doc, { childList: true, subtree: true });
    try {
      return change();
    } finally {
      this.observer.takeRecords();
      if (watchPaint) {
        const painted = this.paintWatch.takeRecords().some((record) => [...record.addedNodes].some((node) => this.hooks.isOwnNode(node) && !this.isInHead(node)));
        this.paintWatch.disconnect();
        if (painted) this.resetBackoff();
      }
      if (this.watching) this.observe();
    }
  }

  private noteRevealing(): void {
    if (!this.watching) return;
    this.revealCheck = true;
    this.arm();
  }

  private isInHead(node: Node): boolean {
    const head = this.doc.head;
    return head !== null && (node === head || head.contains(node));
  }

  /**
   * Sorts the page's changes from ours and notes where text may have appeared. Linear in the records
   * and their nodes; no text is read once a whole-page rescan is pending (it reads everything), and
   * a root's text only as far as the thresholds need.
   */
  private onMutations(records: MutationRecord[]): void {
    if (!this.watching) return;
    const pageRecords: MutationRecord[] = [];
    let rewritten = false;
    for (const record of records) {
      const { target } = record;
      if (this.hooks.isOwnNode(target) || this.isInHead(target)) continue;
      if (record.type === 'attributes') {
        this.revealCheck = true;
        pageRecords.push(record);
        continue;
      }
      if (record.type === 'characterData') {
        if (!this.wholePage) this.dirtyRoots.add(target.parentNode ?? target);
        pageRecords.push(record);
        continue;
      }
      if (!this.hasPageNode(record.addedNodes) && !this.hasPageNode(record.removedNodes)) continue;
      pageRecords.push(record);
      // A new <body> or <html> (Turbo, pjax, document.open()): everything is new.
      if ((target === this.doc || target === this.doc.documentElement) && this.addsDocumentRoot(record)) {
        this.wholePage = true;
        this.flooded = false;
        if (target === this.doc) rewritten = true;
        continue;
      }
      if (this.wholePage) continue;
      for (const node of record.addedNodes) if (!this.hooks.isOwnNode(node)) this.dirtyRoots.add(node.nodeType === 3 ? (node.parentNode ?? node) : node);
    }
    if (pageRecords.length === 0) return;
    // document.open() erased our listeners with every other one on the document and its window.
    if (rewritten) this.listen();
    if (this.dirtyRoots.size > MAX_DIRTY_ROOTS) {
      // Nodes that hold no text (a page adding empty spans) cannot hold a claim: they force nothing.
      for (const root of this.dirtyRoots) if (!holdsText(root)) this.dirtyRoots.delete(root);
    }
    if (this.dirtyRoots.size > MAX_DIRTY_ROOTS) {
      this.dirtyRoots.clear();
      if (!this.wholePage) this.flooded = true;
      this.wholePage = true;
    }
    // Flooded: stop hearing about the rest of the page until the rescan starts (the next line re-observes).
    this.narrow = this.flooded && this.wholePage;
    this.withoutObserver(() => this.hooks.onChange(pageRecords));
    this.arm();
  }

  private hasPageNode(nodes: NodeList): boolean {
    for (const node of nodes) if (!this.hooks.isOwnNode(node)) return true;
    return false;
  }

  private addsDocumentRoot(record: MutationRecord): boolean {
    for (const node of record.addedNodes) if (node === this.doc.body || node === this.doc.documentElement) return true;
    return false;
  }

  /** Starts (or keeps) the debounce timer when the pending changes can hold a claim. */
  private arm(): void {
    if (!this.wholePage && !this.revealCheck && this.changedTextLength() < MIN_CHANGED_TEXT) return;
    const now = performance.now();
    this.pendingSince ??= now;
    clearTimeout(this.timer);
    let wait = Math.max(0, Math.min(RESCAN_DEBOUNCE_MS, this.pendingSince + RESCAN_MAX_WAIT_MS - now));
    if (this.wholePage && this.flooded && this.lastFloodRescan !== undefined) wait = Math.max(wait, this.lastFloodRescan + this.floodBackoff - now);
    this.timer = setTimeout(() => this.fire(), wait);
  }

  private fire(): void {
    this.pendingSince = undefined;
    if (this.wholePage && this.flooded) this.noteFloodRescan();
    this.widen();
    if (this.revealCheck) {
      // Checked now, not when the attribute changed: a reveal may wait for a style change or a transition.
      this.revealCheck = false;
      for (const element of this.hooks.revealed()) this.dirtyRoots.add(element);
    }
    if (this.wholePage || this.changedTextLength() >= MIN_CHANGED_TEXT) this.hooks.rescan();
  }

  /**
   * A flood-forced whole-page rescan starts now: the next one waits longer, unless this one paints
   * something new or the reader acts first (`resetBackoff`).
   */
  private noteFloodRescan(): void {
    this.flooded = false;
    this.floodBackoff = this.lastFloodRescan === undefined ? FLOOD_BACKOFF_FIRST_MS : Math.min(FLOOD_BACKOFF_MAX_MS, this.floodBackoff * 2);
    this.lastFloodRescan = performance.now();
  }

  /** Flood-forced rescans go back to the ordinary debounce (a pending one is re-timed). */
  private resetBackoff(): void {
    if (this.lastFloodRescan === undefined) return;
    this.lastFloodRescan = undefined;
    this.floodBackoff = 0;
    if (this.watching && this.wholePage && this.flooded) this.arm();
  }

  /** How much text the pending changes hold, counted cheaply and capped (it only gates a rescan). */
  private changedTextLength(): number {
    let total = 0;
    for (const root of this.dirtyRoots) {
      total += textUpTo(root, MIN_CHANGED_TEXT - total);
      if (total >= MIN_CHANGED_TEXT) break;
    }
    return total;
  }
}
