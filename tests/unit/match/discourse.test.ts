/**
 * The document model and discourse of the matcher, on an invented claim set (so these tests do not
 * move when the research does): headings and lead-ins that scope list items, anaphors ("the law",
 * "the companies"), collective actors and their members, who is speaking, several claims in one
 * sentence. Each test names the kind of text it stands for.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../lib/claims/schema';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims } from '../../../lib/match/match-claims';
import { segmentDocument } from '../../../lib/match/segment-units';
import type { Tunables } from '../../../lib/match/tunables';
import { ACME, PACT, RURITANIA, ungatedClaim as claim } from '../../support/claim-sets';

const SEP = '\u2029';

const SAFETY_ACT = { name: 'Model Safety Act', aliases: ['MSA', 'Bill 12'] };
const HARBOUR_PACT = { name: 'Harbour Pact', aliases: ['Harbour commitments'] };


const CLAIMS: Claim[] = [
  claim({
    id: 'msa-incident-reporting',
    actor: RURITANIA,
    instrument: SAFETY_ACT,
    statement: 'The Model Safety Act requires model developers to report serious incidents to the national regulator within 10 days.',
    phrasings: [
      'Developers in Ruritania must report serious incidents to the regulator within 10 days.',
      'Ruritania makes AI developers notify the regulator of serious incidents within ten days.',
      'Under the Model Safety Act, serious incidents have to be reported within 10 days.',
    ],
  }),
  claim({
    id: 'msa-publish-plan',
    actor: RURITANIA,
    instrument: SAFETY_ACT,
    statement: 'The Model Safety Act requires model developers to publish a written safety plan and update it every year.',
    phrasings: [
      'Ruritania requires model developers to publish their safety plans and update them yearly.',
      'Under the Model Safety Act, developers must post a written safety plan online.',
      'AI developers in Ruritania have to publish a safety plan.',
    ],
  }),
  claim({
    id: 'harbour-pact-halt',
    actor: PACT,
    instrument: HARBOUR_PACT,
    statement: 'Companies that signed the Harbour Pact committed not to release a model at all if they cannot mitigate its risks below their own thresholds.',
    phrasings: [
      'Harbour Pact signatories promised not to release a model whose risks they cannot mitigate.',
      'The signatories agreed they would not release any model if mitigations cannot keep its risks below their thresholds.',
      'Firms that signed the Harbour Pact will not release models with unmitigated risks.',
    ],
  }),
  claim({
    id: 'acme-risk-ledger',
    actor: ACME,
    statement: 'Acme AI will publish a risk ledger every three months describing the dangers of its models.',
    phrasings: [
      'Acme says it will publish a ledger of model dangers every quarter.',
      'Acme AI promised a quarterly risk ledger on the hazards of its models.',
      'The company plans to publish a risk ledger every three months.',
    ],
  }),
];

const index = compileClaimIndex(CLAIMS, '1.0.0');
const found = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, index, { tunables }).map((m) => [m.claimId, text.slice(m.start, m.end)] as const);
const ids = (text: string) => [...new Set(found(text).map(([id]) => id))];

describe('document model', () => {
  it('reads headings, question headings, lead-ins and their items from block shapes', () => {
    const text = [
      'What the Model Safety Act requires',
      'Who must comply?',
      'Developers face two duties:',
      'report serious incidents within 10 days;',
      'publish a safety plan.',
      'The rest of the article is an ordinary paragraph that ends with a full stop.',
    ].join(SEP);
    const doc = segmentDocument(text);
    expect(doc.blocks.map((block) => block.kind)).toEqual(['heading', 'question', 'lead-in', 'item', 'item', 'paragraph']);
    expect(doc.blocks[3]!.listOf).toBe(2);
  });

  it('leaves a page\'s dateline out of a run of short lines at its top: a headline between its site\'s name and its dateline stays a heading (a new user\'s report 49)', () => {
    // (A page, not a snippet: the masthead is the first lines of a page of eight blocks or more.)
    const body = Array.from({ length: 6 }, (_, n) => `Ruritania passed law number ${n + 1} in May, and it applies to every large developer.`);
    const page = (...lines: string[]) => segmentDocument([...lines, ...body].join(SEP)).blocks.map((block) => block.kind).slice(0, lines.length + 1);
    expect(page('The Ruritania Herald', 'What the Model Safety Act asks of developers', '2026-02-25')).toEqual(['heading', 'heading', 'paragraph', 'paragraph']);
    expect(page('The Ruritania Herald', 'What the Model Safety Act asks of developers', 'Updated: Feb 25, 2026, 10:32 IST')).toEqual(['heading', 'heading', 'paragraph', 'paragraph']);
    // A line that says something in words is no dateline, nor is a list of short items, nor a date line in one further down.
    expect(page('The Ruritania Herald', 'What the Model Safety Act asks of developers', 'By Ana Petrova')).toEqual(['heading', 'item', 'item', 'paragraph']);
    expect(page('Duties under the Model Safety Act', 'Report serious incidents', 'Publish a safety plan', 'Update it every year')).toEqual(['heading', 'item', 'item', 'item', 'paragraph']);
    const timeline = segmentDocument([...body, 'When the Model Safety Act applies', 'Serious incidents reported within 10 days', '1 March 2027'].join(SEP)).blocks.map((block) => block.kind).slice(6);
    expect(timeline).toEqual(['heading', 'item', 'item']);
  });

  it('reads short unpunctuated lines that are sentences, after prose, as a bulleted list of no lead-in, not a heading over its items (a new user\'s report 49)', () => {
    const prose = 'Ruritania passed a law in May that applies to every large developer.';
    const kinds = (...lines: string[]) => segmentDocument(lines.join(SEP)).blocks.map((block) => block.kind);
    expect(kinds(prose, 'The regulator will audit every large developer each year', 'Developers must report serious incidents within ten days')).toEqual(['paragraph', 'item', 'item']);
    expect(kinds(prose, 'The regulator will audit every large developer each year', 'Developers must report serious incidents within ten days', 'Fines can reach two million')).toEqual(['paragraph', 'item', 'item', 'item']);
    // A heading over its list stays one, verb or not; so does a question-word heading, and two lines at a page's top.
    expect(kinds(prose, 'Duties under the Model Safety Act', 'Report serious incidents', 'Publish a safety plan')).toEqual(['paragraph', 'heading', 'item', 'item']);
    expect(kinds(prose, 'What the Model Safety Act requires of developers', 'Report serious incidents', 'Publish a safety plan')).toEqual(['paragraph', 'heading', 'item', 'item']);
    expect(kinds('Ruritania will audit every large developer each year', 'The Model Safety Act takes effect in May', prose)).toEqual(['heading', 'heading', 'paragraph']);
  });

  it('treats a run of short lines under a heading as its list, and numbered headings as headings', () => {
    const list = segmentDocument(['Duties under the Model Safety Act', 'Report serious incidents', 'Publish a safety plan', 'Update it every year'].join(SEP));
    expect(list.blocks.map((block) => block.kind)).toEqual(['heading', 'item', 'item', 'item']);
    const numbered = segmentDocument(['1. Ruritania: the Model Safety Act', 'Ruritania passed a law in May that applies to every large developer.'].join(SEP));
    expect(numbered.blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph']);
  });
});

describe('scope and reference', () => {
  it('carries a law named in a heading to the list items under it', () => {
    const text = ['What the Model Safety Act asks of developers', 'Report serious incidents to the regulator within 10 days', 'Publish a written safety plan'].join(SEP);
    expect(ids(text)).toEqual(expect.arrayContaining(['msa-incident-reporting', 'msa-publish-plan']));
  });

  it('carries a lead-in sentence ending in a colon to its items', () => {
    const text = ['Ruritania’s Model Safety Act obliges every model developer to:', 'report serious incidents to the regulator within 10 days;', 'publish a written safety plan.'].join(SEP);
    // (The lead-in may be highlighted too: it names the law's duties.)
    const items = found(text).filter(([, span]) => span.startsWith('report') || span.startsWith('publish'));
    expect(items.map(([id]) => id)).toEqual(['msa-incident-reporting', 'msa-publish-plan']);
  });

  it('resolves "the law" to the law last named', () => {
    const text = 'Ruritania passed the Model Safety Act in May after a long debate. The law requires developers to report serious incidents to the regulator within 10 days.';
    expect(found(text)).toEqual([['msa-incident-reporting', 'The law requires developers to report serious incidents to the regulator within 10 days.']]);
  });

  it('credits a collective claim after a list of members to the collective, not the last member named', () => {
    const text = [
      'The Harbour Pact was agreed at a summit in March.',
      'Its signers range from Acme AI and Globex to Initech and Umbrella.',
      'The companies agreed that they would not release a model at all if mitigations could not keep its risks below their thresholds.',
    ].join(SEP);
    expect(ids(text)).toEqual(['harbour-pact-halt']);
  });

  it('credits a named member doing the collective thing to the collective', () => {
    expect(ids('Globex signed the Harbour Pact, promising not to release a model whose risks it cannot mitigate below its thresholds.')).toEqual(['harbour-pact-halt']);
  });

  it('does not carry an actor past another organisation named in between', () => {
    const text = 'Acme AI released a chatbot on Monday. Nimbus Labs says it will publish a risk ledger every three months describing the dangers of its models.';
    expect(ids(text)).toEqual([]);
  });
});

describe('headlines over a section', () => {
  const standfirst = 'Acme AI said on Monday it would publish a risk ledger every three months describing the dangers of its models.';

  it('gives a headline naming the actor the claim its first sentence states', () => {
    expect(found(['Acme promises a quarterly risk ledger', standfirst].join(SEP))).toEqual([
      ['acme-risk-ledger', 'Acme promises a quarterly risk ledger'],
      ['acme-risk-ledger', standfirst],
    ]);
  });

  it('leaves a headline that shares none of the claim’s words, or is a roundup’s section label', () => {
    expect(ids(['Acme has a busy week', standfirst].join(SEP))).toEqual(['acme-risk-ledger']);
    expect(found(['Acme: a quarterly risk ledger', standfirst].join(SEP)).map(([, span]) => span)).toEqual([standfirst]);
  });

  it('takes no byline or dateline for a headline, though it names the actor and the page sets it as one', () => {
    for (const byline of ['By Staff Reporter · Acme · 1 August 2025', 'ACME, July 28, 2026', 'Acme desk | Updated 3 June 2026 | 4 min read']) {
      expect(found([byline, standfirst].join(SEP)).map(([, span]) => span), byline).toEqual([standfirst]);
    }
    expect(found(['Acme promises a quarterly risk ledger', standfirst].join(SEP))).toHaveLength(2);
  });

  it('takes no place-and-date line for a headline ("Brussels, 12 August 2025"), though its date is the claim\'s', () => {
    const dated = compileClaimIndex(
      [claim({ id: 'acme-ledger-from-august', actor: ACME, statement: 'Since 12 August 2025 Acme AI has published a risk ledger describing the dangers of its models.', phrasings: ['Acme AI publishes a risk ledger of its models\' dangers, since 12 August 2025.'] })],
      'dated',
    );
    const sentence = 'Acme AI said it publishes a risk ledger describing the dangers of its models.';
    const spansOf = (text: string) => matchClaims(text, dated).map((m) => text.slice(m.start, m.end));
    // The same line with a verb in it is a headline, and takes the claim under it (its date is a facet's share).
    expect(spansOf(['Acme, 12 August 2025: ledger published', sentence].join(SEP))).toEqual(['Acme, 12 August 2025: ledger published', sentence]);
    expect(spansOf(['Acme, 12 August 2025', sentence].join(SEP))).toEqual([sentence]);
    // A Title Case headline with its date is still a headline (found by a helper attacking the rule: "Meta Says No, July 18, 2025").
    expect(spansOf(['Acme Says Yes, 12 August 2025', sentence].join(SEP))).toEqual(['Acme Says Yes, 12 August 2025', sentence]);
  });

  it('leaves a headline too short to state the claim when the claim is only stated further down the section, unless the page\'s headline reaches it (`headlineReach`)', () => {
    const text = ['Acme promises risk ledger', 'Acme AI released a chatbot on Monday.', standfirst].join(SEP);
    expect(found(text, { headlineReach: 1 }).map(([, span]) => span)).toEqual([standfirst]);
    expect(found(text).map(([, span]) => span)).toEqual(['Acme promises risk ledger', standfirst]);
    // (A section's heading further down the page reaches only the sentence right under it.)
    const section = ['Lab news', 'Acme AI released a chatbot on Monday.', 'Acme promises risk ledger', 'Acme AI released a chatbot on Monday.', standfirst].join(SEP);
    expect(found(section).map(([, span]) => span)).toEqual([standfirst]);
  });

  it('highlights a headline that states the claim as a sentence, wherever the section states it', () => {
    const text = ['Acme promises a quarterly risk ledger', 'Acme AI released a chatbot on Monday.', standfirst].join(SEP);
    expect(found(text).map(([, span]) => span)).toEqual(['Acme promises a quarterly risk ledger', standfirst]);
    expect(found(text, { headlineSentenceScore: 0, headlineReach: 1 }).map(([, span]) => span)).toEqual([standfirst]);
  });
});

describe('who is speaking', () => {
  it('does not credit the actor with a critic’s or an outsider’s words', () => {
    expect(ids('Acme AI released a new model this week. Critics say the launch means the company will publish a risk ledger every three months.')).toEqual([]);
    expect(ids('Acme AI released a new model. A Globex spokesman replied that his firm would publish a risk ledger every three months.')).toEqual([]);
  });

  it("does not take people named by whose they are (\"Acme AI's defenders\") for the actor", () => {
    for (const speaker of ["Acme AI's defenders argue", "Acme AI's critics say", 'Acme’s supporters argue']) {
      expect(ids(`Acme AI released a new model this week. ${speaker} the launch means the company will publish a risk ledger every three months.`)).toEqual([]);
    }
    expect(ids("Acme AI's spokesperson says the launch means the company will publish a risk ledger every three months.")).toEqual(['acme-risk-ledger']);
  });

  it('reads "state" before the noun it qualifies and "tell when" as no verb of saying', () => {
    // Before, "state" in "state AI laws" had the panel as its speaker, and "tell" the researchers.
    expect(ids('Acme AI released a new model. A panel at the Vireo Institute reviewing state AI laws welcomed news that Acme AI will publish a risk ledger every three months.')).toEqual(['acme-risk-ledger']);
    expect(ids('Acme AI released a new model. To let outside researchers tell when a model turns risky, Acme AI will publish a risk ledger every three months.')).toEqual(['acme-risk-ledger']);
    // A noun before a preposition or a verb too ("bar states from regulating", "sue states over", "states have passed").
    expect(ids('Acme AI released a new model. A panel at the Vireo Institute that would bar states from regulating welcomed news that Acme AI will publish a risk ledger every three months.')).toEqual(['acme-risk-ledger']);
    expect(ids('Acme AI released a new model. A panel at the Vireo Institute set up to sue states over their rules welcomed news that Acme AI will publish a risk ledger every three months.')).toEqual(['acme-risk-ledger']);
  });

  it('takes no speaker for a participle of saying from the words after it ("…, saying so publicly")', () => {
    const participle = 'Acme AI released a new model. In a blog post this week it promised to publish a risk ledger every three months, saying so publicly to its critics and analysts.';
    expect(found(participle, { participleSpeaker: 0 })).toEqual([]);
    expect(found(participle).map(([id]) => id)).toEqual(['acme-risk-ledger']);
  });

  it('still reads "states in an email that" as saying (a preposition after "states" does not make it a noun)', () => {
    expect(ids('Acme AI released a new model. A Globex spokesperson states in an email that its lab will publish a risk ledger every three months.')).toEqual([]);
  });

  it("takes the main clause's speaker, not a reporting verb inside a leading condition", () => {
    const conditional = 'Acme AI released a new model. If critics can credibly argue that its models are safe, Acme AI says it will publish a risk ledger every three months.';
    expect(found(conditional, { conditionSpeaker: 0 })).toEqual([]);
    expect(found(conditional).map(([id]) => id)).toEqual(['acme-risk-ledger']);
  });

  it("takes the main clause's speaker, not a reporting verb inside a leading time clause (\"After critics asked …, Acme AI said …\")", () => {
    // (A concession or a reason leads the same way: "Although critics asked …", "Because critics asked …".)
    for (const opener of ['After', 'When', 'Before', 'While', 'Although', 'Because']) {
      const timed = `Acme AI released a new model. ${opener} critics asked whether it was safe, Acme AI said it will publish a risk ledger every three months.`;
      expect(found(timed).map(([id]) => id), opener).toEqual(['acme-risk-ledger']);
    }
  });

  it('reads a question that recalls ("Remember when Acme AI said …?") as stating what it recalls, and leaves one that asks', () => {
    const recall = 'Acme AI released a new model. Remember when Acme AI said it would publish a risk ledger every three months?';
    expect(found(recall, { rhetoricalRecall: 0 })).toEqual([]);
    expect(found(recall).map(([id]) => id)).toEqual(['acme-risk-ledger']);
    expect(ids('Acme AI released a new model. Will Acme AI really publish a risk ledger every three months?')).toEqual([]);
  });

  it('credits the actor when the outsider reports what the actor did', () => {
    expect(ids('Critics say Acme AI will publish a risk ledger every three months describing the dangers of its models.')).toEqual(['acme-risk-ledger']);
  });

  it('credits a quotation to whoever the attribution names', () => {
    expect(ids('“We will publish a risk ledger every three months describing the dangers of our models,” an Acme AI spokesperson said.')).toEqual(['acme-risk-ledger']);
    expect(ids('Acme AI is under pressure. “They should publish a risk ledger every three months on the dangers of their models,” said a Globex executive.')).toEqual([]);
  });

  it('ignores questions and hypothetical subjects', () => {
    expect(ids('Will Acme AI publish a risk ledger every three months describing the dangers of its models?')).toEqual([]);
    expect(ids('Acme AI is cautious. If one developer published a risk ledger every three months, others might follow.')).toEqual([]);
  });
});

describe('several claims in one sentence', () => {
  it('gives each duty of a coordinated sentence its own span', () => {
    const text = 'Ruritania’s Model Safety Act requires developers to report serious incidents to the regulator within 10 days, and to publish a written safety plan every year.';
    const spans = found(text);
    expect(spans.map(([id]) => id)).toEqual(['msa-incident-reporting', 'msa-publish-plan']);
    expect(spans[0]![1]).toContain('incidents');
    expect(spans[1]![1]).toContain('safety plan');
  });
});
