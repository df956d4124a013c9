/**
 * Source of the script every bench page runs before its own scripts (page.addInitScript, main
 * world). It is a string, not a function: a function transpiled by tsx could carry helper calls
 * that do not exist in the page.
 *
 * - A PerformanceObserver collects 'longtask' entries for the whole page life.
 * - A MutationObserver records performance.now() whenever a Pledge Lens mark is inserted, which
 *   is how the shipped extension's end-to-end time is read without touching the extension.
 */
import { INIT_GLOBAL } from './harness-types';

export const INIT_SCRIPT = `(() => {
  const state = { longTasks: [], markTimes: [] };
  Object.defineProperty(window, ${JSON.stringify(INIT_GLOBAL)}, { value: state });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {}
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && node.localName === 'mark' && node.classList.contains('pledge-lens-mark')) {
          state.markTimes.push(now);
          break;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
})();`;
