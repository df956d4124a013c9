// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { changedRegions } from '../../../lib/text/changed-regions';
import { BLOCK_SEPARATOR, extractText } from '../../../lib/text/extract-text';

function page(paragraphs: string[]): HTMLElement {
  const root = document.createElement('div');
  for (const text of paragraphs) {
    const p = document.createElement('p');
    p.append(text);
    root.append(p);
  }
  // Attached: extraction treats detached elements as not rendered.
  document.body.replaceChildren(root);
  return root;
}

describe('changedRegions', () => {
  it('widens a change to the whole block it sits in and leaves the rest of the page out', () => {
    const root = page(['First paragraph stays.', 'Second paragraph stays too.', 'Third one is new.', 'Fourth stays.', 'Fifth stays.']);
    const third = root.children[2]!;
    const inner = document.createElement('em');
    inner.append(' Added words.');
    third.append(inner);
    const extracted = extractText(root);
    const regions = changedRegions(extracted, [inner]);
    expect(regions).not.toBe('whole-page');
    const [region] = regions as Array<{ start: number; end: number }>;
    expect(extracted.text.slice(region!.start, region!.end)).toBe('Third one is new. Added words.');
    expect(regions).toHaveLength(1);
  });

  it('merges neighbouring changed blocks and keeps separate ones apart', () => {
    const root = page(['a one.', 'b two.', 'c three.', 'd four.', 'e five.', 'f six.', 'g seven.']);
    const extracted = extractText(root);
    const regions = changedRegions(extracted, [root.children[1]!, root.children[2]!, root.children[5]!]) as Array<{ start: number; end: number }>;
    expect(regions.map((r) => extracted.text.slice(r.start, r.end))).toEqual([`b two.${BLOCK_SEPARATOR}c three.`, 'f six.']);
  });

  it('asks for the whole page when most of it changed, and for nothing when nothing readable did', () => {
    const root = page(['one.', 'two.', 'three.']);
    const extracted = extractText(root);
    expect(changedRegions(extracted, [root.children[0]!, root.children[1]!])).toBe('whole-page');
    expect(changedRegions(extracted, [document.createElement('div')])).toEqual([]);
  });
});
