import { BLOCK_SEPARATOR, type ExtractedText } from './extract-text';

export interface TextRegion {
  start: number;
  end: number;
}

/** Past this share of the page, matching the whole page is simpler and no slower. */
const WHOLE_PAGE_SHARE = 0.5;

/**
 * The regions of the extracted text that changed: the text under the changed DOM roots, widened to
 * whole blocks (a sentence is matched whole, never a fragment of it), merged, in order. Returns
 * 'whole-page' when most of the page changed.
 */
export function changedRegions(extracted: ExtractedText, roots: readonly Node[]): TextRegion[] | 'whole-page' {
  const { text, segments } = extracted;
  const spans: TextRegion[] = [];
  for (const segment of segments) {
    if (roots.some((root) => root === segment.node || root.contains(segment.node))) spans.push({ start: segment.start, end: segment.end });
  }
  const regions: TextRegion[] = [];
  for (const span of spans) {
    const before = text.lastIndexOf(BLOCK_SEPARATOR, span.start - 1);
    const after = text.indexOf(BLOCK_SEPARATOR, span.end);
    const region = { start: before < 0 ? 0 : before + 1, end: after < 0 ? text.length : after };
    const last = regions[regions.length - 1];
    // Blocks one separator apart are one region: their sentences may belong together.
    if (last && region.start <= last.end + 1) last.end = Math.max(last.end, region.end);
    else regions.push(region);
  }
  const changed = regions.reduce((total, region) => total + region.end - region.start, 0);
  return text.length > 0 && changed / text.length > WHOLE_PAGE_SHARE ? 'whole-page' : regions;
}
