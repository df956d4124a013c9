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
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderRole =
  | { role: 'extension-page' }
  | { role: 'content-script'; tabId: number; frameId: number; url: string; origin?: string; tabUrl?: string }
  | { role: 'foreign' };

/**
 * @param extensionId `runtime.id`
 * @param extensionOrigin `runtime.getURL('')`, e.g. "chrome-extension://abc/" or "moz-extension://uuid/"
 */
export function senderRole(sender: SenderFacts, extensionId: string, extensionOrigin: string): SenderRole {
  if (sender.id !== extensionId) return { role: 'foreign' };
  const url = sender.url ?? '';
  // An extension page's URL is in our origin, also when it is framed inside a tab (the note editor).
  if (url.startsWith(extensionOrigin)) return { role: 'extension-page' };
  if (sender.tab?.id !== undefined && url) {
    return {
      role: 'content-script',
      tabId: sender.tab.id,
      frameId: sender.frameId ?? 0,
      url,
      ...(sender.origin ? { origin: sender.origin } : {}),
      ...(sender.tab.url ? { tabUrl: sender.tab.url } : {}),
    };
  }
  return { role: 'foreign' };
}
