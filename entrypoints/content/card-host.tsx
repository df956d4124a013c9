import { render } from 'preact';
import { ClaimCard } from '@/components/claim-card';
import { I18nProvider } from '@/components/i18n';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import cardCss from './card.css?inline';
import { cardLanguage } from './card-i18n';
import { MARGIN, noteScrollsWithCard, placeCard, type CardSide, type Placement, type PlacementBox } from './card-placement';
import { nextTabStop } from './next-tab-stop';
import { TopLayerWatch } from './top-layer-watch';

export const CARD_HOST_TAG = 'pledge-lens-card';

export interface CardContent {
  claim: ClaimCardData;
  /**
   * The note editor, an extension page framed in the card: the web page can neither read nor type into it.
   * Undefined while its capability is on its way from the background (the frame waits without an address).
   */
  noteEditorUrl: string | undefined;
  /** The matcher is unsure the highlight states the claim (`ClaimMatch.possible`). */
  possible?: boolean;
}

/** What the card is opened for: a highlight's boxes, and where focus returns when it closes. */
export interface CardAnchor {
  /** The highlight's keyboard stop (a mark, or a range highlight's proxy); none for an interim highlight. */
  focusTarget?: HTMLElement;
  /** The highlight's boxes in viewport coordinates. */
  rects(): DOMRect[];
  /** Which of `rects()` the pointer opened the card from (its left is the card's left); none when opened by keyboard. */
  pointerRect?: number;
  /** A node inside the highlight: the card joins the modal dialog holding it. */
  node: Node;
  /** The highlight's last node (its last mark, or its last range's end): Tab out of the card goes to the stop after it. */
  end: Node;
}

/** Times the card is put back in one opening after the page removed it (a page that sweeps forever gets no loop). */
const MAX_REATTACH = 6;
/** Times the host's own attributes are put back in one opening after the page changed them; past it the card closes. */
const MAX_RESTYLE = 6;
/** Times the card is raised again in one opening over something the page put in the top layer after it; past it the card closes. */
const MAX_RERAISE = 6;
/**
 * In a frame, how long the card may stay covered after it was raised, ms: a cover of the frame's own goes under
 * within IntersectionObserver v2's 100 ms delay and a frame or two; one that stays is the parent page's.
 */
const PARENT_COVER_GRACE_MS = 400;
/** The host's attributes a page could use to move, hide or disguise the card (its inline style above all). */
const GUARDED_HOST_ATTRIBUTES = ['style', 'class', 'popover', 'hidden', 'inert'];
/** Elements that are modal but cannot hold our host (a fullscreen video). */
const REPLACED = new Set(['VIDEO', 'AUDIO', 'IMG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED']);

/** Inline !important beats any page rule, including `* { all: unset !important }` in a stylesheet. */
function setImportant(element: HTMLElement, values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) element.style.setProperty(key, value, 'important');
}

/** Ancestors across shadow boundaries. */
function composedAncestors(node: Node): Element[] {
  const out: Element[] = [];
  for (let current: Node | null = node; current; ) {
    const parent: Node | null = current.parentNode ?? ((current as ShadowRoot).host as Node | undefined) ?? null;
    if (parent && parent.nodeType === 1) out.push(parent as Element);
    current = parent;
  }
  return out;
}

function isModal(element: Element): boolean {
  try {
    return element.matches(':modal') && !REPLACED.has(element.tagName.toUpperCase());
  } catch {
    return false; // no :modal support
  }
}

function unionOf(rects: readonly DOMRect[]): PlacementBox | undefined {
  const boxes = rects.filter((rect) => rect.width > 0 || rect.height > 0);
  if (boxes.length === 0) return undefined;
  return {
    top: Math.min(...boxes.map((r) => r.top)),
    left: Math.min(...boxes.map((r) => r.left)),
    bottom: Math.max(...boxes.map((r) => r.bottom)),
    right: Math.max(...boxes.map((r) => r.right)),
  };
}

