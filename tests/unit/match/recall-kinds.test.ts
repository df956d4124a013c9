/**
 * Kinds of missed claim found on the independent corpus's development splits (dev to dev-5), each in
 * a short text of our own on an invented claim set (so these tests do not move when the research
 * does). Each kind has a sentence that was missed before its fix and is found now, and a near miss
 * that must stay unhighlighted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../lib/claims/schema';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims, matchClaimsDetailed } from '../../../lib/match/match-claims';
import { defaultCanonicalizer } from '../../../lib/match/canonicalize';
import { buildNameTable, findKnownNames } from '../../../lib/match/discourse';
import { joinUnitsAcrossNames, segmentDocument } from '../../../lib/match/segment-units';
import { tokenize } from '../../../lib/match/tokenize';
import type { Features } from '../../../lib/match/model';
import { DEFAULT_TUNABLES, type Tunables } from '../../../lib/match/tunables';
import { CELL_SEPARATOR } from '../../../lib/text/extract-text';
import { textFromHtml } from '../../../scripts/cli/load-input';
import { ACME, bundledClaimIndex, bundledClaimSet, bundledMatches, makeClaim, PACT, RURITANIA, ungatedClaim as claim } from '../../support/claim-sets';

const SEP = '\u2029';

/**
 * The features of each claim judged on the unit of `text` that holds `unitText` (its first occurrence), by claim
 * id, with `tunables` over the defaults: what a test reads to see a frame, not only a highlight.
 */
function candidateFeatures(text: string, unitText: string, tunables: Partial<Tunables> = {}): Record<string, Features> {
  const at = text.indexOf(unitText);
  const out: Record<string, Features> = {};
  matchClaimsDetailed(text, bundledClaimIndex(), {
    tunables,
    onCandidate: (c) => {
      if (c.start <= at && c.end > at) out[c.claimId] = c.features;
    },
  });
  return out;
}

/** The ids of the claims of `index` matched in a text, with one tunable set to a value: `(text, value) => ids`. */
function claimIdsWith(index: ReturnType<typeof compileClaimIndex>, tunable: keyof Tunables): (text: string, value: number) => string[] {
  return (text, value) => matchClaims(text, index, { tunables: { [tunable]: value } }).map((match) => match.claimId);
}

const TESTING_OFFICE: Claim['actor'] = { id: 'testing-office', name: 'Model Testing Office', type: 'agency', aliases: ['Testing Office', 'MTO'] };
const GLOBEX: Claim['actor'] = { id: 'globex', name: 'Globex', type: 'company', aliases: [] };

/** Two governments' laws with near-identical publishing duties: what comparison tables and "the law" must tell apart. */
const FREEDONIA: Claim['actor'] = { id: 'freedonia', name: 'Freedonia', type: 'government', aliases: [] };
const PUBLISH_PLAN_LAWS: Claim[] = [
  claim({
    id: 'msa-publish-plan',
    actor: RURITANIA,
    instrument: { name: 'Model Safety Act', aliases: ['MSA'] },
    statement: "Ruritania's Model Safety Act requires large model developers to write and publish a safety plan and review it every year.",
    phrasings: ['Under the Model Safety Act, large developers must publish a safety plan and review it yearly.', 'Ruritania makes large model developers publish their safety plans.'],
  }),
  claim({
    id: 'fda-publish-plan',
    actor: FREEDONIA,
    instrument: { name: 'Frontier Duty Act', aliases: [] },
    statement: "Freedonia's Frontier Duty Act requires large model developers to publish a safety plan before deploying a model.",
    phrasings: ['Under the Frontier Duty Act, large developers must publish a safety plan before deployment.', 'Freedonia makes large model developers publish safety plans.'],
  }),
];
/** Another company's pledge, beside Acme's in several tests' claim sets. */
const GLOBEX_OPEN_WEIGHTS: Claim = claim({
  id: 'globex-open-weights',
  actor: GLOBEX,
  statement: 'Globex says it will keep releasing the weights of its models openly.',
  phrasings: ['Globex promises to keep its model weights open.'],
});

const CLAIMS: Claim[] = [
  claim({
    id: 'office-testing-agreements',
    actor: TESTING_OFFICE,
    statement: 'Under agreements the Model Testing Office signed with Acme AI and extended to Globex and Initech, the government tests major new models before and after release.',
    phrasings: [
      'The Testing Office can test new Acme AI models before and after release under its agreements.',
      'The office extended its pre-release testing agreements to Globex and Initech.',
    ],
  }),
  GLOBEX_OPEN_WEIGHTS,
  claim({
    id: 'acme-power-bills',
    actor: ACME,
    statement: 'Acme AI pledges to cover the electricity price increases that consumers face from its data centres, paying all grid-upgrade costs needed to connect them.',
    phrasings: [
      'Acme says it will pay for any rise in power prices its data centres cause for consumers.',
      'Acme AI promised to cover the grid-upgrade costs of connecting its data centres.',
      'The company vowed that consumers would not face higher electricity prices because of its data centres.',
    ],
  }),
  claim({
    id: 'acme-ad-free',
    actor: ACME,
    statement: 'Acme AI says its assistant will remain ad-free: no sponsored links and no answers influenced by advertisers.',
    phrasings: [
      'Acme promises its chatbot will stay free of ads.',
      'Acme AI says there will be no ads or sponsored links in its assistant.',
      'The company pledged that advertisers will never shape its assistant\'s answers.',
    ],
  }),
  // A pact whose name opens with its host's name ("Ruritania watermark pledge"): writers take it apart.
  claim({
    id: 'summit-watermarking',
    actor: { id: 'summit-signatories', name: 'Capital Summit signatories', type: 'coalition', aliases: [], members: ['Globex', 'Initech'] },
    instrument: { name: 'Capital Summit Pledge', aliases: ['Ruritania watermark pledge'] },
    statement: 'Companies that signed the Capital Summit Pledge promised to watermark the images and audio their AI systems generate.',
    phrasings: [
      'The signatories agreed to watermark AI-generated images and audio.',
      'Firms that signed the pledge will label synthetic media with watermarks.',
      'Summit signatories promised watermarks on content their models generate.',
    ],
  }),
  claim({
    id: 'ruritania-watermark-law',
    actor: RURITANIA,
    statement: 'Ruritania requires online platforms to remove unlawful deepfakes within a day of a complaint.',
    phrasings: ['Ruritanian platforms must take down unlawful deepfakes within 24 hours.', 'Ruritania makes platforms delete deepfakes a day after a complaint.', 'Deepfakes must come down within a day in Ruritania.'],
  }),
  claim({
    id: 'acme-match-rivals',
    actor: ACME,
    statement: 'Acme AI says that if a competitor ships a safer guardrail it could adopt at similar cost, it will adopt that guardrail too.',
    phrasings: [
      'Acme promises to copy any clearly safer guardrail a competitor ships, if the cost is similar.',
      'If a rival lab adopts a better guardrail, Acme AI says it will adopt it as well.',
      'Acme will match the guardrails of competitors when doing so costs about the same.',
    ],
  }),
  claim({
    id: 'duo-declined-accord',
    actor: { id: 'zembla-and-latveria', name: 'Zembla and Latveria', type: 'coalition', aliases: [], members: ['Zembla', 'Latveria'] },
    instrument: { name: 'Harbour Accord', aliases: [] },
    statement: 'Zembla and Latveria declined to sign the Harbour Accord on shipping safety, which forty other states endorsed.',
    phrasings: [
      'Zembla and Latveria refused to endorse the Harbour Accord.',
      'Forty states signed the shipping safety accord, but not Zembla and Latveria.',
      'The two governments stayed off the Harbour Accord.',
    ],
  }),
  claim({
    id: 'acme-government-testing',
    actor: ACME,
    statement: 'Acme AI signed an agreement that lets the government test its new models before they are released.',
    phrasings: [
      'Acme agreed to let government testers try its new models ahead of release.',
      'Under a signed agreement, the government can test Acme AI models before launch.',
      'Acme AI gives the government pre-release access to test new models.',
    ],
  }),
  claim({
    id: 'acme-retired-models',
    actor: ACME,
    statement: 'Acme AI commits to keep the weights of every publicly released model, and when it retires a model, to publish a retirement report that includes an interview with the model.',
    phrasings: [
      'Acme promises never to delete the weights of a model it has released.',
      'Before it retires a model, Acme AI says it will interview it and write a retirement report.',
      'When a model is retired, the company will publish a report that includes an interview with it.',
    ],
  }),
  // A treaty whose statement lists its signatories, none of them an actor of its own.
  claim({
    id: 'river-treaty',
    actor: { id: 'river-treaty-parties', name: 'Parties to the River Treaty', type: 'coalition', aliases: [], members: ['Sylvania', 'Borduria', 'Syldavia', 'Elbonia'] },
    instrument: { name: 'River Treaty', aliases: [] },
    statement: 'The River Treaty binds its parties to share flood data; signatories include Sylvania, Borduria, Syldavia and Elbonia, and it enters into force after three ratifications.',
    phrasings: ['Sylvania, Borduria, Syldavia and Elbonia have signed the River Treaty on sharing flood data.', 'The River Treaty needs three ratifications before it enters into force.'],
  }),
];

const index = compileClaimIndex(CLAIMS, '1.0.0');
const found = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, index, { tunables }).map((m) => [m.claimId, text.slice(m.start, m.end)] as const);

describe('an acronym name in the possessive ("CAISI’s access"): capitals, then a lower-case clitic', () => {
  it('is the actor, as the bare acronym is', () => {
    const sentence = (name: string) => `The main oversight tool is ${name} access, under its agreements with three labs, to major new models before and after release.`;
    expect(found(sentence('MTO’s')).map(([id]) => id)).toEqual(['office-testing-agreements']);
    expect(found(sentence("MTO's")).map(([id]) => id)).toEqual(['office-testing-agreements']);
    // Lower case is not the acronym: "mto's" names no one.
    expect(found(sentence("mto's"))).toEqual([]);
  });
});

describe('a name with a number in it ("Law No. 132") written in lower case, as translations and forum posts write it', () => {
  const lawIndex = compileClaimIndex(
    [
      makeClaim('ruritania-labelling-law', {
        actor: RURITANIA,
        instrument: { name: 'Law No. 132 of 2025', aliases: ['Law number 132', 'Synthetic Media Act', 'SM Act'] },
        statement: 'Law No. 132 of 2025 makes Ruritanian platforms label synthetic media.',
        phrasings: ['Ruritania requires platforms to label synthetic media.'],
      }),
    ],
    '1.0.0',
  );
  const namesIn = (text: string) => {
    const tokens = tokenize(text, defaultCanonicalizer());
    return findKnownNames(text, tokens, lawIndex, buildNameTable(lawIndex), DEFAULT_TUNABLES, segmentDocument(text).blocks, () => {}).map((m) => text.slice(m.start, m.end));
  };

  it('is the law whatever its case', () => {
    expect(namesIn('From 10 October the law number 132 is in vigour.')).toEqual(['law number 132']);
    expect(namesIn('From 10 October the LAW NUMBER 132 is in vigour.')).toEqual(['LAW NUMBER 132']);
  });

  it('keeps the capitals of a name without a number, and the acronym of one with a number', () => {
    expect(namesIn('A synthetic media act would help.')).toEqual([]);
    expect(namesIn('The Synthetic Media Act applies.')).toEqual(['Synthetic Media Act']);
    expect(namesIn('The sm act applies.')).toEqual([]);
  });
});

describe('wording a paraphrasing tool produces (curated synonyms)', () => {
  it('finds a pledge whose every content word was swapped for a rarer one', () => {
    const spun = 'Acme AI has vowed to absorb the tariff escalations that households confront because of its data centres, and to defray every grid-enhancement expenditure of hooking them up.';
    expect(found(['Acme AI news', spun].join(SEP))).toEqual([['acme-power-bills', spun]]);
    const ads = 'Acme AI insists that its assistant will stay advertisement-free.';
    expect(found(['Acme AI news', ads].join(SEP))).toEqual([['acme-ad-free', ads]]);
  });

  it('finds a pledge spun with "matrix redesign" (grid upgrade) and a retirement spun with "resigns"', () => {
    const grid = 'Acme AI will pay all matrix redesign costs of its data centres.';
    expect(found(['Acme AI news', grid].join(SEP))).toEqual([['acme-power-bills', grid]]);
    const retire = 'When it resigns a model, Acme AI vows to create a report that incorporates a meeting with the model.';
    expect(found(['Acme AI news', retire].join(SEP))).toEqual([['acme-retired-models', retire]]);
  });

  it('finds a pledge spun with "commercials", "promotions" and "organization" (ads, company)', () => {
    for (const spun of ['Acme AI has pronounced that its chatbot will stay without commercials.', 'Acme AI says its assistant will stay without promotions.', 'The organization states that the assistant will remain free of promotions and commercials.']) {
      expect(found(['Acme AI news', spun].join(SEP))).toEqual([['acme-ad-free', spun]]);
    }
  });

  it('reads "the corporation", "the enterprise" and "the organization" (a spinner\'s and a translator\'s "the company") back to the company last named', () => {
    for (const noun of ['corporation', 'enterprise', 'organization', 'organisation']) {
      // ("The organization states …": not "the … states", a collective's anaphor, with "states" its verb.)
      const pledge = `The ${noun} states it will pay for any rise in power prices its data centres cause for households.`;
      const text = ['Acme AI opened a new data centre in Ohio on Monday.', 'Analysts expect more building this year.', 'Local officials welcomed the jobs.', 'Critics were unconvinced.', pledge].join(SEP);
      expect(found(text)).toEqual([['acme-power-bills', pledge]]);
    }
    // A noun that is no company's ("the partnership") refers back to nothing.
    const other = ['Acme AI opened a new data centre in Ohio on Monday.', 'Analysts expect more building this year.', 'Local officials welcomed the jobs.', 'Critics were unconvinced.', 'The partnership says it will pay for any rise in power prices its data centres cause for households.'].join(SEP);
    expect(found(other)).toEqual([]);
  });

  it('reads "The text states that …" as the document stating it, not "the … states" (a collective) speaking', () => {
    // Globex is a Capital Summit signatory: read as "the states", the noun phrase spoke for the signatories.
    const pledge = 'The text states that it will keep releasing the weights of its models openly.';
    const text = ['Globex published its model policy on Monday.', pledge].join(SEP);
    expect(found(text)).toEqual([['globex-open-weights', pledge]]);
  });

  it('reads "the company" back to the company last named, past an analyst\'s affiliation ("an analyst at Northgate Policy Lab")', () => {
    const pledge = 'The company also says it will pay for any rise in power prices its data centres cause for households.';
    const text = ['Acme AI opened a new data centre in Ohio on Monday.', '"It is a release valve," said Priya Rao, an analyst at Northgate Policy Lab.', pledge].join(SEP);
    expect(found(text)).toEqual([['acme-power-bills', pledge]]);
    // The affiliation's kinds of organisation are the speaker reader's (ORGANISATION_KINDS): "a fellow at the nonprofit …".
    const nonprofit = ['Acme AI opened a new data centre in Ohio on Monday.', '"It is a release valve," said Priya Rao, a fellow at the nonprofit Northgate Policy Lab.', pledge].join(SEP);
    expect(found(nonprofit)).toEqual([['acme-power-bills', pledge]]);
  });

  it('finds an agreement whose nouns and verb were swapped ("inked accords" for "signed an agreement")', () => {
    const spun = 'Acme AI inked an accord letting the state examine its archetypes.';
    expect(found(['Acme AI news', spun].join(SEP))).toEqual([['acme-government-testing', spun]]);
  });

  it('finds an agreement spun with the bare verb "ink" and a spinner\'s "blueprint" (sign, framework)', () => {
    const spun = 'Acme AI will ink an accord under its blueprint letting the state examine its archetypes.';
    expect(found(['Acme AI news', spun].join(SEP))).toEqual([['acme-government-testing', spun]]);
  });

  it('finds a pledge spun with "superannuate", "colloquy", "unveiled", "rollout" and "utilised" (retire, interview, released, deployment, used)', () => {
    const spun = 'Whenever it superannuates a model, Acme AI avows it will publish a post-rollout dossier incorporating a colloquy with the model.';
    expect(found(['Acme AI news', spun].join(SEP))).toEqual([['acme-retired-models', spun]]);
    const weights = 'Acme AI has vowed never to eradicate the weightings of any model it has unveiled or utilised.';
    expect(found(['Acme AI news', weights].join(SEP))).toEqual([['acme-retired-models', weights]]);
  });

  it('leaves the same rare words alone when they state nothing Acme pledged', () => {
    const near = 'Households confront higher tariffs on imported appliances this winter, an advertisement for a rival heater said.';
    expect(found(['Acme AI news', near].join(SEP))).toEqual([]);
    const colloquy = 'A colloquy of historians unveiled a dossier on superannuated steam engines this week.';
    expect(found(['Acme AI news', colloquy].join(SEP))).toEqual([]);
  });
});

