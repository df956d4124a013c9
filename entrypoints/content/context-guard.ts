/**
 * Keeps a page from switching this content script off.
 *
 * WXT ends a content script's context (every `ctx` listener, timer and `onInvalidated` teardown) when
 * `document` receives its "content script started" event, which a newer copy of the same script sends
 * after an extension update. A page can send that event too: its name is the extension's id, the
 * entrypoint's name and a fixed suffix, and the id is public (the Firefox add-on id; the Chrome Web
 * Store id). A page that did so removed every highlight, closed the card and left the popup saying the
 * page has no claims.
 *
 * While this script's extension is still here (`runtime.id` defined) no newer copy of it has a reason
 * to replace it, so the event is stopped before it reaches the context's listener: a capturing listener
 * on `window` runs before any listener on `document`, whichever was added first. Once the extension is
 * updated, reloaded or removed, `runtime.id` is gone (or reading it throws, in Firefox) and WXT's own
 * handling applies, so a real successor still takes over.
 */

/**
 * Stops the context-ending event while the extension lives.
 * @param eventType `ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE`
 * @param extensionAlive whether this script's extension is still installed and running
 * @param signal ends the guard with the context it guards
 */
export function guardContextFromPage(target: Window, eventType: string, extensionAlive: () => boolean, signal: AbortSignal): void {
  target.addEventListener(
    eventType,
    (event) => {
      if (extensionAlive()) event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );
}

/** Whether the extension that runs this script is still here: an orphaned script's `runtime.id` is undefined, or throws in Firefox. */
export function runtimeAlive(runtime: () => { id?: string } | undefined): () => boolean {
  return () => {
    try {
      return Boolean(runtime()?.id);
    } catch {
      return false;
    }
  };
}
