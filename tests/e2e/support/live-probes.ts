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
  /** The mention, from the note editor's address (`?mention=`). */
  mentionId: string;
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
 * Our card, given its closed shadow root: the browser's privileged view finds it by that root (the
 * first closed one on an element that can be our host), not by tag name alone, since a page can take
 * our tag name (closed-card.ts).
 */
export function liveCard(root: ShadowRoot | null): LiveCard {
  const host = root?.host ?? null;
  const card = root?.querySelector<HTMLElement>('section.card') ?? null;
  const open = card !== null && card.checkVisibility();
  const rect = open ? card.getBoundingClientRect() : null;
  const box = rect ? { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right } : null;
  const hit = rect ? document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) : null;
  let onTop = false;
  // elementFromPoint answers with the outermost shadow host; our host may sit in a page's shadow tree.
  for (let node: Element | null = host; node && !onTop; node = (node.getRootNode() as ShadowRoot).host ?? null) onTop = hit === node;
  const src = card?.querySelector('iframe')?.getAttribute('src') ?? '';
  return {
    open,
    claimId: card?.dataset.claim ?? '',
    mentionId: src ? (new URL(src).searchParams.get('mention') ?? '') : '',
    tag: host?.localName ?? '',
    box,
    onTop: open && onTop,
    focusInside: host !== null && (document.activeElement === host || host.contains(document.activeElement)) && (root?.activeElement ?? null) !== null,
    hostDisplay: host ? getComputedStyle(host).display : '',
  };
}

/** A mark as the page sees it; which claim it is, highlight-identity.ts finds out through the card. */
export interface MarkSummary {
  holder: string;
  proxy: boolean;
  text: string;
}

/** Our marks (and keyboard proxies) in the light DOM, with the id of their nearest ancestor that has one. */
export function marksHere(): MarkSummary[] {
  return [...document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')].map((mark) => ({
    holder: mark.parentElement?.closest('[id]')?.id ?? '',
    proxy: mark.classList.contains('pledge-lens-proxy'),
    text: mark.textContent ?? '',
  }));
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

/**
 * The union of the client rects of one mention's elements: the keyboard stop at mark index `at` and
 * the marks after it up to the next stop (a mention's marks follow its stop in document order), or null.
 */
export function highlightBox(at: number): Box | null {
  const all = [...document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')];
  const next = all.findIndex((mark, index) => index > at && mark.tabIndex === 0);
  const rects = all.slice(at, next < 0 ? all.length : next).flatMap((mark) => [...mark.getClientRects()]).filter((rect) => rect.width > 0);
  if (rects.length === 0) return null;
  return {
    top: Math.min(...rects.map((r) => r.top)),
    left: Math.min(...rects.map((r) => r.left)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    right: Math.max(...rects.map((r) => r.right)),
  };
}

/** Scrolls the mark at index `at` (among the page's marks) into view and returns the centre of its first line box. */
export function markCentre(at: number): { x: number; y: number } | null {
  const mark = document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')[at];
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
  /** The focused mark's index among the page's marks, -1 for none. */
  markIndex: number;
  label: string;
  description: string;
  role: string;
  holder: string;
}

export function focusNow(): FocusNow {
  const active = document.activeElement as HTMLElement | null;
  return {
    isOurMark: active?.matches('mark.pledge-lens-mark') ?? false,
    proxy: active?.classList.contains('pledge-lens-proxy') ?? false,
    markIndex: active ? [...document.querySelectorAll('mark.pledge-lens-mark')].indexOf(active) : -1,
    label: active?.getAttribute('aria-label') ?? '',
    description: active?.getAttribute('aria-description') ?? '',
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
  /** The font weights of the kind ("Binding commitment") and of its grade ("(self-imposed)"), '' when the verdict has none. */
  kindWeight: string;
  gradeWeight: string;
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
  /** The computed color-scheme of the card and of its note frame's element: the editor must draw in the card's. */
  cardScheme: string;
  noteScheme: string;
  /** Whether the card says the passage is a possible match (the matcher is unsure it states the claim). */
  possible: boolean;
  /** Whether the whole "More" row is inside the card's visible box and, while the note sticks, above the note editor. */
  moreInSight: boolean;
  /** Whether the whole note editor (its box, Save and Wrong match) is inside the card's visible box. */
  noteWhole: boolean;
  /** Whether what the label means is shown (a card a little short of room lets it go: `data-tight`). */
  meaningShown: boolean;
  viewportHeight: number;
}

/** How the open card looks: its first line, its type, its colours, "More" and focus, given its closed root (the privileged view, closed-card.ts). Self-contained (serialised). */
export function cardLook(root: ShadowRoot | null): CardLook | null {
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
    ['possible', '[data-testid=possible]'],
  ] as const) {
    const colour = style(selector)?.color;
    if (colour) colours[name] = colour;
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
    kindWeight: style('[data-testid=kind-label]')?.fontWeight ?? '',
    gradeWeight: style('[data-testid=grade]')?.fontWeight ?? '',
    background: getComputedStyle(card).backgroundColor,
    colours,
    moreOpen: (part('[data-testid=more]') as HTMLDetailsElement | null)?.open ?? false,
    cramped: card.hasAttribute('data-cramped'),
    verdictInSight: ((box) => box !== undefined && box.top >= cardBox.top && box.bottom <= (frame && !card.hasAttribute('data-cramped') ? Math.min(frame.top, cardBox.bottom) : cardBox.bottom) + 1)(part('[data-testid=verdict]')?.getBoundingClientRect()),
    focus: !active ? '' : active.classList.contains('close') ? 'close' : active.localName,
    noteFrame: frame ? { top: frame.top, bottom: frame.bottom } : null,
    // Clipped to the card's box: a summary scrolled out of the card is not in sight.
    summary: summary && summary.bottom > cardBox.top && summary.top < cardBox.bottom ? { top: summary.top, bottom: summary.bottom } : null,
    possible: part('[data-testid=possible]') !== null,
    cardScheme: getComputedStyle(card).colorScheme,
    noteScheme: style('[data-testid=note-frame]')?.colorScheme ?? '',
    moreInSight: summary !== undefined && summary.top >= cardBox.top && summary.bottom <= (frame && !card.hasAttribute('data-cramped') ? Math.min(frame.top, cardBox.bottom) : cardBox.bottom) + 1,
    noteWhole: frame !== undefined && frame.top >= cardBox.top - 1 && frame.bottom <= cardBox.bottom + 1,
    meaningShown: part('[data-testid=meaning]')?.checkVisibility() ?? false,
    viewportHeight: window.innerHeight,
  };
}
