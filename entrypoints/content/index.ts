import browser, { type Runtime } from 'webextension-polyfill';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PaintedHighlight } from '@/lib/highlight/paint-highlights';
import { BACKGROUND_TO_CONTENT, type BackgroundToContent } from '@/lib/messages/background-to-content';
import type { ContentToBackground } from '@/lib/messages/content-to-background';
import { dispatch, senderFor, type Handlers } from '@/lib/messages/message-map';
import { CLAIM_VOCABULARY_KEY } from '@/lib/prefilter/claim-vocabulary';
import { frameIsReadable, WakeGate } from '@/lib/prefilter/wake-gate';
import { documentLanguage } from '@/lib/text/page-language';
import { isWebAddress } from '@/lib/sites/url';
import { guardContextFromPage, runtimeAlive } from './context-guard';
import { cleanCopy } from './copy-cleaner';
import { PageAnnotator } from './page-annotator';
import { isHeadingFor } from './pointer-aim';
import { LocationBackoff } from './location-backoff';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** Documents a reader reads as a page: HTML, XHTML, and plain text (shown by the browser in a `<pre>`). */
const READABLE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

/**
 * Whether this document is one we annotate. XML feeds, SVG images and other non-HTML documents get
 * nothing at all: no element, no style, no listener (a node added to them shows up in the browser's
 * XML view, or as text).
 */
function isReadableDocument(doc: Document): boolean {
  const root = doc.documentElement;
  return READABLE_TYPES.has(doc.contentType) && root !== null && root.namespaceURI === XHTML_NS && root.localName === 'html';
}


/** How long focus that left a card control or a highlight for no element (the note frame, a blur) gets to land before the card closes, ms. */
const FOCUS_SETTLE_MS = 250;

/** How long after the reader's own Tab key or pointer press a move of focus counts as theirs, ms. */
const READER_MOVE_MS = 300;
/** How often, at most, the top frame reports again because an embed loaded (ms; see `onFrameLoad`). */
const FRAME_LOAD_REPORT_MS = 1_000;

/**
 * The address this frame reports (for its site switch and its mentions). A frame with no address of
 * its own (srcdoc, an about:blank frame written by script, data: and blob: frames) reports the page
 * that made it, as far as the browser lets us see it: the nearest readable ancestor, else the
 * ancestor origin (Chrome, for a sandboxed frame), else its own origin.
 */
function frameUrl(): string {
  const own = location.href;
  if (isWebAddress(own)) return own;
  try {
    for (let frame: Window = window; frame !== frame.parent; ) {
      frame = frame.parent;
      if (isWebAddress(frame.location.href)) return frame.location.href;
    }
  } catch {
    // A cross-origin ancestor (or an opaque origin of ours): go by origins.
  }
  const ancestor = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null') return `${ancestor}/`;
  return self.origin && self.origin !== 'null' ? `${self.origin}/` : own;
}

/**
 * The name of WXT's "content script started" event, read from WXT itself (its type declares it private,
 * but it is a public static at run time) so the guard follows WXT if the name's form changes.
 * @throws Error when this WXT has no such name (the guard would guard nothing)
 */
function scriptStartedEventType(): string {
  const type: unknown = (ContentScriptContext as unknown as Record<string, unknown>)['SCRIPT_STARTED_MESSAGE_TYPE'];
  if (typeof type !== 'string') throw new Error('WXT no longer names its content-script-started event: update entrypoints/content/context-guard.ts');
  return type;
}

