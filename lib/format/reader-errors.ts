/**
 * Import and feed failures in words a reader can act on: what went wrong, that nothing was changed,
 * and what to do, with the technical detail (a JSON position, a claim field) translated rather than
 * pasted: never a parser's "Unexpected token" or a schema path such as `claims[3].sources[0].url`.
 *
 * Two halves. The background turns a parser's or validator's English text into a `ReaderFailure`
 * (lib/messages/reader-failure.ts: a code and details), which is what it sends; the page words that
 * with its translator, in the reader's language (`wordFailure`, `wordHistoryNotice`). The background
 * words it once more in English for the answer's `error` (`englishFailure`), which logs and tests read.
 */
import { withEnglishFallback } from '../i18n/english-fallback';
import { createTranslator, type MessageName, type Translator } from '../i18n/translator';
import { claimIssues, jsonProblem, type ClaimIssue, type FeedProblem, type FieldStep, type HistoryNotice, type JsonProblem, type ReaderFailure } from '../messages/reader-failure';

/** The catalogue's word for each claim-set field; a field not listed is shown by its own name, split into words. */
const FIELD_WORDS: Readonly<Record<string, MessageName>> = {
  '(root)': 'readerError_theFile',
  schemaVersion: 'field_schemaVersion',
  version: 'field_version',
  publishedAt: 'field_publishedAt',
  asOf: 'field_asOf',
  publisher: 'field_publisher',
  claims: 'field_claims',
  id: 'field_id',
  actor: 'field_actor',
  name: 'field_name',
  type: 'field_type',
  aliases: 'field_aliases',
  members: 'field_members',
  instrument: 'field_instrument',
  statement: 'field_statement',
  kind: 'field_kind',
  force: 'field_force',
  status: 'field_status',
  statusDate: 'field_statusDate',
  effectiveDate: 'field_effectiveDate',
  deadline: 'field_deadline',
  replacedBy: 'field_replacedBy',
  history: 'field_history',
  date: 'field_date',
  event: 'field_event',
  note: 'field_note',
  sourceUrl: 'field_sourceUrl',
  rationale: 'field_rationale',
  contested: 'field_contested',
  evidence: 'field_evidence',
  quote: 'field_quote',
  locator: 'field_locator',
  url: 'field_url',
  title: 'field_title',
  confidence: 'field_confidence',
  sources: 'field_sources',
  reviewedAt: 'field_reviewedAt',
  phrasings: 'field_phrasings',
  keyPhrases: 'field_keyPhrases',
  keyTerms: 'field_keyTerms',
  topics: 'field_topics',
};

const english = createTranslator(withEnglishFallback(() => ''));

// ——— The background's half: a refused claim pack as a code with details, and an answer carrying a failure ———

/** Why a claim-pack file was refused, from `parseClaimSetText`'s failure. */
export function claimPackFailure(failure: { problem: 'invalid-json' | 'invalid-schema'; detail: string }): ReaderFailure {
  return failure.problem === 'invalid-json' ? { code: 'pack-not-json', json: jsonProblem(failure.detail) } : { code: 'pack-invalid', ...claimIssues(failure.detail) };
}

/** An answer's failure: the English sentence beside the code, so both travel together. */
export function failed(failure: ReaderFailure): { ok: false; error: string; failure: ReaderFailure } {
  return { ok: false, error: englishFailure(failure), failure };
}

// ——— The page's half: codes and details → the reader's language ———

