import { expect } from 'vitest';
import type { CardProbe } from './closed-card';
import type { CardLayout, NoteFrameFit } from './card-ux-probes';
import { focusedInCard, overlaps, readCardLayout } from './card-ux-probes';

/** What the card and popup say of the withdrawn pause pledge: the same day, written the same way. */
export const PAUSE_PLEDGE = 'anthropic-rsp-pause-pledge';
export const PAUSE_DAY = '24 Feb 2026';
/** A voluntary pledge to a government (binding-commitment / voluntary-pledge): its verdict says "pledged to". */
export const WHITE_HOUSE = 'white-house-2023-voluntary-commitments-red-teaming';
export const MARKED_WRONG = 'Marked as a wrong match: dimmed, left out of exports';
/** The note editor's status line after Undo (or unticking) "Wrong match". */
export const UNMARKED_WRONG = 'Wrong-match mark removed: highlighted again';
/** The pause pledge's highlight's aria-description once marked as a wrong match. */
/** The withdrawn pause pledge's highlight, as a screen reader describes it before any mark of the reader's. */
export const ENDED_DESCRIPTION = 'Binding commitment, no longer holds (Pledge Lens): press Enter for details';
export const DIMMED_DESCRIPTION = 'Binding commitment, marked by you as a wrong match (Pledge Lens): press Enter for details';

/** The day inside the card's dated status ("withdrawn on 24 Feb 2026") and the popup's ("Withdrawn 24 Feb 2026"). */
export function expectSameDay(cardStatus: string, popupStatus: string): void {
  expect(cardStatus).toBe(`withdrawn on ${PAUSE_DAY}`);
  expect(popupStatus).toBe(`Withdrawn ${PAUSE_DAY}`);
  expect(cardStatus.replace(/^withdrawn on /, ''), 'the card and the popup write the day the same way').toBe(popupStatus.replace(/^Withdrawn /, ''));
}

/** The note editor's status line lies inside its frame, nothing cut off or scrolled away, at a readable size. */
export function expectStatusInsideFrame(fit: NoteFrameFit, where: string): void {
  expect(fit.status, where).toBe(MARKED_WRONG);
  expect(fit.statusBox.bottom - fit.statusBox.top, `${where}: the status line has height`).toBeGreaterThan(10);
  expect(fit.statusBox.top, `${where}: status line below the frame's top`).toBeGreaterThanOrEqual(0);
  expect(fit.statusBox.bottom, `${where}: status line above the frame's bottom (${JSON.stringify(fit)})`).toBeLessThanOrEqual(fit.viewport.height + 0.5);
  expect(fit.statusBox.right, `${where}: status line inside the frame's width`).toBeLessThanOrEqual(fit.viewport.width + 0.5);
  expect(fit.scrollY, `${where}: the editor is not scrolled`).toBe(0);
  expect(fit.scrollHeight, `${where}: the editor's content fits its frame`).toBeLessThanOrEqual(fit.viewport.height + 1);
  expect(Number.parseFloat(fit.font.size), `${where}: status text size`).toBeGreaterThanOrEqual(12);
}

/**
 * The card's verdict and Close button lie inside the viewport and inside the card's box, drawn whole
 * (the sticky head): the reader sees what the claim is labelled and a way to close, wherever the card's
 * body is scrolled to.
 */
export function expectHeadInSight(layout: CardLayout | null, where: string): void {
  expect(layout, where).not.toBeNull();
  const { card, viewport, parts, close } = layout!;
  const verdict = parts.find((part) => part.name === 'verdict')?.box;
  for (const [name, box] of [['verdict', verdict], ['Close', close]] as const) {
    expect(box, `${where}: ${name}`).toBeDefined();
    const inside = box!.top >= -0.5 && box!.bottom <= viewport.height + 0.5 && box!.left >= -0.5 && box!.right <= viewport.width + 0.5;
    expect(inside, `${where}: ${name} inside the viewport ${JSON.stringify({ box, viewport })}`).toBe(true);
    const inCard = box!.top >= card.top - 0.5 && box!.bottom <= card.bottom + 0.5;
    expect(inCard, `${where}: ${name} inside the card's box, not scrolled out of it ${JSON.stringify({ box, card, scrollTop: layout!.scrollTop })}`).toBe(true);
  }
}

/**
 * The card with "More" open on a phone: verdict, statement, meaning, "More" and note in that order, none
 * seen over another (the body scrolls under the sticky head), inside the viewport, the head in sight,
 * and "More" given most of the screen (a new user had 120 px).
 */
