/**
 * The popup for a page that removed our highlights (tests/e2e/pages/fight/unwrap.html): what both
 * fighting-pages suites check and picture of its "not shown: the page removed the highlights" line, in
 * light and dark, 1280 and 360 px. Each browser opens the popup its own way (fighting-pages.*.test.ts).
 */
import { expect } from 'vitest';
import { contrastRatio } from './card-look';
import { sleep } from './dynamic-driver';

/** The claims unwrap.html holds; its script removes each of our marks as soon as it appears. */
export const UNWRAPPED_CLAIMS = ['anthropic-rsp-pause-pledge', 'anthropic-rsp3-risk-reports'];
/** What the popup says in place of "Show on page" (public/_locales/en, popup_hiddenByPage). */
export const HIDDEN_LINE = 'not shown: the page removed the highlights';
/** Quiet this long after the last painting means painting has stopped (removal-backoff.ts waits 8 s at most). */
const STOPPED_AFTER_MS = 10_000;
/** The backoff gives up within about 16 s of the first painting; 45 s leaves room on a loaded machine. */
const GIVE_UP_MS = 45_000;

/** Runs a self-contained function in the article page's main world. */
export type RunInPage = <R>(fn: () => R) => Promise<R>;

/**
 * Waits until the page's watch (unwrap.html) has seen no mark of ours for STOPPED_AFTER_MS: the
 * backoff has stopped repainting, so the popup's answer no longer changes under a screenshot.
 * Throws after GIVE_UP_MS.
 */
export async function waitUntilPaintingStops(run: RunInPage): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  while (Date.now() < deadline) {
    const quiet = await run(() => {
      const seen = (window as unknown as { __marksSeen: number[] }).__marksSeen;
      return seen.length > 0 ? performance.now() - seen[seen.length - 1]! : 0;
    });
    if (quiet > STOPPED_AFTER_MS) return;
    await sleep(500);
  }
  throw new Error(`unwrap.html was still being painted after ${GIVE_UP_MS} ms`);
}

export interface HiddenItemLook {
  claimId: string;
  /** The item is text, not a button (nothing to jump to). */
  tag: string;
  hiddenText: string;
  /** A "Show on page" line, which must not be there. */
  hasJump: boolean;
  colour: string;
  background: string;
  /** The line's box in the popup's viewport. */
  box: { left: number; right: number; top: number; bottom: number };
}

export interface PopupHiddenLook {
  items: HiddenItemLook[];
  viewportWidth: number;
  /** The popup's laid-out width: more than the viewport means a sideways scroll. */
  scrollWidth: number;
  /** Elements reaching past the viewport's right edge (tag.class and right edge), for the failure message. */
  overflowing: string[];
}

/** Run in the popup: each claim item's "not shown" line, its colours and its box. Self-contained (serialised). */
export function readPopupHiddenLook(): PopupHiddenLook {
  const opaque = (element: Element | null): string => {
    for (let current = element; current; current = current.parentElement) {
      const colour = getComputedStyle(current).backgroundColor;
      if (colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
    }
    return getComputedStyle(document.documentElement).backgroundColor;
  };
  const items = [...document.querySelectorAll<HTMLElement>('[data-testid=claim-item]')].map((item) => {
    const line = item.querySelector<HTMLElement>('[data-testid=claim-hidden-by-page]');
    const rect = (line ?? item).getBoundingClientRect();
    return {
      claimId: item.dataset.claimId ?? '',
      tag: item.localName,
      hiddenText: (line?.textContent ?? '').trim(),
      hasJump: item.querySelector('.jump') !== null,
      colour: line ? getComputedStyle(line).color : '',
      background: opaque(line ?? item),
      box: { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom },
    };
  });
  const viewportWidth = document.documentElement.clientWidth;
  const overflowing = [...document.body.querySelectorAll('*')]
    .filter((element) => element.getBoundingClientRect().right > viewportWidth + 0.5)
    .map((element) => `${element.localName}.${[...element.classList].join('.')}[${element.getAttribute('data-testid') ?? ''}] ${Math.round(element.getBoundingClientRect().right)}`);
  return { items, viewportWidth, scrollWidth: document.documentElement.scrollWidth, overflowing };
}

/** Both claims listed, each saying it is not shown (as text, no jump), readable (AA), inside the popup's width. */
export function expectHiddenLines(look: PopupHiddenLook, where: string): void {
  expect(look.items.map((item) => item.claimId).sort(), where).toEqual([...UNWRAPPED_CLAIMS].sort());
  for (const item of look.items) {
    const what = `${where}, ${item.claimId}`;
    expect(item.hiddenText, what).toBe(HIDDEN_LINE);
    expect(item.tag, `${what}: text, not a button`).toBe('div');
    expect(item.hasJump, `${what}: no "Show on page"`).toBe(false);
    expect(contrastRatio(item.colour, item.background), `${what}: contrast of ${item.colour} on ${item.background}`).toBeGreaterThanOrEqual(4.5);
    expect(item.box.left >= -0.5 && item.box.right <= look.viewportWidth + 0.5, `${what}: the line inside the popup's width ${JSON.stringify(item.box)}`).toBe(true);
  }
  expect(look.scrollWidth, `${where}: no sideways scroll (${look.overflowing.slice(0, 8).join(', ')})`).toBeLessThanOrEqual(look.viewportWidth + 1);
}
