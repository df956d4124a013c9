import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, ClaimSet } from '../../../lib/claims/schema';
import type { ClaimSetInfo } from '../../../lib/claims/claim-set-info';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { BackgroundHarness, freshBundledClaimSet, ok, openFreshDatabase, RISK_REPORTS_PAGE, TOP_FRAME } from './background-harness';

const RISK_REPORTS_ID = 'anthropic-rsp3-risk-reports';
const PAGE = RISK_REPORTS_PAGE;

let clock = new Date('2026-11-25T12:00:00.000Z');
const now = () => clock;
let db: PledgeLensDatabase;

async function makeService(loadBundled: () => Promise<unknown> = async () => freshBundledClaimSet()): Promise<BackgroundHarness> {
  const harness = new BackgroundHarness(db, { loadBundled, now });
  await harness.service.init();
  return harness;
}

async function mentionCount(service: BackgroundHarness): Promise<number> {
  return (await ok(service.page({ type: 'list-mentions', query: {} }))).mentions.length;
}

async function matchPage(service: BackgroundHarness) {
  return service.content({ ...TOP_FRAME, url: PAGE.url })({ type: 'match-page', url: PAGE.url, title: PAGE.title, text: PAGE.text });
}

beforeEach(async () => {
  clock = new Date('2026-11-25T12:00:00.000Z');
  db = await openFreshDatabase();
});

afterEach(() => {
  db.close();
});

