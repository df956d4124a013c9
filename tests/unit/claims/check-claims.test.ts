/**
 * `npm run claims:check` (scripts/claims/check-rules.ts): each invariant is shown to hold on a small
 * valid source and to fail, naming the file and the field, when one claim is broken. The claims
 * and actors are invented.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readClaimSource, type ClaimSourceTree, type SourceFile } from '../../../scripts/claims/claim-source';
import { CALENDAR_RULES, checkClaimSource, formatClaimSet, resolveToday, type Problem, type RuleName } from '../../../scripts/claims/check-rules';
import { readClaimSource as readRealSource } from '../../../scripts/claims/claim-source';

const TODAY = '2026-12-03';
/** The day the real source in claims/ was last published (claims/set.json `publishedAt`): its checks are pinned to it. */
const REAL_SOURCE_DAY = '2026-12-08';
const SOURCE_DIR = fileURLToPath(new URL('../../../claims', import.meta.url));
const CHECK_SCRIPT = fileURLToPath(new URL('../../../scripts/claims/check-claims.ts', import.meta.url));

type Json = Record<string, unknown>;

const ACTORS: Json[] = [
  { id: 'acme-ai', name: 'Acme AI', type: 'company', aliases: ['Acme', 'AcmeChat'] },
  { id: 'acme-pact-signatories', name: 'Acme Pact signatories', type: 'coalition', aliases: ['Acme Pact members'], members: ['Acme AI', 'Globex'] },
];

function baseClaim(id: string, actor: string): Json {
  return {
    id,
    actor,
    instrument: { name: 'Acme Scaling Rules', aliases: ['ASR', 'Acme rules'] },
    statement: `Acme AI said it would keep test promise ${id}.`,
    kind: 'announced-target',
    force: 'goal',
    status: 'in-force',
    statusDate: '2026-02-01',
    history: [{ date: '2026-02-01', event: 'introduced', note: 'Announced in a blog post.', sourceUrl: 'https://acme.example/blog' }],
    rationale: 'Worded as an aim.',
    evidence: [{ quote: 'We aim to keep this promise.', locator: '§2', url: 'https://acme.example/policy', title: 'Acme policy' }],
    confidence: 'high',
    sources: [{ url: 'https://acme.example/policy', title: 'Acme policy', publisher: 'Acme AI', date: '2026-02-01' }],
    reviewedAt: '2026-11-20',
    phrasings: ['Acme AI aims to keep its test promise.', 'The lab says it will try to keep the promise.', 'Acme plans to honour the promise.', 'Acme AI set itself the goal of keeping it.'],
    keyPhrases: [],
    keyTerms: [],
    topics: ['testing'],
  };
}

/** A valid source: a withdrawn binding pledge replaced by a goal, and a coalition's partly kept pledge. */
function validClaims(): Json[] {
  const pledge = baseClaim('acme-halt-pledge', 'acme-ai');
  Object.assign(pledge, {
    kind: 'binding-commitment',
    force: 'categorical-pledge',
    status: 'withdrawn',
    statusDate: '2026-02-01',
    replacedBy: ['acme-halt-goal'],
    history: [
      { date: '2024-01-10', event: 'introduced', note: 'First policy.', sourceUrl: 'https://acme.example/v1' },
      { date: '2026-02-01', event: 'withdrawn', note: 'Dropped from the second policy, which replaced it with a goal.', sourceUrl: 'https://acme.example/v2' },
    ],
    contested: 'Some analysts call this a target because the policy could always be revised.',
  });
  const goal = baseClaim('acme-halt-goal', 'acme-ai');
  const pact = baseClaim('acme-pact-publish', 'acme-pact-signatories');
  Object.assign(pact, {
    instrument: { name: 'Acme Pact', aliases: ['Pact of 2024'] },
    kind: 'binding-commitment',
    force: 'voluntary-pledge',
    status: 'partly-fulfilled',
    statusDate: '2025-02-10',
    deadline: '2025-02-10',
    history: [
      { date: '2024-05-21', event: 'introduced', note: 'Signed at a summit.', sourceUrl: 'https://pact.example/text' },
      { date: '2025-02-10', event: 'partly-fulfilled', note: 'Some signatories published by the deadline.', sourceUrl: 'https://pact.example/tracker' },
    ],
  });
  return [pledge, goal, pact];
}

