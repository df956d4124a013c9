import type { ClaimMatch } from '../../lib/match/match-claims';

/** One gold entry: the claim and an exact substring of the article (format of shared/eval/seeds-gold.json). */
export interface GoldEntry {
  claim: string;
  quote: string;
  required: boolean;
}

export interface ArticleEvaluation {
  article: string;
  required: number;
  found: number;
  highlights: number;
  correct: number;
  misses: Array<GoldEntry & { located: boolean }>;
  falsePositives: Array<{ claimId: string; text: string; score: number }>;
  perClaim: Map<string, { required: number; found: number; highlights: number; correct: number }>;
}

/** Finds a quote in the text exactly, else with white space folded (HTML extraction keeps source line breaks). */
export function locateQuote(text: string, quote: string): { start: number; end: number } | undefined {
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  const map: number[] = [];
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const space = /[\s\u2029]/.test(text[i]!);
    if (space && folded.endsWith(' ')) continue;
    folded += space ? ' ' : text[i];
    map.push(i);
  }
  const target = quote.replace(/\s+/g, ' ').trim();
  const at = folded.indexOf(target);
  if (at < 0) return undefined;
  return { start: map[at]!, end: map[at + target.length - 1]! + 1 };
}

/**
 * Every exact copy of a quote in the text (a sentence a page repeats: a forum reply quoting a post, a pull
 * quote), else the one `locateQuote` finds with white space folded; [] when none.
 */
export function locateQuoteCopies(text: string, quote: string): Array<{ start: number; end: number }> {
  const copies: Array<{ start: number; end: number }> = [];
  if (quote !== '') for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + quote.length)) copies.push({ start: at, end: at + quote.length });
  if (copies.length > 0) return copies;
  const folded = locateQuote(text, quote);
  return folded ? [folded] : [];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Scores one article: a required entry is found when a highlight of its claim overlaps it (any copy of
 * its quote); a highlight is correct when it overlaps any entry (required or not) of its claim.
 */
export function evaluateArticle(article: string, text: string, gold: readonly GoldEntry[], matches: readonly ClaimMatch[]): ArticleEvaluation {
  const located = gold.map((entry) => ({ entry, spans: locateQuoteCopies(text, entry.quote) }));
  const perClaim = new Map<string, { required: number; found: number; highlights: number; correct: number }>();
  const stats = (claimId: string) => {
    let entry = perClaim.get(claimId);
    if (!entry) perClaim.set(claimId, (entry = { required: 0, found: 0, highlights: 0, correct: 0 }));
    return entry;
  };
  const result: ArticleEvaluation = { article, required: 0, found: 0, highlights: matches.length, correct: 0, misses: [], falsePositives: [], perClaim };
  for (const { entry, spans } of located) {
    if (!entry.required) continue;
    result.required++;
    stats(entry.claim).required++;
    const hit = matches.some((match) => match.claimId === entry.claim && spans.some((span) => overlaps(match, span)));
    if (hit) {
      result.found++;
      stats(entry.claim).found++;
    } else result.misses.push({ ...entry, located: spans.length > 0 });
  }
  for (const match of matches) {
    stats(match.claimId).highlights++;
    const correct = located.some(({ entry, spans }) => entry.claim === match.claimId && spans.some((span) => overlaps(match, span)));
    if (correct) {
      result.correct++;
      stats(match.claimId).correct++;
    } else result.falsePositives.push({ claimId: match.claimId, text: text.slice(match.start, match.end), score: match.score });
  }
  return result;
}

export interface EvaluationTotals {
  required: number;
  found: number;
  highlights: number;
  correct: number;
  recall: number;
  precision: number;
  worstArticleRecall: number;
}

export function totals(evaluations: readonly ArticleEvaluation[]): EvaluationTotals {
  const sum = (pick: (e: ArticleEvaluation) => number) => evaluations.reduce((total, e) => total + pick(e), 0);
  const required = sum((e) => e.required);
  const found = sum((e) => e.found);
  const highlights = sum((e) => e.highlights);
  const correct = sum((e) => e.correct);
  const articleRecalls = evaluations.filter((e) => e.required > 0).map((e) => e.found / e.required);
  return {
    required,
    found,
    highlights,
    correct,
    recall: required ? found / required : 1,
    precision: highlights ? correct / highlights : 1,
    worstArticleRecall: articleRecalls.length ? Math.min(...articleRecalls) : 1,
  };
}
