/**
 * The one place tests build claims and claim sets. Built claims are invented (so tests do not move
 * when the research does) and typed with the schema's own types, so a schema change fails to
 * compile here rather than in every test. Tests that need the bundled set read it here too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CLAIM_SCHEMA_VERSION, type Actor, type Claim, type ClaimSet } from '../../lib/claims/schema';
import { describeClaimSetIssues, validateClaimSet } from '../../lib/claims/validate-claim-set';
import { compileClaimIndex, type ClaimIndex } from '../../lib/match/compile-index';
import { matchClaims } from '../../lib/match/match-claims';
import type { Tunables } from '../../lib/match/tunables';
import { REPO_ROOT } from '../../scripts/support/paths';

export const EXAMPLE_LAB: Actor = { id: 'example-lab', name: 'Example Lab', type: 'company', aliases: ['ExLab'] };

/** Fictional actors for the document-model tests: a government, a company and a coalition it belongs to. */
export const RURITANIA: Actor = { id: 'ruritania', name: 'Ruritania', type: 'government', aliases: ['Ruritanian government'] };
export const ACME: Actor = { id: 'acme', name: 'Acme AI', type: 'company', aliases: ['Acme'] };
export const PACT: Actor = {
  id: 'harbour-pact-signatories',
  name: 'Harbour Pact signatories',
  type: 'coalition',
  aliases: [],
  members: ['Acme AI', 'Globex', 'Initech', 'Umbrella'],
};

const SOURCE_URL = 'https://example.org/post';

/** A valid claim: an in-force announced target by Example Lab, with whatever `overrides` change. */
export function makeClaim(id: string, overrides: Partial<Claim> = {}): Claim {
  return {
    id,
    actor: EXAMPLE_LAB,
    statement: `Example Lab says it will keep test promise ${id}.`,
    kind: 'announced-target',
    force: 'goal',
    status: 'in-force',
    statusDate: '2025-01-10',
    history: [{ date: '2025-01-10', event: 'introduced', note: 'First stated in a blog post.', sourceUrl: SOURCE_URL }],
    rationale: 'Worded as an aim with no enforcement mechanism.',
    evidence: [{ quote: 'We aim to keep this promise.', locator: 'paragraph 2', url: SOURCE_URL }],
    confidence: 'high',
    sources: [{ url: SOURCE_URL, title: 'Example Lab blog post' }],
    reviewedAt: '2025-01-20',
    phrasings: [`Example Lab aims to keep promise ${id}.`],
    keyPhrases: [],
    keyTerms: [],
    topics: ['testing'],
    ...overrides,
  };
}

/**
 * A claim for the matcher's tests: its statement and phrasings as given, with no key phrases and no
 * key-term gates unless the test sets them (the rest as `makeClaim` fills it).
 */
export function ungatedClaim(fields: Pick<Claim, 'id' | 'actor' | 'statement' | 'phrasings'> & Partial<Claim>): Claim {
  return makeClaim(fields.id, { keyPhrases: [], keyTerms: [], ...fields });
}

/** An invented company's periodic-report target, shared by the matcher's precision tests. */
export const ACME_RISK_LEDGER: Claim = ungatedClaim({
  id: 'acme-risk-ledger',
  actor: ACME,
  keyPhrases: ['Risk Ledger'],
  statement: 'Acme AI will publish a Risk Ledger every three months describing the dangers of its models.',
  phrasings: [
    'Acme says it will publish a ledger of model dangers every quarter.',
    'Acme AI promised a quarterly risk ledger on the hazards of its models.',
    'The company plans to publish a risk ledger every three months.',
  ],
});

/** An invented law's incident-reporting duty, shared by the matcher's precision tests. */
export const MSA_INCIDENT_REPORTING: Claim = ungatedClaim({
  id: 'msa-incident-reporting',
  actor: RURITANIA,
  instrument: { name: 'Model Safety Act', aliases: ['MSA'] },
  statement: 'The Model Safety Act requires model developers to report serious incidents to the national regulator within 10 days, with duties in force from 1 March 2027.',
  phrasings: [
    'Developers in Ruritania must report serious incidents to the regulator within 10 days.',
    'Ruritania makes AI developers notify the regulator of serious incidents within ten days from March 2027.',
    'Under the Model Safety Act, serious incidents have to be reported within 10 days.',
  ],
});

/** A valid claim set of two claims, with whatever `overrides` change. */
export function makeClaimSet(overrides: Partial<ClaimSet> = {}): ClaimSet {
  return {
    schemaVersion: CLAIM_SCHEMA_VERSION,
    version: '1.0.0',
    publishedAt: '2025-02-01',
    asOf: '2025-02-01',
    publisher: 'Test publisher',
    claims: [makeClaim('test-claim-one'), makeClaim('test-claim-two')],
    ...overrides,
  };
}

export const BUNDLED_CLAIM_SET_PATH = resolve(REPO_ROOT, 'public', 'claims', 'default.json');

let bundled: ClaimSet | undefined;

/** The claim set the extension ships (public/claims/default.json), validated as the extension reads it. */
export function bundledClaimSet(): ClaimSet {
  if (!bundled) {
    const result = validateClaimSet(JSON.parse(readFileSync(BUNDLED_CLAIM_SET_PATH, 'utf8')));
    if (!result.ok) throw new Error(`the bundled claim set does not validate:\n${describeClaimSetIssues(result.issues)}`);
    bundled = result.claimSet;
  }
  return bundled;
}

let bundledIndex: ClaimIndex | undefined;

/** The shipped claim set's index (`bundledClaimSet` compiled), compiled once per test file. */
export function bundledClaimIndex(): ClaimIndex {
  const set = bundledClaimSet();
  return (bundledIndex ??= compileClaimIndex(set.claims, set.version));
}

/** The shipped claim set's matches in `text`, each as "claim id: the text it covers", with `tunables` over the defaults. */
export function bundledMatches(text: string, tunables: Partial<Tunables> = {}): string[] {
  return matchClaims(text, bundledClaimIndex(), { tunables }).map((m) => `${m.claimId}: ${text.slice(m.start, m.end)}`);
}

/** What claim set 2.1.18 wrote into Article 50's statement, and what it replaced. */
const ARTICLE_50_NAMED = "the AI Act's transparency obligations (Article 50) require";
const ARTICLE_50_BEFORE = 'the AI Act requires';

/**
 * The AI Act's Article 50 claim's statement (`eu-ai-act-transparency-obligations`) as it read before set 2.1.18
 * named its "transparency obligations": for tests built on pages read against the older wording.
 * @throws Error when `statement` no longer has the 2.1.18 wording (the test would quietly measure the new one).
 */
export function article50StatementBefore2118(statement: string): string {
  if (!statement.includes(ARTICLE_50_NAMED)) throw new Error(`Article 50's statement no longer says "${ARTICLE_50_NAMED}"`);
  return statement.replace(ARTICLE_50_NAMED, ARTICLE_50_BEFORE);
}
