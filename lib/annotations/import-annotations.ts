/**
 * Import of our own W3C JSON-LD exports (merging them into the history is `merge-mentions.ts`).
 *
 * The input is untrusted (a file the user picked), so a valibot schema of the export format checks
 * every field, and the first problem is reported in words a user can act on, rather than a stack
 * trace or a silent partial import. Field values are checked by the same schemas as stored mentions.
 */
import * as v from 'valibot';
import { ANNO_CONTEXT, CLAIM_URN_PREFIX, codePointLength, EXPORT_FORMAT_VERSION } from './export-w3c';
import { mentionId } from './mention-id';
import { PageCitationSchema, saysAnything } from './page-citation';
import { AnchorFields, endAfterStart, IsoDateTimeSchema, MentionSchema, NoteSchema, WrongMatchSchema, type Mention } from './schema';

/** Refuse absurdly large files up front instead of freezing the options page. */
export const MAX_IMPORT_ITEMS = 100_000;
/**
 * How far past this computer's clock an imported timestamp may be (clocks of two devices disagree).
 * Merges keep the later note, flag and sighting, so a file dated 9999 would win over every note the
 * reader writes or imports from their own backups after it.
 */
export const MAX_IMPORT_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

export type ParseAnnotationResult = { ok: true; mentions: Mention[] } | { ok: false; error: string };

const describe = (value: unknown): string => {
  if (value === undefined) return 'missing';
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    // Nested deeper than the call stack reaches (a hostile file's 100,000 "["): name what it is instead.
    json = Array.isArray(value) ? 'an array' : typeof value;
  }
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
};

/**
 * An object schema whose absent keys read as their own schema reads `undefined` ("must be a
 * string", "no TextQuoteSelector"), unless `missing` words them: valibot reports an absent key
 * through the object's message, not the key's schema. `notObject` words a value that is no object.
 */
function fields<const TEntries extends v.ObjectEntries>(
  entries: TEntries,
  notObject: string | ((input: unknown) => string) = 'must be an object',
  missing: Readonly<Record<string, string>> = {},
) {
  return v.object(entries, (issue: v.ObjectIssue): string => {
    if (issue.expected === 'Object') return typeof notObject === 'string' ? notObject : notObject(issue.input);
    const key = issue.expected.slice(1, -1);
    const schema = entries[key];
    return missing[key] ?? (schema && v.safeParse(schema, undefined).issues?.[0].message) ?? 'missing';
  });
}

/** One value or a list of them, as JSON-LD allows for selectors and bodies. */
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Finds the first entry of a list whose `key` is `value` (a selector's type, a body's purpose). */
const finder = (key: string, value: string) => {
  const schema = v.object({ [key]: v.literal(value) });
  return (list: readonly unknown[]): unknown => list.find((entry) => v.is(schema, entry));
};

/** The model allows an array of contexts as long as the anno context is among them. */
const hasAnnoContext = (context: unknown): boolean =>
  asList(context).some((entry) => entry === ANNO_CONTEXT || entry === 'https://www.w3.org/ns/anno.jsonld');

const findQuote = finder('type', 'TextQuoteSelector');
const findPosition = finder('type', 'TextPositionSelector');

/** `target.selector`: the quote and position selectors, in whatever order, among any others. */
const SelectorsSchema = v.pipe(
  v.unknown(),
  v.transform(asList),
  v.check((list) => findQuote(list) !== undefined, 'no TextQuoteSelector'),
  v.check((list) => findPosition(list) !== undefined, 'no TextPositionSelector'),
  v.transform((list) => ({ TextQuoteSelector: findQuote(list), TextPositionSelector: findPosition(list) })),
  v.object({
    TextQuoteSelector: fields({
      exact: AnchorFields.exact,
      prefix: v.nullish(AnchorFields.prefix, ''),
      suffix: v.nullish(AnchorFields.suffix, ''),
    }),
    TextPositionSelector: v.pipe(fields({ start: AnchorFields.start, end: AnchorFields.end }), endAfterStart()),
  }),
);

const findIdentifying = finder('purpose', 'identifying');
const findCommenting = finder('purpose', 'commenting');

/** `body` (optional): only the identifying body (the claim) and the commenting body (the note) are read back. */
const BodiesSchema = v.pipe(
  v.optional(v.unknown()),
  v.transform(asList),
  v.transform((list): { identifying?: unknown; commenting?: unknown } => ({
    identifying: findIdentifying(list),
    commenting: findCommenting(list),
  })),
  v.object({
    identifying: v.optional(v.object({ source: v.unknown() })),
    commenting: v.optional(fields({ value: NoteSchema.entries.text })),
  }),
);

/** A target's page and embed: an annotation with a `scope` was read in that page, in the embed its `source` names. */
function placeOf(target: { source: string; scope?: string | undefined }): Pick<Mention, 'pageUrl' | 'frameUrl'> {
  return target.scope === undefined ? { pageUrl: target.source } : { pageUrl: target.scope, frameUrl: target.source };
}

