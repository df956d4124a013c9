import { expect } from 'vitest';
import type { CardInfo } from './dom-probes';
import type { HighlightDriver } from './highlight-identity';

/**
 * The reader on their way from a highlight to its card (a new user's report 49, problem 4), on
 * pages/card-approach.html in either browser: the pause pledge runs over three lines and the
 * White House red-teaming claim starts on its last, so the pause pledge's card, below the pair,
 * is reached across the second highlight.
 */
export const CROSSED_FROM = 'anthropic-rsp-pause-pledge';
export const CROSSED = 'white-house-2023-voluntary-commitments-red-teaming';

/** What the approach needs of a page object, in either browser. */
export interface ApproachingReader extends HighlightDriver {
  highlightOf(claimId: string): Promise<number>;
  card(): Promise<CardInfo | undefined>;
}

interface LineBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The line boxes (viewport CSS px) of the highlight mark at `index` among the page's marks. */
function lineBoxesOf(reader: ApproachingReader, index: number): Promise<LineBox[]> {
  return reader.run((at: number) => {
    const mark = document.querySelectorAll('mark.pledge-lens-mark')[at];
    return mark ? [...mark.getClientRects()].map(({ top, bottom, left, right }) => ({ top, bottom, left, right })) : [];
  }, index);
}

/** The open card's box (viewport CSS px), or null when none shows. */
function cardBox(root: ShadowRoot | null): LineBox | null {
  const card = root?.querySelector('section.card');
  if (!card) return null;
  const { top, bottom, left, right } = card.getBoundingClientRect();
  return { top, bottom, left, right };
}

const pause = (ms: number): Promise<void> => new Promise((resume) => setTimeout(resume, ms));

/** Moves the pointer in a straight line, `steps` moves `everyMs` apart, as a hand does. */
async function glide(reader: ApproachingReader, from: { x: number; y: number }, to: { x: number; y: number }, steps: number, everyMs: number): Promise<void> {
  for (let step = 1; step <= steps; step++) {
    await reader.mouseMove(from.x + ((to.x - from.x) * step) / steps, from.y + ((to.y - from.y) * step) / steps);
    await pause(everyMs);
  }
}

/** Opens the pause pledge's card by pointing at its second line; returns the lines of both highlights and the card's box. */
async function openFirst(reader: ApproachingReader): Promise<{ first: LineBox[]; crossed: LineBox[]; card: LineBox }> {
  const first = await lineBoxesOf(reader, await reader.highlightOf(CROSSED_FROM));
  const crossed = await lineBoxesOf(reader, await reader.highlightOf(CROSSED));
  expect(first.length, 'the pause pledge runs over three lines').toBe(3);
  expect(crossed[0]!.top, 'the red-teaming claim starts on its last line').toBeCloseTo(first[2]!.top, 0);
  await reader.mouseMove(1, 1);
  await pause(400);
  const onSecondLine = { x: (crossed[0]!.left + crossed[0]!.right) / 2, y: (first[1]!.top + first[1]!.bottom) / 2 };
  await reader.mouseMove(onSecondLine.x, onSecondLine.y);
  await expect.poll(async () => (await reader.card())?.claimId, { timeout: 5_000 }).toBe(CROSSED_FROM);
  const card = await reader.inCard(cardBox);
  expect(card, 'the card is open').not.toBeNull();
  expect(card!.top, 'the card opens below the pair of highlights').toBeGreaterThan(first[2]!.bottom);
  return { first, crossed, card: card! };
}

/**
 * Straight down from the first highlight, across the second, into the card: the card stays the
 * first's. Stopping on the second instead opens its card once the pointer rests there; moving along
 * the line from the first to the second (not towards the card) opens the second's at once.
 */
export async function expectApproachAcrossAnotherHighlight(reader: ApproachingReader): Promise<void> {
  let { first, crossed, card } = await openFirst(reader);
  const x = (crossed[0]!.left + crossed[0]!.right) / 2;
  // Into the card, wherever it lies across: the way there crosses the second highlight's first line.
  const intoCard = { x: Math.min(Math.max(x, card.left + 30), card.right - 30), y: card.top + 40 };
  await glide(reader, { x, y: (first[1]!.top + first[1]!.bottom) / 2 }, intoCard, 8, 30);
  await pause(700);
  expect((await reader.card())?.claimId, 'crossing the red-teaming highlight on the way down keeps the pause pledge\'s card').toBe(CROSSED_FROM);

  ({ first, crossed, card } = await openFirst(reader));
  await glide(reader, { x, y: (first[1]!.top + first[1]!.bottom) / 2 }, { x, y: (crossed[0]!.top + crossed[0]!.bottom) / 2 }, 4, 30);
  await expect.poll(async () => (await reader.card())?.claimId, { timeout: 3_000, message: 'resting on the crossed highlight opens its card' }).toBe(CROSSED);

  ({ first, crossed } = await openFirst(reader));
  const lastLine = (first[2]!.top + first[2]!.bottom) / 2;
  await reader.mouseMove((first[2]!.left + first[2]!.right) / 2, lastLine);
  await pause(100);
  await reader.mouseMove(crossed[0]!.left + 40, lastLine);
  await pause(150);
  expect((await reader.card())?.claimId, 'along the line, the next highlight\'s card opens at once').toBe(CROSSED);
}

/**
 * From the first highlight's last line down to the card, slowly, over the page text between them
 * (2 px every 100 ms, slower than the card's 250 ms grace): the card stays open.
 */
export async function expectSlowApproachKeepsCard(reader: ApproachingReader): Promise<void> {
  const { first, card } = await openFirst(reader);
  const x = Math.min(Math.max((first[2]!.left + first[2]!.right) / 2, card.left + 30), card.right - 30);
  const from = { x, y: (first[2]!.top + first[2]!.bottom) / 2 };
  await reader.mouseMove(from.x, from.y);
  await pause(100);
  const steps = Math.ceil((card.top + 6 - from.y) / 2);
  await glide(reader, from, { x, y: card.top + 6 }, steps, 100);
  await pause(600);
  expect((await reader.card())?.claimId, 'a slow approach over page text keeps the card').toBe(CROSSED_FROM);
}

/**
 * Pointed at from the first highlight's first line, which starts mid-line, the card starts at that line's left (or as
 * far right as the viewport lets it), not at the next lines' start: a highlight from a line's end into the next line
 * had its card open some 650 px from the pointer, and it closed before the pointer got there (a new user's report 51).
 */
export async function expectCardUnderPointedLine(reader: ApproachingReader): Promise<void> {
  const first = await lineBoxesOf(reader, await reader.highlightOf(CROSSED_FROM));
  expect(first[0]!.left, 'the pause pledge starts mid-line').toBeGreaterThan(first[1]!.left + 100);
  await reader.mouseMove(1, 1);
  await pause(400);
  await reader.mouseMove((first[0]!.left + first[0]!.right) / 2, (first[0]!.top + first[0]!.bottom) / 2);
  await expect.poll(async () => (await reader.card())?.claimId, { timeout: 5_000 }).toBe(CROSSED_FROM);
  const card = (await reader.inCard(cardBox))!;
  const viewport = await reader.run(() => window.innerWidth, undefined);
  const expected = Math.min(first[0]!.left, viewport - (card.right - card.left) - 8);
  expect(Math.abs(card.left - expected), `the card's left (${card.left}) against the pointed line's (${first[0]!.left})`).toBeLessThanOrEqual(2);
}
