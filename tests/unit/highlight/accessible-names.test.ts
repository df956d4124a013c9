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

  it('a span across a link: the button holds the words before the link, and the link keeps its own name', () => {
    paint('<p>Microsoft said it <a href="#f">will halt deployment</a> if risks are found.</p>', ['it will halt deployment if risks are found.']);
    expect(getByRole(document.body, 'button', { name: 'it' }).textContent).toBe('it ');
    expect(getByRole(document.body, 'link', { name: 'will halt deployment' }).getAttribute('href')).toBe('#f');
    expect(document.querySelector('p')?.textContent).toBe('Microsoft said it will halt deployment if risks are found.');
  });
});
