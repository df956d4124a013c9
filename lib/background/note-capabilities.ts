/**
 * Capabilities for the card's note editor. `note-editor.html` must be web-accessible (the card frames
 * it inside web pages), so any page can frame it too, invisibly, under its own buttons; mention ids are
 * computable from public text. A page that did so flagged a reader's mention "Wrong match" with one click
 * and replaced its note by clickjacking. So the editor acts only for a card our content script opened:
 * the content script asks for a capability when it opens the note frame, the background answers a
 * random token bound to that mention and that tab, the frame's URL carries it (inside the card's closed
 * shadow root, out of the page's reach), and the editor's requests are refused unless the URL the
 * browser reports for them (`sender.url`, which a page cannot forge) carries a live token for its mention
 * and they come from the tab it was issued to.
 *
 * Kept in memory, mirrored to a session store the caller gives (`storage.session`: memory only,
 * unreadable by content scripts) so that an MV3 worker stopped while a card is open still knows the
 * token when the reader saves.
 */
import { EXTENSION_PAGE_TO_BACKGROUND } from '../messages/extension-page-to-background';
import type { Handlers, Result } from '../messages/message-map';

/** A token lives this long after it was issued or last used (ms): a card left open over lunch still saves. */
export const NOTE_CAPABILITY_TTL_MS = 2 * 60 * 60 * 1000;
/** Live tokens kept at most; the oldest go first (a page that opens cards in a loop cannot grow memory). */
export const MAX_NOTE_CAPABILITIES = 500;
/** Random bytes per token: 256 bits. */
const TOKEN_BYTES = 32;

/** The English refusal; the note editor recognises it and says it in the reader's language. */
export const NOTE_EDITOR_REFUSED = 'This note editor was not opened by a Pledge Lens card, so it may not read or change notes.';

export interface NoteCapability {
  mentionId: string;
  tabId: number;
  /** When it stops being accepted, ms since the epoch. */
  expires: number;
}

/** Where the tokens survive a stopped background worker (`storage.session`); absent in tests and where unsupported. */
export interface CapabilityStore {
  read(): Promise<unknown>;
  write(value: Record<string, NoteCapability>): Promise<void>;
}