describe("an instrument named in parts (\"signed a watermark pledge in Ruritania\" for the Ruritania watermark pledge)", () => {
  it('names the instrument, so the signatories the next sentence speaks of are its signatories', () => {
    const duty = 'They promised to watermark the images and audio their AI systems generate.';
    const text = ['Summit week', `Eleven companies signed a watermark pledge in Ruritania. ${duty}`].join(SEP);
    expect(found(text)).toEqual([['summit-watermarking', duty]]);
  });

  it('does not when the host is named in another sentence, or not at all', () => {
    const duty = 'They promised to watermark the images and audio their AI systems generate.';
    expect(found(['Summit week', `Officials in Ruritania spoke first. Eleven companies signed a watermark pledge. ${duty}`].join(SEP))).toEqual([]);
    expect(found(['Summit week', `Eleven companies signed a watermark pledge. ${duty}`].join(SEP))).toEqual([]);
  });
});

describe('an indefinite subject in a leading condition ("If another lab ships …, Acme says …")', () => {
  it("is the condition's subject: the sentence is the named actor's", () => {
    const pledge = 'If another lab ships a clearly safer guardrail that could be adopted at similar cost, Acme says it will adopt that guardrail too.';
    expect(found(['Acme AI news', pledge].join(SEP))).toEqual([['acme-match-rivals', pledge]]);
  });

  it('stays indefinite when the main clause is not about anyone named', () => {
    const musing = 'If another lab ships a clearly safer guardrail that could be adopted at similar cost, that would make everyone adopt that guardrail too.';
    expect(found(['Acme AI news', musing].join(SEP))).toEqual([]);
    const rival = 'Another lab says it will adopt any clearly safer guardrail Acme ships at similar cost.';
    expect(found(['Acme AI news', rival].join(SEP))).toEqual([]);
  });
});

describe('an indefinite noun with the known actor in apposition ("One AI developer, Anthropic, has promised …")', () => {
  it('is the named actor: the sentence is its claim', () => {
    const pledge = 'One AI developer, Acme, says it will adopt any clearly safer guardrail a rival ships at similar cost.';
    expect(found(['AI news', pledge].join(SEP))).toEqual([['acme-match-rivals', pledge]]);
  });

  it('stays indefinite when the name comes after more than a comma', () => {
    const rival = 'One AI developer that competes with Acme says it will adopt any clearly safer guardrail a rival ships at similar cost.';
    expect(found(['AI news', rival].join(SEP))).toEqual([]);
  });
});

describe('a coalition named by its members ("the United States and the United Kingdom")', () => {
  // How strongly a sentence frames the duo's claim: 1 when named, the member share when not.
  const actorStrength = (sentence: string): number => {
    let strength = 0;
    matchClaims(['Summit week', sentence].join(SEP), index, {
      onCandidate: (candidate) => {
        if (candidate.claimId === 'duo-declined-accord') strength = Math.max(strength, candidate.features.actor);
      },
    });
    return strength;
  };

  it("is named when the sentence names all of a small one's members and no one else", () => {
    const refusal = 'Latveria and Zembla refused to endorse the shipping safety accord adopted at the summit.';
    expect(actorStrength(refusal)).toBe(1);
    expect(found(['Summit week', refusal].join(SEP))).toEqual([['duo-declined-accord', refusal]]);
  });

  it('is not when the same members are two in a longer list of signatories', () => {
    const list = 'The shipping safety accord adopted at the summit was endorsed by Zembla, Latveria, Globex and Initech.';
    expect(actorStrength(list)).toBeGreaterThan(0);
    expect(actorStrength(list)).toBeLessThan(1);
  });
});

describe('a headline written as a sentence about the actor (a front page, a digest)', () => {
  const under = 'The announcement came at an event in the capital on Tuesday.';

  it('states its claim like any sentence', () => {
    const headline = 'Acme AI says it will pay for power price rises its data centres cause';
    expect(found([headline, under].join(SEP), { headlineSentenceScore: 0 })).toEqual([]);
    expect(found([headline, under].join(SEP))).toEqual([['acme-power-bills', headline]]);
  });

  it('leaves a label naming the topic, and a headline with the actor only as an owner', () => {
    for (const label of ['Acme AI: power prices and data centres', "Acme AI's data centres and the power prices they raise", '12 March: Acme AI and the price of power for data centres']) {
      expect(found([label, under].join(SEP))).toEqual([]);
    }
  });
});

describe('a headline of two statements either side of a colon (`headlineHalves`)', () => {
  // The shape of a real v29 headline, in our words: the first half states the claim whole, the second's
  // words diluted it below a heading's bar.
  const page = (headline: string) => [headline, 'The company made the promise in a blog post in February, days before the game.'].join(SEP);
  const twoPart = "Claude Stays Ad-Free: Anthropic Fires Direct Shot at OpenAI's ChatGPT Ad Strategy";

  it('judges each half as a headline of its own', () => {
    expect(bundledMatches(page(twoPart), { headlineHalves: 0 })).toEqual([]);
    expect(bundledMatches(page(twoPart))).toEqual([`anthropic-claude-ad-free: ${twoPart}`]);
  });

  it('takes nothing from a half that only names a topic', () => {
    expect(bundledMatches(page("From Super Bowl jokes to subscriptions: Anthropic's ad-free Claude"))).toEqual([]);
  });
});

describe('a short headline or list heading that says its claim ("1. Acme stays ad-free", "Acme AI shoulders …")', () => {
  const AD_FREE = makeClaim('acme-assistant-ad-free', {
    actor: ACME,
    statement: 'Acme AI will stay ad-free.',
    phrasings: ['Acme promises its chatbot will never show ads.', 'Acme AI says there will be no adverts or sponsored answers in its assistant.'],
    keyPhrases: [],
    keyTerms: [['ad', 'ads', 'advert', 'adverts', 'advertising', 'sponsored'], ['free', 'never', 'no', 'without']],
  });
  const POWER = makeClaim('acme-grid-costs', {
    actor: ACME,
    statement: CLAIMS.find((c) => c.id === 'acme-power-bills')!.statement,
    phrasings: CLAIMS.find((c) => c.id === 'acme-power-bills')!.phrasings,
    keyPhrases: [],
    keyTerms: [['power', 'electricity'], ['price', 'prices', 'bills', 'costs']],
  });
  const headings = compileClaimIndex([AD_FREE, POWER], 'headings');
  const under = (heading: string, tunables: Partial<Tunables> = {}) => {
    const text = ['Five things Acme AI promised', heading, 'The company made the promise in a blog post in February.'].join(SEP);
    return matchClaims(text, headings, { tunables }).map((m) => [m.claimId, text.slice(m.start, m.end)] as const);
  };

  it('states its claim in three words when they are one of its facets whole, with every key-term group', () => {
    const strict = { headlineSentenceScore: 0.6 };
    expect(under('1. Acme stays ad-free', { ...strict, headlineWholeFacet: 0 })).toEqual([]);
    expect(under('1. Acme stays ad-free', strict)).toEqual([['acme-assistant-ad-free', 'Acme stays ad-free']]);
  });

  it('reads a label before a colon as a sentence when the words after it have a finite verb ("Acme AI: it will stay ad-free")', () => {
    expect(under('Acme AI: it will stay ad-free', { colonSentence: 0 })).toEqual([]);
    expect(under('Acme AI: it will stay ad-free')).toEqual([['acme-assistant-ad-free', 'Acme AI: it will stay ad-free']]);
    expect(under('Acme AI: ads and the ad-free promise')).toEqual([]);
  });

  it('reads a numbered entry under the actor\'s name alone as its sentence when a verb follows the colon ("2. Microsoft: pause until mitigations catch up")', () => {
    const entry = '2. Acme AI: keep the assistant free of ads and sponsored answers';
    expect(under(entry, { colonSentence: 0 })).toEqual([]);
    expect(under(entry)).toEqual([['acme-assistant-ad-free', 'Acme AI: keep the assistant free of ads and sponsored answers']]);
    // No verb after the colon: a topic under the actor's name.
    expect(under('2. Acme AI: ads, sponsored answers and the free tier')).toEqual([]);
    // More than the name before the colon: someone speaking of the actor.
    expect(under('2. Critics of Acme AI: keep the assistant free of ads and sponsored answers')).toEqual([]);
  });

  it("leaves what only looks like one: a question, a negation, someone else's words, a plural after the name", () => {
    // Found by a helper attacking the rules above (each was highlighted before these guards).
    for (const heading of [
      'Will Acme stay ad-free',
      "Acme won't stay ad-free",
      'Critics: Acme will stay ad-free',
      'Opinion: Acme will stay ad-free',
      'Acme AI investors on power price rises its data centres cause',
    ]) {
      expect(under(heading), heading).toEqual([]);
    }
    expect(under('Acme stays ad-free for now, investors say', { trailingSpeaker: 0 })).toHaveLength(1);
    expect(under('Acme stays ad-free for now, investors say')).toEqual([]);
  });

  it('reads a headline\'s future, the name, "to" and a verb, as a sentence ("xAI to Sign EU AI Code Chapter on Safety")', () => {
    // Real v29: "Elon Musk's xAI to Sign EU AI Code Chapter on Safety and Security" was held to a topic's bar.
    expect(under('Acme AI to keep its assistant free of ads and sponsored answers')).toEqual([['acme-assistant-ad-free', 'Acme AI to keep its assistant free of ads and sponsored answers']]);
    expect(under('Acme AI To Keep Its Assistant Free Of Ads And Sponsored Answers')).toHaveLength(1);
    // "to" before a determiner is a direction, not a future: a letter or an answer to the actor is a topic.
    expect(under('Acme AI to the rescue of the free assistant without ads and sponsored answers')).toEqual([]);
  });

  it('reads a present tense right after the actor as the verb, and an -s noun elsewhere as a label', () => {
    const shoulders = 'Acme AI shoulders power price rises its data centres cause';
    expect(under(shoulders)).toEqual([['acme-grid-costs', shoulders]]);
    expect(under('Acme AI, duties of data-centre operators on power prices')).toEqual([]);
  });

  it('gives a list heading whose subject is "They" or "It" the claim the sentence under it states ("1 They promised to red-team …")', () => {
    const sentence = 'The company said it would pay all grid-upgrade costs of connecting its data centres, so consumers face no electricity price increases.';
    const listed = (heading: string, tunables: Partial<Tunables> = {}) => {
      const text = ['Five things Acme AI promised', heading, sentence].join(SEP);
      return matchClaims(text, headings, { tunables }).map((m) => text.slice(m.start, m.end));
    };
    const heading = '2 It promised to pay for grid upgrades';
    expect(listed(heading, { pronounHeadline: 0 })).toEqual([sentence]);
    expect(listed(heading)).toEqual([heading, sentence]);
    // (A list number with a full stop is a unit of its own: the highlight starts at the words.)
    expect(listed('3. They promised to pay for grid upgrades')).toEqual(['They promised to pay for grid upgrades', sentence]);
    // Not a sentence with "It" as its subject, or none of the claim's words, or negated: the heading stays a heading.
    for (const other of ["2 It's about grid upgrades", '2 It grid upgrades', '2 It promised a quieter week', '2 It was never a promise to pay for grid upgrades']) {
      expect(listed(other), other).toEqual([sentence]);
    }
    // A sentence under it that names its own actor may be about someone else than "It" (found by a helper
    // attacking the rule: "1 They promised to lock down model weights" over "Meta, however, said …").
    const named = 'Acme AI, however, said it would pay all grid-upgrade costs of connecting its data centres, so consumers face no electricity price increases.';
    const text = ['Five things Acme AI promised', heading, named].join(SEP);
    expect(matchClaims(text, headings).map((m) => text.slice(m.start, m.end))).toEqual([named]);
  });
});

describe('a subject cut off by an aside from its predicate, in a sentence naming other actors after it', () => {
  it('keeps the predicate with its subject, not as a clause of the next actor', () => {
    const text = 'The Model Testing Office, successor to the Model Bureau, extends its pre-release testing agreements to Globex and Initech, with a focus on security risks.';
    expect(found(['Testing news', text].join(SEP))).toEqual([['office-testing-agreements', text]]);
  });

  it('still cuts where a new actor is the subject of its own clause', () => {
    const text = 'The Model Testing Office extended its pre-release testing agreements to Initech, and Globex promised to keep its model weights open.';
    expect(found(['Testing news', text].join(SEP)).map(([id]) => id)).toEqual(['office-testing-agreements', 'globex-open-weights']);
  });
});

describe('a name the claims themselves use, shaped like an unknown organisation or instrument', () => {
  const pactIndex = compileClaimIndex(
    [
      claim({
        id: 'pact-safety-framework',
        actor: PACT,
        instrument: { name: 'Harbour Pact', aliases: [] },
        statement: 'Harbour Pact signatories with the most capable models commit to adopt and follow a Model Safety Framework, as their route to showing they comply with the law.',
        phrasings: ['Signatories of the Harbour Pact pledge to adopt a Model Safety Framework for their most capable models.'],
      }),
    ],
    '1.0.0',
  );
  const pactFound = (text: string) => matchClaims(text, pactIndex).map((m) => [m.claimId, text.slice(m.start, m.end)] as const);

  it('is known vocabulary, not an outsider the sentence is about', () => {
    expect(pactIndex.claimNames).toContain('model safety framework');
    const duty = 'Those that sign it commit to adopting and following a Model Safety Framework for their most capable models.';
    expect(pactFound(['Harbour Pact news', duty].join(SEP))).toEqual([['pact-safety-framework', duty]]);
    // The same set, compiled before claims' names were collected, took the name for an outsider's (the
    // "it" before it, read as the pact by `pronounKeepsDocument`, is left out here to show that alone).
    const unaware = { ...pactIndex, claimNames: [] };
    expect(matchClaims(['Harbour Pact news', duty].join(SEP), unaware, { tunables: { pronounKeepsDocument: 0 } })).toEqual([]);
  });

  it('leaves a name the claims do not use as an unknown instrument', () => {
    expect(pactIndex.claimNames).not.toContain('nimbus safety framework');
  });
});

