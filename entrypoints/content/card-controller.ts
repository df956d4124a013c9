import type { PaintedHighlight } from '@/lib/highlight/paint-highlights';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import { CardHost } from './card-host';

const HOVER_HIDE_DELAY_MS = 250;

/** What the card shows for one painted highlight. */
export interface CardSubject {
  claim: ClaimCardData;
  mentionId: string;
}

/**
 * When the card opens, moves and closes: hover with a grace period, keyboard focus, Escape. The card
 * itself (its host element and shadow root) is `CardHost`; the note editor inside it is an extension
 * page the web page cannot read, opened by URL.
 */
export class CardController {
  private card: CardHost | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    /** The card's data for a highlight we painted (undefined for anything else). */
    private readonly subjectOf: (highlight: PaintedHighlight) => CardSubject | undefined,
    /** The extension page that edits a mention's note, e.g. runtime.getURL('/note-editor.html?mention=…'). */
    private readonly noteEditorUrl: (mentionId: string) => string,
  ) {}

  private host(): CardHost {
    return (this.card ??= new CardHost(this.doc));
  }

  show(highlight: PaintedHighlight, focusCard = false): void {
    const subject = this.subjectOf(highlight);
    if (!subject) return;
    clearTimeout(this.hideTimer);
    const card = this.host();
    const anchor = highlight.elements[0]!;
    if (card.anchorElement !== anchor || !card.isOpen) {
      card.show(anchor, { claim: subject.claim, noteEditorUrl: this.noteEditorUrl(subject.mentionId) });
    }
    if (focusCard) card.focusCard();
  }

  scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.card?.hide(), HOVER_HIDE_DELAY_MS);
  }

  cancelHide(): void {
    clearTimeout(this.hideTimer);
  }

  hide(restoreFocus = false): void {
    clearTimeout(this.hideTimer);
    this.card?.hide(restoreFocus);
  }

  /** A card whose highlight was re-rendered away must not linger. */
  hideIfAnchorGone(): void {
    if (this.card?.anchorElement && !this.card.anchorElement.isConnected) this.card.hide();
  }

  announce(message: string): void {
    this.host().announce(message);
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

  destroy(): void {
    clearTimeout(this.hideTimer);
    this.card?.destroy();
    this.card = undefined;
  }
}
