import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../lib/match/porter-stem';

/**
 * Expected stems derived by hand from Porter (1980), "An algorithm for suffix stripping", running
 * all five steps (the paper's per-step examples show one step only; these are full outputs).
 * Each comment names the steps that fire.
 */
const PAIRS: Array<[string, string, string]> = [
  ['caresses', 'caress', '1a SSES->SS'],
  ['ponies', 'poni', '1a IES->I'],
  ['ties', 'ti', '1a IES->I'],
  ['caress', 'caress', '1a SS->SS'],
  ['cats', 'cat', '1a S->'],
  ['feed', 'feed', '1b EED needs m>0; m(f)=0'],
  ['agreed', 'agre', '1b EED->EE (m(agr)=1), 5a E removed (m(agre)=1, not *o)'],
  ['plastered', 'plaster', '1b ED->'],
  ['bled', 'bled', '1b ED needs *v*; "bl" has no vowel'],
  ['motoring', 'motor', '1b ING->'],
  ['sing', 'sing', '1b ING needs *v*'],
  ['conflated', 'conflat', '1b ED->, AT->ATE, 5a E removed (m=2)'],
  ['troubled', 'troubl', '1b ED->, BL->BLE, 5a E removed (m=1, not *o)'],
  ['sized', 'size', '1b ED->, m=1 and *o adds E, 5a keeps E (*o)'],
  ['hopping', 'hop', '1b ING->, double consonant undoubled'],
  ['tanned', 'tan', '1b ED->, double consonant undoubled'],
  ['falling', 'fall', '1b ING->, LL kept'],
  ['hissing', 'hiss', '1b ING->, SS kept'],
  ['fizzed', 'fizz', '1b ED->, ZZ kept'],
  ['failing', 'fail', '1b ING->, no *o (ail)'],
  ['filing', 'file', '1b ING->, *o adds E, 5a keeps E'],
  ['happy', 'happi', '1c Y->I'],
  ['sky', 'sky', '1c needs *v* before Y'],
  ['relational', 'relat', '2 ATIONAL->ATE, 5a E removed (m(relat)=2)'],
  ['conditional', 'condit', '2 TIONAL->TION, 4 ION after T (m=2)'],
  ['rational', 'ration', '2 ATIONAL needs m>0 (r: m=0) so no step-2 change, 4 AL (m(ration)=2)'],
  ['generalization', 'gener', '2 IZATION->IZE, 3 ALIZE->AL, 4 AL'],
  ['adjustable', 'adjust', '4 ABLE (m(adjust)=2)'],
  ['triplicate', 'triplic', '3 ICATE->IC, 4 IC needs m>1 (m(tripl)=1)'],
  ['formative', 'form', '3 ATIVE->'],
  ['hopeful', 'hope', '3 FUL->, 5a keeps E (m(hop)=1, *o)'],
  ['goodness', 'good', '3 NESS->'],
  ['electricity', 'electr', '1c Y->I, 3 ICITI->IC, 4 IC'],
  ['revival', 'reviv', '4 AL'],
  ['allowance', 'allow', '4 ANCE'],
  ['inference', 'infer', '4 ENCE'],
  ['airliner', 'airlin', '4 ER'],
  ['replacement', 'replac', '4 EMENT (longest of EMENT/MENT/ENT)'],
  ['cement', 'cement', '4 EMENT fails its condition (m(c)=0), so MENT/ENT are not tried'],
  ['adoption', 'adopt', '4 ION after T'],
  ['communism', 'commun', '4 ISM'],
  ['effective', 'effect', '4 IVE'],
  ['probate', 'probat', '4 ATE needs m>1 (m(prob)=1), 5a E removed (m(probat)=2)'],
  ['rate', 'rate', '5a keeps E (m(rat)=1, *o)'],
  ['cease', 'ceas', '5a E removed (m(ceas)=1, not *o)'],
  ['controlling', 'control', '1b ING->, LL kept, 5b LL->L (m>1)'],
  ['roll', 'roll', '5b needs m>1'],
  ['generous', 'gener', '4 OUS: Porter does conflate generous with general'],
];

describe('porterStem on classic Porter vocabulary', () => {
  it.each(PAIRS)('%s -> %s (%s)', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('leaves words of two letters or fewer alone', () => {
    expect(porterStem('is')).toBe('is');
    expect(porterStem('as')).toBe('as');
  });

  it('is idempotent on the stems of this list where Porter is', () => {
    // Stemming a stem again must not shorten it further for these ordinary words.
    for (const stem of ['caress', 'motor', 'hop', 'adjust', 'form', 'good', 'reviv', 'allow']) expect(porterStem(stem)).toBe(stem);
  });

  it('keeps policy and police apart', () => {
    expect(porterStem('policy')).toBe('polici');
    expect(porterStem('police')).toBe('polic');
  });
});
