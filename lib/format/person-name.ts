/**
 * People's names as pages' metadata write them: which form a name is in, and the name in reading order for running
 * text ("Katrin Schmidt" for Highwire's "Schmidt, Katrin"). Used by the CSL export (lib/annotations/export-csl.ts),
 * which splits names into parts, and by every byline a reader sees (lib/format/author-list.ts, the history).
 */

/** Lower-case words that open a family name ("Vincent van Gogh", "Ursula von der Leyen"). */
export const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'al']);
/** Words that make a name an organisation's, a desk's or a role's, not a person's. */
export const NOT_A_PERSON = /\b(?:staff|team|desk|editors?|editorial|board|reporters?|correspondents?|bureau|news|newsroom|press|agency|service|media|times|post|journal|magazine|group|institute|university|foundation|association|council|centre|center|office|department|inc|ltd|llc|gmbh|plc|corp|company|contributors?|wire|admin|guest)\b/i;

/** A family-name-first name's parts; `particle` the family name's lower-case opening words ("van der"). */
export interface InvertedName {
  given: string;
  family: string;
  particle?: string;
}

/**
 * A name written family name first, as Highwire's `citation_author` and library catalogues write it ("Schmidt,
 * Katrin", "van der Berg, Anna", "Doe, J. R."): one comma, one family name (its particles before it) and one to
 * three given names or initials after it. Anything else is not this form (undefined): "Jane Doe, Reuters" has two
 * capitalised words before its comma, so it is a name and an affiliation (lib/annotations/export-csl.ts keeps it whole).
 */
export function invertedName(whole: string): InvertedName | undefined {
  const parts = whole.split(',');
  if (parts.length !== 2 || NOT_A_PERSON.test(whole) || /[\d;:@&/()]/.test(whole)) return undefined;
  const familyWords = parts[0]!.trim().split(' ');
  const givenWords = parts[1]!.trim().split(' ').filter((word) => word !== '');
  const family = familyWords[familyWords.length - 1]!;
  const particles = familyWords.slice(0, -1);
  const capitalised = (word: string) => /^\p{Lu}/u.test(word) && !/^\p{Lu}{2,}$/u.test(word.replace(/\./g, ''));
  if (!capitalised(family) || particles.some((word) => !PARTICLES.has(word)) || particles.length > 2) return undefined;
  if (givenWords.length === 0 || givenWords.length > 3 || !givenWords.every((word) => capitalised(word) || /^(?:\p{Lu}\.)+$/u.test(word))) return undefined;
  return { given: givenWords.join(' '), family, ...(particles.length > 0 && { particle: particles.join(' ') }) };
}

/**
 * A name in reading order: "Schmidt, Katrin" gives "Katrin Schmidt", "van der Berg, Anne-Marie" "Anne-Marie van der
 * Berg"; any other name as given ("Jane Doe", "Jane Doe, Reuters"). A new user's report 54 read "By van der Berg,
 * Anne-Marie and Mensah, Kwame" in the Markdown export and the history.
 */
export function readingOrderName(name: string): string {
  const whole = name.replace(/\s+/g, ' ').trim();
  const inverted = invertedName(whole);
  return inverted ? [inverted.given, inverted.particle, inverted.family].filter((part) => part !== undefined).join(' ') : whole;
}
