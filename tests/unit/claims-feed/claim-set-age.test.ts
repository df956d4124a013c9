import { describe, expect, it } from 'vitest';
import { STALE_AFTER_DAYS, claimSetAge } from '../../../lib/claims/claim-set-age';

describe('claimSetAge', () => {
  it('says "today" on the day of publication', () => {
    expect(claimSetAge('2025-03-10', new Date('2025-03-10T23:59:00Z'))).toEqual({
      days: 0,
      stale: false,
      label: 'published today',
    });
  });

  it('says "yesterday" one day later, even just after midnight UTC', () => {
    expect(claimSetAge('2025-03-10', new Date('2025-03-11T00:01:00Z')).label).toBe('published yesterday');
  });

  it('counts whole days', () => {
    const age = claimSetAge('2025-03-10', new Date('2025-03-22T08:00:00Z'));
    expect(age.days).toBe(12);
    expect(age.label).toBe('published 12 days ago');
    expect(age.stale).toBe(false);
  });

  it('counts across a leap day', () => {
    expect(claimSetAge('2024-02-28', new Date('2024-03-01T12:00:00Z')).days).toBe(2);
  });

  it(`is stale only after ${STALE_AFTER_DAYS} days`, () => {
    expect(claimSetAge('2025-01-01', new Date('2025-04-01T12:00:00Z'))).toMatchObject({ days: 90, stale: false });
    expect(claimSetAge('2025-01-01', new Date('2025-04-02T12:00:00Z'))).toMatchObject({
      days: 91,
      stale: true,
      label: 'published 91 days ago',
    });
  });

  it('treats a date in the future (clock skew) as today', () => {
    expect(claimSetAge('2025-05-02', new Date('2025-05-01T20:00:00Z'))).toMatchObject({ days: 0, label: 'published today' });
  });

  it('rejects something that is not a date', () => {
    expect(() => claimSetAge('last spring', new Date())).toThrow(RangeError);
  });
});
