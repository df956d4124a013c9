/**
 * Every number the matcher decides with, in one place. `npm run eval -- --sweep NAME=a,b,c` re-runs an
 * evaluation once per value (see lib/match/README.md, "Tunables and the sweep"); `matchClaims` takes
 * overrides through its options, so nothing here needs editing to try a value.
 *
 * Three groups: the decision (threshold and the hand-set rule's cut-offs), discourse (how far a
 * subject carries), and bounds (what keeps work linear whatever a page holds).
 */
import { MODEL_THRESHOLD } from './model-threshold';
import { GATE_THRESHOLD } from './unit-gate';

export interface Tunables {
  /* ---------- Decision ---------- */
  /**
   * 'model': the logistic model in data/match-model.json decides (its probability against
   * `modelThreshold`). 'rules': the hand-set rule below decides. 'either': a highlight when either
   * accepts. All see the same features and share the vetoes.
   */
  decider: 'model' | 'rules' | 'either';
  /** Probability the logistic model must give for a highlight. */
  modelThreshold: number;
  /** Model: probability a candidate missing one of its claim's key-term groups needs (see model.ts `meetsModelFloors`). */
  ungatedThreshold: number;
  /** Model: 1 holds headings to `headingScore` as the rule does; 0 lets the model judge them alone. */
  modelHeadingRule: number;
  /** Model: focus below which only a strong score (or a distinctive name) is accepted. */
  modelMinFocus: number;
  /**
   * 1: a heading names what a claim is about unless it names the claim's actor as a subject: a claim's
   * distinctive name counts in a heading ("Google revises its AI Principles"), and a headline takes
   * the claim of the sentence under it, only then, not when the actor is only an owner ("OpenAI's
   * Frontier Governance Framework", "Anthropic's Risk Reports, explained") or not named. 0: any heading.
   */
  headingNeedsSubject: number;
  /** Frame strength at which a claim's distinctive name in a full sentence is accepted whatever the model says; 0: off. */
  namedFrame: number;
  /**
   * The unit gate (unit-gate.ts, data/unit-gate.json): a highlight whose unit the gate gives a
   * probability under this of asserting anything (a headline, link text, a dateline, background, someone
   * else's words) is dropped. Default: the threshold trained with the gate; 0: off.
   */
  unitGate: number;
  /** Rules: score (share of a typical phrasing covered) a unit needs when its frame is only inherited. */
  ruleScore: number;
  /** Rules: coverage of the claim's best facet (one duty, one clause of the statement) that counts instead. */
  ruleFacet: number;
  /** Rules: share of the unit's distinctive content that must belong to the claim (below `strongScore`). */
  minFocus: number;
  /** Evidence this strong needs no focus (a sentence that says the claim fully may say more). */
  strongScore: number;
  /** A capitalised distinctive name ("Frontier Safety Roadmaps") counts as this much score. */
  keyPhraseScore: number;
  /** Headings and captions state topics: a heading needs this much score to be highlighted. */
  headingScore: number;
  /**
   * Model: the score a headline written as a sentence needs instead of `headingScore`, when its subject
   * is the claim's actor or law and it has a finite verb ("OpenAI says it may relax safety requirements
   * if a competitor releases a high-risk model"), as front pages and digests state claims; 0: off.
   */
  headlineSentenceScore: number;
  /**
   * Model: 1 lets such a headline meet that score with the words of one of the claim's facets, whole, and
   * every key-term group ("Claude stays ad-free": three words score little against long phrasings, yet
   * say all of one thing the claim says); 0: the score alone.
   */
  headlineWholeFacet: number;
  /** 1: each half of a headline split by a colon is judged as a headline of its own (`headlineHalves`); 0: off. */
  headlineHalves: number;
  /**
   * 1: a heading whose few words after a colon have a finite verb reads as a sentence ("Anthropic: Claude
   * will stay ad-free"); 0: any heading of at most four words after a colon is a topic label.
   */
  colonSentence: number;
  /**
   * A headline naming a claim's actor takes the claim the sentence right under it states, if it carries
   * this much of one of the claim's facets ("Google signs, with a warning" over "Google said it would
   * sign the code"); 0: off.
   */
  headlineFacet: number;
  /**
   * 1: a headline naming its actor, with a finite verb, is also carried by the first sentence under it when that
   * sentence states the claim in its opening clause only ("Meta has publicly rejected the EU's code …, escalating
   * tensions …"); 0: only when the whole sentence does. (A topic line, "EU obligations for general-purpose AI
   * models", is carried by whole sentences only.)
   */
  headlineFromClause: number;
  /**
   * How many blocks under a headline (in its section) the first sentence stating a claim the headline carries may be,
   * for the headline to take that claim (`headlineFacet`); 1: only the block right under it.
   */
  headlineReach: number;
  /** The share of a facet a headline must carry to take a claim stated further down than the block right under it (`headlineReach`). */
  headlineReachFacet: number;
  /**
   * 1: a one-sentence heading whose subject is "They" or "It" (a listicle's "1 They promised to red-team
   * models before release") is such a headline for whoever the sentence right under it is about: it
   * takes the claim that sentence states, on the same `headlineFacet` terms. 0: only headlines naming the
   * claim's actor do.
   */
  pronounHeadline: number;
  /**
   * 1: a short first sentence of a paragraph or item ("Italy's national AI law.") is a label when a
   * later sentence of the same block states the same claim: only the later one is highlighted. 0: off.
   */
  labelYields: number;
  /**
   * A short sentence naming a claim's actor, with a term of some of the claim's key-term groups and no
   * instrument named, meets the other groups with the sentence before it in the same block: its verb's
   * object is that sentence's ("… the Code of Practice … Meta, famously, declined to sign."). At most
   * this many content words; 0: off.
   */
  elidedKeyTerms: number;
  /**
   * A sentence of at most `elidedKeyTerms` content words naming the claim's actor as its subject, and no document,
   * meets the key-term groups its document's names meet when that document is in view at least this strongly
   * ("… the code … Meta said last month it would not sign."), and states the claim with `elidedDocumentFocus`
   * of its words the claim's (`elidedDocumentStates`). 0: off.
   */
  elidedDocument: number;
  /** The share of such a sentence's IDF mass the claim's words must hold (its `focus`), 0..1. */
  elidedDocumentFocus: number;
  /**
   * 1: a sentence that names the claim's actor and its own document (a code, declaration or agreement one signs or
   * stays out of), and meets some key-term group with its own words, meets too the groups that document's names meet
   * (`instrumentGroupsOf`): "Meta refuses to sign EU AI Code" says "code", though a known name's words are not the
   * sentence's terms (they must not lift its lexical score). 0: off.
   */
  namedDocumentKeyTerms: number;
  /**
   * 1: a coalition's claim (the Seoul signatories' halt pledge) reached only through a member named in
   * the sentence yields to that member's own claim accepted on the same sentence (Amazon's framework
   * states Amazon's own pledge). 0: both are kept.
   */
  memberOwnClaimFirst: number;
  /**
   * 1: a coalition's claim about an instrument (what the Code of Practice's signatories commit to) yields,
   * in a unit that does not name the coalition, to another actor's claim about the same instrument accepted
   * there (Google signing the Code, Meta declining it, xAI signing one chapter): the sentence is about that
   * actor's stance on the instrument, which the actor's claim says. 0: both are kept.
   */
  actorStanceFirst: number;
  /**
   * A coalition's claim reached through one member that has its own claim on the same instrument ("For
   * Google, signing means committing to all three chapters") is the member's: the coalition's claim yields, and
   * the member's claim takes the sentence when its own words score at least this share of the coalition
   * claim's (else neither has it). 0: off.
   */
  memberClaimTakesOver: number;
  /**
   * 1: a law's claim (a government's or legislature's duty under a statute) accepted on a sentence whose
   * subject is a company with its own claim accepted there yields to it: "The company designates the document
   * as its frontier AI framework for the purposes of SB 53" says what the company did under the law. 0: both kept.
   */
  companyUnderLawFirst: number;
  /**
   * 1: two of one actor's claims accepted on a sentence, one of them named there by its document's distinctive
   * name and the other's document not in view at all: the named one's. "Anthropic has released its Frontier
   * Compliance Framework to meet California's new AI transparency law" is about that framework, not about the
   * transparency its Responsible Scaling Policy promises. 0: both kept.
   */
  namedInstrumentFirst: number;
  /**
   * 1: `namedInstrumentFirst` spares a claim that no longer holds (withdrawn, superseded, lapsed) when the
   * sentence says something was dropped or replaced ("Version 3.0 introduced public Frontier Safety Roadmaps …,
   * but also drew criticism for removing a prior commitment to pause model training …"): the old document is
   * out of view because it is gone, and the sentence states both the new one and the end of the old promise;
   * the split gives each its clause. 0: the named document's claim alone, as before.
   */
  endedClaimStands: number;
  /** How strongly a unit must be about an actor not named in it (by reference: "the company", "it") for `actorStanceFirst`. */
  stanceActor: number;
  /**
   * Two claims of one instrument both accepted on a sentence: the one the context (the sentence before,
   * the heading, the lead-in) states by at least this much more keeps it, unless the other's evidence is
   * this much stronger. 0: both are kept.
   */
  contextTieBreak: number;
  /**
   * A collective anaphor ("the signatories", "those companies") refers to the coalition named last when it
   * was named at most this many UTF-16 units before, not to the one named most often on the page. 0: most often.
   */
  collectiveRecency: number;
  /**
   * 1: within `collectiveRecency`, a collective anaphor refers to the coalition last named as such (by its name
   * or its instrument's) before one a single member stands for ("16 companies signed the Frontier AI Safety
   * Commitments … AI Risk Thresholds to Be Decided in France … These organizations vowed …": France, a
   * Bletchley signatory, is where, not who). Members alone still name a coalition when none was named as such.
   * 0: the coalition with the last evidence of any kind.
   */
  collectiveNamedFirst: number;
  /**
   * An anaphor ("the bill", "the company") may refer to what its own unit names before it, not only to what
   * earlier units named: "the RAISE Act …, per the bill summary" is RAISE's summary. 0: earlier units only.
   */
  anaphorSeesOwnUnit: number;
  /**
   * A heading-like line of only dates and numbers (a table row's "1 January 2027" beside the law it dates)
   * keeps the heading scope before it instead of starting a section that names nothing. 0: it ends the scope.
   */
  dateLineKeepsScope: number;
  /**
   * A sentence naming at least this many actors the claim set knows (a list of signatories: "Amazon, Anthropic,
   * Cohere, Google, …") hands on to the sentences after it only the groups those members make up, and its documents:
   * "Crucially, they agreed not to develop or deploy a model at all …" two sentences on is the coalition's pledge,
   * not that of whichever member had the strongest words (Microsoft's own pause). 0: every member is handed on.
   */
  listCarriesGroup: number;
  /**
   * A sentence whose subject takes up the one before ("These duties have applied since 2 August 2025")
   * gives a claim of one instrument (or actor) the sentence before was given precedence over its siblings
   * accepted with it, unless their own words (score + facet) are this much stronger. 0: off, each is judged
   * on its own words and context.
   */
  demonstrativeFollows: number;
  /**
   * Two claims of one instrument (or, without one, of one actor) accepted on one sentence: one missing a
   * key-term group and not named by its distinctive name yields to one with every group or its name
   * present whose evidence (score + facet) is at least this much stronger. 0: both are kept.
   */
  siblingYield: number;
  /**
   * 1: two claims of one instrument accepted on one sentence whose words include a key term only one of
   * them has (its distinctive terms): the other, if it has distinctive terms and none of them is there,
   * yields when that one's evidence (score + facet) is at least as strong and has every word of the
   * sentence the other has. "…models with systemic risk … since 2 August 2025; the Commission can fine from 2 August 2026"
   * is the systemic-risk duties', not the general duties' that share the dates. 0: off.
   */
  distinctiveYield: number;
  /**
   * 1: two units a known name runs across ("The U.S." | "AI Safety Institute signs …") are one sentence;
   * 0: the segmenter's units stand.
   */
  namesJoinUnits: number;
  /**
   * 1: a unit that refers to a document by "it" or "its" before naming anything ("It is designed to sit
   * alongside the AI Act …") keeps the document the sentence before named, beside what it names itself, and
   * a document it names only to compare is no antecedent for a later "the law" (with `comparedNoAntecedent`);
   * 0: what it names replaces it.
   */
  pronounKeepsDocument: number;
  /**
   * 1: "a"/"an" before the noun of an order, treaty, declaration or plan with a date ("An executive order signed
   * in December directed …", "a June 2026 order") names the instrument of that class and date, as "the" does (not
   * a law, framework or code: "a bill introduced in June" is a new one, "a framework published in May 2026 by
   * Tessellate AI" anyone's); 0: an indefinite refers to nothing.
   */
  datedIndefinites: number;
  /**
   * 1: a company's own document named ("Anthropic's RSP 3.0", "the Preparedness Framework") is what a later
   * "the company" or "the firm" refers back to, as the company's own name would be; 0: only names of
   * companies are.
   */
  documentNamesOwner: number;
  /**
   * 1: "the company" after a heading that names nobody, its last antecedent named before that heading, is the
   * document's dominant company when it has one ("Microsoft made a similar pledge." closing one card of a
   * scorecard of Anthropic's promises, then "3. Keeping old models' weights" and "… kept for the lifetime of
   * the company"); 0: the company named last, whatever section it was named in.
   */
  sectionCompanyDominant: number;
  /**
   * 1: a list item under a lead-in about a coalition ("They promised to:") that refers to one of its members by
   * "the company" and names nobody ("red-team their systems before release, inside the company and out") is
   * still the coalition's; 0: the member the anaphor resolves to is all the item is about.
   */
  memberAnaphorKeepsCollective: number;
  /**
   * 1: a unit that names a jurisdiction the claim set does not know (a US state, a country outside the EU:
   * `JURISDICTION_NAMES`), and neither a law's claim's actor nor its law, is no claim of that law ("Even so, a
   * coalition of Democrats in Minnesota has drafted a bill that would require developers … to use reasonable care"
   * on a page about Colorado's Act); 0: such names are read as any other word.
   */
  otherJurisdictions: number;
  /**
   * 1: a table row whose first cell names an organisation the claim set does not know is that organisation's even
   * when a later cell names a document the set knows ("Norvane Cloud | Frontier Model Safety Framework | No deployment
   * above risk thresholds without appropriate safeguards": a start-up's copy of Amazon's title); 0: a known document
   * in the row makes it its owner's.
   */
  foreignRowOverDocuments: number;
  /**
   * 1: `otherFieldLawVeto` holds whenever the unit does not name the claim's law, however strongly the sentences before
   * carry it ("The complaint does not touch Colorado's older insurance statute, SB 21-169, which requires insurers …"
   * on a page about Colorado's AI Act); 0: only when the claim's law is not in view at all.
   */
  otherFieldLawOverInherited: number;
  /**
   * 1: a short line in a run of short lines under a heading (a page's headline between its kicker and its byline:
   * "Comparison", "Side by side: California's SB 53 and New York's rewritten RAISE Act", "By …") is held to the
   * topic-label veto's separator test ("EU AI Act: Obligations for General-Purpose AI Providers"), not to its
   * verbless-line test (`topicLabelVeto` 2); 0: only headings are held to it.
   */
  shortRunTopicLabels: number;
  /**
   * 1: a table row's first cell of a few words ending in -s is a plural noun naming the row ("Critical safety
   * incidents", "Transparency reports"), held to the short-label veto; 0: a lowercase word in -s may be a headline's
   * verb there too, and keeps the cell.
   */
  rowLabelPlurals: number;
  /**
   * 1: of two actors or instruments a page names as often (and more than anything else), the one it names
   * first, in its headline most often, is its subject (`dominantMentions`); 0: a tie makes no subject.
   */
  dominantTieFirstNamed: number;
  /**
   * How many mentions an actor or instrument the page's title names counts for, towards the page's subject
   * (`dominantMentions`): a podcast transcript titled "… Anthropic's other promises" names Anthropic once in
   * its text and OpenAI twice, in an aside, and every later "they" went to OpenAI. 0: the title is not read for it.
   */
  titleSubjectMentions: number;
  /**
   * 1: a known name is matched only within one block ("Meta" in a table's first cell and "Frontier AI
   * Framework" in the next are two names, not the alias "Meta Frontier AI Framework"); 0: across blocks.
   */
  namesStayInBlock: number;

