import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { MAX_NOTE_CAPABILITIES, NOTE_CAPABILITY_TTL_MS, NOTE_EDITOR_REFUSED, NOTE_OF_ANOTHER_PAGE, NoteCapabilities, type NoteCapability } from '../../../lib/background/note-capabilities';
import type { SenderFacts } from '../../../lib/messages/sender-role';
import { EXTENSION_ID, EXTENSION_ORIGIN, ok, startBackground, TOP_FRAME, type BackgroundHarness } from './background-harness';

const STORY = 'Anthropic says it will publish Risk Reports every three to six months.';

let db: PledgeLensDatabase;
let bg: BackgroundHarness;
let clock: number;
let mentionId: string;

beforeEach(async () => {
  clock = Date.parse('2026-11-25T12:00:00Z');
  ({ db, bg } = await startBackground({ now: () => new Date(clock) }));
  const matched = await ok(bg.content()({ type: 'match-page', url: TOP_FRAME.url, title: 't', text: STORY }));
  mentionId = matched.matches[0]!.mentionId;
  await ok(bg.page({ type: 'set-note', mentionId, text: 'the reader’s own note' }));
});

afterEach(() => db.close());

/** The note editor framed in `tabId` at the address the browser reports for it. */
function editor(query: Record<string, string>, tabId: number | null = TOP_FRAME.tabId): SenderFacts {
  return { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}note-editor.html?${new URLSearchParams(query).toString()}`, ...(tabId === null ? {} : { tab: { id: tabId } }), frameId: 5 };
}

async function capabilityFor(id: string, tabId = TOP_FRAME.tabId): Promise<string> {
  const answer = await bg.content({ ...TOP_FRAME, tabId })({ type: 'open-note-editor', mentionId: id, url: TOP_FRAME.url });
  if (!answer.ok || !('capability' in answer)) throw new Error(answer.ok ? 'no capability' : answer.error);
  return answer.capability;
}

async function stored() {
  return ok(bg.page({ type: 'get-mention', mentionId }));
}

/** Every request the editor sends; each must be refused and change nothing. */
function editorRequests(id: string) {
  return [
    { type: 'get-mention', mentionId: id },
    { type: 'set-note', mentionId: id, text: 'text the page put there' },
    { type: 'set-wrong-match', mentionId: id, flagged: true },
  ];
}

async function expectRefused(sender: SenderFacts, id = mentionId): Promise<void> {
  const before = await stored();
  for (const request of editorRequests(id)) {
    const answer = await bg.raw(request, sender);
    expect(answer, request.type).toEqual({ ok: false, error: NOTE_EDITOR_REFUSED });
    expect(JSON.stringify(answer)).not.toContain('own note');
  }
  const after = await stored();
  expect(after.mention.note?.text).toBe('the reader’s own note');
  expect(after.mention.wrongMatch?.flagged ?? false).toBe(false);
  expect(after.mention).toEqual(before.mention);
}

describe('the note editor acts only with a card’s capability', () => {
  it('a page-made frame (no capability) can neither read nor change the note or the flag', async () => {
    await expectRefused(editor({ mention: mentionId }));
  });

  it('a made-up, another mention’s, another tab’s or an expired capability is refused', async () => {
    const token = await capabilityFor(mentionId);
    await expectRefused(editor({ mention: mentionId, capability: 'f'.repeat(64) }));
    await expectRefused(editor({ mention: mentionId, capability: token }, 8));
    await expectRefused(editor({ mention: mentionId, capability: token }, null));
    // A capability for another mention (one the page's own card opened) does not open this one.
    const other = await capabilityFor('urn:pledge-lens:mention:0000000000000000');
    await expectRefused(editor({ mention: mentionId, capability: other }));
    // The address names one mention, the request another.
    const fresh = await capabilityFor(mentionId);
    await expectRefused(editor({ mention: 'urn:pledge-lens:mention:0000000000000000', capability: fresh }));
    clock += NOTE_CAPABILITY_TTL_MS + 1;
    await expectRefused(editor({ mention: mentionId, capability: token }));
  });

  it('the card’s own editor, with its capability, reads and saves', async () => {
    const sender = editor({ mention: mentionId, capability: await capabilityFor(mentionId) });
    const read = await bg.raw({ type: 'get-mention', mentionId }, sender);
    expect(read).toMatchObject({ ok: true, mention: { note: { text: 'the reader’s own note' } } });
    expect(await bg.raw({ type: 'set-note', mentionId, text: 'edited in the card' }, sender)).toMatchObject({ ok: true });
    expect(await bg.raw({ type: 'set-wrong-match', mentionId, flagged: true }, sender)).toMatchObject({ ok: true });
    const after = await stored();
    expect(after.mention.note?.text).toBe('edited in the card');
    expect(after.mention.wrongMatch?.flagged).toBe(true);
    // Use keeps it alive: a card left open and used keeps saving.
    clock += NOTE_CAPABILITY_TTL_MS - 1000;
    expect(await bg.raw({ type: 'set-note', mentionId, text: 'still open' }, sender)).toMatchObject({ ok: true });
    clock += NOTE_CAPABILITY_TTL_MS - 1000;
    expect(await bg.raw({ type: 'set-note', mentionId, text: 'later still' }, sender)).toMatchObject({ ok: true });
  });

  it('a card on another page may not open this page\'s mention (what a page whose text hashes to the reader\'s mention id would ask), nor speak for a page it is not on', async () => {
    const other = 'https://attacker.example/memo';
    const fromOther = bg.content({ ...TOP_FRAME, url: other });
    expect(await fromOther({ type: 'open-note-editor', mentionId, url: other })).toEqual({ ok: false, error: NOTE_OF_ANOTHER_PAGE });
    expect(await fromOther({ type: 'open-note-editor', mentionId, url: TOP_FRAME.url })).toEqual({ ok: false, error: NOTE_OF_ANOTHER_PAGE });
    // A mention the history does not hold yet (its first sighting on its way to the store) opens.
    expect(await fromOther({ type: 'open-note-editor', mentionId: 'urn:pledge-lens:mention:0000000000000000', url: other })).toMatchObject({ ok: true });
  });

  it('the options page (a top-level extension page) still edits notes without a capability', async () => {
    expect(await bg.page({ type: 'set-note', mentionId, text: 'from the options page' })).toMatchObject({ ok: true });
    expect(await bg.page({ type: 'set-wrong-match', mentionId, flagged: true })).toMatchObject({ ok: true });
    expect((await stored()).mention).toMatchObject({ note: { text: 'from the options page' }, wrongMatch: { flagged: true } });
  });

  it('the note editor opened as a top-level page of a tab (a page can link to it) needs a capability too', async () => {
    await expectRefused({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}note-editor.html?mention=${encodeURIComponent(mentionId)}`, tab: { id: 7 }, frameId: 0 });
  });

  it('the note editor at a per-session address (Chrome’s use_dynamic_url) has the same role and needs the same capability', async () => {
    const token = await capabilityFor(mentionId);
    const dynamic = (query: Record<string, string>): SenderFacts => ({ ...editor(query), url: `chrome-extension://0f1e2d3c-dynamic/note-editor.html?${new URLSearchParams(query).toString()}` });
    await expectRefused(dynamic({ mention: mentionId }));
    expect(await bg.raw({ type: 'get-site-settings' }, dynamic({ mention: mentionId, capability: token }))).toEqual({ ok: false, error: 'Unknown request.' });
    expect(await bg.raw({ type: 'set-note', mentionId, text: 'from the card' }, dynamic({ mention: mentionId, capability: token }))).toMatchObject({ ok: true });
  });

  it('a closed tab’s capabilities go with it', async () => {
    const token = await capabilityFor(mentionId);
    bg.service.closeTab(TOP_FRAME.tabId);
    await expectRefused(editor({ mention: mentionId, capability: token }));
  });
});

