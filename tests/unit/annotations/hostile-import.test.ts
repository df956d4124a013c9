/**
 * An annotation file the reader imports may have been written or changed by someone else. Each case:
 * the file gets an error that names what is wrong, and the history keeps every note it had.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportW3c } from '../../../lib/annotations/export-w3c';
import { MAX_IMPORT_CLOCK_AHEAD_MS, parseAnnotationExport } from '../../../lib/annotations/import-annotations';
import { mentionId } from '../../../lib/annotations/mention-id';
import { openPledgeLensDb, type PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { BackgroundHarness, ok, TOP_FRAME } from '../background/background-harness';
import { installFakeIndexedDb } from '../background/store/fake-idb';
import { claimsById, makeMention, targetClaim } from './fixtures';

const generatedAt = '2026-11-22T10:00:00.000Z';
const NOW = new Date('2026-11-25T12:00:00.000Z');

type Item = Record<string, unknown> & { pledgeLens: Record<string, unknown>; target: { source: string; selector: Array<Record<string, unknown>> } };

/** An export of `mentions` as loose JSON, to be changed the way a hostile file would be. */
function exported(mentions = [makeMention()]): Record<string, unknown> & { first: { items: Item[] } } {
  return JSON.parse(JSON.stringify(exportW3c(mentions, claimsById, { generatedAt }))) as Record<string, unknown> & { first: { items: Item[] } };
}

function errorOf(input: unknown): string {
  const result = parseAnnotationExport(input, NOW);
  if (result.ok) throw new Error('expected the import to be refused');
  return result.error;
}

