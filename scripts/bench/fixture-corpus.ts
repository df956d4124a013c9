/**
 * The fixture articles as plain blocks of visible text, with each gold quote located in its block.
 * Pages are tiled from these blocks, so the benchmark knows exactly where every claim sentence
 * sits and can check recall without trusting any contender's own idea of the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { BLOCK_SEPARATOR } from '../../lib/text/extract-text';
import { textFromHtml } from '../cli/load-input';

export interface GoldQuote {
  claim: string;
  quote: string;
  required: boolean;
}

export interface PlacedQuote extends GoldQuote {
  /** Index of the block in its article. */
  block: number;
  /** Character offsets in the block's text. */
  start: number;
  end: number;
}

export interface CorpusArticle {
  file: string;
  blocks: string[];
  quotes: PlacedQuote[];
}

export interface Corpus {
  articles: CorpusArticle[];
  /** Gold quotes that could not be found in their article's blocks (reported, never silently dropped). */
  unplaced: Array<{ file: string; quote: string }>;
}

/** Gold quotes are written against white-space-collapsed visible text; blocks are collapsed the same way. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Visible text blocks of a fixture: block elements for HTML (via the extension's own extraction), blank-line paragraphs for text. */
export function blocksOf(file: string, content: string): string[] {
  const raw = extname(file).toLowerCase() === '.txt' ? content.split(/\n\s*\n/) : textFromHtml(content, `https://fixture.invalid/${file}`).text.split(BLOCK_SEPARATOR);
  return raw.map(collapseWhitespace).filter((block) => block !== '');
}

/** Finds each quote in the first block that contains it. */
export function placeQuotes(blocks: readonly string[], quotes: readonly GoldQuote[]): { placed: PlacedQuote[]; unplaced: GoldQuote[] } {
  const placed: PlacedQuote[] = [];
  const unplaced: GoldQuote[] = [];
  for (const entry of quotes) {
    const quote = collapseWhitespace(entry.quote);
    const block = blocks.findIndex((text) => text.includes(quote));
    if (block < 0) {
      unplaced.push(entry);
      continue;
    }
    const start = blocks[block]!.indexOf(quote);
    placed.push({ ...entry, quote, block, start, end: start + quote.length });
  }
  return { placed, unplaced };
}

/** The positive fixture articles (those with at least one required gold quote), in file-name order. */
export function loadCorpus(articlesDir: string): Corpus {
  const gold = JSON.parse(readFileSync(join(articlesDir, 'gold.json'), 'utf8')) as Record<string, unknown>;
  const articles: CorpusArticle[] = [];
  const unplaced: Corpus['unplaced'] = [];
  const files = readdirSync(articlesDir)
    .filter((file) => /\.(html|txt)$/.test(file))
    .sort();
  for (const file of files) {
    const entries = gold[file];
    if (!Array.isArray(entries)) continue;
    const quotes = entries as GoldQuote[];
    if (!quotes.some((entry) => entry.required)) continue;
    const blocks = blocksOf(file, readFileSync(join(articlesDir, file), 'utf8'));
    const result = placeQuotes(blocks, quotes);
    articles.push({ file, blocks, quotes: result.placed });
    for (const entry of result.unplaced) unplaced.push({ file, quote: entry.quote });
  }
  return { articles, unplaced };
}
