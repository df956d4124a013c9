/**
 * Bench-only instrumentation of the background service worker (never in the shipped build: only
 * `extension-build.ts` puts it in, into a separate output folder). It adds no message, listener or
 * global a page could reach: it only writes User Timing entries (`performance.measure`) inside the
 * worker, which the bench reads from outside over the DevTools protocol.
 *
 * This module is imported before the background's own code, so the message listener the background
 * registers gets wrapped: each message is timed from the worker receiving it to its answer going out.
 */

/** Prefix of every entry the bench reads. */
export const TIMING_PREFIX = 'pl-bench:';

export type TimingDetail = Record<string, string | number | boolean | undefined>;

export function benchMeasure(name: string, start: number, detail: TimingDetail = {}, end = performance.now()): void {
  performance.measure(`${TIMING_PREFIX}${name}`, { start, end, detail });
}

interface RawEvent {
  addListener(listener: RawListener, ...rest: unknown[]): void;
}
type RawListener = (message: unknown, sender: { tab?: { id?: number }; frameId?: number }, sendResponse: (response: unknown) => void) => unknown;
interface ExtensionNamespace {
  runtime?: { onMessage?: RawEvent };
}

function describe(message: unknown): TimingDetail {
  const m = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
  return {
    type: typeof m.type === 'string' ? m.type : 'unknown',
    url: typeof m.url === 'string' ? m.url : undefined,
    chars: typeof m.text === 'string' ? m.text.length : undefined,
  };
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

function wrapOnMessage(event: RawEvent, patched: WeakSet<RawEvent>): void {
  if (patched.has(event)) return;
  patched.add(event);
  const add = event.addListener.bind(event);
  event.addListener = (listener: RawListener, ...rest: unknown[]) =>
    add(
      (message, sender, sendResponse) => {
        const start = performance.now();
        const detail = { ...describe(message), tabId: sender.tab?.id, frameId: sender.frameId };
        let answered = false;
        const done = () => {
          if (answered) return;
          answered = true;
          benchMeasure('message', start, detail);
        };
        const result = listener(
          message,
          sender,
          (response) => {
            done();
            sendResponse(response);
          },
        );
        // A `browser` namespace that takes promise answers (no polyfill wrapper) answers when this settles.
        if (isThenable(result)) result.then(done, done);
        return result;
      },
      ...rest,
    );
}

const namespaces = globalThis as unknown as { chrome?: ExtensionNamespace; browser?: ExtensionNamespace };
const patched = new WeakSet<RawEvent>();
for (const ns of [namespaces.chrome, namespaces.browser]) {
  const onMessage = ns?.runtime?.onMessage;
  if (onMessage) wrapOnMessage(onMessage, patched);
}
benchMeasure('script-start', 0);
