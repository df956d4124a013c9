import { BLOCK_SEPARATOR } from '../text/extract-text';

/** A sentence, clause or list item: the span a highlight covers. */
export interface TextUnit {
  start: number;
  end: number;
  /** Index of the block (paragraph, list item) the unit sits in; units of one block share it. */
  block: number;
}

/** Longest unit we score; longer run-ons are cut at commas so a highlight never swallows a paragraph. */
const MAX_UNIT_LENGTH = 480;

const LIST_MARKER = /^[ \t]*(?:[-*•▪◦–—]|\d{1,2}[.)])[ \t]+/;

/**
 * Whether single newlines separate paragraphs (one paragraph per line, as in pasted articles) or
 * are soft wraps inside a paragraph (hard-wrapped text). Hard-wrapped text has many lines of
 * similar, moderate length; paragraph-per-line text has long lines.
 */
function newlinesAreBreaks(text: string): boolean {
  if (text.includes(BLOCK_SEPARATOR)) return false;
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  if (lines.length < 5) return true;
  const wrapped = lines.filter((line) => line.length >= 40 && line.length <= 90).length;
  return wrapped / lines.length < 0.6;
}

/** Splits text into blocks: at block separators, blank lines, list items and (when they are paragraph ends) newlines. */
function splitBlocks(text: string): Array<{ start: number; end: number }> {
  const hardNewlines = newlinesAreBreaks(text);
  const blocks: Array<{ start: number; end: number }> = [];
  let blockStart = 0;
  const close = (end: number) => {
    if (end > blockStart) blocks.push({ start: blockStart, end });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === BLOCK_SEPARATOR) {
      close(i);
      blockStart = i + 1;
    } else if (c === '\n') {
      const rest = text.slice(i + 1, i + 12);
      if (hardNewlines || /^[ \t]*(?:\n|$)/.test(rest) || LIST_MARKER.test(rest)) {
        close(i);
        blockStart = i + 1;
      }
    }
  }
  close(text.length);
  return blocks;
}

let segmenter: Intl.Segmenter | undefined;

function sentenceSpans(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  // Soft newlines inside a block would end sentences for Intl.Segmenter; a same-length space does not.
  const slice = text.slice(start, end).replace(/\n/g, ' ');
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const spans: Array<{ start: number; end: number }> = [];
  for (const part of segmenter.segment(slice)) {
    spans.push({ start: start + part.index, end: start + part.index + part.segment.length });
  }
  return spans;
}

/** Cuts a span at `pattern` matches, keeping the delimiter with the left part. */
function cutAt(text: string, span: { start: number; end: number }, pattern: RegExp): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = span.start;
  pattern.lastIndex = 0;
  const slice = text.slice(span.start, span.end);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    const cut = span.start + match.index + match[0].length;
    if (cut > from && cut < span.end) {
      out.push({ start: from, end: cut });
      from = cut;
    }
  }
  out.push({ start: from, end: span.end });
  return out;
}

function cutLong(text: string, span: { start: number; end: number }): Array<{ start: number; end: number }> {
  if (span.end - span.start <= MAX_UNIT_LENGTH) return [span];
  const pieces = cutAt(text, span, /[,:–—]\s/g);
  const merged: Array<{ start: number; end: number }> = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && piece.end - last.start <= MAX_UNIT_LENGTH) last.end = piece.end;
    else merged.push({ ...piece });
  }
  // A comma-free run-on is cut blindly: a highlight must stay a sentence-sized thing.
  return merged.flatMap((piece) => {
    const parts: Array<{ start: number; end: number }> = [];
    for (let s = piece.start; s < piece.end; s += MAX_UNIT_LENGTH) parts.push({ start: s, end: Math.min(piece.end, s + MAX_UNIT_LENGTH) });
    return parts;
  });
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s\u2029]/.test(text[start]!)) start++;
  while (end > start && /[\s\u2029]/.test(text[end - 1]!)) end--;
  // A list marker is not part of what the item says.
  const marker = LIST_MARKER.exec(text.slice(start, Math.min(end, start + 8)));
  if (marker) start += marker[0].length;
  return { start, end };
}

/** Segments text into sentences, split further at semicolons and list items. */
export function segmentUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  splitBlocks(text).forEach((blockSpan, block) => {
    for (const sentence of sentenceSpans(text, blockSpan.start, blockSpan.end)) {
      for (const clause of cutAt(text, sentence, /;\s*/g)) {
        for (const piece of cutLong(text, clause)) {
          const { start, end } = trimSpan(text, piece.start, piece.end);
          if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) units.push({ start, end, block });
        }
      }
    }
  });
  return units;
}
