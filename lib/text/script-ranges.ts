/**
 * Where the page sets text as a superscript or subscript (`<sup>`, `<sub>`), which extraction flattens:
 * "10<sup>26</sup> operations" is "1026 operations" in the extracted text, as in the DOM's own text.
 * Matching and anchoring read that flat text (a TextQuoteSelector must find the page's own words), but a
 * quote a reader copies into a draft must not say 1026 (`lib/annotations/readable-quote.ts`).
 */
import type { ExtractedText } from './extract-text';
import { firstSegmentEndingAfter } from './node-ranges';

export type ScriptPosition = 'sup' | 'sub';

/** [start, end, position]: a run of the extracted text set as a superscript or subscript (UTF-16 units, end exclusive). */
export type ScriptRange = [start: number, end: number, position: ScriptPosition];

/** How far up from a text node a `<sup>`/`<sub>` may be: "<sup><a>1</a></sup>", "<sup><span><b>26</b></span></sup>". */
const SCRIPT_REACH = 3;

function positionOf(node: Text): ScriptPosition | undefined {
  let element = node.parentElement;
  for (let depth = 0; element && depth < SCRIPT_REACH; depth++, element = element.parentElement) {
    const tag = element.localName;
    if (tag === 'sup') return 'sup';
    if (tag === 'sub') return 'sub';
  }
  return undefined;
}

/**
 * The superscript and subscript runs of `extracted.text` in [from, to), in order, as offsets from
 * `from` (UTF-16 units), at most `max` of them (a page of ten thousand footnote markers sends the first).
 */
export function scriptRangesIn(extracted: ExtractedText, from: number, to: number, max: number): ScriptRange[] {
  const out: ScriptRange[] = [];
  const { segments } = extracted;
  for (let i = firstSegmentEndingAfter(segments, from); i < segments.length && out.length < max; i++) {
    const segment = segments[i]!;
    if (segment.start >= to) break;
    const position = positionOf(segment.node);
    if (!position) continue;
    const start = Math.max(from, segment.start);
    const end = Math.min(to, segment.end);
    if (end > start) out.push([start - from, end - from, position]);
  }
  return out;
}
