/**
 * What a hostile frame, a claim pack and a feed URL can no longer do (security.md): a frame reports
 * and matches only under its own origin, and the popup's claim wording comes from the claim set; two
 * packs whose names share their ASCII letters (or have none) both stay; a feed host with "*" is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { FOREIGN_URL_ERROR } from '../../../lib/background/handlers/content-origin';
import type { SenderFacts } from '../../../lib/messages/sender-role';
import { bundledClaimSet } from '../../support/claim-sets';
import { contentSender, EXTENSION_ID, ok, startBackground, TOP_FRAME, type BackgroundHarness } from './background-harness';

const BUNDLED = bundledClaimSet();
const CLAIM_ID = 'anthropic-rsp3-risk-reports';
const TEXT = 'Anthropic says it will publish Risk Reports every three to six months.';
const EVIL = { ...TOP_FRAME, frameId: 3, url: 'https://evil.example/ad.html' };
const VICTIM = 'https://victim.example/';

let db: PledgeLensDatabase;
let bg: BackgroundHarness;

beforeEach(async () => {
  ({ db, bg } = await startBackground());
});

afterEach(() => db.close());

/** A claim summary as a frame reports it, with wording of the frame's choosing. */
function forged(claimId: string) {
  return { claimId, statement: 'Victim Corp declined every safety pledge.', kind: 'no-commitment' as const, status: 'withdrawn' as const, statusDate: '2026-01-01', actorName: 'Victim Corp', mentions: 1, firstOffset: 0 };
}

const tabState = () => ok(bg.page({ type: 'get-tab-state', tabId: TOP_FRAME.tabId }));

describe('a content script speaks only for its own origin', () => {
  it('a frame on evil.example cannot report, match or ask under victim.example', async () => {
    const evil = bg.content(EVIL);
    expect(await evil({ type: 'report-frame', url: VICTIM, enabled: true, scanning: false, claims: [forged(CLAIM_ID)] })).toEqual({ ok: false, error: FOREIGN_URL_ERROR });
    expect(await evil({ type: 'match-page', url: VICTIM, title: 'Victim', text: TEXT })).toEqual({ ok: false, error: FOREIGN_URL_ERROR });
    expect(await evil({ type: 'get-site-enabled', url: VICTIM })).toEqual({ ok: false, error: FOREIGN_URL_ERROR });
    await bg.service.context.mentions.flushed();
    expect((await ok(bg.page({ type: 'list-mentions', query: {} }))).mentions).toEqual([]);
    expect(JSON.stringify(await tabState())).not.toContain('victim');
    // Its own origin, any page of it, is fine.
    await ok(evil({ type: 'report-frame', url: 'https://evil.example/other', enabled: true, scanning: false, claims: [] }));
  });

  it('the top frame of evil.example cannot make the popup switch turn victim.example off', async () => {
    const top = bg.content({ ...TOP_FRAME, url: 'https://evil.example/' });
    expect((await top({ type: 'report-frame', url: VICTIM, enabled: true, scanning: false, claims: [] })).ok).toBe(false);
    await ok(top({ type: 'report-frame', url: 'https://evil.example/', enabled: true, scanning: false, claims: [] }));
    await ok(bg.page({ type: 'set-site-enabled', tabId: TOP_FRAME.tabId, enabled: false }));
    expect((await ok(bg.page({ type: 'get-site-settings' }))).settings.disabledSites).toEqual(['evil.example']);
  });

  it("the tab's language is its top frame's: an embedded frame's report cannot make the popup say the page is in another language", async () => {
    await ok(bg.content()({ type: 'report-frame', url: TOP_FRAME.url, enabled: true, scanning: false, claims: [] }));
    await ok(bg.content(EVIL)({ type: 'report-frame', url: EVIL.url, enabled: true, scanning: false, claims: [], language: 'fr' }));
    expect((await tabState()).tab.language).toBeUndefined();
    await ok(bg.content()({ type: 'report-frame', url: TOP_FRAME.url, enabled: true, scanning: false, claims: [], language: 'de' }));
    expect((await tabState()).tab.language).toBe('de');
  });

  it("the popup shows the claim set's wording for a reported claim id, and drops ids the set does not hold", async () => {
    await ok(bg.content()({ type: 'report-frame', url: TOP_FRAME.url, enabled: true, scanning: false, claims: [forged(CLAIM_ID), forged('made-up-claim')] }));
    const { claims } = (await tabState()).tab;
    expect(claims.map((claim) => claim.claimId)).toEqual([CLAIM_ID]);
    const real = (await bg.service.context.claimSets.get()).claims.get(CLAIM_ID)!;
    // The force too (the label's tooltip says how it binds), from the set, never from the frame.
    expect(claims[0]).toMatchObject({ statement: real.statement, kind: real.kind, force: real.force, status: real.status, statusDate: real.statusDate, actorName: real.actor.name, mentions: 1 });
    expect(claims[0]!.statement).not.toContain('Victim');
    // A law's effective date too (the popup says when its duties start), from the set: RAISE's is 1 Jan 2027.
    await ok(bg.content()({ type: 'report-frame', url: TOP_FRAME.url, enabled: true, scanning: false, claims: [forged('ny-raise-act-frontier-obligations')] }));
    expect((await tabState()).tab.claims[0]).toMatchObject({ claimId: 'ny-raise-act-frontier-obligations', effectiveDate: '2027-01-01' });
  });

  it('an about:srcdoc or about:blank frame speaks for the origin the browser gives it, else for the tab', async () => {
    const frame = (facts: Partial<SenderFacts>): SenderFacts => ({ ...contentSender({ ...TOP_FRAME, frameId: 4, url: 'about:srcdoc' }), ...facts });
    const report = (url: string) => ({ type: 'report-frame', url, enabled: true, scanning: false, claims: [] });
    // Chrome: sender.origin is the parent's, which a srcdoc frame inherits.
    expect((await bg.raw(report('https://news.example/2026/story'), frame({ origin: 'https://news.example' }))).ok).toBe(true);
    expect(await bg.raw(report(VICTIM), frame({ origin: 'https://news.example' }))).toEqual({ ok: false, error: FOREIGN_URL_ERROR });
    // A sandboxed srcdoc frame (opaque origin), or a browser that gives none: the tab's page.
    expect((await bg.raw(report('https://news.example/'), frame({ origin: 'null', tab: { id: TOP_FRAME.tabId, url: TOP_FRAME.url } }))).ok).toBe(true);
    expect((await bg.raw(report('https://news.example/'), frame({ url: 'about:blank', tab: { id: TOP_FRAME.tabId, url: TOP_FRAME.url } }))).ok).toBe(true);
    expect(await bg.raw(report(VICTIM), frame({ url: 'about:blank', tab: { id: TOP_FRAME.tabId, url: TOP_FRAME.url } }))).toEqual({ ok: false, error: FOREIGN_URL_ERROR });
    // A frame that can see no page above it (an opaque sandboxed frame in Firefox) reports its own address.
    expect((await bg.raw(report('about:srcdoc'), frame({}))).ok).toBe(true);
  });

  it('a frame the browser vouches for nothing about (Firefox: about:srcdoc, origin "null", no tab URL) speaks for the top page once that has reported', async () => {
    const report = (url: string) => ({ type: 'report-frame' as const, url, enabled: true, scanning: false, claims: [] });
    const opaque: SenderFacts = { id: EXTENSION_ID, url: 'about:srcdoc', origin: 'null', tab: { id: TOP_FRAME.tabId }, frameId: 4 };
    // Before the top frame has spoken nothing contradicts it (the frame's script reports the origin that made it).
    expect((await bg.raw(report('https://news.example/'), opaque)).ok).toBe(true);
    await ok(bg.content()(report(TOP_FRAME.url)));
    expect((await bg.raw(report('https://news.example/'), opaque)).ok).toBe(true);
    expect(await bg.raw(report(VICTIM), opaque)).toEqual({ ok: false, error: FOREIGN_URL_ERROR });
    expect(await bg.raw({ type: 'get-site-enabled', url: VICTIM }, opaque)).toEqual({ ok: false, error: FOREIGN_URL_ERROR });
  });
});

