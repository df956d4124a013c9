/**
 * People's names in reading order for bylines (lib/format/person-name.ts): Highwire's family-name-first form read
 * back ("Schmidt, Katrin" is Katrin Schmidt), everything else as given (a new user's report 54 read "By van der
 * Berg, Anne-Marie and Mensah, Kwame" in the Markdown export and the history).
 */
import { describe, expect, it } from 'vitest';
import { authorList } from '@/lib/format/author-list';
import { invertedName, readingOrderName } from '@/lib/format/person-name';

describe('readingOrderName', () => {
  it('reads a family-name-first name back, particles with the family name', () => {
    expect(readingOrderName('Schmidt, Katrin')).toBe('Katrin Schmidt');
    expect(readingOrderName('van der Berg, Anne-Marie')).toBe('Anne-Marie van der Berg');
    expect(readingOrderName('Doe, J. R.')).toBe('J. R. Doe');
  });

  it('leaves any other name as given', () => {
    for (const name of ['Jane Doe', 'Jane Doe, Reuters', 'Reuters Staff', 'Newsroom, The Ledger', 'AI Desk']) expect(readingOrderName(name)).toBe(name);
    expect(invertedName('Jane Doe, Reuters')).toBeUndefined();
  });

  it('is how bylines list authors', () => {
    expect(authorList(['van der Berg, Anne-Marie', 'Mensah, Kwame'])).toBe('Anne-Marie van der Berg and Kwame Mensah');
    expect(authorList(['Jane Doe'])).toBe('Jane Doe');
  });
});
