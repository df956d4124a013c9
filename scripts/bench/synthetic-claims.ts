/**
 * Synthetic claim sets of a given size, for measuring how matching cost grows with the number of
 * claims. Each synthetic claim is a random but plausible word sequence built around a small "core"
 * of content words that all its phrasings share (as real claims do), with key phrases and key-term
 * gates drawn from that core. The real default claims are kept inside every set, so recall on the
 * fixture pages can still be measured.
 */
import { CLAIM_FORCES, CLAIM_KINDS, CLAIM_SCHEMA_VERSION, type ClaimSetInput } from '../../lib/claims/schema';
import { createPrng, type Prng } from './prng';
import type { Vocabulary } from './vocabulary';

type ClaimInput = ClaimSetInput['claims'][number];
type ActorInput = ClaimInput['actor'];

/** Share of core words taken from the pages' own vocabulary: synthetic claims must be able to nominate. */
const PAGE_WORD_SHARE = 0.35;
/** Share of synthetic claims about a real actor (Anthropic, OpenAI…), whose names the pages use. */
const REAL_ACTOR_SHARE = 0.25;

const MODALS = ['will', 'would', 'must', 'plans to', 'intends to', 'has agreed to', 'promised to', 'aims to'];
const PREPOSITIONS = ['for', 'across', 'within', 'before', 'after', 'under', 'against', 'through', 'beyond', 'among'];
const DETERMINERS = ['the', 'its', 'every', 'each', 'any', 'all', 'new', 'future'];
const CONNECTIVES = ['unless', 'until', 'whenever', 'once', 'so that', 'while', 'because'];
const NAME_SYLLABLES = ['ver', 'tal', 'mon', 'qua', 'zen', 'ori', 'lux', 'cor', 'dex', 'syn', 'ara', 'pol', 'kin', 'vex', 'hal', 'nor'];
const NAME_SUFFIXES = ['AI', 'Intelligence', 'Research', 'Compute', 'Minds', 'Foundry', 'Analytics'];
const TOPICS = ['evaluations', 'security', 'transparency', 'deployment', 'governance', 'compute', 'alignment', 'reporting'];

