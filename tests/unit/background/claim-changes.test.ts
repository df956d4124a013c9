/**
 * "Changed since you read it" in the background, on fake IndexedDB: a claim-set update (an imported
 * pack, the feed, a newer bundled set) that changes a claim the reader met is recorded, shown to the
 * popup and the options history, marks the toolbar badge until the reader has looked, and survives
 * the database upgrade.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, ClaimSet } from '../../../lib/claims/schema';
import { DB_NAME, DB_VERSION, openPledgeLensDb, type PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { listMentions, mentionsSeen } from '../../../lib/background/store/mention-store';
import type { Mention } from '../../../lib/annotations/schema';
import { matchClaims } from '../../../lib/match/match-claims';
import type { ClaimChange } from '../../../lib/claims/claim-changes';
import { changeDetail } from '../../../lib/i18n/claim-words';
import { english } from '../i18n/test-translators';
import { BackgroundHarness, freshBundledClaimSet, ok, openFreshDatabase, RISK_REPORTS_PAGE, TOP_FRAME } from './background-harness';
import { installFakeIndexedDb } from './store/fake-idb';

/** The change as the popup and the options history word it, in English. */
const changeSentence = (change: ClaimChange): string => `${english('change_headline')}: ${changeDetail(english, change)}`;

const CLAIM = 'anthropic-rsp3-risk-reports';
const PAGE = RISK_REPORTS_PAGE;
const FRAME = { ...TOP_FRAME, url: PAGE.url };

let clock = new Date('2026-11-25T12:00:00.000Z');
const now = () => clock;
const later = (iso: string) => {
  clock = new Date(iso);
};
let db: PledgeLensDatabase;

/** The bundled set with `change` applied to one claim, under another version. */
function setWith(version: string, claimId: string, change: (claim: Claim) => Claim, base = freshBundledClaimSet()): ClaimSet {
  return { ...base, version, publishedAt: '2026-11-30', claims: base.claims.map((claim) => (claim.id === claimId ? change(claim) : claim)) };
}
/** A new status, with the history event that sets it (the schema checks they agree). */
function setStatus(claim: Claim, event: 'withdrawn' | 'lapsed', date: string): Claim {
  return { ...claim, status: event, statusDate: date, history: [...claim.history, { date, event, note: `Marked ${event} (test).`, sourceUrl: claim.sources[0]!.url }] };
}
const withdrawn = (claim: Claim): Claim => setStatus(claim, 'withdrawn', '2026-11-28');

