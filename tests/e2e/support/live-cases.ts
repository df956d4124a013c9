import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { KIND_WORDS } from './claim-set';
import { sleep, until, waitForCardState, waitOrExplain } from './dynamic-driver';
import { blurFocus, focusMark, highlightOf, identifyHighlights, identifyMark, markStops, withIdentities, type HighlightDriver } from './highlight-identity';
import { publishLivePage, type LiveBrowser, type LivePage } from './live-driver';
import { cardLook, focusNow, highlightBox, liveCard, markCentre, marksHere, nodeList, rangePaints, textCentre, type Box, type CardLook, type LiveCard } from './live-probes';
import { contrastRatio, fallsBackToSerif } from './card-look';
import { REPO_ROOT } from './paths';
import { startStaticServer, type StaticServer } from './static-server';

const RISK = 'anthropic-rsp3-risk-reports';
const ROADMAPS = 'anthropic-rsp3-frontier-safety-roadmaps';
const PAUSE = 'anthropic-rsp-pause-pledge';
/** The third claim of our own pages: a phrasing the claim set holds word for word, so it matches strongly. */
const ANNUAL = 'openai-preparedness-annual-review';
const RISK_TEXT = 'Under the new policy, Anthropic will publish Risk Reports every three to six months.';
const ROADMAPS_TEXT = 'Anthropic will also publish Frontier Safety Roadmaps that set out its goals for future safety work.';
/** First highlights on a small page: generous, it is not what these tests measure. */
const FIRST_PAINT_MS = 10_000;
/** The bound the issue sets for content that appears later. */
const REVEAL_MS = 3_000;
const SHOTS = resolve(REPO_ROOT, 'test-results', 'live-sites');

/**
 * Issue 13's pages (tests/e2e/pages/live/, copied from ../shared/eval/pages with their headers) and
 * one page per kind of fault beyond them (k-*.html), registered once per browser: the Chromium and
 * Firefox test files call this with their own launcher, so both run the very same checks.
 */
