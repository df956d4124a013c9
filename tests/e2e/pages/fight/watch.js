// Test instrumentation, not page behaviour: what the page's main thread went through, by the page's
// own clock. Long tasks (>= 50 ms) from a PerformanceObserver where the browser reports them
// (Chromium; Firefox has no 'longtask' entries, so `__longTasks` stays null there), and every
// Pledge Lens mark as it enters the document.
(() => {
  window.__longTasks = null;
  if ((PerformanceObserver.supportedEntryTypes || []).includes('longtask')) {
    const tasks = [];
    window.__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ at: Math.round(entry.startTime), ms: Math.round(entry.duration) });
    }).observe({ type: 'longtask', buffered: true });
  }
  const marks = [];
  window.__marksSeen = marks;
  new MutationObserver((records) => {
    const at = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const count = node.matches('mark.pledge-lens-mark') ? 1 : node.querySelectorAll('mark.pledge-lens-mark').length;
        for (let i = 0; i < count; i++) marks.push(at);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