function sourceFile(folder: string, name: string, data: unknown): SourceFile {
  return { file: `claims/${folder ? `${folder}/` : ''}${name}.json`, folder, name, data };
}

/** A fresh valid tree; `edit` breaks it. */
function tree(edit?: (claims: Json[], actors: Json[], extra: { tree: ClaimSourceTree }) => void): ClaimSourceTree {
  const claims = validClaims();
  const actors = structuredClone(ACTORS);
  const built: ClaimSourceTree = {
    set: sourceFile('', 'set', { version: '1.0.0', publishedAt: '2026-11-20', asOf: '2026-11-20', publisher: 'Test' }),
    actors: [],
    claims: [],
    strays: [],
  };
  edit?.(claims, actors, { tree: built });
  built.actors.push(...actors.map((actor) => sourceFile('actors', String(actor.id), actor)));
  built.claims.push(...claims.map((claim) => sourceFile(String(claim.actor), String(claim.id), claim)));
  return built;
}

function check(source: ClaimSourceTree, today = TODAY): Problem[] {
  return checkClaimSource(source, { today }).problems;
}

function errors(source: ClaimSourceTree, today = TODAY): Problem[] {
  return check(source, today).filter((problem) => problem.severity === 'error');
}

function expectProblem(problems: readonly Problem[], rule: RuleName, file: string, field: string, severity: 'error' | 'warning' = 'error'): void {
  expect(problems, JSON.stringify(problems, null, 1)).toContainEqual(expect.objectContaining({ rule, file, field, severity }));
}

const claimAt = (claims: Json[], id: string) => claims.find((claim) => claim.id === id)!;

describe('claims:check on a valid source', () => {
  it('finds nothing and builds the set: actors embedded, claims sorted by id', () => {
    const result = checkClaimSource(tree(), { today: TODAY });
    expect(result.problems).toEqual([]);
    expect(result.claimSet?.schemaVersion).toBe(2);
    expect(result.claimSet?.asOf).toBe('2026-11-20');
    expect(result.claimSet?.claims.map((claim) => claim.id)).toEqual(['acme-halt-goal', 'acme-halt-pledge', 'acme-pact-publish']);
    expect(result.claimSet?.claims[2]!.actor).toEqual(ACTORS[1]);
    expect(Object.keys(result.claimSet!.claims[0]!).slice(0, 3)).toEqual(['id', 'actor', 'instrument']);
    expect(formatClaimSet(result.claimSet!)).toMatch(/^\{\n {2}"schemaVersion": 2,\n[\s\S]*\}\n$/);
  });

  it('passes the real source in claims/ on its review day, with only warnings', () => {
    const problems = checkClaimSource(readRealSource(SOURCE_DIR), { today: REAL_SOURCE_DAY }).problems;
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(problems.every((problem) => problem.rule === 'replaced-by')).toBe(true);
  });

  it('fails the real source once a law that has not applied yet (pending, or amended before it took effect) passes its effective date without a took-effect event (a calendar rule)', () => {
    const problems = errors(readRealSource(SOURCE_DIR), '2027-01-02');
    // New York's RAISE Act, amended by its chapter amendment before 1 January 2027; the AI Act's delayed high-risk rules wait until 2 December 2027.
    expectProblem(problems, 'pending-past-effective-date', 'claims/new-york/ny-raise-act-frontier-obligations.json', 'status');
    expect(problems.some((problem) => problem.rule === 'pending-past-effective-date' && problem.file.includes('digital-omnibus'))).toBe(false);
    expectProblem(errors(readRealSource(SOURCE_DIR), '2027-12-03'), 'pending-past-effective-date', 'claims/european-union/eu-ai-act-digital-omnibus-high-risk-delay.json', 'status');
    // A law that took effect and was amended later has its event: SB 53's claims are never flagged.
    expect(errors(readRealSource(SOURCE_DIR), '2027-12-03').some((problem) => problem.file.includes('ca-sb53'))).toBe(false);
    expect(CALENDAR_RULES.has('pending-past-effective-date')).toBe(true);
  });
});

