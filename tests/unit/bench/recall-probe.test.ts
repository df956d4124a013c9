// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { highlightedRanges, measureRecall } from '../../../scripts/bench/recall-probe';

function page(): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const p1 = doc.createElement('p');
  p1.id = 'b0';
  // "Alpha beta gamma delta." with "beta ga" marked across an <em>.
  const em = doc.createElement('em');
  const mark1 = doc.createElement('mark');
  mark1.className = 'hit';
  mark1.append('beta ');
  const mark2 = doc.createElement('mark');
  mark2.className = 'hit';
  mark2.append('ga');
  em.append(mark2, 'mma');
  p1.append('Alpha ', mark1, em, ' delta.');
  const p2 = doc.createElement('p');
  p2.id = 'b1';
  const other = doc.createElement('mark');
  other.className = 'other';
  other.append('Nothing');
  p2.append(other, ' here.');
  doc.body.append(p1, p2);
  return doc;
}

describe('recall probe', () => {
  it('maps marked text to offsets in the block text', () => {
    const doc = page();
    expect(highlightedRanges(doc.getElementById('b0')!, 'mark.hit')).toEqual([[6, 11], [11, 13]]);
  });

  it('counts a sentence as found when a mark of the contender overlaps it', () => {
    const doc = page();
    const result = measureRecall(doc, [
      { blockId: 'b0', start: 0, end: 7, required: true }, // overlaps "b" of beta
      { blockId: 'b0', start: 13, end: 23, required: true }, // "mma delta." not marked
      { blockId: 'b1', start: 0, end: 7, required: false }, // marked, but by another contender
      { blockId: 'missing', start: 0, end: 1, required: true },
    ], 'mark.hit');
    expect(result).toEqual({ found: 1, total: 3, requiredFound: 1, requiredTotal: 2, marks: 2 });
  });
});