function isCapability(value: unknown): value is NoteCapability {
  if (typeof value !== 'object' || value === null) return false;
  const { mentionId, tabId, expires } = value as Record<string, unknown>;
  return typeof mentionId === 'string' && typeof tabId === 'number' && typeof expires === 'number';
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export class NoteCapabilities {
  /** Token to what it allows; insertion order is age (a use moves it to the end). */
  private readonly tokens = new Map<string, NoteCapability>();
  private restored: Promise<void> | undefined;

  /**
   * @param now ms since the epoch
   * @param store optional session mirror (see the module comment)
   */
  constructor(
    private readonly now: () => number,
    private readonly store?: CapabilityStore,
  ) {}

  /**
   * A new token for one opening of a mention's note editor in one tab.
   * @returns 64 hex digits (256 random bits)
   */
  async issue(mentionId: string, tabId: number): Promise<string> {
    await this.restore();
    this.prune();
    const token = randomToken();
    this.tokens.set(token, { mentionId, tabId, expires: this.now() + NOTE_CAPABILITY_TTL_MS });
    while (this.tokens.size > MAX_NOTE_CAPABILITIES) this.tokens.delete(this.tokens.keys().next().value as string);
    this.persist();
    return token;
  }

  /**
   * Whether `token` is live and was issued for this mention and this tab; a use extends its life.
   * @param tabId `sender.tab.id` of the frame asking; undefined (no tab) never passes
   */
  async allows(token: string, mentionId: string, tabId: number | undefined): Promise<boolean> {
    await this.restore();
    const capability = this.tokens.get(token);
    if (!capability || tabId === undefined) return false;
    if (capability.expires <= this.now()) {
      this.tokens.delete(token);
      this.persist();
      return false;
    }
    if (capability.mentionId !== mentionId || capability.tabId !== tabId) return false;
    this.tokens.delete(token);
    this.tokens.set(token, { ...capability, expires: this.now() + NOTE_CAPABILITY_TTL_MS });
    this.persist();
    return true;
  }

  /** A closed tab's tokens go with it. */
  forgetTab(tabId: number): void {
    let changed = false;
    for (const [token, capability] of this.tokens) {
      if (capability.tabId === tabId) changed = this.tokens.delete(token);
    }
    if (changed) this.persist();
  }

  private prune(): void {
    const now = this.now();
    for (const [token, capability] of this.tokens) if (capability.expires <= now) this.tokens.delete(token);
  }

  private restore(): Promise<void> {
    this.restored ??= (async () => {
      const stored = await this.store?.read().catch(() => undefined);
      if (typeof stored !== 'object' || stored === null) return;
      for (const [token, capability] of Object.entries(stored)) {
        // Issued before the worker stopped: older than anything issued since.
        if (isCapability(capability) && !this.tokens.has(token)) this.tokens.set(token, capability);
      }
    })();
    return this.restored;
  }

  private persist(): void {
    void this.store?.write(Object.fromEntries(this.tokens)).catch(() => undefined);
  }
}

/** What the note editor may ask, from the extension pages' map: its own mention, its note, its flag. */
export const NOTE_EDITOR_TO_BACKGROUND = {
  'get-mention': EXTENSION_PAGE_TO_BACKGROUND['get-mention'],
  'set-note': EXTENSION_PAGE_TO_BACKGROUND['set-note'],
  'set-wrong-match': EXTENSION_PAGE_TO_BACKGROUND['set-wrong-match'],
};
export type NoteEditorToBackground = typeof NOTE_EDITOR_TO_BACKGROUND;

/** The note editor as the browser reports it: its address (which carries its mention and capability) and tab. */
export interface NoteEditorSender {
  url: string;
  tabId?: number;
}

/** The query parameter of the editor's address that carries its capability (the mention is `mention`). */
export const CAPABILITY_PARAM = 'capability';

/**
 * The note editor's handlers: the extension pages' own, each run only when the editor's address names
 * the request's mention and carries a live capability for it issued to the editor's tab. Anything else
 * gets `NOTE_EDITOR_REFUSED` and changes nothing.
 */
export function noteEditorHandlers(pages: Handlers<NoteEditorToBackground, undefined>, capabilities: NoteCapabilities): Handlers<NoteEditorToBackground, NoteEditorSender> {
  const allowed = async (mentionId: string, from: NoteEditorSender): Promise<boolean> => {
    const params = new URL(from.url).searchParams;
    const token = params.get(CAPABILITY_PARAM);
    return params.get('mention') === mentionId && token !== null && capabilities.allows(token, mentionId, from.tabId);
  };
  const refused = { ok: false as const, error: NOTE_EDITOR_REFUSED };
  return {
    'get-mention': async (request, from) => ((await allowed(request.mentionId, from)) ? pages['get-mention'](request, undefined) : refused),
    'set-note': async (request, from) => ((await allowed(request.mentionId, from)) ? pages['set-note'](request, undefined) : refused),
    'set-wrong-match': async (request, from) => ((await allowed(request.mentionId, from)) ? pages['set-wrong-match'](request, undefined) : refused),
  };
}

/** The refusal when the mention a card asks for is stored as another page's. */
export const NOTE_OF_ANOTHER_PAGE = 'That note belongs to a mention on another page.';

/**
 * The content script's request for a capability: only for its own tab (the background knows which from
 * the browser), never for another, and only for a mention of the page it speaks for (`ownsMention`: a
 * page whose text hashes to another page's mention id must not open, read or flag that mention's note).
 * The token goes into the note frame's address inside the card's closed root.
 */
export function openNoteEditorHandler<S extends { tabId: number }>(capabilities: NoteCapabilities, ownsMention: (request: { mentionId: string; url: string }, from: S) => Promise<boolean>) {
  return async (request: { mentionId: string; url: string }, from: S): Promise<Result<{ capability: string }>> => {
    if (!(await ownsMention(request, from))) return { ok: false, error: NOTE_OF_ANOTHER_PAGE };
    return { ok: true, capability: await capabilities.issue(request.mentionId, from.tabId) };
  };
}
