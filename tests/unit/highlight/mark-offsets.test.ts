// @vitest-environment happy-dom
/**
 * The key property of highlighting: a span of the extracted text, converted to mark.js ranges and
 * painted, wraps exactly the visible text of that span — no more (hidden or skipped text), no less —
 * and clearing restores the page's DOM byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { HighlightRegistry, MARK_CLASS, paintHighlights, type HighlightSpec, type PaintedHighlight } from '../../../lib/highlight/paint-highlights';
import { BLOCK_SEPARATOR, extractText, type ExtractedText } from '../../../lib/text/extract-text';
import { useSpecNodeIterator } from './spec-node-iterator';

const SEPARATORS = /[\u2029\n]/g;

/** What the marks of a span must contain: the span's text without the separators extraction inserted. */
function expectedMarkText(extracted: ExtractedText, start: number, end: number): string {
  return extracted.text.slice(start, end).replace(SEPARATORS, '');
}

function markText(highlight: PaintedHighlight): string {
  return highlight.elements.map((element) => element.textContent ?? '').join('');
}

/** Every attribute value of an element but its accessible description (which these tests set from the claim id). */
function attributeValues(element: Element): string {
  return [...element.attributes].filter((attribute) => attribute.name !== 'aria-description').map((attribute) => attribute.value).join(' ');
}

function spec(claimId: string, start: number, end: number, kind = 'binding-commitment'): HighlightSpec {
  return { claimId, kind, mentionId: `urn:test:${claimId}`, description: `Claim ${claimId}`, start, end };
}

/** Every sentence of the extracted text (runs ending in . ! or ?, never crossing a separator). */
function sentencesOf(text: string): Array<{ start: number; end: number; sentence: string }> {
  const out: Array<{ start: number; end: number; sentence: string }> = [];
  for (const match of text.matchAll(/[^.!?\u2029\s][^.!?\u2029]*[.!?]/g)) {
    out.push({ start: match.index, end: match.index + match[0].length, sentence: match[0] });
  }
  return out;
}

// happy-dom's NodeIterator breaks mark.js (see spec-node-iterator.ts); browsers follow the standard.
useSpecNodeIterator();

describe('the standard NodeIterator the tests install', () => {
  it('returns the same node on previousNode() right after nextNode(), as the DOM standard says', () => {
    const host = document.createElement('div');
    host.innerHTML = 'A<b>B</b>C';
    const iterator = document.createNodeIterator(host, 4);
    const order = [iterator.nextNode(), iterator.nextNode(), iterator.previousNode(), iterator.previousNode(), iterator.nextNode(), iterator.nextNode(), iterator.nextNode(), iterator.nextNode()];
    expect(order.map((node) => (node as Text | null)?.data ?? null)).toEqual(['A', 'B', 'B', 'A', 'A', 'B', 'C', null]);
  });

  it('lets mark.js finish on the tree that made happy-dom loop forever', () => {
    document.body.innerHTML = '<p>X<b>Y<a><i></i></a>Z</b></p>';
    const extracted = extractText(document.body);
    const registry = new HighlightRegistry();
    const [highlight] = paintHighlights(extracted, [spec('loop', 0, extracted.text.length)], registry);
    expect(markText(highlight!)).toBe('XYZ');
  });
});

const ARTICLE = [
  '<article>',
  '<h1>A <em>headline</em> about pledges</h1>',
  '<p>The lab said it <a href="#a">would <b>pause</b> training</a> if tests failed. ',
  'It later <span style="display:none">HIDDENWORD </span>dropped that promise quietly.</p>',
  '<textarea>TEXTAREAWORD draft comment</textarea>',
  '<script>var SCRIPTWORD = "never shown";</script>',
  '<p>Critics called the change <span hidden>HIDDENATTR</span>a retreat. ',
  'Supporters disagreed<br>on every point.</p>',
  '<ul><li>First item says <em>one</em> thing.</li><li>Second item has a list:',
  '<ul><li>Nested item <a href="#n">speaks</a>.</li><li>Another nested one.</li></ul></li></ul>',
  '<p>Final <span><em><b>deeply</b></em> styled</span> sentence here.</p>',
  '</article>',
].join('');

const FORBIDDEN = ['HIDDENWORD', 'HIDDENATTR', 'TEXTAREAWORD', 'SCRIPTWORD'];