/**
 * The card lives in a closed shadow root on its own host element, so page CSS cannot restyle it and
 * page script cannot read or change it; claim data is rendered by Preact as text nodes, never as
 * HTML. The reader's note is not in it: that is an extension page in a frame, out of the web page's
 * reach.
 *
 * Nothing on the page can bury, misplace or remove it:
 * - while open, the host is a manual popover in the top layer, above everything, and when a modal
 *   dialog is open it is put inside that dialog (everything outside a modal dialog is inert: a
 *   popover outside it would be drawn on top but could not be hovered or focused);
 * - the page's CSS `zoom` is undone on the host (its boxes are then in viewport pixels, as the
 *   highlight's are), and browser zoom changes nothing, everything being in CSS pixels;
 * - if the page removes the host, it is put back, next time elsewhere (`<html>`, then `<body>`);
 * - a page that defined a custom element under our tag name would run its code in our host: the host
 *   is then a plain `<div>`, which no page can take over;
 * - `@media print` hides it (card.css), whatever the page prints.
 */
/**
 * Puts text on the clipboard from the content script's own world (the card's "Copy claim"): the page's scripts
 * cannot see or replace it there, as they could a selection of the card's text and its `copy` event. False when
 * the browser or the page's permissions policy refuses (the card then says so).
 */
function writeToClipboard(text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard) return Promise.resolve(false);
  return clipboard.writeText(text).then(
    () => true,
    () => false,
  );
}

export class CardHost {
  host!: HTMLElement;
  /** The host's closed shadow root: this reference is the only way in. */
  private shadow!: ShadowRoot;
  private mount!: HTMLElement;
  private live!: HTMLElement;
  /** Before and after the card, shown with it (see build()). */
  private guards: HTMLElement[] = [];
  private anchor: CardAnchor | undefined;
  private content: CardContent | undefined;
  /**
   * Counts the card's openings: each is a fresh card (its own key), so one highlight's card does not open
   * with the last one's "More" expanded and scrolled to "Why this label" (a new user met that going from
   * card to card with the popup's "Show on page"). The note editor's address arriving re-renders the same opening.
   */
  private openings = 0;
  /** Watches the host's parent for the page removing it. */
  private readonly watcher: MutationObserver;
  private watched: Node | undefined;
  /**
   * Watches the host's own attributes: a page that sets `opacity: 0.001` or a `clip-path` on it and lays a decoy
   * over the card could get the reader to click "Wrong match" unseen (attack report 45, findings 1-2). The
   * important `:host` rules in card.css beat such styles; this puts back the host's position and attributes.
   */
  private readonly attributeWatcher: MutationObserver;
  /** The host's attributes as we last set them (name to value; null: absent). */
  private ownAttributes = new Map<string, string | null>();
  private restyled = 0;
  /**
   * A popover or dialog the page opens after the card goes above it in the top layer: with `pointer-events: none`
   * it let clicks through to the card's note editor under a decoy ("Confirm" over "Wrong match") or covered the
   * card's status (attack report 46, finding 2; in a closed shadow root, report 48, finding 2). Seen by the
   * watch, in any tree, the card is raised over it again; a page that keeps opening more closes the card.
   */
  private reraised = 0;
  private readonly topLayerWatch: TopLayerWatch;
  private readonly onTopLayer = (): void => {
    if (!this.isOpen) return;
    if (++this.reraised > MAX_RERAISE) this.hide(false);
    else this.raise();
  };
  /** A page going fullscreen covers everything but its fullscreen element: the card closes rather than sit under it. */
  private readonly onFullscreen = (): void => {
    if (this.isOpen && this.doc.fullscreenElement) this.hide(false);
  };
  /** Which fallback parent (0: <html>, 1: <body>) to use outside modal dialogs; moves on when the page sweeps one. */
  private fallback = 0;
  private reattached = 0;
  private scrollFrame = 0;
  private readonly onScroll = (): void => {
    if (this.scrollFrame) return;
    this.scrollFrame = this.view()?.requestAnimationFrame(() => {
      this.scrollFrame = 0;
      if (this.isOpen) this.position();
    }) ?? 0;
  };
  /** The side of the highlight the card opened on: kept while it has room, so the card does not jump as "More" opens. */
  private side: CardSide | undefined;
  /** The card grows and shrinks ("More", the viewport): it is placed again, so it never grows over the highlight. */
  private resizeWatcher: ResizeObserver | undefined;
  /**
   * Where the browser tells whether anything is drawn over the card (IntersectionObserver v2, Chromium): a page
   * that swallows its own `toggle` events and shows again a popover that was open when the card was raised goes
   * over it unheard (attack report 49, finding 1); covered, the card is raised again, as for an entry the watch sees.
   */
  private visibilityWatcher: IntersectionObserver | undefined;
  /** What IntersectionObserver v2 last said: something is drawn over the open card. */
  private covered = false;
  private coverCheck: ReturnType<typeof setTimeout> | undefined;
  /** True while focus is being handed back to a highlight, so that focus does not reopen the card. */
  returningFocus = false;

