/**
 * Builds small, valid claim sets for these tests, so they do not depend on the bundled
 * default set (which changes as the research does). The wording is invented test data.
 */
import type { Claim, ClaimSet } from '../../../lib/claims/schema';

export function makeClaim(id: string, overrides: Partial<Claim> = {}): Claim {
  return {
    id,
    actor: { id: 'example-lab', name: 'Example Lab', aliases: ['ExLab'] },
    statement: `Example Lab says it will keep test promise ${id}.`,
    kind: 'announced-target',
    force: 'goal',
    status: 'in-force',
    statusDate: '2025-01-10',
    history: [
      { date: '2025-01-10', event: 'introduced', note: 'First stated in a blog post.', sourceUrl: 'https://example.org/post' },
    ],
    rationale: 'Worded as an aim with no enforcement mechanism.',
    confidence: 'high',
    sources: [{ url: 'https://example.org/post', title: 'Example Lab blog post' }],
    phrasings: [`Example Lab aims to keep promise ${id}.`],
    keyPhrases: [],
    keyTerms: [],
    topics: ['testing'],
    ...overrides,
  };
}

export function makeClaimSet(overrides: Partial<ClaimSet> = {}): ClaimSet {
  return {
    schemaVersion: 1,
    version: '1.0.0',
    publishedAt: '2025-02-01',
    publisher: 'Test publisher',
    claims: [makeClaim('test-claim-one'), makeClaim('test-claim-two')],
    ...overrides,
  };
}
