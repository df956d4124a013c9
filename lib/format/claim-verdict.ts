/**
 * The card's first lines in plain words, in the reader's language (the messages are in
 * public/_locales): the verdict ("Binding commitment (self-imposed), withdrawn on 24 Feb 2026:
 * Anthropic no longer pledges to do this."), one line on what the label means, and reader-facing versions of the claim set's
 * audit wording (its rationales name rubric terms and claim ids; they are English, and so is their rewrite).
 */
import { appliesLater } from '../claims/claim-enums';
import type { ClaimForce, ClaimKind, ClaimStatus } from '../claims/schema';
import { gradeOf, KIND_MESSAGE } from '../i18n/claim-words';
import { formatDay, readerToday } from './dates';
import { parseRichText } from '../i18n/rich-text';
import type { MessageName, PluralBase, Translator } from '../i18n/translator';

/**
 * One line on what each label means when only the kind is known; the welcome page's legend says it at
 * length. "Binding commitment" here says it need not be legally binding: most binding commitments are
 * pledges, which bind by their maker's word alone (a new user read the old line as "legally binding").
 */
export const KIND_MEANING_MESSAGE = {
  'binding-commitment': 'card_meaningBindingCommitment',
  'announced-target': 'card_meaningAnnouncedTarget',
  'no-commitment': 'card_meaningNoCommitment',
} as const satisfies Record<ClaimKind, MessageName>;

/** The forces that make a binding commitment binding in law: only their lines may say "legally" or "enforce". */
export const LEGAL_FORCES: ReadonlySet<ClaimForce> = new Set(['legal-obligation', 'contractual', 'treaty']);

/**
 * What "Binding commitment" means for a claim of this force: a law binds in law, a contract or treaty
 * is enforceable by its other party, a pledge binds by its maker's word and nothing else (said in so
 * many words). A force a binding commitment should not have falls back to the kind's own line.
 */
const BINDING_MEANING_MESSAGE: Readonly<Partial<Record<ClaimForce, MessageName>>> = {
  'legal-obligation': 'card_meaningBindingLaw',
  contractual: 'card_meaningBindingContract',
  treaty: 'card_meaningBindingTreaty',
  'categorical-pledge': 'card_meaningBindingPledge',
  'voluntary-pledge': 'card_meaningBindingPledge',
};

/**
 * The one line the card (and the label's tooltip in the popup and options page) says about a claim's
 * label, by its kind and, for a binding commitment, its force (the schema's value; an unknown one, or
 * none, gives the kind's own line).
 */
export function kindMeaningMessage(kind: ClaimKind, force?: string): MessageName {
  if (kind !== 'binding-commitment' || force === undefined || !Object.hasOwn(BINDING_MEANING_MESSAGE, force)) return KIND_MEANING_MESSAGE[kind];
  return BINDING_MEANING_MESSAGE[force as ClaimForce] ?? KIND_MEANING_MESSAGE[kind];
}

/** "It is a voluntary pledge.": what kind of promise, in words a reader knows (the schema's `force`). */
export const FORCE_MESSAGE = {
  'legal-obligation': 'force_legalObligation',
  contractual: 'force_contractual',
  treaty: 'force_treaty',
  'categorical-pledge': 'force_categoricalPledge',
  'voluntary-pledge': 'force_voluntaryPledge',
  conditional: 'force_conditional',
  goal: 'force_goal',
  'best-effort': 'force_bestEffort',
  recommendation: 'force_recommendation',
  aspiration: 'force_aspiration',
  declaration: 'force_declaration',
  refusal: 'force_refusal',
} as const satisfies Record<ClaimForce, MessageName>;

/** The status inside the verdict sentence, lower case and dated ($DATE$). "In force" on a target reads as legally binding; a target is only ever current. */
const STATUS_PHRASE = {
  'in-force': 'verdictStatus_inForce',
  pending: 'verdictStatus_pending',
  modified: 'verdictStatus_modified',
  superseded: 'verdictStatus_superseded',
  withdrawn: 'verdictStatus_withdrawn',
  fulfilled: 'verdictStatus_fulfilled',
  'partly-fulfilled': 'verdictStatus_partlyFulfilled',
  lapsed: 'verdictStatus_lapsed',
  disputed: 'verdictStatus_disputed',
  declined: 'verdictStatus_declined',
} as const satisfies Record<ClaimStatus, MessageName>;

