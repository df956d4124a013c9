import { highlightLabel } from '@/lib/format/claim-labels';
import { HighlightRegistry, MARK_CLASS, paintHighlightsSliced, type HighlightSpec, type PaintedHighlight } from '@/lib/highlight/paint-highlights';
import { MAX_PAGE_TEXT, type BackgroundRequestType, type ClaimCardData, type PageClaimSummary, type PageMatch, type RequestOf, type ResponseOf } from '@/lib/messages/protocol';
import { changedRegions, type TextRegion } from '@/lib/text/changed-regions';
import { extractTextSliced, type ExtractedText } from '@/lib/text/extract-text';
import { toNodeRanges } from '@/lib/text/node-ranges';
import { CARD_HOST_TAG, CardHost } from './card-host';
import { installHighlightStyle, removeHighlightStyle } from './highlight-style';

type AskBackground = <K extends BackgroundRequestType>(request: RequestOf<K>) => Promise<ResponseOf<K>>;

/** Wait this long after the last page mutation before rescanning (live blogs append in bursts). */
const RESCAN_DEBOUNCE_MS = 300;
/** …but never longer than this after the first one: a ticking clock must not starve the rescan. */
const RESCAN_MAX_WAIT_MS = 1_000;
/** Changes with less new text than this (a counter, a timestamp) cannot carry a claim sentence. */
const MIN_CHANGED_TEXT = 24;
/** Longest stretch of our own work before giving the page's main thread back. */
const SLICE_MS = 12;
/** Hard bound on the DOM nodes one scan visits (a 200,000-node page fits). */
const MAX_NODES = 400_000;
/** Text sent before a changed region: the matcher's actor look-back is 1,500 characters. */
const CONTEXT_BEFORE = 1_500;
const CONTEXT_AFTER = 64;
/** More changed roots than this in one burst: rescan the page rather than track them. */
const MAX_DIRTY_ROOTS = 200;
const HOVER_HIDE_DELAY_MS = 250;

interface MentionState {
  match: PageMatch;
  claim: ClaimCardData;
}

/**
 * Annotates one document: extracts its text, asks the background for matches, paints them, shows
 * the card on hover or focus, and keeps up with pages that change after load.
 */
export class PageAnnotator {
  private readonly registry = new HighlightRegistry();
  private readonly mentions = new Map<string, MentionState>();
  private card: CardHost | undefined;
  private observer: MutationObserver | undefined;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest mutation not yet rescanned arrived. */
  private pendingSince: number | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private scanning = false;
  private rescanQueued = false;
  /** DOM roots changed since the last scan; a full scan is needed first, and after navigation. */
  private readonly dirtyRoots = new Set<Node>();
  private needsFullScan = true;
  enabled = false;

  constructor(
    private readonly doc: Document,
    private readonly ask: AskBackground,
  ) {}

  /** Starts highlighting: one scan now, then rescans as the page changes. */
  async start(): Promise<void> {
    if (this.enabled) return;
    this.enabled = true;
    installHighlightStyle(this.doc);
    this.card ??= new CardHost(this.doc);
    this.observer ??= new MutationObserver((records) => this.onMutations(records));
    await this.scan();
    this.observe();
  }

  /** Removes every highlight and the card; the page is left as it was. */
  stop(): void {
    this.enabled = false;
    this.needsFullScan = true;
    this.dirtyRoots.clear();
    this.pendingSince = undefined;
    this.observer?.disconnect();
    clearTimeout(this.rescanTimer);
    this.card?.hide();
    this.withoutObserver(() => this.registry.clear());
    this.mentions.clear();
    removeHighlightStyle(this.doc);
  }

  /** SPA navigation: the old article's highlights go, the new one is scanned. */
  async reset(): Promise<void> {
    if (!this.enabled) return;
    this.card?.hide();
    this.withoutObserver(() => this.registry.clear());
    this.mentions.clear();
    this.needsFullScan = true;
    await this.scan();
  }

  destroy(): void {
    this.stop();
    this.card?.destroy();
    this.card = undefined;
  }

  announce(message: string): void {
    (this.card ??= new CardHost(this.doc)).announce(message);
  }

  get isScanning(): boolean {
    return this.scanning;
  }

