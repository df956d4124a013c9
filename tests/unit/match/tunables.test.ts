import { describe, expect, it } from 'vitest';
import { matchClaims } from '../../../lib/match/match-claims';
import { DEFAULT_TUNABLES, parseTunable, withTunables } from '../../../lib/match/tunables';

describe('tunables', () => {
  it('takes known names with values of their kind', () => {
    expect(withTunables({ minFocus: 0.5, decider: 'rules' })).toEqual({ ...DEFAULT_TUNABLES, minFocus: 0.5, decider: 'rules' });
    expect(parseTunable('maxUnitLength', '240')).toEqual({ maxUnitLength: 240 });
  });

  it('refuses, with the name in the message, what would break matching or be a typo', () => {
    // maxUnitLength 0 once cut units forever: `npm run eval -- --set maxUnitLength=0` ran out of memory.
    expect(() => parseTunable('maxUnitLength', '0')).toThrow(/maxUnitLength .*at least 40/);
    expect(() => parseTunable('maxCandidates', '0')).toThrow(/maxCandidates/);
    expect(() => parseTunable('minFocus', '-0.1')).toThrow(/minFocus .*at least 0/);
    expect(() => parseTunable('minFocus', '')).toThrow(/needs a number/);
    expect(() => parseTunable('minFocus', 'Infinity')).toThrow(/needs a number/);
    expect(() => parseTunable('minFocuss', '1')).toThrow(/unknown tunable "minFocuss"/);
    expect(() => parseTunable('decider', 'magic')).toThrow(/decider cannot be "magic"/);
  });

  it('refuses the same through the matcher, before any work', () => {
    expect(() => matchClaims('Some text.', { claims: [] } as never, { tunables: { maxUnitLength: 0 } })).toThrow(/maxUnitLength/);
    expect(() => matchClaims('Some text.', { claims: [] } as never, { tunables: { minFocus: 'high' as never } })).toThrow(/minFocus needs a number/);
  });
});