  /**
   * 1: the quantity veto (`quantityVeto`) spares a claim whose own document the unit names; 0: it applies
   * to every claim.
   */
  namedInstrumentOverQuantity: number;
  /**
   * 1: a claim judged on a clause, missing one of its key-term groups there and not named by its distinctive
   * name, does not take the clause when a claim of its instrument was accepted on the whole sentence named
   * by its distinctive name, or when none of its own distinctive key terms is anywhere in the sentence
   * (the clause-by-clause form of `siblingYield`). 0: off.
   */
  clauseSiblingYield: number;
  /**
   * A claim judged on a clause of a sentence that another claim was accepted on whole does not get the
   * clause when the whole sentence's claim covers it, by one of its facets (a clause of its statement or
   * a phrasing), at least this many times as well as the clause's claim does: "The statute also bars
   * false statements about risk and, for large developers, about how they implement their frameworks"
   * is one duty whose statement names the framework, not a second duty in its last clause. 0: off.
   */
  clauseFacetExplained: number;
  /**
   * A law (or other instrument) of another actor framing a unit this much more strongly than a claim's own
   * actor and instrument do, the claim's instrument not named in the unit, takes the unit from it: the items
   * under "What the RAISE Act requires" are New York's duties, not California's SB 53 ones they share
   * words with. 0: off.
   */
  rivalInstrumentMargin: number;
  /**
   * 1: a law's claim whose law is not in view, only its jurisdiction (carried from a comparison, "the rewrite
   * brought New York closer to California"), in a unit under another jurisdiction's law in view with its
   * jurisdiction at least as strongly, is not that law's claim: the duties listed under "New York: the RAISE
   * Act" are New York's. 0: off.
   */
  rivalLawOverJurisdiction: number;
  /**
   * 1: in that comparison a claim's actor counts only when the unit names it; otherwise only the claim's
   * own instrument does. "Under the amended Act, a large developer must publish a framework" on a page
   * about New York's RAISE Act is not California's SB 53 because California is the page's most-named
   * state: the law in view decides, the jurisdiction only when named. 0: the actor's frame counts however
   * it was reached.
   */
  rivalNeedsOwnLaw: number;
  /**
   * 1: a unit saying that something was not said ("declined to comment on whether…", "has not said whether…",
   * "look for whether…") reports an open question, not a claim. 0: judged as any other.
   */
  unsaidVeto: number;
  /**
   * 1: a unit opening with the writer's doubt ("Also I don't think Anthropic ever promised to keep the weights
   * of old models", "I doubt …") denies or questions what it goes on to say: no claim. 0: judged as any other.
   */
  writerDoubtVeto: number;
  /**
   * 1: advice to the reader ("Clients … should assume …", a checklist item opening "designate …",
   * "prepare …") states no claim (match-claims.ts ADVICE), but for a table cell in a row whose earlier cells
   * name a known actor or instrument ("OpenAI | Preparedness Framework | Review the framework … once a year":
   * `UnitDiscourse.rowNamed`). 0: judged as any other.
   */
  adviceVeto: number;
  /** 1: a unit opening with "Whether" ("Whether other labs follow Meta …") leaves the matter open: no claim. 0: judged as any other. */
  openQuestionVeto: number;
  /**
   * A label of at most this many words and no verb names a topic: no claim. A label is a heading, a line of
   * its own without closing punctuation (a section kicker "Interviews", a table's row label) or the run-in
   * label opening a list item ("Incident reporting."). 0: judged as any other.
   */
  shortLabelVeto: number;
  /**
   * 1: a line of its own without closing punctuation or a verb that names a document and its topic or
   * date, as a table's row label or a section title does: "SB 53 (TFAIA) — transparency reports",
   * "New York RAISE Act (as rewritten, March 2026)", a podcast's chapter marker of a few words ("Meta and
   * open weights (41:50)") or an explainer's title ("… RAISE Act: What Frontier AI Developers Need to Do")
   * (match-claims.ts `isNamingLabel`): no claim. 0: judged as any other.
   */
  namingLabelVeto: number;
  /**
   * 1: a fact-check's line quoting the claim it checks ("Claim 2: \"Google promised …\"", a numbered heading
   * that is one short quotation, "1. \"Google promised it would never build AI for weapons.\"") states no
   * claim. 0: judged as any other.
   */
  checkedClaimVeto: number;
  /**
   * 1: a sentence about the page itself ("This brief summarises the positions of three providers …",
   * "The purpose of this session was narrower: …", "This alert focuses on incident reporting") says what
   * the page will do, not what an actor committed to (match-claims.ts META_TEXT). 0: judged as any other.
   */
  metaTextVeto: number;
  /**
   * 1: a correction notice ("An earlier version of this article said that Anthropic's current policy requires …",
   * "Correction: a previous version of this story misstated …") says what the page wrongly said, not what an actor
   * committed to (match-claims.ts CORRECTION_NOTICE). 0: judged as any other.
   */
  correctionVeto: number;
  /** 1: a unit whose subject is a rumour ("Street chatter that META will …", "OpenAI is rumoured to …") states no claim (`RUMOUR`). 0: off. */
  rumourVeto: number;
  /**
   * 1: a sentence denying a claim or saying it holds no longer ("It is false that …", "X has never said it will …",
   * "X no longer says it will …") states no claim the set says still holds (`deniedHere` in match-claims.ts); 0: off.
   */
  deniedClaimVeto: number;
  /** 1: a list item under a lead-in that recommends ("We recommend that legislators:") states no law's duty; 0: off. */
  recommendedItemVeto: number;
  /** 1: a unit written only in dates and numbers ("2 August 2026", "2, 2026.") states no claim. 0: judged as any other. */
  dateOnlyVeto: number;
  /**
   * A heading with no finite verb that labels its topic ("California SB 53: Whistleblower Protections")
   * states no claim. 1: labels with a colon or spaced dash; 2: any heading without a finite verb ("DeepMind
   * and the manipulation question", "From Brussels, the postponement") except a numbered one, a listicle's
   * item that says its point in a few words ("3. No ads in Claude"); 0: off. 2 against 1 on dev .. dev-34:
   * 4 fewer unlabelled highlights, no label lost (unnumbered, it lost 3).
   */
  topicLabelVeto: number;
  /** A lead-in ending in a verb whose object is the list after it ("… providers must:") states no claim itself. 0: off. */
  openLeadInVeto: number;
  /**
   * 1: a unit that states a deadline, period, sum or share some claim states and this claim never does
   * ("report incidents within 72 hours", New York's, against California's 15 days) is not this claim's
   * (quantities.ts). 0: quantities are words like any other.
   */
  quantityVeto: number;
  /**
   * 1: when a sentence is split among claims, a clause that only contrasts with the one before it ("not
   * only before external launches") goes with that clause, whatever words it shares with another claim.
   */
  contrastTailJoins: number;
  /**
   * When a sentence is split among claims, a clause made of a date and at most this many other words
   * ("Published on 10 July", "Version 2.0, released in February 2025", "since 2 August 2026") states no
   * claim of its own: it goes with the clause beside it, whatever words it shares with another claim.
   * 0: such a clause is owned like any other.
   */
  dateClauseJoins: number;
  /** 1: a dateline ("Thursday 22 January 2026") counts as written in dates only (weekday names are date words). 0: weekdays are words. */
  weekdayDates: number;
  /**
   * 1: a person introduced indefinitely as the subject ("One executive at a rival lab …", "A spokesperson for
   * one signatory …", "One official of the ministry said …") is someone else speaking, unless a known actor
   * is named right after the person ("A spokesperson for Acme said …"). 0: only indefinite organisations are.
   */
  indefinitePerson: number;
  /**
   * 1: when a sentence is split among claims, a condition that opens it ("If every rival can show its risk
   * is contained", "…says that if a model reaches the critical threshold") goes with the clause that
   * completes it, whatever words it shares with another claim: a condition states nothing alone.
   */
  conditionJoins: number;
  /**
   * 1: when a sentence is split among claims, what opens it before its main clause (a phrase led by a
   * preposition without a verb of its own, "In its first scaling policy,", "Under the new framework,"; a
   * subordinate clause, "When it published version 2.0 in February 2025,"; a participle or a date,
   * "released in February 2025,") frames the main clause and goes with it, whatever words it shares with
   * a neighbouring claim. 0: it goes to the claim whose words it carries.
   */
  introJoins: number;
  /** Once a sentence is known to state claims, a clause needs this share of its score to carry one of them. */
  locateShare: number;
  /**
   * 1: in a sentence naming several actors, a clause too short to stand alone that names an actor and says
   * something of it keeps its cut ("Google signs the code, Meta stays outside"); 0: it joins its neighbour.
   */
  actorClauseStands: number;
  /**
   * 1: a reporting verb inside a leading clause of condition, time, concession or reason ("If every rival can
   * credibly argue that …, Anthropic says …", "After critics asked …, OpenAI announced …", "Because … , it largely
   * restates rules …, said a former Air Force lawyer") does not make that clause's subject the sentence's
   * speaker; 0: the first reporting verb does.
   */
  conditionSpeaker: number;
  /**
   * 1: a reporting verb in a relative clause with a short subject ("… part of a package that critics say waters down
   * the law", "Anthropic, which analysts say has retreated, …", "models that could change what people believe")
   * speaks only inside that clause: its subject is not the sentence's speaker; 0: it is.
   */
  relativeSpeaker: number;
  /**
   * 1: a reporting verb right after "who" inside an aside set off by commas ("The startup, founded by former OpenAI
   * staffers who warned about runaway AI, has scrapped …") speaks only inside the aside, unless a reporting verb
   * follows the aside ("…, who asked not to be named, said"); 0: its subject is the sentence's speaker.
   */
  relativeAsideSpeaker: number;
  /**
   * 1: a verb of noting whose object is a noun phrase, followed by a comma and a "when" or "as" clause ("Observers
   * noted the parallel with 2023, when OpenAI promised …") reports the noun phrase only: the clause after it is the
   * writer's narration, and the sentence has no speaker; 0: its subject speaks for the sentence.
   */
  nounObjectSpeaker: number;
  /** 1: a speaker closing the sentence after a comma ("…, investors say") reports all of it, the actor named before it included; 0: it reports only its own clause. */
  trailingSpeaker: number;
  /**
   * 1: a speaker right after a closing quotation mark ('"…the White House wants to stop anyone else," said
   * Rosa Kettering') says the whole quotation, so the actor it names is not the sentence's subject. 0: a
   * known actor named before the speaker is its own clause's subject even inside quotation marks.
   */
  quotedSpeaker: number;
  /** 1: a participle of saying with nothing before it ("…, saying so publicly and …") takes no speaker from the words after it; 0: it may. */
  participleSpeaker: number;
  /** 1: a question that recalls ("Remember when OpenAI said …?") states what it recalls; 0: every question asks. */
  rhetoricalRecall: number;
  /**
   * 1: two claims of one instrument by two actors a sentence both names never yield to each other for
   * sharing words (`distinctiveYield`); 0: they may.
   */
  namedActorsKeep: number;
  /** A candidate this far below the best of its instrument in the same unit is the neighbour's vocabulary, not a second claim. */
  neighbourMargin: number;
  /** Evidence (score, or facet coverage weighed by its mass) below which a candidate is not judged at all: no decider accepts it. */
  minEvidence: number;
  /**
   * 1: the words of an instrument's name ("Code of Practice", "Transparency in Frontier AI Act") count as
   * content as well as naming it (claims use them too); 0: names are only frame evidence.
   */
  instrumentNamesAsContent: number;
  /**
   * 1: a name that is only a coalition's member (no actor, no instrument of its own: "Canada", "Uruguay") is
   * content too, so a signatory list ("Signatories include the EU, the UK, the US, Canada, Japan, Switzerland
   * and Uruguay") carries the words of the claim whose statement lists them. 0: every name is frame only.
   */
  memberNamesAsContent: number;
  /** 1: claims a whole sentence does not state are judged again on its clauses (several claims in one sentence); 0: not. */
  clauseJudging: number;
  /** Evidence a clause judged on its own needs (score, or facet coverage weighed by its mass). */
  clauseMinEvidence: number;
  /**
   * 1: a clause that ends on "to <verb> and" ("One of the policy goals on that roadmap is to develop and") is
   * judged only with the clause after it, which gives its verb an object ("publish concrete proposals …"); 0:
   * judged on its own too.
   */
  sharedObjectJoins: number;
  /**
   * 1: "and" before a word and a preposition ("a chapter on safety and security from the EU's code") joins two
   * nouns of one phrase, not two clauses: no clause cut there; 0: every "and" may cut.
   */
  phraseAndJoins: number;
  /**
   * 1: a claim's distinctive name (a key phrase: "Claude Mythos Preview") makes a sentence the claim's only
   * with one of the claim's key-term groups in it ("Claude Mythos Preview is the newest and most potent AI
   * framework from Anthropic" names the model, not its withholding); 0: the name alone.
   */
  namedNeedsKeyTerm: number;
  /**
   * In an attributed quotation ("'…,' said the director of CAISI"), a claim's distinctive name counts only when
   * the unit's words reach this lexical score or facet: a spokesperson naming the claim's actor states nothing of
   * it by that. (Indirect speech keeps the name: "Google says it will sign the EU's General-Purpose AI Code of
   * Practice" is the claim in few of its words.) 0: off.
   */
  namedSpeakerMinEvidence: number;
  /** A clause with fewer content words (names aside) than this is not judged on its own. 0: any clause. */
  clauseMinWords: number;
  /**
   * Beside a claim a sentence states, another claim with at least this share of the model's threshold
   * may take the clauses that carry it (several claims in one sentence; the split keeps it only there).
   */
  secondaryShare: number;
  /**
   * A claim not accepted on the whole sentence may still take a clause of it (see `secondaryShare`) only if
   * its evidence is within this gap of the best claim of its instrument (or actor): "Under the new text, a
   * model that reaches the critical risk threshold will continue to be developed only once …" is the new
   * framework's, not the old stop pledge's that shares its words. 0: no bound.
   */
  secondaryGap: number;
  /**
   * Splitting a sentence among claims, two claims of one instrument whose evidence on a piece differs by
   * less than this: the one with the best evidence on the whole sentence (`best`) takes it. 0: the larger
   * evidence, however small the difference.
   */
  splitTieMargin: number;
  /** With `secondaryGap`: the share of such a claim's clause score the whole sentence's claim must explain for the clause to stay the whole sentence's. */
  secondaryGapExplained: number;
  /** …and on the clauses it takes, at least this share of the threshold. */
  secondaryRunShare: number;

