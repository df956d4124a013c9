/**
 * In-page probes for the card's layout (tests/e2e/card-ux.*), shared by the Chromium and Firefox
 * suites. Each is self-contained: Playwright and Puppeteer serialise it into the page or frame.
 */

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface CardLayout {
  /** The card's box in the viewport. */
  card: Box;
  viewport: { width: number; height: number };
  /**
   * Verdict, statement, meaning, "More" summary and note frame, in the order the card draws them: each
   * one's box as laid out, and `seen`, the part of it the reader sees (inside the card, not under its
   * sticky head or its sticky note frame), null when none is.
   */
  parts: { name: string; box: Box; seen: Box | null }[];
  /** The card's sticky head (verdict and Close) and its Close button. */
  head: Box;
  close: Box;
  /** How far the card's own scroll is from its top, and how much of it is left below (px). */
  scrollTop: number;
  scrollRest: number;
  /** What "More" shows inside the card's visible box (px), between the summary and the card's bottom or the sticky note frame. */
  moreInSight: number;
  /** Whether the note frame is sticky (on screen over the card's scroll) or scrolls with the card. */
  notePosition: string;
  moreOpen: boolean;
}

/** The open card's layout from its closed root (closed-card.ts), or null when no card shows. */
export function readCardLayout(root: ShadowRoot | null): CardLayout | null {
  const card = root?.querySelector<HTMLElement>('section.card') ?? null;
  if (!card || !card.checkVisibility()) return null;
  const boxOf = (element: Element): Box => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
  };
  const cardBox = boxOf(card);
  const frame = card.querySelector('[data-testid=note-frame]')!;
  const notePosition = getComputedStyle(frame).position;
  const headBox = boxOf(card.querySelector('.top')!);
  // What the reader sees of the card's scrolling body: below the sticky head, above a sticky note frame.
  const floor = notePosition === 'sticky' ? Math.min(cardBox.bottom, boxOf(frame).top) : cardBox.bottom;
  const clip = (box: Box, top: number, bottom: number): Box | null => {
    const seen = { top: Math.max(box.top, top), bottom: Math.min(box.bottom, bottom), left: box.left, right: box.right };
    return seen.bottom - seen.top > 0.5 ? seen : null;
  };
  const parts = (
    [
      ['verdict', '[data-testid=verdict]'],
      ['statement', '[data-testid=statement]'],
      ['meaning', '[data-testid=meaning]'],
      ['more', '[data-testid=more] > summary'],
      ['note', '[data-testid=note-frame]'],
    ] as const
  ).flatMap(([name, selector]) => {
    const element = card.querySelector(selector);
    if (!element) return [];
    const box = boxOf(element);
    const seen = name === 'verdict' || (name === 'note' && notePosition === 'sticky') ? clip(box, cardBox.top, cardBox.bottom) : clip(box, headBox.bottom, floor);
    return [{ name, box, seen }];
  });
  const details = card.querySelector<HTMLDetailsElement>('[data-testid=more]');
  // What "More" shows: from the first thing under its summary ("Copy claim", what replaced the claim) to its list's end.
  const list = details?.querySelector('dl');
  const first = details?.querySelector(':scope > summary')?.nextElementSibling;
  const moreBox = list && first ? { ...boxOf(list), top: boxOf(first).top } : null;
  const moreInSight = details?.open && moreBox ? Math.max(0, Math.min(moreBox.bottom, floor) - Math.max(moreBox.top, headBox.bottom)) : 0;
  return {
    card: cardBox,
    viewport: { width: innerWidth, height: innerHeight },
    parts,
    head: headBox,
    close: boxOf(card.querySelector('.close')!),
    scrollTop: card.scrollTop,
    scrollRest: card.scrollHeight - card.clientHeight - card.scrollTop,
    moreInSight,
    notePosition,
    moreOpen: details?.open ?? false,
  };
}

/** Scrolls the card's own body to its end (the page does not move), as a reader's thumb would. */
export function scrollCardToEnd(root: ShadowRoot | null): number {
  const card = root?.querySelector<HTMLElement>('section.card');
  if (!card) return 0;
  card.scrollTop = card.scrollHeight;
  return card.scrollTop;
}

