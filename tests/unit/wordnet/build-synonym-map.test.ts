import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSynonymMap,
  buildVocabulary,
  formatSynonymStats,
  serializeSynonymFile,
  STOP_WORDS,
  synonymFile,
  tokenize,
  type ClaimWording,
} from '../../../scripts/wordnet/build-synonym-map';
import { loadWordNet, type WordNet } from '../../../scripts/wordnet/read-wordnet';

const claim = (statement: string, phrasings: string[] = [], keyTerms: string[][] = []): ClaimWording => ({
  statement,
  phrasings,
  keyPhrases: [],
  keyTerms,
});

let wordnet: WordNet;
beforeAll(() => {
  wordnet = loadWordNet();
});

const mapOf = (...claims: ClaimWording[]): Record<string, string> => buildSynonymMap(claims, wordnet).map;

describe('vocabulary', () => {
  it('takes letters-only words of 3+ characters, minus stop-words', () => {
    expect(tokenize("The firm's AI-safety plan: it will NOT pause in 2025.")).toEqual(['firm', 'safety', 'plan', 'pause']);
  });

  it('reads statement, phrasings, keyPhrases and keyTerms, reduced to base forms and counted', () => {
    const vocabulary = buildVocabulary(
      [{ statement: 'Rivals delayed.', phrasings: ['Our rival delays.'], keyPhrases: ['Frontier Roadmaps'], keyTerms: [['companies']] }],
      wordnet,
    );
    expect(vocabulary.counts.get('rival')).toBe(2);
    expect(vocabulary.counts.get('delay')).toBe(2);
    expect(vocabulary.counts.get('roadmap')).toBeUndefined(); // not in WordNet 3.1
    expect(vocabulary.counts.get('frontier')).toBe(1);
    expect(vocabulary.counts.get('company')).toBe(1);
    expect(vocabulary.counts.has('rivals')).toBe(false);
  });
});

describe('clusters and mappings (pairs checked against WordNet 3.1 data)', () => {
  it('joins "rival" and "competitor" (both list synset 10552570 as sense 1) under the more frequent word', () => {
    const build = buildSynonymMap([claim('Competitors keep pace.', ['No competitor paused.'], [['rivals']])], wordnet);
    expect(build.clusters).toContainEqual(['competitor', 'rival']);
    expect(build.map.rival).toBe('competitor');
    expect(build.map.competitor).toBeUndefined(); // no identity entries
    // Other lemmas of that sense follow the cluster to its canonical word.
    expect(build.map.contender).toBe('competitor');
    expect(build.map.challenger).toBe('competitor');
  });

  it('breaks a frequency tie alphabetically', () => {
    const build = buildSynonymMap([claim('The risk and the hazard.')], wordnet);
    expect(build.clusters).toContainEqual(['hazard', 'risk']);
    expect(build.map.risk).toBe('hazard');
    expect(buildSynonymMap([claim('The risk, a risk and the hazard.')], wordnet).map.hazard).toBe('risk');
  });

  it('maps "hazard" and "peril" to "risk" when only "risk" is in the claims', () => {
    const map = mapOf(claim('Catastrophic risks must stay low.'));
    expect(map.hazard).toBe('risk');
    expect(map.peril).toBe('risk');
  });

  it('maps "postpone" only to itself: WordNet files it under "delay" as a hyponym, not a synonym', () => {
    // postpone (02648898) is a "~" hyponym of delay's sense 2 and shares no synset with "delay".
    const map = mapOf(claim('They will delay the launch.'), claim('They may postpone it.'));
    expect(map.postpone).toBeUndefined();
    expect(map.delay).toBeUndefined();
    expect(map.detain).toBe('delay');
    expect(map.defer).toBe('postpone');
    expect(map.shelve).toBe('postpone');
  });

  it('does not join "company" and "firm": their business senses are separate synsets', () => {
    const build = buildSynonymMap([claim('The company and the firm.')], wordnet);
    expect(build.map.firm).toBeUndefined();
    expect(build.map.company).toBeUndefined();
    expect(build.map.house).toBe('firm');
  });

  it('does not use senses past the third ("train" → "coach" is sense 7, "gearing" is sense 6)', () => {
    const map = mapOf(claim('They train models.'));
    expect(map.develop).toBe('train'); // verb sense 1
    expect(map.caravan).toBe('train'); // noun sense 3: still inside the limit
    expect(map.coach).toBeUndefined();
    expect(map.gearing).toBeUndefined();
    expect(map.groom).toBeUndefined(); // verb sense 4
    // The limit, not WordNet, is what keeps them out.
    const wide = buildSynonymMap([claim('They train models.')], wordnet, { maxSenses: 7 }).map;
    expect(wide.coach).toBe('train');
    expect(wide.groom).toBe('train');
  });

  it('does not use the railway senses of "train" when the claims only say "training"', () => {
    const map = mapOf(claim('Training stops.'));
    expect(map.caravan).toBeUndefined();
    expect(map.educate).toBe('train');
  });

  it('clusters two vocabulary words only through a synset in the first two senses of both', () => {
    // "stopover" is sense 3 of the noun "stop" but sense 1 of "stopover".
    const build = buildSynonymMap([claim('A stop, then a stopover.')], wordnet);
    expect(build.clusters.flat()).not.toContain('stopover');
    expect(build.map.stopover).toBeUndefined();
    expect(build.map.layover).toBe('stopover'); // sense 1 of stopover beats sense 3 of stop
    // Alone, "stop" still reaches "stopover" through its third sense.
    expect(mapOf(claim('A stop.')).stopover).toBe('stop');
  });

  it('does not let one word chain two meanings into one cluster (complete linkage)', () => {
    // "rival" shares sense 1 of the noun with "competitor" and sense 1 of the verb with "equal";
    // "competitor" and "equal" share nothing, so plain union-find would put "peer" next to "competitor".
    const claims = [claim('A competitor, a rival, an equal, a peer.')];
    const complete = buildSynonymMap(claims, wordnet);
    expect(complete.clusters).toContainEqual(['competitor', 'rival']);
    expect(complete.clusters).toContainEqual(['equal', 'peer']);
    expect(complete.map.peer).toBe('equal');
    const single = buildSynonymMap(claims, wordnet, { linkage: 'single' });
    expect(single.clusters).toContainEqual(['competitor', 'equal', 'peer', 'rival']);
    expect(single.map.peer).toBe('competitor');
  });

  it('gives a lemma reached from several clusters to the lowest sense rank, then the lemma\'s own sense rank, and drops ties', () => {
    // "peril" is sense 1 of "hazard" and sense 2 of "danger".
    expect(mapOf(claim('A hazard, a danger.')).peril).toBe('hazard');
    // "hazard" is in sense 1 of both the noun "risk" and the verb "stake"; that is the noun
    // "hazard"'s own sense 1 but only the verb "hazard"'s sense 3, so "risk" keeps it.
    expect(mapOf(claim('The risk and what is at stake.')).hazard).toBe('risk');
    // "pause" is sense 2 of "suspension" and of "hesitate", and sense 1 of both the noun and the
    // verb "pause": nothing tells them apart, so it is left out.
    expect(mapOf(claim('They hesitate.')).pause).toBe('hesitate');
    expect(mapOf(claim('They hesitate: a suspension.')).pause).toBeUndefined();
  });

  it('never maps a stop-word or a word shorter than three letters', () => {
    // Without the stop-list, "will" would bring "volition" and "testament" (senses 1 and 3).
    const build = buildSynonymMap([claim('The lab will and may and can act; they keep a tin and a doctor.')], wordnet);
    expect(build.map.volition).toBeUndefined();
    expect(build.map.can).toBeUndefined(); // a lemma of "tin", sense 2 of the verb
    expect(build.map.canister).toBe('tin');
    expect(build.map.physician).toBe('doctor');
    expect(build.map.md).toBeUndefined();
    expect(build.map.sn).toBeUndefined();
    for (const [key, value] of Object.entries(build.map)) {
      expect(STOP_WORDS.has(key) || STOP_WORDS.has(value)).toBe(false);
      expect(key.length).toBeGreaterThanOrEqual(3);
      expect(key).toMatch(/^[a-z]+$/);
    }
  });

  it('never uses multi-word or hyphenated lemmas', () => {
    const map = mapOf(claim('They delay the train.'));
    expect(Object.keys(map).some((key) => /[_-]/.test(key))).toBe(false);
    expect(map.holdup).toBe('delay');
  });
});

