/**
 * Kinds of false highlight found on the independent corpus's development splits, each in a short text
 * of our own on an invented claim set (so these tests do not move when the research does). Each kind
 * has the text that was highlighted before (checked with its tunable off, so the test shows the rule is
 * what removes it) and a near miss that must stay as it was.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../lib/claims/schema';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims } from '../../../lib/match/match-claims';
import type { Tunables } from '../../../lib/match/tunables';
import { textFromHtml } from '../../../scripts/cli/load-input';
import { ACME, ACME_RISK_LEDGER, article50StatementBefore2118, bundledClaimIndex, bundledClaimSet, bundledMatches, EXAMPLE_LAB, MSA_INCIDENT_REPORTING, PACT, RURITANIA, ungatedClaim as claim } from '../../support/claim-sets';

const SEP = '\u2029';



const CLAIMS: Claim[] = [
  MSA_INCIDENT_REPORTING,
  claim({
    id: 'msa-publish-plan',
    actor: RURITANIA,
    instrument: { name: 'Model Safety Act', aliases: ['MSA'] },
    statement: 'The Model Safety Act requires model developers to publish a written safety plan and update it every year, with duties in force from 1 March 2027.',
    phrasings: [
      'Ruritania requires model developers to publish their safety plans and update them yearly.',
      'Under the Model Safety Act, developers must post a written safety plan online.',
      'AI developers in Ruritania have to publish a safety plan.',
    ],
  }),
  // Another government's law: a second instrument with duties of its own, as in any real claim set.
  claim({
    id: 'freedonia-incident-duty',
    actor: { id: 'freedonia', name: 'Freedonia', type: 'government', aliases: [] },
    instrument: { name: 'Frontier Duty Act', aliases: [] },
    statement: "Freedonia's Frontier Duty Act requires frontier developers to notify the ministry of serious incidents within 72 hours.",
    phrasings: [
      'Freedonia makes frontier developers notify the ministry of serious incidents within 72 hours.',
      'Under the Frontier Duty Act, serious incidents must be reported to the ministry within 72 hours.',
      'Developers in Freedonia have three days to report a serious incident.',
    ],
  }),
  claim({
    id: 'harbour-pact-halt',
    actor: PACT,
    instrument: { name: 'Harbour Pact', aliases: [] },
    statement: 'Companies that signed the Harbour Pact committed not to release a model at all if they cannot mitigate its risks below their own thresholds.',
    phrasings: [
      'Harbour Pact signatories promised not to release a model whose risks they cannot mitigate.',
      'The signatories agreed they would not release any model if mitigations cannot keep its risks below their thresholds.',
      'Firms that signed the Harbour Pact will not release models with unmitigated risks.',
    ],
  }),
  claim({
    id: 'acme-charter-halt',
    actor: ACME,
    instrument: { name: 'Safety Charter', aliases: [] },
    statement: "Acme AI's Safety Charter says Acme will not release a model whose risks exceed its thresholds until safeguards bring them below.",
    phrasings: [
      'Acme says it will not release a model that exceeds its risk thresholds without safeguards.',
      'Under its Safety Charter, Acme AI will hold back models whose risks pass its thresholds.',
      'Acme promises to keep models above its risk thresholds unreleased until safeguards are in place.',
    ],
  }),
  ACME_RISK_LEDGER,
];

const index = compileClaimIndex(CLAIMS, '1.0.0');
const found = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, index, { tunables }).map((m) => [m.claimId, text.slice(m.start, m.end)] as const);
const spans = (text: string, tunables: Partial<Tunables> = {}) => found(text, tunables).map(([, span]) => span);

describe('a unit written only in dates and numbers', () => {
  const table = ['When the Model Safety Act applies', 'Serious incidents reported to the regulator within 10 days', '1 March 2027'].join(SEP);

  it('is not highlighted, even in a list whose heading names the law', () => {
    expect(spans(table, { dateOnlyVeto: 0, shortLabelVeto: 0 })).toContain('1 March 2027');
    expect(spans(table)).not.toContain('1 March 2027');
  });

  it('leaves a line with a duty and a number in it highlighted', () => {
    expect(found(table)).toEqual([['msa-incident-reporting', 'Serious incidents reported to the regulator within 10 days']]);
  });

  it('is not highlighted when it names a document with its version and date only ("Advanced AI Scaling Framework v2 (April 2026)")', () => {
    // A table row of the bundled set's claims: the document's cell names and dates it; the next cell states the rule.
    const row = ['Company policies at a glance', 'Meta', 'Advanced AI Scaling Framework v2 (April 2026)', 'A model at the critical risk threshold is developed further only once safeguards are defined, implemented and validated.', 'No (company policy)'].join(SEP);
    const highlighted = matchClaims(row, bundledClaimIndex()).map((m) => row.slice(m.start, m.end));
    expect(highlighted).not.toContain('Advanced AI Scaling Framework v2 (April 2026)');
    expect(highlighted).toContain('A model at the critical risk threshold is developed further only once safeguards are defined, implemented and validated.');
  });
});

describe("a coalition's claim reached only through a member named in the sentence", () => {
  const own = 'Acme AI, in its Safety Charter, commits not to release models whose risks exceed its thresholds without safeguards, and would not release a model at all if mitigations cannot keep its risks below those thresholds.';

  it("yields to the member's own claim on the same sentence", () => {
    expect(found(own, { memberOwnClaimFirst: 0 }).map(([id]) => id)).toContain('harbour-pact-halt');
    expect(found(own)).toEqual([['acme-charter-halt', own]]);
  });

  it('stays when the sentence names the coalition, or the member has no claim of its own there', () => {
    const both = 'Acme AI and the other signatories of the Harbour Pact promised not to release a model whose risks they cannot mitigate.';
    expect(found(both).map(([id]) => id)).toEqual(['harbour-pact-halt']);
    const member = 'Globex signed the Harbour Pact, promising not to release a model whose risks it cannot mitigate below its thresholds.';
    expect(found(member).map(([id]) => id)).toEqual(['harbour-pact-halt']);
  });
});

describe("a paragraph's short first sentence that labels it", () => {
  const LEDGER = 'Acme AI says it will publish a risk ledger every three months describing the dangers of its models.';

  it('yields to the sentence after it that states the same claim', () => {
    const text = ['Acme AI news', `Quarterly Risk Ledger. ${LEDGER}`].join(SEP);
    expect(spans(text, { labelYields: 0 })).toContain('Quarterly Risk Ledger.');
    expect(found(text)).toEqual([['acme-risk-ledger', LEDGER]]);
  });

  it('stays highlighted when it is a paragraph of its own', () => {
    const text = ['Acme AI news', 'Risk ledger every quarter.', LEDGER].join(SEP);
    expect(spans(text)).toEqual(['Risk ledger every quarter.', LEDGER]);
  });

  it('is a sentence, and keeps its claim, when the actor is its subject and it has a verb', () => {
    // "Anthropic says Claude will remain ad-free. No sponsored links …": both sentences state the claim.
    const short = 'Acme AI says: a risk ledger.';
    const text = ['Acme AI news', `${short} ${LEDGER}`].join(SEP);
    expect(spans(text)).toEqual([short, LEDGER]);
    // The same words without the verb are a label, and yield.
    expect(spans(['Acme AI news', `Acme AI's risk ledger. ${LEDGER}`].join(SEP))).toEqual([LEDGER]);
  });

  it('is a duty, and keeps its claim, when it is a bare instruction under a lead-in ("Publish a transparency report at deployment.")', () => {
    const duty = 'Publish a risk ledger.';
    const text = ['Acme AI news', 'In broad strokes, Acme AI has promised to:', `${duty} ${LEDGER}`].join(SEP);
    expect(spans(text).filter((span) => span === duty)).toHaveLength(1);
    // (The same check on the same words, minus the instruction's verb, yields as a label.)
    expect(spans(['Acme AI news', 'In broad strokes, Acme AI has promised to:', `A risk ledger. ${LEDGER}`].join(SEP))).not.toContain('A risk ledger.');
  });
});

describe('the writer\'s doubt opening a sentence ("Also I don\'t think Anthropic ever promised to keep the weights …") (`writerDoubtVeto`)', () => {
  it('questions what it goes on to say: no claim', () => {
    const doubt = "Also I don't think Acme AI ever said it will publish a risk ledger every three months describing the dangers of its models.";
    const text = ['Forum: what Acme promised', doubt].join(SEP);
    expect(spans(text, { writerDoubtVeto: 0 })).toContain(doubt);
    expect(spans(text)).toEqual([]);
  });

  it('stays the claim when the writer reports it and thinks something else about it', () => {
    const report = 'I think Acme AI says it will publish a risk ledger every three months describing the dangers of its models.';
    expect(spans(['Forum: what Acme promised', report].join(SEP))).toEqual([report]);
  });
});

describe("a heading naming the actor only as an owner (\"Acme AI's Risk Ledger\")", () => {
  const LEDGER = 'Acme AI says it will publish a risk ledger every three months describing the dangers of its models.';

  it('names a topic: neither the distinctive name nor the sentence under it makes it a highlight (nor, as an explainer title, is the heading: `namingLabelVeto`)', () => {
    const text = ['Acme AI’s Risk Ledger: what the new quarterly reports cover', LEDGER].join(SEP);
    expect(spans(text, { headingNeedsSubject: 0, namingLabelVeto: 0 })).toContain('Acme AI’s Risk Ledger: what the new quarterly reports cover');
    expect(spans(text)).toEqual([LEDGER]);
  });

  it("names a topic however the apostrophe is written, or the name ends, in a short listicle heading (\"4 Anthropic's pause pledge\")", () => {
    for (const heading of ["4 Acme AI's quarterly risk ledger", 'Acme AI’s quarterly risk ledger', "Acme's risk ledger"]) {
      expect(spans([heading, LEDGER].join(SEP)), heading).toEqual([LEDGER]);
    }
  });

  it('takes a headline as long as a sentence for one, whoever its subject ("xAI\'s new risk framework drops the honesty bar")', () => {
    const headline = "Acme AI's new risk policy promises a quarterly risk ledger for every model";
    expect(spans([headline, LEDGER].join(SEP))).toEqual([headline, LEDGER]);
  });

  it('leaves a heading in which the actor does something', () => {
    const text = ['Acme AI publishes its first Risk Ledger on model dangers', LEDGER].join(SEP);
    expect(spans(text)).toEqual(['Acme AI publishes its first Risk Ledger on model dangers', LEDGER]);
  });
});

describe('a detail two claims of one law share ("from 1 March 2027")', () => {
  const plan = 'The Model Safety Act makes developers publish their safety plans and update them yearly.';

  it('goes to the claim the sentence before was stating', () => {
    const text = `${plan} The regulator can enforce the Act against developers from 1 March 2027.`;
    expect(found(text, { contextTieBreak: 0 }).map(([id]) => id)).toEqual(['msa-publish-plan', 'msa-incident-reporting']);
    expect(found(text).map(([id]) => id)).toEqual(['msa-publish-plan', 'msa-publish-plan']);
  });

  it('stays with the other claim when its own words say it', () => {
    const text = `${plan} The regulator can enforce the Act from 1 March 2027, when developers must also report serious incidents to it within 10 days.`;
    expect(found(text).map(([id]) => id)).toEqual(['msa-publish-plan', 'msa-incident-reporting']);
  });
});

describe('a demonstrative subject taking up the sentence before ("These duties …")', () => {
  const plan = 'The Model Safety Act makes developers publish their safety plans and update them yearly.';

  it('states the claim the sentence before was given, not its sibling sharing the words', () => {
    for (const follow of ['These duties apply to developers from 1 March 2027, and the regulator can enforce them.', 'Those rules on developers apply from 1 March 2027, and the regulator can enforce them.']) {
      const text = `${plan} ${follow}`;
      expect(found(text, { demonstrativeFollows: 0, contextTieBreak: 0 })).toEqual([['msa-publish-plan', plan], ['msa-incident-reporting', follow]]);
      expect(found(text, { contextTieBreak: 0 })).toEqual([['msa-publish-plan', plan], ['msa-publish-plan', follow]]);
    }
  });

  it('leaves a sibling the sentence states in its own words', () => {
    const follow = 'These duties come with another: developers must report serious incidents to the national regulator within 10 days.';
    expect(found(`${plan} ${follow}`).map(([id]) => id)).toEqual(['msa-publish-plan', 'msa-incident-reporting']);
  });
});

describe('a contrasting tail ("not only …") in a sentence split among claims', () => {
  it('goes with the clause it contrasts with', () => {
    const text = 'The Model Safety Act now makes developers report serious incidents to the regulator within 10 days, not only publish a written safety plan.';
    expect(found(text, { contrastTailJoins: 0 }).map(([id]) => id)).toContain('msa-publish-plan');
    expect(found(text)).toEqual([['msa-incident-reporting', text]]);
  });

  it('leaves two coordinated duties to their own claims', () => {
    const text = 'The Model Safety Act makes developers report serious incidents to the regulator within 10 days, and publish a written safety plan.';
    expect(found(text).map(([id]) => id)).toEqual(['msa-incident-reporting', 'msa-publish-plan']);
  });
});

describe('a quotation attributed after it to a person the appositive says is an outsider', () => {
  const promise = 'Acme AI has promised to publish a risk ledger.';

  it('is that person’s words, not the actor’s claim', () => {
    const text = `${promise} “A risk ledger every three months will show the dangers of its models,” said Dana Reyes, a researcher who studies AI audits.`;
    expect(found(text, { speakerAppositive: 0 })).toHaveLength(2);
    expect(spans(text)).toEqual([promise]);
  });

  it('stays the actor’s claim when the appositive names the actor', () => {
    const quote = '“We will publish a risk ledger every three months describing the dangers of our models,” said Jo Park, a cofounder of Acme AI.';
    expect(spans(`${promise} ${quote}`)).toEqual([promise, quote]);
  });
});

describe("another actor's law framing a unit more strongly than the claim's own", () => {
  // A page about Ruritania's Model Safety Act (named three times: its dominant subject) with a section on
  // Freedonia's law, whose duties share the Act's words.
  const page = [
    'The Model Safety Act and its neighbours',
    'Ruritania passed the Model Safety Act last year. The Model Safety Act applies to every model developer. Lawyers expect the Model Safety Act to be copied.',
    'What the Frontier Duty Act requires',
    'In our reading, the Frontier Duty Act creates two obligations:',
    'Developers must publish a written safety plan and update it every year.',
    'Developers must notify the ministry of serious incidents within 72 hours.',
  ];

  it("is that law's: a duty listed under it is not given to the dominant law's claim", () => {
    const text = page.join(SEP);
    const plan = 'Developers must publish a written safety plan and update it every year.';
    expect(found(text, { rivalInstrumentMargin: 0 })).toContainEqual(['msa-publish-plan', plan]);
    expect(found(text).map(([, span]) => span)).not.toContain(plan);
    expect(found(text)).toContainEqual(['freedonia-incident-duty', 'Developers must notify the ministry of serious incidents within 72 hours.']);
  });

  it("stays the claim's when the unit names its own law", () => {
    const text = [...page.slice(0, 4), 'Like the Model Safety Act, it makes developers publish a written safety plan and update it every year.'].join(SEP);
    expect(found(text).map(([id]) => id)).toContain('msa-publish-plan');
  });
});

describe('a condition opening a sentence split among claims', () => {
  it('goes with the clause it conditions, whatever words it shares with another claim', () => {
    const text = 'Acme AI has made one promise conditional. If a model’s risks exceed its thresholds before safeguards can bring them below, Acme AI says it will describe those dangers in a risk ledger every three months.';
    const sentence = text.slice(text.indexOf('If a model'));
    expect(found(text, { conditionJoins: 0 }).map(([id]) => id)).toEqual(['acme-charter-halt', 'acme-risk-ledger']);
    expect(found(text)).toEqual([['acme-risk-ledger', sentence]]);
  });

  it('goes with it after an opening phrase too ("Under the new text, if …")', () => {
    const text = 'Acme AI has made one promise conditional. Under the new text, if a model’s risks exceed its thresholds before safeguards can bring them below, Acme AI says it will describe those dangers in a risk ledger every three months.';
    const sentence = text.slice(text.indexOf('Under the new text'));
    expect(found(text)).toEqual([['acme-risk-ledger', sentence]]);
  });

  it('leaves a main clause whose own condition comes after it', () => {
    const text = 'Acme AI will not release a model whose risks exceed its thresholds until safeguards bring them below, and it will publish a risk ledger every three months.';
    expect(found(text).map(([id]) => id)).toEqual(['acme-charter-halt', 'acme-risk-ledger']);
  });
});

describe('a sentence saying something was not said ("has not said whether …")', () => {
  it('reports an open question, not the claim', () => {
    const text = 'Acme AI has not said whether it will publish a risk ledger every three months describing the dangers of its models.';
    expect(spans(text, { unsaidVeto: 0 })).toEqual([text]);
    expect(spans(text)).toEqual([]);
    const declined = 'Acme AI declined to comment on whether it will publish a risk ledger every three months describing the dangers of its models.';
    expect(spans(declined)).toEqual([]);
  });

  it('leaves a claim that itself reports whether something happened', () => {
    const text = 'Acme AI says it will publish a risk ledger every three months describing the dangers of its models and whether any passed its thresholds.';
    expect(spans(text)).toEqual([text]);
  });
});

describe("someone else's words behind an aside (\"…, who asked not to be named, said\")", () => {
  const promise = 'Acme AI has promised to publish a risk ledger.';

  it('are the outsider’s before the aside, or named by a "who" clause after the name', () => {
    const aside = 'A risk analyst at a rival lab, who asked not to be named, said a ledger every three months would describe the dangers of its models.';
    expect(spans(`${promise} ${aside}`, { speakerAside: 0 })).toEqual([promise, aside]);
    expect(spans(`${promise} ${aside}`)).toEqual([promise]);
    const who = '“A risk ledger every three months will show the dangers of its models,” said Dana Reyes, who studies AI audits at the Hollis Institute.';
    expect(spans(`${promise} ${who}`, { speakerAside: 0 })).toEqual([promise, who]);
    expect(spans(`${promise} ${who}`)).toEqual([promise]);
  });

  it('stay the actor’s when its own spokesperson or officer speaks', () => {
    const own = 'An Acme AI spokesperson, speaking on background, said the company will publish a risk ledger every three months describing the dangers of its models.';
    expect(spans(`${promise} ${own}`)).toEqual([promise, own]);
    const officer = '“We will publish a risk ledger every three months describing the dangers of our models,” said Jo Park, who leads safety at Acme AI.';
    expect(spans(`${promise} ${officer}`)).toEqual([promise, officer]);
  });
});

describe('another jurisdiction\'s law in view, the claim\'s jurisdiction only inherited ("Under the amended Act, …")', () => {
  // Ruritania's Model Safety Act is the page's dominant law and Ruritania is named in the sentence before;
  // the section is about Freedonia's rewrite of its own act.
  const page = [
    'Ruritania passed the Model Safety Act last year. The Model Safety Act was debated for months. Lawyers expect the Model Safety Act to be copied.',
    'Freedonia rewrites its Frontier Duty Act',
    'Freedonia rewrote the Frontier Duty Act in March. The rewrite borrows from Ruritania, and firms with a Ruritania programme can reuse much of it, as Ruritania intended.',
  ];

  it('is the law in view, not the inherited jurisdiction\'s', () => {
    const duty = 'Under the amended Act, developers must publish a written safety plan and update it every year.';
    const text = [...page, duty].join(SEP);
    expect(found(text, { rivalNeedsOwnLaw: 0, strengthCompared: 1, dominantYields: 0 })).toContainEqual(['msa-publish-plan', duty]);
    expect(spans(text)).not.toContain(duty);
  });

  it("stays the claim's when the sentence names its jurisdiction", () => {
    const duty = 'In Ruritania, developers must publish a written safety plan and update it every year.';
    expect(found([...page, duty].join(SEP))).toContainEqual(['msa-publish-plan', duty]);
  });

  it("is the law in view when the claim's own law is not in view at all, only its jurisdiction", () => {
    const section = ['Freedonia: the Frontier Duty Act as amended', 'The March rewrite brought Freedonia closer to Ruritania.'];
    const duty = 'Developers must publish a written safety plan and update it every year.';
    const text = [...section, duty].join(SEP);
    // (The comparison's name is weak too, `strengthCompared`: off here, so the test reads this rule alone.)
    expect(found(text, { rivalLawOverJurisdiction: 0, strengthCompared: 1 })).toEqual([['msa-publish-plan', duty]]);
    expect(found(text)).toEqual([]);
    const named = 'In Ruritania, developers must publish a written safety plan and update it every year.';
    expect(found([...section, named].join(SEP))).toEqual([['msa-publish-plan', named]]);
  });
});

describe('a law named only as what another is compared with ("borrows SB 53\'s architecture")', () => {
  // A page about Ruritania's Model Safety Act (its dominant subject), then a section on Freedonia's law
  // whose lead-in compares it with the Act: the items are Freedonia's duties.
  const page = [
    'Ruritania passed the Model Safety Act last year. The Model Safety Act applies to every model developer. Lawyers expect the Model Safety Act to be copied.',
    'Freedonia',
    "The Frontier Duty Act, as rewritten in March, borrows the Model Safety Act's architecture but differs in details:",
  ];
  const duty = 'Developers must publish a written safety plan and update it every year.';

  it('does not scope what follows: the items are the law in view', () => {
    const text = [...page, duty].join(SEP);
    expect(found(text, { strengthCompared: 1 })).toContainEqual(['msa-publish-plan', duty]);
    expect(spans(text)).not.toContain(duty);
  });

  it('reads a name after "the statute" as compared too ("the statute … deliberately tracks the Model Safety Act")', () => {
    const sentence = 'As amended, the statute requires developers to publish a written safety plan and update it every year, in terms that deliberately track the Model Safety Act.';
    const text = ['Freedonia passed the Frontier Duty Act in May.', sentence].join(SEP);
    expect(found(text, { strengthCompared: 1 }).map(([id]) => id)).toContain('msa-publish-plan');
    expect(found(text).map(([id]) => id)).not.toContain('msa-publish-plan');
  });

  it('weakens a name compared with even when the sentence names nothing else ("aligns its definitions closely with California\'s")', () => {
    const text = [page[0]!, 'Freedonia: the Frontier Duty Act after its rewrite', 'The version passed in March aligns its definitions closely with the Model Safety Act.', duty].join(SEP);
    expect(found(text, { strengthCompared: 1 })).toContainEqual(['msa-publish-plan', duty]);
    expect(spans(text)).not.toContain(duty);
  });

  it('reads "the difference from X\'s …" as a comparison too', () => {
    const sentence = "The 72-hour window is the most visible difference from the Model Safety Act's 10 days for reporting serious incidents to the regulator.";
    const text = [page[0]!, 'Freedonia: the Frontier Duty Act', 'Freedonia passed the Frontier Duty Act in May.', sentence].join(SEP);
    expect(found(text, { strengthCompared: 1 }).map(([id]) => id)).toContain('msa-incident-reporting');
    expect(found(text).map(([id]) => id)).not.toContain('msa-incident-reporting');
  });

  it('is no antecedent: "the amended statute" after "rewrote X, bringing it closer to Y (Y\'s alias)" is X', () => {
    const duty = 'The amended statute requires developers to publish a written safety plan and update it every year.';
    const rewrite = 'Freedonia rewrote the Frontier Duty Act in March, bringing it closer to the Model Safety Act (MSA).';
    expect(found([rewrite, duty].join(SEP), { comparedNoAntecedent: 0 })).toContainEqual(['msa-publish-plan', duty]);
    expect(found([rewrite, duty].join(SEP)).map(([id]) => id)).not.toContain('msa-publish-plan');
    // A law compared with in a sentence naming no law of its own is still its referent (found by a helper
    // attacking the rule: "Few labs drew a bolder line than Meta. The company said …").
    const bolder = 'Freedonia passed the Frontier Duty Act in March. Few laws go further than the Model Safety Act.';
    expect(found([bolder, duty].join(SEP))).toContainEqual(['msa-publish-plan', duty]);
    // The law named last, not as a comparison, is still what "the statute" refers to.
    const amended = 'Freedonia rewrote the Frontier Duty Act in March. Ruritania amended the Model Safety Act (MSA) in May.';
    expect(found([amended, duty].join(SEP))).toContainEqual(['msa-publish-plan', duty]);
  });

  it('reads "close to", "akin to", "parallel to" and "near" as a comparison too (a rewritten law "close to SB 53")', () => {
    const duty = 'The amended statute requires developers to publish a written safety plan and update it every year.';
    for (const cue of ['close to', 'akin to', 'parallel to', 'near']) {
      const rewrite = `Freedonia rewrote the Frontier Duty Act in March, bringing it ${cue} the Model Safety Act.`;
      expect(found([rewrite, duty].join(SEP), { comparedNoAntecedent: 0 }), cue).toContainEqual(['msa-publish-plan', duty]);
      expect(found([rewrite, duty].join(SEP)).map(([id]) => id), cue).not.toContain('msa-publish-plan');
    }
  });

  it('is no antecedent when the sentence comparing is about its document by "It" ("It is designed to sit alongside X"; `pronounKeepsDocument`)', () => {
    const duty = 'The law requires developers to publish a written safety plan and update it every year.';
    const section = ['Freedonia', 'Freedonia passed the Frontier Duty Act in March.', 'It is designed to sit alongside the Model Safety Act rather than duplicate it.'];
    const text = [...section, duty].join(SEP);
    expect(found(text, { pronounKeepsDocument: 0 })).toContainEqual(['msa-publish-plan', duty]);
    expect(found(text).map(([id]) => id)).not.toContain('msa-publish-plan');
    // Without the pronoun the sentence is about the law it compares with nothing: that law is the referent.
    const about = [...section.slice(0, 2), 'Lawyers read it beside the Model Safety Act.', duty].join(SEP);
    expect(found(about)).toContainEqual(['msa-publish-plan', duty]);
  });

  it('reads "alongside" and "separate from" as a comparison too', () => {
    for (const cue of ['sit alongside', 'are separate from']) {
      const sentence = `As amended, the statute requires developers to publish a written safety plan and update it every year, duties that ${cue} the Model Safety Act.`;
      const text = ['Freedonia passed the Frontier Duty Act in May.', sentence].join(SEP);
      expect(found(text, { strengthCompared: 1 }).map(([id]) => id)).toContain('msa-publish-plan');
      expect(found(text).map(([id]) => id)).not.toContain('msa-publish-plan');
    }
  });

  it("stays the claim's when its law is the subject and the other the one compared", () => {
    const sentence = 'The Model Safety Act, unlike the Frontier Duty Act, requires developers to publish a written safety plan and update it every year.';
    expect(found([...page, sentence].join(SEP))).toContainEqual(['msa-publish-plan', sentence]);
  });
});

describe("the page's dominant law under a unit that carries another law more strongly (`dominantYields`)", () => {
  // Ruritania's Model Safety Act is named five times (clearly the page's subject); a paragraph then turns to Freedonia's act.
  const page = 'Ruritania passed the Model Safety Act last year. The Model Safety Act applies to every model developer. Lawyers expect the Model Safety Act to be copied. The Model Safety Act took a year to draft. Critics of the Model Safety Act say it is vague.';
  const duty = 'Developers must publish a written safety plan and update it every year.';

  it('is not a floor under it: the duty is the other law\'s', () => {
    const text = [page, 'Freedonia passed the Frontier Duty Act in May. ' + duty].join(SEP);
    expect(found(text, { dominantYields: 0 })).toContainEqual(['msa-publish-plan', duty]);
    expect(spans(text)).not.toContain(duty);
  });

  it('yields to another law carried in more weakly than itself, at a quarter of its strength or more (`dominantYieldShare`)', () => {
    // Two sentences and a paragraph after the other law was named: inherited, decayed below the floor.
    const text = [page, 'Freedonia passed the Frontier Duty Act in May. Its lawmakers argued for weeks.', 'The vote was close. ' + duty].join(SEP);
    expect(found(text, { dominantYieldShare: 1 })).toContainEqual(['msa-publish-plan', duty]);
    expect(spans(text)).not.toContain(duty);
  });

  it('is still the floor under a unit that carries no other law', () => {
    const text = [page, 'Ruritania debated it for months. ' + duty].join(SEP);
    expect(found(text)).toContainEqual(['msa-publish-plan', duty]);
  });
});

describe('a quotation that names the actor, said by someone another known actor speaks for', () => {
  const promise = 'Acme AI has promised to publish a risk ledger every three months.';
  const quote = '“Acme AI will publish a risk ledger every three months and call that an audit,” said Dana Reyes, a minister of Ruritania.';

  it('is that speaker’s words: the actor named inside the quotation is not the sentence’s subject (`quotedSpeaker`)', () => {
    const text = `${promise} ${quote}`;
    expect(spans(text, { quotedSpeaker: 0 })).toEqual([promise, quote]);
    expect(spans(text)).toEqual([promise]);
  });

  it('stays the actor’s claim when the speaker speaks for the actor', () => {
    const own = '“Acme AI will publish a risk ledger every three months,” said Jo Park, a cofounder of Acme AI.';
    expect(spans(`${promise} ${own}`)).toEqual([promise, own]);
  });
});

describe('a quotation opening a sentence, its speaker named after it with an aside', () => {
  const promise = 'Acme AI has promised to publish a risk ledger every three months.';
  const quote = '“A risk ledger the company asks for every three months on the dangers of its models is no audit,” said Dana Reyes, who studies AI audits at a university in Oslo.';

  it('is that speaker’s, not the actor a verb inside the quotation names', () => {
    const text = `${promise} ${quote}`;
    expect(spans(text, { quoteOpensUnit: 0 })).toContain(quote);
    expect(spans(text, { speakerAtUnnamed: 0 })).toContain(quote);
    expect(spans(text)).toEqual([promise]);
  });

  it('stays the actor’s when the speaker speaks for the actor', () => {
    const own = '“We will publish a risk ledger every three months on the dangers of our models,” said Jo Park, a cofounder of Acme AI.';
    expect(spans(`${promise} ${own}`)).toEqual([promise, own]);
  });
});

describe('critics "calling" the claim something', () => {
  const promise = 'Acme AI has promised to publish a risk ledger every three months.';

  it('is their verdict, not the actor’s claim', () => {
    const verdict = 'Detractors call the quarterly risk ledger on model dangers a publicity stunt.';
    const text = `${promise} ${verdict}`;
    expect(spans(text, { outsiderCalls: 0 })).toContain(verdict);
    expect(spans(text)).toEqual([promise]);
  });

  it('stays the actor’s when the actor calls it so', () => {
    const own = 'Acme AI calls its quarterly risk ledger on model dangers a promise to the public.';
    expect(spans(`${promise} ${own}`)).toEqual([promise, own]);
  });
});

describe('a second quotation with no attribution of its own, after an attributed one', () => {
  const promise = 'Acme AI has promised to publish a risk ledger every three months.';
  const first = '“Everyone will read it,” said Dana Reyes, a researcher who studies AI audits.';

  it('continues that speaker’s words', () => {
    const second = '“A quarterly risk ledger on the dangers of its models is the least Acme AI owes us.”';
    const text = `${promise} ${first} ${second}`;
    expect(spans(text, { quoteContinues: 0 })).toContain(second);
    expect(spans(text)).toEqual([promise]);
  });

  it('stays the actor’s when the first quotation is the actor’s own', () => {
    const own = '“We mean it,” said Jo Park, a cofounder of Acme AI. “We will publish a risk ledger every three months on the dangers of our models.”';
    expect(spans(`${promise} ${own}`)).toContain('“We will publish a risk ledger every three months on the dangers of our models.”');
  });
});

describe('a date with a word or two, cut off as a clause of a sentence split among claims ("Published on 1 March 2027")', () => {
  it('goes with the clause beside it, not to the claim whose word it carries', () => {
    const text = 'Published on 1 March 2027, the Model Safety Act makes developers report serious incidents to the regulator within 10 days.';
    expect(found(text, { dateClauseJoins: 0 })).toContainEqual(['msa-publish-plan', 'Published on 1 March 2027']);
    expect(found(text)).toEqual([['msa-incident-reporting', text]]);
  });

  it('leaves a coordinated duty its own clause', () => {
    const text = 'The Model Safety Act makes developers report serious incidents to the regulator within 10 days, from 1 March 2027, and publish a written safety plan every year.';
    expect(found(text).map(([id]) => id)).toEqual(['msa-incident-reporting', 'msa-publish-plan']);
  });
});

describe('a dateline with its weekday ("Monday 1 March 2027")', () => {
  const table = ['When the Model Safety Act applies', 'Serious incidents reported to the regulator within 10 days', 'Monday 1 March 2027'].join(SEP);

  it('is a date, so it states no claim', () => {
    expect(spans(table, { weekdayDates: 0 })).toContain('Monday 1 March 2027');
    expect(spans(table)).not.toContain('Monday 1 March 2027');
  });

  it('leaves the duty listed beside it highlighted', () => {
    expect(found(table)).toEqual([['msa-incident-reporting', 'Serious incidents reported to the regulator within 10 days']]);
  });
});

describe('a person introduced indefinitely as the subject ("One executive at a rival lab said …")', () => {
  const promise = 'Acme AI has promised to publish a risk ledger.';

  it("is someone else speaking, whatever the claim's actor", () => {
    const executive = 'One executive at a rival lab called the quarterly ledger of model dangers a welcome step.';
    expect(spans(`${promise} ${executive}`, { indefinitePerson: 0 })).toEqual([promise, executive]);
    expect(spans(`${promise} ${executive}`)).toEqual([promise]);
    const incident = 'A spokesperson for one developer said serious incidents must now be reported to the regulator within 10 days.';
    const law = 'The Model Safety Act makes developers publish a written safety plan.';
    expect(spans(`${law} ${incident}`, { indefinitePerson: 0 })).toEqual([law, incident]);
    expect(spans(`${law} ${incident}`)).toEqual([law]);
  });

  it("stays the actor's when the person is its own (\"A spokesperson for Acme\", \"A spokesperson added\")", () => {
    const own = 'A spokesperson for Acme said the company will publish a risk ledger every three months describing the dangers of its models.';
    expect(spans(`${promise} ${own}`)).toEqual([promise, own]);
    const added = 'A spokesperson added that the company will publish a risk ledger every three months.';
    expect(spans(`${promise} ${added}`)).toEqual([promise, added]);
  });
});

describe('a quotation attributed to a person placed at an organisation the claim set does not know', () => {
  const promise = 'Acme AI has promised to publish a risk ledger every three months.';

  it('is that person’s words, whether the appositive or the name places them ("a lawyer at …", "Reyes of the consultancy …")', () => {
    for (const quote of [
      '“A risk ledger every three months will show the dangers of its models,” said Dana Reyes, a staff attorney at the Harbour Tech Accountability Clinic.',
      '“A risk ledger every three months will show the dangers of its models,” said Dana Reyes of the consultancy Gridpoint Partners.',
    ]) {
      const text = `${promise} ${quote}`;
      expect(spans(text, { speakerAffiliation: 0 })).toContain(quote);
      expect(spans(text)).toEqual([promise]);
    }
  });

  it('stays the actor’s when the person is placed at the actor, or the "of" is no person’s', () => {
    const own = '“We will publish a risk ledger every three months describing the dangers of our models,” said Jo Park of Acme AI.';
    expect(spans(`${promise} ${own}`)).toEqual([promise, own]);
  });
});

describe('"states" after "member", "other" or a number word', () => {
  it('names countries, not a speaker: the sentence is not someone else’s words', () => {
    // With "states" read as a verb of saying, "three League of Northland member" would be its speaker,
    // placed at an organisation the claim set does not know, and the duty an outsider's words.
    const text = 'Under the Model Safety Act, model developers must report serious incidents to the national regulator within 10 days, a rule copied from three League of Northland member states, and it applies from 1 March 2027.';
    expect(found(text).map(([id]) => id)).toContain('msa-incident-reporting');
  });
});

describe("a coalition's claim about an instrument, in a sentence about another actor's stance on it", () => {
  // A company outside the coalition with a claim of its own on the same instrument, as Meta's refusal of
  // the Code of Practice is beside what the Code's signatories commit to.
  const stanceIndex = compileClaimIndex(
    [
      ...CLAIMS,
      claim({
        id: 'hooli-declined-pact',
        actor: { id: 'hooli', name: 'Hooli', type: 'company', aliases: [] },
        instrument: { name: 'Harbour Pact', aliases: [] },
        statement: 'Hooli declined to sign the Harbour Pact in 2025, calling it overreach, and was not among its signatories.',
        phrasings: ['Hooli refused to sign the Harbour Pact.', 'Hooli stayed out of the Harbour Pact, calling it overreach.', 'Hooli is not a signatory of the pact.'],
        keyTerms: [['declined', 'refused', 'rejected', 'stayed out', 'not a signatory', 'overreach'], ['pact']],
      }),
    ],
    '1.0.0',
  );
  const ids = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, stanceIndex, { tunables }).map((m) => m.claimId);

  it("is that actor's stance: the coalition's claim yields", () => {
    for (const text of [
      'Hooli declined to sign the Harbour Pact, calling it overreach, and so never promised not to release a model whose risks it cannot mitigate.',
      'Hooli refused the Harbour Pact in 2025, calling it overreach: it is not a signatory, and will not commit to holding back models with unmitigated risks.',
    ]) {
      expect(ids(text, { actorStanceFirst: 0 })).toEqual(['hooli-declined-pact', 'harbour-pact-halt']);
      expect(ids(text)).toEqual(['hooli-declined-pact']);
    }
  });

  it('stays when the sentence is about the instrument first, or names the coalition', () => {
    const pactFirst = 'Under the Harbour Pact, signatories promise not to release a model whose risks they cannot mitigate; Hooli declined to sign it, calling it overreach.';
    expect(ids(pactFirst)).toEqual(expect.arrayContaining(['hooli-declined-pact', 'harbour-pact-halt']));
  });
});

describe("a deadline another claim states and this one never does (New York's 72 hours, not California's 15 days)", () => {
  const lead = 'The Model Safety Act covers model developers in Ruritania.';
  const foreign = 'Serious incidents must be reported to the regulator within 72 hours.';

  it("is not this claim's, though the page is about its law", () => {
    expect(found(`${lead} ${foreign}`, { quantityVeto: 0 })).toContainEqual(['msa-incident-reporting', foreign]);
    expect(found(`${lead} ${foreign}`).map(([id]) => id)).not.toContain('msa-incident-reporting');
  });

  it('leaves the claim its own deadline, in digits or words', () => {
    for (const own of ['Serious incidents must be reported to the regulator within 10 days.', 'Serious incidents must be reported to the regulator within ten days.']) {
      expect(found(`${lead} ${own}`)).toContainEqual(['msa-incident-reporting', own]);
    }
  });
});

describe("a member's own stance on its coalition's instrument (xAI signing one chapter of the Code), the member nowhere in view", () => {
  const GLOBEX = { id: 'globex', name: 'Globex', type: 'company' as const, aliases: [] };
  const pact = { name: 'Harbour Pact', aliases: [] };
  const pactIndex = compileClaimIndex(
    [
      claim({ id: 'harbour-pact-chapters', actor: PACT, instrument: pact, statement: 'Companies that signed the Harbour Pact committed to its release chapter and its reporting chapter.', phrasings: ['Harbour Pact signatories commit to the release and reporting chapters.', 'Firms that signed the Harbour Pact follow its release and reporting chapters.'] }),
      claim({ id: 'globex-pact-release-only', actor: GLOBEX, instrument: pact, statement: 'Globex signed only the release chapter of the Harbour Pact, not its reporting chapter.', phrasings: ['Globex signed just the release chapter of the Harbour Pact.', 'Globex backed the pact release chapter but not the reporting chapter.'] }),
    ],
    '1.0.0',
  );
  const ids = (text: string) => matchClaims(text, pactIndex).map((m) => m.claimId);

  it('is not read into a sentence about the instrument alone', () => {
    for (const text of ['Under the Harbour Pact, a firm may sign only the release chapter and not the reporting chapter.', 'The Harbour Pact: release chapter signed, reporting chapter not.']) {
      expect(ids(text)).not.toContain('globex-pact-release-only');
    }
  });

  it('is found when the sentence names the member', () => {
    expect(ids('Globex signed only the release chapter of the Harbour Pact.')).toEqual(['globex-pact-release-only']);
  });
});

describe("advice to the reader (a law firm's checklist, \"Clients … should …\")", () => {
  const checklist = ['Under the Model Safety Act, serious incidents must be reported to the regulator within 10 days. We recommend that clients:', 'designate an owner for reporting serious incidents to the regulator within 10 days;', 'prepare template reports of serious incidents for the regulator.'].join(SEP);
  const clients = 'The Model Safety Act applies from March 2027. Clients should report serious incidents to the regulator within 10 days even before then.';
  // Under a label: "Practical point: build …".
  const labelled = 'The Model Safety Act applies from March 2027. Practical point: build reports of serious incidents to the regulator within 10 days into the launch checklist.';
  // Readers, as a blog addresses them.
  const readers = 'The Model Safety Act applies from March 2027. Readers who run a lab should report serious incidents to the regulator within 10 days even before then.';

  it('states no claim', () => {
    for (const text of [checklist, clients, labelled, readers]) {
      // (The checklist's items are under "We recommend that clients:", which `recommendedItemVeto` reads too.)
      const before = found(text, { adviceVeto: 0, recommendedItemVeto: 0 }).map(([, span]) => span);
      const after = found(text).map(([, span]) => span);
      expect(before.length).toBeGreaterThan(after.length);
      expect(after.some((span) => /^(?:designate|prepare|Clients|Readers)/.test(span))).toBe(false);
    }
  });

  it('states no claim when the advisees are described ("Health-care clients should …"), a scope comes first ("For Ruritanian deployments, prepare …") or it opens with "Start …ing"', () => {
    for (const advice of [
      'Health-care clients should report serious incidents to the regulator within 10 days even before then.',
      'For Ruritanian deployments, prepare reports of serious incidents to the regulator within 10 days now.',
      // (An attack page: "Start labelling your marketing images now, even if your generator's vendor will …".)
      'Start reporting serious incidents to the regulator within 10 days now, even before the act applies.',
    ]) {
      const text = `The Model Safety Act applies from March 2027. ${advice}`;
      expect(found(text, { adviceVeto: 0 }).map(([, span]) => span)).toContain(advice);
      expect(found(text).map(([, span]) => span)).not.toContain(advice);
    }
  });

  it('leaves the duty it advises on, and advice to take note of a law that states it', () => {
    expect(found(checklist)).toContainEqual(['msa-incident-reporting', 'Under the Model Safety Act, serious incidents must be reported to the regulator within 10 days.']);
    const note = 'Clients should also note the Model Safety Act, under which serious incidents must be reported to the regulator within 10 days.';
    expect(found(note).map(([id]) => id)).toContain('msa-incident-reporting');
    // A live blog's numbered update is a noun, not an instruction.
    const update = 'Update 2: under the Model Safety Act, serious incidents must be reported to the regulator within 10 days.';
    expect(found(update).map(([id]) => id)).toContain('msa-incident-reporting');
  });

  it("reads a bare verb in a table row of the law's as the law's duty, and one in a checklist row as advice", () => {
    const duty = 'Document and report serious incidents to the regulator within 10 days';
    const table = (first: string) => `<!doctype html><html><body><h1>Duties at a glance</h1>
      <table><tr><th>Source</th><th>Notes</th><th>Duty</th></tr>
      <tr><td>${first}</td><td>In force from March 2027</td><td>${duty}</td></tr></table></body></html>`;
    const idsIn = (first: string) => {
      const text = textFromHtml(table(first), 'https://example.test/').text;
      return found(text).filter(([, span]) => span.startsWith('Document')).map(([id]) => id);
    };
    expect(idsIn('Model Safety Act')).toEqual(['msa-incident-reporting']);
    // A row of a checklist names no one: its verb is what the reader should do.
    expect(idsIn('Step 3')).toEqual([]);
  });
});

describe("a coalition's claim reached through one member that has its own claim on the instrument (\"For Google, signing means …\")", () => {
  const GLOBEX = { id: 'globex', name: 'Globex', type: 'company' as const, aliases: [] };
  const pact = { name: 'Harbour Pact', aliases: [] };
  const PACT_CHAPTERS = claim({ id: 'harbour-pact-chapters', actor: PACT, instrument: pact, statement: 'Companies that signed the Harbour Pact commit to its release chapter and its reporting chapter as their route to showing compliance.', phrasings: ['Harbour Pact signatories commit to the release and reporting chapters.', 'Firms that signed the Harbour Pact follow its release and reporting chapters to show compliance.'] });
  const pactIndex = compileClaimIndex(
    [
      PACT_CHAPTERS,
      claim({ id: 'globex-signed-pact', actor: GLOBEX, instrument: pact, statement: 'Globex announced on 3 May 2026 that it would sign the Harbour Pact, committing to its release and reporting chapters.', phrasings: ['Globex said it would sign the Harbour Pact.', 'Globex signed the Harbour Pact in May 2026.'] }),
    ],
    '1.0.0',
  );
  const ids = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, pactIndex, { tunables }).map((m) => m.claimId);

  it("is the member's", () => {
    const text = 'The Harbour Pact has two chapters. For Globex, signing means committing to both chapters, release and reporting, as its route to showing compliance.';
    expect(ids(text, { memberClaimTakesOver: 0 })).toEqual(['harbour-pact-chapters']);
    expect(ids(text)).toEqual(['globex-signed-pact']);
  });

  it("stays the coalition's for a member without a claim of its own there, or several members", () => {
    expect(ids('The Harbour Pact has two chapters. For Initech, signing means committing to both chapters, release and reporting, as its route to showing compliance.')).toEqual(['harbour-pact-chapters']);
    expect(ids('Globex, Initech and Umbrella commit to the release and reporting chapters of the Harbour Pact as their route to showing compliance.')).toEqual(['harbour-pact-chapters']);
  });

  it("stays the coalition's for a sentence about the signatories in general after one naming the member", () => {
    // The member named in the sentence before is background: "Firms that sign it" are the signatories.
    // (Globex's own claim is its partial signature, as xAI's is on the EU's code.)
    const partIndex = compileClaimIndex(
      [
        PACT_CHAPTERS,
        claim({ id: 'globex-release-chapter-only', actor: GLOBEX, instrument: pact, statement: 'Globex signed only the release chapter of the Harbour Pact, not its reporting chapter.', phrasings: ['Globex signed only the Harbour Pact release chapter.'] }),
      ],
      '1.0.0',
    );
    const text = 'Globex signed only the release chapter of the Harbour Pact. Firms that sign it commit to both chapters, release and reporting, as their route to showing compliance.';
    const second = text.indexOf('Firms');
    const onSecond = matchClaims(text, partIndex).filter((m) => m.start >= second).map((m) => m.claimId);
    expect(onSecond).toEqual(['harbour-pact-chapters']);
  });
});

describe("a member's own claim named by its actor and its instrument, with nothing else of its statement (\"Google says it will sign the EU's General-Purpose AI Code of Practice\")", () => {
  // The instrument's name is frame, not content, and Google's long statement (dates, the Commission's list,
  // the chapters) leaves "sign" little weight: below `minEvidence`, the claim was never judged, and the
  // sentence went to the coalition's claim on the Code.
  const ids = (text: string) => matchClaims(text, bundledClaimIndex()).map((m) => m.claimId);

  it("is judged, and is the member's", () => {
    expect(ids("Google says it will sign the EU's General-Purpose AI Code of Practice.")).toEqual(['google-signed-gpai-code']);
    expect(ids(["EU AI rules: who signed what", "Google says it will sign the EU's General-Purpose AI Code of Practice; two days later the Commission lists it among the signatories."].join(SEP))).toEqual(['google-signed-gpai-code']);
  });

  it('needs the key term: naming both is not enough', () => {
    expect(ids("Google says it is still reading the EU's General-Purpose AI Code of Practice.")).not.toContain('google-signed-gpai-code');
  });
});

describe('an anaphor after a name in its own sentence ("the RAISE Act …, per the bill summary")', () => {
  const FREEDONIA = { id: 'freedonia', name: 'Freedonia', type: 'government' as const, aliases: [] };
  const lawsIndex = compileClaimIndex(
    [
      ...CLAIMS,
      claim({
        id: 'freedonia-publish-plan',
        actor: FREEDONIA,
        instrument: { name: 'Frontier Duty Act', aliases: [] },
        statement: "Freedonia's Frontier Duty Act requires model developers to publish a written safety plan.",
        phrasings: ['Freedonia requires model developers to publish a safety plan.', 'Under the Frontier Duty Act, developers must post a written safety plan online.'],
      }),
    ],
    '1.0.0',
  );
  const text = [
    'The Model Safety Act keeps coming up. The Model Safety Act applies from March 2027, and the Model Safety Act covers every model developer.',
    'Here is what the Frontier Duty Act does, per the bill summary handed out in the room:',
    'Model developers must publish a written safety plan.',
  ].join(SEP);
  const ids = (tunables: Partial<Tunables> = {}) => matchClaims(text, lawsIndex, { tunables }).filter((m) => text.slice(m.start, m.end).startsWith('Model developers must')).map((m) => m.claimId);

  it('refers to that name, not to the law named most before', () => {
    expect(ids({ anaphorSeesOwnUnit: 0 })).toContain('msa-publish-plan');
    expect(ids()).toEqual(['freedonia-publish-plan']);
  });
});

describe('a heading that labels a topic without a verb ("California SB 53: Whistleblower Protections")', () => {
  const below = 'Under the Model Safety Act, model developers must publish a written safety plan and update it every year.';

  it('states no claim, though the paragraph under it does', () => {
    for (const heading of ['Ruritania Model Safety Act: Written Safety Plans', 'Ruritania Model Safety Act - Written Safety Plans']) {
      const text = [heading, below].join(SEP);
      expect(spans(text, { topicLabelVeto: 0 }), heading).toContain(heading);
      expect(spans(text), heading).toEqual([below]);
    }
  });

  it('keeps a headline with a verb, before or after its label', () => {
    for (const heading of ['Ruritania Model Safety Act: developers must post safety plans', 'Ruritania Model Safety Act: Ruritania tightens safety plans', 'Ruritania requires safety plans - what developers need to know']) {
      expect(spans([heading, below].join(SEP)), heading).toContain(heading);
    }
  });

  it('keeps a clause after the label that opens with a bare verb or holds a verb of commitment', () => {
    for (const heading of ['Ruritania Model Safety Act: publish a written safety plan, update it yearly', 'Ruritania Model Safety Act - safety plans published and updated yearly']) {
      expect(spans([heading, below].join(SEP)), heading).toContain(heading);
    }
    // The same words as nouns: a label.
    const label = 'Ruritania Model Safety Act: the written safety plan and its yearly update';
    expect(spans([label, below].join(SEP))).toEqual([below]);
  });

  it('states no claim without a separator either ("DeepMind and the manipulation question", "From Brussels, the postponement")', () => {
    for (const heading of ['Ruritania and the written safety plan question', 'From Ruritania, the written safety plan']) {
      const text = [heading, below].join(SEP);
      expect(spans(text, { topicLabelVeto: 1 }), heading).toContain(heading);
      expect(spans(text), heading).toEqual([below]);
    }
  });

  it("keeps a numbered heading without a verb: a listicle's item says its point in a few words (\"3. No ads in Claude\")", () => {
    const text = ['Five things to know about the Model Safety Act', '3. A written safety plan for each Ruritania model developer', below].join(SEP);
    expect(spans(text)).toContain('A written safety plan for each Ruritania model developer');
  });
});

describe("an old rule's words in the opening of a sentence its successor states (\"Under the new text, a model that reaches the critical risk threshold will continue to be developed only once …\")", () => {
  const charter = { name: 'Scaling Charter', aliases: [] };
  const charterIndex = compileClaimIndex(
    [
      claim({
        id: 'acme-stop-development',
        actor: ACME,
        instrument: charter,
        statement: "Acme AI's 2025 Scaling Charter said that if a model reaches the critical risk threshold, Acme would stop development of that model.",
        phrasings: ['If a model reaches the critical risk threshold, Acme stops developing it.', 'Acme would halt work on a model that reaches the critical risk threshold.'],
      }),
      claim({
        id: 'acme-develop-with-mitigations',
        actor: ACME,
        instrument: charter,
        statement: "Under version 2 of Acme AI's Scaling Charter, development continues only once risk assessments are complete and safeguards are validated to bring the risk down to a moderate level.",
        phrasings: ['Acme keeps developing such models once safeguards are validated.', 'Development continues with validated safeguards that bring risk down to moderate.'],
      }),
    ],
    '1.0.0',
  );
  const found2 = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, charterIndex, { tunables }).map((m) => [m.claimId, text.slice(m.start, m.end)] as const);
  const lead = 'Acme AI published version 2 of its Scaling Charter in April.';
  const successor = 'Under the new text, a model that reaches the critical risk threshold will continue to be developed only once risk assessments are complete and safeguards have been validated to bring the risk down to a moderate level.';

  it("is the successor's, whole", () => {
    const text = `${lead} ${successor}`;
    expect(found2(text, { secondaryGap: 0 }).map(([id]) => id)).toContain('acme-stop-development');
    expect(found2(text)).toEqual([['acme-develop-with-mitigations', successor]]);
  });

  it('leaves the old rule a clause in words only it has', () => {
    const both = 'Acme used to stop developing a model that reached the critical risk threshold; under version 2 development continues only once risk assessments are complete and safeguards are validated.';
    expect(found2(`${lead} ${both}`).map(([id]) => id).sort()).toEqual(['acme-develop-with-mitigations', 'acme-stop-development']);
  });
});

describe('a lead-in whose verb\'s object is the list after it ("Under the AI Act, providers … must:")', () => {
  // The bundled set's general-purpose AI duties, in our own words, as a law firm's alert lists them.
  const leadIn = 'Under the AI Act, providers of general-purpose AI models must:';
  const items = ['keep technical documentation of the model up to date;', 'publish a summary of the content used to train it;', 'put in place a policy to comply with EU copyright law.'];
  const highlighted = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, bundledClaimIndex(), { tunables }).map((m) => text.slice(m.start, m.end));

  it('states no claim itself; its items do', () => {
    const text = ['What the EU rules require', leadIn, ...items].join(SEP);
    expect(highlighted(text, { openLeadInVeto: 0 })).toContain(leadIn);
    expect(highlighted(text)).not.toContain(leadIn);
    expect(highlighted(text).some((span) => items.includes(span))).toBe(true);
  });

  it('keeps a lead-in that states the duty before its list', () => {
    const stating = 'Under the AI Act, providers of general-purpose AI models must publish a summary of their training content, which covers:';
    expect(highlighted(['What the EU rules require', stating, 'the main data sets;', 'the sources scraped.'].join(SEP))).toContain(stating);
  });
});

describe('what a page leaves open or puts to the test ("Whether …", a fact-check\'s "Claim 2: …" or quoted post)', () => {
  const open = 'Whether serious incidents under the Model Safety Act will really be reported to the regulator within 10 days.';
  const checked = 'Claim 2: "Under the Model Safety Act, serious incidents must be reported to the regulator within 10 days."';
  const stated = 'Under the Model Safety Act, serious incidents must be reported to the regulator within 10 days.';
  const page = (line: string) => ['What to watch', line, 'Our verdict: true.'].join(SEP);

  it('states no claim', () => {
    expect(found(page(open), { openQuestionVeto: 0 }).map(([id]) => id)).toContain('msa-incident-reporting');
    expect(found(page(open))).toEqual([]);
    expect(found(page(checked), { checkedClaimVeto: 0 }).map(([id]) => id)).toContain('msa-incident-reporting');
    expect(found(page(checked))).toEqual([]);
  });

  it('takes a line that is one short quotation, numbered or not, for the post a fact-check quotes, not the page\'s statement', () => {
    for (const quoted of ['1. "Serious incidents under the Model Safety Act must be reported to the regulator within 10 days."', '“Serious incidents under the Model Safety Act must be reported within 10 days”']) {
      expect(found(page(quoted), { checkedClaimVeto: 0 }).map(([id]) => id), quoted).toContain('msa-incident-reporting');
      expect(found(page(quoted)), quoted).toEqual([]);
    }
    // A quotation inside the page's own sentence is the page's statement.
    const quoting = 'Under the Model Safety Act, serious incidents "must be reported to the regulator within 10 days".';
    expect(found(page(quoting))).toEqual([['msa-incident-reporting', quoting]]);
  });

  it('leaves the sentence that states it, and one whose "whether" comes later', () => {
    expect(found(page(stated))).toEqual([['msa-incident-reporting', stated]]);
    const later = 'Under the Model Safety Act, serious incidents must be reported to the regulator within 10 days, whether or not anyone was harmed.';
    expect(found(page(later))).toEqual([['msa-incident-reporting', later]]);
  });

  it('leaves a sentence opening with a concessive "Whether or not …," before what it states, but not an open "whether or not"', () => {
    const concessive = 'Whether or not anyone was harmed, the Model Safety Act requires serious incidents to be reported to the regulator within 10 days.';
    expect(found(page(concessive))).toEqual([['msa-incident-reporting', concessive]]);
    const stillOpen = 'Whether or not serious incidents under the Model Safety Act will really be reported to the regulator within 10 days remains to be seen.';
    expect(found(page(stillOpen), { openQuestionVeto: 0 }).map(([id]) => id)).toContain('msa-incident-reporting');
    expect(found(page(stillOpen))).toEqual([]);
  });
});

describe('a sentence about the page itself ("This brief summarises …", "The purpose of this session was …") (`metaTextVeto`)', () => {
  const page = (line: string) => ['Incident rules in brief', line, 'Our verdict: true.'].join(SEP);

  it('states no claim', () => {
    for (const meta of [
      'This brief sets out how serious incidents under the Model Safety Act must be reported to the regulator within 10 days.',
      'The purpose of this session was narrower: to establish whether serious incidents under the Model Safety Act must be reported to the regulator within 10 days.',
    ]) {
      expect(found(page(meta), { metaTextVeto: 0 }).map(([id]) => id), meta).toContain('msa-incident-reporting');
      expect(found(page(meta)), meta).toEqual([]);
    }
  });

  it('leaves a sentence reporting what a report found', () => {
    const finding = 'This report found that serious incidents under the Model Safety Act must be reported to the regulator within 10 days.';
    expect(found(page(finding))).toEqual([['msa-incident-reporting', finding]]);
  });
});

describe('what a company did under a law ("The company designates the document as its frontier AI framework for the purposes of SB 53")', () => {
  const MSA = { name: 'Model Safety Act', aliases: ['MSA'] };
  const lawIndex = compileClaimIndex(
    [
      claim({
        id: 'msa-publish-plan',
        actor: RURITANIA,
        instrument: MSA,
        statement: 'The Model Safety Act requires large model developers to write, implement, comply with and publish a safety plan, with civil penalties for violations.',
        phrasings: ['Under the Model Safety Act, developers must publish a safety plan and follow it.', 'Ruritania requires large developers to implement and comply with a published safety plan.'],
      }),
      claim({
        id: 'acme-msa-plan',
        actor: ACME,
        instrument: { name: 'Acme Safety Plan', aliases: [] },
        statement: "Acme AI's Safety Plan is its safety plan under the Model Safety Act, which requires it to implement and comply with the plan, with civil penalties for violations.",
        phrasings: ['Acme AI designated its Safety Plan as the plan the Model Safety Act holds it to.', 'Under the Model Safety Act, Acme must follow the Safety Plan it published or face penalties.'],
      }),
    ],
    '1.0.0',
  );
  const ids = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, lawIndex, { tunables }).map((m) => m.claimId);
  const intro = 'Acme AI published a new document on Friday.';

  it("is the company's claim, not the law's duty", () => {
    const text = [intro, 'The company designates the document as its safety plan for the purposes of the Model Safety Act, which means the law requires it to implement and comply with the plan.'].join(SEP);
    expect(ids(text, { companyUnderLawFirst: 0 })).toContain('msa-publish-plan');
    expect(ids(text)).toEqual(['acme-msa-plan']);
  });

  it("leaves the law's duty where the law is the subject", () => {
    const text = [intro, 'The Model Safety Act requires large model developers to write, implement, comply with and publish a safety plan, and it penalises a developer that fails to follow its own plan.'].join(SEP);
    expect(ids(text)).toContain('msa-publish-plan');
  });
});

describe('a label of a few words with no verb ("Interviews", "Incident reporting", a table\'s row label)', () => {
  const labelIndex = compileClaimIndex([MSA_INCIDENT_REPORTING], '1.0.0');
  const spans = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, labelIndex, { tunables }).map((m) => text.slice(m.start, m.end));
  const duty = 'Serious incidents must be reported to the regulator within 10 days.';
  const text = ['Model Safety Act guide', 'The Model Safety Act duties', 'Incident reporting', duty].join(SEP);

  it('names a topic and states no claim', () => {
    expect(spans(text, { shortLabelVeto: 0 })).toContain('Incident reporting');
    expect(spans(text)).not.toContain('Incident reporting');
  });

  it('leaves the duty under it, and a short line that says something ("Incidents must be reported")', () => {
    expect(spans(text)).toContain(duty);
    const stated = ['Model Safety Act guide', 'The Model Safety Act duties', 'Incidents must be reported', duty].join(SEP);
    expect(spans(stated, { shortLabelVeto: 0 })).toEqual(spans(stated));
  });
});

describe('a line naming a document and its topic or date ("SB 53 — whistleblower protections", "New York RAISE Act (as rewritten, March 2026)")', () => {
  // A policy brief's table, cell by cell: the row labels name the law; the cell after them states its duty.
  const table = (label: string, duty: string, where = 'State of California') => ['Rules compared', where, label, duty, 'Statutory'].join(SEP);
  const duty = 'Large frontier developers may not retaliate against employees who report catastrophic risks, and must offer an anonymous internal reporting channel.';
  const raiseDuty = 'Large frontier developers must publish a frontier AI framework and report critical safety incidents within 72 hours.';
  const spansOf = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, bundledClaimIndex(), { tunables }).map((m) => text.slice(m.start, m.end));

  it('is a row label, not a claim: the cell after it keeps the duty', () => {
    for (const [label, stated] of [
      ['SB 53 — whistleblower protections', duty],
      ['New York RAISE Act (as rewritten, March 2026)', raiseDuty],
    ] as const) {
      const text = table(label, stated);
      expect(spansOf(text, { namingLabelVeto: 0 })).toContain(label);
      expect(spansOf(text)).toEqual([stated]);
    }
  });

  it('leaves a description of who is covered before a bracket, and a clause after a dash, which say something', () => {
    for (const [line, where] of [
      ['Whistleblower protections for employees who report catastrophic risks (SB 53, since January 2026)', 'State of California'],
      ['AI Act — providers of models with systemic risk evaluate and test them and report serious incidents', 'European Union'],
    ] as const) {
      const text = table(line, 'Statutory', where);
      expect(spansOf(text), line).toEqual([line]);
    }
  });
});

describe('a podcast\'s chapter marker or an explainer\'s title ("15:10 — New York: the RAISE Act", "… RAISE Act: What Developers Need to Do")', () => {
  const raiseDuty = 'Large frontier developers must publish a frontier AI framework and report critical safety incidents within 72 hours.';
  const spansOf = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, bundledClaimIndex(), { tunables }).map((m) => text.slice(m.start, m.end));

  it('names what a stretch of the page is about; the stretch states the claim', () => {
    const raise = `Under New York's RAISE Act, as rewritten in March 2026: ${raiseDuty}`;
    const meta = 'Meta says it will keep releasing some models with open weights, but may keep its most capable models closed.';
    for (const [title, stated] of [
      ['15:10 — New York: the RAISE Act, take two', raise],
      ['Meta and open weights (41:50)', meta],
      ["New York's Rewritten RAISE Act: What Frontier AI Developers Need to Do Before January 2027", raise],
    ] as const) {
      const text = ['Episode 41 show notes', title, stated].join(SEP);
      expect(spansOf(text, { namingLabelVeto: 0, topicLabelVeto: 1 }), title).toContain(title);
      expect(spansOf(text), title).toEqual([stated]);
    }
  });

  it('leaves a chapter that says what is said, and a headline that states its claim before the colon', () => {
    for (const line of [
      "15:10 — New York's rewritten RAISE Act and why large frontier developers must now publish a frontier AI framework and report critical safety incidents within 72 hours",
      'New York requires frontier developers to publish safety frameworks: what changes in January 2027',
    ]) {
      const text = ['Episode 41 show notes', line, 'Listener mail and sign-off.'].join(SEP);
      expect(spansOf(text), line).toEqual(spansOf(text, { namingLabelVeto: 0 }));
      expect(spansOf(text), line).toContain(line);
    }
  });
});

describe('two claims of one law on a sentence that uses a key term only one of them has', () => {
  const general = claim({
    id: 'dta-general-duties',
    actor: RURITANIA,
    instrument: { name: 'Data Transparency Act', aliases: [] },
    keyTerms: [['provider', 'providers', 'model', 'models'], ['records', 'summary', 'duties', 'fine', 'fines', 'fining']],
    statement: 'Under the Data Transparency Act, model providers must keep technical records and publish a training summary. These duties apply from 1 March 2027; the regulator can fine providers from 1 March 2028.',
    phrasings: [
      'Model providers in Ruritania must keep technical records and publish a training summary from March 2027.',
      'The regulator can fine model providers under the Data Transparency Act from 1 March 2028.',
      'Providers have to publish a summary of their training data.',
    ],
  });
  const frontier = claim({
    id: 'dta-frontier-duties',
    actor: RURITANIA,
    instrument: { name: 'Data Transparency Act', aliases: [] },
    keyTerms: [['frontier-scale', 'frontier'], ['adversarial', 'incident', 'incidents', 'duties', 'fine', 'fines', 'fining']],
    statement: "Providers of frontier-scale models under the Data Transparency Act must also run adversarial tests and report serious incidents. These duties apply from 1 March 2027; the regulator's fining powers apply from 1 March 2028.",
    phrasings: [
      'Frontier-scale model providers in Ruritania must run adversarial tests and report serious incidents.',
      'The largest models face adversarial testing and incident duties under the Data Transparency Act.',
      'From 1 March 2028 the regulator can fine frontier-scale providers that skip adversarial tests.',
    ],
  });
  const lawIndex = compileClaimIndex([general, frontier], '1.0.0');
  const foundIn = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, lawIndex, { tunables }).map((m) => m.claimId);
  const intro = 'Ruritania passed the Data Transparency Act last year.';

  it('is the claim whose own term it uses, not the sibling sharing its dates', () => {
    const text = `${intro} Providers of frontier-scale models have been subject to adversarial-testing and incident duties since 1 March 2027, and the regulator's fining powers over them apply from 1 March 2028.`;
    expect(foundIn(text, { distinctiveYield: 0, splitTieMargin: 0 })).toContain('dta-general-duties');
    expect(foundIn(text)).toContain('dta-frontier-duties');
    expect(foundIn(text)).not.toContain('dta-general-duties');
  });

  it('gives the rest of a sentence after its semicolon to the claim its first part stated (`demonstrativeFollows`)', () => {
    const text = `${intro} Providers of frontier-scale models have been subject to adversarial-testing and incident duties since 1 March 2027; the regulator's fining powers apply from 1 March 2028.`;
    expect(foundIn(text, { demonstrativeFollows: 0, splitTieMargin: 0 })).toContain('dta-general-duties');
    expect(foundIn(text)).toEqual(['dta-frontier-duties', 'dta-frontier-duties']);
  });

  it('keeps both when the sentence uses a term of each', () => {
    const text = `${intro} Providers must keep technical records and publish a training summary, and providers of frontier-scale models must also run adversarial tests and report serious incidents.`;
    expect(foundIn(text)).toEqual(expect.arrayContaining(['dta-general-duties', 'dta-frontier-duties']));
  });
});

describe('a sentence two claims of one law state equally ("the Commission can fine from 2 August 2026"), split between them (`splitTieMargin`)', () => {
  it("goes to the claim the whole sentence states best (a development page's explainer on the general duties)", () => {
    const page = readFileSync('tests/fixtures/independent/dev-5/c-explainer-eu-general-purpose-ai-rules.html', 'utf8');
    const text = textFromHtml(page, 'https://example.test/').text;
    const sentence = "The Commission's power to impose fines on model providers kicks in on 2 August 2026";
    const on = (tunables: Partial<Tunables>) =>
      matchClaims(text, bundledClaimIndex(), { tunables })
        .filter((m) => text.slice(m.start, m.end).startsWith(sentence))
        .map((m) => m.claimId);
    expect(on({ splitTieMargin: 0 })).toEqual(['eu-ai-act-gpai-systemic-risk-obligations']);
    expect(on({})).toEqual(['eu-ai-act-gpai-obligations']);
  });
});

/** Italy's law's statement before set 2.1.37 added the deepfake offence's conditions (see `clauseMinWords` below). */
const ITALY_BEFORE_2137 =
  "Italy's national AI law (Law No. 132 of 23 September 2025), in force since 10 October 2025, complements the EU AI Act with sector rules for health, work, the professions, public administration and justice; names AgID and the National Cybersecurity Agency (ACN) as Italy's AI authorities; and makes it a crime, punishable by one to five years in prison, to spread AI-faked images, video or voices of a person without consent where this causes unjust harm.";

