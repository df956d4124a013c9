import type { ExtractedText, TextSegment } from './extract-text';

/** Part of one text node covered by a span: `from`/`to` index the node's data. */
export interface NodeRange {
  node: Text;
  markRoot: Node;
  from: number;
  to: number;
}

/** Index of the first segment whose end is after `offset` (segments are sorted and disjoint). */
export function firstSegmentEndingAfter(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The text-node pieces a span of the extracted text covers, in document order. */
export function toNodeRanges(extracted: ExtractedText, start: number, end: number): NodeRange[] {
  const out: NodeRange[] = [];
  const { segments } = extracted;
  for (let i = firstSegmentEndingAfter(segments, start); i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.start >= end) break;
    const from = Math.max(start, segment.start) - segment.start;
    const to = Math.min(end, segment.end) - segment.start;
    if (to > from) out.push({ node: segment.node, markRoot: segment.markRoot, from, to });
  }
  return out;
}
