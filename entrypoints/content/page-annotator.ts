import { highlightLabel } from '@/lib/format/claim-labels';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import type { PageClaimSummary } from '@/lib/frames/tab-frames';
import { HighlightRegistry, MARK_CLASS, paintHighlightsSliced, type HighlightSpec, type PaintedHighlight } from '@/lib/highlight/paint-highlights';
import { MAX_PAGE_TEXT, MAX_REPORTED_CLAIMS, type PageMatch, type SendToBackgroundFromContent } from '@/lib/messages/content-to-background';
import { changedRegions, type TextRegion } from '@/lib/text/changed-regions';
import { extractTextSliced, type ExtractedText } from '@/lib/text/extract-text';
import { toNodeRanges } from '@/lib/text/node-ranges';
import { CardController } from './card-controller';
import { CARD_HOST_TAG } from './card-host';
import { installHighlightStyle, removeHighlightStyle } from './highlight-style';
import { RescanScheduler } from './rescan-scheduler';

/** Longest stretch of our own work before giving the page's main thread back. */
const SLICE_MS = 12;
/** Hard bound on the DOM nodes one scan visits (a 200,000-node page fits). */
const MAX_NODES = 400_000;
/** Text sent before a changed region: the matcher's actor look-back is 1,500 characters. */
const CONTEXT_BEFORE = 1_500;
const CONTEXT_AFTER = 64;
const FLASH_MS = 1_600;

interface MentionState {
  match: PageMatch;
  claim: ClaimCardData;
}

/**
 * Annotates one document (one frame): extracts its text, asks the background for matches, paints
 * them, and tells the background what this frame found. Rescheduling is `RescanScheduler`'s, the card
 * is `CardController`'s; this class joins them.
 */
export class PageAnnotator {
  private readonly registry = new HighlightRegistry();
  private readonly mentions = new Map<string, MentionState>();
  readonly card: CardController;
  private readonly scheduler: RescanScheduler;
  private scanning = false;
  private rescanQueued = false;
  enabled = false;

  constructor(
    private readonly doc: Document,
    private readonly ask: SendToBackgroundFromContent,
    noteEditorUrl: (mentionId: string) => string,
  ) {
    this.card = new CardController(doc, (highlight) => this.cardSubject(highlight), noteEditorUrl);
    this.scheduler = new RescanScheduler(doc, (node) => this.card.contains(node), () => void this.scan(), () => this.card.hideIfAnchorGone());
  }

  /** Starts highlighting: one scan now, then rescans as the page changes. */
  async start(): Promise<void> {
    if (this.enabled) return;
    this.enabled = true;
    installHighlightStyle(this.doc);
    this.scheduler.invalidateAll();
    await this.scan();
    if (this.enabled) this.scheduler.start();
  }

  /** Removes every highlight and the card; the page is left as it was. */
  stop(): void {
    this.enabled = false;
    this.scheduler.stop();
    this.card.hide();
    this.registry.clear();
    this.mentions.clear();
    removeHighlightStyle(this.doc);
    this.report();
  }

  /** SPA navigation: the old article's highlights go, the new one is scanned. */
  async reset(): Promise<void> {
    if (!this.enabled) return;
    this.card.hide();
    this.scheduler.withoutObserver(() => this.registry.clear());
    this.mentions.clear();
    this.scheduler.invalidateAll();
    await this.scan();
  }

  destroy(): void {
    this.stop();
    this.scheduler.destroy();
    this.card.destroy();
  }

  /** What this frame found, one entry per claim in reading order (first mention's offset). */
  summary(): PageClaimSummary[] {
    const byClaim = new Map<string, PageClaimSummary>();
    for (const highlight of this.registry.all()) {
      const state = this.mentions.get(highlight.spec.mentionId);
      if (!state) continue;
      const entry = byClaim.get(state.claim.id);
      if (entry) {
        entry.mentions++;
        entry.firstOffset = Math.min(entry.firstOffset, state.match.start);
      } else {
        byClaim.set(state.claim.id, {
          claimId: state.claim.id,
          statement: state.claim.statement,
          kind: state.claim.kind,
          status: state.claim.status,
          statusDate: state.claim.statusDate,
          actorName: state.claim.actorName,
          mentions: 1,
          firstOffset: state.match.start,
        });
      }
    }
    return [...byClaim.values()].sort((a, b) => a.firstOffset - b.firstOffset).slice(0, MAX_REPORTED_CLAIMS);
  }

  /** Tells the background (for the popup and the badge) what this frame holds now. */
  private report(): void {
    void this.ask({ type: 'report-frame', url: this.doc.location.href, enabled: this.enabled, scanning: this.scanning, claims: this.enabled ? this.summary() : [] });
  }

  /** Scrolls to a claim's first mention, focuses it and flashes it. */
  scrollToClaim(claimId: string): boolean {
    const highlight = this.registry
      .all()
      .filter((h) => h.spec.claimId === claimId)
      .sort((a, b) => a.spec.start - b.spec.start)[0];
    const first = highlight?.elements.find((element) => element.isConnected);
    if (!highlight || !first) return false;
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    first.focus({ preventScroll: true });
    const flash = (on: boolean) => this.scheduler.withoutObserver(() => highlight.elements.forEach((element) => element.classList.toggle('pledge-lens-flash', on)));
    flash(true);
    setTimeout(() => flash(false), FLASH_MS);
    return true;
  }

  /** The highlight an event is about, if it is one of ours (forged marks are not in the registry). */
  highlightFor(target: EventTarget | null): PaintedHighlight | undefined {
    if (!(target instanceof Element)) return undefined;
    const mark = target.closest(`mark.${MARK_CLASS}`);
    return mark ? this.registry.get(mark) : undefined;
  }

  private cardSubject(highlight: PaintedHighlight) {
    const state = this.mentions.get(highlight.spec.mentionId);
    return state ? { claim: state.claim, mentionId: state.match.mentionId } : undefined;
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
      const { whole, roots } = this.scheduler.take();
      if (!whole && roots.length === 0) return;
      const { shouldYield, yieldNow } = this.slicer();
      const extracted = await extractTextSliced(root, { skipSelector: CARD_HOST_TAG, maxLength: MAX_PAGE_TEXT, maxNodes: MAX_NODES }, shouldYield, yieldNow);
      if (!this.enabled) return;
      const changed = whole ? 'whole-page' : changedRegions(extracted, roots);
      const regions: TextRegion[] = changed === 'whole-page' ? [{ start: 0, end: extracted.text.length }] : changed;
      const specs: HighlightSpec[] = [];
      for (const region of regions) specs.push(...(await this.matchRegion(extracted, region)));
      if (specs.length && this.enabled) {
        await paintHighlightsSliced(extracted, specs, this.registry, { shouldYield, yieldNow, step: (paint) => this.scheduler.withoutObserver(paint) });
      }
      this.styleShadowRoots();
    } finally {
      this.scanning = false;
      if (this.rescanQueued) {
        this.rescanQueued = false;
        void this.scan();
      } else if (this.enabled) this.report();
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
}
