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

export interface CardLook {
  /** data-testid of the card's first line (the verdict's), '' when none. */
  firstLine: string;
  verdictText: string;
  /** Computed font family and size of the verdict and of the statement. */
  verdictFont: { family: string; size: string; weight: string };
  statementFont: { family: string; size: string };
  /** The card's background and, per part the reader must read, its text colour (computed, rgb()). */
  background: string;
  colours: Record<string, string>;
  moreOpen: boolean;
  /** Whether the card is too short for a sticky note editor (the note then scrolls with the card). */
  cramped: boolean;
  /** Whether the whole verdict is inside the card's visible box. */
  verdictInSight: boolean;
  /** What has focus inside the card: 'close', 'summary', a tag name, or ''. */
  focus: string;
  /** The note editor frame's box and the viewport height: the note must stay on screen. */
  noteFrame: { top: number; bottom: number } | null;
  /** The "More" summary's box: once opened it must be in sight, above the sticky note editor. */
  summary: { top: number; bottom: number } | null;
  viewportHeight: number;
}

/** How the open card looks: its first line, its type, its colours, "More" and focus. Self-contained (serialised). */
export function cardLook(): CardLook | null {
  const all: Element[] = [];
  const collect = (root: Document | ShadowRoot | Element): void => {
    for (const element of root.querySelectorAll('*')) {
      all.push(element);
      if (element.shadowRoot) collect(element.shadowRoot);
    }
  };
  collect(document);
  const root = all.find((element) => element.shadowRoot?.querySelector('section.card'))?.shadowRoot ?? null;
  const card = root?.querySelector<HTMLElement>('section.card') ?? null;
  if (!root || !card || !card.checkVisibility()) return null;
  const part = (selector: string): HTMLElement | null => card.querySelector<HTMLElement>(selector);
  const style = (selector: string): CSSStyleDeclaration | null => {
    const element = part(selector);
    return element ? getComputedStyle(element) : null;
  };
  const verdict = style('[data-testid=verdict]');
  const statement = style('[data-testid=statement]');
  const colours: Record<string, string> = {};
  for (const [name, selector] of [
    ['label', '[data-testid=kind-label]'],
    ['status', '[data-testid=status]'],
    ['consequence', '.verdict-consequence'],
    ['statement', '[data-testid=statement]'],
    ['meaning', '[data-testid=meaning]'],
    ['more', '[data-testid=more] > summary'],
  ] as const) {
    colours[name] = style(selector)?.color ?? '';
  }
  const first = card.firstElementChild?.firstElementChild as HTMLElement | null | undefined;
  const active = root.activeElement as HTMLElement | null;
  const frame = part('[data-testid=note-frame]')?.getBoundingClientRect();
  const summary = part('[data-testid=more] > summary')?.getBoundingClientRect();
  const cardBox = card.getBoundingClientRect();
  return {
    firstLine: first?.dataset.testid ?? '',
    verdictText: (part('[data-testid=verdict]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    verdictFont: { family: verdict?.fontFamily ?? '', size: verdict?.fontSize ?? '', weight: verdict?.fontWeight ?? '' },
    statementFont: { family: statement?.fontFamily ?? '', size: statement?.fontSize ?? '' },
    background: getComputedStyle(card).backgroundColor,
    colours,
    moreOpen: (part('[data-testid=more]') as HTMLDetailsElement | null)?.open ?? false,
    cramped: card.hasAttribute('data-cramped'),
    verdictInSight: ((box) => box !== undefined && box.top >= cardBox.top && box.bottom <= (frame && !card.hasAttribute('data-cramped') ? Math.min(frame.top, cardBox.bottom) : cardBox.bottom) + 1)(part('[data-testid=verdict]')?.getBoundingClientRect()),
    focus: !active ? '' : active.classList.contains('close') ? 'close' : active.localName,
    noteFrame: frame ? { top: frame.top, bottom: frame.bottom } : null,
    // Clipped to the card's box: a summary scrolled out of the card is not in sight.
    summary: summary && summary.bottom > cardBox.top && summary.top < cardBox.bottom ? { top: summary.top, bottom: summary.bottom } : null,
    viewportHeight: window.innerHeight,
  };
}
