/**
 * Functions that run inside the page (Playwright's and Puppeteer's evaluate serialise them), so each
 * is self-contained: no imports, no closures over Node values.
 */

/**
 * A highlight element as the page sees it. Which claim and mention it is, the page cannot see (ids
 * live in the content script's registry): highlight-identity.ts finds out through the card.
 */
export interface HighlightInfo {
  kind: string;
  tabIndex: number;
  role: string | null;
  /** Set only on a keyboard stop that does not hold all its highlight's words (a range highlight's proxy, the first of several marks): named by them. */
  ariaLabel: string | null;
  /** What the highlight is, announced after its name (on the keyboard stop). */
  ariaDescription: string | null;
  text: string;
}

/**
 * Each highlight's kind, whether its claim no longer holds (data-claim-ended) and words, in document order: a keyboard stop's marks are it and the marks
 * after it up to the next stop (a highlight split by inline markup), their text joined, whitespace as
 * one space. What its keyboard stop's accessible name must say.
 */
export function listHighlightWords(): Array<{ kind: string; ended: boolean; text: string }> {
  const highlights: Array<{ kind: string; ended: boolean; text: string }> = [];
  for (const mark of document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')) {
    if (mark.tabIndex === 0) highlights.push({ kind: mark.dataset.claimKind ?? '', ended: mark.hasAttribute('data-claim-ended'), text: '' });
    const last = highlights[highlights.length - 1];
    if (last) last.text += mark.textContent ?? '';
  }
  return highlights.map(({ kind, ended, text }) => ({ kind, ended, text: text.replace(/\s+/g, ' ').trim() }));
}

/**
 * For each highlight's keyboard stop (its first mark), in document order, the table cell it lies in: the
 * text of its row's first cell and the cell's column (0-based); `row: ''`, `column: -1` outside a table.
 */
export function listHighlightCells(): Array<{ row: string; column: number }> {
  const cells: Array<{ row: string; column: number }> = [];
  for (const mark of document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')) {
    if (mark.tabIndex !== 0) continue;
    const cell = mark.closest('td, th');
    const row = cell?.parentElement;
    const first = row?.querySelector('td, th');
    cells.push(cell && row ? { row: (first?.textContent ?? '').trim(), column: [...row.children].indexOf(cell) } : { row: '', column: -1 });
  }
  return cells;
}

/** Every highlight element the extension painted (and any a page forged) in document order. */
export function listHighlights(): HighlightInfo[] {
  return [...document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')].map((mark) => ({
    kind: mark.dataset.claimKind ?? '',
    tabIndex: mark.tabIndex,
    role: mark.getAttribute('role'),
    ariaLabel: mark.getAttribute('aria-label'),
    ariaDescription: mark.getAttribute('aria-description'),
    text: mark.textContent ?? '',
  }));
}

export interface MisplacedHighlight {
  kind: string;
  text: string;
  /** Why the place is wrong: hidden, textarea, contenteditable, script... */
  where: string;
}

/** Highlights painted where the extension must never paint: hidden, non-rendered or user-editable text. */
export function findMisplacedHighlights(): MisplacedHighlight[] {
  const found: MisplacedHighlight[] = [];
  for (const mark of document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')) {
    const kind = mark.dataset.claimKind ?? '';
    const text = mark.textContent ?? '';
    const forbidden = mark.closest('textarea, script, style, template, noscript, [hidden], [contenteditable]:not([contenteditable="false"])');
    if (forbidden) {
      found.push({ kind, text, where: forbidden.tagName.toLowerCase() + (forbidden.hasAttribute('hidden') ? '[hidden]' : forbidden.hasAttribute('contenteditable') ? '[contenteditable]' : '') });
      continue;
    }
    for (let node: Element | null = mark; node; node = node.parentElement) {
      if (getComputedStyle(node).display === 'none') {
        found.push({ kind, text, where: `display:none on <${node.tagName.toLowerCase()}>` });
        break;
      }
    }
  }
  return found;
}

export interface PageTextSnapshot {
  innerText: string;
  textContent: string;
  bodyHtml: string;
  /** The values of form fields the extension must never touch. */
  fieldValues: string[];
}

