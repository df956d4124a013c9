/**
 * Import and feed failures in words a reader can act on: what went wrong, that nothing was changed,
 * and what to do, with the technical detail (a JSON position, a claim field) translated rather than
 * pasted: never a parser's "Unexpected token" or a schema path such as `claims[3].sources[0].url`.
 */

const FIELD_WORDS: Readonly<Record<string, string>> = {
  '(root)': 'the file',
  schemaVersion: 'format version',
  version: 'version',
  publishedAt: 'publication date',
  asOf: '“as of” date',
  publisher: 'publisher',
  claims: 'list of claims',
  id: 'id',
  actor: 'who made it',
  name: 'name',
  type: 'type',
  aliases: 'other name',
  members: 'member',
  instrument: 'law or policy',
  statement: 'statement',
  kind: 'label',
  force: 'strength',
  status: 'status',
  statusDate: 'status date',
  effectiveDate: 'date it takes effect',
  deadline: 'deadline',
  replacedBy: 'replacement claim',
  history: 'history entry',
  date: 'date',
  event: 'event',
  note: 'note',
  sourceUrl: 'source link',
  rationale: 'reason for the label',
  contested: 'note on disagreement',
  evidence: 'evidence',
  quote: 'quote',
  locator: 'place in the source',
  url: 'link',
  title: 'title',
  confidence: 'confidence',
  sources: 'source',
  reviewedAt: 'review date',
  phrasings: 'phrasing',
  keyPhrases: 'key phrase',
  keyTerms: 'key-term group',
  topics: 'topic',
};

const fieldWords = (key: string): string => FIELD_WORDS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** `claims[3].sources[0].url` → "source 1, link" (the claim itself is named separately). */
export function plainFieldPath(path: string, claimNamed: boolean): string {
  const parts: string[] = [];
  const steps = path.split('.');
  steps.forEach((step, index) => {
    const match = /^([^[]+)((?:\[\d+\])*)$/.exec(step);
    if (!match) return parts.push(step);
    const [, key = step, indexes = ''] = match;
    const numbers = [...indexes.matchAll(/\[(\d+)\]/g)].map((found) => Number(found[1]) + 1);
    if (index === 0 && key === 'claims' && numbers.length > 0) {
      if (!claimNamed) parts.push(`claim ${numbers[0]}`);
      if (steps.length === 1) parts.push('the claim');
      return;
    }
    parts.push(numbers.length > 0 ? `${fieldWords(key)} ${numbers.join('.')}` : fieldWords(key));
  });
  return parts.join(', ') || 'the file';
}

/** valibot's own wording for a wrong or missing value, in plain words; the schema's own messages pass as they are. */
function plainProblem(message: string): string {
  if (/^Invalid type: Expected .* but received undefined$/.test(message)) return 'is missing';
  if (/^Invalid type:/.test(message)) return 'has the wrong kind of value';
  if (/^Invalid (key|length|value):?/.test(message)) return 'is not valid';
  return message;
}

/** One line of `describeClaimSetIssues` ("claim \"x\": claims[1].kind: must be one of …") in words. */
export function plainClaimIssue(line: string): string {
  const match = /^(?:claim "([^"]+)": )?(\S+): (.*)$/.exec(line.trim());
  if (!match) return line.trim();
  const [, claimId, path = '', message = ''] = match;
  const where = plainFieldPath(path, claimId !== undefined);
  const subject = claimId ? `Claim “${claimId}”${where === 'the claim' ? '' : `, ${where}`}` : where.charAt(0).toUpperCase() + where.slice(1);
  return `${subject}: ${plainProblem(message)}`;
}

/**
 * `parseJsonText`'s message ("unexpected \"}\" at line 3, column 9 (position 27); expected a value")
 * as "the first problem is at line 3, column 9"; "the text is empty" as "the file is empty".
 */
export function plainJsonProblem(detail: string): string {
  if (/text is empty/.test(detail)) return 'the file is empty';
  const at = /line (\d+), column (\d+)/.exec(detail);
  return at ? `the first problem is at line ${at[1]}, column ${at[2]}` : 'it could not be read as JSON';
}

/** Why a claim-pack file was refused, from `parseClaimSetText`'s failure. */
export function plainClaimPackError(failure: { problem: 'invalid-json' | 'invalid-schema'; detail: string }): string {
  if (failure.problem === 'invalid-json') {
    return `This file is not a claim pack Pledge Lens can read: it is not valid JSON (${plainJsonProblem(failure.detail)}). Nothing was added. Choose a claim set file (.json) in the Pledge Lens format.`;
  }
  const lines = failure.detail.split('\n').filter((line) => line.trim() !== '');
  const problems = lines.map((line) => (/^… and \d+ more$/.test(line.trim()) ? line.trim() : plainClaimIssue(line)));
  return `This file is not a claim pack Pledge Lens can use, so nothing was added. What needs fixing:\n${problems.map((problem) => `• ${problem}`).join('\n')}`;
}

/** An annotation file that is not JSON at all (a CSV or Markdown export, a PDF…). */
export const ANNOTATION_FILE_NOT_JSON =
  'This file cannot be imported: its contents are not JSON, so it is not an annotation file Pledge Lens exported. Import the .jsonld file made by Export → W3C Web Annotations; CSV and Markdown exports cannot be read back. Nothing was changed.';

/** An annotation file that is JSON but not a Pledge Lens export; `detail` names the first problem. */
export function annotationFileRefused(detail: string): string {
  return `This file is not an annotation export from Pledge Lens, so nothing was imported (first problem: ${detail.replace(/[.\s]+$/, '')}). Import the .jsonld file made by Export → W3C Web Annotations.`;
}

/**
 * A feed failure as the options page shows it: the feed's own sentence, with parser and network
 * jargon replaced ("Failed to fetch", "TypeError:", a JSON position, schema paths).
 */
export function plainFeedError(message: string): string {
  let text = message
    .replace(/\b(?:TypeError|Error|SyntaxError): /g, '')
    .replace(/\bFailed to fetch\b|NetworkError when attempting to fetch resource\.?|\bfetch failed\b|\bLoad failed\b/g, 'the server did not answer (check the address and your connection)')
    .replace(/not valid JSON: (unexpected [^\n]*?line \d+, column \d+[^\n;]*(?:; expected [^\n.]*)?|the text is empty)/g, (_all, detail: string) => `not valid JSON (${plainJsonProblem(detail)})`)
    .replace(/not valid JSON: Unexpected token[^\n]*/g, 'not valid JSON');
  const [first, ...rest] = text.split('\n');
  if (rest.length > 0 && /not a valid claim set/.test(first ?? '')) {
    const problems = rest.filter((line) => line.trim() !== '').map((line) => (/^… and \d+ more/.test(line.trim()) ? line.trim() : `• ${plainClaimIssue(line)}`));
    text = [first, ...problems].join('\n');
  }
  return text;
}
