/**
 * The in-page side of the benchmark, bundled with esbuild and injected into each bench page after
 * it loads. Every contender times itself with performance.now() inside the page, so nothing of the
 * DevTools round trip is counted.
 */
import search from 'approx-string-match';
import Mark from 'mark.js';
import { stemmer } from 'stemmer';
import { HighlightRegistry, MARK_CLASS, paintHighlights, type HighlightSpec } from '../../lib/highlight/paint-highlights';
import type { ClaimIndex } from '../../lib/match/compile-index';
import { matchClaims } from '../../lib/match/match-claims';
import { extractText, type ExtractedText } from '../../lib/text/extract-text';
import { toNodeRanges } from '../../lib/text/node-ranges';
import { FUZZY_CLASS, HAND_CLASS, HARNESS_GLOBAL, MARKJS_CLASS, type BenchHarness, type Phases, type RunSample } from './harness-types';
import { measureRecall } from './recall-probe';

let index: ClaimIndex | undefined;
/** The index's terms → ids: the map floor (d) looks every token up in (built when the index loads, untimed). */
let termIds = new Map<string, number>();
let phrasings: string[] = [];

/** Ends the current task so the next phase runs in a new one, as the content script's phases do. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** mark.js's text-node filter: it skips text whose parent is one of these (see mark.js DOMIterator). */
const MARK_SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'TITLE', 'HEAD', 'HTML']);

/**
 * One TreeWalker pass over the text nodes mark.js counts. Joined with '' it is the text in mark.js
 * coordinates (what the fuzzy anchorer needs); the floor joins with a newline, so that words of
 * adjacent blocks stay apart, as any extraction must keep them.
 */
function pageText(root: Node, joiner = ''): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentNode as Element | null;
    if (parent && MARK_SKIPPED_PARENTS.has(parent.nodeName)) continue;
    parts.push((node as Text).data);
  }
  return parts.join(joiner);
}

/** Letters and digits: the least a word pass must find. */
const FLOOR_WORD = /[\p{L}\p{N}]+/gu;
let floorSegmenter: Intl.Segmenter | undefined;
/** Stems by lower-cased word: a page repeats its words, and any real stemming pass memoises them. */
const floorStems = new Map<string, string>();

async function runFloors(): Promise<Phases> {
  const t0 = performance.now();
  const text = pageText(document.body, '\n');
  const walk = performance.now() - t0;

  const t1 = performance.now();
  const words: string[] = [];
  const starts: number[] = [];
  FLOOR_WORD.lastIndex = 0;
  for (let m = FLOOR_WORD.exec(text); m; m = FLOOR_WORD.exec(text)) {
    words.push(m[0]);
    starts.push(m.index);
  }
  const wordPass = performance.now() - t1;

  const t2 = performance.now();
  floorSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  let sentenceCount = 0;
  for (const _sentence of floorSegmenter.segment(text)) sentenceCount++;
  const sentences = performance.now() - t2;

  const t3 = performance.now();
  let known = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    let stem = floorStems.get(lower);
    if (stem === undefined) floorStems.set(lower, (stem = stemmer(lower)));
    if (termIds.get(stem) !== undefined) known++;
  }
  const terms = performance.now() - t3;

  const a = walk;
  const b = a + wordPass;
  const c = b + sentences;
  const d = c + terms;
  return { walk, words: wordPass, sentences, terms, a, b, c, d, wordCount: words.length, sentenceCount, known };
}

let registry = new HighlightRegistry();
let lastSpecs: HighlightSpec[] = [];

async function runEngine(firstCall: boolean): Promise<Phases & { matches: number }> {
  if (!index) throw new Error('loadIndex first');
  const loaded = index;
  let hydrate = 0;
  if (firstCall) {
    // The first call of a realm builds the index's lookup maps and the canonicalizer: what a
    // service worker pays once per life (a cold start).
    const h0 = performance.now();
    matchClaims('', loaded);
    hydrate = performance.now() - h0;
    await nextTask();
  }

  const e0 = performance.now();
  const extracted = extractText(document.body, { skipSelector: 'pledge-lens-card' });
  const extract = performance.now() - e0;
  await nextTask();

  const m0 = performance.now();
  const matches = matchClaims(extracted.text, loaded);
  const match = performance.now() - m0;
  await nextTask();

  const p0 = performance.now();
  const kinds = new Map(loaded.claims.map((claim) => [claim.id, claim.kind]));
  const specs: HighlightSpec[] = matches.map((found, i) => ({
    claimId: found.claimId,
    kind: kinds.get(found.claimId) ?? 'announced-target',
    mentionId: `m${i}`,
    description: `Claim ${found.claimId}`,
    start: found.start,
    end: found.end,
  }));
  registry = new HighlightRegistry();
  paintHighlights(extracted, specs, registry);
  const paint = performance.now() - p0;
  lastSpecs = specs;

  return { hydrate, extract, match, paint, total: extract + match + paint, matches: matches.length };
}

function clearEngine(): void {
  registry.clear();
}

let handMarks: HTMLElement[] = [];

/**
 * The same ranges as the engine's last paint, wrapped the plainest way: per text piece, split the
 * node and move the middle into a `<mark>` with the attributes paint gives its marks (class, data-*,
 * and on a highlight's first mark the keyboard-stop attributes). Specs last-first, as paint does.
 */
