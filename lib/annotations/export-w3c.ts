/**
 * Export to the W3C Web Annotation Data Model (JSON-LD), so the user's mentions can be read by other
 * annotation tools and re-imported into Pledge Lens without loss.
 *
 * Standard properties carry everything another tool needs (target page, quote and position
 * selectors, the claim as an identifying body with its primary source as `dcterms:source`, the label
 * as a classifying body, the note as a commenting body). The `pledgeLens` extension carries the rest of the record (title, first/last
 * seen, timestamps used for merging). The file's `@context` is the anno.jsonld context followed by
 * our own (`PLEDGE_LENS_CONTEXT`), which defines `pledgeLens` as one JSON literal (JSON-LD 1.1
 * `"@type": "@json"`), so a JSON-LD processor keeps the whole extension, as it was written, under
 * one IRI of ours instead of dropping it; plain JSON consumers (our importer) read it as before.
 */
import type { Claim } from '../claims/schema';
import { claimFacts, laterInstant, primarySource, type ClaimFacts } from './claim-facts';
import { safeLinkUrl } from '../sites/url';
import { exportedText } from './exported-text';
import { fnv1a64 } from './mention-id';
import type { PageCitation } from './page-citation';
import { PLEDGE_LENS_URN, type Mention, type WrongMatch } from './schema';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CLAIM_URN_PREFIX = `${PLEDGE_LENS_URN}:claim:`;
/** The IRI a JSON-LD processor gives the `pledgeLens` extension (our vocabulary's namespace is `urn:pledge-lens:vocab:`). */
export const PLEDGE_LENS_TERM_IRI = `${PLEDGE_LENS_URN}:vocab:pledgeLens`;
/**
 * Our context, after anno.jsonld's: `pledgeLens` is a JSON literal (everything under it kept as
 * written, keys and all, without terms of its own). `@json` is JSON-LD 1.1, hence `@version`: a 1.0
 * processor refuses the file rather than silently dropping the extension.
 */
export const PLEDGE_LENS_CONTEXT = {
  '@version': 1.1,
  pledgeLens: { '@id': PLEDGE_LENS_TERM_IRI, '@type': '@json' },
} as const;
export const EXPORT_CONTEXT = [ANNO_CONTEXT, PLEDGE_LENS_CONTEXT] as const;
/**
 * Bumped when the `pledgeLens` extension changes incompatibly; the importer refuses newer files.
 * 2: `TextPositionSelector` counts Unicode code points, as the Web Annotation model says (1 counted
 * UTF-16 code units); `pledgeLens.utf16` keeps the UTF-16 offsets so our own import is exact.
 */
export const EXPORT_FORMAT_VERSION = 2;

/** The quote and its context as the reader sees them: block boundaries are line feeds (`exportedText`). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Offsets in Unicode code points (an emoji counts one), as the Web Annotation model defines them, into
 * the page's text as Pledge Lens read it (a block boundary counts there as the one character that
 * marks it); `end - start` is the code-point length of the quote selector's `exact`.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A web page or document by its address: an External Web Resource of the Web Annotation model. */
export interface WebResource {
  id: string;
  /** `dctypes:Text` (anno.jsonld's `Text`): a law, policy or announcement is a text, whatever its format. */
  type: 'Text';
  /** Its title as the claim set names it (`rdfs:label`); absent when nothing names it. */
  label?: string;
}

export interface IdentifyingBody {
  type: 'SpecificResource';
  purpose: 'identifying';
  /** The claim, `urn:pledge-lens:claim:<id>`. */
  source: string;
  /**
   * The claim's primary source: the document its label rests on (the evidence's first source), https
   * only. Written as Dublin Core's `dcterms:source`, "a related resource from which the described
   * resource is derived", on the claim's body: the claim as Pledge Lens states it is derived from that
   * document. Why not the other candidates: `source` (oa:hasSource) is already the claim itself, and a
   * second body holding the document would say the reader's passage is about the document rather than
   * the claim; `rdfs:seeAlso` says only "more about this", where the document is what the claim comes
   * from. `dcterms` is a prefix anno.jsonld defines, so the compact IRI expands with no context of our own.
   */
  'dcterms:source'?: WebResource;
}

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'describing' | 'classifying' | 'commenting' | 'assessing';
  value: string;
  format: 'text/plain';
  modified?: string;
}

export type AnnotationBody = IdentifyingBody | TextualBody;

