// @vitest-environment happy-dom
/**
 * Painting hands mark.js TreeWalkers, or lists of the text nodes it wraps, for its NodeIterators
 * (`walkListed` in paint-highlights.ts: a live NodeIterator makes every later node removal in the
 * document slower, and a paragraph's other text nodes need not be read). These check that mark.js
 * wraps exactly the same text either way, on generated trees with inline markup and empty elements,
 * that painting through the lists wraps each span's own text there, and that painting creates no
 * NodeIterator and leaves `document.createNodeIterator` as it found it.
 */
import Mark from 'mark.js';
import { describe, expect, it, vi } from 'vitest';
import { HighlightRegistry, MARK_CLASS, paintHighlights, type HighlightSpec } from '../../../lib/highlight/paint-highlights';
import { extractText, type ExtractedText } from '../../../lib/text/extract-text';
import { useSpecNodeIterator } from './spec-node-iterator';
import { createPrng } from '../../../scripts/bench/prng';

useSpecNodeIterator();

/** A seeded generator, so a failing tree can be rebuilt. */
const random = (seed: number): (() => number) => createPrng(seed).next;

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'pause', 'training', 'the', 'lab', 'will'];

/** Paragraphs of words, inline elements (some nested, some empty) and blank text. */
function tree(next: () => number): string {
  const inline = (depth: number): string => {
    let out = '';
    const parts = 1 + Math.floor(next() * 4);
    for (let i = 0; i < parts; i++) {
      const roll = next();
      if (roll < 0.45) out += `${WORDS[Math.floor(next() * WORDS.length)]} `;
      else if (roll < 0.55) out += ' ';
      else if (roll < 0.65) out += '<i></i>';
      else if (depth < 3) {
        const tag = ['b', 'a', 'span', 'em'][Math.floor(next() * 4)]!;
        out += `<${tag}>${inline(depth + 1)}</${tag}>`;
      }
    }
    return out;
  };
  let html = '';
  const paragraphs = 1 + Math.floor(next() * 4);
  for (let p = 0; p < paragraphs; p++) html += `<p>${inline(0)}</p>`;
  return html;
}

/** Disjoint ranges over `length` characters, in order. */
function rangesOver(length: number, next: () => number): Mark.Range[] {
  const out: Mark.Range[] = [];
  let at = Math.floor(next() * 4);
  while (at < length - 1) {
    const size = 1 + Math.floor(next() * 12);
    out.push({ start: at, length: Math.min(size, length - at) });
    at += size + Math.floor(next() * 10);
  }
  return out;
}

/** The body after mark.js wrapped `ranges` under every paragraph, walking with what `walk` makes. */
function marked(html: string, ranges: readonly Mark.Range[], walk: 'iterator' | 'walker'): { html: string; wrapped: string[] } {
  document.body.innerHTML = html;
  const specIterator = document.createNodeIterator;
  if (walk === 'walker') document.createNodeIterator = ((root: Node, what?: number, filter?: NodeFilter | null) => document.createTreeWalker(root, what, filter)) as never;
  const wrapped: string[] = [];
  try {
    new Mark(Array.from(document.querySelectorAll('p'))).markRanges(
      ranges.map((range) => ({ ...range })),
      { element: 'mark', each: (element: Element) => wrapped.push(element.textContent ?? '') },
    );
  } finally {
    document.createNodeIterator = specIterator;
  }
  return { html: document.body.innerHTML, wrapped };
}

describe('mark.js walking with TreeWalkers', () => {
  it('wraps the same text in the same marks as with NodeIterators, on 300 generated trees', () => {
    let marks = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const html = tree(next);
      document.body.innerHTML = html;
      const length = Array.from(document.querySelectorAll('p'))
        .map((p) => p.textContent ?? '')
        .join('').length;
      const ranges = rangesOver(length, next);
      const viaIterators = marked(html, ranges, 'iterator');
      const viaWalkers = marked(html, ranges, 'walker');
      expect(viaWalkers, `seed ${seed}: ${html}`).toEqual(viaIterators);
      marks += viaIterators.wrapped.length;
    }
    // The trees did give mark.js work: most seeds wrap something.
    expect(marks).toBeGreaterThan(300);
  });
});