  /* ---------- Discourse ---------- */
  /**
   * 1: a speaker named after what they said is read with who they are, when an appositive says it ("…,"
   * said Carla Nguyen, a security researcher): a critic or researcher is an outsider. 0: the bare name
   * only, which could be anyone's.
   */
  speakerAppositive: number;
  /**
   * 1: a speaker is read past an aside set off by commas when an outsider or a spokesperson stands before it
   * ("a lobbying analyst at a rival lab, who asked not to be named, said …"), and a "who" clause after a
   * speaker's name says who they are like an appositive ("…," said Priya Rao, who studies AI audits at the
   * Hollis Institute). 0: only a known name before an aside, only "a …" appositives.
   */
  speakerAside: number;
  /**
   * 1: a unit that opens with a quotation (or inside one) whose attribution follows in the unit speaks
   * with that attribution's voice, as a unit inside a quotation does: "“A review the company's trust asks
   * for is a courtesy,” said a researcher" is the researcher's, not the trust's. 0: the unit's first
   * reporting verb, inside the quotation or not, finds its speaker.
   */
  quoteOpensUnit: number;
  /**
   * 1: a speaker placed "at a …" (a university, a think tank, a rival lab: a place the text does not name)
   * is an outsider; the claim's actor would be named. 0: only a named place the claim set does not know.
   */
  speakerAtUnnamed: number;
  /**
   * 1: a verb of saying after a modal of duty ("providers must tell users they are dealing with AI", "are
   * required to state", "shall disclose") is what the duty asks, not someone reporting: no speaker. 0: a
   * speaker like any other's.
   */
  dutyToSay: number;
  /**
   * 1: a claim's actor named only as the one another's directive tasks ("The Action Plan asked the Center for AI
   * Standards and Innovation to evaluate …", "It also tasks CAISI with …") does not frame the unit: the
   * directive is its giver's claim. Not when the claim's instrument is in view, or its actor or a party to its
   * agreement before the directive ("OpenAI gave CAISI early access"). 0: a name counts wherever it stands.
   */
  taskedNotActor: number;
  /**
   * 1: a government's name opening another organisation's ("The New York Times reported …", "Texas
   * Instruments", "the Sacramento Bee") names that organisation, one the claim set does not know. 0: the
   * place's name counts as its government wherever it stands.
   */
  placeOpensOtherName: number;
  /**
   * N >= 1: a government's name alone, none of its law in view (not named, not referred to, not carried from
   * a heading), frames a claim of its law only on a page on AI: one with N signs of it, or one per 200 words
   * of a shorter text (match-claims.ts `pageOnAi`: mentions of companies and instruments of the claim set,
   * words of `AI_TOPIC_WORDS`, pairs of `AI_TOPIC_PAIRS`; a title given as `MatchOptions.pageTitle` needs
   * one). On a page about banking, "Under the New York Department of Financial Services cybersecurity
   * regulation, covered financial institutions must notify the department of cybersecurity events within 72
   * hours" is another of New York's rules, not the RAISE Act; one passing "Microsoft Windows" or "risks
   * arising from AI" there does not make it a page on AI. 1 to 8 measure the same on every corpus; 12 loses
   * correct highlights of short wire stories. 0: the government's name frames its laws' claims on any page.
   */
  jurisdictionNeedsAi: number;
  /**
   * 1: a speaker placed at, of or with an organisation the claim set does not know, in their appositive or
   * right after their name ("…," said Raj Patel, a staff attorney at the Bay Area Tech Accountability Clinic;
   * "Cormac Delahunt of the consultancy Gridline Partners said …") is an outsider, as a "who" clause saying
   * so already makes them. 0: only a "who" clause places a speaker.
   */
  speakerAffiliation: number;
  /**
   * 1: a quotation with no attribution of its own after an attributed one in the same paragraph continues
   * that speaker's words ("“…,” said a lawyer. “Meta's refusal is a signal.”"). 0: it has no speaker.
   */
  quoteContinues: number;
  /**
   * 1: "call" after a critic, an expert, an advocate ("Detractors call the interviews a stunt", "Open-source
   * advocates called that reassuring") reports their verdict, as "say" does. 0: "call" reports only as
   * "call for"/"call on".
   */
  outsiderCalls: number;
  /** Sentences a subject carries over when the following ones name nobody (within a paragraph). */
  inheritSentences: number;
  /** Blocks (paragraphs) a subject carries into when they name nobody. */
  inheritBlocks: number;
  /** Characters back an anaphor ("the law", "the companies", "the firm") looks for what it refers to. */
  anaphorWindow: number;
  /** Blocks a lead-in sentence ending in a colon scopes (its list items). */
  leadInItems: number;
  /** A document naming an actor or instrument this often (and more than any other) is about it everywhere it names nobody. */
  dominantMentions: number;
  /**
   * 1: once a page has named two laws, "the Act" / "the statute" does not count towards the page's
   * dominant law (discourse.ts): the law named last is only a guess. 0: it counts for the law named last.
   */
  dominantLawAnaphorsUnambiguous: number;
  /**
   * 1: the document's dominant instrument is no floor under a unit that carries another instrument of its
   * class (a law beside a law) more strongly than that floor. 0: it is a floor under every unit naming nothing.
   */
  dominantYields: number;
  /**
   * The share of that floor another instrument of the class must be carried in at for `dominantYields`. 1: more
   * strongly than the floor. 0.25: a law named a paragraph before, carried in below the floor, still takes an
   * unattributed duty from the page's dominant law (precision-kinds.test.ts, `dominantYieldShare`).
   */
  dominantYieldShare: number;
  /** Strength of each kind of evidence that a unit is about an actor or instrument (named in it = 1). */
  strengthMember: number;
  strengthAnaphor: number;
  strengthLeadIn: number;
  /** Strength of what a table row's earlier cells name, in a later cell that names nothing itself. 0: off. */
  strengthRow: number;
  /**
   * Strength of what any cell of a table row names, in a cell after the first that names nothing itself
   * ("Model weight security | Signatory companies promised to invest in … | White House voluntary AI
   * commitments, July 2023": the source column names whose promise the row is). 0: off.
   */
  strengthRowAhead: number;
  /**
   * Strength a table cell reads from its column's heading when that heading names an actor or instrument
   * ("Duty | California SB 53 | New York RAISE Act": "Large developers must publish one" under the RAISE Act's
   * heading is New York's). 0: column headings scope nothing.
   */
  strengthColumn: number;
  /** A claim's actor's strength in a unit about two other parties to its agreement (`Claim.parties`), per unit of the weaker party's. 0: off. */
  strengthParty: number;
  /**
   * Whether a claim framed through its parties ranks among a unit's `maxCandidates` as if they were its actor (the
   * weaker party's frame, not `strengthParty` times it). "Both OpenAI and Anthropic have signed deals with the United
   * States government for … testing" nominates a dozen of the two labs' own claims at full strength, and the
   * testing agreements' 0.6 lost its place among the five kept. The frame the model sees is still `strengthParty`'s.
   * 0: ranked by the frame.
   */
  partyRanksAsActor: number;
  strengthHeading: number;
  strengthInherited: number;
  strengthDominant: number;
  /**
   * Strength of a name in a comparison ("borrows California's thresholds", "closer to California", "unlike
   * SB 53"): the unit, and what inherits from it, is about the other, named or not ("The RAISE Act … borrows
   * SB 53's architecture:" scopes New York's duties). It no longer counts as named in the unit. 1: off, a
   * name counts as any other.
   */
  strengthCompared: number;
  /**
   * 1: a name compared with beside a rival of its kind that the sentence names as its own is no antecedent:
   * "the statute" after "rewrote the RAISE Act, bringing it closer to California's Transparency in Frontier
   * AI Act (SB 53)" is the RAISE Act (an alias in parentheses right after a compared name is compared too);
   * "Few labs drew a bolder line than Meta. The company said …" is still Meta's. 0: the last name of its
   * kind, compared or not.
   */
  comparedNoAntecedent: number;
  /**
   * A sentence opening with "It" refers to the actor the last sentence with a named subject opened with,
   * at most this many units before (at `strengthAnaphor`), whatever the sentences between named after
   * their subjects. 0: off (it inherits only what the sentence before named).
   */
  pronounSubject: number;
  /**
   * 1: that "It" stays the last subject when the sentence names someone only after its opening (an object,
   * a relative clause); 0: any actor the sentence names replaces it.
   */
  pronounSubjectOverNames: number;
  /**
   * 1: a unit's subject is an organisation the claim set does not know when a description ("The French company
   * also said …"), or an opening "It" within `pronounSubject` units, refers to one, or when its sentence opened
   * with one ("Cohere said it would …, and that it would …"); such a unit states no claim of an actor it names only
   * in passing (with `unknownSubjectVeto`). 0: only a name at the unit's opening makes it so.
   */
  unknownSubjectCarries: number;
  /**
   * 1: a sentence that puts a duty on a kind of actor ("Developers also have to publish a transparency report …",
   * "Each of them must write, publish and follow a frontier AI framework …, and update it at least once a year") states
   * no single company's own claim it does not name (a law's duty, split at its commas, was drawn half as Anthropic's and
   * OpenAI's targets: a new user's report 55). 0: off.
   */
  genericDutySubject: number;
  /** Strength lost per sentence a subject is carried. */
  inheritDecay: number;