export function defineLiveSiteTests(launch: () => Promise<LiveBrowser>): void {
  let server: StaticServer;
  let browser: LiveBrowser;
  const opened: LivePage[] = [];

  beforeAll(async () => {
    server = await startStaticServer();
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await Promise.all(opened.map((page) => page.close().catch(() => undefined)));
    await browser?.close();
    await server?.close();
  });

  async function open(name: string, query = ''): Promise<LivePage> {
    const page = await browser.open(`${await publishLivePage(server, name)}${query}`);
    opened.push(page);
    return page;
  }

  const marks = (page: LivePage) => page.run(marksHere, undefined);
  /** The card as the browser's privileged view reads it (its root is closed to the page). */
  const card = (page: LivePage) => page.inCard(liveCard);

  /**
   * Our marks with the claim and mention each one's card names (highlight-identity.ts: real focus on
   * keyboard stops, the real pointer on the other elements); `stops` identifies keyboard stops only.
   */
  async function identifiedMarks(page: LivePage, which: 'all' | 'stops' = 'all') {
    await page.bringToFront();
    const identities = await identifyHighlights(page, { all: which === 'all' });
    const found = withIdentities(await marks(page), identities);
    return which === 'all' ? found : found.filter((mark) => identities.some((identity) => identity.index === mark.index));
  }

  /** The mark index of the keyboard stop of the claim's first mention, found by its card. */
  async function stopOf(page: LivePage, claimId: string): Promise<number> {
    await page.bringToFront();
    return (await highlightOf(page, claimId)).index;
  }

  /** A frame's highlights, seen as identification needs them: its script and its card; the pointer stays in the top page. */
  const inFrame = (page: LivePage, frame: string | string[]): HighlightDriver => ({
    run: (fn, arg) => page.runInFrame(frame, fn, arg),
    inCard: (probe) => page.inCardInFrame(typeof frame === 'string' ? [frame] : frame, probe),
    mouseMove: () => Promise.reject(new Error('identification in a frame uses focus only')),
    press: (key) => page.press(key),
  });

  async function waitForMarkIn(page: LivePage, selector: string, timeoutMs = FIRST_PAINT_MS): Promise<void> {
    await waitOrExplain(page, `a highlight in ${selector}`, (s) => document.querySelector(`${s} mark.pledge-lens-mark`) !== null, selector, timeoutMs, async () => ({ marks: await marks(page), ranges: await page.run(rangePaints, undefined), errors: page.errors }));
  }

  async function waitForCard(page: LivePage, timeoutMs = 5_000): Promise<LiveCard> {
    await waitForCardState(page, 'the claim card to open', (root) => root?.querySelector<HTMLElement>('section.card')?.checkVisibility() === true, timeoutMs, () => card(page));
    return card(page);
  }

  async function hoverAt(page: LivePage, point: { x: number; y: number } | null, what: string): Promise<void> {
    if (!point) throw new Error(`Nothing to hover: ${what}`);
    await page.mouseMove(1, 1);
    await page.mouseMove(point.x, point.y);
  }

  async function hoverClaim(page: LivePage, claimId: string): Promise<void> {
    const at = await stopOf(page, claimId);
    await hoverAt(page, await page.run(markCentre, at), `no highlight of ${claimId}`);
  }

  const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  async function closeQuietly(page: LivePage): Promise<void> {
    await page.close().catch(() => undefined);
  }

  // ---- 1. Text the page owns stays the page's ----------------------------------------------

  test('02 late hydration: no hydration mismatch, claims highlighted (marks) once the page settled', async () => {
    const page = await open('02-hydration-late.html');
    try {
      await waitOrExplain(page, 'the stand-in framework to hydrate (1.5 s after DOMContentLoaded)', () => (window as unknown as { __hydration: { state: string } }).__hydration.state !== 'pending', undefined, 6_000);
      // The settle wait is 3 s after load: marks (keyboard stops) come then.
      await waitForMarkIn(page, '#root', FIRST_PAINT_MS + 3_000);
      const hydration = await page.run(() => (window as unknown as { __hydration: { state: string; mismatches: string[] } }).__hydration, undefined);
      expect(hydration, 'what the framework saw when it hydrated').toEqual({ state: 'hydrated', mismatches: [] });
      expect(page.errors.filter((error) => /hydrat/i.test(error))).toEqual([]);
      const found = await identifiedMarks(page);
      expect([...new Set(found.map((mark) => mark.claimId))].sort()).toEqual([ROADMAPS, RISK].sort());
      expect(found.every((mark) => !mark.proxy), 'wrapped with mark.js once settled').toBe(true);
      const focus = await page.run(() => {
        document.querySelector<HTMLElement>('#root mark.pledge-lens-mark[tabindex="0"]')?.focus();
        return document.activeElement?.getAttribute('role') ?? '';
      }, undefined);
      expect(focus, 'a keyboard stop named as a button').toBe('button');
    } finally {
      await closeQuietly(page);
    }
  });

  test('03 framework updates its text nodes: each paragraph reads exactly the new text, the correction is not highlighted', async () => {
    const page = await open('03-framework-text-update.html');
    try {
      await waitForMarkIn(page, '#u1');
      await waitForMarkIn(page, '#u2');
      const errors = await page.run(() => (window as unknown as { __rerender: () => string[] }).__rerender(), undefined);
      expect(errors).toEqual([]);
      const read = () => page.run(() => ({ u1: document.getElementById('u1')!.textContent, u2: document.getElementById('u2')!.textContent, next: (window as unknown as { __next: Record<string, string> }).__next }), undefined);
      const soon = await read();
      expect({ u1: soon.u1, u2: soon.u2 }, 'right after the update (no stale claim text on screen)').toEqual(soon.next);
      // Past the rescan of the changed paragraphs.
      await sleep(2_000);
      const later = await read();
      expect({ u1: later.u1, u2: later.u2 }, 'after the rescan').toEqual(later.next);
      expect(await marks(page), 'the corrections are not claims').toEqual([]);
      expect(page.errors).toEqual([]);
    } finally {
      await closeQuietly(page);
    }
  });

  test('kind of 03: a removed text node, a claim across <em>, a rewrite to another claim', async () => {
    const page = await open('k-framework-text.html');
    try {
      for (const id of ['#r1', '#r2', '#r3']) await waitForMarkIn(page, id);
      expect(await page.run(() => (window as unknown as { __rerender: () => string[] }).__rerender(), undefined)).toEqual([]);
      const read = () => page.run(() => ({ r1: document.getElementById('r1')!.textContent, r2: document.getElementById('r2')!.textContent, r3: document.getElementById('r3')!.textContent, expected: (window as unknown as { __expected: Record<string, string> }).__expected }), undefined);
      const soon = await read();
      expect({ r1: soon.r1, r2: soon.r2, r3: soon.r3 }).toEqual(soon.expected);
      await waitForMarkIn(page, '#r3', REVEAL_MS + 1_000);
      const later = await read();
      expect({ r1: later.r1, r2: later.r2, r3: later.r3 }).toEqual(later.expected);
      const found = await identifiedMarks(page);
      expect(found.filter((mark) => mark.holder !== 'r3'), 'no highlight left where the claim is gone').toEqual([]);
      expect([...new Set(found.map((mark) => mark.claimId))], 'the rewritten paragraph is highlighted as its new claim').toEqual([ROADMAPS]);
      expect(found.map((mark) => mark.text).join('')).toBe(ROADMAPS_TEXT);
    } finally {
      await closeQuietly(page);
    }
  });

  test('05 flex container text: layout unchanged, still highlighted, keyboard and hover reach it', async () => {
    const page = await open('05-flex-layout.html');
    try {
      await waitForMarkIn(page, '#t1');
      await waitForMarkIn(page, '#t2');
      const layout = await page.run(() => ({ before: (window as unknown as { __before: unknown }).__before, after: (window as unknown as { __measure: () => unknown }).__measure() }), undefined);
      expect(layout.after, 'height, line boxes and left edges of each teaser').toEqual(layout.before);
      // Drawn without wrapping: the claim text is in our range highlights, and each has a keyboard stop.
      const painted = (await page.run(rangePaints, undefined)).flatMap((paint) => paint.texts);
      expect(painted).toEqual(expect.arrayContaining([RISK_TEXT, ROADMAPS_TEXT]));

      // Keyboard: Tab reaches the highlight, focus opens its card, Enter moves into it, Escape comes back.
      await page.run(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
      }, undefined);
      await page.press('Tab');
      const focus = await page.run(focusNow, undefined);
      expect(focus).toMatchObject({ isOurMark: true, proxy: true, role: 'button', holder: 't1' });
      // The proxy holds no text: it is named by the words it stands for, and described by its kind.
      expect(focus.label).toBe(RISK_TEXT);
      expect(focus.description.startsWith(KIND_WORDS['binding-commitment']!) || focus.description.startsWith(KIND_WORDS['announced-target']!), focus.description).toBe(true);
      // Which claim the focused highlight is, only its card says.
      expect((await waitForCard(page)).claimId).toBe(RISK);
      await page.screenshot(resolve(SHOTS, `${browser.name.toLowerCase()}-05-flex-keyboard-focus.png`));
      await page.press('Enter');
      expect((await card(page)).focusInside, 'Enter moves focus into the card').toBe(true);
      await page.press('Escape');
      expect(await page.run(focusNow, undefined), 'focus back on the same (risk reports) keyboard stop').toMatchObject({ proxy: true, markIndex: focus.markIndex, holder: 't1' });

      // Hover: the pointer over the claim text opens its card.
      await page.run(() => (document.activeElement as HTMLElement | null)?.blur(), undefined);
      await hoverAt(page, await page.run(textCentre, ['#t2', 'Frontier Safety Roadmaps']), 'the roadmaps text');
      const hovered = await waitForCard(page);
      expect(hovered.claimId).toBe(ROADMAPS);
      expect(hovered.onTop).toBe(true);
      await page.screenshot(resolve(SHOTS, `${browser.name.toLowerCase()}-05-flex-hover.png`));
      // Each keyboard stop is a proxy, and its card names its teaser's claim. (After the keyboard
      // part: focusing the stops to identify them would move where Tab starts.)
      const stops = (await identifiedMarks(page, 'stops')).filter((mark) => mark.proxy);
      expect(stops.map((mark) => `${mark.holder}:${mark.claimId}`).sort()).toEqual([`t1:${RISK}`, `t2:${ROADMAPS}`]);
      expect(await page.run(() => (window as unknown as { __measure: () => unknown }).__measure(), undefined), 'layout after all that').toEqual(layout.before);
    } finally {
      await closeQuietly(page);
    }
  });

  test('kind of 05: grid, column flex, inline-flex and display:contents text keep their layout; a plain paragraph gets marks', async () => {
    const page = await open('k-layout.html');
    try {
      await waitForMarkIn(page, '#control');
      for (const id of ['#g1', '#c1', '#i1', '#d1']) await waitForMarkIn(page, id);
      const layout = await page.run(() => ({ before: (window as unknown as { __before: unknown }).__before, after: (window as unknown as { __measure: () => unknown }).__measure() }), undefined);
      expect(layout.after).toEqual(layout.before);
      const found = await marks(page);
      expect(found.filter((mark) => mark.holder === 'control').every((mark) => !mark.proxy && mark.text.length > 0), 'the control paragraph is wrapped').toBe(true);
      expect(found.filter((mark) => mark.holder !== 'control').every((mark) => mark.proxy), 'container text only gets keyboard proxies').toBe(true);
    } finally {
      await closeQuietly(page);
    }
  });

  // ---- 2. The card lives where nothing can bury or remove it ---------------------------------

  test('06 modal dialog: the card is drawn above the dialog, and Enter moves focus into it', async () => {
    const page = await open('06-modal-dialog.html');
    try {
      await waitForMarkIn(page, '#q1');
      await hoverClaim(page, RISK);
      const shown = await waitForCard(page);
      expect(shown.claimId).toBe(RISK);
      expect(shown.onTop, `what is at the card's centre is the card: ${JSON.stringify(shown)}`).toBe(true);
      await page.mouseMove(1, 1);
      await page.run(() => document.querySelector<HTMLElement>('#q1 mark.pledge-lens-mark[tabindex="0"]')!.focus(), undefined);
      await page.press('Enter');
      await waitForCardState(page, 'focus inside the card', (root) => root !== null && document.activeElement === root.host && root.activeElement?.classList.contains('close') === true, 3_000, () => card(page));
      const focused = await card(page);
      expect(focused.focusInside && focused.onTop, JSON.stringify(focused)).toBe(true);
      await page.screenshot(resolve(SHOTS, `${browser.name.toLowerCase()}-06-dialog.png`));
    } finally {
      await closeQuietly(page);
    }
  });

  async function cardNextToHighlight(page: LivePage, claimId: string, label: string): Promise<void> {
    const at = await stopOf(page, claimId);
    await hoverAt(page, await page.run(markCentre, at), `no highlight of ${claimId}`);
    const shown = await waitForCard(page);
    expect(shown.claimId, label).toBe(claimId);
    const highlight = await page.run(highlightBox, at);
    const viewport = await page.run(() => ({ width: window.innerWidth, height: window.innerHeight }), undefined);
    const box = shown.box!;
    expect(highlight, label).not.toBeNull();
    const where = `${label}: card ${JSON.stringify(box)}, highlight ${JSON.stringify(highlight)}, viewport ${JSON.stringify(viewport)}`;
    expect(box.top >= 0 && box.left >= 0 && box.bottom <= viewport.height && box.right <= viewport.width, `inside the viewport; ${where}`).toBe(true);
    const belowGap = box.top - highlight!.bottom;
    const aboveGap = highlight!.top - box.bottom;
    expect((belowGap >= 0 && belowGap <= 40) || (aboveGap >= 0 && aboveGap <= 40), `next to the highlight; ${where}`).toBe(true);
    expect(overlaps(box, highlight!), `not over the highlight; ${where}`).toBe(false);
    expect(shown.onTop, where).toBe(true);
  }

  test('07 CSS zoom on <html>: the card opens next to the highlight, inside the viewport (1280 and 360 px, light and dark)', async () => {
    const page = await open('07-css-zoom.html');
    try {
      await waitForMarkIn(page, '#z1');
      for (const [width, height] of [[1280, 900], [360, 740]] as const) {
        await page.viewport(width, height);
        for (const scheme of ['light', 'dark'] as const) {
          await page.colorScheme(scheme);
          await cardNextToHighlight(page, RISK, `${width}px ${scheme}`);
          await page.screenshot(resolve(SHOTS, `${browser.name.toLowerCase()}-07-zoom-${scheme}-${width}.png`));
        }
      }
    } finally {
      await page.colorScheme('light').catch(() => undefined);
      await closeQuietly(page);
    }
  });

  test('a card squeezed beside its highlight (reports 53 and 56): verdict, statement and "More" in sight; with a little more room the whole note editor too, what the label means given way; light and dark', async () => {
    const page = await open('k-squeezed.html');
    const name = browser.name.toLowerCase();
    try {
      await waitForMarkIn(page, '#s1');
      for (const [height, scheme] of [[700, 'light'], [700, 'dark'], [820, 'light']] as const) {
        await page.viewport(1280, height);
        await page.colorScheme(scheme);
        const label = `1280 x ${height} ${scheme}`;
        await cardNextToHighlight(page, RISK, label);
        const look = await page.inCard(cardLook);
        const shown = await card(page);
        expectReadableCard(look, label);
        const where = `${label}: ${JSON.stringify({ look, box: shown.box })}`;
        // The point of the page: the card fits whole on neither side, so it was shortened.
        expect(shown.box!.bottom - shown.box!.top, `shortened beside the highlight; ${where}`).toBeLessThan(420);
        expect(look!.moreInSight, `the whole "More" row in sight; ${where}`).toBe(true);
        // Report 56: Save and Wrong match were a 3 px sliver at the card's edge. With a little more room than at 700 px
        // the label's meaning gives way and the note stays whole; at 700 px the note scrolls with the card.
        if (height > 700) expect({ noteWhole: look!.noteWhole, cramped: look!.cramped, meaningShown: look!.meaningShown }, `the note editor whole, not scrolled off; ${where}`).toEqual({ noteWhole: true, cramped: false, meaningShown: false });
        await page.screenshot(resolve(SHOTS, `${name}-card-squeezed-${scheme}-1280x${height}.png`));
        await page.press('Escape');
      }
    } finally {
      await page.colorScheme('light').catch(() => undefined);
      await closeQuietly(page);
    }
  });

  test('a possible match (report 53): its card says so before the claim, a sure match\'s does not; 1280 and 360 px, light and dark', async () => {
    const page = await open('k-possible.html');
    const name = browser.name.toLowerCase();
    try {
      await waitForMarkIn(page, '#loose');
      await waitForMarkIn(page, '#sure');
      for (const [width, height] of [[1280, 800], [360, 740]] as const) {
        await page.viewport(width, height);
        for (const scheme of ['light', 'dark'] as const) {
          await page.colorScheme(scheme);
          const label = `${width}px ${scheme}`;
          // (Where the card goes is the 07 tests' business; a phone's card may be a sheet over the highlight.)
          const openCard = async (claimId: string): Promise<void> => {
            await hoverClaim(page, claimId);
            expect((await waitForCard(page)).claimId, label).toBe(claimId);
          };
          await openCard('anthropic-propose-risk-scaled-regulation');
          const loose = await page.inCard(cardLook);
          expectReadableCard(loose, `the loose passage; ${label}`);
          expect(loose!.possible, `the loose passage's card says "Possible match"; ${label}`).toBe(true);
          await page.screenshot(resolve(SHOTS, `${name}-card-possible-${scheme}-${width}.png`));
          await page.press('Escape');
          await openCard(RISK);
          expect((await page.inCard(cardLook))!.possible, `the sure passage's card does not; ${label}`).toBe(false);
          await page.press('Escape');
        }
      }
    } finally {
      await page.colorScheme('light').catch(() => undefined);
      await closeQuietly(page);
    }
  });

  test('07 at 200% browser zoom: the card opens next to the highlight, inside the viewport', async () => {
    const page = await open('07-css-zoom.html', '?browser-zoom');
    try {
      await waitForMarkIn(page, '#z1');
      await page.viewport(1280, 900);
      await page.browserZoom(2);
      await waitOrExplain(page, 'the browser zoom to apply', () => window.devicePixelRatio >= 2, undefined, 3_000);
      for (const scheme of ['light', 'dark'] as const) {
        await page.colorScheme(scheme);
        await cardNextToHighlight(page, RISK, `200% ${scheme}`);
        await page.screenshot(resolve(SHOTS, `${browser.name.toLowerCase()}-07-browser-zoom-200-${scheme}.png`));
      }
    } finally {
      await page.browserZoom(1).catch(() => undefined);
      await page.colorScheme('light').catch(() => undefined);
      await closeQuietly(page);
    }
  });

  /** The card's look, as issue 15 asks: verdict first, its own sans-serif type, AA contrast (4.5:1) for every line a reader reads. */
  function expectReadableCard(look: CardLook | null, label: string): void {
    expect(look, label).not.toBeNull();
    const where = `${label}: ${JSON.stringify(look)}`;
    expect(look!.firstLine, `the verdict is the card's first line; ${where}`).toBe('verdict');
    expect(look!.verdictInSight, `the whole verdict in sight, not under the note editor; ${where}`).toBe(true);
    expect(look!.verdictText, where).toMatch(/^(Binding commitment|Announced target|No commitment)( \([a-z -]+\))?, [^:]+: [A-Z].*\.$/);
    expect(fallsBackToSerif(look!.verdictFont.family), `the card's own font, not the browser's serif; ${where}`).toBe(false);
    expect(fallsBackToSerif(look!.statementFont.family), where).toBe(false);
    // Its own scale: the verdict is larger than the body text, and neither is the browser's 16 px default body.
    expect(parseFloat(look!.verdictFont.size), where).toBeGreaterThan(parseFloat(look!.statementFont.size));
    expect(look!.statementFont.size, where).toBe('14px');
    // The grade weighs as much as the kind: "Binding commitment (self-imposed)" reads as one label, not a legal one with a footnote.
    if (look!.gradeWeight) expect(look!.gradeWeight, `the grade as heavy as the kind; ${where}`).toBe(look!.kindWeight);
    // The note editor draws in the card's colour scheme, whatever the page's (Firefox drew it dark in a light card on a dark page).
    expect(look!.noteScheme, `the note frame in the card's colour scheme; ${where}`).toBe(look!.cardScheme);
    for (const [part, colour] of Object.entries(look!.colours)) {
      expect(contrastRatio(colour, look!.background), `${part} (${colour} on ${look!.background}); ${label}`).toBeGreaterThanOrEqual(4.5);
    }
  }

  /** Opens the card from the keyboard, opens "More" with Enter on its summary, checks it, and closes "More" again. */
  async function moreByKeyboard(page: LivePage, claimId: string, label: string, shot: string): Promise<void> {
    const at = await stopOf(page, claimId);
    await page.mouseMove(1, 1);
    await page.run((index) => document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')[index]!.focus(), at);
    expect((await waitForCard(page)).claimId, label).toBe(claimId);
    await page.press('Enter');
    await waitForCardState(page, 'focus on the card\'s close button', (root) => root !== null && document.activeElement === root.host && root.activeElement?.classList.contains('close') === true, 3_000, () => page.inCard(cardLook));
    await page.press('Tab');
    const before = await page.inCard(cardLook);
    expect({ focus: before?.focus, open: before?.moreOpen }, `${label}: Tab from Close reaches "More", closed at first`).toEqual({ focus: 'summary', open: false });
    await page.press('Enter');
    await sleep(150);
    const opened = await page.inCard(cardLook);
    expect(opened?.moreOpen, `${label}: Enter opens "More"`).toBe(true);
    // Open, the card is taller: it must still sit beside the highlight, inside the viewport, note on screen.
    const shown = await card(page);
    const highlight = await page.run(highlightBox, at);
    const viewport = await page.run(() => ({ width: window.innerWidth, height: window.innerHeight }), undefined);
    const where = `${label} with "More" open: card ${JSON.stringify(shown.box)}, highlight ${JSON.stringify(highlight)}, viewport ${JSON.stringify(viewport)}`;
    // On a phone (480 px or less) a card that fits beside the highlight on neither side may cover it, to give "More" the screen's height.
    if (viewport.width > 480) expect(overlaps(shown.box!, highlight!), `not over the highlight; ${where}`).toBe(false);
    else expect(overlaps(shown.box!, highlight!) ? shown.box!.bottom - shown.box!.top >= viewport.height * 0.6 : true, `over the highlight only to take most of the screen; ${where}`).toBe(true);
    expect(shown.box!.top >= 0 && shown.box!.bottom <= viewport.height && shown.box!.left >= 0 && shown.box!.right <= viewport.width, `inside the viewport; ${where}`).toBe(true);
    // A card with room keeps the note editor on screen; a cramped one lets it scroll (Tab still reaches it).
    const noteOnScreen = opened!.noteFrame!.top >= 0 && opened!.noteFrame!.bottom <= opened!.viewportHeight + 1;
    // On a phone the note scrolls with "More" (card.css), after the sources.
    expect(opened!.cramped || noteOnScreen || viewport.width <= 480, `the note editor on screen; ${where}; ${JSON.stringify(opened!.noteFrame)}`).toBe(true);
    if (label.startsWith('1280')) expect(opened!.cramped, `a 1280 px card has room; ${where}`).toBe(false);
    // The focused summary is in sight, not scrolled away or hidden under the sticky note editor.
    expect(opened!.summary !== null && opened!.summary.bottom <= opened!.noteFrame!.top + 1, `"More" in sight above the note; ${where}; ${JSON.stringify({ summary: opened!.summary, note: opened!.noteFrame })}`).toBe(true);
    await page.screenshot(shot);
    await page.press(' ');
    await sleep(150);
    expect((await page.inCard(cardLook))?.moreOpen, `${label}: Space closes "More" again`).toBe(false);
    await page.press('Escape');
  }

  test('card keyboard: Tab walks every control, through the note frame with the card open; past the last (or before the first) focus returns to the highlight', async () => {
    const page = await open('07-css-zoom.html');
    try {
      await waitForMarkIn(page, '#z1');
      const at = await stopOf(page, RISK);
      const enterCard = async (): Promise<void> => {
        await page.run((index) => {
          (document.activeElement as HTMLElement | null)?.blur();
          document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')[index]!.focus();
        }, at);
        expect((await waitForCard(page)).claimId).toBe(RISK);
        await page.press('Enter');
        await waitForCardState(page, "focus on the card's close button", (root) => root !== null && root.activeElement?.classList.contains('close') === true, 3_000, () => page.inCard(cardLook));
      };
      await enterCard();
      const walked: string[] = [];
      for (let presses = 0; presses < 30 && (await card(page)).open; presses++) {
        await page.press('Tab');
        await sleep(80);
        const look = await page.inCard(cardLook);
        if ((await card(page)).open) walked.push(look?.focus ?? '');
      }
      const path = `Tab from Close walked: ${walked.join(' > ')}`;
      expect(walked[0], path).toBe('summary');
      expect(walked, `the note frame is reached and the card stays open in it; ${path}`).toContain('iframe');
      // The note frame holds the note, Save, "Wrong match" and the labels link: Tab visits them in turn.
      expect(walked.filter((stop) => stop === 'iframe').length, `the note frame's controls are reached one by one; ${path}`).toBeGreaterThanOrEqual(3);
      expect((await card(page)).open, `Tab past the last control closes the card; ${path}`).toBe(false);
      expect(await page.run(focusNow, undefined), `and gives focus back to its highlight; ${path}`).toMatchObject({ isOurMark: true, markIndex: at });
      await enterCard();
      // Firefox makes the card's scrolling section a stop of its own before Close: at most two presses.
      const backwards: string[] = [];
      for (let presses = 0; presses < 2 && (await card(page)).open; presses++) {
        await page.press('Shift+Tab');
        await sleep(80);
        if ((await card(page)).open) backwards.push((await page.inCard(cardLook))?.focus ?? '');
      }
      expect((await card(page)).open, `Shift+Tab before the first control closes the card; walked back: ${backwards.join(' > ')}`).toBe(false);
      expect(await page.run(focusNow, undefined), 'and gives focus back to its highlight').toMatchObject({ isOurMark: true, markIndex: at });
    } finally {
      await closeQuietly(page);
    }
  });

  test('card (issue 15): verdict first, its own type, AA contrast, beside the highlight, "More" by keyboard (1280 and 360 px, light and dark, 200%)', async () => {
    const page = await open('07-css-zoom.html');
    const name = browser.name.toLowerCase();
    try {
      await waitForMarkIn(page, '#z1');
      for (const [width, height] of [[1280, 900], [360, 740]] as const) {
        await page.viewport(width, height);
        for (const scheme of ['light', 'dark'] as const) {
          await page.colorScheme(scheme);
          const label = `${width}px ${scheme}`;
          await cardNextToHighlight(page, RISK, label);
          const look = await page.inCard(cardLook);
          expectReadableCard(look, label);
          expect(look!.moreInSight, `the whole "More" row in sight as the card opens; ${label}: ${JSON.stringify(look)}`).toBe(true);
          await page.screenshot(resolve(SHOTS, `${name}-card-${scheme}-${width}.png`));
          await moreByKeyboard(page, RISK, label, resolve(SHOTS, `${name}-card-more-${scheme}-${width}.png`));
        }
      }
      await page.viewport(1280, 900);
      await page.browserZoom(2);
      await waitOrExplain(page, 'the browser zoom to apply', () => window.devicePixelRatio >= 2, undefined, 3_000);
      for (const scheme of ['light', 'dark'] as const) {
        await page.colorScheme(scheme);
        await cardNextToHighlight(page, RISK, `200% ${scheme}`);
        expectReadableCard(await page.inCard(cardLook), `200% ${scheme}`);
        await moreByKeyboard(page, RISK, `200% ${scheme}`, resolve(SHOTS, `${name}-card-more-${scheme}-zoom200.png`));
      }
    } finally {
      await page.browserZoom(1).catch(() => undefined);
      await page.colorScheme('light').catch(() => undefined);
      await closeQuietly(page);
    }
  });

  test('14 the page removes our card host: hovering still shows the card', async () => {
    const page = await open('14-page-removes-foreign.html');
    try {
      await waitForMarkIn(page, '#c1');
      await hoverClaim(page, RISK);
      const shown = await waitForCard(page);
      expect(shown.onTop, JSON.stringify(shown)).toBe(true);
      const removed = await page.run(() => (window as unknown as { __removed: string[] }).__removed, undefined);
      expect(removed.length, 'the page did sweep our host off <html> (else this proves nothing)').toBeGreaterThan(0);
    } finally {
      await closeQuietly(page);
    }
  });

  test('kind of 14: the page removes the open card; the card comes back', async () => {
    const page = await open('k-removes-open-card.html');
    try {
      await waitForMarkIn(page, '#c1');
      await hoverClaim(page, RISK);
      await waitForCard(page);
      await waitOrExplain(page, 'the page to remove the card host', () => (window as unknown as { __removed: string[] }).__removed.length > 0, undefined, 3_000);
      const back = await waitForCard(page, 2_000);
      expect(back.onTop, JSON.stringify(back)).toBe(true);
    } finally {
      await closeQuietly(page);
    }
  });

  test('kind of 14: a page element that takes our tag name changes nothing', async () => {
    const page = await open('k-same-tag.html');
    try {
      await waitForMarkIn(page, '#c1');
      await hoverClaim(page, RISK);
      const shown = await waitForCard(page);
      expect(shown.onTop, JSON.stringify(shown)).toBe(true);
      expect(shown.claimId).toBe(RISK);
      const widget = await page.run(() => document.getElementById('page-widget')?.shadowRoot?.textContent ?? '', undefined);
      expect(widget, "the page's own element is left as it was").toBe('page widget');
    } finally {
      await closeQuietly(page);
    }
  });

  test('18 print: an open card is not printed', async ({ skip }) => {
    skip(!(await browser.emulatesPrintMedia()), `${browser.name} here offers a test no print-media emulation (Firefox ESR 140: no chrome-scope BiDi, no WebExtension API); Chromium covers this case`);
    const page = await open('18-print.html');
    try {
      await waitForMarkIn(page, '#c1');
      await hoverClaim(page, RISK);
      expect((await waitForCard(page)).open).toBe(true);
      await page.printMedia(true);
      const printed = await card(page);
      await page.printMedia(false);
      const screen = await card(page);
      expect({ open: printed.open, display: printed.hostDisplay }, 'under print media').toEqual({ open: false, display: 'none' });
      expect(screen.open, 'back on screen (the emulation did change something)').toBe(true);
    } finally {
      await page.printMedia(false).catch(() => undefined);
      await closeQuietly(page);
    }
  });

  // ---- 3. Every document a reader opens -----------------------------------------------------

  /** How many of our marks a frame holds. */
  const frameMarkCount = (page: LivePage, frame: string) => page.runInFrame(frame, () => document.querySelectorAll('mark.pledge-lens-mark').length, undefined);

  /** The claims a frame's highlights are, each keyboard stop focused for real and its card read in that frame ('' for a stop that opens none). */
  async function frameClaims(page: LivePage, frame: string | string[]): Promise<string[]> {
    await page.bringToFront();
    return [...new Set((await identifyHighlights(inFrame(page, frame))).map((identity) => identity.claimId))];
  }

  async function waitForFrameClaim(page: LivePage, frame: string, claimId: string, timeoutMs = FIRST_PAINT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let seen: string[] = [];
    let problem = '';
    while (Date.now() < deadline) {
      seen = await frameClaims(page, frame).catch((error: unknown) => {
        problem = String(error).split('\n')[0]!;
        return [];
      });
      if (seen.includes(claimId)) return;
      await sleep(200);
    }
    const styled = await page.runInFrame(frame, () => document.getElementById('pledge-lens-highlight-style') !== null, undefined).catch(() => false);
    const reported = await browser.tabState(page).then((state) => state.claims.map((claim) => `${claim.claimId}@frame${claim.frameId}`), (error: unknown) => String(error));
    throw new Error(`No highlight of ${claimId} in ${frame} after ${timeoutMs} ms (it has ${JSON.stringify(seen)}${problem ? `; last error: ${problem}` : ''}; Pledge Lens ${styled ? 'did' : 'did not'} start in that frame; the tab reports ${JSON.stringify(reported)}; errors ${JSON.stringify(page.errors)})`);
  }

  /** Focuses the first keyboard stop in a frame and returns the claim of the card that opens there ('' for none). */
  async function cardOnFocusInFrame(page: LivePage, frame: string): Promise<string> {
    const driver = inFrame(page, frame);
    await page.bringToFront();
    const first = (await page.runInFrame(frame, markStops, undefined)).indexOf(true);
    if (first < 0) return '';
    const { claimId } = await identifyMark(driver, first, true);
    await page.runInFrame(frame, blurFocus, undefined);
    return claimId;
  }

  test('08 srcdoc, sandboxed srcdoc and script-written about:blank frames are highlighted', async () => {
    const page = await open('08-srcdoc-iframe.html');
    try {
      await waitForFrameClaim(page, '#f-srcdoc', RISK);
      await waitForFrameClaim(page, '#f-sandbox', ROADMAPS);
      await waitForFrameClaim(page, '#f-blank', PAUSE);
      // Each frame's highlights work, not just show: focus opens the card (a script that writes a
      // frame with document.open() erases the listeners added before).
      for (const [frame, claimId] of [['#f-srcdoc', RISK], ['#f-sandbox', ROADMAPS], ['#f-blank', PAUSE]] as const) {
        expect(await cardOnFocusInFrame(page, frame), `the card in ${frame}`).toBe(claimId);
      }
    } finally {
      await closeQuietly(page);
    }
  });

  test('kind of 08: an opaque sandboxed frame, a nested srcdoc frame, a frame written after load', async () => {
    const page = await open('k-frames.html');
    try {
      await waitForFrameClaim(page, '#f-opaque', RISK);
      await waitForFrameClaim(page, '#f-late', ANNUAL);
      expect(await cardOnFocusInFrame(page, '#f-late'), 'the card in the frame written after load (document.open() erased the listeners added before)').toBe(ANNUAL);
      expect(await cardOnFocusInFrame(page, '#f-opaque'), 'the card in the opaque sandboxed frame').toBe(RISK);
      const painted = await page.runInFrame('#f-nested', async () => {
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          const inner = (document.getElementById('inner') as HTMLIFrameElement | null)?.contentDocument;
          const count = inner?.querySelectorAll('mark.pledge-lens-mark').length ?? 0;
          if (count) return count;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        return 0;
      }, undefined);
      expect(painted, 'highlights in the nested srcdoc frame').toBeGreaterThan(0);
      expect(await frameClaims(page, ['#f-nested', '#inner'])).toEqual([ROADMAPS]);
    } finally {
      await closeQuietly(page);
    }
  });

  test('kind of 08, attacked: a frame\'s open card that the parent page draws over closes and says why (Chromium); Firefox cannot tell', async () => {
    const page = await open('k-frame-covered.html');
    const frame = '#f-covered';
    const inCard = <R,>(probe: (root: ShadowRoot | null) => R) => page.inCardInFrame([frame], probe);
    try {
      await waitForFrameClaim(page, frame, RISK);
      await page.bringToFront();
      const first = (await page.runInFrame(frame, markStops, undefined)).indexOf(true);
      expect(await page.runInFrame(frame, focusMark, first), 'a keyboard stop in the frame takes focus').toBe(true);
      await until(() => inCard(liveCard), (card) => card.open && card.claimId === RISK, 'the card in the frame to open');
      await page.run(() => (window as unknown as { coverFrameCard(): void }).coverFrameCard(), undefined);
      const readCover = () => page.run(() => (window as unknown as { coverState(): { covering: boolean; placed: boolean } }).coverState(), undefined);
      if (browser.name === 'Chromium') {
        // IntersectionObserver v2 says the card is covered; raised, it still is: the parent's drawing. It closes.
        const closed = await until(() => inCard((root) => ({ open: root?.querySelector<HTMLElement>('section.card')?.checkVisibility() === true, said: root?.querySelector('[aria-live]')?.textContent ?? '' })), (state) => !state.open && state.said !== '', 'the covered card to close and say why', 3_000);
        expect(closed.said).toBe("The page drew over the Pledge Lens card, so the card was closed. The Pledge Lens icon in the toolbar lists this page's claims.");
        // The page did cover the card before it closed (else nothing was tested), and has nothing left to cover.
        expect(await readCover()).toEqual({ covering: true, placed: false });
      } else {
        // Firefox has no IntersectionObserver v2, and a frame cannot see its parent's drawing: the known gap
        // (lib/match/README's security notes). If this starts failing, Firefox can tell.
        await until(readCover, (state) => state.placed, 'the parent page to cover the card', 3_000);
        await sleep(1_000);
        expect((await inCard(liveCard)).open).toBe(true);
      }
    } finally {
      await closeQuietly(page);
    }
  });

  test('a page longer than a scan reads (report 56): its first part is highlighted, and the tab says it was read in part; a page read whole does not', async () => {
    const page = await open('k-partly-read.html');
    try {
      await waitForMarkIn(page, '#top', 20_000);
      const state = await browser.tabState(page);
      expect(state.claims.map((claim) => claim.claimId), 'the top claim only').toEqual([RISK]);
      expect(state.partlyRead, 'read in part').toBe(true);
      expect(await page.run(() => document.querySelector('#bottom mark') === null, undefined), 'the claim past the bounds is not highlighted').toBe(true);
      const popup = await browser.popup(page);
      try {
        expect(await popup.textOf('partly-read'), await popup.describe()).toMatch(/^This page is very long, and Pledge Lens read only its first part/);
        await popup.screenshot(resolve(SHOTS, `${browser.name.toLowerCase()}-popup-partly-read.png`));
      } finally {
        await popup.close().catch(() => undefined);
      }
    } finally {
      await closeQuietly(page);
    }
    const whole = await open('k-squeezed.html');
    try {
      await waitForMarkIn(whole, '#s1');
      const wholeState = await browser.tabState(whole);
      expect(wholeState).not.toHaveProperty('partlyRead');
      expect(wholeState, 'a page that draws nothing into the highlights').not.toHaveProperty('cardsRefused');
    } finally {
      await closeQuietly(whole);
    }
  });

  test('a paragraph rewritten with a growing counter before its claim (report 57): one mention in the popup and the history', async () => {
    const page = await open('k-rerender.html');
    try {
      await waitForMarkIn(page, '#live');
      // Rewritten every 400 ms: several rescans and repaints.
      await sleep(4_000);
      const state = await browser.tabState(page);
      expect(state.claims.map((claim) => [claim.claimId, claim.mentions]), JSON.stringify(state.claims)).toEqual([[RISK, 1]]);
      const records = (await browser.history()).filter((mention) => mention.pageUrl.includes('k-rerender.html'));
      expect(records.map((mention) => mention.claimId)).toEqual([RISK]);
    } finally {
      await closeQuietly(page);
    }
  });

  test('a page that writes its own words into our highlights (report 56): the tab and the popup say why their cards do not open', async () => {
    const page = await open('k-drawn-words.html');
    try {
      await waitForMarkIn(page, '#s1');
      const state = await browser.tabState(page);
      expect({ claims: state.claims.map((claim) => claim.claimId), cardsRefused: state.cardsRefused }).toEqual({ claims: [RISK], cardsRefused: true });
      const popup = await browser.popup(page);
      try {
        expect(await popup.textOf('cards-refused'), await popup.describe()).toMatch(/^This page's own styles write words into Pledge Lens's highlights/);
        await popup.screenshot(resolve(SHOTS, `${browser.name.toLowerCase()}-popup-cards-refused.png`));
      } finally {
        await popup.close().catch(() => undefined);
      }
    } finally {
      await closeQuietly(page);
    }
  });

  test('09 a text/plain document gets highlights', async () => {
    const page = await open('09-text-plain.html');
    try {
      expect(await page.run(() => document.contentType, undefined)).toBe('text/plain');
      await waitForMarkIn(page, 'pre');
      expect([...new Set((await identifiedMarks(page)).map((mark) => mark.claimId))].sort()).toEqual([ROADMAPS, RISK].sort());
      const text = await page.run(() => document.querySelector('pre')!.textContent ?? '', undefined);
      expect(text, 'the text is unchanged').toContain(RISK_TEXT);
    } finally {
      await closeQuietly(page);
    }
  });

  /**
   * Opens a non-HTML document twice, with Pledge Lens switched off for the site (the popup's switch,
   * on an HTML page of the same site) and on: what the browser shows in both must be the same tree
   * (browsers build their own XML viewer, so the served file alone is no baseline).
   */
  async function expectUntouched(name: string): Promise<void> {
    const control = await open('18-print.html', `?control-for=${name}`);
    try {
      await waitForMarkIn(control, '#c1');
      const snapshot = async (): Promise<{ nodes: string[]; errors: string[] }> => {
        const page = await open(name);
        try {
          // Longer than the content script's start, a scan and a rescan would take.
          await sleep(2_500);
          return { nodes: await page.run(nodeList, undefined), errors: [...page.contentScriptErrors] };
        } finally {
          await closeQuietly(page);
        }
      };
      const popup = await browser.popup(control);
      await popup.setSiteToggle(false);
      await popup.close();
      const without = await snapshot();
      const again = await browser.popup(control);
      await again.setSiteToggle(true);
      await again.close();
      await waitForMarkIn(control, '#c1', 5_000);
      const withUs = await snapshot();
      expect(withUs.nodes, 'the document holds exactly the nodes it holds with Pledge Lens off').toEqual(without.nodes);
      expect(withUs.errors, 'nothing thrown in the content script').toEqual([]);
    } finally {
      await closeQuietly(control);
    }
  }

  test('10 an XML document is left alone: no node added, nothing thrown', async () => {
    await expectUntouched('10-xml-document.html');
  });

  test('kind of 10: an SVG document is left alone; an XHTML page is highlighted', async () => {
    await expectUntouched('k-document.svg');
    const page = await open('k-xhtml.html');
    try {
      await waitForMarkIn(page, '#c1');
    } finally {
      await closeQuietly(page);
    }
  });

  // ---- 4. Content that appears without new nodes ---------------------------------------------

  test('16 an opened <details> and a removed hidden attribute are highlighted within 3 s', async () => {
    const page = await open('16-details-collapsed.html');
    try {
      await browser.tabState(page);
      await sleep(500);
      expect(await marks(page), 'nothing is highlighted while collapsed').toEqual([]);
      const summary = await page.run(() => {
        const rect = document.getElementById('faq-summary')!.getBoundingClientRect();
        return { x: rect.left + 10, y: rect.top + rect.height / 2 };
      }, undefined);
      await page.mouseClick(summary.x, summary.y);
      await waitForMarkIn(page, '#d1', REVEAL_MS);
      const button = await page.run(() => {
        const rect = document.getElementById('read-more')!.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }, undefined);
      await page.mouseClick(button.x, button.y);
      await waitForMarkIn(page, '#d2', REVEAL_MS);
      const found = await identifiedMarks(page);
      expect(found.filter((mark) => mark.holder === 'd1').map((mark) => mark.claimId)).toContain(RISK);
      expect(found.filter((mark) => mark.holder === 'd2').map((mark) => mark.claimId)).toContain(ROADMAPS);
    } finally {
      await closeQuietly(page);
    }
  });

  test('kind of 16: aria-expanded accordion, class toggle, popover and a replaced <body> are highlighted within 3 s', async () => {
    const page = await open('k-reveal.html');
    try {
      await browser.tabState(page);
      await sleep(500);
      expect(await marks(page)).toEqual([]);
      const reveal = (which: string) => page.run((key) => (window as unknown as { __reveal: Record<string, () => void> }).__reveal[key]!(), which);
      await reveal('accordion');
      await waitForMarkIn(page, '#a1', REVEAL_MS);
      await reveal('klass');
      await waitForMarkIn(page, '#a2', REVEAL_MS);
      await reveal('popover');
      await waitForMarkIn(page, '#a3', REVEAL_MS);
      await reveal('body');
      await waitForMarkIn(page, '#a4', REVEAL_MS);
    } finally {
      await closeQuietly(page);
    }
  });

  // ---- 5. Copying ------------------------------------------------------------------------------

  const OUR_MARKUP = /pledge-lens|data-claim|data-mention|data-markjs|role="button"|tabindex|aria-haspopup|aria-label|cursor: help|text-underline-offset: 3px/;

  async function selectAndCopy(page: LivePage, from: [string, number], to: [string, number]) {
    const selected = await page.run(([[startId, startOffset], [endId, endOffset]]) => {
      const textAt = (id: string, offset: number): [Text, number] => {
        const walker = document.createTreeWalker(document.getElementById(id)!, NodeFilter.SHOW_TEXT);
        let left = offset;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (left <= node.data.length) return [node, left];
          left -= node.data.length;
        }
        throw new Error(`offset ${offset} is past the text of #${id}`);
      };
      const range = document.createRange();
      range.setStart(...textAt(startId, startOffset));
      range.setEnd(...textAt(endId, endOffset));
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }, [from, to] as [[string, number], [string, number]]);
    return { selected, copied: await page.copy() };
  }

  test('20 copying across a highlight gives the page text and markup, none of ours', async () => {
    const page = await open('20-copy-paste.html');
    try {
      await waitForMarkIn(page, '#q');
      const { selected, copied } = await selectAndCopy(page, ['h', 6], ['after', 10]);
      const html = copied.clipboardHtml ?? copied.eventHtml;
      const plain = copied.clipboardPlain ?? copied.eventPlain;
      expect(plain, 'the plain-text flavour').toBe(selected);
      expect(html, 'the HTML flavour holds the text').toContain('Under the new policy, Anthropic will publish Risk Reports');
      expect(html.match(OUR_MARKUP)?.[0] ?? null, `our markup in the HTML flavour: ${html.slice(0, 400)}`).toBeNull();
      expect(html.length, 'no kilobytes of inline style').toBeLessThan(600);
    } finally {
      await closeQuietly(page);
    }
  });

  test('kind of 20: copying across marks split by <em>/<a> and a flex highlight keeps the page markup', async () => {
    const page = await open('k-copy.html');
    try {
      await waitForMarkIn(page, '#q');
      await waitForMarkIn(page, '#t');
      const { selected, copied } = await selectAndCopy(page, ['h', 0], ['after', 10]);
      const html = copied.clipboardHtml ?? copied.eventHtml;
      expect(copied.clipboardPlain ?? copied.eventPlain).toBe(selected);
      expect(html.match(OUR_MARKUP)?.[0] ?? null, html.slice(0, 400)).toBeNull();
      expect(html).toContain('<em>Anthropic</em>');
      expect(html).toContain('<a href="https://example.org/rr">Risk Reports</a>');
      expect(html).toContain('Frontier Safety Roadmaps');
    } finally {
      await closeQuietly(page);
    }
  });

  // ---- 6. Frames in the popup ----------------------------------------------------------------

  test('popup: names the top frame\'s site, lists the claims of every frame, and its switch acts on the top site', async () => {
    await browser.mapHost('embed.test', server);
    const embedOrigin = `http://embed.test:${new URL(server.origin).port}`;
    const page = await open('frames-top.html', `?embed=${encodeURIComponent(embedOrigin)}`);
    try {
      await waitForMarkIn(page, '#top-claim');
      await waitForFrameClaim(page, '#f-embed', ROADMAPS);
      await waitForFrameClaim(page, '#f-srcdoc', ANNUAL);
      const popup = await browser.popup(page);
      try {
        expect(await popup.host(), await popup.describe()).toBe('127.0.0.1');
        const deadline = Date.now() + 5_000;
        let listed = await popup.claimIds();
        while (listed.length < 3 && Date.now() < deadline) {
          await sleep(200);
          listed = await popup.claimIds();
        }
        expect(listed[0], 'the top frame\'s claim first').toBe(RISK);
        expect([...listed].sort(), await popup.describe()).toEqual([ANNUAL, ROADMAPS, RISK].sort());
        // The history files every frame's quotes under the page read; the other site's frame is named as its embed
        // (a new user's report 56: it was a page of its own in every export).
        // (The profile's history holds the other cases' pages too.)
        const history = (await browser.history()).filter((mention) => /frames-(top|child)\.html/.test(mention.pageUrl));
        const topPage = history.find((mention) => mention.claimId === RISK)?.pageUrl;
        expect(topPage, JSON.stringify(history)).toMatch(/\/pages\/live\/frames-top\.html/);
        expect(history.map(({ claimId, pageUrl, frameUrl }) => ({ claimId, pageUrl, frameUrl })).sort((a, b) => a.claimId.localeCompare(b.claimId))).toEqual(
          [
            { claimId: RISK, pageUrl: topPage, frameUrl: undefined },
            { claimId: ROADMAPS, pageUrl: topPage, frameUrl: `${embedOrigin}/pages/live/frames-child.html` },
            { claimId: ANNUAL, pageUrl: topPage, frameUrl: undefined },
          ].sort((a, b) => a.claimId.localeCompare(b.claimId)),
        );
        expect(new Set(history.map((mention) => mention.pageTitle)), 'the embed\'s quote has the page\'s title').toEqual(new Set(['frames in the popup']));
        expect(await popup.siteToggle()).toBe(true);

        await popup.setSiteToggle(false);
        await waitOrExplain(page, 'the top frame\'s highlights to go', () => document.querySelector('mark.pledge-lens-mark') === null, undefined, 5_000);
        const srcdocGone = async () => (await frameMarkCount(page, '#f-srcdoc')) === 0;
        const deadlineOff = Date.now() + 5_000;
        while (!(await srcdocGone()) && Date.now() < deadlineOff) await sleep(200);
        expect(await frameMarkCount(page, '#f-srcdoc'), 'the srcdoc frame is on the top frame\'s site').toBe(0);
        expect(await frameClaims(page, '#f-embed'), 'the other site\'s frame keeps its highlights').toEqual([ROADMAPS]);
      } finally {
        if ((await popup.siteToggle().catch(() => undefined)) === false) await popup.setSiteToggle(true).catch(() => undefined);
        await popup.close().catch(() => undefined);
      }
      const reopened = await browser.popup(page);
      try {
        expect(await reopened.siteToggle(), 'switched back on').toBe(true);
        await waitForMarkIn(page, '#top-claim', 5_000);
      } finally {
        await reopened.close();
      }
    } finally {
      await closeQuietly(page);
    }
  });
}
