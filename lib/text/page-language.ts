/**
 * The language a page is written in, as far as Pledge Lens needs it: the matcher reads English only,
 * so the popup tells a reader whose page is in another language why nothing was found. Decided by
 * the top frame's content script from the page's first words, else from its own `lang` declaration.
 * Pure functions; `documentLanguage` reads a DOM and nothing else (no extension APIs).
 */
import { gateText } from '../prefilter/wake-gate';

/** The primary language subtag of English. */
export const ENGLISH = 'en';

/** How much of a page's text (UTF-16 units, about 600 words) the word count reads: an article's opening. */
export const LANGUAGE_SAMPLE_CHARS = 4_000;

/** Fewer words than this (a headline, a menu, a login page) are not judged. */
const MIN_LANGUAGE_WORDS = 40;

/**
 * The share of a sample's words (a fraction, 0–1) that must be function words of the leading
 * language. Measured (1 Dec 2026): the tests' article openings in the seven languages from 0.14
 * (Spanish) to 0.29 (German); the opening of each of the 734 English pages of the evaluation
 * corpora, menus and all, 0.145 or more; Polish and Catalan, which share a few of these words, under 0.05.
 */
const MIN_FUNCTION_WORD_SHARE = 0.08;

/**
 * How many times the runner-up's share the leading language's must be: a page half in one language
 * and half in another is not judged. Measured: 6 or more on every page above.
 */
const MIN_LEAD_RATIO = 3;

/**
 * Among the commonest words of each language, the ones no other language here uses often: "de",
 * "la", "in", "a", "en", "que", "il", "un", "is", "was", "als", "mais"… are left out of every
 * list (or kept in one only when the others rarely write them), so a word counts for one language.
 * The tests check the lists stay disjoint.
 */
export const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'of', 'and', 'to', 'that', 'it', 'for', 'with', 'by', 'this', 'are', 'be', 'from', 'have', 'has', 'which', 'but', 'not', 'its', 'at', 'as', 'were', 'been', 'would', 'their', 'they', 'or', 'said', 'who', 'had', 'can', 'about', 'than', 'these'],
  de: ['der', 'die', 'und', 'den', 'dem', 'ist', 'nicht', 'mit', 'sich', 'ein', 'eine', 'einen', 'einer', 'auf', 'zu', 'für', 'von', 'auch', 'dass', 'wird', 'werden', 'hat', 'sie', 'bei', 'nach', 'noch', 'über', 'im', 'zum', 'zur', 'aus', 'oder', 'nur', 'sind', 'wurde', 'haben', 'sei'],
  fr: ['le', 'les', 'des', 'du', 'et', 'est', 'une', 'pas', 'qui', 'dans', 'pour', 'sur', 'au', 'aux', 'ce', 'cette', 'elle', 'sont', 'avec', 'par', 'ne', 'plus', 'leur', 'ont', 'été', 'ses', 'ou', 'nous', 'ils'],
  es: ['el', 'los', 'las', 'y', 'es', 'por', 'sus', 'más', 'pero', 'este', 'esta', 'fue', 'también', 'hay', 'está', 'según', 'desde', 'muy', 'sin', 'ya', 'cuando', 'dijo'],
  it: ['il', 'di', 'che', 'è', 'della', 'delle', 'dei', 'degli', 'nel', 'nella', 'alla', 'gli', 'sono', 'anche', 'più', 'questo', 'questa', 'dal', 'stato', 'essere', 'loro', 'ma'],
  nl: ['het', 'een', 'van', 'dat', 'niet', 'met', 'op', 'voor', 'zijn', 'ook', 'aan', 'bij', 'naar', 'wordt', 'heeft', 'worden', 'deze', 'maar', 'werd', 'er', 'dan', 'nog', 'wel', 'uit', 'tot', 'hun', 'door', 'geen', 'zou', 'dit'],
  pt: ['o', 'os', 'do', 'dos', 'em', 'um', 'uma', 'não', 'com', 'é', 'ao', 'na', 'pela', 'pelo', 'foi', 'são', 'seu', 'ele', 'isso', 'já', 'muito', 'também', 'às', 'nas', 'mas', 'pelos', 'seus', 'ainda', 'disse'],
};