/**
 * Thin wiring: every listener goes through `ctx`, so an extension reload or update removes them
 * and leaves the page as it was. The work is in PageAnnotator and its collaborators.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  // Articles embedded in iframes (same- or cross-origin) get their own annotator in their frame,
  // including frames without a URL of their own: srcdoc (newsletter archives, email web views), often
  // sandboxed, and about:blank frames written by script; the browser matches them by the origin of
  // the page that made them.
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  // WXT would otherwise post its start message, named with our extension id, to the page: a page
  // could tell the reader runs Pledge Lens and learn the name of the event below.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Before anything else: a page must not be able to end this script (context-guard.ts).
    guardContextFromPage(window, scriptStartedEventType(), runtimeAlive(() => browser.runtime), ctx.signal);
    if (!isReadableDocument(document)) return;
    // The wake gate's vocabulary is a round trip to the browser: asked for first, it is on its way
    // while the annotator and the listeners are set up.
    const vocabulary = browser.storage.local.get(CLAIM_VOCABULARY_KEY).then((stored) => stored[CLAIM_VOCABULARY_KEY]);
    const ask = senderFor<ContentToBackground>((message) => browser.runtime.sendMessage(message));
    // The note editor acts only with a capability the background issues to this tab for this mention
    // (lib/background/note-capabilities.ts); without one (the background did not answer) it says it was refused.
    const noteEditorUrl = async (mentionId: string): Promise<string> => {
      const answer = await ask({ type: 'open-note-editor', mentionId, url: frameUrl() }).catch(() => undefined);
      const query = new URLSearchParams({ mention: mentionId, ...(answer?.ok ? { capability: answer.capability } : {}) });
      return browser.runtime.getURL(`/note-editor.html?${query.toString()}`);
    };
    // The page's language is the top frame's to say (an embedded widget's is not the article's): the
    // popup tells a reader whose page is not in English why nothing was found.
    const pageLanguage = (): string | undefined => (window === window.top ? documentLanguage(document) : undefined);
    const annotator = new PageAnnotator(document, ask, noteEditorUrl, frameUrl, pageLanguage);
    const card = annotator.card;
    ctx.onInvalidated(() => annotator.destroy());

    // One delegated listener per event type, not one per highlight. The same function objects each
    // time: adding one twice is a no-op.
    //
    // Each acts only on trusted events, the ones the browser made from the reader's input (or from
    // its own focus changes). A page can dispatch any event it likes at our highlights; acting on
    // those let its script open cards, move between them and close them at will (issue 14).
    //
    // A highlight that slides under a resting pointer as the page scrolls opens no card (the new-user trial had a
    // card open over what they read in 11 of 30 scroll steps); one the pointer moves onto does. The browser's
    // own mouse events after a scroll keep the pointer's coordinates, which is how they are told apart.
    // (The browser may send its own events before the page's scroll event: the window's scroll offset, read then,
    // tells those apart too.)
    let pointer: { x: number; y: number; scrollX: number; scrollY: number } | undefined;
    let scrolledUnderPointer = false;
    let slidUnder: PaintedHighlight | undefined;
    const onScroll = (): void => {
      scrolledUnderPointer = true;
    };
    /** Whether the pointer's last move (within the page, not the page moving under it) brought it closer to the open card. */
    let headingForCard = false;
    /** Notes where the pointer is; true when it moved there (not the page moving under it). */
    const pointerMoved = (event: MouseEvent): boolean => {
      const moved = pointer === undefined || pointer.x !== event.clientX || pointer.y !== event.clientY;
      if (!moved && (pointer!.scrollX !== window.scrollX || pointer!.scrollY !== window.scrollY)) scrolledUnderPointer = true;
      const box = card.box;
      const to = { x: event.clientX, y: event.clientY };
      if (moved) headingForCard = pointer !== undefined && box !== undefined && isHeadingFor(pointer, to, box);
      pointer = { ...to, scrollX: window.scrollX, scrollY: window.scrollY };
      if (moved) scrolledUnderPointer = false;
      return moved;
    };
    /** The pointer is on a highlight: its card opens, unless the reader is crossing it on their way to the open one. */
    const pointerOn = (highlight: PaintedHighlight): void => {
      const at = pointer && { x: pointer.x, y: pointer.y };
      if (headingForCard) card.showAfterRest(highlight, at);
      else card.show(highlight, false, at);
    };
    const onMouseOver = (event: MouseEvent): void => {
      if (!event.isTrusted) return;
      pointerMoved(event);
      const highlight = annotator.highlightFor(event.composedPath()[0] ?? event.target);
      if (highlight && scrolledUnderPointer) slidUnder = highlight;
      else if (highlight) pointerOn(highlight);
      else if (card.contains(event.target as Node)) card.cancelHide();
    };
    const onMouseOut = (event: MouseEvent): void => {
      if (!event.isTrusted) return;
      // At the document a highlight inside a page's shadow root is retargeted to its host: the path names the mark.
      const from = event.composedPath()[0] ?? event.target;
      const leaving = annotator.highlightFor(from) ?? (card.contains(event.target as Node) ? true : undefined);
      if (leaving && !annotator.highlightFor(event.relatedTarget) && !card.contains(event.relatedTarget as Node)) card.scheduleHide();
    };
    // Range-painted highlights (flex and grid text, interim ones) have no element: hit-test the pointer.
    let underPointer: PaintedHighlight | undefined;
    const onMouseMove = (event: MouseEvent): void => {
      if (!event.isTrusted) return;
      const target = event.composedPath()[0] ?? event.target;
      if (!pointerMoved(event) && scrolledUnderPointer) {
        // (The browser's own move after a scroll: what is under the pointer now, for when it moves.)
        slidUnder = annotator.highlightFor(target) ?? slidUnder;
        return;
      }
      // The pointer moved on from a highlight the page slid under it: that is a hover now.
      if (slidUnder) {
        const under = annotator.highlightFor(target);
        // (With the pointer's place, as any hover: a card opened with none is the keyboard's, and on a phone the page
        // would scroll to make room for it, taking the highlight from under the pointer.)
        if (under === slidUnder) card.show(under, false, { x: event.clientX, y: event.clientY });
        slidUnder = undefined;
      }
      const highlight = annotator.rangeHighlightAt(event.clientX, event.clientY, target);
      if (highlight) {
        if (highlight !== underPointer) pointerOn(highlight);
        underPointer = highlight;
      } else if (underPointer && !card.contains(target as Node)) {
        underPointer = undefined;
        card.scheduleHide();
      } else if (headingForCard && !card.contains(target as Node)) card.postponeHide();
    };
    // Focus the page's own script moves out of the card onto a highlight (`mark.focus()` while the reader types a
    // note: focus events from script are trusted too) would keep the card on screen with the keys going to the page,
    // which listens (attack report 48). Only the reader's Tab or pointer, our own Escape or the popup's "Show on page"
    // (`showingClaim`) moves focus that way: anything else closes the card, and the highlight's focus does not open it
    // again, so the reader sees the note box go.
    let lastTab = -Infinity;
    let lastPointerDown = -Infinity;
    let focusInCard = false;
    const readerMovedFocus = (): boolean => performance.now() - Math.max(lastTab, lastPointerDown) < READER_MOVE_MS;
    const onPointerDown = (event: PointerEvent): void => {
      if (event.isTrusted) lastPointerDown = performance.now();
    };
    // Focus entering the note frame (another document) fires no focusin here: the window's blur, with the card's
    // host left as the active element, says it went into the card.
    const onWindowBlur = (event: FocusEvent): void => {
      if (event.isTrusted && event.target === window && card.contains(document.activeElement)) focusInCard = true;
    };
    const onFocusIn = (event: FocusEvent): void => {
      if (!event.isTrusted) return;
      const target = event.composedPath()[0] ?? event.target;
      annotator.focusMoved(target);
      const fromCard = focusInCard;
      focusInCard = card.contains(event.target as Node);
      if (card.returningFocus) return;
      const highlight = annotator.highlightFor(target);
      if (highlight && fromCard && card.isOpen && !readerMovedFocus() && !annotator.showingClaim) card.hide(false);
      else if (highlight) card.show(highlight);
      else if (focusInCard) card.cancelHide();
    };
    const onFocusOut = (event: FocusEvent): void => {
      if (!event.isTrusted) return;
      const next = event.relatedTarget as Node | null;
      if (!annotator.highlightFor(next)) annotator.focusMoved(null);
      if (!card.isOpen || card.contains(next) || annotator.highlightFor(next)) return;
      // A highlight losing focus closes its own card only: the reader who pressed Escape (focus stays on that
      // highlight) and hovers another gets that one's card, and the first highlight's blur, which can come just after
      // it opened, must not close it (Firefox, 360 px: the card closed a moment after the pointer opened it).
      const from = annotator.highlightFor(event.composedPath()[0] ?? event.target);
      if (from && from !== card.showing) return;
      // Focus leaving for no element is (usually) moving into the card's note frame: another document, in
      // Chromium another process, where it lands a moment later. That holds for focus leaving a highlight
      // too: the reader who pressed Escape (focus back on its highlight) then clicks the note box of the
      // next card they hover (a new user's report 49, problem 3). Look where it went once it has, instead
      // of closing the card the reader is about to type in. Focus that left a card control for another
      // window keeps the card; a highlight's blur (a script's, or the reader leaving) closes it unless the
      // focus is in the card now.
      // The look is for the card shown now: a blur Chromium reports late, after that card closed and
      // another opened on the highlight the reader has moved to, must not close the new one.
      if (next === null) {
        const shown = card.showing;
        const fromControl = card.contains(event.target as Node);
        setTimeout(() => {
          const still = card.showing;
          if (!still || still !== shown || card.hasFocus || annotator.highlightFor(document.activeElement) === still) return;
          if (!fromControl || document.hasFocus()) card.hide(false);
        }, FOCUS_SETTLE_MS);
      } else card.hide(false);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!event.isTrusted) return;
      if (event.key === 'Tab') {
        lastTab = performance.now();
        annotator.keyboardIntent();
      } else if (event.key === 'Escape' && card.isOpen) {
        card.hide(true);
        event.stopPropagation();
      } else if (event.key === 'Enter' || event.key === ' ') {
        const highlight = annotator.highlightFor(event.composedPath()[0] ?? event.target);
        if (highlight) {
          event.preventDefault();
          card.show(highlight, true);
        }
      }
    };
    // Copying across highlights gives the page's text and markup, never ours (copy-cleaner.ts).
    const onCopy = (event: ClipboardEvent): void => {
      if (event.isTrusted) cleanCopy(event, (range) => annotator.touchesHighlights(range), card.hostElement);
    };
    // An address that keeps changing is read again less and less often (location-backoff.ts); one change
    // waiting for its rescan takes in the ones after it.
    const locations = new LocationBackoff();
    let locationRescan: number | undefined;
    // WXT's event is script-dispatched (never trusted) under a name a page can know (the Firefox add-on id is
    // fixed), so a page could fire it to tear the highlights down and close the card (attack report 48): only an
    // address that did change counts.
    let lastHref = location.href;
    let lastFrameLoadReport = -Infinity;
    const onFrameLoad = (event: Event): void => {
      if (!event.isTrusted || !(event.target instanceof HTMLIFrameElement) || gate.waiting || !annotator.enabled) return;
      // (Ads load frames by the dozen: one report per FRAME_LOAD_REPORT_MS at most.)
      if (performance.now() - lastFrameLoadReport < FRAME_LOAD_REPORT_MS) return;
      lastFrameLoadReport = performance.now();
      void annotator.report();
    };
    const onLocationChange = (): void => {
      if (location.href === lastHref) return;
      lastHref = location.href;
      const wait = locations.changed();
      if (locationRescan !== undefined) return;
      if (wait === 0) return void annotator.reset();
      locationRescan = ctx.setTimeout(() => {
        locationRescan = undefined;
        void annotator.reset();
      }, wait);
    };
    const listen = (): void => {
      ctx.addEventListener(document, 'mouseover', onMouseOver);
      ctx.addEventListener(document, 'mouseout', onMouseOut);
      ctx.addEventListener(document, 'mousemove', onMouseMove, { passive: true });
      ctx.addEventListener(window, 'scroll', onScroll, { capture: true, passive: true });
      ctx.addEventListener(document, 'focusin', onFocusIn);
      ctx.addEventListener(document, 'pointerdown', onPointerDown, { capture: true, passive: true });
      ctx.addEventListener(window, 'blur', onWindowBlur);
      ctx.addEventListener(document, 'focusout', onFocusOut);
      ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });
      ctx.addEventListener(window, 'copy', onCopy, { capture: true });
      ctx.addEventListener(window, 'wxt:locationchange', onLocationChange);
      // An embed that loads after this (top) frame reported: reporting again has the background tell the tab's
      // frames once more that the page is about AI (`page-about-ai`), so the embed's gate hears it too.
      if (window === window.top) ctx.addEventListener(document, 'load', onFrameLoad, { capture: true });
    };
    listen();
    // A script that writes this frame (document.open(), as about:blank frames are written) erases
    // every listener on the document and its window, perhaps after we added ours: add them again
    // whenever the document's own children change.
    const rewrites = new MutationObserver(() => listen());
    rewrites.observe(document, { childList: true });
    ctx.onInvalidated(() => rewrites.disconnect());

    const setEnabled = async (enabled: boolean): Promise<boolean> => {
      if (enabled) await annotator.start();
      else annotator.stop();
      card.announceHighlights(enabled);
      return enabled;
    };
    const siteIsOn = async (): Promise<boolean> => {
      const answer = await ask({ type: 'get-site-enabled', url: frameUrl(), title: document.title });
      return answer.ok && answer.enabled;
    };

    /**
     * The frame reports itself as the annotator would with nothing found, without reading the page
     * for the background: the page names no one the claim set knows.
     */
    const reportGated = async (enabled: boolean): Promise<void> => {
      // An off site's frame was recorded as off by `get-site-enabled` itself.
      if (!enabled) return;
      const language = pageLanguage();
      await ask({ type: 'report-frame', url: frameUrl(), enabled: true, scanning: false, claims: [], ...(language ? { language } : {}) });
    };
    const startIfSiteOn = async (): Promise<void> => {
      await annotator.startWhen(siteIsOn());
    };
    // Before any message: a frame whose text names no known actor, alias or key phrase sends nothing
    // and so never wakes the background; new text is looked at as it comes (lib/prefilter/wake-gate.ts).
    // Without a vocabulary of the format this build reads, the gate opens at once.
    const gate = new WakeGate(document, {
      read: () => vocabulary,
      wake: () => void startIfSiteOn(),
      readable: () => frameIsReadable(window),
    });
    ctx.onInvalidated(() => gate.destroy());

    const handlers: Handlers<BackgroundToContent, undefined> = {
      'scroll-to-claim': async (request) => ({ ok: true, found: annotator.scrollToClaim(request.claimId) }),
      'show-wrong-match': async (request) => ({ ok: true, found: annotator.showWrongMatch(request.mentionId, request.flagged) }),
      'set-highlighting': async (request) => {
        gate.lift();
        return { ok: true, enabled: await setEnabled(request.enabled) };
      },
      // The reader flips what the page shows. A frame behind its gate has not asked about its site
      // yet: what it shows is what its site switch says (on, with nothing to highlight).
      'toggle-highlighting': async () => {
        const showing = gate.lift() ? await siteIsOn() : annotator.enabled;
        return { ok: true, enabled: await setEnabled(!showing) };
      },
      'recheck-site': async () => {
        const enabled = await siteIsOn();
        if (gate.waiting) {
          // Still no known name: the frame stays behind its gate whichever way the switch went, and
          // reports the new state (a name that appears later on an off site asks, hears "off", stops).
          await reportGated(enabled);
          return { ok: true, enabled };
        }
        return { ok: true, enabled: enabled === annotator.enabled ? enabled : await setEnabled(enabled) };
      },
      'page-about-ai': async () => {
        if (window === window.top || !gate.waiting) return { ok: true, opened: false };
        gate.pageIsAboutAi();
        return { ok: true, opened: !gate.waiting };
      },
      'report-state': async (request) => {
        // The top frame is asked on its own; a question for every frame is for the others.
        if (request.subframes && window === window.top) return { ok: true, gated: gate.waiting };
        if (!gate.waiting) {
          // The background lost this frame's report (a worker that stopped and started again keeps no
          // memory; a frame loading in the tab, such as a card's note editor, looks like a new page):
          // say again what the frame holds, before answering, so the popup asking reads it.
          await annotator.report();
          return { ok: true, gated: false };
        }
        // The reader opened the popup: asking whether the site is on costs nothing the reader did not ask for.
        await reportGated(await siteIsOn());
        return { ok: true, gated: true };
      },
    };
    // Only our own extension contexts can reach this listener (`tabs.sendMessage` does not exist in
    // content scripts or pages); checking the id keeps it so should that ever change.
    browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || ctx.isInvalid) return undefined;
      return dispatch(BACKGROUND_TO_CONTENT, handlers, message, undefined);
    });
  },
});