describe('BackgroundHarness: matching and mentions', () => {
  it('matches a page stating the Risk Reports claim, with card data and a stored mention', async () => {
    const service = await makeService();
    const result = await matchPage(service);
    if (!result.ok) throw new Error(result.error);
    const match = result.matches.find((m) => m.claimId === RISK_REPORTS_ID);
    expect(match).toBeDefined();
    expect(PAGE.text.slice(match!.start, match!.end)).toBe(
      'The company now says it will publish a written risk assessment on a recurring schedule, roughly every three to six months.',
    );
    expect(match!.mentionId).toMatch(/^urn:pledge-lens:mention:[0-9a-f]{16}$/);
    const card = result.claims[RISK_REPORTS_ID];
    expect(card).toMatchObject({
      id: RISK_REPORTS_ID,
      kind: 'binding-commitment',
      actorName: 'Anthropic',
      packName: freshBundledClaimSet().publisher,
    });
    const bundledClaim = freshBundledClaimSet().claims.find((claim) => claim.id === RISK_REPORTS_ID)!;
    expect(card!.statement).toBe(bundledClaim.statement);
    expect(card!.status).toBe(bundledClaim.status);
    expect(card!.sources.length).toBeGreaterThan(0);
    expect(result.claimSetVersion).toBe(`bundled@${freshBundledClaimSet().version}`);
    // The unrelated sentences matched nothing.
    expect(result.matches).toHaveLength(1);
    expect(await mentionCount(service)).toBe(1);
  });

  it('says which highlights the matcher is unsure of (possible), and only those (report 53: a loose match looked as sure as a close one)', async () => {
    const service = await makeService();
    const url = 'https://news.example/anthropic-policy';
    // The first sentence is a loose match of the regulatory-ladder goal (a new user's report 53); the second states the Risk Reports claim.
    const text = "Anthropic has also told lawmakers it supports regulation scaled to risk, and it endorsed California's SB 53 last year.\u2029The company now says it will publish a written risk assessment on a recurring schedule, roughly every three to six months.";
    const result = await ok(service.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title: 'Anthropic policy', text }));
    expect(result.matches.map((m) => [m.claimId, m.possible ?? false])).toEqual([
      ['anthropic-propose-risk-scaled-regulation', true],
      [RISK_REPORTS_ID, false],
    ]);
  });

  it("a region added later is read with the page's title for what the page is about (a government's name alone needs a page on AI)", async () => {
    const service = await makeService();
    const url = 'https://news.example/live';
    const region = 'Under the New York Department of Financial Services incident reporting rules, covered companies will have 72 hours to report a critical safety incident to the new office.';
    const send = (title: string) => ok(service.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title, text: region, offset: 5000, contextBefore: 'Updates follow.\u2029' }));
    expect((await send('Live: New York signs its AI safety law')).matches.map((m) => m.claimId)).toEqual(['ny-raise-act-frontier-obligations']);
    expect((await send('Live: bank supervisors meet')).matches).toEqual([]);
  });

  it('a region added on top of a live blog is read with the page after it (its subject), and only its own matches count', async () => {
    const service = await makeService();
    const url = 'https://news.example/live-eu';
    // New posts go on top: what the page is about (the AI Act, its general-purpose duties) comes after the new post.
    const region = 'Models placed on the market before that date have until 2 August 2027 to comply.';
    const after = [
      'What the rules require',
      'Under the EU AI Act, every provider of a general-purpose AI model must keep technical documentation, share information with downstream providers, adopt a copyright policy and publish a summary of its training content.',
      'The AI Act obligations for general-purpose AI models have applied since 2 August 2025; the AI Act lets the Commission fine providers from 2 August 2026.',
    ].join('\u2029');
    const send = (contextAfter: string) =>
      ok(service.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title: 'Live: news from Brussels', text: region, offset: 400, contextBefore: 'Live coverage\u2029', contextAfter: `\u2029${contextAfter}` }));
    const found = await send(after);
    expect(found.matches.map((m) => [m.claimId, m.start])).toEqual([['eu-ai-act-gpai-obligations', 400]]);
    expect((await send('Weather: rain in Brussels later.')).matches).toEqual([]);
  });

  it('a rescan of a changed region (offset + context) gives the full scan\'s offsets and mention id', async () => {
    const service = await makeService();
    const full = await matchPage(service);
    if (!full.ok) throw new Error(full.error);
    const [whole] = full.matches;
    // The region is the paragraph holding the claim, as the content script sends it after a DOM change.
    const regionStart = PAGE.text.indexOf('The company now says');
    const regionEnd = PAGE.text.indexOf('\u2029', regionStart);
    const rescan = await service.content()({
      type: 'match-page',
      url: PAGE.url,
      title: PAGE.title,
      text: PAGE.text.slice(regionStart, regionEnd),
      offset: regionStart,
      contextBefore: PAGE.text.slice(Math.max(0, regionStart - 2000), regionStart),
      contextAfter: PAGE.text.slice(regionEnd, regionEnd + 2000),
    });
    if (!rescan.ok) throw new Error(rescan.error);
    expect(rescan.matches).toHaveLength(1);
    expect(rescan.matches[0]).toMatchObject({ claimId: whole!.claimId, start: whole!.start, end: whole!.end, mentionId: whole!.mentionId });
    const listed = await ok(service.page({ type: 'list-mentions', query: {} }));
    expect(listed.mentions).toHaveLength(1);
    expect(listed.mentions[0]!.anchor).toMatchObject({ start: whole!.start, end: whole!.end });
  });

  it('keeps a quote\'s superscripts for people (CSV, citation) while its W3C selector quotes the page\'s own flat text', async () => {
    const service = await makeService();
    const url = 'https://news.example/sb53-threshold';
    const text = "California's new AI law\u2029Under SB 53, every frontier developer, meaning anyone training a model with more than 1026 integer or floating-point operations, must publish a transparency report when it deploys a new frontier model.";
    const at = text.indexOf('1026') + 2;
    const result = await ok(service.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title: 'SB 53', text, scripts: [[at, at + 2, 'sup']] }));
    expect(result.matches.map((match) => match.claimId)).toEqual(['ca-sb53-transparency-report-before-deployment']);
    const [mention] = (await ok(service.page({ type: 'list-mentions', query: {} }))).mentions;
    expect(mention!.anchor.exact).toContain('more than 1026 integer');
    expect(mention!.anchor.readableExact).toContain('more than 10²⁶ integer');
    const csv = await ok(service.page({ type: 'export-mentions', format: 'csv', query: {} }));
    expect(csv.content).toContain('more than 10²⁶ integer');
    expect(csv.content).not.toContain('more than 1026 integer');
    const w3c = JSON.parse((await ok(service.page({ type: 'export-mentions', format: 'w3c', query: {} }))).content) as { first: { items: Array<{ target: { selector: Array<{ type: string; exact?: string }> }; pledgeLens: { readableExact: string | null } }> } };
    const [item] = w3c.first.items;
    expect(item!.target.selector.find((selector) => selector.type === 'TextQuoteSelector')!.exact).toContain('more than 1026 integer');
    expect(item!.pledgeLens.readableExact).toContain('more than 10²⁶ integer');
  });

  it('list-mentions and export find a claim\'s mentions by who made it (name or alias), not only by the page\'s words', async () => {
    const service = await makeService();
    const result = await matchPage(service);
    if (!result.ok) throw new Error(result.error);
    // The quote says "The company"; the title names Anthropic, but not "PBC" or "Claude", the actor's aliases.
    for (const text of ['PBC', 'claude risk']) {
      expect((await ok(service.page({ type: 'list-mentions', query: { text } }))).mentions, text).toHaveLength(1);
    }
    expect((await ok(service.page({ type: 'list-mentions', query: { text: 'OpenAI' } }))).mentions).toHaveLength(0);
    const exported = await ok(service.page({ type: 'export-mentions', format: 'csv', query: { text: 'Claude' } }));
    expect(exported.count).toBe(1);
  });

  it('set-note shows in list-mentions and in every export format', async () => {
    const service = await makeService();
    const result = await matchPage(service);
    if (!result.ok) throw new Error(result.error);
    const mentionId = result.matches[0]!.mentionId;
    const noted = await service.page({ type: 'set-note', mentionId, text: 'Compare with the March version' });
    expect(noted.ok).toBe(true);

    const listed = await ok(service.page({ type: 'list-mentions', query: {} }));
    expect(listed.mentions).toHaveLength(1);
    expect(listed.mentions[0]).toMatchObject({ id: mentionId, claimId: RISK_REPORTS_ID, note: { text: 'Compare with the March version' } });
    expect(listed.claims[RISK_REPORTS_ID]?.id).toBe(RISK_REPORTS_ID);

    // A second visit finds the same mention, but the note never travels to the content script
    // (a page could read it there); the note editor, an extension page, asks for it.
    const again = await ok(matchPage(service));
    expect(again.matches[0]?.mentionId).toBe(mentionId);
    expect(JSON.stringify(again)).not.toContain('Compare with the March version');
    expect((await ok(service.page({ type: 'get-mention', mentionId }))).mention.note?.text).toBe('Compare with the March version');

    for (const format of ['w3c', 'csv', 'markdown'] as const) {
      const exported = await ok(service.page({ type: 'export-mentions', format, query: {} }));
      expect(exported.count).toBe(1);
      expect(exported.content).toContain('Compare with the March version');
      expect(exported.content).toContain('written risk assessment on a recurring schedule');
      expect(exported.filename.length).toBeGreaterThan(0);
    }
    const jsonld = JSON.parse((await ok(service.page({ type: 'export-mentions', format: 'w3c', query: {} }))).content) as { type: string };
    expect(jsonld.type).toBe('AnnotationCollection');
    const csv = (await ok(service.page({ type: 'export-mentions', format: 'csv', query: {} }))).content;
    expect(csv).toContain(RISK_REPORTS_ID);
  });

  it('an exported file imports back into an empty profile', async () => {
    const service = await makeService();
    await matchPage(service);
    const { content } = await ok(service.page({ type: 'export-mentions', format: 'w3c', query: {} }));
    db.close();
    db = await openFreshDatabase();
    const fresh = await makeService();
    expect(await fresh.page({ type: 'import-mentions', text: content })).toEqual({ ok: true, added: 1, updated: 0, unchanged: 0, keptNotes: 0 });
    expect(await mentionCount(fresh)).toBe(1);
  });

  it('import-mentions with garbage returns ok:false and changes nothing', async () => {
    const service = await makeService();
    await matchPage(service);
    const before = await ok(service.page({ type: 'list-mentions', query: {} }));
    for (const text of ['not json at all {', '{"@context": "https://example.org/nope", "items": []}', '[1, 2, 3]', '']) {
      const result = await service.page({ type: 'import-mentions', text });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
    }
    expect(await ok(service.page({ type: 'list-mentions', query: {} }))).toEqual(before);
  });

  it('set-site-enabled false (the popup, for the tab\'s top frame) makes match-page refuse that site only', async () => {
    const service = await makeService();
    const top = { ...TOP_FRAME, url: PAGE.url };
    await ok(service.content(top)({ type: 'report-frame', url: PAGE.url, enabled: true, scanning: false, claims: [] }));
    expect(await service.page({ type: 'set-site-enabled', tabId: top.tabId, enabled: false })).toEqual({ ok: true, enabled: false });
    expect(service.port.sent).toContainEqual({ tabId: top.tabId, frameId: undefined, request: { type: 'recheck-site' } });
    expect(await service.content(top)({ type: 'get-site-enabled', url: 'https://news.example/other-page' })).toEqual({ ok: true, enabled: false });
    const refused = await matchPage(service);
    expect(refused.ok).toBe(false);
    expect(await mentionCount(service)).toBe(0);
    // Another site still works.
    const elsewhere = await service.content({ ...TOP_FRAME, url: 'https://other.example/a' })({ type: 'match-page', url: 'https://other.example/a', title: 'A', text: PAGE.text });
    expect(elsewhere.ok).toBe(true);
    await ok(service.page({ type: 'set-site-enabled', tabId: top.tabId, enabled: true }));
    expect((await matchPage(service)).ok).toBe(true);
  });

  it('get-tab-state says which claims the page keeps from being highlighted (the popup lists them as not shown); the page cannot rename them', async () => {
    const service = await makeService();
    const top = { ...TOP_FRAME, url: PAGE.url };
    const reported = { claimId: RISK_REPORTS_ID, statement: 'forged', kind: 'no-commitment' as const, status: 'in-force' as const, statusDate: '2026-01-01', actorName: 'forged', mentions: 1, firstOffset: 0, hiddenByPage: true as const };
    await ok(service.content(top)({ type: 'report-frame', url: PAGE.url, enabled: true, scanning: false, claims: [reported] }));
    const { tab } = await ok(service.page({ type: 'get-tab-state', tabId: top.tabId }));
    expect(tab.claims).toEqual([expect.objectContaining({ claimId: RISK_REPORTS_ID, hiddenByPage: true, kind: 'binding-commitment', actorName: 'Anthropic' })]);
    const { hiddenByPage: _dropped, ...shown } = reported;
    await ok(service.content(top)({ type: 'report-frame', url: PAGE.url, enabled: true, scanning: false, claims: [shown] }));
    expect((await ok(service.page({ type: 'get-tab-state', tabId: top.tabId }))).tab.claims[0]).not.toHaveProperty('hiddenByPage');
  });

  it('get-tab-state writes powers raised, as the card does ("10²⁶", not "10^26")', async () => {
    const service = await makeService();
    const top = { ...TOP_FRAME, url: PAGE.url };
    const korea = freshBundledClaimSet().claims.find((claim) => claim.id === 'korea-ai-basic-act')!;
    expect(korea.statement).toContain('10^26');
    const reported = { claimId: korea.id, statement: 'x', kind: 'binding-commitment' as const, status: 'in-force' as const, statusDate: '2026-01-22', actorName: 'x', mentions: 1, firstOffset: 0 };
    await ok(service.content(top)({ type: 'report-frame', url: PAGE.url, enabled: true, scanning: false, claims: [reported] }));
    const { tab } = await ok(service.page({ type: 'get-tab-state', tabId: top.tabId }));
    expect(tab.claims[0]!.statement).toContain('10²⁶');
    expect(tab.claims[0]!.statement).not.toContain('^');
  });

  it("switching a site off in one tab's popup tells the site's other open tabs to recheck, and no tab of another site", async () => {
    const service = await makeService();
    const tabs = [
      { ...TOP_FRAME, tabId: 11, url: PAGE.url },
      { ...TOP_FRAME, tabId: 12, url: 'https://news.example/another-story' },
      { ...TOP_FRAME, tabId: 13, url: 'https://other.example/a' },
    ];
    for (const tab of tabs) await ok(service.content(tab)({ type: 'report-frame', url: tab.url, enabled: true, scanning: false, claims: [] }));
    const rechecked = () => service.port.sent.filter((sent) => sent.request.type === 'recheck-site').map((sent) => sent.tabId);

    await ok(service.page({ type: 'set-site-enabled', tabId: 11, enabled: false }));
    expect(rechecked().sort()).toEqual([11, 12]);

    // The options page's site lists: the site's tabs change again, the other site's does not.
    service.port.sent.length = 0;
    const { settings, revision } = await ok(service.page({ type: 'get-site-settings' }));
    await ok(service.page({ type: 'set-site-settings', ...settings, disabledSites: [], revision }));
    expect(rechecked().sort()).toEqual([11, 12]);
  });
});

