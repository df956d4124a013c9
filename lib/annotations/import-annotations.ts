/**
 * Import of our own W3C JSON-LD exports, and merging imported mentions into stored ones.
 *
 * The input is untrusted (a file the user picked), so parsing checks every field and reports the
 * first problem in words a user can act on, rather than a stack trace or a silent partial import.
 */
import * as v from 'valibot';
import { earlierInstant, laterInstant } from './claim-facts';
import { ANNO_CONTEXT, CLAIM_URN_PREFIX, EXPORT_FORMAT_VERSION } from './export-w3c';
import { MentionSchema, type Mention, type MentionNote } from './schema';

/** Refuse absurdly large files up front instead of freezing the options page. */
export const MAX_IMPORT_ITEMS = 100_000;

export type ParseAnnotationResult = { ok: true; mentions: Mention[] } | { ok: false; error: string };

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Thrown internally to stop at the first problem; never escapes this module. */
class ImportProblem extends Error {}

const fail = (message: string): never => {
  throw new ImportProblem(message);
};

const describe = (value: unknown): string => {
  if (value === undefined) return 'missing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
};

function hasAnnoContext(context: unknown): boolean {
  // The model allows an array of contexts as long as the anno context is among them.
  const contexts = Array.isArray(context) ? context : [context];
  return contexts.some((entry) => entry === ANNO_CONTEXT || entry === 'https://www.w3.org/ns/anno.jsonld');
}

function checkCollection(json: unknown): unknown[] {
  if (!isObject(json)) return fail(`not JSON-LD: expected a JSON object at the top level, found ${Array.isArray(json) ? 'an array' : describe(json)}`);
  if (!('@context' in json)) return fail('not JSON-LD: the document has no "@context"');
  if (!hasAnnoContext(json['@context'])) {
    return fail(`wrong @context: expected "${ANNO_CONTEXT}" (W3C Web Annotation), found ${describe(json['@context'])}`);
  }
  if (json.type !== 'AnnotationCollection') {
    return fail(`not an annotation collection: "type" is ${describe(json.type)}, expected "AnnotationCollection"`);
  }
  const extension = json.pledgeLens;
  if (!isObject(extension)) {
    return fail('missing pledgeLens extension: this collection was not exported by Pledge Lens, so it lacks the data needed to restore mentions');
  }
  const version = extension.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(`pledgeLens.formatVersion is invalid: ${describe(version)}`);
  }
  if (version > EXPORT_FORMAT_VERSION) {
    return fail(`pledgeLens.formatVersion ${version} is newer than this version of Pledge Lens understands (${EXPORT_FORMAT_VERSION}); update the extension`);
  }
  const first = json.first;
  if (typeof first === 'string') return fail('"first" links to a separate page; only self-contained exports can be imported');
  if (!isObject(first)) return fail(`"first" must be an AnnotationPage object, found ${describe(first)}`);
  if (first.type !== 'AnnotationPage') return fail(`"first.type" is ${describe(first.type)}, expected "AnnotationPage"`);
  if (first.next !== undefined) return fail('the collection has more than one page; only single-page exports can be imported');
  if (!Array.isArray(first.items)) return fail(`"first.items" must be an array, found ${describe(first.items)}`);
  if (first.items.length > MAX_IMPORT_ITEMS) return fail(`too many annotations: ${first.items.length} (at most ${MAX_IMPORT_ITEMS})`);
  return first.items;
}

function findSelector(selectors: unknown[], type: string): JsonObject | undefined {
  return selectors.find((selector): selector is JsonObject => isObject(selector) && selector.type === type);
}

function optionalIso(extension: JsonObject, key: string, where: string): string | undefined {
  const value = extension[key];
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : fail(`${where} field pledgeLens.${key} invalid: must be a date-time string or null`);
}

