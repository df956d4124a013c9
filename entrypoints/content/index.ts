import browser, { type Runtime } from 'webextension-polyfill';
import { createBackgroundClient } from '@/lib/messages/send';
import { parseContentRequest, type ContentResponses } from '@/lib/messages/protocol';
import { PageAnnotator } from './page-annotator';

/**
 * Thin wiring: every listener goes through `ctx`, so an extension reload or update removes them
 * and leaves the page as it was. The work is in PageAnnotator.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  // Articles embedded in iframes (same- or cross-origin) get their own annotator in their frame.
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const ask = createBackgroundClient((message) => browser.runtime.sendMessage(message));
    const annotator = new PageAnnotator(document, ask);
    ctx.onInvalidated(() => annotator.destroy());

    // One delegated listener per event type, not one per highlight.
    ctx.addEventListener(document, 'mouseover', (event) => {
      const highlight = annotator.highlightFor(event.composedPath()[0] ?? event.target);
      if (highlight) annotator.showCard(highlight);
      else if (annotator.isInCard(event.target as Node)) annotator.cancelHide();
    });
    ctx.addEventListener(document, 'mouseout', (event) => {
      const leaving = annotator.highlightFor(event.target) ?? (annotator.isInCard(event.target as Node) ? true : undefined);
      if (leaving && !annotator.highlightFor(event.relatedTarget) && !annotator.isInCard(event.relatedTarget as Node)) annotator.scheduleHide();
    });
    ctx.addEventListener(document, 'focusin', (event) => {
      if (annotator.returningFocus) return;
      const highlight = annotator.highlightFor(event.composedPath()[0] ?? event.target);
      if (highlight) annotator.showCard(highlight);
      else if (annotator.isInCard(event.target as Node)) annotator.cancelHide();
    });
    ctx.addEventListener(document, 'focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (annotator.cardOpen && !annotator.isInCard(next) && !annotator.highlightFor(next)) annotator.hideCard(false);
    });
    ctx.addEventListener(document, 'keydown', (event) => {
      if (event.key === 'Escape' && annotator.cardOpen) {
        annotator.hideCard(true);
        event.stopPropagation();
      } else if (event.key === 'Enter' || event.key === ' ') {
        const highlight = annotator.highlightFor(event.target);
        if (highlight) {
          event.preventDefault();
          annotator.showCard(highlight, true);
        }
      }
    }, { capture: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => void annotator.reset());

    const setEnabled = async (enabled: boolean): Promise<boolean> => {
      if (enabled) await annotator.start();
      else annotator.stop();
      annotator.announce(enabled ? 'Pledge Lens highlights on' : 'Pledge Lens highlights off');
      return enabled;
    };

    browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || ctx.isInvalid) return undefined;
      const request = parseContentRequest(message);
      if (!request) return undefined;
      const answer = async (): Promise<ContentResponses[typeof request.type]> => {
        switch (request.type) {
          case 'get-page-state':
            return { url: location.href, title: document.title, enabled: annotator.enabled, claims: annotator.summary(), scanning: annotator.isScanning };
          case 'scroll-to-claim':
            return { found: annotator.scrollToClaim(request.claimId) };
          case 'set-highlighting':
            return { enabled: await setEnabled(request.enabled) };
          case 'toggle-highlighting':
            return { enabled: await setEnabled(!annotator.enabled) };
        }
      };
      return answer();
    });

    const { enabled } = await ask({ type: 'get-site-enabled', url: location.href });
    if (enabled) await annotator.start();
  },
});
