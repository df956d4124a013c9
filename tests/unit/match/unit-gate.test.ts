/**
 * The unit gate (lib/match/unit-gate.ts): a learned second look at each highlight, asking whether its
 * unit asserts anything. Feature extraction is checked per kind of unit the adjudicators found wrongly
 * highlighted (headlines, related-link boxes, datelines, lead-ins, advice to the reader, fragments); the
 * shipped gate is checked on short texts of our own on an invented claim set: a unit it removes (shown
 * highlighted with the gate off) and near misses that must stay.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../lib/claims/schema';
import { compileClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims, matchClaimsDetailed } from '../../../lib/match/match-claims';
import type { Features } from '../../../lib/match/model';
import { FEATURE_NAMES } from '../../../lib/match/model';
import type { Tunables } from '../../../lib/match/tunables';
import { GATE_FEATURE_NAMES, GATE_THRESHOLD, POSSIBLE_MATCH_BELOW, gateFeatures, gateProbability, type GateUnit } from '../../../lib/match/unit-gate';
import { ACME_RISK_LEDGER, MSA_INCIDENT_REPORTING } from '../../support/claim-sets';

const SEP = '\u2029';

const CLAIMS: Claim[] = [
  ACME_RISK_LEDGER,
  MSA_INCIDENT_REPORTING,
];

const index = compileClaimIndex(CLAIMS, '1.0.0');
// (These pages are the gate's: a made-up government's duty among weather notes, a page on nothing the
// matcher would call AI. Whether a government's name alone frames its law there is precision-kinds' test.)
const OFF_TOPIC_OK: Partial<Tunables> = { jurisdictionNeedsAi: 0 };
const spans = (text: string, tunables: Partial<Tunables> = {}) => matchClaims(text, index, { tunables: { ...OFF_TOPIC_OK, ...tunables } }).map((m) => text.slice(m.start, m.end));
const probabilities = (text: string) => {
  const out: Array<[string, number]> = [];
  matchClaimsDetailed(text, index, { tunables: { ...OFF_TOPIC_OK, unitGate: 0 }, onHighlight: (h) => out.push([text.slice(h.start, h.end), gateProbability(h.gate)]) });
  return out;
};

const NEUTRAL = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0.5])) as Features;
const unit = (fields: Partial<GateUnit>): GateUnit => ({ span: '', blockEnd: '', kind: 'paragraph', sectionHeading: '', firstInBlock: true, blockIndex: 5, blocks: 20, inherited: false, ...fields });

describe('gate features per kind of unit', () => {
  it('reads a Title Case headline without sentence punctuation', () => {
    const headline = 'Acme AI Unveils Quarterly Risk Ledger For Its Models';
    const f = gateFeatures(unit({ span: headline, blockEnd: headline, kind: 'heading', blockIndex: 0 }), NEUTRAL, 0.6, 1);
    expect([f.heading, f.noPunct, f.pageTop, f.commitVerb]).toEqual([1, 1, 1, 0]);
    expect(f.caps).toBeGreaterThan(0.8);
    const sentence = 'Acme AI said it will publish a risk ledger every three months.';
    const g = gateFeatures(unit({ span: sentence, blockEnd: sentence }), NEUTRAL, 0.6, 1);
    expect([g.heading, g.noPunct, g.pageTop, g.commitVerb, g.attribution]).toEqual([0, 0, 0, 1, 1]);
    expect(g.caps).toBeLessThan(0.3);
  });

  it('reads link text in a related box, a dateline, a lead-in and advice to the reader', () => {
    const link = 'Acme AI risk ledger: what we know';
    expect(gateFeatures(unit({ span: link, blockEnd: link, kind: 'item', sectionHeading: 'More on this story' }), NEUTRAL, 0.6, 1)).toMatchObject({ item: 1, relatedBox: 1, noPunct: 1, firstPerson: 1 });
    expect(gateFeatures(unit({ span: link, blockEnd: link, kind: 'item', sectionHeading: 'What the law requires' }), NEUTRAL, 0.6, 1).relatedBox).toBe(0);
    const dateline = 'SAN TEODORO, March 3 — Acme AI will publish a risk ledger.';
    expect(gateFeatures(unit({ span: dateline, blockEnd: dateline }), NEUTRAL, 0.6, 1)).toMatchObject({ dateline: 1, commitVerb: 1 });
    const leadIn = 'Under the Model Safety Act, developers must:';
    expect(gateFeatures(unit({ span: leadIn, blockEnd: leadIn, kind: 'lead-in' }), NEUTRAL, 0.6, 1)).toMatchObject({ leadIn: 1, colon: 1, noPunct: 0 });
    const advice = 'You should check whether your models fall under the Model Safety Act.';
    expect(gateFeatures(unit({ span: advice, blockEnd: advice }), NEUTRAL, 0.6, 1)).toMatchObject({ secondPerson: 1, firstPerson: 0 });
    const fragment = 'every three months, as the ledger describes.';
    expect(gateFeatures(unit({ span: fragment, blockEnd: `Acme AI will publish it ${fragment}`, firstInBlock: false }), NEUTRAL, 0.6, 1)).toMatchObject({ lowerStart: 1, firstInBlock: 0 });
  });

  it('caps the page count of a claim and passes the candidate measures through', () => {
    const f = gateFeatures(unit({ span: 'x.', blockEnd: 'x.' }), { ...NEUTRAL, score: 0.9, rival: 1 }, 0.7, 12);
    expect([f.claimCount, f.score, f.rival, f.probability]).toEqual([1, 0.9, 1, 0.7]);
    expect(Object.keys(f).sort()).toEqual([...GATE_FEATURE_NAMES, 'words'].sort());
  });

  it('reads the function words and marks of how a sentence speaks, not who is quoted saying what', () => {
    const commentary = 'Why the ledger matters: whether Acme AI keeps it is another question?';
    expect(gateFeatures(unit({ span: commentary, blockEnd: commentary }), NEUTRAL, 0.6, 1).words).toEqual(['why', 'the', ':', 'whether', 'it', 'is', 'question', '?']);
    // Verbs of saying are left to the matcher's speaker attribution ("Acme AI said" is the actor's own position).
    const said = 'Acme AI said it would not publish, saying the ledger was costly, according to reports.';
    expect(gateFeatures(unit({ span: said, blockEnd: said }), NEUTRAL, 0.6, 1).words).toEqual(['it', 'would', 'not', 'the', 'was', 'to']);
    // A quotation counts by its marks only, and first person inside it is the quoted speaker's, not the writer's.
    const quoted = 'The spokesperson said: “What we are proposing is a ledger that grows with risk.”';
    const q = gateFeatures(unit({ span: quoted, blockEnd: quoted }), NEUTRAL, 0.6, 1);
    expect(q.words).toEqual(['the', ':', '“', '”']);
    expect([q.firstPerson, q.quote]).toEqual([0, 1]);
    const open = 'He called it "what we are proposing';
    expect(gateFeatures(unit({ span: open, blockEnd: open }), NEUTRAL, 0.6, 1)).toMatchObject({ words: ['he', 'it', '"'], firstPerson: 0 });
    // A quotation continued from the sentence before: its first mark closes it, after the quoted words' punctuation.
    for (const continued of ['So we have made a choice: the ledger stays public," Acme AI stated in its announcement.', 'Our ledger stays public.” Acme AI said so on Monday.']) {
      expect(gateFeatures(unit({ span: continued, blockEnd: continued }), NEUTRAL, 0.6, 1), continued).toMatchObject({ firstPerson: 0, quote: 1 });
    }
    const ours = 'We think the ledger is what Acme AI needs.';
    expect(gateFeatures(unit({ span: ours, blockEnd: ours }), NEUTRAL, 0.6, 1)).toMatchObject({ firstPerson: 1 });
  });

  it('finds a page top only on a page of ten blocks or more', () => {
    const line = 'Acme AI will publish a risk ledger.';
    expect(gateFeatures(unit({ span: line, blockEnd: line, blockIndex: 0, blocks: 12 }), NEUTRAL, 0.6, 1).pageTop).toBe(1);
    expect(gateFeatures(unit({ span: line, blockEnd: line, blockIndex: 3, blocks: 12 }), NEUTRAL, 0.6, 1).pageTop).toBe(0);
    expect(gateFeatures(unit({ span: line, blockEnd: line, blockIndex: 0, blocks: 1 }), NEUTRAL, 0.6, 1).pageTop).toBe(0);
  });
});

describe('the gate in the matcher', () => {
  it('is on by default with a trained threshold, and a gate file decides what it removes', () => {
    expect(GATE_THRESHOLD).toBeGreaterThan(0);
    const text = 'Acme AI says it will publish a risk ledger every three months describing the dangers of its models.';
    expect(spans(text)).toEqual([text]);
    const refuseAll = { weights: {}, bias: -10, threshold: 0.5 };
    expect(matchClaims(text, index, { gate: refuseAll, tunables: { unitGate: 0.5 } })).toEqual([]);
    expect(matchClaims(text, index, { gate: refuseAll, tunables: { unitGate: 0 } })).toHaveLength(1);
    // A word's weight counts when the highlight holds the word, and only then.
    const refuseWill = { weights: {}, words: { will: -20 }, bias: 10, threshold: 0.5 };
    expect(matchClaims(text, index, { gate: refuseWill, tunables: { unitGate: 0.5 } })).toEqual([]);
    const refuseWhy = { ...refuseWill, words: { why: -20 } };
    expect(matchClaims(text, index, { gate: refuseWhy, tunables: { unitGate: 0.5 } })).toHaveLength(1);
  });

  it('reads a paragraph cut off mid-sentence (a stored copy\'s or a "Read more" cut) as prose, not as an unpunctuated title (a new user\'s report 49)', () => {
    const claimSentence = 'Acme AI says it will publish a risk ledger every three months describing the dangers of its models.';
    const read = (paragraph: string) => {
      const out: number[] = [];
      matchClaimsDetailed(paragraph, index, { tunables: { ...OFF_TOPIC_OK, unitGate: 0 }, onHighlight: (h) => out.push(h.gate.noPunct) });
      return out;
    };
    expect(read(`${claimSentence} It also named a new chief scientist, Dr Ana Petr`)).toEqual([0]);
    expect(read(`${claimSentence} It also named a new chief scientist.`)).toEqual([0]);
    // One unpunctuated line is a title, a link or a label, as before.
    expect(read('Acme AI will publish a risk ledger every three months describing the dangers of its models')).toEqual([1]);
  });

  it('removes a weakly matched line of advice to the reader opening a page, and keeps near misses', () => {
    // The shipped weights decide this one: a retrained gate may need these texts revisited (the
    // feature tests above hold the kinds; this holds that the gate acts on them in the matcher).
    const advice = 'You report serious incidents to us in Ruritania.';
    const rest = Array.from({ length: 11 }, (_, i) => `Weather note ${i + 1}.`);
    const opening = [advice, ...rest].join(SEP);
    expect(spans(opening, { unitGate: 0 })).toEqual([advice]);
    expect(probabilities(opening)[0]![1]).toBeLessThan(GATE_THRESHOLD);
    expect(spans(opening)).toEqual([]);
    // The same words lower down the page or on a page of one block (a snippet, a region added after
    // load) weigh clearly more, the top of a page being where advice boxes sit, and stay; so does the
    // duty stated in the third person at the top.
    const top = probabilities(opening)[0]![1];
    for (const page of [[...rest, advice].join(SEP), advice]) {
      const [[span, probability]] = probabilities(page) as [[string, number]];
      expect(span).toBe(advice);
      expect(probability).toBeGreaterThan(top + 0.05);
      expect(spans(page)).toEqual([advice]);
    }
    const duty = 'Developers in Ruritania report serious incidents.';
    expect(spans([duty, ...rest].join(SEP))).toEqual([duty]);
  });
});

describe('possible matches', () => {
  it('flags exactly the kept highlights whose gate probability is under POSSIBLE_MATCH_BELOW, and none with the gate off', () => {
    const text = [
      'Acme AI will publish a Risk Ledger every quarter, the company said.',
      'Acme AI has talked about ledgers of risk before.',
      'Under the Maritime Safety Act, operators must report incidents within 72 hours.',
      'Operators talk about incidents and reporting all the time.',
    ].join(SEP);
    const byGate = new Map(probabilities(text));
    const found = matchClaims(text, index, { tunables: OFF_TOPIC_OK });
    expect(found.length).toBeGreaterThan(0);
    for (const match of found) {
      const p = byGate.get(text.slice(match.start, match.end))!;
      expect(p).toBeGreaterThanOrEqual(GATE_THRESHOLD);
      expect(match.possible ?? false, `${text.slice(match.start, match.end)} (${p})`).toBe(p < POSSIBLE_MATCH_BELOW);
    }
    expect(matchClaims(text, index, { tunables: { ...OFF_TOPIC_OK, unitGate: 0 } }).some((match) => match.possible)).toBe(false);
    expect(POSSIBLE_MATCH_BELOW).toBeGreaterThan(GATE_THRESHOLD);
  });
});
