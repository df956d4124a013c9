/** Claims and builders for mentions used across the annotation tests (invented data, not seeds). */
import type { Actor, Claim } from '../../../lib/claims/schema';
import { mentionId } from '../../../lib/annotations/mention-id';
import type { Mention } from '../../../lib/annotations/schema';
import { makeClaim } from '../../support/claim-sets';

const ACME: Actor = { id: 'acme-ai', name: 'Acme AI', type: 'company', aliases: ['Acme'] };

/** A binding pledge, since withdrawn. */
export const bindingClaim = makeClaim('acme-pause-pledge', {
  actor: ACME,
  statement: 'Acme AI will halt training runs if its evaluations find dangerous capabilities.',
  kind: 'binding-commitment',
  force: 'categorical-pledge',
  status: 'withdrawn',
  statusDate: '2026-02-24',
  history: [
    { date: '2024-05-01', event: 'introduced', note: 'Published in the first policy.', sourceUrl: 'https://acme.example/policy-v1' },
    { date: '2026-02-24', event: 'withdrawn', note: 'Dropped from the revised policy.', sourceUrl: 'https://acme.example/policy-v3' },
  ],
  rationale: 'Stated as an unconditional promise in a published policy.',
  sources: [
    { url: 'https://acme.example/policy-v1', title: 'Acme scaling policy, version 1' },
    { url: 'https://news.example/acme-drops-pause', title: 'Acme drops its pause promise', publisher: 'Example News' },
  ],
  phrasings: ['Acme promised to stop training when tests show danger.'],
  topics: ['pause'],
});

export const targetClaim: Claim = {
  ...bindingClaim,
  id: 'acme-roadmap-target',
  statement: 'Acme AI aims to publish a safety roadmap every quarter.',
  kind: 'announced-target',
  force: 'goal',
  status: 'in-force',
  statusDate: '2025-09-01',
  history: [{ date: '2025-09-01', event: 'introduced', note: 'Announced in a blog post.', sourceUrl: 'https://acme.example/blog/roadmaps' }],
  sources: [{ url: 'https://acme.example/blog/roadmaps', title: 'Our roadmap plans' }],
};

export const claimsById: ReadonlyMap<string, Claim> = new Map([
  [bindingClaim.id, bindingClaim],
  [targetClaim.id, targetClaim],
]);

export interface MentionInput {
  pageUrl?: string;
  pageTitle?: string;
  claimId?: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  firstSeen?: string;
  lastSeen?: string;
  note?: Mention['note'];
  wrongMatch?: Mention['wrongMatch'];
  possible?: true;
  pageCitation?: Mention['pageCitation'];
  frameUrl?: string;
}

export function makeMention(input: MentionInput = {}): Mention {
  const pageUrl = input.pageUrl ?? 'https://news.example/2026/acme-policy';
  const claimId = input.claimId ?? bindingClaim.id;
  const exact = input.exact ?? 'Acme said it would no longer pause training';
  const prefix = input.prefix ?? 'In a statement on Tuesday, ';
  const suffix = input.suffix ?? ' when its tests flag a risk.';
  const start = input.start ?? 120;
  const mention: Mention = {
    id: mentionId(pageUrl, claimId, exact, prefix, suffix, input.frameUrl),
    pageUrl,
    ...(input.frameUrl !== undefined && { frameUrl: input.frameUrl }),
    pageTitle: input.pageTitle ?? 'Acme rewrites its safety policy',
    claimId,
    anchor: { exact, prefix, suffix, start, end: start + exact.length },
    firstSeen: input.firstSeen ?? '2026-11-20T08:15:00.000Z',
    lastSeen: input.lastSeen ?? '2026-11-21T19:45:30.250Z',
  };
  if (input.note) mention.note = input.note;
  if (input.wrongMatch) mention.wrongMatch = input.wrongMatch;
  if (input.possible) mention.possible = true;
  if (input.pageCitation) mention.pageCitation = input.pageCitation;
  return mention;
}

/** Freezes a value all the way down, so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
