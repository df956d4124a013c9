// @vitest-environment happy-dom
/**
 * Attack report 8, finding 2: a page took one of our marks (or a clone of it) and put it beside
 * words of its choosing, in its headline, in an ad, next to another sentence; hovering or focusing
 * it opened our genuine card there. A highlight may open its card only where we painted it, around
 * the words we painted (`HighlightRegistry.seated`, lib/highlight/highlight-seat.ts), and repair
 * treats a moved mark as a page change: it goes, its words stay where the page put them.
 */
import { describe, expect, it, vi } from 'vitest';
import { HighlightRegistry, paintHighlights, type HighlightSpec, type ModeChooser, type PaintedHighlight } from '../../../lib/highlight/paint-highlights';
import { extractText } from '../../../lib/text/extract-text';
import { useSpecNodeIterator } from './spec-node-iterator';

useSpecNodeIterator();

const RISK = 'Anthropic will publish Risk Reports every three to six months.';
const TEAMING = 'OpenAI commits to external red teaming before each release.';

/** Paints every occurrence of each claim in `html`; `repair` hands the page's changes since to the registry. */
function painted(html: string, modeOf?: ModeChooser) {
  document.body.innerHTML = html;
  const registry = new HighlightRegistry();
  const extracted = extractText(document.body, { isHidden: () => false });
  const specs: HighlightSpec[] = [];
  for (const claim of [RISK, TEAMING]) {
    const at = extracted.text.indexOf(claim);
    if (at >= 0) specs.push({ claimId: claim, kind: 'binding-commitment', mentionId: claim, description: 'Claim', start: at, end: at + claim.length });
  }
  const highlights = paintHighlights(extracted, specs, registry, modeOf);
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const repair = (): PaintedHighlight[] => {
    const dropped = registry.repair(observer.takeRecords());
    observer.takeRecords();
    return dropped;
  };
  return { registry, highlights, repair, stop: () => observer.disconnect() };
}

/** The highlight of `claim` and its first mark (its keyboard stop). */
function highlightOf(highlights: readonly PaintedHighlight[], claim: string): { highlight: PaintedHighlight; stop: HTMLElement } {
  const highlight = highlights.find((h) => h.spec.claimId === claim)!;
  return { highlight, stop: highlight.elements[0]! };
}