  /* ---------- Bounds (linear work whatever the input) ---------- */
  /** Longest unit scored; longer run-ons are cut (commas first, then blindly). */
  maxUnitLength: number;
  /** Clauses a sentence is cut into at most when several claims share it (more cuts are merged). */
  maxClauses: number;
  /** Candidate claims fully scored per unit, best bound first. */
  maxCandidates: number;
  /** How many claims whose distinctive name a unit has in capitals are kept among its `maxCandidates` whatever their bounds; 0: by bounds alone. */
  namedKeepPlace: number;
  /**
   * 1: the one claim of an instrument a unit names by the claim's own capitalised key phrase is a candidate
   * even when none of its statement's words is there ("Anthropic's Frontier Compliance Framework is an
   * enforceable document under California's SB 53": the name is the claim's subject, its words are frame);
   * 0: candidates come from shared words only.
   */
  soleInstrumentNamed: number;
  /**
   * Terms shared by more than this share of claims (and at least `commonTermMinClaims`) nominate no
   * candidates: cost follows the page, not the claim set.
   */
  commonTermShare: number;
  commonTermMinClaims: number;
  /** Distinct unknown organisation names remembered per page (a later bare "Nimbus" is the same one). */
  maxUnknownNames: number;
  /** 1: a capitalised name described as a business ("Corvex Compute, a private data-centre developer") is an organisation the claim set does not know, unless it is one it knows. 0: off. */
  describedBusinesses: number;
  /** 1: a name given as the official or full name of a document named just before ("The official name is …") is that document (`officialNameOf`). 0: an unknown-looking name is a document the claim set does not know. */
  officialNames: number;
  /** 1 (with `describedBusinesses`): a capitalised name followed by a stock ticker in brackets ("Quillon AI (QLN)") is an organisation, unless one the claim set knows. 0: off. */
  tickeredNames: number;
  /** 1 (with `billNumbers`): a cited section of a code of statutes ("Labor Code section 1102.5", "15 U.S.C. § 45") is a law the claim set does not know, unless a claim cites it. 0: off. */
  codeSections: number;
  /** 1: a document's name the claims themselves use as a kind of document (`CompiledName.generic`), after an indefinite article ("publish a Frontier AI Framework"), names that kind, not the document (`findNames`). 0: it names the document. */
  indefiniteDocuments: number;
  /** 1: a bill number or cited code section as a unit's subject holds off a law's claim unless the unit names the claim's own law; 0: unless it names the claim's law or actor. */
  lawSubjectOverActor: number;
  /** 1: a unit whose opening words name an organisation the claim set does not know, and not the claim's actor, is not the claim's (`rivalSubject`). 0: off. */
  unknownSubjectVeto: number;
  /** 1: a unit opening with a government body the claim set does not know ("The Department of War has no interest in …") states no company's claim unless it names the company (`rivalSubject`). 0: off. */
  governmentSubjectVeto: number;
  /** 1: a sentence whose own words call what it reports wrong (", which misreads the text", "got it wrong") states no claim (`MISREADING`). 0: off. */
  misreadingVeto: number;
  /** 1: a unit's subject is read past a short opening phrase of place or circumstance ("Among smaller caps, Nexora (NXRA) has adopted …"). 0: from the first word. */
  introPhraseSubject: number;
  /** 1: a unit that opens as a cross-reference ("See ASL-3, ASL-4 evaluations and Risk Report.") with no finite verb states nothing. 0: off. */
  crossReferenceVeto: number;
  /** 1: an actor's name as owner before a document's class noun names its one document of that class ("New York's law" the RAISE Act). 0: off. */
  ownedDescriptions: number;
  /** 1: a claim whose actor a sentence does not name (reached through a document in view) yields to an accepted claim of another actor the sentence names. 0: both kept. */
  namedActorFirst: number;
  /** 1: a law's claim whose law is not in view is no second claim of a sentence that surely states another law in view. 0: it may be. */
  secondaryNeedsOwnLaw: number;
  /** 1: a law noun after a topic word of another field ("the state's cybersecurity regulation", "an insurance law") names a law the claim set does not know. 0: off. */
  otherFieldLaws: number;
  /** 1: a law's claim whose law is not in view is no claim of a unit naming a law of a field its words do not speak of. 0: it may be. */
  otherFieldLawVeto: number;
  /** 1: a counted group of outsiders as subject ("Eleven House Democrats have written … urging …", "several senators") is someone else, for a company's claim. 0: off. */
  countedOutsiders: number;
  /** 1: a bill number the claims never use ("Virginia's HB 2094", "SB 1047") names a law the claim set does not know. 0: off. */
  billNumbers: number;
  /** 1: a unit opening with someone seeking something ("the European Parliament pushed for a complete ban …") is no claim of a law. 0: off. */
  soughtNotLaw: number;
  /** 1: an indefinite order, treaty, declaration or plan takes a date earlier in its sentence ("On December 11, 2025, … issued an Executive Order") as `datedIndefinites` takes one beside it. 0: off. */
  sentenceDatesIndefinite: number;
  /** 1: "an Executive Order", "the EO" written with capitals still describe an order, as in lower case. 0: capitals end the description. */
  capitalisedClassNouns: number;
  /** 1: a dated description that picks one document ("an Executive Order" of 11 December 2025) names it for later references ("the EO"). 0: only names do. */
  datedNamesDocument: number;
  /** 1: a counted group of a coalition's kind of member in a sentence dated to one coalition's instrument ("in July 2023, … seven leading AI companies") names that coalition (`withCountedCoalitions`). 0: only names and members do. */
  countedCoalitions: number;
  /** 1: a defined term's uses ("the Act" after (the "Act")) and a described coalition count toward the page's subject as names do. 0: only names count. */
  definedTermsCount: number;
  /** 1: an article named by number alone ("Article 50(2) requires …") is the law the page named it with ("Article 50 of the EU AI Act"). 0: off. */
  articleReferences: number;
  /** 1: a short name defined in brackets after a name ("the General-Purpose AI Code of Practice (the “AI Code”)") names the same thing wherever the page uses it. 0: off. */
  definedTerms: number;
  /**
   * 1: a person a page introduces with a known actor and a title ("Google chief executive Sundar Pichai", "Sam Altman,
   * OpenAI's chief executive") stands for that actor wherever the page names them again, by full name or surname
   * ("Pichai had previously stated that the company would not …"); 0: a bare person's name is anyone's.
   */
  officerNames: number;
  /** 1: a nationality between "the" and a class noun ("The French company", "the Canadian developer") keeps it a reference back; 0: a capitalised word ends it. */
  demonymAnaphors: number;
  /** Work units (token visits, posting entries, feature terms) per character, plus a fixed allowance, per call. */
  workPerChar: number;
  /** Work charged per unit judged, on top of its words (see match-claims.ts). */
  workPerUnit: number;
  workBase: number;
}

