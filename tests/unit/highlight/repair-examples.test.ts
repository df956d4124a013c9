// @vitest-environment happy-dom
/**
 * The bugs repair-sequences.test.ts found, each as the smallest page that shows it (its seeds replay
 * them too, but a seed means something else once the generator changes). Each test fails on the
 * code before its fix in lib/highlight/paint-highlights.ts.
 */
import { describe, expect, it } from 'vitest';
import { HighlightRegistry, paintHighlights, type HighlightSpec } from '../../../lib/highlight/paint-highlights';
import { extractText } from '../../../lib/text/extract-text';
import { useSpecNodeIterator } from './spec-node-iterator';

useSpecNodeIterator();

const RISK = 'Anthropic will publish Risk Reports every three to six months.';
const TEAMING = 'OpenAI commits to external red teaming before each release.';

/**
 * Paints every occurrence of each claim in `html` and watches the page from then on. `scan` paints
 * again what is not shown (as a rescan does); `repair` hands the page's changes to the registry.
 */
function painted(html: string) {
  document.body.innerHTML = html;
  const registry = new HighlightRegistry();
  let mentions = 0;
  const scan = (): void => {
    const extracted = extractText(document.body, { isHidden: () => false });
    const specs: HighlightSpec[] = [];
    for (const claim of [RISK, TEAMING]) {
      for (let at = extracted.text.indexOf(claim); at >= 0; at = extracted.text.indexOf(claim, at + 1)) {
        specs.push({ claimId: claim, kind: 'binding-commitment', mentionId: `m${mentions++}`, description: 'Claim', start: at, end: at + claim.length });
      }
    }
    paintHighlights(extracted, specs, registry);
  };
  scan();
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const repair = (): void => {
    registry.repair(observer.takeRecords());
    observer.takeRecords();
  };
  const rescan = (): void => {
    scan();
    observer.takeRecords();
  };
  return { registry, repair, rescan, stop: () => observer.disconnect() };
}

function ourMarks(registry: HighlightRegistry): Element[] {
  return [...document.body.querySelectorAll('mark')].filter((mark) => registry.get(mark));
}

describe('repair examples found by the random sequences', () => {
  it("keeps the claim and the rest when the page splits its text node (a split is not a rewrite; seeds 10, 12)", () => {
    const { repair, stop } = painted(`<p id="p">Intro words. ${RISK} Closing words.</p>`);
    const paragraph = document.getElementById('p')!;
    const origin = paragraph.firstChild as Text;
    expect(origin.data).toBe('Intro words. ');
    origin.splitText(5);
    repair();
    expect(paragraph.textContent).toBe(`Intro words. ${RISK} Closing words.`);
    // The piece split off now carries our pieces: a rewrite of it replaces them, as it would have replaced the text.
    (origin.nextSibling as Text).data = 'rewritten.';
    repair();
    stop();
    expect(paragraph.textContent).toBe('Introrewritten.');
  });

  it('keeps a second claim in the node when the page took out the first mark and rewrites the node (seed 112)', () => {
    const { registry, repair, stop } = painted(`<p id="p">${RISK} Between. ${TEAMING} End.</p>`);
    const paragraph = document.getElementById('p')!;
    const origin = paragraph.firstChild as Text;
    expect(ourMarks(registry)).toHaveLength(2);
    const wrapper = document.createElement('span');
    const first = ourMarks(registry)[0]!;
    first.before(wrapper);
    wrapper.append(first);
    repair();
    origin.data = 'New start. ';
    repair();
    stop();
    expect(paragraph.textContent).toBe(`New start. ${RISK} Between. ${TEAMING} End.`);
  });

  it('paints text the page took over as its own: a later rewrite of the old origin leaves it (seed 331)', () => {
    const { registry, repair, rescan, stop } = painted(`<p id="p">Intro. ${RISK} Tail.</p>`);
    const paragraph = document.getElementById('p')!;
    const origin = paragraph.firstChild as Text;
    const mark = ourMarks(registry)[0]!;
    const after = mark.nextSibling as Text;
    mark.remove();
    repair();
    after.data = ` ${TEAMING} Tail.`;
    repair();
    rescan();
    expect(ourMarks(registry).map((element) => element.textContent)).toEqual([TEAMING]);
    origin.data = 'New intro.';
    repair();
    stop();
    expect(paragraph.textContent).toBe(`New intro. ${TEAMING} Tail.`);
  });

  it("does not merge a mark the page moved into the page's text node before it (seed 17)", () => {
    const { registry, repair, stop } = painted(`<p id="p">Intro. ${RISK.replace('Risk Reports', '<em>Risk Reports</em>')}</p><p id="q">Other text. </p>`);
    const paragraph = document.getElementById('p')!;
    const other = document.getElementById('q')!;
    const otherText = other.firstChild as Text;
    const [first] = ourMarks(registry);
    other.append(first!);
    // A mark moved out of its block unseats its highlight (attack report 8, finding 2): it goes, marks and all.
    repair();
    stop();
    expect(ourMarks(registry)).toEqual([]);
    expect(paragraph.textContent).toBe('Intro. Risk Reports every three to six months.');
    expect(otherText.data, "the page's node holds its own text only").toBe('Other text. ');
    expect(other.textContent).toBe('Other text. Anthropic will publish ');
  });

  it('drops a highlight when the page writes inside its mark; the text stays (seed 1)', () => {
    const { registry, repair, stop } = painted(`<p id="p">Intro. ${RISK}</p>`);
    const mark = ourMarks(registry)[0]!;
    (mark.firstChild as Text).insertData(10, 'never ');
    repair();
    stop();
    expect(ourMarks(registry)).toEqual([]);
    expect(registry.all()).toEqual([]);
    expect(document.getElementById('p')!.textContent).toBe(`Intro. ${RISK.slice(0, 10)}never ${RISK.slice(10)}`);
  });

  it("does not paint a claim again around marks of its highlight still shown (seed 6)", () => {
    const { registry, repair, rescan, stop } = painted(`<p id="p">${RISK.replace('Risk Reports', '<a>Risk Reports</a>')}</p>`);
    const [first] = ourMarks(registry);
    first!.replaceWith(...first!.childNodes);
    repair();
    rescan();
    stop();
    for (const mark of ourMarks(registry)) expect(mark.parentElement!.closest('mark')).toBeNull();
    expect(document.getElementById('p')!.textContent).toBe(RISK);
  });
});
