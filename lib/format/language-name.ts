/**
 * A language's name for a reader: the popup says which language a page is in ("This page is in
 * German.") when the matcher, which reads English only, found nothing there.
 */

/**
 * The name of the language `code` (a BCP 47 tag, normally a page's primary subtag such as "de") in
 * the reader's language `locale` (a BCP 47 tag, normally `Translator.locale`): "German" in `en`,
 * "Deutsch" in `de`, from the browser's own `Intl.DisplayNames`. The code itself where the browser
 * has no name for it, or refuses the code or the locale (a RangeError for a malformed tag).
 */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
