import { describe, expect, it } from 'vitest';
import { detectClaimChanges, hasUnseen, MAX_EVENTS_PER_CLAIM, netChangeSince, withChangeEvent, type ClaimChangeEvent, type ClaimChangeRecord } from '@/lib/claims/claim-changes';
import type { ClaimPack, PackedClaim } from '@/lib/claims/merge-claim-packs';
import { changeDetail, statusWithDate } from '@/lib/i18n/claim-words';
import { makeClaim, makeClaimSet } from '../../support/claim-sets';
import { english } from '../i18n/test-translators';

const packed = (id: string, overrides: Parameters<typeof makeClaim>[1] = {}): PackedClaim => ({ ...makeClaim(id, overrides), packId: 'feed', packName: 'Feed' });
const pack: ClaimPack = { id: 'feed', name: 'Feed', enabled: true, source: 'feed', claimSet: makeClaimSet({ version: '2.0.0' }), installedAt: '2026-01-01T00:00:00.000Z' };

function event(changedAt: string, was: ClaimChangeEvent['was']['status'], now: ClaimChangeEvent['now']['status'], evidenceChanged = false): ClaimChangeEvent {
  return {
    changedAt,
    was: { kind: 'binding-commitment', status: was, statusDate: '2026-01-01' },
    now: { kind: 'binding-commitment', status: now, statusDate: now === was ? '2026-01-01' : '2026-02-24' },
    evidenceChanged,
    pack: { id: 'feed', name: 'Feed', version: '2.0.0' },
  };
}

describe('detectClaimChanges', () => {
  it('finds kind, status, status-date and evidence changes of claims in both sets, nothing else', () => {
    const before = new Map([
      ['a', packed('a')],
      ['b', packed('b')],
      ['c', packed('c')],
      ['d', packed('d')],
      ['gone', packed('gone')],
    ]);
    const after = new Map([
      ['a', packed('a', { status: 'withdrawn', statusDate: '2026-02-24' })],
      ['b', packed('b', { kind: 'binding-commitment', force: 'voluntary-pledge' })],
      ['c', packed('c', { evidence: [{ quote: 'New words.', locator: 'p. 2', url: 'https://example.org/post' }] })],
      ['d', packed('d', { statement: 'Reworded statement, same label and status.' })],
      ['new', packed('new')],
    ]);
    const found = detectClaimChanges(before, after, '2026-03-01T00:00:00.000Z', [pack]);
    expect(found.map((change) => change.claimId)).toEqual(['a', 'b', 'c']);
    expect(found[0]!.event).toMatchObject({ was: { status: 'in-force' }, now: { status: 'withdrawn', statusDate: '2026-02-24' }, evidenceChanged: false, pack: { version: '2.0.0' } });
    expect(found[2]!.event.evidenceChanged).toBe(true);
  });

  it('does not call evidence added to a pack stored before schema 2 a change', () => {
    const legacy = packed('a');
    delete (legacy as { evidence?: unknown }).evidence;
    expect(detectClaimChanges(new Map([['a', legacy]]), new Map([['a', packed('a')]]), '2026-03-01T00:00:00.000Z', [pack])).toEqual([]);
  });
});

describe('netChangeSince', () => {
  const record: ClaimChangeRecord = {
    claimId: 'a',
    events: [event('2026-02-01T00:00:00.000Z', 'in-force', 'disputed'), event('2026-03-01T00:00:00.000Z', 'disputed', 'withdrawn')],
  };

  it('runs from the state before the first later event to the state after the last', () => {
    expect(netChangeSince(record, '2026-01-15T00:00:00.000Z')).toMatchObject({ was: { status: 'in-force' }, now: { status: 'withdrawn' }, changedAt: '2026-03-01T00:00:00.000Z', unseen: true });
    expect(netChangeSince(record, '2026-02-15T00:00:00.000Z')).toMatchObject({ was: { status: 'disputed' }, now: { status: 'withdrawn' } });
    expect(netChangeSince(record, '2026-03-02T00:00:00.000Z')).toBeUndefined();
    expect(netChangeSince(record, undefined)).toMatchObject({ was: { status: 'in-force' } });
  });

  it('drops changes that cancel out, unless the evidence changed on the way', () => {
    const undone: ClaimChangeRecord = { claimId: 'a', events: [event('2026-02-01T00:00:00.000Z', 'in-force', 'withdrawn'), { ...event('2026-03-01T00:00:00.000Z', 'withdrawn', 'in-force'), now: { kind: 'binding-commitment', status: 'in-force', statusDate: '2026-01-01' } }] };
    expect(netChangeSince(undone, undefined)).toBeUndefined();
    undone.events[0]!.evidenceChanged = true;
    expect(netChangeSince(undone, undefined)).toMatchObject({ evidenceChanged: true });
  });

  it('knows what the reader has seen, and keeps a bounded history', () => {
    expect(hasUnseen({ ...record, seenAt: '2026-03-01T00:00:01.000Z' })).toBe(false);
    expect(hasUnseen({ ...record, seenAt: '2026-02-15T00:00:00.000Z' })).toBe(true);
    let grown: ClaimChangeRecord | undefined;
    for (let i = 0; i < MAX_EVENTS_PER_CLAIM + 5; i++) grown = withChangeEvent(grown, 'a', event(`2026-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`, 'in-force', 'withdrawn'));
    expect(grown!.events).toHaveLength(MAX_EVENTS_PER_CLAIM);
    expect(grown!.events[0]!.changedAt).toBe('2026-01-06T00:00:00.000Z');
  });
});

describe('change wording', () => {
  it('says was and now in plain words, with the date of the new status', () => {
    expect(changeDetail(english, event('x', 'in-force', 'withdrawn'))).toBe('was In force, now Withdrawn on 24 Feb 2026');
    expect(changeDetail(english, { was: { kind: 'announced-target', status: 'pending', statusDate: '2025-12-19' }, now: { kind: 'announced-target', status: 'in-force', statusDate: '2026-01-01' }, evidenceChanged: false })).toBe(
      'was Not yet in force, now Current since 1 Jan 2026',
    );
    // A target in force is "Current", with or without its day, as the popup says (report 54, problem 16).
    const target = { kind: 'announced-target' as const, status: 'in-force' as const, statusDate: '2025-04-15' };
    expect(changeDetail(english, { was: target, now: { ...target, status: 'withdrawn', statusDate: '2026-02-24' }, evidenceChanged: false })).toBe('was Current, now Withdrawn on 24 Feb 2026');
    expect(changeDetail(english, { was: { kind: 'binding-commitment', status: 'in-force', statusDate: '2026-01-01' }, now: { kind: 'binding-commitment', status: 'in-force', statusDate: '2026-01-03' }, evidenceChanged: false })).toBe(
      'was In force since 1 Jan 2026, now In force since 3 Jan 2026',
    );
    expect(statusWithDate(english, 'pending', '2025-12-19')).toBe('Not yet in force (adopted 19 Dec 2025)');
  });
});