  summary(): PageClaimSummary[] {
    const byClaim = new Map<string, PageClaimSummary>();
    for (const highlight of this.registry.all()) {
      const state = this.mentions.get(highlight.spec.mentionId);
      if (!state) continue;
      const entry = byClaim.get(state.claim.id);
      if (entry) entry.mentions++;
      else {
        byClaim.set(state.claim.id, {
          claimId: state.claim.id,
          statement: state.claim.statement,
          kind: state.claim.kind,
          status: state.claim.status,
          statusDate: state.claim.statusDate,
          actorName: state.claim.actorName,
          mentions: 1,
        });
      }
    }
    return [...byClaim.values()];
  }

  /** Scrolls to a claim's first mention, focuses it and flashes it. */
  scrollToClaim(claimId: string): boolean {
    const highlight = this.registry
      .all()
      .filter((h) => h.spec.claimId === claimId)
      .sort((a, b) => (a.elements[0]!.compareDocumentPosition(b.elements[0]!) & 4 /* FOLLOWING */ ? -1 : 1))[0];
    const first = highlight?.elements.find((element) => element.isConnected);
    if (!highlight || !first) return false;
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    first.focus({ preventScroll: true });
    this.withoutObserver(() => highlight.elements.forEach((element) => element.classList.add('pledge-lens-flash')));
    setTimeout(() => this.withoutObserver(() => highlight.elements.forEach((element) => element.classList.remove('pledge-lens-flash'))), 1600);
    return true;
  }

