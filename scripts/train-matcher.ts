/**
 * Trains the matcher's logistic model (lib/match/data/match-model.json) on the DEVELOPMENT material of
 * the independent corpus (every `dev`, `dev-N` split: scripts/cli/independent-splits.ts), and only on it: the
 * test split is never read here.
 *   npm run train:matcher -- [--gold FILE ...] [--articles DIR] [--folds N] [--precision P] [--table] [--unit-only] [--dry-run]
 *
 * Every candidate the matcher judges (a unit and a claim whose actor or instrument the unit is about)
 * is a row: its features (lib/match/model.ts) and a label (1 when the unit overlaps a gold quote of
 * that claim, required or not). L2-regularised logistic regression by Newton's method. The
 * regularisation and the probability threshold are chosen by cross-validation over articles (each
 * fold's articles matched with a model trained on the others, scored as `npm run eval` scores): the
 * most recall at a precision of at least --precision (default 0.85). Then the model is refitted on all
 * of the split. The hand-set rule is measured on the same split for
 * comparison. Deterministic: same inputs, same file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileClaimIndex, type ClaimIndex } from '../lib/match/compile-index';
import { matchClaims, matchClaimsDetailed } from '../lib/match/match-claims';
import { FEATURE_NAMES, vetoed, type ModelFile } from '../lib/match/model';
import { evaluateArticle, locateQuote, totals, type ArticleEvaluation } from './cli/evaluate-matches';
import { developmentSplits, INDEPENDENT_CORPUS_DIR } from './cli/independent-splits';
import { loadClaimSet } from './cli/load-claims';
import { loadGold } from './cli/load-gold';
import { loadInput } from './cli/load-input';
import { fitLogistic } from './cli/logistic-regression';

/** The development material: the dev split and every earlier test split, each made development material once scored. */
const DEV_GOLDS = developmentSplits().map((split) => join(INDEPENDENT_CORPUS_DIR, split, 'gold.json'));
const MODEL_PATH = fileURLToPath(new URL('../lib/match/data/match-model.json', import.meta.url));
const LAMBDAS = [0.3, 1, 3, 10];
const THRESHOLDS = Array.from({ length: 15 }, (_, i) => 0.2 + i * 0.05);

interface Row {
  article: number;
  x: number[];
  y: number;
}

interface Article {
  name: string;
  text: string;
  entries: Awaited<ReturnType<typeof loadGold>>[number]['entries'];
}

/** The matcher's model: 30 Newton steps at most, as it was trained since the model was introduced. */
const fitModel = (rows: readonly Row[], lambda: number) => fitLogistic(rows, FEATURE_NAMES.length, lambda, { maxIterations: 30, tolerance: 1e-7 });

function modelFile(fit: { weights: number[]; bias: number }, threshold: number, extra: Record<string, unknown> = {}): ModelFile & Record<string, unknown> {
  const round = (n: number) => Math.round(n * 1e4) / 1e4;
  return {
    ...extra,
    weights: Object.fromEntries(FEATURE_NAMES.map((name, k) => [name, round(fit.weights[k]!)])),
    bias: round(fit.bias),
    threshold: round(threshold),
  };
}

function evaluate(articles: readonly Article[], index: ClaimIndex, match: (text: string) => ReturnType<typeof matchClaims>): ReturnType<typeof totals> {
  const evaluations: ArticleEvaluation[] = articles.map((a) => evaluateArticle(a.name, a.text, a.entries, match(a.text)));
  void index;
  return totals(evaluations);
}

