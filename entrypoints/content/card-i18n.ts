import browser from 'webextension-polyfill';
import { withCardEnglishFallback } from '@/lib/i18n/card-english';
import { createTranslator, type Translator } from '@/lib/i18n/translator';

/** The card's words (its dates follow them: lib/format/dates.ts, as in the popup). */
export interface CardLanguage {
  t: Translator;
}

let language: CardLanguage | undefined;

/**
 * The card speaks the language the browser picked from _locales (content scripts have
 * `i18n.getMessage`), with the card's English where the browser answers '' (card-english.ts).
 * Made once per frame, on the first card: the language cannot change while the page is open.
 */
export function cardLanguage(): CardLanguage {
  if (language) return language;
  const t = createTranslator(withCardEnglishFallback((name, substitutions) => browser.i18n.getMessage(name, substitutions)));
  return (language = { t });
}
