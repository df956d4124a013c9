/**
 * Whether the pointer is on its way to the open card (pointer-aim.ts): crossing another highlight or
 * page text on the way there must neither swap nor close it (a new user's report 49, problem 4).
 */
import { describe, expect, it } from 'vitest';
import { distanceToBox, isHeadingFor } from '@/entrypoints/content/pointer-aim';

/** A card 400 x 300 px above a highlight line at y 420-440. */
const CARD = { top: 100, left: 200, bottom: 400, right: 600 };

describe('distanceToBox', () => {
  it('is 0 inside the box and on its edge', () => {
    expect(distanceToBox({ x: 300, y: 200 }, CARD)).toBe(0);
    expect(distanceToBox({ x: 200, y: 400 }, CARD)).toBe(0);
  });

  it('is the straight distance to the nearest edge or corner outside it', () => {
    expect(distanceToBox({ x: 300, y: 430 }, CARD)).toBe(30);
    expect(distanceToBox({ x: 170, y: 200 }, CARD)).toBe(30);
    expect(distanceToBox({ x: 630, y: 440 }, CARD)).toBe(50);
  });
});

describe('isHeadingFor', () => {
  it('counts a move up across the lines towards a card above the highlight, straight or slanting', () => {
    expect(isHeadingFor({ x: 300, y: 436 }, { x: 300, y: 430 }, CARD)).toBe(true);
    expect(isHeadingFor({ x: 700, y: 436 }, { x: 690, y: 426 }, CARD)).toBe(true);
  });

  it('does not count a move along the line of text under the card, nor one away from it', () => {
    expect(isHeadingFor({ x: 300, y: 430 }, { x: 340, y: 430 }, CARD)).toBe(false);
    expect(isHeadingFor({ x: 300, y: 430 }, { x: 300, y: 436 }, CARD)).toBe(false);
  });

  it('does not count a tremor of less than a pixel, nor a pointer already on the card', () => {
    expect(isHeadingFor({ x: 300, y: 430.6 }, { x: 300, y: 430 }, CARD)).toBe(false);
    expect(isHeadingFor({ x: 300, y: 300 }, { x: 300, y: 250 }, CARD)).toBe(false);
  });
});