const fBeta = (recall: number, precision: number, beta = 0.5) => (recall + precision === 0 ? 0 : ((1 + beta * beta) * precision * recall) / (beta * beta * precision + recall));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { gold: { type: 'string', multiple: true }, articles: { type: 'string' }, folds: { type: 'string' }, 'dry-run': { type: 'boolean' }, table: { type: 'boolean' }, 'unit-only': { type: 'boolean' }, precision: { type: 'string' } } });
  const goldPaths = values.gold ?? DEV_GOLDS;
  if (values.articles !== undefined && goldPaths.length > 1) throw new Error('--articles goes with a single --gold');
  if (goldPaths.some((path) => /[\\/]test[\\/]/.test(path)) || /[\\/]test[\\/]?$/.test(values.articles ?? '')) throw new Error('the test split is for the final score only: never train on it');
  const folds = Number(values.folds ?? '6');
  const withClauses = !(values['unit-only'] ?? false);
  const claimSet = await loadClaimSet();
  const index = compileClaimIndex(claimSet.claims, claimSet.version);
  const articles: Article[] = [];
  for (const goldPath of goldPaths) {
    for (const gold of await loadGold(goldPath, values.articles)) articles.push({ name: gold.name, text: (await loadInput(gold.path)).text, entries: gold.entries });
  }

  const rows: Row[] = [];
  articles.forEach((article, a) => {
    const spans = article.entries.map((entry) => ({ claim: entry.claim, span: locateQuote(article.text, entry.quote) }));
    matchClaimsDetailed(article.text, index, {
      onCandidate: (candidate) => {
        // The vetoes (lib/match/model.ts) decide these rows whatever the weights: they teach nothing.
        if (vetoed(candidate.features)) return;
        if (candidate.clause && !withClauses) return;
        const y = spans.some((s) => s.claim === candidate.claimId && s.span && s.span.start < candidate.end && candidate.start < s.span.end) ? 1 : 0;
        rows.push({ article: a, x: FEATURE_NAMES.map((name) => candidate.features[name]), y });
      },
    });
  });
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`${articles.length} articles, ${rows.length} candidates (${rows.filter((r) => r.y).length} positive)`);

  const foldOf = (a: number) => a % folds;
  const results: Array<{ lambda: number; threshold: number; recall: number; precision: number; f: number }> = [];
  for (const lambda of LAMBDAS) {
    const foldModels = Array.from({ length: folds }, (_, k) => fitModel(rows.filter((r) => foldOf(r.article) !== k), lambda));
    for (const threshold of THRESHOLDS) {
      const evaluations: ArticleEvaluation[] = articles.map((article, a) => {
        const model = modelFile(foldModels[foldOf(a)]!, threshold);
        const matches = matchClaims(article.text, index, { model, tunables: { decider: 'model', modelThreshold: threshold } });
        return evaluateArticle(article.name, article.text, article.entries, matches);
      });
      const t = totals(evaluations);
      results.push({ lambda, threshold, recall: t.recall, precision: t.precision, f: fBeta(t.recall, t.precision) });
    }
  }
  if (values.table) {
    out('\nAll settings:');
    for (const r of results) out(`${String(r.lambda).padEnd(7)} ${r.threshold.toFixed(2).padEnd(10)} ${(r.recall * 100).toFixed(1).padEnd(8)} ${(r.precision * 100).toFixed(1).padEnd(10)} ${r.f.toFixed(3)}`);
  }
  // The operating point: the most recall at a cross-validated precision of at least `target` (the
  // project's order: a wrong highlight is worse than a missing one). F0.5 breaks ties; if no setting
  // reaches the target, the best F0.5.
  const target = Number(values.precision ?? '0.85');
  const reaching = results.filter((r) => r.precision >= target);
  const order = (a: (typeof results)[number], b: (typeof results)[number]) => b.recall - a.recall || b.f - a.f;
  results.sort((a, b) => b.f - a.f);
  if (reaching.length > 0) results.splice(0, 0, ...reaching.sort(order).slice(0, 1));
  out(`\nCross-validated over articles (chosen: most recall at precision >= ${target}; then best 10 by F0.5):`);
  out('lambda  threshold  recall   precision  F0.5');
  for (const r of results.slice(0, 10)) out(`${String(r.lambda).padEnd(7)} ${r.threshold.toFixed(2).padEnd(10)} ${(r.recall * 100).toFixed(1).padEnd(8)} ${(r.precision * 100).toFixed(1).padEnd(10)} ${r.f.toFixed(3)}`);
  const chosen = results[0]!;
  const rules = evaluate(articles, index, (text) => matchClaims(text, index, { tunables: { decider: 'rules' } }));
  out(`\nHand-set rule on the same split (no training): recall ${(rules.recall * 100).toFixed(1)}%, precision ${(rules.precision * 100).toFixed(1)}%, F0.5 ${fBeta(rules.recall, rules.precision).toFixed(3)}`);

  const final = fitModel(rows, chosen.lambda);
  const file = modelFile(final, chosen.threshold, {
    _doc:
      'Logistic model over the features of lib/match/model.ts, trained by `npm run train:matcher` on the development material of tests/fixtures/independent only, never the test split. Regenerate after changing features or the claim set.',
    trainedOn: { articles: articles.length, candidates: rows.length, positives: rows.filter((r) => r.y).length, lambda: chosen.lambda },
    crossValidated: { folds, targetPrecision: target, recall: Math.round(chosen.recall * 1000) / 1000, precision: Math.round(chosen.precision * 1000) / 1000 },
  });
  out('\nWeights:');
  for (const name of FEATURE_NAMES) out(`  ${name.padEnd(14)} ${String(file.weights[name]).padStart(8)}`);
  out(`  ${'(bias)'.padEnd(14)} ${String(file.bias).padStart(8)}   threshold ${file.threshold}`);
  if (values['dry-run']) return;
  writeFileSync(MODEL_PATH, `${JSON.stringify(file, null, 2)}\n`);
  out(`\nWrote ${MODEL_PATH}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`train-matcher: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
