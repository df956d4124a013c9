/**
 * Integrity of the bundled default claim set (public/claims/default.json), which `npm run
 * claims:build` writes from the source in claims/. These checks catch what a schema cannot:
 * missing or renamed claims, a built file that drifted from its source, and phrasings that the
 * claim's own key-term gates would reject.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimSetInput } from '../../../lib/claims/schema';
import { describeClaimSetIssues, statusFromHistory, validateClaimSet } from '../../../lib/claims/validate-claim-set';
import { defaultCanonicalizer, type Canonicalizer } from '../../../lib/match/canonicalize';
import { compileClaimIndex, type ClaimIndex } from '../../../lib/match/compile-index';
import { matchClaims } from '../../../lib/match/match-claims';
import { article50StatementBefore2118 } from '../../support/claim-sets';
import { readClaimSource } from '../../../scripts/claims/claim-source';
import { checkClaimSource, formatClaimSet } from '../../../scripts/claims/check-rules';

const DEFAULT_SET_PATH = fileURLToPath(new URL('../../../public/claims/default.json', import.meta.url));
const SOURCE_DIR = fileURLToPath(new URL('../../../claims', import.meta.url));
const V1_SET_PATH = fileURLToPath(new URL('./fixtures/default-1.0.0.json', import.meta.url));
/** The day the 2.1.x set was last published: the source's checks are pinned to it. */
const REVIEW_DAY = '2026-12-08';

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

/** Asserts the bundled claim's history has an event on `date` and none on `wrongDate` (the date a source got wrong). */
function expectDatedOn(id: string, date: string, wrongDate: string): void {
  const dates = bundledClaimOf(id).history.map((event) => event.date);
  expect(dates).toContain(date);
  expect(dates).not.toContain(wrongDate);
}

