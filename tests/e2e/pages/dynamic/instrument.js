// Test instrumentation, not page behaviour: records, by the page's own clock, when each Pledge Lens
// mark enters the document, so a test can tell how long highlighting took without polling jitter.
(() => {
  const seen = [];
  window.__marksSeen = seen;
  new MutationObserver((records) => {
    const at = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const marks = node.matches('mark.pledge-lens-mark') ? [node] : [...node.querySelectorAll('mark.pledge-lens-mark')];
        for (const mark of marks) {
          const holder = mark.parentElement && mark.parentElement.closest('[id]');
          seen.push({ kind: mark.dataset.claimKind || '', at, holder: holder ? holder.id : '' });
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
