/**
 * Attack report finding 1, shared by framed-editor.chromium.test.ts and framed-editor.firefox.test.ts:
 * a page frames `note-editor.html` itself (it is web-accessible, because the card frames it) and tries
 * to read or change the reader's note and "Wrong match" flag. The browsers are driven differently
 * (Playwright frames in Chromium, raw WebDriver BiDi contexts in Firefox); what the page does and what
 * must hold is written once here, as self-contained functions run in the page or in a frame.
 */
import { expect } from 'vitest';

/** The fixture article whose first highlight's card the reader opens. */
export const FRAMED_EDITOR_ARTICLE = 'bullet-list-what-changed.html';
/** The note the reader saved (from the options page) before the page attacks. */
export const READER_NOTE = 'the reader’s own note';
/** What the page would write through a frame it made. */
export const PAGE_NOTE = 'text the page put there via clickjacking';

/** A `get-mention`, `set-note` or `set-wrong-match` answer, in the parts read here. */
export interface StoredMention {
  ok: boolean;
  error?: string;
  mention?: { note?: { text: string }; wrongMatch?: { flagged: boolean } };
}

/** The reader's note and flag for one mention, as stored. */
export interface StoredNote {
  note: string | undefined;
  flagged: boolean;
}

/**
 * Runs a self-contained function in one document (a page, an extension page or a frame) and returns
 * its JSON-able result: Playwright's `evaluate` in Chromium, BiDi `script.callFunction` in Firefox.
 */
export interface DocumentRunner {
  /** The document's address, for messages. */
  readonly url: string;
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** Runs in an extension document: sends `request` to the background as that document's own script would. Self-contained. */
export function sendFromExtensionDocument(request: object): Promise<StoredMention> {
  type Runtime = { runtime: { sendMessage(message: object): Promise<unknown> } };
  const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
  // Firefox has `browser` (promises); Chromium only `chrome`, which answers promises in MV3.
  return (scope.browser ?? scope.chrome).runtime.sendMessage(request) as Promise<StoredMention>;
}

/**
 * Runs in the web page: its own script frames `address` over its content, as the attacker did
 * (opacity 0.01, on top); resolves when the frame fires `load` or `error` (or after 5 s: 'timeout').
 * Self-contained.
 */
export function frameFromPage(address: string): Promise<'load' | 'error' | 'timeout'> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = address;
    frame.style.cssText = 'position:fixed;top:0;left:0;width:420px;height:240px;opacity:0.01;z-index:2147483647;border:0';
    frame.addEventListener('load', () => resolve('load'), { once: true });
    frame.addEventListener('error', () => resolve('error'), { once: true });
    setTimeout(() => resolve('timeout'), 5_000);
    document.body.append(frame);
  });
}

/** What a note editor document shows: its refusal (role=alert), and whether it offers the note box and Wrong match. */
export interface EditorView {
  alert: string | null;
  noteBox: boolean;
  wrongMatch: boolean;
  /** The note box's text once loaded (enabled), else null. */
  note: string | null;
  /** The status line ("Saved", "Marked as a wrong match: …"), '' when none. */
  status: string;
}

/** Runs in the note editor's document. Self-contained. */
export function readEditorView(): EditorView {
  const box = document.querySelector<HTMLTextAreaElement>('textarea');
  return {
    alert: document.querySelector('[role=alert]')?.textContent ?? null,
    noteBox: box !== null,
    wrongMatch: document.querySelector('input[type=checkbox]') !== null,
    note: box && !box.disabled ? box.value : null,
    status: document.querySelector('[data-testid=note-status]')?.textContent ?? '',
  };
}

