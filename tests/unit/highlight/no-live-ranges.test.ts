// @vitest-environment happy-dom
/**
 * Painting makes no Range. A Range stays registered with its document until garbage collection, and
 * every later `splitText`, insertion and removal in that document updates each registered one:
 * painting used to make one per pair of marks of a highlight split by inline markup (to tell whether
 * words or a line break lie between them, for the keyboard stop's name), and the marks painted
 * after, and the page's own changes, paid for them (lib/highlight/README.md). The name it tells
 * must be the one the Range told: checked here against a Range-based reading on generated trees.
 */
import { describe, expect, it, vi } from 'vitest';
import { HighlightRegistry, paintHighlights, type HighlightSpec } from '../../../lib/highlight/paint-highlights';
import { INLINE_TAGS } from '../../../lib/highlight/inline-tags';
import { extractText, type ExtractedText } from '../../../lib/text/extract-text';
import { createPrng } from '../../../scripts/bench/prng';
import { useSpecNodeIterator } from './spec-node-iterator';

useSpecNodeIterator();

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'pause', 'training', 'the', 'lab', 'will'];

/** Paragraphs of words, inline elements (some nested, some empty), line breaks, hidden text and blank text. */
function tree(next: () => number): string {
  const inline = (depth: number): string => {
    let out = '';
    const parts = 1 + Math.floor(next() * 5);
    for (let i = 0; i < parts; i++) {
      const roll = next();
      // Words without a space after them too, so markup or a line break alone can stand between two.
      if (roll < 0.4) out += `${WORDS[Math.floor(next() * WORDS.length)]}${next() < 0.5 ? ' ' : ''}`;
      else if (roll < 0.48) out += [' ', '  ', '\n', ' \t '][Math.floor(next() * 4)];
      else if (roll < 0.56) out += '<i></i>';
      else if (roll < 0.64) out += '<br>';
      // Text the extraction leaves out: between two marks of one highlight, it keeps their words apart.
      else if (roll < 0.68) out += next() < 0.5 ? '<span hidden>gone</span>' : '<script>gone</script>';
      else if (depth < 3) {
        const tag = ['b', 'a', 'span', 'em'][Math.floor(next() * 4)]!;
        out += `<${tag}>${inline(depth + 1)}</${tag}>`;
      }
    }
    return out;
  };
  let html = '';
  const paragraphs = 1 + Math.floor(next() * 3);
  for (let p = 0; p < paragraphs; p++) html += `<p>${inline(0)}</p>`;
  return html;
}

/** Disjoint spans over the extracted text, each starting and ending on a visible character. */
function spansOver(extracted: ExtractedText, next: () => number): HighlightSpec[] {
  const out: HighlightSpec[] = [];
  let at = Math.floor(next() * 6);
  for (let n = 0; at < extracted.text.length - 1; n++) {
    const end = Math.min(extracted.text.length, at + 4 + Math.floor(next() * 40));
    const start = at;
    at = end + 1 + Math.floor(next() * 20);
    const text = extracted.text.slice(start, end);
    if (text.trim() === '' || /^\s|\s$/.test(text)) continue;
    out.push({ claimId: `c${n}`, kind: 'binding-commitment', mentionId: `urn:test:${n}`, description: `Span ${n}`, start, end });
  }
  return out;
}

function blockOf(mark: Element): Node {
  let at: Node | null = mark.parentNode;
  while (at && at.nodeType === 1 && INLINE_TAGS.has((at as Element).tagName.toUpperCase()) && at.parentNode) at = at.parentNode;
  return at ?? mark;
}

/** Whether text or a line break lies between two marks, read the way painting read it before, through a Range. */
function apartByRange(before: Element, after: Element): boolean {
  const between = document.createRange();
  between.setStartAfter(before);
  between.setEndBefore(after);
  if (between.toString() !== '') return true;
  return [...document.querySelectorAll('br')].some((br) => between.intersectsNode(br));
}

const spoken = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The keyboard stop's name as the Range-based reading gives it (undefined: named by its own text, no label). */
function expectedLabel(marks: readonly Element[]): string | undefined {
  const stop = marks[0]!;
  const inBlock = marks.filter((mark) => blockOf(mark) === blockOf(stop));
  let words = '';
  inBlock.forEach((mark, i) => {
    if (i > 0 && apartByRange(inBlock[i - 1]!, mark)) words += ' ';
    words += mark.textContent ?? '';
  });
  const name = spoken(words);
  return name === spoken(stop.textContent ?? '') ? undefined : name;
}

describe('painting makes no Range', () => {
  it('names a highlight split by inline markup and a line break without creating one', () => {
    document.body.innerHTML = '<p>Context: <b>the lab</b> will pause<br>training <a href="#x">now</a>.</p>';
    const extracted = extractText(document.body);
    const start = extracted.text.indexOf('Context');
    const end = extracted.text.indexOf('now') + 'now'.length;
    const ranges = vi.spyOn(document, 'createRange');
    const registry = new HighlightRegistry();
    const [highlight] = paintHighlights(extracted, [{ claimId: 'c', kind: 'binding-commitment', mentionId: 'urn:test:c', description: 'C', start, end }], registry);
    expect(ranges).not.toHaveBeenCalled();
    ranges.mockRestore();
    expect(highlight!.elements.length).toBeGreaterThan(2);
    expect(highlight!.elements[0]!.getAttribute('aria-label')).toBe('Context: the lab will pause training now');
    registry.clear();
  });

  it('gives every keyboard stop the name the Range-based reading gives, on 300 generated trees', () => {
    let named = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const next = createPrng(seed + 7000).next;
      const html = tree(next);
      document.body.innerHTML = html;
      const extracted = extractText(document.body);
      const registry = new HighlightRegistry();
      for (const highlight of paintHighlights(extracted, spansOver(extracted, next), registry)) {
        if (highlight.elements.length < 2) continue;
        const label = highlight.elements[0]!.getAttribute('aria-label') ?? undefined;
        expect(label, `seed ${seed}: ${html}`).toBe(expectedLabel(highlight.elements));
        if (label !== undefined) named++;
      }
      registry.clear();
    }
    // The trees gave the naming work: many highlights were split and named after all their words.
    expect(named).toBeGreaterThan(100);
  });
});