/**
 * Coalitions take a plural verb ("Signatories of the White House AI commitments still pledge this"), anything else a
 * singular one: "Center for AI Standards and Innovation (CAISI)" is one agency, whatever its "and" (a new user read
 * "CAISI still pledge this"). Without the actor's type (a pack made before it was sent), its name decides: "…
 * signatories", "Signatories of …", "X and Y".
 */
function isPlural(actor: string, type: string | undefined): boolean {
  if (type !== undefined) return type === 'coalition';
  return /\b(signatories|parties|members|governments|companies)$/i.test(actor.trim()) || /^signatories\b/i.test(actor.trim()) || /\band\b/.test(actor);
}

/**
 * What a status means for whom. A message without the actor (a law binds those it covers, not the
 * government that made it) is a plain name; one with `$ACTOR$` is a `_one`/`_other` pair, chosen by
 * whether the actor is one or many, as the verb agrees with it.
 */
type Consequence = { single: MessageName & `verdict${string}` } | { pair: PluralBase & `verdict${string}` };
type Consequences = Readonly<Record<ClaimStatus, Consequence>>;

const LAW: Consequences = {
  'in-force': { single: 'verdictLaw_inForce' },
  pending: { single: 'verdictLaw_pending' },
  modified: { single: 'verdictLaw_modified' },
  superseded: { single: 'verdictLaw_superseded' },
  withdrawn: { single: 'verdictLaw_withdrawn' },
  fulfilled: { single: 'verdictLaw_fulfilled' },
  'partly-fulfilled': { single: 'verdictLaw_partlyFulfilled' },
  lapsed: { single: 'verdictLaw_lapsed' },
  disputed: { single: 'verdictLaw_disputed' },
  declined: { single: 'verdictLaw_declined' },
};

/** A categorical or voluntary pledge binds by the actor's own word: "pledged to", never "has to" (a new user read that as law). */
const PLEDGE: Consequences = {
  'in-force': { pair: 'verdictPromise_inForce' },
  pending: { pair: 'verdictPromise_pending' },
  modified: { pair: 'verdictPromise_modified' },
  superseded: { pair: 'verdictPromise_superseded' },
  withdrawn: { pair: 'verdictPromise_withdrawn' },
  fulfilled: { pair: 'verdictPromise_fulfilled' },
  'partly-fulfilled': { pair: 'verdictPromise_partlyFulfilled' },
  lapsed: { pair: 'verdictPromise_lapsed' },
  disputed: { pair: 'verdictPromise_disputed' },
  declined: { pair: 'verdictPromise_declined' },
};

/** A contract or treaty binds through a counterparty who can enforce it: "is required to". */
const REQUIRED: Consequences = {
  'in-force': { pair: 'verdictRequired_inForce' },
  pending: { pair: 'verdictRequired_pending' },
  modified: { pair: 'verdictRequired_modified' },
  superseded: { pair: 'verdictRequired_superseded' },
  withdrawn: { pair: 'verdictRequired_withdrawn' },
  fulfilled: { pair: 'verdictRequired_fulfilled' },
  'partly-fulfilled': { pair: 'verdictRequired_partlyFulfilled' },
  lapsed: { pair: 'verdictRequired_lapsed' },
  disputed: { pair: 'verdictRequired_disputed' },
  declined: { pair: 'verdictRequired_declined' },
};

/** A goal or an aspiration: its maker aims at it, and can change or drop it. Also the words for a target of a force it should not have. */
const TARGET: Consequences = {
  'in-force': { pair: 'verdictTarget_inForce' },
  pending: { pair: 'verdictTarget_pending' },
  modified: { pair: 'verdictTarget_modified' },
  superseded: { pair: 'verdictTarget_superseded' },
  withdrawn: { pair: 'verdictTarget_withdrawn' },
  fulfilled: { pair: 'verdictTarget_fulfilled' },
  'partly-fulfilled': { pair: 'verdictTarget_partlyFulfilled' },
  lapsed: { single: 'verdictTarget_lapsed' },
  disputed: { pair: 'verdictTarget_disputed' },
  declined: { pair: 'verdictTarget_declined' },
};

