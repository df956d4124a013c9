import type { ExtractedText, TextSegment } from './extract-text';

/** Part of one text node covered by a span: `from`/`to` index the node's data. */
export interface NodeRange {
  node: Text;
  markRoot: Node;
  from: number;
  to: number;
}

/** A range in mark.js coordinates for one mark root. */
export interface MarkRange {
  markRoot: Node;
  start: number;
  length: number;
}

/** Index of the first segment whose end is after `offset` (segments are sorted and disjoint). */
function firstSegmentEndingAfter(segments: readonly TextSegment[], offset: number): number {
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

/**
 * Converts a span of the extracted text to mark.js ranges. A span crossing a skipped node (a
 * hidden span mid-sentence) becomes two ranges, so the hidden text is never wrapped; spans of
 * adjacent nodes merge into one range, so an inline link does not split a highlight needlessly.
 */
export function toMarkRanges(extracted: ExtractedText, start: number, end: number): MarkRange[] {
  const ranges: MarkRange[] = [];
  const { segments } = extracted;
  for (let i = firstSegmentEndingAfter(segments, start); i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.start >= end) break;
    const from = Math.max(start, segment.start) - segment.start;
    const to = Math.min(end, segment.end) - segment.start;
    if (to <= from) continue;
    const markStart = segment.markStart + from;
    const previous = ranges[ranges.length - 1];
    if (previous && previous.markRoot === segment.markRoot && previous.start + previous.length === markStart) {
      previous.length += to - from;
    } else {
      ranges.push({ markRoot: segment.markRoot, start: markStart, length: to - from });
    }
  }
  return ranges;
}
