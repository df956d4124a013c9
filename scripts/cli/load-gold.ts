import { readFile, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GoldEntry } from './evaluate-matches';
import { InputError } from './load-input';

export interface GoldArticle {
  name: string;
  path: string;
  entries: GoldEntry[];
}

/** Reads a gold file; articles are looked up beside it, or in a sibling `seeds/` folder (the shared layout). */
export async function loadGold(goldPath: string, articlesDir?: string): Promise<GoldArticle[]> {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(await readFile(goldPath, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`cannot read gold file ${goldPath}: ${(error as Error).message}`);
  }
  const folders = articlesDir ? [articlesDir] : [dirname(goldPath), join(dirname(goldPath), '..', 'seeds')];
  const articles: GoldArticle[] = [];
  for (const [name, value] of Object.entries(json)) {
    if (name.startsWith('_')) continue;
    if (!Array.isArray(value)) throw new InputError(`gold file ${goldPath}: "${name}" must map to a list of entries`);
    let path: string | undefined;
    for (const folder of folders) {
      const candidate = join(folder, name);
      if (await access(candidate).then(() => true, () => false)) {
        path = candidate;
        break;
      }
    }
    if (!path) throw new InputError(`gold file ${goldPath}: article "${name}" not found in ${folders.join(' or ')}`);
    const entries = value.map((entry, i) => {
      const e = entry as Partial<GoldEntry>;
      if (typeof e.claim !== 'string' || typeof e.quote !== 'string') throw new InputError(`gold file ${goldPath}: "${name}" entry ${i} needs "claim" and "quote" strings`);
      return { claim: e.claim, quote: e.quote, required: e.required !== false };
    });
    articles.push({ name, path, entries });
  }
  return articles;
}
