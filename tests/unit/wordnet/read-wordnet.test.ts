import { beforeAll, describe, expect, it } from 'vitest';
import {
  baseForms,
  cleanLemma,
  createSynsetLookup,
  loadWordNet,
  parseDataLine,
  parseExceptions,
  parseIndex,
  wordNetFromTexts,
  type WordNet,
} from '../../../scripts/wordnet/read-wordnet';

const LICENSE = '  1 This software and database is provided under a license.  \n  2 Copyright notice.  \n';

describe('parsing WordNet files', () => {
  it('reads index lines, keeping the offsets in sense order and skipping the license header', () => {
    const text = `${LICENSE}rival n 1 3 @ ~ + 1 1 10552570  \nrisk n 4 3 @ ~ + 4 2 14565454 00803899 05100680 05100555  \n`;
    const index = parseIndex(text);
    expect(Array.from(index.keys())).toEqual(['rival', 'risk']);
    expect(index.get('risk')).toEqual(['14565454', '00803899', '05100680', '05100555']);
  });

  it('reads a data line and strips adjective markers', () => {
    const synset = parseDataLine('00020141 00 s 02 outback(a) 0 Remote 0 003 & 00019912 a 0000 | inaccessible');
    expect(synset).toEqual({ offset: '00020141', pos: 'adj', lemmas: ['outback', 'remote'] });
    expect(cleanLemma('galore(ip)')).toBe('galore');
    expect(cleanLemma('ready_to_hand(p)')).toBe('ready_to_hand');
  });

  it('looks synsets up by byte offset, and falls back to a full index when offsets are not byte positions', () => {
    const first = '00000000 03 n 01 filler 0 000 | padding line';
    const offset = String(first.length + 1).padStart(8, '0');
    const atOffset = `${first}\n${offset} 03 n 02 Alpha 0 beta 0 000 | x\n`;
    expect(createSynsetLookup(atOffset).get(offset)?.lemmas).toEqual(['alpha', 'beta']);
    // Same synset, but a line was added before it so the offset no longer matches its position.
    const shifted = `x\n${atOffset}`;
    expect(createSynsetLookup(shifted).get(offset)?.lemmas).toEqual(['alpha', 'beta']);
    expect(createSynsetLookup(shifted).get('12345678')).toBeUndefined();
  });

  it('reads exception lists', () => {
    const exceptions = parseExceptions('geese goose\nbetter good well\n');
    expect(exceptions.get('better')).toEqual(['good', 'well']);
  });

  it('uses an exception list instead of the rules when one is given', () => {
    const empty = { noun: '', verb: '', adj: '', adv: '' };
    const wordnet = wordNetFromTexts({
      index: { ...empty, verb: 'hold v 1 0 1 0 00000001  \nheld v 1 0 1 0 00000002  \n' },
      data: empty,
      exceptions: { verb: 'held hold\n' },
    });
    expect(baseForms('held', wordnet)).toEqual([
      { pos: 'verb', lemma: 'held' },
      { pos: 'verb', lemma: 'hold' },
    ]);
  });
});

describe('morphology over the real WordNet 3.1 files', () => {
  let wordnet: WordNet;
  beforeAll(() => {
    wordnet = loadWordNet();
  });

  const lemmasOf = (word: string): string[] =>
    baseForms(word, wordnet)
      .map((form) => form.lemma)
      .filter((lemma, i, all) => all.indexOf(lemma) === i);

  it.each([
    ['rivals', 'rival'],
    ['delayed', 'delay'],
    ['companies', 'company'],
    ['mitigations', 'mitigation'],
    ['postponed', 'postpone'],
    ['hazards', 'hazard'],
    ['competitors', 'competitor'],
    ['churches', 'church'],
    ['deploying', 'deploy'],
  ])('%s reduces to %s', (word, base) => {
    expect(lemmasOf(word)).toContain(base);
  });

  it('keeps the part of speech a base was reached through', () => {
    expect(baseForms('training', wordnet)).toEqual([
      { pos: 'noun', lemma: 'training' },
      { pos: 'verb', lemma: 'train' },
    ]);
  });

  it('accepts a base only if the index lists it', () => {
    // "models" → "model" and nothing made up such as "mod"/"modele".
    expect(lemmasOf('models')).toEqual(['model']);
    expect(lemmasOf('xyzzies')).toEqual([]);
  });

  it('does not strip the s of nouns in "ss"', () => {
    expect(lemmasOf('boss')).toEqual(['boss']);
  });

  it('undoubles a final consonant when no rule matched (what verb.exc would do)', () => {
    expect(lemmasOf('stopped')).toContain('stop');
    expect(lemmasOf('committing')).toContain('commit');
  });
});
