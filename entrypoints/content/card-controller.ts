import type { PaintedHighlight } from '@/lib/highlight/paint-highlights';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import { CardHost, type CardAnchor } from './card-host';
import type { PlacementBox } from './card-placement';
import { cardLanguage } from './card-i18n';

const HOVER_HIDE_DELAY_MS = 250;
/**
 * How long the pointer must rest on another highlight, while it is on its way to the open card, before that
 * highlight's card replaces it (ms): crossing one on the way swaps nothing, stopping on one does.
 */
const SWITCH_ON_THE_WAY_MS = 300;
/** How long a reader on their way to the card (pointer-aim.ts) may take over page text before it closes anyway (ms). */
const MAX_APPROACH_MS = 1_500;

/** What the card shows for one painted highlight. */
export interface CardSubject {
  claim: ClaimCardData;
  mentionId: string;
  /** The matcher is unsure this highlight states the claim: the card asks the reader to check. */
  possible: boolean;
}

/** A point in viewport coordinates (CSS px): where the pointer was when it opened a card. */
export interface ViewportPoint {
  x: number;
  y: number;
}

/**
 * The card's anchor for a highlight: its marks, or for a range-painted one its ranges (and its proxy for focus); with
 * `pointer`, the box of the highlight the pointer is on (else the nearest by distance), whose left the card takes.
 */
function anchorOf(highlight: PaintedHighlight, pointer?: ViewportPoint): CardAnchor | undefined {
  const node = highlight.elements[0] ?? highlight.ranges[0]?.startContainer;
  if (!node) return undefined;
  const rects = () => (highlight.mode === 'mark' ? highlight.elements.flatMap((element) => [...element.getClientRects()]) : highlight.ranges.flatMap((range) => [...range.getClientRects()]));
  let pointerRect: number | undefined;
  if (pointer) {
    let nearest = Infinity;
    rects().forEach((rect, index) => {
      const dx = Math.max(rect.left - pointer.x, 0, pointer.x - rect.right);
      const dy = Math.max(rect.top - pointer.y, 0, pointer.y - rect.bottom);
      const distance = dx * dx + dy * dy;
      if (distance < nearest) [nearest, pointerRect] = [distance, index];
    });
  }
  const end = highlight.elements.at(-1) ?? highlight.ranges.at(-1)?.endContainer ?? node;
  return { focusTarget: highlight.elements[0], node, end, rects, ...(pointerRect !== undefined && { pointerRect }) };
}

/**
 * When the card opens, moves and closes: hover with a grace period, keyboard focus, Escape. The card
 * itself (its host element and shadow root) is `CardHost`; the note editor inside it is an extension
 * page the web page cannot read, opened by URL.
 */
export class CardController {
  private card: CardHost | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the pointer left the highlight and card (performance.now(), ms), while a hide is pending. */
  private leftAt: number | undefined;
  private switchTimer: ReturnType<typeof setTimeout> | undefined;
  private current: PaintedHighlight | undefined;
  /** Counts openings: a note editor address that arrives after its card moved on is dropped. */
  private opening = 0;

  constructor(
    private readonly doc: Document,
    /** The card's data for a highlight we painted (undefined for anything else). */
    private readonly subjectOf: (highlight: PaintedHighlight) => CardSubject | undefined,
    /**
     * The extension page that edits a mention's note, e.g. runtime.getURL('/note-editor.html?mention=…&capability=…'):
     * asynchronous, the capability is the background's answer (lib/background/note-capabilities.ts).
     */
    private readonly noteEditorUrl: (mentionId: string) => Promise<string>,
  ) {}

  private host(): CardHost {
    return (this.card ??= new CardHost(this.doc, () => this.card?.announce(cardLanguage().t('content_cardCoveredInFrame'))));
  }

