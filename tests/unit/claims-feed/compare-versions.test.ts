import { describe, expect, it } from 'vitest';
import { compareVersions, isVersion } from '../../../lib/claims/compare-versions';

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.0.1', '1.0.0', 1],
    ['1.0.0', '1.0.1', -1],
    ['1.2.0', '1.1.9', 1],
    ['2.0.0', '1.99.99', 1],
    ['0.9.0', '1.0.0', -1],
    // Numeric, not alphabetical: 10 > 9.
    ['1.10.0', '1.9.0', 1],
    ['1.0.9', '1.0.10', -1],
    ['01.2.3', '1.2.3', 0],
    ['1.0.9007199254740993', '1.0.9007199254740992', 1],
  ])('compareVersions(%s, %s) is %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it('is antisymmetric', () => {
    const versions = ['0.0.1', '0.1.0', '1.0.0', '1.0.10', '1.2.3', '10.0.0'];
    for (const a of versions) {
      for (const b of versions) expect(compareVersions(a, b)).toBe(-compareVersions(b, a) || 0);
    }
  });

  it.each(['1.2', '1.2.3.4', 'v1.2.3', '1.2.x', '', ' 1.2.3'])('throws a RangeError for %j', (bad) => {
    expect(() => compareVersions(bad, '1.0.0')).toThrow(RangeError);
    expect(() => compareVersions('1.0.0', bad)).toThrow(/is not a version like 1\.4\.0/);
    expect(isVersion(bad)).toBe(false);
  });
});