describe('an annotation file changed after export', () => {
  it('is refused when an id does not match its page, claim and quote (it would move a stored note to another claim)', () => {
    const otherClaim = exported();
    otherClaim.first.items[0]!.pledgeLens['claimId'] = targetClaim.id;
    delete otherClaim.first.items[0]!['body'];
    expect(errorOf(otherClaim)).toBe('item 1 field id invalid: does not match the page, claim and quote of the annotation (was the file edited?)');

    const otherPage = exported();
    otherPage.first.items[0]!.target.source = 'https://elsewhere.example/page';
    expect(errorOf(otherPage)).toMatch(/^item 1 field id invalid/);

    for (const id of ['__proto__', 'constructor', 'urn:pledge-lens:mention:0000000000000000']) {
      const named = exported();
      named.first.items[0]!['id'] = id;
      expect(errorOf(named)).toMatch(/^item 1 field id invalid/);
    }
  });

  it('accepts an id made the way the extension makes it, whatever whitespace and URL fragment the file adds', () => {
    const mention = makeMention({ pageUrl: 'https://news.example/a#section', exact: 'Acme  said it' });
    expect(mention.id).toBe(mentionId('https://news.example/a', mention.claimId, 'Acme said it', mention.anchor.prefix, mention.anchor.suffix));
    expect(parseAnnotationExport(exported([mention]), NOW).ok).toBe(true);
  });

  it.each([
    ['pledgeLens.noteUpdatedAt', (item: Item) => (item.pledgeLens['noteUpdatedAt'] = '9999-12-31T23:59:59.000Z')],
    ['pledgeLens.lastSeen', (item: Item) => (item.pledgeLens['lastSeen'] = '9999-12-31T23:59:59.000Z')],
    ['pledgeLens.wrongMatch.updatedAt', (item: Item) => (item.pledgeLens['wrongMatch'] = { flagged: true, updatedAt: '2099-01-01T00:00:00.000Z' })],
  ])('refuses a %s in the future, which would win every later merge', (field, plant) => {
    const doc = exported([makeMention({ note: { text: 'n', updatedAt: generatedAt } }), makeMention({ exact: 'second quote', start: 500 })]);
    plant(doc.first.items[1]!);
    expect(errorOf(doc)).toMatch(new RegExp(`^item 2 field ${field.replace(/\./g, '\\.')} invalid: .* is in the future by this computer's clock$`));
  });

  it('allows a day of clock difference between two devices', () => {
    const ahead = new Date(NOW.getTime() + MAX_IMPORT_CLOCK_AHEAD_MS).toISOString();
    const doc = exported([makeMention({ note: { text: 'from a laptop whose clock runs fast', updatedAt: ahead }, lastSeen: ahead })]);
    expect(parseAnnotationExport(doc, NOW).ok).toBe(true);
  });

  it('answers values nested 300,000 levels deep with an error, never an exception', () => {
    const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
    expect(errorOf(`{"@context": ${deep}}`)).toBe('wrong @context: expected "http://www.w3.org/ns/anno.jsonld" (W3C Web Annotation), found an array');
    expect(errorOf(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": ${deep}}`)).toMatch(/^not an annotation collection: "type" is an array/);
  });
});

describe('importing through the background', () => {
  const BUNDLED = JSON.parse(readFileSync(new URL('../../../public/claims/default.json', import.meta.url), 'utf8')) as unknown;
  let db: PledgeLensDatabase;
  let bg: BackgroundHarness;

  beforeEach(async () => {
    installFakeIndexedDb();
    db = await openPledgeLensDb();
    bg = new BackgroundHarness(db, { loadBundled: async () => BUNDLED, now: () => NOW });
    await bg.service.init();
  });
  afterEach(() => db.close());

  /** A page seen, with the reader's note on its mention; returns the history's export as loose JSON. */
  async function historyWithNote() {
    const matched = await ok(bg.content()({ type: 'match-page', url: TOP_FRAME.url, title: 'Story', text: 'Anthropic says it will publish Risk Reports every three to six months.' }));
    await ok(bg.page({ type: 'set-note', mentionId: matched.matches[0]!.mentionId, text: 'my own note' }));
    const { content } = await ok(bg.page({ type: 'export-mentions', format: 'w3c', query: {} }));
    return JSON.parse(content) as Record<string, unknown> & { first: { items: Item[] } };
  }

  const history = async () => (await ok(bg.page({ type: 'list-mentions', query: {} }))).mentions;

  it('writes nothing from a file that is half valid: the good items wait for the whole file', async () => {
    const file = await historyWithNote();
    const before = await history();
    const good = structuredClone(file.first.items[0]!);
    good.pledgeLens['noteUpdatedAt'] = '2026-11-25T13:00:00.000Z';
    good['body'] = [{ type: 'TextualBody', purpose: 'commenting', value: 'replaced by the file' }];
    const broken = structuredClone(good);
    broken.target.selector = [];
    file.first.items = [good, broken];
    const answer = await bg.page({ type: 'import-mentions', text: JSON.stringify(file) });
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/item 2/) as unknown as string });
    expect(await history()).toEqual(before);
  });

  it('keeps the reader\'s note when a file dates its own note in the future', async () => {
    const file = await historyWithNote();
    file.first.items[0]!.pledgeLens['noteUpdatedAt'] = '9999-12-31T23:59:59.000Z';
    file.first.items[0]!['body'] = [];
    const answer = await bg.page({ type: 'import-mentions', text: JSON.stringify(file) });
    expect(answer.ok).toBe(false);
    expect((await history()).map((mention) => mention.note?.text)).toEqual(['my own note']);
  });

  it('asks before a file within the day\'s clock allowance replaces the reader\'s note, and keeps it until they agree (attack report 48, finding 10)', async () => {
    const file = await historyWithNote();
    // Twenty hours ahead: inside the allowance for another device's clock, so "newer" than the reader's note.
    file.first.items[0]!.pledgeLens['noteUpdatedAt'] = new Date(NOW.getTime() + 20 * 3600_000).toISOString();
    file.first.items[0]!['body'] = [{ type: 'TextualBody', purpose: 'commenting', value: 'Ads confirmed, ignore earlier note' }];
    const asked = await ok(bg.page({ type: 'import-mentions', text: JSON.stringify(file) }));
    expect(asked).toMatchObject({ confirm: { noteCount: 1, changedFlags: 0, notes: [{ pageTitle: 'Story', stored: 'my own note', incoming: 'Ads confirmed, ignore earlier note' }] } });
    expect((await history()).map((mention) => mention.note?.text)).toEqual(['my own note']);
    // A file that only adds what the history lacks is imported at once; this one with the reader's leave.
    expect(await ok(bg.page({ type: 'import-mentions', text: JSON.stringify(file), replace: true }))).toMatchObject({ updated: 1 });
    expect((await history()).map((mention) => mention.note?.text)).toEqual(['Ads confirmed, ignore earlier note']);
  });

  it('judges "in the future" by the background\'s clock, not the machine\'s', async () => {
    const file = await historyWithNote();
    // Two days ahead of the background (NOW), in the past for the machine's clock.
    const ahead = new Date(NOW.getTime() + 2 * 24 * 3600_000);
    expect(ahead.getTime()).toBeLessThan(Date.now());
    file.first.items[0]!.pledgeLens['noteUpdatedAt'] = ahead.toISOString();
    file.first.items[0]!['body'] = [{ type: 'TextualBody', purpose: 'commenting', value: 'from the future' }];
    const answer = await bg.page({ type: 'import-mentions', text: JSON.stringify(file) });
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/in the future/) as unknown as string });
    expect((await history()).map((mention) => mention.note?.text)).toEqual(['my own note']);
  });

  it('keeps the reader\'s note on its own claim when a file reuses the mention\'s id for another claim', async () => {
    const file = await historyWithNote();
    const [stored] = await history();
    const item = file.first.items[0]!;
    item.pledgeLens['claimId'] = 'openai-preparedness-framework';
    item.pledgeLens['lastSeen'] = '2026-11-25T13:00:00.000Z';
    delete item['body'];
    expect((await bg.page({ type: 'import-mentions', text: JSON.stringify(file) })).ok).toBe(false);
    expect(await history()).toEqual([stored]);
  });
});
