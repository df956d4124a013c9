import browser, { type Runtime } from 'webextension-polyfill';
import { BACKGROUND_TO_CONTENT, type BackgroundToContent } from '@/lib/messages/background-to-content';
import type { ContentToBackground } from '@/lib/messages/content-to-background';
import { dispatch, senderFor, type Handlers } from '@/lib/messages/message-map';
import { PageAnnotator } from './page-annotator';

/**
 * Thin wiring: every listener goes through `ctx`, so an extension reload or update removes them
 * and leaves the page as it was. The work is in PageAnnotator and its collaborators.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  // Articles embedded in iframes (same- or cross-origin) get their own annotator in their frame.
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const ask = senderFor<ContentToBackground>((message) => browser.runtime.sendMessage(message));
    const annotator = new PageAnnotator(document, ask, (mentionId) => browser.runtime.getURL(`/note-editor.html?mention=${encodeURIComponent(mentionId)}`));
    const card = annotator.card;
    ctx.onInvalidated(() => annotator.destroy());

    // One delegated listener per event type, not one per highlight.
    ctx.addEventListener(document, 'mouseover', (event) => {
      const highlight = annotator.highlightFor(event.composedPath()[0] ?? event.target);
      if (highlight) card.show(highlight);
      else if (card.contains(event.target as Node)) card.cancelHide();
    });
    ctx.addEventListener(document, 'mouseout', (event) => {
      const leaving = annotator.highlightFor(event.target) ?? (card.contains(event.target as Node) ? true : undefined);
      if (leaving && !annotator.highlightFor(event.relatedTarget) && !card.contains(event.relatedTarget as Node)) card.scheduleHide();
    });
    ctx.addEventListener(document, 'focusin', (event) => {
      if (card.returningFocus) return;
      const highlight = annotator.highlightFor(event.composedPath()[0] ?? event.target);
      if (highlight) card.show(highlight);
      else if (card.contains(event.target as Node)) card.cancelHide();
    });
    ctx.addEventListener(document, 'focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (card.isOpen && !card.contains(next) && !annotator.highlightFor(next)) card.hide(false);
    });
    ctx.addEventListener(
      document,
      'keydown',
      (event) => {
        if (event.key === 'Escape' && card.isOpen) {
          card.hide(true);
          event.stopPropagation();
        } else if (event.key === 'Enter' || event.key === ' ') {
          const highlight = annotator.highlightFor(event.target);
          if (highlight) {
            event.preventDefault();
            card.show(highlight, true);
          }
        }
      },
      { capture: true },
    );
    ctx.addEventListener(window, 'wxt:locationchange', () => void annotator.reset());

    const setEnabled = async (enabled: boolean): Promise<boolean> => {
      if (enabled) await annotator.start();
      else annotator.stop();
      card.announce(enabled ? 'Pledge Lens highlights on' : 'Pledge Lens highlights off');
      return enabled;
    };
    const siteIsOn = async (): Promise<boolean> => {
      const answer = await ask({ type: 'get-site-enabled', url: location.href });
      return answer.ok && answer.enabled;
    };

    const handlers: Handlers<BackgroundToContent, undefined> = {
      'scroll-to-claim': async (request) => ({ ok: true, found: annotator.scrollToClaim(request.claimId) }),
      'set-highlighting': async (request) => ({ ok: true, enabled: await setEnabled(request.enabled) }),
      'toggle-highlighting': async () => ({ ok: true, enabled: await setEnabled(!annotator.enabled) }),
      'recheck-site': async () => {
        const enabled = await siteIsOn();
        return { ok: true, enabled: enabled === annotator.enabled ? enabled : await setEnabled(enabled) };
      },
    };
    // Only our own extension contexts can reach this listener (`tabs.sendMessage` does not exist in
    // content scripts or pages); checking the id keeps it so should that ever change.
    browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || ctx.isInvalid) return undefined;
      return dispatch(BACKGROUND_TO_CONTENT, handlers, message, undefined);
    });

    if (await siteIsOn()) await annotator.start();
  },
});
