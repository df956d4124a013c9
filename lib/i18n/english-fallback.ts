/**
 * The bundled English catalogue as a fallback behind the browser's own i18n.
 *
 * Why: in fresh Chromium profiles (`--load-extension`, Chromium 14x on Debian) `browser.i18n.getMessage`
 * returned '' for every name in about half of the launches we probed, in extension pages and in the
 * service worker alike, so a popup could show message names instead of words. A page that gets ''
 * for a name the catalogue has reads the English text instead: a reader sees English at worst, never
 * `popup_title`. Extension pages carry the English strings once more for this (about 9 KB gzip);
 * the content script does not import this module.
 */
import english from '../../public/_locales/en/messages.json';
import { getMessageFrom, type MessageCatalogue } from './message-format';
import type { GetMessage } from './translator';

const fromEnglish = getMessageFrom(english as MessageCatalogue);

/** `getMessage`, or the English catalogue's message where the browser has none ('' for a name neither knows). */
export function withEnglishFallback(getMessage: GetMessage): GetMessage {
  return (name, substitutions) => getMessage(name, substitutions) || fromEnglish(name, substitutions);
}
