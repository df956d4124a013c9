/**
 * Failures and notices the background reports to a page as a code plus details, so the page words
 * them in the reader's language (lib/format/reader-errors.ts) instead of showing a sentence built in
 * English. The schemas are strict: a page validates what it gets (`readerFailure`, `historyNotice`)
 * and shows the English `error` beside it when the structure does not pass.
 *
 * Shapes: `ReaderFailure` is `{ code: 'pack-not-json' | 'pack-invalid' | 'annotation-not-json' |
 * 'annotation-refused' | 'feed' | 'nothing-to-export' | 'mention-gone' | 'pack-not-removable' |
 * 'feed-setting', …details }`; a feed refusal carries a `FeedProblem`
 * (`{ reason, …details }`, the reasons of lib/claims/fetch-claim-feed.ts plus 'unvouched').
 */
import * as v from 'valibot';
import { bounded, claimId, nonEmpty } from './fields';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const position = v.pipe(v.number(), v.integer(), v.minValue(1));
const address = bounded(8192);
const shortText = bounded(500);

/** Why a text is not JSON, as far as a reader needs it: empty, where the first problem is, not UTF-8, or no position known. */
export const JsonProblemSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('empty') }),
  v.strictObject({ kind: v.literal('at'), line: position, column: position }),
  v.strictObject({ kind: v.literal('not-utf8') }),
  v.strictObject({ kind: v.literal('unreadable') }),
]);
export type JsonProblem = v.InferOutput<typeof JsonProblemSchema>;

/** One step of a field path: `sources[0]` is `{ field: 'sources', index: [1] }` (numbered from 1, as a reader counts). */
const FieldStepSchema = v.strictObject({ field: nonEmpty(100), index: v.pipe(v.array(position), v.maxLength(5)) });
export type FieldStep = v.InferOutput<typeof FieldStepSchema>;

/**
 * One problem in a claim set. `claimId` names the claim when its id was readable, else `claim` numbers
 * it; `path` is within the claim (or the file). `problem`: 'rule' carries the schema's own sentence in `rule`.
 */
export const ClaimIssueSchema = v.strictObject({
  claimId: v.optional(claimId),
  claim: v.optional(position),
  path: v.pipe(v.array(FieldStepSchema), v.maxLength(20)),
  problem: v.picklist(['missing', 'wrong-type', 'invalid', 'rule']),
  rule: v.optional(shortText),
});
export type ClaimIssue = v.InferOutput<typeof ClaimIssueSchema>;

/** The problems shown, and how many more the validator found. */
const issueList = { issues: v.pipe(v.array(ClaimIssueSchema), v.minLength(1), v.maxLength(50)), more: count };

/** What fetched: the feed itself or its signature file (`<feed URL>.sig`). */
const what = v.picklist(['feed', 'signature']);

/** The key the reader pinned: "ECDSA P-256" or "Ed25519", and its fingerprint ("3F2A 9C1B 77D0 E4A5"). */
const pinnedKey = { algorithm: bounded(40), fingerprint: bounded(200) };

