/**
 * Issue 14: a hostile page (pages/attack.html) attacks Pledge Lens with everything its script can do,
 * and gets nothing. Each attack runs as the page's own script (`window.pledgeLensAttack`); what it
 * achieved is then checked with the browser's privileged view of the card (closed-card.ts), which no
 * page has. Written once, run in Chromium and Firefox (attack.*.test.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClosedCardInfo } from './closed-card';
import { sleep, until } from './dynamic-driver';
import { startStaticServer, type StaticServer } from './static-server';

/** The attack steps pages/attack.html defines on `window.pledgeLensAttack`. */
export type AttackStep =
  | 'marks'
  | 'relabelStops'
  | 'stops'
  | 'heardScriptStarted'
  | 'endContentScript'
  | 'dispatchSynthetic'
  | 'dispatchSyntheticOnOthers'
  | 'dispatchClosing'
  | 'readCard'
  | 'rewriteCard'
  | 'disguiseCard'
  | 'coverCard'
  | 'coverCardUnheard'
  | 'viewTransitionOverCard'
  | 'drawOnCard'
  | 'enumerate'
  | 'sweepStyles'
  | 'markLook'
  | 'moveStopToAd'
  | 'cloneStopToAd'
  | 'denyBesideStop'
  | 'focusTaken'
  | 'takenIsMark'
  | 'drawInStops'
  | 'marksIn';

export interface MarkLook {
  decoration: string;
  background: string;
  cursor: string;
}