/** Disjoint spans over the extracted text, each starting and ending on a visible character. */
function spansOver(extracted: ExtractedText, next: () => number): HighlightSpec[] {
  const out: HighlightSpec[] = [];
  let at = Math.floor(next() * 6);
  for (let n = 0; at < extracted.text.length - 1; n++) {
    const end = Math.min(extracted.text.length, at + 2 + Math.floor(next() * 30));
    const start = at;
    at = end + 1 + Math.floor(next() * 20);
    const text = extracted.text.slice(start, end);
    if (text.trim() === '' || /^\s|\s$/.test(text)) continue;
    out.push({ claimId: `c${n}`, kind: 'binding-commitment', mentionId: `urn:test:${n}`, description: `Span ${n}`, start, end });
  }
  return out;
}

describe('painting through the listed text nodes', () => {
  it('wraps each span\'s own visible text and clear() restores the page, on 300 generated trees', () => {
    let painted = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed + 1000);
      const html = tree(next);
      document.body.innerHTML = html;
      const before = document.body.innerHTML;
      const extracted = extractText(document.body);
      const specs = spansOver(extracted, next);
      const registry = new HighlightRegistry();
      const highlights = paintHighlights(extracted, specs, registry);
      for (const highlight of highlights) {
        const wanted = extracted.text.slice(highlight.spec.start, highlight.spec.end).replace(/[\u2029\n]/g, '');
        expect(highlight.elements.map((element) => element.textContent).join(''), `seed ${seed}: ${html}`).toBe(wanted);
      }
      painted += highlights.length;
      registry.clear();
      expect(document.body.innerHTML, `seed ${seed}`).toBe(before);
    }
    expect(painted).toBeGreaterThan(300);
  });

  it('shows mark.js none of a paragraph\'s other text nodes', () => {
    const words = Array.from({ length: 40 }, (_, i) => `<span>word${i} </span>`).join('');
    document.body.innerHTML = `<p>${words}<b>The lab will pause training.</b> ${words}</p>`;
    const extracted = extractText(document.body);
    const start = extracted.text.indexOf('The lab will pause training.');
    const walkers = vi.spyOn(document, 'createTreeWalker');
    const registry = new HighlightRegistry();
    const [highlight] = paintHighlights(extracted, [{ claimId: 'c', kind: 'binding-commitment', mentionId: 'urn:test:c', description: 'C', start, end: start + 'The lab will pause training.'.length }], registry);
    expect(highlight!.elements.map((element) => element.textContent)).toEqual(['The lab will pause training.']);
    // Painting's own TreeWalkers pass no filter; mark.js always passes one, and is given the list instead.
    expect(walkers.mock.calls.filter((call) => typeof call[2] === 'function')).toHaveLength(0);
    walkers.mockRestore();
    registry.clear();
  });
});

describe('painting', () => {
  it('creates no NodeIterator and leaves document.createNodeIterator as it was', () => {
    document.body.innerHTML = '<p>The lab said <b>it will <a href="#x">pause</a> training</b> soon.</p><p>Beta agreed.</p>';
    const extracted = extractText(document.body);
    const standIn = document.createNodeIterator;
    const iterators = vi.fn(standIn);
    document.createNodeIterator = iterators as never;
    try {
      const start = extracted.text.indexOf('it will');
      const beta = extracted.text.indexOf('Beta agreed.');
      const registry = new HighlightRegistry();
      const painted = paintHighlights(
        extracted,
        [
          { claimId: 'c1', kind: 'binding-commitment', mentionId: 'urn:test:1', description: 'One', start, end: start + 'it will pause training'.length },
          { claimId: 'c2', kind: 'binding-commitment', mentionId: 'urn:test:2', description: 'Two', start: beta, end: beta + 'Beta agreed.'.length },
        ],
        registry,
      );
      expect(painted.map((highlight) => highlight.elements.map((element) => element.textContent).join(''))).toEqual(['it will pause training', 'Beta agreed.']);
      expect(document.querySelectorAll(`mark.${MARK_CLASS}`)).toHaveLength(4);
      expect(iterators).not.toHaveBeenCalled();
      expect(document.createNodeIterator).toBe(iterators);
    } finally {
      document.createNodeIterator = standIn;
    }
  });
});