describe('NoteCapabilities', () => {
  it('issues 256-bit random tokens, none alike', async () => {
    const capabilities = new NoteCapabilities(() => 0);
    const tokens = new Set<string>();
    for (let i = 0; i < 200; i++) tokens.add(await capabilities.issue('m', 1));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps at most MAX_NOTE_CAPABILITIES, dropping the oldest', async () => {
    const capabilities = new NoteCapabilities(() => 0);
    const first = await capabilities.issue('m', 1);
    for (let i = 0; i < MAX_NOTE_CAPABILITIES; i++) await capabilities.issue('m', 1);
    expect(await capabilities.allows(first, 'm', 1)).toBe(false);
    const last = await capabilities.issue('m', 1);
    expect(await capabilities.allows(last, 'm', 1)).toBe(true);
  });

  it('a worker restarted while a card is open still knows its token (session store)', async () => {
    let saved: Record<string, NoteCapability> = {};
    const store = { read: () => Promise.resolve<unknown>(saved), write: (value: Record<string, NoteCapability>) => Promise.resolve(void (saved = value)) };
    const token = await new NoteCapabilities(() => 0, store).issue('m', 3);
    const restarted = new NoteCapabilities(() => 1, store);
    expect(await restarted.allows(token, 'm', 3)).toBe(true);
    expect(await restarted.allows(token, 'm', 4)).toBe(false);
    expect(await new NoteCapabilities(() => 0).allows(token, 'm', 3)).toBe(false);
  });
});