describe('a highlight opens its card only where we painted it', () => {
  it('the normal case: a highlight left alone is seated, and page changes elsewhere do not unseat it', () => {
    const { registry, highlights, repair, stop } = painted(`<h1 id="h">Headline</h1><p>Intro. ${RISK} More.</p><p id="other">Other.</p>`);
    const { highlight, stop: mark } = highlightOf(highlights, RISK);
    expect(registry.get(mark)).toBe(highlight);
    expect(registry.seated(highlight)).toBe(true);
    document.getElementById('h')!.textContent = 'A new headline';
    document.getElementById('other')!.append(' Appended.');
    expect(repair()).toEqual([]);
    stop();
    expect(registry.seated(highlight)).toBe(true);
    expect(registry.all()).toContain(highlight);
  });

  it('a mark the page wraps in place (a framework adding a span) keeps its seat and stays', () => {
    const { registry, highlights, repair, stop } = painted(`<p>Intro. ${RISK} More.</p>`);
    const { highlight, stop: mark } = highlightOf(highlights, RISK);
    const wrapper = document.createElement('span');
    mark.before(wrapper);
    wrapper.append(mark);
    expect(registry.seated(highlight)).toBe(true);
    expect(repair()).toEqual([]);
    stop();
    expect(registry.get(mark)).toBe(highlight);
  });

  it('a mark moved whole into another block is unseated at once, and repair unwraps it, leaving its words where the page put them', () => {
    const { registry, highlights, repair, stop } = painted(`<h1 id="h">Sponsored: </h1><p id="p">Intro. ${RISK} More.</p>`);
    const { highlight, stop: mark } = highlightOf(highlights, RISK);
    document.getElementById('h')!.append(mark);
    // Before repair runs (the page's script can focus the mark in the same task): no card.
    expect(registry.seated(highlight)).toBe(false);
    expect(repair()).toEqual([highlight]);
    stop();
    expect(mark.isConnected).toBe(false);
    expect(registry.all()).not.toContain(highlight);
    expect(document.getElementById('h')!.textContent).toBe(`Sponsored: ${RISK}`);
    expect(document.getElementById('h')!.querySelector('mark')).toBeNull();
    expect(document.getElementById('p')!.textContent).toBe('Intro.  More.');
  });

  it('a mark moved within its paragraph, beside other words, is unseated and repaired away', () => {
    const { registry, highlights, repair, stop } = painted(`<p id="p">It is false that Acme said so. Intro. ${RISK} More.</p>`);
    const { highlight, stop: mark } = highlightOf(highlights, RISK);
    const paragraph = document.getElementById('p')!;
    paragraph.prepend(mark);
    expect(registry.seated(highlight)).toBe(false);
    expect(repair()).toEqual([highlight]);
    stop();
    expect(paragraph.querySelector('mark')).toBeNull();
    expect(paragraph.textContent).toBe(`${RISK}It is false that Acme said so. Intro.  More.`);
  });

  it('a clone of our mark is not ours, and the original stays seated', () => {
    const { registry, highlights, repair, stop } = painted(`<h1 id="h">Ad: </h1><p>Intro. ${RISK} More.</p>`);
    const { highlight, stop: mark } = highlightOf(highlights, RISK);
    const clone = mark.cloneNode(true) as HTMLElement;
    document.getElementById('h')!.append(clone);
    expect(registry.get(clone)).toBeUndefined();
    expect(repair()).toEqual([]);
    stop();
    expect(registry.seated(highlight)).toBe(true);
  });

  it('a clone left in our place while the original goes elsewhere: the original is unseated', () => {
    const { registry, highlights, repair, stop } = painted(`<h1 id="h">Ad: </h1><p>Intro. ${RISK} More.</p>`);
    const { highlight, stop: mark } = highlightOf(highlights, RISK);
    const clone = mark.cloneNode(true) as HTMLElement;
    mark.replaceWith(clone);
    document.getElementById('h')!.append(mark);
    expect(registry.get(clone)).toBeUndefined();
    expect(registry.seated(highlight)).toBe(false);
    expect(repair()).toContain(highlight);
    stop();
    expect(mark.isConnected).toBe(false);
  });

  it('text the page writes inside the mark unseats it before repair runs (and repair drops it)', () => {
    const { registry, highlights, repair, stop } = painted(`<p>Intro. ${RISK} More.</p>`);
    const { highlight, stop: mark } = highlightOf(highlights, RISK);
    (mark.firstChild as Text).data = 'Anthropic will never publish anything.';
    expect(registry.seated(highlight)).toBe(false);
    expect(repair()).toEqual([highlight]);
    stop();
  });

  it('words the page puts beside the mark (before or after it) unseat it', () => {
    const before = painted(`<p>Intro. ${RISK} More.</p>`);
    const first = highlightOf(before.highlights, RISK);
    const denial = document.createElement('b');
    denial.textContent = 'It is false that ';
    first.stop.before(denial);
    expect(before.registry.seated(first.highlight)).toBe(false);
    before.stop();

    const after = painted(`<p>Intro. ${RISK} More.</p>`);
    const second = highlightOf(after.highlights, RISK);
    second.stop.after(' (retracted)');
    expect(after.registry.seated(second.highlight)).toBe(false);
    after.stop();
  });

  it('a highlight split by a link: words put between its marks, or its second mark moved away, unseat it', () => {
    const html = `<p>Intro. Anthropic will publish <a href="#r">Risk Reports</a> every three to six months. More.</p><p id="q">Elsewhere.</p>`;
    const between = painted(html);
    const split = highlightOf(between.highlights, RISK);
    expect(split.highlight.elements.length).toBeGreaterThan(1);
    expect(between.registry.seated(split.highlight)).toBe(true);
    split.highlight.elements[0]!.after('never ');
    expect(between.registry.seated(split.highlight)).toBe(false);
    between.stop();

    const moved = painted(html);
    const parts = highlightOf(moved.highlights, RISK).highlight;
    document.getElementById('q')!.append(parts.elements[1]!);
    expect(moved.registry.seated(parts)).toBe(false);
    expect(moved.repair()).toContain(parts);
    moved.stop();
  });

  it("a range highlight's keyboard proxy moved away from its text is unseated", () => {
    // happy-dom has no Custom Highlight API: a stand-in registry takes our ranges.
    vi.stubGlobal('CSS', { highlights: new Map() });
    vi.stubGlobal('Highlight', Set);
    const { registry, highlights, stop } = painted(`<h1 id="h">Ad: </h1><p>${RISK}</p>`, () => 'range');
    vi.unstubAllGlobals();
    const { highlight } = highlightOf(highlights, RISK);
    expect(highlight.mode).toBe('range');
    const proxy = highlight.elements[0]!;
    expect(registry.seated(highlight)).toBe(true);
    document.getElementById('h')!.append(proxy);
    expect(registry.seated(highlight)).toBe(false);
    stop();
  });
});
