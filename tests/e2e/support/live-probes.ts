/**
 * Functions run inside the page for the live-sites tests. Playwright and Puppeteer serialise them, so
 * each is self-contained: no imports, no helpers from outside, no closures over Node values.
 */

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface LiveCard {
  /** Whether a card is shown at all. */
  open: boolean;
  claimId: string;
  tag: string;
  /** The card's box in viewport coordinates. */
  box: Box | null;
  /** Whether the topmost element at the card's centre is the card's host (what a reader sees and can click). */
  onTop: boolean;
  /** Whether keyboard focus is inside the card. */
  focusInside: boolean;
  /** The host's computed display, e.g. 'none' under print media. */
  hostDisplay: string;
}

/**
 * Our card, found by what it holds (an element whose open shadow root has `section.card`), not by
 * tag name: the host's tag may change (a page can take our tag name), and a page may hold elements
 * that carry it.
 */
export function liveCard(): LiveCard {
  const all: Element[] = [];
  const collect = (root: Document | ShadowRoot | Element): void => {
    for (const element of root.querySelectorAll('*')) {
      all.push(element);
      if (element.shadowRoot) collect(element.shadowRoot);
    }
  };
  collect(document);
  const host = all.find((element) => element.shadowRoot?.querySelector('section.card') !== null && element.shadowRoot !== null) ?? null;
  const card = host?.shadowRoot?.querySelector<HTMLElement>('section.card') ?? null;
  const open = card !== null && card.checkVisibility();
  const rect = open ? card.getBoundingClientRect() : null;
  const box = rect ? { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right } : null;
  const hit = rect ? document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) : null;
  let onTop = false;
  // elementFromPoint answers with the outermost shadow host; our host may sit in a page's shadow tree.
  for (let node: Element | null = host; node && !onTop; node = (node.getRootNode() as ShadowRoot).host ?? null) onTop = hit === node;
  return {
    open,
    claimId: card?.dataset.claim ?? '',
    tag: host?.localName ?? '',
    box,
    onTop: open && onTop,
    focusInside: host !== null && (document.activeElement === host || host.contains(document.activeElement)) && host.shadowRoot?.activeElement !== null,
    hostDisplay: host ? getComputedStyle(host).display : '',
  };
}

export interface MarkSummary {
  claimId: string;
  holder: string;
  proxy: boolean;
  text: string;
}

/** Our marks (and keyboard proxies) in the light DOM, with the id of their nearest ancestor that has one. */
export function marksHere(): MarkSummary[] {
  return [...document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')].map((mark) => ({
    claimId: mark.dataset.claimId ?? '',
    holder: mark.parentElement?.closest('[id]')?.id ?? '',
    proxy: mark.classList.contains('pledge-lens-proxy'),
    text: mark.textContent ?? '',
  }));
}

/** Claim ids highlighted in the document, marks or range highlights alike. */
export function highlightedClaims(): string[] {
  return [...new Set([...document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')].map((mark) => mark.dataset.claimId ?? ''))].sort();
}

export interface RangePaint {
  name: string;
  texts: string[];
}

/** What the page's CSS highlight registry holds under our names (ranges painted without touching the DOM). */
export function rangePaints(): RangePaint[] {
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS?.highlights;
  if (!registry) return [];
  const out: RangePaint[] = [];
  registry.forEach((highlight, name) => {
    if (!name.startsWith('pledge-lens-')) return;
    const texts: string[] = [];
    highlight.forEach((range) => {
      if (range instanceof Range) texts.push(range.toString());
    });
    out.push({ name, texts });
  });
  return out;
}

/** The union of the client rects of the highlight's elements (marks) for a claim, or null. */
export function highlightBox(claimId: string): Box | null {
  const rects = [...document.querySelectorAll<HTMLElement>(`mark.pledge-lens-mark[data-claim-id="${claimId}"]`)].flatMap((mark) => [...mark.getClientRects()]).filter((rect) => rect.width > 0);
  if (rects.length === 0) return null;
  return {
    top: Math.min(...rects.map((r) => r.top)),
    left: Math.min(...rects.map((r) => r.left)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    right: Math.max(...rects.map((r) => r.right)),
  };
}

/** Scrolls the claim's first mark into view and returns the centre of its first line box. */
export function markCentre(claimId: string): { x: number; y: number } | null {
  const mark = document.querySelector<HTMLElement>(`mark.pledge-lens-mark[data-claim-id="${claimId}"]`);
  if (!mark) return null;
  mark.scrollIntoView({ block: 'center', inline: 'start' });
  const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
  // A point on the first line that is inside the viewport (a long line can be wider than a phone screen).
  const x = Math.min(rect.left + Math.min(24, rect.width / 2), window.innerWidth - 4);
  return { x: Math.max(x, rect.left + 1), y: rect.top + rect.height / 2 };
}

/** The centre of the first line of `text` inside the element (a range highlight has no element of its own). */
export function textCentre([selector, text]: [string, string]): { x: number; y: number } | null {
  const element = document.querySelector(selector);
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    (node.parentElement ?? element).scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.left + Math.min(40, rect.width / 2), y: rect.top + rect.height / 2 } : null;
  }
  return null;
}

export interface FocusNow {
  isOurMark: boolean;
  proxy: boolean;
  claimId: string;
  label: string;
  role: string;
  holder: string;
}

export function focusNow(): FocusNow {
  const active = document.activeElement as HTMLElement | null;
  return {
    isOurMark: active?.matches('mark.pledge-lens-mark') ?? false,
    proxy: active?.classList.contains('pledge-lens-proxy') ?? false,
    claimId: active?.dataset.claimId ?? '',
    label: active?.getAttribute('aria-label') ?? '',
    role: active?.getAttribute('role') ?? '',
    holder: active?.parentElement?.closest('[id]')?.id ?? '',
  };
}

/** Every node of the document, as a list of names and text: two documents with the same list are the same tree. */
export function nodeList(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    out.push(`${node.nodeType}:${node.nodeName}:${node.nodeType === 1 ? [...(node as Element).attributes].map((a) => `${a.name}=${a.value}`).join(',') : (node.nodeValue ?? '').trim()}`);
  }
  return out;
}
