import { describe, expect, it } from 'vitest';
import { quantitiesBelongElsewhere, quantitiesIn } from '../../../lib/match/quantities';

describe('quantitiesIn', () => {
  it('reads deadlines and periods in digits, words, hyphenated and as ranges, keyed in the singular', () => {
    expect(quantitiesIn('report within 72 hours')).toEqual(['72 hour']);
    expect(quantitiesIn('a seventy-two-hour deadline and fifteen days')).toEqual(['15 day', '72 hour']);
    expect(quantitiesIn('every three to six months')).toEqual(['3 month', '6 month']);
    expect(quantitiesIn('every 3-6 months, after 1,000 days')).toEqual(['1000 day', '3 month', '6 month']);
  });

  it('reads sums of money and shares', () => {
    expect(quantitiesIn('fines of up to $1 million, rising to $3m')).toEqual(['money 1000000', 'money 3000000']);
    expect(quantitiesIn('€35 million or 7% of turnover, KRW 30 million, 15 million euros')).toEqual(['money 15000000', 'money 30000000', 'money 35000000', 'percent 7']);
    expect(quantitiesIn('twenty per cent of compute')).toEqual(['percent 20']);
  });

  it('leaves calendar years, bare numbers and time told between events alone', () => {
    expect(quantitiesIn('In 2025 the 16 signatories met; SB 53 has 10^26 operations')).toEqual([]);
    expect(quantitiesIn('Six months later, three months after the pledges, nine months on, two years ago')).toEqual([]);
  });
});

describe('quantitiesBelongElsewhere', () => {
  const known = new Set(['72 hour', '15 day', '30 day']);
  it("is true only when the unit gives another claim's quantity and none of this claim's", () => {
    expect(quantitiesBelongElsewhere(['72 hour'], new Set(['15 day']), known)).toBe(true);
    expect(quantitiesBelongElsewhere(['15 day', '72 hour'], new Set(['15 day']), known)).toBe(false);
    expect(quantitiesBelongElsewhere(['5 week'], new Set(['15 day']), known)).toBe(false);
    expect(quantitiesBelongElsewhere([], new Set(), known)).toBe(false);
  });
});
