/**
 * "Wrong match" (the reader's report that a highlight is not the claim) shows on the page: the
 * background tells every tab's frames at once, so the one holding the highlight dims it, and a revisit
 * of the page gets the flag with its match, so the highlight is painted dimmed from the start. Taking
 * the mark back does both the other way. The mark lives where the history keeps it: on the mention.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import type { BackgroundToContentRequest } from '../../../lib/messages/background-to-content';
import { ok, startBackground, TOP_FRAME, type BackgroundHarness } from './background-harness';

const STORY = 'Anthropic says it will publish Risk Reports every three to six months.';

let db: PledgeLensDatabase;
let bg: BackgroundHarness;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-11-25T12:00:00.000Z');
  ({ db, bg } = await startBackground({ now: () => clock }));
});

afterEach(() => db.close());

const matchStory = async (url = TOP_FRAME.url) => ok(bg.content({ ...TOP_FRAME, url })({ type: 'match-page', url, title: 'A story', text: STORY }));

/** What the background sent to content scripts of the type `show-wrong-match`, by tab. */
const shown = () => bg.port.sent.filter((sent) => sent.request.type === 'show-wrong-match').map((sent) => ({ tabId: sent.tabId, frameId: sent.frameId, request: sent.request as Extract<BackgroundToContentRequest, { type: 'show-wrong-match' }> }));

