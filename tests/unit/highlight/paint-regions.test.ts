// @vitest-environment happy-dom
/**
 * Painting a region's highlights with one mark.js `markRanges` call: each mark must still belong to
 * exactly its own highlight (the `each` callback's bookkeeping), spans across inline markup, adjacent
 * and overlapping spans, many paragraphs and many spans per paragraph must come out as they did when
 * every highlight had its own call, and a span whose text the page changed before painting is skipped.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightRegistry, MARK_CLASS, paintHighlights, paintHighlightsSliced, type HighlightSpec, type PaintedHighlight } from '../../../lib/highlight/paint-highlights';
import { extractText, type ExtractedText } from '../../../lib/text/extract-text';
import { useSpecNodeIterator } from './spec-node-iterator';

function spec(id: string, start: number, end: number, kind = 'binding-commitment'): HighlightSpec {
  return { claimId: `claim-${id}`, kind, mentionId: `urn:test:${id}`, description: `Label ${id}`, start, end };
}

/** The span of `phrase` (its n-th occurrence) in the extracted text. */
function at(extracted: ExtractedText, phrase: string, id: string, occurrence = 0): HighlightSpec {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = extracted.text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`${phrase} not in the page`);
  return spec(id, start, start + phrase.length);
}

const textOf = (highlight: PaintedHighlight) => highlight.elements.map((element) => element.textContent).join('');

