/**
 * A claim set from a feed or a pack file is written by someone else: these are the inputs a hostile
 * publisher (or whoever changed the file) could send, and what each must get. Every case goes through
 * `validateClaimPackFile`, the path a feed body and a pack file share after their own checks.
 */
import { describe, expect, it } from 'vitest';
import { cardDataFor, MAX_RELATED_CLAIMS } from '../../../lib/claims/claim-card-data';
import type { PackedClaim } from '../../../lib/claims/merge-claim-packs';
import { validateClaimPackFile } from '../../../lib/claims/parse-claim-set-text';
import { MAX_LIST, type Claim } from '../../../lib/claims/schema';
import { MAX_SET_NAMES, MAX_SET_PHRASINGS, validateClaimSet } from '../../../lib/claims/validate-claim-set';
import { readerText } from '../../../lib/format/claim-verdict';
import { generateClaimSet } from '../../../scripts/bench/synthetic-claims';
import { bundledClaimSet, makeClaim, makeClaimSet } from '../../support/claim-sets';

function errorOf(text: string): string {
  const result = validateClaimPackFile(text);
  if (result.ok) throw new Error('expected the claim set to be refused');
  return result.error;
}

/** A one-claim set whose claim has `overrides`, as file text. */
function setText(overrides: Partial<Claim>): string {
  return JSON.stringify(makeClaimSet({ claims: [makeClaim('hostile-claim', overrides)] }));
}

const actorNamed = (name: string): Partial<Claim> => ({ actor: { id: 'example-lab', name, type: 'company', aliases: [] } });

describe('claim-set text a reader sees', () => {
  it.each([
    ['a right-to-left override in the actor name (the verdict sentence after it would read backwards)', actorNamed('Example Lab\u202E')],
    ['a first-strong isolate in the statement', { statement: 'Example Lab will \u2068publish\u2069 reports.' }],
    ['a left-to-right embedding in a source title', { sources: [{ url: 'https://lab.example/policy', title: '\u202APolicy' }] }],
    ['a NUL in the rationale', { rationale: 'Stated plainly.\u0000' }],
    ['a C1 control in a phrasing', { phrasings: ['Example Lab will publish reports\u0085 every quarter.'] }],
    ['an unpaired high surrogate in an alias', { actor: { id: 'example-lab', name: 'Example Lab', type: 'company', aliases: ['Ex\uD800Lab'] } }],
    ['an unpaired low surrogate in an evidence quote', { evidence: [{ quote: '\uDC00quoted', locator: '§1', url: 'https://lab.example/policy' }] }],
  ] satisfies Array<[string, Partial<Claim>]>)('refuses %s, naming the field', (_label, overrides) => {
    expect(errorOf(setText(overrides))).toMatch(/must not contain control characters, unpaired surrogates or bidi overrides/);
  });

  it('refuses a bidi override in the publisher, which the signed feed name "<publisher> (signed, key …)" would turn round', () => {
    const text = JSON.stringify(makeClaimSet({ publisher: 'Example Watch\u202E' }));
    expect(errorOf(text)).toMatch(/^This file is not a valid claim set:\npublisher: must not contain control characters/);
  });

  it('keeps what real text needs: right-to-left marks, paired surrogates (emoji), accents, line breaks', () => {
    const result = validateClaimPackFile(
      setText({ ...actorNamed('\u200Fמעבדה לדוגמה\u200F'), statement: 'Example Lab 🧪 will publish café reports.', rationale: 'First line.\nSecond line.' }),
    );
    expect(result.ok && result.claimSet.claims[0]!.actor.name).toBe('\u200Fמעבדה לדוגמה\u200F');
  });

  it('holds for schema 1 packs too (they are migrated, not trusted)', () => {
    const v1 = {
      schemaVersion: 1,
      version: '1.0.0',
      publishedAt: '2025-01-01',
      claims: [{ ...makeClaim('legacy-claim'), actor: { id: 'example-lab', name: 'Example\u202ELab', aliases: [] } }],
    };
    expect(errorOf(JSON.stringify(v1))).toMatch(/claims\[0\]\.actor\.name: must not contain control characters/);
  });
});

describe('dates a card shows', () => {
  it.each(['2025-02-30', '2025-04-31', '2023-02-29'])('refuses %s, which engines would show as a day in the next month', (date) => {
    expect(errorOf(setText({ statusDate: date, history: [{ date, event: 'introduced', note: 'n', sourceUrl: 'https://lab.example/' }] }))).toMatch(/must be a real calendar date/);
  });

  it('takes 29 February in a leap year', () => {
    expect(validateClaimPackFile(setText({ statusDate: '2024-02-29', history: [{ date: '2024-02-29', event: 'introduced', note: 'n', sourceUrl: 'https://lab.example/' }] })).ok).toBe(true);
  });
});

