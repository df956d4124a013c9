import { describe, expect, it } from 'vitest';
import { exportW3c } from '../../../lib/annotations/export-w3c';
import { parseAnnotationExport } from '../../../lib/annotations/import-annotations';
import { claimsById, makeMention } from './fixtures';

const generatedAt = '2026-11-22T10:00:00.000Z';

/** A valid export as plain JSON, to be broken one field at a time. */
function validExport(): Record<string, unknown> {
  const mentions = [makeMention(), makeMention({ exact: 'second quote', start: 500 })];
  return JSON.parse(JSON.stringify(exportW3c(mentions, claimsById, { generatedAt }))) as Record<string, unknown>;
}

function firstItem(doc: Record<string, unknown>): Record<string, unknown> {
  return ((doc.first as Record<string, unknown>).items as Record<string, unknown>[])[0]!;
}

function secondItem(doc: Record<string, unknown>): Record<string, unknown> {
  return ((doc.first as Record<string, unknown>).items as Record<string, unknown>[])[1]!;
}

function errorOf(input: unknown): string {
  const result = parseAnnotationExport(input);
  if (result.ok) throw new Error('expected the import to fail');
  return result.error;
}

describe('parseAnnotationExport', () => {
  it('accepts a valid export', () => {
    const result = parseAnnotationExport(validExport());
    expect(result.ok && result.mentions.length).toBe(2);
  });

  it.each([
    ['null', null, /not JSON-LD/],
    ['a number', 42, /not JSON-LD/],
    ['an array', [{ '@context': 'http://www.w3.org/ns/anno.jsonld' }], /not JSON-LD.*array/],
    ['an object without @context', { type: 'AnnotationCollection' }, /not JSON-LD.*@context/],
    ['text that is not JSON', '{"@context": ', /not valid JSON/],
  ])('rejects %s', (_label, input, message) => {
    expect(errorOf(input)).toMatch(message);
  });

  it('rejects foreign JSON-LD, naming the context it found', () => {
    const error = errorOf({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Hello' });
    expect(error).toMatch(/wrong @context/);
    expect(error).toContain('https://schema.org');
  });

  it('rejects a collection with the wrong @context', () => {
    const doc = validExport();
    doc['@context'] = 'http://www.w3.org/ns/activitystreams';
    expect(errorOf(doc)).toMatch(/wrong @context.*activitystreams/);
  });

  it('accepts the anno context inside a context array', () => {
    const doc = validExport();
    doc['@context'] = ['http://www.w3.org/ns/anno.jsonld', { extra: 'https://vocab.example/extra' }];
    expect(parseAnnotationExport(doc).ok).toBe(true);
  });

  it('rejects Web Annotations that were not made by Pledge Lens', () => {
    const doc = validExport();
    delete doc.pledgeLens;
    expect(errorOf(doc)).toMatch(/missing pledgeLens extension/);
    const other = validExport();
    delete firstItem(other).pledgeLens;
    expect(errorOf(other)).toMatch(/item 1 has no pledgeLens extension/);
  });

  it('rejects a single Annotation where a collection belongs', () => {
    expect(errorOf({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation' })).toMatch(
      /not an annotation collection.*"Annotation"/,
    );
  });

  it('rejects files from a newer format version', () => {
    const doc = validExport();
    doc.pledgeLens = { formatVersion: 99 };
    expect(errorOf(doc)).toMatch(/formatVersion 99 is newer/);
  });

  it('names the item and the field of an invalid value', () => {
    const badStart = validExport();
    ((secondItem(badStart).target as Record<string, unknown>).selector as Record<string, unknown>[])[1]!.start = -3;
    expect(errorOf(badStart)).toMatch(/^item 2 field TextPositionSelector\.start invalid: must not be negative/);

    const badUrl = validExport();
    (firstItem(badUrl).target as Record<string, unknown>).source = 'not a url';
    expect(errorOf(badUrl)).toMatch(/^item 1 field target\.source invalid/);

    const badDate = validExport();
    (firstItem(badDate).pledgeLens as Record<string, unknown>).lastSeen = 'yesterday';
    expect(errorOf(badDate)).toMatch(/^item 1 field pledgeLens\.lastSeen invalid: must be an ISO 8601/);

    const noQuote = validExport();
    (firstItem(noQuote).target as Record<string, unknown>).selector = [{ type: 'TextPositionSelector', start: 1, end: 2 }];
    expect(errorOf(noQuote)).toMatch(/^item 1 field target\.selector invalid: no TextQuoteSelector/);

    const badItems = validExport();
    (badItems.first as Record<string, unknown>).items = 'none';
    expect(errorOf(badItems)).toMatch(/first\.items.*must be an array/);

    const mismatch = validExport();
    (firstItem(mismatch).body as Record<string, unknown>[])[0]!.source = 'urn:pledge-lens:claim:someone-else';
    expect(errorOf(mismatch)).toMatch(/^item 1 field body invalid/);
  });

  it("reads a page's citation data back, refuses one that is no date or list of names, and reads a file without it (written before it was kept)", () => {
    const cited = JSON.parse(JSON.stringify(exportW3c([makeMention({ pageCitation: { published: '2026-02-24', authors: ['Jane Doe'] } })], claimsById, { generatedAt }))) as Record<string, unknown>;
    const result = parseAnnotationExport(cited);
    expect(result.ok && result.mentions[0]!.pageCitation).toEqual({ published: '2026-02-24', authors: ['Jane Doe'] });

    (firstItem(cited).pledgeLens as Record<string, unknown>).pageCitation = { published: '2026-02-30' };
    expect(errorOf(cited)).toMatch(/^item 1 field pledgeLens\.pageCitation\.published invalid: must be a real calendar date/);
    (firstItem(cited).pledgeLens as Record<string, unknown>).pageCitation = { authors: ['Jane\u202EDoe'] };
    expect(errorOf(cited)).toMatch(/^item 1 field pledgeLens\.pageCitation\.authors\.0 invalid: must be one line without control characters/);

    const older = validExport();
    delete (firstItem(older).pledgeLens as Record<string, unknown>).pageCitation;
    const read = parseAnnotationExport(older);
    expect(read.ok && read.mentions[0]).not.toHaveProperty('pageCitation');
  });

  it('words an absent field as its own check reads a missing value', () => {
    const noEnd = validExport();
    delete ((firstItem(noEnd).target as Record<string, unknown>).selector as Record<string, unknown>[])[1]!.end;
    expect(errorOf(noEnd)).toBe('item 1 field TextPositionSelector.end invalid: must be a number');

    const noSelector = validExport();
    delete (firstItem(noSelector).target as Record<string, unknown>).selector;
    expect(errorOf(noSelector)).toBe('item 1 field target.selector invalid: no TextQuoteSelector');

    const noTitle = validExport();
    delete (firstItem(noTitle).pledgeLens as Record<string, unknown>).pageTitle;
    expect(errorOf(noTitle)).toBe('item 1 field pledgeLens.pageTitle invalid: must be a string');

    const noFirst = validExport();
    delete noFirst.first;
    expect(errorOf(noFirst)).toBe('"first" must be an AnnotationPage object, found missing');
  });

  it('reads missing quote context and a missing body as empty', () => {
    // A mention at the very start and end of a page has no context (and its id was made without any).
    const doc = JSON.parse(JSON.stringify(exportW3c([makeMention({ prefix: '', suffix: '' })], claimsById, { generatedAt }))) as Record<string, unknown>;
    const quote = ((firstItem(doc).target as Record<string, unknown>).selector as Record<string, unknown>[])[0]!;
    delete quote.prefix;
    quote.suffix = null;
    delete firstItem(doc).body;
    const result = parseAnnotationExport(doc);
    expect(result.ok && result.mentions[0]!.anchor).toMatchObject({ prefix: '', suffix: '' });
  });
});