describe('a clause of a few words with none of the claim\'s key terms ("… and caused unjust harm.") (`clauseMinWords`)', () => {
  const page = readFileSync('tests/fixtures/independent/dev-16/b-client-alert-synthetic-media-eu-italy-texas.html', 'utf8');
  const text = textFromHtml(page, 'https://example.test/').text;
  // Italy's law and the AI Act's transparency duties as they were when this page was read: without key terms
  // (set 2.1.17 gave both some, which decide this sentence on their own) and, for Article 50, the statement before
  // set 2.1.18 named its "transparency obligations", so the clause is judged and only the rule keeps it out.
  // (And without three claims the page never mentions whose statements set 2.1.27 rewrote, and one set 2.1.36 rewrote:
  // their new words move the weights of the clause's terms across the claims, and the clause is then turned down before
  // this rule is reached.)
  const set = bundledClaimSet();
  const UNGATED_THEN = new Set(['italy-national-ai-law', 'eu-ai-act-transparency-obligations']);
  const REWORDED_SINCE = new Set(['eu-ai-act-prohibited-practices', 'amazon-frontier-model-safety-framework', 'google-ai-principles-no-weapons-surveillance', 'anthropic-claude-military-use-limits']);
  const asThen = compileClaimIndex(
    set.claims.filter((c) => !REWORDED_SINCE.has(c.id)).map((c) =>
      UNGATED_THEN.has(c.id)
        ? { ...c, keyTerms: [], statement: c.id === 'eu-ai-act-transparency-obligations' ? article50StatementBefore2118(c.statement) : ITALY_BEFORE_2137 }
        : c,
    ),
    set.version,
  );
  const spansOf = (tunables: Partial<Tunables>) => matchClaims(text, asThen, { tunables }).map((m) => text.slice(m.start, m.end));

  it('is not judged on its own (a development page)', () => {
    // (Set 2.1.37 added the offence's conditions to Italy's statement; the page was read against the words before.)
    expect(set.claims.find((c) => c.id === 'italy-national-ai-law')!.statement).not.toBe(ITALY_BEFORE_2137);
    expect(spansOf({ clauseMinWords: 0 })).toContain('caused unjust harm.');
    expect(spansOf({})).not.toContain('caused unjust harm.');
  });

  it('still is when it has a key term of the claim', () => {
    // A signatory and a holdout of one invented pledge: the holdout's terse reply is its claim.
    const PLEDGE = { name: 'Model Safety Pledge', aliases: ['the pledge'] };
    const pledgeIndex = compileClaimIndex(
      [
        claim({
          id: 'exlab-signed-pledge',
          actor: EXAMPLE_LAB,
          instrument: PLEDGE,
          statement: 'Example Lab signed the Model Safety Pledge in July 2025, committing to publish its model evaluations.',
          phrasings: ['Example Lab signed the Model Safety Pledge.', 'Example Lab has signed up to the pledge on model evaluations.', 'Example Lab put its name to the Model Safety Pledge in July 2025.'],
          keyTerms: [['sign', 'signed', 'signs', 'signing', 'joined', 'signatory']],
        }),
        claim({
          id: 'acme-declined-pledge',
          actor: ACME,
          instrument: PLEDGE,
          statement: 'Acme AI declined to sign the Model Safety Pledge in July 2025, calling its evaluation duties premature.',
          phrasings: ['Acme AI refused to sign the Model Safety Pledge.', 'Acme declined to put its name to the pledge on model evaluations.', 'Acme AI said no to the Model Safety Pledge in July 2025.'],
          keyTerms: [['declined', 'decline', 'refused', 'refuse', 'rejected']],
        }),
      ],
      '1.0.0',
    );
    const said = 'Acme AI, on the contrary, declined to sign.';
    const short = ['The Model Safety Pledge', 'Example Lab signed the Model Safety Pledge in July 2025.', said].join(SEP);
    expect(matchClaims(short, pledgeIndex).map((m) => [m.claimId, short.slice(m.start, m.end)])).toContainEqual(['acme-declined-pledge', said]);
  });
});