describe('a wrong match, on the page', () => {
  it('marking it tells every known and open tab, every frame, at once; taking it back does too', async () => {
    const [match] = (await matchStory()).matches;
    await ok(bg.content()({ type: 'report-frame', url: TOP_FRAME.url, enabled: true, scanning: false, claims: [] }));
    bg.port.openTabs = [3, TOP_FRAME.tabId];
    await ok(bg.page({ type: 'set-wrong-match', mentionId: match!.mentionId, flagged: true }));
    await vi.waitFor(() => expect(shown()).toHaveLength(2));
    expect(shown().map((sent) => sent.tabId).sort()).toEqual([3, TOP_FRAME.tabId]);
    // To all of a tab's frames (no frame id): the highlight may be in any of them.
    expect(shown().every((sent) => sent.frameId === undefined)).toBe(true);
    expect(shown()[0]!.request).toEqual({ type: 'show-wrong-match', mentionId: match!.mentionId, flagged: true });

    bg.port.sent.length = 0;
    await ok(bg.page({ type: 'set-wrong-match', mentionId: match!.mentionId, flagged: false }));
    await vi.waitFor(() => expect(shown()).toHaveLength(2));
    expect(shown().every((sent) => sent.request.flagged === false)).toBe(true);
  });

  it('a claim whose every mention the frame reports as marked is not counted on the badge; one with a mention left is', async () => {
    const [match] = (await matchStory()).matches;
    const summary = { claimId: match!.claimId, statement: 'forged', kind: 'announced-target' as const, status: 'in-force' as const, statusDate: '2026-01-01', actorName: 'x', firstOffset: 0 };
    const report = (mentions: number, wrongMatches?: number) =>
      ok(bg.content()({ type: 'report-frame', url: TOP_FRAME.url, enabled: true, scanning: false, claims: [{ ...summary, mentions, ...(wrongMatches ? { wrongMatches } : {}) }] }));
    await report(1);
    expect(bg.port.badges.get(TOP_FRAME.tabId)).toBe('1');
    await report(1, 1);
    expect(bg.port.badges.get(TOP_FRAME.tabId)).toBe('');
    await report(2, 1);
    expect(bg.port.badges.get(TOP_FRAME.tabId)).toBe('1');
    // A frame claiming more marks than mentions is held to its mentions.
    await report(2, 9);
    expect(bg.port.badges.get(TOP_FRAME.tabId)).toBe('');
    expect(bg.service.context.frames.state(TOP_FRAME.tabId).claims[0]).toMatchObject({ mentions: 2, wrongMatches: 2 });
  });

  it('answers the reader before the tabs do: a tab that never answers does not hold up "Marked"', async () => {
    const [match] = (await matchStory()).matches;
    bg.port.openTabs = [TOP_FRAME.tabId];
    bg.port.answer = () => new Promise(() => undefined);
    const answer = await bg.page({ type: 'set-wrong-match', mentionId: match!.mentionId, flagged: true });
    expect(answer.ok).toBe(true);
  });

  it('a revisit gets the flag with its match (painted dimmed), until the mark is taken back', async () => {
    const [first] = (await matchStory()).matches;
    expect(first).not.toHaveProperty('wrongMatch');
    await ok(bg.page({ type: 'set-wrong-match', mentionId: first!.mentionId, flagged: true }));
    const [again] = (await matchStory()).matches;
    expect(again).toMatchObject({ mentionId: first!.mentionId, wrongMatch: true });
    // The same page read again without its fragment: the same history page, the same flag.
    expect((await matchStory(`${TOP_FRAME.url}#comments`)).matches[0]).toMatchObject({ wrongMatch: true });
    // Another page's mention of the same claim is its own, unflagged.
    const other = 'https://other.example/2026/story';
    expect((await matchStory(other)).matches[0]).not.toHaveProperty('wrongMatch');

    await ok(bg.page({ type: 'set-wrong-match', mentionId: first!.mentionId, flagged: false }));
    expect((await matchStory()).matches[0]).not.toHaveProperty('wrongMatch');
  });

  it('clearing the history, or deleting the mention, takes the flag with it', async () => {
    const [first] = (await matchStory()).matches;
    await ok(bg.page({ type: 'set-wrong-match', mentionId: first!.mentionId, flagged: true }));
    expect((await matchStory()).matches[0]).toMatchObject({ wrongMatch: true });
    await ok(bg.page({ type: 'delete-mentions', ids: [first!.mentionId] }));
    expect((await matchStory()).matches[0]).not.toHaveProperty('wrongMatch');
    await ok(bg.page({ type: 'set-wrong-match', mentionId: first!.mentionId, flagged: true }));
    await ok(bg.page({ type: 'clear-mentions' }));
    expect((await matchStory()).matches[0]).not.toHaveProperty('wrongMatch');
  });

  it('an imported file that flags the mention is followed at the next visit', async () => {
    const [first] = (await matchStory()).matches;
    await ok(bg.page({ type: 'set-wrong-match', mentionId: first!.mentionId, flagged: true }));
    const exported = await ok(bg.page({ type: 'export-mentions', format: 'w3c', query: { wrongMatches: 'include' } }));
    clock = new Date('2026-11-25T13:00:00.000Z');
    await ok(bg.page({ type: 'set-wrong-match', mentionId: first!.mentionId, flagged: false }));
    expect((await matchStory()).matches[0]).not.toHaveProperty('wrongMatch');
    // The file's flag is older than the reader's unflagging: the newer choice wins, and the page follows it.
    await ok(bg.page({ type: 'import-mentions', text: exported.content }));
    expect((await matchStory()).matches[0]).not.toHaveProperty('wrongMatch');
    // A file flagging it later than that (another browser's history, say) flags it here too.
    const file = JSON.parse(exported.content) as { first: { items: Array<{ pledgeLens: { wrongMatch: { updatedAt: string } } }> } };
    for (const item of file.first.items) item.pledgeLens.wrongMatch.updatedAt = '2026-11-25T14:00:00.000Z';
    // Turning the reader's flag back on needs their leave: asked first, nothing changes until they agree.
    expect(await ok(bg.page({ type: 'import-mentions', text: JSON.stringify(file) }))).toEqual({ ok: true, confirm: { notes: [], noteCount: 0, changedFlags: 1 } });
    expect((await matchStory()).matches[0]).not.toHaveProperty('wrongMatch');
    await ok(bg.page({ type: 'import-mentions', text: JSON.stringify(file), replace: true }));
    expect((await matchStory()).matches[0]).toMatchObject({ wrongMatch: true });
  });
});
