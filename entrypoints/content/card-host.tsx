import { render } from 'preact';
import { ClaimCard } from '@/components/claim-card';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import cardCss from './card.css?inline';

export const CARD_HOST_TAG = 'pledge-lens-card';

export interface CardContent {
  claim: ClaimCardData;
  /** The note editor, an extension page framed in the card: the web page can neither read nor type into it. */
  noteEditorUrl: string;
}

/**
 * The card lives in a shadow root on its own host element, so page CSS cannot restyle it, and claim
 * data is rendered by Preact as text nodes, never as HTML. The reader's note is not in it: that is an
 * extension page in a frame, out of the web page's reach.
 */
export class CardHost {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private readonly live: HTMLElement;
  private anchor: HTMLElement | undefined;
  /** True while focus is being handed back to a highlight, so that focus does not reopen the card. */
  returningFocus = false;

  constructor(doc: Document) {
    this.host = doc.createElement(CARD_HOST_TAG);
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = cardCss;
    this.mount = doc.createElement('div');
    this.live = doc.createElement('div');
    this.live.className = 'live';
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('role', 'status');
    shadow.append(style, this.mount, this.live);
    // Everything the host's box depends on is inline !important: `:host` rules lose to a page's
    // `* { all: unset }`, inline important declarations do not.
    this.hostStyle({ all: 'initial', position: 'fixed', 'z-index': '2147483647', top: '0px', left: '0px', display: 'block' });
    this.mount.hidden = true;
    doc.documentElement.append(this.host);
  }

  /** Inline !important beats any page rule, including `* { all: unset !important }` in a stylesheet. */
  private hostStyle(values: Record<string, string>): void {
    for (const [key, value] of Object.entries(values)) this.host.style.setProperty(key, value, 'important');
  }

  get anchorElement(): HTMLElement | undefined {
    return this.anchor;
  }

  get isOpen(): boolean {
    return !this.mount.hidden;
  }

  contains(node: Node | null): boolean {
    return node !== null && (node === this.host || this.host.contains(node) || (this.host.shadowRoot?.contains(node) ?? false));
  }

  show(anchor: HTMLElement, content: CardContent): void {
    this.anchor = anchor;
    render(<ClaimCard {...content} onClose={() => this.hide(true)} />, this.mount);
    this.mount.hidden = false;
    this.position(anchor);
  }

  /** Hides the card; returns focus to the highlight when focus was inside the card. */
  hide(restoreFocus = false): void {
    if (!this.isOpen) return;
    const anchor = this.anchor;
    const focusInside = this.contains(this.host.ownerDocument.activeElement);
    this.mount.hidden = true;
    render(null, this.mount);
    this.anchor = undefined;
    if ((restoreFocus || focusInside) && anchor?.isConnected) {
      this.returningFocus = true;
      try {
        anchor.focus();
      } finally {
        this.returningFocus = false;
      }
    }
  }

  focusCard(): void {
    this.host.shadowRoot?.querySelector<HTMLElement>('.close')?.focus();
  }

  announce(message: string): void {
    this.live.textContent = '';
    // A fresh text node after clearing makes screen readers announce repeated messages too.
    setTimeout(() => {
      this.live.textContent = message;
    }, 50);
  }

  /**
   * Below the highlight when the card fits there, above when it fits there, otherwise pinned to the
   * bottom of the viewport: the card's controls (note, Save) must always be on screen.
   */
  private position(anchor: HTMLElement): void {
    const view = anchor.ownerDocument.defaultView;
    const viewWidth = view?.innerWidth ?? 800;
    const viewHeight = view?.innerHeight ?? 600;
    const rect = anchor.getBoundingClientRect();
    const card = this.mount.firstElementChild as HTMLElement | null;
    const width = card?.offsetWidth || Math.min(420, viewWidth - 16);
    const height = card?.offsetHeight || 300;
    const left = Math.max(8, Math.min(rect.left, viewWidth - width - 8));
    let top: number;
    if (rect.bottom + 8 + height <= viewHeight - 8) top = rect.bottom + 8;
    else if (rect.top - 8 - height >= 8) top = rect.top - 8 - height;
    else top = Math.max(8, viewHeight - 8 - height);
    this.hostStyle({ top: `${Math.round(top)}px`, left: `${Math.round(left)}px` });
  }

  destroy(): void {
    render(null, this.mount);
    this.host.remove();
  }
}
