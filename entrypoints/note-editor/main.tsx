import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { I18nProvider } from '@/components/i18n';
import { NoteEditor } from '@/components/note-editor';
import { NOTE_CLOSE_MESSAGE, NOTE_SIZE_PORT_MESSAGE, noteHeightMessage } from '@/components/note-frame-size';
import { withEnglishFallback } from '@/lib/i18n/english-fallback';
import { wordFailure } from '@/lib/format/reader-errors';
import { createTranslator } from '@/lib/i18n/translator';
import { MAX_NOTE_LENGTH, type ExtensionPageToBackground } from '@/lib/messages/extension-page-to-background';
import { senderFor } from '@/lib/messages/message-map';
import { NOTE_EDITOR_REFUSED } from '@/lib/background/note-capabilities';

/**
 * The card's note editor. It is an extension page framed inside the card, so the web page around
 * it can neither read the note nor type into it, and the note never passes through the content script.
 */
/** The browser's i18n in the language it picked from _locales, with the bundled English where it answers '' (as the popup does). */
const t = createTranslator(withEnglishFallback((name, substitutions) => browser.i18n.getMessage(name, substitutions)));
const send = senderFor<ExtensionPageToBackground>((message) => browser.runtime.sendMessage(message));
/**
 * A refusal the background explained with a code ("that mention is no longer stored") says so in the reader's
 * language; so does its refusal of an editor without a card's capability (a page framed this one itself).
 */
const ask: typeof send = async (request) => {
  const result = await send(request);
  if (!result.ok && result.error === NOTE_EDITOR_REFUSED) return { ...result, error: t('note_refused') };
  return !result.ok && result.failure ? { ...result, error: wordFailure(t, result.failure) } : result;
};
const mentionId = new URLSearchParams(location.search).get('mention') ?? '';

function NoteEditorPage() {
  const [note, setNote] = useState<string>();
  const [wrongMatch, setWrongMatch] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    void ask({ type: 'get-mention', mentionId }).then((answer) => {
      if (!answer.ok) return setLoadError(answer.error);
      setNote(answer.mention.note?.text ?? '');
      setWrongMatch(answer.mention.wrongMatch?.flagged ?? false);
    });
  }, []);
  return (
    <NoteEditor
      note={note}
      wrongMatch={wrongMatch}
      {...(loadError ? { loadError } : {})}
      maxLength={MAX_NOTE_LENGTH}
      onSave={(text) => ask({ type: 'set-note', mentionId, text })}
      onToggleWrongMatch={(flagged) => ask({ type: 'set-wrong-match', mentionId, flagged })}
      legendUrl={browser.runtime.getURL('/welcome.html#labels')}
    />
  );
}

/**
 * The card sizes its frame to this page's content (components/note-frame-size.ts): it hands us a port,
 * and the height goes on that port only, never to the window around us, which is the web page's.
 */
let sizePort: MessagePort | undefined;
const reportHeight = (): void => sizePort?.postMessage(noteHeightMessage(document.body.getBoundingClientRect().height));
window.addEventListener('message', (event) => {
  if (sizePort || event.source !== window.parent || event.data !== NOTE_SIZE_PORT_MESSAGE || !event.ports[0]) return;
  sizePort = event.ports[0];
  reportHeight();
});
new ResizeObserver(reportHeight).observe(document.body);
// Escape closes the card, as it does from the card's own controls: our keys never reach the content
// script, so we ask the card on the port (never the window, which the page reads). Unported (a page
// framed us itself), Escape does nothing.
window.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
  event.preventDefault();
  sizePort?.postMessage(NOTE_CLOSE_MESSAGE);
});

// Focus given to the frame itself, with nothing inside it focused (the card forwarding a click the browser handed
// to the page's document, see card-host.tsx), goes to the note box: a reader who clicked the note area then types
// into it. A control the reader clicked or tabbed to has focus by the next task, and keeps it.
window.addEventListener('focus', () => {
  setTimeout(() => {
    if (document.activeElement === document.body) document.querySelector<HTMLTextAreaElement>('textarea:not([disabled])')?.focus();
  });
});

document.documentElement.lang = t.locale;
document.title = t('note_title');
render(
  <I18nProvider translator={t}>
    <NoteEditorPage />
  </I18nProvider>,
  document.getElementById('app')!,
);