  /**
   * @param doc The document the card opens in (a frame's own, for a highlight in a frame).
   * @param onClosedCovered Called when the card closed because, in a frame, the parent page drew over it.
   */
  constructor(
    private readonly doc: Document,
    private readonly onClosedCovered: () => void = () => undefined,
  ) {
    this.watcher = new MutationObserver(() => this.checkAttached());
    this.attributeWatcher = new MutationObserver(() => this.checkAttributes());
    this.topLayerWatch = new TopLayerWatch(doc, () => this.host, this.onTopLayer, () => this.hide(false));
    this.build();
  }

  private view(): Window | null {
    return this.doc.defaultView;
  }

  private build(): void {
    const doc = this.doc;
    let host = doc.createElement(CARD_HOST_TAG);
    // A page that defined `pledge-lens-card` itself would upgrade ours: run its constructor and
    // callbacks in it, attach its own shadow root. A built-in element cannot be taken over.
    if (host.matches(':defined') || host.shadowRoot) host = doc.createElement('div');
    // Closed: `host.shadowRoot` is null for the page, so its script can neither read the card (the
    // claim, the pack that vouches for it, the note editor's address) nor rewrite it or swap the note
    // frame for a look-alike. Only this object holds the root.
    const shadow = host.attachShadow({ mode: 'closed' });
    this.shadow = shadow;
    const style = doc.createElement('style');
    style.textContent = cardCss;
    this.mount = doc.createElement('div');
    this.live = doc.createElement('div');
    this.live.className = 'live';
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('role', 'status');
    // Focus guards around the card: Tab past its last control (the note frame's last one included,
    // whose keys we never see) or Shift+Tab before its first lands on one. The host sits at the end of
    // the document or in the top layer, so the browser would otherwise carry the reader to the page's
    // end or start and lose their place in the article. As for a popover after its invoker, the card
    // reads as if it followed its highlight: Shift+Tab goes back to the highlight, Tab on to the stop
    // after it (next-tab-stop.ts).
    const before = doc.createElement('span');
    const after = doc.createElement('span');
    this.guards = [before, after];
    for (const guard of this.guards) {
      guard.className = 'focus-guard';
      guard.tabIndex = 0;
      guard.hidden = true;
      guard.addEventListener('focus', (event) => {
        if (!event.isTrusted) return;
        this.hide(true, guard === after && this.anchor ? nextTabStop(this.anchor.end, this.host) : undefined);
      });
    }
    shadow.append(style, before, this.mount, after, this.live);
    // A click meant for the note frame can reach this document instead: Chromium routes a click by the frame's
    // last hit-test data, which lagged after the card moved (seen in headless Chromium, where frames came a second
    // apart). The page's frame would then keep focus and the reader's typing would go nowhere (a new user's report
    // 49, problem 3). Focus goes into the frame, whose editor puts the caret in its note box.
    shadow.addEventListener('mousedown', (event) => {
      const frame = event.target;
      if (!event.isTrusted || !(frame instanceof HTMLIFrameElement)) return;
      event.preventDefault();
      frame.focus();
    });
    if ('showPopover' in host) host.setAttribute('popover', 'manual');
    // Everything the host's box depends on is inline !important: `:host` rules lose to a page's
    // `* { all: unset }`, inline important declarations do not. (The print rule in card.css is an
    // important `:host` rule, which does beat them.)
    setImportant(host, { all: 'initial', position: 'fixed', 'z-index': '2147483647', top: '0px', left: '0px', display: 'block' });
    this.mount.hidden = true;
    this.host = host;
    this.noteOwnAttributes();
  }

