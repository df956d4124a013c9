import { defaultCanonicalizer, type Canonicalizer } from './canonicalize';
import type { ClaimIndex, CompiledClaim } from './compile-index';
import { analyseDiscourse, buildNameTable, findKnownNames, type Mention, type NameTable, type UnitDiscourse } from './discourse';
import { AI_TOPIC_PAIRS, AI_TOPIC_WORDS, COLLECTIVE_ANAPHORS, DATE_WORDS, FINITE_VERB, IMPERATIVE_OPENING, isDateWord, LAWMAKER_TYPES, MONTH_STEMS, OUTSIDER_NOUNS, POSSESSIVE_END, SPOKESPERSON_NOUNS, WEEKDAY_WORDS } from './lexicon';
import { accepts, FEATURE_NAMES, vetoed, type Features, type ModelFile, type StatedHeadline } from './model';
import { quantitiesBelongElsewhere, quantitiesIn } from './quantities';
import { cutUnits, joinUnitsAcrossNames, hasWord, isSpace, leadsList, opensSection, segmentDocument, type DocumentBlock, type SegmentedDocument, type TextUnit } from './segment-units';
import { STOP_WORDS } from './stop-words';
import { tokenize, type Token } from './tokenize';
import { withTunables, type Tunables } from './tunables';
import { statusHasEnded } from '../claims/claim-enums';
import { GATE_BLOCK_END, POSSIBLE_MATCH_BELOW, gateFeatures, gateProbability, type GateFeatures, type GateFile, type GateUnit } from './unit-gate';

export interface ClaimMatch {
  claimId: string;
  /** Offsets into the text given to `matchClaims` (UTF-16 code units): the sentence or clause that carries the claim. */
  start: number;
  end: number;
  /** 0..1: how fully the span says the claim (1 = as fully as one of its phrasings, or a distinctive name). */
  score: number;
  /**
   * Set when the unit gate kept the highlight with a probability under POSSIBLE_MATCH_BELOW (unit-gate.ts): the
   * span may not state the claim (about one in three such on real articles did not), so the card asks the
   * reader to compare. Absent for a sure match, and whenever the gate is off (`unitGate` 0).
   */
  possible?: true;
}

/** One candidate the matcher judged: for training the model and for diagnostics. */
export interface CandidateReport {
  start: number;
  end: number;
  /** Judged on a clause (or two) of its unit, after the whole unit did not state it. */
  clause?: boolean;
  claimId: string;
  features: Features;
  accepted: boolean;
  probability: number;
}

export interface MatchOptions {
  canonicalizer?: Canonicalizer;
  /** Overrides of lib/match/tunables.ts (what `npm run eval -- --sweep` varies). */
  tunables?: Partial<Tunables>;
  /** Called with every candidate judged, accepted or not. */
  onCandidate?: (candidate: CandidateReport) => void;
  /** Another model than data/match-model.json (training's cross-validation uses this). */
  model?: ModelFile;
  /** Another unit gate than data/unit-gate.json (its training's leave-one-split-out runs use this). */
  gate?: GateFile;
  /** Called with every highlight before the unit gate judges it (even with the gate off), with the gate's features: for training the gate. */
  onHighlight?: (highlight: ClaimMatch & { gate: GateFeatures }) => void;
  /**
   * The page's title when `text` is only part of it (a region added after load): read, with `text`, for
   * whether the page is on AI (`jurisdictionNeedsAi`), never matched.
   */
  pageTitle?: string;
}

export interface MatchResult {
  matches: ClaimMatch[];
  /** The per-call work budget ran out: units after `matchedUpTo` were not looked at. */
  truncated: boolean;
  matchedUpTo: number;
  /** Work spent, in the budget's units. */
  work: number;
}


interface HydratedIndex {
  source: ClaimIndex;
  termIds: Map<string, number>;
  common: Uint8Array;
  /** IDF of each term across claims, for the focus measure and facets. */
  idf: Float64Array;
  unknownIdf: number;
  /** Per claim: facet term ids and IDF totals. */
  facetTotals: Float64Array[];
  names: NameTable;
  /** Scratch accumulators, one slot per claim, kept zeroed between units: weight and IDF mass shared. */
  scratch: Float64Array;
  scratchIdf: Float64Array;
  /** Claims touched by the current unit (the first `touchedCount` slots). */
  touched: Int32Array;
  /** Per claim: 1 / the number of claims sharing its actor and instrument. */
  sole: Float64Array;
  /** Per claim: its norm, actor and instrument, read for every claim a unit touches (flat arrays, not the claim objects). */
  norms: Float64Array;
  actorOf: Int32Array;
  instrumentOf: Int32Array;
  /** Per claim: 1 when it has two parties or more, so a unit about its parties may frame it (`partyFrame`). */
  hasParties: Uint8Array;
  /**
   * Per actor and per instrument: the stamp of the last unit whose discourse holds it (`frameStamp` counts
   * units), and its strength there. A posting of a claim whose actor, instrument and parties the unit is not
   * about is skipped where it is read: such a claim has no frame and would be dropped at nomination.
   */
  actorStamps: Int32Array;
  instrumentStamps: Int32Array;
  actorStrengths: Float64Array;
  instrumentStrengths: Float64Array;
  /** Per term: the stamp of the last unit that has it capitalised, when asked (`capitalisedTermsOf`). */
  capitalisedStamps: Int32Array;
  frameStamp: number;
  /** IDF mass of three of the rarest words: what `facetMass` and the nomination bound scale by. */
  rare: number;
  /** Per claim, built the first time the claim is scored (a 10,000-claim index wakes up fast). */
  lookups: Array<ClaimLookups | undefined>;
  /** Per claim, built the first time two of its instrument's claims meet on a sentence (see `distinctiveTermsOf`). */
  distinctive: Array<ReadonlySet<number> | undefined>;
  /** Per claim, built when first asked: the key-term groups its instrument's names meet (`instrumentGroupsOf`). */
  instrumentGroups: Array<number | undefined>;
  /** Scratch per facet. */
  facetScratch: Float64Array;
  /** Scratch for a unit's nominations: claims and their bounds (one slot per claim). */
  nominees: Int32Array;
  nomineeBounds: Float64Array;
  /** Every quantity some claim states (`CompiledClaim.quantities`): a unit's other numbers tie it to no claim. */
  knownQuantities: ReadonlySet<string>;
  /**
   * Per claim: the quantities its actor's claims state. A sentence giving one claim's deadline may state
   * a sibling's duty too ("publish a plan and report incidents within 10 days", "will not release such a
   * model, and will publish a ledger every three months"); only another actor's quantity tells against a claim.
   */
  actorQuantities: Array<ReadonlySet<string>>;
}

/** Words no claim uses still dilute focus, at half the weight of the rarest claim word. */
const UNKNOWN_TERM_IDF_SHARE = 0.5;
/** A key phrase alone identifies a claim only in a real sentence, not in a heading or caption. */
const MIN_NAMED_UNIT_TERMS = 6;
/** Where the actor's reasons start after a claim: ", saying …", ", calling it …", ", arguing that …". */
const COMMENTARY_TAIL = /,\s+(?:saying|arguing|calling|warning|adding|noting|citing|claiming|insisting|explaining|complaining|describing|contending|stressing)\b/;
/** Where a sentence may be cut when it carries several claims. */
/** A match's score as reported: three decimals, never 0 (a highlight always has some evidence). */
const reportedScore = (score: number): number => Math.max(0.001, Math.round(score * 1000) / 1000);

/**
 * Someone not saying, or the writer not knowing, what follows: "declined to comment on whether", "has not
 * said whether", "would not say which", "it is unclear whether", "look for whether". An indirect question
 * after a verb of saying that is not negated ("reports whether it met them", "depend on whether") is left alone.
 */
