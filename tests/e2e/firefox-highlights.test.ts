import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundledKind, bundledStatus as statusOf, highlightDescription } from './support/claim-set';
import { listHighlightCells, listHighlightWords } from './support/dom-probes';
import { FirefoxArticlePage, launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { allowedClaims, requiredClaims } from './support/gold';
import { startStaticServer, type StaticServer } from './support/static-server';

let server: StaticServer;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  server = await startStaticServer();
  firefox = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('Firefox: the MV2 build', () => {
  test('installs as a temporary add-on under its gecko id', () => {
    expect(firefox.extensionId).toBe('pledge-lens@pledge-lens.org');
  });

  test.each(['bullet-list-what-changed.html', 'inline-markup-split.html'])('%s: highlights carry the gold claims and their kinds', async (file) => {
    const article = await FirefoxArticlePage.open(firefox.browser, server.article(file));
    try {
      await article.waitForHighlights();
      // Each element's claim and mention as its card names them (the page's DOM no longer says).
      const highlights = await article.identifiedHighlights();
      const found = new Set(highlights.map((h) => h.claimId));
      for (const claim of requiredClaims(file)) expect(found, `required claim ${claim} not highlighted`).toContain(claim);
      const allowed = allowedClaims(file);
      expect([...found].filter((claim) => !allowed.has(claim)), 'claims gold.json does not list for this file').toEqual([]);
      for (const highlight of highlights) {
        expect(highlight.kind, `kind of ${highlight.claimId}`).toBe(bundledKind(highlight.claimId));
        expect(highlight.mentionId).toMatch(/\S/);
      }
      // Every mention has exactly one keyboard stop, named by all its words and described for screen readers.
      const stops = highlights.filter((h) => h.tabIndex === 0);
      expect(stops.length).toBe(new Set(highlights.map((h) => h.mentionId)).size);
      const words = await article.run(listHighlightWords, undefined);
      expect(words).toHaveLength(stops.length);
      stops.forEach((stop, i) => {
        expect(stop.role).toBe('button');
        expect((stop.ariaLabel ?? stop.text).replace(/\s+/g, ' ').trim(), 'named by its whole highlight').toBe(words[i]!.text);
        // Described by its kind, and by whether its claim still holds (the pause pledge was withdrawn).
        expect(stop.ariaDescription).toBe(highlightDescription(words[i]!.kind, words[i]!.ended));
        expect(words[i]!.ended, `${stop.claimId} no longer holds`).toBe(statusOf(stop.claimId) === 'withdrawn' || statusOf(stop.claimId) === 'superseded' || statusOf(stop.claimId) === 'lapsed');
      });
      expect(await article.misplacedHighlights()).toEqual([]);
    } finally {
      await article.close();
    }
  });

  test("a table read by rows: each row's rule is its own company's claim, in the rule's cell; a Commitment column's first cells are statements", async () => {
    const article = await FirefoxArticlePage.open(firefox.browser, server.page('table-rows.html'));
    try {
      // The three known companies' rules: the cells of the fourth column (DeepSeek's row is nobody's claim).
      for (const row of [1, 2, 3]) await article.waitForHighlights(`tbody tr:nth-child(${row}) td:nth-child(4) mark.pledge-lens-mark`);
      // The second table's Commitment column: its first two cells are Anthropic's claims.
      for (const row of [1, 2]) await article.waitForHighlights(`h2 + table tbody tr:nth-child(${row}) td:nth-child(1) mark.pledge-lens-mark`);
      const mentions = await article.mentions();
      const cells = await article.run(listHighlightCells, undefined);
      expect(mentions.map((mention, i) => ({ claim: mention.claimId, ...cells[i] }))).toEqual([
        { claim: 'meta-frontier-ai-framework-stop-development', row: 'Meta', column: 3 },
        { claim: 'microsoft-frontier-governance-pause', row: 'Microsoft', column: 3 },
        { claim: 'openai-preparedness-high-safeguards-before-deployment', row: 'OpenAI', column: 3 },
        { claim: 'anthropic-asl4-evals-before-asl3-training', row: 'Define ASL-4 evaluations before training ASL-3 models', column: 0 },
        { claim: 'anthropic-rsp-pause-pledge', row: 'Pause scaling or delay deployment if safeguards lag capabilities', column: 0 },
      ]);
    } finally {
      await article.close();
    }
  });

  test("what a screen reader reads: a highlighted headline keeps its name, a highlight is a button named by its words", async () => {
    const headline = 'If you can’t beat them: Anthropic scales back on AI safety pledge';
    const article = await FirefoxArticlePage.open(firefox.browser, server.page('highlighted-headline.html'));
    try {
      // The last of the page's three highlights: a sentence across a link.
      await article.waitForHighlights('article p a mark.pledge-lens-mark');
      // Firefox's own accessibility tree, asked by role and name (Puppeteer's ARIA query is WebDriver
      // BiDi's accessibility locator here); the description it has no query for: its attribute is read.
      const named = async (role: string, name: string): Promise<string[]> => {
        const found = await article.page.$$(`::-p-aria([name="${name}"][role="${role}"])`);
        return Promise.all(found.map((handle) => handle.evaluate((element) => `${element.tagName} ${element.getAttribute('aria-description') ?? ''}`.trim())));
      };
      expect(await named('heading', headline), 'the h1, named by its text').toEqual(['H1']);
      const words = await article.run(listHighlightWords, undefined);
      // The headline and the sentence after it state the withdrawn pause pledge (described as no longer holding); the Risk Reports are in force.
      expect(words.map(({ ended }) => ended)).toEqual([true, true, false]);
      expect(await named('button', headline), 'its highlight, named by the same words').toEqual([`MARK ${highlightDescription('binding-commitment', true)}`]);
      const acrossLink = words.at(-1)!.text;
      expect(acrossLink).toMatch(/^Instead, Anthropic will publish Risk Reports every three to six months/);
      expect(await named('button', acrossLink), 'a sentence across a link: named by all of it').toEqual([`MARK ${highlightDescription('binding-commitment', false)}`]);
      expect(await named('link', 'Risk Reports every three to six months')).toEqual(['A']);
      const stops = (await article.highlights()).filter((highlight) => highlight.tabIndex === 0);
      expect(stops.map((stop) => [stop.role, stop.ariaDescription])).toEqual(words.map(({ kind, ended }) => ['button', highlightDescription(kind, ended)]));
    } finally {
      await article.close();
    }
  });

  test('a highlight split by a bold section label: one keyboard stop, named by the whole sentence', async () => {
    const article = await FirefoxArticlePage.open(firefox.browser, server.page('section-label.html'));
    try {
      await article.waitForHighlights('article p strong mark.pledge-lens-mark');
      const [highlight] = await article.run(listHighlightWords, undefined);
      expect(highlight?.text).toMatch(/^Context: OpenAI's updated Preparedness Framework says it may adjust its safeguards .*comparable ones\.?$/);
      expect((await article.highlights()).filter((mark) => mark.tabIndex === 0), 'one keyboard stop').toHaveLength(1);
      const found = await article.page.$$(`::-p-aria([name="${highlight!.text}"][role="button"])`);
      expect(await Promise.all(found.map((handle) => handle.evaluate((element) => `${element.tagName} ${element.getAttribute('aria-description') ?? ''}`)))).toEqual([
        'MARK Announced target (Pledge Lens): press Enter for details',
      ]);
      expect(await article.page.$$(`::-p-aria([name="Context:"][role="button"])`), 'no button named by the label alone').toEqual([]);
    } finally {
      await article.close();
    }
  });

  test('hovering the pause pledge shows its card', async () => {
    const article = await FirefoxArticlePage.open(firefox.browser, server.article('bullet-list-what-changed.html'));
    try {
      const stop = await article.highlightOf('anthropic-rsp-pause-pledge');
      await article.hoverMark(stop);
      const card = await article.waitForCard();
      expect(card.claimId).toBe('anthropic-rsp-pause-pledge');
      expect(card.kindLabel).toBe('Binding commitment');
      expect(card.statusDate).toBe('2026-02-24');
      expect(card.status).toBe('withdrawn on 24 Feb 2026');
    } finally {
      await article.close();
    }
  });
});
