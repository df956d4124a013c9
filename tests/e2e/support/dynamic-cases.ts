import { afterAll, beforeAll, expect, test } from 'vitest';
import { KIND_WORDS } from './claim-set';
import { sleep, waitForCardState, waitOrExplain, type DynamicBrowser, type PageDriver } from './dynamic-driver';
import { identifyHighlights, withIdentities } from './highlight-identity';
import { cardIsClosedNow, cardIsOpenNow, cardSnapshot, centreOf, exists, focusPath, focusSnapshot, lightMarks, markStyle, resetFocus, type CardSnapshot, type FocusSnapshot, type PageGlobals } from './dynamic-probes';
import { startStaticServer, type StaticServer } from './static-server';

const PAUSE = 'anthropic-rsp-pause-pledge';
const RISK_REPORTS = 'anthropic-rsp3-risk-reports';
const ROADMAPS = 'anthropic-rsp3-frontier-safety-roadmaps';
const PAUSE_SENTENCE = 'Anthropic promised in 2023 never to train a model unless it could show in advance that its safeguards were adequate.';
const RISK_SENTENCE = 'Anthropic said it will publish Risk Reports every three to six months, with outside review.';
/** The bound issue 7 sets for late, navigated and re-rendered content. */
const DYNAMIC_BOUND_MS = 3_000;
/** First highlights on a freshly loaded small page; generous, it is not what these tests measure. */
const FIRST_PAINT_MS = 10_000;

/**
 * Issue 7's page behaviours, registered once per browser: the Chromium and Firefox test files call
 * this inside their own describe block with their own launcher, so both run the very same checks.
 */
