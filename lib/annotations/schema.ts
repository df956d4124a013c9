/**
 * The annotation model: one `Mention` is one place on one page where a known claim was found.
 * Types are inferred from the valibot schema so that importing untrusted files and the code that
 * builds mentions can never disagree about the shape.
 *
 * The schema only validates; it never transforms (no trimming, no defaults), so a record that passes
 * comes out byte-for-byte as it went in. Export → import round trips rely on that.
 */
import * as v from 'valibot';
import { PageCitationSchema } from './page-citation';

/** The URN namespace for ids minted by Pledge Lens (mentions, claims, export files). */
export const PLEDGE_LENS_URN = 'urn:pledge-lens';

/**
 * An ISO 8601 date-time with an explicit offset, as `Date.prototype.toISOString()` writes it.
 * Stricter than valibot's `isoTimestamp` (which also takes a space separator or a bare hour offset)
 * because these strings are compared as instants during merges and must parse everywhere.
 */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export const IsoDateTimeSchema = v.pipe(
  v.string('must be a string'),
  v.regex(ISO_DATE_TIME, 'must be an ISO 8601 date-time such as 2026-11-22T09:30:00.000Z'),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'must be a real date and time'),
);

/*
 * Length caps are generous; they exist so that an imported file cannot make the extension hold
 * megabytes per record, not to constrain what a page may say.
 */
const boundedString = (max: number) =>
  v.pipe(v.string('must be a string'), v.maxLength(max, `must be at most ${max} characters`));

const offset = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must not be negative'),
);

/** The anchor's fields one by one, for the importer, which finds them in two W3C selectors. */
export const AnchorFields = {
  /** The matched text, exactly as it appears in the page's extracted text. */
  exact: v.pipe(boundedString(10_000), v.minLength(1, 'must not be empty')),
  /** Up to `context` (normally 32) characters of text before `exact`. */
  prefix: boundedString(1_000),
  /** Up to `context` (normally 32) characters of text after `exact`. */
  suffix: boundedString(1_000),
  /** UTF-16 offsets into the page's extracted text; `end` is exclusive. */
  start: offset,
  end: offset,
};

/** A non-empty range: `end` past `start`. */
export const endAfterStart = <T extends { start: number; end: number }>() =>
  v.check<T, string>((range) => range.end > range.start, 'end must be greater than start');

/**
 * The anchor: its selectors' fields and, when the page set part of the quote as a superscript or subscript
 * (which the page's text, and so `exact`, flattens: "1026"), the quote as a reader saw it ("10²⁶"), for the
 * exports' human-readable fields (lib/annotations/readable-quote.ts). Same length as `exact`.
 */
export const AnchorSchema = v.pipe(
  v.object({ ...AnchorFields, readableExact: v.optional(boundedString(10_000)) }),
  endAfterStart(),
  v.check((anchor) => anchor.readableExact === undefined || anchor.readableExact.length === anchor.exact.length, 'readableExact must be as long as exact'),
);

export const NoteSchema = v.object({
  /** May be empty: an empty note with a timestamp records that the user cleared it, so merges respect that. */
  text: boundedString(20_000),
  updatedAt: IsoDateTimeSchema,
});

export const WrongMatchSchema = v.object({
  /** `false` with a timestamp means the user un-flagged it, which must win over an older flag. */
  flagged: v.boolean('must be true or false'),
  updatedAt: IsoDateTimeSchema,
});

export const MentionSchema = v.object({
  id: v.pipe(boundedString(200), v.minLength(1, 'must not be empty')),
  pageUrl: v.pipe(boundedString(8_192), v.url('must be an absolute URL')),
  pageTitle: boundedString(2_000),
  /**
   * The address of the embedded document (an iframe: a post, a fact box) the quote is in, when that is not the page the
   * reader was on; `pageUrl` and `pageTitle` are then that page's, and the anchor's offsets count the embed's text. The
   * W3C export names it the target's `source` and the page its `scope` (Web Annotation Data Model, 4.2.1). Absent for
   * a quote in the page itself (a new user's report 56: embeds became pages of their own, cut off from the article).
   */
  frameUrl: v.optional(v.pipe(boundedString(8_192), v.url('must be an absolute URL'))),
  claimId: v.pipe(boundedString(200), v.minLength(1, 'must not be empty')),
  anchor: AnchorSchema,
  firstSeen: IsoDateTimeSchema,
  lastSeen: IsoDateTimeSchema,
  note: v.optional(NoteSchema),
  wrongMatch: v.optional(WrongMatchSchema),
  /**
   * The matcher was unsure the passage states the claim when it last read it (`ClaimMatch.possible`): the card, the
   * history and every export say "possible match" (a new user's report 55: journalists exported them unmarked).
   */
  possible: v.optional(v.literal(true)),
  /** The page's publication day, site and authors as its metadata gave them when last seen (page-citation.ts); absent when it gave none. */
  pageCitation: v.optional(PageCitationSchema),
});

export type Anchor = v.InferOutput<typeof AnchorSchema>;
export type MentionNote = v.InferOutput<typeof NoteSchema>;
export type WrongMatch = v.InferOutput<typeof WrongMatchSchema>;
export type Mention = v.InferOutput<typeof MentionSchema>;
