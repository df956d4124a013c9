/** Field schemas shared by the message maps (bounds that keep one message from holding megabytes). */
import * as v from 'valibot';

export const nonEmpty = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
export const bounded = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const pageUrl = nonEmpty(8192);
export const claimId = nonEmpty(200);
export const mentionId = nonEmpty(200);
export const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
/**
 * A page's language as its top frame reports it: a primary language subtag (ISO 639, two or three
 * lower-case letters, "de"). The page writes its `lang` attribute, so nothing longer or of any other
 * shape is taken, and the popup only ever shows it as text.
 */
export const languageSubtag = v.pipe(v.string(), v.maxLength(3), v.regex(/^[a-z]{2,3}$/));