async function runHandWrap(): Promise<Phases & { marks: number }> {
  const extracted: ExtractedText = extractText(document.body, { skipSelector: 'pledge-lens-card' });
  await nextTask();
  const t0 = performance.now();
  const made: HTMLElement[] = [];
  for (const spec of [...lastSpecs].sort((a, b) => b.start - a.start)) {
    const pieces = toNodeRanges(extracted, spec.start, spec.end);
    // A span overlapping one wrapped already (its nodes were split) is skipped, as paint skips it.
    if (pieces.some((piece) => !piece.node.isConnected || piece.node.data.length < piece.to)) continue;
    let first: HTMLElement | undefined;
    for (let k = pieces.length - 1; k >= 0; k--) {
      const piece = pieces[k]!;
      const middle = piece.from > 0 ? piece.node.splitText(piece.from) : piece.node;
      if (piece.to - piece.from < middle.data.length) middle.splitText(piece.to - piece.from);
      const mark = document.createElement('mark');
      mark.className = `${MARK_CLASS} ${HAND_CLASS}`;
      mark.setAttribute('data-markjs', 'true');
      mark.dataset.claimId = spec.claimId;
      mark.dataset.claimKind = spec.kind;
      mark.dataset.mentionId = spec.mentionId;
      middle.parentNode!.replaceChild(mark, middle);
      mark.append(middle);
      made.push(mark);
      first = mark;
    }
    if (first) {
      first.tabIndex = 0;
      first.setAttribute('role', 'button');
      first.setAttribute('aria-haspopup', 'dialog');
      first.setAttribute('aria-description', spec.description);
    }
  }
  const wrap = performance.now() - t0;
  handMarks = made;
  return { wrap, marks: made.length };
}

function clearHandWrap(): void {
  const parents = new Set<Node>();
  for (const mark of handMarks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  // The page's parser never leaves two text nodes side by side: merging them restores its text nodes.
  for (const parent of parents) parent.normalize();
  handMarks = [];
}

/** Phrasings are marked in length order (as mark.js itself sorts them) in chunks, so a deadline can stop the run. */
const MARKJS_CHUNK = 20;

async function runMarkJs(deadlineMs: number): Promise<RunSample> {
  const sorted = [...phrasings].sort((a, b) => b.length - a.length);
  const t0 = performance.now();
  const marker = new Mark(document.body);
  let hits = 0;
  let timedOut = false;
  let processed = 0;
  for (let i = 0; i < sorted.length; i += MARKJS_CHUNK) {
    marker.mark(sorted.slice(i, i + MARKJS_CHUNK), {
      className: MARKJS_CLASS,
      separateWordSearch: false,
      acrossElements: true,
      done: (total: number) => {
        hits += total;
      },
    });
    processed = Math.min(sorted.length, i + MARKJS_CHUNK);
    if (performance.now() - t0 > deadlineMs) {
      timedOut = processed < sorted.length;
      break;
    }
  }
  const total = performance.now() - t0;
  return { total, phases: { mark: total }, timedOut, hits, counts: { processed, phrasings: sorted.length } };
}

/** Hypothesis-style quote anchoring: exact position first, else the best approximate match. */
async function runFuzzy(deadlineMs: number): Promise<RunSample> {
  const t0 = performance.now();
  const text = pageText(document.body);
  const ranges: Array<{ start: number; length: number }> = [];
  let exact = 0;
  let timedOut = false;
  let processed = 0;
  for (let i = 0; i < phrasings.length; i++) {
    const phrasing = phrasings[i]!;
    const at = text.indexOf(phrasing);
    if (at >= 0) {
      exact++;
      ranges.push({ start: at, length: phrasing.length });
    } else {
      const maxErrors = Math.min(32, Math.floor(phrasing.length / 5));
      let best: { start: number; end: number; errors: number } | undefined;
      for (const match of search(text, phrasing, maxErrors)) if (!best || match.errors < best.errors) best = match;
      if (best) ranges.push({ start: best.start, length: best.end - best.start });
    }
    processed = i + 1;
    if (performance.now() - t0 > deadlineMs) {
      timedOut = processed < phrasings.length;
      break;
    }
  }
  const anchor = performance.now() - t0;
  const p0 = performance.now();
  // markRanges skips overlapping ranges; sorting keeps the first of each overlap, as a sidebar would.
  ranges.sort((a, b) => a.start - b.start);
  if (!timedOut) new Mark(document.body).markRanges(ranges, { className: FUZZY_CLASS });
  const paint = performance.now() - p0;
  const total = anchor + paint;
  return { total, phases: { anchor, paint }, timedOut, hits: ranges.length, counts: { exact, processed, phrasings: phrasings.length } };
}

const harness: BenchHarness = {
  async loadIndex(url) {
    index = (await (await fetch(url)).json()) as ClaimIndex;
    termIds = new Map(index.terms.map((term, id) => [term, id]));
    return index.claims.length;
  },
  async loadPhrasings(url) {
    phrasings = (await (await fetch(url)).json()) as string[];
    return phrasings.length;
  },
  runFloors,
  runEngine,
  clearEngine,
  runHandWrap,
  clearHandWrap,
  runMarkJs,
  runFuzzy,
  recall: (probes, selector) => measureRecall(document, probes, selector),
};

Object.defineProperty(window, HARNESS_GLOBAL, { value: harness });
