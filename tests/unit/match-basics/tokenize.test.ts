import { describe, expect, it } from 'vitest';
import { defaultCanonicalizer } from '../../../lib/match/canonicalize';
import { capsOf, tokenize, type Token } from '../../../lib/match/tokenize';

const canonicalizer = defaultCanonicalizer();

function surface(text: string, tokens: readonly Token[]): string[] {
  return tokens.map((token) => text.slice(token.start, token.end));
}

describe('tokenize', () => {
  it('folds "by no means" into one token with the term of "never", spanning the original words', () => {
    const text = 'The lab will BY  NO\tmeans pause.';
    const tokens = tokenize(text, canonicalizer);
    const folded = tokens.find((token) => token.term === canonicalizer.term('never'));
    expect(folded).toBeDefined();
    expect(text.slice(folded!.start, folded!.end)).toBe('BY  NO\tmeans');
    expect(folded!.capitalized).toBe(true);
    expect(surface(text, tokens)).toEqual(['The', 'lab', 'will', 'BY  NO\tmeans', 'pause']);
  });

  it('folds "in advance" to the same term as "beforehand" and "upfront"', () => {
    const a = tokenize('tested in advance', canonicalizer);
    const b = tokenize('tested beforehand', canonicalizer);
    const c = tokenize('tested upfront', canonicalizer);
    expect(a).toHaveLength(2);
    expect(a[1]!.term).not.toBe('');
    expect(a[1]!.term).toBe(b[1]!.term);
    expect(a[1]!.term).toBe(c[1]!.term);
    expect(a[1]!.term).toBe(canonicalizer.term('advance'));
  });

  it('folds a hyphenated curated phrase ("red-teaming") like its spaced form', () => {
    const hyphen = tokenize('external red-teaming', canonicalizer);
    const spaced = tokenize('external red teaming', canonicalizer);
    expect(hyphen.map((t) => t.term)).toEqual(spaced.map((t) => t.term));
    expect(hyphen).toHaveLength(2);
  });

  it('keeps offsets pointing at the original text through curly quotes, NFKC folds and accents', () => {
    const text = '“Anthropic’s” ﬁnance chief in Zürich said THREE things.';
    const tokens = tokenize(text, canonicalizer);
    expect(surface(text, tokens)).toEqual(['Anthropic’s', 'ﬁnance', 'chief', 'in', 'Zürich', 'said', 'THREE', 'things']);
    expect(tokens[0]!.term).toBe(canonicalizer.term('anthropic'));
    expect(tokens[1]!.term).toBe(canonicalizer.term('finance'));
    expect(tokens[6]!.term).toBe(canonicalizer.term('3'));
  });

  it('keeps a decomposed (NFD) accented word as one token whose span covers the accent', () => {
    // "naïve" written as i + U+0308 COMBINING DIAERESIS, as macOS and some CMSs produce.
    const text = 'a nai\u0308ve promise';
    const tokens = tokenize(text, canonicalizer);
    expect(surface(text, tokens)).toEqual(['a', 'nai\u0308ve', 'promise']);
    expect(tokens[1]!.term).toBe(canonicalizer.term('naive'));
  });

  it("reads an acronym's case before a clitic: \"CAISI’s\" is in capitals as \"CAISI\" is", () => {
    expect(['CAISI', "CAISI's", 'CAISI’s', "DON'T", 'EU'].map(capsOf)).toEqual([2, 2, 2, 2, 2]);
    // Two capitals before the clitic stay a capitalised word: "the EU's code" is the code's owner (see capsOf).
    expect(["EU's", "Anthropic's", "caisi's", "O'Brien"].map(capsOf)).toEqual([1, 1, 0, 1]);
  });

  it('marks stop words with an empty term but keeps their positions', () => {
    const text = 'It will pause';
    const tokens = tokenize(text, canonicalizer);
    expect(tokens.map((t) => t.term === '')).toEqual([true, true, false]);
    expect(surface(text, tokens)).toEqual(['It', 'will', 'pause']);
  });

  it('turns a negative contraction into "not" so the negation survives', () => {
    const tokens = tokenize('They can’t guarantee it', canonicalizer);
    expect(tokens[1]!.term).toBe('not');
  });

  it('tokenizes only inside [from, to) while keeping absolute offsets', () => {
    const text = 'skip this part. Risk reports follow.';
    const from = text.indexOf('Risk');
    const tokens = tokenize(text, canonicalizer, from, text.length);
    expect(surface(text, tokens)).toEqual(['Risk', 'reports', 'follow']);
    expect(tokens[0]!.start).toBe(from);
    expect(tokens[0]!.capitalized).toBe(true);
    expect(tokens[1]!.capitalized).toBe(false);
  });
});