export const DEFAULT_TUNABLES: Readonly<Tunables> = Object.freeze({
  decider: 'model',
  modelThreshold: MODEL_THRESHOLD,
  ungatedThreshold: 0.55,
  modelHeadingRule: 1,
  modelMinFocus: 0.28,
  headingNeedsSubject: 1,
  namedFrame: 0.6,
  unitGate: GATE_THRESHOLD,
  ruleScore: 0.5,
  ruleFacet: 0.6,
  minFocus: 0.32,
  strongScore: 0.9,
  keyPhraseScore: 0.9,
  headingScore: 0.9,
  headlineSentenceScore: 0.3,
  headlineWholeFacet: 1,
  headlineHalves: 1,
  colonSentence: 1,
  headlineFacet: 0.15,
  headlineReach: 4,
  headlineReachFacet: 0.4,
  headlineFromClause: 1,
  pronounHeadline: 1,
  labelYields: 1,
  elidedKeyTerms: 8,
  elidedDocument: 0.4,
  elidedDocumentFocus: 0.5,
  namedDocumentKeyTerms: 1,
  memberOwnClaimFirst: 1,
  actorStanceFirst: 1,
  memberClaimTakesOver: 0.6,
  companyUnderLawFirst: 1,
  namedInstrumentFirst: 1,
  endedClaimStands: 1,
  stanceActor: 0.7,
  dateOnlyVeto: 1,
  topicLabelVeto: 2,
  openLeadInVeto: 1,
  quantityVeto: 1,
  unsaidVeto: 1,
  writerDoubtVeto: 1,
  adviceVeto: 1,
  openQuestionVeto: 1,
  shortLabelVeto: 3,
  namingLabelVeto: 1,
  checkedClaimVeto: 1,
  metaTextVeto: 1,
  correctionVeto: 1,
  rumourVeto: 1,
  deniedClaimVeto: 1,
  recommendedItemVeto: 1,
  rivalInstrumentMargin: 0.3,
  rivalLawOverJurisdiction: 1,
  rivalNeedsOwnLaw: 1,
  contextTieBreak: 0.15,
  collectiveRecency: 800,
  collectiveNamedFirst: 1,
  anaphorSeesOwnUnit: 1,
  dateLineKeepsScope: 1,
  listCarriesGroup: 5,
  demonstrativeFollows: 0.15,
  siblingYield: 0.4,
  distinctiveYield: 1,
  namesJoinUnits: 1,
  pronounKeepsDocument: 1,
  datedIndefinites: 1,
  documentNamesOwner: 1,
  sectionCompanyDominant: 1,
  memberAnaphorKeepsCollective: 1,
  otherJurisdictions: 1,
  foreignRowOverDocuments: 1,
  otherFieldLawOverInherited: 1,
  shortRunTopicLabels: 1,
  rowLabelPlurals: 1,
  dominantTieFirstNamed: 1,
  titleSubjectMentions: 2,
  namesStayInBlock: 1,
  namedInstrumentOverQuantity: 1,
  splitTieMargin: 0.05,
  clauseSiblingYield: 1,
  clauseFacetExplained: 1.4,
  contrastTailJoins: 1,
  dateClauseJoins: 2,
  weekdayDates: 1,
  indefinitePerson: 1,
  conditionJoins: 1,
  introJoins: 1,
  locateShare: 0.3,
  actorClauseStands: 1,
  conditionSpeaker: 1,
  relativeSpeaker: 1,
  relativeAsideSpeaker: 1,
  nounObjectSpeaker: 1,
  trailingSpeaker: 1,
  quotedSpeaker: 1,
  participleSpeaker: 1,
  rhetoricalRecall: 1,
  namedActorsKeep: 1,
  neighbourMargin: 2,
  minEvidence: 0.15,
  clauseJudging: 1,
  sharedObjectJoins: 1,
  phraseAndJoins: 1,
  namedNeedsKeyTerm: 1,
  namedSpeakerMinEvidence: 0.3,
  clauseMinEvidence: 0.2,
  clauseMinWords: 4,
  instrumentNamesAsContent: 0,
  memberNamesAsContent: 1,
  secondaryShare: 0.4,
  secondaryGap: 0.5,
  secondaryGapExplained: 0.7,
  secondaryRunShare: 0.8,

  speakerAppositive: 1,
  speakerAside: 1,
  quoteOpensUnit: 1,
  speakerAtUnnamed: 1,
  dutyToSay: 1,
  taskedNotActor: 1,
  placeOpensOtherName: 1,
  jurisdictionNeedsAi: 3,
  speakerAffiliation: 1,
  quoteContinues: 1,
  outsiderCalls: 1,
  inheritSentences: 3,
  inheritBlocks: 2,
  anaphorWindow: 1500,
  leadInItems: 12,
  dominantMentions: 3,
  dominantLawAnaphorsUnambiguous: 1,
  strengthMember: 0.6,
  strengthAnaphor: 0.85,
  strengthLeadIn: 0.9,
  strengthRow: 0.9,
  strengthRowAhead: 0.6,
  strengthColumn: 0.9,
  strengthParty: 0.6,
  partyRanksAsActor: 1,
  strengthHeading: 0.75,
  strengthInherited: 0.8,
  strengthDominant: 0.4,
  strengthCompared: 0.4,
  comparedNoAntecedent: 1,
  dominantYields: 1,
  dominantYieldShare: 0.25,
  pronounSubject: 3,
  pronounSubjectOverNames: 1,
  unknownSubjectCarries: 1,
  genericDutySubject: 1,
  inheritDecay: 0.1,

  maxUnitLength: 480,
  maxClauses: 12,
  maxCandidates: 5,
  namedKeepPlace: 2,
  soleInstrumentNamed: 1,
  commonTermShare: 0.01,
  commonTermMinClaims: 32,
  maxUnknownNames: 256,
  describedBusinesses: 1,
  officialNames: 1,
  tickeredNames: 1,
  codeSections: 1,
  indefiniteDocuments: 1,
  lawSubjectOverActor: 1,
  unknownSubjectVeto: 1,
  governmentSubjectVeto: 1,
  misreadingVeto: 1,
  introPhraseSubject: 1,
  crossReferenceVeto: 1,
  ownedDescriptions: 1,
  namedActorFirst: 1,
  secondaryNeedsOwnLaw: 1,
  otherFieldLaws: 1,
  otherFieldLawVeto: 1,
  countedOutsiders: 1,
  billNumbers: 1,
  soughtNotLaw: 1,
  sentenceDatesIndefinite: 1,
  capitalisedClassNouns: 1,
  datedNamesDocument: 1,
  countedCoalitions: 1,
  definedTermsCount: 1,
  articleReferences: 1,
  definedTerms: 1,
  officerNames: 1,
  demonymAnaphors: 1,
  workPerChar: 10,
  workPerUnit: 40,
  workBase: 2_000_000,
});