describe('output', () => {
  const claims = [
    claim('Rivals may delay deployment of risky models.', ['The firm will postpone training.']),
    claim('Competitors face hazards.', [], [['risk', 'danger']]),
  ];

  it('is byte-identical for the same input, and independent of claim order', () => {
    const first = serializeSynonymFile(synonymFile(buildSynonymMap(claims, wordnet), ['a.json']));
    const again = serializeSynonymFile(synonymFile(buildSynonymMap(claims, loadWordNet()), ['a.json']));
    const reversed = serializeSynonymFile(synonymFile(buildSynonymMap([...claims].reverse(), wordnet), ['a.json']));
    expect(again).toBe(first);
    expect(reversed).toBe(first);
    const parsed = JSON.parse(first) as { map: Record<string, string>; generatedFrom: string[]; _doc: string };
    expect(Object.keys(parsed.map)).toEqual(Object.keys(parsed.map).sort());
    expect(parsed.generatedFrom).toEqual(['a.json']);
    expect(parsed._doc).toContain('WordNet 3.1');
  });

  it('maps every value to a vocabulary word', () => {
    const build = buildSynonymMap(claims, wordnet);
    const vocabulary = buildVocabulary(claims, wordnet);
    expect(Object.keys(build.map).length).toBeGreaterThan(10);
    for (const value of Object.values(build.map)) expect(vocabulary.counts.has(value)).toBe(true);
  });

  it('prints stats with sizes and samples', () => {
    const build = buildSynonymMap(claims, wordnet);
    const stats = formatSynonymStats(build);
    expect(stats).toContain(`vocabulary: ${build.vocabularySize} base forms`);
    expect(stats).toContain(`map entries: ${Object.keys(build.map).length}`);
    expect(stats).toMatch(/ → /);
  });

  it('builds from a claim file through the CLI, in a few seconds', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'synonyms-')), 'synonyms.json');
    const started = Date.now();
    execFileSync('npx', ['tsx', 'scripts/build-synonyms.ts', '--claims', 'tests/unit/wordnet/sample-claims.json', '--out', out], {
      stdio: 'pipe',
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { generatedFrom: string[]; map: Record<string, string> };
    expect(written.generatedFrom).toEqual(['tests/unit/wordnet/sample-claims.json']);
    expect(written.map.rival).toBe('competitor');
    expect(written.map.peril).toBeDefined();
  });

  it('refuses a claim file that does not validate', () => {
    expect(() =>
      execFileSync('npx', ['tsx', 'scripts/build-synonyms.ts', '--claims', 'package.json', '--out', join(tmpdir(), 'never.json')], {
        stdio: 'pipe',
      }),
    ).toThrow(/not a valid claim set/);
  });
});
