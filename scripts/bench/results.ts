/** The shape of bench/results.json, and lookups over it. */
import type { Measured } from './measure';

export type ContenderId = 'floor' | 'engine' | 'shipped' | 'markjs' | 'fuzzy';

export const CONTENDERS: readonly ContenderId[] = ['floor', 'engine', 'shipped', 'markjs', 'fuzzy'];

export const CONTENDER_LABEL: Readonly<Record<ContenderId, string>> = {
  floor: 'floor: TreeWalker text pass',
  engine: 'Pledge Lens engine (in-page)',
  shipped: 'Pledge Lens as shipped *',
  markjs: 'mark.js per phrase',
  fuzzy: 'fuzzy quote anchoring',
};

export interface ContenderResult {
  page: string;
  words: number;
  claimSet: string;
  claims: number;
  contender: ContenderId;
  measured: Measured;
  /** For a run stopped at its deadline: elapsed × all phrasings / phrasings done. */
  estimatedMs?: number;
}

export interface ClaimSetInfo {
  name: string;
  claims: number;
  phrasings: number;
  /** compileClaimIndex in Node, median. */
  compileMs: number;
  indexBytes: number;
}

export interface PageInfo {
  name: string;
  words: number;
  blocks: number;
  quotes: number;
  requiredQuotes: number;
  htmlBytes: number;
}

export interface Goal {
  goal: string;
  met: boolean | undefined;
  measured: string;
}

export interface BenchResults {
  generatedAt: string;
  mode: 'full' | 'quick';
  machine: { cpus: number; node: string; chromium: string; platform: string };
  settings: { runs: number; deadlineMs: number; budgetMs: number };
  pages: PageInfo[];
  claimSets: ClaimSetInfo[];
  results: ContenderResult[];
  /** Longest long task of each page alone (no extension) after DOMContentLoaded, for reading the shipped column. */
  pageOwnLongTask: Record<string, number>;
  contentScript?: { path: string; bytes: number; gzipBytes: number };
  unplacedQuotes: Array<{ file: string; quote: string }>;
  goals: Goal[];
}

export function findResult(results: readonly ContenderResult[], page: string, claimSet: string, contender: ContenderId): ContenderResult | undefined {
  return results.find((r) => r.page === page && r.claimSet === claimSet && r.contender === contender);
}

/**
 * The time to compare with, and whether it is only a lower bound (a run stopped at its deadline
 * took at least that long). Undefined when nothing was measured.
 */
export function comparableMs(result: ContenderResult | undefined): { ms: number; lowerBound: boolean } | undefined {
  if (!result || Number.isNaN(result.measured.median)) return undefined;
  return { ms: result.measured.median, lowerBound: result.measured.timedOut };
}