/** One annotation as `export-w3c.ts` writes it, read back into the mention it came from. */
const AnnotationSchema = v.pipe(
  fields(
    {
      type: v.literal('Annotation', ({ input }) => `${describe(input)}, expected "Annotation"`),
      pledgeLens: fields(
        {
          claimId: MentionSchema.entries.claimId,
          pageTitle: MentionSchema.entries.pageTitle,
          /** The page's publication day, site and authors (absent from files written before they were kept). */
          pageCitation: v.nullish(fields(PageCitationSchema.entries, 'must be an object or null')),
          firstSeen: MentionSchema.entries.firstSeen,
          lastSeen: MentionSchema.entries.lastSeen,
          wrongMatch: v.nullish(fields(WrongMatchSchema.entries, 'must be an object or null')),
          /** A possible match (absent from files written before it was kept). */
          possibleMatch: v.optional(v.boolean('must be true or false')),
          /** The note's timestamp; its text is in the commenting body. */
          noteUpdatedAt: v.nullish(v.pipe(v.string('must be a date-time string or null'), IsoDateTimeSchema)),
          /** UTF-16 offsets (format 2); absent in format 1, whose TextPositionSelector counted UTF-16 units. */
          utf16: v.optional(v.pipe(fields({ start: AnchorFields.start, end: AnchorFields.end }), endAfterStart())),
          /** The quote as the reader saw it (superscripts), when it differs from the TextQuoteSelector's. */
          readableExact: v.nullish(AnchorFields.exact),
        },
        'has no pledgeLens extension (was it exported by Pledge Lens?)',
      ),
      // (scope: the page an embed was read in, when the source is the embed.)
      target: fields({ source: MentionSchema.entries.pageUrl, scope: v.optional(MentionSchema.entries.pageUrl), selector: SelectorsSchema }, 'must be an object with source and selector'),
      body: BodiesSchema,
      id: MentionSchema.entries.id,
    },
    'is not an object',
  ),
  v.forward(
    v.check(
      ({ body, pledgeLens }) => !body?.identifying || body.identifying.source === CLAIM_URN_PREFIX + pledgeLens.claimId,
      ({ input }) =>
        `the identifying body names ${describe(input.body?.identifying?.source)} but pledgeLens.claimId is "${input.pledgeLens.claimId}"`,
    ),
    ['body'],
  ),
  // (A readable quote is the quote with some characters raised or lowered: never longer or shorter.)
  v.forward(
    v.check(
      ({ target, pledgeLens }) => pledgeLens.readableExact == null || pledgeLens.readableExact.length === target.selector.TextQuoteSelector.exact.length,
      'pledgeLens.readableExact must be as long as the TextQuoteSelector\'s exact',
    ),
    ['pledgeLens'],
  ),
  // An id is a hash of the page, the claim and the quote (mention-id.ts), so every id an export holds
  // matches them. One that does not would merge into another page's or claim's record and move the
  // reader's note there, or key objects by names such as "__proto__".
  v.forward(
    v.check(
      ({ id, target, pledgeLens }) => {
        const quote = target.selector.TextQuoteSelector;
        const { pageUrl, frameUrl } = placeOf(target);
        return id === mentionId(pageUrl, pledgeLens.claimId, quote.exact, quote.prefix, quote.suffix, frameUrl);
      },
      'does not match the page, claim and quote of the annotation (was the file edited?)',
    ),
    ['id'],
  ),
  v.transform(({ id, target, body, pledgeLens }): Mention => {
    const { TextQuoteSelector: quote, TextPositionSelector: position } = target.selector;
    // Our own offsets when the file has them; else the position selector: format 1 wrote UTF-16 units
    // there. A position whose length counts the quote's code points rather than its UTF-16 units is a
    // code-point position: read back the way the exporter wrote it (the prefix's astral characters are
    // the ones it accounted for).
    let utf16: { start: number; end: number } = pledgeLens.utf16 ?? position;
    const quoteCodePoints = codePointLength(quote.exact);
    if (!pledgeLens.utf16 && quoteCodePoints !== quote.exact.length && position.end - position.start === quoteCodePoints) {
      const start = position.start + (quote.prefix.length - codePointLength(quote.prefix));
      utf16 = { start, end: start + quote.exact.length };
    }
    const mention: Mention = {
      id,
      ...placeOf(target),
      pageTitle: pledgeLens.pageTitle,
      claimId: pledgeLens.claimId,
      anchor: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: utf16.start, end: utf16.end, ...(pledgeLens.readableExact == null ? {} : { readableExact: pledgeLens.readableExact }) },
      firstSeen: pledgeLens.firstSeen,
      lastSeen: pledgeLens.lastSeen,
    };
    // A note cleared by the user is exported as a timestamp without a commenting body.
    if (pledgeLens.noteUpdatedAt) mention.note = { text: body?.commenting?.value ?? '', updatedAt: pledgeLens.noteUpdatedAt };
    if (pledgeLens.wrongMatch) mention.wrongMatch = pledgeLens.wrongMatch;
    if (pledgeLens.possibleMatch === true) mention.possible = true;
    const citation = pledgeLens.pageCitation;
    if (saysAnything(citation)) mention.pageCitation = citation;
    return mention;
  }),
);