/** A "best effort" promise: its maker promised to try, not to succeed. What became of it reads as a goal's. */
const BEST_EFFORT: Consequences = { ...TARGET, 'in-force': { pair: 'verdictBestEffort_inForce' } };

/**
 * A promise with conditions its maker sets and judges itself (an escape clause: "we may lower our
 * safeguards if a rival releases first"). "Aims to do this" read as if it wanted to lower them.
 * Declining one reads as a goal's ("chose not to pursue this").
 */
const CONDITIONAL: Consequences = {
  'in-force': { pair: 'verdictConditional_inForce' },
  pending: { pair: 'verdictConditional_pending' },
  modified: { pair: 'verdictConditional_modified' },
  superseded: { pair: 'verdictConditional_superseded' },
  withdrawn: { pair: 'verdictConditional_withdrawn' },
  fulfilled: { pair: 'verdictConditional_fulfilled' },
  'partly-fulfilled': { pair: 'verdictConditional_partlyFulfilled' },
  lapsed: { single: 'verdictConditional_lapsed' },
  disputed: { pair: 'verdictConditional_disputed' },
  declined: TARGET.declined,
};

/** A recommendation asks others (governments, the industry) to act: its maker neither aims at it nor did it when it was done. */
const RECOMMENDATION: Consequences = {
  'in-force': { pair: 'verdictRecommendation_inForce' },
  pending: { pair: 'verdictRecommendation_pending' },
  modified: { pair: 'verdictRecommendation_modified' },
  superseded: { pair: 'verdictRecommendation_superseded' },
  withdrawn: { pair: 'verdictRecommendation_withdrawn' },
  fulfilled: { pair: 'verdictRecommendation_fulfilled' },
  'partly-fulfilled': { pair: 'verdictRecommendation_partlyFulfilled' },
  lapsed: { single: 'verdictRecommendation_lapsed' },
  disputed: { pair: 'verdictRecommendation_disputed' },
  declined: { pair: 'verdictRecommendation_declined' },
};

/** A declaration states a position or an intent ("frontier AI could cause serious harm"): declared, not aimed at. */
const DECLARATION: Consequences = {
  'in-force': { pair: 'verdictDeclaration_inForce' },
  pending: { pair: 'verdictDeclaration_pending' },
  modified: { pair: 'verdictDeclaration_modified' },
  superseded: { pair: 'verdictDeclaration_superseded' },
  withdrawn: { pair: 'verdictDeclaration_withdrawn' },
  fulfilled: { pair: 'verdictDeclaration_fulfilled' },
  'partly-fulfilled': { pair: 'verdictDeclaration_partlyFulfilled' },
  lapsed: { single: 'verdictDeclaration_lapsed' },
  disputed: { pair: 'verdictDeclaration_disputed' },
  declined: { pair: 'verdictDeclaration_declined' },
};

/** "No commitment" says the same whatever its status, except for a refusal. */
const NOT_PROMISED: Consequence = { pair: 'verdictNothing_notPromised' };
const NOTHING: Consequences = {
  'in-force': NOT_PROMISED,
  pending: NOT_PROMISED,
  modified: NOT_PROMISED,
  superseded: NOT_PROMISED,
  withdrawn: NOT_PROMISED,
  fulfilled: NOT_PROMISED,
  'partly-fulfilled': NOT_PROMISED,
  lapsed: NOT_PROMISED,
  disputed: NOT_PROMISED,
  declined: { pair: 'verdictNothing_declined' },
};

/** What binds a binding commitment decides its words: a law binds those it covers, a contract or treaty its parties, a pledge its maker's word. */
function bindingTable(force: string): Consequences {
  if (force === 'legal-obligation') return LAW;
  return force === 'contractual' || force === 'treaty' ? REQUIRED : PLEDGE;
}

