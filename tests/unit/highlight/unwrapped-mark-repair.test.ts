// @vitest-environment happy-dom
/**
 * After the page unwraps one of our marks, the text piece painting split off after it is the page's
 * visible text: a later rewrite of the node before it must not make `repair` delete it.
 * `repair` deleted " Closing words." (the registry's `derived` set still listed the split-off node
 * after the page unwrapped the mark); a mark the page takes out now hands its pieces to the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HighlightRegistry, paintHighlights, type HighlightSpec } from '../../../lib/highlight/paint-highlights';
import { extractText } from '../../../lib/text/extract-text';
import { installSpecNodeIterator } from './spec-node-iterator';

const CLAIM = 'Anthropic will publish Risk Reports every three to six months.';

let uninstall: () => void = () => undefined;
beforeAll(() => {
  uninstall = installSpecNodeIterator(document);
});
afterAll(() => uninstall());

/** Paints CLAIM inside `<p>before CLAIM after</p>`; returns the registry, the page's text node and a record taker. */
function paintParagraph() {
  document.body.innerHTML = `<p id="p">Intro words. ${CLAIM} Closing words.</p>`;
  const paragraph = document.getElementById('p')!;
  const origin = paragraph.firstChild as Text;
  const extracted = extractText(document.body, { isHidden: () => false });
  const start = extracted.text.indexOf(CLAIM);
  const spec: HighlightSpec = { claimId: 'risk', kind: 'binding-commitment', mentionId: 'urn:test:risk', description: 'Claim risk', start, end: start + CLAIM.length };
  const registry = new HighlightRegistry();
  paintHighlights(extracted, [spec], registry);
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { registry, paragraph, origin, records: () => observer.takeRecords(), stop: () => observer.disconnect() };
}

/** What a page script does to take our mark out: its children go where it was. */
function unwrap(mark: Element): void {
  while (mark.firstChild) mark.parentNode!.insertBefore(mark.firstChild, mark);
  mark.remove();
}

describe('repair after the page unwrapped a mark', () => {
  it('keeps the split-off text when the page rewrites the node before where the mark was', () => {
    const { registry, paragraph, origin, records, stop } = paintParagraph();
    expect(paragraph.querySelector('mark')).not.toBeNull();
    unwrap(paragraph.querySelector('mark')!);
    registry.repair(records());
    origin.data = 'New intro. ';
    registry.repair(records());
    stop();
    expect(paragraph.textContent).toBe(`New intro. ${CLAIM} Closing words.`);
  });

  it('keeps a mark the page moved elsewhere when the page rewrites the node it came from', () => {
    const { registry, paragraph, origin, records, stop } = paintParagraph();
    const aside = document.createElement('aside');
    document.body.append(aside);
    aside.append(paragraph.querySelector('mark')!);
    registry.repair(records());
    origin.data = 'New intro. ';
    registry.repair(records());
    stop();
    expect(aside.textContent).toBe(CLAIM);
    expect(paragraph.textContent).toBe('New intro.  Closing words.');
  });

  it('still removes our stale copies when the page rewrites the node under a mark it left alone', () => {
    const { registry, paragraph, origin, records, stop } = paintParagraph();
    origin.data = 'Rewritten by the framework.';
    registry.repair(records());
    stop();
    expect(paragraph.textContent).toBe('Rewritten by the framework.');
    expect(paragraph.querySelector('mark')).toBeNull();
  });
});