  /** The page defined our tag name after we made the host: move to a fresh, built-in host. */
  private ensureUsable(): void {
    if (this.host.localName !== CARD_HOST_TAG || !this.host.matches(':defined')) return;
    const wasOpen = this.isOpen;
    render(null, this.mount);
    this.watcher.disconnect();
    this.attributeWatcher.disconnect();
    this.host.remove();
    this.build();
    if (wasOpen && this.anchor && this.content) this.renderCard(this.content);
  }

  private renderCard(content: CardContent): void {
    this.content = content;
    const { t } = cardLanguage();
    render(
      <I18nProvider translator={t}>
        <ClaimCard key={this.openings} {...content} onClose={() => this.hide(true)} onCopy={writeToClipboard} />
      </I18nProvider>,
      this.mount,
    );
    this.setShown(true);
  }

  /** Where the host goes: inside the modal dialog holding the highlight (or the topmost one), else <html> or <body>. */
  private container(): Element {
    const near = this.anchor ? composedAncestors(this.anchor.node).find(isModal) : undefined;
    if (near) return near;
    let modals: Element[] = [];
    try {
      modals = [...this.doc.querySelectorAll(':modal')].filter(isModal);
    } catch {
      modals = [];
    }
    const top = modals[modals.length - 1];
    if (top) return top;
    const fallbacks = [this.doc.documentElement, this.doc.body].filter((element): element is HTMLElement => element !== null);
    return fallbacks[this.fallback % fallbacks.length] ?? this.doc.documentElement;
  }

  /** Puts the host where it must be, watches for its removal, and undoes the page's CSS zoom. */
  private attach(): void {
    this.ensureUsable();
    const parent = this.container();
    if (this.host.parentNode !== parent) {
      // Our own move is not the page sweeping us: stop watching (dropping queued records) first.
      this.watcher.disconnect();
      this.watched = undefined;
      parent.append(this.host);
    }
    if (this.watched !== parent) {
      this.watched = parent;
      this.watcher.observe(parent, { childList: true });
    }
    const zoom = (parent as Element & { currentCSSZoom?: number }).currentCSSZoom;
    this.styleHost({ zoom: zoom && zoom > 0 ? String(1 / zoom) : '1' });
  }

  /** Sets inline !important styles on the host, as ours (`checkAttributes` puts them back if the page changes them). */
  private styleHost(values: Record<string, string>): void {
    this.attributeWatcher.disconnect();
    setImportant(this.host, values);
    this.noteOwnAttributes();
  }

  /** Records the host's guarded attributes as ours, and watches them. */
  private noteOwnAttributes(): void {
    this.ownAttributes = new Map(GUARDED_HOST_ATTRIBUTES.map((name) => [name, this.host.getAttribute(name)]));
    this.attributeWatcher.observe(this.host, { attributes: true, attributeFilter: GUARDED_HOST_ATTRIBUTES });
  }

  /** The page changed the host's attributes: put ours back, a bounded number of times per opening, then close. */
  private checkAttributes(): void {
    const changed = GUARDED_HOST_ATTRIBUTES.some((name) => this.host.getAttribute(name) !== this.ownAttributes.get(name));
    if (!changed) return;
    this.attributeWatcher.disconnect();
    for (const [name, value] of this.ownAttributes) {
      if (value === null) this.host.removeAttribute(name);
      else this.host.setAttribute(name, value);
    }
    this.attributeWatcher.observe(this.host, { attributes: true, attributeFilter: GUARDED_HOST_ATTRIBUTES });
    if (this.isOpen && ++this.restyled > MAX_RESTYLE) this.hide(false);
  }