/** Polls `readEditorView` in `editor` until `until` holds; fails naming what the editor showed. */
export async function waitForEditorView(editor: DocumentRunner, until: (view: EditorView) => boolean, what: string, timeout = 5_000): Promise<EditorView> {
  const deadline = Date.now() + timeout;
  let view = await editor.run(readEditorView, undefined);
  while (!until(view)) {
    if (Date.now() > deadline) throw new Error(`${what}: not shown within ${timeout} ms at ${editor.url}; it shows ${JSON.stringify(view)}`);
    await new Promise((resume) => setTimeout(resume, 100));
    view = await editor.run(readEditorView, undefined);
  }
  return view;
}

/** The mention's note and flag, asked by an extension page of ours (the options page edits without a capability). */
export async function storedNote(extensionPage: DocumentRunner, mentionId: string): Promise<StoredNote> {
  const answer = await extensionPage.run(sendFromExtensionDocument, { type: 'get-mention', mentionId });
  if (!answer.ok) throw new Error(`get-mention failed: ${answer.error ?? '?'}`);
  return { note: answer.mention?.note?.text, flagged: answer.mention?.wrongMatch?.flagged ?? false };
}

/**
 * A page-made editor frame must refuse: it says why in words, offers no note box or Wrong match to
 * click, and whatever it asks itself (worse than a click: as if the page drove its controls) is refused
 * without revealing the note; the stored note and flag are unchanged.
 */
export async function expectRefused(editor: DocumentRunner, extensionPage: DocumentRunner, mentionId: string, where: string): Promise<void> {
  const before = await storedNote(extensionPage, mentionId);
  const view = await waitForEditorView(editor, (shown) => shown.alert !== null, `${where}: a refusal`);
  expect(view.alert, `${where}: says why in words`).toContain('not opened by a Pledge Lens card');
  expect({ noteBox: view.noteBox, wrongMatch: view.wrongMatch }, `${where}: no note box or Wrong match to click`).toEqual({ noteBox: false, wrongMatch: false });
  for (const request of [
    { type: 'set-wrong-match', mentionId, flagged: true },
    { type: 'set-note', mentionId, text: PAGE_NOTE },
    { type: 'get-mention', mentionId },
  ]) {
    const answer = await editor.run(sendFromExtensionDocument, request);
    expect(answer.ok, `${where}: ${request.type}`).toBe(false);
    expect(JSON.stringify(answer), `${where}: ${request.type} reveals no note`).not.toContain(READER_NOTE);
  }
  expect(await storedNote(extensionPage, mentionId), `${where}: the reader's note and flag`).toEqual(before);
}

/**
 * Runs in the web page before the card opens: records the origin of every message posted to the page's
 * window, as a page script listening for its frames would. Self-contained.
 */
export function listenForFrameMessages(): void {
  const heard: string[] = [];
  // Kept on the page's window for readPageView (both run serialised, so they share no constant).
  (window as unknown as { pledgeLensTestHeard: string[] }).pledgeLensTestHeard = heard;
  window.addEventListener('message', (event) => heard.push(event.origin));
}

/** What a page sees of the card's note frame from its own document. */
export interface PageView {
  /** `window.length`: frames inside the card's closed root are not among the page's frames. */
  frames: number;
  iframes: string[];
  /** Resource Timing entries naming the editor (their address would carry the capability). */
  resources: string[];
  /** Whether the capability appears anywhere in the page's markup. */
  html: boolean;
  /**
   * Origins of messages from elsewhere that `listenForFrameMessages` heard. A message from the editor
   * would tell the page our address (Firefox: the install's UUID, the same on every site) and hand it
   * the note frame's window (`event.source`), which it could then navigate to a look-alike.
   */
  foreignMessages: string[];
}

/** Runs in the web page. Self-contained. */
export function readPageView(): PageView {
  const heard = (window as unknown as { pledgeLensTestHeard?: string[] }).pledgeLensTestHeard ?? [];
  return {
    frames: window.length,
    iframes: [...document.querySelectorAll('iframe')].map((frame) => frame.src),
    resources: performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.includes('note-editor')),
    html: document.documentElement.outerHTML.includes('capability='),
    foreignMessages: heard.filter((origin) => origin !== location.origin),
  };
}
