/**
 * Which claim and which mention a highlight is. Our marks no longer say (they carry only
 * `data-claim-kind`; the ids live in the content script's registry, docs/security.md), so a test
 * finds out the way a reader does: it gives the highlight real focus (a keyboard stop) or moves the
 * real pointer onto it (any other element of a mention), and reads the card that opens, through the
 * browser's privileged view of its closed root (closed-card.ts). The mention id is in the card's
 * note editor address (`?mention=`).
 *
 * The one home for this, used by every suite: the article pages (Chromium, Firefox), the dynamic and
 * the live pages. Marks are named by their index in document order among the light DOM's
 * `mark.pledge-lens-mark` elements (the page's forged ones included: they open no card, and are
 * reported with empty ids).
 */
import { readCardRoot, type CardProbe, type ClosedCardInfo } from './closed-card';
import type { HighlightInfo } from './dom-probes';
import type { PageFunction } from './dynamic-driver';

/** Who a mark is: its index among the page's marks, and the claim and mention its card names ('' when it opens none). */
export interface Identified {
  index: number;
  claimId: string;
  mentionId: string;
}

/** A highlight element with the claim and mention its card names. */
export type IdentifiedHighlight = HighlightInfo & Identified;

/** What identification needs of a driver: page script, the privileged card view, and the real pointer. */
export interface HighlightDriver {
  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** Runs `probe` with the card's closed root (closed-card.ts). */
  inCard<R>(probe: CardProbe<R>): Promise<R>;
  /** Moves the real pointer (trusted events); drivers of a frame, which cannot, throw. */
  mouseMove(x: number, y: number): Promise<void>;
  /** Presses a key with the real keyboard. */
  press(key: string): Promise<void>;
}

export interface HighlightIdentity {
  /** Index among the light DOM's `mark.pledge-lens-mark` elements, in document order. */
  index: number;
  /** Whether it is a keyboard stop (`tabindex="0"`): the first element of its mention. */
  stop: boolean;
  /** The claim and mention of the card it opens; '' when it opens none (a mark the page forged). */
  claimId: string;
  mentionId: string;
}

/** Joins what the page sees of each mark (listed in document order) with who it is, by mark index; marks not identified get ''. */
export function withIdentities<T extends object>(marks: readonly T[], identities: readonly HighlightIdentity[]): (T & Identified)[] {
  const byIndex = new Map(identities.map((identity) => [identity.index, identity]));
  return marks.map((mark, index) => ({ ...mark, index, claimId: byIndex.get(index)?.claimId ?? '', mentionId: byIndex.get(index)?.mentionId ?? '' }));
}

const sleep = (ms: number): Promise<void> => new Promise((resume) => setTimeout(resume, ms));

/** How long a highlight gets to open its card before it counts as opening none. */
const OPEN_MS = 2_000;

