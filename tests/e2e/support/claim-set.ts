import type { Claim } from '../../../lib/claims/schema';
import { bundledClaimSet as readBundledClaimSet, makeClaim, makeClaimSet } from '../../support/claim-sets';

/** The claim set the extension ships (public/claims/default.json), read as data to compare against. */
export const bundledClaimSet = readBundledClaimSet();

export function bundledKind(claimId: string): string | undefined {
  return bundledClaimSet.claims.find((claim) => claim.id === claimId)?.kind;
}

/** The bundled claim's status ('' for a claim the bundled set does not hold). */
export function bundledStatus(claimId: string): string {
  return bundledClaimSet.claims.find((claim) => claim.id === claimId)?.status ?? '';
}

/** The words a user sees for each kind; spelled out here, not imported, so a renamed label fails a test. */
export const KIND_WORDS: Readonly<Record<string, string>> = {
  'binding-commitment': 'Binding commitment',
  'announced-target': 'Announced target',
  'no-commitment': 'No commitment',
};

/**
 * A highlight's accessible description as a screen reader speaks it, by its kind and whether its claim no
 * longer holds (withdrawn, superseded, lapsed); spelled out for the same reason.
 */
export function highlightDescription(kind: string, ended: boolean): string {
  return `${KIND_WORDS[kind] ?? kind}${ended ? ', no longer holds' : ''} (Pledge Lens): press Enter for details`;
}

/** The grade a badge shows after the kind, by force; spelled out here for the same reason. A refusal has none. */
const GRADE_WORDS: Readonly<Record<string, string>> = {
  'legal-obligation': 'law',
  contractual: 'contract',
  treaty: 'treaty',
  'categorical-pledge': 'self-imposed',
  'voluntary-pledge': 'pledge to a government',
  conditional: 'conditional',
  goal: 'goal',
  'best-effort': 'best effort',
  recommendation: 'recommendation',
  aspiration: 'aspiration',
  declaration: 'declaration',
};

/** The popup's and options page's badge for a bundled claim: "Binding commitment (self-imposed)". */
export function bundledBadge(claimId: string): string {
  const claim = bundledClaimSet.claims.find((one) => one.id === claimId);
  if (!claim) return '';
  const grade = GRADE_WORDS[claim.force];
  return grade === undefined ? (KIND_WORDS[claim.kind] ?? '') : `${KIND_WORDS[claim.kind]} (${grade})`;
}

/**
 * A claim about an invented company, written for these tests only: valid against the schema, and
 * about nobody any fixture article mentions, so it never changes what the articles highlight.
 */
export function inventedClaim(id: string): Claim {
  const sourceUrl = 'https://example.org/tern-analytics/model-cards';
  return makeClaim(id, {
    actor: { id: 'tern-analytics', name: 'Tern Analytics', type: 'company', aliases: ['Tern'] },
    statement: 'Tern Analytics says it will publish a model card for every model it sells, within a week of release.',
    force: 'goal',
    statusDate: '2026-05-04',
    history: [{ date: '2026-05-04', event: 'introduced', note: 'Announced on the company blog (invented for tests).', sourceUrl }],
    rationale: 'A voluntary promise with no outside enforcement and no stated consequence for missing it, so it is a target, not an obligation.',
    evidence: [{ quote: 'We will publish a model card within a week of every release.', locator: 'paragraph 1', url: sourceUrl }],
    confidence: 'low',
    sources: [{ url: sourceUrl, title: 'Model cards for every release (test fixture)', publisher: 'Tern Analytics' }],
    reviewedAt: '2026-05-10',
    phrasings: [
      'Tern Analytics promised to release a model card for each model it ships within seven days.',
      'The startup Tern said every commercial model would get a published model card shortly after launch.',
      'Tern Analytics had pledged that model cards would follow each release within a week.',
      'Tern Analytics will no longer publish model cards for each model it sells.',
    ],
    keyTerms: [['model card', 'model cards']],
    topics: ['transparency'],
  });
}

/** A claim set like the bundled one, with another version and publisher and the given extra claims, as file text. */
export function claimSetText(overrides: { version: string; publisher: string; extraClaims?: readonly Claim[]; onlyExtra?: boolean }): string {
  const claims = [...(overrides.onlyExtra ? [] : bundledClaimSet.claims), ...(overrides.extraClaims ?? [])];
  return JSON.stringify(makeClaimSet({ ...bundledClaimSet, version: overrides.version, publisher: overrides.publisher, claims }), null, 2);
}