/** Builds a mention from one annotation; field values are checked afterwards by the schema. */
function mentionFrom(item: unknown, where: string): Mention {
  if (!isObject(item)) return fail(`${where} is not an object`);
  if (item.type !== 'Annotation') return fail(`${where} field type invalid: ${describe(item.type)}, expected "Annotation"`);
  const extension = item.pledgeLens;
  if (!isObject(extension)) return fail(`${where} has no pledgeLens extension (was it exported by Pledge Lens?)`);

  const target = item.target;
  if (!isObject(target)) return fail(`${where} field target invalid: must be an object with source and selector`);
  const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
  const quote = findSelector(selectors, 'TextQuoteSelector');
  const position = findSelector(selectors, 'TextPositionSelector');
  if (!quote) return fail(`${where} field target.selector invalid: no TextQuoteSelector`);
  if (!position) return fail(`${where} field target.selector invalid: no TextPositionSelector`);

  const bodies = Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body];
  const claimId = extension.claimId;
  const identifying = bodies.find((body): body is JsonObject => isObject(body) && body.purpose === 'identifying');
  if (identifying && typeof claimId === 'string' && identifying.source !== CLAIM_URN_PREFIX + claimId) {
    return fail(`${where} field body invalid: the identifying body names ${describe(identifying.source)} but pledgeLens.claimId is "${claimId}"`);
  }

  const noteUpdatedAt = optionalIso(extension, 'noteUpdatedAt', where);
  let note: MentionNote | undefined;
  if (noteUpdatedAt !== undefined) {
    const commenting = bodies.find((body): body is JsonObject => isObject(body) && body.purpose === 'commenting');
    const text = commenting ? commenting.value : '';
    if (typeof text !== 'string') return fail(`${where} field body (commenting) invalid: value must be a string`);
    note = { text, updatedAt: noteUpdatedAt };
  }

  const rawWrongMatch = extension.wrongMatch;
  if (rawWrongMatch !== null && rawWrongMatch !== undefined && !isObject(rawWrongMatch)) {
    return fail(`${where} field pledgeLens.wrongMatch invalid: must be an object or null`);
  }

  const candidate: Record<string, unknown> = {
    id: item.id,
    pageUrl: target.source,
    pageTitle: extension.pageTitle,
    claimId,
    anchor: {
      exact: quote.exact,
      prefix: quote.prefix ?? '',
      suffix: quote.suffix ?? '',
      start: position.start,
      end: position.end,
    },
    firstSeen: extension.firstSeen,
    lastSeen: extension.lastSeen,
  };
  if (note) candidate.note = note;
  // Copy only the known keys; their types are checked by the schema below.
  if (isObject(rawWrongMatch)) candidate.wrongMatch = { flagged: rawWrongMatch.flagged, updatedAt: rawWrongMatch.updatedAt };

  const result = v.safeParse(MentionSchema, candidate);
  if (!result.success) {
    const issue = result.issues[0];
    const path = (issue.path ?? []).map((step) => String(step.key)).join('.') || '(record)';
    return fail(`${where} field ${exportFieldName(path)} invalid: ${issue.message}`);
  }
  return result.output;
}

/** Names a mention field by where it lives in the export file, which is what the user can open. */
function exportFieldName(mentionPath: string): string {
  const names: Record<string, string> = {
    id: 'id',
    pageUrl: 'target.source',
    pageTitle: 'pledgeLens.pageTitle',
    claimId: 'pledgeLens.claimId',
    'anchor.exact': 'TextQuoteSelector.exact',
    'anchor.prefix': 'TextQuoteSelector.prefix',
    'anchor.suffix': 'TextQuoteSelector.suffix',
    'anchor.start': 'TextPositionSelector.start',
    'anchor.end': 'TextPositionSelector.end',
    anchor: 'TextPositionSelector',
    firstSeen: 'pledgeLens.firstSeen',
    lastSeen: 'pledgeLens.lastSeen',
    'note.text': 'body (commenting).value',
    'note.updatedAt': 'pledgeLens.noteUpdatedAt',
    'wrongMatch.flagged': 'pledgeLens.wrongMatch.flagged',
    'wrongMatch.updatedAt': 'pledgeLens.wrongMatch.updatedAt',
  };
  return names[mentionPath] ?? mentionPath;
}

/**
 * Parses a Pledge Lens W3C export: either the already-parsed JSON value or the file's text.
 * Returns the first problem found, naming the item (1-based, as a user counts) and the field.
 */
