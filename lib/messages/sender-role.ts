/**
 * Who sent a message, by role. The background decides which message map a sender may use from this
 * alone: content scripts run inside web pages and may only report and ask; extension pages may change
 * settings, history and claim sets.
 */

/** The parts of `runtime.MessageSender` the role depends on. */
export interface SenderFacts {
  id?: string;
  url?: string;
  /** The frame's origin (Chrome only): what an about:blank or srcdoc frame inherits. */
  origin?: string;
  tab?: { id?: number; url?: string; title?: string };
  frameId?: number;
}

/** The note editor's path (wxt.config.ts makes it web-accessible, and nothing else). */
export const NOTE_EDITOR_PATH = '/note-editor.html';

export type SenderRole =
  | { role: 'extension-page' }
  /**
   * The card's note editor: web-accessible, so any page can frame it. It may act only with the capability
   * its own URL carries (lib/background/note-capabilities.ts); `url` is its address as the browser gives it.
   */
  | { role: 'note-editor'; url: string; tabId?: number }
  | { role: 'content-script'; tabId: number; frameId: number; url: string; origin?: string; tabUrl?: string; tabTitle?: string }
  | { role: 'foreign' };

function isNoteEditor(url: string, extensionOrigin: string): boolean {
  if (!URL.canParse(url)) return false;
  const address = new URL(url);
  return address.protocol === new URL(extensionOrigin).protocol && address.pathname === NOTE_EDITOR_PATH;
}

/**
 * @param extensionId `runtime.id`
 * @param extensionOrigin `runtime.getURL('')`, e.g. "chrome-extension://abc/" or "moz-extension://uuid/"
 */
export function senderRole(sender: SenderFacts, extensionId: string, extensionOrigin: string): SenderRole {
  if (sender.id !== extensionId) return { role: 'foreign' };
  const url = sender.url ?? '';
  // The one page a web page can load (framed, or opened in a tab): whatever frames it, it gets its own
  // role. Matched by scheme, not origin: Chrome's `use_dynamic_url` serves it from a per-session origin
  // that is not runtime.getURL's. A sender with our id at an extension address is one of our pages (no
  // content script runs in an extension's pages), and this role can only do less than extension-page.
  if (isNoteEditor(url, extensionOrigin)) return { role: 'note-editor', url, ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}) };
  // Any other page of ours (options, popup, welcome): no web page can load those.
  if (url.startsWith(extensionOrigin)) return { role: 'extension-page' };
  if (sender.tab?.id !== undefined && url) {
    return {
      role: 'content-script',
      tabId: sender.tab.id,
      frameId: sender.frameId ?? 0,
      url,
      ...(sender.origin ? { origin: sender.origin } : {}),
      ...(sender.tab.url ? { tabUrl: sender.tab.url } : {}),
      ...(sender.tab.title ? { tabTitle: sender.tab.title } : {}),
    };
  }
  return { role: 'foreign' };
}
