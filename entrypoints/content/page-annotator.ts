import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import type { PageClaimSummary } from '@/lib/frames/tab-frames';
import { wrappingChangesLayout } from '@/lib/highlight/layout-safety';
import { drawsPageText } from '@/lib/highlight/page-drawn-text';
import { FLASH_CLASS, HighlightRegistry, MARK_CLASS, paintHighlightsSliced, settleInterim, type HighlightSpec, type ModeChooser, type PaintedHighlight } from '@/lib/highlight/paint-highlights';
import { RangePainter, rangePaintingSupported } from '@/lib/highlight/range-highlights';
import { MAX_CONTEXT, MAX_PAGE_TEXT, MAX_REPORTED_CLAIMS, MAX_SCRIPT_RANGES, type PageMatch, type SendToBackgroundFromContent } from '@/lib/messages/content-to-background';
import { changedRegions, type TextRegion } from '@/lib/text/changed-regions';
import { extractTextSliced, isHiddenByStyle, type ExtractedText } from '@/lib/text/extract-text';
import { toNodeRanges } from '@/lib/text/node-ranges';
import { scriptRangesIn } from '@/lib/text/script-ranges';
import { readPageCitation, type PageCitation } from '@/lib/annotations/page-citation';
import { statusHasEnded } from '@/lib/claims/claim-enums';
import { kindLabel } from '@/lib/i18n/claim-words';
import { CardController } from './card-controller';
import { cardLanguage } from './card-i18n';
import { installHighlightStyle, pageLooksDark, removeHighlightStyle } from './highlight-style';
import { PageSettle } from './page-settle';
import { installRangeHighlightStyle, removeRangeHighlightStyle } from './range-highlight-style';
import { RemovalBackoff } from './removal-backoff';
import { RescanScheduler } from './rescan-scheduler';

/** Longest stretch of our own work before giving the page's main thread back. */
const SLICE_MS = 12;
/**
 * Text at least this long (UTF-16 units, about 8,000 words) is sent to the background in a task of
 * its own: the browser copies and serialises the message in the sending task, several milliseconds
 * per 100,000 characters, which after an extraction slice made one long task on a 100k-word page.
 */
const SEND_ALONE_CHARS = 50_000;

/** The Prioritized Task Scheduling API's `scheduler.yield` (Chromium 129+); the DOM types do not name it yet. */
interface YieldingScheduler {
  yield(): Promise<void>;
}

/**
 * Gives the page its main thread back for a moment: `scheduler.yield()` where the browser has it (the
 * page's input and rendering go first, and we resume ahead of other queued tasks, with no 4 ms clamp
 * after five nested timers), else a zero timeout.
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise<void>((resume) => setTimeout(resume, 0));
}
/** Longest wait for a frame before painting goes on anyway (a frame the browser skips, a throttled iframe). */
const FRAME_WAIT_MS = 100;

/**
 * Waits for the document's next rendering update, then a task after it, so the layout our new marks
 * dirtied is done in that frame, one painting slice's worth at a time. Yielding a task alone let
 * the browser render only after several slices: on the 100k-word page one 43-50 ms layout followed
 * the painting (`scripts/bench/profile.ts long-tasks`, 1 Dec 2026). A hidden document renders no
 * frames: there (and when no frame comes within FRAME_WAIT_MS) it is a task.
 */
function nextFrame(doc: Document): Promise<void> {
  const win = doc.defaultView;
  if (!win || doc.visibilityState !== 'visible') return nextTask();
  return new Promise<void>((resume) => {
    const fallback = setTimeout(resume, FRAME_WAIT_MS);
    win.requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resume, 0);
    });
  });
}

/** Hard bound on the DOM nodes one scan visits (a 200,000-node page fits). */
const MAX_NODES = 400_000;
/** Marked highlights asked whether the page draws its words into them, for the frame's report (see `pageDrawsInHighlights`). */
const CARDS_REFUSED_SAMPLE = 20;

const FLASH_MS = 1_600;

interface MentionState {
  match: PageMatch;
  claim: ClaimCardData;
}

/**
 * A whole-page extraction made ahead of the first scan, while the background says whether the site
 * is on. An observer notes any change to the page meanwhile: then it is not used.
 */
interface Prefetch {
  root: HTMLElement;
  /** Undefined when it was dropped before it began. */
  extraction: Promise<ExtractedText | undefined>;
  observer: MutationObserver;
  changed: boolean;
  dropped: boolean;
}