const invalidVersion = ({ input }: { input: unknown }): string => `pledgeLens.formatVersion is invalid: ${describe(input)}`;

/** A whole export: a self-contained, single-page AnnotationCollection with our extension. */
const ExportSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    ({ input }) => `not JSON-LD: expected a JSON object at the top level, found ${Array.isArray(input) ? 'an array' : describe(input)}`,
  ),
  fields(
    {
      '@context': v.custom<unknown>(
        hasAnnoContext,
        ({ input }) => `wrong @context: expected "${ANNO_CONTEXT}" (W3C Web Annotation), found ${describe(input)}`,
      ),
      type: v.literal(
        'AnnotationCollection',
        ({ input }) => `not an annotation collection: "type" is ${describe(input)}, expected "AnnotationCollection"`,
      ),
      pledgeLens: fields(
        {
          formatVersion: v.pipe(
            v.number(invalidVersion),
            v.integer(invalidVersion),
            v.minValue(1, invalidVersion),
            v.maxValue(
              EXPORT_FORMAT_VERSION,
              ({ input }) =>
                `pledgeLens.formatVersion ${input} is newer than this version of Pledge Lens understands (${EXPORT_FORMAT_VERSION}); update the extension`,
            ),
          ),
        },
        'missing pledgeLens extension: this collection was not exported by Pledge Lens, so it lacks the data needed to restore mentions',
      ),
      first: v.pipe(
        v.custom<unknown>((first) => typeof first !== 'string', '"first" links to a separate page; only self-contained exports can be imported'),
        fields(
          {
            type: v.literal('AnnotationPage', ({ input }) => `"first.type" is ${describe(input)}, expected "AnnotationPage"`),
            next: v.optional(v.never('the collection has more than one page; only single-page exports can be imported')),
            items: v.pipe(
              v.array(v.unknown(), ({ input }) => `"first.items" must be an array, found ${describe(input)}`),
              v.maxLength(MAX_IMPORT_ITEMS, ({ input }) => `too many annotations: ${input.length} (at most ${MAX_IMPORT_ITEMS})`),
              v.array(AnnotationSchema),
            ),
          },
          (input) => `"first" must be an AnnotationPage object, found ${describe(input)}`,
        ),
      ),
    },
    undefined,
    { '@context': 'not JSON-LD: the document has no "@context"' },
  ),
);

/**
 * Names an annotation's field by where it lives in the export file, which is what the user can
 * open; '' for problems with the item or its pledgeLens extension as a whole.
 */
function exportFieldName(keys: readonly unknown[]): string {
  const [first, second] = keys;
  if (keys.length === 1 && first === 'pledgeLens') return '';
  // Selectors are found by type, so name them by type: "TextPositionSelector.start".
  if (first === 'target' && second === 'selector' && keys.length > 2) return keys.slice(2).join('.');
  if (first === 'body' && second === 'commenting') return ['body (commenting)', ...keys.slice(2)].join('.');
  return keys.join('.');
}

/** The first problem in words: collection-level messages as they are, item-level ones with the item (1-based, as a user counts) and field. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((step) => step.key);
  const [first, items, index] = keys;
  if (first !== 'first' || items !== 'items' || typeof index !== 'number') return issue.message;
  const field = exportFieldName(keys.slice(3));
  return field ? `item ${index + 1} field ${field} invalid: ${issue.message}` : `item ${index + 1} ${issue.message}`;
}

/** The first timestamp of `mentions` later than `latest` (ms since the epoch), named as the export file names it. */
function futureTimestamp(mentions: readonly Mention[], latest: number): string | undefined {
  for (const [index, mention] of mentions.entries()) {
    const stamps: Array<[string, string | undefined]> = [
      ['pledgeLens.firstSeen', mention.firstSeen],
      ['pledgeLens.lastSeen', mention.lastSeen],
      ['pledgeLens.noteUpdatedAt', mention.note?.updatedAt],
      ['pledgeLens.wrongMatch.updatedAt', mention.wrongMatch?.updatedAt],
    ];
    for (const [field, stamp] of stamps) {
      if (stamp !== undefined && Date.parse(stamp) > latest) return `item ${index + 1} field ${field} invalid: ${stamp} is in the future by this computer's clock`;
    }
  }
  return undefined;
}

/**
 * Parses a Pledge Lens W3C export: either the already-parsed JSON value or the file's text.
 * Returns the first problem found, naming the item and the field. Never throws, whatever the input.
 * @param now this computer's clock: timestamps more than a day past it are refused
 */
export function parseAnnotationExport(json: unknown, now: Date = new Date()): ParseAnnotationResult {
  let document = json;
  if (typeof json === 'string') {
    try {
      document = JSON.parse(json) as unknown;
    } catch (error) {
      return { ok: false, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const result = v.safeParse(ExportSchema, document, { abortEarly: true });
  if (!result.success) return { ok: false, error: describeIssue(result.issues[0]) };
  const mentions = result.output.first.items;
  const future = futureTimestamp(mentions, now.getTime() + MAX_IMPORT_CLOCK_AHEAD_MS);
  return future ? { ok: false, error: future } : { ok: true, mentions };
}