/** Each function word's language, made on first use: the popup imports this module for ENGLISH alone, and a bundle keeps a map made at load. */
let languageOfWord: ReadonlyMap<string, string> | undefined;

/** Subtags that name no language: undetermined, multiple, no linguistic content, uncoded. */
const NO_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);

/**
 * The primary language subtag of a `lang` value, lower-cased ("de-CH" and "DE" give "de"), or
 * undefined when it names no language: empty, malformed ("english", "x-klingon", a 2 MB string),
 * or one of "und", "mul", "zxx", "mis". Only ISO 639 codes of two or three letters are taken
 * (BCP 47's longer primary subtags are reserved or unregistered), and the rest of the tag must be
 * well-formed subtags of one to eight letters or digits; an underscore ("en_US", a common slip) is
 * read as a hyphen.
 */
export function primaryLanguage(lang: string): string | undefined {
  // A BCP 47 tag is at most a few dozen characters; a longer value is no tag (and is not scanned).
  if (lang.length > 64) return undefined;
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  const match = /^([a-z]{2,3})(?:-[a-z0-9]{1,8})*$/.exec(tag);
  const primary = match?.[1];
  return primary !== undefined && !NO_LANGUAGE.has(primary) ? primary : undefined;
}

/**
 * The language of a text by its function words, for a page that declares none: the primary subtag
 * of English, German, French, Spanish, Italian, Dutch or Portuguese, or undefined when unsure.
 * Reads the first LANGUAGE_SAMPLE_CHARS UTF-16 units; needs MIN_LANGUAGE_WORDS words, of which a
 * share of at least MIN_FUNCTION_WORD_SHARE are the leading language's function words, and that
 * share at least MIN_LEAD_RATIO times the runner-up's. A language outside the seven, a short page,
 * a table of figures or a half-and-half page is undefined: the popup then says nothing about language.
 */
export function textLanguage(text: string): string | undefined {
  const words = text.slice(0, LANGUAGE_SAMPLE_CHARS).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_LANGUAGE_WORDS) return undefined;
  languageOfWord ??= new Map(Object.entries(FUNCTION_WORDS).flatMap(([language, list]) => list.map((word) => [word, language] as const)));
  const hits = new Map<string, number>();
  for (const word of words) {
    const language = languageOfWord.get(word);
    if (language !== undefined) hits.set(language, (hits.get(language) ?? 0) + 1);
  }
  const [leader, runnerUp] = [...hits].sort(([, a], [, b]) => b - a);
  if (!leader || leader[1] < MIN_FUNCTION_WORD_SHARE * words.length) return undefined;
  return leader[1] >= MIN_LEAD_RATIO * (runnerUp?.[1] ?? 0) ? leader[0] : undefined;
}

/**
 * The language of a document as its top frame reports it: what `textLanguage` reads in the first
 * LANGUAGE_SAMPLE_CHARS of its text, else the primary subtag its `lang` attribute declares, else undefined
 * (unknown: the popup says nothing about language). The text wins where it is decisive: a site's template
 * declares one language for every page (`lang="en"` over a German article, a new user's report 56), and no
 * English page of the evaluation corpora reads as another language by its text; a declaration tells where the
 * text cannot (a short page, a language outside the seven).
 */
export function documentLanguage(doc: Document): string | undefined {
  const root = doc.body ?? doc.documentElement;
  const read = root ? textLanguage(gateText(root, LANGUAGE_SAMPLE_CHARS).text) : undefined;
  return read ?? primaryLanguage(doc.documentElement?.lang ?? '');
}
