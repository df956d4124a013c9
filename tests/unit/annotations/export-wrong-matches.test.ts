/**
 * "Marked as a wrong match: left out of exports", as the card says: the popup's export (no choice in
 * its query) and the options page's export with its filters as they open both leave a flagged
 * mention out and say so; a reader who chooses to show wrong matches gets them, and is told how many.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, toMentionQuery } from '../../../components/annotation-filters';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import type { MentionQuery } from '../../../lib/messages/extension-page-to-background';
import { BackgroundHarness, freshBundledClaimSet, ok, openFreshDatabase, TOP_FRAME } from '../background/background-harness';

const PAGE = {
  url: 'https://news.example/2026/rulebook',
  title: 'Anthropic rewrites its rulebook',
  text:
    'Anthropic overhauled its safety rulebook this week.\u2029\n\u2029' +
    'The company now says it will publish a written risk assessment on a recurring schedule, roughly every three to six months.\u2029\n\u2029' +
    'Anthropic added that it will put out a written risk assessment every three to six months.\u2029\n\u2029' +
    'Shares of unrelated chipmakers rose on the news.',
};
const FLAGGED_QUOTE = 'Anthropic added that it will put out';

let db: PledgeLensDatabase;

beforeEach(async () => {
  db = await openFreshDatabase();
});

afterEach(() => {
  db.close();
});

describe('exports and mentions marked as wrong matches', () => {
  it('leave them out by default from the popup and the options page, and say what they hold when asked to show them', async () => {
    const bg = new BackgroundHarness(db, { loadBundled: async () => freshBundledClaimSet(), now: () => new Date('2026-11-25T12:00:00.000Z') });
    await bg.service.init();
    const { matches } = await ok(bg.content({ ...TOP_FRAME, url: PAGE.url })({ type: 'match-page', url: PAGE.url, title: PAGE.title, text: PAGE.text }));
    expect(matches).toHaveLength(2);
    const second = matches.find((match) => PAGE.text.slice(match.start).startsWith(FLAGGED_QUOTE))!;
    await ok(bg.page({ type: 'set-wrong-match', mentionId: second.mentionId, flagged: true }));

    const exported = (query: MentionQuery) => ok(bg.page({ type: 'export-mentions', format: 'markdown', query }));
    const popup = await exported({ pageUrl: PAGE.url });
    const options = await exported(toMentionQuery(EMPTY_FILTERS));
    for (const file of [popup, options]) {
      expect(file).toMatchObject({ count: 1, wrongMatches: 0, leftOutWrongMatches: 1 });
      expect(file.content).not.toContain(FLAGGED_QUOTE);
      // The file says so too, for whoever gets only the file (a new user's report 56).
      expect(file.content).toContain('1 mention you marked as a wrong match was left out.');
    }
    const w3c = JSON.parse((await ok(bg.page({ type: 'export-mentions', format: 'w3c', query: { pageUrl: PAGE.url } }))).content) as { pledgeLens: object };
    expect(w3c.pledgeLens).toEqual({ formatVersion: expect.any(Number), leftOutWrongMatches: 1 });

    const shown = await exported(toMentionQuery({ ...EMPTY_FILTERS, wrongMatches: 'include' }));
    expect(shown).toMatchObject({ count: 2, wrongMatches: 1, leftOutWrongMatches: 0 });
    expect(shown.content).toContain(FLAGGED_QUOTE);
    expect(shown.content).toContain('2 mentions of 1 claim on 1 page, 1 of them marked as a wrong match.');
    expect(shown.content).not.toContain('left out');
    const w3cAll = JSON.parse((await ok(bg.page({ type: 'export-mentions', format: 'w3c', query: { wrongMatches: 'include' } }))).content) as { pledgeLens: object };
    expect(w3cAll.pledgeLens).not.toHaveProperty('leftOutWrongMatches');
    expect(await exported(toMentionQuery({ ...EMPTY_FILTERS, wrongMatches: 'only' }))).toMatchObject({ count: 1, wrongMatches: 1, leftOutWrongMatches: 0 });
  });
});
