import { describe, expect, it } from 'vitest';
import { withSuperscriptPowers } from '../../../lib/format/superscript-powers';
import { toCardData } from '../../../lib/claims/claim-card-data';
import { exportMarkdown } from '../../../lib/annotations/export-markdown';
import { bundledClaimSet } from '../../support/claim-sets';

describe('withSuperscriptPowers', () => {
  it('writes a caret power with superscript digits', () => {
    expect(withSuperscriptPowers('more than 10^26 operations, or 10^25 FLOP')).toBe('more than 10²⁶ operations, or 10²⁵ FLOP');
    expect(withSuperscriptPowers('2^10 and 10^100')).toBe('2¹⁰ and 10¹⁰⁰');
  });

  it('leaves a caret that is no power, and a text without one, as they are', () => {
    expect(withSuperscriptPowers('a ^ b, x^y, ^26, 10^2026')).toBe('a ^ b, x^y, ^26, 10^2026');
    expect(withSuperscriptPowers('no powers here')).toBe('no powers here');
  });
});

describe('where readers see a statement', () => {
  const sb53 = bundledClaimSet().claims.find((claim) => claim.id === 'ca-sb53-publish-frontier-framework')!;

  it('the card, popup and options data and the Markdown export show 10²⁶, the claim data keeps 10^26 (a new user\'s report 53)', () => {
    expect(sb53.statement).toContain('10^26');
    expect(toCardData({ ...sb53, packId: 'default', packName: 'Pledge Lens' }).statement).toContain('10²⁶');
    const markdown = exportMarkdown(
      [{ id: 'm', pageUrl: 'https://news.example/a', pageTitle: 'A', claimId: sb53.id, anchor: { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 }, firstSeen: '2026-12-07T00:00:00.000Z', lastSeen: '2026-12-07T00:00:00.000Z' }],
      new Map([[sb53.id, sb53]]),
      { generatedAt: '2026-12-07T00:00:00.000Z' },
    );
    expect(markdown).toContain('10²⁶');
    expect(markdown).not.toContain('10^26');
  });
});
