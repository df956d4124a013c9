import { describe, expect, it } from 'vitest';
import { formatDayIn, statusLabel, statusWithDate } from '@/lib/i18n/claim-words';
import { statusWithDate as exportStatusWithDate } from '@/lib/format/claim-labels';
import { english, german } from './test-translators';

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
