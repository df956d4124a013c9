import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClaimSet } from '../../../lib/claims/schema';
import { buildClaimVocabulary, VocabularyMatcher } from '../../../lib/prefilter/claim-vocabulary';
import { makeClaim } from '../../support/claim-sets';

const BUNDLED = JSON.parse(readFileSync(new URL('../../../public/claims/default.json', import.meta.url), 'utf8')) as ClaimSet;
const matcher = new VocabularyMatcher(buildClaimVocabulary(BUNDLED.claims));

describe('the claim prefilter', () => {
  it('lets through text that names a known actor, instrument or phrase and speaks of AI', () => {
    expect(matcher.mayStateClaims('Anthropic rewrote its AI safety policy this week.')).toBe(true);
    expect(matcher.mayStateClaims('Under SB 53, large frontier developers must publish a framework.')).toBe(true);
    // Names built on "AI" count as speaking of AI.
    expect(matcher.mayStateClaims('OpenAI dropped its ban on military and warfare uses in January.')).toBe(true);
    // Anthropic and its policy's name speak of AI themselves: an article need not say "AI" as well.
    expect(matcher.mayStateClaims('Anthropic promised in 2023 never to train a model unless its safeguards were adequate.')).toBe(true);
    // Accents and case do not matter.
    expect(matcher.mayStateClaims('TURKIYE signed the AI declaration.')).toBe(true);
  });

  it("lets through an AI instrument's own short name without another word about AI (a one-paragraph explainer in a frame)", () => {
    expect(matcher.mayStateClaims('Under the Seoul commitments, signatories said they would not develop or deploy a model at all if mitigations could not keep risks below their thresholds.')).toBe(true);
    expect(matcher.mayStateClaims('SB 53 makes large developers publish their frameworks.')).toBe(true);
    // A kind of document is no name of its own: any code or treaty could be meant.
    expect(matcher.mayStateClaims('The new Code of Practice for food labelling takes effect in March.')).toBe(false);
    expect(matcher.mayStateClaims('The Framework Convention on Tobacco Control turns twenty.')).toBe(false);
  });

  it("lets through a sentence naming only an agreement's parties, in a set where they are no claim's actor", () => {
    const agreement = makeClaim('office-testing-agreements', {
      actor: { id: 'testing-office', name: 'Model Testing Office', type: 'agency', aliases: [] },
      parties: [{ id: 'globex', name: 'Globex', type: 'company', aliases: ['Globex AI'] }],
    });
    const sentence = 'Globex signed a deal letting the government test its AI models before release.';
    expect(new VocabularyMatcher(buildClaimVocabulary([{ ...agreement, parties: [] }])).mayStateClaims(sentence)).toBe(false);
    expect(new VocabularyMatcher(buildClaimVocabulary([agreement])).mayStateClaims(sentence)).toBe(true);
  });

  it('stops text that names nobody known, or names someone but is not about AI', () => {
    expect(matcher.mayStateClaims('A new AI startup promised to pause its models if they proved dangerous.')).toBe(false);
    expect(matcher.mayStateClaims('Microsoft released security patches for Windows on Tuesday.')).toBe(false);
    expect(matcher.mayStateClaims('')).toBe(false);
  });

  it('only whole names count, not words that contain them', () => {
    const tiny = new VocabularyMatcher({ format: 1, names: ['meta', 'sb 53'], aiNames: [] });
    expect(tiny.mayStateClaims('The AI debate in metaphysics.')).toBe(false);
    expect(tiny.mayStateClaims('The AI bill SB 530 passed.')).toBe(false);
    expect(tiny.mayStateClaims('AI rules: Meta said no.')).toBe(true);
  });

  it('the vocabulary is stable: sorted, unique, and only changes with the claim set', () => {
    const once = buildClaimVocabulary(BUNDLED.claims);
    expect(buildClaimVocabulary([...BUNDLED.claims].reverse())).toEqual(once);
    expect(new Set(once.names).size).toBe(once.names.length);
    expect(once.aiNames).toContain('openai');
    expect(once.aiNames).not.toContain('spain');
  });
});
