/**
 * Functions that run inside the page for the dynamic-page tests. Playwright and Puppeteer serialise
 * them, so each is self-contained: no imports, no helpers from outside, no closures over Node values.
 * Elements are named by a *path*: CSS selectors applied in turn, stepping into the open shadow root
 * of each match but the last (`['story-card', 'pull-quote', 'mark']`).
 */

/** What the page's own test instrumentation (pages/dynamic/instrument.js and inline scripts) records. */
export interface PageGlobals {
  __marksSeen: { kind: string; at: number; holder: string }[];
  __appendedAt?: number;
  __navigatedAt?: number;
  __ticks: number;
  __renders: { at: number; oldHadMark: boolean }[];
  __rerender: () => void;
  __originals: Record<string, { html: string; value: string | null }>;
  __originalBody: string;
  __originalText: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Scrolls the element into the middle of the viewport and returns the centre of its first line, or null when it is missing. */
export function centreOf(path: string[]): Box | null {
  let root: ParentNode | null = document;
  let element: Element | null = null;
  for (const selector of path) {
    element = root?.querySelector(selector) ?? null;
    root = element?.shadowRoot ?? element;
  }
  if (!element) return null;
  element.scrollIntoView({ block: 'center', inline: 'nearest' });
  // The first line box, not the bounding box: a mark wrapped over two lines has no text at the
  // centre of its bounding box.
  const rect = element.getClientRects()[0] ?? element.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, width: rect.width, height: rect.height };
}

export function focusPath(path: string[]): boolean {
  let root: ParentNode | null = document;
  let element: Element | null = null;
  for (const selector of path) {
    element = root?.querySelector(selector) ?? null;
    root = element?.shadowRoot ?? element;
  }
  if (!(element instanceof HTMLElement)) return false;
  element.focus();
  return true;
}

/** A mark as the page sees it; which claim and mention it is, highlight-identity.ts finds out through the card. */
export interface MarkInfo {
  kind: string;
  tabIndex: number;
  role: string | null;
  ariaLabel: string | null;
  ariaDescription: string | null;
  /** id of the nearest ancestor that has one. */
  holder: string;
  text: string;
}

/** Every `mark.pledge-lens-mark` in the light DOM, in document order (forged ones included). */
export function lightMarks(): MarkInfo[] {
  return [...document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')].map((mark) => ({
    kind: mark.dataset.claimKind ?? '',
    tabIndex: mark.tabIndex,
    role: mark.getAttribute('role'),
    ariaLabel: mark.getAttribute('aria-label'),
    ariaDescription: mark.getAttribute('aria-description'),
    holder: mark.parentElement?.closest('[id]')?.id ?? '',
    text: mark.textContent ?? '',
  }));
}

export interface CardSnapshot {
  open: boolean;
  claimId: string;
  /** The mention, from the note editor's address (`?mention=`). */
  mentionId: string;
  kindLabel: string;
  box: Box | null;
  /** Whether the topmost element at the card's centre is the card host (so a user sees the card). */
  onTop: boolean;
  inViewport: boolean;
  live: string;
  /** Connected light-DOM highlights, read at the same moment as the card. */
  marksInPage: number;
}

/** The card as a user would meet it, given its closed shadow root (the browser's privileged view, closed-card.ts). */
export function cardSnapshot(root: ShadowRoot | null): CardSnapshot {
  const host = root?.host ?? null;
  const card = root?.querySelector<HTMLElement>('section.card') ?? null;
  const open = card?.checkVisibility() ?? false;
  const rect = card?.getBoundingClientRect();
  const box = rect ? { x: rect.left, y: rect.top, width: rect.width, height: rect.height } : null;
  const centreX = rect ? rect.left + rect.width / 2 : -1;
  const centreY = rect ? rect.top + rect.height / 2 : -1;
  const inViewport = rect !== undefined && rect.width > 0 && rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth;
  const src = card?.querySelector('iframe')?.getAttribute('src') ?? '';
  return {
    open,
    claimId: card?.dataset.claim ?? '',
    mentionId: src ? (new URL(src).searchParams.get('mention') ?? '') : '',
    kindLabel: card?.querySelector('[data-testid=kind-label]')?.textContent?.trim() ?? '',
    box,
    onTop: open && host !== null && document.elementFromPoint(centreX, centreY) === host,
    inViewport,
    live: root?.querySelector('[aria-live]')?.textContent ?? '',
    marksInPage: document.querySelectorAll('mark.pledge-lens-mark').length,
  };
}

/** Given the card's closed root (closed-card.ts). */
export function cardIsOpenNow(root: ShadowRoot | null): boolean {
  return root?.querySelector<HTMLElement>('section.card')?.checkVisibility() ?? false;
}

/** Given the card's closed root (closed-card.ts). */
export function cardIsClosedNow(root: ShadowRoot | null): boolean {
  return !(root?.querySelector<HTMLElement>('section.card')?.checkVisibility() ?? false);
}

export interface FocusSnapshot {
  tag: string;
  isHighlight: boolean;
  /** The focused mark's index among the light DOM's marks (as lightMarks lists them), -1 for none. */
  markIndex: number;
  holder: string;
}

export function focusSnapshot(): FocusSnapshot {
  const active = document.activeElement as HTMLElement | null;
  return {
    tag: active?.tagName.toLowerCase() ?? '',
    isHighlight: active?.matches('mark.pledge-lens-mark') ?? false,
    markIndex: active ? [...document.querySelectorAll('mark.pledge-lens-mark')].indexOf(active) : -1,
    holder: active?.parentElement?.closest('[id]')?.id ?? '',
  };
}

/** Puts the keyboard at the top of the page, as a reader who just arrived. */
export function resetFocus(): void {
  (document.activeElement as HTMLElement | null)?.blur();
  window.scrollTo(0, 0);
}

export interface MarkStyle {
  display: string;
  visibility: string;
  opacity: string;
  decorationLine: string;
  decorationStyle: string;
  width: number;
  height: number;
}

/** Computed style of the first mark at `path` (see the file comment), or null when there is none. */
export function markStyle(path: string[]): MarkStyle | null {
  let root: ParentNode | null = document;
  let element: Element | null = null;
  for (const selector of path) {
    element = root?.querySelector(selector) ?? null;
    root = element?.shadowRoot ?? element;
  }
  if (!element) return null;
  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  return {
    display: style.display,
    visibility: style.visibility,
    opacity: style.opacity,
    decorationLine: style.textDecorationLine,
    decorationStyle: style.textDecorationStyle,
    width: rect.width,
    height: rect.height,
  };
}

/** Whether `path` (see the file comment) finds an element. */
export function exists(path: string[]): boolean {
  let root: ParentNode | null = document;
  let element: Element | null = null;
  for (const selector of path) {
    element = root?.querySelector(selector) ?? null;
    root = element?.shadowRoot ?? element;
  }
  return element !== null;
}
