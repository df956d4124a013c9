/**
 * Where the card goes (card-placement.ts): beside the highlight when it fits; on a desktop shortened
 * beside it rather than over it; on a phone whole, as a sheet at the screen's bottom, rather than a
 * strip (a closed card got 280 px at 360 x 740 in Firefox, its statement under the note box).
 */
import { describe, expect, it } from 'vitest';
import { CRAMPED_HEIGHT, GAP, MARGIN, MIN_HEIGHT, PHONE_MIN_HEIGHT, noteScrollsWithCard, placeCard, type PlacementBox } from '@/entrypoints/content/card-placement';

/** A highlight line 16 px left, `top` to `bottom` px down the viewport. */
const line = (top: number, bottom: number): PlacementBox => ({ top, bottom, left: 16, right: 300 });
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
/** The closed card's full height at 360 px (verdict, four lines of statement, meaning, "More", note). */
const CLOSED_PHONE_CARD = { width: 344, height: 470 };

describe('placeCard', () => {
  it('puts a card that fits below the highlight there, an edge away from it', () => {
    const placed = placeCard({ highlight: line(100, 140), view: DESKTOP, card: { width: 400, height: 300 }, kept: undefined });
    expect(placed).toEqual({ side: 'below', top: 140 + GAP, left: 16, maxHeight: undefined, height: 300 });
  });

  it("starts at the left of the line the pointer opened it from, within the viewport", () => {
    // A highlight from a line's end (x 700) into the next line's start (x 16): opened from its first part, the card goes under the pointer.
    const wrapped: PlacementBox = { top: 100, bottom: 160, left: 16, right: 1200 };
    expect(placeCard({ highlight: wrapped, view: DESKTOP, card: { width: 400, height: 300 }, kept: undefined, left: 700 })).toEqual({ side: 'below', top: 160 + GAP, left: 700, maxHeight: undefined, height: 300 });
    expect(placeCard({ highlight: wrapped, view: DESKTOP, card: { width: 400, height: 300 }, kept: undefined, left: 1100 }).left).toBe(1280 - 400 - MARGIN);
    expect(placeCard({ highlight: wrapped, view: DESKTOP, card: { width: 400, height: 300 }, kept: undefined }).left).toBe(16);
  });

  it('puts it above when only there it fits, its bottom a gap above the highlight', () => {
    const placed = placeCard({ highlight: line(700, 740), view: DESKTOP, card: { width: 400, height: 300 }, kept: undefined });
    expect(placed.side).toBe('above');
    expect(placed.top + placed.height).toBe(700 - GAP);
    expect(placed.maxHeight).toBeUndefined();
  });

  it('on a desktop, shortens a card that fits neither side onto the larger one rather than cover the highlight', () => {
    const placed = placeCard({ highlight: line(400, 480), view: DESKTOP, card: { width: 400, height: 560 }, kept: undefined });
    const below = DESKTOP.height - MARGIN - (480 + GAP);
    expect(placed.side).toBe('below');
    expect(placed.maxHeight).toBe(below);
    expect(placed.top).toBe(480 + GAP);
  });

  it('on a phone, never shortens the card to a strip beside a mid-screen highlight: a bottom sheet at full height', () => {
    // Firefox's layout at 360 x 740: the pledge's paragraph from 300 to 440 px, 284 px free below, 284 above.
    const highlight = line(300, 440);
    const placed = placeCard({ highlight, view: PHONE, card: CLOSED_PHONE_CARD, kept: undefined });
    expect(placed.side).toBeUndefined();
    expect(placed.maxHeight).toBeUndefined();
    expect(placed.height).toBe(CLOSED_PHONE_CARD.height);
    expect(placed.top + placed.height).toBe(PHONE.height - MARGIN);
    expect(placed.left).toBe(MARGIN);
    // Wider than a phone, the same geometry gives the strip this test forbids on a phone.
    const wide = placeCard({ highlight, view: { width: 481, height: 740 }, card: CLOSED_PHONE_CARD, kept: undefined });
    expect(wide.side).toBe('below');
    expect(wide.maxHeight).toBe(284);
  });

  it('on a phone, shortens the card beside the highlight when that side holds nearly all of it (PHONE_MIN_HEIGHT), so the sentence stays in sight', () => {
    // A reporter at 360 x 740: the highlight from 200 to 265 px, 459 px free below, a 493 px card (a graded verdict's three lines).
    const placed = placeCard({ highlight: line(200, 265), view: PHONE, card: { width: 344, height: 493 }, kept: undefined });
    expect(placed.side).toBe('below');
    expect(placed.maxHeight).toBe(PHONE.height - MARGIN - (265 + GAP));
    expect(placed.maxHeight!).toBeGreaterThanOrEqual(PHONE_MIN_HEIGHT);
    expect(placed.top).toBe(265 + GAP);
  });

  it('on a phone, still puts a card that fits whole beside the highlight (the highlight stays in sight)', () => {
    const placed = placeCard({ highlight: line(640, 700), view: PHONE, card: CLOSED_PHONE_CARD, kept: undefined });
    expect(placed).toMatchObject({ side: 'above', maxHeight: undefined, top: 640 - GAP - CLOSED_PHONE_CARD.height });
  });

  it('on a phone, keeps its side as the card grows ("More" opened) while that side holds PHONE_MIN_HEIGHT, and leaves it for the sheet when it does not', () => {
    const kept = placeCard({ highlight: line(640, 700), view: PHONE, card: { width: 344, height: 724 }, kept: 'above' });
    expect(kept).toMatchObject({ side: 'above', maxHeight: 640 - GAP - MARGIN, top: MARGIN });
    const sheet = placeCard({ highlight: line(380, 440), view: PHONE, card: { width: 344, height: 724 }, kept: 'above' });
    expect(sheet.side).toBeUndefined();
    expect(sheet.top).toBe(MARGIN);
  });

  it('keeps the side it opened on while that side has room for a usable card, so it does not jump as it grows', () => {
    // 300 px free below, 384 above: a fresh placement of a 560 px card would pick above.
    const highlight = line(400, 584);
    expect(placeCard({ highlight, view: DESKTOP, card: { width: 400, height: 560 }, kept: undefined }).side).toBe('above');
    const kept = placeCard({ highlight, view: DESKTOP, card: { width: 400, height: 560 }, kept: 'below' });
    expect(kept.side).toBe('below');
    expect(kept.maxHeight).toBe(DESKTOP.height - MARGIN - (584 + GAP));
  });

  it('says how far a sheet over the highlight would have the page scroll for the whole card to fit below it (report 55: keyboard readers at 360 px)', () => {
    const highlight = line(375, 516);
    const placed = placeCard({ highlight, view: PHONE, card: CLOSED_PHONE_CARD, kept: undefined });
    expect(placed.side).toBeUndefined();
    expect(placed.scrollBy).toBe(516 + GAP + CLOSED_PHONE_CARD.height + MARGIN - PHONE.height);
    // Scrolled that far, the card fits below, the highlight in sight.
    const after = placeCard({ highlight: line(375 - placed.scrollBy!, 516 - placed.scrollBy!), view: PHONE, card: CLOSED_PHONE_CARD, kept: undefined });
    expect(after).toMatchObject({ side: 'below', maxHeight: undefined });
    expect(after).not.toHaveProperty('scrollBy');
    // A highlight too tall to leave room for the card below it gets no scroll; nor does a card beside its highlight.
    expect(placeCard({ highlight: line(200, 560), view: PHONE, card: CLOSED_PHONE_CARD, kept: undefined }).scrollBy).toBeUndefined();
    expect(placeCard({ highlight: line(100, 140), view: PHONE, card: CLOSED_PHONE_CARD, kept: undefined }).scrollBy).toBeUndefined();
  });

  it('covers the highlight, pinned to the bottom, when neither side has room for a usable card', () => {
    const short = { width: 1280, height: 2 * MIN_HEIGHT + 40 };
    const placed = placeCard({ highlight: line(MIN_HEIGHT - 20, MIN_HEIGHT + 40), view: short, card: { width: 400, height: 300 }, kept: undefined });
    expect(placed.side).toBeUndefined();
    expect(placed.top).toBe(Math.max(MARGIN, short.height - MARGIN - 300));
  });

  it('keeps the card inside the viewport across: a highlight at the right edge pulls it left', () => {
    const placed = placeCard({ highlight: { top: 100, bottom: 120, left: 1200, right: 1270 }, view: DESKTOP, card: { width: 400, height: 300 }, kept: undefined });
    expect(placed.left).toBe(1280 - 400 - MARGIN);
  });
});

describe('noteScrollsWithCard', () => {
  it('lets the note scroll when the sticky note would cover the "More" row (report 53: a card shortened to 362 px)', () => {
    // The new user's card: "More" ends 320 px below its top, the note is 140 px high.
    expect(noteScrollsWithCard({ height: 362, note: 140, moreBottom: 320 })).toBe(true);
    // The same card at full height keeps its note pinned.
    expect(noteScrollsWithCard({ height: 520, note: 140, moreBottom: 320 })).toBe(false);
    expect(noteScrollsWithCard({ height: 460, note: 140, moreBottom: 320 })).toBe(false);
    expect(noteScrollsWithCard({ height: 459, note: 140, moreBottom: 320 })).toBe(true);
  });

  it('and always below CRAMPED_HEIGHT, whatever the parts measure', () => {
    expect(noteScrollsWithCard({ height: CRAMPED_HEIGHT - 1, note: 0, moreBottom: 0 })).toBe(true);
    expect(noteScrollsWithCard({ height: CRAMPED_HEIGHT, note: 0, moreBottom: 0 })).toBe(false);
  });
});
