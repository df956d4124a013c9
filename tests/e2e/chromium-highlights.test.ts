import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ArticlePage, HIGHLIGHT } from './support/article-page';
import { accessibilityTree } from './support/ax-tree';
import { listHighlightCells, listHighlightWords } from './support/dom-probes';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium';
import { bundledKind, highlightDescription, KIND_WORDS } from './support/claim-set';
import { allowedClaims, requiredClaims } from './support/gold';
import { REPO_ROOT } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';

/** Pictures of what the tests check, looked at by hand. */
const SHOTS = resolve(REPO_ROOT, 'test-results', 'highlights');

let server: StaticServer;
let browser: ChromiumWithExtension;
const opened: ArticlePage[] = [];

/** Each highlight's kind and words, in document order (its marks' text from its keyboard stop on). */
const highlightWords = (article: ArticlePage) => article.page.evaluate(listHighlightWords);

async function openArticle(url: string): Promise<ArticlePage> {
  const article = await ArticlePage.open(browser.context, url);
  opened.push(article);
  return article;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startStaticServer();
  browser = await launchChromiumWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Chromium: a table read by rows', () => {
  test("each row's rule is its own company's claim, highlighted in the rule's cell, though the cell names neither company nor document; a Commitment column's first cells are statements", async () => {
    const article = await openArticle(server.page('table-rows.html'));
    await article.page.waitForFunction(() => document.querySelectorAll('td mark.pledge-lens-mark[tabindex="0"]').length >= 5, undefined, { timeout: 15_000 });
    const mentions = await article.mentions();
    const cells = await article.page.evaluate(listHighlightCells);
    expect(mentions.map((mention, i) => ({ claim: mention.claimId, ...cells[i] }))).toEqual([
      { claim: 'meta-frontier-ai-framework-stop-development', row: 'Meta', column: 3 },
      { claim: 'microsoft-frontier-governance-pause', row: 'Microsoft', column: 3 },
      { claim: 'openai-preparedness-high-safeguards-before-deployment', row: 'OpenAI', column: 3 },
      { claim: 'anthropic-asl4-evals-before-asl3-training', row: 'Define ASL-4 evaluations before training ASL-3 models', column: 0 },
      { claim: 'anthropic-rsp-pause-pledge', row: 'Pause scaling or delay deployment if safeguards lag capabilities', column: 0 },
    ]);
    await article.page.screenshot({ path: resolve(SHOTS, 'chromium-table-rows.png') });
    await article.close();
  });
});