/**
 * The same document as served, rendered in a srcdoc iframe the content script does not run in
 * (it runs in top frames only and not on about:srcdoc), so it shows the page as it was without
 * the extension: the baseline for "highlighting changes no text".
 */
export async function snapshotOriginalPage(): Promise<PageTextSnapshot> {
  const html = await (await fetch(location.href, { cache: 'no-store' })).text();
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.style.cssText = `position:absolute;left:-10000px;top:0;width:${window.innerWidth}px;height:${window.innerHeight}px;border:0`;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = html;
  // documentElement, not body: the body's text is what is being compared.
  document.documentElement.append(frame);
  await loaded;
  const body = frame.contentDocument?.body;
  const snapshot: PageTextSnapshot = {
    innerText: body?.innerText ?? '',
    textContent: body?.textContent ?? '',
    bodyHtml: body?.innerHTML ?? '',
    fieldValues: [...(frame.contentDocument?.querySelectorAll('textarea, input') ?? [])].map((field) => (field as HTMLInputElement).value),
  };
  frame.remove();
  return snapshot;
}

export function snapshotCurrentPage(): PageTextSnapshot {
  return {
    innerText: document.body.innerText,
    textContent: document.body.textContent ?? '',
    bodyHtml: document.body.innerHTML,
    fieldValues: [...document.querySelectorAll('textarea, input')].map((field) => (field as HTMLInputElement).value),
  };
}

export interface FocusInfo {
  tag: string;
  isHighlight: boolean;
  /** The focused mark's index among the page's `mark.pledge-lens-mark` elements (as listHighlights lists them), -1 for none. */
  markIndex: number;
}

export function describeFocus(): FocusInfo {
  const active = document.activeElement as HTMLElement | null;
  return {
    tag: active?.tagName.toLowerCase() ?? '',
    isHighlight: active?.matches('mark.pledge-lens-mark') ?? false,
    markIndex: active ? [...document.querySelectorAll('mark.pledge-lens-mark')].indexOf(active) : -1,
  };
}

export interface CardInfo {
  kindLabel: string;
  /** The dated status inside the verdict, e.g. "withdrawn on 24 Feb 2026" (written as the popup writes it). */
  status: string;
  /** The status date as data (the status's <time dateTime>). */
  statusDate: string;
  /** The card's first line: "Binding commitment (self-imposed), withdrawn on …: Anthropic no longer pledges to do this." */
  verdict: string;
  actor: string;
  statement: string;
  claimId: string;
  /** The mention the card is for, from its note editor's address (`?mention=`). */
  mentionId: string;
  sources: { text: string; href: string | null }[];
}

/**
 * Reads the open card from the card host's closed shadow root, which only the browser's privileged
 * view hands over (closed-card.ts: `inCardRoot*`); undefined when no card is showing.
 */
export function readCard(root: ShadowRoot | null): CardInfo | undefined {
  const card = root?.querySelector<HTMLElement>('section.card');
  if (!root || !card || !card.checkVisibility()) return undefined;
  const text = (selector: string): string => card.querySelector(selector)?.textContent?.trim() ?? '';
  return {
    kindLabel: text('[data-testid=kind-label]'),
    status: text('[data-testid=status]'),
    statusDate: card.querySelector('[data-testid=status] time')?.getAttribute('datetime') ?? '',
    verdict: text('[data-testid=verdict]').replace(/\s+/g, ' '),
    actor: text('[data-testid=actor]'),
    statement: text('[data-testid=statement]'),
    claimId: card.dataset.claim ?? '',
    mentionId: new URL(card.querySelector('iframe')?.getAttribute('src') ?? 'about:blank').searchParams.get('mention') ?? '',
    sources: [...card.querySelectorAll('ul.sources li')].map((item) => ({
      text: item.textContent?.trim() ?? '',
      href: item.querySelector('a')?.getAttribute('href') ?? null,
    })),
  };
}

/**
 * Whether a card is showing with its note editor framed, given the card's closed root (closed-card.ts).
 * The frame's address carries a capability the background issues, so it arrives a moment after the card shows.
 */
export function cardIsOpen(root: ShadowRoot | null): boolean {
  const card = root?.querySelector<HTMLElement>('section.card');
  return (card?.checkVisibility() ?? false) && card?.querySelector('iframe[src]') !== null;
}