export const FeedProblemSchema = v.variant('reason', [
  v.strictObject({ reason: v.literal('invalid-url'), url: address }),
  /** `stage`: the server did not answer at all, or the connection broke while the body arrived. */
  v.strictObject({ reason: v.literal('network'), what, origin: address, stage: v.picklist(['connect', 'read']) }),
  v.strictObject({ reason: v.literal('timeout'), seconds: v.pipe(v.number(), v.minValue(0)) }),
  v.strictObject({ reason: v.literal('http'), what, status: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599)) }),
  v.strictObject({ reason: v.literal('content-type'), contentType: v.optional(shortText) }),
  v.strictObject({ reason: v.literal('too-large'), limitBytes: count }),
  v.strictObject({ reason: v.literal('invalid-json'), json: JsonProblemSchema }),
  v.strictObject({ reason: v.literal('invalid-schema'), ...issueList }),
  v.strictObject({ reason: v.literal('not-newer'), version: shortText, installed: shortText }),
  /** `kind`: a redirect the browser hides, one off the feed's origin, one without a usable Location, or too many. */
  v.strictObject({ reason: v.literal('redirect'), what, kind: v.picklist(['hidden', 'off-origin', 'no-location', 'too-many']), target: v.optional(address), origin: address }),
  v.strictObject({ reason: v.literal('signature-missing'), url: address, status: count, ...pinnedKey }),
  /** `kind`: the file is too big, not a signature, cannot be checked by this browser, or not the pinned key's over these bytes. */
  v.strictObject({ reason: v.literal('signature-invalid'), kind: v.picklist(['too-big', 'malformed', 'unverifiable', 'mismatch']), ...pinnedKey }),
  v.strictObject({ reason: v.literal('version-leap'), version: shortText, lastGood: shortText, maxMajor: count }),
  v.strictObject({ reason: v.literal('published-in-future'), publishedAt: shortText, today: shortText }),
  /** A feed saved before signatures were checked: neither a key nor "unsigned" was chosen. */
  v.strictObject({ reason: v.literal('unvouched') }),
]);
export type FeedProblem = v.InferOutput<typeof FeedProblemSchema>;

export const ReaderFailureSchema = v.variant('code', [
  v.strictObject({ code: v.literal('pack-not-json'), json: JsonProblemSchema }),
  v.strictObject({ code: v.literal('pack-invalid'), ...issueList }),
  v.strictObject({ code: v.literal('annotation-not-json') }),
  /** `detail`: the annotation reader's own (English) account of the first problem. */
  v.strictObject({ code: v.literal('annotation-refused'), detail: shortText }),
  /** A feed update refused; `lastGoodAt`: when the set still in use was fetched (absent: the set in use is not the feed's). */
  v.strictObject({ code: v.literal('feed'), problem: FeedProblemSchema, lastGoodAt: v.optional(bounded(40)) }),
  /** An export that selected nothing; `wrongMatches`: how many it left out because they are marked as wrong matches. */
  v.strictObject({ code: v.literal('nothing-to-export'), wrongMatches: count }),
  /** The mention a note or flag was for is no longer in the history (it was deleted or cleared). */
  v.strictObject({ code: v.literal('mention-gone') }),
  /** A pack that cannot be removed: the bundled set (switch it off instead), or one no longer stored. */
  v.strictObject({ code: v.literal('pack-not-removable'), bundled: v.boolean() }),
  /** A feed choice refused before anything was fetched; `unsigned`: a plain-http feed the reader chose to take unsigned (its own words). */
  v.strictObject({
    code: v.literal('feed-setting'),
    problem: v.picklist(['no-feed', 'not-a-url', 'not-https', 'credentials', 'key-and-unsigned', 'key-needed']),
    url: v.optional(address),
    unsigned: v.optional(v.literal(true)),
  }),
]);
export type ReaderFailure = v.InferOutput<typeof ReaderFailureSchema>;

/** Why a page's mentions are not (all) in the history: it is full, the page reported too many, or a write failed. */
export const HistoryNoticeSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('full'), max: count }),
  v.strictObject({ kind: v.literal('page-limit'), max: count }),
  v.strictObject({ kind: v.literal('site-limit'), max: count }),
  /** `quota`: the browser had no room left; otherwise `detail` is the error's own text. */
  v.strictObject({ kind: v.literal('save-failed'), quota: v.boolean(), detail: v.optional(shortText) }),
]);
export type HistoryNotice = v.InferOutput<typeof HistoryNoticeSchema>;

// ——— Building failures from a parser's or validator's English text (the background's side) ———

/**
 * `parseJsonText`'s message ("unexpected \"}\" at line 3, column 9 (position 27); expected a value",
 * "the text is empty", "it is not UTF-8 text") as the part a reader needs.
 */