/**
 * What kind of promise an announced target is decides its words, as for a binding commitment: a goal
 * or aspiration is aimed at, a best effort only tried, a conditional promise kept only under conditions
 * its maker sets, a recommendation asked of others, a declaration declared. Any other force (one a
 * target should not have) reads as a goal.
 */
function targetTable(force: string): Consequences {
  switch (force) {
    case 'best-effort':
      return BEST_EFFORT;
    case 'conditional':
      return CONDITIONAL;
    case 'recommendation':
      return RECOMMENDATION;
    case 'declaration':
      return DECLARATION;
    default:
      return TARGET;
  }
}

export interface Verdict {
  /** "Binding commitment" */
  label: string;
  /** "self-imposed", what kind of promise (gradeOf); undefined for a refusal */
  grade: string | undefined;
  /** "withdrawn on 24 Feb 2026" */
  status: string;
  /** "Anthropic no longer has to do this." */
  consequence: string;
}

export interface VerdictInput {
  kind: ClaimKind;
  force: string;
  status: ClaimStatus;
  statusDate: string;
  /** When a law's duties take effect, YYYY-MM-DD; may lie in the future. */
  effectiveDate?: string;
  actorName: string;
  /** The actor's type from the claim set (company, agency, coalition, …); a coalition takes a plural verb. */
  actorType?: string;
  /**
   * An agreement's other parties: the consequence names them ("OpenAI, Anthropic, … and xAI still pledge this"). The
   * testing agreements' actor is the agency that signed with the labs, and "CAISI still pledges this" named the wrong side.
   */
  partyNames?: readonly string[];
}

/**
 * The card's first line, in three parts the card styles apart: label, dated status, what it means
 * for whom, in `t`'s language, its date as the popup and options write it (formatDay in `t.locale`);
 * a date that is not YYYY-MM-DD shows as given. A law that stands (in force, adopted or modified) but
 * whose duties apply only from a later day than `now` says so with that day ("Nobody has to comply
 * before 2 Dec 2027."): "It still applies, in a changed form" misled a reader about a delayed law.
 * @param now the reader's present (its local calendar day is compared with `effectiveDate`)
 */
export function verdictOf(t: Translator, claim: VerdictInput, now: Date = new Date()): Verdict {
  const table = claim.kind === 'no-commitment' ? NOTHING : claim.kind === 'announced-target' ? targetTable(claim.force) : bindingTable(claim.force);
  const date = formatDay(claim.statusDate, t.locale);
  const effective = appliesLater(claim, readerToday(now));
  const consequence = table[claim.status];
  const partyNames = claim.partyNames ?? [];
  const status = claim.status === 'in-force' && claim.kind !== 'binding-commitment' ? t('verdictStatus_current', { date }) : t(STATUS_PHRASE[claim.status], { date });
  return {
    label: t(KIND_MESSAGE[claim.kind]),
    grade: gradeOf(t, claim.force),
    status,
    consequence: effective !== undefined
      ? t('verdictLaw_notYet', { date: formatDay(effective, t.locale) })
      : 'single' in consequence
        ? t(consequence.single)
        : partyNames.length > 0
          ? t.plural(consequence.pair, partyNames.length > 1 ? 2 : 1, { actor: new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(partyNames) })
          : t.plural(consequence.pair, isPlural(claim.actorName, claim.actorType) ? 2 : 1, { actor: claim.actorName }),
  };
}

/**
 * The verdict's message with its parts put in: `verdict_sentenceGraded` ("<label>Binding
 * commitment</label> <grade>(self-imposed)</grade>, <status>…") when it has a grade, else
 * `verdict_sentence`. The tags are left in, for the card to style (parseRichText).
 */
export function verdictMessage(t: Translator, verdict: Verdict): string {
  const { label, grade, status, consequence } = verdict;
  return grade === undefined ? t('verdict_sentence', { label, status, consequence }) : t('verdict_sentenceGraded', { label, grade, status, consequence });
}

/**
 * The verdict as one sentence: "Binding commitment (self-imposed), withdrawn on 24 Feb 2026: Anthropic
 * no longer pledges to do this." The card draws the same message (verdictMessage) with its parts styled.
 */
