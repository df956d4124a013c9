// @vitest-environment happy-dom
/**
 * The content script's guard against a page ending it (context-guard.ts): WXT's "content script
 * started" event, sent by the page, never reaches the context's listener on document while the
 * extension lives; once the extension is gone, a real successor's event does.
 */
import { describe, expect, test } from 'vitest';
import { guardContextFromPage, runtimeAlive } from '../../../entrypoints/content/context-guard';

const TYPE = 'extension-id:content:wxt:content-script-started';

/** A listener on document, as WXT's context adds, counting what reaches it. */
function contextListener(): { reached: () => number; remove: () => void } {
  let reached = 0;
  const listener = () => reached++;
  document.addEventListener(TYPE, listener);
  return { reached: () => reached, remove: () => document.removeEventListener(TYPE, listener) };
}

const send = () => document.dispatchEvent(new CustomEvent(TYPE, { detail: { contentScriptName: 'content', messageId: 'page' } }));

describe('guardContextFromPage', () => {
  test('while the extension lives, the event stops before document, even when the context listened first', () => {
    const context = contextListener();
    const guard = new AbortController();
    guardContextFromPage(window, TYPE, () => true, guard.signal);
    send();
    expect(context.reached()).toBe(0);
    guard.abort();
    context.remove();
  });

  test('once the extension is gone, the event reaches the context (a real successor takes over)', () => {
    const context = contextListener();
    const guard = new AbortController();
    let alive = true;
    guardContextFromPage(window, TYPE, () => alive, guard.signal);
    alive = false;
    send();
    expect(context.reached()).toBe(1);
    guard.abort();
    context.remove();
  });

  test('the guard ends with its context', () => {
    const context = contextListener();
    const guard = new AbortController();
    guardContextFromPage(window, TYPE, () => true, guard.signal);
    guard.abort();
    send();
    expect(context.reached()).toBe(1);
    context.remove();
  });
});

describe('runtimeAlive', () => {
  test('an id means alive; none, no runtime, or a throwing read (Firefox\'s dead wrapper) means gone', () => {
    expect(runtimeAlive(() => ({ id: 'pledge-lens@pledge-lens.org' }))()).toBe(true);
    expect(runtimeAlive(() => ({}))()).toBe(false);
    expect(runtimeAlive(() => undefined)()).toBe(false);
    expect(
      runtimeAlive(() => {
        throw new TypeError("can't access dead object");
      })(),
    ).toBe(false);
  });
});