/** In the page: our marks (and any forged ones) in document order, as stop or not. Self-contained. */
export function markStops(): boolean[] {
  return [...document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')].map((mark) => mark.getAttribute('tabindex') === '0');
}

/** In the page: moves real focus to mark `index` (from wherever it was), without scrolling. Self-contained. */
export function focusMark(index: number): boolean {
  const mark = document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')[index];
  (document.activeElement as HTMLElement | null)?.blur();
  if (!mark) return false;
  mark.focus({ preventScroll: true });
  return document.activeElement === mark || mark.contains(document.activeElement);
}

/** In the page: takes focus off whatever has it (a focus-opened card closes). Self-contained. */
export function blurFocus(): boolean {
  const focused = document.activeElement as HTMLElement | null;
  focused?.blur();
  return focused?.matches('mark.pledge-lens-mark') ?? false;
}

/** In the page: scrolls mark `index` into view and returns a point on its first line where it is what the pointer hits, or null. Self-contained. */
export function pointOnMark(index: number): { x: number; y: number } | null {
  const mark = document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')[index];
  if (!mark) return null;
  mark.scrollIntoView({ block: 'center', inline: 'nearest' });
  for (const rect of mark.getClientRects()) {
    if (rect.width < 1 || rect.height < 1) continue;
    const point = { x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2 };
    const hit = document.elementFromPoint(point.x, point.y);
    if (hit && (hit === mark || mark.contains(hit))) return point;
  }
  return null;
}

async function readCard(driver: HighlightDriver): Promise<ClosedCardInfo> {
  return driver.inCard(readCardRoot);
}

async function until(driver: HighlightDriver, done: (card: ClosedCardInfo) => boolean, timeoutMs: number): Promise<ClosedCardInfo> {
  const deadline = Date.now() + timeoutMs;
  let card = await readCard(driver);
  while (!done(card) && Date.now() < deadline) {
    await sleep(50);
    card = await readCard(driver);
  }
  return card;
}

/**
 * Closes whatever card is open: focus leaves (a focus-opened card), else the pointer leaves (a
 * hover-opened one), else Escape (the pointer leaving a highlight inside a page's shadow root does
 * not close its card).
 */
export async function closeCard(driver: HighlightDriver): Promise<void> {
  if (!(await readCard(driver)).open) return;
  // A highlight's blur closes its card once focus has settled (it may be going into the card's note frame).
  if (await driver.run(blurFocus, undefined)) await until(driver, (read) => !read.open, 800);
  if (!(await readCard(driver)).open) return;
  await driver.mouseMove(1, 1);
  if (!(await until(driver, (read) => !read.open, 800)).open) return;
  await driver.press('Escape');
  const card = await until(driver, (read) => !read.open, 1_500);
  if (card.open) throw new Error(`The card of ${card.claimId} does not close (focus left, pointer left, Escape); identification needs it closed`);
}

/** Waits until the page has stopped adding or removing marks (painting runs in slices). */
async function stableStops(driver: HighlightDriver): Promise<boolean[]> {
  let last = await driver.run(markStops, undefined);
  for (let round = 0; round < 40; round++) {
    await sleep(150);
    const now = await driver.run(markStops, undefined);
    if (now.length === last.length && now.every((stop, i) => stop === last[i])) return now;
    last = now;
  }
  return last;
}

/** Identifies mark `index`: a keyboard stop by real focus, any other element by the real pointer. The card is closed again after. */
export async function identifyMark(driver: HighlightDriver, index: number, stop: boolean): Promise<HighlightIdentity> {
  await closeCard(driver);
  if (stop) {
    if (!(await driver.run(focusMark, index))) return { index, stop, claimId: '', mentionId: '' };
  } else {
    const point = await driver.run(pointOnMark, index);
    if (!point) throw new Error(`Mark ${index} is not under the pointer anywhere on its lines: it cannot be hovered to identify it`);
    await driver.mouseMove(1, 1);
    await driver.mouseMove(point.x, point.y);
  }
  // The note frame's address (which names the mention) comes a moment after the card shows: it carries a capability.
  const card = await until(driver, (read) => read.open && read.claimId !== '' && read.mentionId !== '', stop ? 500 : OPEN_MS);
  const identity = { index, stop, claimId: card.open ? card.claimId : '', mentionId: card.open ? card.mentionId : '' };
  await closeCard(driver);
  return identity;
}

/**
 * Identifies the highlights on the page: every keyboard stop (one per mention), or with `all`
 * every element. Leaves no card open, focus nowhere and the pointer in the corner.
 */
export async function identifyHighlights(driver: HighlightDriver, options: { all?: boolean } = {}): Promise<HighlightIdentity[]> {
  await driver.mouseMove(1, 1).catch(() => undefined);
  const stops = await stableStops(driver);
  const out: HighlightIdentity[] = [];
  for (const [index, stop] of stops.entries()) {
    if (stop || options.all) out.push(await identifyMark(driver, index, stop));
  }
  await driver.run(blurFocus, undefined);
  return out;
}

/**
 * The keyboard stop of a claim's first mention on the page, waiting (up to `timeoutMs`) for it to
 * be painted; throws, naming what the page has, when there is none.
 */
export async function highlightOf(driver: HighlightDriver, claimId: string, timeoutMs = 15_000): Promise<HighlightIdentity> {
  const deadline = Date.now() + timeoutMs;
  let seen: HighlightIdentity[] = [];
  for (;;) {
    await driver.mouseMove(1, 1).catch(() => undefined);
    const stops = await stableStops(driver);
    seen = [];
    for (const [index, stop] of stops.entries()) {
      if (!stop) continue;
      const identity = await identifyMark(driver, index, true);
      seen.push(identity);
      if (identity.claimId === claimId) {
        await driver.run(blurFocus, undefined);
        return identity;
      }
    }
    if (Date.now() > deadline) break;
    await sleep(250);
  }
  throw new Error(`No highlight of ${claimId} after ${timeoutMs} ms; the page's keyboard stops open ${JSON.stringify(seen.map((s) => s.claimId || '(no card)'))}`);
}