export function expectPhoneMore(layout: CardLayout | null, where: string): void {
  expect(layout, where).not.toBeNull();
  const { card, viewport, parts, moreInSight, moreOpen } = layout!;
  expect(moreOpen, where).toBe(true);
  expect(parts.map((part) => part.name), where).toEqual(['verdict', 'statement', 'meaning', 'more', 'note']);
  // The head is sticky: only the body's parts keep their drawn order as the card scrolls.
  for (let i = 2; i < parts.length; i++) expect(parts[i]!.box.top, `${where}: ${parts[i]!.name} after ${parts[i - 1]!.name}`).toBeGreaterThanOrEqual(parts[i - 1]!.box.bottom - 0.5);
  for (let i = 1; i < parts.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [parts[i]!.seen, parts[j]!.seen];
      expect(a !== null && b !== null && overlaps(a, b), `${where}: ${parts[i]!.name} seen over ${parts[j]!.name}`).toBe(false);
    }
  }
  expect(card.top >= -0.5 && card.bottom <= viewport.height + 0.5 && card.left >= -0.5 && card.right <= viewport.width + 0.5, `${where}: card inside the viewport ${JSON.stringify(card)}`).toBe(true);
  expect(card.bottom - card.top, `${where}: the card takes most of the screen's height`).toBeGreaterThanOrEqual(viewport.height * 0.7);
  expect(moreInSight, `${where}: "More" has room to read (${JSON.stringify(layout)})`).toBeGreaterThanOrEqual(viewport.height * 0.45);
  expectHeadInSight(layout, where);
}

/**
 * The closed card on a phone has the room it needs: it is not shortened (nothing to scroll), lies inside
 * the viewport, and its statement is seen whole, clear of the note box (Firefox had 280 px at 360 x 740,
 * the statement under the sticky note box).
 */
export function expectPhoneClosed(layout: CardLayout | null, where: string): void {
  expect(layout, where).not.toBeNull();
  const { card, viewport, parts, moreOpen, scrollTop, scrollRest } = layout!;
  expect(moreOpen, where).toBe(false);
  const statement = parts.find((part) => part.name === 'statement');
  const note = parts.find((part) => part.name === 'note');
  expect(statement && note, where).toBeTruthy();
  expect(overlaps(statement!.box, note!.box), `${where}: the statement's box overlaps the note box ${JSON.stringify({ statement: statement!.box, note: note!.box })}`).toBe(false);
  expect(statement!.seen, `${where}: the statement is in sight`).not.toBeNull();
  expect(statement!.seen!.bottom - statement!.seen!.top, `${where}: the statement is seen whole`).toBeGreaterThanOrEqual(statement!.box.bottom - statement!.box.top - 0.5);
  expect(scrollTop + scrollRest, `${where}: the card is not shortened (it has nothing to scroll)`).toBeLessThanOrEqual(1);
  expect(card.top >= -0.5 && card.bottom <= viewport.height + 0.5 && card.left >= -0.5 && card.right <= viewport.width + 0.5, `${where}: card inside the viewport ${JSON.stringify(card)}`).toBe(true);
  expectHeadInSight(layout, where);
}

/** What the keyboard walk through "More" needs of a page object, in either browser. */
export interface CardKeyboard {
  pressTab(): Promise<void>;
  /** Lets the card settle (a scroll into view, the note frame's focus) before the next look, ms. */
  pause(ms: number): Promise<void>;
  inCard<R>(probe: CardProbe<R>): Promise<R>;
}

/**
 * From the opened "More" summary, Tab until the note frame: each stop is in sight below the sticky head,
 * the stops are "More"'s links then the note frame in document order, and the head is in sight at the end.
 */
export async function expectMoreTabOrder(page: CardKeyboard): Promise<void> {
  await page.pause(400);
  const order: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.pressTab();
    await page.pause(60);
    const focused = await page.inCard(focusedInCard);
    if (!focused) break;
    order.push(focused.name);
    if (focused.name === 'iframe') break;
    expect(focused.inSight, `Tab stop ${order.length} (${focused.name}) in sight below the head: ${JSON.stringify(focused)}`).toBe(true);
  }
  const expected = await page.inCard((root) => [...(root?.querySelectorAll('section.card [data-testid=copy-claim], section.card a[href], section.card iframe') ?? [])].map((element) => element.localName));
  expect(expected[0], '"Copy claim" opens "More"').toBe('button');
  expect(order, 'after "More": "Copy claim", its links, then the note frame, in document order').toEqual(expected);
  expectHeadInSight(await page.inCard(readCardLayout), 'Tab into the note frame');
}

/** The mouse of Playwright's or Puppeteer's page: what a drag needs. */
interface DraggingMouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<unknown>;
  down(): Promise<unknown>;
  up(): Promise<unknown>;
}

/** Drags across a box from its first line's start to its last line's end, as a reader selecting its words. */
export async function dragAcross(mouse: DraggingMouse, box: { x: number; y: number; width: number; height: number }): Promise<void> {
  await mouse.move(box.x + 3, box.y + 6);
  await mouse.down();
  await mouse.move(box.x + box.width - 4, box.y + box.height - 4, { steps: 6 });
  await mouse.up();
}
