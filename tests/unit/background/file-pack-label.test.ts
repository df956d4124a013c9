import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { filePackName } from '../../../lib/background/store/claim-store';
import { bundledClaimSet } from '../../support/claim-sets';
import { ok, startBackground, type BackgroundHarness } from './background-harness';

let db: PledgeLensDatabase;
let bg: BackgroundHarness;

beforeEach(async () => {
  ({ db, bg } = await startBackground());
});

afterEach(() => db.close());

const packText = (publisher: string | undefined) => {
  const { publisher: _bundled, ...rest } = { ...bundledClaimSet(), version: '9.0.0' };
  return JSON.stringify(publisher === undefined ? rest : { ...rest, publisher });
};

/** Every pack's name as the options page lists it (and the card's footer shows it). */
async function names(): Promise<Map<string, string>> {
  const info = await ok(bg.page({ type: 'get-claim-set-info' }));
  return new Map(info.packs.map((pack) => [pack.id, pack.name]));
}

describe('a claim-pack file’s label', () => {
  it('cannot read like a signed feed or the bundled set, whatever the file names itself', async () => {
    const bundledName = (await names()).get('bundled');
    const signed = 'signed, key 3F2A 9C1B 77D0 E4A5';
    await ok(bg.page({ type: 'import-claim-pack', name: 'Example Watch', text: packText(signed) }));
    await ok(bg.page({ type: 'import-claim-pack', name: `Example Watch (${signed})`, text: packText(undefined) }));
    await ok(bg.page({ type: 'import-claim-pack', name: bundledName!, text: packText(undefined) }));
    const labels = [...(await names())].filter(([id]) => id.startsWith('file-')).map(([, name]) => name);
    expect(labels.sort()).toEqual(
      [
        `File “Example Watch”, publisher as stated: ${signed}`,
        `File “Example Watch (${signed})”`,
        `File “${bundledName!}”`,
      ].sort(),
    );
    // A verified feed's label is "<publisher> (signed, key …)"; no file's label ends that way, or equals the bundled set's.
    for (const label of labels) {
      expect(label).toMatch(/^File “/);
      expect(label).not.toMatch(/\(signed, key [0-9A-F ]+\)$/);
      expect(label).not.toBe(bundledName);
    }
  });

  it('drops bidi overrides and controls from the file’s name, which would turn round the words after it', () => {
    expect(filePackName('evil\u202Egnp.json', 'Lab')).toBe('File “evilgnp.json”, publisher as stated: Lab');
    expect(filePackName('a\u0000b\u2066c', undefined)).toBe('File “abc”');
  });

  it('a file imported before the label changed is still replaced by the same file again', async () => {
    const set = JSON.parse(packText('Reader')) as ReturnType<typeof bundledClaimSet>;
    await db.put('packs', { id: 'file-my-pack', name: 'My pack (Reader)', enabled: true, source: 'file', claimSet: set, installedAt: '2026-11-01T00:00:00.000Z' });
    await ok(bg.page({ type: 'import-claim-pack', name: 'My pack', text: packText('Reader') }));
    const files = [...(await names())].filter(([id]) => id.startsWith('file-'));
    expect(files).toEqual([['file-my-pack', 'File “My pack”, publisher as stated: Reader']]);
  });
});
