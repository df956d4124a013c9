// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../lib/text/extract-text';
import { scriptRangesIn } from '../../../lib/text/script-ranges';

const nothingHidden = { isHidden: () => false };

describe('scriptRangesIn', () => {
  it('finds the runs a page sets in <sup> and <sub> (through a link or two inline wrappers), as offsets from `from`', () => {
    document.body.innerHTML = '<p>Models above 10<sup>26</sup> operations emit CO<sub>2</sub>.<sup><a href="#n1">3</a></sup></p><p>Plain text only.</p>';
    const extracted = extractText(document.body, nothingHidden);
    const ranges = scriptRangesIn(extracted, 0, extracted.text.length, 100);
    expect(ranges.map(([start, end, position]) => [extracted.text.slice(start, end), position])).toEqual([['26', 'sup'], ['2', 'sub'], ['3', 'sup']]);
    const from = extracted.text.indexOf('operations');
    expect(scriptRangesIn(extracted, from, extracted.text.length, 100).map(([start, end]) => extracted.text.slice(from + start, from + end))).toEqual(['2', '3']);
  });

  it('stops at `max` runs and finds none on a page without them', () => {
    document.body.innerHTML = `<p>${'x<sup>1</sup> '.repeat(50)}</p>`;
    const extracted = extractText(document.body, nothingHidden);
    expect(scriptRangesIn(extracted, 0, extracted.text.length, 7)).toHaveLength(7);
    document.body.innerHTML = '<p>No raised text here.</p>';
    const plain = extractText(document.body, nothingHidden);
    expect(scriptRangesIn(plain, 0, plain.text.length, 7)).toEqual([]);
  });
});
