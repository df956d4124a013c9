// @vitest-environment happy-dom
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPage, countWords, escapeHtml, withInlineMarkup } from '../../../scripts/bench/build-page';
import { blocksOf, loadCorpus, placeQuotes, type Corpus } from '../../../scripts/bench/fixture-corpus';
import { createPrng } from '../../../scripts/bench/prng';

const ARTICLES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/articles');

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const tiny: Corpus = {
  articles: [
    {
      file: 'a.html',
      blocks: ['Lab news', 'The lab said it would publish audits every quarter & keep <records>. Other text follows here.', 'A closing line ends it.'],
      quotes: [{ claim: 'c1', quote: 'it would publish audits every quarter', required: true, block: 1, start: 13, end: 50 }],
    },
  ],
  unplaced: [],
};

describe('withInlineMarkup', () => {
  it('adds inline elements without changing the text', () => {
    const prng = createPrng(11);
    let marked = 0;
    for (let i = 0; i < 40; i++) {
      const text = 'Word one two three four five six seven eight nine ten eleven <twelve> & more.';
      const html = withInlineMarkup(text, prng);
      if (html.includes('</')) marked++;
      const doc = parse(`<p id="x">${html}</p>`);
      expect(doc.getElementById('x')!.textContent).toBe(text);
    }
    expect(marked).toBeGreaterThan(5);
  });
});

describe('buildPage', () => {
  it('tiles articles past the target and records where each quote sits', () => {
    const page = buildPage(tiny, 100, 'tiny');
    expect(page.words).toBeGreaterThanOrEqual(100);
    expect(page.placements.length).toBeGreaterThanOrEqual(5);
    const doc = parse(page.html);
    for (const placement of page.placements) {
      expect(doc.getElementById(placement.blockId)!.textContent!.slice(placement.start, placement.end)).toBe('it would publish audits every quarter');
    }
    expect(doc.querySelectorAll('h1')).toHaveLength(doc.querySelectorAll('article').length);
    expect(page.html).not.toContain('<records>');
  });

  it('places every gold quote of the real fixture corpus exactly on a 10k-word page', () => {
    const corpus = loadCorpus(ARTICLES);
    expect(corpus.articles.length).toBeGreaterThan(5);
    const page = buildPage(corpus, 10_000, '10k');
    expect(page.words).toBeGreaterThanOrEqual(10_000);
    expect(page.words).toBeLessThan(10_300);
    const doc = parse(page.html);
    const quotes = new Set(corpus.articles.flatMap((article) => article.quotes.map((q) => `${q.claim}|${q.quote}`)));
    for (const placement of page.placements) {
      const text = doc.getElementById(placement.blockId)!.textContent!.slice(placement.start, placement.end);
      expect(quotes.has(`${placement.claim}|${text}`), text).toBe(true);
    }
    expect(page.placements.filter((p) => p.required).length).toBeGreaterThan(100);
  });
});

describe('fixture corpus helpers', () => {
  it('splits text fixtures on blank lines and collapses white space', () => {
    expect(blocksOf('x.txt', 'Title\n\nFirst  line\nwraps here.\n\n\n  Last. ')).toEqual(['Title', 'First line wraps here.', 'Last.']);
  });

  it('reads HTML fixtures block by block, leaving hidden text out', () => {
    const blocks = blocksOf('x.html', '<body><h1>Head</h1><p>One <em>two</em> three.</p><div style="display:none"><p>Hidden.</p></div><ul><li>Item</li></ul></body>');
    expect(blocks).toEqual(['Head', 'One two three.', 'Item']);
  });

  it('places quotes found in a block and reports the rest', () => {
    const { placed, unplaced } = placeQuotes(['Alpha beta.', 'Gamma  delta epsilon.'], [
      { claim: 'a', quote: 'delta epsilon', required: true },
      { claim: 'b', quote: 'zeta', required: false },
    ]);
    expect(placed).toEqual([{ claim: 'a', quote: 'delta epsilon', required: true, block: 1, start: 7, end: 20 }]);
    expect(unplaced.map((q) => q.claim)).toEqual(['b']);
  });

  it('escapes markup characters', () => {
    expect(escapeHtml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(countWords('  one two\nthree ')).toBe(3);
  });
});