describe("an agency another's directive tasks is not the one committing", () => {
  // An invented agency with testing agreements, and a government plan that tasks the agency with testing.
  const OFFICE = { id: 'testing-office', name: 'Model Testing Office', type: 'agency' as const, aliases: ['MTO'] };
  const GLOBEX = { id: 'globex', name: 'Globex', type: 'company' as const, aliases: [] };
  const tasking = compileClaimIndex(
    [
      claim({
        id: 'mto-testing-agreements',
        actor: OFFICE,
        instrument: { name: 'MTO testing agreements', aliases: [] },
        parties: [ACME, GLOBEX],
        statement: 'Under agreements with Acme AI and Globex, the Model Testing Office tests frontier models before and after release for security risks.',
        phrasings: ['The Model Testing Office evaluates frontier models for security risks with their developers.', 'Acme AI and Globex let the MTO test their frontier models before release.'],
        keyPhrases: ['Model Testing Office', 'MTO'],
      }),
      claim({
        id: 'ruritania-growth-plan',
        actor: RURITANIA,
        instrument: { name: 'Growth Plan', aliases: ['Ruritanian Growth Plan'] },
        statement: "Ruritania's Growth Plan lists 40 actions to lead in AI, among them having the Model Testing Office evaluate frontier models for security risks with developers.",
        phrasings: ['The Growth Plan lists 40 actions to lead in AI.'],
        keyPhrases: ['Growth Plan'],
      }),
    ],
    '1.0.0',
  );
  const testing = (sentence: string, tunables: Partial<Tunables> = {}) => {
    const text = ["Ruritania's Growth Plan", 'The Ruritanian Growth Plan lists 40 actions to lead in AI.', sentence].join(SEP);
    return matchClaims(text, tasking, { tunables })
      .filter((m) => m.claimId === 'mto-testing-agreements')
      .map((m) => text.slice(m.start, m.end));
  };

  it('drops "It also asks the MTO to evaluate …" and "having the MTO evaluate …" as the agency\'s agreements', () => {
    // (Six such sentences about a real action plan were credited to the testing agency's agreements.)
    for (const sentence of [
      'It also asks the Model Testing Office to evaluate frontier models for security risks with their developers.',
      'It also tasks the MTO with evaluating frontier models for security risks, working with their developers.',
      'Among its actions: cutting red tape, and having the MTO evaluate frontier models for security risks with developers.',
      'It called for cutting red tape and for the Model Testing Office to evaluate frontier models for security risks with developers.',
    ]) {
      expect(testing(sentence, { taskedNotActor: 0 }).length, sentence).toBeGreaterThan(0);
      expect(testing(sentence), sentence).toEqual([]);
    }
  });

  it('keeps the agency\'s own agreements: a party or the agreements directing, or a grant', () => {
    for (const sentence of [
      'Globex asked the Model Testing Office to evaluate its frontier models for security risks before release.',
      // (A party named after the directive: its agreements. Found by a helper attacking the rule.)
      'The ministry charged the Model Testing Office with testing frontier models from Acme AI and Globex before and after release.',
      'The MTO testing agreements ask the Model Testing Office to evaluate frontier models for security risks before release.',
      'The Model Testing Office evaluates frontier models for security risks with their developers.',
    ]) {
      expect(testing(sentence), sentence).toHaveLength(1);
    }
    // With nothing else in view to give the directive ("Commerce Secretary Howard Lutnick tasked the Center …").
    const alone = 'Minister Lena Varga tasked the Model Testing Office with evaluating frontier models for security risks with their developers.';
    const text = ['Testing news', alone].join(SEP);
    expect(matchClaims(text, tasking).map((m) => m.claimId)).toEqual(['mto-testing-agreements']);
  });

  it('leaves a company or government asked to do something to the sentence that states its own claim', () => {
    // ("Employees urged Google to keep its 2018 pledge …", "The Pentagon ordered Anthropic to drop the two limits …".)
    const urged = 'Investors urged Acme AI to keep its promise to publish the weights of its models.';
    const acmeIndex = compileClaimIndex(
      [
        claim({ id: 'acme-open-weights', actor: ACME, statement: 'Acme AI promises to publish the weights of its models.', phrasings: ['Acme AI will publish its model weights.'] }),
        claim({ id: 'ruritania-growth-plan', actor: RURITANIA, instrument: { name: 'Growth Plan', aliases: [] }, statement: "Ruritania's Growth Plan lists 40 actions to lead in AI.", phrasings: ['The Growth Plan lists 40 actions to lead in AI.'] }),
      ],
      '1.0.0',
    );
    // (Ruritania's plan in view, as a giver of directives would be.)
    const text = ["Ruritania's Growth Plan", urged].join(SEP);
    expect(matchClaims(text, acmeIndex).map((m) => text.slice(m.start, m.end))).toEqual([urged]);
  });
});

