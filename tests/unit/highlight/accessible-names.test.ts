// @vitest-environment happy-dom
/**
 * What a screen reader reads for a highlight. The keyboard stop is a button, whose content is
 * presentational: with an `aria-label` of ours, the reader heard our label instead of the article's
 * sentence, every highlight of a kind had the same name, and a highlighted headline was renamed
 * after it. The page's words must stay the name (of the button and of a heading holding it) and our
 * words be the description. Names are computed here by dom-accessibility-api (through Testing
 * Library's role queries), a model of the W3C name computation; the E2E run reads the browsers' own
 * trees (chromium-highlights.test.ts, firefox-highlights.test.ts).
 */
import { getAllByRole, getByRole } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { HighlightRegistry, paintHighlights, type HighlightSpec } from '../../../lib/highlight/paint-highlights';
import { extractText } from '../../../lib/text/extract-text';
import { useSpecNodeIterator } from './spec-node-iterator';

const HEADLINE = 'Anthropic drops its pledge to pause training';
const SENTENCE = 'OpenAI will publish a system card for every frontier model.';
const DESCRIPTION = 'Binding commitment (Pledge Lens): press Enter for details';

/** Paints each phrase (its first occurrence in the page's text) as a binding commitment. */
function paint(html: string, phrases: readonly string[]): void {
  document.body.innerHTML = html;
  const extracted = extractText(document.body, { isHidden: () => false });
  const specs: HighlightSpec[] = phrases.map((phrase, i) => {
    const start = extracted.text.indexOf(phrase);
    if (start < 0) throw new Error(`${phrase} not in the page`);
    return { claimId: `c${i}`, kind: 'binding-commitment', mentionId: `m${i}`, description: DESCRIPTION, start, end: start + phrase.length };
  });
  expect(paintHighlights(extracted, specs, new HighlightRegistry())).toHaveLength(phrases.length);
}

useSpecNodeIterator();

describe("a highlight's accessible name is the page's words", () => {
  it('a highlighted headline keeps its own name', () => {
    paint(`<h1>${HEADLINE}</h1><p>Body.</p>`, [HEADLINE]);
    const stop = document.querySelector('h1 > mark[role=button]');
    expect(stop?.textContent).toBe(HEADLINE);
    // Browsers take a button's aria-label into the name of a heading holding it (Chromium named the
    // headline after our label); dom-accessibility-api does not, so the attribute is checked itself.
    expect(stop?.hasAttribute('aria-label')).toBe(false);
    expect(getByRole(document.body, 'heading', { level: 1, name: HEADLINE }).tagName).toBe('H1');
  });

  it("each highlight's button is named by its own words, so two of one kind differ, and says what it is in its description", () => {
    paint(`<p>${SENTENCE}</p><p>Later: ${HEADLINE}.</p>`, [SENTENCE, HEADLINE]);
    const buttons = getAllByRole(document.body, 'button');
    expect(buttons.map((button) => button.textContent)).toEqual([SENTENCE, HEADLINE]);
    expect(getByRole(document.body, 'button', { name: SENTENCE }).getAttribute('aria-description')).toBe(DESCRIPTION);
    expect(getByRole(document.body, 'button', { name: HEADLINE }).getAttribute('aria-description')).toBe(DESCRIPTION);
    for (const button of buttons) expect(button.getAttribute('aria-haspopup')).toBe('dialog');
  });

  it('a span across a link: the button is named by the whole span, and the link keeps its own name', () => {
    const span = 'it will halt deployment if risks are found.';
    paint('<p>Microsoft said it <a href="#f">will halt deployment</a> if risks are found.</p>', [span]);
    expect(getAllByRole(document.body, 'button')).toEqual([getByRole(document.body, 'button', { name: span })]);
    expect(getByRole(document.body, 'link', { name: 'will halt deployment' }).getAttribute('href')).toBe('#f');
    expect(document.querySelector('p')?.textContent).toBe('Microsoft said it will halt deployment if risks are found.');
  });
});

describe('a highlight split by inline markup is one keyboard stop named after all its words', () => {
  const CLAIM = "OpenAI's updated Preparedness Framework says it may adjust its safeguards if a rival releases a high-risk system without comparable ones.";

  it('a bold section label before the sentence: the stop is named by the label and the sentence, not "Context:" alone', () => {
    paint(`<p><strong>Context:</strong> ${CLAIM}</p>`, [`Context: ${CLAIM}`]);
    const marks = [...document.querySelectorAll('mark')];
    expect(marks.length, 'the label and the sentence are marks of their own').toBeGreaterThan(1);
    const stops = marks.filter((mark) => mark.tabIndex === 0);
    expect(stops, 'one keyboard stop').toHaveLength(1);
    expect(getAllByRole(document.body, 'button')).toEqual(stops);
    expect(getByRole(document.body, 'button', { name: `Context: ${CLAIM}` }).getAttribute('aria-description')).toBe(DESCRIPTION);
    // Reading on, the sentence is not heard a second time after the button.
    for (const mark of marks.slice(1)) expect(mark.getAttribute('aria-hidden')).toBe('true');
    expect(document.querySelector('p')?.textContent).toBe(`Context: ${CLAIM}`);
  });

  it('a split headline keeps its words once as its name', () => {
    paint('<h2>Anthropic <em>drops</em> its pledge to pause training</h2><p>Body.</p>', [HEADLINE]);
    expect(getByRole(document.body, 'heading', { level: 2 }).querySelectorAll('mark[role=button]')).toHaveLength(1);
    const stop = getByRole(document.body, 'button', { name: HEADLINE });
    // The heading's name takes in the button's label (browsers do; dom-accessibility-api does not, see
    // above), so the words after it must be hidden for the heading to say them once.
    const rest = [...document.querySelectorAll('h2 mark')].filter((mark) => mark !== stop);
    expect(rest.length).toBeGreaterThan(0);
    for (const mark of rest) expect(mark.getAttribute('aria-hidden')).toBe('true');
  });

  it('words across a line break are apart by a space in the name', () => {
    paint('<p>OpenAI will publish<br>a system card for every frontier model.</p>', ['OpenAI will publish\na system card']);
    expect(getByRole(document.body, 'button', { name: 'OpenAI will publish a system card' })).toBeTruthy();
  });

  it('a highlight in one mark keeps being named by its own text, with no label of ours', () => {
    paint(`<p>${SENTENCE}</p>`, [SENTENCE]);
    const button = getByRole(document.body, 'button');
    expect(button.hasAttribute('aria-label')).toBe(false);
    expect(document.querySelector('[aria-hidden]')).toBeNull();
  });

  it('clearing the highlights leaves no label or hidden mark behind', () => {
    document.body.innerHTML = `<p><strong>Context:</strong> ${CLAIM}</p>`;
    const before = document.body.innerHTML;
    const extracted = extractText(document.body, { isHidden: () => false });
    const start = extracted.text.indexOf('Context:');
    const registry = new HighlightRegistry();
    paintHighlights(extracted, [{ claimId: 'c', kind: 'announced-target', mentionId: 'm', description: DESCRIPTION, start, end: extracted.text.length }], registry);
    registry.clear();
    expect(document.body.innerHTML).toBe(before);
  });
});