  /** Opens `highlight`'s card (`pointer`: where the pointer opened it, so the card starts under it; none by keyboard). */
  show(highlight: PaintedHighlight, focusCard = false, pointer?: ViewportPoint): void {
    const subject = this.subjectOf(highlight);
    const anchor = anchorOf(highlight, pointer);
    if (!subject || !anchor) return;
    this.cancelHide();
    const card = this.host();
    if (this.current !== highlight || !card.isOpen) {
      this.current = highlight;
      card.show(anchor, { claim: subject.claim, noteEditorUrl: undefined, possible: subject.possible });
      const opening = ++this.opening;
      void this.noteEditorUrl(subject.mentionId).then((url) => {
        if (opening === this.opening && this.current === highlight) card.setNoteEditorUrl(url);
      });
    }
    if (focusCard) card.focusCard();
  }

  /** The highlight whose card is open. */
  get showing(): PaintedHighlight | undefined {
    return this.card?.isOpen ? this.current : undefined;
  }

  /**
   * The pointer reached `highlight` on its way to the open card (pointer-aim.ts): its card replaces the open one
   * only if the pointer rests there; reaching the card first (`cancelHide`) or leaving the highlight
   * (`scheduleHide`) keeps the open one.
   */
  showAfterRest(highlight: PaintedHighlight, pointer?: ViewportPoint): void {
    if (!this.isOpen || this.current === highlight) return this.show(highlight, false, pointer);
    // On a highlight the pointer has not left the cards' ground: only the switch is pending, not a close.
    this.cancelHide();
    this.switchTimer = setTimeout(() => this.show(highlight, false, pointer), SWITCH_ON_THE_WAY_MS);
  }

  /** The pointer left the highlight and the card: the card closes after a grace period (and no other takes its place). */
  scheduleHide(): void {
    clearTimeout(this.switchTimer);
    clearTimeout(this.hideTimer);
    this.leftAt ??= performance.now();
    this.hideTimer = setTimeout(() => this.hide(), HOVER_HIDE_DELAY_MS);
  }

  /** The pointer, off the highlight and the card, is on its way to the card: the pending close waits, up to MAX_APPROACH_MS. */
  postponeHide(): void {
    if (this.leftAt === undefined || performance.now() - this.leftAt > MAX_APPROACH_MS) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), HOVER_HIDE_DELAY_MS);
  }

  cancelHide(): void {
    clearTimeout(this.hideTimer);
    clearTimeout(this.switchTimer);
    this.leftAt = undefined;
  }

  /** The open card's box in the viewport (CSS px), where the pointer may be heading. */
  get box(): PlacementBox | undefined {
    return this.card?.box;
  }

  /** Whether keyboard focus is inside the open card (its note frame included). */
  get hasFocus(): boolean {
    return this.card?.hasFocus ?? false;
  }

  hide(restoreFocus = false): void {
    this.cancelHide();
    this.card?.hide(restoreFocus);
    this.current = undefined;
  }

  /** A card whose highlight was re-rendered away must not linger. */
  hideIfGone(isLive: (highlight: PaintedHighlight) => boolean): void {
    if (this.card?.isOpen && this.current && !isLive(this.current)) this.hide();
  }

  /** Says through the card's live region, in the reader's language, that highlighting was turned on or off. */
  announceHighlights(enabled: boolean): void {
    const { t } = cardLanguage();
    this.host().announce(enabled ? t('content_highlightsOn') : t('content_highlightsOff'));
  }

  /** Focus we hand back to a highlight after closing its card must not reopen the card. */
  get returningFocus(): boolean {
    return this.card?.returningFocus ?? false;
  }

  get isOpen(): boolean {
    return this.card?.isOpen ?? false;
  }

  contains(node: Node | null): boolean {
    return this.card?.contains(node) ?? false;
  }

  isHost(node: Node | null): boolean {
    return this.card?.isHost(node) ?? false;
  }

  /** The card's host element, once made. */
  get hostElement(): HTMLElement | undefined {
    return this.card?.host;
  }

  destroy(): void {
    this.cancelHide();
    this.card?.destroy();
    this.card = undefined;
    this.current = undefined;
  }
}