describe("a place's name opening another organisation's name is that organisation", () => {
  it('does not credit what "The Ruritania Times" reports to Ruritania, but still what Ruritania does', () => {
    const reported = 'The Ruritania Times reported that model developers must publish their safety plans and update them yearly.';
    const page = (sentence: string) => ['AI safety plans', sentence].join(SEP);
    expect(spans(page(reported), { placeOpensOtherName: 0 })).toEqual([reported]);
    expect(spans(page(reported))).toEqual([]);
    // The government itself, its own offices and publications, and the newspaper as the one reporting what it requires.
    for (const sentence of [
      'Ruritania requires model developers to publish their safety plans and update them yearly, the Ruritania Times reported.',
      'Ruritania Ministry officials say model developers must publish their safety plans and update them yearly.',
      'The Ruritania Press Office said model developers must publish their safety plans and update them yearly.',
      'Ruritania, Times of crisis aside, requires model developers to publish their safety plans and update them yearly.',
    ]) {
      expect(spans(page(sentence)), sentence).toHaveLength(1);
    }
  });

  it('reads a newspaper reporting a law as a fact under the law\'s heading, and a university\'s professor as an outsider', () => {
    const reported = 'The Ruritania Tribune reported that model developers must publish their safety plans and update them yearly.';
    expect(spans(['The Model Safety Act takes effect', reported].join(SEP))).toContain(reported);
    const professor = 'Ruritania University professor Ilse Marek said model developers must publish their safety plans and update them yearly.';
    expect(spans(['The Model Safety Act takes effect', professor].join(SEP), { placeOpensOtherName: 0 })).toContain(professor);
    expect(spans(['The Model Safety Act takes effect', professor].join(SEP))).not.toContain(professor);
  });
});

