/**
 * The typed message catalogue and the translator every extension page hands its views.
 *
 * The English catalogue (public/_locales/en/messages.json) is the one list of message names: the
 * types below are read from it, so a misspelt name or a missing placeholder value is a type error.
 * Only its type is imported: the strings reach the page through the browser's own i18n, never twice
 * in the bundle. `tests/unit/i18n/catalogue.test.ts` keeps every other language in step with it.
 *
 * lib/ uses no extension API: the entrypoints build a translator around `browser.i18n.getMessage`,
 * tests around the catalogue files (`lib/i18n/message-format.ts`).
 */
import type ENGLISH from '../../public/_locales/en/messages.json';

type Catalogue = typeof ENGLISH;

/** Every message name the catalogue defines. */
export type MessageName = keyof Catalogue & string;

/** The placeholder names of one message (`never` when it has none). */
export type PlaceholderOf<N extends MessageName> = Catalogue[N] extends { placeholders: infer P } ? keyof P & string : never;

/** A message with placeholders needs a value for each of them; one without takes none. */
export type MessageArgs<N extends MessageName> = [PlaceholderOf<N>] extends [never] ? [] : [values: Readonly<Record<PlaceholderOf<N>, string | number>>];

/** Messages that come as a pair `<base>_one` / `<base>_other`, chosen by a count. */
export type PluralBase = { [N in MessageName]: N extends `${infer Base}_one` ? (`${Base}_other` extends MessageName ? Base : never) : never }[MessageName];

export interface Translator {
  <N extends MessageName>(name: N, ...args: MessageArgs<N>): string;
  /**
   * `<base>_one` for a count of 1, `<base>_other` otherwise: right for English and German, the
   * languages shipped. A language with more plural forms needs Intl.PluralRules here.
   */
  plural<B extends PluralBase>(base: B, count: number, ...args: MessageArgs<`${B}_one` & MessageName>): string;
  /** The language of the catalogue in use (its `meta_locale`), for dates; not the browser's UI language, which may have no catalogue. */
  readonly locale: string;
}

/** `browser.i18n.getMessage`'s shape: positional substitutions, '' for an unknown name. */
export type GetMessage = (name: string, substitutions?: string[]) => string;

/**
 * Placeholder values in the order of their names, sorted: the catalogue maps the sorted names to $1,
 * $2, … (the catalogue test checks this), so callers name values instead of counting positions.
 * Pass exactly the message's placeholders: an extra key (which a spread object can smuggle past the
 * type checker) would shift the values after it.
 */
export function substitutionsFor(values: Readonly<Record<string, string | number>> | undefined): string[] {
  if (!values) return [];
  return Object.keys(values)
    .sort()
    .map((key) => String(values[key]));
}

/** A translator over a `getMessage`. A name the catalogue lacks shows as itself, so it is seen, not blank. */
export function createTranslator(getMessage: GetMessage): Translator {
  const lookup = (name: string, values?: Readonly<Record<string, string | number>>): string => getMessage(name, substitutionsFor(values)) || name;
  const translate = ((name: MessageName, values?: Readonly<Record<string, string | number>>) => lookup(name, values)) as Translator;
  const plural = (base: string, count: number, values?: Readonly<Record<string, string | number>>) => lookup(`${base}_${count === 1 ? 'one' : 'other'}`, values);
  return Object.assign(translate, { plural, locale: getMessage('meta_locale') || 'en' }) as Translator;
}
