import { describe, expect, it } from 'vitest';
import { mergeMentions } from '../../../lib/annotations/merge-mentions';
import type { Mention } from '../../../lib/annotations/schema';
import { deepFreeze, makeMention } from './fixtures';

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
    expect(result).toEqual({ merged: [older, other], added: 1, updated: 0, unchanged: 0, replacedNotes: [], keptNotes: 0, changedFlags: 0 });
  });

  it('keeps the newer note and widens first/last seen, whichever side is newer', () => {
    const forward = mergeMentions([older], [newer]);
    expect(forward.merged).toEqual([expected]);
    expect(forward).toMatchObject({ added: 0, updated: 1, unchanged: 0 });

    const backward = mergeMentions([newer], [older]);
    expect(backward.merged).toEqual([expected]);
    expect(backward).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
  });

  it("takes the page's citation data from the later sighting, and from the earlier when the later had none", () => {
    const cited = (mention: Mention, published: string): Mention => ({ ...mention, pageCitation: { published, authors: ['Jane Doe'] } });
    expect(mergeMentions([cited(older, '2026-01-01')], [cited(newer, '2026-02-24')]).merged[0]!.pageCitation).toEqual({ published: '2026-02-24', authors: ['Jane Doe'] });
    expect(mergeMentions([cited(newer, '2026-02-24')], [cited(older, '2026-01-01')]).merged[0]!.pageCitation).toEqual({ published: '2026-02-24', authors: ['Jane Doe'] });
    expect(mergeMentions([cited(older, '2026-01-01')], [newer]).merged[0]!.pageCitation).toEqual({ published: '2026-01-01', authors: ['Jane Doe'] });
    expect(mergeMentions([older], [newer]).merged[0]).not.toHaveProperty('pageCitation');
  });

  it("counts the file's notes of other words it did not use, the stored one being newer", () => {
    expect(mergeMentions([newer], [older]).keptNotes).toBe(1);
    expect(mergeMentions([older], [newer]).keptNotes, 'used: the replaced note is reported, not kept').toBe(0);
    expect(mergeMentions([newer], [newer]).keptNotes, 'the same words').toBe(0);
    expect(mergeMentions([newer], [{ ...older, note: undefined }]).keptNotes, 'no note in the file').toBe(0);
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

  it('keeps the stored object itself when an incoming copy says nothing new', () => {
    const stored = { ...newer, anchor: { ...newer.anchor } };
    const result = mergeMentions([stored], [JSON.parse(JSON.stringify(newer)) as Mention]);
    expect(result).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(result.merged[0]).toBe(stored);
    const moved = mergeMentions([stored], [{ ...stored, anchor: { ...stored.anchor, end: stored.anchor.end + 1 } }]);
    expect(moved).toMatchObject({ updated: 0, unchanged: 1 });
    const flagged = mergeMentions([stored], [{ ...stored, wrongMatch: { flagged: true, updatedAt: '2026-11-23T00:00:00.000Z' } }]);
    expect(flagged).toMatchObject({ updated: 1, unchanged: 0 });
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