describe('imported claim packs', () => {
  const packText = (publisher: string) => JSON.stringify({ ...BUNDLED, version: '9.0.0', publisher });
  const packIds = async () => (await ok(bg.page({ type: 'get-claim-set-info' }))).packs.filter((pack) => pack.source === 'file').map((pack) => `${pack.id}=${pack.name}`).sort();

  it('two files named only in other scripts both stay, each under its own id', async () => {
    await ok(bg.page({ type: 'import-claim-pack', name: '声明', text: packText('A') }));
    await ok(bg.page({ type: 'import-claim-pack', name: '承诺', text: packText('B') }));
    expect(await packIds()).toEqual(['file-声明=File “声明”, publisher as stated: A', 'file-承诺=File “承诺”, publisher as stated: B'].sort());
  });

  it('another file whose id would clash gets the next free id; the same file again replaces its pack', async () => {
    await ok(bg.page({ type: 'import-claim-pack', name: 'My pack', text: packText('A') }));
    await ok(bg.page({ type: 'import-claim-pack', name: 'my-pack', text: packText('B') }));
    await ok(bg.page({ type: 'import-claim-pack', name: 'MY PACK!', text: packText('C') }));
    await ok(bg.page({ type: 'import-claim-pack', name: 'My pack', text: packText('A') }));
    expect(await packIds()).toEqual(['file-my-pack=File “My pack”, publisher as stated: A', 'file-my-pack-2=File “my-pack”, publisher as stated: B', 'file-my-pack-3=File “MY PACK!”, publisher as stated: C'].sort());
  });
});

describe('the feed URL', () => {
  it.each(['https://*/claims.json', 'https://*.example.org/claims.json'])('refuses %s, whose host a permission would read as every site', async (url) => {
    const answer = await bg.page({ type: 'set-feed-url', url, allowUnsigned: true });
    expect(answer).toMatchObject({ ok: false, error: `“${url}” is not a URL.` });
    expect((await ok(bg.page({ type: 'get-claim-set-info' }))).feed.url).toBe('');
  });
});
