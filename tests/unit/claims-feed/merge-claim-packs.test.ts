import { describe, expect, it } from 'vitest';
import { mergeClaimPacks, type ClaimPack, type ClaimPackSource } from '../../../lib/claims/merge-claim-packs';
import { makeClaim, makeClaimSet } from '../../support/claim-sets';

interface PackSpec {
  id: string;
  source: ClaimPackSource;
  claimIds: string[];
  enabled?: boolean;
  publishedAt?: string;
  installedAt?: string;
}

/** Each claim's statement names its pack, so a test can see which copy won. */
function pack(spec: PackSpec): ClaimPack {
  return {
    id: spec.id,
    name: `Pack ${spec.id}`,
    enabled: spec.enabled ?? true,
    source: spec.source,
    installedAt: spec.installedAt ?? '2025-03-01T12:00:00.000Z',
    claimSet: makeClaimSet({
      publishedAt: spec.publishedAt ?? '2025-02-01',
      claims: spec.claimIds.map((id) => makeClaim(id, { statement: `${id} as told by ${spec.id}` })),
    }),
  };
}

function winners(packs: ClaimPack[]): string[] {
  return mergeClaimPacks(packs).claims.map((claim) => `${claim.id}@${claim.packId}`);
}

describe('mergeClaimPacks', () => {
  it('tags each claim with its pack and keeps the claim data', () => {
    const { claims, conflicts } = mergeClaimPacks([pack({ id: 'bundled', source: 'bundled', claimIds: ['a', 'b'] })]);
    expect(claims).toHaveLength(2);
    expect(claims[0]).toMatchObject({ id: 'a', packId: 'bundled', packName: 'Pack bundled', statement: 'a as told by bundled' });
    expect(claims[1]!.id).toBe('b');
    expect(conflicts).toEqual([]);
  });

  it("lets the reader's file beat the feed, and the feed beat the bundled set", () => {
    const packs = [
      pack({ id: 'bundled', source: 'bundled', claimIds: ['shared', 'only-bundled', 'feed-and-bundled'] }),
      pack({ id: 'feed', source: 'feed', claimIds: ['feed-and-bundled', 'shared', 'only-feed'] }),
      pack({ id: 'mine', source: 'file', claimIds: ['only-mine', 'shared'] }),
    ];
    const { claims, conflicts } = mergeClaimPacks(packs);
    // Pack precedence first, then each pack's own claim order.
    expect(claims.map((claim) => `${claim.id}@${claim.packId}`)).toEqual([
      'only-mine@mine',
      'shared@mine',
      'feed-and-bundled@feed',
      'only-feed@feed',
      'only-bundled@bundled',
    ]);
    expect(claims.find((claim) => claim.id === 'shared')?.statement).toBe('shared as told by mine');
    expect(conflicts).toEqual([
      {
        claimId: 'shared',
        keptPack: { id: 'mine', name: 'Pack mine' },
        droppedPacks: [
          { id: 'feed', name: 'Pack feed' },
          { id: 'bundled', name: 'Pack bundled' },
        ],
      },
      { claimId: 'feed-and-bundled', keptPack: { id: 'feed', name: 'Pack feed' }, droppedPacks: [{ id: 'bundled', name: 'Pack bundled' }] },
    ]);
  });

  it('gives the same result whatever order the packs are stored in', () => {
    const packs = [
      pack({ id: 'bundled', source: 'bundled', claimIds: ['x', 'y'] }),
      pack({ id: 'feed', source: 'feed', claimIds: ['y', 'z'] }),
      pack({ id: 'file-1', source: 'file', claimIds: ['z'], publishedAt: '2025-01-01' }),
      pack({ id: 'file-2', source: 'file', claimIds: ['z', 'x'], publishedAt: '2025-01-01' }),
    ];
    const expected = mergeClaimPacks(packs);
    expect(mergeClaimPacks([...packs].reverse())).toEqual(expected);
    expect(mergeClaimPacks([packs[2]!, packs[0]!, packs[3]!, packs[1]!])).toEqual(expected);
  });

  it('among packs of the same source, prefers the newer publishedAt', () => {
    const older = pack({ id: 'old-feed', source: 'feed', claimIds: ['c'], publishedAt: '2025-01-01', installedAt: '2025-06-01T00:00:00Z' });
    const newer = pack({ id: 'new-feed', source: 'feed', claimIds: ['c'], publishedAt: '2025-02-01', installedAt: '2025-01-15T00:00:00Z' });
    expect(winners([older, newer])).toEqual(['c@new-feed']);
    expect(winners([newer, older])).toEqual(['c@new-feed']);
  });

  it('with equal publishedAt, prefers the later installedAt', () => {
    const first = pack({ id: 'first', source: 'file', claimIds: ['c'], installedAt: '2025-03-01T08:00:00Z' });
    const second = pack({ id: 'second', source: 'file', claimIds: ['c'], installedAt: '2025-03-01T09:00:00Z' });
    expect(winners([first, second])).toEqual(['c@second']);
    expect(winners([second, first])).toEqual(['c@second']);
    expect(mergeClaimPacks([first, second]).conflicts).toEqual([
      { claimId: 'c', keptPack: { id: 'second', name: 'Pack second' }, droppedPacks: [{ id: 'first', name: 'Pack first' }] },
    ]);
  });

  it('source beats a newer publication date', () => {
    const bundled = pack({ id: 'bundled', source: 'bundled', claimIds: ['c'], publishedAt: '2025-12-01' });
    const feed = pack({ id: 'feed', source: 'feed', claimIds: ['c'], publishedAt: '2025-01-01' });
    expect(winners([bundled, feed])).toEqual(['c@feed']);
  });

  it('ignores disabled packs entirely', () => {
    const packs = [
      pack({ id: 'bundled', source: 'bundled', claimIds: ['shared', 'b'] }),
      pack({ id: 'mine', source: 'file', claimIds: ['shared', 'mine-only'], enabled: false }),
    ];
    const { claims, conflicts } = mergeClaimPacks(packs);
    expect(claims.map((claim) => `${claim.id}@${claim.packId}`)).toEqual(['shared@bundled', 'b@bundled']);
    expect(conflicts).toEqual([]);
  });

  it('returns nothing when every pack is disabled', () => {
    expect(mergeClaimPacks([pack({ id: 'bundled', source: 'bundled', claimIds: ['a'], enabled: false })])).toEqual({
      claims: [],
      conflicts: [],
    });
  });
});