/** One tab on the attack page. */
export interface AttackTab {
  /** Runs one of the page's attack steps as the page's own script (with `argument`, if the step takes one), returning what it got. */
  attack<R>(step: AttackStep, argument?: string): Promise<R>;
  /** The card as the browser's privileged view sees it. */
  card(): Promise<ClosedCardInfo>;
  /** Moves the real (trusted) pointer onto the first highlight's keyboard stop. */
  hoverFirstHighlight(): Promise<void>;
  /** Types and saves a note in the open card's note editor, if this browser's driver reaches extension frames; false if not. */
  saveNote(text: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface AttackBrowser {
  readonly name: 'Chromium' | 'Firefox';
  /** The extension's `runtime.id` (public: the Firefox add-on id, a store id in Chrome). */
  readonly extensionId: string;
  open(url: string): Promise<AttackTab>;
  close(): Promise<void>;
}

/** Time for a handler that did react to an attack to have opened, moved or closed the card. */
const REACTION_MS = 700;
/** What an id of ours looks like: mention ids are URNs, the bundled claims are named after their actor. */
const ID_SHAPE = /urn:pledge-lens|anthropic-|openai-|google-|meta-|xai-/i;

export function defineAttackPageTests(launch: () => Promise<AttackBrowser>): void {
  let server: StaticServer;
  let browser: AttackBrowser;

  beforeAll(async () => {
    server = await startStaticServer();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The attack page with its two highlights painted. */
  async function openAttackPage(): Promise<AttackTab> {
    const tab = await browser.open(server.page('attack.html'));
    await until(() => tab.attack<number>('stops'), (stops) => stops >= 2, 'two highlights on the attack page');
    return tab;
  }

  /** Opens the first highlight's card for real and returns it as the privileged view reads it. */
  async function openCardForReal(tab: AttackTab): Promise<ClosedCardInfo> {
    await tab.hoverFirstHighlight();
    return until(() => tab.card(), (card) => card.open && card.claimId !== '', 'the card the real pointer opens', 5_000);
  }

  describe('a hostile page gets nothing', () => {
    test('the page cannot switch Pledge Lens off with WXT\'s "content script started" event, nor hear that event\'s name', async () => {
      const tab = await openAttackPage();
      try {
        expect(await tab.attack<string[]>('heardScriptStarted'), 'messages naming our start event that the page heard').toEqual([]);
        const before = await tab.attack<number>('marks');
        await tab.attack<string>('endContentScript', browser.extensionId);
        await sleep(REACTION_MS);
        expect(await tab.attack<number>('marks'), 'our highlights after the page sent the event').toBe(before);
        // Still listening: the real pointer opens the card.
        expect((await openCardForReal(tab)).open).toBe(true);
      } finally {
        await tab.close();
      }
    });

    test('synthetic focusin, mouseover, mousemove and Enter on the highlights open no card', async () => {
      const tab = await openAttackPage();
      try {
        const sent = await tab.attack<number>('dispatchSynthetic');
        expect(sent, 'the page dispatched its events at our highlights').toBeGreaterThan(0);
        await sleep(REACTION_MS);
        expect((await tab.card()).open, 'a card opened for synthetic events').toBe(false);
        // Control: the same highlight does open for the real pointer, so the check above can see a card.
        expect((await openCardForReal(tab)).open).toBe(true);
      } finally {
        await tab.close();
      }
    });

    test('synthetic events neither move an open card to another highlight nor close it', async () => {
      const tab = await openAttackPage();
      try {
        const before = await openCardForReal(tab);
        await tab.attack('dispatchSyntheticOnOthers');
        await tab.attack('dispatchClosing');
        await sleep(REACTION_MS);
        const after = await tab.card();
        expect(after.open, 'synthetic mouseout, focusout or Escape closed the card').toBe(true);
        expect(after.claimId, 'synthetic events on another highlight moved the card').toBe(before.claimId);
        expect(after.mentionId).toBe(before.mentionId);
      } finally {
        await tab.close();
      }
    });

    test('the page reads neither the open card nor the note', async () => {
      const tab = await openAttackPage();
      try {
        const card = await openCardForReal(tab);
        const note = `private note ${Date.now()}`;
        const typed = await tab.saveNote(note);
        const seen = await tab.attack<string>('readCard');
        // The page's haul includes its own text and markup: the attack did run.
        expect(seen).toContain('A page that attacks Pledge Lens');
        expect(seen).not.toContain(card.statement);
        expect(seen).not.toContain(card.claimId);
        expect(seen).not.toContain(card.mentionId);
        expect(seen).not.toContain('note-editor');
        expect(seen).not.toContain('attachShadow succeeded');
        if (typed) expect(seen).not.toContain(note);
        expect(seen).not.toMatch(ID_SHAPE);
      } finally {
        await tab.close();
      }
    });

    test('the page cannot rewrite the card', async () => {
      const tab = await openAttackPage();
      try {
        const before = await openCardForReal(tab);
        const tried = await tab.attack<string[]>('rewriteCard');
        expect(tried, 'the page found our card host to attack').toContain('light DOM');
        await sleep(REACTION_MS);
        const after = await tab.card();
        expect(after.open).toBe(true);
        expect(after.statement).toBe(before.statement);
        expect(after.status).toBe(before.status);
        expect(after.text).not.toContain('PAGE REWROTE THIS');
      } finally {
        await tab.close();
      }
    });

    test('the page can neither hide, cut nor move the open card under a decoy (clickjacking)', async () => {
      const tab = await openAttackPage();
      try {
        const before = await openCardForReal(tab);
        const drawn = await tab.attack<Array<{ opacity: string; clipPath: string; transform: string; top: string; className: string }>>('disguiseCard');
        expect(drawn.length, 'the page found our card host to disguise').toBeGreaterThan(0);
        for (const host of drawn) {
          expect(host).toMatchObject({ opacity: '1', clipPath: 'none', transform: 'none', className: '' });
          expect(host.top).not.toBe('5px');
        }
        const after = await tab.card();
        expect(after.open).toBe(true);
        expect(after.statement).toBe(before.statement);
      } finally {
        await tab.close();
      }
    });

    // A toggle in a shadow root never reaches the document: the early root's is heard in the root, the late
    // one's (made after the card opened) at the watch's next look (attack report 48, finding 2).
    for (const where of ['document', 'early-shadow', 'late-shadow']) {
      test(`a popover the page opens over the open card (${where}) is put under it again, and a page that keeps opening one closes the card`, async () => {
        const tab = await openAttackPage();
        try {
          const before = await openCardForReal(tab);
          const order = await tab.attack<string[]>('coverCard', where);
          // The card is raised over the cover: the last thing opened in the top layer is ours, and it is still the true card.
          expect(order[0]).toBe('cover');
          expect(order.at(-1)).toBe('card');
          const after = await tab.card();
          expect(after.open).toBe(true);
          expect(after.status).toBe(before.status);
        } finally {
          await tab.close();
        }
        const again = await openAttackPage();
        try {
          await openCardForReal(again);
          const order = await again.attack<string[]>('coverCard', `${where} forever`);
          expect(order.filter((what) => what === 'card').length).toBeGreaterThan(0);
          expect((await until(() => again.card(), (card) => !card.open, 'the card to close under a page that keeps covering it')).open).toBe(false);
        } finally {
          await again.close();
        }
      });
    }

    test('a popover open under the card and shown again on top, its toggle swallowed, is found by what the browser draws (Chromium)', async () => {
      const tab = await openAttackPage();
      try {
        await openCardForReal(tab);
        const order = await tab.attack<string[]>('coverCardUnheard');
        expect(order[0]).toBe('cover');
        if (browser.name === 'Chromium') {
          // IntersectionObserver v2 says the card is covered: it is raised over the cover again.
          expect(order.at(-1)).toBe('card');
        } else {
          // Firefox has no IntersectionObserver v2 and the page's event never reaches us: the known gap
          // (lib/match/README's security notes and attack report 49). If this starts failing, Firefox can tell.
          expect(order).toEqual(['cover']);
        }
      } finally {
        await tab.close();
      }
    });

    test('a view transition, drawn above the whole top layer, closes the open card rather than cover it', async () => {
      const tab = await openAttackPage();
      try {
        await openCardForReal(tab);
        const ran = await tab.attack<boolean>('viewTransitionOverCard');
        // In Chromium the watch's look sees the transition and closes the card; failing that, IntersectionObserver v2
        // would find it covered until it closed after its raises. Firefox ESR has no view transitions: the card stays.
        expect((await tab.card()).open).toBe(!ran);
      } finally {
        await tab.close();
      }
    });

    test("the page's CSS draws nothing inside the open card (::before, ::after on the host)", async () => {
      const tab = await openAttackPage();
      try {
        const before = await openCardForReal(tab);
        expect(await tab.attack<string[]>('drawOnCard')).toEqual(['none', 'none']);
        const after = await tab.card();
        expect(after.open).toBe(true);
        expect(after.status).toBe(before.status);
      } finally {
        await tab.close();
      }
    });

    test('words drawn at font-size 0 are not read: a sentence that shows another company\'s name gets no highlight', async () => {
      const tab = await openAttackPage();
      try {
        // The two real highlights are painted (openAttackPage waited for them), and the page has settled.
        await new Promise((resume) => setTimeout(resume, 1_000));
        expect(await tab.attack<number>('marksIn', 'swapped')).toBe(0);
        expect(await tab.attack<number>('marksIn', 'second')).toBeGreaterThan(0);
      } finally {
        await tab.close();
      }
    });

    test('the page cannot list claim or mention ids from the elements we add', async () => {
      const tab = await openAttackPage();
      try {
        const card = await openCardForReal(tab);
        const attributes = await tab.attack<string[]>('enumerate');
        // The marks are there to enumerate (their kind is the styling hook)...
        expect(attributes.some((attribute) => attribute.startsWith('mark[data-claim-kind='))).toBe(true);
        // ...but nothing names a claim, a mention or a statement.
        const all = attributes.join('\n');
        expect(all).not.toContain(card.claimId);
        expect(all).not.toContain(card.mentionId);
        expect(all).not.toContain(card.statement.slice(0, 40));
        expect(all).not.toMatch(ID_SHAPE);
      } finally {
        await tab.close();
      }
    });

    // Attack report 8, finding 2. Focus the page moves by script is trusted (docs/security.md): on the
    // build before the fix, the first two attacks opened our genuine card beside the page's words.
    test('a mark the page moves into its ad and focuses opens no card, then or after repair; the mark is unwrapped there', async () => {
      const tab = await openAttackPage();
      try {
        expect(await tab.attack<boolean>('moveStopToAd'), 'the page moved our keyboard stop and focused it').toBe(true);
        await sleep(REACTION_MS);
        expect((await tab.card()).open, 'the card opened for our mark in the page\'s ad').toBe(false);
        expect(await tab.attack<boolean>('takenIsMark'), 'the moved mark is still ours').toBe(false);
        await tab.attack('focusTaken');
        await sleep(REACTION_MS);
        expect((await tab.card()).open, 'the card opened for the moved mark after repair').toBe(false);
        // Control: our other highlight, where we painted it, still opens for the real pointer.
        expect((await openCardForReal(tab)).open).toBe(true);
      } finally {
        await tab.close();
      }
    });

    test('words the page puts right before a highlight stop it opening the card', async () => {
      const tab = await openAttackPage();
      try {
        expect(await tab.attack<boolean>('denyBesideStop'), 'the page wrote beside our keyboard stop and focused it').toBe(true);
        await sleep(REACTION_MS);
        expect((await tab.card()).open, 'the card opened for our mark beside the page\'s denial').toBe(false);
        expect(await tab.attack<boolean>('takenIsMark'), 'the mark beside the page\'s words is still ours').toBe(false);
      } finally {
        await tab.close();
      }
    });

    test('a clone of our mark in the page\'s ad opens no card; the original still does', async () => {
      const tab = await openAttackPage();
      try {
        expect(await tab.attack<boolean>('cloneStopToAd'), 'the page focused its clone').toBe(true);
        await sleep(REACTION_MS);
        expect((await tab.card()).open, 'the card opened for a clone of our mark').toBe(false);
        expect((await openCardForReal(tab)).open).toBe(true);
      } finally {
        await tab.close();
      }
    });

    test("words the page's CSS would draw inside our highlights (::before) are not drawn; where a more specific rule draws them the card does not open there; without them it opens", async () => {
      const tab = await openAttackPage();
      try {
        expect(await tab.attack<boolean>('drawInStops', 'strong'), "the page's more specific rule draws inside our highlight").toBe(true);
        await tab.hoverFirstHighlight();
        await sleep(REACTION_MS);
        expect((await tab.card()).open, 'the card opened for a highlight the page drew its words into').toBe(false);
        // (A site's accessible-highlight rule, "mark::before { content: ' [highlight start] ' }", is of the weak kind:
        // with it, no card opened at all; a new user's report 58, problem 1.)
        expect(await tab.attack<boolean>('drawInStops', 'weak'), "our rule keeps the page's words out of the highlight").toBe(false);
        expect((await openCardForReal(tab)).open, 'the card opens where the page drew nothing').toBe(true);
        await tab.attack('drawInStops', 'false');
        expect((await openCardForReal(tab)).open).toBe(true);
      } finally {
        await tab.close();
      }
    });

    test("a page that relabels our highlights (their kind, spoken description and class) has them put back (report 57)", async () => {
      const tab = await openAttackPage();
      try {
        const said = await tab.attack<{ kind: string; description: string; className: string } | undefined>('relabelStops');
        expect(said?.kind).not.toBe('no-commitment');
        expect(said?.description ?? '').not.toContain('No commitment');
        expect(said?.className).toBe('pledge-lens-mark');
      } finally {
        await tab.close();
      }
    });

    test('a page-made <style> with our id, or removing ours, does not take the highlight styles away', async () => {
      const tab = await openAttackPage();
      try {
        const styled = (look: MarkLook | undefined): boolean => look !== undefined && look.decoration.includes('underline') && look.cursor === 'help';
        // The page made `<style id="pledge-lens-highlight-style">` before the extension ran.
        const first = await until(() => tab.attack<MarkLook | undefined>('markLook'), styled, 'our highlight styles despite the page-made <style> with our id', 5_000);
        expect(styled(first)).toBe(true);
        const swept = await tab.attack<number>('sweepStyles');
        expect(swept, 'the page found our style element to remove').toBeGreaterThan(0);
        const after = await until(() => tab.attack<MarkLook | undefined>('markLook'), styled, 'our highlight styles put back after the page removed them', 5_000);
        expect(styled(after)).toBe(true);
      } finally {
        await tab.close();
      }
    });
  });
}
