/**
 * Builds a W3C TextQuoteSelector-style anchor (exact text plus some context either side) together
 * with its TextPositionSelector offsets. The context lets a later visit re-find the quote even when
 * the offsets have shifted because the page grew a banner or lost a paragraph.
 */
import type { Anchor } from './schema';

export const DEFAULT_ANCHOR_CONTEXT = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * `text` is the page's extracted text and `start`/`end` are UTF-16 offsets into it (`end` exclusive).
 * Throws RangeError for offsets that do not select a non-empty span of `text`: that is a bug in the
 * caller, and silently clamping would store an anchor that points somewhere else.
 */
export function makeAnchor(text: string, start: number, end: number, context: number = DEFAULT_ANCHOR_CONTEXT): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || !Number.isInteger(context)) {
    throw new RangeError('makeAnchor: start, end and context must be whole numbers');
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`makeAnchor: [${start}, ${end}) is not a non-empty range inside text of length ${text.length}`);
  }
  if (context < 0) throw new RangeError('makeAnchor: context must not be negative');

  let prefixStart = Math.max(0, start - context);
  let suffixEnd = Math.min(text.length, end + context);
  // Never cut an emoji or other astral character in half: a lone surrogate is not valid Unicode
  // and turns into U+FFFD (or an error) in CSV files, JSON consumers and TextEncoder.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;

  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}