const UNSAID =
  /\b(?:(?:declined|refused|would\s+not|wouldn['’]t|did\s+not|didn['’]t|does\s+not|doesn['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t|had\s+not)\s+(?:yet\s+)?(?:to\s+)?(?:comment|say|said|disclose|disclosed|confirm|confirmed|specify|specified|explain|explained|reveal|revealed)(?:\s+on)?|unclear|not\s+clear|remains\s+to\s+be\s+seen|look\s+for)\s+(?:whether|which|if|how|when)\b/i;

/** The writer's doubt opening a unit, after a conjunction or two ("Also I don't think …", "But I doubt …"); see `writerDoubtVeto`. */
const WRITER_DOUBT = /^\W*(?:(?:also|and|but|so|honestly|frankly|personally)[,\s]+){0,2}I\s+(?:(?:don['’]t|do\s+not|never)\s+(?:think|believe|recall|remember)|doubt)\b/i;

/**
 * Advice to the reader, as law-firm alerts, compliance guides and blogs give it: "Clients offering AI products in
 * Korea should assume it is relevant to them", "Readers who want the legally binding commitments should look at
 * the Frontier Compliance Framework", "Incident response playbooks should account for that",
 * or an instruction opening a checklist item ("designate a single incident owner …", "prepare template
 * notifications …", numbered in a sentence: "and (iii) rehearse the 24-hour pathway"), the advisees described
 * ("Health-care clients should review patient-facing disclosures now", "Incident response playbooks should …") or
 * the advice scoped first ("For Korean deployments, prepare user notices and labelling now"), or told to start
 * doing something ("Start labelling your marketing images now"; not "Keep building, but only with validated
 * safeguards", a listicle's heading for Meta's rule). It tells the reader
 * what to do; no actor commits to anything. Advice to take note of something ("Clients operating in Italy
 * should also note Law No. 132, which …") states what it points to, and duties listed as bare verbs ("assess
 * and mitigate systemic risks") are not advice verbs; a live blog's "Update 2: …" or "Review of …" is a noun,
 * not an instruction.
 */
const ADVICE =
  /^\W*(?:(?:for|in|under|before|ahead\s+of)\s[^,.;:]{0,60},\s*)?(?:and\s+)?(?:\(?(?:[ivx]{1,4}|\d{1,2}|[a-h])\)\s*)?(?:(?:[\w-]+\s+){0,2}?(?:clients?|readers?|companies|firms|businesses|organi[sz]ations|teams|deployers|operators|integrators|customers|boards|playbooks|anyone|whoever|who)\b[^.;:]{0,80}?\bshould\b(?!\s+(?:also\s+)?(?:note|keep\s+in\s+mind|be\s+aware|remember|recall)\b)|(?:designate|prepare|align|review|map|update|consider|document|train|audit|confirm|inventory|monitor|track|identify|establish|brief|budget|engage|revisit|check|rehearse|draft|assign|schedule|verify)\s+(?!\d|(?:on|of|from|to|for|in|at)\b|[:(–—-])|(?:start|begin)\s+\p{Ll}+ing\b)/iu;
/** Advice under a label ("Practical point: build the transparency report into the launch checklist."): an imperative after it. */
const ADVICE_LABEL = /^\W*(?:[Pp]ractical (?:point|tip|step)|[Tt]ip|[Tt]akeaway|[Aa]ction items?|[Nn]ext steps?|[Oo]ur advice|[Ww]hat to do)\s*[:：]\s*[a-z]/;

/**
 * What a page leaves open or puts to the test rather than states: a sentence or list item opening with
 * "Whether" ("Whether other labs follow Meta …", "Whether the red-teaming was as thorough as promised is
 * harder to judge"), and a fact-check's line quoting the claim it checks ("Claim 2: \"Google promised
 * never to …\"", "The viral claim: …"), whose verdict comes after.
 */
// ("Whether or not a company signs the Code, the AI Act places four obligations on …" is no question: a
// concessive clause, ended by its comma, before what the sentence states.)
const OPEN_QUESTION = /^\W*whether\b(?!\s+or\s+not\b[^,;:]*,)/i;

/**
 * A sentence whose subject is the page or the occasion it reports: "This brief summarises …", "In this
 * episode, we look at …", "The purpose of this session was …". It announces what is discussed; the
 * sentences after it say what was committed to. Only a verb of presenting counts: "This report found
 * that …" reports a finding and is judged as any other.
 */
const META_TEXT =
  /^\W*(?:in\s+)?(?:this|today['’]s)\s+(?:brief|note|article|piece|post|report|session|episode|thread|alert|memo|digest|newsletter|issue|column|lecture|summary|explainer|guide|page|section|hearing|panel|paper|essay|chapter|segment|edition|update|entry|analysis|review)\b(?:,\s*(?:we|I)\b)?\s*(?:(?:briefly|also|first|then)\s+)?(?:summari[sz]es|look(?:s)?\s+at|examines?|sets?\s+out|explains?|covers?|reviews?|compares?|describes?|outlines?|considers?|asks?|walks?\s+through|traces?|surveys?|discuss(?:es)?|focus(?:es)?|rounds?\s+up|unpacks?|tracks?|maps?|breaks?\s+down|takes?\s+stock)\b|^\W*the\s+(?:purpose|aim|goal|focus|point)\s+of\s+(?:this|today['’]s)\s+\w+\s+(?:is|was)\b/i;
/** A correction notice: what an earlier version of the page said, which the page now takes back. */
const CORRECTION_NOTICE =
  /^\W*(?:correction\s*[:.—–-]\s*)?(?:an?\s+|the\s+)?(?:earlier|previous|prior|original|older)\s+version\s+of\s+this\s+(?:article|story|post|piece|report|page|newsletter|explainer|item)\b/i;
/**
 * A list's lead-in that recommends what its items say ("We recommend that legislators:", "The coalition urges
 * states to:", "Congress should:"; not "… anyone … should know about:"): the items are proposals, not a law's
 * duties. A think tank's "require developers to report critical safety incidents to a named state office within
 * 15 days;" read as SB 53 in force (a new user's report 54).
 */
const RECOMMENDING_LEAD_IN = /\b(?:recommends?|recommended|urges?|urged|calls?\s+on|propose|proposes|suggests?)\b[^.!?]*[:：]\s*$|\bshould\s*[:：]\s*$/iu;

/**
 * A rumour as the unit's subject: what is said to be coming, not what was committed to. "Street chatter that META
 * will open-source Muse Spark's successor remains just that", "There are rumours that not everyone will sign",
 * "A rumour that xAI would sign the remaining chapters went round Brussels", "OpenAI is rumoured to …". Not a
 * rumour named after a preposition ("Amid speculation that Google would hold out, it signed the code" states its
 * main clause) nor chatter about a topic ("Hallway chatter is mostly about which state laws …").
 */
const RUMOUR =
  /^\W*(?!(?:amid|despite|after|following|with|over|against|ending|end|to|for|on|denying|denied|dismissing|dismissed)\b)(?:[\p{L}'’-]+\s+){0,6}(?:rumou?rs?|chatter|speculation|whispers|gossip)\s+(?:that|of)\b|\b(?:is|are|was|were)\s+(?:widely\s+|also\s+)?rumou?red\s+to\b|^\W*rumou?r\s+has\s+it\b/iu;
/**
 * The page denying what follows, or its actor never or no longer saying it: "It is no longer true that Anthropic
 * will publish a Risk Report …", "It is false that …", "Microsoft has never said it will pause …", "OpenAI no
 * longer says it will review …" (a new user's report 56: each was highlighted with a card saying the actor
 * pledged it). See `deniedHere`.
 */
const DENIED =
  /\b(?:it\s+is|it['’]s|it\s+was|that\s+is)\s+(?:(?:simply|just|also)\s+)?(?:(?:not|no\s+longer)\s+(?:true|the\s+case|correct|accurate)|false|untrue|incorrect|a\s+myth)\s+(?:to\s+say\s+)?that\b|\b(?:has|have|had)\s+never\s+(?:said|promised|pledged|committed|vowed|agreed)\b|\bnever\s+(?:said|promised|pledged|committed|vowed)\s+(?:that|to|it)\b|\bno\s+longer\s+(?:says?|promises?|pledges?|commits?|vows?|claims?)\b/i;

/**
 * Whether `said` takes back `claim`: denies it or says it holds no longer (`DENIED`) while the set says it holds. A
 * claim that ended or changed is left alone: "Anthropic no longer pledges to pause" and "It is not accurate to say
 * that military use has always been banned" state its fate, which its card tells; so is a claim that no
 * commitment exists ("DeepMind never promised to pause" states the framework's missing gate).
 */
function deniedHere(said: string, claim: CompiledClaim): boolean {
  if (claim.kind === 'no-commitment' || claim.status === 'modified' || statusHasEnded(claim.status)) return false;
  return DENIED.test(said);
}

const CHECKED_CLAIM = /^\W*(?:the\s+)?(?:viral\s+|social[- ]media\s+|online\s+)?claim(?:\s*#?\d+)?\s*[:：]|^\W*true\s+or\s+false\s*[:?]/i;

/**
 * Someone's account of a claim that the writer, in the same sentence, calls wrong: "A trade-association lawyer told
 * us the order amounts to a federal sign-off on every new model, which misreads the text", "Headlines such as
 * 'DeepMind adds shutdown-resistance tier' got it wrong" (attack62). The account is what is wrong, not a statement
 * of the claim. See `misreadingVeto`.
 */
const MISREADING =
  /,\s*which\s+(?:(?:also|badly|simply)\s+)?(?:mis(?:reads|states|represents|characteri[sz]es|describes|quotes)|overstates|understates|exaggerates|(?:is|was)\s+(?:(?:simply|just|plainly)\s+)?(?:wrong|false|incorrect|inaccurate|untrue|a\s+misreading))\b|\bgot\s+(?:it|that|this)\s+wrong\b/i;

/**
 * A line of its own that is one short quotation and nothing else, perhaps numbered: a fact-check's
 * heading quoting the post it checks ("1. \"Google promised it would never build AI for weapons.\""),
 * a pull quote. Someone's words shown, not the page's statement; whose they are, the page says elsewhere.
 * (A press review quoting a whole paragraph of another outlet is longer than `QUOTED_LINE_WORDS`.)
 */
function isQuotedLine(text: string, said: string, unit: TextUnit, block: DocumentBlock): boolean {
  const quoted = QUOTED_LINE.exec(said.trim());
  return quoted !== null && !hasWords(quoted[1]!, QUOTED_LINE_WORDS + 1) && isWholeBlock(text, unit, block);
}
/** An optional number, then one quotation from its opening mark to its closing one, and at most a stop after it. */
const QUOTED_LINE = /^(?:\d{1,2}[.)]\s+)?["“]([^"“”]+)["”][.!?]?$/u;
/** Words a quoted line may have. */
const QUOTED_LINE_WORDS = 20;

/** Words of a sentence listing who signed, joined or ratified something (see `memberNamesAsContent`). */
const MEMBERSHIP_WORDS = /\b(?:sign(?:s|ed|ing|atory|atories|ers?)?|ratif(?:y|ies|ied|ication|ications)|join(?:s|ed)?|endorse[sd]?|parties|party\s+to)\b/i;

/** A sentence whose subject is a company by reference: "The company designates …", "It describes …". */
const COMPANY_SUBJECT = /^\W*(?:the\s+(?:company|firm|lab|developer|startup)|it)\b/i;

/** A roundup's section label before a colon ("China: labels on everything", "May 2025: …"): names a topic, not who did what. */
const SECTION_LABEL = /^\s*[^\s:]+(?:\s+[^\s:]+)?:\s/;
/** A month as news pages write it, in full, abbreviated or in capitals. */
const MONTH_WORD = `(?:${MONTH_STEMS}|${MONTH_STEMS.toUpperCase()})[a-zA-Z]*\\.?`;
/** A day with its month and year ("1 August 2025", "July 28, 2026"). */
const DATE_WRITTEN = `(?:\\d{1,2}\\s+${MONTH_WORD}\\s+\\d{4}|${MONTH_WORD}\\s+\\d{1,2},?\\s+\\d{4})`;
/**
 * A byline or dateline, which a page sets as a short unpunctuated line like a heading but which heads
 * nothing ("By Staff Reporter · Brussels · 1 August 2025", "BRUSSELS, July 28, 2026", "Updated 3 June
 * 2026 | 4 min read"): "By" and a name, a place in capitals before a month, or a line of parts split by
 * "·", "•" or "|" one of which is a date. Its place name (Brussels, Washington) is no actor it could hand a
 * claim to. (See also `isPlaceDateLine`.)
 */
const BYLINE = new RegExp(`^\\s*(?:(?:By|BY)\\s+\\p{Lu}|\\p{Lu}[\\p{Lu} .]+,\\s+${MONTH_WORD}|.*${DATE_WRITTEN}.*\\s[·•|]\\s|.*\\s[·•|]\\s.*${DATE_WRITTEN})`, 'u');
/** A place of up to three capitalised words, a comma and a date, and nothing else ("Brussels, 12 August 2025"). */
const PLACE_DATE_LINE = new RegExp(`^\\s*(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,2}),\\s+${DATE_WRITTEN}\\s*$`, 'u');
/** A capitalised word that may be a Title Case headline's verb ("Says", "Passes", "Begins"). */
const TITLE_CASE_VERB = /^\p{Lu}\p{Ll}+s$/u;

/**
 * Whether a line is a dateline of a place and a date ("Brussels, 12 August 2025"), not a Title Case headline
 * with its date ("Meta Says No, July 18, 2025", "Google Will Sign, 30 July 2025"): after the place's first
 * word, no finite verb and no capitalised word ending in -s.
 */
function isPlaceDateLine(line: string): boolean {
  const place = PLACE_DATE_LINE.exec(line);
  if (!place) return false;
  const words = place[1]!.split(/\s+/).slice(1);
  return !words.some((word) => WHOLE_FINITE_VERB.test(word) || TITLE_CASE_VERB.test(word));
}
const CLAUSE_BREAK = /[,:;–—]\s+|(?<![-‐])\s+(?:and|while|but|whereas)\s+/g;
/**
 * A clause piece (UTF-16 units `start`..`end`, the CLAUSE_BREAK included) that ends on "to <verb> and" or on a
 * preposition's "-ing" verb and "and": the verb shares the object after the break ("is to develop and publish
 * concrete proposals", "sets the goal of developing and publishing concrete proposals").
 */
function waitsForObject(text: string, start: number, end: number): boolean {
  return OPEN_VERB_AND.test(text.slice(Math.max(start, end - 40), end));
}
const OPEN_VERB_AND = /\b(?:to\s+[a-z]+|(?:of|for|by|in|on|about|without|from|at)\s+[a-z]+ing)\s+and\s+$/;
/**
 * What follows "and" when it joins two nouns of one phrase: a word (and perhaps the noun they qualify: "safety and
 * security chapter of the EU code", report 58), then a preposition ("safety and security from the code", "research
 * and development of …"). A clause after "and" starts with its subject or verb.
 */
const NOUN_AND_NOUN_PHRASE = /^\p{Ll}+(?:\s+(?:chapter|chapters|section|sections|part|parts|rules?|duties|obligations|provisions|measures|commitments?|risks?))?\s+(?:of|from|in|on|for|with|at|by|under|against|across|within)\s/u;
/**
 * An example list set off by a comma: "…, including the US and China, declared …", "…, such as Google and Meta".
 * Its names are examples of the subject before them, not a clause's: no cut before it (`EXAMPLE_LIST_OPENS`, after
 * the break) nor at an "and" inside it (`IN_EXAMPLE_LIST`, the text before the "and"). A new user's report 58: the
 * Bletchley sentence's highlight began at "China, declared …".
 */
const EXAMPLE_LIST_OPENS = /^(?:including|such\s+as|notably|among\s+them|especially)\b/i;
const IN_EXAMPLE_LIST = /(?:^|,\s*)(?:including|such\s+as|notably|among\s+them|especially)\s+[^,;:]*$/i;
/** A verb after "to" or a modal before "and" ("to implement and comply with it"): two verbs, which may be two clauses. */
const VERB_BEFORE_AND = /\b(?:to|will|must|shall|can|may|should|would|not)\s+\p{Ll}+$/u;
/**
 * Whether a CLAUSE_BREAK `breakText` at `at` (UTF-16 units, within `from`..`to`) is an "and" joining two nouns
 * of one phrase (see NOUN_AND_NOUN_PHRASE) rather than two clauses.
 */
function joinsPhrase(text: string, at: number, breakText: string, from: number, to: number): boolean {
  if (breakText.trim() !== 'and') return false;
  const after = at + breakText.length;
  return NOUN_AND_NOUN_PHRASE.test(text.slice(after, Math.min(to, after + 40))) && !VERB_BEFORE_AND.test(text.slice(Math.max(from, at - 40), at));
}
/** A verb in the present or past and its object's determiner ("extends its", "signed the"): a predicate, not a new clause's subject. */
const VERB_AND_OBJECT_OPENS = /^\p{Ll}+(?:s|ed)\s+(?:its|their|the|a|an|his|her|all|both|new)\s/u;

/** A sentence's closing punctuation, and any closing quotes or brackets after it. */
const SENTENCE_END = /[.!?]["”’')\]]*$/;
/** Words the last piece of a paragraph needs, ending on a letter, to read as a sentence cut off (see `readBlock`). */
const CUT_SENTENCE_MIN_WORDS = 6;

const hydrated = new WeakMap<ClaimIndex, Map<string, HydratedIndex>>();

function hydrate(index: ClaimIndex, tunables: Tunables): HydratedIndex {
  const key = `${tunables.commonTermShare}/${tunables.commonTermMinClaims}`;
  let byKey = hydrated.get(index);
  const cached = byKey?.get(key);
  if (cached) return cached;
  const termIds = new Map(index.terms.map((term, id) => [term, id]));
  // Hydration is O(terms + claims); per-claim lookups are built when a claim is first scored: a
  // background that wakes up with a 10,000-claim index must not rebuild much before it can answer.
  const commonLimit = Math.max(tunables.commonTermMinClaims, index.claims.length * tunables.commonTermShare);
  const common = new Uint8Array(index.terms.length);
  index.postings.forEach((pairs, term) => {
    if (pairs.length / 2 > commonLimit) common[term] = 1;
  });
  const claimCount = Math.max(1, index.claims.length);
  const idf = Float64Array.from(index.postings, (pairs) => Math.log(1 + claimCount / Math.max(1, pairs.length / 2)));
  const unknownIdf = Math.log(1 + claimCount) * UNKNOWN_TERM_IDF_SHARE;
  const facetTotals = index.claims.map((claim) => Float64Array.from(claim.facets, (facet) => facet.reduce((sum, term) => sum + idf[term]!, 0)));
  const groupSize = new Map<string, number>();
  const groupKey = (claim: CompiledClaim) => `${claim.actor}/${claim.instrument}`;
  for (const claim of index.claims) groupSize.set(groupKey(claim), (groupSize.get(groupKey(claim)) ?? 0) + 1);
  const sole = Float64Array.from(index.claims, (claim) => 1 / groupSize.get(groupKey(claim))!);
  let maxFacets = 1;
  for (const claim of index.claims) maxFacets = Math.max(maxFacets, claim.facets.length);
  const result: HydratedIndex = {
    sole,
    norms: Float64Array.from(index.claims, (claim) => claim.norm),
    rare: 3 * Math.log(1 + index.claims.length),
    actorOf: Int32Array.from(index.claims, (claim) => claim.actor),
    instrumentOf: Int32Array.from(index.claims, (claim) => claim.instrument),
    hasParties: Uint8Array.from(index.claims, (claim) => (claim.parties.length >= 2 ? 1 : 0)),
    actorStamps: new Int32Array(index.actors.length),
    instrumentStamps: new Int32Array(index.instruments.length),
    actorStrengths: new Float64Array(index.actors.length),
    instrumentStrengths: new Float64Array(index.instruments.length),
    capitalisedStamps: new Int32Array(index.terms.length),
    frameStamp: 0,
    lookups: new Array<ClaimLookups | undefined>(index.claims.length),
    distinctive: new Array<ReadonlySet<number> | undefined>(index.claims.length),
    instrumentGroups: new Array<number | undefined>(index.claims.length),
    facetScratch: new Float64Array(maxFacets),
    source: index,
    termIds,
    common,
    idf,
    unknownIdf,
    facetTotals,
    names: buildNameTable(index),
    scratch: new Float64Array(index.claims.length),
    scratchIdf: new Float64Array(index.claims.length),
    touched: new Int32Array(index.claims.length),
    nominees: new Int32Array(index.claims.length),
    nomineeBounds: new Float64Array(index.claims.length),
    knownQuantities: new Set(index.claims.flatMap((claim) => claim.quantities)),
    actorQuantities: quantitiesByActor(index),
  };
  if (!byKey) hydrated.set(index, (byKey = new Map()));
  byKey.set(key, result);
  return result;
}

/**
 * A claim's words as one open-addressing table (lexical's inner loop asks it once per word of a unit):
 * slots 0-7 are 256 bits, one per value of a term id's low byte, set for the claim's words (most of a
 * unit's words are not the claim's, and a clear bit says so without probing; a set bit may be a
 * collision); from slot 8, three per entry: term (-1: empty), weight×1000 as compiled, facet bits (as
 * `CompiledClaim.termFacets`). One typed array per claim, not a map and an object per word: a
 * 1,000-claim page builds this for every claim it touches, mostly before the JIT has.
 */
export interface ClaimWords {
  table: Int32Array;
  /** Entries - 1 (a power of two minus one). */
  slotMask: number;
  /** 32 - log2(entries): the hash keeps the top bits of the product. */
  shift: number;
}

const WORD_TABLE_BITS = 8;
const FIBONACCI = 0x9e3779b1;

/** The word table of a claim's `vocabulary` pairs and `termFacets` (exported for tests). */
export function claimWordTable(vocabulary: readonly number[], termFacets: readonly number[]): ClaimWords {
  const words = vocabulary.length / 2;
  let log = 1;
  while (1 << log < words * 2) log++;
  const slotMask = (1 << log) - 1;
  const shift = 32 - log;
  const table = new Int32Array(WORD_TABLE_BITS + 3 * (slotMask + 1)).fill(-1, WORD_TABLE_BITS);
  for (let i = 0; i < words; i++) {
    const term = vocabulary[2 * i]!;
    table[(term >>> 5) & 7]! |= 1 << (term & 31);
    let slot = Math.imul(term, FIBONACCI) >>> shift;
    while (table[WORD_TABLE_BITS + 3 * slot] !== -1) slot = (slot + 1) & slotMask;
    const at = WORD_TABLE_BITS + 3 * slot;
    table[at] = term;
    table[at + 1] = vocabulary[2 * i + 1]!;
    table[at + 2] = termFacets[i]!;
  }
  return { table, slotMask, shift };
}

/** Where `term`'s entry starts in `words.table`, or -1 when the claim does not use it (exported for tests). */
export function claimWordAt(words: ClaimWords, term: number): number {
  const table = words.table;
  if (((table[(term >>> 5) & 7]! >>> (term & 31)) & 1) === 0) return -1;
  const slotMask = words.slotMask;
  for (let slot = Math.imul(term, FIBONACCI) >>> words.shift; ; slot = (slot + 1) & slotMask) {
    const at = WORD_TABLE_BITS + 3 * slot;
    const key = table[at]!;
    if (key === term) return at;
    if (key === -1) return -1;
  }
}

/** A word's weight for a claim (0 when the claim does not use it): what the index compiled, / 1000. */
function wordWeight(words: ClaimWords, term: number): number {
  const at = claimWordAt(words, term);
  return at < 0 ? 0 : words.table[at + 1]! / 1000;
}

/** A claim's words and key-term groups as lookups: word -> weight and facets, group -> terms. */
interface ClaimLookups {
  words: ClaimWords;
  /** Per key-term group: its one-term alternatives as a set, and its longer bags. */
  gateSingles: Array<Set<number>>;
  gateBags: number[][][];
  /**
   * Every one-term alternative in a word table (`ClaimWords`) whose facet bits are the groups it stands in
   * for (bit g: group g; a claim has at most `MAX_LIST.keyTerms` groups, 20).
   */
  gateTable: ClaimWords;
}

function lookupsOf(h: HydratedIndex, claimIndex: number): ClaimLookups {
  let lookups = h.lookups[claimIndex];
  if (lookups) return lookups;
  const claim = h.source.claims[claimIndex]!;
  const words = claimWordTable(claim.vocabulary, claim.termFacets);
  // Plain loops, not filter and map: this runs for every claim a page first touches, mostly before the JIT has.
  const gateSingles: Array<Set<number>> = [];
  const gateBags: number[][][] = [];
  for (const group of claim.gates) {
    const singles = new Set<number>();
    const bags: number[][] = [];
    for (const bag of group) {
      if (bag.length === 1) singles.add(bag[0]!);
      else if (bag.length > 1) bags.push(bag);
    }
    gateSingles.push(singles);
    gateBags.push(bags);
  }
  // (One bit per group: an index with more groups than bits is not one the claim-set schema allows.)
  if (gateSingles.length > 31) throw new Error(`claim ${claim.id}: ${gateSingles.length} key-term groups, at most 31 can be matched`);
  const groupBits = new Map<number, number>();
  gateSingles.forEach((singles, g) => {
    for (const term of singles) groupBits.set(term, (groupBits.get(term) ?? 0) | (1 << g));
  });
  const pairs: number[] = [];
  const bits: number[] = [];
  for (const [term, groups] of groupBits) {
    pairs.push(term, 0);
    bits.push(groups);
  }
  lookups = { words, gateSingles, gateBags, gateTable: claimWordTable(pairs, bits) };
  h.lookups[claimIndex] = lookups;
  return lookups;
}

/**
 * A claim's distinctive key terms: its one-term key-term alternatives that no other claim of its instrument
 * (or, without one, of its actor) has among its words or key terms ("systemic", "10^25" for the AI Act's
 * systemic-risk duties beside its general ones). Term ids; built once per claim.
 */
function distinctiveTermsOf(h: HydratedIndex, claimIndex: number): ReadonlySet<number> {
  const known = h.distinctive[claimIndex];
  if (known) return known;
  const claims = h.source.claims;
  const group = groupOf(claims[claimIndex]!);
  const siblings: number[] = [];
  for (let k = 0; k < claims.length; k++) if (k !== claimIndex && groupOf(claims[k]!) === group) siblings.push(k);
  const out = new Set<number>();
  for (const single of lookupsOf(h, claimIndex).gateSingles) {
    for (const term of single) {
      const shared = siblings.some((k) => {
        const other = lookupsOf(h, k);
        return claimWordAt(other.words, term) >= 0 || other.gateSingles.some((g) => g.has(term));
      });
      if (!shared) out.add(term);
    }
  }
  h.distinctive[claimIndex] = out;
  return out;
}

/** Whether a unit uses one of a claim's distinctive key terms (`distinctiveTermsOf`). */
function usesDistinctiveTerm(h: HydratedIndex, claimIndex: number, unit: UnitTerms): boolean {
  const own = distinctiveTermsOf(h, claimIndex);
  return own.size > 0 && unit.list.some((term) => own.has(term));
}

/** Whether a claim has distinctive key terms and a unit uses none of them: its own words are not there. */
function lacksDistinctiveTerms(h: HydratedIndex, claimIndex: number, unit: UnitTerms): boolean {
  return distinctiveTermsOf(h, claimIndex).size > 0 && !usesDistinctiveTerm(h, claimIndex, unit);
}

export interface Content {
  token: Token;
  /** The term's id in the index; for a word the index does not know, -1 - its number in this call. */
  id: number;
  /** Part of a name (actor, member, instrument): frame evidence, not content. */
  name: boolean;
}

/**
 * A content word of the page as `matchClaimsDetailed` makes them, one per content token. A class, not an
 * object literal: V8 tracks where literals are allocated, sees a page's entries all outlive a young
 * collection (they live as long as the call) and from then on allocates them straight in the old
 * generation, where every page's thousands of dead entries wait for a full collection; instances of a
 * class are allocated young. About 8% of warm matching on a 10,000-word page.
 */
class ContentWord implements Content {
  constructor(
    readonly token: Token,
    readonly id: number,
    readonly name: boolean,
  ) {}
}

export interface UnitTerms {
  terms: TermSet;
  /** The same terms in the same (first-seen) order, for walking: sums over them keep their order. */
  list: number[];
  /** IDF mass of the unit's distinct terms, known or not. */
  mass: number;
}

/**
 * Words the index does not know have ids -1, -2, … per call (one per distinct word, see
 * `matchClaimsDetailed`); slot -1 - id holds the stamp of the last `termsOf` call that counted it, so
 * each call counts distinct ones without a set of its own. Known words likewise, in `knownStamps`
 * (slot id).
 */
let unknownStamps = new Int32Array(256);
let knownStamps = new Int32Array(256);
let unknownStamp = 0;

/** Makes room for `count` unknown words and the index's `known` terms in this call (exported for tests). */
export function prepareUnknownStamps(count: number, known: number): void {
  if (count > unknownStamps.length || known > knownStamps.length || unknownStamp > 0x3fffffff) {
    unknownStamps = new Int32Array(Math.max(count, unknownStamps.length));
    knownStamps = new Int32Array(Math.max(known, knownStamps.length));
    unknownStamp = 0;
  }
}

/**
 * A unit's distinct known terms, as `termsOf` found them: read through the stamps instead of a Set of
 * its own (termsOf runs for every unit, clause and pair of clauses, and building a Set each time was
 * most of its cost in the browser). The stamps answer while this is the latest set termsOf made; an
 * older one answers from a Set of its list, built when first asked (the same answers, slower).
 */
export class TermSet {
  private fallback: Set<number> | undefined;
  constructor(
    private readonly stamps: Int32Array,
    private readonly stamp: number,
    private readonly list: readonly number[],
  ) {}

  get size(): number {
    return this.list.length;
  }

  has(term: number): boolean {
    if (this.stamp === unknownStamp && this.stamps === knownStamps) return this.stamps[term] === this.stamp;
    this.fallback ??= new Set(this.list);
    return this.fallback.has(term);
  }
}

/** The distinct terms of some content (content[from, to)), and their IDF mass (exported for tests). */
export function termsOf(h: Pick<HydratedIndex, 'idf' | 'unknownIdf'>, content: readonly Content[], from = 0, to = content.length): UnitTerms {
  const list: number[] = [];
  const stamp = ++unknownStamp;
  const known = knownStamps;
  let mass = 0;
  for (let i = from; i < to; i++) {
    const { id, name } = content[i]!;
    if (name) continue;
    if (id >= 0) {
      if (known[id] !== stamp) {
        known[id] = stamp;
        list.push(id);
        mass += h.idf[id]!;
      }
    } else if (unknownStamps[-1 - id] !== stamp) {
      unknownStamps[-1 - id] = stamp;
      mass += h.unknownIdf;
    }
  }
  return { terms: new TermSet(known, stamp, list), list, mass };
}

/**
 * Whether a unit names the claim's actor and its instrument and uses a term of every one of the claim's
 * key-term groups ("Google says it will sign the EU's General-Purpose AI Code of Practice"): the decider
 * must see it, however little of the statement's wording it has (the instrument's name is frame, not
 * content, and a long statement leaves "sign" little weight).
 */
function namedWithKeyTerms(h: HydratedIndex, claimIndex: number, frame: Frame, unit: UnitTerms, byName: number): boolean {
  return frame.actor >= 1 && frame.instrument >= 1 && h.source.claims[claimIndex]!.instrument >= 0 && lookupsOf(h, claimIndex).gateSingles.length > 0 && gateShare(h, claimIndex, unit, byName) >= 1;
}

/**
 * Whether a short sentence naming the claim's actor as its subject states the claim with its document left
 * unsaid, as the object of its verb ("The code was published on 10 July. … Meta said last month it would not
 * sign."): at most `elidedKeyTerms` content words, no document named, the claim's document in view (its frame
 * strength at least `elidedDocument`), and every key-term group met once the document's names count as words of the
 * sentence (`instrumentGroupsOf`), some group only so; only for documents one signs or joins (`JOINED_CLASSES`).
 */
function elidedDocumentStates(
  h: HydratedIndex,
  t: Tunables,
  canonicalizer: Canonicalizer,
  text: string,
  unitSpan: { start: number },
  d: UnitDiscourse,
  claimIndex: number,
  frame: Frame,
  content: readonly Content[],
  unit: UnitTerms,
): boolean {
  if (t.elidedDocument <= 0 || content.length > t.elidedKeyTerms || d.namedInstruments.length > 0 || frame.actor < 1 || frame.instrument < t.elidedDocument) return false;
  const claim = h.source.claims[claimIndex]!;
  if (claim.instrument < 0 || !JOINED_CLASSES.has(h.source.instruments[claim.instrument]!.cls)) return false;
  const groups = lookupsOf(h, claimIndex).gateSingles.length;
  if (groups === 0) return false;
  const byDocument = instrumentGroupsOf(h, claimIndex, canonicalizer);
  if (byDocument === 0) return false;
  const met = gateBits(h, claimIndex, unit);
  const all = groups === 32 ? -1 : (1 << groups) - 1;
  return (met | byDocument) === all && met !== all && opensWithActor(text, unitSpan, d, claim.actor);
}

/** Words a sentence may open with before its subject ("In July, Meta said …", "Not everyone joined: Meta refused …"). */
const SUBJECT_OPENING_WORDS = 4;

/**
 * Whether the first name of an actor in a unit is `actor` (or a coalition it belongs to), not as an owner, within
 * its first `SUBJECT_OPENING_WORDS` words: its subject, as "hold Anthropic to" in "The old pause pledge was simpler
 * to hold Anthropic to" is not.
 */
function opensWithActor(text: string, unit: { start: number }, d: UnitDiscourse, actor: number): boolean {
  const first = d.mentions.find((m) => m.actors.length > 0 || m.coalitions.length > 0);
  if (!first || !(first.actors.includes(actor) || first.coalitions.includes(actor))) return false;
  const before = text.slice(unit.start, first.start).match(/\p{L}+/gu)?.length ?? 0;
  return before <= SUBJECT_OPENING_WORDS && namedAsSubject(text, d, actor);
}

/**
 * Classes of document one signs, joins or stays out of: the elided object of "would not sign" (a law or a
 * company's framework is no such object: "The AI Office supervises general-purpose model providers").
 */
const JOINED_CLASSES: ReadonlySet<string> = new Set(['code', 'declaration', 'commitments', 'treaty', 'agreement']);

/** The key-term groups of a claim the names of its instrument meet (bit g: group g), read with the page's `canonicalizer`; worked out once per claim. */
function instrumentGroupsOf(h: HydratedIndex, claimIndex: number, canonicalizer: Canonicalizer): number {
  const cached = h.instrumentGroups[claimIndex];
  if (cached !== undefined) return cached;
  const instrument = h.source.claims[claimIndex]!.instrument;
  const ids: number[] = [];
  for (const name of h.source.names) {
    if (!name.instruments.includes(instrument)) continue;
    for (const word of name.words) {
      const id = h.termIds.get(canonicalizer.term(word));
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
  }
  const bits = ids.length > 0 ? gateBits(h, claimIndex, { terms: new Set(ids), list: ids }) : 0;
  h.instrumentGroups[claimIndex] = bits;
  return bits;
}

/**
 * The key-term groups the claim's own document meets by its names (bit g: group g), for a span of a unit that names
 * the claim's actor and that document, one signs or stays out of (`namedDocumentKeyTerms`, `JOINED_CLASSES`); else 0.
 * @param from, to the span (UTF-16 units): the whole unit, or the clause or headline half judged
 */
function namedDocumentGroups(h: HydratedIndex, t: Tunables, canonicalizer: Canonicalizer, d: UnitDiscourse, claimIndex: number, from: number, to: number): number {
  if (t.namedDocumentKeyTerms <= 0) return 0;
  const claim = h.source.claims[claimIndex]!;
  if (claim.instrument < 0 || !JOINED_CLASSES.has(h.source.instruments[claim.instrument]!.cls)) return 0;
  // (No array made: this runs for each nominated claim of such a document, before most are dropped.)
  const inSpan = (m: Mention): boolean => m.start < to && m.end > from;
  if (!d.mentions.some((m) => inSpan(m) && m.instruments.includes(claim.instrument)) || !d.mentions.some((m) => inSpan(m) && m.actors.includes(claim.actor))) return 0;
  return instrumentGroupsOf(h, claimIndex, canonicalizer);
}

/**
 * Share of the claim's key-term groups present; a claim without groups gets a neutral 0.5 (no evidence either
 * way). The groups a unit's term stands in for come from one walk of its terms (`gateTable`); a group none of
 * them does may still be met by one of its bags.
 */
function gateShare(h: HydratedIndex, claimIndex: number, unit: UnitTerms, byName = 0): number {
  const groups = lookupsOf(h, claimIndex).gateSingles.length;
  if (groups === 0) return 0.5;
  let met = gateBits(h, claimIndex, unit);
  if (met !== 0) met |= byName;
  let passed = 0;
  for (; met !== 0; met &= met - 1) passed++;
  return passed / groups;
}

/** The key-term groups a unit's terms meet, as bits (bit g: group g; see `gateShare`). */
function gateBits(h: HydratedIndex, claimIndex: number, unit: { terms: { has(term: number): boolean }; list: readonly number[] }): number {
  const { gateSingles: singles, gateBags: bags, gateTable } = lookupsOf(h, claimIndex);
  const terms = unit.terms;
  const list = unit.list;
  const table = gateTable.table;
  let hit = 0;
  for (let i = 0; i < list.length; i++) {
    const at = claimWordAt(gateTable, list[i]!);
    if (at >= 0) hit |= table[at + 2]!;
  }
  for (let g = 0; g < singles.length; g++) {
    if (!((hit >>> g) & 1) && bags[g]!.some((bag) => bag.every((term) => terms.has(term)))) hit |= 1 << g;
  }
  return hit;
}

/**
 * Whether `content` names the claim by a key phrase as capitalised as the claim writes it (`hasCapitalisedKeyPhrase`),
 * and the name stands for the claim: with `namedNeedsKeyTerm`, a name met with none of the claim's key-term groups
 * (`gates` 0) names only its subject ("Claude Mythos Preview is the newest and most potent AI framework from
 * Anthropic" names the model, not its withholding), unless the unit names the claim's own document, which is what
 * a claim about a document states; with `namedSpeakerMinEvidence`, in an attributed quotation the name counts only
 * with that much of the claim's wording too (`l`: "'Expanded collaborations with industry help us grow our work,'
 * said the director of CAISI" names CAISI and states nothing of its agreements).
 */
function namesClaim(t: Tunables, d: UnitDiscourse, claim: CompiledClaim, content: readonly Content[], gates: number, l: Lexical): boolean {
  if (t.namedNeedsKeyTerm > 0 && gates === 0 && !d.namedInstruments.includes(claim.instrument)) return false;
  if (t.namedSpeakerMinEvidence > 0 && d.speaker?.quoted === true && Math.max(l.score, l.facet) < t.namedSpeakerMinEvidence) return false;
  return hasCapitalisedKeyPhrase(claim, content);
}

function hasCapitalisedKeyPhrase(claim: CompiledClaim, content: readonly Content[]): boolean {
  if (claim.keyPhrases.length === 0) return false;
  for (let p = 0; p < claim.keyPhrases.length; p++) {
    const phrase = claim.keyPhrases[p]!;
    const caps = claim.keyPhraseCaps[p]!;
    for (let i = 0; i + phrase.length <= content.length; i++) {
      let ok = true;
      for (let k = 0; k < phrase.length && ok; k++) {
        const { token, id } = content[i + k]!;
        const need = caps[k] ?? 1;
        ok = id === phrase[k] && (need === 2 ? token.caps === 2 : token.caps >= 1);
      }
      if (ok) return true;
    }
  }
  return false;
}

/**
 * Lexical evidence of a claim in a set of terms: score, best facet, focus. Walks the unit's terms (a
 * handful) rather than the claim's vocabulary, through the claim's word table. Written into `into`
 * when given (a scratch answer), else into a new object.
 */
function lexical(h: HydratedIndex, claimIndex: number, unit: UnitTerms, into?: Lexical): Lexical {
  const claim = h.source.claims[claimIndex]!;
  const words = lookupsOf(h, claimIndex).words;
  const table = words.table;
  // Zero between calls: only the facets a call touches are read, and they are zeroed after.
  const covered = h.facetScratch;
  // The facets the unit's words reach, as bits (at most 32 facets): a facet no word reaches has share 0
  // and cannot be the best, so only these are read, in facet order as before.
  let reached = 0;
  let sum = 0;
  let shared = 0;
  const terms = unit.list;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const at = claimWordAt(words, term);
    if (at < 0) continue;
    sum += table[at + 1]! / 1000;
    const idf = h.idf[term]!;
    shared += idf;
    // Each facet's sum still adds its words in the unit's order (the bits only say which facets).
    const bitsOfWord = table[at + 2]!;
    reached |= bitsOfWord;
    for (let bits = bitsOfWord; bits !== 0; bits &= bits - 1) {
      const f = 31 - Math.clz32(bits & -bits);
      covered[f] = covered[f]! + idf;
    }
  }
  let facet = 0;
  let facetMass = 0;
  const totals = h.facetTotals[claimIndex]!;
  for (let bits = reached; bits !== 0; bits &= bits - 1) {
    const f = 31 - Math.clz32(bits & -bits);
    const share = totals[f]! > 0 ? covered[f]! / totals[f]! : 0;
    if (share > facet || (share === facet && covered[f]! > facetMass)) {
      facet = share;
      facetMass = covered[f]!;
    }
    covered[f] = 0;
  }
  const rare = h.rare;
  const score = Math.min(1, sum / claim.norm);
  const focus = unit.mass > 0 ? Math.min(1, shared / unit.mass) : 0;
  facetMass = Math.min(1, facetMass / rare);
  if (!into) return { score, facet, facetMass, focus };
  into.score = score;
  into.facet = facet;
  into.facetMass = facetMass;
  into.focus = focus;
  return into;
}

/** What `lexical` finds: score, best facet and its mass, focus (each 0..1). */
interface Lexical {
  score: number;
  facet: number;
  facetMass: number;
  focus: number;
}

/** One `lexical` answer to ask and forget (a clause run's first question, and what the sentence's accepted claims explain of it), not an object per claim and run. */
const LEXICAL_SCRATCH: Lexical = { score: 0, facet: 0, facetMass: 0, focus: 0 };

interface Frame {
  frame: number;
  actor: number;
  instrument: number;
  explicit: boolean;
  rival: boolean;
  rivalSubject: boolean;
}

/** Whether `actor` is someone else than the claim's actor (not it, not a member of it, not its coalition, not a party to its agreement). */
function isOther(index: ClaimIndex, claim: CompiledClaim, actor: number): boolean {
  return actor !== claim.actor && !index.actors[claim.actor]!.memberOf.includes(actor) && !index.actors[actor]!.memberOf.includes(claim.actor) && !claim.parties.includes(actor);
}

/**
 * How strongly a unit is about the other parties to a claim's agreement (`CompiledClaim.parties`), as the
 * claim's actor: `strengthParty` times the weaker of its two strongest parties' frames ("OpenAI and
 * Anthropic signed deals letting the government test their models" is about the testing agreements). One
 * party alone is not enough: "Microsoft gives the UK AI Security Institute early access to test its models"
 * is another agreement of one of them. 0 for most claims.
 */
function partyFrame(claim: CompiledClaim, d: UnitDiscourse, t: Tunables): number {
  let first = 0;
  let second = 0;
  for (const party of claim.parties) {
    const strength = d.actors.get(party);
    if (strength > first) {
      second = first;
      first = strength;
    } else if (strength > second) second = strength;
  }
  return second * t.strengthParty;
}

/** Below this, two strengths compared are equal (they are sums and products of tunables in floating point). */
const STRENGTH_ROUNDING = 1e-9;

/**
 * Whether the unit names an agency, the claim's actor, only as the one someone else's directive tasks ("The
 * Action Plan asked the Center for AI Standards and Innovation to evaluate frontier systems"): another
 * document or actor in view to give the directive, the claim's own instrument not in view, no party to its
 * agreement named, and the agency not named before the directive.
 */
function taskedOnly(index: ClaimIndex, claim: CompiledClaim, d: UnitDiscourse): boolean {
  // Only an agency: a company or a government asked, urged or ordered to do something ("The Pentagon ordered
  // Anthropic to drop the two limits", "Employees urged Google to keep its 2018 pledge") is often about its
  // own commitment, which the sentence goes on to state.
  if (index.actors[claim.actor]!.type !== 'agency') return false;
  // ("The agreements ask CAISI to share its findings": the claim's own instrument directs.)
  if (claim.instrument >= 0 && d.instruments.get(claim.instrument) > 0) return false;
  const tasked = d.taskedActors.find((x) => x.actor === claim.actor);
  if (!tasked) return false;
  for (const m of d.mentions) {
    // ("Commerce charged the US AI Safety Institute with testing major new models from OpenAI and Anthropic": the agreements.)
    if (m.actors.some((a) => claim.parties.includes(a))) return false;
    if (m.start < tasked.verbStart && (m.actors.includes(claim.actor) || m.coalitions.includes(claim.actor))) return false;
  }
  // Someone else in view to give the directive, named or carried from before ("The same Action Plan … asked
  // the Center …"; "It also tasks CAISI with …" after the plan was named); "Commerce Secretary Howard Lutnick
  // tasked the Center … with testing unreleased frontier models" has no one else's claim to give it.
  const { instruments, actors } = d;
  if (instruments.ids.some((id, i) => id !== claim.instrument && instruments.values[i]! > 0)) return true;
  return actors.ids.some((id, i) => id !== claim.actor && actors.values[i]! > 0 && !claim.parties.includes(id));
}

/**
 * Words (tokens) of a page per sign of AI it must show, up to `jurisdictionNeedsAi`: a news brief of a few
 * sentences on a state's AI law may say "AI" once, where a long page about banks that says it once in passing
 * is not on AI.
 */
const AI_SIGN_SPAN = 200;

/**
 * Whether a page is on AI: `needed` signs of it, each mention of a company or an instrument of the claim set
 * (`known`, the page's known names) and each word of `AI_TOPIC_WORDS` or pair of `AI_TOPIC_PAIRS` in
 * `tokens`. One pass, stopping at the answer.
 */
function pageOnAi(index: ClaimIndex, tokens: readonly Token[], known: readonly Mention[], needed: number): boolean {
  let seen = 0;
  for (const m of known) {
    if (m.instruments.length > 0 || m.actors.some((actor) => index.actors[actor]!.type === 'company')) {
      if (++seen >= needed) return true;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i]!.key;
    if ((AI_TOPIC_WORDS.has(key) || (i + 1 < tokens.length && AI_TOPIC_PAIRS.get(key)?.has(tokens[i + 1]!.key))) && ++seen >= needed) return true;
  }
  return false;
}

/**
 * How strongly a unit is about a claim's actor or instrument; undefined when not at all (most claims).
 * `onAi`: whether the page is on AI (`pageOnAi`), asked only when a rule needs it.
 */
function frameOf(index: ClaimIndex, claim: CompiledClaim, d: UnitDiscourse, t: Tunables, onAi: () => boolean): Frame | undefined {
  const actor = Math.max(d.actors.get(claim.actor), partyFrame(claim, d, t));
  let instrument = claim.instrument >= 0 ? d.instruments.get(claim.instrument) : 0;
  if (actor <= 0 && instrument <= 0) return undefined;
  // A government's name alone frames its law's claims only on a page on AI: on a page about banking, "Under the
  // New York Department of Financial Services cybersecurity regulation, covered financial institutions must
  // notify the department … within 72 hours" is another of New York's rules.
  if (instrument <= 0 && claim.instrument >= 0 && index.actors[claim.actor]!.type === 'government' && !onAi()) return undefined;
  if (t.rivalInstrumentMargin > 0) {
    const rival = rivalInstrumentFrames(index, claim, d, false);
    // (Strengths are products of tunables: 0.6000000000000001 + 0.3 must not miss 0.9 by a rounding error.)
    if (rival >= Math.max(actor, instrument) + t.rivalInstrumentMargin - STRENGTH_ROUNDING) return undefined;
    // The law in view decides; a jurisdiction not named in the unit does not hold a claim against another
    // jurisdiction's law that is in view with its own jurisdiction.
    if (t.rivalNeedsOwnLaw > 0 && instrument > 0 && isLawClaim(index, claim) && !d.namedActors.includes(claim.actor)) {
      if (rivalInstrumentFrames(index, claim, d, true) >= instrument + t.rivalInstrumentMargin - STRENGTH_ROUNDING) return undefined;
    }
    // The claim's law not in view at all, only its jurisdiction carried from a comparison ("brought New York
    // closer to California"), under another jurisdiction's law in view with its jurisdiction: that law's.
    if (t.rivalLawOverJurisdiction > 0 && instrument <= 0 && isLawClaim(index, claim) && !d.namedActors.includes(claim.actor)) {
      if (rivalInstrumentFrames(index, claim, d, true) >= actor) return undefined;
    }
  }
  if (instrument > 0 && actor === 0) {
    // An instrument several actors make claims in (the Code of Practice) belongs to whichever of them the unit is about.
    const owners = index.instruments[claim.instrument]!.actors;
    // The instrument alone ("It has three chapters") is about the coalition that made it, never about
    // one member's own stance on it (xAI signing only its safety chapter): that needs the member in view.
    const coalitionMade = owners.some((owner) => owner !== claim.actor && index.actors[claim.actor]!.memberOf.includes(owner));
    if (coalitionMade) return undefined;
    if (owners.length > 1 && owners.some((owner) => owner !== claim.actor && d.actors.get(owner) > 0)) instrument *= 0.3;
  }
  const lawNamed = claim.instrument >= 0 && d.namedInstruments.includes(claim.instrument);
  const explicit = d.namedActors.includes(claim.actor) || lawNamed;
  if (t.taskedNotActor > 0 && explicit && taskedOnly(index, claim, d)) return undefined;
  let rival = false;
  let rivalSubject = false;
  if (!explicit) {
    for (const other of d.namedActors) if (isOther(index, claim, other)) rival = true;
    // Another actor as the sentence's subject, this claim's own not named at all: "OpenAI, for its part, says its agreement…".
    for (const other of d.subjectActors) if (isOther(index, claim, other)) rivalSubject = true;
  }
  // An organisation the claim set does not know as the subject, the claim's actor not named: "Halloway AI, a
  // London start-up, adopted its own 'Responsible Scaling Policy'" is its pledge, whatever document it names.
  // (One the claim set knows only as a member, "Mistral AI also said …", may state its coalition's claim.) Carried in by
  // a pronoun or its sentence ("The French company also said …, language almost identical to Microsoft's"), it holds
  // only a company's or a coalition's claim whose document the unit does not name: "It points to Executive Order
  // 14365, which …" in a filing's summary states the order.
  const unknownSubject = d.unknownSubject || (d.unknownSubjectCarried && !explicit && PLEDGING_TYPES.has(index.actors[claim.actor]!.type));
  if (t.unknownSubjectVeto > 0 && !d.namedActors.includes(claim.actor) && unknownSubject && !d.unknownSubjectCoalitions.includes(claim.actor)) rivalSubject = true;
  // A company's claim, the company not named, whose sentence has another subject: a government body ("The Department
  // of War has no interest in using AI to conduct mass surveillance of Americans …," a Pentagon spokesman's words on a
  // page about Anthropic's limits, real v38, are the department's), or a kind of actor a duty is put on ("Developers
  // also have to publish …" is a law's or a code's), is not the company's own pledge.
  if (!d.namedActors.includes(claim.actor) && index.actors[claim.actor]!.type === 'company') {
    if ((t.governmentSubjectVeto > 0 && d.governmentBodySubject) || (t.genericDutySubject > 0 && d.genericDutySubject)) rivalSubject = true;
  }
  // Another bill by its number as the subject, the claim's law and actor not named: "Virginia's HB 2094, which would
  // likewise have required developers … to guard against algorithmic discrimination, was vetoed" is Virginia's.
  // (With `lawSubjectOverActor`, the claim's actor named does not hold it: "California Labor Code section 1102.5
  // already bars any employer from …" is the general statute's, not SB 53's, which it does not name.)
  if (t.billNumbers > 0 && (t.lawSubjectOverActor > 0 ? !lawNamed : !explicit) && isLawClaim(index, claim) && d.unknownBillSubject) return undefined;
  // Another jurisdiction named, the claim's actor and law not: "a coalition of Democrats in Minnesota has drafted a bill
  // that would require …" is Minnesota's (`otherJurisdictions`).
  if (t.otherJurisdictions > 0 && !explicit && isLawClaim(index, claim) && d.namesOtherJurisdiction) return undefined;
  // "During the trilogues the European Parliament pushed for a complete ban on real-time biometric identification":
  // what a lawmaker sought, not what its law says.
  if (t.soughtNotLaw > 0 && isLawClaim(index, claim) && d.seeks) return undefined;
  return { frame: Math.max(actor, instrument), actor, instrument, explicit, rival, rivalSubject };
}

/** Actor types whose claims are their own pledges, not laws or orders (`Actor.type`). */
const PLEDGING_TYPES: ReadonlySet<string> = new Set(['company', 'coalition']);

/** Whether a claim is a law's: its instrument is of the class 'law' (a statute, an act, a regulation). */
function isLawClaim(index: ClaimIndex, claim: CompiledClaim): boolean {
  return claim.instrument >= 0 && index.instruments[claim.instrument]!.cls === 'law';
}

/**
 * Whether a unit names a law of a field the claim's words do not speak of, the claim being a law's: "New York-
 * regulated entities must also notify the Department of Financial Services within 72 hours … under the state's
 * cybersecurity regulation" is that regulation's duty, not the RAISE Act's (whose words say nothing of
 * cybersecurity), while "a policy to comply with EU copyright law" is the AI Act's own. Asked when the claim's
 * law is not in view.
 */
function underOtherFieldLaw(h: HydratedIndex, claimIndex: number, d: UnitDiscourse): boolean {
  if (!isLawClaim(h.source, h.source.claims[claimIndex]!)) return false;
  const topics = d.otherFieldLawTopics;
  if (topics.length === 0) return false;
  const words = lookupsOf(h, claimIndex).words;
  return topics.some((topic) => {
    const term = h.termIds.get(topic);
    return term === undefined || claimWordAt(words, term) < 0;
  });
}

/**
 * The strongest frame, in a unit that does not name the claim's own instrument, of an instrument of the
 * same class (a law, a framework) that is not the claim's and that its actor has no claim in: 0 when none.
 * "Large frontier developers must publish a frontier AI framework" under "What the RAISE Act requires"
 * is New York's law (0.9 from the heading) however much California's SB 53 (0.4, the page's dominant
 * subject) shares its words.
 */
function rivalInstrumentFrames(index: ClaimIndex, claim: CompiledClaim, d: UnitDiscourse, withItsActor: boolean): number {
  if (claim.instrument < 0 || d.namedInstruments.includes(claim.instrument)) return 0;
  const cls = index.instruments[claim.instrument]!.cls;
  if (!cls) return 0;
  let strongest = 0;
  const { ids, values } = d.instruments;
  for (let i = 0; i < ids.length; i++) {
    const other = index.instruments[ids[i]!]!;
    if (ids[i] === claim.instrument || other.cls !== cls || other.actors.includes(claim.actor)) continue;
    if (withItsActor && !other.actors.some((owner) => d.actors.get(owner) > 0 && isOther(index, claim, owner))) continue;
    if (values[i]! > strongest) strongest = values[i]!;
  }
  return strongest;
}

function speakerIsOther(index: ClaimIndex, claim: CompiledClaim, d: UnitDiscourse): boolean {
  const s = d.speaker;
  if (!s) return false;
  // "Google signs with reservations … and Meta says no": the actor named before the speaker is its own clause's
  // subject; not when the speaker closes the sentence ("Claude stays ad-free for now, investors say").
  if (!s.trailing && !s.quoted && d.mentions.some((m) => m.start < s.start && (m.actors.includes(claim.actor) || m.coalitions.includes(claim.actor)))) return false;
  const refers = (actors: readonly number[], instruments: readonly number[]) =>
    actors.includes(claim.actor) ||
    (claim.instrument >= 0 && instruments.includes(claim.instrument)) ||
    actors.some((a) => index.actors[a]!.memberOf.includes(claim.actor) || claim.parties.includes(a));
  if (refers(s.actors, s.instruments)) return false;
  const someoneElse = s.outsider || s.actors.length > 0;
  if (!someoneElse) return false;
  // "Critics say Anthropic dropped its pledge": the outsider reports what the actor did.
  return !refers(s.contentActors, s.contentInstruments);
}

interface Judged {
  claimIndex: number;
  features: Features;
  probability: number;
  score: number;
  /** Not accepted on its own: kept only if the split gives it clauses of its own. */
  secondary: boolean;
  /** Accepted on one of the sentence's clauses, not on the whole sentence. */
  byClause: boolean;
}

/** Work budget: linear in the text, so no page can make a call run long. */
class Budget {
  used = 0;
  constructor(readonly limit: number) {}
  /** For the matcher's own loops: a method, the same function on every call (see `spend`). */
  charge(n: number): void {
    this.used += n;
  }
  /**
   * For the discourse and name finders, which take a callback. A new closure per call: judgeUnit
   * calling it was deoptimised on the second page ("wrong call target") and left calling it unoptimised.
   */
  spend = (n: number): void => {
    this.used += n;
  };
  get exhausted(): boolean {
    return this.used > this.limit;
  }
}

/**
 * Finds the claims a text states or reports. Each unit (sentence, clause, list item) is scored against
 * the claims that share a rare term with it and whose actor or instrument the unit is about (named,
 * referred to, inherited from the previous sentence, a heading or a lead-in); each candidate's features
 * go to the decider (lib/match/model.ts). A sentence carrying several claims is split between them.
 */
export function matchClaims(text: string, index: ClaimIndex, options: MatchOptions = {}): ClaimMatch[] {
  return matchClaimsDetailed(text, index, options).matches;
}

export function matchClaimsDetailed(text: string, index: ClaimIndex, options: MatchOptions = {}): MatchResult {
  const tunables = withTunables(options.tunables);
  const canonicalizer = options.canonicalizer ?? defaultCanonicalizer();
  const h = hydrate(index, tunables);
  const budget = new Budget(tunables.workBase + tunables.workPerChar * text.length);
  const tokens = tokenize(text, canonicalizer);
  budget.charge(tokens.length * 4);
  const doc = segmentDocument(text, tunables.maxUnitLength);
  budget.charge(text.length / 4);
  const known = findKnownNames(text, tokens, index, h.names, tunables, doc.blocks, budget.spend);
  // Whether the page is on AI, worked out the first time a rule asks (most pages never do). With
  // `jurisdictionNeedsAi` off every page is; a short text needs fewer signs (one per `AI_SIGN_SPAN` words),
  // a title one.
  let pageAi: boolean | undefined;
  const onAi = (): boolean => {
    if (pageAi !== undefined) return pageAi;
    if (tunables.jurisdictionNeedsAi <= 0) return (pageAi = true);
    const signsNeeded = Math.min(tunables.jurisdictionNeedsAi, 1 + Math.floor(tokens.length / AI_SIGN_SPAN));
    if (pageOnAi(index, tokens, known, signsNeeded)) return (pageAi = true);
    const title = options.pageTitle;
    if (title === undefined) return (pageAi = false);
    const titleTokens = tokenize(title, canonicalizer);
    return (pageAi = pageOnAi(index, titleTokens, findKnownNames(title, titleTokens, index, h.names, tunables, [], budget.spend), 1));
  };
  if (tunables.namesJoinUnits > 0) joinUnitsAcrossNames(doc, text, known);
  cutUnits(doc, text, clausesOfSeveralActors(text, doc, known, tunables.phraseAndJoins > 0));

  // Token ranges of units (units and tokens are both in text order): unit u's tokens are
  // [ranges[2u], ranges[2u + 1]). Flat numbers, not a pair per unit: pairs living as long as the call
  // were pretenured by V8 (see `ContentWord`).
  const ranges = new Int32Array(2 * doc.units.length);
  let cursor = 0;
  for (let u = 0; u < doc.units.length; u++) {
    const unit = doc.units[u]!;
    while (cursor < tokens.length && tokens[cursor]!.start < unit.start) cursor++;
    let end = cursor;
    while (end < tokens.length && tokens[end]!.start < unit.end) end++;
    ranges[2 * u] = cursor;
    ranges[2 * u + 1] = end;
  }
  // The title's names vote for the page's subject (`titleSubjectMentions`): read only when it is on.
  const title = options.pageTitle;
  const titleNames = tunables.titleSubjectMentions > 0 && title ? findKnownNames(title, tokenize(title, canonicalizer), index, h.names, tunables, [], budget.spend) : [];
  const discourseOf = analyseDiscourse(text, tokens, doc, index, h.names, tunables, ranges, budget.spend, known, titleNames);
  // Content tokens (stop words dropped) with their term ids, once for the whole text; names (the
  // words of a known name) are frame evidence, not content. contentAt[i]: content index of token i.
  const allContent: Content[] = [];
  const contentAt = new Int32Array(tokens.length + 1);
  {
    // (A name that is only a coalition's member, "Canada, Japan, Switzerland and Uruguay", in a sentence about
    // signing, joining or ratifying is what a signatory list says, with `memberNamesAsContent`: content for
    // the claims whose words include it. Elsewhere, "waste from Japan, Spain and Switzerland", a name.)
    const signatoryUnits = new Map<number, boolean>();
    const inSignatoryList = (mention: Mention) => {
      // The unit holding the mention: the last one starting at or before it (units are in text order).
      let low = 0;
      let high = doc.units.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >>> 1;
        if (doc.units[mid]!.start <= mention.start) low = mid;
        else high = mid - 1;
      }
      // (A list of members is read once, not once per name in it.)
      let listing = signatoryUnits.get(low);
      if (listing === undefined) {
        const unit = doc.units[low];
        listing = unit !== undefined && MEMBERSHIP_WORDS.test(text.slice(unit.start, unit.end));
        signatoryUnits.set(low, listing);
      }
      return listing;
    };
    const memberOnly = (mention: Mention) =>
      tunables.memberNamesAsContent > 0 && mention.actors.length === 0 && mention.instruments.length === 0 && mention.coalitions.length > 0 && inSignatoryList(mention);
    const names = known.filter((mention) => !(tunables.instrumentNamesAsContent > 0 && mention.instruments.length > 0) && !memberOnly(mention));
    let m = 0;
    // Words the index does not know get ids -1, -2, … (one per distinct word) for termsOf's stamps.
    const unknownIds = new Map<string, number>();
    for (let i = 0; i < tokens.length; i++) {
      contentAt[i] = allContent.length;
      const token = tokens[i]!;
      if (token.term === '') continue;
      while (m < names.length && names[m]!.end <= token.start) m++;
      const name = m < names.length && names[m]!.start <= token.start && token.end <= names[m]!.end;
      let id = h.termIds.get(token.term);
      if (id === undefined) {
        id = unknownIds.get(token.term);
        if (id === undefined) unknownIds.set(token.term, (id = -1 - unknownIds.size));
      }
      allContent.push(new ContentWord(token, id, name));
    }
    contentAt[tokens.length] = allContent.length;
    prepareUnknownStamps(unknownIds.size, index.terms.length);
  }

  const matches: ClaimMatch[] = [];
  // Looked for once per page: most pages write out no web address, and their units need no second look.
  // (Found in the whole text, not per unit: the segmenter ends a sentence at an address's "?", which left
  // "id=98078&slug=google-drops-pledge-not-to-use-ai-for-weapons-surveillance" a unit of its own, real v28.)
  const addresses = text.includes('://') || /www\./i.test(text) ? [...text.matchAll(WEB_ADDRESS)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  // Facet coverage per claim of each unit judged: what later units continue (context feature).
  // Kept only as long as later units can continue them: the previous unit, the current heading, the
  // last lead-in (a page of tens of thousands of units must not keep one map per unit). Of the unit judged
  // last, its content words are kept too (see `elidedKeyTerms`).
  let previousUnit: { unit: number; facets: ReadonlyMap<number, number>; content: readonly Content[] } | undefined;
  /** The claims the last unit that stated any was given (for a demonstrative subject after it). */
  let previousFound: { unit: number; claims: ReadonlySet<number> } | undefined;
  let headingFacets: { unit: number; facets: ReadonlyMap<number, number> } | undefined;
  let listFacets: { block: number; facets: ReadonlyMap<number, number> } | undefined;
  let matchedUpTo = text.length;
  let truncated = false;
  // The last one-sentence headline that named an actor (or had "They"/"It" as its subject: `named` 'any')
  // and stated no claim itself (see `headlineFacet`, `pronounHeadline`); `verb`: it has a finite verb (`headlineFromClause`).
  let headline: { unit: number; facets: ReadonlyMap<number, number>; named: readonly number[] | 'any'; section: number; verb: boolean } | undefined;
  // The short first sentence of the current block and the matches it gave, by claim (see `labelYields`);
  // `yielded` holds the indexes in `matches` of labels a later sentence of their block stated in full.
  let label: { block: number; matchesOf: Map<number, number[]> } | undefined;
  const yielded = new Set<number>();
  // What the unit gate reads of each entry of `matches` (same index), when the gate is on or reported.
  const gating = tunables.unitGate > 0 || options.onHighlight !== undefined;
  const gated: Array<{ unit: GateUnit; features: Features; probability: number }> = [];
  // lastHeading: the last heading block seen; headingBefore: the last one before the current block (its section's heading).
  let lastHeading = -1;
  let headingBefore = -1;
  // Per block, read once however many highlights it holds (a 1 MB block of claims must stay linear):
  // how it ends, and where its first word ends (a highlight starting at or before that is first in it).
  const blockReads = new Map<number, { end: string; firstWordEnd: number }>();
  const readBlock = (blockIndex: number): { end: string; firstWordEnd: number } => {
    let read = blockReads.get(blockIndex);
    if (!read) {
      const of = doc.blocks[blockIndex]!;
      let last = of.end;
      while (last > of.start && /\s/.test(text[last - 1]!)) last--;
      // A paragraph cut off mid-sentence ("… to develop and publish a Frontier Safet", a stored copy's or a "Read
      // more" cut) is still prose, not a title: the gate reads how its last whole sentence ends (a new user's
      // report 49: the cut took every highlight of its paragraph).
      // (A cut sentence: at least CUT_SENTENCE_MIN_WORDS words ending on a letter, after a sentence's full stop; not a
      // heading's "108: Incident reporting…", nor a comment's closing signature or date.)
      const cut = doc.units[of.endUnit - 1]!;
      if (of.endUnit - of.firstUnit > 1 && /\p{L}$/u.test(text.slice(cut.start, last)) && hasWords(text.slice(cut.start, last), CUT_SENTENCE_MIN_WORDS)) {
        const whole = doc.units[of.endUnit - 2]!.end;
        if (SENTENCE_END.test(text.slice(Math.max(of.start, whole - GATE_BLOCK_END), whole))) last = whole;
      }
      // The smallest end at which [of.start, end) holds a word (hasWord grows with its end): a binary search.
      let low = of.start;
      let high = of.end + 1;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (hasWord(text, of.start, mid)) high = mid;
        else low = mid + 1;
      }
      read = { end: text.slice(Math.max(of.start, last - GATE_BLOCK_END), last).trimStart(), firstWordEnd: low };
      blockReads.set(blockIndex, read);
    }
    return read;
  };
  const gateUnit = (at: { start: number; end: number }, blockIndex: number, sectionHeading: number, inherited: boolean): GateUnit => {
    const of = doc.blocks[blockIndex]!;
    const read = readBlock(blockIndex);
    return {
      span: text.slice(at.start, at.end),
      blockEnd: read.end,
      kind: of.kind,
      sectionHeading: sectionHeading >= 0 ? text.slice(doc.blocks[sectionHeading]!.start, doc.blocks[sectionHeading]!.end) : '',
      firstInBlock: at.start < read.firstWordEnd,
      blockIndex,
      blocks: doc.blocks.length,
      inherited,
    };
  };
  for (let u = 0; u < doc.units.length; u++) {
    if (budget.exhausted) {
      truncated = true;
      matchedUpTo = doc.units[u]!.start;
      break;
    }
    const unit = doc.units[u]!;
    const block = doc.blocks[unit.block]!;
    if (u === block.firstUnit) {
      headingBefore = lastHeading;
      if (opensSection(block)) lastHeading = unit.block;
    }
    const from = ranges[2 * u]!;
    const to = ranges[2 * u + 1]!;
    const unitContent = allContent.slice(contentAt[from]!, contentAt[to]!);
    const content = addresses.length > 0 ? withoutAddresses(addresses, unit, unitContent) : unitContent;
    // Each unit costs its frame, discourse and allocations whatever its length: a page of "Ok. No."
    // must not be far cheaper per unit in the budget than in time.
    budget.charge(content.length + tunables.workPerUnit);
    const prior: Array<ReadonlyMap<number, number>> = [];
    // The unit before, when it is in the same block: what this one may continue.
    const before = previousUnit && previousUnit.unit === u - 1 && doc.units[u - 1]!.block === unit.block ? previousUnit : undefined;
    if (before) prior.push(before.facets);
    if (block.kind === 'item' && block.listOf >= 0 && listFacets?.block === block.listOf) prior.push(listFacets.facets);
    if (headingFacets && block.kind !== 'heading' && block.kind !== 'question') prior.push(headingFacets.facets);
    const discourse = discourseOf(u);
    const judged = judgeUnit(h, tunables, text, doc, unit, block, content, discourse, prior, budget, options, onAi, before?.content);
    previousUnit = { unit: u, facets: judged.facets, content };
    if (opensSection(block)) {
      // A heading (or a question heading) starts a section: only its last unit scopes what follows.
      headingFacets = u === block.endUnit - 1 ? { unit: u, facets: judged.facets } : undefined;
    }
    if (leadsList(block) && u === block.endUnit - 1) listFacets = { block: unit.block, facets: judged.facets };
    // "These duties have applied since 2 August 2025": a demonstrative subject takes up what the sentence
    // before stated; of two claims of one instrument sharing the words, the one stated there keeps it. So
    // does the rest of a sentence after its semicolon ("…incident-reporting duties since 2 August 2025; the
    // Commission's fining powers apply from 2 August 2026").
    if (
      tunables.demonstrativeFollows > 0 &&
      judged.accepted.length > 0 &&
      previousFound?.unit === u - 1 &&
      previousFound.claims.size > 0 &&
      (DEMONSTRATIVE_SUBJECT.test(text.slice(unit.start, unit.end)) || continuesAfterSemicolon(text, doc.units[u - 1]!, unit))
    ) {
      // (Unless its own words say clearly more: "These duties come with another: developers must report …".)
      const stated = previousFound.claims;
      const strength = (j: Judged) => j.features.score + j.features.facet;
      const takenUp = judged.accepted.filter((j) => stated.has(j.claimIndex));
      judged.accepted = judged.accepted.filter(
        (j) =>
          stated.has(j.claimIndex) ||
          !takenUp.some((k) => groupOf(index.claims[k.claimIndex]!) === groupOf(index.claims[j.claimIndex]!) && strength(j) - strength(k) < tunables.demonstrativeFollows),
      );
    }
    const found = judged.accepted;
    const oneLineHeading = block.kind === 'heading' && block.endUnit - block.firstUnit === 1 && found.length === 0;
    const headlineText = oneLineHeading && discourse.namedActors.length > 0 ? text.slice(unit.start, unit.end) : undefined;
    if (
      headlineText !== undefined &&
      !SECTION_LABEL.test(headlineText) &&
      !BYLINE.test(headlineText) &&
      !isPlaceDateLine(headlineText) &&
      !isTopicLabel(headlineText, tunables.topicLabelVeto, block.numbered) &&
      !(tunables.namingLabelVeto > 0 && isNamingLabel(text, headlineText, unit, block))
    ) {
      // A headline as long as a sentence has a verb, whoever is its subject ("xAI's new risk framework drops the honesty bar");
      // a short one that names its actor only as an owner is a topic ("Anthropic's pause pledge"), as is one
      // that labels its topic before a colon ("Acme AI's Risk Ledger: what the new reports cover").
      const sentence = !headlineText.includes(':') && hasWords(headlineText, HEADLINE_SENTENCE_WORDS);
      const named = tunables.headingNeedsSubject > 0 && !sentence ? discourse.namedActors.filter((actor) => namedAsSubject(text, discourse, actor)) : discourse.namedActors;
      if (named.length > 0) headline = { unit: u, facets: judged.facets, named, section: headingBefore, verb: FINITE_VERB.test(headlineText) };
    } else if (oneLineHeading && tunables.pronounHeadline > 0 && discourse.namedActors.length === 0 && pronounSubjectHeadline(text.slice(unit.start, unit.end))) {
      headline = { unit: u, facets: judged.facets, named: 'any', section: headingBefore, verb: false };
    }
    if (found.length === 0) continue;
    const spans = found.length === 1 ? [{ claimIndex: found[0]!.claimIndex, score: found[0]!.score, start: unit.start, end: unit.end }] : splitAmongClaims(h, tunables, text, unit, content, found, discourse, options.model);
    previousFound = { unit: u, claims: new Set(spans.map((span) => span.claimIndex)) };
    spans.sort((a, b) => a.start - b.start);
    const above = headline && doc.units[headline.unit]!;
    // Right under the headline, or (`headlineReach`) in its section's first blocks: a news story's headline is often
    // stated by its second or third paragraph, after a lead about something else ("Meta says it may stop development of
    // AI systems it deems too risky" over a lead on Zuckerberg's open-AGI pledge).
    const adjacent = above !== undefined && above.block === unit.block - 1 && u === block.firstUnit;
    const reached = above !== undefined && !adjacent && headline!.section < 0 && headingBefore === above.block && unit.block - above.block <= tunables.headlineReach;
    if (headline && above && (adjacent || reached) && tunables.headlineFacet > 0) {
      const { facets, named, verb } = headline;
      // A heading whose subject is "They" or "It" is about whoever the sentence under it is about, by reference
      // too: a sentence naming its own actor ("Meta, however, said …") may be about someone else, and of its
      // claims only those the split kept on it are what it says.
      const inherited = found.filter(
        (j) =>
          !j.secondary &&
          (!j.byClause || (tunables.headlineFromClause > 0 && verb && named !== 'any' && spans.some((span) => span.claimIndex === j.claimIndex && span.start === unit.start))) &&
          (facets.get(j.claimIndex) ?? 0) >= (reached ? tunables.headlineReachFacet : tunables.headlineFacet) &&
          (named === 'any' ? discourse.namedActors.length === 0 && spans.some((span) => span.claimIndex === j.claimIndex) : named.includes(index.claims[j.claimIndex]!.actor)),
      );
      for (const j of inherited) {
        if (gating) gated[matches.length] = { unit: gateUnit(above, above.block, headline.section, true), features: j.features, probability: j.probability };
        matches.push({ claimId: index.claims[j.claimIndex]!.id, start: above.start, end: above.end, score: reportedScore(j.score) });
      }
      // (Further down, a sentence stating a claim the headline does not carry leaves it waiting for the next one.)
      if (adjacent || inherited.length > 0) headline = undefined;
    }
    if (label && label.block === unit.block) {
      for (const span of spans) {
        for (const at of label.matchesOf.get(span.claimIndex) ?? []) yielded.add(at);
        label.matchesOf.delete(span.claimIndex);
      }
    }
    const isLabel = tunables.labelYields > 0 && u === block.firstUnit && block.endUnit - block.firstUnit > 1 && content.length < MIN_NAMED_UNIT_TERMS && !DUTY_IMPERATIVE.test(text.slice(unit.start, unit.end));
    if (isLabel) label = { block: unit.block, matchesOf: new Map() };
    for (const span of spans) {
      if (isLabel && !statesAsSubject(text, unit, discourse, index.claims[span.claimIndex]!.actor)) label!.matchesOf.set(span.claimIndex, [...(label!.matchesOf.get(span.claimIndex) ?? []), matches.length]);
      if (gating) {
        const j = found.find((f) => f.claimIndex === span.claimIndex)!;
        gated[matches.length] = { unit: gateUnit(span, unit.block, headingBefore, false), features: j.features, probability: j.probability };
      }
      matches.push({ claimId: index.claims[span.claimIndex]!.id, start: span.start, end: span.end, score: reportedScore(span.score) });
    }
  }
  let kept = yielded.size > 0 ? matches.filter((_, at) => !yielded.has(at)) : matches;
  if (gating) {
    const read = yielded.size > 0 ? gated.filter((_, at) => !yielded.has(at)) : gated;
    const perClaim = new Map<string, number>();
    for (const match of kept) perClaim.set(match.claimId, (perClaim.get(match.claimId) ?? 0) + 1);
    const features = read.map((g, at) => gateFeatures(g.unit, g.features, g.probability, perClaim.get(kept[at]!.claimId)!));
    if (options.onHighlight) kept.forEach((match, at) => options.onHighlight!({ ...match, gate: features[at]! }));
    if (tunables.unitGate > 0) {
      const probability = features.map((gate) => gateProbability(gate, options.gate));
      kept = kept.flatMap((match, at) => (probability[at]! < tunables.unitGate ? [] : probability[at]! < POSSIBLE_MATCH_BELOW ? [{ ...match, possible: true as const }] : [match]));
    }
  }
  return { matches: kept, truncated, matchedUpTo, work: Math.round(budget.used) };
}

/**
 * A duty listed as a bare instruction, a whole sentence ("Publish a transparency report at deployment.",
 * "Report critical safety incidents within 15 days."): under "SB 53 requires covered companies to:" it
 * states the duty, it is no label of the sentence after it ("That report must include …"). (Not the verbs
 * `ADVICE` reads as advice to the reader: "Document …", "Establish …".)
 */
const DUTY_IMPERATIVE = /^\W*(?:Publish|Report|Disclose|Notify|File|Submit|Maintain|Implement|Conduct|Assess|Test|Register|Label|Retain|Provide|Adopt|Write|Post)\s+(?:and\s+\p{Ll}+\s+)?(?:an?|the|their|its|all|any)\s[^.!?]*[.]$/u;

/**
 * A verb telling that a promise was dropped or replaced ("removing a prior commitment", "scrapped its pledge",
 * "replaced the pause pledge with …", "walked back"), for `endedClaimStands`.
 */
const ENDING_VERB =
  /\b(?:remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|scrap(?:s|ped|ping)?|abandon(?:s|ed|ing)?|ditch(?:es|ed|ing)?|withdr(?:aw|aws|awing|awn|ew)|rescind(?:s|ed|ing)?|retir(?:e|es|ed|ing)|eliminat(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|(?:roll|walk|scal)(?:e|es|s|ed|ing)? back|strip(?:s|ped|ping)?|delet(?:e|es|ed|ing)|gone)\b/i;

/** Added to a nominee's bound to put it before every nominee without it (bounds are at most a few). */
const NAMED_PLACE = 100;

/**
 * Keeps, in place, the `max` entries of `claims[0, count)` with the highest `bounds` (ties: the lower
 * claim first), in that order, and returns how many are kept. An insertion into a list of at most `max`
 * entries, as each comes: the same choice and order as the splice into an array of objects it replaces,
 * without an object per nominee (exported for tests).
 */
export function keepBest(claims: Int32Array, bounds: Float64Array, count: number, max: number): number {
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const claim = claims[k]!;
    const bound = bounds[k]!;
    let at = kept;
    while (at > 0 && (bounds[at - 1]! < bound || (bounds[at - 1]! === bound && claims[at - 1]! > claim))) at--;
    if (at >= max) continue;
    // Entries from `at` move one place on (the last falls off when the list is full); k >= kept, so
    // the entries not yet read are never overwritten.
    const last = Math.min(kept, max - 1);
    for (let j = last; j > at; j--) {
      claims[j] = claims[j - 1]!;
      bounds[j] = bounds[j - 1]!;
    }
    claims[at] = claim;
    bounds[at] = bound;
    if (kept < max) kept++;
  }
  return kept;
}

/**
 * The terms `content` has capitalised (`Token.caps` >= 1), as `HydratedIndex.capitalisedStamps`: slot id holds
 * the unit's `frameStamp` when term id is one of them.
 */
function capitalisedTermsOf(h: HydratedIndex, content: readonly Content[]): Int32Array {
  const stamps = h.capitalisedStamps;
  for (let i = 0; i < content.length; i++) {
    const { id, token } = content[i]!;
    if (id >= 0 && token.caps >= 1) stamps[id] = h.frameStamp;
  }
  return stamps;
}

/** A new stamp for `HydratedIndex.actorStamps`, `instrumentStamps` and `capitalisedStamps` (restarting them before it would overflow). */
function nextFrameStamp(h: HydratedIndex): number {
  if (h.frameStamp >= 0x3fffffff) {
    h.actorStamps.fill(0);
    h.instrumentStamps.fill(0);
    h.capitalisedStamps.fill(0);
    h.frameStamp = 0;
  }
  return ++h.frameStamp;
}

/** The facets of a unit that judged no claim: one empty map, not a new one per unit. */
const NO_FACETS: ReadonlyMap<number, number> = new Map();

function judgeUnit(
  h: HydratedIndex,
  t: Tunables,
  text: string,
  doc: SegmentedDocument,
  unit: TextUnit,
  block: DocumentBlock,
  content: readonly Content[],
  d: UnitDiscourse,
  prior: ReadonlyArray<ReadonlyMap<number, number>>,
  budget: Budget,
  options: MatchOptions,
  onAi: () => boolean,
  before?: readonly Content[],
): { accepted: Judged[]; facets: ReadonlyMap<number, number> } {
  const index = h.source;
  const canonicalizer = options.canonicalizer ?? defaultCanonicalizer();
  // A unit about nobody the claim set knows can state none of its claims: no scoring at all.
  if (d.actors.size === 0 && d.instruments.size === 0) return { accepted: [], facets: NO_FACETS };
  const unitTerms = termsOf(h, content);
  if (unitTerms.terms.size === 0) return { accepted: [], facets: NO_FACETS };
  // The actors and instruments the unit is about, stamped: a claim of none of them (and with no parties)
  // has no frame, so its postings are passed over (most postings on a page about a few companies).
  const stamp = nextFrameStamp(h);
  const actorStamps = h.actorStamps;
  const instrumentStamps = h.instrumentStamps;
  const actorStrengths = h.actorStrengths;
  const instrumentStrengths = h.instrumentStrengths;
  // (Plain loops, not closures: this runs for every unit about someone.)
  for (let i = 0; i < d.actors.ids.length; i++) {
    const actor = d.actors.ids[i]!;
    actorStamps[actor] = stamp;
    actorStrengths[actor] = d.actors.values[i]!;
  }
  for (let i = 0; i < d.instruments.ids.length; i++) {
    const instrument = d.instruments.ids[i]!;
    instrumentStamps[instrument] = stamp;
    instrumentStrengths[instrument] = d.instruments.values[i]!;
  }
  const actorOf = h.actorOf;
  const instrumentOf = h.instrumentOf;
  const hasParties = h.hasParties;
  // Accumulate along the postings of the unit's rarer terms (cost: the unit's postings, not the claim count).
  const acc = h.scratch;
  const accIdf = h.scratchIdf;
  const touched = h.touched;
  let touchedCount = 0;
  for (const term of unitTerms.list) {
    if (h.common[term]) continue;
    const pairs = index.postings[term]!;
    const idf = h.idf[term]!;
    budget.charge(pairs.length / 2);
    for (let i = 0; i < pairs.length; i += 2) {
      const claim = pairs[i]!;
      if (actorStamps[actorOf[claim]!] !== stamp && hasParties[claim] === 0) {
        const instrument = instrumentOf[claim]!;
        if (instrument < 0 || instrumentStamps[instrument] !== stamp) continue;
      }
      if (acc[claim] === 0) touched[touchedCount++] = claim;
      // A zero weight still marks the claim as touched.
      acc[claim] = acc[claim]! + (pairs[i + 1]! / 1000 || Number.MIN_VALUE);
      accIdf[claim] = accIdf[claim]! + idf;
    }
  }
  // The one claim of an instrument the unit names by that claim's key phrase is touched whatever words it
  // shares (`soleInstrumentNamed`), and goes on however little they are.
  let namedSole = -1;
  if (t.soleInstrumentNamed > 0) {
    for (const instrument of d.namedInstruments) {
      const claims = index.instruments[instrument]!.claims;
      if (claims.length !== 1 || !hasCapitalisedKeyPhrase(index.claims[claims[0]!]!, content)) continue;
      namedSole = claims[0]!;
      if (acc[namedSole] === 0) {
        touched[touchedCount++] = namedSole;
        acc[namedSole] = Number.MIN_VALUE;
      }
      break;
    }
  }
  // Only claims whose actor or instrument the unit is about go on, and only those whose shared words
  // could reach `minEvidence` (common terms counted at their rarest); the best bounds first, a bounded number.
  const rare = h.rare;
  let commonMass = 0;
  for (const term of unitTerms.list) if (h.common[term]) commonMass += h.idf[term]!;
  // Nominations go to scratch arrays reused across units (most are dropped below: no object for them).
  const nominees = h.nominees;
  const nomineeBounds = h.nomineeBounds;
  let nomineeCount = 0;
  // A deadline or sum another claim states and a claim never does ties the unit to the other claim
  // (read once, when the first claim gets this far: most units nominate none).
  let unitQuantities: string[] | undefined;
  for (let k = 0; k < touchedCount; k++) {
    const claimIndex = touched[k]!;
    const bound = acc[claimIndex]! / h.norms[claimIndex]!;
    const reach = Math.max(bound + commonMass, (2 * (accIdf[claimIndex]! + commonMass)) / rare);
    acc[claimIndex] = 0;
    accIdf[claimIndex] = 0;
    if (reach < t.minEvidence && claimIndex !== namedSole) continue;
    // The frame's strength is cheap; its other parts are worked out below for the claims kept. (Asked before
    // the quantities: a claim touched for its parties may have none.) The unit's strengths are read as the stamps
    // above hold them: `d.actors.get` and `d.instruments.get` without a search.
    const actor = actorOf[claimIndex]!;
    const instrument = instrumentOf[claimIndex]!;
    const party = hasParties[claimIndex] === 1 ? partyFrame(index.claims[claimIndex]!, d, t) : 0;
    const strength = Math.max(
      actorStamps[actor] === stamp ? actorStrengths[actor]! : 0,
      instrument >= 0 && instrumentStamps[instrument] === stamp ? instrumentStrengths[instrument]! : 0,
      t.partyRanksAsActor > 0 && t.strengthParty > 0 ? party / t.strengthParty : party,
    );
    if (strength <= 0) continue;
    // (A unit that names the claim's own document is about it, whatever period it also mentions: "the EU AI
    // Act has introduced … prohibited practices …, with enforcement to take effect in six months".)
    if (t.quantityVeto > 0 && !(t.namedInstrumentOverQuantity > 0 && instrument >= 0 && d.namedInstruments.includes(instrument))) {
      unitQuantities ??= quantitiesIn(text.slice(unit.start, unit.end));
      if (unitQuantities.length > 0 && quantitiesBelongElsewhere(unitQuantities, h.actorQuantities[claimIndex]!, h.knownQuantities)) continue;
    }
    nominees[nomineeCount] = claimIndex;
    nomineeBounds[nomineeCount++] = bound + strength;
  }
  budget.charge(touchedCount);
  // The best bounds, by selection (a sort of every touched claim would cost more than it saves).
  if (nomineeCount > t.maxCandidates) {
    // A claim whose distinctive name the unit has in capitals keeps its place, however small the bound
    // its long phrasings give it ("Anthropic has released its Frontier Compliance Framework to meet
    // California's new AI transparency law (SB 53)" touched five SB 53 claims with larger bounds).
    // (A phrase can be there only if its first word is, capitalised: most nominees are passed over on that.)
    const capitalised = capitalisedTermsOf(h, content);
    for (let k = 0, kept = 0; k < nomineeCount && kept < t.namedKeepPlace; k++) {
      const claim = index.claims[nominees[k]!]!;
      if (!claim.keyPhrases.some((phrase) => capitalised[phrase[0]!] === h.frameStamp) || !hasCapitalisedKeyPhrase(claim, content)) continue;
      nomineeBounds[k] = nomineeBounds[k]! + NAMED_PLACE;
      kept++;
    }
    nomineeCount = keepBest(nominees, nomineeBounds, nomineeCount, t.maxCandidates);
  }
  // Frames are worked out last to first, as the kept claims' order has it.
  const frames: Array<Frame | undefined> = [];
  // (frameOf reads a claim's actor, instrument and parties only: kept claims of one actor and instrument with no
  // parties, an RSP's several claims, share the frame worked out for the first of them.)
  for (let k = nomineeCount - 1; k >= 0; k--) {
    const claim = index.claims[nominees[k]!]!;
    let same = -1;
    if (claim.parties.length === 0) {
      for (let j = nomineeCount - 1; j > k && same < 0; j--) {
        const other = index.claims[nominees[j]!]!;
        if (other.actor === claim.actor && other.instrument === claim.instrument && other.parties.length === 0) same = j;
      }
    }
    frames[k] = same >= 0 ? frames[same] : frameOf(index, claim, d, t, onAi);
  }
  const nominated: Array<{ claimIndex: number; frame: Frame }> = [];
  for (let k = 0; k < nomineeCount; k++) {
    const frame = frames[k];
    // (The claim's law not named in the unit, with `otherFieldLawOverInherited`, only carried from the sentences before:
    // "The complaint does not touch Colorado's older insurance statute, which requires insurers …" on a page about
    // Colorado's AI Act.)
    const lawUnnamed = t.otherFieldLawOverInherited > 0 ? !d.namedInstruments.includes(index.claims[nominees[k]!]!.instrument) : frame !== undefined && frame.instrument <= 0;
    if (frame && !(t.otherFieldLawVeto > 0 && lawUnnamed && underOtherFieldLaw(h, nominees[k]!, d))) nominated.push({ claimIndex: nominees[k]!, frame });
  }
  // Nothing nominated: nothing below is judged, accepted or charged (most units end here).
  if (nominated.length === 0) return { accepted: [], facets: NO_FACETS };
  const facets = new Map<number, number>();
  const lexicals: Array<Lexical> = [];
  // Best of each instrument (or, without one, actor) group, for "best" and "gap".
  const bestOfGroup = new Map<number, number>();
  for (const { claimIndex } of nominated) {
    budget.charge(unitTerms.terms.size * 2);
    const l = lexical(h, claimIndex, unitTerms);
    lexicals.push(l);
    facets.set(claimIndex, l.facet);
    const group = groupOf(index.claims[claimIndex]!);
    bestOfGroup.set(group, Math.max(bestOfGroup.get(group) ?? 0, l.score + l.facet));
  }

  // A short line in a run of them (under a heading, in a table, a byline) reads like a heading too; so does
  // a table cell that says something of its row (segment-units `CELL_CLAUSE_MIN_WORDS`) when the row is
  // someone else's and the cell names no one the claim set knows ("Michigan HB 4668 | Requires large
  // frontier developers to publish …", "DeepSeek | Pledges to publish a safety framework"): what it says is
  // that one's, held to a heading's bar as before cells were read as content.
  const unnamedRowCell = block.kind === 'item' && block.row >= 0 && d.rowForeign && d.namedActors.length === 0 && d.namedInstruments.length === 0;
  const heading = block.kind === 'heading' || block.kind === 'question' || (block.kind === 'item' && block.listOf >= 0 && doc.blocks[block.listOf]!.kind === 'heading') || unnamedRowCell;
  const shape: UnitShape = { heading, item: block.kind === 'item' && !unnamedRowCell, contentLength: content.length };
  const accepted: Judged[] = [];
  // Every claim judged on the whole sentence, accepted or not (for `secondaryGap` and `memberClaimTakesOver`).
  const judgedWhole = new Map<number, Judged>();
  const undecided: number[] = [];
  const secondary: Judged[] = [];
  // This unit's terms with the unit before's (see `elidedKeyTerms`), made when first needed.
  let withBefore: UnitTerms | undefined;
  for (let k = 0; k < nominated.length; k++) {
    const { claimIndex, frame } = nominated[k]!;
    const l = lexicals[k]!;
    const claim = index.claims[claimIndex]!;
    // Too little evidence for any decider: not worth building features for (see `minEvidence`), unless the
    // unit names the claim's actor and instrument in its key terms' words, or names its document's one claim by
    // that claim's name (`soleInstrumentNamed`).
    const elided = elidedDocumentStates(h, t, canonicalizer, text, unit, d, claimIndex, frame, content, unitTerms);
    const byName = namedDocumentGroups(h, t, canonicalizer, d, claimIndex, unit.start, unit.end);
    if (Math.max(l.score, l.facet * Math.min(1, l.facetMass * 2)) < t.minEvidence && claimIndex !== namedSole && !namedWithKeyTerms(h, claimIndex, frame, unitTerms, byName) && !elided) continue;
    // (Worked out for the candidates kept only: some two in five nominated claims stop at the line above.)
    let gates = gateShare(h, claimIndex, unitTerms, byName);
    if (elided) gates = 1;
    if (gates > 0 && gates < 1 && before && content.length <= t.elidedKeyTerms && d.namedInstruments.length === 0 && namedAsSubject(text, d, claim.actor)) {
      withBefore ??= termsOf(h, [...before, ...content]);
      gates = Math.max(gates, gateShare(h, claimIndex, withBefore));
    }
    // A heading that does not name the actor as a subject names a topic with the claim's name in it.
    const topicOnly = heading && block.kind !== 'item' && t.headingNeedsSubject > 0 && !namedAsSubject(text, d, claim.actor);
    const named = content.length >= MIN_NAMED_UNIT_TERMS && !topicOnly && namesClaim(t, d, claim, content, gates, l);
    const features = buildFeatures(h, claimIndex, l, gates, frame, d, shape, bestOfGroup.get(groupOf(claim))!, contextOf(prior, claimIndex), named);
    const statedHeadline = heading && block.kind !== 'item' ? headlineStates(text, unit, d, claim, t.colonSentence > 0) : 'no';
    const modelDecision = accepts(features, t, options.model, statedHeadline);
    // (What the model cannot weigh: a sentence of a few words, all of them the claim's.)
    const decision = !modelDecision.accepted && elided && !vetoed(features) && features.focus >= t.elidedDocumentFocus ? { accepted: true, probability: Math.max(modelDecision.probability, t.modelThreshold) } : modelDecision;
    const score = judgedScore(t, l, named, features);
    const judged: Judged = { claimIndex, features, probability: decision.probability, score, secondary: false, byClause: false };
    judgedWhole.set(claimIndex, judged);
    // A claim far behind a better one of the same instrument is the neighbour's vocabulary.
    if (decision.accepted && features.gap <= t.neighbourMargin) accepted.push(judged);
    else {
      undecided.push(k);
      // (Far behind a sibling of its own instrument on the whole sentence, it is that sibling's vocabulary: `secondaryGap`.)
      if (!vetoed(features) && decision.probability >= t.secondaryShare * t.modelThreshold && !(t.secondaryGap > 0 && features.gap > t.secondaryGap)) secondary.push(judged);
    }
    options.onCandidate?.({ start: unit.start, end: unit.end, claimId: claim.id, features, accepted: decision.accepted, probability: decision.probability });
  }
  // A claim followed by the actor's reasons ("Meta declined to sign, saying the code would stifle
  // innovation and warning that …"): the head, before the participle that starts the commentary, is
  // judged on its own words too.
  // (The pattern runs only where its answer is used: most units have nothing left undecided.)
  const tail = !heading && undecided.length > 0 ? COMMENTARY_TAIL.exec(text.slice(unit.start, unit.end)) : null;
  if (tail) {
    const headEnd = unit.start + tail.index;
    const head = content.filter((c) => c.token.end <= headEnd);
    const headTerms = termsOf(h, head);
    if (head.length >= 2 && headTerms.terms.size > 0) {
      const headBest = new Map<number, number>();
      const headLexicals = undecided.map((k) => lexical(h, nominated[k]!.claimIndex, headTerms));
      undecided.forEach((k, j) => {
        const group = groupOf(index.claims[nominated[k]!.claimIndex]!);
        headBest.set(group, Math.max(headBest.get(group) ?? 0, headLexicals[j]!.score + headLexicals[j]!.facet));
      });
      undecided.forEach((k, j) => {
        const { claimIndex, frame } = nominated[k]!;
        const l = headLexicals[j]!;
        if (Math.max(l.score, l.facet * Math.min(1, l.facetMass * 2)) < t.minEvidence) return;
        const claim = index.claims[claimIndex]!;
        const gates = gateShare(h, claimIndex, headTerms, namedDocumentGroups(h, t, canonicalizer, d, claimIndex, unit.start, headEnd));
        const named = namesClaim(t, d, claim, head, gates, l);
        const features = buildFeatures(h, claimIndex, l, gates, frame, d, shape, headBest.get(groupOf(claim))!, contextOf(prior, claimIndex), named);
        const decision = accepts(features, t, options.model);
        options.onCandidate?.({ start: unit.start, end: headEnd, clause: true, claimId: claim.id, features, accepted: decision.accepted, probability: decision.probability });
        if (!decision.accepted) return;
        const score = judgedScore(t, l, named, features);
        accepted.push({ claimIndex, features, probability: decision.probability, score, secondary: false, byClause: false });
        const at = secondary.findIndex((s2) => s2.claimIndex === claimIndex);
        if (at >= 0) secondary.splice(at, 1);
      });
    }
  }
  // A headline of two statements either side of a colon ("Claude Stays Ad-Free: Anthropic Takes Direct Shot at
  // OpenAI's Ad Strategy"): each half is judged as a headline of its own, its words undiluted by the other's.
  if (t.headlineHalves > 0 && heading && block.kind !== 'item') {
    for (const half of headlineHalves(text, unit)) {
      const words = content.filter((c) => c.token.start >= half.start && c.token.end <= half.end);
      const halfTerms = termsOf(h, words);
      if (words.length < 2 || halfTerms.terms.size === 0) continue;
      for (const k of nominated.keys()) {
        const { claimIndex, frame } = nominated[k]!;
        if (accepted.some((a) => a.claimIndex === claimIndex)) continue;
        const l = lexical(h, claimIndex, halfTerms);
        if (Math.max(l.score, l.facet * Math.min(1, l.facetMass * 2)) < t.minEvidence) continue;
        const claim = index.claims[claimIndex]!;
        const gates = gateShare(h, claimIndex, halfTerms, namedDocumentGroups(h, t, canonicalizer, d, claimIndex, half.start, half.end));
        const named = namesClaim(t, d, claim, words, gates, l);
        const features = buildFeatures(h, claimIndex, l, gates, frame, d, shape, bestOfGroup.get(groupOf(claim))!, contextOf(prior, claimIndex), named);
        // Only a half that reads as a statement about the claim's actor or law; "…: Anthropic's Risk Reports" labels a topic.
        const stated = headlineStates(text, half, d, claim, t.colonSentence > 0);
        if (stated === 'no' || stated === 'negated') continue;
        const decision = accepts(features, t, options.model, stated);
        options.onCandidate?.({ start: half.start, end: half.end, clause: true, claimId: claim.id, features, accepted: decision.accepted, probability: decision.probability });
        if (!decision.accepted) continue;
        const score = judgedScore(t, l, named, features);
        accepted.push({ claimIndex, features, probability: decision.probability, score, secondary: false, byClause: false });
      }
    }
  }
  // A sentence that states one claim may state more ("X must do A, and B, and C"), each diluted by the
  // others: the claims not accepted on the whole sentence are judged again on each clause and pair of
  // clauses, with the clause's own words.
  if (t.clauseJudging > 0 && undecided.length > 0 && !heading) {
    const runs = clauseRuns(text, unit, content, t.maxClauses, t.sharedObjectJoins > 0, t.phraseAndJoins > 0);
    // A claim far behind a sibling the whole sentence was given is that sibling's vocabulary in a clause the
    // sibling explains well too ("Under the new text, a model that reaches the critical risk threshold will
    // continue to be developed only once …"); a clause in words only it has is still its own ("…, and a new
    // one for harmful manipulation").
    const farBehindSibling = (claimIndex: number): boolean => {
      if (t.secondaryGap <= 0) return false;
      const whole = judgedWhole.get(claimIndex);
      const group = groupOf(index.claims[claimIndex]!);
      return whole !== undefined && whole.features.gap > t.secondaryGap && accepted.some((a) => groupOf(index.claims[a.claimIndex]!) === group);
    };
    const wholeSentence = accepted.map((a) => a.claimIndex);
    // A clause is judged on few words, so focus and gates come easily ("When Anthropic launched
    // the RSP," is all claim vocabulary): it must also cover a fair share of the claim itself.
    const clauseEvidence = Math.max(t.minEvidence, t.clauseMinEvidence);
    const evident = (l: Lexical) => !(Math.max(l.score, l.facet * Math.min(1, l.facetMass * 2)) < clauseEvidence);
    // A clause is short by nature: whether the sentence is short is what "short" asks.
    const runShape: UnitShape = { heading: false, item: shape.item, contentLength: content.length };
    for (const run of runs) {
      const runTerms = termsOf(h, content, run.from, run.to);
      if (runTerms.terms.size === 0) continue;
      // A clause of a few words ("caused unjust harm.") says too little to state a claim on its own unless it
      // uses one of the claim's own key terms ("Meta, on the contrary, declined to sign."; `clauseMinWords`).
      const terse = t.clauseMinWords > 0 && wordsSaid(content, run.from, run.to) < t.clauseMinWords;
      budget.charge(runTerms.terms.size * (undecided.length + wholeSentence.length) * 2);
      // Most clauses carry no claim not yet accepted: nothing below would be judged, so nothing is
      // worked out (a loop, not closures, and one scratch answer, not an object per claim: this runs
      // for every clause and pair of clauses; lexical is pure, so the answers kept below are the same).
      let judgeable = false;
      for (let j = 0; j < undecided.length && !judgeable; j++) {
        const claimIndex = nominated[undecided[j]!]!.claimIndex;
        if (!evident(lexical(h, claimIndex, runTerms, LEXICAL_SCRATCH))) continue;
        judgeable = !accepted.some((a) => a.claimIndex === claimIndex);
      }
      if (!judgeable) continue;
      const runLexicals = undecided.map((k) => lexical(h, nominated[k]!.claimIndex, runTerms));
      // What a claim accepted on the whole sentence already explains in this clause: a neighbouring
      // claim sharing a detail ("every three to six months") does not get the clause for that detail,
      // nor a clause the whole sentence's claim states in its own statement (`clauseFacetExplained`).
      let explained = 0;
      let explainedFacet = 0;
      for (const claimIndex of wholeSentence) {
        const whole = lexical(h, claimIndex, runTerms, LEXICAL_SCRATCH);
        explained = Math.max(explained, whole.score);
        explainedFacet = Math.max(explainedFacet, whole.facet);
      }
      const runBest = new Map<number, number>();
      undecided.forEach((k, j) => {
        const group = groupOf(index.claims[nominated[k]!.claimIndex]!);
        runBest.set(group, Math.max(runBest.get(group) ?? 0, runLexicals[j]!.score + runLexicals[j]!.facet));
      });
      undecided.forEach((k, j) => {
        const { claimIndex, frame } = nominated[k]!;
        if (accepted.some((a) => a.claimIndex === claimIndex)) return;
        const l = runLexicals[j]!;
        if (!evident(l)) return;
        if (explained >= l.score) return;
        // (A sibling far behind on the whole sentence needs its clause to be clearly more its own than the winner's.)
        if (explained >= l.score * t.secondaryGapExplained && farBehindSibling(claimIndex)) return;
        if (t.clauseFacetExplained > 0 && explainedFacet >= l.facet * t.clauseFacetExplained) return;
        const claim = index.claims[claimIndex]!;
        const gates = gateShare(h, claimIndex, runTerms, namedDocumentGroups(h, t, canonicalizer, d, claimIndex, run.start, run.end));
        const named = run.to - run.from >= MIN_NAMED_UNIT_TERMS && namesClaim(t, d, claim, content.slice(run.from, run.to), gates, l);
        // (`gateShare` is 0.5 for a claim without key terms: a terse clause needs a key term it has.)
        if (terse && !(lookupsOf(h, claimIndex).gateSingles.length > 0 && gates > 0)) return;
        const features = buildFeatures(h, claimIndex, l, gates, frame, d, runShape, runBest.get(groupOf(claim))!, contextOf(prior, claimIndex), named);
        // A sibling the whole sentence states keeps the sentence's clauses from a claim missing one of its own
        // key-term groups there (`siblingYield`, clause by clause) when the sibling is named by its distinctive
        // name or the claim's own distinctive terms are nowhere in the sentence: "Under its Advanced AI Scaling
        // Framework, …, a model … can keep being developed only once …" has no stop in it. (A claim whose own
        // terms are there keeps its clause: "added levels for shutdown resistance and one for manipulation".)
        const yieldsToSibling =
          t.clauseSiblingYield > 0 &&
          features.gatesAll <= 0 &&
          features.named <= 0 &&
          accepted.some((a) => !a.byClause && groupOf(index.claims[a.claimIndex]!) === groupOf(claim) && (a.features.named > 0 || lacksDistinctiveTerms(h, claimIndex, unitTerms)));
        const decision = yieldsToSibling ? { accepted: false, probability: 0 } : accepts(features, t, options.model);
        options.onCandidate?.({ start: run.start, end: run.end, clause: true, claimId: claim.id, features, accepted: decision.accepted, probability: decision.probability });
        if (!decision.accepted) return;
        const score = judgedScore(t, l, named, features);
        accepted.push({ claimIndex, features, probability: decision.probability, score, secondary: false, byClause: true });
      });
    }
  }
  // What the whole sentence states leads the split; claims found on a clause follow, whatever their
  // probability (a clause's probability is judged on fewer, more focused words, so it runs high).
  accepted.sort((a, b) => Number(a.byClause) - Number(b.byClause) || b.probability - a.probability || b.score - a.score || a.claimIndex - b.claimIndex);
  // Several claims in one sentence: beside a claim the sentence surely states, others it states less
  // fully (each diluted by the rest) may take the clauses that carry them: the split decides, and
  // keeps them only where their own words are.
  if (accepted.length > 0 && secondary.length > 0) {
    secondary.sort((a, b) => b.probability - a.probability || a.claimIndex - b.claimIndex);
    // A law's claim reached only through its jurisdiction (its law not in view) beside another law in view that
    // the sentence surely states: "For the AI system trained above the standard the enforcement decree sets, …
    // the business operator has the duty to identify, assess and mitigate the risk" after "According to the Act"
    // (Korea's) is that law's duty, not the EU's from a mention of the EU two paragraphs up.
    const lawOf = (j: Judged) => {
      const claim = index.claims[j.claimIndex]!;
      return isLawClaim(index, claim) ? claim.instrument : -1;
    };
    const otherLawStated = (j: Judged) => {
      const law = lawOf(j);
      return law >= 0 && j.features.instrument <= 0 && accepted.some((a) => a.features.instrument > 0 && lawOf(a) >= 0 && lawOf(a) !== law);
    };
    for (const judged of secondary) {
      // A claim its own clause already carried is accepted; listing it twice would split it against itself.
      if (accepted.some((a) => a.claimIndex === judged.claimIndex)) continue;
      if (t.secondaryNeedsOwnLaw > 0 && otherLawStated(judged)) continue;
      judged.secondary = true;
      accepted.push(judged);
    }
  }
  if (t.dateOnlyVeto > 0 && writtenInDatesOnly(content, t.weekdayDates > 0)) return { accepted: [], facets };
  // The unit's words, read once by the vetoes below (only a unit that has a claim to lose is read).
  const said = accepted.length > 0 ? text.slice(unit.start, unit.end) : '';
  if (t.openLeadInVeto > 0 && accepted.length > 0 && block.kind === 'lead-in' && OPEN_LEAD_IN.test(said)) return { accepted: [], facets };
  // "See ASL-3, ASL-4 evaluations and Risk Report.": a cross-reference points to entries, it states none of them.
  if (t.crossReferenceVeto > 0 && accepted.length > 0 && CROSS_REFERENCE_LINE.test(said) && !FINITE_VERB.test(said)) return { accepted: [], facets };
  // (A Title Case headline's verb is capitalised: "OpenAI Cuts 'Military and Warfare' Ban …" is no label.)
  // (A short line in a run of them under a heading, as a page's headline among its kicker and byline, is a heading
  // misread as an item: held to the separator's test, "EU AI Act: Obligations for …"; a verbless line is not, as
  // "No public release for Claude Mythos Preview" in such a run states its claim.)
  const runLine = t.shortRunTopicLabels > 0 && block.kind === 'item' && block.listOf >= 0 && doc.blocks[block.listOf]!.kind === 'heading';
  const headingLine = block.kind === 'heading' || runLine;
  const titleCaseVerb = accepted.length > 0 && headingLine && titleCaseSubject(text, unit, d);
  if (accepted.length > 0 && headingLine && !titleCaseVerb && isTopicLabel(said, runLine ? Math.min(1, t.topicLabelVeto) : t.topicLabelVeto, block.numbered)) return { accepted: [], facets };
  if (t.shortLabelVeto > 0 && accepted.length > 0 && !titleCaseVerb && isShortLabel(text, said, unit, block, t.shortLabelVeto, t.rowLabelPlurals > 0)) return { accepted: [], facets };
  if (t.namingLabelVeto > 0 && accepted.length > 0 && isNamingLabel(text, said, unit, block)) return { accepted: [], facets };
  if (t.unsaidVeto > 0 && accepted.length > 0 && UNSAID.test(said)) return { accepted: [], facets };
  if (t.writerDoubtVeto > 0 && accepted.length > 0 && WRITER_DOUBT.test(said)) return { accepted: [], facets };
  if (t.adviceVeto > 0 && accepted.length > 0 && !d.rowNamed && (ADVICE.test(said) || ADVICE_LABEL.test(said))) return { accepted: [], facets };
  if (t.openQuestionVeto > 0 && accepted.length > 0 && OPEN_QUESTION.test(said)) return { accepted: [], facets };
  if (t.checkedClaimVeto > 0 && accepted.length > 0 && (CHECKED_CLAIM.test(said) || isQuotedLine(text, said, unit, block))) return { accepted: [], facets };
  if (t.misreadingVeto > 0 && accepted.length > 0 && MISREADING.test(said)) return { accepted: [], facets };
  if (t.metaTextVeto > 0 && accepted.length > 0 && META_TEXT.test(said)) return { accepted: [], facets };
  if (t.correctionVeto > 0 && accepted.length > 0 && CORRECTION_NOTICE.test(said)) return { accepted: [], facets };
  if (t.rumourVeto > 0 && accepted.length > 0 && RUMOUR.test(said)) return { accepted: [], facets };
  if (t.deniedClaimVeto > 0 && accepted.length > 0) {
    for (let k = accepted.length - 1; k >= 0; k--) if (deniedHere(said, index.claims[accepted[k]!.claimIndex]!)) accepted.splice(k, 1);
    if (accepted.length === 0) return { accepted: [], facets };
  }
  if (t.recommendedItemVeto > 0 && accepted.length > 0 && block.kind === 'item' && block.listOf >= 0) {
    const leadIn = doc.blocks[block.listOf]!;
    if (RECOMMENDING_LEAD_IN.test(text.slice(leadIn.start, leadIn.end))) {
      for (let k = accepted.length - 1; k >= 0; k--) if (isLawClaim(index, index.claims[accepted[k]!.claimIndex]!)) accepted.splice(k, 1);
      if (accepted.length === 0) return { accepted: [], facets };
    }
  }
  if (t.contextTieBreak > 0 && accepted.length > 1) {
    // Two claims of one instrument sharing the sentence's words ("These duties have applied since
    // 2 August 2025" fits the general and the systemic-risk duties alike): the one the sentences before
    // were stating keeps it, unless the other's own words say clearly more.
    const strength = (j: Judged) => j.features.score + j.features.facet;
    const whole = accepted.filter((j) => !j.byClause && !j.secondary);
    const beaten = whole.filter((a) =>
      whole.some(
        (b) =>
          b !== a &&
          groupOf(index.claims[b.claimIndex]!) === groupOf(index.claims[a.claimIndex]!) &&
          b.features.context - a.features.context >= t.contextTieBreak &&
          strength(a) - strength(b) < t.contextTieBreak,
      ),
    );
    for (const a of beaten) accepted.splice(accepted.indexOf(a), 1);
  }
  if (t.siblingYield > 0 && accepted.length > 1) {
    // Two claims of one instrument on one sentence, one of them with every key-term group (or its
    // distinctive name) present and the other missing one: the sentence says what only the first one
    // says, and the second shares the instrument's vocabulary ("Under the new framework, if a model
    // reaches the critical threshold, Meta will continue only with validated safeguards" is the 2026
    // rule, not the 2025 stop pledge it replaced).
    const strength = (j: Judged) => j.features.score + j.features.facet;
    const distinct = (j: Judged) => j.features.gatesAll > 0 || j.features.named > 0;
    // A claim found on its own clause is another claim the sentence carries, not a rival for it.
    const yields = accepted.filter((a) =>
      !a.byClause &&
      !distinct(a) &&
      accepted.some(
        (b) =>
          b !== a &&
          !b.byClause &&
          !b.secondary &&
          distinct(b) &&
          groupOf(index.claims[b.claimIndex]!) === groupOf(index.claims[a.claimIndex]!) &&
          strength(b) - strength(a) >= t.siblingYield,
      ),
    );
    for (const a of yields) accepted.splice(accepted.indexOf(a), 1);
  }
  if (t.distinctiveYield > 0 && accepted.length > 1) {
    // Two claims of one instrument on one sentence, the sentence using a key term only one of them has
    // ("Providers of models with systemic risk have been subject to evaluation duties since 2 August 2025, and
    // the Commission can fine from 2 August 2026"): the other, every word of it there shared, is not stated there.
    // Every word of the sentence the other claim has, the specific one has too: the sentence says nothing
    // only the other says ("…, and providers must post their framework online" is still its own).
    const covers = (b: Judged, a: Judged): boolean => {
      const aWords = lookupsOf(h, a.claimIndex).words;
      const bWords = lookupsOf(h, b.claimIndex).words;
      return unitTerms.list.every((term) => claimWordAt(aWords, term) < 0 || claimWordAt(bWords, term) >= 0);
    };
    // Two actors the sentence names, each with its claim of the instrument ("Google signs the code, Meta stays
    // outside"): each says its own, whatever words the two claims' statements share (`ownSubjects`).
    const ownSubjects = (a: Judged, b: Judged): boolean => {
      const actorA = index.claims[a.claimIndex]!.actor;
      const actorB = index.claims[b.claimIndex]!.actor;
      return t.namedActorsKeep > 0 && actorA !== actorB && d.namedActors.includes(actorA) && d.namedActors.includes(actorB);
    };
    const whole = accepted.filter((j) => !j.byClause && !j.secondary);
    const specific = whole.filter((j) => usesDistinctiveTerm(h, j.claimIndex, unitTerms));
    if (specific.length > 0) {
      const yields = whole.filter(
        (a) =>
          // (A claim with no key term of its own cannot be told absent by its terms: the 2026 rule beside the old pledge.)
          lacksDistinctiveTerms(h, a.claimIndex, unitTerms) &&
          specific.some(
            (b) =>
              groupOf(index.claims[b.claimIndex]!) === groupOf(index.claims[a.claimIndex]!) &&
              !ownSubjects(a, b) &&
              b.features.score + b.features.facet >= a.features.score + a.features.facet &&
              covers(b, a),
          ),
      );
      for (const a of yields) accepted.splice(accepted.indexOf(a), 1);
    }
  }
  if (t.namedInstrumentFirst > 0 && accepted.length > 1) {
    // (Only whole-sentence claims: a claim found on its own clause is another thing the sentence says.)
    const whole = accepted.filter((j) => !j.byClause && !j.secondary);
    // (A claim that no longer holds, in a sentence telling of a promise dropped or replaced, is stated beside the named one: `endedClaimStands`.)
    const endingTold = t.endedClaimStands > 0 && ENDING_VERB.test(said);
    const yields = whole.filter((a) => {
      const claim = index.claims[a.claimIndex]!;
      return (
        claim.instrument >= 0 &&
        a.features.instrument <= 0 &&
        !(endingTold && statusHasEnded(claim.status)) &&
        whole.some((b) => {
          const named = index.claims[b.claimIndex]!;
          // (At least as sure: a document named in passing, "…or when the Long-Term Benefit Trust requests it", is not the subject.)
          return b.features.named > 0 && b.probability >= a.probability && named.actor === claim.actor && named.instrument >= 0 && named.instrument !== claim.instrument;
        })
      );
    });
    for (const a of yields) accepted.splice(accepted.indexOf(a), 1);
  }
  if (t.memberOwnClaimFirst > 0 && accepted.length > 1) {
    // "Amazon, in its framework, pledges not to deploy…": Amazon's own pledge, not the Seoul signatories'
    // one it joined (the coalition's claim reached the sentence only through Amazon's name). The member's
    // claim must be stated by the whole sentence and about an instrument in view at least as much:
    // "OpenAI has signed the code of practice" is the code's claim, not OpenAI's own framework's.
    const own = (coalitionClaim: Judged) =>
      accepted.some((a) => {
        const claim = index.claims[a.claimIndex]!;
        const coalition = index.claims[coalitionClaim.claimIndex]!.actor;
        return !a.byClause && !a.secondary && a.features.explicit > 0 && a.features.instrument >= coalitionClaim.features.instrument && index.actors[claim.actor]!.memberOf.includes(coalition);
      });
    for (let k = accepted.length - 1; k >= 0; k--) {
      const judged = accepted[k]!;
      // Only when the member's name is all that frames the coalition ("the signatories" refers to it).
      if (judged.features.explicit <= 0 && judged.features.actor <= t.strengthMember && own(judged)) accepted.splice(k, 1);
    }
  }
  if (t.namedActorFirst > 0 && accepted.length > 1) {
    // "If a model hit Meta's critical risk threshold …, the 2025 document said development would stop": Meta's
    // rule, named, not OpenAI's similar one reached through a document in view. A claim whose actor the sentence
    // does not name, beside one of another actor it names (and is about), is that one's vocabulary.
    // (Companies only: a government's plan tasking an agency the sentence names is still the plan's.)
    const isCompany = (claim: CompiledClaim) => index.actors[claim.actor]!.type === 'company';
    const namedOwn = accepted
      .filter((b) => !b.secondary && b.features.explicit > 0 && b.features.actor >= 1 && d.namedActors.includes(index.claims[b.claimIndex]!.actor) && isCompany(index.claims[b.claimIndex]!))
      .map((b) => index.claims[b.claimIndex]!.actor);
    for (let k = accepted.length - 1; k >= 0 && namedOwn.length > 0; k--) {
      const a = accepted[k]!;
      const claim = index.claims[a.claimIndex]!;
      if (a.byClause || a.features.explicit > 0 || a.features.actor > 0 || !isCompany(claim)) continue;
      if (namedOwn.some((actor) => isOther(index, claim, actor))) accepted.splice(k, 1);
    }
  }
  if (t.actorStanceFirst > 0 && accepted.length > 1) {
    // "Google said it would sign the code, committing to all three chapters": Google's stance on the Code,
    // not what the signatories as a body commit to (unless the sentence names them: "the signatories").
    const stance = (general: CompiledClaim) =>
      accepted.some((a) => {
        const claim = index.claims[a.claimIndex]!;
        // The other actor must be who the sentence is about: its named subject, or its subject by reference
        // ("the company", "it"); "The Code is voluntary: Meta declined to sign it" is about the Code first.
        const about = d.subjectActors.includes(claim.actor) || (!d.namedActors.includes(claim.actor) && a.features.actor >= t.stanceActor);
        return !a.secondary && about && claim.instrument === general.instrument && claim.actor !== general.actor;
      });
    for (let k = accepted.length - 1; k >= 0; k--) {
      const general = index.claims[accepted[k]!.claimIndex]!;
      if (general.instrument >= 0 && index.actors[general.actor]!.type === 'coalition' && !d.namedActors.includes(general.actor) && stance(general)) accepted.splice(k, 1);
    }
  }
  if (t.companyUnderLawFirst > 0 && accepted.length > 1) {
    // "The company designates the document as its frontier AI framework for the purposes of SB 53, which
    // means the law requires it to implement it": what the company did under the law, which the company's
    // claim says; the law's duty (SB 53's framework duty) is the frame, not what is stated.
    const companyStates = accepted.some((a) => {
      const claim = index.claims[a.claimIndex]!;
      if (a.secondary || index.actors[claim.actor]!.type !== 'company') return false;
      // Its subject, named or by reference ("The company designates …"), not a company a law's sentence mentions.
      return d.subjectActors.includes(claim.actor) || (COMPANY_SUBJECT.test(said) && a.features.actor >= t.stanceActor);
    });
    if (companyStates) {
      for (let k = accepted.length - 1; k >= 0; k--) {
        const law = index.claims[accepted[k]!.claimIndex]!;
        if (!isLawClaim(index, law) || d.subjectActors.includes(law.actor)) continue;
        if (LAWMAKER_TYPES.has(index.actors[law.actor]!.type)) accepted.splice(k, 1);
      }
    }
  }
  if (t.memberClaimTakesOver > 0 && accepted.length > 0) {
    // "For Google, signing means committing to all three chapters": the coalition's claim (what the Code's
    // signatories commit to) reached the sentence only through one member, and that member has its own
    // claim on the same instrument (Google's signature): the sentence is the member's. A member without a
    // claim of its own on it ("OpenAI has signed the code") still does the collective thing.
    for (let k = accepted.length - 1; k >= 0; k--) {
      const judged = accepted[k]!;
      const general = index.claims[judged.claimIndex]!;
      if (judged.secondary || judged.byClause || general.instrument < 0 || judged.features.explicit > 0 || d.namedActors.includes(general.actor)) continue;
      if (index.actors[general.actor]!.type !== 'coalition') continue;
      const own = memberOwnClaim(index, general, d);
      if (own < 0) continue;
      const taken = judgedWhole.get(own);
      accepted.splice(k, 1);
      if (taken && !accepted.some((a) => a.claimIndex === own) && taken.features.score >= judged.features.score * t.memberClaimTakesOver) {
        accepted.splice(k, 0, { ...taken, probability: Math.max(taken.probability, judged.probability) });
      }
    }
  }
  return { accepted, facets };
}

/**
 * The claim on `general`'s instrument of the one member of its coalition the unit is about more than about
 * the coalition itself, named in the unit (or, for a table cell, in view while the row's earlier cells name
 * someone: `UnitDiscourse.rowNamed`), or -1: none, or several members in view (a list of signatories is about
 * the coalition).
 */
function memberOwnClaim(index: ClaimIndex, general: CompiledClaim, d: UnitDiscourse): number {
  const coalitionStrength = d.actors.get(general.actor);
  let found = -1;
  let members = 0;
  for (let i = 0; i < d.actors.ids.length; i++) {
    const actor = d.actors.ids[i]!;
    if (!index.actors[actor]!.memberOf.includes(general.actor)) continue;
    members++;
    if (d.actors.values[i]! < coalitionStrength) continue;
    // Only a member the sentence names, or one in view in a table row whose earlier cells name someone (the row's
    // subject): one the sentences before named is background to a sentence about the signatories in general
    // ("xAI signed one chapter. Firms that sign it commit to …").
    if (!d.namedActors.includes(actor) && !d.rowNamed) continue;
    const own = index.instruments[general.instrument]!.claims.find((c) => index.claims[c]!.actor === actor);
    if (own !== undefined) found = own;
  }
  return members === 1 ? found : -1;
}

/**
 * Whether a unit names `actor` (or a coalition it belongs to) other than as an owner: "Google revises its
 * AI Principles" does, "OpenAI's Frontier Governance Framework" does not.
 */
function namedAsSubject(text: string, d: UnitDiscourse, actor: number): boolean {
  return namedNotAsOwner(text, d, (m) => m.actors.includes(actor) || m.coalitions.includes(actor));
}

/** Whether the unit names something `of` picks out other than as an owner ("OpenAI says", not "OpenAI's framework"). */
function namedNotAsOwner(text: string, d: UnitDiscourse, of: (mention: Mention) => boolean): boolean {
  return d.mentions.some((m) => of(m) && !POSSESSIVE_END.test(text.slice(m.start, m.end)) && !POSSESSIVE_AFTER.test(text.slice(m.end, m.end + 40)));
}

/** Words a headline needs to read as a sentence that states something (see `headlineStates`). */
const HEADLINE_STATES_WORDS = 5;
/** Words of the shortest headline that can: a subject, a verb, an object ("Acme stays ad-free"). */
const SHORT_HEADLINE_WORDS = 3;

/**
 * Whether a heading reads as a sentence about the claim ('sentence': five words or more; 'short': three
 * or four; 'no'). Not one: a heading that starts with a date ("2 November 2023: Bletchley Park"), or a label
 * before a colon whose few words after it have no finite verb ("Texas: enforcement and the cure period").
 * One: the claim's actor or law named in it not as an owner ("OpenAI says …", "California's SB 53 now
 * requires …") with a finite verb, or with a present tense right after that name ("Colorado repeals …",
 * "OpenAI amends …": FINITE_VERB lists few verbs, and an -s word elsewhere is as often a plural noun,
 * "Acme AI, duties of data-centre operators").
 */
function headlineStates(text: string, unit: { start: number; end: number }, d: UnitDiscourse, claim: CompiledClaim, colonSentence: boolean): StatedHeadline {
  const line = text.slice(unit.start, unit.end);
  // (A heading opening with an auxiliary asks, question mark or not: "Will Claude stay ad-free".)
  if (!hasWords(line, SHORT_HEADLINE_WORDS) || DATE_LEAD.test(line) || HEADLINE_QUESTION.test(line)) return 'no';
  const names = (m: Mention) => m.actors.includes(claim.actor) || m.coalitions.includes(claim.actor) || (claim.instrument >= 0 && m.instruments.includes(claim.instrument));
  // "Anthropic: Claude will stay ad-free" says something after its colon, under its actor's name; "Texas:
  // enforcement and the cure period" labels a topic, and "Opinion: …", "OpenAI: …" are someone else's
  // (`colonSentence`).
  const colon = line.indexOf(':');
  const labelled = LABEL_COLON.test(line);
  // "1. Microsoft: pause until mitigations catch up": a list's entry under the claim's actor's name alone, a
  // clause with a verb after the colon, is what that actor does (a listicle's or a brief's numbered heading).
  if (colonSentence && colon > 0 && actorLabelled(text, unit.start, colon, d, names) && hasWords(line.slice(colon + 1), ACTOR_LABEL_MIN_WORDS)) {
    const after = line.slice(colon + 1);
    if (FINITE_VERB.test(after) || IMPERATIVE_OPENING.test(after)) {
      if (NEGATED_VERB.test(after)) return 'negated';
      return 'sentence';
    }
  }
  if (labelled && !(colonSentence && FINITE_VERB.test(line.slice(colon + 1)) && d.mentions.some((m) => names(m) && m.start < unit.start + colon))) return 'no';
  // "Critics: Claude will not stay ad-free", "Anthropic rival: …": a label of people before a colon gives
  // what follows as theirs.
  if (colon > 0 && colon < 40 && (line.slice(0, colon).toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => OUTSIDER_NOUNS.has(word))) return 'no';
  // Its subject is the claim's actor or law: the name right before a verb (FINITE_VERB's or a present
  // tense in -s that is not a plural noun: "Colorado repeals …", not "EU regulators on …"); in a headline
  // of five words or more, a name anywhere with a finite verb anywhere, not as an owner.
  // A Title Case headline capitalises its verb too ("OpenAI Cuts 'Military and Warfare' Ban …"): read in lower case.
  const titleCase = isTitleCaseLine(line);
  const subjectOf = (m: Mention) => names(m) && m.end <= unit.end && nameOpensClause(text, unit.end, m, titleCase);
  const sentence = hasWords(line, HEADLINE_STATES_WORDS);
  const states = d.mentions.some(subjectOf) || (sentence && FINITE_VERB.test(line) && namedNotAsOwner(text, d, names));
  if (!states) return 'no';
  if (NEGATED_VERB.test(line)) return sentence ? 'negated' : 'no';
  return sentence ? 'sentence' : 'short';
}

/** Words after the colon of an actor's labelled entry ("Microsoft: pause until mitigations catch up"). */
const ACTOR_LABEL_MIN_WORDS = 3;

/**
 * Whether the words before a heading's colon (at `colon`, UTF-16 units from `start`), past a list number,
 * are one name of the claim's actor or law and nothing else ("1. Microsoft:", "Anthropic:").
 */
function actorLabelled(text: string, start: number, colon: number, d: UnitDiscourse, names: (m: Mention) => boolean): boolean {
  const label = text.slice(start, start + colon);
  const from = start + (LIST_NUMBER.exec(label)?.[0].length ?? 0);
  const m = d.mentions.find((mention) => mention.start >= from && mention.end <= start + colon);
  return m !== undefined && names(m) && text.slice(from, m.start).trim() === '' && text.slice(m.end, start + colon).trim() === '';
}

/**
 * A unit that opens as a cross-reference: "See …", "See also …", "Cf. …". Not "Compare": "Compare Biden's EO
 * 14110, which leaned on the Defense Production Act to make developers report …" states what it compares with.
 */
const CROSS_REFERENCE_LINE = /^[^\p{L}]*(?:see(?:\s+also)?|cf\.)\s/iu;

/** A web address written out ("https://example.org/google-erases-promise-…", "www.example.org/…"). */
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"'“”]+/giu;

/**
 * A unit's content words without those inside a web address (`addresses`: the page's, as UTF-16 ranges): a
 * link's slug repeats its headline's words ("…/google-erases-promise-not-to-use-ai-technology-for-weapons-or-
 * surveillance/") but states nothing.
 */
function withoutAddresses(addresses: ReadonlyArray<readonly [number, number]>, unit: { start: number; end: number }, content: readonly Content[]): readonly Content[] {
  // The first address ending after the unit starts (addresses are in text order and do not overlap): a page of
  // thousands of addresses must not be read whole for each of its units.
  let low = 0;
  let high = addresses.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (addresses[mid]![1] <= unit.start) low = mid + 1;
    else high = mid;
  }
  const spans: Array<readonly [number, number]> = [];
  for (let at = low; at < addresses.length && addresses[at]![0] < unit.end; at++) spans.push(addresses[at]!);
  return spans.length === 0 ? content : content.filter((c) => !spans.some(([from, to]) => c.token.start >= from && c.token.end <= to));
}

/** A word of four letters or more (`isTitleCaseLine` reads whether each is capitalised). */
const LONG_WORD = /\p{L}{4,}/gu;

/**
 * Whether a heading is written in Title Case: every word of four letters or more capitalised, and at
 * least three of them ("OpenAI Cuts 'Military and Warfare' Ban From Permissible Use Policy").
 */
function isTitleCaseLine(line: string): boolean {
  const words = line.match(LONG_WORD) ?? [];
  return words.length >= 3 && words.every((word) => word[0] !== word[0]!.toLowerCase());
}

/**
 * Whether a heading in Title Case has a name the claim set knows right before a capitalised verb
 * ("OpenAI Cuts …", "China Releases …"): read in lower case, the word after the name opens a verb.
 */
function titleCaseSubject(text: string, unit: { start: number; end: number }, d: UnitDiscourse): boolean {
  if (!isTitleCaseLine(text.slice(unit.start, unit.end))) return false;
  return d.mentions.some((m) => m.start >= unit.start && m.end <= unit.end && nameOpensClause(text, unit.end, m, true));
}

/**
 * Whether a name (not written as an owner) is a heading's subject: a verb follows it, before `end`
 * (UTF-16 units); `titleCase`: the heading capitalises its words, so the next word is read in lower case.
 */
function nameOpensClause(text: string, end: number, m: Mention, titleCase: boolean): boolean {
  if (POSSESSIVE_END.test(text.slice(m.start, m.end))) return false;
  const after = text.slice(m.end, Math.min(end, m.end + 40));
  return verbOpens(titleCase ? after.toLowerCase() : after);
}

/**
 * Whether `after` (the words after a name) opens with a verb, perhaps after an adverb (see `headlineStates`),
 * or with a headline's future, "to" and a verb ("xAI to sign EU code's safety chapter").
 */
function verbOpens(after: string): boolean {
  if (HEADLINE_FUTURE.test(after)) return true;
  const next = NEXT_WORD.exec(after);
  if (!next) return false;
  const word = next[1]!;
  return WHOLE_FINITE_VERB.test(word) || (PRESENT_TENSE.test(word) && !PEOPLE_PLURALS.has(word));
}

/**
 * Headline-ese for "will": a name, "to" and a lowercase word that is not a determiner or a pronoun ("Google to
 * sign …"; not "Letter to the EU", "Anthropic to its critics").
 */
const HEADLINE_FUTURE = /^\s+to\s+(?!(?:the|a|an|its|their|his|her|our|your|this|that|these|those|whom?|which|what|be)\b)\p{Ll}{2,}\b/u;

/**
 * The score a judged claim's highlight reports (0-1): its lexical score, a named claim's `keyPhraseScore`, or its
 * best facet weighed by how well the sentence frames the claim's actor, whichever is highest.
 */
function judgedScore(t: Tunables, l: Lexical, named: boolean, features: Features): number {
  return Math.min(1, Math.max(l.score, named ? t.keyPhraseScore : 0, l.facet * Math.min(1, features.frame + 0.2)));
}

/** A list number before a heading's words ("1 ", "2. ", "3) "). */
const LIST_NUMBER = /^\s*\d{1,2}[.):]?\s+/;
/** "They"/"It" opening a heading, after its list number if any. */
const PRONOUN_OPENING = /^(?:They|It)(?=\s)/;

/**
 * Whether a heading's subject is "They" or "It" with a verb right after it ("1 They promised to red-team
 * models before release", "It bans social scoring"): a sentence about whoever the text under it is about
 * (see `pronounHeadline`). "It's …", "They, too" and a negated heading ("It was never a real pause pledge":
 * its words may be the claim's, its sense is not) are not read as such.
 */
function pronounSubjectHeadline(line: string): boolean {
  const words = line.replace(LIST_NUMBER, '');
  const pronoun = PRONOUN_OPENING.exec(words);
  return pronoun !== null && verbOpens(words.slice(pronoun[0].length)) && !NEGATED_VERB.test(words);
}

/**
 * A lead-in whose verb's object is the list after it ("Under the AI Act, providers of general-purpose AI
 * models must:", "As rewritten, the RAISE Act will require:"): it says what follows, not what; its items do.
 */
const OPEN_LEAD_IN = /\b(?:must|shall|will|should|may|to|requires?|include[sd]?|includes|are|is|mean[st]?)\s*[:：]\s*$/i;

/**
 * Whether a heading names a topic without saying anything of it, as `topicLabelVeto` (`level`) reads one: no
 * finite verb, and (at level 1) a label before a colon or a spaced dash ("California SB 53: Whistleblower
 * Protections", "New York: the RAISE Act, as amended in March 2026", "California SB 53 - incident
 * reporting"). A section's title, not a claim. A clause after the separator that opens with a bare verb says
 * something ("Anthropic: delay, but only from the front"); a noun that could be a verb ("the ad-free promise")
 * does not. Never at level 0.
 */
function isTopicLabel(line: string, level: number, numbered: boolean): boolean {
  if (level <= 0) return false;
  // A headline's verb is often one FINITE_VERB does not list ("Anthropic renews …", "Texas takes …"): any
  // lowercase word ending in -s may be one, and keeps the heading (a plural noun too, at worst).
  if (FINITE_VERB.test(line) || HEADLINE_PRESENT.test(line)) return false;
  // A clause after the separator that opens with a bare verb says something ("Anthropic: delay, but only from
  // the front"). (The separator's match ends on the clause's first character.)
  const separator = TOPIC_SEPARATOR.exec(line);
  if (separator && IMPERATIVE_OPENING.test(line.slice(separator[0].length - 1))) return false;
  // A numbered heading is a listicle's item, which may state its point in a few words ("3. No ads in Claude").
  return separator !== null || (level > 1 && !numbered);
}

/**
 * A label of a few words with no verb, naming a topic: a heading, a line of its own without closing
 * punctuation (a section kicker "Interviews", a tag "Ads", a table's row label "Pre-release model access"),
 * or the run-in label opening a list item ("Incident reporting." before the duty it introduces).
 * `said`: the unit's text; `maxWords`: at most this many words.
 */
function isShortLabel(text: string, said: string, unit: TextUnit, block: DocumentBlock, maxWords: number, rowLabelPlurals: boolean): boolean {
  const line = said.trim();
  // (A row's first cell in -s is a plural noun, not a headline's verb: "Critical safety incidents", "Transparency reports".)
  const rowLabel = rowLabelPlurals && block.row >= 0 && unit.block === block.row;
  if (hasWords(line, Math.floor(maxWords) + 1) || FINITE_VERB.test(line) || (!rowLabel && HEADLINE_PRESENT.test(line))) return false;
  if (block.kind === 'heading' || block.kind === 'question') return true;
  // A line of its own with no closing punctuation (a section kicker, a menu or tag item, a table's row label).
  if (isWholeBlock(text, unit, block) && !/[.;:!?"”)]$/.test(line)) return true;
  // A run-in label: the item's first unit, ended by a full stop or colon, with the item going on after it.
  return block.kind === 'item' && unit.start <= block.start + 2 && /[.:]$/.test(line) && unit.end < block.end - 1;
}

/**
 * A line of its own without closing punctuation or a verb that names a document and then its topic or
 * its date: a table's row label or a section title, however long. Two shapes:
 * - a name, a spaced dash, and a topic of a few words in lower case ("SB 53 (TFAIA) — transparency
 *   reports", "Voluntary AI commitments — model weights"); a headline's dash is followed by its subject
 *   in capitals ("May 2025 - Anthropic activates ASL-3"), and a clause after a dash ("AI Act — providers
 *   … evaluate and test them and report serious incidents") says something: both stay;
 * - a name and a bracket of details ("New York RAISE Act (as rewritten, March 2026)",
 *   "Meta, Advanced AI Scaling Framework v2 (April 2026)").
 * Also a podcast's chapter marker and an explainer's title (`CHAPTER_TIME`, `isExplainerTitle`).
 * Either way the name has at most `NAMING_LABEL_WORDS` words, most of them capitalised: a headline
 * before a dash ("Texas AI law TRAIGA takes effect - reaction") or a description before a bracket
 * ("Providers of models presumed to carry systemic risk (training compute above 10^25 FLOP)", who is
 * covered) is mostly lower case, and stays.
 * `said`: the unit's text.
 */
function isNamingLabel(text: string, said: string, unit: TextUnit, block: DocumentBlock): boolean {
  const line = said.trim();
  if (block.kind === 'question' || /[.;:!?"”]$/.test(line) || !isWholeBlock(text, unit, block)) return false;
  // An explainer's title ("New York's Rewritten RAISE Act: What Frontier AI Developers Need to Do") names
  // what the page is about, whatever verb its question has; the page says it.
  if (isExplainerTitle(line)) return true;
  if (FINITE_VERB.test(line)) return false;
  // So does a podcast's chapter marker of a few words ("Meta and open weights (41:50)", "15:10 — New York:
  // the RAISE Act"); a longer one describes what is said ("09:15 … models that might interfere with …").
  if (CHAPTER_TIME.test(line)) return !hasWords(line, CHAPTER_MARKER_WORDS + 1);
  const dashed = DASH_TOPIC_LABEL.exec(line);
  // A dash's topic is a label's few words; a clause after the dash says something of the name.
  if (dashed && hasWords(dashed[2]!, NAMING_LABEL_TOPIC_WORDS + 1)) return false;
  const name = dashed?.[1] ?? NAME_AND_BRACKET.exec(line)?.[1];
  if (name === undefined) return false;
  const words = name.match(WORD_RUN) ?? [];
  const named = words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length;
  return words.length > 0 && words.length <= NAMING_LABEL_WORDS && named / words.length >= NAMING_LABEL_CAPITALS;
}

/**
 * A title that names a document or an actor and then the question it answers: "<name>: what / how /
 * why …" ("The White House's National Policy Framework for AI: what a single federal standard would mean").
 * The name has no finite verb and at most `NAMING_LABEL_WORDS` words; a headline that says something
 * before its colon ("Anthropic drops its pause pledge: what it means") is not a title.
 */
function isExplainerTitle(line: string): boolean {
  const titled = EXPLAINER_TITLE.exec(line);
  return titled !== null && !FINITE_VERB.test(titled[1]!) && !HEADLINE_PRESENT.test(titled[1]!) && !hasWords(titled[1]!, NAMING_LABEL_WORDS + 1);
}

/** A name, a colon, and a question word opening what the piece explains. */
const EXPLAINER_TITLE = /^([^:]{1,100}):\s+(?:what|how|why|when|where|who|which)\b/iu;
/** A chapter's time stamp, at the end in brackets or first ("(41:50)", "15:10 —", "41:50 Meta, …", "(04:12) …"). */
const CHAPTER_TIME = /\(\d{1,2}:\d{2}(?::\d{2})?\)$|^\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s/u;

/** Whether the unit is all its block holds (only what lies around the unit is read: a block may be long). */
function isWholeBlock(text: string, unit: TextUnit, block: DocumentBlock): boolean {
  return !/\S/.test(text.slice(block.start, unit.start)) && !/\S/.test(text.slice(unit.end, block.end));
}

/** A label's name, a spaced dash, and its topic opening in lower case. */
const DASH_TOPIC_LABEL = /^([^—–]{1,60}?)\s[—–-]\s+(\p{Ll}.*)$/u;
/** Words a dash label's topic may have ("transparency reports", "general-purpose AI model rules"). */
const NAMING_LABEL_TOPIC_WORDS = 6;
/** A name and one closing bracket of details (a date, "as rewritten", an act number). */
const NAME_AND_BRACKET = /^(.{1,100}?)\s*\(([^()]*)\)$/u;
/** Words a naming label's name may have, and the share of them capitalised (or digits) it needs. */
const NAMING_LABEL_WORDS = 10;
const NAMING_LABEL_CAPITALS = 0.6;
/** Words a podcast's chapter marker may have, its time stamp's included ("15:10 — New York: the RAISE Act, take two"). */
const CHAPTER_MARKER_WORDS = 12;

/** A lowercase word in -s (not -ss), as a headline's present tense is. */
const HEADLINE_PRESENT = /\b[a-z]{2,}[^s\W]s\b/u;
/** The word after a headline's subject, past an adverb ("… repeals", "… now requires", "… quietly drops"). */
const NEXT_WORD = /^\s+(?:(?:now|also|still|\p{Ll}+ly)\s+)?(\p{Ll}[\p{Ll}'’]*)/u;
/** A lowercase word in -s (not -ss): a present tense, or a plural. */
const PRESENT_TENSE = /^\p{Ll}{2,}[^s\W]s$/u;
/** Plurals naming people or bodies, which follow an actor's name as nouns ("EU regulators", "Anthropic investors"). */
const PEOPLE_PLURALS: ReadonlySet<string> = new Set([
  ...OUTSIDER_NOUNS, ...SPOKESPERSON_NOUNS, ...COLLECTIVE_ANAPHORS,
  'regulators', 'users', 'customers', 'employees', 'workers', 'staffers', 'shareholders', 'engineers', 'lawyers', 'officers',
  'founders', 'leaders', 'partners', 'clients', 'models', 'rules', 'laws', 'plans', 'documents', 'tests', 'ads', 'products',
]);
/** A negated verb ("won't", "will not", "does not", "isn't", "never"): a headline saying the opposite of a facet in its words. */
const NEGATED_VERB = /\b(?:\p{L}+n['’]t|not|never|cannot)\b/iu;
/** A heading that opens with an auxiliary or a question word, as a question does ("Will Claude stay ad-free", "Does …", "Can …"). */
const HEADLINE_QUESTION = /^\W*(?:\d+\W+)?(?:will|would|does|do|did|is|are|was|were|can|could|should|has|have|may|might|must|why|how|what|who|when|where|which)\b/i;

/** A label and its topic: a colon, or a dash with spaces around it, within the first 60 characters. */
const TOPIC_SEPARATOR = /^[^:–—]{1,60}?(?::\s|\s[-–—]\s)\S/u;

/** Words each half of a two-part headline needs (`headlineHalves`). */
const HEADLINE_HALF_WORDS = 3;

/**
 * The two halves of a headline split by one colon, each of at least `HEADLINE_HALF_WORDS` words ("Claude Stays
 * Ad-Free: Anthropic Takes Direct Shot at …"), as UTF-16 spans of `text`; none for other lines.
 */
function headlineHalves(text: string, unit: { start: number; end: number }): Array<{ start: number; end: number }> {
  const line = text.slice(unit.start, unit.end);
  const colon = line.indexOf(': ');
  if (colon < 0 || line.indexOf(':', colon + 1) >= 0) return [];
  const halves = [
    { start: unit.start, end: unit.start + colon },
    { start: unit.start + colon + 2, end: unit.end },
  ];
  return halves.every((half) => (text.slice(half.start, half.end).match(/\p{L}+/gu)?.length ?? 0) >= HEADLINE_HALF_WORDS) ? halves : [];
}

/** A heading that labels its topic before a colon, with at most four words after it ("Texas: enforcement and the cure period"). */
const LABEL_COLON = /^\s*[^:—–]{0,40}?:\s+(?:\S+\s+){0,3}\S+\s*$/u;
/** A heading that starts with a date ("2 November 2023: Bletchley Park", "May 2025 …"). */
const DATE_LEAD = /^\s*(?:\d{1,4}\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d)/u;

/** Words from which a headline reads as a sentence rather than a topic label. */
const HEADLINE_SENTENCE_WORDS = 7;

/** A word: a run of letters or digits, with inner apostrophes and hyphens (global: `hasWords` resets it, `match` starts over). */
const WORD_RUN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Whether `text` has at least `atLeast` words (`WORD_RUN`). Every caller compares a count with a
 * threshold of a few words, so counting stops there (a long sentence is not read to its end), and
 * `test` finds each word without a match object or an iterator.
 */
function hasWords(text: string, atLeast: number): boolean {
  WORD_RUN.lastIndex = 0;
  let words = 0;
  while (words < atLeast && WORD_RUN.test(text)) words++;
  return words >= atLeast;
}

/** FINITE_VERB as a whole word (one word read on its own). */
const WHOLE_FINITE_VERB = new RegExp(`^${FINITE_VERB.source.slice(2, -2)}$`, 'i');

/**
 * Whether a unit is a sentence with `actor` (or a coalition it belongs to) as its subject and a finite
 * verb ("Anthropic says Claude will remain ad-free.", "Meta declined to sign."), not a label naming a
 * topic ("Italy's national AI law.", "Red-teaming before release."): a label yields its claim to the
 * sentence after it, a sentence keeps its own.
 */
function statesAsSubject(text: string, unit: { start: number; end: number }, d: UnitDiscourse, actor: number): boolean {
  return namedAsSubject(text, d, actor) && FINITE_VERB.test(text.slice(unit.start, unit.end));
}

/**
 * What follows a name written as an owner ("OpenAI's", "Reuters'"), from where its mention ends: the
 * rest of the word, perhaps one more capitalised word of the name, then the apostrophe.
 */
const POSSESSIVE_AFTER = /^[\p{L}\p{N}]*(?:\s+\p{Lu}[\p{L}\p{N}]*)?['’]s?(?![\p{L}\p{N}])/u;

/** A version label's word: "version", "v2", "v3.1". */
const VERSION_WORD = /^(?:version|v\d+(?:\.\d+)*)$/;

/**
 * Whether every content word of a unit is part of a date, a number or a version ("2 August 2026", "2, 2026.",
 * "Advanced AI Scaling Framework v2 (April 2026)", names aside; with `weekdays`, "Thursday 22 January 2026").
 */
function writtenInDatesOnly(content: readonly Content[], weekdays: boolean): boolean {
  let words = 0;
  for (const { token, name } of content) {
    if (name) continue;
    // (A document's version, "v2", "version 3.1", dates it as much as its month does.)
    if (!isDateWord(token.key) && !(weekdays && WEEKDAY_WORDS.has(token.key)) && !VERSION_WORD.test(token.key)) return false;
    words++;
  }
  return words > 0;
}

/**
 * Whether a clause dates something and says little else: it names a month or a year (19xx, 20xx), no
 * actor or instrument, and at most `others` content words that are neither numbers nor date words
 * ("Published on 10 July", "Version 2.0, released in February 2025"; not "The Code of Practice,
 * published on 10 July 2025", which says what it dates).
 */
function datesOnly(content: readonly Content[], others: number): boolean {
  let dated = false;
  let rest = 0;
  for (const { token, name } of content) {
    if (name) return false;
    if (DATE_WORDS.has(token.key) || /^(?:19|20)\d\d$/.test(token.key)) dated = true;
    else if (!/^\d/.test(token.key) && ++rest > others) return false;
  }
  return dated;
}

interface UnitShape {
  heading: boolean;
  item: boolean;
  contentLength: number;
}

/**
 * Writes the features that come from the words alone (what a unit, a clause or a split's share of it
 * covers, and their interactions with `f.frame`) into `f`, which has every field already. Written in
 * place, not spread into a new literal: V8 built a spread followed by the other 22 fields one field at
 * a time on a copy, some 40 µs a candidate (41% of matching a 10k-word page).
 */
function setWordFeatures(f: Features, l: Lexical, gates: number): Features {
  f.score = l.score;
  f.facet = l.facet;
  f.facetMass = l.facetMass;
  f.focus = l.focus;
  f.gates = gates;
  f.gatesAll = gates >= 1 ? 1 : 0;
  f.facetFrame = l.facet * f.frame;
  f.scoreGates = l.score * gates;
  f.focusFacet = l.focus * l.facet;
  return f;
}

/** The features of one candidate (lib/match/model.ts says what each means). */
function buildFeatures(
  h: HydratedIndex,
  claimIndex: number,
  l: Lexical,
  gates: number,
  frame: Frame,
  d: UnitDiscourse,
  shape: UnitShape,
  best: number,
  context: number,
  named: boolean,
): Features {
  const index = h.source;
  const claim = index.claims[claimIndex]!;
  const strength = l.score + l.facet;
  // The word features are zero here and set below, in their one home (the fields keep FEATURE_NAMES order).
  const features: Features = {
    score: 0,
    facet: 0,
    facetMass: 0,
    focus: 0,
    gates: 0,
    gatesAll: 0,
    named: named ? 1 : 0,
    frame: frame.frame,
    actor: frame.actor,
    instrument: frame.instrument,
    explicit: frame.explicit || named ? 1 : 0,
    rival: frame.rival ? 1 : 0,
    rivalSubject: frame.rivalSubject ? 1 : 0,
    unknown: d.namesUnknown ? 1 : 0,
    otherSpeaker: speakerIsOther(index, claim, d) ? 1 : 0,
    question: d.question ? 1 : 0,
    heading: shape.heading ? 1 : 0,
    item: shape.item ? 1 : 0,
    short: shape.contentLength < MIN_NAMED_UNIT_TERMS ? 1 : 0,
    best: strength >= best ? 1 : 0,
    gap: Math.max(0, best - strength),
    context,
    sole: h.sole[claimIndex]!,
    generic: (d.genericSubject && index.actors[claim.actor]!.type === 'company') || d.indefinitePerson ? 1 : 0,
    headline: shape.heading ? Math.max(l.score, l.facet) : 0,
    facetFrame: 0,
    scoreGates: 0,
    focusFacet: 0,
  };
  return setWordFeatures(features, l, gates);
}

/** A clause or a pair of neighbouring clauses of a unit: its text, and its content as content[from, to) of the unit's. */
interface ClauseRun {
  start: number;
  end: number;
  from: number;
  to: number;
}

/**
 * The clauses of a unit (cut where CLAUSE_BREAK allows, at most `maxClauses`) and each pair of
 * neighbouring clauses, with their content; none when the unit is one clause. The unit's content is in
 * text order, so each clause's is a stretch of it: given as bounds, not copied (most runs are read
 * only for their terms).
 */
function clauseRuns(text: string, unit: TextUnit, content: readonly Content[], maxClauses: number, sharedObjectJoins: boolean, phraseAndJoins: boolean): ClauseRun[] {
  const cuts = clauseCuts(text, unit, maxClauses, phraseAndJoins);
  const pieces = cuts.length - 1;
  if (pieces < 2) return [];
  // bounds[k]: where piece k's content starts; a content word goes to the last piece starting at or before it.
  const bounds = new Int32Array(pieces + 1);
  let p = 0;
  for (let i = 0; i < content.length; i++) {
    while (p < pieces - 1 && content[i]!.token.start >= cuts[p + 1]!) bounds[++p] = i;
  }
  while (p < pieces) bounds[++p] = content.length;
  const runs: ClauseRun[] = [];
  for (let k = 0; k < pieces; k++) {
    // A piece that ends on a verb still waiting for the object the next piece gives it ("… is to develop" before
    // "and publish concrete proposals") is a fragment: it is read with that piece only.
    if (!(sharedObjectJoins && k + 1 < pieces && waitsForObject(text, cuts[k]!, cuts[k + 1]!))) runs.push({ start: cuts[k]!, end: cuts[k + 1]!, from: bounds[k]!, to: bounds[k + 1]! });
    if (k + 1 < pieces) runs.push({ start: cuts[k]!, end: cuts[k + 2]!, from: bounds[k]!, to: bounds[k + 2]! });
  }
  return runs;
}

/** How many of content[from, to) are content words, not names. */
function wordsSaid(content: readonly Content[], from: number, to: number): number {
  let said = 0;
  for (let i = from; i < to; i++) if (!content[i]!.name) said++;
  return said;
}

/** Where a unit may be cut into clauses: unit start, each CLAUSE_BREAK, unit end; at most `maxClauses` clauses (evenly kept). */
function clauseCuts(text: string, unit: TextUnit, maxClauses: number, phraseAndJoins: boolean): number[] {
  let cuts = [unit.start];
  CLAUSE_BREAK.lastIndex = 0;
  const slice = text.slice(unit.start, unit.end);
  for (let match = CLAUSE_BREAK.exec(slice); match; match = CLAUSE_BREAK.exec(slice)) {
    const cut = unit.start + match.index + match[0].length;
    if (phraseAndJoins && joinsPhrase(text, unit.start + match.index, match[0], unit.start, unit.end)) continue;
    if (cut > cuts[cuts.length - 1]! && cut < unit.end) cuts.push(cut);
  }
  cuts.push(unit.end);
  if (cuts.length - 1 > maxClauses) {
    // Keep evenly spaced cuts: a sentence of hundreds of commas is not read clause by clause.
    const inner = cuts.slice(1, -1);
    const kept = [unit.start];
    for (let k = 1; k < maxClauses; k++) kept.push(inner[Math.floor((k * inner.length) / maxClauses)]!);
    kept.push(unit.end);
    cuts = [...new Set(kept)];
  }
  return cuts;
}

/** The claim's facet coverage in what the unit continues (previous unit, lead-in, heading): the highest. */
function contextOf(prior: ReadonlyArray<ReadonlyMap<number, number>>, claimIndex: number): number {
  let best = 0;
  for (const map of prior) best = Math.max(best, map.get(claimIndex) ?? 0);
  return best;
}

/** Claims of one instrument (or, without one, one actor) compete for a unit. */
function groupOf(claim: CompiledClaim): number {
  return claim.instrument >= 0 ? claim.instrument : -1 - claim.actor;
}

/** Per claim, the quantities its actor's claims state (see `HydratedIndex.actorQuantities`). */
function quantitiesByActor(index: ClaimIndex): Array<ReadonlySet<string>> {
  const byActor = index.actors.map(() => new Set<string>());
  for (const claim of index.claims) for (const quantity of claim.quantities) byActor[claim.actor]!.add(quantity);
  return index.claims.map((claim) => byActor[claim.actor]!);
}

/**
 * Gives each of several claims in one sentence its own clauses, so "X requires A, B and C" highlights
 * A, B and C separately: every clause goes to the claim whose vocabulary it carries most of (clauses
 * carrying none join their neighbour), consecutive clauses of one claim form its span. In a sentence
 * about several actors ("Google signs, xAI signs one chapter and Meta says no") a clause goes only to
 * a claim of the actor named in it or last named before it. At most `maxClauses` clauses (extra cuts
 * are dropped), so the work is bounded whatever the sentence. A claim left with no clause is dropped;
 * one claim alone keeps the whole sentence.
 */
function splitAmongClaims(
  h: HydratedIndex,
  t: Tunables,
  text: string,
  unit: TextUnit,
  content: readonly Content[],
  claims: readonly Judged[],
  d: UnitDiscourse,
  model: ModelFile | undefined,
): Array<{ claimIndex: number; score: number; start: number; end: number }> {
  const index = h.source;
  let cuts = clauseCuts(text, unit, t.maxClauses, t.phraseAndJoins > 0);
  const several = new Set(d.namedActors).size > 1;
  // A clause too short to say anything on its own ("and Critical ones even", "incident reporting.")
  // is read with the clause after it (the last one with the clause before), unless, in a sentence
  // naming several actors, it names one and says something of it ("Google signs the code, Meta stays
  // outside": Meta's two words are Meta's clause, not more of Google's).
  {
    const said = new Array<number>(cuts.length - 1).fill(0);
    const namer = new Array<boolean>(cuts.length - 1).fill(false);
    /** Where each piece's first word that is not a name starts (its end when it has none). */
    const firstSaid = cuts.slice(1);
    let q = 0;
    for (const c of content) {
      while (q < said.length - 1 && c.token.start >= cuts[q + 1]!) q++;
      if (!c.name && said[q]!++ === 0) firstSaid[q] = c.token.start;
    }
    if (several && t.actorClauseStands > 0) {
      // An actor named as the piece's subject: before anything the piece says ("while Meta stays outside", not
      // "six other companies sign the White House's commitments").
      for (const m of d.mentions) {
        if (m.actors.length === 0 && m.coalitions.length === 0) continue;
        for (let k = 0; k < namer.length; k++) if (m.start >= cuts[k]! && m.start < firstSaid[k]! && said[k]! > 0) namer[k] = true;
      }
    }
    const kept = [cuts[0]!];
    let pending = 0;
    for (let k = 0; k < said.length; k++) {
      pending += said[k]!;
      // (Words said before an actor's own clause end there; a name alone joins it: "OpenAI and Anthropic sign".)
      if (k === said.length - 1 || pending >= MIN_CLAUSE_WORDS || namer[k]! || (pending > 0 && (namer[k + 1] ?? false))) {
        kept.push(cuts[k + 1]!);
        pending = 0;
      }
    }
    if (kept.length > 2 && said.length > 0 && !namer[said.length - 1]) {
      // The last clause, if short, joins the one before it.
      let last = 0;
      for (const c of content) if (!c.name && c.token.start >= kept[kept.length - 2]!) last++;
      if (last < MIN_CLAUSE_WORDS) kept.splice(kept.length - 2, 1);
    }
    cuts = kept;
  }
  const pieces = cuts.length - 1;
  /** The text of piece `k`, delimiter included. */
  const piece = (k: number) => text.slice(cuts[k]!, cuts[k + 1]!);
  const pieceContent: Content[][] = Array.from({ length: pieces }, () => []);
  let p = 0;
  for (const c of content) {
    while (p < pieces - 1 && c.token.start >= cuts[p + 1]!) p++;
    pieceContent[p]!.push(c);
  }
  // Actors named per clause, carried forward within the sentence.
  const actorsAt: Array<ReadonlySet<number>> = [];
  let current: ReadonlySet<number> = new Set();
  for (let k = 0; k < pieces; k++) {
    const named = new Set<number>();
    for (const m of d.mentions) {
      if (m.start < cuts[k]! || m.start >= cuts[k + 1]!) continue;
      for (const a of m.actors) named.add(a);
      for (const c of m.coalitions) named.add(c);
    }
    if (named.size > 0) current = named;
    actorsAt.push(current);
  }
  // Each clause's evidence for each claim: the weight of the claim's words it carries, counting each
  // word only by how much more it weighs for this claim than for the others (words all of them use
  // cannot tell them apart).
  const weights = claims.map((judged) => lookupsOf(h, judged.claimIndex).words);
  const norms = claims.map((judged) => index.claims[judged.claimIndex]!.norm);
  const owner = new Array<number>(pieces).fill(-1);
  const ownerEvidence = new Array<number>(pieces).fill(0);
  claims.forEach((judged, c) => {
    const claim = index.claims[judged.claimIndex]!;
    for (let k = 0; k < pieces; k++) {
      if (several && actorsAt[k]!.size > 0 && !actorsAt[k]!.has(claim.actor) && !claim.parties.some((party) => actorsAt[k]!.has(party))) {
        const instrumentHere = claim.instrument >= 0 && d.mentions.some((m) => m.start >= cuts[k]! && m.start < cuts[k + 1]! && m.instruments.includes(claim.instrument));
        if (!instrumentHere) continue;
      }
      let evidence = 0;
      const seen = new Set<number>();
      for (const { id, name } of pieceContent[k]!) {
        if (name || id < 0 || seen.has(id)) continue;
        seen.add(id);
        const mine = wordWeight(weights[c]!, id) / norms[c]!;
        let others = 0;
        for (let o = 0; o < weights.length; o++) if (o !== c) others = Math.max(others, wordWeight(weights[o]!, id) / norms[o]!);
        evidence += Math.max(0, mine - others);
      }
      // Two claims of one instrument nearly tied on a piece ("the Commission can fine from 2 August 2026" is in
      // both AI Act duties' statements): the one the whole sentence states best keeps it (`splitTieMargin`).
      const held = owner[k]!;
      const tied =
        held >= 0 &&
        t.splitTieMargin > 0 &&
        Math.abs(evidence - ownerEvidence[k]!) < t.splitTieMargin &&
        groupOf(index.claims[claims[held]!.claimIndex]!) === groupOf(claim) &&
        judged.features.best !== claims[held]!.features.best;
      if (tied ? judged.features.best > 0 : evidence > ownerEvidence[k]! + 1e-9) {
        ownerEvidence[k] = evidence;
        owner[k] = c;
      }
    }
  });
  // Clauses carrying no claim's words join the claim before them (or after, at the start).
  const minimum = t.locateShare * 0.1;
  for (let k = 0; k < pieces; k++) if (ownerEvidence[k]! < minimum) owner[k] = -1;
  // "…reviews before internal deployments, not only before external launches": a contrasting tail
  // says nothing of its own; whatever it shares with another claim, it belongs to the clause before it.
  if (t.contrastTailJoins > 0) for (let k = 1; k < pieces; k++) if (CONTRAST_TAIL.test(piece(k))) owner[k] = -1;
  // "Published on 10 July", "since 2 August 2026": a date with a word or two states no claim of its own
  // (the dates the AI Act's general and systemic-risk duties, and the Code, share); it goes with its neighbour.
  if (t.dateClauseJoins > 0) for (let k = 0; k < pieces; k++) if (datesOnly(pieceContent[k]!, t.dateClauseJoins)) owner[k] = -1;
  for (let k = 1; k < pieces; k++) if (owner[k] === -1) owner[k] = owner[k - 1]!;
  for (let k = pieces - 2; k >= 0; k--) if (owner[k] === -1) owner[k] = owner[k + 1]!;
  // "If every rival can show its risk is contained, it will match their safeguards": the condition is
  // part of the clause it leads to, whichever claim's words it carries (from the end: a condition may
  // lead to a condition).
  if (t.conditionJoins > 0) for (let k = pieces - 2; k >= 0; k--) if (CONDITION_OPENS.test(piece(k))) owner[k] = owner[k + 1]!;
  if (t.introJoins > 0) {
    // The sentence's opening framing, however many pieces: it belongs to the first piece that is not framing.
    let main = 0;
    const framing = (k: number) => opensAsFraming(piece(k), pieceContent[k]!, t.dateClauseJoins);
    while (main < pieces - 1 && framing(main)) main++;
    for (let k = 0; k < main; k++) owner[k] = owner[main]!;
    // "High- and critical-risk models, it adds, will be deployed only with …", "…, under the new text, are
    // deployed …": a subject cut off from its verb by a reporting or framing aside goes with the predicate
    // that says something of it.
    // (The aside may be a piece of its own or, too short for one, the start of the predicate's.)
    let predicate = 1;
    while (predicate < pieces - 1 && (REPORTING_ASIDE.test(piece(predicate)) || framing(predicate))) predicate++;
    const whole = predicate < pieces ? piece(predicate) : '';
    const rest = whole.replace(REPORTING_ASIDE_LEAD, '');
    const aside = predicate > 1 || rest.length < whole.length;
    if (main === 0 && aside && PREDICATE_OPENS.test(rest) && !FINITE_VERB.test(piece(0))) {
      for (let k = 0; k < predicate; k++) owner[k] = owner[predicate]!;
    }
  }
  // A second claim keeps its clauses only if they say it on their own (not one stray shared word).
  // A claim that was not accepted on the whole sentence (secondary) must be accepted on its clauses.
  for (let c = 1; c < claims.length; c++) {
    const mine = pieceContent.filter((_, k) => owner[k] === c).flat();
    if (mine.length === 0) continue;
    const judged = claims[c]!;
    const terms = termsOf(h, mine);
    const l = lexical(h, judged.claimIndex, terms);
    let keep = Math.max(l.score, l.facet * Math.min(1, l.facetMass * 2)) >= t.locateShare;
    if (keep && judged.secondary) {
      const gates = gateShare(h, judged.claimIndex, terms);
      const features = setWordFeatures({ ...judged.features, best: 1, gap: 0 }, l, gates);
      const decision = accepts(features, t, model);
      keep = decision.accepted || (t.decider !== 'rules' && !vetoed(features) && decision.probability >= t.secondaryRunShare * t.modelThreshold);
    }
    if (!keep) for (let k = 0; k < pieces; k++) if (owner[k] === c) owner[k] = -1;
  }
  for (let k = 1; k < pieces; k++) if (owner[k] === -1) owner[k] = owner[k - 1]!;
  for (let k = pieces - 2; k >= 0; k--) if (owner[k] === -1) owner[k] = owner[k + 1]!;
  const owners = new Set(owner.filter((o) => o >= 0));
  if (owners.size <= 1) {
    const owned = owners.size === 1 ? claims[[...owners][0]!]! : claims[0]!;
    // A secondary claim never takes the whole sentence from the claim that was accepted.
    const only = owned.secondary ? claims[0]! : owned;
    return [{ claimIndex: only.claimIndex, score: only.score, start: unit.start, end: unit.end }];
  }
  const spans: Array<{ claimIndex: number; score: number; start: number; end: number }> = [];
  for (let k = 0; k < pieces; ) {
    let e = k + 1;
    while (e < pieces && owner[e] === owner[k]) e++;
    const judged = claims[owner[k]!]!;
    // Trim the clause's delimiter and spaces so the highlight hugs the words.
    let s = cuts[k]!;
    let end = cuts[e]!;
    while (s < end && /[\s,:;–—]/.test(text[s]!)) s++;
    while (end > s && /[\s,:;–—]/.test(text[end - 1]!)) end--;
    const tail = /\s+(?:and|while|but|whereas)$/.exec(text.slice(s, end));
    if (tail) end -= tail[0].length;
    if (end > s) spans.push({ claimIndex: judged.claimIndex, score: judged.score, start: s, end });
    k = e;
  }
  return spans;
}

/** A preposition or subordinator that opens a sentence's framing ("In…", "Under…", "When…", "According to…"); a temporal one is the second group. */
const FRAMING_OPENS = /^[\s,;:–—]*(?:(?:in|under|on|at|by|for|with|without|following|according\s+to|as\s+of|through|throughout|within|upon|during|despite|given|beyond|besides|unlike|like|per|because|although|though|whereas)|(when|whenever|while|once|after|before|since|as|until))\b/i;
/** A document's release ("published", "released", "unveiled"): in a temporal clause, when something happened, not what was promised. */
const RELEASE_VERB = /\b(?:publish(?:es|ed)|releas(?:es|ed)|issu(?:es|ed)|unveil(?:s|ed)|updat(?:es|ed)|revis(?:es|ed)|adopt(?:s|ed)|announc(?:es|ed)|rewr(?:ote|ites))\b/gi;
/** Who reports and the verb, in a reporting aside ("it adds", "Acme AI says", "the framework states"). */
const REPORTER_AND_VERB = String.raw`^[\s,;:–—]*(?:it|he|she|they|the\s+\S+|\p{Lu}[\p{L}\p{N}.&-]*(?:\s+\p{Lu}[\p{L}\p{N}.&-]*){0,3})\s+(?:says|said|adds|added|notes|noted|writes|wrote|states|stated|explains|explained)`;
/** A reporting aside set off by commas, a piece of its own ("it adds,"). */
const REPORTING_ASIDE = new RegExp(String.raw`${REPORTER_AND_VERB}[\s,;:–—]*$`, 'u');
/** The same aside leading a piece it was too short to stand apart from ("Acme AI says, are developed …"). */
const REPORTING_ASIDE_LEAD = new RegExp(String.raw`${REPORTER_AND_VERB}\s*,\s*`, 'u');
/** A predicate that opens with its verb ("will be deployed …", "are developed …"): what comes before it is its subject. */
const PREDICATE_OPENS = /^[\s,;:–—]*(?:is|are|was|were|will|would|must|shall|may|can|could|should|has|have|had|remain|remains|stay|stays|need|needs)\b/i;
/** A participle that opens a parenthesis ("released in February 2025,", "published on 10 July,"). */
const PARTICIPLE_OPENS = /^[\s,;:–—]*\p{Ll}+ed\s+(?:in|on|by|at|from|last|this|earlier)\b/u;

/**
 * Whether a piece of a sentence is framing that waits for the main clause: a phrase or subordinate clause
 * led by a preposition or subordinator with no verb of commitment or report of its own ("In its first
 * scaling policy,", "Under the new framework,"; a piece that has one, "In July 2025 it declined to sign",
 * "When it dropped the pledge", says something itself; a document's release in a temporal clause, "When
 * it published version 2.0 in February 2025,", only says when), a participle's parenthesis ("released in
 * February 2025,"), or a date with a word or two.
 */
function opensAsFraming(piece: string, content: readonly Content[], dateWords: number): boolean {
  const opens = FRAMING_OPENS.exec(piece);
  if (opens) return !FINITE_VERB.test(opens[1] ? piece.replace(RELEASE_VERB, '') : piece);
  return PARTICIPLE_OPENS.test(piece) || (dateWords > 0 && datesOnly(content, dateWords));
}

/** A subject that takes up what the sentence before stated ("These duties …", "Those rules …", "The same obligations …"). */
const DEMONSTRATIVE_SUBJECT = /^\W*(?:these|those|such|the\s+same)\s+(?:\S+\s+)?(?:duties|obligations|rules|requirements|measures|commitments|pledges|provisions|promises)\b/i;

/** Whether `unit` is the rest of the sentence `before` ends with a semicolon (one paragraph). */
function continuesAfterSemicolon(text: string, before: TextUnit, unit: TextUnit): boolean {
  if (before.block !== unit.block) return false;
  let end = before.end;
  while (end > before.start && isSpace(text.charCodeAt(end - 1))) end--;
  return text.charCodeAt(end - 1) === 0x3b;
}

/** A clause that only contrasts with the one before it ("not only before launch", "rather than …"). */
const CONTRAST_TAIL = /^[\s,;:–—]*(?:not\s+(?:only|just|merely|simply)|rather\s+than|instead\s+of)\b/i;

/**
 * A clause that opens a condition still waiting for what it conditions: it starts with (or, after a
 * reporting verb or an opening phrase such as "Under the new text,", continues with) "if", "where",
 * "unless", "once"…, and the cut ends it.
 */
const CONDITION_OPENS = /^[\s,;:–—]*(?:(?:under|in|according\s+to|by|with|for)\s+(?:[^\s,;:]+\s+){0,5}?[^\s,;:]+,\s*)?(?:(?:and|but|so|then|that|(?:\S+\s+){0,6}?(?:says?|said|states?|stated|provides?|promises?|promised|commits?|committed)\s+that)\s+)?(?:if|where|unless|once|whenever|should|provided\s+that)\b/i;

/** Words a clause needs on each side of a cut: "OpenAI and Anthropic let…" is one clause, not two. */
const MIN_CLAUSE_WORDS = 3;
/**
 * What joins the names of a list ("OpenAI and Anthropic", "Google, Microsoft"): two names with only this
 * between them are one noun phrase, never two actors' clauses ("… signed agreements with OpenAI and |
 * Anthropic in August 2024 giving the government access …" left neither half both parties).
 */
const NAME_LIST_JOIN = /^\s*(?:,\s*)?(?:(?:and|or|&)\s+)?$/;
/** A word as clausesOfSeveralActors counts them (global: each use resets it). */
const CLAUSE_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Where a sentence about several actors divides into their clauses ("California now requires …, and
 * the EU applies …"; "Google signs …, xAI signs … and Meta says no"): the last clause break between
 * two mentions of different actors, when both sides are real clauses. Each clause is then judged with
 * its own actor. One pass over units and mentions.
 */
function clausesOfSeveralActors(text: string, doc: SegmentedDocument, known: readonly Mention[], phraseAndJoins: boolean): number[] {
  const cuts: number[] = [];
  let m = 0;
  // Words that are neither stop words nor part of a name: a clause has some ("Elon Musk's xAI and" has none to speak of).
  let names: Uint8Array | undefined;
  // Whether text[from, to) has MIN_CLAUSE_WORDS such words (counting stops there: a unit's rest can be long).
  const isClause = (from: number, to: number): boolean => {
    if (!names) {
      names = new Uint8Array(text.length);
      for (const mention of known) names.fill(1, mention.start, mention.end);
    }
    let count = 0;
    const slice = text.slice(from, to);
    CLAUSE_WORD.lastIndex = 0;
    for (let match = CLAUSE_WORD.exec(slice); match; match = CLAUSE_WORD.exec(slice)) {
      if (STOP_WORDS.has(match[0].toLowerCase()) || names[from + match.index] === 1) continue;
      if (++count >= MIN_CLAUSE_WORDS) return true;
    }
    return false;
  };
  for (const unit of doc.units) {
    while (m < known.length && known[m]!.start < unit.start) m++;
    let previous: Mention | undefined;
    let clauseStart = unit.start;
    for (let k = m; k < known.length && known[k]!.start < unit.end; k++) {
      const mention = known[k]!;
      if (mention.actors.length === 0) continue;
      if (previous && !mention.actors.some((a) => previous!.actors.includes(a))) {
        const between = text.slice(previous.end, mention.start);
        if (NAME_LIST_JOIN.test(between)) {
          previous = mention;
          continue;
        }
        let cut = -1;
        CLAUSE_BREAK.lastIndex = 0;
        for (let match = CLAUSE_BREAK.exec(between); match; match = CLAUSE_BREAK.exec(between)) {
          if (phraseAndJoins && joinsPhrase(text, previous.end + match.index, match[0], unit.start, unit.end)) continue;
          const after = previous.end + match.index + match[0].length;
          if (phraseAndJoins && match[0].trim() === 'and' && IN_EXAMPLE_LIST.test(text.slice(unit.start, previous.end + match.index))) continue;
          if (phraseAndJoins && EXAMPLE_LIST_OPENS.test(text.slice(after, after + 16))) continue;
          cut = after;
        }
        // "The Center …, successor to the AI Safety Institute, extends its agreements to Google DeepMind":
        // what follows the break is the predicate of the subject before it, not a clause of the next actor.
        if (cut > clauseStart && isClause(clauseStart, cut) && isClause(cut, unit.end) && !VERB_AND_OBJECT_OPENS.test(text.slice(cut, cut + 40))) {
          cuts.push(cut);
          clauseStart = cut;
        }
      }
      previous = mention;
    }
  }
  return cuts;
}

/** For tests and tools: the feature names in order. */
export { FEATURE_NAMES };
