/**
 * The card's first lines in plain words: the verdict ("Binding commitment, withdrawn on 24 Feb 2026:
 * Anthropic no longer has to do this."), one line on what the label means, and reader-facing
 * versions of the claim set's audit wording (its rationales name rubric terms and claim ids).
 */
import type { ClaimForce, ClaimKind, ClaimStatus } from '../claims/schema';
import { KIND_LABEL } from './claim-labels';

/**
 * "24 Feb 2026" in en-GB, "Feb 24, 2026" in en-US, "24. Feb. 2026" in de: the reader's own way of
 * writing a day, with the month as a word so that 02/03 can never be misread. Claim dates are
 * calendar days, not instants, so they are formatted in UTC: a reader west of Greenwich must not
 * see the day before.
 */
export function formatReaderDay(isoDate: string, locales?: string | readonly string[]): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day || month > 12 || day > 31) return isoDate;
  try {
    return new Intl.DateTimeFormat(locales as string | string[] | undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(year, month - 1, day),
    );
  } catch {
    // An unknown locale tag from the page's environment: the reader still gets a date.
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
  }
}

/** One line on what each label means; the welcome page's legend says it at length. */
export const KIND_MEANING_LINE: Readonly<Record<ClaimKind, string>> = {
  'binding-commitment': 'A promise its maker cannot quietly drop: a law, a contract, or a pledge with no way out written into it.',
  'announced-target': 'A goal or plan its maker can change or drop without breaking any rule.',
  'no-commitment': 'It may sound like a promise, but it promises nothing.',
};

