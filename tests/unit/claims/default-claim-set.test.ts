/**
 * Integrity of the bundled default claim set (public/claims/default.json). The file is data a
 * person edits by hand, so these checks catch what a schema cannot: missing brief claims,
 * unbacked statuses, and phrasings that the claim's own key-term gates would reject.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimSetInput } from '../../../lib/claims/schema';
import { describeClaimSetIssues, validateClaimSet } from '../../../lib/claims/validate-claim-set';

const DEFAULT_SET_PATH = fileURLToPath(new URL('../../../public/claims/default.json', import.meta.url));

/** The ids the claims brief requires, verbatim: other modules and the seed gold labels refer to them. */
const BRIEF_CLAIM_IDS = [
  'anthropic-rsp-pause-pledge',
  'anthropic-rsp3-risk-reports',
  'anthropic-rsp3-frontier-safety-roadmaps',
  'anthropic-rsp3-conditional-delay',
  'anthropic-rsp3-match-competitors',
  'anthropic-rsp3-safety-testing-disclosure',
  'anthropic-rsp3-moonshot-research',
  'anthropic-propose-risk-scaled-regulation',
  'anthropic-claude-military-use-limits',
  'anthropic-industry-leading-safety-standards',
] as const;

/** Sentences any AI-policy article could contain; no claim's gates should let them through. */
const GENERIC_SENTENCES = [
  'Artificial intelligence is changing how newsrooms work.',
  'The company announced a new chatbot for customers on Tuesday.',
  'Safety is important to everyone who builds AI.',
  'Investors poured billions of dollars into AI startups last year.',
  'The chief executive spoke at a technology conference in London.',
];

function loadRaw(): ClaimSetInput {
  return JSON.parse(readFileSync(DEFAULT_SET_PATH, 'utf8')) as ClaimSetInput;
}

function loadValid(): Claim[] {
  const result = validateClaimSet(loadRaw());
  if (!result.ok) throw new Error(`default claim set is invalid:\n${describeClaimSetIssues(result.issues, 50)}`);
  return result.claimSet.claims;
}

/** Lower-cased words, split the way the matcher splits them: hyphens and punctuation separate words, quotes are dropped. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}'&]+/u)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word !== '');
}

/**
 * Word-prefix containment: every word of the term starts some word of the sentence ("train"
 * matches "training"). A multi-word term is a bag, as in the matcher: all its words must appear.
 */
function containsTerm(sentenceWords: readonly string[], term: string): boolean {
  return wordsOf(term).every((part) => sentenceWords.some((word) => word.startsWith(part)));
}

function passesGates(claim: Claim, sentence: string): boolean {
  const words = wordsOf(sentence);
  return claim.keyTerms.every((group) => group.some((term) => containsTerm(words, term)));
}