describe('BackgroundHarness: claim packs', () => {
  function overridingSet(): ClaimSet {
    const bundledClaim = freshBundledClaimSet().claims.find((claim) => claim.id === RISK_REPORTS_ID)!;
    const claim: Claim = {
      ...bundledClaim,
      statement: 'Anthropic will publish Risk Reports on a schedule of its choosing (reader-maintained wording).',
      rationale: 'Reader-maintained override for testing.',
    };
    return { schemaVersion: 2, version: '0.1.0', publishedAt: '2026-11-01', asOf: '2026-11-01', publisher: 'Reader', claims: [claim] };
  }

  async function packIds(service: BackgroundHarness): Promise<ClaimSetInfo['packs']> {
    return (await ok(service.page({ type: 'get-claim-set-info' }))).packs;
  }

  it('import-claim-pack with an invalid file returns the error and leaves packs unchanged', async () => {
    const service = await makeService();
    const before = await packIds(service);
    const broken = await service.page({ type: 'import-claim-pack', name: 'Broken', text: '{"schemaVersion": 1, "version": ' });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/not valid JSON/);
    const invalid = overridingSet();
    (invalid.claims[0] as { kind: string }).kind = 'pinky-promise';
    const wrong = await service.page({ type: 'import-claim-pack', name: 'Wrong', text: JSON.stringify(invalid) });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error).toContain(RISK_REPORTS_ID);
      // In words, not as a schema path (claims[0].kind).
      expect(wrong.error).toContain('label: must be one of');
    }
    expect(await packIds(service)).toEqual(before);
  });

  it('a valid file pack overrides the bundled claim with the same id (cards made before the change are not reused)', async () => {
    const service = await makeService();
    // Cards are kept per compiled set: the bundled claim's card, twice, then the override's.
    for (let i = 0; i < 2; i++) {
      const before = await matchPage(service);
      if (!before.ok) throw new Error(before.error);
      expect(before.claims[RISK_REPORTS_ID]?.packName).not.toBe('File “My pack”, publisher as stated: Reader');
    }
    const imported = await service.page({ type: 'import-claim-pack', name: 'My pack', text: JSON.stringify(overridingSet()) });
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.pack).toMatchObject({ id: 'file-my-pack', source: 'file', enabled: true, claimCount: 1, name: 'File “My pack”, publisher as stated: Reader' });
    const packs = await packIds(service);
    expect(packs.map((pack) => pack.id).sort()).toEqual(['bundled', 'file-my-pack']);

    const result = await matchPage(service);
    if (!result.ok) throw new Error(result.error);
    const card = result.claims[RISK_REPORTS_ID];
    expect(card?.packName).toBe('File “My pack”, publisher as stated: Reader');
    expect(card?.statement).toContain('reader-maintained wording');
    // The override replaces the bundled claim, it does not add a second one.
    const info = await ok(service.page({ type: 'get-claim-set-info' }));
    expect(info.claimCount).toBe(freshBundledClaimSet().claims.length);
  });

  it('init() with a broken bundled set throws an error naming the claim and the field', async () => {
    const broken = freshBundledClaimSet();
    const index = broken.claims.findIndex((claim) => claim.id === RISK_REPORTS_ID);
    broken.claims[index]!.sources[0]!.url = 'http://insecure.example/report';
    const service = new BackgroundHarness(db, { loadBundled: async () => broken, now });
    await expect(service.service.init()).rejects.toThrow(new RegExp(`claim "${RISK_REPORTS_ID}".*claims\\[${index}\\]\\.sources\\[0\\]\\.url`));
    // Nothing was seeded from the broken set.
    expect(await db.getAll('packs')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Feed

function feedSet(version: string, publishedAt: string): ClaimSet {
  const claim: Claim = {
    id: 'feed-only-claim',
    actor: { id: 'example-lab', name: 'Example Lab', type: 'company', aliases: [] },
    statement: 'Example Lab will publish its evaluation results within a week of each release.',
    kind: 'announced-target',
    force: 'goal',
    status: 'in-force',
    statusDate: '2026-10-01',
    history: [{ date: '2026-10-01', event: 'introduced', note: 'Invented for tests.', sourceUrl: 'https://example.org/feed-claim' }],
    rationale: 'Invented test claim.',
    evidence: [{ quote: 'Invented quote.', locator: 'para 1', url: 'https://example.org/feed-claim' }],
    confidence: 'low',
    sources: [{ url: 'https://example.org/feed-claim', title: 'Invented' }],
    reviewedAt: '2026-10-01',
    phrasings: ['Example Lab promised evaluation results within a week of every release.'],
    keyPhrases: [],
    keyTerms: [],
    topics: ['testing'],
  };
  return { schemaVersion: 2, version, publishedAt, asOf: publishedAt, publisher: 'Test feed', claims: [claim] };
}

describe('BackgroundHarness: claim feed', () => {
  let server: Server;
  let feedUrl = '';
  const responses: string[] = [];

  beforeAll(async () => {
    server = createServer((_request, response) => {
      const body = responses.shift() ?? '';
      response.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/claims.json`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('set-feed-url rejects plain http to a public host and javascript: URLs, and accepts loopback http', async () => {
    const service = await makeService();
    for (const url of ['http://example.com', 'http://example.com/claims.json', 'javascript:alert(1)', 'ftp://127.0.0.1/x', 'not a url']) {
      const result = await service.page({ type: 'set-feed-url', url });
      expect(result.ok, url).toBe(false);
    }
    expect((await ok(service.page({ type: 'get-claim-set-info' }))).feed.url).toBe('');
    // Unsigned over plain http to another machine: refused in the words for that case (nothing would catch a swapped set).
    for (const url of ['http://example.com/claims.json', 'http://127.0.0.2/claims.json', 'http://sub.localhost/claims.json']) {
      const unsigned = await service.page({ type: 'set-feed-url', url, allowUnsigned: true });
      expect(unsigned, url).toMatchObject({ ok: false, failure: { code: 'feed-setting', problem: 'not-https', unsigned: true } });
      expect(!unsigned.ok && unsigned.error, url).toMatch(/^An unsigned claim feed must be an https:\/\/ URL/);
    }
    expect((await ok(service.page({ type: 'get-claim-set-info' }))).feed.url).toBe('');
    const accepted = await service.page({ type: 'set-feed-url', url: feedUrl, allowUnsigned: true });
    expect(accepted.ok && accepted.feed.url).toBe(feedUrl);
    expect((await service.page({ type: 'set-feed-url', url: 'https://feeds.example/claims.json', allowUnsigned: true })).ok).toBe(true);
  });

  it('keeps the newer set through a broken and an older feed, recording the last error and success', async () => {
    const service = await makeService();
    expect((await service.page({ type: 'set-feed-url', url: feedUrl, allowUnsigned: true })).ok).toBe(true);
    responses.push(JSON.stringify(feedSet('3.1.0', '2026-11-20')), '{"schemaVersion": 1, "version": "3.2.0",', JSON.stringify(feedSet('3.0.0', '2026-11-21')));

    const firstAt = new Date('2026-11-25T13:00:00.000Z');
    clock = firstAt;
    const first = await service.page({ type: 'update-feed-now' });
    expect(first).toMatchObject({ ok: true, status: 'updated' });

    clock = new Date('2026-11-25T14:00:00.000Z');
    const second = await service.page({ type: 'update-feed-now' });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error).toMatch(/not valid JSON/);
      expect(second.error).toContain(firstAt.toISOString());
    }

    const thirdAt = new Date('2026-11-25T15:00:00.000Z');
    clock = thirdAt;
    const third = await service.page({ type: 'update-feed-now' });
    expect(third.ok).toBe(false);
    if (!third.ok) expect(third.error).toMatch(/3\.0\.0.*not newer.*3\.1\.0/);
    expect(responses).toHaveLength(0);

    const packs = await db.getAll('packs');
    const feed = packs.find((pack) => pack.id === 'feed');
    expect(feed?.claimSet.version).toBe('3.1.0');
    expect(feed?.source).toBe('feed');
    expect(feed?.feedUrl).toBe(feedUrl);

    const info = await ok(service.page({ type: 'get-claim-set-info' }));
    expect(info.feed.url).toBe(feedUrl);
    expect(info.feed.lastSuccessAt).toBe(firstAt.toISOString());
    expect(info.feed.lastCheckedAt).toBe(thirdAt.toISOString());
    expect(info.feed.lastError?.at).toBe(thirdAt.toISOString());
    expect(info.feed.lastError?.message).toMatch(/not newer/);
    expect(info.packs.find((pack) => pack.id === 'feed')?.version).toBe('3.1.0');
    expect(info.claimCount).toBe(freshBundledClaimSet().claims.length + 1);
  });
});
