import { describe, expect, it } from 'vitest';
import { exportW3c } from '../../../lib/annotations/export-w3c';
import { mergeMentions, parseAnnotationExport } from '../../../lib/annotations/import-annotations';
import type { Mention } from '../../../lib/annotations/schema';
import { claimsById, deepFreeze, makeMention } from './fixtures';

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
});

describe('mergeMentions', () => {
  const older = makeMention({
    note: { text: 'first thoughts', updatedAt: '2026-11-20T10:00:00.000Z' },
    firstSeen: '2026-11-18T09:00:00.000Z',
    lastSeen: '2026-11-20T09:00:00.000Z',
  });
  const newer: Mention = {
    ...older,
    pageTitle: 'Acme rewrites its safety policy (updated)',
    firstSeen: '2026-11-19T09:00:00.000Z',
    lastSeen: '2026-11-22T09:00:00.000Z',
    note: { text: 'revised thoughts', updatedAt: '2026-11-22T08:00:00.000Z' },
    wrongMatch: { flagged: false, updatedAt: '2026-11-22T08:30:00.000Z' },
  };
  const other = makeMention({ exact: 'a different sentence', start: 700 });
  deepFreeze([older, newer, other]);

  const expected: Mention = { ...newer, firstSeen: older.firstSeen };

  it('adds unknown ids and reports the counts', () => {
    const result = mergeMentions([older], [other]);
    expect(result).toEqual({ merged: [older, other], added: 1, updated: 0, unchanged: 0 });
  });

  it('keeps the newer note and widens first/last seen, whichever side is newer', () => {
    const forward = mergeMentions([older], [newer]);
    expect(forward.merged).toEqual([expected]);
    expect(forward).toMatchObject({ added: 0, updated: 1, unchanged: 0 });

    const backward = mergeMentions([newer], [older]);
    expect(backward.merged).toEqual([expected]);
    expect(backward).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
  });

  it('never lets an older note or flag replace a newer one', () => {
    const staleFlag: Mention = { ...older, wrongMatch: { flagged: true, updatedAt: '2026-11-01T00:00:00.000Z' } };
    const { merged } = mergeMentions([newer], [staleFlag]);
    expect(merged[0]!.note).toEqual(newer.note);
    expect(merged[0]!.wrongMatch).toEqual(newer.wrongMatch);
  });

  it('compares timestamps as instants, not strings', () => {
    // 10:00+02:00 is 08:00Z, earlier than 09:00Z although it sorts later as text.
    const a = makeMention({ note: { text: 'A', updatedAt: '2026-11-22T09:00:00.000Z' } });
    const b: Mention = { ...a, note: { text: 'B', updatedAt: '2026-11-22T10:00:00.000+02:00' } };
    expect(mergeMentions([a], [b]).merged[0]!.note!.text).toBe('A');
    expect(mergeMentions([b], [a]).merged[0]!.note!.text).toBe('A');
  });

  it('is idempotent', () => {
    const once = mergeMentions([older, other], [newer]);
    const twice = mergeMentions(once.merged, [newer]);
    expect(twice.merged).toEqual(once.merged);
    expect(twice).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    const self = mergeMentions(once.merged, once.merged);
    expect(self).toMatchObject({ merged: once.merged, added: 0, updated: 0, unchanged: 2 });
  });

  it('folds duplicate incoming ids into one record', () => {
    const result = mergeMentions([], [older, newer, older]);
    expect(result.merged).toEqual([expected]);
    expect(result.added).toBe(1);
  });

  it('does not mutate its inputs', () => {
    const existing = deepFreeze([older, other]);
    const incoming = deepFreeze([newer]);
    const snapshot = JSON.stringify([existing, incoming]);
    expect(() => mergeMentions(existing, incoming)).not.toThrow();
    expect(JSON.stringify([existing, incoming])).toBe(snapshot);
  });
});
