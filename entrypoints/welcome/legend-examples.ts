/**
 * The real claims the first-run page's legend shows, one per kind and one per status. Each is named
 * by id with a few plain words of what it says; its actor, kind, status and date are read from the
 * claim set itself, so the legend never shows a status the claim no longer has.
 */
import type { LegendExample } from '@/components/welcome-legend';
import type { Claim, ClaimKind, ClaimStatus } from '@/lib/claims/schema';
import { CLAIM_KINDS, CLAIM_STATUSES } from '@/lib/claims/schema';
import { shortenAtWord } from '@/lib/format/shorten-text';

interface ChosenExample {
  claimId: string;
  /** What the claim says, shortened for a lay reader; the actor's name goes before it. */
  gist: string;
}

export const KIND_EXAMPLES: Readonly<Record<ClaimKind, ChosenExample>> = {
  'binding-commitment': {
    claimId: 'ca-sb53-critical-incident-reporting',
    gist: 'under the SB 53 law, frontier AI developers must report critical safety incidents to the state within 15 days.',
  },
  'announced-target': {
    claimId: 'anthropic-rsp3-frontier-safety-roadmaps',
    gist: 'publishes a Frontier Safety Roadmap of goals for security, safeguards and alignment, goals it sets and revises itself.',
  },
  'no-commitment': {
    claimId: 'us-uk-declined-paris-declaration',
    gist: 'declined to sign the closing statement of the Paris AI Action Summit in February 2025.',
  },
};

/** `lapsed` has no claim in the bundled set yet: the legend then takes the first claim with that status, if any. */
export const STATUS_EXAMPLES: Readonly<Partial<Record<ClaimStatus, ChosenExample>>> = {
  'in-force': {
    claimId: 'anthropic-rsp3-risk-reports',
    gist: 'will publish a Risk Report on its models every three to six months.',
  },
  pending: {
    claimId: 'coe-framework-convention-on-ai',
    gist: 'the first binding international treaty on AI binds the states that ratify it; it takes effect once five have, three of them Council of Europe members.',
  },
  modified: {
    claimId: 'openai-dow-agreement-red-lines',
    gist: 'says its Pentagon agreement bars use of its models for mass domestic surveillance and autonomous weapons; a March 2026 amendment tightened the surveillance limit.',
  },
  superseded: {
    claimId: 'colorado-ai-act-replaced',
    gist: 'the 2024 AI Act’s duty to protect consumers from algorithmic discrimination was repealed and replaced by a narrower law in May 2026.',
  },
  withdrawn: {
    claimId: 'anthropic-rsp-pause-pledge',
    gist: 'pledged to pause scaling or delay deployment whenever its safety measures fell behind its models’ capabilities; its 2026 policy dropped the pledge.',
  },
  fulfilled: {
    claimId: 'gdm-fsf-implementation-by-early-2025',
    gist: 'aimed to have its Frontier Safety Framework fully in place by early 2025, and published it in February 2025.',
  },
  'partly-fulfilled': {
    claimId: 'seoul-publish-safety-frameworks',
    gist: 'companies that signed the Seoul commitments were to publish safety frameworks by February 2025; only some did.',
  },
  disputed: {
    claimId: 'openai-superalignment-compute-pledge',
    gist: 'pledged 20% of its computing power to research on controlling superintelligent AI; reporting says the team never got it.',
  },
  declined: {
    claimId: 'meta-declined-gpai-code',
    gist: 'declined to sign the EU’s voluntary Code of Practice for general-purpose AI.',
  },
};

function toExample(claim: Claim, gist: string): LegendExample {
  return { claimId: claim.id, actorName: claim.actor.name, kind: claim.kind, status: claim.status, statusDate: claim.statusDate, gist };
}

export interface LegendExamples {
  kinds: Partial<Record<ClaimKind, LegendExample>>;
  statuses: Partial<Record<ClaimStatus, LegendExample>>;
}

/**
 * One example per kind and per status from `claims`. A chosen claim is used only while it still has
 * that kind (or status); otherwise, or when none was chosen, the first claim that has it stands in,
 * with its own statement shortened. A kind or status no claim has gets no example.
 */
export function pickLegendExamples(claims: readonly Claim[]): LegendExamples {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const pick = (chosen: ChosenExample | undefined, has: (claim: Claim) => boolean): LegendExample | undefined => {
    const named = chosen && byId.get(chosen.claimId);
    if (named && chosen && has(named)) return toExample(named, chosen.gist);
    const first = claims.find(has);
    return first && toExample(first, shortenAtWord(first.statement, 140));
  };
  const kinds: LegendExamples['kinds'] = {};
  for (const kind of CLAIM_KINDS) {
    const example = pick(KIND_EXAMPLES[kind], (claim) => claim.kind === kind);
    if (example) kinds[kind] = example;
  }
  const statuses: LegendExamples['statuses'] = {};
  for (const status of CLAIM_STATUSES) {
    const example = pick(STATUS_EXAMPLES[status], (claim) => claim.status === status);
    if (example) statuses[status] = example;
  }
  return { kinds, statuses };
}