describe('default claim set (public/claims/default.json)', () => {
  it('validates against the claim-set schema and consistency rules', () => {
    const result = validateClaimSet(loadRaw());
    // Print the located issues so a failing run says which claim and field to fix.
    expect(result.ok, result.ok ? '' : describeClaimSetIssues(result.issues, 50)).toBe(true);
  });

  it('carries the expected header', () => {
    const raw = loadRaw();
    expect(raw.schemaVersion).toBe(1);
    expect(raw.version).toBe('1.0.0');
    expect(raw.publishedAt).toBe('2026-11-22');
    expect(raw.publisher).toBe('Pledge Lens');
  });

  it('has unique claim ids', () => {
    const ids = loadValid().map((claim) => claim.id);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
  });

  it('contains every claim id the brief requires', () => {
    const ids = new Set(loadValid().map((claim) => claim.id));
    const missing = BRIEF_CLAIM_IDS.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });

  it('has at least 30 claims', () => {
    expect(loadValid().length).toBeGreaterThanOrEqual(30);
  });

  it('gives every claim at least one https source', () => {
    const unsourced = loadValid()
      .filter((claim) => !claim.sources.some((source) => source.url.startsWith('https://')))
      .map((claim) => claim.id);
    expect(unsourced).toEqual([]);
  });

  it('keeps every history in date order with a https source per entry', () => {
    const problems: string[] = [];
    for (const claim of loadValid()) {
      claim.history.forEach((entry, index) => {
        if (!entry.sourceUrl.startsWith('https://')) problems.push(`${claim.id}: history[${index}] source is not https`);
        const previous = claim.history[index - 1];
        if (previous && previous.date > entry.date) problems.push(`${claim.id}: history[${index}] is out of date order`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('backs every status other than in-force with a history entry of that event and date', () => {
    const unbacked = loadValid()
      .filter((claim) => claim.status !== 'in-force')
      .filter((claim) => !claim.history.some((entry) => entry.event === claim.status && entry.date === claim.statusDate))
      .map((claim) => `${claim.id} (${claim.status} since ${claim.statusDate})`);
    expect(unbacked).toEqual([]);
  });

  it('labels the pause pledge as a withdrawn binding commitment, and RSP 3.0 items as announced targets', () => {
    const byId = new Map(loadValid().map((claim) => [claim.id, claim]));
    const pause = byId.get('anthropic-rsp-pause-pledge');
    expect(pause?.kind).toBe('binding-commitment');
    expect(pause?.status).toBe('withdrawn');
    expect(pause?.statusDate).toBe('2026-02-24');
    for (const id of BRIEF_CLAIM_IDS.filter((id) => id.startsWith('anthropic-rsp3-'))) {
      expect(byId.get(id)?.kind, id).toBe('announced-target');
    }
  });

  it('uses one actor object per actor id', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const claim of loadValid()) {
      const signature = JSON.stringify([claim.actor.name, claim.actor.aliases]);
      const earlier = seen.get(claim.actor.id);
      if (earlier !== undefined && earlier !== signature) conflicts.push(`${claim.id}: actor ${claim.actor.id} differs`);
      seen.set(claim.actor.id, signature);
    }
    expect(conflicts).toEqual([]);
  });

  it('gives every claim at least four phrasings, none of them repeated', () => {
    const problems: string[] = [];
    for (const claim of loadValid()) {
      if (claim.phrasings.length < 4) problems.push(`${claim.id}: only ${claim.phrasings.length} phrasings`);
      if (new Set(claim.phrasings.map((phrasing) => phrasing.toLowerCase())).size !== claim.phrasings.length) {
        problems.push(`${claim.id}: repeated phrasing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every claim one to three non-empty, lower-case key-term groups', () => {
    const problems: string[] = [];
    for (const claim of loadValid()) {
      if (claim.keyTerms.length < 1 || claim.keyTerms.length > 3) problems.push(`${claim.id}: ${claim.keyTerms.length} groups`);
      for (const term of claim.keyTerms.flat()) if (term !== term.toLowerCase()) problems.push(`${claim.id}: "${term}" is not lower case`);
    }
    expect(problems).toEqual([]);
  });

  it('lets every phrasing and statement through its own claim’s key-term gates', () => {
    const rejected: string[] = [];
    for (const claim of loadValid()) {
      for (const sentence of [claim.statement, ...claim.phrasings]) {
        if (!passesGates(claim, sentence)) rejected.push(`${claim.id}: "${sentence}"`);
      }
    }
    expect(rejected).toEqual([]);
  });

  it('keeps generic AI sentences out of every claim’s gates', () => {
    const leaks: string[] = [];
    for (const claim of loadValid()) {
      for (const sentence of GENERIC_SENTENCES) if (passesGates(claim, sentence)) leaks.push(`${claim.id}: "${sentence}"`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('gate helper used by these tests', () => {
  // The helper decides the phrasing test, so it must itself be able to say no.
  const claim = {
    keyTerms: [
      ['train', 'deploy'],
      ['unless', 'red teaming'],
    ],
  } as unknown as Claim;

  it('accepts word prefixes and multi-word terms as bags', () => {
    expect(passesGates(claim, 'It will not keep training unless safeguards hold.')).toBe(true);
    expect(passesGates(claim, 'Deployment waits for red-teaming.')).toBe(true);
    expect(passesGates(claim, "It won't 'deploy' unless told.")).toBe(true);
  });

  it('rejects a sentence missing a group, or a term only found mid-word', () => {
    expect(passesGates(claim, 'It will keep training models.')).toBe(false);
    expect(passesGates(claim, 'Restraint matters unless noted.')).toBe(false);
  });
});

describe('a deliberately broken copy of the default set', () => {
  it('fails with an issue naming the claim and the field path of a non-https source', () => {
    const broken = structuredClone(loadRaw());
    const target = broken.claims[3]!;
    target.sources[0]!.url = 'http://example.com/insecure';
    const result = validateClaimSet(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(
      expect.objectContaining({ claimId: target.id, path: 'claims[3].sources[0].url' }),
    );
  });

  it('fails when a withdrawn status loses the history entry that backs it', () => {
    const broken = structuredClone(loadRaw());
    const index = broken.claims.findIndex((claim) => claim.id === 'anthropic-rsp-pause-pledge');
    const target = broken.claims[index]!;
    target.history = target.history.filter((entry) => entry.event !== 'withdrawn');
    const result = validateClaimSet(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(
      expect.objectContaining({ claimId: 'anthropic-rsp-pause-pledge', path: `claims[${index}].status` }),
    );
  });

  it('fails when two claims share an id', () => {
    const broken = structuredClone(loadRaw());
    broken.claims.push(structuredClone(broken.claims[0]!));
    const result = validateClaimSet(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.some((issue) => issue.claimId === broken.claims[0]!.id && /duplicate/.test(issue.message))).toBe(true);
  });
});
