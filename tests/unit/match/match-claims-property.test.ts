import { describe, expect, it } from 'vitest';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims } from '../../../lib/match/match-claims';
import { bundledClaimSet } from '../../support/claim-sets';

const claimSet = bundledClaimSet();
const index = compileClaimIndex(claimSet.claims, claimSet.version);

/** Deterministic PRNG (mulberry32), so a failure reproduces from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'Anthropic', 'pledge', 'pause', 'Risk Reports', 'Frontier Safety Roadmaps', 'unless', 'safeguards', 'adequate',
  ';', '.', '!', '?', ':', '–', '—', '"', '“', '”', "'", '’', '\n', '\n\n', '\u2029', '- ', '• ', '1. ',
  '<p>', '</p>', '<a href="x">', '</a>', '<script>alert(1)</script>', '&amp;', '&lt;mark&gt;', '\t', '   ',
  'é', 'ß', 'İ', 'ﬁ', 'Å', '日本語', 'العربية', 'עברית', '🙂', '👩🏽‍💻', '\u200b', '\u00ad', '\ufeff', '\ud800', '\udfff',
  'three to six', '3-6', 'never', 'delay', 'OpenAI', 'Nimbus Labs', 'ASL-3', 'SB 53', 'can’t', "won't",
];

function randomText(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    const r = random();
    if (r < 0.55) out += PIECES[Math.floor(random() * PIECES.length)]!;
    else if (r < 0.8) out += ' ';
    else out += String.fromCodePoint(Math.floor(random() * 0x2ffff));
  }
  return out;
}

describe('matchClaims on arbitrary text', () => {
  it('never throws and returns ordered, in-bounds, non-overlapping spans (300 random texts)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = prng(seed);
      const text = randomText(random, Math.floor(random() * 3000));
      let matches: ReturnType<typeof matchClaims> = [];
      expect(() => (matches = matchClaims(text, index)), `seed ${seed}`).not.toThrow();
      let previousEnd = 0;
      for (const match of matches) {
        expect(match.start, `seed ${seed}`).toBeGreaterThanOrEqual(previousEnd);
        expect(match.end).toBeGreaterThan(match.start);
        expect(match.end).toBeLessThanOrEqual(text.length);
        expect(match.score).toBeGreaterThan(0);
        expect(match.score).toBeLessThanOrEqual(1);
        expect(index.claims.some((claim) => claim.id === match.claimId)).toBe(true);
        previousEnd = match.end;
      }
    }
  });

  it('finds the same claims in a sentence however it is quoted, dashed, spaced or cased', () => {
    const plain = 'Anthropic said it will publish Risk Reports every three to six months.';
    const variants = [
      'ANTHROPIC SAID IT WILL PUBLISH RISK REPORTS EVERY THREE TO SIX MONTHS.',
      'Anthropic   said it will\tpublish “Risk Reports” every 3–6 months.',
      'Anthropic said it will publish "Risk Reports" every 3-6 months.',
      'Anthropic said it will publish Risk Reports every three to 6 months.',
    ];
    const ids = (text: string) => matchClaims(text, index).map((match) => match.claimId);
    expect(ids(plain)).toEqual(['anthropic-rsp3-risk-reports']);
    for (const variant of variants) expect(ids(variant), variant).toEqual(ids(plain));
  });

  it('matches the same with an index that went through JSON (the background caches it that way)', () => {
    const revived = JSON.parse(JSON.stringify(index)) as typeof index;
    const text = randomText(prng(7), 5000) + ' Anthropic will regularly publish Frontier Safety Roadmaps setting goals for security and alignment.';
    expect(matchClaims(text, revived)).toEqual(matchClaims(text, index));
    expect(matchClaims(text, index).length).toBeGreaterThan(0);
  });
});
