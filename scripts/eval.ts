/**
 * Measures matching against gold labels.
 *   npm run eval -- [--gold FILE] [--articles DIR] [--claims FILE] [--min-recall R] [--min-article-recall R] [--min-precision P]
 *                   [--set NAME=VALUE ...] [--sweep NAME=V1,V2,...]
 * Without --gold it measures our own corpus, tests/fixtures/articles (the seeds live outside the
 * repository: `--gold ../shared/eval/seeds-gold.json`).
 * --set overrides a tunable of lib/match/tunables.ts for the run (e.g. `--set decider=rules`);
 * --sweep runs the evaluation once per value and prints one line each (thresholds are not checked).
 * Exits 1 when a threshold is not met, 2 on unreadable input.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { compileClaimIndex } from '../lib/match/compile-index';
import { matchClaims } from '../lib/match/match-claims';
import { DEFAULT_TUNABLES, parseTunable, type Tunables } from '../lib/match/tunables';
import { evaluateArticle, totals, type ArticleEvaluation } from './cli/evaluate-matches';
import { loadClaimSet } from './cli/load-claims';
import { loadGold } from './cli/load-gold';
import { InputError, loadInput, type LoadedInput } from './cli/load-input';

const DEFAULT_GOLD = fileURLToPath(new URL('../tests/fixtures/articles/gold.json', import.meta.url));
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const ratio = (a: number, b: number) => (b ? pct(a / b) : '   -  ');

function threshold(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InputError(`--${name} must be a number from 0 to 1`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      gold: { type: 'string' },
      articles: { type: 'string' },
      claims: { type: 'string' },
      'min-recall': { type: 'string' },
      'min-article-recall': { type: 'string' },
      'min-precision': { type: 'string' },
      set: { type: 'string', multiple: true },
      sweep: { type: 'string' },
    },
  });
  const overrides: Partial<Tunables> = {};
  for (const assignment of values.set ?? []) {
    const [name, value] = assignment.split('=');
    if (!name || value === undefined) throw new InputError(`--set needs NAME=VALUE, got "${assignment}"`);
    try {
      Object.assign(overrides, parseTunable(name, value));
    } catch (error) {
      throw new InputError((error as Error).message);
    }
  }
  const minRecall = threshold(values['min-recall'], 'min-recall');
  const minArticleRecall = threshold(values['min-article-recall'], 'min-article-recall');
  const minPrecision = threshold(values['min-precision'], 'min-precision');
  const claimSet = await loadClaimSet(values.claims);
  const index = compileClaimIndex(claimSet.claims, claimSet.version);
  const articles = await loadGold(values.gold ?? DEFAULT_GOLD, values.articles);

  const inputs = new Map<string, LoadedInput>();
  for (const article of articles) inputs.set(article.path, await loadInput(article.path));
  const run = (tunables: Partial<Tunables>): ArticleEvaluation[] =>
    articles.map((article) => {
      const { text, title } = inputs.get(article.path)!;
      return evaluateArticle(article.name, text, article.entries, matchClaims(text, index, { tunables, pageTitle: title }));
    });
  const out = (line = '') => process.stdout.write(`${line}\n`);

  if (values.sweep) {
    const [name, list] = values.sweep.split('=');
    if (!name || !list) throw new InputError(`--sweep needs NAME=V1,V2,..., got "${values.sweep}"`);
    out(`Claim set ${claimSet.version} (${claimSet.claims.length} claims), ${articles.length} articles; sweeping ${name} (default ${String(DEFAULT_TUNABLES[name as keyof Tunables])})\n`);
    out(`${name.padEnd(18)}${'recall'.padStart(18)}${'worst article'.padStart(15)}${'precision'.padStart(18)}`);
    for (const value of list.split(',')) {
      let setting: Partial<Tunables>;
      try {
        setting = { ...overrides, ...parseTunable(name, value) };
      } catch (error) {
        throw new InputError((error as Error).message);
      }
      const t = totals(run(setting));
      out(`${value.padEnd(18)}${`${t.found}/${t.required} ${pct(t.recall)}`.padStart(18)}${pct(t.worstArticleRecall).padStart(15)}${`${t.correct}/${t.highlights} ${pct(t.precision)}`.padStart(18)}`);
    }
    return 0;
  }

  const evaluations = run(overrides);
  out(`Claim set ${claimSet.version} (${claimSet.claims.length} claims), ${articles.length} articles\n`);
  out('article'.padEnd(46) + 'recall'.padStart(16) + 'precision'.padStart(18));
  for (const e of evaluations) out(e.article.padEnd(46) + `${e.found}/${e.required} ${ratio(e.found, e.required)}`.padStart(16) + `${e.correct}/${e.highlights} ${ratio(e.correct, e.highlights)}`.padStart(18));
  const perClaim = new Map<string, { required: number; found: number; highlights: number; correct: number }>();
  for (const e of evaluations) {
    for (const [claim, s] of e.perClaim) {
      const t = perClaim.get(claim) ?? { required: 0, found: 0, highlights: 0, correct: 0 };
      perClaim.set(claim, { required: t.required + s.required, found: t.found + s.found, highlights: t.highlights + s.highlights, correct: t.correct + s.correct });
    }
  }
  out('\n' + 'claim'.padEnd(46) + 'recall'.padStart(16) + 'precision'.padStart(18));
  for (const [claim, s] of [...perClaim].sort()) out(claim.padEnd(46) + `${s.found}/${s.required} ${ratio(s.found, s.required)}`.padStart(16) + `${s.correct}/${s.highlights} ${ratio(s.correct, s.highlights)}`.padStart(18));

  const misses = evaluations.flatMap((e) => e.misses.map((m) => ({ article: e.article, ...m })));
  const falsePositives = evaluations.flatMap((e) => e.falsePositives.map((f) => ({ article: e.article, ...f })));
  out(`\nMisses (${misses.length}):`);
  for (const m of misses) out(`  ${m.article}  ${m.claim}${m.located ? '' : '  [quote not found in extracted text]'}\n    "${m.quote}"`);
  out(`\nFalse positives (${falsePositives.length}):`);
  for (const f of falsePositives) out(`  ${f.article}  ${f.claimId}  score ${f.score}\n    "${f.text.replace(/\s+/g, ' ')}"`);

  const t = totals(evaluations);
  out(`\nOverall: recall ${t.found}/${t.required} = ${pct(t.recall)}, worst article recall ${pct(t.worstArticleRecall)}, precision ${t.correct}/${t.highlights} = ${pct(t.precision)}`);
  const failures: string[] = [];
  if (minRecall !== undefined && t.recall < minRecall) failures.push(`recall ${pct(t.recall)} < ${pct(minRecall)}`);
  if (minArticleRecall !== undefined && t.worstArticleRecall < minArticleRecall) failures.push(`worst article recall ${pct(t.worstArticleRecall)} < ${pct(minArticleRecall)}`);
  if (minPrecision !== undefined && t.precision < minPrecision) failures.push(`precision ${pct(t.precision)} < ${pct(minPrecision)}`);
  if (failures.length) {
    out(`FAIL: ${failures.join('; ')}`);
    return 1;
  }
  out('PASS');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof InputError ? 2 : 1);
  },
);