export interface PledgeLensAnnotationExtension {
  claimId: string;
  kind: ClaimFacts['kind'];
  force: ClaimFacts['force'];
  status: ClaimFacts['status'];
  /** null when the claim is unknown. */
  statusDate: string | null;
  pageTitle: string;
  /** The page's publication day, site and authors as its metadata gave them (page-citation.ts); null when it gave none. */
  pageCitation: PageCitation | null;
  firstSeen: string;
  lastSeen: string;
  wrongMatch: WrongMatch | null;
  /** The matcher was unsure the passage states the claim (a "possible match": check it before citing it). */
  possibleMatch: boolean;
  /** The note text is in the commenting body; null when there is no note. */
  noteUpdatedAt: string | null;
  /** The anchor's offsets in UTF-16 code units, as stored (JavaScript string offsets), for an exact re-import. */
  utf16: { start: number; end: number };
  /** The quote as the reader saw it, superscripts raised ("10²⁶" where the page's text, and `exact`, say "1026"); null when the same. */
  readableExact: string | null;
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'classifying' | 'identifying';
  created: string;
  modified: string;
  target: {
    /** The document the quote is in: the page, or the embed in it (`Mention.frameUrl`). */
    source: string;
    /** The page the embed was read in (the model's "scope": the context the source was seen in); absent when the source is the page. */
    scope?: string;
    selector: [TextQuoteSelector, TextPositionSelector];
  };
  body: AnnotationBody[];
  pledgeLens: PledgeLensAnnotationExtension;
}

export interface W3cAnnotationCollection {
  '@context': typeof EXPORT_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generated: string;
  generator: { id: string; type: 'Software'; name: string };
  total: number;
  first: {
    id: string;
    type: 'AnnotationPage';
    startIndex: 0;
    items: W3cAnnotation[];
  };
  /** `leftOutWrongMatches`: how many mentions the reader marked as wrong matches the export left out, when any. */
  pledgeLens: { formatVersion: typeof EXPORT_FORMAT_VERSION; leftOutWrongMatches?: number };
}

export interface ExportW3cOptions {
  /** ISO date-time of the export; written as the collection's `generated`. */
  generatedAt: string;
  /** Mentions the user flagged as wrong matches are left out unless this is true. */
  includeWrongMatches?: boolean;
  /** How many the caller left out before (its filter hid wrong matches); added to those `includeWrongMatches` leaves out. */
  leftOutWrongMatches?: number;
  /**
   * The text a mention's offsets point into (the page's extracted text), when the caller has it (the
   * scanner does): code-point offsets are then exact. Without it they are computed from the anchor,
   * exact unless characters outside the Basic Multilingual Plane (emoji) sit before its prefix.
   */
  pageText?: (mention: Mention) => string | undefined;
}

/** Code points in `text` (an astral character, a UTF-16 surrogate pair, counts one). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; a lone surrogate counts as one too.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The code-point offset of UTF-16 offset `offset` in `text`. */
export function utf16ToCodePoint(text: string, offset: number): number {
  return codePointLength(text.slice(0, offset));
}