async function makeService(bundled: ClaimSet = freshBundledClaimSet(), fetchImpl?: typeof fetch): Promise<BackgroundHarness> {
  const harness = new BackgroundHarness(db, { loadBundled: async () => bundled, now, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  await harness.service.init();
  return harness;
}

/** Reads PAGE in tab 7 as its content script would: match, then report what the frame found. */
async function readPage(bg: BackgroundHarness): Promise<string> {
  const matched = await ok(bg.content(FRAME)({ type: 'match-page', url: PAGE.url, title: PAGE.title, text: PAGE.text }));
  const match = matched.matches.find((m) => m.claimId === CLAIM);
  if (!match) throw new Error(`${CLAIM} not matched`);
  const card = matched.claims[CLAIM]!;
  await ok(
    bg.content(FRAME)({
      type: 'report-frame',
      url: PAGE.url,
      enabled: true,
      scanning: false,
      claims: [{ claimId: CLAIM, statement: card.statement, kind: card.kind, status: card.status, statusDate: card.statusDate, actorName: card.actorName, mentions: 1, firstOffset: match.start }],
    }),
  );
  await bg.service.context.mentions.flushed();
  return match.mentionId;
}

async function importPack(bg: BackgroundHarness, set: ClaimSet, name = 'Newer research') {
  return ok(bg.page({ type: 'import-claim-pack', name, text: JSON.stringify(set) }));
}

beforeEach(async () => {
  clock = new Date('2026-11-25T12:00:00.000Z');
  db = await openFreshDatabase();
});

afterEach(() => db.close());

describe('a claim-set update that changes a claim the reader met', () => {
  it('is recorded and shown to the popup, the options history and the badge until the reader has looked', async () => {
    const bg = await makeService();
    const mentionId = await readPage(bg);
    expect(bg.port.badges.get(7)).toBe('1');

    later('2026-11-26T09:00:00.000Z');
    await importPack(bg, setWith('2.1.0', CLAIM, withdrawn));

    // The badge of the tab showing the claim is marked at once (the page has not reported again), and its title says why.
    expect(bg.port.badges.get(7)).toBe('1!');
    expect(bg.port.titles.get(7)).toBe('Pledge Lens: 1 known claim on this page, changed since you read it');

    const popup = await ok(bg.page({ type: 'get-claim-changes', claimIds: [CLAIM], pageUrl: PAGE.url }));
    expect(popup.unseen).toBe(1);
    const change = popup.changes[CLAIM]!;
    expect(change).toMatchObject({
      claimId: CLAIM,
      was: { kind: 'binding-commitment', status: 'in-force', statusDate: '2026-02-24' },
      now: { kind: 'binding-commitment', status: 'withdrawn', statusDate: '2026-11-28' },
      evidenceChanged: false,
      changedAt: '2026-11-26T09:00:00.000Z',
      pack: { name: 'File “Newer research”, publisher as stated: Pledge Lens', version: '2.1.0' },
      unseen: true,
    });
    expect(changeSentence(change)).toBe('Changed since you read it: was In force, now Withdrawn on 28 Nov 2026');

    const history = await ok(bg.page({ type: 'list-mentions', query: {} }));
    expect(history.changes[mentionId]).toMatchObject({ now: { status: 'withdrawn' } });
    const onlyChanged = await ok(bg.page({ type: 'list-mentions', query: { changedSinceRead: true } }));
    expect(onlyChanged.mentions.map((m) => m.id)).toEqual([mentionId]);

    // The popup showed it: the badge loses its mark; the page, read before the change, still says so.
    expect(await ok(bg.page({ type: 'acknowledge-claim-changes', claimIds: [CLAIM] }))).toMatchObject({ unseen: 0 });
    expect(bg.port.badges.get(7)).toBe('1');
    expect(bg.port.titles.get(7)).toBe('Pledge Lens: 1 known claim on this page');
    const again = await ok(bg.page({ type: 'get-claim-changes', claimIds: [CLAIM], pageUrl: PAGE.url }));
    expect(again.changes[CLAIM]).toMatchObject({ unseen: false, now: { status: 'withdrawn' } });
    expect(again.unseen).toBe(0);

    // Reading the page again (its card now says "withdrawn"): no longer changed since read, in either view.
    later('2026-11-27T09:00:00.000Z');
    await readPage(bg);
    expect((await ok(bg.page({ type: 'get-claim-changes', claimIds: [CLAIM], pageUrl: PAGE.url }))).changes).toEqual({});
    expect((await ok(bg.page({ type: 'list-mentions', query: { changedSinceRead: true } }))).mentions).toEqual([]);
    expect(bg.port.badges.get(7)).toBe('1');
  });

  it('shows the change on another page that mentions the claim, until the reader has looked', async () => {
    const bg = await makeService();
    await readPage(bg);
    later('2026-11-26T09:00:00.000Z');
    await importPack(bg, setWith('2.1.0', CLAIM, withdrawn));
    later('2026-11-26T10:00:00.000Z');
    const other = 'https://other.example/story';
    const popup = await ok(bg.page({ type: 'get-claim-changes', claimIds: [CLAIM], pageUrl: other }));
    expect(popup.changes[CLAIM]).toMatchObject({ unseen: true, was: { status: 'in-force' } });
    // The options page asks for every unseen change.
    expect(Object.keys((await ok(bg.page({ type: 'get-claim-changes' }))).changes)).toEqual([CLAIM]);
    await ok(bg.page({ type: 'acknowledge-claim-changes' }));
    expect((await ok(bg.page({ type: 'get-claim-changes', claimIds: [CLAIM], pageUrl: other }))).changes).toEqual({});
    expect((await ok(bg.page({ type: 'get-claim-changes' }))).changes).toEqual({});
  });

  it('records kind and evidence changes, and several updates as one change from what was read', async () => {
    const bg = await makeService();
    const mentionId = await readPage(bg);
    later('2026-11-26T09:00:00.000Z');
    const evidence = (claim: Claim): Claim => ({ ...claim, evidence: [{ ...claim.evidence[0]!, quote: 'A reworded operative sentence.' }, ...claim.evidence.slice(1)] });
    await importPack(bg, setWith('2.1.0', CLAIM, evidence));
    let change = (await ok(bg.page({ type: 'list-mentions', query: {} }))).changes[mentionId]!;
    expect(change.evidenceChanged).toBe(true);
    expect(changeSentence(change)).toBe('Changed since you read it: the evidence behind its label was updated');

    later('2026-11-27T09:00:00.000Z');
    await importPack(bg, setWith('2.2.0', CLAIM, (claim) => ({ ...evidence(claim), kind: 'announced-target', force: 'goal' })));
    change = (await ok(bg.page({ type: 'list-mentions', query: {} }))).changes[mentionId]!;
    expect(change).toMatchObject({ was: { kind: 'binding-commitment' }, now: { kind: 'announced-target' }, evidenceChanged: true, changedAt: '2026-11-27T09:00:00.000Z' });
    expect(changeSentence(change)).toBe(
      'Changed since you read it: was Binding commitment, in force, now Announced target, current since 24 Feb 2026; its evidence was updated too',
    );
  });

  it('a change that is undone by a later update is no longer a change', async () => {
    const bg = await makeService();
    await readPage(bg);
    later('2026-11-26T09:00:00.000Z');
    await importPack(bg, setWith('2.1.0', CLAIM, withdrawn));
    later('2026-11-27T09:00:00.000Z');
    await importPack(bg, setWith('2.2.0', CLAIM, (claim) => claim));
    expect((await ok(bg.page({ type: 'list-mentions', query: { changedSinceRead: true } }))).mentions).toEqual([]);
    expect((await ok(bg.page({ type: 'get-claim-changes', claimIds: [CLAIM], pageUrl: PAGE.url }))).changes).toEqual({});
  });

  it('is not recorded for a claim the reader never met, or only met as a wrong match', async () => {
    const bg = await makeService();
    await importPack(bg, setWith('2.1.0', CLAIM, withdrawn));
    expect(await db.getAll('claim-changes')).toEqual([]);

    const mentionId = await readPage(bg);
    await ok(bg.page({ type: 'set-wrong-match', mentionId, flagged: true }));
    later('2026-11-26T09:00:00.000Z');
    await importPack(bg, setWith('2.2.0', CLAIM, (claim) => setStatus(claim, 'lapsed', '2026-11-29')), 'Another pack');
    expect(await db.getAll('claim-changes')).toEqual([]);
    expect(bg.port.badges.get(7)).toBe('1');
  });

  it('switching packs on and off is not an update and records nothing', async () => {
    const bg = await makeService();
    await readPage(bg);
    const pack = await importPack(bg, setWith('2.1.0', CLAIM, withdrawn));
    await db.clear('claim-changes');
    await ok(bg.page({ type: 'set-pack-enabled', packId: pack.pack.id, enabled: false }));
    await ok(bg.page({ type: 'set-pack-enabled', packId: pack.pack.id, enabled: true }));
    expect(await db.getAll('claim-changes')).toEqual([]);
  });

  it('is recorded for a feed update', async () => {
    const FEED = 'https://feeds.example/claims.json';
    const feedSet = { ...setWith('3.0.0', CLAIM, withdrawn, { ...freshBundledClaimSet(), publisher: 'Research feed' }), publishedAt: '2026-11-25' };
    const fetchImpl: typeof fetch = (input) =>
      Promise.resolve(String(input) === FEED ? new Response(JSON.stringify(feedSet), { headers: { 'Content-Type': 'application/json' } }) : new Response('no', { status: 404 }));
    const bg = await makeService(freshBundledClaimSet(), fetchImpl);
    await readPage(bg);
    await ok(bg.page({ type: 'set-feed-url', url: FEED, allowUnsigned: true }));
    later('2026-11-26T09:00:00.000Z');
    expect(await ok(bg.page({ type: 'update-feed-now' }))).toMatchObject({ status: 'updated' });
    const change = (await ok(bg.page({ type: 'get-claim-changes', claimIds: [CLAIM], pageUrl: PAGE.url }))).changes[CLAIM];
    expect(change).toMatchObject({ now: { status: 'withdrawn' }, pack: { id: 'feed', version: '3.0.0' } });
    expect(bg.port.badges.get(7)).toBe('1!');
  });

  it('is recorded when an extension update ships a newer bundled set', async () => {
    const first = await makeService();
    const mentionId = await readPage(first);
    later('2026-12-01T09:00:00.000Z');
    const second = await makeService(setWith('2.5.0', CLAIM, withdrawn));
    const change = (await ok(second.page({ type: 'list-mentions', query: {} }))).changes[mentionId];
    expect(change).toMatchObject({ now: { status: 'withdrawn' }, pack: { id: 'bundled', version: '2.5.0' }, changedAt: '2026-12-01T09:00:00.000Z' });
    // The same bundled version again (a restart) records nothing more.
    await makeService(setWith('2.5.0', CLAIM, withdrawn));
    expect((await db.get('claim-changes', CLAIM))!.events).toHaveLength(1);
  });

  it('goes with the history when the reader clears it', async () => {
    const bg = await makeService();
    await readPage(bg);
    await importPack(bg, setWith('2.1.0', CLAIM, withdrawn));
    expect(bg.port.badges.get(7)).toBe('1!');
    await ok(bg.page({ type: 'clear-mentions' }));
    expect(await db.getAll('claim-changes')).toEqual([]);
    expect(bg.port.badges.get(7)).toBe('1');
  });
});

describe('history queries', () => {
  it('filter by the kind and status the claim set gives now', async () => {
    const bg = await makeService();
    const mentionId = await readPage(bg);
    const list = async (query: object) => (await ok(bg.page({ type: 'list-mentions', query }))).mentions.map((m) => m.id);
    expect(await list({ kinds: ['binding-commitment'] })).toEqual([mentionId]);
    expect(await list({ kinds: ['announced-target', 'no-commitment'] })).toEqual([]);
    expect(await list({ statuses: ['in-force'] })).toEqual([mentionId]);
    expect(await list({ statuses: ['withdrawn'] })).toEqual([]);
    await importPack(bg, setWith('2.1.0', CLAIM, withdrawn));
    expect(await list({ statuses: ['withdrawn'], kinds: ['binding-commitment'] })).toEqual([mentionId]);
  });

  it('an export that leaves wrong matches out says how many', async () => {
    const bg = await makeService();
    const mentionId = await readPage(bg);
    await ok(bg.page({ type: 'set-wrong-match', mentionId, flagged: true }));
    const refused = await bg.page({ type: 'export-mentions', format: 'csv', query: { pageUrl: PAGE.url } });
    expect(refused).toEqual({
      ok: false,
      error: 'Nothing to export: every mention here is marked as a wrong match (1), and those are left out.',
      failure: { code: 'nothing-to-export', wrongMatches: 1 },
    });
    await ok(bg.page({ type: 'set-wrong-match', mentionId, flagged: false }));
    expect(await ok(bg.page({ type: 'export-mentions', format: 'csv', query: { pageUrl: PAGE.url } }))).toMatchObject({ count: 1, leftOutWrongMatches: 0 });
    // Asked for explicitly, nothing is "left out".
    expect(await ok(bg.page({ type: 'export-mentions', format: 'csv', query: { wrongMatches: 'include' } }))).toMatchObject({ count: 1, leftOutWrongMatches: 0 });
  });

  it('import errors are plain words, without parser text', async () => {
    const bg = await makeService();
    const csv = await bg.page({ type: 'import-mentions', text: 'page_url,quote\nhttps://a.example,"x"' });
    expect(csv.ok).toBe(false);
    if (!csv.ok) {
      expect(csv.error).toMatch(/not JSON/);
      expect(csv.error).toMatch(/CSV and Markdown exports cannot be read back/);
      expect(csv.error).not.toMatch(/Unexpected token|position \d/);
    }
    const pack = await bg.page({ type: 'import-claim-pack', name: 'notes.csv', text: 'claim,kind\nx,y' });
    expect(pack.ok).toBe(false);
    if (!pack.ok) expect(pack.error).toBe('This file is not a claim pack Pledge Lens can read: it is not valid JSON (the first problem is at line 1, column 1). Nothing was added. Choose a claim set file (.json) in the Pledge Lens format.');
    const insecure = setWith('2.1.0', CLAIM, (claim) => ({ ...claim, sources: [{ url: 'http://example.org/x', title: 'Insecure' }] }));
    const schema = await bg.page({ type: 'import-claim-pack', name: 'x.json', text: JSON.stringify(insecure) });
    expect(schema.ok).toBe(false);
    if (!schema.ok) {
      expect(schema.error).toContain(`Claim “${CLAIM}”, source 1, link: must be an https:// URL`);
      expect(schema.error).not.toMatch(/claims\[|sources\[/);
    }
  });
});

describe('the database upgrade', () => {
  it('a version-2 database keeps its mentions and packs and gains the claim-changes store', async () => {
    db.close();
    installFakeIndexedDb();
    const v2 = await openPledgeLensDb(2);
    const bg2 = new BackgroundHarness(v2, { loadBundled: async () => freshBundledClaimSet(), now });
    await bg2.service.init();
    // Version 2 kept one record per mention (what its writer stored for this page), written raw.
    const { index } = await bg2.service.context.claimSets.get();
    const mentions = mentionsSeen({ url: PAGE.url, title: PAGE.title, text: PAGE.text }, matchClaims(PAGE.text, index), clock);
    expect(mentions.length).toBeGreaterThan(0);
    const legacy = v2 as unknown as IDBPDatabase<{ mentions: { key: string; value: Mention } }>;
    for (const mention of mentions) await legacy.put('mentions', mention);
    expect(Array.from(v2.objectStoreNames).sort()).toEqual(['mentions', 'meta', 'packs']);
    v2.close();

    db = await openPledgeLensDb();
    expect(Array.from(db.objectStoreNames).sort()).toEqual(['claim-changes', 'history-pages', 'meta', 'packs']);
    const stored = [...new Map(mentions.map((mention) => [mention.id, mention])).values()];
    expect(await listMentions(db)).toEqual(stored.sort((a, b) => a.anchor.start - b.anchor.start));
    expect((await db.getAll('packs')).map((pack) => pack.id)).toEqual(['bundled']);
    db.close();
    // Opened again at the same version: nothing is recreated.
    const raw = await openDB(DB_NAME);
    expect(raw.version).toBe(DB_VERSION);
    raw.close();
    db = await openPledgeLensDb();
  });
});

describe('the popup on a switched-off site', () => {
  it('a frame that asks and is told "off" counts as reported off, so the popup can offer the switch', async () => {
    const bg = await makeService();
    await ok(bg.page({ type: 'set-site-enabled', tabId: 7, enabled: false, url: PAGE.url }));
    expect(await ok(bg.content(FRAME)({ type: 'get-site-enabled', url: PAGE.url }))).toMatchObject({ enabled: false });
    const state = await ok(bg.page({ type: 'get-tab-state', tabId: 7 }));
    expect(state).toMatchObject({ siteEnabled: false, tab: { topUrl: PAGE.url, enabled: false, claims: [] } });
    expect(await ok(bg.page({ type: 'set-site-enabled', tabId: 7, enabled: true }))).toMatchObject({ enabled: true });
  });
});
