// @vitest-environment happy-dom
/**
 * Issue 13: text the page owns stays the page's. After painting, a framework that writes to a text
 * node it holds (or removes it) must leave exactly its new text on screen: `repair` removes the copies
 * painting made of the old text. Range painting (flex/grid text, interim) adds nothing to the text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HighlightRegistry, paintHighlights, settleInterim, type HighlightSpec, type ModeChooser } from '../../../lib/highlight/paint-highlights';
import { RANGE_HIGHLIGHT_NAMES } from '../../../lib/highlight/range-highlights';
import { extractText } from '../../../lib/text/extract-text';
import { installSpecNodeIterator } from './spec-node-iterator';

const CLAIM = 'Anthropic will publish Risk Reports every three to six months.';

function spec(start: number, end: number, id = 'risk'): HighlightSpec {
  return { claimId: id, kind: 'binding-commitment', mentionId: `urn:test:${id}:${start}`, description: `Claim ${id}`, start, end };
}

/**
 * Paints every occurrence of CLAIM and returns the registry and a recorder of the page's mutations.
 * `hold` runs before painting: what a framework keeps references to.
 */
function paintClaims(html: string, modeOf?: ModeChooser, hold: () => Text | null = () => null) {
  document.body.innerHTML = html;
  const held = hold() ?? document.createTextNode('');
  const extracted = extractText(document.body, { isHidden: () => false });
  const specs: HighlightSpec[] = [];
  for (let at = extracted.text.indexOf(CLAIM); at >= 0; at = extracted.text.indexOf(CLAIM, at + 1)) specs.push(spec(at, at + CLAIM.length, `risk-${specs.length}`));
  const registry = new HighlightRegistry();
  const painted = paintHighlights(extracted, specs, registry, modeOf);
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { registry, painted, held, records: () => observer.takeRecords(), stop: () => observer.disconnect() };
}

/** A stand-in for the CSS Custom Highlight API (happy-dom has none). */
class FakeHighlight extends Set<AbstractRange> {}
const fakeRegistry = new Map<string, FakeHighlight>();

let uninstall: () => void = () => undefined;
const realCss = Object.getOwnPropertyDescriptor(globalThis, 'CSS');

beforeAll(() => {
  uninstall = installSpecNodeIterator(document);
  Object.defineProperty(globalThis, 'Highlight', { value: FakeHighlight, configurable: true, writable: true });
  Object.defineProperty(globalThis, 'CSS', { value: { highlights: fakeRegistry }, configurable: true, writable: true });
});

afterAll(() => {
  uninstall();
  Reflect.deleteProperty(globalThis, 'Highlight');
  if (realCss) Object.defineProperty(globalThis, 'CSS', realCss);
});

afterEach(() => {
  document.body.innerHTML = '';
  fakeRegistry.clear();
});

describe('repair: the page rewrites or removes a text node we split', () => {
  it("after `node.data = …` on the page's node, the paragraph reads exactly the new text, unhighlighted", () => {
    const { registry, painted, held: owned, records, stop } = paintClaims(`<p id="p">Update: ${CLAIM} More later.</p>`, undefined, () => document.getElementById('p')!.firstChild as Text);
    const paragraph = document.getElementById('p')!;
    expect(painted).toHaveLength(1);
    expect(owned.data, 'painting kept the text before the mark in the page\'s node').toBe('Update: ');
    owned.data = 'Correction: the entry was withdrawn.';
    const dropped = registry.repair(records());
    stop();
    expect(dropped).toEqual(painted);
    expect(paragraph.textContent).toBe('Correction: the entry was withdrawn.');
    expect(paragraph.querySelector('mark')).toBeNull();
    expect(registry.all()).toEqual([]);
  });

  it('drops every highlight split from the node, including two claims in one text node', () => {
    const { registry, painted, records, stop } = paintClaims(`<p id="p">${CLAIM} And again: ${CLAIM}</p>`);
    expect(painted).toHaveLength(2);
    (document.getElementById('p')!.firstChild as Text).data = 'Nothing to see.';
    expect(registry.repair(records())).toHaveLength(2);
    stop();
    expect(document.getElementById('p')!.textContent).toBe('Nothing to see.');
  });

  it('after the page removes its node, none of the old text stays', () => {
    const { registry, records, stop } = paintClaims(`<p id="p">${CLAIM}</p>`);
    const paragraph = document.getElementById('p')!;
    paragraph.removeChild(paragraph.firstChild!);
    registry.repair(records());
    stop();
    expect(paragraph.textContent).toBe('');
  });

  it('merges back the other parts of a highlight split by inline markup', () => {
    const { registry, held: owned, records, stop } = paintClaims('<p id="p">Note: <em>Anthropic</em> will publish Risk Reports every three to six months.</p>', undefined, () => document.getElementById('p')!.lastChild as Text);
    const paragraph = document.getElementById('p')!;
    expect(paragraph.querySelectorAll('mark').length).toBeGreaterThan(1);
    owned.data = ' has withdrawn the plan.';
    registry.repair(records());
    stop();
    expect(paragraph.textContent).toBe('Note: Anthropic has withdrawn the plan.');
    expect(paragraph.querySelector('mark')).toBeNull();
    expect(paragraph.querySelector('em')!.childNodes).toHaveLength(1);
  });

  it('leaves highlights alone when the page changes other text', () => {
    const { registry, records, stop } = paintClaims(`<p>${CLAIM}</p><p id="other">Clock: 1</p>`);
    (document.getElementById('other')!.firstChild as Text).data = 'Clock: 2';
    expect(registry.repair(records())).toEqual([]);
    stop();
    expect(registry.all()).toHaveLength(1);
  });
});