export function jsonProblem(detail: string): JsonProblem {
  if (/text is empty/.test(detail)) return { kind: 'empty' };
  if (/not UTF-8/.test(detail)) return { kind: 'not-utf8' };
  const at = /line (\d+), column (\d+)/.exec(detail);
  return at ? { kind: 'at', line: Number(at[1]), column: Number(at[2]) } : { kind: 'unreadable' };
}

/** valibot's own wording for a wrong or missing value as a problem kind; any other text is the schema's own rule. */
function problemOf(message: string): Pick<ClaimIssue, 'problem' | 'rule'> {
  if (/^Invalid type: Expected .* but received undefined$/.test(message)) return { problem: 'missing' };
  if (/^Invalid type:/.test(message)) return { problem: 'wrong-type' };
  if (/^Invalid (key|length|value):?/.test(message)) return { problem: 'invalid' };
  return { problem: 'rule', rule: message.slice(0, 500) };
}

/** `claims[3].sources[0].url` → claim 4, path [sources 1, url]: indexes counted from 1. */
function parsePath(path: string): { claim?: number; path: FieldStep[] } {
  const steps: FieldStep[] = [];
  let claim: number | undefined;
  path.split('.').forEach((step, index) => {
    const match = /^([^[]+)((?:\[\d+\])*)$/.exec(step);
    const field = match?.[1] ?? step;
    const numbers = [...(match?.[2] ?? '').matchAll(/\[(\d+)\]/g)].map((found) => Number(found[1]) + 1).slice(0, 5);
    if (index === 0 && field === 'claims' && numbers.length > 0) claim = numbers[0];
    else if (field !== '') steps.push({ field: field.slice(0, 100), index: numbers });
  });
  return { ...(claim === undefined ? {} : { claim }), path: steps.slice(0, 20) };
}

/** One line of `describeClaimSetIssues` ("claim \"x\": claims[1].kind: must be one of …") as an issue. */
export function claimIssue(line: string): ClaimIssue {
  const match = /^(?:claim "([^"]+)": )?(\S+): (.*)$/.exec(line.trim());
  if (!match) return { path: [], ...problemOf(line.trim()) };
  const [, id, path = '', message = ''] = match;
  const { claim, path: steps } = parsePath(path);
  const named = id !== undefined && id.length <= 200 ? { claimId: id } : claim !== undefined ? { claim } : {};
  return { ...named, path: steps, ...problemOf(message) };
}

/** `describeClaimSetIssues`'s lines (the last may be "… and 3 more") as at most 50 issues and a count of the rest. */
export function claimIssues(detail: string): { issues: ClaimIssue[]; more: number } {
  const lines = detail.split('\n').filter((line) => line.trim() !== '');
  let more = 0;
  const issues: ClaimIssue[] = [];
  for (const line of lines) {
    const rest = /^… and (\d+) more/.exec(line.trim());
    if (rest) more += Number(rest[1]);
    else if (issues.length < 50) issues.push(claimIssue(line));
    else more += 1;
  }
  return { issues: issues.length > 0 ? issues : [{ path: [], problem: 'invalid' }], more };
}

/** The failure of an answer as the schema allows it, or undefined (absent or malformed). */
export function readerFailure(raw: unknown): ReaderFailure | undefined {
  const parsed = v.safeParse(ReaderFailureSchema, raw);
  return parsed.success ? parsed.output : undefined;
}

/** A feed problem as the schema allows it, or undefined (absent or malformed). */
export function feedProblem(raw: unknown): FeedProblem | undefined {
  const parsed = v.safeParse(FeedProblemSchema, raw);
  return parsed.success ? parsed.output : undefined;
}

/** A history notice as the schema allows it, or undefined (absent or malformed). */
export function historyNotice(raw: unknown): HistoryNotice | undefined {
  const parsed = v.safeParse(HistoryNoticeSchema, raw);
  return parsed.success ? parsed.output : undefined;
}