describe("a government's name alone frames its law's claims only on a page on AI", () => {
  // (A negative page of the twenty-fifth split, on safety lessons from aviation and banking: New York's
  // financial regulator's 72-hour rule was credited to the RAISE Act. The rule here does not name its field's
  // law, "cybersecurity regulation", which would make it that law's whatever the page: `otherFieldLawVeto`.)
  const rule = "Under the Freedonia supervisor's standing orders, covered banks must notify the ministry of serious incidents within 72 hours.";
  const banking = ['Lessons from banking', 'Supervisors have long set clocks for reporting trouble.', rule].join(SEP);

  it("does not credit another of the government's rules on a page about something else", () => {
    expect(found(banking, { jurisdictionNeedsAi: 0 })).toContainEqual(['freedonia-incident-duty', rule]);
    expect(found(banking)).toEqual([]);
  });

  it('credits the same words on a page on AI: three signs of it, words, word pairs or names of companies and instruments of the set', () => {
    const filler = 'Supervisors have long set clocks for reporting trouble.';
    for (const signs of [
      ['Frontier AI rules arrive', 'Chatbot makers are watching.'],
      ['What Acme AI must now do', 'Acme has said little so far.'],
      ['Deep fakes, chat bots and language models: what the new rules cover'],
    ]) {
      expect(found([...signs, filler, rule].join(SEP)), signs[0]).toContainEqual(['freedonia-incident-duty', rule]);
    }
  });

  it('does not take one passing mention of AI or of a company for a long page on AI, but does for a brief', () => {
    // (An attack's pages: a bank cyber rule under "cybersecurity risks arising from AI", an insurers' rule
    // after an outage of "Microsoft Windows".)
    const report = Array.from({ length: 40 }, (_, i) => `Supervisors in district ${i + 1} reviewed how quickly banks reported outages last year.`);
    for (const passing of ['Banks also face cybersecurity risks arising from AI.', 'The outage began with an update to Acme servers.']) {
      const page = ['Lessons from banking', ...report, passing, rule].join(SEP);
      expect(found(page, { jurisdictionNeedsAi: 0 }), passing).toContainEqual(['freedonia-incident-duty', rule]);
      expect(found(page), passing).toEqual([]);
      // A brief of three lines says it once: one sign per 200 words.
      expect(found(['Lessons from banking', passing, rule].join(SEP)), passing).toContainEqual(['freedonia-incident-duty', rule]);
    }
  });

  it("reads the title given with a region added later, its words and its names", () => {
    const region = ['Supervisors have long set clocks for reporting trouble.', rule].join(SEP);
    expect(matchClaims(region, index).map((m) => m.claimId)).toEqual([]);
    for (const pageTitle of ['Live: AI rules in Freedonia', 'Live: what the new rules mean for Acme']) {
      expect(matchClaims(region, index, { pageTitle }).map((m) => m.claimId), pageTitle).toContain('freedonia-incident-duty');
    }
    expect(matchClaims(region, index, { pageTitle: 'Live: bank supervisors meet' }).map((m) => m.claimId)).toEqual([]);
  });

  it('needs nothing of the page where the law itself is named or carried', () => {
    const named = "Under Freedonia's Frontier Duty Act, developers must notify the ministry of serious incidents within 72 hours.";
    expect(found(['Lessons from banking', named].join(SEP))).toContainEqual(['freedonia-incident-duty', named]);
  });
});

