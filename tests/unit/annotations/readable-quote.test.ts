/**
 * A quote as the reader saw it: the page's superscripts and subscripts, which the page's text flattens
 * ("10<sup>26</sup>" reads "1026"), raised again for people, and the anchor's own text left for anchoring.
 */
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../lib/annotations/export-csv';
import { exportW3c } from '../../../lib/annotations/export-w3c';
import { parseAnnotationExport } from '../../../lib/annotations/import-annotations';
import { mergeMentions } from '../../../lib/annotations/merge-mentions';
import { readableQuote, readableText } from '../../../lib/annotations/readable-quote';
import { claimsById, makeMention } from './fixtures';

const THRESHOLD = 'trained with more than 1026 operations';
const run = (text: string, raised: string, position: 'sup' | 'sub' = 'sup'): [number, number, 'sup' | 'sub'] => {
  const at = text.indexOf(raised);
  return [at, at + raised.length, position];
};

describe('readableText', () => {
  it('raises a superscript run and lowers a subscript one, one UTF-16 unit for one', () => {
    const text = `${THRESHOLD} and CO2 emissions`;
    const readable = readableText(text, 0, text.length, [[text.indexOf('1026') + 2, text.indexOf('1026') + 4, 'sup'], [text.indexOf('CO2') + 2, text.indexOf('CO2') + 3, 'sub']]);
    expect(readable).toBe('trained with more than 10²⁶ operations and CO₂ emissions');
    expect(readable!.length).toBe(text.length);
  });

  it('counts UTF-16 units, as its offsets do: an emoji before the run leaves the digits it raises in place', () => {
    const text = '🚀 models above 1026 operations';
    const at = text.indexOf('1026') + 2;
    expect(readableText(text, 0, text.length, [[at, at + 2, 'sup']])).toBe('🚀 models above 10²⁶ operations');
  });

  it('reads only the quote\'s part of a run that crosses its edge', () => {
    const text = 'more than 1026 operations';
    const at = text.indexOf('26');
    expect(readableText(text, 0, at + 1, [[at, at + 2, 'sup']])).toBe('more than 10²');
  });

  it('leaves a run Unicode cannot raise whole ("1st", a "[12]" footnote marker), and says so with undefined', () => {
    const text = 'the 1st report says so[12]';
    expect(readableText(text, 0, text.length, [run(text, 'st'), run(text, '[12]')])).toBeUndefined();
    expect(readableText(text, 0, text.length, [])).toBeUndefined();
  });

  it('ignores runs outside the quote and runs a hostile page made up (backwards, past the end)', () => {
    const text = 'more than 1026 operations';
    expect(readableText(text, 0, 9, [[10, 14, 'sup']])).toBeUndefined();
    expect(readableText(text, 0, text.length, [[20, 12, 'sup'], [24, 900, 'sup']])).toBeUndefined();
  });
});

describe('a mention\'s readable quote through the exports and back', () => {
  const flat = makeMention({ exact: THRESHOLD });
  const raised = { ...flat, anchor: { ...flat.anchor, readableExact: 'trained with more than 10²⁶ operations' } };

  it('writes the raised quote where people read it and the page\'s own text in the W3C selector', () => {
    expect(readableQuote(raised)).toBe('trained with more than 10²⁶ operations');
    expect(readableQuote(flat)).toBe(THRESHOLD);
    expect(exportCsv([raised], claimsById)).toContain('10²⁶');
    const doc = JSON.parse(JSON.stringify(exportW3c([raised], claimsById, { generatedAt: '2026-12-06T10:00:00.000Z' }))) as { first: { items: Array<{ target: { selector: Array<{ exact?: string }> }; pledgeLens: { readableExact: string | null } }> } };
    expect(doc.first.items[0]!.target.selector[0]!.exact).toBe(THRESHOLD);
    expect(doc.first.items[0]!.pledgeLens.readableExact).toBe('trained with more than 10²⁶ operations');
    const back = parseAnnotationExport(doc);
    expect(back.ok && back.mentions[0]!.anchor).toEqual(raised.anchor);
  });

  it('refuses an import whose readable quote is not the quote\'s length, naming the field', () => {
    const doc = JSON.parse(JSON.stringify(exportW3c([raised], claimsById, { generatedAt: '2026-12-06T10:00:00.000Z' }))) as { first: { items: Array<{ pledgeLens: { readableExact: string } }> } };
    doc.first.items[0]!.pledgeLens.readableExact = 'an injected quote of another length';
    const result = parseAnnotationExport(doc);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/readableExact must be as long/);
  });

  it('keeps the raised quote when a record without it (an older export) is merged in later', () => {
    const older = { ...flat, lastSeen: '2026-12-01T00:00:00.000Z' };
    const { merged } = mergeMentions([raised], [older]);
    expect(merged[0]!.anchor.readableExact).toBe('trained with more than 10²⁶ operations');
  });
});