/** The bundled set's claim with this id; throws when the set has none. */
function bundledClaimOf(id: string): Claim {
  const claim = loadValid().find((candidate) => candidate.id === id);
  if (!claim) throw new Error(`no claim ${id} in the bundled set`);
  return claim;
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
    expect(raw.schemaVersion).toBe(2);
    expect(raw.version).toBe('2.1.39');
    expect(raw.publishedAt).toBe('2026-12-08');
    expect(raw.asOf).toBe('2026-12-08');
    expect(raw.publisher).toBe('Pledge Lens');
  });

  it('is the set the README describes (its version and claim count), so readers are not told of an older one', () => {
    const raw = loadRaw();
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`The bundled set ${raw.version} holds **${raw.claims.length} claims`);
  });

  it('is exactly what claims:build makes of the source in claims/ (no drift)', () => {
    const { problems, claimSet } = checkClaimSource(readClaimSource(SOURCE_DIR), { today: REVIEW_DAY });
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(claimSet).toBeDefined();
    expect(readFileSync(DEFAULT_SET_PATH, 'utf8')).toBe(formatClaimSet(claimSet!));
  });

  it('keeps every claim id of the 1.0.0 set (gold labels, annotations and packs refer to them)', () => {
    const previous = (JSON.parse(readFileSync(V1_SET_PATH, 'utf8')) as { claims: Array<{ id: string }> }).claims.map((claim) => claim.id);
    expect(previous).toHaveLength(39);
    const ids = new Set(loadValid().map((claim) => claim.id));
    expect(previous.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('lists claims sorted by id, with evidence and a review date on every one', () => {
    const claims = loadValid();
    const ids = claims.map((claim) => claim.id);
    expect(ids).toEqual([...ids].sort());
    expect(claims.filter((claim) => claim.evidence.length === 0 || claim.reviewedAt > REVIEW_DAY).map((claim) => claim.id)).toEqual([]);
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

  it('has at least 70 claims across at least 15 actors', () => {
    const claims = loadValid();
    expect(claims.length).toBeGreaterThanOrEqual(70);
    expect(new Set(claims.map((claim) => claim.actor.id)).size).toBeGreaterThanOrEqual(15);
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

  it('takes every status and status date from the last status-setting history event', () => {
    const unbacked = loadValid()
      .filter((claim) => {
        const set = statusFromHistory(claim.history);
        return set?.status !== claim.status || set.date !== claim.statusDate;
      })
      .map((claim) => `${claim.id} (${claim.status} since ${claim.statusDate})`);
    expect(unbacked).toEqual([]);
  });

  it('labels the pause pledge a withdrawn binding commitment, Risk Reports binding and the other RSP 3 goals announced targets', () => {
    const byId = new Map(loadValid().map((claim) => [claim.id, claim]));
    const pause = byId.get('anthropic-rsp-pause-pledge');
    expect(pause?.kind).toBe('binding-commitment');
    expect(pause?.status).toBe('withdrawn');
    expect(pause?.statusDate).toBe('2026-02-24');
    expect(pause?.replacedBy).toEqual(['anthropic-rsp3-conditional-delay', 'anthropic-rsp3-match-competitors']);
    // Worded as a requirement ("We will publish a Risk Report every 3-6 months"); the contested note says why.
    expect(byId.get('anthropic-rsp3-risk-reports')?.kind).toBe('binding-commitment');
    expect(byId.get('anthropic-rsp3-risk-reports')?.contested).toMatch(/^Some analysts call this an announced target/);
    for (const id of BRIEF_CLAIM_IDS.filter((id) => id.startsWith('anthropic-rsp3-') && id !== 'anthropic-rsp3-risk-reports')) {
      expect(byId.get(id)?.kind, id).toBe('announced-target');
    }
  });

  it('labels refusals no-commitment, never as a promise', () => {
    const refusals = loadValid().filter((claim) => claim.force === 'refusal' || claim.status === 'declined');
    expect(refusals.map((claim) => claim.id).sort()).toEqual(['gdm-fsf-v3-1-no-development-gate', 'meta-declined-gpai-code', 'us-uk-declined-paris-declaration']);
    for (const claim of refusals) expect(claim.kind, claim.id).toBe('no-commitment');
  });

  it('labels every signature of the GPAI Code and both Seoul commitments alike: binding voluntary pledges', () => {
    const byId = new Map(loadValid().map((claim) => [claim.id, claim]));
    for (const id of ['eu-gpai-code-of-practice', 'google-signed-gpai-code', 'xai-gpai-code-safety-chapter', 'seoul-frontier-ai-safety-commitments-halt', 'seoul-publish-safety-frameworks']) {
      expect([byId.get(id)?.kind, byId.get(id)?.force], id).toEqual(['binding-commitment', 'voluntary-pledge']);
    }
    expect(byId.get('seoul-publish-safety-frameworks')?.status).toBe('partly-fulfilled');
  });

  it('keeps people out of actor aliases: Google and Alphabet are google, not google-deepmind', () => {
    const actors = new Map(loadValid().map((claim) => [claim.actor.id, claim.actor]));
    expect(actors.get('google')?.aliases).toContain('Alphabet');
    expect(actors.get('google-deepmind')?.aliases).not.toContain('Google');
    const people = ['Dario Amodei', 'Amodei', 'Sam Altman', 'Altman', 'Elon Musk', 'Musk', 'Demis Hassabis', 'Mark Zuckerberg', 'Gavin Newsom'];
    const found = [...actors.values()].flatMap((actor) => actor.aliases.filter((alias) => people.includes(alias)).map((alias) => `${actor.id}: ${alias}`));
    expect(found).toEqual([]);
    expect(actors.get('state-of-california')?.aliases).not.toContain('SB 53');
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

  it('gives the 1.0.0 claims one to three key-term groups, and every group lower-case and non-empty', () => {
    // Claims new in 2.0.0 came without gates (the research format leaves keyTerms to the matching work).
    const previous = new Set((JSON.parse(readFileSync(V1_SET_PATH, 'utf8')) as { claims: Array<{ id: string }> }).claims.map((claim) => claim.id));
    const problems: string[] = [];
    for (const claim of loadValid()) {
      const min = previous.has(claim.id) ? 1 : 0;
      if (claim.keyTerms.length < min || claim.keyTerms.length > 3) problems.push(`${claim.id}: ${claim.keyTerms.length} groups`);
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

  it('keeps generic AI sentences out of every gated claim’s gates', () => {
    const leaks: string[] = [];
    for (const claim of loadValid().filter((claim) => claim.keyTerms.length > 0)) {
      for (const sentence of GENERIC_SENTENCES) if (passesGates(claim, sentence)) leaks.push(`${claim.id}: "${sentence}"`);
    }
    expect(leaks).toEqual([]);
  });

  it('matches none of the generic AI sentences, gated claim or not', () => {
    const claims = loadValid();
    const index = compileClaimIndex(claims, 'test');
    // Each sentence follows a mention of an actor, so the actor test passes and only the wording decides.
    let text = '';
    const generic: Array<{ start: number; end: number }> = [];
    for (const name of new Set(claims.map((claim) => claim.actor.name))) {
      for (const sentence of GENERIC_SENTENCES) {
        text += `${name} said so. `;
        generic.push({ start: text.length, end: text.length + sentence.length });
        text += `${sentence}\n\n`;
      }
    }
    const leaks = matchClaims(text, index).filter((match) => generic.some((range) => match.start < range.end && range.start < match.end));
    expect(leaks.map((match) => `${match.claimId}: ${text.slice(match.start, match.end)}`)).toEqual([]);
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

/** The claims `index` finds in `sentence`, the last block of a page whose earlier blocks are `blocks`. */
function claimsOfLastBlock(index: ClaimIndex, blocks: readonly string[], sentence: string): string[] {
  const text = [...blocks, sentence].join('\n\n');
  const at = text.lastIndexOf(sentence);
  return matchClaims(text, index)
    .filter((match) => match.start >= at)
    .map((match) => match.claimId);
}

describe('names of the bundled set that real and translated pages use (claim set 2.1.12)', () => {
  const claims = loadValid();
  const index = compileClaimIndex(claims, 'test');
  const idsOn = (blocks: string[], sentence: string) => claimsOfLastBlock(index, blocks, sentence);

  it("finds China's labelling Measures by their literal translation on a page that never names China", () => {
    // (A machine-translated page of dev-25: 标识 rendered "identification", the CAC as the "State Internet Information Office".)
    const lead =
      'From 1 September this year, "Artificial Intelligence Generated Synthetic Content Identification Measures" formally start to implement. This Measures were jointly issued by the State Internet Information Office together with three other departments.';
    const duty =
      'Besides explicit identification, the service providers also should in the file metadata of the generated content add the implicit identification, including the content attribute information and the service provider name.';
    expect(idsOn(['Synthetic content identification new rule formally implement', lead], duty)).toEqual(['china-ai-content-labelling-rules']);
  });

  it('reads "the statute" after the RAISE Act as SB 53 when it sends incidents to Cal OES', () => {
    const raise = "New York's rewritten RAISE Act, effective 1 January 2027, requires critical safety incidents to be reported within 72 hours to a new office inside the Department of Financial Services.";
    const statute =
      'The statute obliges each frontier developer to report any critical safety incident involving one of its frontier models to Cal OES no later than 15 days after the developer discovers it.';
    expect(idsOn(['The 15-day clock', raise], statute)).toEqual(['ca-sb53-critical-incident-reporting']);
  });
});

describe('key terms of claim set 2.1.13', () => {
  const claims = loadValid();
  const index = compileClaimIndex(claims, 'test');
  const GATED = ['anthropic-electricity-price-pledge', 'us-eo-frontier-model-prerelease-access-2026', 'eu-ai-act-digital-omnibus-high-risk-delay', 'china-ai-content-labelling-rules'];
  const withoutGates = compileClaimIndex(
    claims.map((claim) => (GATED.includes(claim.id) ? { ...claim, keyTerms: [] } : claim)),
    'test',
  );

  it('gives each of them two groups, a thing and what is done about it, which every phrasing passes', () => {
    for (const id of GATED) {
      const claim = claims.find((candidate) => candidate.id === id)!;
      expect(claim.keyTerms, id).toHaveLength(2);
      for (const sentence of [claim.statement, ...claim.phrasings]) expect(passesGates(claim, sentence), `${id}: ${sentence}`).toBe(true);
    }
  });

  it("finds Anthropic's electricity pledge worded as a wire story would, which the phrasings alone did not", () => {
    const lead = 'Anthropic on Wednesday addressed complaints from households near its planned data centres.';
    const pledge = 'The company said it would pay the full cost of the grid upgrades needed to hook its new sites up to the network, rather than leave it to ratepayers.';
    expect(claimsOfLastBlock(withoutGates, [lead], pledge)).toEqual([]);
    expect(claimsOfLastBlock(index, [lead], pledge)).toEqual(['anthropic-electricity-price-pledge']);
  });

  it("leaves a utility's tariff filing on the same page alone: the gate is the pledge's action, not its topic", () => {
    const lead = 'Anthropic on Wednesday addressed complaints from households near its planned data centres.';
    const tariff = 'A utility in Ohio asked regulators to approve a tariff under which large data-centre customers would pay for more of the transmission lines built for them.';
    expect(claimsOfLastBlock(index, [lead], tariff)).toEqual([]);
  });

  it("finds Anthropic's refusal told without naming its two limits ('two restrictions'), and a number alone does not count", () => {
    const lead = 'Anthropic and the Pentagon';
    const refusal = 'Anthropic said on Friday it would keep both of its two restrictions in its Pentagon contracts, even after the department labelled it a supply-chain risk.';
    expect(claimsOfLastBlock(index, [lead], refusal)).toEqual(['anthropic-claude-military-use-limits']);
    const ultimatum = 'The department threatened to end the contract if its use of the model was restricted.';
    expect(claimsOfLastBlock(index, [lead], ultimatum)).toEqual([]);
  });

  it("gives Meta's rename of 'Stop' to 'Develop with Mitigations' to the pledge it replaced, and the new rule to the new framework", () => {
    const lead = "Meta's safety rules";
    const rename = 'Meta\'s new framework swaps the old "Stop" outcome for "Develop with Mitigations", a watchdog found.';
    expect(claimsOfLastBlock(index, [lead], rename)).toEqual(['meta-frontier-ai-framework-stop-development']);
    const rule = 'Under the new framework, a model at the critical threshold is labelled "Develop with Mitigations" once safeguards are validated.';
    expect(claimsOfLastBlock(index, [lead], rule)).toEqual(['meta-aasf-develop-only-with-mitigations']);
  });
});

describe('key terms of claim set 2.1.14: what a name needs beside it', () => {
  const claims = loadValid();
  const index = compileClaimIndex(claims, 'test');
  const withoutNewTerms = compileClaimIndex(
    claims.map((claim) => ({ ...claim, keyTerms: claim.keyTerms.map((group) => group.filter((term) => !['under wraps', 'extended', 'expanded'].includes(term))) })),
    'test',
  );
  const MYTHOS = 'anthropic-mythos-withheld-glasswing';
  const CAISI = 'us-aisi-caisi-testing-agreements';

  it('finds the withheld model "under wraps", and the CAISI agreements "extended" to three more companies', () => {
    const wraps = 'Anthropic keeps Claude Mythos Preview under wraps.';
    expect(claimsOfLastBlock(withoutNewTerms, ['AI labs and their models'], wraps)).not.toContain(MYTHOS);
    expect(claimsOfLastBlock(index, ['AI labs and their models'], wraps)).toContain(MYTHOS);
    const signed = 'In August 2024 the US AI Safety Institute signed agreements with OpenAI and Anthropic to test their models before release.';
    const extended = 'Its successor, the Center for AI Standards and Innovation, extended them this May to Google DeepMind, Microsoft and xAI.';
    expect(claimsOfLastBlock(withoutNewTerms, [signed], extended)).not.toContain(CAISI);
    expect(claimsOfLastBlock(index, [signed], extended)).toContain(CAISI);
  });

  it('lets every phrasing and the statement of the two claims through their gates still', () => {
    for (const id of [MYTHOS, CAISI]) {
      const claim = claims.find((candidate) => candidate.id === id)!;
      for (const sentence of [claim.statement, ...claim.phrasings]) expect(passesGates(claim, sentence), `${id}: ${sentence}`).toBe(true);
    }
  });
});

describe('key terms of claim set 2.1.15: a RAISE Act duty stated on its own', () => {
  const claims = loadValid();
  const index = compileClaimIndex(claims, 'test');
  const RAISE = 'ny-raise-act-frontier-obligations';
  const ungated = compileClaimIndex(
    claims.map((claim) => (claim.id === RAISE ? { ...claim, keyTerms: [] } : claim)),
    'test',
  );
  const heading = "What New York's RAISE Act requires";

  it('finds one of the four duties under a RAISE heading, which the statement bundling all four left below the ungated bar', () => {
    const duty = 'Every frontier developer, whatever its revenue, has to publish a transparency report whenever it deploys a new frontier model.';
    expect(claimsOfLastBlock(ungated, [heading], duty)).not.toContain(RAISE);
    expect(claimsOfLastBlock(index, [heading], duty)).toContain(RAISE);
  });
});

describe('names of claim set 2.1.16: a government by its adjective', () => {
  const claims = loadValid();
  const index = compileClaimIndex(claims, 'test');
  const withoutAdjective = (actorId: string, adjective: string) =>
    compileClaimIndex(
      claims.map((claim) => (claim.actor.id === actorId ? { ...claim, actor: { ...claim.actor, aliases: claim.actor.aliases.filter((alias) => alias !== adjective) } } : claim)),
      'test',
    );

  it('reads "the Italian law" as Italy\'s, so the law a translated page goes on about is Italy\'s, not the EU regulation it completes', () => {
    const blocks = [
      'The Italian law on artificial intelligence is in vigour: what changes',
      'Since yesterday the national law is in vigour, the first of its kind in the European Union; it goes to complete the European regulation on artificial intelligence with norms for single sectors.',
    ];
    const crime = 'The law introduces a new crime: who spreads images, videos or voices falsified with artificial intelligence, without the consent of the person, causing an unjust damage, is punished with one to five years of prison.';
    expect(claimsOfLastBlock(withoutAdjective('italy', 'Italian'), blocks, crime)).not.toContain('italy-national-ai-law');
    expect(claimsOfLastBlock(index, blocks, crime)).toContain('italy-national-ai-law');
  });

  it('reads "Korean AI businesses" as bound by the Korean law', () => {
    const duty = 'Since January, Korean AI businesses have had to tell users in advance when a product runs on high-impact or generative AI and to label what generative AI produces.';
    expect(claimsOfLastBlock(withoutAdjective('republic-of-korea', 'Korean'), ['Panel on Asian AI rules'], duty)).not.toContain('korea-ai-basic-act');
    expect(claimsOfLastBlock(index, ['Panel on Asian AI rules'], duty)).toContain('korea-ai-basic-act');
  });
});

describe('key terms of claim set 2.1.16: a signature told as putting a name to something', () => {
  const claims = loadValid();
  const XAI = 'xai-gpai-code-safety-chapter';
  const index = compileClaimIndex(claims, 'test');
  const withoutName = compileClaimIndex(
    claims.map((claim) => (claim.id === XAI ? { ...claim, keyTerms: claim.keyTerms.map((group) => group.filter((term) => term !== 'name')) } : claim)),
    'test',
  );

  it("finds xAI's one chapter when it 'put its name' to it, which no signing word of the group said", () => {
    const blocks = ['Who signed the EU code of practice', 'Google, OpenAI and Anthropic signed all three chapters of the General-Purpose AI Code of Practice.'];
    const sentence = 'xAI is the exception, having put its name only to the safety and security chapter.';
    expect(claimsOfLastBlock(withoutName, blocks, sentence)).not.toContain(XAI);
    expect(claimsOfLastBlock(index, blocks, sentence)).toContain(XAI);
  });
});

describe('spinner swaps of this set (curated-synonyms.json): hikes, buyers, information hubs', () => {
  const index = compileClaimIndex(loadValid(), 'test');
  const base = defaultCanonicalizer();
  // The bundled tables without the three swaps: the words stand for themselves, the phrase is no phrase.
  const withoutSwaps: Canonicalizer = {
    ...base,
    term: (word) => (['hike', 'hikes', 'buyers'].includes(word) ? word : base.term(word)),
    phrases: new Map([...base.phrases].filter(([phrase]) => phrase !== 'information hubs')),
  };

  it("reads a spun electricity pledge ('power cost hikes that buyers face due to its US information hubs') as Anthropic's", () => {
    const sentence = 'Anthropic has made a vow to shoulder the power cost hikes that buyers face due to its US information hubs.';
    const ids = (canonicalizer: Canonicalizer) => matchClaims(sentence, index, { canonicalizer }).map((match) => match.claimId);
    expect(ids(withoutSwaps)).not.toContain('anthropic-electricity-price-pledge');
    expect(ids(base)).toContain('anthropic-electricity-price-pledge');
  });
});

describe('key terms of claim set 2.1.17: one duty of a statute that bundles several, stated on its own', () => {
  const claims = loadValid();
  const index = compileClaimIndex(claims, 'test');
  // The set as it was (2.1.16): these five statutes had no key terms, so every candidate had to clear the
  // higher bar for claims without gates, which one duty of a statement bundling four or five seldom did.
  const ungated = (id: string) => compileClaimIndex(claims.map((claim) => (claim.id === id ? { ...claim, keyTerms: [] } : claim)), 'test');
  const cases: ReadonlyArray<{ id: string; heading: string; duty: string }> = [
    { id: 'korea-ai-basic-act', heading: "What South Korea's AI Basic Act requires", duty: 'Since January, anything a generative model produces has to be labelled, whether text, a picture or a cloned voice.' },
    { id: 'texas-traiga', heading: "What Texas's TRAIGA requires", duty: 'Beyond intent-based bans, public bodies may not use artificial intelligence to give residents a social score that leads to unfavourable treatment elsewhere.' },
    {
      id: 'eu-ai-act-transparency-obligations',
      heading: 'What Article 50 of the AI Act requires',
      duty: 'Makers of image and video generators carry a second duty: what their tools output must be marked so that software can detect it.',
    },
    { id: 'colorado-ai-act-replaced', heading: "What happened to Colorado's AI Act", duty: "Hailed as a first, the statute's duty of care toward consumers facing algorithmic discrimination is gone." },
    { id: 'italy-national-ai-law', heading: "Italy's AI law in brief", duty: 'It adds sector rules for healthcare, employment and the courts, with human oversight of decisions AI supports.' },
  ];
  for (const { id, heading, duty } of cases) {
    it(`finds "${duty}" under "${heading}"`, () => {
      expect(claimsOfLastBlock(ungated(id), [heading], duty)).not.toContain(id);
      expect(claimsOfLastBlock(index, [heading], duty)).toContain(id);
    });
  }

  it('leaves out a remark on the same statute with none of its duties\' words', () => {
    expect(claimsOfLastBlock(index, ["What South Korea's AI Basic Act requires"], 'The science ministry will review the grace period with industry groups next spring.')).not.toContain('korea-ai-basic-act');
    expect(claimsOfLastBlock(index, ["What Texas's TRAIGA requires"], 'The Attorney General has yet to bring a case under the act.')).not.toContain('texas-traiga');
  });
});

describe("claim set 2.1.18: the AI Act's transparency obligations are Article 50's, by that name", () => {
  const claims = loadValid();
  const index = compileClaimIndex(claims, 'test');
  // The set as it was (2.1.17): the statement never said "transparency obligations", Article 50's own title,
  // and its key terms had no "transparency": a sentence saying little more went to the general-purpose model
  // duties, whose group has the word, or to no claim.
  const before = compileClaimIndex(
    claims.map((claim) =>
      claim.id === 'eu-ai-act-transparency-obligations'
        ? { ...claim, statement: article50StatementBefore2118(claim.statement), keyTerms: claim.keyTerms.map((group) => group.filter((term) => term !== 'transparency')) }
        : claim,
    ),
    'test',
  );
  const sentences = [
    "On the same date, the AI Act's transparency rules for chatbots, AI-generated content and deepfakes begin to apply.",
    "From 2 August 2026 the AI Act's transparency obligations apply to chatbots and deepfakes.",
  ];
  for (const sentence of sentences) {
    it(`finds "${sentence}"`, () => {
      expect(claimsOfLastBlock(before, [], sentence)).not.toContain('eu-ai-act-transparency-obligations');
      expect(claimsOfLastBlock(index, [], sentence)).toEqual(['eu-ai-act-transparency-obligations']);
    });
  }
});

describe('claim set 2.1.19: statements and dates as the primary sources have them', () => {
  it("scopes the electricity pledge to the data centers developed for Anthropic's own workloads, as the announcement does", () => {
    const claim = bundledClaimOf('anthropic-electricity-price-pledge');
    expect(claim.statement).toContain('developed for its own workloads');
    expect(claim.evidence.map((e) => e.quote)).toContain('Where we work with partners to develop data centers for handling our own workloads, we make these commitments directly.');
  });

  it('dates the supply-chain-risk letter 4 March 2026, as Anthropic received it, not 3 March', () => {
    expectDatedOn('anthropic-claude-military-use-limits', '2026-03-04', '2026-03-03');
  });

  it('quotes the evaluations finished "three days later than scheduled" from the RSP 2.0 announcement itself', () => {
    const claim = bundledClaimOf('anthropic-rsp-evaluation-cadence');
    expect(claim.history.find((event) => event.date === '2024-10-15')?.note).toContain('three days later than scheduled');
    expect(claim.evidence.some((e) => e.url === 'https://www.anthropic.com/news/announcing-our-updated-responsible-scaling-policy')).toBe(true);
  });
});

describe('claim set 2.1.20: definitions, dates and sources as the primary texts have them', () => {
  it("defines SB 53's large frontier developer as § 22757.11 does: began training too, revenue with affiliates", () => {
    const claim = bundledClaimOf('ca-sb53-publish-frontier-framework');
    expect(claim.statement).toContain('trained, or began training');
    expect(claim.statement).toContain('with its affiliates');
    expect(claim.evidence.some((e) => e.locator.includes('22757.11(j)'))).toBe(true);
  });

  it("cites the court's own order for Colorado's stay, and says SB 26-189 repeals the 2024 Act from 1 January 2027", () => {
    const claim = bundledClaimOf('colorado-ai-act-replaced');
    expect(claim.statement).not.toMatch(/repealed and replaced/);
    expect(claim.statement).toContain('from 1 January 2027');
    const stay = claim.history.find((event) => event.date === '2026-04-27');
    expect(stay?.sourceUrl).toMatch(/^https:\/\/storage\.courtlistener\.com\//);
    expect(stay?.note).not.toMatch(/magistrate/);
  });

  it("records the Council's final approval of the Digital Omnibus on 29 June 2026", () => {
    expectDatedOn('eu-ai-act-digital-omnibus-high-risk-delay', '2026-06-29', '2026-06-24');
  });

  it("dates RSP 3.0's ASL-3 rule to the RSP 3.0 announcement, and states the disclosed classifier gap", () => {
    const claim = bundledClaimOf('anthropic-asl3-protections-activated');
    expect(claim.history.find((event) => event.date === '2026-02-24')?.sourceUrl).toBe('https://www.anthropic.com/news/responsible-scaling-policy-v3');
    expect(claim.statement).toContain('without its blocking biology classifiers');
  });

  it("quotes Google DeepMind's own words for the implemented framework, and the 21 July 2023 fact sheet for red-teaming", () => {
    expect(bundledClaimOf('gdm-fsf-implementation-by-early-2025').evidence.map((e) => e.quote)).toContain('We have also implemented the Framework in our safety and governance processes for evaluating frontier models such as Gemini 2.0.');
    const redTeaming = bundledClaimOf('white-house-2023-voluntary-commitments-red-teaming').evidence;
    expect(redTeaming.every((e) => e.url.includes('/2023/07/21/'))).toBe(true);
  });
});

describe('claim set 2.1.21: a company by its stock ticker, as investor notes name it', () => {
  const index = compileClaimIndex(loadValid(), 'test');

  it("reads Amazon's ticker as Amazon in a note's bullet", () => {
    const bullet = 'AMZN: will not deploy frontier models above its own risk thresholds until appropriate safeguards are in place.';
    expect(claimsOfLastBlock(index, ['Hyperscaler safety gates, by ticker'], bullet)).toEqual(['amazon-frontier-model-safety-framework']);
  });

  it("reads Microsoft's ticker in capitals only: a lower-case word is no ticker", () => {
    const pause = (ticker: string) => `${ticker}: will pause development and deployment of a model if its risks cannot be mitigated.`;
    expect(claimsOfLastBlock(index, ['Hyperscaler safety gates, by ticker'], pause('MSFT'))).toEqual(['microsoft-frontier-governance-pause']);
    expect(claimsOfLastBlock(index, ['Hyperscaler safety gates, by ticker'], pause('msft'))).toEqual([]);
  });
});

describe('claim set 2.1.22: a signature told as following the code', () => {
  const index = compileClaimIndex(loadValid(), 'test');

  it("reads Google's following the EU's code as its signature", () => {
    const followed = "Google will follow the EU's AI code to meet its obligations under the Artificial Intelligence Act.";
    expect(claimsOfLastBlock(index, ['Google and the EU code'], followed)).toEqual(['google-signed-gpai-code']);
  });

  it('needs the code beside the verb', () => {
    const followed = 'Google will follow Meta in publishing its own frontier safety framework this year.';
    expect(claimsOfLastBlock(index, ['Google and the EU code'], followed)).not.toContain('google-signed-gpai-code');
  });
});

describe('claim set 2.1.23: covering the electricity price rises told as picking up the tab or eating them', () => {
  const index = compileClaimIndex(loadValid(), 'test');

  it("reads Anthropic's picking up the tab for power price rises as its pledge", () => {
    const tab = 'Anthropic will pick up the tab for electricity price rises that households face because of its US data centres.';
    expect(claimsOfLastBlock(index, ['Anthropic and the grid'], tab)).toEqual(['anthropic-electricity-price-pledge']);
  });

  it('needs a price or power word beside the tab', () => {
    const lunch = 'Anthropic will pick up the tab for the conference dinner at its San Francisco offices.';
    expect(claimsOfLastBlock(index, ['Anthropic and the grid'], lunch)).not.toContain('anthropic-electricity-price-pledge');
  });
});
