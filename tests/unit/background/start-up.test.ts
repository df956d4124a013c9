import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_PACK_ID } from '../../../lib/background/store/claim-store';
import { DEFAULT_SITE_SETTINGS, withSiteSwitched } from '../../../lib/sites/site-settings';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { bundledClaimSet } from '../../support/claim-sets';
import { BackgroundHarness, ok, openFreshDatabase } from './background-harness';

const BUNDLED = bundledClaimSet();
const SENTENCE = 'Anthropic says it will publish Risk Reports every three to six months.';

let db: PledgeLensDatabase;

beforeEach(async () => {
  db = await openFreshDatabase();
});

afterEach(() => {
  db.close();
});

/** A background of build `buildId` started on the shared database, counting how often it loads the bundled file. */
async function started(buildId: string, bundled: unknown = BUNDLED): Promise<{ bg: BackgroundHarness; loads: () => number }> {
  const loadBundled = vi.fn(async () => bundled);
  const bg = new BackgroundHarness(db, { loadBundled, buildId });
  await bg.service.init();
  return { bg, loads: () => loadBundled.mock.calls.length };
}

describe('start-up', () => {
  it('a restart of the build that seeded the bundled set neither loads nor validates it, and matches as before', async () => {
    expect((await started('build-a')).loads()).toBe(1);
    const again = await started('build-a');
    expect(again.loads()).toBe(0);
    const answer = await ok(again.bg.content()({ type: 'match-page', url: 'https://news.example/a', title: 't', text: SENTENCE }));
    expect(answer.matches).toHaveLength(1);
    expect(answer.claimSetVersion).toBe(`bundled@${BUNDLED.version}`);
  });

  it('another build loads, validates and seeds its own bundled set (an update ships a newer one)', async () => {
    await started('build-a');
    const newer = await started('build-b', { ...BUNDLED, version: '99.0.0' });
    expect(newer.loads()).toBe(1);
    expect((await db.get('packs', BUNDLED_PACK_ID))?.claimSet.version).toBe('99.0.0');
    // And a broken bundled set in a new build still fails loudly.
    await expect(started('build-c', { ...BUNDLED, claims: 'none' })).rejects.toThrow(/bundled claim set is invalid/);
  });

  it('a database that lost its bundled pack is seeded again, even by the same build', async () => {
    await started('build-a');
    await db.delete('packs', BUNDLED_PACK_ID);
    expect((await started('build-a')).loads()).toBe(1);
    expect(await db.getKey('packs', BUNDLED_PACK_ID)).toBe(BUNDLED_PACK_ID);
  });

  it('reads the settings at start-up, so a page\'s first question (is my site on?) waits for no database read', async () => {
    const { bg } = await started('build-a');
    await new Promise((resume) => setTimeout(resume, 20));
    // Written behind the background's back (only its settings store writes them): a background that
    // read them at start-up answers from what it read; one that reads them on the first question sees this.
    const off = withSiteSwitched({ ...DEFAULT_SITE_SETTINGS }, 'https://news.example/a', false);
    await db.put('meta', { ...off, feedUrl: '', revision: 1 }, 'settings');
    const answer = await ok(bg.content()({ type: 'get-site-enabled', url: 'https://news.example/a' }));
    expect(answer.enabled).toBe(true);
  });
});
