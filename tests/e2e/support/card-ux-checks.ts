import { expect } from 'vitest';
import type { CardLayout, NoteFrameFit } from './card-ux-probes';
import { overlaps } from './card-ux-probes';

/** What the card and popup say of the withdrawn pause pledge: the same day, written the same way. */
export const PAUSE_PLEDGE = 'anthropic-rsp-pause-pledge';
export const PAUSE_DAY = '24 Feb 2026';
/** A voluntary pledge to a government (binding-commitment / voluntary-pledge): its verdict says "pledged to". */
export const WHITE_HOUSE = 'white-house-2023-voluntary-commitments-red-teaming';
export const MARKED_WRONG = 'Marked as a wrong match: left out of exports';

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
 * The card with "More" open on a phone: verdict, statement, meaning, "More" and note in that order,
 * none over another, inside the viewport, and "More" given most of the screen (a new user had 120 px).
 */
export function expectPhoneMore(layout: CardLayout | null, where: string): void {
  expect(layout, where).not.toBeNull();
  const { card, viewport, parts, moreInSight, moreOpen } = layout!;
  expect(moreOpen, where).toBe(true);
  expect(parts.map((part) => part.name), where).toEqual(['verdict', 'statement', 'meaning', 'more', 'note']);
  for (let i = 1; i < parts.length; i++) {
    expect(parts[i]!.box.top, `${where}: ${parts[i]!.name} after ${parts[i - 1]!.name}`).toBeGreaterThanOrEqual(parts[i - 1]!.box.bottom - 0.5);
    for (let j = 0; j < i; j++) expect(overlaps(parts[i]!.box, parts[j]!.box), `${where}: ${parts[i]!.name} over ${parts[j]!.name}`).toBe(false);
  }
  expect(card.top >= -0.5 && card.bottom <= viewport.height + 0.5 && card.left >= -0.5 && card.right <= viewport.width + 0.5, `${where}: card inside the viewport ${JSON.stringify(card)}`).toBe(true);
  expect(card.bottom - card.top, `${where}: the card takes most of the screen's height`).toBeGreaterThanOrEqual(viewport.height * 0.7);
  expect(moreInSight, `${where}: "More" has room to read (${JSON.stringify(layout)})`).toBeGreaterThanOrEqual(viewport.height * 0.45);
}