describe('Chromium: what a screen reader reads (the accessibility tree)', () => {
  const HEADLINE = 'If you can’t beat them: Anthropic scales back on AI safety pledge';

  test('a highlighted headline keeps its name; each highlight is a button named by all its words and described by its kind', async () => {
    const article = await openArticle(server.page('highlighted-headline.html'));
    // The last of the page's three highlights: a sentence across a link.
    await article.waitForHighlights('article p a mark.pledge-lens-mark');
    const stops = (await article.highlights()).filter((highlight) => highlight.tabIndex === 0);
    expect(stops.map((stop) => stop.kind)).toEqual(['binding-commitment', 'binding-commitment', 'binding-commitment']);
    const tree = await accessibilityTree(article.page);
    expect(tree.filter((node) => node.role === 'heading' && node.level === 1).map((node) => node.name), 'the h1, as a heading list shows it').toEqual([HEADLINE]);
    // (Chromium keeps a name's edge whitespace, which no screen reader speaks.)
    const buttons = tree.filter((node) => node.role === 'button' && node.description.includes('(Pledge Lens)')).map((node) => ({ ...node, name: node.name.trim() }));
    // Each button's name is the words of its whole highlight (for the sentence across a link, all of
    // it, not the words up to the link), the page's words as they read without Pledge Lens.
    const words = await highlightWords(article);
    // The headline and the sentence after it state the withdrawn pause pledge: described as no longer holding; the Risk Reports are in force.
    expect(words.map(({ ended }) => ended)).toEqual([true, true, false]);
    expect(buttons).toEqual(words.map(({ kind, ended, text }) => ({ role: 'button', name: text, description: highlightDescription(kind, ended) })));
    expect(buttons.map((button) => button.name)).toEqual([HEADLINE, expect.stringMatching(/^The move scraps the promise not to release AI models/), expect.stringMatching(/^Instead, Anthropic will publish Risk Reports every three to six months/)]);
    expect(tree.filter((node) => node.role === 'link').map((node) => node.name)).toContain('Risk Reports every three to six months');
    // No highlight is named by our label any more, so no node is.
    expect(tree.filter((node) => node.name.includes('Pledge Lens'))).toEqual([]);
    await article.close();
  });

  test('a highlight split by a bold section label: one keyboard stop, named by the whole sentence, which is read once', async () => {
    const article = await openArticle(server.page('section-label.html'));
    await article.waitForHighlights('article p strong mark.pledge-lens-mark');
    const [highlight] = await highlightWords(article);
    expect(highlight?.text).toMatch(/^Context: OpenAI's updated Preparedness Framework says it may adjust its safeguards .*comparable ones\.?$/);
    const stops = (await article.highlights()).filter((mark) => mark.tabIndex === 0);
    expect(stops, 'one keyboard stop').toHaveLength(1);
    // Tab reaches it: its name is the sentence with its label, its description what it is.
    await article.tabToFirstHighlight();
    const tree = await accessibilityTree(article.page);
    const buttons = tree.filter((node) => node.role === 'button' && node.description.includes('(Pledge Lens)'));
    expect(buttons.map((node) => ({ ...node, name: node.name.trim() }))).toEqual([{ role: 'button', name: highlight!.text, description: 'Announced target (Pledge Lens): press Enter for details' }]);
    // Reading on, the sentence is not heard again after the button: no text node outside it repeats it.
    expect(tree.filter((node) => node.role === 'StaticText' && node.name.includes('Preparedness Framework says')), 'the sentence read a second time').toEqual([]);
    await article.page.screenshot({ path: resolve(SHOTS, 'chromium-section-label-focus.png') });
    await article.close();
  });
});

describe('Chromium: highlights on fixture articles', () => {
  test.each(['bullet-list-what-changed.html', 'inline-markup-split.html'])('%s: highlights carry the gold claims and their kinds', async (file) => {
    const article = await openArticle(server.article(file));
    await article.waitForHighlights();
    // Each element's claim and mention as its card names them (the page's DOM no longer says).
    const highlights = await article.identifiedHighlights();
    const found = new Set(highlights.map((h) => h.claimId));

    for (const claim of requiredClaims(file)) expect(found, `required claim ${claim} not highlighted`).toContain(claim);
    const allowed = allowedClaims(file);
    expect([...found].filter((claim) => !allowed.has(claim)), 'claims gold.json does not list for this file').toEqual([]);

    for (const highlight of highlights) {
      expect(highlight.kind, `kind of ${highlight.claimId}`).toBe(bundledKind(highlight.claimId));
      expect(highlight.mentionId).not.toBe('');
      expect(highlight.text.trim()).not.toBe('');
    }
    await article.close();
  });

  test('inline markup: one mention split over several elements keeps one keyboard stop', async () => {
    const article = await openArticle(server.article('inline-markup-split.html'));
    await article.highlightOf('anthropic-rsp-pause-pledge');
    const highlights = await article.identifiedHighlights();
    const byMention = new Map<string, typeof highlights>();
    for (const highlight of highlights) byMention.set(highlight.mentionId, [...(byMention.get(highlight.mentionId) ?? []), highlight]);
    const split = [...byMention.values()].filter((elements) => elements.length > 1);
    expect(split.length, 'a mention crossing <strong>/<em> should be painted as several marks').toBeGreaterThan(0);
    for (const elements of byMention.values()) {
      expect(elements.filter((h) => h.tabIndex === 0)).toHaveLength(1);
      expect(elements[0]!.tabIndex).toBe(0);
    }
    await article.close();
  });

  test('highlighting changes no text and no form field of the page', async () => {
    const article = await openArticle(server.article('bullet-list-what-changed.html'));
    await article.waitForHighlights();
    const original = await article.originalSnapshot();
    const current = await article.currentSnapshot();
    expect(original.innerText.length).toBeGreaterThan(500);
    expect(current.innerText).toBe(original.innerText);
    expect(current.textContent).toBe(original.textContent);
    expect(current.fieldValues).toEqual(original.fieldValues);
    await article.close();
  });

  test('nothing is highlighted in hidden elements, textareas, contenteditable or templates (own page)', async () => {
    const article = await openArticle(server.page('hidden-and-editable.html'));
    // The visible copy is the control: it proves the extension ran on this page.
    await article.waitForHighlights(`#visible ${HIGHLIGHT}`);
    expect(await article.misplacedHighlights()).toEqual([]);
    const mentions = await article.mentions();
    expect(mentions.map((m) => m.claimId)).toEqual(['anthropic-rsp3-risk-reports']);
    const fields = await article.page.evaluate(() => ({
      draft: (document.getElementById('draft') as HTMLTextAreaElement).value,
      editorMarks: document.querySelectorAll('#editor mark').length,
      templateMarks: document.querySelector('template')!.content.querySelectorAll('mark').length,
    }));
    expect(fields).toEqual({ draft: expect.stringMatching(/^Anthropic says it will publish Risk Reports/), editorMarks: 0, templateMarks: 0 });
    await article.close();
  });

  test.each(['spun-pentagon-standoff.html', 'inline-markup-split.html', 'bullet-list-what-changed.html'])('%s: no highlight in hidden or editable text', async (file) => {
    const article = await openArticle(server.article(file));
    await article.waitForHighlights();
    expect(await article.misplacedHighlights()).toEqual([]);
    await article.close();
  });
});

describe('Chromium: claim cards', () => {
  test('hovering the withdrawn pause pledge shows a binding-commitment card with its status date', async () => {
    const article = await openArticle(server.article('bullet-list-what-changed.html'));
    await article.waitForHighlights();
    const stop = await article.highlightOf('anthropic-rsp-pause-pledge');
    expect(await article.card()).toBeUndefined();
    await article.page.mouse.move(1, 1);
    await article.markAt(stop).hover();
    const card = await article.waitForCard();
    expect(card.claimId).toBe('anthropic-rsp-pause-pledge');
    expect(card.kindLabel).toBe('Binding commitment');
    // The verdict in plain words, its date as the popup writes it; a categorical pledge binds by its maker's word.
    expect(card.statusDate).toBe('2026-02-24');
    expect(card.status).toBe('withdrawn on 24 Feb 2026');
    expect(card.verdict).toBe('Binding commitment (self-imposed), withdrawn on 24 Feb 2026: Anthropic no longer pledges to do this.');
    expect(card.actor).toMatch(/Anthropic/);
    expect(card.statement.length).toBeGreaterThan(20);
    expect(card.sources.length).toBeGreaterThan(0);
    for (const source of card.sources) if (source.href !== null) expect(source.href).toMatch(/^https:\/\//);
    await article.close();
  });

  test('an escape clause (an announced target with conditions its maker sets) is not called an aim (light and dark, 1280 and 360 px)', async () => {
    const article = await openArticle(server.page('section-label.html'));
    try {
      await article.waitForHighlights('article p strong mark.pledge-lens-mark');
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const [width, height] of [[1280, 900], [360, 740]] as const) {
          await article.page.emulateMedia({ colorScheme });
          await article.page.setViewportSize({ width, height });
          await article.page.mouse.move(1, 1);
          await article.waitForCardClosed();
          await article.hoverHighlight('openai-preparedness-adjust-if-rival-releases');
          const card = await article.waitForCard();
          expect(card.kindLabel).toBe('Announced target');
          expect(card.verdict).toMatch(/^Announced target \(conditional\), current since .+: OpenAI would do this only under conditions it sets itself, and nothing holds it to it\.$/);
          expect(card.verdict).not.toMatch(/aims/);
          await article.waitForNoteEditorDrawn();
          await article.page.screenshot({ path: resolve(SHOTS, `chromium-conditional-verdict-${colorScheme}-${width}.png`) });
        }
      }
    } finally {
      await article.page.emulateMedia({ colorScheme: 'light' });
      await article.close();
    }
  });

  test('hovering an announced target shows "Announced target"', async () => {
    const article = await openArticle(server.article('bullet-list-what-changed.html'));
    await article.hoverHighlight('anthropic-rsp3-frontier-safety-roadmaps');
    const card = await article.waitForCard();
    expect(card.claimId).toBe('anthropic-rsp3-frontier-safety-roadmaps');
    expect(card.kindLabel).toBe('Announced target');
    // A target is "current", never "in force" (which reads as legally binding).
    expect(card.status).toMatch(/^current since \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(card.verdict).toMatch(/^Announced target \(goal\), current since .+: Anthropic aims to do this, but nothing holds it to it\.$/);
    await article.close();
  });

  test('the whole card, note form included, is inside the viewport for a highlight halfway down the screen', async () => {
    const article = await openArticle(server.article('bullet-list-what-changed.html'));
    const mark = article.markAt(await article.highlightOf('anthropic-rsp-pause-pledge'));
    // Put the highlight just above the middle of the viewport (where the card opens below it), then hover.
    await article.page.setViewportSize({ width: 1280, height: 900 });
    const top = await mark.evaluate((mark) => {
      const body = mark.ownerDocument.body;
      const wanted = window.innerHeight * 0.45;
      // Room to scroll either way, whatever the page's own length.
      body.style.paddingTop = `${window.innerHeight}px`;
      body.style.paddingBottom = `${window.innerHeight}px`;
      window.scrollBy(0, mark.getBoundingClientRect().top - wanted);
      return mark.getBoundingClientRect().top / window.innerHeight;
    });
    expect(top).toBeCloseTo(0.45, 1);
    await article.page.mouse.move(1, 1);
    await mark.hover();
    expect((await article.waitForCard()).claimId).toBe('anthropic-rsp-pause-pledge');
    const placement = await article.inCard((root) => {
      const card = root!.querySelector('section.card')!.getBoundingClientRect();
      // The note form is the framed note editor: its frame must be on screen too.
      const note = root!.querySelector('iframe.note-frame')!.getBoundingClientRect();
      return { cardTop: card.top, cardBottom: card.bottom, noteBottom: note.bottom, viewport: window.innerHeight };
    });
    expect(placement.cardTop, JSON.stringify(placement)).toBeGreaterThanOrEqual(0);
    expect(placement.cardBottom, `card runs off the bottom of the screen: ${JSON.stringify(placement)}`).toBeLessThanOrEqual(placement.viewport);
    expect(placement.noteBottom, `note editor off screen: ${JSON.stringify(placement)}`).toBeLessThanOrEqual(placement.viewport);
    await article.close();
  });

  test('keyboard: Tab reaches a highlight, focus shows its card, Escape hides it and keeps focus on the highlight', async () => {
    const article = await openArticle(server.article('bullet-list-what-changed.html'));
    await article.waitForHighlights();
    const { focus } = await article.tabToFirstHighlight();
    const focused = (await article.highlights())[focus.markIndex];
    expect(focused?.tabIndex, 'the focused highlight is a keyboard stop').toBe(0);
    expect(focused!.role).toBe('button');
    // Named by its words: its own text, or, split by inline markup ("<strong>Risk Reports:</strong> a
    // public report …"), an aria-label holding the whole highlight's.
    const stops = await highlightWords(article);
    const stopIndex = (await article.highlights()).slice(0, focus.markIndex + 1).filter((mark) => mark.tabIndex === 0).length - 1;
    expect(focused!.ariaLabel ?? focused!.text.replace(/\s+/g, ' ').trim(), 'named by its words').toBe(stops[stopIndex]!.text);
    expect(focused!.ariaDescription?.startsWith(KIND_WORDS[focused!.kind]!)).toBe(true);

    // The card focus opened is this highlight's: its claim's kind, and the mention of the focused element.
    const card = await article.waitForCard();
    expect(bundledKind(card.claimId)).toBe(focused!.kind);
    expect(card.kindLabel).toBe(KIND_WORDS[focused!.kind]);
    expect(card.mentionId).not.toBe('');

    await article.pressEscape();
    await article.waitForCardClosed();
    expect((await article.focus()).markIndex, 'focus stays on the same highlight').toBe(focus.markIndex);
    // The pointer on the same element opens the same mention's card: focus showed the focused highlight's card.
    await article.page.mouse.move(1, 1);
    await article.markAt(focus.markIndex).hover();
    expect((await article.waitForCard()).mentionId).toBe(card.mentionId);
    await article.close();
  });

  test('keyboard: Enter moves focus into the card, Escape closes it and returns focus to the highlight', async () => {
    const article = await openArticle(server.article('bullet-list-what-changed.html'));
    await article.waitForHighlights();
    const { focus } = await article.tabToFirstHighlight();
    const focusedCard = await article.waitForCard();
    await article.page.keyboard.press('Enter');
    const card = await article.waitForCard();
    expect(card.mentionId, 'Enter opens the focused highlight\'s card').toBe(focusedCard.mentionId);
    expect(card.claimId).toBe(focusedCard.claimId);
    expect((await article.focus()).tag, 'focus is inside the card').toBe('pledge-lens-card');

    await article.pressEscape();
    await article.waitForCardClosed(2_000, 'Escape pressed inside the card');
    const back = await article.focus();
    expect(back.isHighlight).toBe(true);
    expect(back.markIndex).toBe(focus.markIndex);
    await article.close();
  });

  test('a mark forged by the page gets no card on hover or focus', async () => {
    const article = await openArticle(server.page('forged-mark.html'));
    // The real claim on the same page is the control: the extension is running here.
    await article.waitForHighlights(`#real-paragraph ${HIGHLIGHT}`);
    await article.hoverHighlight('anthropic-rsp3-risk-reports');
    expect((await article.waitForCard()).claimId).toBe('anthropic-rsp3-risk-reports');
    await article.page.mouse.move(1, 1);
    await article.waitForCardClosed();

    await article.hoverSelector('#forged');
    await article.focusSelector('#forged');
    // Give a (wrong) card the same time a real one takes to appear, then check none did.
    await expect(article.waitForCard(1_500)).rejects.toThrow();
    expect(await article.card()).toBeUndefined();
    expect((await article.focus()).tag).toBe('mark');
    await article.close();
  });

  test('text the page appends after load is highlighted within 3 s', async () => {
    const article = await openArticle(server.page('late-content.html'));
    await article.page.waitForSelector('#late', { state: 'attached', timeout: 5_000 });
    const appendedAt = Date.now();
    await article.waitForHighlights(`#late ${HIGHLIGHT}`, 3_000);
    expect(Date.now() - appendedAt).toBeLessThan(3_000);
    const late = (await article.mentions()).filter((h) => h.claimId !== '');
    expect(late.map((h) => h.claimId)).toContain('anthropic-rsp3-risk-reports');
    await article.close();
  });
});

afterAll(async () => {
  // Pages of failed tests stay open until here; the browser closes them anyway, this only tidies.
  await Promise.all(opened.map((article) => article.page.close().catch(() => undefined)));
});
