/**
 * Reads recall back from the DOM: a gold claim sentence counts as found when any text inside one
 * of the contender's marks overlaps it. Runs in the page (bundled into the harness).
 */
import type { RecallProbe, RecallResult } from './harness-types';

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out so this also runs where NodeFilter is not global

/** Offsets (in the block's textContent) of the text inside marks matching `selector`. */
export function highlightedRanges(block: Element, selector: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const walker = block.ownerDocument.createTreeWalker(block, SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    const mark = node.parentElement?.closest(selector);
    if (mark && block.contains(mark)) ranges.push([offset, offset + length]);
    offset += length;
  }
  return ranges;
}

export function measureRecall(doc: Document, probes: readonly RecallProbe[], selector: string): RecallResult {
  const result: RecallResult = { found: 0, total: 0, requiredFound: 0, requiredTotal: 0, marks: doc.querySelectorAll(selector).length };
  const cache = new Map<string, Array<[number, number]>>();
  for (const probe of probes) {
    const block = doc.getElementById(probe.blockId);
    if (!block) continue;
    let ranges = cache.get(probe.blockId);
    if (!ranges) {
      ranges = highlightedRanges(block, selector);
      cache.set(probe.blockId, ranges);
    }
    const hit = ranges.some(([start, end]) => start < probe.end && probe.start < end);
    result.total++;
    if (hit) result.found++;
    if (probe.required) {
      result.requiredTotal++;
      if (hit) result.requiredFound++;
    }
  }
  return result;
}