/** The centre of the card's "More" summary, for a real click; null when the card has none. */
export function moreSummaryCentre(root: ShadowRoot | null): { x: number; y: number } | null {
  const summary = root?.querySelector('section.card [data-testid=more] > summary');
  if (!summary) return null;
  summary.scrollIntoView({ block: 'nearest' });
  const rect = summary.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

export interface NoteFrameFit {
  /** The status line's text and box in the frame's own viewport. */
  status: string;
  statusBox: Box;
  /** The frame's viewport: the editor's whole content must lie inside it, not scrolled or cut off. */
  viewport: { width: number; height: number };
  scrollHeight: number;
  scrollY: number;
  font: { size: string; family: string };
}

/** Run inside the note editor frame: where its status line is, against the frame's own box. */
export function readNoteFrameFit(): NoteFrameFit {
  const status = document.querySelector('[data-testid=note-status]')!;
  const rect = status.getBoundingClientRect();
  const style = getComputedStyle(status);
  return {
    status: status.textContent ?? '',
    statusBox: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right },
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    scrollHeight: document.documentElement.scrollHeight,
    scrollY: window.scrollY,
    font: { size: style.fontSize, family: style.fontFamily },
  };
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

/**
 * The card's focused control ('close', 'summary', or its tag: 'a', 'iframe'), and whether the reader sees
 * it whole: inside the card, below the sticky head (unless it is in the head) and above a sticky note
 * frame. Null when focus is not in the card.
 */
export function focusedInCard(root: ShadowRoot | null): { name: string; inSight: boolean; box: Box } | null {
  const card = root?.querySelector<HTMLElement>('section.card');
  const active = root?.activeElement as HTMLElement | null | undefined;
  if (!card || !active || !card.contains(active)) return null;
  const rect = active.getBoundingClientRect();
  const box = { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
  const cardRect = card.getBoundingClientRect();
  const head = card.querySelector('.top')!;
  const frame = card.querySelector('[data-testid=note-frame]')!;
  const inHead = head.contains(active);
  const top = inHead || active === frame ? cardRect.top : head.getBoundingClientRect().bottom;
  const bottom = getComputedStyle(frame).position === 'sticky' && active !== frame ? Math.min(cardRect.bottom, frame.getBoundingClientRect().top) : cardRect.bottom;
  const name = active.classList.contains('close') ? 'close' : active.localName;
  return { name, inSight: box.top >= top - 0.5 && box.bottom <= bottom + 0.5, box };
}

/** How the page draws a highlight: dimmed as a wrong match (data-dimmed, no wash, a thin wavy line), striped when its claim no longer holds, or as its kind; its keyboard stop and description. */
export interface HighlightLook {
  dimmed: boolean;
  /** text-decoration-style: 'wavy' dimmed, 'solid' as its kind. */
  line: string;
  /** The background colour, 'rgba(0, 0, 0, 0)' when none. */
  wash: string;
  /** Drawn on a striped wash (a repeating gradient): its claim no longer holds, and the reader has not dimmed it. */
  striped: boolean;
  /** The mark says its claim no longer holds (data-claim-ended). */
  ended: boolean;
  /** tabIndex: a dimmed highlight stays a keyboard stop (0). */
  stop: number;
  /** box-shadow: a highlight's first mark opens with an inset bar of its line colour ('none' elsewhere). */
  startEdge: string;
  /** aria-description, '' when none. */
  description: string;
}

/** Reads one highlight element's look (HighlightLook); run on the element by Playwright or Puppeteer. */
export function readHighlightLook(element: Element): HighlightLook {
  const style = getComputedStyle(element);
  return {
    dimmed: element.hasAttribute('data-dimmed'),
    line: style.textDecorationStyle,
    wash: style.backgroundColor,
    striped: style.backgroundImage.includes('repeating-linear-gradient'),
    ended: element.hasAttribute('data-claim-ended'),
    stop: (element as HTMLElement).tabIndex,
    startEdge: style.boxShadow,
    description: element.getAttribute('aria-description') ?? '',
  };
}

/**
 * Run in the page, as a hostile page would: records every selection change and every copy (with the
 * selection's text then) in `window.seen`, read back with `selectionsSeen`.
 */
export function listenForSelections(): void {
  const seen: string[] = [];
  (window as unknown as { seen: string[] }).seen = seen;
  document.addEventListener('selectionchange', () => seen.push(document.getSelection()?.toString() ?? ''));
  document.addEventListener('copy', () => seen.push(`copy:${document.getSelection()?.toString() ?? ''}`));
}

/** Run in the page: what `listenForSelections` recorded. */
export function selectionsSeen(): string[] {
  return (window as unknown as { seen?: string[] }).seen ?? [];
}

/** The card's statement's box (viewport pixels), to drag across as a reader selecting its words would. */
export function statementBox(root: ShadowRoot | null): { x: number; y: number; width: number; height: number } | null {
  const box = root?.querySelector('[data-testid=statement]')?.getBoundingClientRect();
  return box ? { x: box.left, y: box.top, width: box.width, height: box.height } : null;
}

/** The centre of "Copy claim" (inside an open "More"), scrolled into the card's view. */
export function copyButtonCentre(root: ShadowRoot | null): { x: number; y: number } | null {
  const button = root?.querySelector('[data-testid=copy-claim]');
  button?.scrollIntoView({ block: 'nearest' });
  const box = button?.getBoundingClientRect();
  return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
}
