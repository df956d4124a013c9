/**
 * The claim-set schema. Every claim type in the project is inferred from here, so the
 * validator, the build of the bundled set and the compiler can never disagree about what a
 * claim is.
 *
 * Three shapes share one set of field definitions:
 * - the built set (`ClaimSetSchema`, schema 2): what the extension bundles, feeds serve and
 *   readers import; each claim embeds its actor;
 * - the source files in `claims/` (`ClaimSourceSchema`, `ActorFileSchema`, `SetFileSchema`): one
 *   file per claim with the actor as an id, one file per actor, one header file;
 * - the legacy schema 1 set (`ClaimSetV1Schema`), still accepted and migrated on read
 *   (`validateClaimSet`), so feeds and packs made before schema 2 keep working.
 *
 * valibot rather than zod: its functions tree-shake, which keeps the content script and
 * background small (the content script budget is 60 KB gzip), and it has the same
 * `InferOutput` ergonomics.
 */
import * as v from 'valibot';
// The enumerations the content script needs live in a module of their own (see claim-enums.ts).
import { CLAIM_FORCES, CLAIM_KINDS, CLAIM_STATUSES, ClaimKindSchema, ClaimStatusSchema, ENDED_STATUSES, statusHasEnded } from './claim-enums';

export const CLAIM_SCHEMA_VERSION = 2;

/**
 * The most entries each list of a claim set may have (the bundled set's largest, for scale: 78 claims,
 * 7 aliases, 29 members, 12 phrasings, 4 key phrases, 3 key-term groups of up to 34 words, 11
 * history entries, 4 pieces of evidence, 11 sources, 4 topics, 2 replacements, 5 parties). Claims: twice the
 * 10,000 the benchmark holds the extension to (`npm run bench`).
 */
export const MAX_LIST = {
  claims: 20_000,
  aliases: 50,
  members: 300,
  phrasings: 50,
  keyPhrases: 50,
  keyTerms: 20,
  keyTermGroup: 300,
  history: 200,
  evidence: 50,
  sources: 100,
  topics: 50,
  replacedBy: 50,
  parties: 50,
} as const;
/** Older generations `validateClaimSet` still reads (and migrates). */
export const LEGACY_CLAIM_SCHEMA_VERSIONS = [1] as const;

const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  // Engines roll "2025-02-30" over to 2 March rather than refusing it: the date must read back as written.
  v.check((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, 'must be a real calendar date'),
);

/**
 * Characters no claim-set text may hold: C0 and C1 controls other than tab and line breaks (NUL
 * among them), unpaired surrogates (not text at all), and the bidi embeddings, overrides and isolates
 * U+202A–U+202E and U+2066–U+2069. Those reorder what follows them up to the end of the paragraph:
 * an actor named "Acme\u202E" would print the rest of the card's verdict sentence backwards, and a
 * signed feed's publisher would turn round the "(signed, key …)" the extension writes after it. The
 * marks U+200E and U+200F stay allowed: right-to-left names need them and they reorder nothing.
 */
export const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
const safeText = v.check<string, string>(
  (value) => !UNSAFE_TEXT.test(value),
  'must not contain control characters, unpaired surrogates or bidi overrides (U+202A to U+202E, U+2066 to U+2069)',
);

/** Only https links reach a card: a feed must not be able to plant `javascript:` or `http:` links. */
const httpsUrl = v.pipe(
  v.string(),
  v.url('must be an absolute URL'),
  v.startsWith('https://', 'must be an https:// URL'),
  safeText,
);

/**
 * Ids key plain objects in messages and views (`claims[claimId]`); "constructor" is the one slug an
 * object already answers from its prototype, so no id may be a name `Object.prototype` has.
 */
const slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  v.maxLength(120, 'must be at most 120 characters'),
  v.check((value) => !(value in Object.prototype), 'must not be a name every JavaScript object has ("constructor")'),
);