describe('range painting (CSS Custom Highlight API)', () => {
  it("'interim' adds nothing to the DOM; settling wraps it with mark.js", () => {
    const { registry, painted, stop } = paintClaims(`<p id="p">${CLAIM}</p>`, () => 'interim');
    stop();
    const paragraph = document.getElementById('p')!;
    expect(paragraph.childNodes).toHaveLength(1);
    expect([...fakeRegistry.get(RANGE_HIGHLIGHT_NAMES['binding-commitment'])!].map((range) => (range as Range).toString())).toEqual([CLAIM]);
    expect(painted[0]!.elements).toEqual([]);
    const settled = settleInterim(registry, () => 'mark');
    expect(settled).toHaveLength(1);
    expect(paragraph.querySelector('mark')!.textContent).toBe(CLAIM);
    expect(paragraph.querySelector('mark')!.getAttribute('role')).toBe('button');
    expect(fakeRegistry.get(RANGE_HIGHLIGHT_NAMES['binding-commitment'])!.size).toBe(0);
  });

  it("'range' keeps the page's text node whole and adds one empty keyboard stop before it", () => {
    const { registry, painted, stop } = paintClaims(`<div id="d">Teaser. ${CLAIM} <a href="#">More</a></div>`, () => 'range');
    stop();
    const container = document.getElementById('d')!;
    const [proxy, text] = [...container.childNodes];
    expect((proxy as HTMLElement).tagName).toBe('MARK');
    expect(proxy!.textContent).toBe('');
    expect((proxy as HTMLElement).getAttribute('role')).toBe('button');
    expect((proxy as HTMLElement).tabIndex).toBe(0);
    // It holds no text: it is named by the words it stands for, and says what it is in its description.
    expect((proxy as HTMLElement).getAttribute('aria-label')).toBe(CLAIM);
    expect((proxy as HTMLElement).getAttribute('aria-description')).toBe('Claim risk-0');
    expect((proxy as HTMLElement).style.getPropertyValue('position')).toBe('absolute');
    expect((text as Text).data).toBe(`Teaser. ${CLAIM} `);
    expect(registry.get(proxy as Element)).toBe(painted[0]);
    registry.clear();
    expect(container.innerHTML).toBe(`Teaser. ${CLAIM} <a href="#">More</a>`);
  });

  it('a range highlight whose text the page changed is dropped by repair, proxy and all', () => {
    const { registry, records, stop } = paintClaims(`<div id="d">${CLAIM}</div>`, () => 'range');
    const container = document.getElementById('d')!;
    (container.lastChild as Text).data = 'Something else entirely.';
    expect(registry.repair(records())).toHaveLength(1);
    stop();
    expect(container.querySelector('mark')).toBeNull();
  });
});

describe('extractText: what can appear later', () => {
  it('lists elements hidden by the hidden attribute or by CSS, for a later look', () => {
    document.body.innerHTML = '<p id="a" hidden>One.</p><details id="d"><summary>S</summary><p id="b">Two.</p></details><p>Three.</p>';
    const extracted = extractText(document.body, { isHidden: (element) => element.id === 'b' });
    expect(extracted.text).toBe('S\u2029Three.');
    expect(extracted.hidden.map((element) => element.id).sort()).toEqual(['a', 'b']);
  });

  it("reads a text/plain document's <pre> when told to, and code blocks never", () => {
    document.body.innerHTML = '<pre id="doc">Plain text.</pre>';
    expect(extractText(document.body, { isHidden: () => false }).text).toBe('');
    expect(extractText(document.body, { isHidden: () => false, include: (element) => element.id === 'doc' }).text).toBe('Plain text.');
  });

  it('leaves out an element by identity (our card host, whatever its tag)', () => {
    document.body.innerHTML = '<div id="host">Card text.</div><p>Page text.</p>';
    const host = document.getElementById('host')!;
    expect(extractText(document.body, { isHidden: () => false, skip: (element) => element === host }).text).toBe('Page text.');
  });
});
