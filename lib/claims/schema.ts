/**
 * The claim-set schema. Every claim type in the project is inferred from here, so the
 * validator and the compiler can never disagree about what a claim is.
 *
 * valibot rather than zod: its functions tree-shake, which keeps the content script and
 * background small (the content script budget is 60 KB gzip), and it has the same
 * `InferOutput` ergonomics.
 */
import * as v from 'valibot';

export const CLAIM_SCHEMA_VERSION = 1;

const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  v.check((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'must be a real calendar date'),
);

/** Only https links reach a card: a feed must not be able to plant `javascript:` or `http:` links. */
const httpsUrl = v.pipe(
  v.string(),
  v.url('must be an absolute URL'),
  v.startsWith('https://', 'must be an https:// URL'),
);

const slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  v.maxLength(120, 'must be at most 120 characters'),
);

const text = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const CLAIM_KINDS = ['binding-commitment', 'announced-target'] as const;
export const ClaimKindSchema = v.picklist(CLAIM_KINDS, 'must be "binding-commitment" or "announced-target"');

export const CLAIM_FORCES = [
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
export const ClaimForceSchema = v.picklist(CLAIM_FORCES, `must be one of ${CLAIM_FORCES.join(', ')}`);

export const CLAIM_STATUSES = ['in-force', 'modified', 'superseded', 'withdrawn', 'fulfilled', 'disputed'] as const;
export const ClaimStatusSchema = v.picklist(CLAIM_STATUSES, `must be one of ${CLAIM_STATUSES.join(', ')}`);

/** What happened to a claim on a given day. Status-changing events must match the claim's status. */
export const HISTORY_EVENTS = [
  'introduced',
  'reworded',
  'reaffirmed',
  'modified',
  'superseded',
  'withdrawn',
  'fulfilled',
  'disputed',
  'took-effect',
] as const;
export const HistoryEventSchema = v.picklist(HISTORY_EVENTS, `must be one of ${HISTORY_EVENTS.join(', ')}`);

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;

export const ActorSchema = v.object({
  id: slug,
  name: text(120),
  /** Other names readers meet: short forms, former names, products ("Claude" for Anthropic). */
  aliases: v.array(text(120)),
});

export const SourceSchema = v.object({
  url: httpsUrl,
  title: text(300),
  publisher: v.optional(text(120)),
  date: v.optional(isoDate),
  /** A short quote from the source that supports the label; kept short for fair use. */
  quote: v.optional(text(400)),
});

export const HistoryEntrySchema = v.object({
  date: isoDate,
  event: HistoryEventSchema,
  note: text(400),
  sourceUrl: httpsUrl,
});

/**
 * Matching data. `phrasings` are whole sentences saying the claim in different words;
 * `keyPhrases` are names distinctive enough to identify the claim on their own
 * ("Frontier Safety Roadmaps"); `keyTerms` are gates: a sentence must contain at least one
 * word of every group (e.g. [["pause","delay","halt"], ["train","deploy","release"]]).
 */
export const ClaimSchema = v.object({
  id: slug,
  actor: ActorSchema,
  statement: text(600),
  kind: ClaimKindSchema,
  force: ClaimForceSchema,
  status: ClaimStatusSchema,
  /** The date the current status took effect. */
  statusDate: isoDate,
  history: v.pipe(v.array(HistoryEntrySchema), v.minLength(1, 'must have at least one entry')),
  rationale: text(800),
  confidence: v.picklist(CONFIDENCE_LEVELS, 'must be "high", "medium" or "low"'),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'must list at least one source')),
  phrasings: v.pipe(v.array(text(400)), v.minLength(1, 'must have at least one phrasing')),
  keyPhrases: v.optional(v.array(text(120)), []),
  keyTerms: v.optional(v.array(v.pipe(v.array(text(60)), v.minLength(1, 'a key-term group must not be empty'))), []),
  topics: v.array(slug),
});

export const ClaimSetSchema = v.object({
  schemaVersion: v.literal(CLAIM_SCHEMA_VERSION, `must be ${CLAIM_SCHEMA_VERSION}`),
  /** Semantic version of the data; a feed update is accepted only when this grows. */
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.4.0')),
  publishedAt: isoDate,
  /** Who maintains this set; shown on cards as the claim's pack. */
  publisher: v.optional(text(120)),
  claims: v.array(ClaimSchema),
});

export type ClaimKind = v.InferOutput<typeof ClaimKindSchema>;
export type ClaimForce = v.InferOutput<typeof ClaimForceSchema>;
export type ClaimStatus = v.InferOutput<typeof ClaimStatusSchema>;
export type HistoryEvent = v.InferOutput<typeof HistoryEventSchema>;
export type Actor = v.InferOutput<typeof ActorSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type ClaimSet = v.InferOutput<typeof ClaimSetSchema>;
/** What a claim-set file may look like before validation fills defaults. */
export type ClaimSetInput = v.InferInput<typeof ClaimSetSchema>;
