/**
 * The features a candidate (a unit and a claim) is judged on, and the two deciders over them: a small
 * logistic model trained on the development split of the independent corpus (data/match-model.json,
 * built by `npm run train:matcher`), and a hand-set rule. `Tunables.decider` picks one; the README
 * shows both measured.
 */
import model from './data/match-model.json';
import type { Tunables } from './tunables';

export const FEATURE_NAMES = [
  /** Share of a typical phrasing the unit covers (IDF × phrasing share), capped at 1. */
  'score',
  /** Coverage of the claim's best facet (one clause of the statement, or one phrasing), by IDF. */
  'facet',
  /** IDF mass of that facet the unit covers, relative to three rare words. */
  'facetMass',
  /** Share of the unit's distinctive content (IDF mass) that belongs to the claim. */
  'focus',
  /** Share of the claim's key-term groups the unit satisfies (1 for a claim without any). */
  'gates',
  /** All key-term groups satisfied. */
  'gatesAll',
  /** A capitalised distinctive name of the claim is in the unit. */
  'named',
  /** Strength of the evidence the unit is about the claim's actor or instrument (0..1). */
  'frame',
  'actor',
  'instrument',
  /** The claim's actor or instrument is named in the unit itself. */
  'explicit',
  /** The unit names another known actor and not this claim's. */
  'rival',
  /** That other actor is the sentence's subject (its first words): a veto. */
  'rivalSubject',
  /** The unit names an organisation or instrument the claim set does not know. */
  'unknown',
  /** Someone other than the claim's actor is speaking (reporting verb or quotation). */
  'otherSpeaker',
  'question',
  'heading',
  'item',
  /** Fewer than six content words. */
  'short',
  /** The best candidate of its instrument (or actor) in this unit. */
  'best',
  /** How far below the best candidate of its instrument it is (0 for the best). */
  'gap',
  /**
   * The same claim's facet coverage in what this unit continues: the previous unit of its paragraph,
   * its list's lead-in, its section's heading (the highest of these).
   */
  'context',
  /** 1 / the number of claims sharing the claim's actor and instrument: a law with one claim needs less to tell it apart. */
  'sole',
  /** A company's claim in a sentence whose subject is indefinite or someone else ("one developer", "no rivals"). */
  'generic',
  /** A heading's own evidence (heading × best of score and facet): headlines that state a claim. */
  'headline',
  /** Interactions the logistic model cannot form itself. */
  'facetFrame',
  'scoreGates',
  'focusFacet',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

export interface ModelFile {
  weights: Partial<Record<string, number>>;
  bias: number;
  /** The probability cut-off chosen in training (cross-validated on the development split). */
  threshold?: number;
}

const trained = model as ModelFile;



const weightVectors = new WeakMap<ModelFile, Float64Array>();

/** The logistic model's probability that a candidate is a highlight. */
export function modelProbability(features: Features, file: ModelFile = trained): number {
  let weights = weightVectors.get(file);
  if (!weights) weightVectors.set(file, (weights = Float64Array.from(FEATURE_NAMES, (name) => file.weights[name] ?? 0)));
  return 1 / (1 + Math.exp(-(UNROLLED_FITS ? unrolledSum(file.bias, weights, features) : loopedSum(file.bias, weights, features))));
}

/** bias + the weights (in FEATURE_NAMES order) times the features, in that order: feature by feature by name. */
export function loopedSum(bias: number, weights: Float64Array, features: Features): number {
  let z = bias;
  for (let k = 0; k < FEATURE_NAMES.length; k++) z += weights[k]! * features[FEATURE_NAMES[k]!];
  return z;
}

/** The feature names `unrolledSum` reads, in its order. */
const UNROLLED_NAMES: readonly string[] = [
  'score', 'facet', 'facetMass', 'focus', 'gates', 'gatesAll', 'named', 'frame', 'actor', 'instrument', 'explicit', 'rival', 'rivalSubject', 'unknown',
  'otherSpeaker', 'question', 'heading', 'item', 'short', 'best', 'gap', 'context', 'sole', 'generic', 'headline', 'facetFrame', 'scoreGates', 'focusFacet',
];
/** Whether `unrolledSum` reads exactly FEATURE_NAMES (a feature added or moved falls back to `loopedSum` until it is updated). */
export const UNROLLED_FITS = UNROLLED_NAMES.length === FEATURE_NAMES.length && FEATURE_NAMES.every((name, k) => UNROLLED_NAMES[k] === name);

/**
 * `loopedSum`, field by field: reading `features[name]` in a loop is a megamorphic keyed load per
 * feature that also boxes every number it reads (some 450 bytes of garbage per candidate judged). The
 * terms are added in the same order, so the sum is the same to the last bit.
 */
export function unrolledSum(bias: number, w: Float64Array, f: Features): number {
  let z = bias;
  z += w[0]! * f.score;
  z += w[1]! * f.facet;
  z += w[2]! * f.facetMass;
  z += w[3]! * f.focus;
  z += w[4]! * f.gates;
  z += w[5]! * f.gatesAll;
  z += w[6]! * f.named;
  z += w[7]! * f.frame;
  z += w[8]! * f.actor;
  z += w[9]! * f.instrument;
  z += w[10]! * f.explicit;
  z += w[11]! * f.rival;
  z += w[12]! * f.rivalSubject;
  z += w[13]! * f.unknown;
  z += w[14]! * f.otherSpeaker;
  z += w[15]! * f.question;
  z += w[16]! * f.heading;
  z += w[17]! * f.item;
  z += w[18]! * f.short;
  z += w[19]! * f.best;
  z += w[20]! * f.gap;
  z += w[21]! * f.context;
  z += w[22]! * f.sole;
  z += w[23]! * f.generic;
  z += w[24]! * f.headline;
  z += w[25]! * f.facetFrame;
  z += w[26]! * f.scoreGates;
  z += w[27]! * f.focusFacet;
  return z;
}

/** Whether the model file holds weights (a fresh checkout before training would not). */
export const MODEL_TRAINED = Object.keys(trained.weights).length > 0;

/**
 * Vetoes both deciders share: not about the actor at all; someone else's words; a question; a
 * hypothetical someone ("if one developer paused…"); another actor as the subject.
 */
export function vetoed(f: Features): boolean {
  return f.frame <= 0 || f.otherSpeaker > 0 || f.question > 0 || f.generic > 0 || f.rivalSubject > 0;
}

/** The hand-set rule: what a careful reader would ask of a sentence before crediting it to a claim. */
export function ruleAccepts(f: Features, t: Tunables): boolean {
  if (vetoed(f)) return false;
  if (f.heading > 0 && f.item <= 0 && Math.max(f.score, f.named ? t.keyPhraseScore : 0) < t.headingScore) return false;
  if (f.named > 0 && !f.short && (f.gatesAll > 0 || f.score >= t.ruleScore)) return true;
  if (f.score >= t.ruleScore && f.gatesAll > 0 && (f.focus >= t.minFocus || f.score >= t.strongScore)) return true;
  return f.facet >= t.ruleFacet && f.frame >= 0.6 && f.gates >= 0.5 && f.focus >= t.minFocus && f.best > 0 && f.facetMass >= 0.5;
}

/**
 * What the model alone may not override, because a page's wording can look like a claim without
 * saying it: a unit missing one of the claim's key-term groups (the pause pledge without any
 * condition, the competitor pledge without matching) needs `ungatedThreshold`; a heading states a
 * topic, so it needs the rule's heading score (items listed under a heading are its content, not
 * headings), unless it is a headline written as a sentence about the claim's actor or law
 * (`statedHeadline`: "OpenAI says it may relax safety requirements if a rival ships first"), which
 * needs only `headlineSentenceScore`; such a headline, or a short one, needs none when its words are one
 * of the claim's facets whole with every key-term group (`headlineWholeFacet`); a unit mostly about
 * something else (focus under `modelMinFocus`) needs the strong score.
 */
function meetsModelFloors(f: Features, probability: number, t: Tunables, statedHeadline: StatedHeadline): boolean {
  if (f.gatesAll <= 0 && f.named <= 0 && probability < t.ungatedThreshold) return false;
  const headingScore = (statedHeadline === 'sentence' || statedHeadline === 'negated') && t.headlineSentenceScore > 0 ? Math.min(t.headingScore, t.headlineSentenceScore) : t.headingScore;
  // (Coverage is a sum of weights: a whole facet may come to 0.9999999999999999.)
  const wholeFacet = statedHeadline !== 'no' && statedHeadline !== 'negated' && t.headlineWholeFacet > 0 && f.gatesAll > 0 && f.facet >= 1 - 1e-9;
  if (f.heading > 0 && f.item <= 0 && !wholeFacet && Math.max(f.score, f.named ? t.keyPhraseScore : 0) < headingScore * t.modelHeadingRule) return false;
  if (f.focus < t.modelMinFocus && f.score < t.strongScore && f.named <= 0) return false;
  return true;
}

/**
 * A claim's distinctive capitalised name ("Frontier Safety Roadmaps") in a full sentence about its actor
 * is a mention of that claim even when the sentence lists several things: its words are too few to
 * score, but the name cannot mean anything else. Headings and short lines are left to the model.
 */
function namedInSentence(f: Features, t: Tunables): boolean {
  return t.namedFrame > 0 && f.named > 0 && f.short <= 0 && f.heading <= 0 && f.frame >= t.namedFrame;
}

/**
 * How a heading reads, for the claim judged: 'sentence' when written as a sentence with the claim's actor
 * or law as its subject ("OpenAI says it may relax …"), 'short' when it is one in three or four words
 * ("Acme stays ad-free", "Acme promises risk ledger"), 'negated' when a sentence's verb is negated
 * ("Claude won't stay ad-free": its words may be a facet's, its sense is not), 'no' otherwise (see
 * `meetsModelFloors`).
 */
export type StatedHeadline = 'sentence' | 'short' | 'negated' | 'no';

/** Accept or not, by the configured decider; the model falls back to the rule until it is trained. */
export function accepts(f: Features, t: Tunables, file?: ModelFile, statedHeadline: StatedHeadline = 'no'): { accepted: boolean; probability: number } {
  if (t.decider !== 'rules' && (file || MODEL_TRAINED)) {
    // Vetoes both deciders share: not about the actor; someone else's words; a question; a hypothetical someone.
    if (vetoed(f)) return { accepted: false, probability: 0 };
    const probability = modelProbability(f, file);
    const accepted =
      (probability >= t.modelThreshold && meetsModelFloors(f, probability, t, statedHeadline)) ||
      namedInSentence(f, t) ||
      (t.decider === 'either' && ruleAccepts(f, t));
    return { accepted, probability };
  }
  const accepted = ruleAccepts(f, t);
  return { accepted, probability: accepted ? 1 : 0 };
}