  /** The page removed the host: put it back (elsewhere next time), a bounded number of times per opening. */
  private checkAttached(): void {
    if (this.host.parentNode === this.watched) return;
    this.watcher.disconnect();
    this.watched = undefined;
    if (!this.isOpen || this.reattached >= MAX_REATTACH) return;
    this.reattached++;
    this.fallback++;
    // Not in this microtask: a page observer and ours must never ping-pong synchronously.
    setTimeout(() => {
      if (!this.isOpen || this.host.isConnected) return;
      this.attach();
      this.raise();
      this.position();
    }, 10 * this.reattached);
  }

  /** Into the top layer, above anything opened before (a modal dialog included). */
  private raise(): void {
    const host = this.host as HTMLElement & { showPopover?: () => void; hidePopover?: () => void };
    if (host.showPopover && host.isConnected) {
      try {
        if (host.matches(':popover-open')) host.hidePopover?.();
        host.showPopover();
      } catch {
        // Not shown in the top layer (an ancestor is hidden): the fixed, topmost host still is the fallback.
      }
    }
    // What is open now is under the card, or cannot be got over: either way no news at the watch's next look.
    this.topLayerWatch.noteRaised();
  }

  get anchorElement(): HTMLElement | undefined {
    return this.anchor?.focusTarget;
  }

  get anchorNode(): Node | undefined {
    return this.anchor?.node;
  }

  private setShown(shown: boolean): void {
    this.mount.hidden = !shown;
    for (const guard of this.guards) guard.hidden = !shown;
  }

  get isOpen(): boolean {
    return !this.mount.hidden;
  }

  /** The open card's box in the viewport (CSS px); undefined while closed. */
  get box(): PlacementBox | undefined {
    const card = this.isOpen ? this.mount.firstElementChild : null;
    if (!card) return undefined;
    const { top, left, bottom, right } = card.getBoundingClientRect();
    return { top, left, bottom, right };
  }

  isHost(node: Node | null): boolean {
    return node === this.host;
  }

  /**
   * Whether keyboard focus is in the card, its note frame included. (When a frame inside the closed
   * root has focus, the document's activeElement is not reliably our host; the root's is the frame.)
   */
  get hasFocus(): boolean {
    return this.shadow.activeElement !== null;
  }

  contains(node: Node | null): boolean {
    return node !== null && (node === this.host || this.host.contains(node) || this.shadow.contains(node));
  }

  /** The open card's note editor address arrived (with its capability): the frame loads it. */
  setNoteEditorUrl(noteEditorUrl: string): void {
    if (this.isOpen && this.content) this.renderCard({ ...this.content, noteEditorUrl });
  }

  show(anchor: CardAnchor, content: CardContent): void {
    this.openings++;
    this.anchor = anchor;
    this.reattached = 0;
    this.restyled = 0;
    this.reraised = 0;
    this.side = undefined;
    this.attach();
    this.renderCard(content);
    this.raise();
    const placed = this.position();
    // Opened by keyboard, on a screen where it would cover its highlight: the page scrolls so the card fits below it
    // (placeCard's `scrollBy`). Not for a card opened by the pointer: the highlight would move from under it.
    if (placed?.scrollBy !== undefined && anchor.pointerRect === undefined) {
      this.view()?.scrollBy({ top: placed.scrollBy, behavior: 'instant' });
      this.position();
    }
    this.view()?.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.view()?.addEventListener('resize', this.onScroll, { passive: true });
    this.topLayerWatch.start();
    this.doc.addEventListener('fullscreenchange', this.onFullscreen, { capture: true });
    this.watchSize();
    this.watchVisibility();
  }