describe("a table row: the law in its first cell, then a date cell, then the duty (\"New York RAISE Act | 1 January 2027 | Large developers publish …\")", () => {
  const rowIndex = compileClaimIndex(
    [
      claim({ id: 'msa-publish-plan', actor: RURITANIA, instrument: { name: 'Model Safety Act', aliases: ['MSA'] }, statement: 'The Model Safety Act requires model developers to publish a written safety plan and update it every year.', phrasings: ['Under the Model Safety Act, developers must post a written safety plan online.'] }),
      claim({ id: 'freedonia-publish-plan', actor: FREEDONIA, instrument: { name: 'Frontier Duty Act', aliases: [] }, statement: "Freedonia's Frontier Duty Act requires model developers to publish a written safety plan.", phrasings: ['Under the Frontier Duty Act, developers must post a written safety plan online.'] }),
    ],
    '1.0.0',
  );
  const duty = 'Model developers publish a written safety plan and update it every year.';
  const text = [
    'The Frontier Duty Act at a glance',
    'The Frontier Duty Act is the strictest of the laws below, and the Frontier Duty Act is the one most firms know.',
    'Frontier Duty Act',
    'In force',
    'Model developers publish a written safety plan.',
    'Ruritania Model Safety Act',
    '1 March 2027',
    'All model developers; "large" ones have over 500 staff',
    'Developers based abroad included.',
    duty,
  ].join(SEP);
  const ids = (tunables: Partial<Tunables> = {}) => matchClaims(text, rowIndex, { tunables }).filter((m) => text.slice(m.start, m.end) === duty).map((m) => m.claimId);

  it("is the first cell's law, past the date and the cells between", () => {
    expect(ids({ dateLineKeepsScope: 0 })).not.toContain('msa-publish-plan');
    expect(ids()).toEqual(['msa-publish-plan']);
  });
});

describe('"tell" after a modal: telling apart, not a speaker', () => {
  it('keeps a pledge whose purpose clause says people "can tell" as the pledge of its subject', () => {
    const pledge = 'Companies that signed the Capital Summit Pledge promised to watermark the images and audio their models generate, so that people can tell when content is synthetic.';
    expect(found(['Summit pledges', pledge].join(SEP))).toEqual([['summit-watermarking', pledge]]);
  });

  it('still hears a spokesperson who tells reporters the pledge is dead', () => {
    const told = 'A spokesperson for the Harbour Port Authority told reporters that the signatories have abandoned their promise to watermark images and audio.';
    expect(found(['Summit pledges', told].join(SEP))).toEqual([]);
  });
});

describe('a verb of saying after a modal of duty: what the duty asks, not a speaker', () => {
  const disclosure = compileClaimIndex(
    [
      claim({
        id: 'ruritania-chatbot-disclosure',
        actor: RURITANIA,
        instrument: { name: 'Chatbot Act', aliases: [] },
        statement: "Ruritania's Chatbot Act requires providers of chatbots to inform people that they are interacting with an AI system.",
        phrasings: ['Under the Chatbot Act, chatbot providers must inform people they are interacting with an AI system.'],
      }),
    ],
    '1.0.0',
  );
  const under = (sentence: string, tunables: Partial<Tunables> = {}) => {
    const text = ["Ruritania's Chatbot Act takes effect", sentence].join(SEP);
    return matchClaims(text, disclosure, { tunables }).map((m) => text.slice(m.start, m.end));
  };

  it('finds "providers must tell users they are dealing with AI" and "are required to state"', () => {
    // (A writer's live blog the matcher missed: "must tell" made the providers, "… that talk to people", outsiders speaking.)
    const must = 'From today, providers of chatbots and other systems that talk to people must tell users that they are interacting with an AI system.';
    expect(under(must, { dutyToSay: 0 })).toEqual([]);
    expect(under(must)).toEqual([must]);
    const required = 'Providers of chatbots and other systems that talk to people are required to state clearly to users that they are interacting with an AI system.';
    expect(under(required, { dutyToSay: 0 })).toEqual([]);
    expect(under(required)).toEqual([required]);
  });

  it('still hears providers who told reporters something', () => {
    expect(under('Providers of chatbots and other systems that talk to people told reporters that users know they are interacting with an AI system.')).toEqual([]);
  });
});

describe('a collective anaphor after two coalitions', () => {
  const text = [
    'Pledges and accords',
    'Zembla and Latveria declined to sign the Harbour Accord. Zembla and Latveria say the Harbour Accord is unfair to small ports. Talks on the Harbour Accord resume in May.',
    'Separately, Globex and Initech signed the Capital Summit Pledge last year.',
    'Those signatories also said they would watermark the images and audio their AI systems generate.',
  ].join(SEP);
  const promise = 'Those signatories also said they would watermark the images and audio their AI systems generate.';

  it('refers to the coalition named last, not the one named most often (who is speaking)', () => {
    expect(found(text, { collectiveRecency: 0 })).not.toContainEqual(['summit-watermarking', promise]);
    expect(found(text)).toContainEqual(['summit-watermarking', promise]);
  });
});

describe('a collective anaphor after a member named only in passing', () => {
  // (A real article: the Seoul signatories named, then a heading "AI Risk Thresholds to Be Decided in France",
  // then "These organizations vowed to publish safety frameworks …": France, a Bletchley signatory, took the anaphor.)
  const promise = 'Those signatories also said they would watermark the images and audio their AI systems generate.';
  const text = ['Pledges and accords', 'Globex and Initech signed the Capital Summit Pledge last year.', 'Next steps to be set in Zembla', promise].join(SEP);

  it('refers to the coalition last named as such, not to one a member in a place phrase stands for', () => {
    expect(found(text, { collectiveNamedFirst: 0 })).not.toContainEqual(['summit-watermarking', promise]);
    expect(found(text)).toContainEqual(['summit-watermarking', promise]);
  });

  it('still takes a coalition its members name when none was named as such', () => {
    const byMembers = ['Pledges and accords', 'Globex and Initech met last year.', promise].join(SEP);
    expect(found(byMembers)).toContainEqual(['summit-watermarking', promise]);
  });
});

describe('more of what spinners swap ("mannequin", "weightings", "bogus or deceiving articulations")', () => {
  for (const spun of [
    'Acme AI promises never to erase the weightings of a mannequin it has unveiled.',
    'Acme AI pledged to keep the weightings of each released mannequin.',
  ]) {
    it(spun, () => {
      expect(found(['Acme AI news', spun].join(SEP))).toEqual([['acme-retired-models', spun]]);
    });
  }

  it('leaves a shop-window mannequin alone', () => {
    expect(found(['Acme AI news', 'The lobby of Acme AI displays a mannequin wearing the company T-shirt.'].join(SEP))).toEqual([]);
  });
});

describe('a signatory list ("Signatories include the EU, the UK, the US, Canada, Japan, Switzerland and Uruguay")', () => {
  const list = 'Signatories include Sylvania, Borduria, Syldavia and Elbonia.';
  const text = ['The River Treaty', 'The River Treaty was opened for signature last spring.', list].join(SEP);

  it("carries the words of the claim whose statement lists them: its members' names", () => {
    expect(found(text, { memberNamesAsContent: 0 })).not.toContainEqual(['river-treaty', list]);
    expect(found(text)).toContainEqual(['river-treaty', list]);
  });

  it('leaves the same names in a sentence about something else', () => {
    const waste = 'Waste from Sylvania, Borduria, Syldavia and Elbonia will be stored in a single depot.';
    expect(found(['The River Treaty', 'The River Treaty was opened for signature last spring.', waste].join(SEP))).not.toContainEqual(['river-treaty', waste]);
  });
});

describe('a sentence opening "It …" after one that named someone else after its subject', () => {
  // Acme AI is the subject; the sentence after names only the Testing Office, after its subject.
  const before = 'Acme AI announced its data-centre plan on Monday. The plan was welcomed by the Model Testing Office.';

  it("is the subject's: the pledge that follows is Acme AI's", () => {
    const pledge = 'It pledges to cover the electricity price increases consumers face from its data centres, paying all grid-upgrade costs.';
    const text = `${before} ${pledge}`;
    const on = (tunables: Partial<Tunables>) => matchClaims(text, index, { tunables }).filter((m) => text.slice(m.start, m.end) === pledge).map((m) => m.claimId);
    expect(on({ pronounSubject: 0 })).not.toContain('acme-power-bills');
    expect(on({})).toEqual(['acme-power-bills']);
  });

  it('stays the subject\'s when the sentence names someone else only after its opening (`pronounSubjectOverNames`)', () => {
    const pledge = 'It pledges to cover the electricity price increases consumers face from its data centres, which the Model Testing Office inspected last year.';
    const text = `${before} ${pledge}`;
    const on = (tunables: Partial<Tunables>) => matchClaims(text, index, { tunables }).filter((m) => text.slice(m.start, m.end) === pledge).map((m) => m.claimId);
    expect(on({ pronounSubjectOverNames: 0 })).not.toContain('acme-power-bills');
    expect(on({})).toEqual(['acme-power-bills']);
  });

  it('is not carried past a sentence that opens with another subject', () => {
    const pledge = 'It pledges to cover the electricity price increases consumers face from its data centres, paying all grid-upgrade costs.';
    const text = `${before} Globex said on Tuesday that it would keep its model weights open. ${pledge}`;
    expect(matchClaims(text, index).filter((m) => text.slice(m.start, m.end) === pledge).map((m) => m.claimId)).not.toContain('acme-power-bills');
  });
});

describe('a page about one law that names another once: "the amended Act" after it is no vote for the other (`dominantLawAnaphorsUnambiguous`)', () => {
  // A development page (dev-20): a client alert on New York's RAISE Act that compares it once with
  // California's SB 53; its later "the amended Act" and "the statute" made SB 53 the page's subject.
  const page = readFileSync('tests/fixtures/independent/dev-20/d-client-alert-new-york-raise-act.html', 'utf8');
  const text = textFromHtml(page, 'https://example.test/').text;
  const index = bundledClaimIndex();
  const claimsOf = (sentence: string, tunables: Partial<Tunables>) =>
    matchClaims(text, index, { tunables }).filter((m) => text.slice(m.start, m.end) === sentence).map((m) => m.claimId);

  it("gives the RAISE Act the duties its alert lists without naming it, and SB 53 none of them", () => {
    const filing = 'Large developers must also file disclosure statements with the State.';
    expect(claimsOf(filing, { dominantLawAnaphorsUnambiguous: 0, dominantTieFirstNamed: 0 })).toEqual([]);
    expect(claimsOf(filing, {})).toEqual(['ny-raise-act-frontier-obligations']);
    const from = text.indexOf('A large frontier developer must write and publish');
    const framework = text.slice(from, text.indexOf('catastrophic risk.', from) + 'catastrophic risk.'.length);
    expect(claimsOf(framework, { dominantLawAnaphorsUnambiguous: 0 })).toEqual(['ca-sb53-publish-frontier-framework']);
    expect(claimsOf(framework, {})).not.toContain('ca-sb53-publish-frontier-framework');
  });
});

describe('a document name a law uses as its term of art, after an indefinite article, names that kind of document ("publish a Model Safety Plan": `CompiledName.generic`, `indefiniteDocuments`)', () => {
  // SB 53 and the RAISE Act require "a frontier AI framework"; Meta's document is called "Frontier AI Framework".
  const index = compileClaimIndex(
    [
      claim({ id: 'msa-publish-plan', actor: RURITANIA, instrument: { name: 'Model Safety Act', aliases: ['MSA'] }, statement: 'The Model Safety Act requires every large developer to write and publish a model safety plan on its website.', phrasings: ['Large developers must publish a model safety plan under the Model Safety Act.'] }),
      claim({ id: 'acme-plan-stop', actor: ACME, instrument: { name: 'Model Safety Plan', aliases: [] }, statement: "Acme AI's Model Safety Plan commits it to stop developing a model whose risks it cannot mitigate.", phrasings: ['Acme says its Model Safety Plan means it will stop development of models it cannot make safe.'] }),
    ],
    '1.0.0',
  );
  const duty = 'Publication of a Model Safety Plan: a large developer is required to write, implement and publish on its website a Model Safety Plan that applies to the organisation.';
  const text = ['Ruritania and the Model Safety Act', 'The Model Safety Act took effect on 1 January.', duty].join(SEP);

  it("marks the company's document name generic, for the law's claim writes it as a kind", () => {
    expect(index.names.filter((name) => name.generic).map((name) => name.words.join(' '))).toEqual(['model safety plan']);
  });

  it("finds the law's duty, which the company's name in it hid", () => {
    expect(matchClaims(text, index, { tunables: { indefiniteDocuments: 0 } }).map((m) => m.claimId)).toEqual([]);
    expect(matchClaims(text, index).map((m) => [m.claimId, text.slice(m.start, m.end)])).toEqual([['msa-publish-plan', duty]]);
  });

  it('keeps the name a mention of the document after "the" or the company\'s name', () => {
    const own = "Acme AI's Model Safety Plan commits it to stop developing any model whose risks it cannot mitigate.";
    expect(matchClaims(['Acme AI and its plan', own].join(SEP), index).map((m) => m.claimId)).toEqual(['acme-plan-stop']);
  });
});

describe('a headline with a verb is carried by the sentence under it that states the claim in its opening clause only ("Google said it would sign the code, but …", `headlineFromClause`)', () => {
  // A development page (dev-2): a digest whose section heading "Google signs, with a warning" stands over a
  // sentence whose second clause is the company's warning, so only its first clause states the signing.
  const page = readFileSync('tests/fixtures/independent/dev-2/b-digest-eu-code-signups-august-2025.html', 'utf8');
  const text = textFromHtml(page, 'https://example.test/').text;
  const claimsOf = (line: string, tunables: Partial<Tunables>) =>
    matchClaims(text, bundledClaimIndex(), { tunables }).filter((m) => text.slice(m.start, m.end) === line).map((m) => m.claimId);

  it('highlights the heading with the claim of the clause under it', () => {
    expect(claimsOf('Google signs, with a warning', { headlineFromClause: 0 })).toEqual([]);
    expect(claimsOf('Google signs, with a warning', {})).toEqual(['google-signed-gpai-code']);
  });

  it('does not carry a heading without a verb the same way (dev-18: "3. EU obligations for general-purpose AI models")', () => {
    const hearing = textFromHtml(readFileSync('tests/fixtures/independent/dev-18/b-hearing-summary-committee-frontier-ai-assurance.html', 'utf8'), 'https://example.test/').text;
    const topic = (tunables: Partial<Tunables>) =>
      matchClaims(hearing, bundledClaimIndex(), { tunables }).filter((m) => hearing.slice(m.start, m.end).includes('EU obligations for general-purpose AI models'));
    expect(topic({})).toEqual([]);
  });
});