/** Highlights' accessible descriptions by kind, dimming and standing: the frame's language cannot change while the page is open. */
const descriptions = new Map<string, string>();

/**
 * A highlight's accessible description, announced after its name (the page's words), e.g. "Binding
 * commitment (Pledge Lens): press Enter for details"; for a claim that no longer holds (drawn on a
 * striped wash) "Binding commitment, no longer holds (Pledge Lens): …"; for one the reader marked as a
 * wrong match (drawn dimmed) "Binding commitment, marked by you as a wrong match (Pledge Lens): …". It
 * is an attribute in the page's DOM, so it says what the highlight's look says (kind, and whether the
 * claim still holds), nothing more: a statement or dated status there would let the page read which of
 * the reader's claims (a private pack's included) its text matched. The card, out of the page's reach,
 * says the rest.
 */
function markDescription(kind: ClaimCardData['kind'], dimmed = false, ended = false): string {
  // Each `i18n.getMessage` is an extension API call (its arguments checked against the API's
  // schema): once per kind and look, not twice per highlight.
  const message = dimmed ? 'content_wrongMatchLabel' : ended ? 'content_endedHighlightLabel' : 'content_highlightLabel';
  const key = `${kind} ${message}`;
  let description = descriptions.get(key);
  if (description === undefined) {
    const { t } = cardLanguage();
    description = t(message, { kind: kindLabel(t, kind) });
    descriptions.set(key, description);
  }
  return description;
}

/**
 * Annotates one document (one frame): extracts its text, asks the background for matches, paints
 * them, and tells the background what this frame found. Rescheduling is `RescanScheduler`'s, the card
 * is `CardController`'s; this class joins them.
 */