/**
 * Least values of the bounds: below them matching would not end or would cut every sentence to nothing
 * (`maxUnitLength: 0` cut units forever). Every other number is at least 0 (a work budget of 0 stops
 * at once, as it should).
 */
const TUNABLE_MINIMUMS: Readonly<Partial<Record<keyof Tunables, number>>> = {
  maxUnitLength: 40,
  maxClauses: 1,
  maxCandidates: 1,
  commonTermMinClaims: 1,
  maxUnknownNames: 1,
};

/**
 * The defaults with `overrides` applied.
 * @throws Error for an unknown key (a sweep typo must not pass silently), a value of the wrong type, a
 *   number that is not finite or is below its least value (0, or a bound's `TUNABLE_MINIMUMS`).
 */
export function withTunables(overrides: Partial<Tunables> = {}): Tunables {
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in DEFAULT_TUNABLES)) throw new Error(`unknown tunable "${key}"`);
    const current = DEFAULT_TUNABLES[key as keyof Tunables];
    if (typeof current !== typeof value) throw new Error(`tunable ${key} needs a ${typeof current}, got ${typeof value}`);
    if (typeof value === 'number') {
      const least = TUNABLE_MINIMUMS[key as keyof Tunables] ?? 0;
      if (!Number.isFinite(value) || value < least) throw new Error(`tunable ${key} must be a finite number of at least ${least}, got ${value}`);
    }
  }
  return { ...DEFAULT_TUNABLES, ...overrides };
}

/**
 * Parses "name=value" for a sweep or an override: numbers, or the decider's names.
 * @throws Error for an unknown name or a value `withTunables` would refuse.
 */
export function parseTunable(name: string, value: string): Partial<Tunables> {
  if (!(name in DEFAULT_TUNABLES)) throw new Error(`unknown tunable "${name}" (known: ${Object.keys(DEFAULT_TUNABLES).join(', ')})`);
  const current = DEFAULT_TUNABLES[name as keyof Tunables];
  if (typeof current === 'number') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new Error(`tunable ${name} needs a number, got "${value}"`);
    const setting = { [name]: n } as Partial<Tunables>;
    withTunables(setting);
    return setting;
  }
  if (name === 'decider' && (value === 'model' || value === 'rules' || value === 'either')) return { decider: value };
  throw new Error(`tunable ${name} cannot be "${value}"`);
}