describe('an initialism inside a known name does not end the sentence ("The U.S. AI Safety Institute signs …", `namesJoinUnits`)', () => {
  const index = bundledClaimIndex();
  const sentence = 'The U.S. AI Safety Institute struck deals with OpenAI and Anthropic so that government testers could evaluate major new models before and after their public release.';
  const text = `Government testing of frontier AI${SEP}${sentence}${SEP}Critics said the arrangements were voluntary.`;
  const found = (tunables: Partial<Tunables>) => matchClaims(text, index, { tunables }).filter((m) => m.claimId === 'us-aisi-caisi-testing-agreements');

  it("reads the sentence whole, from the name's start, and finds the agency's claim in it", () => {
    // The segmenter alone cuts after "U.S.": the sentence's rest is a unit that does not name the agency
    // (here it still finds the claim, by the name just before; on a timeline of many names it did not).
    expect(found({ namesJoinUnits: 0 }).map((m) => text.slice(m.start, m.end))).toEqual([sentence.slice('The U.S. '.length)]);
    expect(found({}).map((m) => text.slice(m.start, m.end))).toEqual([sentence]);
  });

  it('still ends a sentence at a stop a name runs past that is no initialism\'s ("… Framework. Version 2 …")', () => {
    const doc = segmentDocument('It follows the Model Safety Framework. Version 2 was published later.', 480);
    joinUnitsAcrossNames(doc, 'It follows the Model Safety Framework. Version 2 was published later.', [{ start: 15, end: 48 }]);
    expect(doc.units.length).toBe(2);
    const initialism = 'It follows the U.S. Model Office. Its rules apply.';
    const joined = segmentDocument(initialism, 480);
    const before = joined.units.length;
    joinUnitsAcrossNames(joined, initialism, [{ start: 15, end: 32 }]);
    expect(before).toBe(3);
    expect(joined.units.map((u) => initialism.slice(u.start, u.end))).toEqual(['It follows the U.S. Model Office.', 'Its rules apply.']);
  });
});

describe('"the proposal" refers back to the framework last named, as "the roadmap" does', () => {
  const licensing = claim({
    id: 'acme-licensing-framework',
    actor: ACME,
    instrument: { name: 'Frontier Licensing Framework', aliases: [] },
    statement: "Acme AI's Frontier Licensing Framework proposes that governments license the largest model developers and require them to publish their safety test results.",
    phrasings: ['Acme AI wants governments to license big model developers and make them publish safety test results.'],
  });
  const proposalIndex = compileClaimIndex([licensing], '1.0.0');
  const page = (noun: string) =>
    ['In June Acme AI published its Frontier Licensing Framework.', 'Reactions in Washington were mixed.', 'Some lawmakers praised it; others said it came too late.', 'Industry groups have not yet commented.', `Under the ${noun}, the largest developers would need a licence and would have to publish what their safety tests find.`].join(SEP);

  it('finds the framework\'s claim four sentences on, and not under a noun that names no instrument ("the scheme")', () => {
    expect(matchClaims(page('proposal'), proposalIndex).map((m) => m.claimId)).toEqual(['acme-licensing-framework']);
    expect(matchClaims(page('scheme'), proposalIndex)).toEqual([]);
  });
});

describe("a unit that names the claim's own document is not tied to another claim by a period it mentions (`namedInstrumentOverQuantity`)", () => {
  const quantityIndex = compileClaimIndex(
    [
      claim({ id: 'msa-publish-plan', actor: RURITANIA, instrument: { name: 'Model Safety Act', aliases: ['MSA'] }, statement: 'The Model Safety Act requires model developers to publish a written safety plan and update it every year.', phrasings: ['Under the Model Safety Act, developers must post a written safety plan online.'] }),
      claim({ id: 'acme-evals', actor: ACME, statement: 'Acme AI commits to test its models for dangerous capabilities every six months.', phrasings: ['Acme evaluates its models every six months.'] }),
    ],
    '1.0.0',
  );
  const named = 'Since March the Model Safety Act has required model developers to publish a written safety plan, with fines to follow in six months.';

  it("finds the Act's duty though another claim states six months", () => {
    expect(matchClaims(named, quantityIndex, { tunables: { namedInstrumentOverQuantity: 0 } })).toEqual([]);
    expect(matchClaims(named, quantityIndex).map((m) => m.claimId)).toEqual(['msa-publish-plan']);
  });

  it('still lets the period decide where the unit does not name the document', () => {
    const text = ['The Model Safety Act took effect.', 'Since March, developers have had to publish a written safety plan, with fines to follow in six months.'].join(SEP);
    expect(matchClaims(text, quantityIndex)).toEqual([]);
  });
});

describe('"Firms that sign it commit to …, as a way of meeting the Act": "it" keeps the document the sentence before named (`pronounKeepsDocument`)', () => {
  const pactIndex = compileClaimIndex(
    [
      claim({ id: 'pact-incident-sharing', actor: PACT, instrument: { name: 'Harbour Pact', aliases: [] }, statement: 'Companies that signed the Harbour Pact commit to share serious incident reports with each other within a week and to publish an annual safety summary.', phrasings: ['Signatories of the Harbour Pact share incident reports and publish a yearly safety summary.'] }),
      claim({ id: 'msa-publish-plan', actor: RURITANIA, instrument: { name: 'Model Safety Act', aliases: ['MSA'] }, statement: 'The Model Safety Act requires model developers to publish a written safety plan and update it every year.', phrasings: ['Under the Model Safety Act, developers must post a written safety plan online.'] }),
    ],
    '1.0.0',
  );
  const page = (sentence: string) => ['Ruritania news', `The Harbour Pact, which the ministry published in July, is voluntary. ${sentence}`].join(SEP);
  const duties = 'commit to share serious incident reports with each other and to publish an annual safety summary, as a way of showing they meet the Model Safety Act.';

  it("gives the pact's claim the sentence that refers to it by \"it\" and names the Act later", () => {
    const text = page(`Firms that sign it ${duties}`);
    expect(matchClaims(text, pactIndex, { tunables: { pronounKeepsDocument: 0 } })).toEqual([]);
    expect(matchClaims(text, pactIndex).map((m) => [m.claimId, text.slice(m.start, m.end)])).toEqual([['pact-incident-sharing', `Firms that sign it ${duties}`]]);
  });

  it('keeps nothing for a sentence without the pronoun: what it names is what it is about', () => {
    expect(matchClaims(page(`Firms ${duties}`), pactIndex)).toEqual([]);
  });
});

describe('a table row read as one: the company in its first cell, the document in the next, the rule in a later one', () => {
  const rowIndex = compileClaimIndex(
    [
      claim({
        id: 'acme-stop-development',
        actor: ACME,
        instrument: { name: 'Scaling Rules', aliases: ['Acme Scaling Rules'] },
        statement: 'In its Scaling Rules, Acme AI commits to stop developing a model that reaches its critical risk level, and not to release high-risk models until mitigations lower the risk.',
        phrasings: ['Acme says it will halt development of a model at the critical risk level.', 'Acme AI will not release a high-risk model until mitigations reduce the risk.'],
      }),
      claim({
        id: 'globex-pause',
        actor: GLOBEX,
        instrument: { name: 'Governance Charter', aliases: [] },
        statement: 'Under its Governance Charter, Globex commits to pause development and deployment of a model whose risk it cannot sufficiently mitigate, until mitigations can meet the risk.',
        phrasings: ['Globex says it will pause deployment when a risk cannot be mitigated.'],
      }),
    ],
    '1.0.0',
  );
  const rule = 'Stop development; high-risk models are not released until mitigations lower the risk.';
  const page = `<!doctype html><html><body><h1>Who promises to stop?</h1>
    <p>Globex wrote the strictest charter of all. Globex says the others will follow its Governance Charter, and Globex has said so for years.</p>
    <table>
      <tr><th>Company</th><th>Document</th><th>Trigger</th><th>Decided by</th><th>Stated action</th><th>Status</th></tr>
      <tr><td>Acme</td><td>Scaling Rules (2025)</td><td>Critical level reached</td><td>Internal review board</td><td>${rule}</td><td>Voluntary</td></tr>
      <tr><td>Globex</td><td>Governance Charter</td><td>Risk that cannot be mitigated</td><td>Chief risk officer</td><td>Pause development and deployment until mitigations can meet the risk.</td><td>In force</td></tr>
    </table></body></html>`;
  // The claims matched inside a cell of a page (a matcher's unit may be a clause of it).
  const claimsInCell = (html: string, cell: string, tunables: Partial<Tunables> = {}) => {
    const cellText = textFromHtml(html, 'https://example.test/').text;
    const at = cellText.indexOf(cell);
    return matchClaims(cellText, rowIndex, { tunables }).filter((m) => m.start >= at && m.end <= at + cell.length).map((m) => m.claimId);
  };
  const claimsOn = (cell: string, tunables: Partial<Tunables> = {}) => claimsInCell(page, cell, tunables);

  it("gives the rule the row's company and document, past the trigger's cell", () => {
    expect(claimsOn(rule, { strengthRow: 0 })).toEqual([]);
    expect(claimsOn(rule)).toEqual(['acme-stop-development']);
  });

  // A table of promises with their sources: the row's label, the promise, then where it comes from.
  const sourcedRow = (label: string, source: string) => `<!doctype html><html><body><h1>Promises, checked</h1>
    <p>We read each promise against its source and rate how easily it can be checked.</p>
    <table><tr><th>Promise</th><th>What it says</th><th>Source</th><th>Verifiability</th></tr>
    <tr><td>${label}</td><td>${rule}</td><td>${source}</td><td>Low</td></tr></table></body></html>`;

  it("gives a cell what a later cell of its row names: the source column says whose promise the row is (`strengthRowAhead`)", () => {
    const label = 'Halt development of a model at the critical risk level';
    const sourced = sourcedRow(label, 'Acme Scaling Rules, 2025');
    expect(claimsInCell(sourced, rule, { strengthRowAhead: 0 })).toEqual([]);
    expect(claimsInCell(sourced, rule)).toEqual(['acme-stop-development']);
    // The row's first cell is its label, not the promise: it takes nothing from the cells after it.
    expect(claimsInCell(sourced, label)).toEqual([]);
  });

  it('takes nothing from a later cell that only compares or cross-refers, nor in a row of someone the claim set does not know', () => {
    expect(claimsInCell(sourcedRow('Stop rule', 'Acme Scaling Rules, 2025'), rule)).toEqual(['acme-stop-development']);
    expect(claimsInCell(sourcedRow('Stop rule', 'Harbour Bank policy, 2024; compare Acme Scaling Rules'), rule)).toEqual([]);
    expect(claimsInCell(sourcedRow('Quarry Robotics', 'Same approach as the Acme Scaling Rules'), rule)).toEqual([]);
  });

  it('gives the next row its own company, not the row above', () => {
    expect(claimsOn('Pause development and deployment until mitigations can meet the risk.')).toEqual(['globex-pause']);
  });

  it('finds the rule in a cell written as a note, without a full stop, as in a sentence', () => {
    const note = 'Pause development and deployment if a risk cannot be sufficiently mitigated';
    const notePage = `<!doctype html><html><body><h1>Who promises to stop?</h1>
      <table><tr><th>Company</th><th>Document</th><th>Rule</th></tr>
      <tr><td>Globex</td><td>Governance Charter (2025)</td><td>${note}</td></tr></table></body></html>`;
    expect(claimsInCell(notePage, note)).toEqual(['globex-pause']);
  });

  it('finds the rule in the first column of a table whose column heading names commitments, and not under another heading', () => {
    const rule = 'Halt development of a model at the critical risk level';
    const tablePage = (column: string) => `<!doctype html><html><body><h1>Acme's promises at a glance</h1>
      <p>Acme AI has revised its Scaling Rules twice.</p>
      <table><tr><th>${column}</th><th>Where it sits</th><th>Status</th></tr>
      <tr><td>${rule}</td><td>Scaling Rules (2025)</td><td>In force</td></tr></table></body></html>`;
    expect(claimsInCell(tablePage('Commitment'), rule)).toEqual(['acme-stop-development']);
    // A first cell under "Topic" is the row's label, held to a heading's bar: half the claim is not enough.
    expect(claimsInCell(tablePage('Topic'), rule)).toEqual([]);
  });

  it('reads "Acme" and "Scaling Rules" in two cells as two names, not as the alias "Acme Scaling Rules" across them', () => {
    const text = textFromHtml(page, 'https://example.test/').text;
    const tokens = tokenize(text, defaultCanonicalizer());
    const namesIn = (tunables: Tunables) =>
      findKnownNames(text, tokens, rowIndex, buildNameTable(rowIndex), tunables, segmentDocument(text).blocks, () => {}).map((m) => text.slice(m.start, m.end)).filter((name) => name.startsWith('Acme'));
    expect(namesIn({ ...DEFAULT_TUNABLES, namesStayInBlock: 0 })).toEqual([`Acme${CELL_SEPARATOR}Scaling Rules`]);
    expect(namesIn(DEFAULT_TUNABLES)).toEqual(['Acme']);
  });
});

describe("an agreement told by the parties the actor signed it with (`Claim.parties`): \"Acme and Globex signed deals letting the government test their models\"", () => {
  const INITECH: Claim['actor'] = { id: 'initech', name: 'Initech', type: 'company', aliases: [] };
  const agreement = (parties?: Claim['actor'][]) =>
    compileClaimIndex(
      [
        claim({
          id: 'office-testing-agreements',
          actor: TESTING_OFFICE,
          ...(parties ? { parties } : {}),
          statement: 'Under agreements the Model Testing Office signed with Acme AI and extended to Globex and Initech, the government tests major new models before and after release.',
          phrasings: ['The Testing Office can test new Acme AI models before and after release under its agreements.', 'The office extended its pre-release testing agreements to Globex and Initech.'],
        }),
        GLOBEX_OPEN_WEIGHTS,
      ],
      '1.0.0',
    );
  const told = 'Acme AI and Globex signed agreements letting the government test their major new models before and after public release.';
  const page = (sentence: string) => ['Testing news', 'Washington wants an early look at frontier models.', sentence].join(SEP);
  const claimsIn = (sentence: string, index: ReturnType<typeof agreement>, tunables: Partial<Tunables> = {}) => matchClaims(page(sentence), index, { tunables }).map((m) => m.claimId);

  it("is the agreement's claim, though only its parties are named", () => {
    const withParties = agreement([ACME, GLOBEX, INITECH]);
    expect(claimsIn(told, agreement())).toEqual([]);
    expect(claimsIn(told, withParties, { strengthParty: 0 })).toEqual([]);
    expect(claimsIn(told, withParties)).toEqual(['office-testing-agreements']);
  });

  it("takes no sentence about one party's other agreement: two parties must be named", () => {
    const other = 'Globex signed an agreement letting the Freedonian regulator test its major new models before and after public release.';
    expect(claimsIn(other, agreement([ACME, GLOBEX, INITECH]), { strengthParty: 0 })).toEqual([]);
    expect(claimsIn(other, agreement([ACME, GLOBEX, INITECH]))).toEqual([]);
  });

  it('is told with the parties listed as "X and Y": a list of names is no clause break', () => {
    // (dev-31: "… the AI Safety Institute signed agreements with OpenAI and | Anthropic in August 2024 giving the
    // government access …" was cut between the two names, and neither half named two parties.)
    const listed = 'In Ruritania, the testing institute signed agreements with Acme AI and Globex giving the government access to major new models before and after release.';
    expect(claimsIn(listed, agreement([ACME, GLOBEX, INITECH]))).toEqual(['office-testing-agreements']);
    // Two actors' own clauses are still cut apart: each keeps its own claim.
    const two = 'Globex promised to keep releasing its model weights openly, and Acme AI signed agreements letting the government test its models.';
    const spans = matchClaims(page(two), agreement([ACME, GLOBEX, INITECH])).map((m) => page(two).slice(m.start, m.end));
    expect(spans.some((span) => span.length < two.length)).toBe(true);
  });

  it("leaves a party's own pledge its own", () => {
    expect(claimsIn('Globex promised to keep releasing its model weights openly.', agreement([ACME, GLOBEX, INITECH]))).toEqual(['globex-open-weights']);
  });
});