describe("a table row labelled with someone the claim set does not know is that one's row", () => {
  const rowIndex = compileClaimIndex([MSA_INCIDENT_REPORTING], '1.0.0');
  const duty = 'Requires developers to tell the regulator about any serious incident within ten days';
  // A page about the Model Safety Act, with a table of other places' bills modelled on it.
  const page = (label: string) => `<!doctype html><html><head><title>Bills modelled on Ruritania's Model Safety Act</title></head><body>
    <h1>Bills modelled on Ruritania's Model Safety Act</h1>
    <p>Ruritania's Model Safety Act requires model developers to report serious incidents to the regulator within 10 days. Several legislatures copied it this year.</p>
    <table><tr><th>Bill</th><th>Main duty</th><th>Status</th></tr>
    <tr><td>${label}</td><td>${duty}</td><td>Introduced</td></tr></table></body></html>`;
  const onDuty = (label: string, tunables: Partial<Tunables> = {}) => {
    const { text } = textFromHtml(page(label), 'https://example.test/');
    const at = text.indexOf(duty);
    return matchClaims(text, rowIndex, { tunables }).filter((m) => m.start >= at && m.end <= at + duty.length).map((m) => m.claimId);
  };

  it('gives its duty cell to no claim when the label is a name ("Freedonia HB 12", "DeepSeek")', () => {
    expect(onDuty('Freedonia HB 12')).toEqual([]);
    expect(onDuty('DeepSeek')).toEqual([]);
  });

  it("gives it to the claim when the label is the claim's law, or a category of the page's subject", () => {
    expect(onDuty('Model Safety Act')).toEqual(['msa-incident-reporting']);
    expect(onDuty('Incident reporting')).toEqual(['msa-incident-reporting']);
  });
});

describe("an unknown organisation named in a row's first cell and again as the next cell's subject (names do not span cells)", () => {
  const page = (row: string) => `<html><head><title>AI commitments tracker</title></head><body><main>
<h1>AI commitments tracker</h1>
<p>Anthropic refuses to drop its limits on mass surveillance and autonomous weapons from its Pentagon contracts.</p>
<h2>Unverified entries</h2>
<table><thead><tr><th>Actor</th><th>Claimed commitment</th><th>Why it is listed here</th></tr></thead><tbody>
${row}
<tr><td>Anthropic (rumour)</td><td>A newsletter reported that Anthropic plans to sell sponsored answers inside Claude.</td><td>No evidence found</td></tr>
</tbody></table></main></body></html>`;
  const claimsOfCell = (row: string, cell: string) => {
    const text = textFromHtml(page(row), 'https://example.test/').text;
    return matchClaims(text, bundledClaimIndex())
      .filter((m) => text.slice(m.start, m.end).startsWith(cell))
      .map((m) => m.claimId);
  };
  const cell = 'Nimbus Labs says it will not allow its models to be used for mass surveillance or autonomous weapons in its defense contracts.';

  it("leaves the cell to the organisation it names, not the page's Anthropic", () => {
    expect(claimsOfCell(`<tr><td>Nimbus Labs</td><td>${cell}</td><td>Contracts not public</td></tr>`, cell)).toEqual([]);
  });

  it('as it does when the first cell names someone else', () => {
    expect(claimsOfCell(`<tr><td>Unverified</td><td>${cell}</td><td>Contracts not public</td></tr>`, cell)).toEqual([]);
  });
});

describe('a clause that ends on "to <verb> and" ("One of the policy goals on that roadmap is to develop and …")', () => {
  const roadmapIndex = compileClaimIndex(
    [
      claim({
        id: 'acme-safety-roadmap',
        actor: ACME,
        instrument: { name: 'Safety Roadmap', aliases: [] },
        statement: "Acme AI's Safety Roadmap sets public goals for security, safeguards, alignment and policy, which Acme describes as targets rather than commitments.",
        phrasings: ['Acme published a roadmap of safety goals it calls targets, not commitments.', 'The Acme roadmap lists goals on security, alignment and policy.', 'Acme set itself roadmap goals it may revise.'],
      }),
      claim({
        id: 'acme-regulation-proposals',
        actor: ACME,
        statement: 'Acme AI aims to develop and publish concrete proposals for regulation whose requirements rise with the risk of the models.',
        phrasings: ['Acme wants to publish proposals for rules that get stricter as risk rises.', 'Acme aims to propose a regulatory ladder with duties rising with risk.', 'Acme will draft proposals for risk-scaled regulation.'],
      }),
    ],
    'test',
  );
  const text = 'One of the policy goals on the Acme roadmap is to develop and publish concrete proposals for regulation whose requirements rise with the risk of the models.';
  const ids = (tunables: Partial<Tunables> = {}) => matchClaims(text, roadmapIndex, { tunables }).map((m) => [m.claimId, text.slice(m.start, m.end)]);

  it('is judged only with the clause after it, which gives its verb an object', () => {
    expect(ids({ sharedObjectJoins: 0 })).toContainEqual(['acme-safety-roadmap', 'One of the policy goals on the Acme roadmap is to develop']);
    expect(ids().map(([id]) => id)).toEqual(['acme-regulation-proposals']);
  });

  it('as is one that ends on a preposition\'s "-ing" verb and "and" ("the aim of developing and publishing …")', () => {
    const gerunds = 'Among the policy goals on the Acme roadmap is the aim of developing and publishing concrete proposals for regulation whose requirements rise with the risk of the models.';
    const found = (tunables: Partial<Tunables> = {}) => matchClaims(gerunds, roadmapIndex, { tunables }).map((m) => [m.claimId, gerunds.slice(m.start, m.end)]);
    expect(found({ sharedObjectJoins: 0 })).toContainEqual(['acme-safety-roadmap', 'Among the policy goals on the Acme roadmap is the aim of developing']);
    expect(found().map(([id]) => id)).toEqual(['acme-regulation-proposals']);
  });
});

describe("a claim's distinctive name with none of its key terms (\"Claude Mythos Preview is the newest and most potent AI framework from Anthropic\")", () => {
  const quillIndex = compileClaimIndex(
    [
      claim({
        id: 'acme-quill-withheld',
        actor: ACME,
        keyPhrases: ['Quill Nine'],
        keyTerms: [['withhold', 'withheld', 'hold back', 'holds back', 'not release', 'only', 'partners', 'limited']],
        statement: 'Acme AI withheld its Quill Nine model from general release because of its hacking skills, giving access only to security partners.',
        phrasings: ['Acme will not release Quill Nine generally; only security partners get it.', 'Acme holds back Quill Nine because it hacks too well.', 'Quill Nine stays withheld, with access limited to defenders.'],
      }),
    ],
    'test',
  );
  const ids = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, quillIndex, { tunables }).map((m) => m.claimId);

  it('names the claim\'s subject, not what the claim says of it', () => {
    for (const text of ['Quill Nine is the newest and most capable model from Acme AI, the San Francisco lab behind the Quill chatbot.', 'The model the viral post seems to mean is Acme AI\'s Quill Nine.']) {
      expect(ids(text, { namedNeedsKeyTerm: 0 }), text).toEqual(['acme-quill-withheld']);
      expect(ids(text), text).toEqual([]);
    }
  });

  it('stays the claim with one of its key terms beside it', () => {
    expect(ids('Acme AI holds back Quill Nine from the public.')).toEqual(['acme-quill-withheld']);
  });

});

describe("a spokesperson's words that name the claim and say little of it (`namedSpeakerMinEvidence`)", () => {
  // The bundled set with the agency's names as the CAISI claim's key phrases, as before set 2.1.32 took them out
  // (a key phrase is accepted whatever the model says, so this is where a quotation naming one would slip through).
  const withNames = compileClaimIndex(
    bundledClaimSet().claims.map((entry) => (entry.id === 'us-aisi-caisi-testing-agreements' ? { ...entry, keyPhrases: ['Center for AI Standards and Innovation', 'CAISI'] } : entry)),
    bundledClaimSet().version,
  );
  const ids = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, withNames, { tunables }).map((m) => m.claimId);

  it('are not the claim for the name alone', () => {
    // Our wording of a real article's quotation.
    const said = '"Expanded collaborations with industry help us grow our work for the public at a critical moment," said Dana Whitcombe, who directs the Center for AI Standards and Innovation (CAISI).';
    expect(ids(said, { namedSpeakerMinEvidence: 0 })).toEqual(['us-aisi-caisi-testing-agreements']);
    expect(ids(said)).toEqual([]);
  });

  it('are the claim when they state it', () => {
    expect(ids('CAISI said it has signed agreements with Google DeepMind, Microsoft and xAI to test their new models before and after release.')).toEqual(['us-aisi-caisi-testing-agreements']);
  });
});


describe('one actor\'s document named in a sentence its other document\'s claim also fits (`namedInstrumentFirst`)', () => {
  const ids = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, bundledClaimIndex(), { tunables }).map((m) => m.claimId);
  // Our wording of a real article's sentence: the compliance framework's name is most of what says it.
  const released = "Anthropic has put out its Frontier Compliance Framework to satisfy California's new AI transparency law (SB 53), which mandates that frontier AI developers disclose how they assess and manage catastrophic risks.";

  it('is the named document\'s claim, not the other document\'s', () => {
    expect(ids(released, { namedInstrumentFirst: 0 })).toEqual(['anthropic-rsp3-safety-testing-disclosure']);
    expect(ids(released)).toEqual(['anthropic-frontier-compliance-framework']);
  });

  it('stays the other claim when the document is named in passing and the other claim is surer', () => {
    // (dev-3's sentence, word for word: the Trust named in passing, the Risk Report claim the surer.)
    const text = "Anthropic requires independent external review only in specified cases: when a report covers highly capable models and contains significant redactions, or when the Long-Term Benefit Trust, a body that has a role in Anthropic's governance, requests it.";
    expect(ids(text)).toContain('anthropic-rsp3-risk-reports');
  });
});

describe('a web address written out states nothing, however its slug reads', () => {
  it.each([
    ['the address under a headline, repeating its words', 'Google erases promise not to use AI technology for weapons or surveillance', 'https://news.example.org/2025/02/04/google-erases-promise-not-to-use-ai-technology-for-weapons-or-surveillance/'],
    // Real v28: the sentence splitter cut the address at its "?", and the "slug=" part was highlighted as the pledge.
    ['its query string, cut off at the "?" as a sentence of its own', 'Google drops pledge not to use AI for weapons, surveillance', 'https://news.example.org/post?id=98078&slug=google-drops-pledge-not-to-use-ai-for-weapons-surveillance'],
  ])('highlights the headline and nothing of %s', (_, headline, address) => {
    const text = `${headline}\n${address}\n\nBy Staff Reporter\n\nGoogle removed the pledge from its AI principles on Tuesday.`;
    const found = matchClaims(text, bundledClaimIndex()).map((m) => text.slice(m.start, m.end));
    expect(found).toContain(headline);
    expect(found.filter((span) => address.includes(span) || span.includes('news.example.org') || span.includes('slug='))).toEqual([]);
  });
});

describe('a business the claim set does not know, named by its description ("Corvex Compute, a private data-centre developer")', () => {
  const powerIndex = compileClaimIndex(
    [
      claim({
        id: 'acme-power-price-pledge',
        actor: ACME,
        instrument: { name: 'Grid Promise', aliases: [] },
        statement: 'Acme AI pledges to cover the electricity price increases that its data centres cause for consumers, paying for grid upgrades itself.',
        phrasings: [
          'Acme AI will pay for the electricity price increases its data centres cause consumers.',
          'Acme promised to cover the grid-upgrade costs of its data centres so household power bills do not rise.',
          'Acme says it will cover the electricity price increases consumers face from its data centres.',
        ],
      }),
      claim({
        id: 'power-act-developer-duty',
        actor: RURITANIA,
        instrument: { name: 'Grid Fairness Act', aliases: [] },
        statement: "Ruritania's Grid Fairness Act requires large data-centre developers to cover the electricity price increases their sites cause for consumers.",
        phrasings: [
          'Under the Grid Fairness Act, large data-centre developers must pay for the price increases their sites cause.',
          'Ruritania makes large data-centre developers cover the electricity price increases their sites cause for households.',
        ],
      }),
    ],
    'test',
  );
  const ids = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, powerIndex, { tunables }).map((m) => `${m.claimId}: ${text.slice(m.start, m.end)}`);
  const lead = 'Acme AI said on Tuesday it will cover the electricity price increases consumers face from its data centres.';
  const copied = [
    'Corvex Compute, a private data-centre developer, said last month it will cover the electricity price increases consumers face from its Ohio campuses.',
    'Halloway Power, a London start-up, pledged last month to cover the electricity price increases consumers face from its data centres.',
    'Defense start-up Tessaract Systems will cover the electricity price increases consumers face from its data centres.',
    // (A short aside in brackets between the name and its description: a ticker and a rating in a research note.)
    'Helix Compute (HLXC, Not Rated), a smaller infrastructure provider, pledged in August to cover the electricity price increases consumers face from its data centres.',
  ];

  /** Without the rule (`off`) the business's sentence after `first` is the known actor's pledge; with it, only `first` is. */
  const expectOwnSubject = (first: string, sentence: string, off: Partial<Tunables>) => {
    const text = `${first}${SEP}${sentence}`;
    expect(ids(text, off), sentence).toContain(`acme-power-price-pledge: ${sentence}`);
    expect(ids(text), sentence).toEqual([`acme-power-price-pledge: ${first}`]);
  };

  it("is the subject of its own pledge, not the page's known actor", () => {
    for (const sentence of copied) expectOwnSubject(lead, sentence, { describedBusinesses: 0 });
  });

  it('is the subject of its own copy of the document, whatever the copy is called', () => {
    const copy = 'Halloway Power, a London start-up, adopted its own Grid Promise this summer, committing to cover the electricity price increases consumers face from its data centres.';
    expectOwnSubject(lead, copy, { unknownSubjectVeto: 0 });
  });

  it('is the subject past a short opening phrase ("Among smaller caps, …"; two in a row), with `introPhraseSubject`', () => {
    // (The page's frame is Acme's document, not Acme: the actor's own name in view vetoes an unknown subject anyway.)
    const documentLead = 'The Grid Promise commits its author to cover the electricity price increases consumers face from its data centres.';
    for (const sentence of [
      'Among smaller caps, Corvex (CRVX) has adopted near-identical wording, saying it will cover the electricity price increases consumers face from its data centres.',
      'In August, with its Ohio campus nearly built, Halloway Power Ltd pledged to cover the electricity price increases consumers face from its data centres.',
    ])
      expectOwnSubject(documentLead, sentence, { introPhraseSubject: 0 });
  });

  it('is the subject when the known actor is named only as what its wording is identical to', () => {
    const copy = 'Halloway Power, a London start-up, pledged last month to cover the electricity price increases consumers face from its data centres, in wording nearly identical to Acme AI\'s.';
    const text = `${lead}${SEP}${copy}`;
    expect(ids(text)).toEqual([`acme-power-price-pledge: ${lead}`]);
  });

  it('is named again by its first word ("Norvane Cloud is a … provider" … "Norvane says")', () => {
    const later = 'Norvane says it will cover the electricity price increases consumers face from its data centres.';
    const text = `${lead}${SEP}Norvane Cloud is a private cloud provider in Seattle.${SEP}${later}`;
    expect(ids(text, { describedBusinesses: 0 })).toContain(`acme-power-price-pledge: ${later}`);
    expect(ids(text)).toEqual([`acme-power-price-pledge: ${lead}`]);
  });

  it("leaves the known actor's own description, a phrase that opens a sentence, and a business named in passing alone", () => {
    const described = 'Acme AI, a San Francisco start-up, says it will cover the electricity price increases consumers face from its data centres.';
    expect(ids(described)).toEqual([`acme-power-price-pledge: ${described}`]);
    // "Under the amended Act, a large frontier developer, …": the name before the comma is the phrase's object, not a business.
    const law = 'Ruritania passed the Grid Fairness Act in March.';
    for (const opened of [
      'Under the amended Act, a large data-centre developer, defined by its capacity, must cover the electricity price increases its sites cause for consumers.',
      'Under Grid Fairness, a large data-centre developer, defined by its capacity, must cover the electricity price increases its sites cause for consumers.',
    ]) {
      expect(ids(`${law}${SEP}${opened}`), opened).toContain(`power-act-developer-duty: ${opened}`);
    }
    // A later "the company" still means the subject, not the business met in passing.
    const partner = 'Acme AI is building its data centres with the infrastructure firm Fluidstack.';
    const followed = 'The company says it will cover the electricity price increases consumers face from those data centres.';
    expect(ids(`${partner}${SEP}${followed}`)).toEqual([`acme-power-price-pledge: ${followed}`]);
  });
});

