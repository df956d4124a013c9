/** A tiny valid claim set for store and service tests (invented wording). */
import type { Claim, ClaimSet } from '../../../../lib/claims/schema';

export function storeTestClaim(id: string, statement = `Example Lab will keep test promise ${id}.`): Claim {
  return {
    id,
    actor: { id: 'example-lab', name: 'Example Lab', type: 'company', aliases: [] },
    statement,
    kind: 'announced-target',
    force: 'goal',
    status: 'in-force',
    statusDate: '2026-01-10',
    history: [{ date: '2026-01-10', event: 'introduced', note: 'Invented for tests.', sourceUrl: 'https://example.org/post' }],
    rationale: 'Invented test claim.',
    evidence: [{ quote: 'Invented quote.', locator: 'para 1', url: 'https://example.org/post' }],
    confidence: 'medium',
    sources: [{ url: 'https://example.org/post', title: 'Example post' }],
    reviewedAt: '2026-02-01',
    phrasings: [statement],
    keyPhrases: [],
    keyTerms: [],
    topics: ['testing'],
  };
}

export function storeTestSet(version: string, claims: Claim[] = [storeTestClaim('example-promise')], publisher = 'Store test set'): ClaimSet {
  return { schemaVersion: 2, version, publishedAt: '2026-02-01', asOf: '2026-02-01', publisher, claims };
}