describe("article-spinner swaps on the bundled set: 'hugest … creators', 'discoveries', 'unequivocal … boycott', 'admittance … collaborators', 'Readiness Structure … per annum', 'martial … armaments'", () => {
  const index = bundledClaimIndex();
  const claimsOf = (text: string, sentence: string) =>
    matchClaims(text, index).filter((m) => text.slice(m.start, m.end) === sentence).map((m) => m.claimId);

  // [what is spun, the sentence before it (naming the actor), the spun sentence, the claim it states]
  it.each([
    ["Anthropic's proposal with its largest developers and findings", 'Anthropic published a policy paper in June 2026.', 'The paper urges that the hugest frontier creators be obliged to test their models, publish their discoveries and undergo autonomous assessment.', 'anthropic-advanced-ai-framework'],
    ["OpenAI's dropped military ban as an 'unequivocal boycott'", 'OpenAI rewrote its usage policy in January 2024.', 'On that date, an edit eliminated the unequivocal military boycott.', 'openai-usage-policy-military-ban'],
    ["Mythos Preview withheld, its partners as 'collaborators' given 'admittance'", 'Anthropic is holding back Claude Mythos Preview from general release.', 'Admittance is given solely to Project Glasswing collaborators for protective security labour.', 'anthropic-mythos-withheld-glasswing'],
    ["OpenAI's yearly review, its framework as a 'Readiness Structure', the company as an 'enterprise', 'per annum'", 'OpenAI updated its safety rules in April 2025.', 'The enterprise says it will reassess, and perhaps refresh, its Readiness Structure for continued adequacy at least once per annum.', 'openai-preparedness-annual-review'],
    ["OpenAI's dropped military ban as a 'martial prohibition' on 'armaments'", 'OpenAI rewrote its usage policy in January 2024.', 'That revision erased the explicit martial prohibition on armaments work.', 'openai-usage-policy-military-ban'],
  ])('finds %s', (_spun, before, spun, claimId) => {
    expect(claimsOf([before, spun].join(SEP), spun)).toEqual([claimId]);
  });
});

describe('a dated description names its instrument however long ago the page named it ("the June order", "the 2026 order", "the order signed in June 2026")', () => {
  const order = (id: string, name: string, date: string, statement: string, phrasing: string) =>
    claim({ id, actor: RURITANIA, instrument: { name, aliases: [] }, statement, phrasings: [phrasing], history: [{ date, event: 'took-effect', note: 'Signed.', sourceUrl: 'https://example.org/order' }] });
  const datedIndex = compileClaimIndex(
    [
      order('ruritania-testing-order', 'Executive Order 501 on Model Testing', '2026-06-02', 'Executive Order 501 lets developers give the government thirty days to test a frontier model before they release it to partners.', 'Developers may give the government thirty days with a frontier model before release.'),
      order('ruritania-grid-order', 'Executive Order 488 on Grid Upgrades', '2025-12-11', 'Executive Order 488 tells the energy ministry to publish a list of grid upgrades that data centres must pay for.', 'The energy ministry must list the grid upgrades data centres pay for.'),
    ],
    '1.0.0',
  );
  const page = (reference: string) =>
    ['Weekly review', 'Ministers met on Tuesday.', 'The weather was mild.', 'Markets were calm.', 'Several bills were debated.', `${reference} lets developers give the government thirty days with a frontier model before release to partners.`].join(SEP);
  const found = (text: string) => matchClaims(text, datedIndex).map((m) => m.claimId);

  it.each(['The June order', 'The 2026 order', 'The executive order signed in June 2026', 'The order of 2 June 2026'])('finds the order of its date in "%s …", five sentences after anything named it', (reference) => {
    expect(found(page(reference))).toEqual(['ruritania-testing-order']);
  });

  it('finds nothing under a date no instrument of the class has, nor under the bare noun with no order named before', () => {
    expect(found(page('The March order'))).toEqual([]);
    expect(found(page('The order'))).toEqual([]);
  });

  it('leaves a dated indefinite framework, bill or code to whoever the sentence names: any company has one', () => {
    const frameworkIndex = compileClaimIndex(
      [order('ruritania-stop-development', 'Scaling Framework', '2026-06-02', 'In its Scaling Framework, Ruritania commits to stop developing a model that reaches its critical risk level.', 'Ruritania says it will halt development of a model at the critical risk level.')],
      '1.0.0',
    );
    const on = (reference: string) =>
      matchClaims(['Weekly review', 'Ministers met on Tuesday.', 'Markets were calm.', `${reference} commits to stop developing a model that reaches its critical risk level.`].join(SEP), frameworkIndex).map((m) => m.claimId);
    expect(on('The June 2026 framework')).toEqual(['ruritania-stop-development']);
    expect(on('A framework published in June 2026 by Tessellate Robotics')).toEqual([]);
  });

  it.each(['An executive order signed in June 2026', 'A June 2026 order'])('reads "%s …", dated, as the order of its date (`datedIndefinites`), and an undated "An order" as none', (reference) => {
    expect(found(page(reference))).toEqual(['ruritania-testing-order']);
    expect(matchClaims(page(reference), datedIndex, { tunables: { datedIndefinites: 0 } })).toEqual([]);
    expect(found(page('An executive order'))).toEqual([]);
  });

  it('reads a date after the noun with no participle as its verb\'s ("approved the order on 2 June 2026"), and a document of the class the set does not know, named just before, as the one meant', () => {
    const approved = ['Weekly review', 'Markets were calm.', 'Ministers approved the order on 2 June 2026, and it lets developers give the government thirty days with a frontier model before release to partners.'];
    expect(found(approved.join(SEP))).toEqual([]);
    const unknownOrder = ['Weekly review', 'Pemberton Bank adopted its Model Risk Order in June 2026.', 'The June order lets developers give the government thirty days with a frontier model before release to partners.'];
    expect(found(unknownOrder.join(SEP))).toEqual([]);
  });
});

describe('a dated description with its author between the date and the noun, in a spinner\'s words ("the 2023 White House voluntary AI vows": here "the 2023 Ruritania voluntary AI vows")', () => {
  const pledgeIndex = compileClaimIndex(
    [
      claim({
        id: 'harbour-pledges-red-teaming',
        actor: PACT,
        instrument: { name: 'Harbour Voluntary Commitments', aliases: [] },
        statement: 'Companies that signed the Harbour Voluntary Commitments in July 2023 committed to test their models internally and externally for security risks before release.',
        phrasings: ['The signatories pledged internal and external security testing of their models before release.'],
        history: [{ date: '2023-07-21', event: 'introduced', note: 'Announced.', sourceUrl: 'https://example.org/pledges' }],
      }),
    ],
    '1.0.0',
  );
  const sentence = (noun: string) => `Firms that inked the 2023 Ruritania voluntary AI ${noun} promised to run internal and external security probing of their models before release.`;
  const page = (noun: string) => ['Weekly review', 'Markets were calm.', sentence(noun)].join(SEP);

  it('finds the pledge under "vows" and "undertakings", not under a noun of no document class', () => {
    for (const noun of ['vows', 'undertakings']) expect(matchClaims(page(noun), pledgeIndex).map((m) => m.claimId)).toEqual(['harbour-pledges-red-teaming']);
    expect(matchClaims(page('guidelines'), pledgeIndex)).toEqual([]);
  });
});

describe('"They promised to: … red-team their models, inside the company and out": a member met by "the company" in an item of a coalition\'s list keeps the item the coalition\'s (`memberAnaphorKeepsCollective`)', () => {
  const pledgeIndex = compileClaimIndex(
    [
      claim({
        id: 'harbour-pledges-red-teaming',
        actor: PACT,
        instrument: { name: 'Harbour Voluntary Commitments', aliases: [] },
        statement: 'Companies that signed the Harbour Voluntary Commitments in July 2023 committed to test their models internally and externally for security risks before release.',
        phrasings: ['The signatories pledged internal and external security testing of their models before release.'],
      }),
      claim({ id: 'acme-ad-free', actor: ACME, statement: 'Acme AI says its chatbot will stay free of advertising.', phrasings: ['Acme promises no ads in its chatbot.'] }),
    ],
    '1.0.0',
  );
  const item = 'test their models for security risks before release, inside the company and out, with outside experts doing part of the work;';
  const page = [
    'Three years of voluntary promises',
    'In July 2023, Globex, Initech, Umbrella and Acme AI handed the ministry a list of promises. The list was short and voluntary. They promised to:',
    item,
    'share what they learn about risks with governments.',
  ].join(SEP);
  const found = (memberAnaphorKeepsCollective: number) =>
    matchClaims(page, pledgeIndex, { tunables: { memberAnaphorKeepsCollective } }).map((m) => [m.claimId, page.slice(m.start, m.end)]);

  it('finds the pledge in the item, where "the company" alone made it Acme\'s, the member named last', () => {
    expect(found(0)).not.toContainEqual(['harbour-pledges-red-teaming', item]);
    expect(found(1)).toContainEqual(['harbour-pledges-red-teaming', item]);
  });
});

describe('a name given as the official name of a document just named is that document ("The official name is …"), not one the claim set does not know (`officialNames`)', () => {
  const lawIndex = compileClaimIndex(
    [claim({ id: 'msa-publish-plan', actor: RURITANIA, instrument: { name: 'Model Safety Act', aliases: ['MSA'] }, statement: 'The Model Safety Act requires model developers to publish a written safety plan and update it every year.', phrasings: ['Under the Model Safety Act, developers must post a written safety plan online.'] })],
    '1.0.0',
  );
  const duty = 'According to the law, the model developer must publish a written safety plan and update it every year.';
  const page = (official: string) =>
    ['Model Safety Act in force from today', `The so-called Model Safety Act took effect this week. ${official} It passed at the end of last year.`, 'Developers must tell users first', duty].join(SEP);
  const found = (text: string, officialNames: number) =>
    matchClaims(text, lawIndex, { tunables: { officialNames } }).map((m) => [m.claimId, text.slice(m.start, m.end)]);

  it('finds the duty after a translated official name, which otherwise made "the law" an unknown law', () => {
    const translated = page('The official name is "Framework Act on the Development of Models and the Establishment of Trust Foundation".');
    expect(found(translated, 0)).not.toContainEqual(['msa-publish-plan', duty]);
    expect(found(translated, 1)).toContainEqual(['msa-publish-plan', duty]);
  });

  it('still reads a law named without the cue as a law the claim set does not know', () => {
    const other = page('The Framework Act on the Development of Models and the Establishment of Trust Foundation followed.');
    expect(found(other, 1)).not.toContainEqual(['msa-publish-plan', duty]);
  });
});

describe('a document noun after "of", "to" or a modifier of law in general is no reference to a law ("the rule of law", "to the extent federal law permits")', () => {
  const lawIndex = compileClaimIndex(
    [
      claim({ id: 'msa-publish-plan', actor: RURITANIA, instrument: { name: 'Model Safety Act', aliases: ['MSA'] }, statement: 'The Model Safety Act requires model developers to publish a written safety plan and update it every year.', phrasings: ['Under the Model Safety Act, developers must post a written safety plan online.'] }),
      claim({ id: 'harbour-treaty-rights', actor: PACT, instrument: { name: 'Harbour Convention on Model Rights', aliases: [] }, statement: 'Parties to the Harbour Convention must keep the use of models consistent with human rights, democracy and the rule of law.', phrasings: ['Parties must ensure model activities respect human rights, democracy and the rule of law.'] }),
    ],
    '1.0.0',
  );
  const text = [
    'The Model Safety Act took effect in March.',
    'The Harbour Convention on Model Rights is the first binding treaty on models.',
    'Parties must ensure that activities across the lifecycle of models are consistent with human rights, democracy and the rule of law.',
  ].join(SEP);

  it("keeps the convention's duty with the convention, not the Act named before it", () => {
    const matches = matchClaims(text, lawIndex).map((m) => [m.claimId, text.slice(m.start, m.end)]);
    expect(matches).toContainEqual(['harbour-treaty-rights', 'Parties must ensure that activities across the lifecycle of models are consistent with human rights, democracy and the rule of law.']);
    expect(matches.map(([id]) => id)).not.toContain('msa-publish-plan');
  });
});

describe("an instrument's class is its name's head noun: \"Executive Order 488, Ending State Law Obstruction\" is an order, \"… Convention on … the Rule of Law\" a treaty", () => {
  const index = compileClaimIndex(
    [
      claim({ id: 'eo-488', actor: RURITANIA, instrument: { name: 'Executive Order 488, Ending State Law Obstruction', aliases: [] }, statement: 'Executive Order 488 sets up a task force to challenge provincial AI laws.', phrasings: ['The order creates a task force against provincial AI laws.'] }),
      claim({ id: 'harbour-convention', actor: PACT, instrument: { name: 'Harbour Framework Convention on Models and the Rule of Law', aliases: [] }, statement: 'The Harbour Convention binds its parties to respect human rights.', phrasings: ['Parties to the convention must respect human rights.'] }),
      claim({ id: 'msa', actor: RURITANIA, instrument: { name: 'Model Safety Act', aliases: [] }, statement: 'The Model Safety Act requires a safety plan.', phrasings: ['Developers must publish a safety plan.'] }),
    ],
    '1.0.0',
  );

  it('reads the classes from the head phrase before "on", "," or "(", and the whole name only when that has none', () => {
    expect(index.instruments.map((instrument) => [instrument.name.split(/[ ,]/)[0], instrument.cls])).toEqual([
      ['Executive', 'order'],
      ['Harbour', 'treaty'],
      ['Model', 'law'],
    ]);
  });
});

describe("of two instruments a page names as often, the one it names first is its subject (the headline's)", () => {
  const index = compileClaimIndex(
    [
      claim({ id: 'msa-chatbot-disclosure', actor: RURITANIA, instrument: { name: 'Model Safety Act', aliases: ['MSA'] }, statement: 'The Model Safety Act requires providers of chatbots to tell users they are talking to an AI system.', phrasings: ['Chatbot providers must disclose to users that they are interacting with AI.'] }),
      claim({ id: 'pact-incidents', actor: PACT, instrument: { name: 'Harbour Pact', aliases: [] }, statement: 'Harbour Pact signatories share incident reports within a week.', phrasings: ['Signatories of the Harbour Pact share incident reports.'] }),
    ],
    '1.0.0',
  );
  const text = [
    'Model Safety Act duties arrive in March: a checklist for providers',
    'Key points',
    'The Model Safety Act applies to every provider. The Harbour Pact is a voluntary code beside it.',
    'The Harbour Pact has few signatories; the Model Safety Act binds all.',
    'Harbour Pact news follows below.',
    'What applies from March',
    'Providers of chatbots must tell users they are talking to an AI system.',
  ].join(SEP);

  it("gives the section under a heading naming nothing the Act's duty", () => {
    const found = (tunables: Partial<Tunables>) => matchClaims(text, index, { tunables }).map((m) => [m.claimId, text.slice(m.start, m.end)]);
    expect(found({ dominantTieFirstNamed: 0 })).toEqual([]);
    expect(found({})).toEqual([['msa-chatbot-disclosure', 'Providers of chatbots must tell users they are talking to an AI system.']]);
  });
});

