import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { EXTENSION_PAGE_TO_BACKGROUND, type ExtensionPageRequest } from '../../../lib/messages/extension-page-to-background';
import { bundledClaimSet } from '../../support/claim-sets';
import { contentSender, EXTENSION_ID, ok, startBackground, TOP_FRAME, type BackgroundHarness } from './background-harness';

const PACK = JSON.stringify({ ...bundledClaimSet(), version: '9.0.0', publisher: 'Forged' });

/** One valid request of every type extension pages may send; each would change or reveal the reader's data. */
function everyExtensionPageRequest(mentionId: string): ExtensionPageRequest[] {
  const requests: ExtensionPageRequest[] = [
    { type: 'get-tab-state', tabId: 7 },
    { type: 'scroll-to-claim', tabId: 7, claimId: 'anthropic-rsp3-risk-reports' },
    { type: 'set-site-enabled', tabId: 7, enabled: false },
    { type: 'get-claim-set-info' },
    { type: 'get-site-settings' },
    { type: 'set-site-settings', siteMode: 'allow-list', allowedSites: ['evil.example'], disabledSites: [], revision: 0 },
    { type: 'get-mention', mentionId },
    { type: 'set-note', mentionId, text: 'planted by the page' },
    { type: 'set-wrong-match', mentionId, flagged: true },
    { type: 'list-mentions', query: {} },
    { type: 'export-mentions', format: 'w3c', query: {} },
    { type: 'import-mentions', text: '{}' },
    { type: 'delete-mentions', ids: [mentionId] },
    { type: 'clear-mentions' },
    { type: 'get-claim-changes', claimIds: ['anthropic-rsp3-risk-reports'], pageUrl: TOP_FRAME.url },
    { type: 'acknowledge-claim-changes' },
    { type: 'set-feed-url', url: 'https://evil.example/claims.json' },
    { type: 'update-feed-now' },
    { type: 'import-claim-pack', name: 'Forged', text: PACK },
    { type: 'set-pack-enabled', packId: 'bundled', enabled: false },
    { type: 'remove-pack', packId: 'bundled' },
  ];
  // The list must keep up with the map: a new extension-page request needs a row here.
  expect(requests.map((request) => request.type).sort()).toEqual(Object.keys(EXTENSION_PAGE_TO_BACKGROUND).sort());
  return requests;
}

let db: PledgeLensDatabase;
let bg: BackgroundHarness;

beforeEach(async () => {
  ({ db, bg } = await startBackground());
});

afterEach(() => db.close());

async function snapshot() {
  // init() compiles (and stores the compiled index) in the background: let it finish first.
  await bg.service.context.claimSets.get();
  await bg.service.context.mentions.flushed();
  return { packs: await db.getAll('packs'), meta: await db.getAll('meta'), history: await db.getAll('history-pages') };
}

describe('sender roles', () => {
  it('a content script (a web page\'s frame) can send no request that reads or changes settings, history or claim sets', async () => {
    const matched = await ok(bg.content()({ type: 'match-page', url: TOP_FRAME.url, title: 't', text: 'Anthropic says it will publish Risk Reports every three to six months.' }));
    const mentionId = matched.matches[0]!.mentionId;
    await ok(bg.page({ type: 'set-note', mentionId, text: 'my private note' }));
    const before = await snapshot();
    for (const request of everyExtensionPageRequest(mentionId)) {
      const answer = await bg.raw(request, contentSender(TOP_FRAME));
      expect(answer, request.type).toEqual({ ok: false, error: 'Unknown request.' });
      expect(JSON.stringify(answer)).not.toContain('my private note');
    }
    expect(await snapshot()).toEqual(before);
    // Its own match told its own tab's frames that the page is about AI (gated-frames.test.ts); nothing else was sent.
    expect(bg.port.sent).toEqual([{ tabId: TOP_FRAME.tabId, frameId: undefined, request: { type: 'page-about-ai' } }]);
  });

  it('a sender that is not this extension gets nothing, whatever it asks', async () => {
    const before = await snapshot();
    const foreign = [
      { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
      { id: 'another-extension', url: TOP_FRAME.url, tab: { id: 7 }, frameId: 0 },
      {},
    ];
    for (const sender of foreign) {
      for (const request of [...everyExtensionPageRequest('urn:pledge-lens:mention:0000000000000000'), { type: 'match-page', url: TOP_FRAME.url, title: 't', text: 'x' }]) {
        expect(await bg.raw(request, sender)).toEqual({ ok: false, error: 'Unknown sender.' });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the note editor (web-accessible, so any page can frame it) may ask for nothing beyond its own mention', async () => {
    const answer = await bg.raw({ type: 'get-site-settings' }, { id: EXTENSION_ID, url: 'chrome-extension://pledge-lens-test-id/note-editor.html?mention=x', tab: { id: 7 }, frameId: 3 });
    expect(answer).toEqual({ ok: false, error: 'Unknown request.' });
  });

  it('malformed requests get a Result error naming the field, never an exception', async () => {
    expect(await bg.raw({ type: 'match-page', url: TOP_FRAME.url, title: 't' }, contentSender(TOP_FRAME))).toEqual({
      ok: false,
      error: expect.stringMatching(/^Malformed match-page request \(text\)/) as unknown as string,
    });
    expect(await bg.raw({ type: 'get-site-enabled', url: TOP_FRAME.url, extra: 1 }, contentSender(TOP_FRAME))).toMatchObject({ ok: false });
    for (const junk of [null, 42, 'match-page', [], { type: 'constructor' }, { type: '__proto__' }]) {
      expect(await bg.raw(junk, contentSender(TOP_FRAME))).toEqual({ ok: false, error: 'Unknown request.' });
    }
  });
});

describe('the content scripts\' vocabulary', () => {
  it('is never published empty on a first install (a page read then would stay behind its gate for good)', async () => {
    // beforeEach installed into an empty database: init() seeded the bundled set.
    await bg.service.context.claimSets.get();
    for (let tick = 0; tick < 20; tick++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(bg.port.vocabularies.length).toBeGreaterThan(0);
    for (const vocabulary of bg.port.vocabularies) expect(vocabulary.names).toContain('anthropic');
  });

  it('is published when the claim set is compiled, and again when a pack changes it', async () => {
    await bg.service.context.claimSets.get();
    await Promise.resolve();
    const first = bg.port.vocabularies.at(-1);
    expect(first?.names).toContain('anthropic');
    await ok(bg.page({ type: 'set-pack-enabled', packId: 'bundled', enabled: false }));
    await bg.service.context.claimSets.get();
    await Promise.resolve();
    expect(bg.port.vocabularies.at(-1)?.names).toEqual([]);
  });
});
