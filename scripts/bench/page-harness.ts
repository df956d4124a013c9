/**
 * The in-page side of the benchmark, bundled with esbuild and injected into each bench page after
 * it loads. Every contender times itself with performance.now() inside the page, so nothing of the
 * CDP round trip is counted. Each contender runs on a freshly loaded page.
 */
import search from 'approx-string-match';
import Mark from 'mark.js';
import { HighlightRegistry, paintHighlights, type HighlightSpec } from '../../lib/highlight/paint-highlights';
import type { ClaimIndex } from '../../lib/match/compile-index';
import { matchClaims } from '../../lib/match/match-claims';
import { extractText } from '../../lib/text/extract-text';
import { FUZZY_CLASS, HARNESS_GLOBAL, INIT_GLOBAL, MARKJS_CLASS, type BenchHarness, type InitState, type LongTask, type RunSample } from './harness-types';
import { measureRecall } from './recall-probe';

let index: ClaimIndex | undefined;
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

/** The page's text in mark.js coordinates: one TreeWalker pass over text nodes. */
function pageText(root: Node): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentNode as Element | null;
    if (parent && MARK_SKIPPED_PARENTS.has(parent.nodeName)) continue;
    parts.push((node as Text).data);
  }
  return parts.join('');
}

async function runEngine(): Promise<RunSample> {
  if (!index) throw new Error('loadIndex first');
  const loaded = index;
  // The background keeps the index in memory; its hydration (Maps built on first use) is a
  // once-per-worker cost, timed separately and left out of the per-page total.
  const h0 = performance.now();
  matchClaims('', loaded);
  const hydrate = performance.now() - h0;
  await nextTask();

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
    label: `Claim ${found.claimId}`,
    start: found.start,
    end: found.end,
  }));
  paintHighlights(extracted, specs, new HighlightRegistry());
  const paint = performance.now() - p0;

  return {
    total: extract + match + paint,
    phases: { hydrate, extract, match, paint },
    longestPhase: Math.max(extract, match, paint),
    timedOut: false,
    hits: matches.length,
  };
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
  return { total, phases: { mark: total }, longestPhase: total, timedOut, hits, counts: { processed, phrasings: sorted.length } };
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
  return { total, phases: { anchor, paint }, longestPhase: total, timedOut, hits: ranges.length, counts: { exact, processed, phrasings: phrasings.length } };
}

async function runFloor(): Promise<RunSample> {
  const t0 = performance.now();
  const text = pageText(document.body);
  const total = performance.now() - t0;
  return { total, phases: { walk: total }, longestPhase: total, timedOut: false, hits: text.length };
}

async function longTasks(since: number): Promise<LongTask[]> {
  // Long-task entries are delivered after the task ends; give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const state = (window as unknown as Record<string, InitState | undefined>)[INIT_GLOBAL];
  return (state?.longTasks ?? []).filter((task) => task.start >= since);
}

const harness: BenchHarness = {
  async loadIndex(url) {
    index = (await (await fetch(url)).json()) as ClaimIndex;
    return index.claims.length;
  },
  async loadPhrasings(url) {
    phrasings = (await (await fetch(url)).json()) as string[];
    return phrasings.length;
  },
  runEngine,
  runMarkJs,
  runFuzzy,
  runFloor,
  recall: (probes, selector) => measureRecall(document, probes, selector),
  longTasks,
};

Object.defineProperty(window, HARNESS_GLOBAL, { value: harness });
