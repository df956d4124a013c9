/**
 * Reading the claims source folder (`claims/`): the set header, one file per actor, one file per
 * claim. Reading never judges content; `checkClaimSource` (check-rules.ts) does.
 *
 *   claims/set.json                      version, publishedAt, asOf, publisher
 *   claims/actors/<actor-id>.json         one actor
 *   claims/<actor-id>/<claim-id>.json     one claim, its actor given by id
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One JSON file of the source, parsed (or the reason it could not be). */
export interface SourceFile {
  /** Path shown in messages: relative to the repository, with forward slashes (`claims/xai/x.json`). */
  file: string;
  /** The folder the file sits in, relative to the source root: `actors`, an actor id, or '' for set.json. */
  folder: string;
  /** The file name without `.json`. */
  name: string;
  data?: unknown;
  /** Why the file could not be read or parsed. */
  error?: string;
}

export interface ClaimSourceTree {
  set?: SourceFile;
  actors: SourceFile[];
  claims: SourceFile[];
  /** Files or folders that do not belong in the layout (shown as problems). */
  strays: SourceFile[];
}

const SET_FILE = 'set.json';
const ACTORS_DIR = 'actors';

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function readJson(root: string, displayBase: string, folder: string, fileName: string): SourceFile {
  const full = join(root, folder, fileName);
  const file = toPosix(join(displayBase, relative(root, full)));
  const name = fileName.replace(/\.json$/, '');
  try {
    return { file, folder, name, data: JSON.parse(readFileSync(full, 'utf8')) as unknown };
  } catch (error) {
    return { file, folder, name, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads every file under `root`. `displayBase` is how messages name the root (`claims` when run
 * from the repository), so a problem reads `claims/anthropic/anthropic-rsp-pause-pledge.json: …`.
 */
export function readClaimSource(root: string, displayBase = 'claims'): ClaimSourceTree {
  const tree: ClaimSourceTree = { actors: [], claims: [], strays: [] };
  const entries = readdirSync(root).sort();
  for (const entry of entries) {
    const full = join(root, entry);
    if (statSync(full).isDirectory()) {
      for (const fileName of readdirSync(full).sort()) {
        if (!fileName.endsWith('.json') || statSync(join(full, fileName)).isDirectory()) {
          tree.strays.push({ file: toPosix(join(displayBase, entry, fileName)), folder: entry, name: fileName });
          continue;
        }
        const source = readJson(root, displayBase, entry, fileName);
        (entry === ACTORS_DIR ? tree.actors : tree.claims).push(source);
      }
    } else if (entry === SET_FILE) {
      tree.set = readJson(root, displayBase, '', entry);
    } else {
      tree.strays.push({ file: toPosix(join(displayBase, entry)), folder: '', name: entry });
    }
  }
  return tree;
}
