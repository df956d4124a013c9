import { describe, expect, it } from 'vitest';
import { languageName } from '@/lib/format/language-name';

describe('languageName', () => {
  it('names a language in the reader\'s language', () => {
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('de', 'de')).toBe('Deutsch');
    expect(languageName('fr', 'de')).toBe('Französisch');
  });

  it('gives the code where the browser has no name for it, or refuses the code or the locale', () => {
    expect(languageName('qaa', 'en')).toBe('qaa');
    expect(languageName('not a tag', 'en')).toBe('not a tag');
    expect(languageName('de', 'not a locale!')).toBe('de');
  });
});
