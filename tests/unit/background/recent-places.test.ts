/**
 * A quote a page keeps re-rendering with a counter beside it is one mention (a new user's report 57, #1: a paragraph
 * rewritten every second, "Readers online: 12. Anthropic will …", gave 26 history records and "16 mentions" in the
 * popup for one sentence).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { ok, startBackground, TOP_FRAME, type BackgroundHarness } from './background-harness';

const URL = TOP_FRAME.url;
const CLAIM = 'Anthropic will publish a Risk Report every three to six months.';
const page = (before: string, after = ' Other news followed.') => `The policy changed this week.\u2029${before}${CLAIM}${after}`;

let db: PledgeLensDatabase;
let bg: BackgroundHarness;

beforeEach(async () => {
  ({ db, bg } = await startBackground());
});

afterEach(() => db.close());

async function idsFor(text: string): Promise<string[]> {
  const { matches } = await ok(bg.content()({ type: 'match-page', url: URL, title: 'Live', text }));
  return matches.map((match) => match.mentionId);
}

async function stored() {
  await bg.service.context.mentions.flushed();
  return (await ok(bg.page({ type: 'list-mentions', query: {} }))).mentions;
}

describe('a quote re-rendered with new numbers beside it', () => {
  it('keeps the id it was first seen with: one record, however the counter grows', async () => {
    const first = await idsFor(page('Readers online: 9. ', ' Updated 9 seconds ago.'));
    expect(first).toHaveLength(1);
    for (const count of ['10', '11', '1,234', '99999']) expect(await idsFor(page(`Readers online: ${count}. `, ` Updated ${count} seconds ago.`))).toEqual(first);
    const history = await stored();
    expect(history.map((mention) => mention.id)).toEqual(first);
    // The record is the first sighting's, id and anchor alike: its id still hashes its own quote and context.
    expect(history[0]!.anchor.prefix).toContain('Readers online: 9.');
  });

  it('is another mention where the words beside it change, not only the numbers', async () => {
    const first = await idsFor(page('Readers online: 9. '));
    const other = await idsFor(page('Editors online: 9. '));
    expect(other).not.toEqual(first);
    expect(await stored()).toHaveLength(2);
  });

  it('forgets the places once the history changed elsewhere: a deleted record is stored again under its own id', async () => {
    const [first] = await idsFor(page('Readers online: 9. '));
    await stored();
    await ok(bg.page({ type: 'delete-mentions', ids: [first!] }));
    const [again] = await idsFor(page('Readers online: 10. '));
    expect(again).not.toBe(first);
    expect((await stored()).map((mention) => mention.id)).toEqual([again]);
  });
});
