/**
 * The splits of the independent evaluation corpus (docs/evaluation-corpus.md), read from its folder so
 * that retiring the test split to `dev-N` is a folder move, not an edit of every list that reads the
 * corpus.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** tests/fixtures/independent, as a file-system path (import.meta.dirname: a test's DOM environment replaces the global URL). */
export const INDEPENDENT_CORPUS_DIR = join(import.meta.dirname, '../../tests/fixtures/independent');

/** `dev` is the first split; `dev-N` the N-th. */
const DEVELOPMENT_SPLIT = /^dev(?:-(\d+))?$/;

/**
 * The development splits, in the order they were written: `dev`, `dev-2`, `dev-3`, … (every folder so
 * named that holds a gold.json), as folder names. The test split (`test`) is never among them.
 * `dir`: the corpus folder. Throws (from node:fs) if it cannot be read.
 */
export function developmentSplits(dir: string = INDEPENDENT_CORPUS_DIR): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const split = DEVELOPMENT_SPLIT.exec(name);
      return split && existsSync(join(dir, name, 'gold.json')) ? [{ name, order: Number(split[1] ?? 1) }] : [];
    })
    .sort((a, b) => a.order - b.order)
    .map((split) => split.name);
}

/**
 * Every split of the corpus as a folder path: the development splits in order (`developmentSplits`), then
 * `test`. For readers that check every page the matcher is measured on, not for training.
 * `dir`: the corpus folder. Throws (from node:fs) if it cannot be read.
 */
export function allSplitDirs(dir: string = INDEPENDENT_CORPUS_DIR): string[] {
  return [...developmentSplits(dir), 'test'].map((split) => join(dir, split));
}
