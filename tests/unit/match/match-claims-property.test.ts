import { describe, expect, it } from 'vitest';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims, matchClaimsDetailed } from '../../../lib/match/match-claims';
import { bundledClaimSet } from '../../support/claim-sets';
import { createPrng } from '../../../scripts/bench/prng';

const claimSet = bundledClaimSet();
const index = compileClaimIndex(claimSet.claims, claimSet.version);

/** Deterministic generator, so a failure reproduces from its seed. */
const prng = (seed: number): (() => number) => createPrng(seed).next;

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

/** Adversarial texts of about `size` characters: what a hostile page controls. */
function adversarial(size: number): Record<string, string> {
  const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const claimWords = 'Anthropic will publish Risk Reports every three to six months, and California SB 53 requires frontier developers to publish a framework, and the EU AI Act obliges providers';
  const names = Array.from({ length: Math.ceil(size / 90) }, (_, i) => `Anthropic, OpenAI, Meta, xAI, Zeta${i} Labs, Omicron${i} Inc, Zeta${i},`).join(' ');
  const lines = Array.from({ length: Math.ceil(size / 60) }, (_, depth) => `${'  '.repeat(depth % 40)}${['- ', '• ', '1. ', '* '][depth % 4]}SB 53 requires: publish a framework`).join('\n');
  return {
    'runs of separators': repeatTo(`${', '.repeat(300)}${';'.repeat(300)}${'\u2029'.repeat(300)}${'\n'.repeat(300)}${': '.repeat(100)}${claimWords}. `, size),
    'one huge sentence': repeatTo(`${claimWords}, `, size),
    'clause-dense sentences': repeatTo(`${claimWords.split(' ').join(', ')}. `, size),
    'thousands of actor names': names.slice(0, size),
    'deep lists': lines.slice(0, size),
    'lead-ins and headings': repeatTo('SB 53 requires:\u2029Risk Reports\u2029publish a framework\u2029What does the EU AI Act require?\u2029It:\u2029', size),
  };
}

describe('matchClaims on adversarial input: bounded, linear work', () => {
  const kinds = Object.keys(adversarial(1000));

  it.each(kinds)('%s: twice the text costs about twice the work, and a call stays within its budget', (kind) => {
    const small = adversarial(40_000)[kind]!;
    const large = adversarial(80_000)[kind]!;
    const a = matchClaimsDetailed(small, index, { tunables: { workPerChar: 1e9 } });
    const b = matchClaimsDetailed(large, index, { tunables: { workPerChar: 1e9 } });
    // Linear: doubling the input may not more than (about) double the work.
    expect(b.work / Math.max(1, a.work), kind).toBeLessThan(2.4);
    // Every match stays a sentence-sized span inside the text.
    for (const match of b.matches) {
      expect(match.end - match.start).toBeLessThanOrEqual(480);
      expect(match.end).toBeLessThanOrEqual(large.length);
    }
  });

  it('stops at the per-call work budget and says where', () => {
    const text = adversarial(200_000)['one huge sentence']!;
    const full = matchClaimsDetailed(text, index, { tunables: { workPerChar: 1e9 } });
    expect(full.truncated).toBe(false);
    const capped = matchClaimsDetailed(text, index, { tunables: { workBase: 0, workPerChar: 1 } });
    expect(capped.truncated).toBe(true);
    expect(capped.matchedUpTo).toBeLessThan(text.length);
    expect(capped.work).toBeLessThan(full.work);
    // Whatever was found before the budget ran out is what the full run found there.
    const before = full.matches.filter((m) => m.end <= capped.matchedUpTo);
    expect(capped.matches).toEqual(before.slice(0, capped.matches.length));
  });

  it('keeps the default budget out of the way of ordinary pages', () => {
    const page = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: Anthropic said it will publish a Risk Report every three to six months, a spokesperson said.`).join('\u2029');
    expect(matchClaimsDetailed(page, index).truncated).toBe(false);
  });

  it('finishes 200 KB of any adversarial kind in bounded time', () => {
    for (const [kind, text] of Object.entries(adversarial(200_000))) {
      const started = performance.now();
      matchClaims(text, index);
      // Generous: the point is "seconds, not minutes" (the quadratic version took 80 s on 1.1 MB).
      expect(performance.now() - started, kind).toBeLessThan(15_000);
    }
  });
});
