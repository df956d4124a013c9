// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSplitDirs } from '../../../scripts/cli/independent-splits';
import { documentLanguage, FUNCTION_WORDS, LANGUAGE_SAMPLE_CHARS, primaryLanguage, textLanguage } from '@/lib/text/page-language';
import { CATALAN, DUTCH, ENGLISH, FRENCH, GERMAN, ITALIAN, POLISH, PORTUGUESE, SPANISH } from './language-samples';

describe('primaryLanguage: what a lang attribute declares', () => {
  it.each([
    ['de', 'de'],
    ['de-DE', 'de'],
    ['DE', 'de'],
    [' fr-CA ', 'fr'],
    ['en_US', 'en'],
    ['zh-Hant-TW', 'zh'],
    ['es-419', 'es'],
    ['gsw', 'gsw'],
  ])('%j declares %j', (lang, primary) => {
    expect(primaryLanguage(lang)).toBe(primary);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['a word', 'english'],
    ['a private-use tag', 'x-klingon'],
    ['a grandfathered irregular tag', 'i-klingon'],
    ['undetermined', 'und'],
    ['multiple languages', 'mul'],
    ['no linguistic content', 'zxx'],
    ['uncoded', 'mis'],
    ['a trailing hyphen', 'de-'],
    ['an empty subtag', 'de--at'],
    ['a subtag over eight characters', 'de-abcdefghi'],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['a quote and markup after a code', 'de"><b>x</b>'],
    ['a bidi override', '\u202ede'],
    ['a line break inside', 'de\nat'],
    ['full-width letters', 'ＤＥ'],
    ['a digit', 'd1'],
    ['two megabytes', `de-${'a'.repeat(2_000_000)}`],
  ])('%s names no language', (_label, lang) => {
    expect(primaryLanguage(lang)).toBeUndefined();
  });
});

describe('textLanguage: a page that declares none, by its function words', () => {
  it.each([
    ['English', ENGLISH, 'en'],
    ['German', GERMAN, 'de'],
    ['French', FRENCH, 'fr'],
    ['Spanish', SPANISH, 'es'],
    ['Italian', ITALIAN, 'it'],
    ['Dutch', DUTCH, 'nl'],
    ['Portuguese', PORTUGUESE, 'pt'],
  ])('an article opening in %s is %s', (_language, text, expected) => {
    expect(textLanguage(text)).toBe(expected);
  });

  it.each([
    ['Polish', POLISH],
    ['Catalan', CATALAN],
  ])('%s, which it has no list for, is undecided rather than named as a language it knows', (_language, text) => {
    expect(textLanguage(text)).toBeUndefined();
  });

  it('a German article behind an English menu, quoting an English pledge, is German', () => {
    const menu = 'Home World Business Technology Science Opinion Newsletters Sign in Subscribe Search ';
    const quote = ' Die Zusage lautete: "We will not train or deploy models unless we have implemented safety and security measures that keep risks below acceptable levels." ';
    expect(textLanguage(`${menu}${GERMAN.slice(0, 600)}${quote}${GERMAN.slice(600)}`)).toBe('de');
  });

  it('an English article quoting a German statement is English', () => {
    const quote = ' In German, the ministry wrote: "Die Anbieter haben sich verpflichtet, die Risiken ihrer Modelle zu bewerten und die Ergebnisse zu veröffentlichen." ';
    expect(textLanguage(`${ENGLISH.slice(0, 500)}${quote}${ENGLISH.slice(500)}`)).toBe('en');
  });

  it('does not judge a headline, a table of figures, or a page half in one language and half in another', () => {
    expect(textLanguage('Anthropic überarbeitet seine Richtlinie: Was sich für Nutzer ändert')).toBeUndefined();
    expect(textLanguage(Array.from({ length: 200 }, (_, i) => `Q${(i % 4) + 1} 2026 ${i * 37} USD ${i % 9}.${i % 7}%`).join(' '))).toBeUndefined();
    expect(textLanguage(`${ENGLISH} ${GERMAN}`)).toBeUndefined();
  });

  it('reads only the first LANGUAGE_SAMPLE_CHARS of the text', () => {
    const opening = GERMAN.repeat(Math.ceil(LANGUAGE_SAMPLE_CHARS / GERMAN.length));
    expect(opening.length).toBeGreaterThanOrEqual(LANGUAGE_SAMPLE_CHARS);
    expect(textLanguage(`${opening}${ENGLISH.repeat(20)}`)).toBe('de');
  });

  it('counts each word for one language only: the lists share no word', () => {
    const all = Object.values(FUNCTION_WORDS).flat();
    expect(all.filter((word, i) => all.indexOf(word) !== i)).toEqual([]);
  });
});

/** Every corpus the matcher is measured on: pages in English, of many kinds (forums, tables, press releases, transcripts). */
const CORPORA = allSplitDirs().concat(join(import.meta.dirname, '../../fixtures/articles'));

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('documentLanguage: the top frame decides', () => {
  it('takes what the text decisively is over a wrong declaration (a template\'s lang="en" over a German article, report 56)', () => {
    expect(documentLanguage(parse(`<html lang="de-AT"><body><p>${ENGLISH}</p></body></html>`))).toBe('en');
    expect(documentLanguage(parse(`<html lang="en"><body><p>${GERMAN}</p></body></html>`))).toBe('de');
  });

  it('takes the declaration where the text cannot tell (a short page, a language outside the seven)', () => {
    expect(documentLanguage(parse('<html lang="de"><body><h1>Anthropic RSP 3.0</h1></body></html>'))).toBe('de');
    expect(documentLanguage(parse(`<html lang="pl"><body><p>${POLISH}</p></body></html>`))).toBe('pl');
  });

  it('reads the text when the page declares nothing, or nothing it can use', () => {
    expect(documentLanguage(parse(`<html><body><p>${GERMAN}</p></body></html>`))).toBe('de');
    expect(documentLanguage(parse(`<html lang=""><body><p>${FRENCH}</p></body></html>`))).toBe('fr');
    expect(documentLanguage(parse(`<html lang="spanish"><body><p>${SPANISH}</p></body></html>`))).toBe('es');
  });

  it('reads what a reader reads: not scripts and styles', () => {
    const script = `<script>${'// the function that is called for each of the items and returns them\n'.repeat(80)}</script>`;
    expect(documentLanguage(parse(`<html><head><style>p { color: red }</style></head><body>${script}<p>${GERMAN}</p></body></html>`))).toBe('de');
  });

  it('is unknown when neither the page nor its text says', () => {
    expect(documentLanguage(parse('<html><body><h1>Anthropic RSP 3.0</h1></body></html>'))).toBeUndefined();
    expect(documentLanguage(parse(`<html lang="und"><body><p>${POLISH}</p></body></html>`))).toBeUndefined();
  });

  it('finds every page of the English corpora English by its text alone (lang attribute removed)', () => {
    const pages = CORPORA.flatMap((dir) => readdirSync(dir).filter((file) => /\.(html|txt)$/.test(file)).map((file) => ({ file, source: readFileSync(join(dir, file), 'utf8') })));
    expect(pages.length).toBeGreaterThan(700);
    const misread: string[] = [];
    for (const { file, source } of pages) {
      // A text file is shown by the browser in one <pre>, as the content script reads it.
      const doc = parse(file.endsWith('.txt') ? `<pre>${source.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>` : source);
      doc.documentElement.removeAttribute('lang');
      const language = documentLanguage(doc);
      if (language !== 'en') misread.push(`${file}: ${String(language)}`);
    }
    expect(misread).toEqual([]);
  });
});
