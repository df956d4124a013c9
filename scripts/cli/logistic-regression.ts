/**
 * L2-regularised logistic regression by Newton's method, for the matcher's trainers
 * (`scripts/train-matcher.ts`, `scripts/train-unit-gate.ts`). Small dense problems only (tens of
 * features, thousands of rows): each step builds and solves the full Hessian.
 */

/** One training example: its feature values (no bias term) and its label, 1 or 0. */
export interface LabelledRow {
  x: readonly number[];
  y: number;
}

export interface NewtonOptions {
  /** Newton steps at most. */
  maxIterations: number;
  /** Stop once no weight moves by more than this in a step. */
  tolerance: number;
}

/** Solves A x = b (A symmetric positive definite, small) by Gauss-Jordan elimination with partial pivoting. */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/**
 * Fits P(y = 1 | x) = sigmoid(bias + weights · x) with penalty `lambda / 2 * |weights|²` (the bias is
 * not penalised).
 * @param rows every row's `x` has `featureCount` values
 * @returns `weights` (one per feature, in the rows' order) and `bias`
 */
export function fitLogistic(rows: readonly LabelledRow[], featureCount: number, lambda: number, options: NewtonOptions): { weights: number[]; bias: number } {
  const d = featureCount + 1;
  let w = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const row of rows) {
      const x = [1, ...row.x];
      let z = 0;
      for (let k = 0; k < d; k++) z += w[k]! * x[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const s = Math.max(p * (1 - p), 1e-9);
      for (let k = 0; k < d; k++) {
        gradient[k]! += (p - row.y) * x[k]!;
        // The Hessian is symmetric: its upper triangle is summed here and mirrored below (half the work).
        const sk = s * x[k]!;
        if (sk === 0) continue;
        const line = hessian[k]!;
        for (let l = k; l < d; l++) line[l]! += sk * x[l]!;
      }
    }
    for (let k = 0; k < d; k++) for (let l = 0; l < k; l++) hessian[k]![l] = hessian[l]![k]!;
    for (let k = 1; k < d; k++) {
      gradient[k]! += lambda * w[k]!;
      hessian[k]![k]! += lambda;
    }
    const step = solve(hessian, gradient);
    w = w.map((value, k) => value - step[k]!);
    if (Math.max(...step.map(Math.abs)) < options.tolerance) break;
  }
  return { bias: w[0]!, weights: w.slice(1) };
}