/** Every mark in the document belongs to a painted highlight, its text is that highlight's, and only the first is a keyboard stop. */
function expectIdentity(registry: HighlightRegistry, painted: readonly PaintedHighlight[]): void {
  const marks = Array.from(document.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}`));
  expect(marks.length).toBe(painted.reduce((n, highlight) => n + highlight.elements.length, 0));
  for (const mark of marks) {
    const owner = registry.get(mark);
    expect(owner, `mark "${mark.textContent}" is in the registry`).toBeDefined();
    expect(owner!.elements).toContain(mark);
    expect(mark.getAttribute('data-claim-kind')).toBe(owner!.spec.kind);
    expect(mark.getAttribute('data-markjs')).toBe('true');
    const first = owner!.elements[0] === mark;
    expect(mark.getAttribute('tabindex')).toBe(first ? '0' : null);
    expect(mark.getAttribute('role')).toBe(first ? 'button' : null);
    expect(mark.getAttribute('aria-haspopup')).toBe(first ? 'dialog' : null);
    expect(mark.getAttribute('aria-description')).toBe(first ? owner!.spec.description : null);
    // Named by the page's words: its own text, or for a highlight split by inline markup all its words (its marks' text in order).
    const label = mark.getAttribute('aria-label');
    if (!first || owner!.elements.length === 1) expect(label).toBeNull();
    else if (label !== null) expect(label.replace(/\s+/g, '')).toBe(textOf(owner!).replace(/\s+/g, ''));
  }
  for (const highlight of painted) {
    // Document order: each element follows the one before it.
    highlight.elements.slice(1).forEach((element, i) => expect(highlight.elements[i]!.compareDocumentPosition(element) & 4).toBe(4));
  }
}

/** The contexts of every mark.js instance painting makes (one per `markRanges` call), in order. */
const markJsContexts: number[] = [];
vi.mock('mark.js', async (importOriginal) => {
  const Real = (await importOriginal<{ default: new (context: Node | Node[]) => object }>()).default;
  return {
    default: vi.fn(function (this: unknown, context: Node | Node[]) {
      markJsContexts.push(Array.isArray(context) ? context.length : 1);
      return new Real(context);
    }),
  };
});

/** The contexts mark.js walks from now on: each is walked once per call that names it. */
function markJsWalks(): { mock: { calls: unknown[][] } } {
  markJsContexts.length = 0;
  return { mock: { get calls() { return markJsContexts.flatMap((contexts) => Array.from({ length: contexts }, () => [])); } } };
}

useSpecNodeIterator();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('one markRanges call per region', () => {
  it('paints three spans of one paragraph, one across inline markup, with one call and each mark in its own highlight', () => {
    document.body.innerHTML = '<p>Alpha said <b>it would <a href="#x">pause</a> training</b> soon. Beta agreed. Gamma <em>did</em> not.</p>';
    const before = document.body.innerHTML;
    const extracted = extractText(document.body);
    // mark.js walks each context once: one region, one walk (a call per highlight made three).
    const walks = markJsWalks();
    const specs = [at(extracted, 'it would pause training soon.', 'a'), at(extracted, 'Beta agreed.', 'b'), at(extracted, 'Gamma did not.', 'c')];
    const registry = new HighlightRegistry();
    const painted = paintHighlights(extracted, specs, registry);
    expect(walks.mock.calls.length).toBe(1);
    expect(painted.map((highlight) => highlight.spec)).toEqual(specs);
    expect(painted.map(textOf)).toEqual(['it would pause training soon.', 'Beta agreed.', 'Gamma did not.']);
    // The span across <b> and <a> is cut at each element boundary.
    expect(painted[0]!.elements.map((element) => element.textContent)).toEqual(['it would ', 'pause', ' training', ' soon.']);
    expect(painted[0]!.elements[1]!.parentElement!.tagName).toBe('A');
    expect(painted[2]!.elements.map((element) => element.textContent)).toEqual(['Gamma ', 'did', ' not.']);
    expectIdentity(registry, painted);
    registry.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('keeps adjacent spans apart and, of two overlapping spans, paints the later one only', () => {
    document.body.innerHTML = '<p>One two three four five six seven.</p>';
    const extracted = extractText(document.body);
    const specs = [
      at(extracted, 'One two', 'first'),
      at(extracted, ' three', 'adjacent'), // starts where 'first' ends
      at(extracted, 'four five', 'earlier-overlap'),
      at(extracted, 'five six', 'later-overlap'),
    ];
    const registry = new HighlightRegistry();
    const painted = paintHighlights(extracted, specs, registry);
    expect(painted.map((highlight) => [highlight.spec.mentionId, textOf(highlight)])).toEqual([
      ['urn:test:first', 'One two'],
      ['urn:test:adjacent', ' three'],
      ['urn:test:later-overlap', 'five six'],
    ]);
    expect(painted.every((highlight) => highlight.elements.length === 1)).toBe(true);
    expect(document.querySelectorAll('mark mark')).toHaveLength(0);
    expectIdentity(registry, painted);
  });

  it('paints spans in many paragraphs and many spans in one paragraph exactly, in several calls', () => {
    const paragraphs = Array.from({ length: 20 }, (_, p) => `<p>Para ${p} <i>starts</i> here. ${Array.from({ length: 6 }, (_, s) => `Sentence ${p}-${s} ends.`).join(' ')}</p>`);
    const long = `<p>${Array.from({ length: 90 }, (_, s) => `Word${s}.`).join(' ')}</p>`;
    document.body.innerHTML = `<article>${paragraphs.join('')}<div>${long}</div></article>`;
    const before = document.body.innerHTML;
    const extracted = extractText(document.body);
    const specs: HighlightSpec[] = [];
    for (let p = 0; p < 20; p++) {
      specs.push(at(extracted, `Para ${p} starts here.`, `p${p}`));
      for (let s = 0; s < 6; s += 2) specs.push(at(extracted, `Sentence ${p}-${s} ends.`, `p${p}s${s}`));
    }
    for (let s = 0; s < 90; s++) specs.push(at(extracted, `Word${s}.`, `w${s}`));
    const walks = markJsWalks();
    const registry = new HighlightRegistry();
    const painted = paintHighlights(extracted, specs, registry);
    expect(painted).toHaveLength(specs.length);
    expect(painted.map(textOf)).toEqual(specs.map((s) => extracted.text.slice(s.start, s.end)));
    // About one walk per paragraph holding highlights (21; the long one takes two calls), not one per highlight (170).
    expect(walks.mock.calls.length).toBeGreaterThanOrEqual(21);
    expect(walks.mock.calls.length).toBeLessThan(30);
    expectIdentity(registry, painted);
    registry.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('skips a span whose text the page changed after extraction and paints the rest where they are', () => {
    document.body.innerHTML = '<p id="a">The lab will pause training.</p><p id="b">The board will review it.</p>';
    const extracted = extractText(document.body);
    const specs = [at(extracted, 'will pause training', 'changed'), at(extracted, 'will review it', 'kept')];
    // Same length, other words: offsets still fit, so only the text tells.
    (document.getElementById('a')!.firstChild as Text).data = 'The lab may resume sessions.';
    const registry = new HighlightRegistry();
    const painted = paintHighlights(extracted, specs, registry);
    expect(painted.map((highlight) => highlight.spec.mentionId)).toEqual(['urn:test:kept']);
    expect(textOf(painted[0]!)).toBe('will review it');
    expect(document.getElementById('a')!.innerHTML).toBe('The lab may resume sessions.');
    expectIdentity(registry, painted);
  });

  it('skips a region whose text changed while painting paused, and paints the same as unsliced otherwise', async () => {
    const html = '<p id="a">First claim here. Second claim here.</p><p id="b">Third claim <b>here</b>.</p>';
    document.body.innerHTML = html;
    let extracted = extractText(document.body);
    const specsOf = (e: ExtractedText) => [at(e, 'First claim here.', '1'), at(e, 'Second claim here.', '2'), at(e, 'Third claim here.', '3')];
    const whole = paintHighlights(extracted, specsOf(extracted), new HighlightRegistry());
    const unsliced = document.body.innerHTML;
    expect(whole).toHaveLength(3);

    document.body.innerHTML = html;
    extracted = extractText(document.body);
    const registry = new HighlightRegistry();
    const sliced = await paintHighlightsSliced(extracted, specsOf(extracted), registry, { shouldYield: () => true, yieldNow: async () => undefined, step: (paint) => paint() });
    expect(document.body.innerHTML).toBe(unsliced);
    expect(sliced.map(textOf)).toEqual(whole.map(textOf));
    expectIdentity(registry, sliced);

    document.body.innerHTML = html;
    extracted = extractText(document.body);
    const first = document.getElementById('a')!.firstChild as Text;
    let pauses = 0;
    const changed = await paintHighlightsSliced(extracted, specsOf(extracted), new HighlightRegistry(), {
      shouldYield: () => true,
      // The three spans make one region (wrapped after the last span is planned); before that, the page
      // rewrites the first sentence (same length, other words) and leaves the second as it was.
      yieldNow: async () => {
        if (++pauses === 3) first.data = 'Final claim gone. Second claim here.';
      },
      step: (paint) => paint(),
    });
    expect(pauses).toBe(3);
    expect(changed.map(textOf)).toEqual(['Second claim here.', 'Third claim here.']);
    expect(document.getElementById('a')!.textContent).toBe('Final claim gone. Second claim here.');
    expect(document.getElementById('a')!.querySelector('mark')!.textContent).toBe('Second claim here.');
  });
});

describe('the first region first', () => {
  it('wraps the highlights at the top of the page before the rest, and paints every span as before', async () => {
    const paragraphs = Array.from({ length: 30 }, (_, p) => `<p>Para ${p} <i>starts</i> here. Sentence ${p} ends.</p>`);
    document.body.innerHTML = `<article>${paragraphs.join('')}</article>`;
    const before = document.body.innerHTML;
    const extracted = extractText(document.body);
    const specs = Array.from({ length: 30 }, (_, p) => [at(extracted, `Para ${p} starts here.`, `p${p}`), at(extracted, `Sentence ${p} ends.`, `s${p}`)]).flat();
    const registry = new HighlightRegistry();
    const paragraphOf = (mark: Element) => Array.from(document.querySelectorAll('p')).indexOf(mark.closest('p')!);
    const firstStep: number[] = [];
    let steps = 0;
    const painted = await paintHighlightsSliced(extracted, specs, registry, {
      shouldYield: () => true,
      yieldNow: async () => undefined,
      step: (paint) => {
        const result = paint();
        if (++steps === 1) firstStep.push(...Array.from(document.querySelectorAll(`mark.${MARK_CLASS}`), paragraphOf));
        return result;
      },
    });
    // The first wrapping is the first 8 paragraphs (one region), the page's top.
    expect(new Set(firstStep)).toEqual(new Set(Array.from({ length: 8 }, (_, p) => p)));
    expect(painted.map(textOf)).toEqual(specs.map((s) => extracted.text.slice(s.start, s.end)));
    expectIdentity(registry, painted);
    registry.clear();
    expect(document.body.innerHTML).toBe(before);

    // With time to spare in the slice, the page still gets its main thread back once: right after the first region.
    const again = extractText(document.body);
    const pauses: number[] = [];
    const repainted = await paintHighlightsSliced(again, specs, new HighlightRegistry(), {
      shouldYield: () => false,
      yieldNow: async () => void pauses.push(document.querySelectorAll(`mark.${MARK_CLASS}`).length),
      step: (paint) => paint(),
    });
    // 8 paragraphs: 'Para p starts here.' in three marks (across <i>) and one sentence each.
    expect(pauses).toEqual([32]);
    expect(repainted).toHaveLength(specs.length);
  });

  it('ends the first region where a text node ends: spans after it in the same node are still painted exactly', () => {
    const words = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `Word${from + i}.`).join(' ');
    // 60 spans in one text node, one in <b>, 10 in the next node: the 64-piece region would end inside that node.
    document.body.innerHTML = `<p>${words(0, 60)} <b>Bold.</b> ${words(60, 70)}</p><p>${words(70, 160)}</p>`;
    const before = document.body.innerHTML;
    const extracted = extractText(document.body);
    const specs = [...Array.from({ length: 60 }, (_, i) => at(extracted, `Word${i}.`, `w${i}`)), at(extracted, 'Bold.', 'bold'), ...Array.from({ length: 100 }, (_, i) => at(extracted, `Word${60 + i}.`, `w${60 + i}`))];
    const registry = new HighlightRegistry();
    const painted = paintHighlights(extracted, specs, registry);
    expect(painted).toHaveLength(specs.length);
    expect(painted.map(textOf)).toEqual(specs.map((s) => extracted.text.slice(s.start, s.end)));
    expectIdentity(registry, painted);
    registry.clear();
    expect(document.body.innerHTML).toBe(before);
  });
});