/** The UTF-16 offset of code-point offset `offset` in `text` (clamped to the text). */
export function codePointToUtf16(text: string, offset: number): number {
  let i = 0;
  for (let seen = 0; seen < offset && i < text.length; seen++) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

/** Where a mention starts, in code points: from its page text when known, else from its anchor. */
function codePointStart(mention: Mention, text: string | undefined): number {
  const { start, end, exact, prefix } = mention.anchor;
  if (text !== undefined && text.slice(start, end) === exact) return utf16ToCodePoint(text, start);
  // Without the page: the astral characters the anchor can see (its prefix) are the ones known.
  return start - (prefix.length - codePointLength(prefix));
}

function classifyingValue(facts: ClaimFacts): string {
  // e.g. "announced-target; withdrawn since 2026-02-24"; machine-friendly tokens, not display labels.
  return facts.statusDate ? `${facts.kind}; ${facts.status} since ${facts.statusDate}` : `${facts.kind}; ${facts.status}`;
}

/** The claim's primary source as a web resource (see `IdentifyingBody`); undefined when it has none with an https address. */
function primarySourceResource(claim: Claim | undefined): WebResource | undefined {
  const primary = claim ? primarySource(claim) : undefined;
  const url = primary ? safeLinkUrl(primary.url) : undefined;
  if (!primary || !url) return undefined;
  return { id: url, type: 'Text', ...(primary.title ? { label: primary.title } : {}) };
}

function toAnnotation(mention: Mention, claim: Claim | undefined, text: string | undefined): W3cAnnotation {
  const facts = claimFacts(claim);
  const primary = primarySourceResource(claim);
  const body: AnnotationBody[] = [
    { type: 'SpecificResource', purpose: 'identifying', source: CLAIM_URN_PREFIX + mention.claimId, ...(primary ? { 'dcterms:source': primary } : {}) },
  ];
  if (claim) body.push({ type: 'TextualBody', purpose: 'describing', value: claim.statement, format: 'text/plain' });
  body.push({ type: 'TextualBody', purpose: 'classifying', value: classifyingValue(facts), format: 'text/plain' });
  if (mention.note && mention.note.text !== '') {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: mention.note.text,
      format: 'text/plain',
      modified: mention.note.updatedAt,
    });
  }
  if (mention.wrongMatch?.flagged) {
    body.push({
      type: 'TextualBody',
      purpose: 'assessing',
      value: 'flagged by the user as a wrong match',
      format: 'text/plain',
      modified: mention.wrongMatch.updatedAt,
    });
  }

  // `modified` is when the record last changed in any way the user would care about.
  let modified = mention.lastSeen;
  if (mention.note) modified = laterInstant(modified, mention.note.updatedAt);
  if (mention.wrongMatch) modified = laterInstant(modified, mention.wrongMatch.updatedAt);

  const { start, end } = mention.anchor;
  const exact = exportedText(mention.anchor.exact);
  // The range covers the quote as written: a block boundary inside it (never in a match, but an
  // imported file can hold one) is one line feed, so the end follows the written quote's length.
  const cpStart = codePointStart(mention, text);
  return {
    id: mention.id,
    type: 'Annotation',
    // A known claim lets us classify the passage (binding vs target); an unknown one only identifies it.
    motivation: claim ? 'classifying' : 'identifying',
    created: mention.firstSeen,
    modified,
    target: {
      source: mention.frameUrl ?? mention.pageUrl,
      ...(mention.frameUrl !== undefined && { scope: mention.pageUrl }),
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: exportedText(mention.anchor.prefix), suffix: exportedText(mention.anchor.suffix) },
        { type: 'TextPositionSelector', start: cpStart, end: cpStart + codePointLength(exact) },
      ],
    },
    body,
    pledgeLens: {
      claimId: mention.claimId,
      kind: facts.kind,
      force: facts.force,
      status: facts.status,
      statusDate: facts.statusDate || null,
      pageTitle: mention.pageTitle,
      pageCitation: mention.pageCitation ? structuredClone(mention.pageCitation) : null,
      firstSeen: mention.firstSeen,
      lastSeen: mention.lastSeen,
      wrongMatch: mention.wrongMatch ? { flagged: mention.wrongMatch.flagged, updatedAt: mention.wrongMatch.updatedAt } : null,
      possibleMatch: mention.possible === true,
      noteUpdatedAt: mention.note ? mention.note.updatedAt : null,
      utf16: { start, end },
      readableExact: mention.anchor.readableExact === undefined ? null : exportedText(mention.anchor.readableExact),
    },
  };
}

/** Builds the JSON-LD document; serialise it with `JSON.stringify`. Mentions keep their given order. */
export function exportW3c(
  mentions: readonly Mention[],
  claimsById: ReadonlyMap<string, Claim>,
  options: ExportW3cOptions,
): W3cAnnotationCollection {
  const kept = options.includeWrongMatches ? mentions : mentions.filter((mention) => !mention.wrongMatch?.flagged);
  const leftOut = (options.leftOutWrongMatches ?? 0) + mentions.length - kept.length;
  const items = kept.map((mention) => toAnnotation(mention, claimsById.get(mention.claimId), options.pageText?.(mention)));
  // Collections and pages must have IRIs; derive one from the content so re-exporting is deterministic.
  const collectionId = `${PLEDGE_LENS_URN}:export:${fnv1a64(JSON.stringify([options.generatedAt, items.map((item) => item.id)]))}`;
  return {
    '@context': EXPORT_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: 'Pledge Lens annotations',
    generated: options.generatedAt,
    generator: { id: PLEDGE_LENS_URN, type: 'Software', name: 'Pledge Lens' },
    total: items.length,
    first: { id: `${collectionId}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
    pledgeLens: { formatVersion: EXPORT_FORMAT_VERSION, ...(leftOut > 0 && { leftOutWrongMatches: leftOut }) },
  };
}
