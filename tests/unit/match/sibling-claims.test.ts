/**
 * Sibling claims (issue 11): two claims of one actor or instrument competing for one sentence, such as
 * a framework's old pledge and the rule that replaced it, both listing the same document's names. Invented claims in
 * our own words; each case has the sentence given to both before (checked with `siblingYield` off) and
 * a near miss that must stay as it was.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../lib/claims/schema';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims } from '../../../lib/match/match-claims';
import type { Tunables } from '../../../lib/match/tunables';
import { textFromHtml } from '../../../scripts/cli/load-input';
import { ACME, EXAMPLE_LAB, bundledClaimSet, ungatedClaim as claim } from '../../support/claim-sets';

// One instrument, two claims: the 2025 stop pledge (gated on a word for stopping) and the 2026 rule that
// replaced it (known by the new document's name), as Meta's two frameworks are in the real set.
const CHARTER = { name: 'Safety Charter', aliases: ['Scaling Charter'] };
const CLAIMS: Claim[] = [
  claim({
    id: 'acme-charter-stop',
    actor: ACME,
    instrument: CHARTER,
    statement: "Acme AI's Safety Charter (2025) said Acme would stop developing a model that reaches its critical risk threshold; its 2026 Scaling Charter continues development only with validated safeguards.",
    phrasings: [
      'Acme AI said it would stop developing any model that reached its critical risk threshold.',
      'Under its Safety Charter, Acme would halt development of a model at the critical threshold.',
      'Acme promised to pause work on a critical-risk model, then replaced the stop with safeguards in 2026.',
      "Acme AI's 2025 charter said development of a model at the critical risk threshold would stop.",
    ],
    keyTerms: [['stop', 'halt', 'pause', 'cease', 'suspend'], ['develop', 'development', 'developing', 'model', 'models', 'work']],
  }),
  claim({
    id: 'acme-charter-safeguards',
    actor: ACME,
    instrument: CHARTER,
    statement: 'Under its Scaling Charter (2026), Acme AI continues developing a model that reaches its critical risk threshold only once safeguards are defined, implemented and validated.',
    phrasings: [
      'Acme AI now keeps developing a critical-risk model only after validated safeguards are in place.',
      'Under its Scaling Charter, Acme continues development at the critical threshold only with validated safeguards.',
      'If an Acme model reaches the critical risk threshold, development continues only once safeguards are implemented and validated.',
      "Acme AI's 2026 charter lets development go on only with safeguards that have been validated.",
    ],
    keyPhrases: ['Scaling Charter'],
  }),
];

const index = compileClaimIndex(CLAIMS, '1.0.0');
const ids = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, index, { tunables }).map((m) => m.claimId);

describe('two claims of one instrument on one sentence, one of them missing a key-term group', () => {
  it('goes to the one whose distinctive name or every key-term group is there', () => {
    const text = 'Under the Scaling Charter, if a model reaches the critical risk threshold, Acme AI says it will continue development only once safeguards have been defined, implemented and validated.';
    expect(ids(text, { siblingYield: 0, introJoins: 0, conditionJoins: 0, distinctiveYield: 0 })).toContain('acme-charter-stop');
    expect(ids(text)).toEqual(['acme-charter-safeguards']);
  });

  it('leaves both when the sentence states each, the old pledge with its own words', () => {
    const text = 'Acme AI said in 2025 that it would stop developing a model at the critical risk threshold; under the Scaling Charter it now continues development only once safeguards are validated.';
    expect(ids(text)).toEqual(expect.arrayContaining(['acme-charter-stop', 'acme-charter-safeguards']));
  });
});

describe("a sentence's opening framing goes with its main clause, not with the neighbour whose words it shares", () => {
  const spans = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, index, { tunables }).map((m) => `${m.claimId}: ${text.slice(m.start, m.end)}`);

  it('a phrase led by a preposition, with a participle after it, frames the claim the main clause states', () => {
    const text = 'In the charter that replaced the old pause, released in 2026, Acme AI continues development of a critical-risk model only once safeguards are validated.';
    expect(spans(text, { introJoins: 0 })).toContain('acme-charter-stop: In the charter that replaced the old pause');
    expect(spans(text)).toEqual([`acme-charter-safeguards: ${text}`]);
  });

  it('a temporal clause about a document being rewritten or published says when, not what was promised', () => {
    const text = 'When Acme published its new charter on critical-risk model development in 2026, it said development continues only once safeguards are implemented and validated.';
    expect(ids(text, { introJoins: 0 })).toContain('acme-charter-stop');
    expect(ids(text)).toEqual(['acme-charter-safeguards']);
  });

  it('an opening with a verb of its own states its claim and keeps it', () => {
    for (const text of [
      'In 2025 Acme AI promised to stop developing any model at the critical risk threshold, and in 2026 it switched to continuing development only once safeguards are validated.',
      'When it dropped the stop pledge in 2026, Acme AI said a critical-risk model is developed only once safeguards are implemented and validated.',
      'After Acme AI said in 2025 that it would stop developing any model at the critical risk threshold, its Scaling Charter continues development only once safeguards are validated.',
    ]) expect(ids(text)).toEqual(['acme-charter-stop', 'acme-charter-safeguards']);
  });
});

describe('a subject cut off from its verb by a suspended hyphen or a reporting aside ("High- and critical-risk models, it adds, are …")', () => {
  it('goes with the predicate that says something of it, not to the neighbour whose words it carries', () => {
    for (const text of [
      'High- and critical-risk models, Acme AI says, are developed only once safeguards have been defined, implemented and validated under its Scaling Charter.',
      'High- and critical-risk models, it adds, are developed only with validated safeguards under the Scaling Charter.',
    ]) {
      expect(ids(text, { introJoins: 0, clauseSiblingYield: 0 })).toEqual(['acme-charter-stop', 'acme-charter-safeguards']);
      expect(matchClaims(text, index).map((m) => [m.claimId, text.slice(m.start, m.end)])).toEqual([['acme-charter-safeguards', text]]);
    }
  });
});

describe('a detail two claims of one actor state ("civil penalties for violations"), in the bundled claim set', () => {
  // Anthropic's compliance framework (a duty under SB 53, penalties for breaking it) and its Advanced AI
  // Framework (a proposal that governments levy penalties) both speak of civil penalties. The sentence
  // below restates the first claim; its clause about penalties went to the second, whose entry follows.
  const claimSet = bundledClaimSet();
  const index = compileClaimIndex(claimSet.claims, claimSet.version);
  const duty = 'Unlike the scaling policy, which stays voluntary, the law requires the company to implement and comply with it, with civil penalties for violations.';
  const proposal = 'June 2026: Anthropic publishes its Advanced AI Framework, recommending that governments gain the power to block dangerous models.';
  const timeline = [
    'Anthropic safety documents: a timeline',
    `December 2025: Anthropic publishes its Frontier Compliance Framework, its framework under California's SB 53. ${duty}`,
    proposal,
  ].join('\u2029');
  const found = matchClaims(timeline, index).map((m) => [m.claimId, timeline.slice(m.start, m.end)]);

  it('goes whole with the claim whose statement it is, not clause by clause to the other', () => {
    expect(found).toContainEqual(['anthropic-frontier-compliance-framework', duty]);
    expect(found.filter(([id]) => id === 'anthropic-advanced-ai-framework')).toEqual([['anthropic-advanced-ai-framework', proposal]]);
  });
});

describe("a clause the whole sentence's claim states itself, sharing words with a sibling duty", () => {
  // Two duties of one law: publishing a safety plan, and not lying about risks or about following that plan.
  const ACT = { name: 'Model Safety Act', aliases: ['MSA'] };
  const RURITANIA = { id: 'ruritania', name: 'Ruritania', type: 'government' as const, aliases: [] };
  const law = compileClaimIndex(
    [
      claim({
        id: 'msa-publish-plan',
        actor: RURITANIA,
        instrument: ACT,
        statement: 'The Model Safety Act requires large model developers to publish a written safety plan, follow it and update it every year.',
        phrasings: [
          'Ruritania requires large model developers to publish their safety plans and follow them.',
          'Under the Model Safety Act, developers must post a written safety plan online and comply with it.',
          'AI developers in Ruritania have to publish a safety plan and stick to it.',
        ],
      }),
      claim({
        id: 'msa-no-false-statements',
        actor: RURITANIA,
        instrument: ACT,
        statement: 'The Model Safety Act bars developers from false or misleading statements about catastrophic risk and, for large developers, about how they follow their safety plans.',
        phrasings: [
          'Under the Model Safety Act, developers may not make false or misleading statements about catastrophic risk.',
          'Ruritania bans misleading claims about catastrophic model risk and about compliance with safety plans.',
          'Developers in Ruritania face penalties for lying about catastrophic risk.',
        ],
      }),
    ],
    '1.0.0',
  );
  const found = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, law, { tunables }).map((m) => [m.claimId, text.slice(m.start, m.end)]);
  const ban = 'The Model Safety Act also bars developers from false or misleading statements about catastrophic risk and, for large developers, about how they follow their written safety plans.';

  it('is not given to the sibling', () => {
    expect(found(ban, { clauseFacetExplained: 0 }).map(([id]) => id)).toContain('msa-publish-plan');
    // The split still cuts the sentence before that clause (see lib/match/README.md, 1 Dec 2026).
    expect(found(ban).map(([id]) => id)).toEqual(['msa-no-false-statements']);
  });

  it('leaves a clause stating the sibling duty with its own words', () => {
    const both = 'The Model Safety Act bars developers from false or misleading statements about catastrophic risk, and it requires large developers to publish a written safety plan and update it every year.';
    expect(found(both).map(([id]) => id)).toEqual(['msa-no-false-statements', 'msa-publish-plan']);
  });
});

describe("a sentence naming one claim's document by its distinctive name, in the bundled claim set", () => {
  // Meta's 2025 stop pledge and the 2026 rule that replaced it share their instrument and most words; the
  // new document's name ("Advanced AI Scaling Framework") is the 2026 rule's key phrase, "stop" the pledge's.
  const set = bundledClaimSet();
  const bundledIndex = compileClaimIndex(set.claims, set.version);
  const found = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, bundledIndex, { tunables }).map((m) => [m.claimId, text.slice(m.start, m.end)] as const);
  const STOP = 'meta-frontier-ai-framework-stop-development';
  const RULE = 'meta-aasf-develop-only-with-mitigations';

  it('reads "finished" as "complete", not as the pledge\'s "cease" (curated synonyms)', () => {
    const text = 'Meta has a similar structure. According to the Advanced AI Scaling Framework version 2, which Meta announced in April 2026, when a frontier model reaches the critical risk threshold the company continues development only after the risk assessment is finished and the safeguards are defined, implemented and validated.';
    const rule = text.slice(text.indexOf('According'));
    expect(found(text).filter(([, span]) => rule.includes(span)).map(([id]) => id)).toEqual([RULE]);
  });

  it('leaves the pledge a sentence that uses its own word ("changed \'Stop\' to …")', () => {
    const text = 'The April 2026 successor, renamed the Advanced AI Scaling Framework, turned "Stop" into "Develop with Mitigations".';
    expect(found(text).map(([id]) => id)).toEqual([STOP]);
  });

  it("does not give a clause to the pledge when none of the pledge's own terms is in the sentence (a development page's spun paragraph)", () => {
    const page = readFileSync('tests/fixtures/independent/dev-14/d-spinner-anthropic-scaling-policy-roadmap.html', 'utf8');
    const text = textFromHtml(page, 'https://example.test/').text;
    const from = text.indexOf('Meta: Beneath its Superior AI Scaling Framework');
    const paragraph = text.slice(from, text.indexOf('\u2029', from));
    // The rule as it was before claim set 2.1.9 gave it key terms: with them, the spun
    // paragraph has every one of its groups and the pledge never comes near it, yield or not.
    const ungatedRule = compileClaimIndex(set.claims.map((c) => (c.id === RULE ? { ...c, keyTerms: [] } : c)), set.version);
    const on = (tunables: Partial<Tunables>) =>
      matchClaims(text, ungatedRule, { tunables }).filter((m) => paragraph.includes(text.slice(m.start, m.end))).map((m) => m.claimId);
    expect(on({ clauseSiblingYield: 0, splitTieMargin: 0 })).toContain(STOP);
    expect(on({})).not.toContain(STOP);
  });

  it("does not give a clause of the sentence to the pledge either (`clauseSiblingYield`; a development page's paragraph)", () => {
    const page = readFileSync('tests/fixtures/independent/dev-15/a-explainer-seoul-commitments-kept.html', 'utf8');
    const text = textFromHtml(page, 'https://example.test/').text;
    const sentence = 'Under its Advanced AI Scaling Framework, released in April 2026';
    const on = (tunables: Partial<Tunables>) => found(text, tunables).filter(([, span]) => span.startsWith(sentence)).map(([id]) => id);
    expect(on({ clauseSiblingYield: 0 })).toContain(STOP);
    expect(on({})).toEqual([RULE]);
  });
});

describe('a document renamed in a new version', () => {
  // The 2026 rule names its document by its new name, with the old one as an alias (as Meta's Advanced AI
  // Scaling Framework, version 2 of its Frontier AI Framework, does in the real set).
  const renamed = CLAIMS.map((c) => (c.id === 'acme-charter-safeguards' ? { ...c, instrument: { name: 'Scaling Charter', aliases: ['Safety Charter'] } } : c));

  it('is one instrument under either name, so its claims stay siblings', () => {
    const renamedIndex = compileClaimIndex(renamed, '1.0.0');
    expect(renamedIndex.instruments).toHaveLength(1);
    expect(renamedIndex.claims[0]!.instrument).toBe(renamedIndex.claims[1]!.instrument);
    const text = 'Under the Scaling Charter, if a model reaches the critical risk threshold, Acme AI says it will continue development only once safeguards have been defined, implemented and validated.';
    expect(matchClaims(text, renamedIndex).map((m) => m.claimId)).toEqual(['acme-charter-safeguards']);
  });

  it("stays two instruments when another actor's document has that name, or when only their aliases meet", () => {
    const otherActor = renamed.map((c) => (c.id === 'acme-charter-safeguards' ? { ...c, actor: EXAMPLE_LAB } : c));
    expect(compileClaimIndex(otherActor, '1.0.0').instruments).toHaveLength(2);
    const nicknamesOnly = CLAIMS.map((c) => (c.id === 'acme-charter-safeguards' ? { ...c, instrument: { name: 'Growth Charter', aliases: ['Scaling Charter'] } } : c));
    expect(compileClaimIndex(nicknamesOnly, '1.0.0').instruments).toHaveLength(2);
  });
});

describe('two actors a sentence names, each with its claim of one instrument ("Google signs the code, Meta stays outside"), in the bundled claim set', () => {
  // Meta's refusal's statement names Google's signing too, so every word of Google's clause is Meta's
  // claim's as well; and Meta's clause is two words, short enough to have been read with Google's.
  const set = bundledClaimSet();
  const bundledIndex = compileClaimIndex(set.claims, set.version);
  const text = "Brussels, 1 August. Google signs the EU's code of practice for general-purpose AI, while Meta stays outside.";
  const found = (tunables: Partial<Tunables> = {}) => matchClaims(text, bundledIndex, { tunables }).map((m) => [m.claimId, text.slice(m.start, m.end)] as const);

  it("gives each actor its own claim and its own clause", () => {
    expect(found()).toEqual([
      ['google-signed-gpai-code', "Google signs the EU's code of practice for general-purpose AI"],
      ['meta-declined-gpai-code', 'while Meta stays outside.'],
    ]);
  });

  it("keeps an actor named as an owner, not a subject, in its clause (\"six other companies sign the White House's commitments\")", () => {
    const signing =
      "In July 2023 Anthropic and six other companies sign the White House's voluntary AI commitments, pledging, among other things, internal and external red-teaming of models before release and watermarks or provenance labels so that users can tell when audio or images are AI-generated.";
    // Read as the White House's own clause, it left "pledging, among other things, …" no clause of its own and the
    // watermarking pledge took the whole sentence.
    expect(matchClaims(signing, bundledIndex).map((m) => [m.claimId, signing.slice(m.start, m.end)])).toEqual([
      ['white-house-2023-voluntary-commitments-red-teaming', signing.slice(0, signing.indexOf(' and watermarks'))],
      ['white-house-2023-voluntary-commitments-watermarking', signing.slice(signing.indexOf('watermarks'))],
    ]);
  });

  it('was one claim for the whole sentence with either rule off', () => {
    expect(found({ namedActorsKeep: 0 }).map(([id]) => id)).toEqual(['meta-declined-gpai-code']);
    expect(found({ actorClauseStands: 0 }).map(([id]) => id)).toEqual(['meta-declined-gpai-code']);
  });
});