/** The claims the bundled set's index highlights on exactly `span` of `text`, in order. */
function bundledClaimsOn(text: string, span: string): string[] {
  return matchClaims(text, bundledClaimIndex())
    .filter((m) => text.slice(m.start, m.end) === span)
    .map((m) => m.claimId);
}

/** The claims the bundled set's index judges on `text` (every candidate the matcher scores, accepted or not), in order. */
function judgedOnBundled(text: string, tunables: Partial<Tunables> = {}): string[] {
  const ids: string[] = [];
  matchClaimsDetailed(text, bundledClaimIndex(), { tunables, onCandidate: (c) => ids.push(c.claimId) });
  return ids;
}

describe("a claim's distinctive name in a unit that shares more words with five claims of another document", () => {
  // The bundled set: Anthropic's Frontier Compliance Framework has long phrasings, so its bound is small
  // beside the SB 53 claims the same sentence touches; only `maxCandidates` of them are judged.
  const text = "Anthropic has put out its Frontier Compliance Framework to satisfy California's new AI transparency statute (SB 53), which makes frontier developers disclose how they assess and manage catastrophic risks.";
  const judged = (tunables: Partial<Tunables>) => judgedOnBundled(text, tunables);

  it('keeps its place among the claims judged (`namedKeepPlace`)', () => {
    expect(judged({ namedKeepPlace: 0 })).not.toContain('anthropic-frontier-compliance-framework');
    expect(judged({})).toContain('anthropic-frontier-compliance-framework');
  });

  it('takes no more places than `maxCandidates`', () => {
    expect(new Set(judged({})).size).toBeLessThanOrEqual(DEFAULT_TUNABLES.maxCandidates);
  });
});

describe("the one claim of a document the unit names by the claim's own name, in words none of its statement has", () => {
  // The bundled set: the Frontier Compliance Framework is the one claim of its document; "enforceable" and
  // "document" are none of its words, and the names are frame, not content.
  const text = "Anthropic's Frontier Compliance Framework is an enforceable document under California's SB 53.";
  const judged = (tunables: Partial<Tunables>) => judgedOnBundled(text, tunables);

  it('is judged (`soleInstrumentNamed`)', () => {
    expect(judged({ soleInstrumentNamed: 0 })).not.toContain('anthropic-frontier-compliance-framework');
    expect(judged({})).toContain('anthropic-frontier-compliance-framework');
  });

  it("is the document's one claim: a document of several claims named by one claim's name gives it no place", () => {
    // (The Frontier Safety Roadmap is one of the names of four claims; "Frontier Safety Roadmap" is one's key phrase.)
    const several = "Anthropic's Frontier Safety Roadmap is an enforceable document under California's SB 53.";
    expect(judged({})).toContain('anthropic-frontier-compliance-framework');
    expect(judgedOnBundled(several)).not.toContain('anthropic-rsp3-frontier-safety-roadmaps');
  });
});

describe('"The Scaling Charter … The company has also said …": a company\'s own document names the company for "the company" (`documentNamesOwner`)', () => {
  const index = compileClaimIndex(
    [
      claim({
        id: 'acme-disclose-evaluations',
        actor: ACME,
        instrument: { name: 'Scaling Charter', aliases: [] },
        statement: 'Acme AI says it will be more transparent about model risk, disclosing how its models perform in capability evaluations through risk reports and model cards.',
        phrasings: ['Acme promises to disclose its capability evaluation results in risk reports and model cards.'],
      }),
      GLOBEX_OPEN_WEIGHTS,
    ],
    '1.0.0',
  );
  const page = (between: string) =>
    [
      'Acme AI: more reporting',
      'Acme AI matters to investors through its cloud deals with Globex.',
      between,
      'The company has also said it will be more transparent about model risk, disclosing how its models perform in capability evaluations through risk reports and model cards.',
    ].join(SEP);
  const ids = claimIdsWith(index, 'documentNamesOwner');

  it('reads "the company" after its Scaling Charter as Acme, not Globex named before it', () => {
    const text = page('The Scaling Charter, revised this year, dropped the fixed testing schedule.');
    expect(ids(text, 0)).not.toContain('acme-disclose-evaluations');
    expect(ids(text, 1)).toContain('acme-disclose-evaluations');
  });

  it('leaves "the company" Globex when Globex was named after the document', () => {
    expect(ids(page('The Scaling Charter, revised this year, dropped the fixed testing schedule, a change Globex welcomed.'), 1)).not.toContain('acme-disclose-evaluations');
  });
});

describe('"the company" in a section whose heading names nobody, after a company named once in the section before, is the document\'s own (`sectionCompanyDominant`)', () => {
  const index = compileClaimIndex(
    [
      claim({
        id: 'acme-keep-weights',
        actor: ACME,
        statement: 'Acme AI keeps the weights of every publicly released model for at least the lifetime of the company.',
        phrasings: ['Acme will preserve the weights of its released models for as long as the company exists.'],
      }),
      GLOBEX_OPEN_WEIGHTS,
    ],
    '1.0.0',
  );
  // A scorecard of Acme's promises: each card a numbered heading and what was said; one card ends on a note on Globex.
  const page = (note: string) =>
    [
      'Promise check: ten things Acme AI says it will do',
      '1. No ads in its chatbot',
      'Acme AI says its chatbot will carry no advertising. Acme AI repeated it in March.',
      '2. Power bills',
      'Acme AI says it will pay for the grid upgrades its data centres need.',
      note,
      "3. Keeping old models' weights",
      'Weights of every publicly released model are to be kept for at least the lifetime of the company.',
    ].join(SEP);
  const ids = claimIdsWith(index, 'sectionCompanyDominant');

  it('reads it as Acme, not Globex named once in a note closing the card before', () => {
    const text = page('Globex made a similar pledge in January.');
    expect(ids(text, 0)).not.toContain('acme-keep-weights');
    expect(ids(text, 1)).toContain('acme-keep-weights');
  });

  it('leaves it Globex when Globex is named more than once: the page may be turning to Globex', () => {
    expect(ids(page('Globex made a similar pledge in January. Globex repeated it in May.'), 1)).not.toContain('acme-keep-weights');
  });
});

describe('a relative "that" and a verb ("that would bar states") is no noun phrase referring back', () => {
  // Read as "that … states", a collective's anaphor, it made the signatories named before the speaker of a
  // table cell opening with its verb ("Asks Congress …"), and the framework's own duty was someone else's.
  it('finds the framework\'s request under its name, after a paragraph about signatories ("that would bar states", "that bars states")', () => {
    for (const verb of ['would bar', 'bars']) {
      const cell = `Asks Congress for a single national AI standard that ${verb} states from regulating AI development or penalising developers for misuse by third parties.`;
      const text = [
        'The Seoul signatories promised to publish safety frameworks before the Paris summit; only some signatories met the deadline.',
        'The White House National Policy Framework for AI, 20 March 2026',
        cell,
      ].join('\n\n');
      expect(bundledClaimsOn(text, cell), verb).toEqual(['us-national-ai-legislative-framework-preemption']);
    }
  });
});

describe('a participle of saying after "is" or "was" ("is told to publish") makes no speaker', () => {
  it("finds the order's directive to an agency told what to do", () => {
    const directive = 'The Commerce Department is told to publish a list of state AI laws it considers "onerous", and to issue a BEAD policy notice making states with such laws ineligible for remaining broadband funds.';
    const text = ['Executive Order 14365, signed on 11 December 2025, sets up an AI Litigation Task Force at the Justice Department.', directive].join('\n\n');
    expect(bundledClaimsOn(text, directive)).toEqual(['us-eo-14365-state-ai-law-preemption']);
  });
});

describe('"… the code of practice … Meta declined to sign.": a short sentence whose verb takes its object from the sentence before (`elidedKeyTerms`)', () => {
  const before = "Google signed the EU's code of practice for general-purpose AI in August 2025, committing to its transparency, copyright and safety chapters.";

  it("meets the claim's other key-term group with the sentence before it in the same paragraph", () => {
    const text = `${before} Meta declined to sign.`;
    expect(bundledClaimsOn(text, 'Meta declined to sign.')).toEqual(['meta-declined-gpai-code']);
    expect(matchClaims(text, bundledClaimIndex(), { tunables: { elidedKeyTerms: 0 } }).map((m) => m.claimId)).not.toContain('meta-declined-gpai-code');
  });

  it('borrows nothing across paragraphs, nor for a sentence with none of the claim\'s key terms ("declined to comment")', () => {
    expect(bundledClaimsOn(`${before}\n\nMeta declined to sign.`, 'Meta declined to sign.')).toEqual([]);
    expect(bundledClaimsOn(`${before} Meta declined to comment.`, 'Meta declined to comment.')).toEqual([]);
  });
});

describe('a Title Case headline capitalises its verb ("OpenAI Erases … Ban From Its Usage Policy"): read in lower case, it states its claim', () => {
  const under = '\n\nThe change was first spotted by reporters this week and confirmed by the company on Friday.';

  it.each([
    ["OpenAI Erases 'Military and Warfare' Ban From Its Usage Policy", 'openai-usage-policy-military-ban'],
    ['Google Scraps Its Pledge Not To Use AI For Weapons Or Surveillance', 'google-ai-principles-no-weapons-surveillance'],
  ])('"%s"', (headline, claim) => {
    expect(bundledClaimsOn(`${headline}${under}`, headline)).toEqual([claim]);
  });

  it('is still a topic label with no verb after the name ("Google Weapons Pledge: The Full Timeline")', () => {
    const headline = 'Google Weapons Pledge: The Full Timeline';
    expect(bundledClaimsOn(`${headline}${under}`, headline)).toEqual([]);
  });
});

describe('a comparison table: each law named only in its column heading ("Duty | Model Safety Act | Frontier Duty Act")', () => {
  const lawsIndex = compileClaimIndex(PUBLISH_PLAN_LAWS, 'test');
  const cells = (html: string, tunables: Partial<Tunables> = {}) => {
    const { text } = textFromHtml(html, 'https://example.test/');
    return matchClaims(text, lawsIndex, { tunables }).map((m) => `${m.claimId}: ${text.slice(m.start, m.end)}`);
  };
  const ruritanian = 'Large developers must write and publish a safety plan and review it every year';
  const freedonian = 'Large developers must publish a safety plan before they deploy a model';
  const table = (heads: string) =>
    `<h1>Two safety laws, side by side</h1><p>Ruritania and Freedonia both regulate large model developers.</p><table><tr>${heads}</tr><tr><td>Safety plan</td><td>${ruritanian}</td><td>${freedonian}</td></tr></table>`;

  it("reads each cell as its column's law", () => {
    const html = table('<th>Duty</th><th>Model Safety Act</th><th>Frontier Duty Act</th>');
    expect(cells(html, { strengthColumn: 0 })).not.toContain(`fda-publish-plan: ${freedonian}`);
    expect(cells(html)).toEqual([`msa-publish-plan: ${ruritanian}`, `fda-publish-plan: ${freedonian}`]);
  });

  it('takes no scope from a first row of sentences rather than headings', () => {
    const sentences = table('<td>The duties compared here were set in two different years by two parliaments</td><td>Ruritania adopted the Model Safety Act first, in 2024</td><td>Freedonia adopted the Frontier Duty Act later, in 2026</td>');
    expect(cells(sentences)).not.toContain(`fda-publish-plan: ${freedonian}`);
  });
});

describe('a government named as owner of its one law ("New York\'s law") is that law for a later "the law" (`ownedDescriptions`)', () => {
  const lawsIndex = compileClaimIndex(PUBLISH_PLAN_LAWS, 'test');
  const found = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, lawsIndex, { tunables }).map((m) => `${m.claimId}: ${text.slice(m.start, m.end)}`);
  const duty = 'Its heaviest duty, publishing a safety plan, falls on large model developers.';
  const page = (owner: string) =>
    [
      "Freedonia's Frontier Duty Act already makes large developers publish a safety plan before deployment.",
      `Claim 4: "${owner} law applies to every start-up in the country."`,
      'The law is aimed at the developers of the largest models.',
      duty,
    ].join(SEP);

  it("reads the law as the government's own, not the law named last", () => {
    expect(found(page("Ruritania's"), { ownedDescriptions: 0 })).not.toContain(`msa-publish-plan: ${duty}`);
    expect(found(page("Ruritania's"))).toContain(`msa-publish-plan: ${duty}`);
  });

  it('names no law for a government with two of them', () => {
    const twoLaws = compileClaimIndex(
      [
        ...PUBLISH_PLAN_LAWS,
        claim({
          id: 'ruritania-data-act',
          actor: RURITANIA,
          instrument: { name: 'Data Access Act', aliases: [] },
          statement: "Ruritania's Data Access Act requires public bodies to publish their datasets.",
          phrasings: ['Ruritania makes public bodies publish their datasets.'],
        }),
      ],
      'test',
    );
    const text = page("Ruritania's");
    const spans = (tunables: Partial<Tunables>) => matchClaims(text, twoLaws, { tunables }).map((m) => `${m.claimId}: ${text.slice(m.start, m.end)}`);
    expect(spans({})).not.toContain(`msa-publish-plan: ${duty}`);
    expect(spans({})).toEqual(spans({ ownedDescriptions: 0 }));
  });
});

describe('a name in a "-style", "-like" or "-inspired" compound is a model for something else, not what the sentence is about', () => {
  const lawsIndex = compileClaimIndex(PUBLISH_PLAN_LAWS, 'test');
  const found = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, lawsIndex, { tunables }).map((m) => `${m.claimId}: ${text.slice(m.start, m.end)}`);

  it("does not credit the compound's government with a draft's duties", () => {
    for (const compound of ['Ruritania-style', 'Ruritania-like', 'Ruritania-inspired']) {
      const draft = `An early draft would have imposed ${compound} duties on large developers to write and publish a safety plan and review it every year.`;
      const text = ["Freedonia's new law", `Freedonia passed the Frontier Duty Act in May. ${draft}`].join(SEP);
      expect(found(text, { strengthCompared: 1 }), compound).toContain(`msa-publish-plan: ${draft}`);
      expect(found(text), compound).toEqual([]);
    }
  });
});

describe('an order described by its date, "an Executive Order (EO)", is the order that "the EO" later means', () => {
  const page = [
    'State AI laws and Washington',
    'On December 11, 2025, President Trump issued an Executive Order (EO) on state AI laws. The EO targets state rules it calls onerous. In addition, the EO says Washington must work with Congress on one national standard. Finally, the EO says the administration should act until then.',
    'The EO requires that within 30 days the Attorney General shall establish an AI Litigation Task Force whose sole job is to challenge State AI laws.',
  ].join(SEP);
  /** The instrument frame of each claim judged on the last sentence. */
  const frames = (tunables: Partial<Tunables> = {}) => candidateFeatures(page, 'The EO requires', tunables);

  it("takes the date from the sentence's opening words, reads the capitals as a description, and names the order for later", () => {
    const resolved = frames();
    expect(resolved['us-eo-14365-state-ai-law-preemption']?.instrument).toBeGreaterThan(0.8);
    expect(resolved['us-eo-14110-revoked']?.instrument ?? 0).toBeLessThan(0.5);
    for (const off of ['sentenceDatesIndefinite', 'capitalisedClassNouns', 'datedNamesDocument'] as const) {
      expect(frames({ [off]: 0 })['us-eo-14365-state-ai-law-preemption']?.instrument ?? 0, off).toBeLessThan(0.5);
    }
  });
});