export class PageAnnotator {
  private readonly registry: HighlightRegistry;
  private readonly painter: RangePainter;
  private readonly mentions = new Map<string, MentionState>();
  readonly card: CardController;
  private readonly scheduler: RescanScheduler;
  private readonly settle: PageSettle;
  /** Elements hidden at the last scan: revealing one (no node added) is a reason to look again. */
  private hidden = new Set<Element>();
  /** A text/plain document: the browser shows it in one `<pre>`, which is the text, not code. */
  private readonly plainText: boolean;
  private scanning = false;
  /** The last scan's text was cut at its bounds (MAX_PAGE_TEXT, MAX_NODES): the report says the page was read in part. */
  private partlyRead = false;
  /** The last report said the page draws its words into our highlights (`pageDrawsInHighlights`). */
  private cardsRefusedReported = false;
  private rescanQueued = false;
  /** Whether the page was dark when the styles were last installed (read once per install, not per shadow root). */
  private darkPage = false;
  private settleArmed = false;
  private prefetch: Prefetch | undefined;
  /** Whether, and when, painting may go on while the page removes our highlights (`removal-backoff.ts`). */
  private readonly removals = new RemovalBackoff();
  /**
   * Mentions on the page without a highlight because the page removes ours: unwrapped by the page
   * (their text is still there), or matched while painting waits or has stopped. The popup lists them.
   */
  private readonly held = new Set<string>();
  /** Places to read again once painting may resume, and the timer that asks for it. */
  private readonly heldPlaces = new Set<Node>();
  private heldTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the latest scan painted (the first scan's are checked once the scheduler watches). */
  private lastPainted: PaintedHighlight[] = [];
  /** The page's citation data, read once per address (a single-page app's next article is read again). */
  private citation: { url: string; value: PageCitation } | undefined;
  enabled = false;

  constructor(
    private readonly doc: Document,
    private readonly ask: SendToBackgroundFromContent,
    noteEditorUrl: (mentionId: string) => Promise<string>,
    /** The page's address as reported (a srcdoc or about:blank frame reports the page that made it). */
    private readonly pageUrl: () => string = () => doc.location.href,
    /** The page's language as reported (the top frame's; undefined in other frames and when unknown). */
    private readonly pageLanguage: () => string | undefined = () => undefined,
  ) {
    this.painter = new RangePainter(doc);
    this.registry = new HighlightRegistry(this.painter);
    this.plainText = doc.contentType === 'text/plain';
    this.settle = new PageSettle(doc);
    this.card = new CardController(doc, (highlight) => this.cardSubject(highlight), noteEditorUrl);
    this.scheduler = new RescanScheduler(doc, {
      isOwnNode: (node) => this.card.contains(node),
      rescan: () => void this.scan(),
      onChange: (records) => this.onPageChange(records),
      revealed: () => this.revealed(),
      highlightPlaces: () => this.highlightPlaces(),
    });
  }

  /**
   * Starts highlighting if `siteOn` resolves true, reading the page while it is pending (the answer
   * is a round trip to the background: the page's text is ready when it comes).
   * @returns whether the site was on (a rejected `siteOn` rejects, and nothing starts)
   */
  async startWhen(siteOn: Promise<boolean>): Promise<boolean> {
    this.prepare();
    let on = false;
    try {
      on = await siteOn;
    } finally {
      if (!on) this.dropPrefetch();
    }
    if (on) await this.start();
    return on;
  }

  /** Starts highlighting: one scan now, then rescans as the page changes. */
  async start(): Promise<void> {
    if (this.enabled) {
      this.dropPrefetch();
      return;
    }
    this.enabled = true;
    this.scheduler.invalidateAll();
    this.lastPainted = [];
    await this.scan();
    if (!this.enabled) return;
    this.scheduler.start();
    this.noteRemovedUnwatched();
  }

  /**
   * Highlights of the first scan the page took out while it ran, before the scheduler watched (a
   * page whose observer unwraps marks at once): counted as it would count them, and read again.
   */
  /** What the page's metadata says of its publication day, site and authors, for the history's exports. */
  private pageCitation(): PageCitation {
    const url = this.doc.location.href;
    if (this.citation?.url !== url) this.citation = { url, value: readPageCitation(this.doc) };
    return this.citation.value;
  }

  private noteRemovedUnwatched(): void {
    const gone = this.lastPainted.filter((highlight) => highlight.mode === 'mark' && !highlight.elements.some((element) => element.isConnected));
    if (gone.length === 0 || !this.doc.body) return;
    this.removals.removed();
    for (const highlight of gone) if (highlight.elements.every((element) => !element.hasChildNodes())) this.held.add(highlight.spec.mentionId);
    this.scheduler.invalidate([this.doc.body]);
  }

  /** Removes every highlight and the card; the page is left as it was. */
  stop(): void {
    this.dropPrefetch();
    this.enabled = false;
    this.scheduler.stop();
    this.card.hide();
    this.registry.clear();
    this.mentions.clear();
    this.forgetHeld();
    this.hidden.clear();
    removeHighlightStyle(this.doc);
    removeRangeHighlightStyle(this.doc);
    void this.report();
  }

  /** SPA navigation: the old article's highlights go, the new one is scanned. */
  async reset(): Promise<void> {
    if (!this.enabled) return;
    this.dropPrefetch();
    this.card.hide();
    this.scheduler.withoutObserver(() => this.registry.clear());
    this.mentions.clear();
    this.forgetHeld();
    this.scheduler.invalidateAll();
    await this.scan();
  }

  destroy(): void {
    this.stop();
    this.scheduler.destroy();
    this.settle.destroy();
    this.card.destroy();
  }

  /**
   * What this frame found, one entry per claim in reading order (first mention's offset): the
   * mentions highlighted now, and those the page keeps us from highlighting (`held`); a claim with
   * none of its mentions highlighted says `hiddenByPage`, one with mentions marked as wrong matches, or possible
   * matches, how many.
   */
  summary(): PageClaimSummary[] {
    const byClaim = new Map<string, PageClaimSummary>();
    const count = (state: MentionState, shown: boolean): void => {
      const entry = byClaim.get(state.claim.id);
      const wrong = state.match.wrongMatch === true;
      // (One the reader marked as a wrong match is no longer one to check: the popup's "possible" count leaves it out.)
      const possible = state.match.possible === true && !wrong;
      if (entry) {
        entry.mentions++;
        if (wrong) entry.wrongMatches = (entry.wrongMatches ?? 0) + 1;
        if (possible) entry.possible = (entry.possible ?? 0) + 1;
        entry.firstOffset = Math.min(entry.firstOffset, state.match.start);
        if (shown) delete entry.hiddenByPage;
        return;
      }
      byClaim.set(state.claim.id, {
        claimId: state.claim.id,
        statement: state.claim.statement,
        kind: state.claim.kind,
        status: state.claim.status,
        statusDate: state.claim.statusDate,
        actorName: state.claim.actorName,
        mentions: 1,
        firstOffset: state.match.start,
        ...(shown ? {} : { hiddenByPage: true as const }),
        ...(wrong ? { wrongMatches: 1 } : {}),
        ...(possible ? { possible: 1 } : {}),
      });
    };
    const live = new Set<string>();
    for (const highlight of this.registry.all()) {
      const state = this.mentions.get(highlight.spec.mentionId);
      if (!state) continue;
      live.add(highlight.spec.mentionId);
      count(state, true);
    }
    for (const mentionId of this.held) {
      const state = this.mentions.get(mentionId);
      if (state && !live.has(mentionId)) count(state, false);
    }
    return [...byClaim.values()].sort((a, b) => a.firstOffset - b.firstOffset).slice(0, MAX_REPORTED_CLAIMS);
  }

  /**
   * Whether the page's CSS draws its own words into our highlights (`drawsPageText`), which then open no card: asked
   * of the first CARDS_REFUSED_SAMPLE marked highlights only (two computed-style reads each), since such a rule is
   * written for the marks' class, not for one of them (a new user's report 56: no card opened, and nothing said why).
   */
  private pageDrawsInHighlights(): boolean {
    let asked = 0;
    for (const highlight of this.registry.all()) {
      if (highlight.mode !== 'mark') continue;
      if (drawsPageText(highlight.elements)) return true;
      if (++asked >= CARDS_REFUSED_SAMPLE) break;
    }
    return false;
  }

  /**
   * Tells the background (for the popup and the badge) what this frame holds now. Resolves once the
   * background has recorded it (or failed to); never rejects. Called on every change, and when the
   * background asks again because it lost what it had (a restarted worker, or a tab whose frame loaded).
   */
  report(): Promise<void> {
    // Asked each time: a single-page app may load an article in another language.
    const language = this.pageLanguage();
    this.cardsRefusedReported = this.enabled && this.pageDrawsInHighlights();
    return this.ask({
      type: 'report-frame',
      url: this.pageUrl(),
      enabled: this.enabled,
      scanning: this.scanning,
      claims: this.enabled ? this.summary() : [],
      ...(language ? { language } : {}),
      ...(this.enabled && this.partlyRead ? { partlyRead: true as const } : {}),
      ...(this.cardsRefusedReported ? { cardsRefused: true as const } : {}),
    }).then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * The reader marked a mention as a wrong match (or took the mark back), in its card's note editor:
   * its highlight is dimmed at once (or shown again), and stays so if this frame paints it again
   * (a re-render, a rescan) until the page is read anew, when the background's answer says it.
   * @returns whether this frame holds the mention
   */
  showWrongMatch(mentionId: string, flagged: boolean): boolean {
    const state = this.mentions.get(mentionId);
    if (!state) return false;
    const { wrongMatch: _old, ...match } = state.match;
    state.match = flagged ? { ...match, wrongMatch: true } : match;
    const description = markDescription(state.claim.kind, flagged, statusHasEnded(state.claim.status));
    this.scheduler.withoutObserver(() => {
      for (const highlight of this.registry.all()) if (highlight.spec.mentionId === mentionId) this.registry.setDimmed(highlight, flagged, description);
    });
    // The badge and the popup count the claims the reader leaves on the page.
    void this.report();
    return true;
  }

  /** Per claim, the mention `scrollToClaim` showed last. */
  private readonly lastShown = new Map<string, string>();

  /** True while `scrollToClaim` focuses a highlight: the popup's "Show on page", the reader's own move, not the page's. */
  showingClaim = false;

  /**
   * Scrolls to a claim's first mention (or, asked again, its next one), focuses it and flashes it. Mentions the
   * reader marked as wrong matches are stepped past while the claim has another: "Show on page" went to the one
   * they had marked wrong (a new user's report 49, problem 11).
   */
  scrollToClaim(claimId: string): boolean {
    const seated = this.registry.all().filter((h) => h.spec.claimId === claimId && this.registry.seated(h));
    const standing = seated.filter((h) => this.mentions.get(h.spec.mentionId)?.match.wrongMatch !== true);
    const mentions = (standing.length > 0 ? standing : seated).sort((a, b) => a.spec.start - b.spec.start);
    // Asked again for the same claim, the next mention in reading order (after the last, the first again),
    // as a find bar steps through its hits.
    const last = mentions.findIndex((h) => h.spec.mentionId === this.lastShown.get(claimId));
    const highlight = mentions[(last + 1) % Math.max(1, mentions.length)];
    if (!highlight) return false;
    this.lastShown.set(claimId, highlight.spec.mentionId);
    const first = highlight.elements.find((element) => element.isConnected);
    const scrollTarget = highlight.mode === 'mark' ? first : highlight.ranges[0]?.startContainer.parentElement;
    if (!scrollTarget) return false;
    scrollTarget.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.showingClaim = true;
    try {
      first?.focus({ preventScroll: true });
    } finally {
      this.showingClaim = false;
    }
    const flash = (on: boolean) => {
      if (highlight.mode !== 'mark') this.painter.setFocus(on ? highlight.ranges : undefined);
      else this.scheduler.withoutObserver(() => highlight.elements.forEach((element) => element.classList.toggle(FLASH_CLASS, on)));
    };
    flash(true);
    setTimeout(() => flash(false), FLASH_MS);
    return true;
  }

  /**
   * The highlight an event is about, if it is one of ours (forged marks and clones are not in the
   * registry) and still where we painted it. One the page moved, or put beside other words, opens
   * nothing: it goes, and its places are read again (checked here, at the event, because the page's
   * script can move a mark and focus it before our observer hears of the move). So does one whose words
   * the page's CSS hid after painting (a rule making them font-size 0 changes no node, so no observer
   * hears it; attack report 48, finding 8). One inside which the page's CSS draws words of its own
   * (`::before`, `::after`) opens nothing either, and stays.
   */
  highlightFor(target: EventTarget | null): PaintedHighlight | undefined {
    if (!(target instanceof Element)) return undefined;
    const mark = target.closest(`mark.${MARK_CLASS}`);
    const highlight = mark ? this.registry.get(mark) : undefined;
    if (!highlight) return undefined;
    const stillSays = this.registry.seated(highlight) && !(highlight.mode === 'mark' && highlight.elements.some(isHiddenByStyle));
    if (stillSays) {
      if (!drawsPageText(highlight.elements)) return highlight;
      // A rule the page added after our last report: the popup hears of it now, so it can say why no card opens.
      if (!this.cardsRefusedReported) void this.report();
      return undefined;
    }
    const places = this.scheduler.withoutObserver(() => this.registry.dropStale(highlight));
    this.card.hideIfGone((shown) => shown !== highlight);
    this.scheduler.invalidate(places);
    return undefined;
  }

  /** The range-painted highlight under the pointer (those have no element to be an event target). */
  rangeHighlightAt(x: number, y: number, target: EventTarget | null): PaintedHighlight | undefined {
    return target instanceof Node && this.registry.hasRanges() ? this.registry.rangeHighlightAt(x, y, target) : undefined;
  }

  /** Keyboard focus on a range highlight's proxy is drawn over its text (the proxy itself is invisible). */
  focusMoved(target: EventTarget | null): void {
    const highlight = this.highlightFor(target);
    this.painter.setFocus(highlight && highlight.mode !== 'mark' ? highlight.ranges : undefined);
  }

  /** Our highlight elements (marks and proxies) a selection range touches: copying them needs cleaning. */
  touchesHighlights(range: Range): boolean {
    return this.registry.all().some((highlight) => highlight.elements.some((element) => range.intersectsNode(element)));
  }

  private cardSubject(highlight: PaintedHighlight) {
    const state = this.mentions.get(highlight.spec.mentionId);
    return state ? { claim: state.claim, mentionId: state.match.mentionId, possible: state.match.possible === true } : undefined;
  }

  /**
   * The page changed. Copies of text it rewrote or removed under our marks go at once (no stale
   * claim text stays on screen); the places are rescanned from fresh text. An open card whose
   * highlight went away closes.
   */
  private onPageChange(records: readonly MutationRecord[]): void {
    this.noteRemovedHighlights(records);
    const dropped = this.registry.repair(records);
    if (dropped.length > 0) this.scheduler.invalidate(records.filter((record) => record.type === 'childList').map((record) => record.target));
    // The open card's highlight must also still be where we painted it (the page may have moved it).
    this.card.hideIfGone((highlight) => this.registry.all().includes(highlight) && this.registry.seated(highlight));
  }

  /**
   * Our marks the page took out of the document (not moved): painting backs off (`removals`). A
   * mark left empty was unwrapped, its text put back into the page: its mention is still there, and
   * is listed as held until it is painted again. Linear in the records' removed nodes.
   */
  private noteRemovedHighlights(records: readonly MutationRecord[]): void {
    let removed = false;
    for (const record of records) {
      if (record.type !== 'childList') continue;
      for (const node of record.removedNodes) {
        if (node.nodeType !== 1 || node.isConnected) continue;
        const highlight = this.registry.get(node as Element);
        if (!highlight) continue;
        removed = true;
        if (!node.hasChildNodes()) this.held.add(highlight.spec.mentionId);
      }
    }
    if (removed) this.removals.removed();
  }

  /** The elements holding our highlights' text (what the scheduler still watches during a flood). */
  private highlightPlaces(): Set<Node> {
    const places = new Set<Node>();
    for (const highlight of this.registry.all()) {
      for (const element of highlight.elements) if (element.parentNode) places.add(element.parentNode);
      for (const range of highlight.ranges) if (range.startContainer.parentNode) places.add(range.startContainer.parentNode);
    }
    return places;
  }

  /**
   * Painting waits (or has stopped) because the page removes our highlights: these mentions are
   * listed as held, and `places` are read again once painting may resume, so they are painted then.
   */
  private holdBack(specs: readonly HighlightSpec[], places: readonly Node[], waitMs: number): void {
    for (const spec of specs) this.held.add(spec.mentionId);
    if (!Number.isFinite(waitMs)) return;
    for (const place of places) this.heldPlaces.add(place);
    this.heldTimer ??= setTimeout(() => {
      this.heldTimer = undefined;
      const again = [...this.heldPlaces];
      this.heldPlaces.clear();
      if (this.enabled) this.scheduler.invalidate(again);
    }, waitMs);
  }

  private forgetHeld(): void {
    this.held.clear();
    this.heldPlaces.clear();
    clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
  }

  /** Elements hidden at the last scan that are shown now (an opened `<details>`, a removed `hidden`). */
  private revealed(): Element[] {
    const shown: Element[] = [];
    for (const element of this.hidden) {
      if (!element.isConnected) this.hidden.delete(element);
      else if (!element.hasAttribute('hidden') && !isHiddenByStyle(element)) {
        shown.push(element);
        this.hidden.delete(element);
      }
    }
    return shown;
  }

  /** How each span is painted: see `PaintMode`. */
  private readonly modeOf: ModeChooser = (pieces) => {
    const ranges = rangePaintingSupported(this.doc);
    if (ranges && pieces.some((piece) => this.settle.unsettled(piece.node))) return 'interim';
    return ranges && pieces.some((piece) => wrappingChangesLayout(piece.node, this.layoutCache)) ? 'range' : 'mark';
  };
  private layoutCache = new Map<Element, boolean>();

  /**
   * The mark styles always; the range styles only once a range highlight exists: a new stylesheet
   * costs a style recalculation of the whole page, which on a 200,000-node page is a long task.
   */
  private installStyles(): void {
    this.darkPage = pageLooksDark(this.doc);
    installHighlightStyle(this.doc, this.doc, this.quiet, this.darkPage);
    if (this.registry.hasRanges()) installRangeHighlightStyle(this.doc, this.doc, this.quiet, this.darkPage);
  }

  /** Our own style repairs are not page changes: the scheduler must not rescan for them. */
  private readonly quiet = (change: () => void): void => this.scheduler.withoutObserver(change);

  /**
   * Slices long work: after SLICE_MS of it, the next check yields to the page, with a task (reading,
   * matching) or until the next frame has been rendered (`pause`: painting, whose layout is then paid
   * slice by slice).
   */
  private slicer(pause: () => Promise<void> = nextTask): { shouldYield: () => boolean; yieldNow: () => Promise<void> } {
    let sliceStart = performance.now();
    return {
      shouldYield: () => performance.now() - sliceStart > SLICE_MS,
      yieldNow: async () => {
        await pause();
        sliceStart = performance.now();
      },
    };
  }

  /**
   * Reads the page and paints what the background finds. The first scan (and one after navigation)
   * matches the whole page; later ones match only the regions that changed, with the text before
   * them as context. Extraction and painting run in slices so the page never stalls.
   */
  private async scan(): Promise<void> {
    if (this.scanning) {
      this.rescanQueued = true;
      return;
    }
    this.scanning = true;
    try {
      const root = this.doc.body;
      if (!root) return;
      const { whole, roots } = this.scheduler.take();
      if (!whole && roots.length === 0) return;
      // A rewritten document (document.open, a replaced <html>) lost our styles with its old <head>.
      this.scheduler.withoutObserver(() => this.installStyles());
      const { shouldYield, yieldNow } = this.slicer();
      const extracted = (whole ? await this.takePrefetch(root) : undefined) ?? (await this.extract(root, shouldYield, yieldNow));
      if (!this.enabled) return;
      this.partlyRead = extracted.truncated === true;
      this.hidden = new Set(extracted.hidden);
      const changed = whole ? 'whole-page' : changedRegions(extracted, roots);
      const regions: TextRegion[] = changed === 'whole-page' ? [{ start: 0, end: extracted.text.length }] : changed;
      const specs: HighlightSpec[] = [];
      for (const region of regions) {
        if (shouldYield() || region.end - region.start >= SEND_ALONE_CHARS) await yieldNow();
        if (!this.enabled) return;
        specs.push(...(await this.matchRegion(extracted, region)));
      }
      const waitMs = this.removals.waitMs();
      if (specs.length && this.enabled && waitMs > 0) this.holdBack(specs, whole ? [root] : roots, waitMs);
      else if (specs.length && this.enabled) {
        for (const spec of specs) this.held.delete(spec.mentionId);
        // Before painting, not after: the page may take the first marks out while the rest are painted.
        this.removals.painted();
        this.layoutCache = new Map();
        const painting = this.slicer(() => nextFrame(this.doc));
        this.lastPainted = await paintHighlightsSliced(extracted, specs, this.registry, { ...painting, step: (paint) => this.scheduler.withoutObserver(paint), modeOf: this.modeOf });
        this.scheduler.withoutObserver(() => this.installStyles());
        if (this.registry.interim().length > 0) this.settleLater();
      }
      this.styleShadowRoots();
    } finally {
      this.scanning = false;
      if (this.rescanQueued) {
        this.rescanQueued = false;
        void this.scan();
      } else if (this.enabled) void this.report();
    }
  }

  /** The page's text under `root`, in slices. */
  private extract(root: HTMLElement, shouldYield: () => boolean, yieldNow: () => Promise<void>): Promise<ExtractedText> {
    const options = {
      skip: (element: Element) => this.card.isHost(element),
      include: (element: Element) => this.plainText && element.localName === 'pre' && element.parentNode === this.doc.body,
      maxLength: MAX_PAGE_TEXT,
      maxNodes: MAX_NODES,
    };
    return extractTextSliced(root, options, shouldYield, yieldNow);
  }

  /** Begins a whole-page extraction for the first scan (see `Prefetch`); nothing if highlighting already runs. */
  private prepare(): void {
    const root = this.doc.body;
    if (this.enabled || this.prefetch || !root) return;
    // Our own style element goes into <head>, whose text is never read: changes there do not count.
    const observer = new MutationObserver((records) => this.notePrefetchChanges(prefetch, records));
    observer.observe(this.doc, { childList: true, subtree: true, characterData: true, attributes: true });
    // In a task of its own: the wake gate's look (a pass over the page's words) ran in this one.
    const extraction = nextTask()
      .then(() => {
        // The highlights' descriptions need the message catalogue: loaded now, off the path to the first
        // highlight. Its first use waits for the browser to load it (Chrome), so it has a task of its
        // own too, not the first slice of the extraction.
        if (!prefetch.dropped) cardLanguage();
      })
      .then(nextTask)
      .then(() => {
        if (prefetch.dropped) return undefined;
        const { shouldYield, yieldNow } = this.slicer();
        return this.extract(root, shouldYield, yieldNow);
      });
    const prefetch: Prefetch = { root, extraction, observer, changed: false, dropped: false };
    this.prefetch = prefetch;
  }

  private notePrefetchChanges(prefetch: Prefetch, records: readonly MutationRecord[]): void {
    const head = this.doc.head;
    if (records.some((record) => !head || !head.contains(record.target))) prefetch.changed = true;
  }

  private dropPrefetch(): void {
    if (this.prefetch) {
      this.prefetch.dropped = true;
      this.prefetch.observer.disconnect();
    }
    this.prefetch = undefined;
  }

  /** The prefetched extraction of `root` if the page did not change since it began; undefined otherwise. */
  private async takePrefetch(root: HTMLElement): Promise<ExtractedText | undefined> {
    const prefetch = this.prefetch;
    if (!prefetch) return undefined;
    this.prefetch = undefined;
    const extracted = await prefetch.extraction;
    this.notePrefetchChanges(prefetch, prefetch.observer.takeRecords());
    prefetch.observer.disconnect();
    return prefetch.changed || prefetch.root !== root || !root.isConnected ? undefined : extracted;
  }

  /**
   * A keyboard reader is about to move focus: interim highlights become keyboard stops now rather
   * than when the page settles (called before the browser handles the key, so Tab lands on them).
   */
  keyboardIntent(): void {
    if (this.registry.interim().length > 0) this.settle.settleNow();
  }

  /** Once the page has settled, interim highlights are wrapped for good (keyboard stops, screen-reader buttons). */
  private settleLater(): void {
    if (this.settleArmed) return;
    this.settleArmed = true;
    this.settle.whenSettled(() => {
      this.settleArmed = false;
      if (!this.enabled) return;
      this.layoutCache = new Map();
      this.scheduler.withoutObserver(() => settleInterim(this.registry, this.modeOf));
      this.styleShadowRoots();
      void this.report();
    });
  }

  private async matchRegion(extracted: ExtractedText, region: TextRegion): Promise<HighlightSpec[]> {
    const { text } = extracted;
    // Empty frames (ad slots, about:blank placeholders) have nothing to ask about.
    if (!/\S/.test(text.slice(region.start, region.end))) return [];
    const partial = region.start > 0 || region.end < text.length;
    // A frame's first `i18n.getMessage` (for the highlights' descriptions) blocks on a round trip to the
    // browser, which loads the message catalogue then (Chrome). Made before the page's text is sent,
    // never after: behind a large message on the same channel it would wait for the browser to pass
    // that on. Usually it was made already, while the site switch was asked (`prepare`).
    cardLanguage();
    const sentFrom = partial ? Math.max(0, region.start - MAX_CONTEXT) : region.start;
    const sentTo = partial ? Math.min(text.length, region.end + MAX_CONTEXT) : region.end;
    const scripts = scriptRangesIn(extracted, sentFrom, sentTo, MAX_SCRIPT_RANGES);
    const answer = this.ask({
      type: 'match-page',
      url: this.pageUrl(),
      title: this.doc.title.slice(0, 2000),
      citation: this.pageCitation(),
      text: text.slice(region.start, region.end),
      ...(partial
        ? {
            offset: region.start,
            contextBefore: text.slice(sentFrom, region.start),
            contextAfter: text.slice(region.end, sentTo),
          }
        : {}),
      ...(scripts.length > 0 ? { scripts } : {}),
    });
    const response = await answer;
    if (!response.ok || !this.enabled) return [];
    const live = new Set(this.registry.all().map((h) => h.spec.mentionId));
    const specs: HighlightSpec[] = [];
    for (const match of response.matches) {
      const claim = response.claims[match.claimId];
      if (!claim || live.has(match.mentionId)) continue;
      // Text already inside one of our highlights is painted; painting it again would nest them.
      const [piece] = toNodeRanges(extracted, match.start, match.start + 1);
      if (piece && this.registry.isPainted(piece.node, piece.from)) continue;
      this.mentions.set(match.mentionId, { match, claim });
      // A wrong match the reader marked is painted dimmed from the start (the background remembers the mark).
      const dimmed = match.wrongMatch === true;
      const ended = statusHasEnded(claim.status);
      specs.push({
        claimId: claim.id,
        kind: claim.kind,
        mentionId: match.mentionId,
        description: markDescription(claim.kind, dimmed, ended),
        start: match.start,
        end: match.end,
        ...(dimmed ? { dimmed } : {}),
        ...(ended ? { ended } : {}),
      });
    }
    return specs;
  }

  /** Highlight styles live in the document; highlights inside open shadow roots need their own copy. */
  private styleShadowRoots(): void {
    for (const highlight of this.registry.all()) {
      const node = highlight.elements[0] ?? highlight.ranges[0]?.startContainer;
      const root = node?.getRootNode();
      if (root && root !== this.doc && 'host' in root) {
        installHighlightStyle(this.doc, root as ShadowRoot, this.quiet, this.darkPage);
        installRangeHighlightStyle(this.doc, root as ShadowRoot, this.quiet, this.darkPage);
      }
    }
  }
}