export function defineDynamicPageTests(launch: () => Promise<DynamicBrowser>): void {
  let server: StaticServer;
  let browser: DynamicBrowser;
  const opened: PageDriver[] = [];

  beforeAll(async () => {
    server = await startStaticServer();
    browser = await launch();
  });

  afterAll(async () => {
    await Promise.all(opened.map((page) => page.close().catch(() => undefined)));
    await browser?.close();
    await server?.close();
  });

  async function open(name: string, query = ''): Promise<PageDriver> {
    const page = await browser.open(`${server.origin}/pages/dynamic/${name}${query}`);
    opened.push(page);
    return page;
  }

  const marksNow = (page: PageDriver) => page.run(lightMarks, undefined);
  const explainMarks = (page: PageDriver) => async () => ({ marks: await marksNow(page), errors: page.errors });
  /** The card as the browser's privileged view reads it (its root is closed to the page). */
  const cardNow = (page: PageDriver) => page.inCard(cardSnapshot);

  /**
   * Our marks with the claim and mention each one's card names (highlight-identity.ts: real focus on
   * keyboard stops, the real pointer on the other elements); `stops` identifies keyboard stops only.
   */
  async function identifiedMarks(page: PageDriver, which: 'all' | 'stops' = 'all') {
    await page.bringToFront();
    const identities = await identifyHighlights(page, { all: which === 'all' });
    const marks = withIdentities(await marksNow(page), identities);
    return which === 'all' ? marks : marks.filter((mark) => identities.some((identity) => identity.index === mark.index));
  }

  async function waitForMarkIn(page: PageDriver, holderSelector: string, timeoutMs: number): Promise<void> {
    await waitOrExplain(page, `a highlight in ${holderSelector}`, (selector) => document.querySelector(`${selector} mark.pledge-lens-mark`) !== null, holderSelector, timeoutMs, explainMarks(page));
  }

  /** Moves the mouse from a neutral corner onto the element, so a fresh mouseover fires. */
  async function hover(page: PageDriver, path: string[]): Promise<void> {
    await page.mouseMove(1, 1);
    const box = await page.run(centreOf, path);
    if (!box) throw new Error(`Nothing to hover at ${path.join(' >> ')}`);
    await page.mouseMove(box.x, box.y);
  }

  async function waitForCard(page: PageDriver, timeoutMs = 5_000): Promise<void> {
    await waitForCardState(page, 'the claim card to open', cardIsOpenNow, timeoutMs, () => cardNow(page));
  }

  async function waitForCardClosed(page: PageDriver, timeoutMs = 5_000): Promise<void> {
    await waitForCardState(page, 'the claim card to close', cardIsClosedNow, timeoutMs, () => cardNow(page));
  }

  /** Presses Tab from the top of the page until a highlight has focus, as a keyboard user would. */
  async function tabToHighlight(page: PageDriver, maxPresses = 12): Promise<FocusSnapshot> {
    for (let presses = 0; presses < maxPresses; presses++) {
      await page.press('Tab');
      const focus = await page.run(focusSnapshot, undefined);
      if (focus.isHighlight) return focus;
    }
    throw new Error(`No highlight got focus after ${maxPresses} Tab presses; focus is on <${(await page.run(focusSnapshot, undefined)).tag}>`);
  }

  async function closeQuietly(page: PageDriver): Promise<void> {
    await page.close().catch(() => undefined);
  }

  test('content appended after load is highlighted within 3 s', async () => {
    const page = await open('appended.html');
    try {
      await waitOrExplain(page, 'the page to append #late', () => document.getElementById('late') !== null, undefined, 5_000);
      await waitForMarkIn(page, '#late', DYNAMIC_BOUND_MS + 1_000);
      const timing = await page.run(() => ({ appendedAt: (window as unknown as PageGlobals).__appendedAt ?? Number.NaN, markedAt: (window as unknown as PageGlobals).__marksSeen.find((m) => m.holder === 'late')?.at ?? Number.NaN }), undefined);
      expect(timing.markedAt - timing.appendedAt, `ms from append to highlight (page clock): ${JSON.stringify(timing)}`).toBeLessThan(DYNAMIC_BOUND_MS);
      const late = (await identifiedMarks(page)).filter((mark) => mark.holder === 'late');
      expect([...new Set(late.map((mark) => mark.claimId))]).toEqual([RISK_REPORTS]);
      expect(page.errors).toEqual([]);
    } finally {
      await closeQuietly(page);
    }
  });

  test('SPA navigation: the old article leaves no highlight, the new one is highlighted within 3 s', async () => {
    const page = await open('spa.html');
    try {
      await waitForMarkIn(page, '#one-claim', FIRST_PAINT_MS);
      expect([...new Set((await identifiedMarks(page)).map((mark) => mark.claimId))]).toEqual([PAUSE]);

      const button = await page.run(centreOf, ['#next']);
      await page.mouseClick(button!.x, button!.y);
      await waitOrExplain(page, 'the pushState navigation', () => location.pathname.endsWith('/spa-story-two'), undefined, 2_000);
      await waitForMarkIn(page, '#two-claim', DYNAMIC_BOUND_MS + 1_000);
      const timing = await page.run(() => ({ navigatedAt: (window as unknown as PageGlobals).__navigatedAt ?? Number.NaN, markedAt: (window as unknown as PageGlobals).__marksSeen.find((m) => m.holder === 'two-claim')?.at ?? Number.NaN }), undefined);
      expect(timing.markedAt - timing.navigatedAt, `ms from navigation to highlight (page clock): ${JSON.stringify(timing)}`).toBeLessThan(DYNAMIC_BOUND_MS);

      // WXT notices the URL change by polling about once a second, and the annotator then resets:
      // what matters is the state after that, which must hold the new article only.
      await sleep(2_500);
      await waitForMarkIn(page, '#two-claim', DYNAMIC_BOUND_MS);
      const marks = await identifiedMarks(page);
      expect([...new Set(marks.map((mark) => mark.claimId))], JSON.stringify(marks)).toEqual([RISK_REPORTS]);
      expect(new Set(marks.map((mark) => mark.mentionId)).size, 'one mention of the new claim').toBe(1);
      expect(marks.every((mark) => mark.holder === 'two-claim')).toBe(true);

      const state = await browser.tabState(page);
      expect(state.topUrl).toMatch(/\/spa-story-two$/);
      expect(state.claims.map((claim) => [claim.claimId, claim.mentions]), 'what the content script reports to the popup').toEqual([[RISK_REPORTS, 1]]);
      expect(page.errors).toEqual([]);
    } finally {
      await closeQuietly(page);
    }
  });

  test('SPA navigation that updates text nodes in place: the page shows the new story only, highlighted', async () => {
    const page = await open('spa-text-update.html');
    try {
      await waitForMarkIn(page, '#lead', FIRST_PAINT_MS);
      const button = await page.run(centreOf, ['#next']);
      await page.mouseClick(button!.x, button!.y);
      await waitOrExplain(page, 'the pushState navigation', () => location.pathname.endsWith('/spa-text-story-two'), undefined, 2_000);
      await sleep(DYNAMIC_BOUND_MS);
      const lead = await page.run(() => document.getElementById('lead')?.textContent ?? '', undefined);
      // The framework set its text node to the new story; the old story's words must not linger in the page.
      expect(lead, 'the lead paragraph as the reader sees it after navigation').toBe(`Update: ${RISK_SENTENCE}`);
      const marks = (await identifiedMarks(page)).filter((mark) => mark.holder === 'lead');
      expect(marks.length, 'the new story is highlighted').toBeGreaterThan(0);
      expect([...new Set(marks.map((mark) => mark.claimId))]).toEqual([RISK_REPORTS]);
    } finally {
      await closeQuietly(page);
    }
  });

  test("framework re-render: the page's own script keeps working and raises no error", async () => {
    const page = await open('rerender.html');
    try {
      await waitOrExplain(page, 'the page to re-render its story 1.5 s after load', () => (window as unknown as PageGlobals).__renders.length >= 1, undefined, 6_000);
      const before = await page.run(() => ({ ticks: (window as unknown as PageGlobals).__ticks, shown: document.getElementById('counter')?.textContent ?? '' }), undefined);
      await sleep(700);
      const after = await page.run(() => ({ ticks: (window as unknown as PageGlobals).__ticks, shown: document.getElementById('counter')?.textContent ?? '', paragraphs: document.querySelectorAll('#claim-p').length, text: document.getElementById('claim-p')?.textContent ?? '' }), undefined);
      expect(after.ticks, 'the page timer kept running').toBeGreaterThan(before.ticks + 3);
      expect(after.shown, 'the counter shows the timer value').toBe(String(after.ticks));
      expect(after.paragraphs).toBe(1);
      expect(after.text).toBe(PAUSE_SENTENCE);
      expect(page.errors).toEqual([]);
    } finally {
      await closeQuietly(page);
    }
  });

  test('framework re-render: the fresh paragraph is highlighted again within 3 s', async () => {
    const page = await open('rerender.html');
    try {
      await waitOrExplain(page, 'the page to re-render its story 1.5 s after load', () => (window as unknown as PageGlobals).__renders.length >= 1, undefined, 6_000);
      const render = await page.run(() => (window as unknown as PageGlobals).__renders[0]!, undefined);
      expect(render.oldHadMark, 'the replaced paragraph had been highlighted (else this test proves nothing about re-highlighting)').toBe(true);
      await waitOrExplain(page, 'a highlight in the re-rendered paragraph', () => document.querySelector('#claim-p[data-render="1"] mark.pledge-lens-mark') !== null, undefined, DYNAMIC_BOUND_MS + 1_000, explainMarks(page));
      const markedAt = await page.run((renderAt) => (window as unknown as PageGlobals).__marksSeen.find((m) => m.holder === 'claim-p' && m.at >= renderAt)?.at ?? Number.NaN, render.at);
      expect(markedAt - render.at, 'ms from re-render to highlight (page clock)').toBeLessThan(DYNAMIC_BOUND_MS);
      expect((await identifiedMarks(page)).map((mark) => mark.claimId)).toContain(PAUSE);
    } finally {
      await closeQuietly(page);
    }
  });

  test('framework re-render: no card stays open for a highlight the page removed', async () => {
    const page = await open('rerender.html', '?auto=off');
    try {
      await waitForMarkIn(page, '#claim-p', FIRST_PAINT_MS);
      // The page's only claim is the pause pledge (what its frame reports), so any highlight left in
      // the page is one of the card's claim: marks carry no claim id any more to count them by.
      expect((await browser.tabState(page)).claims.map((claim) => claim.claimId)).toEqual([PAUSE]);
      await hover(page, ['#claim-p', 'mark.pledge-lens-mark[tabindex="0"]']);
      await waitForCard(page);
      expect((await cardNow(page)).claimId).toBe(PAUSE);
      // Re-render while the pointer rests on the highlight, then look at the card twice: before any
      // rescan could repaint (only the removed mark could be its anchor then), and after. Each look
      // reads the card and the page's marks at the same moment.
      await page.run(() => (window as unknown as PageGlobals).__rerender(), undefined);
      await sleep(150);
      const soon = await cardNow(page);
      expect(!soon.open || soon.marksInPage > 0, `card open with no highlight of its claim left in the page: ${JSON.stringify(soon)}`).toBe(true);
      await sleep(1_000);
      const later = await cardNow(page);
      expect(!later.open || later.marksInPage > 0, `card open with no highlight of its claim left in the page: ${JSON.stringify(later)}`).toBe(true);
      expect(page.errors).toEqual([]);
    } finally {
      await closeQuietly(page);
    }
  });

  test('editable regions, code and SVG text: no highlight inside, content byte-identical, typing untouched', async () => {
    const page = await open('editable.html');
    try {
      // The control paragraph proves the extension ran on this page.
      await waitForMarkIn(page, '#control', FIRST_PAINT_MS);
      const typed = await page.run(centreOf, ['#typed-editor']);
      await page.mouseClick(typed!.x, typed!.y);
      await page.type(PAUSE_SENTENCE);
      // Longer than the rescan debounce plus a scan: typing must not be wrapped in marks afterwards either.
      await sleep(1_500);
      const result = await page.run(() => {
        const regions: Record<string, { marks: number; sameHtml: boolean; sameValue: boolean }> = {};
        for (const [id, original] of Object.entries((window as unknown as PageGlobals).__originals)) {
          const element = document.getElementById(id) as (HTMLElement & { value?: string }) | null;
          regions[id] = {
            marks: element?.querySelectorAll('mark').length ?? -1,
            sameHtml: element?.outerHTML === original.html,
            sameValue: (element && 'value' in element ? (element.value ?? null) : null) === original.value,
          };
        }
        const typedEditor = document.getElementById('typed-editor')!;
        return {
          regions,
          typed: { marks: typedEditor.querySelectorAll('mark').length, text: typedEditor.textContent ?? '' },
        };
      }, undefined);
      const pauseMarks = (await identifiedMarks(page)).filter((mark) => mark.claimId === PAUSE).length;
      for (const [id, region] of Object.entries(result.regions)) expect(region, id).toEqual({ marks: 0, sameHtml: true, sameValue: true });
      expect(Object.keys(result.regions).sort()).toEqual(['chart', 'draft', 'empty-attr-editor', 'headline', 'inline-code', 'plain-editor', 'preformatted', 'rich-editor']);
      expect(result.typed).toEqual({ marks: 0, text: PAUSE_SENTENCE });
      expect(pauseMarks, 'the pause-pledge sentence appears only in places that must stay unmarked').toBe(0);
      expect(page.errors).toEqual([]);
    } finally {
      await closeQuietly(page);
    }
  });

  test('open shadow roots, nested too: highlighted inside, with the kind-specific underline', async () => {
    const page = await open('shadow.html');
    try {
      await waitForMarkIn(page, '#control', FIRST_PAINT_MS);
      const binding = ['#binding-quote', 'mark.pledge-lens-mark'];
      const announced = ['#outer-card', '#inner-quote', 'mark.pledge-lens-mark'];
      await waitOrExplain(page, 'highlights in both shadow roots', (paths) => paths.every((path) => {
        let root: ParentNode | null = document;
        let element: Element | null = null;
        for (const selector of path) {
          element = root?.querySelector(selector) ?? null;
          root = element?.shadowRoot ?? element;
        }
        return element !== null;
      }), [binding, announced], 5_000, async () => ({ binding: await page.run(exists, binding), announced: await page.run(exists, announced), light: await marksNow(page) }));

      // Each shadow root's highlights: their kind from the marks, their claim from the card each
      // keyboard stop opens on real focus (closed to the page, read through the privileged view).
      const claimsIn = async (path: string[]): Promise<string[]> => {
        const kinds = await page.run((steps) => {
          let root: ParentNode | null = document;
          for (const selector of steps) root = root?.querySelector(selector)?.shadowRoot ?? null;
          return [...(root?.querySelectorAll<HTMLElement>('mark.pledge-lens-mark') ?? [])].map((mark) => ({ kind: mark.dataset.claimKind ?? '', stop: mark.tabIndex === 0 }));
        }, path);
        const found: string[] = [];
        for (const [index, mark] of kinds.entries()) {
          if (!mark.stop) continue;
          await waitForCardClosed(page);
          const focused = await page.run(([steps, at]) => {
            let root: ParentNode | null = document;
            for (const selector of steps) root = root?.querySelector(selector)?.shadowRoot ?? null;
            const target = root?.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')[at];
            target?.focus({ preventScroll: true });
            return target !== undefined && (root as ShadowRoot).activeElement === target;
          }, [path, index] as [string[], number]);
          expect(focused, `focus on the highlight ${index} in ${path.join(' >> ')}`).toBe(true);
          await waitForCard(page);
          found.push(`${(await cardNow(page)).claimId}/${mark.kind}`);
          // Blur the mark itself (blurring its shadow host does not, in Firefox): the card closes.
          await page.run((steps) => {
            let root: ParentNode | null = document;
            for (const selector of steps) root = root?.querySelector(selector)?.shadowRoot ?? null;
            ((root as ShadowRoot | null)?.activeElement as HTMLElement | null)?.blur();
          }, path);
          await page.run(resetFocus, undefined);
        }
        // Every element of a root's highlights has its kind; each root holds one mention here.
        expect(new Set(kinds.map((mark) => mark.kind)).size, `one kind in ${path.join(' >> ')}`).toBe(1);
        return [...new Set(found)];
      };
      await page.bringToFront();
      expect({ inner: await claimsIn(['#binding-quote']), nested: await claimsIn(['#outer-card', '#inner-quote']) }).toEqual({ inner: [`${PAUSE}/binding-commitment`], nested: [`${ROADMAPS}/announced-target`] });

      const solid = await page.run(markStyle, binding);
      const dashed = await page.run(markStyle, announced);
      expect(solid, 'binding commitment inside a shadow root').toMatchObject({ display: 'inline', visibility: 'visible', decorationStyle: 'solid' });
      expect(solid!.decorationLine).toContain('underline');
      expect(dashed, 'announced target inside a nested shadow root').toMatchObject({ display: 'inline', visibility: 'visible', decorationStyle: 'dashed' });
      expect(dashed!.decorationLine).toContain('underline');

      await waitForCardClosed(page);
      await hover(page, binding);
      await waitForCard(page);
      expect((await cardNow(page)).claimId).toBe(PAUSE);
      expect((await identifiedMarks(page)).map((mark) => mark.claimId)).toEqual([ROADMAPS]);
    } finally {
      await closeQuietly(page);
    }
  });

  /** Opens the hostile-CSS page, checks its highlight survives the page's rules, and opens the card by keyboard. */
  async function openHostileCard(): Promise<{ page: PageDriver; card: CardSnapshot }> {
    const page = await open('hostile-css.html');
    await waitForMarkIn(page, '#claim', FIRST_PAINT_MS);
    await page.run(resetFocus, undefined);
    const focus = await tabToHighlight(page);
    expect(focus.holder).toBe('claim');
    await waitForCard(page);
    const card = await cardNow(page);
    expect(card.claimId).toBe(PAUSE);
    return { page, card };
  }

  test('hostile page CSS: highlights stay displayed and underlined; the keyboard-opened card is rendered', async () => {
    const { page, card } = await openHostileCard();
    try {
      const style = await page.run(markStyle, ['#claim', 'mark.pledge-lens-mark']);
      expect(style).toMatchObject({ display: 'inline', visibility: 'visible', opacity: '1' });
      expect(style!.decorationLine).toContain('underline');
      expect(style!.width * style!.height, 'the mark has a rendered box').toBeGreaterThan(0);
      expect(card.box!.width * card.box!.height, `card box ${JSON.stringify(card.box)}`).toBeGreaterThan(0);
    } finally {
      await closeQuietly(page);
    }
  });

  test('hostile page CSS: the keyboard-opened card is on screen and above the page overlay', async () => {
    const { page, card } = await openHostileCard();
    try {
      const host = await page.run(() => {
        const style = getComputedStyle(document.querySelector('pledge-lens-card')!);
        return { position: style.position, zIndex: style.zIndex };
      }, undefined);
      // A card the reader cannot see is no card: it must be inside the viewport and topmost at its centre.
      expect(card.inViewport, `card must be on screen: box ${JSON.stringify(card.box)}, host ${JSON.stringify(host)}`).toBe(true);
      expect(card.onTop, `the card, not the page overlay, must be topmost at its centre; host ${JSON.stringify(host)}`).toBe(true);
    } finally {
      await closeQuietly(page);
    }
  });

  test('forged marks (static, and a copy of a real one with its mention id) get no card on hover or focus', async () => {
    const page = await open('forged.html');
    try {
      await waitForMarkIn(page, '#real', FIRST_PAINT_MS);
      await waitOrExplain(page, 'the page to forge a copy of the real mark', () => document.getElementById('forged-copy') !== null, undefined, 3_000);
      const copied = await page.run(() => {
        const real = document.querySelector<HTMLElement>('#real mark.pledge-lens-mark[tabindex="0"]')!;
        const forged = document.getElementById('forged-copy')!;
        return [...real.attributes].filter((attribute) => attribute.name !== 'id').every((attribute) => forged.getAttribute(attribute.name) === attribute.value);
      }, undefined);
      expect(copied, 'the copy carries every attribute of the real mark (no ids are left in them to copy)').toBe(true);

      // Control: a real highlight does open its card here.
      await hover(page, ['#real', 'mark.pledge-lens-mark[tabindex="0"]']);
      await waitForCard(page);
      await page.mouseMove(1, 1);
      await waitForCardClosed(page);

      const holders: Record<string, string> = { 'forged-static': 'static-holder', 'forged-copy': 'late-holder' };
      for (const id of Object.keys(holders)) {
        await hover(page, [`#${id}`]);
        await sleep(1_200);
        expect(await page.inCard(cardIsOpenNow), `card after hovering #${id}`).toBe(false);
        await page.mouseMove(1, 1);
        expect(await page.run(focusPath, [`#${id}`])).toBe(true);
        await sleep(800);
        expect(await page.inCard(cardIsOpenNow), `card after focusing #${id}`).toBe(false);
        expect(await page.run(focusSnapshot, undefined), 'focus is on the forged mark').toMatchObject({ tag: 'mark', holder: holders[id] });
      }
      const state = await browser.tabState(page);
      expect(state.claims.map((claim) => [claim.claimId, claim.mentions]), 'forged marks are not counted').toEqual([[RISK_REPORTS, 1]]);
    } finally {
      await closeQuietly(page);
    }
  });

  test('keyboard: Tab reaches each highlight, focus opens its card, Escape closes it and keeps focus', async () => {
    const page = await open('keyboard.html');
    try {
      await waitForMarkIn(page, '#binding', FIRST_PAINT_MS);
      await waitForMarkIn(page, '#target', FIRST_PAINT_MS);
      await page.run(resetFocus, undefined);
      const expected = [
        { holder: 'binding', claimId: PAUSE, kind: 'binding-commitment' },
        { holder: 'target', claimId: ROADMAPS, kind: 'announced-target' },
      ];
      for (const want of expected) {
        const focus = await tabToHighlight(page);
        expect(focus.holder, 'highlights are reached in reading order').toBe(want.holder);
        const mark = (await marksNow(page))[focus.markIndex];
        expect(mark).toMatchObject({ kind: want.kind, role: 'button', tabIndex: 0 });
        // Named by its words (no aria-label of ours), described by its kind.
        expect(mark!.ariaLabel).toBeNull();
        expect(mark!.ariaDescription?.startsWith(KIND_WORDS[want.kind]!), `aria-description "${mark!.ariaDescription}"`).toBe(true);

        // The card focus opened names the claim (and the page's only mention of it in this paragraph).
        await waitForCard(page);
        const card = await cardNow(page);
        expect({ claimId: card.claimId, kindLabel: card.kindLabel }).toEqual({ claimId: want.claimId, kindLabel: KIND_WORDS[want.kind] });

        await page.press('Escape');
        await waitForCardClosed(page, 2_000);
        const after = await page.run(focusSnapshot, undefined);
        expect({ isHighlight: after.isHighlight, markIndex: after.markIndex }, 'focus stays on the highlight').toEqual({ isHighlight: true, markIndex: focus.markIndex });
        await sleep(300);
        expect(await page.inCard(cardIsOpenNow), 'the card stays closed while focus rests on the highlight').toBe(false);
      }
    } finally {
      await closeQuietly(page);
    }
  });

  test('toggle-highlighting message: highlights go and come back, text unchanged, announced', async () => {
    const page = await open('toggle.html');
    try {
      await waitForMarkIn(page, '#binding', FIRST_PAINT_MS);
      await waitForMarkIn(page, '#target', FIRST_PAINT_MS);
      const stopsBefore = await identifiedMarks(page, 'stops');
      expect(stopsBefore.filter((mark) => mark.mentionId === ''), 'every keyboard stop opens its mention\'s card').toEqual([]);
      const mentionsBefore = new Set(stopsBefore.map((mark) => mark.mentionId)).size;

      expect(await browser.sendToTab(page, { type: 'toggle-highlighting' })).toEqual({ ok: true, enabled: false });
      await waitOrExplain(page, 'every highlight to go', () => document.querySelectorAll('mark').length === 0, undefined, 5_000, explainMarks(page));
      const off = await page.run(() => ({ sameBody: document.body.innerHTML === (window as unknown as PageGlobals).__originalBody, sameText: document.body.innerText === (window as unknown as PageGlobals).__originalText }), undefined);
      expect(off, 'the page as served').toEqual({ sameBody: true, sameText: true });
      await waitForCardState(page, 'the "off" announcement', (root) => root?.querySelector('[aria-live]')?.textContent === 'Pledge Lens highlights off', 2_000, () => cardNow(page));

      expect(await browser.sendToTab(page, { type: 'toggle-highlighting' })).toEqual({ ok: true, enabled: true });
      await waitForMarkIn(page, '#binding', 5_000);
      await waitForMarkIn(page, '#target', 5_000);
      await waitForCardState(page, 'the "on" announcement', (root) => root?.querySelector('[aria-live]')?.textContent === 'Pledge Lens highlights on', 2_000, () => cardNow(page));
      expect(new Set((await identifiedMarks(page, 'stops')).map((mark) => mark.mentionId)).size).toBe(mentionsBefore);
      expect(await page.run(() => document.body.innerText === (window as unknown as PageGlobals).__originalText, undefined), 'highlighting changes no text').toBe(true);
    } finally {
      await closeQuietly(page);
    }
  });

  test('large page (200,000 nodes, 100,000 words): highlighted within 20 s while the page keeps ticking', async () => {
    const page = await open('large.html');
    try {
      const size = await page.run(() => {
        let nodes = 0;
        const walker = document.createTreeWalker(document.body);
        while (walker.nextNode()) nodes++;
        return { nodes, words: (document.body.textContent ?? '').split(/\s+/).filter(Boolean).length };
      }, undefined);
      expect(size.nodes).toBeGreaterThanOrEqual(200_000);
      expect(size.words).toBeGreaterThanOrEqual(100_000);
      await waitForMarkIn(page, '#claim', 20_000);
      const run = await page.run(() => {
        // From the moment the page was built (Pledge Lens adds nothing to the page before it paints) to the first mark.
        const { builtAt, markAt } = (window as unknown as { __timeline: { builtAt: number; markAt: number | null } }).__timeline;
        const ticks = (window as unknown as { __ticks: number[] }).__ticks.filter((at) => markAt !== null && at >= builtAt && at <= markAt);
        let longestGap = 0;
        for (let i = 1; i < ticks.length; i++) longestGap = Math.max(longestGap, ticks[i]! - ticks[i - 1]!);
        return { builtAt, markAt, ticks: ticks.length, longestGap: Math.round(longestGap) };
      }, undefined);
      console.info(`[${browser.name}] large page: built to first highlight ${Math.round((run.markAt ?? 0) - run.builtAt)} ms, ${run.ticks} ticks of a 50 ms timer meanwhile, longest gap ${run.longestGap} ms`);
      expect(run.markAt, 'Pledge Lens highlighted the page').not.toBeNull();
      expect(run.ticks, `the page's timer ticked while Pledge Lens worked: ${JSON.stringify(run)}`).toBeGreaterThanOrEqual(3);
      expect((await identifiedMarks(page)).map((mark) => mark.claimId)).toEqual([RISK_REPORTS]);
    } finally {
      await closeQuietly(page);
    }
  });
}