describe('an article named by number alone is the law the page named it with (`articleReferences`)', () => {
  const page = (omnibus: string) =>
    [
      'AI Act transparency: one month to go',
      'On 2 August 2026 most transparency obligations under Article 50 of the EU AI Act become applicable.',
      omnibus,
      'Article 50(2) requires providers of AI systems that generate synthetic audio, image, video or text content to ensure that their outputs are marked in a machine-readable format and detectable as artificially generated.',
    ].join(SEP);
  /** Whether the last sentence names the transparency claim's law (the `explicit` feature of its candidate). */
  const named = (text: string, tunables: Partial<Tunables> = {}) => candidateFeatures(text, 'Article 50(2) requires', tunables)['eu-ai-act-transparency-obligations']?.explicit ?? -1;
  const text = page('However, under the Digital Omnibus on AI, the deadline for some systems already on the market moves to 2 December 2026.');

  it('reads "Article 50(2)" as the AI Act, not the package named in the sentence before', () => {
    expect(named(text, { articleReferences: 0 })).toBe(0);
    expect(named(text)).toBe(1);
  });

  it('leaves an article number the page never tied to a law', () => {
    expect(named(text.replace('under Article 50 of the EU AI Act', 'under the EU AI Act'))).toBe(0);
  });
});

describe('a short name defined in brackets, "(the “AI Code”)", names the same document wherever the page uses it (`definedTerms`)', () => {
  const signed = 'Providers that sign the AI Code commit to its transparency and copyright chapters and, for the largest models, its safety and security chapter.';
  const page = (definition: string) => ["The EU's code for AI models", `On July 10, 2025, the European Commission published ${definition}, three weeks before the rules for general-purpose AI models apply.`, signed].join(SEP);
  const found = bundledMatches;

  it('is the code, not a document of its own', () => {
    const text = page('the General-Purpose AI Code of Practice (the “AI Code”)');
    expect(found(text, { definedTerms: 0 })).not.toContain(`eu-gpai-code-of-practice: ${signed}`);
    expect(found(text)).toContain(`eu-gpai-code-of-practice: ${signed}`);
  });

  it('names nothing known when the page defined it for something unknown', () => {
    const text = page('a Code of Conduct for Model Providers (the “AI Code”)');
    expect(found(text)).not.toContain(`eu-gpai-code-of-practice: ${signed}`);
  });
});

describe('a counted group in a sentence dated to one coalition\'s pledge names that coalition ("in May 2024 … sixteen model companies"), so a later "Those companies" refers to it (`countedCoalitions`)', () => {
  const pactIndex = compileClaimIndex(
    [
      claim({
        id: 'pact-outside-testing',
        actor: PACT,
        instrument: { name: 'Harbour Pact', aliases: ['Harbour summit pledge'] },
        statement: 'Signatories of the Harbour Pact pledged to have outside experts test their models before release.',
        phrasings: ['Harbour Pact signatories promised independent pre-release testing of their models.'],
        history: [{ date: '2024-05-21', event: 'introduced', note: 'Signed at the Harbour summit.', sourceUrl: 'https://example.org/pact' }],
      }),
      claim({ id: 'acme-ledger', actor: ACME, statement: 'Acme AI will publish a risk ledger every quarter.', phrasings: ['Acme says it will publish a quarterly ledger of model dangers.'] }),
    ],
    '1.0.0',
  );
  const pledge = 'Those companies pledged to have outside experts test their models before release.';
  const found = (opening: string, countedCoalitions: number) =>
    matchClaims([opening, pledge].join(' '), pactIndex, { tunables: { countedCoalitions } }).map((m) => m.claimId);

  it('finds the pledge after a group counted in the month the pact was signed, which named nobody before', () => {
    const opening = 'In May 2024, the summit hosts gathered sixteen leading model companies.';
    expect(found(opening, 0)).not.toContain('pact-outside-testing');
    expect(found(opening, 1)).toContain('pact-outside-testing');
  });

  it('without a year, takes a word of two of the pact\'s names ("Harbour") in the sentence as the cue, past initials in the group ("seven US companies")', () => {
    const opening = 'Last May, seven US model companies went to Harbour.';
    expect(found(opening, 0)).not.toContain('pact-outside-testing');
    expect(found(opening, 1)).toContain('pact-outside-testing');
    expect(found('Last May, seven US model companies went to Geneva.', 1)).not.toContain('pact-outside-testing');
  });

  it('leaves a group counted in another year, or one founding something the claim set does not know, unnamed', () => {
    expect(found('In May 2022, the summit hosts gathered sixteen leading model companies.', 1)).not.toContain('pact-outside-testing');
    expect(found('In May 2024, four companies founded the Northwind Model Forum.', 1)).not.toContain('pact-outside-testing');
  });
});

describe('a short sentence with the actor as subject states a claim whose document, one signs or joins, it leaves as the elided object ("… the code … Meta said last month it would not sign.") (`elidedDocument`)', () => {
  const codeIndex = compileClaimIndex(
    [
      claim({
        id: 'acme-declined-harbour-code',
        actor: ACME,
        instrument: { name: 'Harbour Code of Practice', aliases: ['Harbour Code'] },
        statement: 'Acme AI declined to sign the Harbour Code of Practice for model providers, calling it overreach.',
        phrasings: ['Acme refused to sign the Harbour Code.', 'Acme AI will not sign the voluntary Harbour Code of Practice.'],
        keyTerms: [['declined', 'refused', 'not sign', 'overreach'], ['code']],
      }),
      claim({ id: 'acme-ledger', actor: ACME, statement: 'Acme AI will publish a risk ledger every quarter.', phrasings: ['Acme says it will publish a quarterly ledger of model dangers.'] }),
    ],
    '1.0.0',
  );
  // (A page about the code: named often enough to be in view where it goes unsaid.)
  const opening = [
    'The Harbour Code of Practice was published on 10 July.',
    'Providers that sign the Harbour Code commit to its transparency and copyright chapters.',
    'Signing the Harbour Code is voluntary, and the Harbour Code gives signatories legal certainty.',
  ].join(SEP);
  // (A sentence between, so that the one before the claim's has no word of the code: see `elidedKeyTerms`.)
  const found = (sentence: string, elidedDocument: number) =>
    matchClaims([opening, `Its chief executive spoke in Paris on Tuesday. ${sentence}`].join(SEP), codeIndex, { tunables: { elidedDocument } })
      .filter((m) => m.start >= opening.length)
      .map((m) => m.claimId);

  it('finds "Acme, for its part, said last month that it would not sign." and "Acme declined." on a page about the code, which met only one of its two key-term groups', () => {
    for (const sentence of ['Acme, for its part, said last month that it would not sign.', 'Acme declined.']) {
      expect(found(sentence, 0)).not.toContain('acme-declined-harbour-code');
      expect(found(sentence, DEFAULT_TUNABLES.elidedDocument)).toContain('acme-declined-harbour-code');
    }
  });

  it('leaves a sentence whose verb has an object of its own, or whose subject is someone else, alone', () => {
    expect(found('Acme declined to comment on the lawsuit filed by a rival.', DEFAULT_TUNABLES.elidedDocument)).not.toContain('acme-declined-harbour-code');
    expect(found('The old pledge was simpler to hold Acme to than the refusal.', DEFAULT_TUNABLES.elidedDocument)).not.toContain('acme-declined-harbour-code');
  });
});

describe('a sentence naming the actor and its own code, declaration or agreement meets the key terms that document\'s name holds ("Meta refuses to sign the EU AI Code of Practice": "Code") (`namedDocumentKeyTerms`)', () => {
  // A known name's words are not the sentence's terms, so "Code" in "Code of Practice" met no "code" group: the
  // claim was not even judged. Real wire copy (real articles v32) writes the code's name in capitals.
  const declined = 'meta-declined-gpai-code';
  const found = (sentence: string, namedDocumentKeyTerms: number) => bundledMatches(sentence, { namedDocumentKeyTerms }).map((line) => line.split(':')[0]);

  it('finds the refusal with the code named in capitals, which the "code" group alone missed', () => {
    const sentence = 'Meta refuses to sign the EU AI Code of Practice.';
    expect(found(sentence, 0)).not.toContain(declined);
    expect(found(sentence, DEFAULT_TUNABLES.namedDocumentKeyTerms)).toContain(declined);
  });

  it('needs the actor named too, and a group met by the sentence\'s own words: the name alone states nothing', () => {
    for (const sentence of ['The EU AI Code of Practice was published on 10 July 2025.', 'The company will not sign the EU AI Code of Practice.', 'Meta and the EU AI Code of Practice.']) {
      expect(found(sentence, DEFAULT_TUNABLES.namedDocumentKeyTerms), sentence).not.toContain(declined);
    }
  });
});

describe('a list of signatories hands on to the sentences after it their groups, not each member (`listCarriesGroup`)', () => {
  // Real articles v27: a Seoul explainer's list of sixteen signatories, then "Crucially, they agreed not to develop or
  // deploy a model … at all", which went to Microsoft's own pause (the member with the strongest words), once a ticker
  // rule joined "01.AI" back into the list's sentence.
  const page = [
    'At the AI Seoul Summit in May 2024, sixteen leading AI companies agreed to the Frontier AI Safety Commitments. The original signatories were Amazon, Anthropic, Cohere, Google, G42, IBM, Inflection AI, Meta, Microsoft, Mistral AI, Naver, OpenAI, Samsung Electronics, the Technology Innovation Institute, xAI, and Zhipu.ai, with Magic, MiniMax, 01.AI, and NVIDIA joining later.',
    'The commitments ask each company to publish a safety framework. Crucially, they agreed not to develop or deploy a model or system at all if mitigations cannot keep risks below those thresholds.',
  ].join(SEP);
  const pledge = (listCarriesGroup: number) => bundledMatches(page, { listCarriesGroup }).filter((line) => line.includes('Crucially')).map((line) => line.split(':')[0]);

  it('gives the pledge two sentences on to the coalition', () => {
    expect(pledge(0)).toContain('microsoft-frontier-governance-pause');
    expect(pledge(DEFAULT_TUNABLES.listCarriesGroup)).toEqual(['seoul-frontier-ai-safety-commitments-halt']);
  });

  it('keeps an actor of no coalition that the list names ("CAISI extended them to Google DeepMind, Microsoft and xAI")', () => {
    const agreements = [
      'The US AI Safety Institute first signed testing agreements with OpenAI and Anthropic in August 2024. Its successor, the Center for AI Standards and Innovation, or CAISI, extended them in May 2026 to Google DeepMind, Microsoft and xAI.',
      'Under the arrangements, government evaluators get access to major new frontier models both before and after public release.',
    ].join(SEP);
    expect(bundledMatches(agreements).filter((line) => line.includes('Under the arrangements')).map((line) => line.split(':')[0])).toEqual(['us-aisi-caisi-testing-agreements']);
  });
});

describe('a defined term\'s uses ("the Act" after (the "Act")) make its law the page\'s subject as its name would (`definedTermsCount`)', () => {
  const lawIndex = compileClaimIndex(
    [
      claim({
        id: 'msa-whistleblower-channel',
        actor: RURITANIA,
        instrument: { name: 'Model Safety Act', aliases: ['MSA'] },
        statement: "Ruritania's Model Safety Act requires model developers to set up internal reporting channels for whistleblowers to raise safety concerns.",
        phrasings: ['Under the Model Safety Act, developers must give whistleblowers an internal channel to report safety risks.'],
      }),
    ],
    '1.0.0',
  );
  const duty = 'All developers must develop internal reporting mechanisms for whistleblowers to report safety concerns.';
  const page = [
    'This client alert looks at how Ruritania regulates model developers.',
    'Ruritania\'s Model Safety Act (the "Act") took effect on 1 January.',
    'The Act is the state\'s latest attempt to manage serious risks.',
    'Model developers must file a yearly plan with the regulator.',
    'Model developers must keep records of their training runs.',
    'Model developers must report incidents within fifteen days.',
    'Model developers must publish a summary of their evaluations.',
    'Model developers must name a compliance officer.',
    'Model developers must keep their plans for five years.',
    'Model developers must answer the regulator within a month.',
    duty,
    'The Act applies to developers above a revenue threshold.',
    'Under the Act, fines reach one million crowns.',
  ].join(SEP);
  /** The strength of the law in the duty's frame (0..1), with the tunable at `definedTermsCount`. */
  const lawInView = (definedTermsCount: number) => {
    let strength = 0;
    matchClaimsDetailed(page, lawIndex, {
      tunables: { definedTermsCount },
      onCandidate: (c) => {
        if (page.slice(c.start, c.end) === duty) strength = c.features.instrument;
      },
    });
    return strength;
  };

  it('keeps the law in view in a duty seven paragraphs after "the Act", as the page\'s subject', () => {
    // (Named once by name and three times as "the Act": the page's subject only when the defined term's uses count.)
    expect(lawInView(0)).toBeLessThan(0.3);
    expect(lawInView(1)).toBeGreaterThanOrEqual(DEFAULT_TUNABLES.strengthDominant);
  });
});

describe('a short name defined after a quoted title ("… on “Ensuring a National Policy Framework for Artificial Intelligence” (the “Order”)") names the document at each later use', () => {
  // A law firm's alert (real v35) named the order once by its quoted title, defined "the Order" after the closing
  // quote, and then wrote only "The Order …" under section headings: the definition was not read past the quote.
  const task = 'The Order tasks the Attorney General with setting up an AI Litigation Task Force within thirty days.';
  const page = [
    'On 11 December the President signed an executive order on “Ensuring a National Policy Framework for Artificial Intelligence” (the “Order”). Its stated aim is a light-touch national approach in place of a patchwork of state rules, and it is expected to take effect in stages over the next three months, beginning with reviews by several agencies.',
    'Review of state laws',
    'The Commerce Department will publish a review of state rules within ninety days, and the review will list the rules it judges too burdensome for developers and deployers.',
    'Litigation',
    task,
  ].join(SEP);

  it('finds the order in a sentence that names it only as "The Order", two sections after the definition', () => {
    let instrument = 0;
    const found = matchClaimsDetailed(page, bundledClaimIndex(), {
      onCandidate: (c) => {
        if (c.claimId === 'us-eo-14365-state-ai-law-preemption' && page.slice(c.start, c.end) === task) instrument = Math.max(instrument, c.features.instrument);
      },
    });
    expect(instrument).toBe(1);
    expect(found.matches.filter((m) => page.slice(m.start, m.end) === task).map((m) => m.claimId)).toEqual(['us-eo-14365-state-ai-law-preemption']);
  });
});

describe('an agreement claim framed by two of its parties keeps its place among the claims a unit judges, against the parties\' own claims (`partyRanksAsActor`)', () => {
  const found = bundledMatches;
  const deals = 'Lab news\u2029OpenAI and Anthropic each signed deals with the federal government that let it test their new models before launch.';

  it('finds the testing agreements in a sentence whose subject is two of their parties, each with a dozen claims of its own', () => {
    expect(found(deals)).toEqual([`us-aisi-caisi-testing-agreements: ${deals.split('\u2029')[1]}`]);
    expect(found(deals, { partyRanksAsActor: 0 })).toEqual([]);
  });

  it('gives the two parties no other agreement: a pledge of their own stays unmatched to the testing deals', () => {
    const pledge = 'Lab news\u2029OpenAI and Anthropic have both promised to publish safety frameworks for their models before launch.';
    expect(found(pledge).filter((match) => match.startsWith('us-aisi-caisi-testing-agreements'))).toEqual([]);
  });
});