describe('a cross-reference ("See also ASL-4 evaluations, the Risk Report and ASL-3.") points to entries and states none of them', () => {
  const found = (html: string, tunables: Partial<Tunables> = {}) => {
    const { text } = textFromHtml(html, 'https://example.test/');
    return matchClaims(text, bundledClaimIndex(), { tunables }).map((m) => `${m.claimId}: ${text.slice(m.start, m.end)}`);
  };
  const glossary = (entry: string) =>
    `<h1>A glossary of AI safety terms</h1><p>Anthropic, OpenAI and Google DeepMind each publish a safety framework.</p><dl><dt>Responsible Scaling Policy</dt><dd>${entry}</dd><dt>Risk Report</dt><dd>A document on model risks.</dd></dl>`;

  it('is no highlight, however many of a claim\'s names it lists', () => {
    const entry = glossary('See also ASL-4 evaluations, the Risk Report and ASL-3.');
    expect(found(entry, { crossReferenceVeto: 0 })).toEqual(['anthropic-asl4-evals-before-asl3-training: See also ASL-4 evaluations, the Risk Report and ASL-3.']);
    expect(found(entry)).toEqual([]);
  });

  it('leaves a sentence that goes on to say something, and a comparison that states what it compares with', () => {
    const stated = 'See the policy itself: Anthropic will run ASL-4 evaluations before it trains models that need ASL-3 protections.';
    expect(found(glossary(stated)).map((m) => m.split(':')[0])).toContain('anthropic-asl4-evals-before-asl3-training');
    const compared = "Compare Biden's EO 14110 of October 2023, which used the Defense Production Act to make developers of the largest models report their red-team results to the government.";
    expect(found(`<p>${compared}</p>`)).toContain(`us-eo-14110-revoked: ${compared}`);
  });
});

describe('a company the claim set knows only as a member, or not at all, as the subject its sentence, a pronoun or a description carries in (`unknownSubjectCarries`)', () => {
  // Report 54's first problem: Mistral's pause pledge, "language almost identical to Microsoft's", shown as Microsoft's.
  const found = bundledMatches;
  const lead = 'PARIS — Mistral AI on Tuesday published its first frontier safety framework.';
  const pause = (opening: string) =>
    `${opening} also said that if it identifies a risk it cannot sufficiently mitigate, it will pause development and deployment until mitigation practices evolve to meet the risk, language almost identical to Microsoft's.`;
  const microsofts = 'Microsoft, for its part, says that if it identifies a risk it cannot sufficiently mitigate, it will pause development and deployment until mitigation practices evolve to meet the risk.';

  it('is that company\'s when "the French company", "the company" or "It" refers to it, not the company it is compared with', () => {
    for (const opening of ['The French company', 'The company', 'It']) {
      const sentence = pause(opening);
      const page = [lead, sentence, microsofts].join(SEP);
      expect(found(page, { unknownSubjectCarries: 0 }), opening).toContain(`microsoft-frontier-governance-pause: ${sentence}`);
      expect(found(page), opening).toEqual([`microsoft-frontier-governance-pause: ${microsofts}`]);
    }
  });

  it('is that company\'s in the later parts of a sentence it opens ("Cohere, …, published its framework on Monday, and said that …")', () => {
    const cohere =
      'Cohere, the Canadian model developer, published its framework on Monday, and said that if it identifies a risk it cannot sufficiently mitigate, it will pause development and deployment until mitigation practices evolve.';
    const page = [microsofts, cohere].join(SEP);
    expect(found(page, { unknownSubjectCarries: 0 })).toContain(`microsoft-frontier-governance-pause: ${cohere}`);
    expect(found(page)).toEqual([`microsoft-frontier-governance-pause: ${microsofts}`]);
  });

  it("leaves a member stating its coalition's claim, referred to or named", () => {
    const named = 'Mistral AI, one of the signatories of the Frontier AI Safety Commitments, pledged not to develop or deploy a model at all if it cannot keep risks below its thresholds.';
    const referred = 'The company also committed to publish a safety framework setting out how it will assess and manage severe risks.';
    const ids = found([named, referred].join(SEP)).map((m) => m.split(':')[0]);
    expect(ids).toContain('seoul-frontier-ai-safety-commitments-halt');
    expect(ids).toContain('seoul-publish-safety-frameworks');
  });
});

describe('a duty put on a kind of actor ("developers also have to …", "each of them must …") is no company\'s own pledge (`genericDutySubject`)', () => {
  // A new user's report 55: SB 53's transparency-report duty, cut at its commas, was drawn half as Anthropic's target.
  const found = bundledMatches;
  const law = 'Before deploying a new frontier model, developers also have to publish a transparency report describing the model, its intended uses and the results of their catastrophic-risk assessments.';
  const page = [
    "California's SB 53: what frontier developers now owe the public",
    'The law took effect on 1 January 2026. The heaviest duties fall on large frontier developers.',
    'Anthropic published its Frontier Compliance Framework for this purpose in December.',
    law,
  ].join(SEP);

  it('is the law\'s whole sentence, not a company\'s target for its last part', () => {
    expect(found(page, { genericDutySubject: 0 }).map((m) => m.split(':')[0])).toContain('anthropic-rsp3-safety-testing-disclosure');
    expect(found(page)).toContain(`ca-sb53-transparency-report-before-deployment: ${law}`);
    expect(found(page).map((m) => m.split(':')[0])).not.toContain('anthropic-rsp3-safety-testing-disclosure');
  });

  it("leaves a company's own sentence that names it, whatever its modal", () => {
    const own = "Anthropic's engineers must run automated red-teaming of its deployment safeguards that beats its bug bounty programs at finding jailbreaks.";
    const ids = (text: string, tunables = {}) => found(text, tunables).map((m) => m.split(':')[0]);
    expect(ids([page, own].join(SEP))).toEqual(ids([page, own].join(SEP), { genericDutySubject: 0 }).filter((id) => id !== 'anthropic-rsp3-safety-testing-disclosure'));
  });
});

describe("another country's bill, by its name or its demonym, is not the law of a state the page is about (`otherJurisdictions`)", () => {
  const found = bundledMatches;
  it('is no claim of SB 53', () => {
    for (const bill of [
      "Britain's long-promised AI bill, which has still not been introduced, would reportedly require frontier developers to report critical safety incidents to a regulator within 15 days.",
      'The British bill, which has still not been introduced, would reportedly require frontier developers to report critical safety incidents to a regulator within 15 days.',
      'A draft U.K. bill would require frontier developers to report critical safety incidents to a regulator within 15 days.',
    ]) {
      const page = ["California's SB 53 took effect on 1 January 2026.", bill].join(SEP);
      expect(found(page, { otherJurisdictions: 0 }), bill).toContain(`ca-sb53-critical-incident-reporting: ${bill}`);
      expect(found(page), bill).not.toContain(`ca-sb53-critical-incident-reporting: ${bill}`);
    }
  });
});

describe("a company's rule named by its owner, beside a rival's similar rule the page never names (`namedActorFirst`)", () => {
  const found = bundledMatches;
  const rule = "If a frontier model was judged to hit Meta's critical risk threshold and the risk could not be mitigated, the 2025 document said development would stop.";
  const page = [
    'Meta Shuts the Door, Partly',
    'For years Meta was the lab others named when they said someone else was releasing weights anyway. The hosts read the new Meta scaling framework line by line.',
    'What happens at the critical threshold now (18:10)',
    `The old rule was blunt. ${rule} Under the new framework, a model over that line can still be developed, but only with mitigations.`,
  ].join('\n\n');

  it("is the named owner's rule, not another company's that no word of the page names", () => {
    expect(found(page, { namedActorFirst: 0 })).toContain(`openai-preparedness-critical-safeguards-during-development: ${rule}`);
    expect(found(page)).toContain(`meta-frontier-ai-framework-stop-development: ${rule}`);
    expect(found(page).map((m) => m.split(':')[0])).not.toContain('openai-preparedness-critical-safeguards-during-development');
  });
});

describe("a law's claim reached only through its jurisdiction is no second claim beside another law in view (`secondaryNeedsOwnLaw`)", () => {
  // Our words, in the manner of a machine translation of a Korean daily: "the Act" is Korea's; the EU was named two paragraphs up.
  const paragraphs = [
    "Korea's AI law, seven months on: the EU delays, and we?",
    "The Framework Act on the Development of Artificial Intelligence and the Establishment of Foundation for Trust (AI Basic Act) which was enforced from 22nd January has passed about seven months. Meanwhile the European Union decided to delay some of its AI regulation, so the voice saying our country also must adjust the speed becomes bigger.",
    "Our country is the second in the world after the EU to make a comprehensive AI law. The government said the Act is the law of promotion first, and the regulation is minimum.",
    "What obligation is there?",
    "According to the Act, the AI business operator must inform the user beforehand that the service is operated by the high-impact AI or the generative AI. Also the output made by the generative AI must be marked as such.",
    "For the AI system whose training used the cumulative computation amount above the standard, which the enforcement decree set as 10 to the power of 26 floating-point operations, the business operator has the duty to identify, assess and mitigate the risk over the life cycle.",
  ];
  const text = paragraphs.join('\n\n');
  const duty = paragraphs[paragraphs.length - 1]!;
  // (A lower share lets the EU's claim, just under the bar on the whole sentence, compete for its clauses.)
  const spans = (tunables: Partial<Tunables>) => matchClaims(text, bundledClaimIndex(), { tunables: { secondaryShare: 0.5, ...tunables } }).filter((m) => m.start >= text.indexOf(duty)).map((m) => m.claimId);

  it('leaves the sentence to the law in view', () => {
    expect(spans({ secondaryNeedsOwnLaw: 0 })).toContain('eu-ai-act-gpai-systemic-risk-obligations');
    expect(spans({})).toEqual(['korea-ai-basic-act']);
  });
});

describe('a law of another field named by its topic (`otherFieldLaws`, `otherFieldLawVeto`)', () => {
  const found = bundledMatches;
  const page = (duty: string) =>
    ['Chatbots at insurers: which rules apply', 'Insurers are putting generative AI assistants in front of customers, and regulators want to know who answers when one fails.', duty].join('\n\n');

  it("is that law's duty, not the jurisdiction's AI law's, when the AI law is not in view", () => {
    const duty = "New York-licensed carriers must also report a cybersecurity incident to the Department of Financial Services within 72 hours of determining that it occurred, under the state's cybersecurity regulation.";
    expect(found(page(duty), { otherFieldLawVeto: 0 })).toEqual([`ny-raise-act-frontier-obligations: ${duty}`]);
    expect(found(page(duty))).toEqual([]);
    expect(found(page(duty), { otherFieldLaws: 0 })).toEqual([`ny-raise-act-frontier-obligations: ${duty}`]);
  });

  it('leaves the AI law named beside it, and a field the claim itself speaks of', () => {
    const compared = "Like the state's cybersecurity regulation, the RAISE Act sets a 72-hour clock: large frontier developers must report safety incidents to the state within 72 hours of learning of them.";
    expect(found(['New York\'s new AI rules', 'Albany has regulated banks\' cyber defences for years.', compared].join('\n\n'))).toEqual([`ny-raise-act-frontier-obligations: ${compared}`]);
    const own = 'Since 2 August 2025, providers of general-purpose AI models must keep technical documentation, give information to downstream providers and adopt a policy to comply with EU copyright law.';
    expect(found(['The AI Act at one year', own].join('\n\n'))).toEqual([`eu-ai-act-gpai-obligations: ${own}`]);
  });

  it('is that law\'s when the AI law is only carried from the sentences before (`otherFieldLawOverInherited`)', () => {
    const act = "Colorado's 2024 AI Act required developers and deployers of high-risk AI systems to use reasonable care against algorithmic discrimination.";
    const insurance =
      "The complaint does not touch Colorado's older insurance statute, SB 21-169, which requires insurers to show that their use of external consumer data, algorithms and predictive models does not unfairly discriminate.";
    const text = ['The Colorado AI Act in court', act, 'xAI argues the Colorado AI Act compels speech.', insurance].join('\n\n');
    expect(found(text, { otherFieldLawOverInherited: 0 })).toContain(`colorado-ai-act-replaced: ${insurance}`);
    expect(found(text)).toEqual([`colorado-ai-act-replaced: ${act}`]);
  });
});

describe('a counted group of outsiders as the subject (`countedOutsiders`)', () => {
  const found = bundledMatches;
  const own = 'Anthropic says Claude may not be used for mass domestic surveillance of Americans or for fully autonomous weapons.';
  const urged = 'Eleven House Democrats have written to the department urging it to adopt a binding rule that no AI system it buys may be used for mass surveillance of Americans or for fully autonomous weapons.';
  const page = ['Pentagon vs Anthropic: live', own, urged].join('\n\n');

  it("is what they want, not the company's limit the sentence repeats", () => {
    expect(found(page, { countedOutsiders: 0 })).toContain(`anthropic-claude-military-use-limits: ${urged}`);
    expect(found(page)).toEqual([`anthropic-claude-military-use-limits: ${own}`]);
  });
});

describe('another bill by its number as the subject (`billNumbers`)', () => {
  const found = bundledMatches;
  const own = "Colorado's 2024 AI Act required developers and deployers of high-risk AI systems to use reasonable care against algorithmic discrimination.";
  const other = "Connecticut's SB 2, which would also have made developers and deployers of high-risk AI systems use reasonable care against algorithmic discrimination, died in the House.";

  it("is that bill's, not the law of the state in view", () => {
    const page = ['Colorado and its neighbours', own, other].join('\n\n');
    // (Connecticut, a state the claim set does not know, is another jurisdiction too: `otherJurisdictions` off here.)
    expect(found(page, { billNumbers: 0, otherJurisdictions: 0 })).toContain(`colorado-ai-act-replaced: ${other}`);
    expect(found(page, { otherJurisdictions: 0 })).toEqual([`colorado-ai-act-replaced: ${own}`]);
    expect(found(page, { billNumbers: 0 })).toEqual([`colorado-ai-act-replaced: ${own}`]);
  });

  it('leaves a bill number the claims themselves use, and the law named beside one', () => {
    const replaced = 'SB 26-189, signed in May 2026, repeals the 2024 AI Act and re-enacts it as a narrower notice and explanation law.';
    expect(found(['Colorado and its neighbours', own, replaced].join('\n\n'))).toContain(`colorado-ai-act-replaced: ${replaced}`);
  });
});

describe('what a lawmaker sought (`soughtNotLaw`)', () => {
  const found = bundledMatches;
  const law = 'Since February 2025 the AI Act has banned social scoring and the untargeted scraping of facial images to build recognition databases.';
  const sought = 'In the negotiations the European Parliament lobbied for an outright ban on real-time remote biometric identification in public spaces, with no exceptions for the police.';

  it('is not what the law says', () => {
    const page = ["The AI Act's banned practices", law, sought].join('\n\n');
    expect(found(page, { soughtNotLaw: 0 })).toContain(`eu-ai-act-prohibited-practices: ${sought}`);
    expect(found(page)).toEqual([`eu-ai-act-prohibited-practices: ${law}`]);
  });

  it('leaves "for" that closes a relative clause ("a feature advocates pushed for during the fight")', () => {
    const feature = 'Members of the public can also report critical safety incidents to the state, a feature consumer advocates pushed for during the legislative fight over SB 53.';
    expect(found(['California SB 53', feature].join('\n\n'))).toEqual([`ca-sb53-critical-incident-reporting: ${feature}`]);
  });
});

describe('a law\'s duty in a unit naming another jurisdiction and not the law\'s own ("a coalition of Democrats in Minnesota has drafted a bill that would require …": `otherJurisdictions`)', () => {
  const lawIndex = compileClaimIndex(
    [
      claim({
        id: 'msa-reasonable-care',
        actor: RURITANIA,
        instrument: { name: 'Model Safety Act', aliases: ['MSA'] },
        statement: "Ruritania's Model Safety Act requires developers and deployers of high-risk AI systems to use reasonable care against algorithmic discrimination.",
        phrasings: ['Under the Model Safety Act, developers of high-risk AI must take reasonable care to avoid algorithmic discrimination.'],
      }),
    ],
    '1.0.0',
  );
  const page = (sentence: string) =>
    ['Ruritania keeps its AI law', "Ruritania's Model Safety Act took effect in June after two delays.", sentence].join(SEP);
  const ids = (text: string, otherJurisdictions: number) => matchClaims(text, lawIndex, { tunables: { otherJurisdictions } }).map((m) => text.slice(m.start, m.end));
  const elsewhere = 'Even so, a coalition of Democrats in Minnesota has drafted a bill that would require developers and deployers of high-risk AI systems to use reasonable care against algorithmic discrimination.';

  it('is no claim of the law the page is about', () => {
    expect(ids(page(elsewhere), 0)).toContain(elsewhere);
    expect(ids(page(elsewhere), 1)).not.toContain(elsewhere);
  });

  it('unless the unit names that law too', () => {
    const both = "The Model Safety Act, unlike a bill drafted in Minnesota, requires developers and deployers of high-risk AI systems to use reasonable care against algorithmic discrimination.";
    expect(ids(page(both), 1)).toContain(both);
  });
});

describe('a correction notice ("An earlier version of this article said …": `correctionVeto`)', () => {
  const notice = "An earlier version of this article said that Anthropic's current policy requires dangerous-capability evaluations every three months.";
  const page = ["Anthropic's scaling policy, three versions on", 'Anthropic has revised its Responsible Scaling Policy three times since 2023.', notice].join('\n\n');

  it('says what the page wrongly said, not what Anthropic committed to', () => {
    expect(bundledMatches(page, { correctionVeto: 0 })).toContain(`anthropic-rsp-evaluation-cadence: ${notice}`);
    expect(bundledMatches(page).filter((match) => match.endsWith(notice))).toEqual([]);
  });
});