describe('paintHighlights on a hand-built article', () => {
  it('wraps exactly each sentence, never hidden or skipped text, and clear() restores the DOM', () => {
    document.body.innerHTML = ARTICLE;
    const before = document.body.innerHTML;
    const extracted = extractText(document.body);
    for (const word of FORBIDDEN) expect(extracted.text).not.toContain(word);

    const sentences = sentencesOf(extracted.text);
    expect(sentences.map((s) => s.sentence)).toEqual([
      'The lab said it would pause training if tests failed.',
      'It later dropped that promise quietly.',
      'Critics called the change a retreat.',
      'Supporters disagreed\non every point.',
      'First item says one thing.',
      'Nested item speaks.',
      'Another nested one.',
      'Final deeply styled sentence here.',
    ]);

    const specs = sentences.map((s, i) => spec(`claim-${i}`, s.start, s.end, i % 2 ? 'announced-target' : 'binding-commitment'));
    const registry = new HighlightRegistry();
    const painted = paintHighlights(extracted, specs, registry);
    expect(painted).toHaveLength(specs.length);

    painted.forEach((highlight, i) => {
      const { start, end } = specs[i]!;
      expect(highlight.spec).toBe(specs[i]);
      expect(markText(highlight)).toBe(expectedMarkText(extracted, start, end));
      for (const element of highlight.elements) {
        expect(element.tagName).toBe('MARK');
        expect(element.classList.contains(MARK_CLASS)).toBe(true);
        // The kind is the styling hook; the ids stay in the registry, out of the page's sight.
        expect(element.dataset.claimKind).toBe(specs[i]!.kind);
        expect(element.getAttributeNames().filter((name) => name.startsWith('data-') && name !== 'data-claim-kind' && name !== 'data-markjs')).toEqual([]);
        // (The test's descriptions name the claim; the extension's name only the kind: page-annotator.ts.)
        expect(attributeValues(element)).not.toContain(specs[i]!.claimId);
        expect(attributeValues(element)).not.toContain(specs[i]!.mentionId);
        expect(registry.get(element)?.spec.claimId).toBe(specs[i]!.claimId);
        expect(registry.get(element)?.spec.mentionId).toBe(specs[i]!.mentionId);
        expect(element.closest('textarea, script, [hidden], [style*="display:none"]')).toBeNull();
        for (const word of FORBIDDEN) expect(element.textContent).not.toContain(word);
        expect(registry.get(element)).toBe(highlight);
      }
      const [first, ...rest] = highlight.elements;
      expect(first!.tabIndex).toBe(0);
      expect(first!.getAttribute('tabindex')).toBe('0');
      expect(first!.getAttribute('role')).toBe('button');
      expect(first!.getAttribute('aria-description')).toBe(`Claim ${specs[i]!.claimId}`);
      // Named by all its words: its own text when it holds them, else (split by inline markup) a label of them.
      const words = markText(highlight).replace(/\s+/g, '');
      expect((first!.getAttribute('aria-label') ?? first!.textContent ?? '').replace(/\s+/g, ''), 'the keyboard stop is named after the whole highlight').toBe(words);
      if (highlight.elements.length === 1) expect(first!.hasAttribute('aria-label'), 'one mark: named by its own words').toBe(false);
      // One keyboard stop per mention, however many pieces inline markup cut it into.
      for (const element of rest) {
        expect(element.hasAttribute('tabindex')).toBe(false);
        expect(element.hasAttribute('role')).toBe(false);
      }
    });

    // The sentence around the hidden span is split in two around it, not wrapped across it.
    const hiddenSpan = document.querySelector('span[style]')!;
    const around = painted[1]!.elements;
    expect(around.length).toBeGreaterThanOrEqual(2);
    expect(around.some((element) => element.contains(hiddenSpan))).toBe(false);
    // Inline markup splits a highlight into several marks.
    expect(painted[0]!.elements.length).toBeGreaterThan(1);

    const allMarks = Array.from(document.querySelectorAll(`mark.${MARK_CLASS}`));
    expect(allMarks.length).toBe(painted.reduce((n, h) => n + h.elements.length, 0));
    expect(registry.all()).toHaveLength(specs.length);

    registry.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.innerHTML).toBe(before);
    expect(registry.all()).toHaveLength(0);
    // The text nodes were merged back, so a fresh extraction sees the page as it was.
    expect(extractText(document.body).text).toBe(extracted.text);
  });

  it('highlights a span crossing several paragraphs without wrapping what lies between them', () => {
    document.body.innerHTML = ARTICLE;
    const before = document.body.innerHTML;
    const extracted = extractText(document.body);
    const start = extracted.text.indexOf('quietly.');
    const end = extracted.text.indexOf('a retreat') + 'a retreat'.length;
    const registry = new HighlightRegistry();
    const [highlight] = paintHighlights(extracted, [spec('cross', start, end)], registry);
    expect(highlight).toBeDefined();
    expect(extracted.text.slice(start, end)).toContain(BLOCK_SEPARATOR);
    expect(markText(highlight!)).toBe('quietly.Critics called the change a retreat');
    expect(document.querySelector('textarea')!.querySelector('mark')).toBeNull();
    registry.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('wraps a whitespace-only piece of a span (between two hidden elements) too', () => {
    // The span splits around the hidden elements into "Alpha", " " and "beta."; mark.js markRanges
    // silently skips a whitespace-only range, so painting must not rely on it for the middle space.
    document.body.innerHTML = '<p>Alpha<span hidden>x</span> <span hidden>y</span>beta.</p>';
    const extracted = extractText(document.body);
    expect(extracted.text).toBe('Alpha beta.');
    const registry = new HighlightRegistry();
    const [highlight] = paintHighlights(extracted, [spec('gap', 0, extracted.text.length)], registry);
    expect(markText(highlight!)).toBe('Alpha beta.');
    expect(highlight!.elements.every((element) => element.closest('[hidden]') === null)).toBe(true);
    expect(highlight!.elements[0]!.textContent).toBe('Alpha');
    expect(highlight!.elements[0]!.getAttribute('tabindex')).toBe('0');
    registry.clear();
    expect(document.body.innerHTML).toBe('<p>Alpha<span hidden="">x</span> <span hidden="">y</span>beta.</p>');
  });

  it('paints a whitespace-only span by hand and the spans on either side of it in the same text node', () => {
    // The blank span is wrapped by hand before mark.js runs, which splits the node: "three" now lies
    // in a new node, and mark.js's offsets must still land on it.
    document.body.innerHTML = '<p>One two three.</p>';
    const before = document.body.innerHTML;
    const extracted = extractText(document.body);
    const registry = new HighlightRegistry();
    const painted = paintHighlights(extracted, [spec('one', 0, 3), spec('blank', 3, 4), spec('three', 8, 13)], registry);
    expect(painted.map((highlight) => [highlight.spec.mentionId, markText(highlight)])).toEqual([
      ['urn:test:one', 'One'],
      ['urn:test:blank', ' '],
      ['urn:test:three', 'three'],
    ]);
    expect(document.querySelectorAll('mark')).toHaveLength(3);
    registry.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('paints several spans in one text node, including touching spans', () => {
    document.body.innerHTML = '<p>One two three four five six.</p>';
    const before = document.body.innerHTML;
    const extracted = extractText(document.body);
    const at = (word: string) => extracted.text.indexOf(word);
    const specs = [
      spec('b', at('three'), at('four') + 4),
      spec('a', at('One'), at('two') + 3),
      spec('c', at('four') + 4, at('six.') + 4),
    ];
    const registry = new HighlightRegistry();
    const painted = paintHighlights(extracted, specs, registry);
    const textById = new Map(painted.map((highlight) => [highlight.spec.claimId, markText(highlight)]));
    expect(textById).toEqual(new Map([['a', 'One two'], ['b', 'three four'], ['c', ' five six.']]));
    expect(registry.all()).toHaveLength(3);
    registry.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('does not return a page-forged mark from the registry, and clear() leaves it alone', () => {
    document.body.innerHTML =
      '<p>Real sentence about a pledge.</p><p><mark class="pledge-lens-mark" data-claim-id="claim-0" data-claim-kind="binding-commitment" tabindex="0" role="button">Forged highlight text.</mark></p>';
    const before = document.body.innerHTML;
    const forged = document.querySelector('mark')!;
    const extracted = extractText(document.body);
    const start = extracted.text.indexOf('Real');
    const registry = new HighlightRegistry();
    const [real] = paintHighlights(extracted, [spec('claim-0', start, start + 'Real sentence about a pledge.'.length)], registry);
    expect(real).toBeDefined();
    expect(registry.get(real!.elements[0]!)).toBe(real);
    expect(registry.get(forged)).toBeUndefined();
    expect(registry.all().flatMap((h) => h.elements)).not.toContain(forged);
    registry.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(forged.isConnected).toBe(true);
  });

  it('paints inside an open shadow root on the shadow root, and clears it', () => {
    document.body.innerHTML = '<p>Light <em>side</em> sentence.</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow <b>side</b> sentence.</p><textarea>SHADOWTEXTAREA</textarea><p>Second shadow line.</p>';
    const beforeLight = document.body.innerHTML;
    const beforeShadow = shadow.innerHTML;
    const extracted = extractText(document.body);
    const specs = sentencesOf(extracted.text).map((s, i) => spec(`s${i}`, s.start, s.end));
    expect(specs).toHaveLength(3);
    const registry = new HighlightRegistry();
    const painted = paintHighlights(extracted, specs, registry);
    expect(painted.map(markText)).toEqual(['Light side sentence.', 'Shadow side sentence.', 'Second shadow line.']);
    expect(shadow.querySelectorAll('mark')).toHaveLength(painted[1]!.elements.length + painted[2]!.elements.length);
    registry.clear();
    expect(document.body.innerHTML).toBe(beforeLight);
    expect(shadow.innerHTML).toBe(beforeShadow);
  });
});

// ---------------------------------------------------------------------------------------------
// Randomised property test

/** mulberry32: a small seeded PRNG so every failure reproduces from its seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'pledge', 'safety', 'model', 'the', 'lab', 'will', 'pause', 'Risk', 'Report', 'quarterly', 'said', 'never',
  'café', 'naïve', 'Zürich', 'über', '日本語', 'Привет', 'мир', '🚀', '👩‍💻', '🇪🇺', 'שלום', 'עולם', 'مرحبا', 'بالعالم',
  'e\u0301tude', 'x²', '1,000', '3-6', '“quoted”', 'it’s', '—', '…', '.', ',', ';', '!',
];

/** Text that must never be highlighted; every hidden or skipped node carries one of these. */
const SECRET = 'ZQSECRET';

interface Generated {
  /** Visible text nodes' data, in document order: an oracle independent of extractText. */
  visible: string[];
}

function randomWords(random: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]!);
  let text = out.join(' ');
  if (random() < 0.4) text = ' ' + text;
  if (random() < 0.4) text += ' ';
  return text;
}

function buildRandomTree(random: () => number, parent: Element, depth: number, inList: boolean, generated: Generated, counter: { secrets: number }): void {
  const children = 1 + Math.floor(random() * (depth > 4 ? 2 : 5));
  for (let i = 0; i < children; i++) {
    const roll = random();
    const doc = parent.ownerDocument;
    if (inList) {
      const li = doc.createElement('li');
      parent.append(li);
      buildRandomTree(random, li, depth + 1, false, generated, counter);
      continue;
    }
    if (roll < 0.35 || depth > 6) {
      const text = randomWords(random, 1 + Math.floor(random() * 6));
      parent.append(doc.createTextNode(text));
      generated.visible.push(text);
    } else if (roll < 0.55) {
      const tag = ['span', 'em', 'a', 'b'][Math.floor(random() * 4)]!;
      const element = doc.createElement(tag);
      if (tag === 'a') element.setAttribute('href', '#r');
      parent.append(element);
      buildRandomTree(random, element, depth + 1, false, generated, counter);
    } else if (roll < 0.7) {
      const element = doc.createElement(random() < 0.5 ? 'p' : 'div');
      parent.append(element);
      buildRandomTree(random, element, depth + 1, false, generated, counter);
    } else if (roll < 0.77) {
      const list = doc.createElement('ul');
      parent.append(list);
      buildRandomTree(random, list, depth + 1, true, generated, counter);
    } else if (roll < 0.83) {
      parent.append(doc.createElement('br'));
    } else {
      // Something whose text must stay untouched: a textarea, a script, or a hidden span.
      const kind = Math.floor(random() * 4);
      const secret = `${SECRET}${counter.secrets++}`;
      if (kind === 0) {
        const textarea = doc.createElement('textarea');
        textarea.textContent = `${secret} typed`;
        parent.append(textarea);
      } else if (kind === 1) {
        const script = doc.createElement('script');
        script.textContent = `var ${secret} = 1;`;
        parent.append(script);
      } else if (kind === 2) {
        const span = doc.createElement('span');
        span.setAttribute('hidden', '');
        span.textContent = secret;
        parent.append(span);
      } else {
        const span = doc.createElement('span');
        span.setAttribute('style', 'display:none');
        span.textContent = `${secret} x`;
        parent.append(span);
      }
    }
  }
}

/** Snaps an offset so it never falls between the two halves of a surrogate pair. */
function snap(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

function randomSpans(random: () => number, text: string): Array<{ start: number; end: number }> {
  const count = Math.floor(random() * 7);
  const cuts = new Set<number>();
  for (let i = 0; i < count * 2; i++) cuts.add(snap(text, Math.floor(random() * (text.length + 1))));
  const sorted = [...cuts].sort((a, b) => a - b);
  const spans: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    // Sometimes make spans touch: adjacent highlights must not merge or shift each other.
    const start = i > 0 && random() < 0.2 ? spans[spans.length - 1]?.end ?? sorted[i]! : sorted[i]!;
    if (sorted[i + 1]! > start) spans.push({ start, end: sorted[i + 1]! });
  }
  return spans;
}

describe('paintHighlights: randomised property (200 seeded trees)', () => {
  it('marks exactly the visible text of each span and clear() restores the DOM', () => {
    const failures: string[] = [];
    let paintedCount = 0;
    for (let iteration = 0; iteration < 200; iteration++) {
      const seed = 0x5eed + iteration * 7919;
      const random = mulberry32(seed);
      document.body.innerHTML = '';
      const root = document.createElement('main');
      document.body.append(root);
      const generated: Generated = { visible: [] };
      buildRandomTree(random, root, 0, false, generated, { secrets: 0 });
      const before = document.body.innerHTML;

      const extracted = extractText(document.body);
      // Oracle 1: with separators removed, the extracted text is exactly the visible text nodes.
      const flat = extracted.text.replace(SEPARATORS, '');
      if (flat !== generated.visible.join('')) {
        failures.push(`seed ${seed}: extracted text differs from the visible nodes`);
        continue;
      }
      if (extracted.text.includes(SECRET)) failures.push(`seed ${seed}: hidden text extracted`);

      const spans = randomSpans(random, extracted.text);
      const specs = spans.map((span, i) => spec(`r${i}`, span.start, span.end, i % 2 ? 'announced-target' : 'binding-commitment'));
      const registry = new HighlightRegistry();
      const painted = paintHighlights(extracted, specs, registry);
      paintedCount += painted.length;
      const paintedBySpec = new Map(painted.map((highlight) => [highlight.spec, highlight]));

      for (const s of specs) {
        const expected = expectedMarkText(extracted, s.start, s.end);
        const highlight = paintedBySpec.get(s);
        if (!highlight) {
          // Only a span with nothing visible to wrap may go unpainted (mark.js skips blank ranges).
          if (expected.trim() !== '') failures.push(`seed ${seed}: span ${JSON.stringify(expected)} not painted`);
          continue;
        }
        const actual = markText(highlight);
        if (actual !== expected) failures.push(`seed ${seed}: marks ${JSON.stringify(actual)} != span ${JSON.stringify(expected)}`);
        for (const element of highlight.elements) {
          if ((element.textContent ?? '').includes(SECRET)) failures.push(`seed ${seed}: a mark holds hidden text`);
          if (element.closest('textarea, script, [hidden], [style*="display:none"]')) failures.push(`seed ${seed}: a mark sits in a skipped element`);
          if (element.dataset.claimKind !== s.kind || attributeValues(element).includes(s.claimId) || attributeValues(element).includes(s.mentionId)) failures.push(`seed ${seed}: wrong data attributes`);
          if (registry.get(element) !== highlight) failures.push(`seed ${seed}: registry does not know a mark`);
        }
        const first = highlight.elements[0]!;
        if (first.getAttribute('tabindex') !== '0' || first.getAttribute('role') !== 'button' || first.getAttribute('aria-description') !== s.description) {
          failures.push(`seed ${seed}: first mark lacks its keyboard and ARIA attributes`);
        }
        // Named by its words: a highlight in one mark by its text; one split by markup by a label of its
        // marks' words in order, from the first on (those in the first's block: a nested block's stay its own).
        const label = first.getAttribute('aria-label');
        const squeezed = (text: string) => text.replace(/\s+/g, '');
        const ofItsMarks = (words: string): boolean => highlight.elements.reduce((left, element) => (left.startsWith(squeezed(element.textContent ?? '')) ? left.slice(squeezed(element.textContent ?? '').length) : left), words) === '';
        if (highlight.elements.length === 1 ? label !== null : label !== null && !(squeezed(label).startsWith(squeezed(first.textContent ?? '')) && ofItsMarks(squeezed(label)))) {
          failures.push(`seed ${seed}: keyboard stop named ${JSON.stringify(label)} for ${JSON.stringify(actual)}`);
        }
        if (highlight.elements.slice(1).some((element) => element.hasAttribute('aria-label') || element.hasAttribute('tabindex'))) failures.push(`seed ${seed}: a second keyboard stop`);
      }
      const secretsIntact = Array.from(document.querySelectorAll('textarea, script, [hidden], [style*="display:none"]')).every(
        (element) => element.querySelector('mark') === null,
      );
      if (!secretsIntact) failures.push(`seed ${seed}: a skipped element gained a mark`);

      registry.clear();
      if (document.body.innerHTML !== before) failures.push(`seed ${seed}: clear() did not restore the DOM`);
      if (document.querySelectorAll('mark').length !== 0) failures.push(`seed ${seed}: marks left after clear()`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The generator must actually exercise painting.
    expect(paintedCount).toBeGreaterThan(300);
  });
});