export function parseAnnotationExport(json: unknown): ParseAnnotationResult {
  let document = json;
  if (typeof json === 'string') {
    try {
      document = JSON.parse(json) as unknown;
    } catch (error) {
      return { ok: false, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  try {
    const items = checkCollection(document);
    const mentions = items.map((item, index) => mentionFrom(item, `item ${index + 1}`));
    return { ok: true, mentions };
  } catch (error) {
    if (error instanceof ImportProblem) return { ok: false, error: error.message };
    throw error;
  }
}

export interface MergeResult {
  merged: Mention[];
  /** Incoming ids that were not stored before. */
  added: number;
  /** Incoming ids whose stored record changed. */
  updated: number;
  /** Incoming ids whose stored record already said everything the incoming one did. */
  unchanged: number;
}

/** The later-stamped of two timestamped values; on a tie the stored one stays, which keeps merges idempotent. */
function newer<T extends { updatedAt: string }>(stored: T | undefined, incoming: T | undefined): T | undefined {
  if (!stored) return incoming;
  if (!incoming) return stored;
  return Date.parse(incoming.updatedAt) > Date.parse(stored.updatedAt) ? incoming : stored;
}

function mergeOne(stored: Mention, incoming: Mention): Mention {
  // Descriptive fields (title, offsets) come from whichever record saw the page more recently.
  const base = Date.parse(incoming.lastSeen) > Date.parse(stored.lastSeen) ? incoming : stored;
  const merged: Mention = {
    id: stored.id,
    pageUrl: base.pageUrl,
    pageTitle: base.pageTitle,
    claimId: base.claimId,
    anchor: { ...base.anchor },
    firstSeen: earlierInstant(stored.firstSeen, incoming.firstSeen),
    lastSeen: laterInstant(stored.lastSeen, incoming.lastSeen),
  };
  const note = newer(stored.note, incoming.note);
  if (note) merged.note = { ...note };
  const wrongMatch = newer(stored.wrongMatch, incoming.wrongMatch);
  if (wrongMatch) merged.wrongMatch = { ...wrongMatch };
  return merged;
}

function sameMention(a: Mention, b: Mention): boolean {
  return (
    a.id === b.id &&
    a.pageUrl === b.pageUrl &&
    a.pageTitle === b.pageTitle &&
    a.claimId === b.claimId &&
    a.anchor.exact === b.anchor.exact &&
    a.anchor.prefix === b.anchor.prefix &&
    a.anchor.suffix === b.anchor.suffix &&
    a.anchor.start === b.anchor.start &&
    a.anchor.end === b.anchor.end &&
    a.firstSeen === b.firstSeen &&
    a.lastSeen === b.lastSeen &&
    a.note?.text === b.note?.text &&
    a.note?.updatedAt === b.note?.updatedAt &&
    a.wrongMatch?.flagged === b.wrongMatch?.flagged &&
    a.wrongMatch?.updatedAt === b.wrongMatch?.updatedAt
  );
}

/**
 * Merges incoming mentions into stored ones by id. Pure: neither input is mutated; unchanged stored
 * records are returned as they are, changed ones as new objects. Stored order is kept and new ids
 * follow in incoming order. Duplicate ids on either side are folded together.
 */
export function mergeMentions(existing: readonly Mention[], incoming: readonly Mention[]): MergeResult {
  const byId = new Map<string, Mention>();
  for (const mention of existing) {
    const stored = byId.get(mention.id);
    byId.set(mention.id, stored ? mergeOne(stored, mention) : mention);
  }
  const before = new Map(byId);

  for (const mention of incoming) {
    const stored = byId.get(mention.id);
    byId.set(mention.id, stored ? mergeOne(stored, mention) : mention);
  }

  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const incomingIds = new Set(incoming.map((mention) => mention.id));
  incomingIds.forEach((id) => {
    const original = before.get(id);
    const now = byId.get(id)!;
    if (!original) added += 1;
    else if (sameMention(original, now)) {
      unchanged += 1;
      byId.set(id, original); // keep the stored object itself when nothing changed
    } else updated += 1;
  });

  return { merged: Array.from(byId.values()), added, updated, unchanged };
}