describe('links a card would open', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://lab.example/policy', 'HTTPS://lab.example/policy', ' https://lab.example/'])(
    'refuses %j wherever a claim holds a link',
    (url) => {
      for (const overrides of [
        { sources: [{ url, title: 'Source' }] },
        { evidence: [{ quote: 'q', locator: '§1', url }] },
        { history: [{ date: '2025-01-01', event: 'introduced' as const, note: 'n', sourceUrl: url }], status: 'in-force' as const, statusDate: '2025-01-01' },
      ]) {
        expect(errorOf(setText(overrides))).toMatch(/must be an (?:https:\/\/|absolute) URL/);
      }
    },
  );
});

describe('ids and keys that are JavaScript names', () => {
  it('refuses the claim id "constructor": records keyed by claim id would answer it from their prototype', () => {
    expect(errorOf(JSON.stringify(makeClaimSet({ claims: [makeClaim('constructor')] })))).toMatch(/claims\[0\]\.id: must not be a name every JavaScript object has/);
  });

  it('reads "__proto__" and "constructor" keys in the file as data: no prototype changes, and they are not kept', () => {
    const raw = JSON.parse(setText({})) as Record<string, unknown> & { claims: Array<Record<string, unknown>> };
    const text = JSON.stringify(raw)
      .replace(/^\{/, '{"__proto__":{"polluted":"set"},"constructor":{"prototype":{"polluted":"set"}},')
      .replace('"statement":', '"__proto__":{"status":"withdrawn"},"statement":');
    const result = validateClaimPackFile(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.hasOwn(result.claimSet, '__proto__')).toBe(false);
    expect(Object.hasOwn(result.claimSet.claims[0]!, '__proto__')).toBe(false);
    expect(result.claimSet.claims[0]!.status).toBe('in-force');
  });

  it('gives a card for a claim named "constructor" that is already stored (a pack saved before the id was refused)', () => {
    const claim: PackedClaim = { ...makeClaim('constructor'), packId: 'file-1', packName: 'Old pack' };
    const cards = cardDataFor(['constructor'], new Map([['constructor', claim]]));
    expect(Object.hasOwn(cards, 'constructor')).toBe(true);
    expect(cards['constructor']!.statement).toBe(claim.statement);
  });

  it('leaves a rationale naming "force constructor" as it is (not "as function Object() …")', () => {
    expect(readerText('Held with force constructor today.')).toBe('Held with force constructor today.');
  });
});

describe('sizes a feed could use to stall every page', () => {
  it.each([
    ['aliases', { actor: { id: 'example-lab', name: 'Example Lab', type: 'company' as const, aliases: Array.from({ length: MAX_LIST.aliases + 1 }, (_, i) => `Alias ${i}`) } }, 'actor.aliases'],
    ['phrasings', { phrasings: Array.from({ length: MAX_LIST.phrasings + 1 }, (_, i) => `Example Lab will publish report ${i}.`) }, 'phrasings'],
    ['key phrases', { keyPhrases: Array.from({ length: MAX_LIST.keyPhrases + 1 }, (_, i) => `Phrase ${i}`) }, 'keyPhrases'],
    ['key-term groups', { keyTerms: Array.from({ length: MAX_LIST.keyTerms + 1 }, () => ['report']) }, 'keyTerms'],
    ['topics', { topics: Array.from({ length: MAX_LIST.topics + 1 }, (_, i) => `topic-${i}`) }, 'topics'],
  ] satisfies Array<[string, Partial<Claim>, string]>)('refuses a claim with one too many %s', (_label, overrides, field) => {
    expect(errorOf(setText(overrides))).toContain(`claims[0].${field}: must have at most`);
  });

  it('refuses a set in which one actor id carries two different actors (as an actor or a party), naming the claim and the field', () => {
    const meta = { id: 'meta', name: 'Meta', type: 'company' as const, aliases: ['Meta Platforms'] };
    const same = validateClaimSet(makeClaimSet({ claims: [makeClaim('meta-pledge', { actor: meta }), makeClaim('deal', { parties: [{ ...meta, aliases: ['Meta Platforms'] }] })] }));
    expect(same.ok).toBe(true);
    const renamed = validateClaimSet(makeClaimSet({ claims: [makeClaim('meta-pledge', { actor: meta }), makeClaim('deal', { parties: [{ ...meta, name: 'Microsoft' }] })] }));
    expect(!renamed.ok && renamed.issues).toEqual([
      { claimId: 'deal', path: 'claims[1].parties[0]', message: 'actor "meta" is not the same as in claim "meta-pledge": one id must carry one name, type, aliases and members' },
    ]);
    const twoActors = validateClaimSet(makeClaimSet({ claims: [makeClaim('meta-pledge', { actor: meta }), makeClaim('meta-other', { actor: { ...meta, aliases: [] } })] }));
    expect(!twoActors.ok && twoActors.issues.map((issue) => issue.path)).toEqual(['claims[1].actor']);
  });

  it('refuses a set whose claims name more distinct names than a content script should load, and one with too many phrasings', () => {
    const perClaim = MAX_LIST.members;
    const manyNames = Array.from({ length: Math.ceil((MAX_SET_NAMES + 1) / perClaim) }, (_, c) =>
      makeClaim(`claim-${c}`, { actor: { id: `actor-${c}`, name: `Actor ${c}`, type: 'coalition', aliases: [], members: Array.from({ length: perClaim }, (_, i) => `Member ${c}-${i}`) } }),
    );
    const names = validateClaimSet(makeClaimSet({ claims: manyNames }));
    expect(names.ok).toBe(false);
    expect(!names.ok && names.issues[0]!.message).toMatch(new RegExp(`\\(at most ${MAX_SET_NAMES}\\)`));

    // An agreement's parties' names count as well: they are actors the matcher reads too.
    const manyParties = Array.from({ length: Math.ceil((MAX_SET_NAMES + 1) / (MAX_LIST.parties * MAX_LIST.aliases)) }, (_, c) =>
      makeClaim(`claim-${c}`, {
        parties: Array.from({ length: MAX_LIST.parties }, (_, p) => ({ id: `party-${c}-${p}`, name: `Party ${c}-${p}`, type: 'company' as const, aliases: Array.from({ length: MAX_LIST.aliases - 1 }, (_, a) => `Party ${c}-${p} alias ${a}`) })),
      }),
    );
    const parties = validateClaimSet(makeClaimSet({ claims: manyParties }));
    expect(!parties.ok && parties.issues[0]!.message).toMatch(new RegExp(`\\(at most ${MAX_SET_NAMES}\\)`));

    const phrasings = Array.from({ length: MAX_LIST.phrasings }, (_, i) => `Example Lab will publish report ${i}.`);
    const manyPhrasings = Array.from({ length: Math.ceil((MAX_SET_PHRASINGS + 1) / MAX_LIST.phrasings) }, (_, c) => makeClaim(`claim-${c}`, { phrasings }));
    const counted = validateClaimSet(makeClaimSet({ claims: manyPhrasings }));
    expect(!counted.ok && counted.issues.map((issue) => issue.message)).toEqual([`has ${manyPhrasings.length * MAX_LIST.phrasings} phrasings in all (at most ${MAX_SET_PHRASINGS})`]);
  });

  it('names at most MAX_RELATED_CLAIMS other claims on a card, the first its texts name (each is rewritten into every text of the card)', () => {
    const ids = Array.from({ length: 400 }, (_, i) => i.toString(36));
    const packed = (claim: Claim): PackedClaim => ({ ...claim, packId: 'feed', packName: 'Feed' });
    const others = ids.map((id) => packed(makeClaim(`c${id}`)));
    const note = (from: number) => ids.slice(from, from + 40).map((id) => `c${id}`).join(' ');
    const named = packed(
      makeClaim('named', {
        rationale: `See ${note(0)}.`,
        history: Array.from({ length: 9 }, (_, i) => ({ date: '2025-01-10', event: i === 0 ? ('introduced' as const) : ('noted' as const), note: note(40 * (i + 1)), sourceUrl: 'https://example.org/post' })),
      }),
    );
    const claims = new Map([named, ...others].map((claim) => [claim.id, claim]));
    const related = cardDataFor(['named'], claims)['named']!.related ?? {};
    expect(Object.keys(related)).toEqual(ids.slice(0, MAX_RELATED_CLAIMS).map((id) => `c${id}`));
  });

  it('the bundled set and the benchmark\'s 10,000-claim set are inside every bound', () => {
    expect(validateClaimSet(bundledClaimSet()).ok).toBe(true);
    const vocabulary = { nouns: ['harbor', 'ledger', 'charter', 'beacon'], verbs: ['audit', 'publish', 'restrict'], adjectives: ['independent', 'quarterly'], pageWords: ['reports'] };
    const big = validateClaimSet(generateClaimSet(bundledClaimSet(), 10_000, vocabulary));
    expect(big.ok ? [] : big.issues.slice(0, 3)).toEqual([]);
  });

  it('answers a file nested 300,000 levels deep with an error, not an exception', () => {
    const deep = `{"schemaVersion":2,"version":${'['.repeat(300_000)}${']'.repeat(300_000)}}`;
    expect(errorOf(deep)).toMatch(/^This file is not a valid claim set:\nversion: /);
    expect(errorOf('['.repeat(300_000))).toMatch(/^This file is not valid JSON: unexpected end of data/);
  });
});