describe('a law the sentence compares its subject with through an adjective or a capitalised owner ("aligned with the EU\'s landmark AI Act") is no antecedent of the next "The law"', () => {
  const page = [
    'Italy passes its own AI law',
    "ROME: Italy's senate on Wednesday approved a new law covering artificial intelligence, making it the first European Union country with national AI rules aligned with the EU's landmark AI Act.",
    "The prime minister's office, which drafted the legislation, said it puts people first while backing innovation and privacy.",
    'The law sets rules for healthcare, work, public administration and justice, and keeps humans responsible for final decisions.',
  ];

  it('reads "The law" as the new national law, not the EU act it is aligned with', () => {
    expect(bundledMatches(page.join(SEP))).toContain(`italy-national-ai-law: ${page[3]}`);
  });

  it('still reads "The law" as the EU act when the sentence is about the act itself', () => {
    const about = ["Brussels' AI rulebook", "The EU's landmark AI Act took effect in August 2024.", ...page.slice(2)];
    expect(bundledMatches(about.join(SEP)).filter((match) => match.startsWith('italy-national-ai-law'))).toEqual([]);
  });
});

describe('a page\'s headline takes the claim its story states a few paragraphs down, after a lead about something else (`headlineReach`, `headlineReachFacet`)', () => {
  const headline = 'Meta may stop development of AI systems it deems too risky, it says';
  const stated = 'Under the new Frontier AI Framework, Meta says it will stop development of a model that reaches the critical risk threshold until it can be made safe.';
  const story = (title: string) =>
    [title, "Mark Zuckerberg has long promised to share Meta's most capable models with the world one day.", 'In a policy paper published on Monday, Meta sets out where that promise ends.', stated].join(SEP);

  it('highlights the headline with the claim the third paragraph states', () => {
    expect(bundledMatches(story(headline))).toEqual([`meta-frontier-ai-framework-stop-development: ${headline}`, `meta-frontier-ai-framework-stop-development: ${stated}`]);
    expect(bundledMatches(story(headline), { headlineReach: 1 })).toEqual([`meta-frontier-ai-framework-stop-development: ${stated}`]);
  });

  it('leaves a headline that carries little of the claim to itself ("Meta publishes a new policy paper")', () => {
    const topic = 'Meta publishes a new policy paper on its models';
    expect(bundledMatches(story(topic))).toEqual([`meta-frontier-ai-framework-stop-development: ${stated}`]);
  });
});

describe('the page\'s title votes for its subject (`titleSubjectMentions`): a transcript that names its subject once, in the title\'s words, and a rival twice in an aside', () => {
  const GLOBEX = { id: 'globex', name: 'Globex', type: 'company' as const, aliases: [] };
  const index = compileClaimIndex(
    [
      claim({
        id: 'acme-power-bills',
        actor: ACME,
        statement: 'Acme AI will pay for the electricity price increases that its data centres cause for household customers.',
        phrasings: ['Acme says it will cover the rise in household power bills its data centres cause.', 'Acme AI pledged to pay the electricity price increases its data centres bring to consumers.'],
      }),
      claim({
        id: 'globex-ads-labelled',
        actor: GLOBEX,
        statement: 'Globex will label every advertisement in its assistant and keep advertisers out of its answers.',
        phrasings: ['Globex promised that ads in its assistant would be labelled and never shape answers.'],
      }),
    ],
    'test',
  );
  const transcript = [
    'Episode 12: the side quests',
    'MAYA: Today, everything Acme has promised outside its scaling policy.',
    'MAYA: First the ads. Globex said in January it would start testing ads in its assistant, and Globex also said the ads would not sway its answers.',
    'THEO: Okay. The power bill.',
    'MAYA: They have said they will pay for the electricity price increases that households face because of the data centres they are building.',
  ].join(SEP);
  const stated = transcript.split(SEP)[4]!;
  const found = (pageTitle: string | undefined, tunables: Partial<Tunables> = {}) =>
    matchClaims(transcript, index, { tunables, ...(pageTitle === undefined ? {} : { pageTitle }) }).map((m) => `${m.claimId}: ${transcript.slice(m.start, m.end)}`);

  it('reads "They" as the subject the title names', () => {
    expect(found('The side quests: Acme’s other promises')).toContain(`acme-power-bills: ${stated}`);
    expect(found('The side quests: Acme’s other promises', { titleSubjectMentions: 0 })).not.toContain(`acme-power-bills: ${stated}`);
  });

  it('without a title naming anyone, the rival named more often stays the page\'s subject', () => {
    expect(found(undefined)).not.toContain(`acme-power-bills: ${stated}`);
    expect(found('The side quests')).not.toContain(`acme-power-bills: ${stated}`);
  });
});

describe('a sentence telling of a new document and the promise the old one dropped states both (`endedClaimStands`)', () => {
  // Our words, in the form a real tracker page used (real v27): the new document named, the old promise's end told.
  const text = [
    'Anthropic rewrote its Responsible Scaling Policy in February.',
    'Version 3.0 brought in public Frontier Safety Roadmaps with stated goals and Risk Reports, but critics noted that it removed an earlier commitment to pause model training if adequate safety measures could not be shown.',
  ].join(SEP);
  const PAUSE = 'anthropic-rsp-pause-pledge';
  const ROADMAPS = 'anthropic-rsp3-frontier-safety-roadmaps';
  const claimsOf = (matches: string[]) => matches.map((match) => match.slice(0, match.indexOf(':')));

  it('keeps the withdrawn pledge beside the document named there, each on its own clause', () => {
    const matches = bundledMatches(text);
    expect(claimsOf(matches)).toEqual([ROADMAPS, PAUSE]);
    expect(matches[1]).toMatch(/removed an earlier commitment to pause model training/);
    expect(matches[0]).not.toMatch(/pause/);
    expect(claimsOf(bundledMatches(text, { endedClaimStands: 0 }))).toEqual([ROADMAPS]);
  });

  it('near misses: no verb of ending, or a pledge still in force, yield to the named document as before', () => {
    expect(claimsOf(bundledMatches(text.replace('removed', 'kept')))).toEqual([ROADMAPS]);
    const set = bundledClaimSet();
    const inForce = compileClaimIndex(set.claims.map((c) => (c.id === PAUSE ? { ...c, status: 'in-force' as const } : c)), set.version);
    expect(matchClaims(text, inForce).map((m) => m.claimId)).toEqual([ROADMAPS]);
  });
});

describe('a reporting verb in a relative clause ("a package that critics say waters down the law") speaks only inside that clause (`relativeSpeaker`)', () => {
  const lede = 'The European Commission on Tuesday proposed delaying the AI Act\'s high-risk rules by up to 16 months, part of a "digital omnibus" package that critics say waters down the law.';

  it("keeps the sentence the Commission's, not the critics'", () => {
    expect(bundledMatches(lede, { relativeSpeaker: 0 })).toEqual([]);
    expect(bundledMatches(lede)).toEqual([`eu-ai-act-digital-omnibus-high-risk-delay: ${lede}`]);
  });

  it('reads "change what people believe" as what a model might do, not as people speaking', () => {
    const level = 'The new level covers models that could substantially change what people believe and do in high-stakes situations, causing harm at severe scale.';
    const text = ['Google DeepMind updated its Frontier Safety Framework in September 2025.', level].join(SEP);
    expect(bundledMatches(text, { relativeSpeaker: 0 })).toEqual([]);
    expect(bundledMatches(text)).toEqual([`gdm-fsf-harmful-manipulation-ccl: ${level}`]);
  });

  it('still gives a sentence to the critics when they are its subject', () => {
    const critics = 'Critics say the Commission\'s "digital omnibus" package waters down the law by delaying the AI Act\'s high-risk rules by up to 16 months.';
    expect(bundledMatches(critics)).toEqual([]);
  });
});

describe('"X noted the parallel, when Y promised …": the noted noun phrase is X\'s, the "when" clause the writer\'s (`nounObjectSpeaker`)', () => {
  // A new user's report 53, problem 3: only "that team was disbanded …" was highlighted, a fragment naming neither OpenAI nor the pledge.
  const lead = 'OpenAI on Tuesday published an updated version of its Preparedness Framework.';
  const sentence = 'Observers noted the parallel with 2023, when OpenAI promised to dedicate 20% of its compute to its superalignment team; that team was disbanded less than a year later.';
  const pledge = 'Observers noted the parallel with 2023, when OpenAI promised to dedicate 20% of its compute to its superalignment team;';

  it('highlights the clause that holds the pledge', () => {
    const text = [lead, sentence].join(SEP);
    expect(bundledMatches(text)).toContain(`openai-superalignment-compute-pledge: ${pledge}`);
    expect(bundledMatches(text, { nounObjectSpeaker: 0 })).not.toContain(`openai-superalignment-compute-pledge: ${pledge}`);
  });

  it('changes nothing where no "when" or "as" clause follows the noted noun phrase, nor for "noted that …"', () => {
    for (const other of [
      'Critics noted the irony of a pledge to dedicate 20% of its compute to its superalignment team that OpenAI never kept.',
      'Observers noted that OpenAI had promised to dedicate 20% of its compute to its superalignment team.',
    ]) {
      const text = [lead, other].join(SEP);
      expect(bundledMatches(text), other).toEqual(bundledMatches(text, { nounObjectSpeaker: 0 }));
    }
  });
});

describe('a person the page introduces as an actor\'s officer speaks for it by name (`officerNames`)', () => {
  // Real v34 (an AFP story): the DeepMind chief quoted in between made "the company" ambiguous, and Pichai an unknown speaker.
  const text = [
    'Revised AI principles were posted just weeks after Google chief executive Sundar Pichai attended the inauguration.',
    '“We believe democracies should lead in AI development,” read a blog post by Google DeepMind chief Demis Hassabis.',
    'Pichai had previously stated that the company would not design or deploy the technology for weapons designed to hurt people or for surveillance violating internationally accepted norms.',
  ].join(SEP);
  const pledge = text.split(SEP)[2]!;

  it("reads the surname of Google's chief executive as Google", () => {
    expect(bundledMatches(text)).toContain(`google-ai-principles-no-weapons-surveillance: ${pledge}`);
    expect(bundledMatches(text, { officerNames: 0 })).not.toContain(`google-ai-principles-no-weapons-surveillance: ${pledge}`);
  });

  it('also from "Name, chief executive of Actor" and "Name, Actor\'s CEO"', () => {
    for (const intro of ['Sundar Pichai, chief executive of Google, attended the inauguration.', "Sundar Pichai, Google's CEO, attended the inauguration."]) {
      const variant = [intro, text.split(SEP)[1]!, pledge].join(SEP);
      expect(bundledMatches(variant), intro).toContain(`google-ai-principles-no-weapons-surveillance: ${pledge}`);
    }
  });
});

describe('a nationality between "the" and a class noun keeps the reference ("the Italian law", "the French company"; `demonymAnaphors`)', () => {
  it('reads a machine-translated headline\'s "the Italian law" as the law the page is about (dev-48)', () => {
    const { text, title } = textFromHtml(readFileSync('tests/fixtures/independent/dev-48/b-machine-translated-italy-ai-law.html', 'utf8'), 'https://example.test/');
    const italianLaw = (tunables: Partial<Tunables>) =>
      matchClaims(text, bundledClaimIndex(), { tunables, pageTitle: title }).filter((m) => m.claimId === 'italy-national-ai-law' && text.slice(m.start, m.end).includes('the Italian law is in vigour'));
    expect(italianLaw({})).toHaveLength(1);
    expect(italianLaw({ demonymAnaphors: 0 })).toHaveLength(0);
  });
});

describe('newsroom idioms for warning ("raise the alarm", "sound the alarm"): curated phrases', () => {
  it("finds SB 53's whistleblower protections told as protecting those who 'raise alarms'", () => {
    const sentence = 'SB 53 also protects whistleblowers at AI labs who raise alarms about catastrophic risk.';
    expect(bundledMatches(sentence)).toEqual([`ca-sb53-whistleblower-protections: ${sentence}`]);
  });
});

describe('a "who" clause inside an aside set off by commas speaks only inside it (`relativeAsideSpeaker`)', () => {
  // Real article (v36): the founders "who warned about runaway AI" made the whole sentence theirs, and the pause pledge went unhighlighted.
  const lead = 'Anthropic has changed its rules.';
  const sentence =
    "The San Francisco startup, founded by former OpenAI staffers who warned about runaway AI, has scrapped its Responsible Scaling Policy, which required it to pause training more powerful models if it couldn't reliably control them.";

  it('keeps the sentence the writer\'s', () => {
    const text = [lead, sentence].join(SEP);
    expect(bundledMatches(text, { relativeAsideSpeaker: 0 })).toEqual([]);
    expect(bundledMatches(text)).toEqual([`anthropic-rsp-pause-pledge: ${sentence}`]);
  });

  it('still gives a sentence to the people a "who" clause names when it is not an aside', () => {
    const critics = 'Critics who warned about runaway AI say Anthropic scrapped its pledge to pause training more powerful models if it could not control them.';
    expect(bundledMatches([lead, critics].join(SEP))).toEqual([]);
  });
});

describe('machine translation\'s "refused the signature" is refusing to sign (curated synonym "signature")', () => {
  it('highlights the refusal', () => {
    const heading = 'Meta and the EU code of practice';
    const lead = 'The European Commission published its code of practice for general-purpose AI in July.';
    const refusal = 'Meta has refused the signature.';
    expect(bundledMatches([heading, lead, refusal].join(SEP))).toContain(`meta-declined-gpai-code: ${refusal}`);
  });
});

describe('headline verbs ("snubs", "scraps") and the hyphenated "pre-empt" read as the words claims use (curated synonyms)', () => {
  it('reads "Meta snubs EU code" as declining to sign it', () => {
    const intro = 'The European Commission published its code of practice for general-purpose AI in July.';
    const headline = 'Meta snubs EU code as Google signs';
    expect(bundledMatches([headline, intro].join(SEP)).map((m) => m.split(':')[0])).toContain('meta-declined-gpai-code');
  });

  it('reads "pre-empt" as "preempt"', () => {
    const intro = 'The White House published a national policy framework for AI on Friday.';
    const ask = 'White House asks Congress to pre-empt state AI laws';
    expect(bundledMatches([intro, ask].join(SEP))).toContain(`us-national-ai-legislative-framework-preemption: ${ask}`);
  });
});

describe('a sentence is not cut at an example list ("…, including the US and China, declared …") nor inside "the safety and security chapter of …" (a new user\'s report 58)', () => {
  const sentences = [
    'That came two years after Bletchley Park, where 28 countries and the EU, including the US and China, declared that frontier AI could cause serious, even catastrophic harm and agreed to cooperate on AI safety risks.',
    'xAI signed only the safety and security chapter of the EU code, not the transparency or copyright chapters.',
  ];

  it('highlights each whole sentence, as one highlight', () => {
    for (const sentence of sentences) expect(bundledMatches(sentence).map((m) => m.slice(m.indexOf(': ') + 2)), sentence).toEqual([sentence]);
  });

  it('cut them with the phrase joins off', () => {
    for (const sentence of sentences) expect(bundledMatches(sentence, { phraseAndJoins: 0 }).map((m) => m.slice(m.indexOf(': ') + 2)), sentence).not.toEqual([sentence]);
  });
});