  /**
   * Hides the card; returns focus to the highlight when focus was inside the card or `restoreFocus`, or moves it
   * to `focusNext` (the stop after the highlight) when given.
   */
  hide(restoreFocus = false, focusNext?: HTMLElement): void {
    if (!this.isOpen) return;
    const target = focusNext ?? this.anchor?.focusTarget;
    const focusInside = this.contains(this.doc.activeElement);
    this.setShown(false);
    render(null, this.mount);
    this.anchor = undefined;
    this.content = undefined;
    this.view()?.removeEventListener('scroll', this.onScroll, { capture: true });
    this.view()?.removeEventListener('resize', this.onScroll);
    this.topLayerWatch.stop();
    this.visibilityWatcher?.disconnect();
    this.covered = false;
    clearTimeout(this.coverCheck);
    this.doc.removeEventListener('fullscreenchange', this.onFullscreen, { capture: true });
    this.resizeWatcher?.disconnect();
    const host = this.host as HTMLElement & { hidePopover?: () => void };
    try {
      if (host.matches(':popover-open')) host.hidePopover?.();
    } catch {
      // nothing to undo
    }
    if ((restoreFocus || focusInside) && target?.isConnected) {
      // (Focus moved on to the next stop is the reader's Tab: a highlight there opens its card as any Tab to it does.)
      this.returningFocus = focusNext === undefined;
      try {
        target.focus();
      } finally {
        this.returningFocus = false;
      }
    }
  }

  focusCard(): void {
    this.shadow.querySelector<HTMLElement>('.close')?.focus();
  }

  announce(message: string): void {
    if (!this.isOpen || !this.host.isConnected) this.attach();
    this.live.textContent = '';
    // A fresh text node after clearing makes screen readers announce repeated messages too.
    setTimeout(() => {
      this.live.textContent = message;
    }, 50);
  }

  /** Raises the card when the browser says something covers it (`visibilityWatcher`); where it cannot say, nothing. */
  private watchVisibility(): void {
    const View = this.view() as (Window & { IntersectionObserver?: typeof IntersectionObserver }) | null;
    const card = this.mount.firstElementChild;
    if (!View?.IntersectionObserver || !card) return;
    if (!this.visibilityWatcher) {
      try {
        // (`trackVisibility` and `delay` are not in TypeScript's DOM types; a browser without them ignores them.)
        const visibility = { trackVisibility: true, delay: 100 } as IntersectionObserverInit;
        this.visibilityWatcher = new View.IntersectionObserver((entries) => {
          const last = entries[entries.length - 1] as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
          if (!last) return;
          this.covered = last.isIntersecting && last.isVisible === false;
          if (this.covered) this.onCovered();
        }, visibility);
      } catch {
        return;
      }
    }
    this.visibilityWatcher.disconnect();
    this.visibilityWatcher.observe(card);
  }

  /**
   * Something is drawn over the open card: raised, it goes above what this document drew. In a frame, what stays
   * over it after that is the parent page's, drawn in a document this one can neither see nor go above (attack
   * report 49, finding 4): the card closes rather than show a look-alike in its place, and the reader is told.
   */
  private onCovered(): void {
    this.onTopLayer();
    if (!this.isOpen || !this.inFrame()) return;
    clearTimeout(this.coverCheck);
    this.coverCheck = setTimeout(() => {
      if (!this.isOpen || !this.covered) return;
      this.hide(false);
      this.onClosedCovered();
    }, PARENT_COVER_GRACE_MS);
  }

  /** Whether the card's document is a frame in another page (its window is not the tab's top one). */
  private inFrame(): boolean {
    const view = this.view();
    return view !== null && view.top !== view;
  }

  /** Places the card again whenever its size changes (the rAF batches it with scrolling). */
  private watchSize(): void {
    const View = this.view() as (Window & { ResizeObserver?: typeof ResizeObserver }) | null;
    const card = this.mount.firstElementChild;
    if (!View?.ResizeObserver || !card) return;
    this.resizeWatcher ??= new View.ResizeObserver(this.onScroll);
    this.resizeWatcher.disconnect();
    this.resizeWatcher.observe(card);
    // "More" toggled in a card already at its max-height changes no size, but may change its place (placeCard()'s phone rule). Toggle does not bubble: caught on the way down.
    card.removeEventListener('toggle', this.onScroll, true);
    card.addEventListener('toggle', this.onScroll, true);
  }

