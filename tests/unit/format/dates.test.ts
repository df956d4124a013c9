import { afterEach, describe, expect, it } from 'vitest';
import { formatDayIn, localDayIn } from '@/lib/i18n/claim-words';
import { statusWithDate } from '@/lib/format/claim-labels';
import { dayOfInstant, formatDay } from '@/lib/format/dates';
import { english, german } from '../i18n/test-translators';

const zone = process.env.TZ;
afterEach(() => {
  // Node reads TZ again when it is set, so each test can put the reader in another zone.
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('formatDay: the one way a day is written for a reader', () => {
  it('writes English as "24 Feb 2026" whatever the region, so card, popup and exports agree', () => {
    for (const tag of ['en', 'en-GB', 'en-US', 'en-AU']) expect(formatDay('2026-02-24', tag), tag).toBe('24 Feb 2026');
    expect(formatDay('2026-02-24')).toBe('24 Feb 2026');
    // ICU's en-GB writes "Sept" and en-US "Sep": neither leaks in.
    expect(formatDay('2023-09-19', 'en-GB')).toBe('19 Sep 2023');
  });

  it('asks Intl for other languages, month as a word', () => {
    expect(formatDay('2026-02-24', 'de')).toBe('24. Feb. 2026');
    expect(formatDay('2025-12-19', 'de-DE')).toBe('19. Dez. 2025');
    expect(formatDay('2026-02-24', 'fr')).toBe('24 févr. 2026');
  });

  it('keeps the calendar day at a UTC day boundary, in any time zone', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz;
      // new Date('2026-01-01') is 31 Dec 2025 in Los Angeles: a claim date is a day, not an instant.
      expect(formatDay('2026-01-01', 'en'), tz).toBe('1 Jan 2026');
      expect(formatDay('2026-01-01', 'de'), tz).toBe('1. Jan. 2026');
      expect(formatDay('2025-12-31', 'de'), tz).toBe('31. Dez. 2025');
    }
  });

  it('leaves what is not a day as it was, and answers a malformed language tag in English', () => {
    for (const broken of ['not-a-date', '2026-13-01', '2026-02-00', '2026-2-4', '2026-02-24T10:00:00Z', '']) expect(formatDay(broken, 'de'), broken).toBe(broken);
    expect(formatDay('2026-02-24', 'x-not a tag')).toBe('24 Feb 2026');
  });

  it('is what the popup, options (formatDayIn) and the exports (statusWithDate) write', () => {
    expect(formatDayIn(english, '2026-02-24')).toBe(formatDay('2026-02-24', 'en'));
    expect(formatDayIn(german, '2026-02-24')).toBe(formatDay('2026-02-24', 'de'));
    expect(statusWithDate('withdrawn', '2026-02-24')).toBe('Withdrawn 24 Feb 2026');
  });
});

describe('dayOfInstant: the day an instant falls on for the reader', () => {
  it('moves across midnight with the time zone', () => {
    expect(dayOfInstant('2026-11-30T23:30:00Z', 'UTC')).toBe('2026-11-30');
    expect(dayOfInstant('2026-11-30T23:30:00Z', 'Europe/Berlin')).toBe('2026-12-01');
    expect(dayOfInstant('2026-12-01T02:00:00Z', 'America/New_York')).toBe('2026-11-30');
    expect(dayOfInstant('nonsense')).toBeUndefined();
  });

  it('uses the reader’s own zone by default (localDayIn)', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(localDayIn(english, '2026-11-30T20:00:00Z')).toBe('1 Dec 2026');
    process.env.TZ = 'America/Los_Angeles';
    expect(localDayIn(english, '2026-11-30T05:00:00Z')).toBe('29 Nov 2026');
    expect(localDayIn(english, 'nonsense')).toBe('nonsense');
  });
});