  /** Slices long work: after SLICE_MS of it, the next check yields a macrotask to the page. */
  private slicer(): { shouldYield: () => boolean; yieldNow: () => Promise<void> } {
    let sliceStart = performance.now();
    return {
      shouldYield: () => performance.now() - sliceStart > SLICE_MS,
      yieldNow: async () => {
        await new Promise<void>((resume) => setTimeout(resume, 0));
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
      const whole = this.needsFullScan;
      const dirty = [...this.dirtyRoots].filter((node) => node.isConnected);
      this.needsFullScan = false;
      this.dirtyRoots.clear();
      if (!whole && dirty.length === 0) return;
      const { shouldYield, yieldNow } = this.slicer();
      const extracted = await extractTextSliced(root, { skipSelector: CARD_HOST_TAG, maxLength: MAX_PAGE_TEXT, maxNodes: MAX_NODES }, shouldYield, yieldNow);
      if (!this.enabled) return;
      const changed = whole ? 'whole-page' : changedRegions(extracted, dirty);
      const regions: TextRegion[] = changed === 'whole-page' ? [{ start: 0, end: extracted.text.length }] : changed;
      const specs: HighlightSpec[] = [];
      for (const region of regions) specs.push(...(await this.matchRegion(extracted, region)));
      if (specs.length && this.enabled) {
        await paintHighlightsSliced(extracted, specs, this.registry, { shouldYield, yieldNow, step: (paint) => this.withoutObserver(paint) });
      }
      this.styleShadowRoots();
    } finally {
      this.scanning = false;
      if (this.rescanQueued) {
        this.rescanQueued = false;
        void this.scan();
      }
    }
  }

  private async matchRegion(extracted: ExtractedText, region: TextRegion): Promise<HighlightSpec[]> {
    const { text } = extracted;
    const partial = region.start > 0 || region.end < text.length;
    const response = await this.ask({
      type: 'match-page',
      url: this.doc.location.href,
      title: this.doc.title.slice(0, 2000),
      text: text.slice(region.start, region.end),
      ...(partial
        ? {
            offset: region.start,
            contextBefore: text.slice(Math.max(0, region.start - CONTEXT_BEFORE), region.start),
            contextAfter: text.slice(region.end, region.end + CONTEXT_AFTER),
          }
        : {}),
    });
    if (!response.ok || !this.enabled) return [];
    const current = this.registry.all();
    const live = new Set(current.map((h) => h.spec.mentionId));
    const painted = current.flatMap((h) => h.elements);
    const specs: HighlightSpec[] = [];
    for (const match of response.matches) {
      const claim = response.claims[match.claimId];
      if (!claim || live.has(match.mentionId)) continue;
      // Text already inside one of our marks is painted; wrapping it again would nest marks.
      if (this.isInsidePaintedMark(extracted, match.start, painted)) continue;
      this.mentions.set(match.mentionId, { match, claim });
      specs.push({
        claimId: claim.id,
        kind: claim.kind,
        mentionId: match.mentionId,
        label: highlightLabel(claim.kind, claim.status, claim.statement),
        start: match.start,
        end: match.end,
      });
    }
    return specs;
  }

  /** Highlight styles live in the document; marks inside open shadow roots need their own copy. */
  private styleShadowRoots(): void {
    for (const highlight of this.registry.all()) {
      const root = highlight.elements[0]?.getRootNode();
      if (root && root !== this.doc && 'host' in root) installHighlightStyle(this.doc, root as ShadowRoot);
    }
  }

  private isInsidePaintedMark(extracted: ExtractedText, offset: number, marks: readonly HTMLElement[]): boolean {
    if (marks.length === 0) return false;
    const [piece] = toNodeRanges(extracted, offset, offset + 1);
    return piece !== undefined && marks.some((mark) => mark.contains(piece.node));
  }

  private observe(): void {
    this.observer?.observe(this.doc.body ?? this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /** Runs a DOM change of ours without waking our own observer: it must never loop on itself. */
  private withoutObserver<T>(change: () => T): T {
    // Page changes queued before ours still count: disconnecting would discard them.
    const pending = this.observer?.takeRecords() ?? [];
    if (pending.length) this.onMutations(pending);
    this.observer?.disconnect();
    try {
      return change();
    } finally {
      this.observer?.takeRecords();
      if (this.enabled) this.observe();
    }
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.enabled) return;
    let relevant = false;
    for (const record of records) {
      if (this.card?.contains(record.target)) continue;
      relevant = true;
      if (record.type === 'characterData') this.dirtyRoots.add(record.target.parentNode ?? record.target);
      else for (const node of record.addedNodes) this.dirtyRoots.add(node.nodeType === 3 ? (node.parentNode ?? node) : node);
    }
    if (!relevant) return;
    if (this.dirtyRoots.size > MAX_DIRTY_ROOTS) {
      this.dirtyRoots.clear();
      this.needsFullScan = true;
    }
    // A card whose highlight was re-rendered away must not linger.
    if (this.card?.anchorElement && !this.card.anchorElement.isConnected) this.card.hide();
    if (!this.needsFullScan && this.changedTextLength() < MIN_CHANGED_TEXT) return;
    const now = performance.now();
    this.pendingSince ??= now;
    clearTimeout(this.rescanTimer);
    const wait = Math.max(0, Math.min(RESCAN_DEBOUNCE_MS, this.pendingSince + RESCAN_MAX_WAIT_MS - now));
    this.rescanTimer = setTimeout(() => {
      this.pendingSince = undefined;
      void this.scan();
    }, wait);
  }

  /** How much text the pending changes hold, counted cheaply and capped (it only gates a rescan). */
  private changedTextLength(): number {
    let total = 0;
    for (const root of this.dirtyRoots) {
      total += (root.textContent ?? '').trim().length;
      if (total >= MIN_CHANGED_TEXT) break;
    }
    return total;
  }


  /** The highlight an event is about, if it is one of ours (forged marks are not in the registry). */
  highlightFor(target: EventTarget | null): PaintedHighlight | undefined {
    if (!(target instanceof Element)) return undefined;
    const mark = target.closest(`mark.${MARK_CLASS}`);
    return mark ? this.registry.get(mark) : undefined;
  }

  showCard(highlight: PaintedHighlight, focusCard = false): void {
    const state = this.mentions.get(highlight.spec.mentionId);
    if (!state || !this.card) return;
    clearTimeout(this.hideTimer);
    const anchor = highlight.elements[0]!;
    if (this.card.anchorElement !== anchor || !this.card.isOpen) {
      this.card.show(anchor, {
        claim: state.claim,
        note: state.match.note ?? '',
        wrongMatch: state.match.wrongMatch ?? false,
        onSaveNote: (text) => {
          state.match.note = text;
          void this.ask({ type: 'set-note', mentionId: state.match.mentionId, text });
        },
        onToggleWrongMatch: (flagged) => {
          state.match.wrongMatch = flagged;
          void this.ask({ type: 'set-wrong-match', mentionId: state.match.mentionId, flagged });
        },
      });
    }
    if (focusCard) this.card.focusCard();
  }

  scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.card?.hide(), HOVER_HIDE_DELAY_MS);
  }

  cancelHide(): void {
    clearTimeout(this.hideTimer);
  }

  hideCard(restoreFocus: boolean): void {
    this.card?.hide(restoreFocus);
  }

  /** Focus we hand back to a highlight after closing its card must not reopen the card. */
  get returningFocus(): boolean {
    return this.card?.returningFocus ?? false;
  }

  isInCard(node: Node | null): boolean {
    return this.card?.contains(node) ?? false;
  }

  get cardOpen(): boolean {
    return this.card?.isOpen ?? false;
  }
}