  /** Places the card by placeCard() (card-placement.ts), shortening it where that says so; returns where (none without a highlight box). */
  private position(): Placement | undefined {
    const anchor = this.anchor;
    const view = this.view();
    if (!anchor || !view) return undefined;
    const rects = anchor.rects();
    const box = unionOf(rects);
    if (!box) return undefined;
    const pointed = anchor.pointerRect === undefined ? undefined : rects[anchor.pointerRect];
    const viewWidth = Math.min(view.innerWidth, view.visualViewport?.width ?? view.innerWidth);
    const viewHeight = Math.min(view.innerHeight, view.visualViewport?.height ?? view.innerHeight);
    const card = this.mount.firstElementChild as HTMLElement | null;
    // Measured at its full height, then shortened again: keep where the reader had scrolled it to. (Its full height
    // with what the label means: measured tight, a card placed as a sheet under the pointer moved beside the
    // highlight on the next resize, and the pointer left it.)
    const scrolled = card?.scrollTop ?? 0;
    card?.style.removeProperty('max-height');
    card?.removeAttribute('data-tight');
    const placed = placeCard({
      highlight: box,
      view: { width: viewWidth, height: viewHeight },
      card: { width: card?.offsetWidth || Math.min(420, viewWidth - 2 * MARGIN), height: card?.offsetHeight || 300 },
      kept: this.side,
      ...(pointed && { left: pointed.left }),
    });
    if (placed.maxHeight !== undefined) card?.style.setProperty('max-height', `${placed.maxHeight}px`);
    this.side = placed.side;
    const head = card?.querySelector<HTMLElement>('.top');
    const note = card?.querySelector<HTMLElement>('.note-frame');
    const more = card?.querySelector<HTMLElement>('.more > summary');
    const moreBottom = () => (card && more ? more.getBoundingClientRect().bottom - card.getBoundingClientRect().top + card.scrollTop : 0);
    const noteScrolls = () => noteScrollsWithCard({ height: placed.height, note: note?.offsetHeight ?? 0, moreBottom: moreBottom() });
    // Too short to give the sticky note editor its room and still show the verdict, the statement, what the label
    // means and "More": first the label's meaning goes (the legend link and "More" still give it), then the
    // statement shows two lines (its whole text is a "More" away), so the note's Save and Wrong match stay in
    // sight; a card still too short lets the note scroll with it (Tab still reaches it). A card shortened above its
    // highlight at 1280 x 720 hid both below its edge, and a click on the sliver left went to the page (a new
    // user's report 56).
    let scrolls = noteScrolls();
    for (const level of ['1', '2']) {
      if (!scrolls || !card) break;
      card.setAttribute('data-tight', level);
      scrolls = noteScrolls();
    }
    if (scrolls) card?.removeAttribute('data-tight');
    card?.toggleAttribute('data-cramped', scrolls);
    // The sticky head's height (card.css): focus and "More" scroll the card's body to below it, not under it.
    if (head) card?.style.setProperty('--pl-head-height', `${head.offsetHeight}px`);
    if (card && card.scrollTop !== scrolled) card.scrollTop = scrolled;
    this.styleHost({ top: `${placed.top}px`, left: `${placed.left}px` });
    return placed;
  }

  destroy(): void {
    render(null, this.mount);
    this.topLayerWatch.stop();
    this.visibilityWatcher?.disconnect();
    clearTimeout(this.coverCheck);
    this.watcher.disconnect();
    this.attributeWatcher.disconnect();
    this.view()?.removeEventListener('scroll', this.onScroll, { capture: true });
    this.view()?.removeEventListener('resize', this.onScroll);
    this.resizeWatcher?.disconnect();
    this.host.remove();
  }
}