describe('claims:check finds each broken invariant, with file and field', () => {
  const PLEDGE = 'claims/acme-ai/acme-halt-pledge.json';
  const GOAL = 'claims/acme-ai/acme-halt-goal.json';
  const PACT = 'claims/acme-pact-signatories/acme-pact-publish.json';

  it('schema: a value outside the schema', () => {
    expectProblem(errors(tree((claims) => (claimAt(claims, 'acme-halt-goal').status = 'maybe'))), 'schema', GOAL, 'status');
  });

  it('schema: a misspelt field is not silently dropped', () => {
    expectProblem(errors(tree((claims) => (claimAt(claims, 'acme-halt-goal').contestd = 'Some analysts…'))), 'unknown-field', GOAL, 'contestd');
    expectProblem(errors(tree((claims) => ((claimAt(claims, 'acme-halt-goal').evidence as Json[])[0]!.page = 3))), 'unknown-field', GOAL, 'evidence[0].page');
  });

  it('json: a file that does not parse', () => {
    const source = tree();
    source.claims[0] = { ...source.claims[0]!, data: undefined, error: 'Unexpected token } in JSON at position 10' };
    expectProblem(errors(source), 'json', source.claims[0].file, '(file)');
  });

  it('status equals the status of the last status-setting event', () => {
    expectProblem(errors(tree((claims) => (claimAt(claims, 'acme-halt-pledge').status = 'in-force'))), 'status-history', PLEDGE, 'status');
  });

  it('statusDate equals that event’s date', () => {
    expectProblem(errors(tree((claims) => (claimAt(claims, 'acme-halt-pledge').statusDate = '2026-01-31'))), 'status-history', PLEDGE, 'statusDate');
  });

  it('noted, reworded and reaffirmed events set no status', () => {
    const source = tree((claims) => {
      (claimAt(claims, 'acme-halt-pledge').history as Json[]).push({ date: '2026-03-01', event: 'noted', note: 'A court ruling.', sourceUrl: 'https://court.example/x' });
    });
    expect(errors(source)).toEqual([]);
  });

  it('history dates are in order', () => {
    const source = tree((claims) => {
      const history = claimAt(claims, 'acme-halt-pledge').history as Json[];
      history.push({ date: '2025-06-01', event: 'reaffirmed', note: 'Out of order.', sourceUrl: 'https://acme.example/x' });
    });
    expectProblem(errors(source), 'status-history', PLEDGE, 'history[2].date');
  });

  it('no date after today (today comes from the caller)', () => {
    const source = tree((claims) => {
      (claimAt(claims, 'acme-halt-pledge').history as Json[]).push({ date: '2026-12-04', event: 'noted', note: 'Tomorrow.', sourceUrl: 'https://acme.example/x' });
      claimAt(claims, 'acme-halt-goal').reviewedAt = '2026-12-24';
    });
    expectProblem(errors(source), 'future-date', PLEDGE, 'history[2].date');
    expectProblem(errors(source), 'future-date', GOAL, 'reviewedAt');
    expect(errors(source, '2026-12-31')).toEqual([]);
  });

  it('every claim has evidence', () => {
    expectProblem(errors(tree((claims) => (claimAt(claims, 'acme-halt-goal').evidence = []))), 'schema', GOAL, 'evidence');
  });

  it('evidence quotes are at most 30 words', () => {
    const long = Array.from({ length: 31 }, (_, i) => `word${i}`).join(' ');
    expectProblem(errors(tree((claims) => ((claimAt(claims, 'acme-halt-goal').evidence as Json[])[0]!.quote = long))), 'quote-length', GOAL, 'evidence[0].quote');
  });

  it('warns when a claim has fewer than 4 or more than 12 phrasings, and only then', () => {
    const phrasingsOf = (count: number) => Array.from({ length: count }, (_, i) => `Acme AI aims to keep its test promise, version ${i}.`);
    const countProblems = (count: number) => check(tree((claims) => (claimAt(claims, 'acme-halt-goal').phrasings = phrasingsOf(count)))).filter((problem) => problem.rule === 'phrasing-count');
    expectProblem(countProblems(3), 'phrasing-count', GOAL, 'phrasings', 'warning');
    expectProblem(countProblems(13), 'phrasing-count', GOAL, 'phrasings', 'warning');
    expect(countProblems(4)).toEqual([]);
    expect(countProblems(12)).toEqual([]);
  });

  it('sources, evidence and history links are https', () => {
    const source = tree((claims) => {
      (claimAt(claims, 'acme-halt-goal').sources as Json[])[0]!.url = 'http://acme.example/policy';
      (claimAt(claims, 'acme-halt-goal').evidence as Json[])[0]!.url = 'http://acme.example/policy';
    });
    expectProblem(errors(source), 'schema', GOAL, 'sources[0].url');
    expectProblem(errors(source), 'schema', GOAL, 'evidence[0].url');
  });

  it('no in-force claim whose deadline has passed (a calendar rule)', () => {
    const source = tree((claims) => (claimAt(claims, 'acme-halt-goal').deadline = '2026-06-30'));
    expectProblem(errors(source), 'deadline-passed', GOAL, 'status');
    expect(errors(source, '2026-06-30').filter((problem) => problem.rule === 'deadline-passed')).toEqual([]);
  });

  it('an in-force law cannot take effect in the future; a pending one must not be past its effective date', () => {
    expectProblem(errors(tree((claims) => (claimAt(claims, 'acme-halt-goal').effectiveDate = '2027-01-01'))), 'effective-date', GOAL, 'effectiveDate');
    const pending = tree((claims) => {
      Object.assign(claimAt(claims, 'acme-halt-goal'), {
        kind: 'binding-commitment',
        force: 'legal-obligation',
        status: 'pending',
        effectiveDate: '2026-06-01',
        history: [{ date: '2026-02-01', event: 'enacted', note: 'Signed into law.', sourceUrl: 'https://law.example/act' }],
      });
    });
    expectProblem(errors(pending), 'pending-past-effective-date', GOAL, 'status');
  });

  it('every replacedBy id exists, and only a withdrawn, superseded or modified claim has one', () => {
    expectProblem(errors(tree((claims) => (claimAt(claims, 'acme-halt-pledge').replacedBy = ['acme-nothing']))), 'replaced-by', PLEDGE, 'replacedBy[0]');
    expectProblem(errors(tree((claims) => (claimAt(claims, 'acme-halt-goal').replacedBy = ['acme-halt-pledge']))), 'replaced-by', GOAL, 'replacedBy');
  });

  it('warns when a withdrawn claim’s history says something replaced it but replacedBy is empty', () => {
    const problems = check(tree((claims) => delete claimAt(claims, 'acme-halt-pledge').replacedBy));
    expectProblem(problems, 'replaced-by', PLEDGE, 'replacedBy', 'warning');
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('a rationale that argues for a status argues for the claim’s own (hyphen or space, longest status first)', () => {
    const arguing = (rationale: string) => errors(tree((claims) => (claimAt(claims, 'acme-halt-pledge').rationale = rationale)));
    expectProblem(arguing('It was revoked, so the status is superseded.'), 'rationale-status', PLEDGE, 'rationale');
    expectProblem(arguing('Some kept it, so the status is partly fulfilled.'), 'rationale-status', PLEDGE, 'rationale');
    expect(arguing('It was dropped, so the status is withdrawn, not superseded.').filter((problem) => problem.rule === 'rationale-status')).toEqual([]);
    expect(arguing('If Acme signs again, the status would change to in force.').filter((problem) => problem.rule === 'rationale-status')).toEqual([]);
  });

  it('claim ids are unique', () => {
    const source = tree((claims) => {
      const copy = structuredClone(claimAt(claims, 'acme-pact-publish'));
      copy.id = 'acme-halt-goal';
      claims.push(copy);
    });
    expectProblem(errors(source), 'id-unique', 'claims/acme-pact-signatories/acme-halt-goal.json', 'id');
  });

  it('claim ids are slug-shaped', () => {
    const source = tree((claims) => (claimAt(claims, 'acme-halt-goal').id = 'Acme_Halt_Goal'));
    expectProblem(errors(source), 'schema', 'claims/acme-ai/Acme_Halt_Goal.json', 'id');
  });

  it('the id equals the file name and the folder is the actor', () => {
    const source = tree();
    source.claims[1] = { ...source.claims[1]!, name: 'acme-goal', file: 'claims/acme-ai/acme-goal.json' };
    source.claims[2] = { ...source.claims[2]!, folder: 'acme-ai', file: 'claims/acme-ai/acme-pact-publish.json' };
    const problems = errors(source);
    expectProblem(problems, 'file-name', 'claims/acme-ai/acme-goal.json', 'id');
    expectProblem(problems, 'file-name', 'claims/acme-ai/acme-pact-publish.json', 'actor');
  });

  it('every actor a claim names exists', () => {
    const source = tree((claims) => (claimAt(claims, 'acme-halt-goal').actor = 'globex'));
    expectProblem(errors(source), 'actor-exists', 'claims/globex/acme-halt-goal.json', 'actor');
  });

  it("an agreement's parties are other actors that exist, each listed once; one only ever a party is used, and the built set embeds it", () => {
    const withParty = (parties: string[]) =>
      tree((claims, actors) => {
        actors.push({ id: 'globex', name: 'Globex', type: 'company', aliases: [] });
        claimAt(claims, 'acme-halt-goal').parties = parties;
      });
    const ok = checkClaimSource(withParty(['globex']), { today: TODAY });
    expect(ok.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const built = ok.claimSet!.claims.find((claim) => claim.id === 'acme-halt-goal')!;
    expect(built.parties).toEqual([{ id: 'globex', name: 'Globex', type: 'company', aliases: [] }]);
    expect(Object.keys(built).slice(0, 3)).toEqual(['id', 'actor', 'parties']);
    expect(ok.claimSet!.claims.find((claim) => claim.id === 'acme-halt-pledge')!).not.toHaveProperty('parties');

    const file = 'claims/acme-ai/acme-halt-goal.json';
    expectProblem(errors(withParty(['acme-ai', 'globex'])), 'parties', file, 'parties[0]');
    expectProblem(errors(withParty(['globex', 'globex'])), 'parties', file, 'parties[1]');
    const missing = errors(withParty(['initech']));
    expectProblem(missing, 'actor-exists', file, 'parties[0]');
    expectProblem(missing, 'actor-used', 'claims/actors/globex.json', '(file)');
  });

  it('every actor file is used', () => {
    const source = tree((_claims, actors) => actors.push({ id: 'globex', name: 'Globex', type: 'company', aliases: [] }));
    expectProblem(errors(source), 'actor-used', 'claims/actors/globex.json', '(file)');
  });

  it('actor aliases are names: not ordinary words, multi-word ones capitalised, none shared or repeating the name', () => {
    const source = tree((_claims, actors) => {
      actors[0]!.aliases = ['the company', 'frontier lab', 'Acme AI', 'Acme'];
      actors[1]!.aliases = ['Acme'];
    });
    const problems = errors(source);
    expectProblem(problems, 'alias', 'claims/actors/acme-ai.json', 'aliases[0]');
    expectProblem(problems, 'alias', 'claims/actors/acme-ai.json', 'aliases[1]');
    expectProblem(problems, 'alias', 'claims/actors/acme-ai.json', 'aliases[2]');
    expectProblem(problems, 'alias', 'claims/actors/acme-pact-signatories.json', 'aliases');
  });

  it('instrument aliases are names too', () => {
    const source = tree((claims) => ((claimAt(claims, 'acme-pact-publish').instrument as Json).aliases = ['the Code', 'safety framework']));
    const problems = errors(source);
    expectProblem(problems, 'alias', PACT, 'instrument.aliases[0]');
    expectProblem(problems, 'alias', PACT, 'instrument.aliases[1]');
  });

  it('declined only with no-commitment', () => {
    const declined = (kind: string, force: string) =>
      tree((claims) => {
        Object.assign(claimAt(claims, 'acme-halt-goal'), {
          kind,
          force,
          status: 'declined',
          history: [{ date: '2026-02-01', event: 'declined', note: 'Refused to sign.', sourceUrl: 'https://acme.example/no' }],
        });
      });
    expectProblem(errors(declined('announced-target', 'declaration')), 'status-history', GOAL, 'kind');
    expect(errors(declined('no-commitment', 'refusal'))).toEqual([]);
  });

  it('the force fits the kind (the rubric)', () => {
    expectProblem(errors(tree((claims) => (claimAt(claims, 'acme-halt-goal').force = 'categorical-pledge'))), 'kind-force', GOAL, 'force');
    expectProblem(errors(tree((claims) => (claimAt(claims, 'acme-halt-pledge').force = 'refusal'))), 'kind-force', PLEDGE, 'force');
  });

  it('a coalition lists members and only a coalition has them', () => {
    expectProblem(errors(tree((_claims, actors) => (actors[0]!.members = ['Acme Labs']))), 'actor-members', 'claims/actors/acme-ai.json', 'members');
    expectProblem(check(tree((_claims, actors) => delete actors[1]!.members)), 'actor-members', 'claims/actors/acme-pact-signatories.json', 'members', 'warning');
  });

  it('the layout: set.json present, nothing stray', () => {
    const source = tree((_claims, _actors, { tree: t }) => {
      delete t.set;
      t.strays.push({ file: 'claims/notes.txt', folder: '', name: 'notes.txt' });
    });
    const problems = errors(source);
    expectProblem(problems, 'layout', 'claims/set.json', '(file)');
    expectProblem(problems, 'layout', 'claims/notes.txt', '(file)');
    expect(checkClaimSource(source, { today: TODAY }).claimSet).toBeUndefined();
  });
});

describe('today', () => {
  it('comes from --today, then CLAIMS_TODAY, then the real date', () => {
    expect(resolveToday(['--today', '2026-01-02'], { CLAIMS_TODAY: '2025-05-05' })).toBe('2026-01-02');
    expect(resolveToday(['--today=2026-01-03'], {})).toBe('2026-01-03');
    expect(resolveToday([], { CLAIMS_TODAY: '2025-05-05' })).toBe('2025-05-05');
    expect(resolveToday([], {}, new Date('2030-04-05T12:00:00Z'))).toBe('2030-04-05');
    expect(() => resolveToday(['--today', 'tomorrow'], {})).toThrow(/YYYY-MM-DD/);
  });
});

describe('the claims:check command', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function writeSource(claims: Json[]): string {
    dir = mkdtempSync(join(tmpdir(), 'claims-check-'));
    writeFileSync(join(dir, 'set.json'), JSON.stringify({ version: '1.0.0', publishedAt: '2026-11-20', asOf: '2026-11-20' }));
    mkdirSync(join(dir, 'actors'));
    for (const actor of ACTORS) writeFileSync(join(dir, 'actors', `${String(actor.id)}.json`), JSON.stringify(actor));
    for (const claim of claims) {
      mkdirSync(join(dir, String(claim.actor)), { recursive: true });
      writeFileSync(join(dir, String(claim.actor), `${String(claim.id)}.json`), JSON.stringify(claim));
    }
    return dir;
  }

  it('reads a folder: claims by actor folder, actors, set header, stray files', () => {
    const root = writeSource(validClaims());
    writeFileSync(join(root, 'README.txt'), 'not a claim');
    const read = readClaimSource(root);
    expect(read.claims.map((file) => file.file)).toEqual([
      'claims/acme-ai/acme-halt-goal.json',
      'claims/acme-ai/acme-halt-pledge.json',
      'claims/acme-pact-signatories/acme-pact-publish.json',
    ]);
    expect(read.actors).toHaveLength(2);
    expect(read.set?.name).toBe('set');
    expect(read.strays.map((file) => file.file)).toEqual(['claims/README.txt']);
  });

  it('exits 1 and prints every problem as file: field: message; exits 0 on a valid source', () => {
    const broken = validClaims();
    claimAt(broken, 'acme-halt-goal').status = 'withdrawn';
    claimAt(broken, 'acme-pact-publish').reviewedAt = '2027-01-01';
    const run = (root: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', CHECK_SCRIPT, '--dir', root, '--today', TODAY], { encoding: 'utf8', cwd: fileURLToPath(new URL('../../../', import.meta.url)) });
    const failed = run(writeSource(broken));
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('claims/acme-ai/acme-halt-goal.json: status: status is "withdrawn" but the last status-setting event');
    expect(failed.stderr).toContain('claims/acme-pact-signatories/acme-pact-publish.json: reviewedAt: 2027-01-01 is after today');
    rmSync(dir!, { recursive: true, force: true });
    const passed = run(writeSource(validClaims()));
    expect(passed.stderr).toBe('');
    expect(passed.status).toBe(0);
    expect(passed.stdout).toContain('3 claims, 2 actors; 0 errors, 0 warnings');
  });
});
