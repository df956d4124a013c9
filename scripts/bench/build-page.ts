/**
 * Tiles fixture articles into one long HTML page of a target word count. Every block gets an id,
 * and every gold quote it carries is recorded as (block id, offsets in the block's textContent),
 * so recall can be read back from any contender's highlights.
 */
import { createPrng, type Prng } from './prng';
import type { Corpus } from './fixture-corpus';

export interface PagePlacement {
  /** id attribute of the block element holding the quote. */
  blockId: string;
  /** Offsets in that element's textContent (which equals the block text: markup adds no characters). */
  start: number;
  end: number;
  claim: string;
  required: boolean;
}

export interface BenchPage {
  name: string;
  html: string;
  words: number;
  blocks: number;
  placements: PagePlacement[];
}

const INLINE_TAGS = ['em', 'strong', 'a', 'b', 'i', 'span'] as const;
/** A short block without closing punctuation reads as a heading. */
const HEADING_MAX_WORDS = 12;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function countWords(text: string): number {
  const words = text.match(/\S+/g);
  return words ? words.length : 0;
}

/**
 * Wraps a few runs of whole words in inline elements, as news pages do with links and emphasis.
 * Runs may fall inside or across a claim sentence: highlighters must cope with split text nodes.
 */
export function withInlineMarkup(text: string, prng: Prng): string {
  const words = [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  if (words.length < 4 || !prng.chance(0.6)) return escapeHtml(text);
  const runs: Array<{ start: number; end: number; tag: (typeof INLINE_TAGS)[number] }> = [];
  const wanted = prng.between(1, Math.min(4, Math.ceil(words.length / 10)));
  let from = 0;
  for (let i = 0; i < wanted && from < words.length; i++) {
    const first = from + prng.int(Math.max(1, Math.floor((words.length - from) / (wanted - i))));
    const last = Math.min(words.length - 1, first + prng.int(3));
    runs.push({ start: words[first]!.start, end: words[last]!.end, tag: prng.pick(INLINE_TAGS) });
    from = last + 2;
  }
  let html = '';
  let cursor = 0;
  for (const run of runs) {
    html += escapeHtml(text.slice(cursor, run.start));
    const open = run.tag === 'a' ? `<a href="#note-${run.start}">` : run.tag === 'span' ? '<span class="kicker">' : `<${run.tag}>`;
    html += `${open}${escapeHtml(text.slice(run.start, run.end))}</${run.tag}>`;
    cursor = run.end;
  }
  return html + escapeHtml(text.slice(cursor));
}

function isHeading(text: string): boolean {
  return countWords(text) <= HEADING_MAX_WORDS && !/[.!?:;"”’)]$/.test(text);
}

/**
 * Builds a page of at least `targetWords` words from the corpus, cycling through its articles in
 * order and stopping at the first block boundary past the target.
 */
export function buildPage(corpus: Corpus, targetWords: number, name: string, seed = 1): BenchPage {
  if (corpus.articles.length === 0) throw new Error('the corpus has no positive articles');
  const prng = createPrng(seed);
  const parts: string[] = [];
  const placements: PagePlacement[] = [];
  let words = 0;
  let blockCount = 0;
  for (let round = 0; words < targetWords; round++) {
    const article = corpus.articles[round % corpus.articles.length]!;
    parts.push(`<article data-source="${escapeHtml(article.file)}">`);
    for (let b = 0; b < article.blocks.length && words < targetWords; b++) {
      const text = article.blocks[b]!;
      const blockId = `b${blockCount++}`;
      const tag = b === 0 ? 'h1' : isHeading(text) ? 'h2' : 'p';
      parts.push(`<${tag} id="${blockId}">${withInlineMarkup(text, prng)}</${tag}>`);
      for (const quote of article.quotes) {
        if (quote.block === b) placements.push({ blockId, start: quote.start, end: quote.end, claim: quote.claim, required: quote.required });
      }
      words += countWords(text);
    }
    parts.push('</article>');
  }
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>Pledge Lens bench: ${escapeHtml(name)}</title>`,
    '<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem}article{margin-bottom:3rem}</style>',
    '</head>',
    '<body>',
    '<main>',
    ...parts,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
  return { name, html, words, blocks: blockCount, placements };
}