const text = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`), safeText);

/**
 * A list with at most `max` entries. The bounds are ten times or more what the bundled set uses, and
 * keep a 5 MiB feed from holding 300,000 aliases of one actor (15 s to compile in the background, and
 * a 4 MB vocabulary every content script would load and test each page against).
 */
const list = <S extends v.GenericSchema>(item: S, max: number) => v.pipe(v.array(item), v.maxLength(max, `must have at most ${max} entries`));

const versionString = v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.4.0'));

export { CLAIM_FORCES, CLAIM_KINDS, CLAIM_STATUSES, ClaimKindSchema, ClaimStatusSchema, ENDED_STATUSES, statusHasEnded };
export const ClaimForceSchema = v.picklist(CLAIM_FORCES, `must be one of ${CLAIM_FORCES.join(', ')}`);

/**
 * The forces the labelling rubric (docs/claim-set.md) allows under each kind. The schema does not
 * enforce it (schema 1 packs paired `voluntary-pledge` with announced targets); `npm run
 * claims:check` does, for the bundled set.
 */
export const FORCES_BY_KIND: Readonly<Record<ClaimKind, readonly ClaimForce[]>> = {
  'binding-commitment': ['legal-obligation', 'contractual', 'treaty', 'categorical-pledge', 'voluntary-pledge'],
  'announced-target': ['conditional', 'goal', 'best-effort', 'recommendation', 'aspiration', 'declaration'],
  'no-commitment': ['refusal', 'declaration'],
};

/** What happened to a claim on a given day. */
export const HISTORY_EVENTS = [
  'introduced',
  'enacted',
  'took-effect',
  'reworded',
  'reaffirmed',
  'modified',
  'superseded',
  'withdrawn',
  'fulfilled',
  'partly-fulfilled',
  'lapsed',
  'disputed',
  'declined',
  'noted',
] as const;
export const HistoryEventSchema = v.picklist(HISTORY_EVENTS, `must be one of ${HISTORY_EVENTS.join(', ')}`);

/**
 * The status each event sets; `undefined` for events that set none (rewording, reaffirming, and
 * `noted` for court rulings, lawsuits, reports). A claim's status is the status set by its last
 * status-setting event, and `statusDate` that event's date.
 */
export const STATUS_SET_BY_EVENT: Readonly<Record<HistoryEvent, ClaimStatus | undefined>> = {
  introduced: 'in-force',
  enacted: 'pending',
  'took-effect': 'in-force',
  reworded: undefined,
  reaffirmed: undefined,
  modified: 'modified',
  superseded: 'superseded',
  withdrawn: 'withdrawn',
  fulfilled: 'fulfilled',
  'partly-fulfilled': 'partly-fulfilled',
  lapsed: 'lapsed',
  disputed: 'disputed',
  declined: 'declined',
  noted: undefined,
};

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export const ConfidenceSchema = v.picklist(CONFIDENCE_LEVELS, 'must be "high", "medium" or "low"');

export const ACTOR_TYPES = ['company', 'government', 'legislature', 'agency', 'coalition', 'international-body', 'person'] as const;
export const ActorTypeSchema = v.picklist(ACTOR_TYPES, `must be one of ${ACTOR_TYPES.join(', ')}`);

/**
 * Who made a claim. In the source it is `claims/actors/<id>.json`; in a built set each claim
 * embeds a copy. `aliases` are only real names of the actor readers meet (short forms, former
 * names, products); `members` are a coalition's member organisations by the names readers meet.
 */
export const ActorSchema = v.object({
  id: slug,
  name: text(120),
  type: ActorTypeSchema,
  aliases: list(text(120), MAX_LIST.aliases),
  members: v.optional(list(text(120), MAX_LIST.members)),
});

/** The law, policy, treaty, code or agreement a claim lives in, with the names readers meet. */
export const InstrumentSchema = v.object({
  name: text(300),
  aliases: list(text(160), MAX_LIST.aliases),
});

export const SourceSchema = v.object({
  url: httpsUrl,
  title: text(300),
  publisher: v.optional(text(120)),
  date: v.optional(isoDate),
  /** Schema 1 only carried quotes here; schema 2 puts the operative words in `evidence`. */
  quote: v.optional(text(400)),
});

/**
 * The operative words of the primary source that justify the label, quoted briefly (at most 30
 * words: `claims:check` counts them) with a locator (section, article, page, paragraph).
 */
export const EvidenceSchema = v.object({
  quote: text(400),
  locator: text(200),
  url: httpsUrl,
  title: v.optional(text(300)),
});

export const HistoryEntrySchema = v.object({
  date: isoDate,
  event: HistoryEventSchema,
  note: text(400),
  sourceUrl: httpsUrl,
});

/**
 * Every claim field after `id` and `actor`, in the order built files list them. Matching data:
 * `phrasings` are whole sentences saying the claim in different words; `keyPhrases` are names
 * distinctive enough to identify the claim on their own ("Frontier Safety Roadmaps"); `keyTerms`
 * are gates: a sentence must contain at least one word of every group.
 */
const claimBody = {
  instrument: v.optional(InstrumentSchema),
  statement: text(600),
  kind: ClaimKindSchema,
  force: ClaimForceSchema,
  status: ClaimStatusSchema,
  /** The date the current status took effect: the date of the last status-setting event. */
  statusDate: isoDate,
  /** When a law or rule takes (or took) effect; may lie in the future. */
  effectiveDate: v.optional(isoDate),
  /** The date by which the promise had to be met; may lie in the future. */
  deadline: v.optional(isoDate),
  /** Ids of the claims that replaced this one (withdrawn, superseded or modified claims). */
  replacedBy: v.optional(list(slug, MAX_LIST.replacedBy)),
  history: v.pipe(list(HistoryEntrySchema, MAX_LIST.history), v.minLength(1, 'must have at least one entry')),
  rationale: text(800),
  /** "Some analysts call this … because …", where reasonable readers would label it differently. */
  contested: v.optional(text(400)),
  evidence: v.pipe(list(EvidenceSchema, MAX_LIST.evidence), v.minLength(1, 'must quote at least one piece of evidence')),
  confidence: ConfidenceSchema,
  sources: v.pipe(list(SourceSchema, MAX_LIST.sources), v.minLength(1, 'must list at least one source')),
  /** The day someone last checked this claim against its sources. */
  reviewedAt: isoDate,
  phrasings: v.pipe(list(text(400), MAX_LIST.phrasings), v.minLength(1, 'must have at least one phrasing')),
  keyPhrases: v.optional(list(text(120), MAX_LIST.keyPhrases), []),
  keyTerms: v.optional(list(v.pipe(list(text(60), MAX_LIST.keyTermGroup), v.minLength(1, 'a key-term group must not be empty')), MAX_LIST.keyTerms), []),
  topics: list(slug, MAX_LIST.topics),
};

/**
 * A claim in a built set: the actor embedded, and its `parties` if any: the other parties to the
 * agreement the claim is ("the AI Safety Institute signed agreements with OpenAI and Anthropic").
 * Matching data like aliases: a sentence naming two parties instead of the actor ("OpenAI and Anthropic
 * signed deals letting the government test their models") can be about the claim, and naming one is
 * not naming someone else. Never the actor itself, never an actor the claim merely mentions.
 */
export const ClaimSchema = v.object({
  id: slug,
  actor: ActorSchema,
  parties: v.optional(list(ActorSchema, MAX_LIST.parties)),
  ...claimBody,
});

const setHeaderEntries = {
  /** Semantic version of the data; a feed update is accepted only when this grows. */
  version: versionString,
  /** When this version was published. */
  publishedAt: isoDate,
  /** The date the whole set was last reviewed against its sources ("as of"). */
  asOf: isoDate,
  /** Who maintains this set; shown on cards as the claim's pack. */
  publisher: v.optional(text(120)),
};

export const ClaimSetSchema = v.object({
  schemaVersion: v.literal(CLAIM_SCHEMA_VERSION, `must be ${CLAIM_SCHEMA_VERSION}`),
  ...setHeaderEntries,
  claims: list(ClaimSchema, MAX_LIST.claims),
});

/** `claims/<actor-id>/<claim-id>.json`: a claim with its actor (and parties) as ids. */
export const ClaimSourceSchema = v.object({
  id: slug,
  actor: slug,
  parties: v.optional(list(slug, MAX_LIST.parties)),
  ...claimBody,
});

/** `claims/actors/<actor-id>.json`. */
export const ActorFileSchema = ActorSchema;

/** `claims/set.json`: the header of the built set. */
export const SetFileSchema = v.object(setHeaderEntries);

/* ---------- Schema 1 (legacy): read and migrated, never written ---------- */

const LEGACY_KINDS = ['binding-commitment', 'announced-target'] as const;
const LEGACY_FORCES = [
  'legal-obligation',
  'contractual',
  'categorical-pledge',
  'conditional',
  'goal',
  'best-effort',
  'recommendation',
  'aspiration',
  'voluntary-pledge',
] as const;
const LEGACY_STATUSES = ['in-force', 'modified', 'superseded', 'withdrawn', 'fulfilled', 'disputed'] as const;
const LEGACY_EVENTS = ['introduced', 'reworded', 'reaffirmed', 'modified', 'superseded', 'withdrawn', 'fulfilled', 'disputed', 'took-effect'] as const;

export const ClaimV1Schema = v.object({
  id: slug,
  actor: v.object({ id: slug, name: text(120), aliases: list(text(120), MAX_LIST.aliases) }),
  statement: text(600),
  kind: v.picklist(LEGACY_KINDS, `must be one of ${LEGACY_KINDS.join(', ')}`),
  force: v.picklist(LEGACY_FORCES, `must be one of ${LEGACY_FORCES.join(', ')}`),
  status: v.picklist(LEGACY_STATUSES, `must be one of ${LEGACY_STATUSES.join(', ')}`),
  statusDate: isoDate,
  history: v.pipe(
    list(
      v.object({
        date: isoDate,
        event: v.picklist(LEGACY_EVENTS, `must be one of ${LEGACY_EVENTS.join(', ')}`),
        note: text(400),
        sourceUrl: httpsUrl,
      }),
      MAX_LIST.history,
    ),
    v.minLength(1, 'must have at least one entry'),
  ),
  rationale: text(800),
  confidence: ConfidenceSchema,
  sources: v.pipe(list(SourceSchema, MAX_LIST.sources), v.minLength(1, 'must list at least one source')),
  phrasings: v.pipe(list(text(400), MAX_LIST.phrasings), v.minLength(1, 'must have at least one phrasing')),
  keyPhrases: v.optional(list(text(120), MAX_LIST.keyPhrases), []),
  keyTerms: v.optional(list(v.pipe(list(text(60), MAX_LIST.keyTermGroup), v.minLength(1, 'a key-term group must not be empty')), MAX_LIST.keyTerms), []),
  topics: list(slug, MAX_LIST.topics),
});

export const ClaimSetV1Schema = v.object({
  schemaVersion: v.literal(1, 'must be 1'),
  version: versionString,
  publishedAt: isoDate,
  publisher: v.optional(text(120)),
  claims: list(ClaimV1Schema, MAX_LIST.claims),
});

export type ClaimKind = v.InferOutput<typeof ClaimKindSchema>;
export type ClaimForce = v.InferOutput<typeof ClaimForceSchema>;
export type ClaimStatus = v.InferOutput<typeof ClaimStatusSchema>;
export type HistoryEvent = v.InferOutput<typeof HistoryEventSchema>;
export type ActorType = v.InferOutput<typeof ActorTypeSchema>;
export type Actor = v.InferOutput<typeof ActorSchema>;
export type Instrument = v.InferOutput<typeof InstrumentSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Evidence = v.InferOutput<typeof EvidenceSchema>;
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type ClaimSet = v.InferOutput<typeof ClaimSetSchema>;
/** What a schema 2 claim-set file may look like before validation fills defaults. */
export type ClaimSetInput = v.InferInput<typeof ClaimSetSchema>;
export type ClaimSource = v.InferOutput<typeof ClaimSourceSchema>;
export type ClaimSourceInput = v.InferInput<typeof ClaimSourceSchema>;
export type ActorFile = v.InferOutput<typeof ActorFileSchema>;
export type SetFile = v.InferOutput<typeof SetFileSchema>;
export type ClaimV1 = v.InferOutput<typeof ClaimV1Schema>;
export type ClaimSetV1 = v.InferOutput<typeof ClaimSetV1Schema>;
export type ClaimSetV1Input = v.InferInput<typeof ClaimSetV1Schema>;
