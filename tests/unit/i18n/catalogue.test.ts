import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholderReferences, type MessageCatalogue } from '@/lib/i18n/message-format';
import { richTags } from '@/lib/i18n/rich-text';
import { CATALOGUES } from './test-translators';

const ROOT = join(import.meta.dirname, '../../..');
const LANGUAGES = Object.keys(CATALOGUES) as Array<keyof typeof CATALOGUES>;
const { en } = CATALOGUES;

/** Every source file that may name a message: views, entrypoints, the engine, the manifest. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const SOURCES = [...['components', 'entrypoints', 'lib'].flatMap((dir) => sourceFiles(join(ROOT, dir))), join(ROOT, 'wxt.config.ts')].map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

const declared = (catalogue: MessageCatalogue, name: string) => Object.keys(catalogue[name]?.placeholders ?? {}).sort();
const partnerOf = (name: string) => (name.endsWith('_one') ? `${name.slice(0, -4)}_other` : name.endsWith('_other') ? `${name.slice(0, -6)}_one` : undefined);

describe('the message catalogues', () => {
  it('are all the same list of names as English', () => {
    for (const language of LANGUAGES) expect(Object.keys(CATALOGUES[language]).sort(), language).toEqual(Object.keys(en).sort());
  });

  it('use names the browsers accept, distinct even ignoring case (the browsers ignore it)', () => {
    for (const name of Object.keys(en)) expect(name).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(Object.keys(en).map((name) => name.toLowerCase())).size).toBe(Object.keys(en).length);
  });

  it('have no empty message', () => {
    for (const language of LANGUAGES) for (const [name, entry] of Object.entries(CATALOGUES[language])) expect(entry.message.trim(), `${language} ${name}`).not.toBe('');
  });

  it('declare the same placeholders in every language, numbered $1, $2… in the order of their sorted names', () => {
    for (const name of Object.keys(en)) {
      for (const language of LANGUAGES) {
        const placeholders = CATALOGUES[language][name]!.placeholders ?? {};
        expect(Object.keys(placeholders).sort(), `${language} ${name}`).toEqual(declared(en, name));
        // The translator passes values sorted by name (substitutionsFor), so this numbering is what makes them land.
        declared(en, name).forEach((placeholder, index) => expect(placeholders[placeholder]?.content, `${language} ${name} ${placeholder}`).toBe(`$${index + 1}`));
      }
    }
  });

  it('use in each message exactly the placeholders English uses, all of them declared', () => {
    for (const name of Object.keys(en)) {
      const english = [...new Set(placeholderReferences(en[name]!.message))].sort();
      for (const language of LANGUAGES) {
        const used = [...new Set(placeholderReferences(CATALOGUES[language][name]!.message))].sort();
        expect(used, `${language} ${name}`).toEqual(english);
        for (const placeholder of used) expect(declared(CATALOGUES[language], name), `${language} ${name}`).toContain(placeholder);
      }
      // A declared placeholder no message uses is a typo, except in a plural pair, whose two forms share one set of values.
      const partner = partnerOf(name);
      const usedInPair = new Set([...placeholderReferences(en[name]!.message), ...(partner ? placeholderReferences(en[partner]?.message ?? '') : [])]);
      for (const placeholder of declared(en, name)) expect(usedInPair.has(placeholder), `${name} declares ${placeholder} but never uses it`).toBe(true);
      if (partner) expect(declared(en, name), `${name} and ${partner} take the same values`).toEqual(declared(en, partner));
      if (partner) expect(en[partner], `${name} has no ${partner}`).toBeDefined();
    }
  });

  it('keep inline markup (<strong>, <a>…) in every language', () => {
    for (const name of Object.keys(en)) {
      for (const language of LANGUAGES) expect(richTags(CATALOGUES[language][name]!.message).sort(), `${language} ${name}`).toEqual(richTags(en[name]!.message).sort());
    }
  });

  it('name their own language in meta_locale, which dates and plurals follow', () => {
    for (const language of LANGUAGES) expect(CATALOGUES[language].meta_locale?.message).toBe(language);
  });
});

describe('message names in the code', () => {
  /** t('name'…), t.plural('name'…) and the manifest's __MSG_name__. */
  const calls = SOURCES.flatMap(({ path, text }) =>
    [...text.matchAll(/\bt(\.plural)?\(\s*'([A-Za-z0-9_]+)'|__MSG_([A-Za-z0-9_]+)__/g)].map((match) => ({ path, plural: match[1] !== undefined, name: (match[2] ?? match[3])! })),
  );

  it('are found (the scan works)', () => {
    expect(calls).toContainEqual({ path: 'components/popup-view.tsx', plural: false, name: 'popup_title' });
    expect(calls).toContainEqual({ path: 'components/popup-view.tsx', plural: true, name: 'popup_changedHere' });
    expect(calls).toContainEqual({ path: 'wxt.config.ts', plural: false, name: 'ext_name' });
  });

  it('all exist in the catalogue', () => {
    for (const call of calls) {
      const names = call.plural ? [`${call.name}_one`, `${call.name}_other`] : [call.name];
      for (const name of names) expect(en[name], `${call.path} uses ${name}`).toBeDefined();
    }
  });

  it('cover every message: none is left unused', () => {
    const literals = new Set(SOURCES.flatMap(({ text }) => [...text.matchAll(/'([A-Za-z0-9_]+)'/g), ...text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((match) => match[1]!)));
    const unused = Object.keys(en).filter((name) => {
      const base = name.replace(/_(one|other)$/, '');
      return !literals.has(name) && !literals.has(base);
    });
    expect(unused).toEqual([]);
  });
});