/** What kind of promise, in words a reader knows (the schema's `force`). */
export const FORCE_WORDS: Readonly<Record<ClaimForce, string>> = {
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

/** The status inside the verdict sentence, lower case and dated. */
function statusPhrase(kind: ClaimKind, status: ClaimStatus, day: string): string {
  switch (status) {
    // "In force" on a target reads as legally binding; a target is only ever current.
    case 'in-force':
      return kind === 'binding-commitment' ? `in force since ${day}` : `current since ${day}`;
    case 'pending':
      return `not yet in force (adopted ${day})`;
    case 'modified':
      return `changed on ${day}`;
    case 'superseded':
      return `replaced on ${day}`;
    case 'withdrawn':
      return `withdrawn on ${day}`;
    case 'fulfilled':
      return `fulfilled on ${day}`;
    case 'partly-fulfilled':
      return `partly fulfilled by ${day}`;
    case 'lapsed':
      return `lapsed on ${day}`;
    case 'disputed':
      return `disputed since ${day}`;
    case 'declined':
      return `declined on ${day}`;
  }
}

/** Coalitions ("… signatories") and pairs ("United States and United Kingdom") take a plural verb. */
function isPlural(actor: string): boolean {
  return /\b(signatories|parties|members|governments|companies)$/i.test(actor.trim()) || /\band\b/.test(actor);
}

type Consequences = Readonly<Record<ClaimStatus, (actor: string, verb: (singular: string, plural: string) => string) => string>>;

/** A law binds those it covers, not the government that made it: it gets its own wording. */
const LAW: Consequences = {
  'in-force': () => 'those it covers have to comply.',
  pending: () => 'nobody has to comply yet.',
  modified: () => 'it still applies, in a changed form.',
  superseded: () => 'a newer rule applies instead.',
  withdrawn: () => 'nobody has to comply any more.',
  fulfilled: () => 'what it required has been done.',
  'partly-fulfilled': () => 'only part of what it required has been done.',
  lapsed: () => 'it no longer applies.',
  disputed: () => 'whether it applies is contested.',
  declined: () => 'it was not adopted.',
};

const PROMISE: Consequences = {
  'in-force': (actor, verb) => `${actor} ${verb('has', 'have')} to do this.`,
  pending: (actor, verb) => `${actor} will have to once it takes effect; until then ${verb('it does', 'they do')} not.`,
  modified: (actor, verb) => `${actor} still ${verb('has', 'have')} to, in a changed form.`,
  superseded: (actor, verb) => `${actor} now ${verb('follows', 'follow')} a newer version instead.`,
  withdrawn: (actor, verb) => `${actor} no longer ${verb('has', 'have')} to do this.`,
  fulfilled: (actor) => `${actor} did what was promised.`,
  'partly-fulfilled': (actor) => `${actor} did only part of what was promised.`,
  lapsed: (actor, verb) => `${actor} no longer ${verb('has', 'have')} to: the term ran out.`,
  disputed: (actor, verb) => `sources disagree on whether ${actor} still ${verb('has', 'have')} to.`,
  declined: (actor) => `${actor} refused to commit.`,
};

const TARGET: Consequences = {
  'in-force': (actor, verb) => `${actor} ${verb('aims', 'aim')} to do this, but nothing holds ${verb('it', 'them')} to it.`,
  pending: (actor, verb) => `${actor} ${verb('plans', 'plan')} this, but it has not started and nothing holds ${verb('it', 'them')} to it.`,
  modified: (actor, verb) => `${actor} changed this goal; nothing holds ${verb('it', 'them')} to it.`,
  superseded: (actor) => `${actor} replaced this goal with a newer one.`,
  withdrawn: (actor) => `${actor} dropped this goal.`,
  fulfilled: (actor) => `${actor} reached this goal.`,
  'partly-fulfilled': (actor) => `${actor} reached only part of this goal.`,
  lapsed: () => 'the goal ran out without being met or renewed.',
  disputed: (actor, verb) => `sources disagree on whether ${actor} ${verb('is', 'are')} still pursuing it.`,
  declined: (actor) => `${actor} chose not to pursue this.`,
};

const NOTHING: Consequences = {
  'in-force': (actor, verb) => `${actor} ${verb('has', 'have')} not promised anything here.`,
  pending: (actor, verb) => `${actor} ${verb('has', 'have')} not promised anything here.`,
  modified: (actor, verb) => `${actor} ${verb('has', 'have')} not promised anything here.`,
  superseded: (actor, verb) => `${actor} ${verb('has', 'have')} not promised anything here.`,
  withdrawn: (actor, verb) => `${actor} ${verb('has', 'have')} not promised anything here.`,
  fulfilled: (actor, verb) => `${actor} ${verb('has', 'have')} not promised anything here.`,
  'partly-fulfilled': (actor, verb) => `${actor} ${verb('has', 'have')} not promised anything here.`,
  lapsed: (actor, verb) => `${actor} ${verb('has', 'have')} not promised anything here.`,
  disputed: (actor, verb) => `${actor} ${verb('has', 'have')} not promised anything here.`,
  declined: (actor) => `${actor} refused to promise this.`,
};

export interface Verdict {
  /** "Binding commitment" */
  label: string;
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
  actorName: string;
}

/** The card's first line, in three parts the card styles apart: label, dated status, what it means for whom. */
export function verdictOf(claim: VerdictInput, locales?: string | readonly string[]): Verdict {
  const plural = isPlural(claim.actorName);
  const verb = (singular: string, pluralForm: string): string => (plural ? pluralForm : singular);
  const table = claim.kind === 'no-commitment' ? NOTHING : claim.kind === 'announced-target' ? TARGET : claim.force === 'legal-obligation' ? LAW : PROMISE;
  const consequence = table[claim.status](claim.actorName, verb);
  return {
    label: KIND_LABEL[claim.kind],
    status: statusPhrase(claim.kind, claim.status, formatReaderDay(claim.statusDate, locales)),
    consequence: consequence.charAt(0).toUpperCase() + consequence.slice(1),
  };
}

/** The verdict as one sentence: "Binding commitment, withdrawn on 24 Feb 2026: Anthropic no longer has to do this." */
export function verdictSentence(claim: VerdictInput, locales?: string | readonly string[]): string {
  const { label, status, consequence } = verdictOf(claim, locales);
  return `${label}, ${status}: ${consequence}`;
}

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
    .replace(/\b(?:with )?force ([a-z]+(?:-[a-z]+)*)/g, (match, slug: string) => (slug in FORCE_WORDS ? `as ${FORCE_WORDS[slug as ClaimForce]}` : match));
  for (const [slug, words] of Object.entries(SLUG_WORDS)) out = out.replace(new RegExp(`\\b${escape(slug)}\\b`, 'g'), words);
  return out.replace(/\s+([.,;:])/g, '$1').replace(/ {2,}/g, ' ').trim();
}