export function verdictSentence(t: Translator, claim: VerdictInput, now: Date = new Date()): string {
  return parseRichText(verdictMessage(t, verdictOf(t, claim, now)))
    .map((part) => part.text)
    .join('');
}

/**
 * The words readerText puts into the claim set's English text. Not from the catalogues: a rationale
 * stays in the claim set's language, English, whatever the reader's, so its rewrite does too.
 */
const FORCE_WORDS: Readonly<Record<ClaimForce, string>> = {
  'legal-obligation': 'a legal duty',
  contractual: 'a contract',
  treaty: 'a treaty',
  'categorical-pledge': 'an unconditional pledge',
  'voluntary-pledge': 'a voluntary pledge',
  conditional: 'a promise with conditions',
  goal: 'a goal',
  'best-effort': 'a “best effort” promise',
  recommendation: 'a recommendation',
  aspiration: 'an aspiration',
  declaration: 'a declaration',
  refusal: 'a refusal to commit',
};

const KIND_SLUGS: Readonly<Record<ClaimKind, string>> = {
  'binding-commitment': 'binding commitment',
  'announced-target': 'announced target',
  'no-commitment': 'no commitment',
};

const SLUG_WORDS: Readonly<Record<string, string>> = {
  ...KIND_SLUGS,
  'in-force': 'in force',
  'partly-fulfilled': 'partly fulfilled',
  'legal-obligation': 'legal duty',
  'categorical-pledge': 'unconditional pledge',
  'voluntary-pledge': 'voluntary pledge',
  'best-effort': 'best effort',
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The claim set's rationales are written for its auditors: they cite the labelling rubric, the
 * schema's words ("force categorical-pledge") and other claims by id. For a reader: rubric and
 * file references go, schema words become plain ones, and another claim's id becomes its short
 * description (`related`, id → words) or "another claim".
 */
export function readerText(text: string, related: Readonly<Record<string, string>> = {}): string {
  let out = text;
  // "(see anthropic-x)", "(anthropic-x)", "; see anthropic-x": a pointer the reader cannot follow.
  for (const [id, words] of Object.entries(related).sort(([a], [b]) => b.length - a.length)) {
    // Four expressions per id are built only for ids the text holds: a card's record may name many.
    if (!out.includes(id)) continue;
    const name = escape(id);
    // Replacer functions: the words are claim text, and a "$1" in them must stay text.
    out = out
      .replace(new RegExp(`\\s*\\((?:see )?${name}\\)`, 'g'), () => ` (see “${words}”)`)
      .replace(new RegExp(`;\\s*see ${name}`, 'g'), () => `; see “${words}”`)
      .replace(new RegExp(`\\b(?:the )?separate claim ${name}\\b`, 'g'), () => `a separate claim, “${words}”`)
      .replace(new RegExp(`\\b${name}\\b`, 'g'), () => `“${words}”`);
  }
  out = out
    // Parentheses that only point at the rubric or a repository file.
    .replace(/\s*\([^()]*(?:docs\/|\.md\b|[Rr]ubric)[^()]*\)/g, '')
    .replace(/\b([Uu])nder the (?:labelling )?rubric\b/g, (_match, u: string) => `${u}nder our labelling rules`)
    .replace(/\bthe (?:labelling )?rubric(['’]s)?/gi, (_match, possessive: string | undefined) => (possessive ? 'our labelling rules’' : 'our labelling rules'))
    .replace(/\brubric\b/gi, 'labelling rules')
    // "with force categorical-pledge", "force legal-obligation": the schema's field name.
    .replace(/\b(?:with )?force ([a-z]+(?:-[a-z]+)*)/g, (match, slug: string) => (Object.hasOwn(FORCE_WORDS, slug) ? `as ${FORCE_WORDS[slug as ClaimForce]}` : match));
  for (const [slug, words] of Object.entries(SLUG_WORDS)) out = out.replace(new RegExp(`\\b${escape(slug)}\\b`, 'g'), words);
  return out.replace(/\s+([.,;:])/g, '$1').replace(/ {2,}/g, ' ').trim();
}