interface Core {
  verbs: [string, string];
  nouns: [string, string, string, string];
  adjectives: [string, string];
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function coreWord(prng: Prng, list: readonly string[], vocabulary: Vocabulary): string {
  return vocabulary.pageWords.length > 0 && prng.chance(PAGE_WORD_SHARE) ? prng.pick(vocabulary.pageWords) : prng.pick(list);
}

function makeCore(prng: Prng, vocabulary: Vocabulary): Core {
  const noun = () => coreWord(prng, vocabulary.nouns, vocabulary);
  const verb = () => prng.pick(vocabulary.verbs);
  const adjective = () => coreWord(prng, vocabulary.adjectives, vocabulary);
  return { verbs: [verb(), verb()], nouns: [noun(), noun(), noun(), noun()], adjectives: [adjective(), adjective()] };
}

function syntheticActor(prng: Prng, index: number): ActorInput {
  const stem = capitalise(`${prng.pick(NAME_SYLLABLES)}${prng.pick(NAME_SYLLABLES)}${prng.pick(NAME_SYLLABLES)}`);
  const name = `${stem} ${prng.pick(NAME_SUFFIXES)}`;
  return { id: `${stem.toLowerCase()}-${index}`, name, type: 'company', aliases: prng.chance(0.5) ? [stem] : [] };
}

/**
 * One sentence about the core. Phrasings of a claim reuse most of its core words, swap in a few
 * words from the whole vocabulary, and vary the frame, as paraphrases in the real set do.
 */
function sentence(prng: Prng, core: Core, actorName: string, vocabulary: Vocabulary, drift: number): string {
  const pickCore = <T extends readonly string[]>(words: T, fallback: readonly string[]): string =>
    prng.chance(drift) ? prng.pick(fallback) : prng.pick(words);
  const noun = () => pickCore(core.nouns, vocabulary.nouns);
  const verb = () => pickCore(core.verbs, vocabulary.verbs);
  const adjective = () => pickCore(core.adjectives, vocabulary.adjectives);
  const subject = prng.chance(0.75) ? actorName : prng.pick(['The company', 'The developer', 'The lab']);
  const object = `${prng.pick(DETERMINERS)} ${adjective()} ${noun()}`;
  const tail = `${prng.pick(PREPOSITIONS)} ${prng.pick(DETERMINERS)} ${noun()}`;
  switch (prng.int(4)) {
    case 0:
      return `${subject} ${prng.pick(MODALS)} ${verb()} ${object} ${tail}.`;
    case 1:
      return `Under its ${adjective()} ${noun()} policy, ${subject === actorName ? actorName : subject.toLowerCase()} ${prng.pick(MODALS)} ${verb()} ${object}.`;
    case 2:
      return `${subject} ${prng.pick(MODALS)} not ${verb()} ${object} ${prng.pick(CONNECTIVES)} ${noun()} ${verb()} ${prng.pick(DETERMINERS)} ${noun()} ${tail}.`;
    default:
      return `${capitalise(object)} ${prng.pick(PREPOSITIONS)} ${noun()} is what ${subject === actorName ? actorName : subject.toLowerCase()} ${prng.pick(MODALS)} ${verb()} ${tail}.`;
  }
}

function isoDate(prng: Prng, fromYear: number): string {
  const year = prng.between(fromYear, 2025);
  return `${year}-${String(prng.between(1, 12)).padStart(2, '0')}-${String(prng.between(1, 28)).padStart(2, '0')}`;
}

function syntheticClaim(prng: Prng, index: number, actor: ActorInput, vocabulary: Vocabulary): ClaimInput {
  const core = makeCore(prng, vocabulary);
  const id = `synthetic-${index}-${core.nouns[0]}`;
  const names = [actor.name, ...actor.aliases];
  const statement = sentence(prng, core, actor.name, vocabulary, 0);
  const phrasings = Array.from({ length: prng.between(3, 8) }, () => sentence(prng, core, prng.pick(names), vocabulary, 0.15));
  const keyPhrases = prng.chance(0.3) ? [`${capitalise(core.adjectives[0])} ${capitalise(core.nouns[0])} ${capitalise(core.nouns[1])}`] : [];
  const keyTerms = [[core.verbs[0], core.verbs[1]], ...(prng.chance(0.5) ? [[core.nouns[0], core.nouns[2]]] : [])];
  const introduced = isoDate(prng, 2023);
  const modified = prng.chance(0.2);
  const modifiedDate = `2026-${String(prng.between(1, 12)).padStart(2, '0')}-${String(prng.between(1, 28)).padStart(2, '0')}`;
  const sourceUrl = `https://example.org/synthetic/${id}`;
  const kind = prng.pick(CLAIM_KINDS);
  return {
    id,
    actor,
    statement,
    kind,
    force: prng.pick(CLAIM_FORCES),
    status: modified ? 'modified' : 'in-force',
    statusDate: modified ? modifiedDate : introduced,
    history: [
      { date: introduced, event: 'introduced', note: `Synthetic claim ${index} is introduced.`, sourceUrl },
      ...(modified ? [{ date: modifiedDate, event: 'modified' as const, note: `Synthetic claim ${index} is narrowed.`, sourceUrl }] : []),
    ],
    rationale: `Generated for the benchmark: ${kind} about ${core.nouns[0]} and ${core.nouns[1]}.`,
    evidence: [{ quote: statement, locator: 'synthetic', url: sourceUrl }],
    confidence: prng.pick(['high', 'medium', 'low'] as const),
    sources: [{ url: sourceUrl, title: `Synthetic source ${index}` }],
    reviewedAt: modified ? modifiedDate : introduced,
    phrasings,
    keyPhrases,
    keyTerms,
    topics: ['synthetic', prng.pick(TOPICS)],
  };
}

/**
 * A set of `total` claims: the base set's claims, spread evenly through the list, plus synthetic
 * claims. Deterministic for a given seed, base and vocabulary.
 */
export function generateClaimSet(base: ClaimSetInput, total: number, vocabulary: Vocabulary, seed = 42): ClaimSetInput {
  const real = base.claims;
  if (total < real.length) throw new Error(`a set of ${total} claims cannot hold the ${real.length} real ones`);
  const prng = createPrng(seed);
  const realActors = [...new Map(real.map((claim) => [claim.actor.id, claim.actor])).values()];
  const synthetic = total - real.length;
  const actors = Array.from({ length: Math.max(1, Math.min(2000, Math.ceil(synthetic / 8))) }, (_, i) => syntheticActor(prng, i));
  const claims: ClaimInput[] = [];
  let nextReal = 0;
  for (let position = 0; position < total; position++) {
    // Real claim k sits at position floor(k × total / real.length).
    if (nextReal < real.length && position === Math.floor((nextReal * total) / real.length)) {
      claims.push(real[nextReal++]!);
      continue;
    }
    const actor = realActors.length > 0 && prng.chance(REAL_ACTOR_SHARE) ? prng.pick(realActors) : prng.pick(actors);
    claims.push(syntheticClaim(prng, position, actor, vocabulary));
  }
  return {
    schemaVersion: CLAIM_SCHEMA_VERSION,
    version: `${total}.0.0`,
    publishedAt: base.publishedAt,
    asOf: base.asOf,
    publisher: 'Pledge Lens benchmark (synthetic)',
    claims,
  };
}