const splitWords = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function fieldWords(t: Translator, step: FieldStep): string {
  const name = FIELD_WORDS[step.field];
  const word = name ? t(name) : splitWords(step.field);
  return step.index.length > 0 ? t('readerError_numbered', { word, number: step.index.join('.') }) : word;
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** One issue: "Claim “x-y”, source 1, link: must be an https:// URL", "Claim 1, statement: is missing". */
export function wordClaimIssue(t: Translator, issue: ClaimIssue): string {
  const where = issue.path.map((step) => fieldWords(t, step));
  const claim = issue.claimId !== undefined ? t('readerError_claimNamed', { id: issue.claimId }) : issue.claim !== undefined ? t('readerError_claimNumbered', { number: issue.claim }) : undefined;
  const subject = capitalise([...(claim ? [claim] : []), ...where].join(', ') || t('readerError_theFile'));
  const problem =
    issue.problem === 'missing'
      ? t('readerError_isMissing')
      : issue.problem === 'wrong-type'
        ? t('readerError_wrongType')
        : issue.problem === 'invalid' || issue.rule === undefined
          ? t('readerError_notValid')
          : issue.rule;
  return t('readerError_issue', { subject, problem });
}

/** The issues as bullet lines, with "… and 3 more" when the validator found more. */
function issueLines(t: Translator, issues: readonly ClaimIssue[], more: number): string {
  const lines = issues.map((issue) => `• ${wordClaimIssue(t, issue)}`);
  if (more > 0) lines.push(t('readerError_moreProblems', { count: more }));
  return lines.join('\n');
}

export function wordJsonProblem(t: Translator, problem: JsonProblem): string {
  switch (problem.kind) {
    case 'empty':
      return t('readerError_jsonEmpty');
    case 'at':
      return t('readerError_jsonAt', { line: problem.line, column: problem.column });
    case 'not-utf8':
      return t('readerError_jsonNotUtf8');
    case 'unreadable':
      return t('readerError_jsonUnreadable');
  }
}

/** What failed, as the subject starting a sentence in both languages. */
const whatWords = (t: Translator, what: 'feed' | 'signature') => (what === 'feed' ? t('feedError_theFeed') : t('feedError_theSignature'));

/** Why a feed update was refused, in one or two sentences ending in a full stop. */
export function wordFeedProblem(t: Translator, problem: FeedProblem): string {
  switch (problem.reason) {
    case 'invalid-url':
      return t('feedError_invalidUrl', { url: problem.url });
    case 'network':
      if (problem.stage === 'read') return t('feedError_connectionBroke', { what: whatWords(t, problem.what), origin: problem.origin });
      return problem.what === 'feed' ? t('feedError_noAnswer', { origin: problem.origin }) : t('feedError_signatureNoAnswer', { origin: problem.origin });
    case 'timeout':
      return t('feedError_timeout', { seconds: problem.seconds.toLocaleString(t.locale, { maximumFractionDigits: 1 }) });
    case 'http':
      return t('feedError_http', { what: whatWords(t, problem.what), status: problem.status });
    case 'content-type':
      return problem.contentType ? t('feedError_contentType', { type: problem.contentType }) : t('feedError_noContentType');
    case 'too-large':
      return t('feedError_tooLarge', { limit: formatSize(t, problem.limitBytes) });
    case 'invalid-json':
      return t('feedError_notJson', { problem: wordJsonProblem(t, problem.json) });
    case 'invalid-schema':
      return `${t('feedError_notClaimSet')}\n${issueLines(t, problem.issues, problem.more)}`;
    case 'not-newer':
      return t('feedError_notNewer', { version: problem.version, installed: problem.installed });
    case 'redirect':
      return wordRedirect(t, problem);
    case 'signature-missing':
      return t('feedError_signatureMissing', { url: problem.url, status: problem.status, algorithm: problem.algorithm, fingerprint: problem.fingerprint });
    case 'signature-invalid':
      return wordSignatureInvalid(t, problem);
    case 'version-leap':
      return t('feedError_versionLeap', { version: problem.version, last: problem.lastGood, max: problem.maxMajor });
    case 'published-in-future':
      return t('feedError_publishedInFuture', { published: problem.publishedAt, today: problem.today });
    case 'unvouched':
      return t('feedError_unvouched');
  }
}

function wordRedirect(t: Translator, problem: Extract<FeedProblem, { reason: 'redirect' }>): string {
  const what = whatWords(t, problem.what);
  switch (problem.kind) {
    case 'hidden':
      return t('feedError_redirectHidden', { what });
    case 'off-origin':
      return t('feedError_redirectOffOrigin', { what, target: problem.target ?? '?', origin: problem.origin });
    case 'no-location':
      return t('feedError_redirectNoLocation', { what });
    case 'too-many':
      return t('feedError_redirectTooMany', { what });
  }
}

function wordSignatureInvalid(t: Translator, problem: Extract<FeedProblem, { reason: 'signature-invalid' }>): string {
  switch (problem.kind) {
    case 'too-big':
      return t('feedError_signatureTooBig');
    case 'malformed':
      return t('feedError_signatureMalformed');
    case 'unverifiable':
      return t('feedError_signatureUnverifiable');
    case 'mismatch':
      return t('feedError_signatureMismatch', { algorithm: problem.algorithm, fingerprint: problem.fingerprint });
  }
}

/** 5 MiB, 512 KiB, 300 bytes: the unit words come from the catalogue, the number in the page's language. */
function formatSize(t: Translator, bytes: number): string {
  const number = (value: number) => value.toLocaleString(t.locale, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return t('feedError_mebibytes', { size: number(bytes / (1024 * 1024)) });
  if (bytes >= 1024) return t('feedError_kibibytes', { size: number(bytes / 1024) });
  return t('feedError_bytes', { size: number(bytes) });
}

/** A failure as the page shows it, in the translator's language; `formatDate` writes a timestamp (ISO as it is by default). */
export function wordFailure(t: Translator, failure: ReaderFailure, formatDate: (iso: string) => string = (iso) => iso): string {
  switch (failure.code) {
    case 'pack-not-json':
      return t('readerError_packNotJson', { problem: wordJsonProblem(t, failure.json) });
    case 'pack-invalid':
      return `${t('readerError_packInvalid')}\n${issueLines(t, failure.issues, failure.more)}`;
    case 'annotation-not-json':
      return t('readerError_annotationNotJson');
    case 'annotation-refused':
      return t('readerError_annotationRefused', { detail: failure.detail.replace(/[.\s]+$/, '') });
    case 'feed': {
      const still = failure.lastGoodAt ? t('feedError_lastGoodInUse', { date: formatDate(failure.lastGoodAt) }) : t('feedError_currentInUse');
      const problem = wordFeedProblem(t, failure.problem);
      // After a list of problems the sentence goes on its own line, not onto the last problem's.
      return `${problem}${problem.includes('\n') ? '\n' : ' '}${still}`;
    }
    case 'nothing-to-export':
      return failure.wrongMatches > 0 ? t('readerError_nothingToExportWrongMatches', { count: failure.wrongMatches.toLocaleString(t.locale) }) : t('readerError_nothingToExport');
    case 'mention-gone':
      return t('readerError_mentionGone');
    case 'pack-not-removable':
      return failure.bundled ? t('readerError_bundledNotRemovable') : t('readerError_packGone');
    case 'feed-setting':
      return wordFeedSetting(t, failure);
  }
}

function wordFeedSetting(t: Translator, failure: Extract<ReaderFailure, { code: 'feed-setting' }>): string {
  switch (failure.problem) {
    case 'no-feed':
      return t('feedError_noFeed');
    case 'not-a-url':
      return t('feedError_notAUrl', { url: failure.url ?? '' });
    case 'not-https':
      return failure.unsigned ? t('feedError_notHttpsUnsigned') : t('feedError_notHttps');
    case 'credentials':
      return t('feedError_credentials');
    case 'key-and-unsigned':
      return t('feedError_keyAndUnsigned');
    case 'key-needed':
      return t('feedError_keyNeeded');
  }
}

/** A failure in English, for the answer's `error`. */
export function englishFailure(failure: ReaderFailure): string {
  return wordFailure(english, failure);
}

/** Why a page's mentions are not (all) in the history, as the popup shows it. */
export function wordHistoryNotice(t: Translator, notice: HistoryNotice): string {
  switch (notice.kind) {
    case 'full':
      return t('historyNotice_full', { max: notice.max.toLocaleString(t.locale) });
    case 'page-limit':
      return t('historyNotice_pageLimit', { max: notice.max });
    case 'site-limit':
      return t('historyNotice_siteLimit', { max: notice.max.toLocaleString(t.locale) });
    case 'save-failed':
      return notice.quota ? t('historyNotice_noRoom') : t('historyNotice_saveFailed', { detail: notice.detail ?? '?' });
  }
}