describe('a rumour as the subject ("Street chatter that Acme AI will …", "… is rumoured to …": `rumourVeto`)', () => {
  const index = compileClaimIndex([claim({ id: 'acme-ad-free', actor: ACME, statement: 'Acme AI says its chatbot will stay free of advertising.', phrasings: ['Acme promises no ads in its chatbot.'] })], '1.0.0');
  const found = (sentence: string, rumourVeto: number) => matchClaims(['Acme AI and its chatbot', sentence].join('\u2029'), index, { tunables: { rumourVeto } }).map((m) => m.claimId);

  it('states nothing Acme committed to', () => {
    for (const rumour of ['Street chatter that Acme AI will keep its chatbot free of advertising remains just that.', 'Acme AI is rumoured to keep its chatbot free of advertising.']) {
      expect(found(rumour, 0)).toEqual(['acme-ad-free']);
      expect(found(rumour, 1)).toEqual([]);
    }
  });

  it('keeps a main clause after a rumour named by a preposition', () => {
    expect(found('Amid speculation that it would sell ads, Acme AI promised its chatbot will stay free of advertising.', 1)).toEqual(['acme-ad-free']);
  });
});

describe('a name with a stock ticker in brackets is a company ("Quillon AI (QLN) says …": `tickeredNames`), an initialism in brackets is not', () => {
  const pledge = 'Quillon AI (QLN) says it will pause development and deployment if it finds a risk it cannot sufficiently mitigate, wording lifted almost verbatim from Redmond.';
  const page = ['MSFT: the governance leader', 'Microsoft (MSFT) published its Frontier Governance Framework in February 2025 and remains our top pick.', pledge].join('\n\n');

  it("reads the small cap's copy of the pledge as its own, not Microsoft's", () => {
    expect(bundledMatches(page, { tickeredNames: 0 })).toContain(`microsoft-frontier-governance-pause: ${pledge}`);
    expect(bundledMatches(page)).toEqual([]);
  });

  it('keeps an initialism defined in brackets, in whatever order it spells the name, no company (dev-9: "the National Cybersecurity Agency (ACN)")', () => {
    const page = textFromHtml(readFileSync('tests/fixtures/independent/dev-9/c-machinetranslation-italy-ai-law.html', 'utf8'), 'https://example.test/').text;
    const authorities = 'As authorities for the artificial intelligence the law designates the AgID and the National Agency for the Cybersecurity (ACN).';
    const claimsOf = matchClaims(page, bundledClaimIndex()).filter((m) => page.slice(m.start, m.end) === authorities).map((m) => m.claimId);
    expect(claimsOf).toEqual(['italy-national-ai-law']);
  });
});

describe('a cited section of a code of statutes as the subject is that general law\'s, even with the claim\'s state named ("California Labor Code section 1102.5 already bars …": `codeSections`, `lawSubjectOverActor`)', () => {
  const general = 'California Labor Code section 1102.5 already bars any employer from retaliating against an employee who discloses a violation of law to a government agency.';
  const own = 'Under SB 53, large frontier developers may not stop employees from reporting catastrophic risks to the Attorney General.';
  const page = ['SB 53 and whistleblowers', own, general].join('\n\n');

  it("gives SB 53 its own duty and not the general statute's", () => {
    expect(bundledMatches(page, { codeSections: 0 })).toContain(`ca-sb53-whistleblower-protections: ${general}`);
    expect(bundledMatches(page, { lawSubjectOverActor: 0 })).toContain(`ca-sb53-whistleblower-protections: ${general}`);
    expect(bundledMatches(page)).toEqual([`ca-sb53-whistleblower-protections: ${own}`]);
  });
});

describe('a reminder to the reader ("Readers will recall that SB 1047 …") is passed over to find the sentence\'s subject', () => {
  const page = (sentence: string) => ['New York and California compared', "New York's RAISE Act now mirrors much of California's SB 53.", sentence].join('\n\n');

  it("reads another bill as the subject, not the RAISE Act in view", () => {
    const vetoed = 'Readers will recall that SB 1047, vetoed in September 2024, would have required developers of covered models to keep a written safety and security protocol and report safety incidents to the Attorney General within seventy-two hours.';
    expect(bundledMatches(page(vetoed))).toEqual([]);
    const colorado = "Colorado's AI Act was repealed and replaced in May 2026.";
    const reminded = 'A reminder that HB 2094, which would have placed the same duty of reasonable care against algorithmic discrimination on developers and deployers of high-risk AI systems, was vetoed in March 2025.';
    expect(bundledMatches(['Colorado watch', colorado, reminded].join('\n\n'))).toEqual([`colorado-ai-act-replaced: ${colorado}`]);
  });

  it("keeps the claim when the reminder's subject is the claim's own law", () => {
    const own = 'Readers will recall that SB 53 requires large frontier developers to publish a frontier AI framework on their websites.';
    expect(bundledMatches(page(own))).toEqual([`ca-sb53-publish-frontier-framework: ${own}`]);
  });
});

describe('a row whose first cell names an organisation the set does not know, and a later cell a document the set knows by title (`foreignRowOverDocuments`)', () => {
  const pledge = 'No deployment above risk thresholds without appropriate safeguards';
  const page = `<html><head><title>Start-ups borrow big labs' safety pledges</title></head><body><main>
<h1>Start-ups borrow big labs' safety pledges</h1>
<p>Venture-backed AI start-ups have found that a safety framework is table stakes in a funding round, and the fastest way to write one is to borrow.</p>
<table><caption>Borrowed pledges, by start-up</caption><thead><tr><th>Start-up</th><th>Document</th><th>Pledge</th></tr></thead><tbody>
<tr><td>Norvane Cloud</td><td>Frontier Model Safety Framework</td><td>${pledge}</td></tr>
</tbody></table></main></body></html>`;
  const text = textFromHtml(page, 'https://example.test/').text;
  const onPledge = (foreignRowOverDocuments: number) =>
    matchClaims(text, bundledClaimIndex(), { tunables: { foreignRowOverDocuments } })
      .filter((m) => text.slice(m.start, m.end) === pledge)
      .map((m) => m.claimId);

  it("is the start-up's copy, not Amazon's framework", () => {
    expect(onPledge(0)).toEqual(['amazon-frontier-model-safety-framework']);
    expect(onPledge(1)).toEqual([]);
  });
});

describe('a headline labelling its topic among a kicker and a byline, short lines read as a run (`shortRunTopicLabels`)', () => {
  const headline = 'EU AI Act: Obligations for General-Purpose AI Providers';
  const duty = 'Since 2 August 2025, providers of general-purpose AI models must keep technical documentation, give information to downstream providers and adopt a copyright policy.';
  const text = ['Regulation', 'Explainers', headline, 'By Jane Doe · 3 March 2026', duty].join('\n\n');

  it('is a topic label, as a heading of those words is; the duty under it is found', () => {
    expect(bundledMatches(text, { shortRunTopicLabels: 0 })).toContain(`eu-ai-act-gpai-obligations: ${headline}`);
    expect(bundledMatches(text)).toEqual([`eu-ai-act-gpai-obligations: ${duty}`]);
  });
});

describe('a row\'s first cell naming its duty in a plural ("Critical safety incidents": `rowLabelPlurals`)', () => {
  const index = compileClaimIndex(
    [
      claim({
        id: 'msa-incidents',
        actor: RURITANIA,
        instrument: { name: 'Model Safety Act', aliases: ['MSA'] },
        statement: 'The Model Safety Act requires developers to report critical safety incidents to the ministry within 15 days.',
        phrasings: ['Under the Model Safety Act, developers must report critical safety incidents within 15 days.'],
      }),
    ],
    '1.0.0',
  );
  const html = `<html><head><title>The Model Safety Act, duty by duty</title></head><body><main><h1>The Model Safety Act, duty by duty</h1>
<p>Ruritania's Model Safety Act took effect in June.</p>
<table><thead><tr><th>Duty</th><th>Model Safety Act</th></tr></thead><tbody>
<tr><td>Critical safety incidents</td><td>Report to the ministry within 15 days</td></tr>
<tr><td>Start date</td><td>In force since 1 June 2026</td></tr>
</tbody></table></main></body></html>`;
  const text = textFromHtml(html, 'https://example.test/').text;
  const cells = (rowLabelPlurals: number) => matchClaims(text, index, { tunables: { rowLabelPlurals } }).map((m) => text.slice(m.start, m.end));

  it('is a label (its -s a plural, not a headline\'s verb); the duty in the next cell is found', () => {
    expect(cells(0)).toContain('Critical safety incidents');
    expect(cells(1)).toEqual(['Report to the ministry within 15 days']);
  });
});

describe('a sentence that only names the claim\'s document states no part of it (no facet of a document\'s name alone)', () => {
  // Our words, in the form of a real tracker page (real v27): the pledge stated, then a sentence naming its policy in passing.
  const stated = "Anthropic's new policy drew criticism for removing a prior commitment to pause model training if adequate safety measures could not be confirmed.";
  const passing = "About 8% of Anthropic's staff work on security, and a named Responsible Scaling Officer holds accountability for the policy.";

  it('highlights the sentence that states the pledge, not the one after it that names its policy', () => {
    expect(bundledMatches(`${stated} ${passing}`)).toEqual([`anthropic-rsp-pause-pledge: ${stated}`]);
  });
});

describe('"and" between two nouns of one phrase ("a chapter on safety and security from the code") cuts no clause (`phraseAndJoins`)', () => {
  it('keeps the whole sentence, where the cut between two actors left a highlight ending on "safety and"', () => {
    const sentence = "Elon Musk's xAI said on Thursday it will sign a chapter on safety and security from the European Union's code of practice, which aims to help companies comply with the bloc's landmark artificial intelligence rules.";
    expect(bundledMatches(sentence, { phraseAndJoins: 0 })).toEqual([`xai-gpai-code-safety-chapter: Elon Musk's xAI said on Thursday it will sign a chapter on safety and`]);
    expect(bundledMatches(sentence)).toEqual([`xai-gpai-code-safety-chapter: ${sentence}`]);
  });

  it('keeps a verb and its preposition with the clause before ("… its framework and comply with it"), and still cuts before the next duty', () => {
    const duties = 'Under SB 53 a large frontier developer must write its frontier AI framework and comply with it, and must publish a transparency report before deploying a new model.';
    expect(bundledMatches(duties, { phraseAndJoins: 0 })).toContain('ca-sb53-transparency-report-before-deployment: comply with it, and must publish a transparency report before deploying a new model.');
    expect(bundledMatches(duties)).toEqual([
      'ca-sb53-publish-frontier-framework: Under SB 53 a large frontier developer must write its frontier AI framework and comply with it',
      'ca-sb53-transparency-report-before-deployment: and must publish a transparency report before deploying a new model.',
    ]);
  });
});

describe('a list under a lead-in that recommends ("We recommend that legislators:") proposes; it states no law (`recommendedItemVeto`)', () => {
  // A new user's report 54: a think tank's recommendations were shown as SB 53 in force.
  const page = textFromHtml(
    "<html><body><h1>Frontier frameworks compared</h1><p>California's SB 53 took effect on 1 January 2026; it binds frontier AI developers.</p><h2>6. Recommendations</h2><p>We recommend that legislators:</p><ul>" +
      '<li>require developers to report critical safety incidents to a named state office within 15 days;</li>' +
      '<li>protect employees who report catastrophic risks to regulators from retaliation;</li></ul>' +
      '<p>Here are the rules that anyone publishing frontier models should know about:</p><ul>' +
      "<li>Under California's SB 53, frontier developers must report critical safety incidents to the Office of Emergency Services within 15 days.</li></ul></body></html>",
    'https://example.test/',
  ).text;
  const found = (tunables: Partial<Tunables>) => matchClaims(page, bundledClaimIndex(), { tunables }).map((m) => `${m.claimId}: ${page.slice(m.start, m.end)}`);

  it('leaves the recommended duties unmatched, and a list of the rules themselves matched', () => {
    const on = found({});
    expect(on.some((m) => m.includes('named state office'))).toBe(false);
    expect(on.some((m) => m.includes('from retaliation'))).toBe(false);
    expect(on).toContain("ca-sb53-critical-incident-reporting: Under California's SB 53, frontier developers must report critical safety incidents to the Office of Emergency Services within 15 days.");
    expect(found({ recommendedItemVeto: 0 }).some((m) => m.includes('named state office'))).toBe(true);
  });
});

describe('a claim denied, or said to hold no longer while it holds, is not stated (`deniedClaimVeto`; a new user\'s report 56)', () => {
  const intro = 'A viral post claims the big labs broke their word. We checked.';
  const on = (sentence: string, deniedClaimVeto = 1) => bundledMatches([intro, sentence].join(SEP), { deniedClaimVeto }).map((m) => m.split(':')[0]);

  it('takes back a claim the sentence denies or says its actor no longer makes, while the claim still holds', () => {
    for (const [sentence, claimId] of [
      ['It is no longer true that Anthropic will publish a Risk Report every three to six months.', 'anthropic-rsp3-risk-reports'],
      ['OpenAI no longer says it will review its Preparedness Framework every year.', 'openai-preparedness-annual-review'],
      ['It is false that Anthropic will publish a Risk Report every three to six months.', 'anthropic-rsp3-risk-reports'],
    ] as const) {
      expect(on(sentence, 0), sentence).toContain(claimId);
      expect(on(sentence), sentence).not.toContain(claimId);
    }
  });

  it("keeps a withdrawn pledge's fate, and a claim that no commitment exists", () => {
    const fate = 'Anthropic no longer pledges to pause training or deployment when its safeguards fall behind its models.';
    expect(on(fate)).toContain('anthropic-rsp-pause-pledge');
    const none = 'Google DeepMind has never promised to halt development of a model that reaches a critical capability level.';
    expect(bundledMatches(['Google DeepMind Frontier Safety Framework', none].join(SEP))).toContain(`gdm-fsf-v3-1-no-development-gate: ${none}`);
  });
});

describe('a government body opening a sentence states no company\'s claim the sentence does not name (`governmentSubjectVeto`; real v38)', () => {
  const page = [
    'Anthropic refuses Pentagon demands',
    'Anthropic has said Claude may not be used for mass domestic surveillance of Americans or to power fully autonomous weapons.',
    '"The Department of War has no interest in using AI to conduct mass surveillance of Americans, nor do we want to use AI to develop autonomous weapons that operate without human involvement," a spokesman said in a post.',
    'OpenAI, for its part, reached a deal for classified deployments on 27 February.',
    'The Pentagon agreement bars use of its models for mass domestic surveillance and to direct autonomous weapons where human control is required.',
  ].join(SEP);
  /** The claims highlighted within the page's line `line` (0-based). */
  const onLine = (line: number, governmentSubjectVeto: number) =>
    matchClaims(page, bundledClaimIndex(), { tunables: { governmentSubjectVeto } })
      .filter((m) => page.split(SEP)[line]!.includes(page.slice(m.start, m.end)))
      .map((m) => m.claimId);

  it("leaves the department's own words to the department", () => {
    expect(onLine(2, 0)).toEqual(['anthropic-claude-military-use-limits']);
    expect(onLine(2, 1)).toEqual([]);
    // The company's own sentence stays.
    expect(onLine(1, 1)).toEqual(['anthropic-claude-military-use-limits']);
  });

  it('reads "The Pentagon agreement" as a deal with the body, not the body speaking', () => {
    expect(onLine(4, 1)).toContain('openai-dow-agreement-red-lines');
  });
});

describe('an account the same sentence calls wrong, or a quiz\'s "True or false:", states no claim (`misreadingVeto`, `checkedClaimVeto`; attack62)', () => {
  const account = 'A trade lawyer told us that under Executive Order 14365 the Attorney General must set up an AI Litigation Task Force to sue states over their AI laws, which misreads the text.';
  const quiz = 'True or false: Executive Order 14365 orders the Attorney General to set up an AI Litigation Task Force to challenge state AI laws.';
  const plain = 'Executive Order 14365 orders the Attorney General to set up an AI Litigation Task Force to challenge state AI laws.';

  it('leaves the misreading and the quiz unhighlighted, and keeps the plain statement', () => {
    expect(bundledMatches(account, { misreadingVeto: 0 }).map((m) => m.split(':')[0])).toEqual(['us-eo-14365-state-ai-law-preemption']);
    expect(bundledMatches(account)).toEqual([]);
    expect(bundledMatches(quiz, { checkedClaimVeto: 0 }).map((m) => m.split(':')[0])).toEqual(['us-eo-14365-state-ai-law-preemption']);
    expect(bundledMatches(quiz)).toEqual([]);
    expect(bundledMatches(plain).map((m) => m.split(':')[0])).toEqual(['us-eo-14365-state-ai-law-preemption']);
  });
});
