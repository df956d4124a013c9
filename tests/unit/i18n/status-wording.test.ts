import { describe, expect, it } from 'vitest';
import { formatDayIn, statusLabel, statusWithDate } from '@/lib/i18n/claim-words';
import { statusWithDate as exportStatusWithDate } from '@/lib/format/claim-labels';
import { english, german } from './test-translators';
import { appliesLater } from '@/lib/claims/claim-enums';

/**
 * One event, one word: the card's verdict ("…, modified on 17 Apr 2026") and the popup's status line
 * ("Modified 17 Apr 2026") once said "changed on" and "Modified", "adopted" and "enacted", for the same day.
 */
describe('the card and the popup word a status with its day the same way', () => {
  for (const [language, t] of [['en', english], ['de', german]] as const) {
    it(`${language}: a pending law is adopted, a modified claim is modified, in both views`, () => {
      const date = formatDayIn(t, '2026-03-27');
      expect(t('verdictStatus_pending', { date }).toLowerCase()).toBe(statusWithDate(t, 'pending', '2026-03-27').toLowerCase());
      expect(t('verdictStatus_modified', { date }).toLowerCase()).toContain(statusLabel(t, 'modified').toLowerCase());
    });
  }

  it('the exports\' English says "adopted" too', () => {
    expect(exportStatusWithDate('pending', '2026-03-27')).toBe(statusWithDate(english, 'pending', '2026-03-27'));
  });
});

/**
 * A law that stands but whose duties start later says that day wherever its status is shown: "Modified 27 Mar
 * 2026" alone was read as a law in force (New York's RAISE Act applies from 1 Jan 2027; a new user's report 49).
 */
describe('a law whose duties start later says so in every status line', () => {
  const raise = { kind: 'binding-commitment', force: 'legal-obligation', status: 'modified', effectiveDate: '2027-01-01' } as const;

  it('appliesLater: only a binding legal obligation that stands, only before its day', () => {
    expect(appliesLater(raise, '2026-12-07')).toBe('2027-01-01');
    expect(appliesLater(raise, '2027-01-01')).toBeUndefined();
    expect(appliesLater({ ...raise, status: 'pending' }, '2026-12-07')).toBe('2027-01-01');
    expect(appliesLater({ ...raise, status: 'withdrawn' }, '2026-12-07')).toBeUndefined();
    expect(appliesLater({ ...raise, force: 'categorical-pledge' }, '2026-12-07')).toBeUndefined();
    expect(appliesLater({ ...raise, kind: 'announced-target' }, '2026-12-07')).toBeUndefined();
    expect(appliesLater({ ...raise, effectiveDate: undefined }, '2026-12-07')).toBeUndefined();
  });

  it('in the popup and history (English and German) and in the exports', () => {
    expect(statusWithDate(english, 'modified', '2026-03-27', 'binding-commitment', '2027-01-01')).toBe('Modified 27 Mar 2026; applies from 1 Jan 2027');
    expect(statusWithDate(german, 'modified', '2026-03-27', 'binding-commitment', '2027-01-01')).toBe(`${statusWithDate(german, 'modified', '2026-03-27')}; gilt ab ${formatDayIn(german, '2027-01-01')}`);
    expect(exportStatusWithDate('modified', '2026-03-27', 'binding-commitment', '2027-01-01')).toBe(statusWithDate(english, 'modified', '2026-03-27', 'binding-commitment', '2027-01-01'));
    expect(exportStatusWithDate('pending', '2025-12-19', 'binding-commitment', '2027-01-01')).toBe('Not yet in force (adopted 19 Dec 2025); applies from 1 Jan 2027');
  });
});
