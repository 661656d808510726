import { normalCdf, normalQuantile } from './normal-distribution.js';

/** Label of a trend test's decision, in pyMannKendall's words. */
export type TrendDirection = 'increasing' | 'decreasing' | 'no trend';

/** Mann-Kendall score S = Σ_{k<j} sign(x_j − x_k) over consecutive present values. */
export function mannKendallScore(x: readonly number[]): number {
  let s = 0;
  const n = x.length;
  for (let k = 0; k < n - 1; k += 1) {
    const xk = x[k] as number;
    for (let j = k + 1; j < n; j += 1) {
      const xj = x[j] as number;
      if (xj > xk) s += 1;
      else if (xj < xk) s -= 1;
    }
  }
  return s;
}

/**
 * Var(S) under no trend with the tie correction: [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18, where t runs
 * over the sizes of groups of exactly equal values (Kendall 1975).
 */
export function mannKendallVariance(x: readonly number[]): number {
  const n = x.length;
  const sorted = Float64Array.from(x).sort();
  let ties = 0;
  let run = 1;
  for (let i = 1; i <= n; i += 1) {
    if (i < n && sorted[i] === sorted[i - 1]) {
      run += 1;
      continue;
    }
    ties += run * (run - 1) * (2 * run + 5);
    run = 1;
  }
  return (n * (n - 1) * (2 * n + 5) - ties) / 18;
}

/** Standardised score with the continuity correction: (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, 0 for S = 0. */
export function mannKendallZ(s: number, varS: number): number {
  if (s > 0) return (s - 1) / Math.sqrt(varS);
  if (s < 0) return (s + 1) / Math.sqrt(varS);
  return 0;
}

/** The decision of a two-sided normal test of z at level alpha. */
export interface TwoSidedDecision {
  p: number;
  h: boolean;
  trend: TrendDirection;
}

/**
 * Two-sided normal p-value and decision, computed exactly as pyMannKendall's `__p_value`:
 * p = 2(1 − Φ(|z|)) (so p is 0 once Φ(|z|) rounds to 1, |z| ≳ 8.3), h = |z| > Φ⁻¹(1 − α/2).
 */
export function twoSidedNormalDecision(z: number, alpha: number): TwoSidedDecision {
  const p = 2 * (1 - normalCdf(Math.abs(z)));
  const h = Math.abs(z) > normalQuantile(1 - alpha / 2);
  const trend: TrendDirection = h && z < 0 ? 'decreasing' : h && z > 0 ? 'increasing' : 'no trend';
  return { p, h, trend };
}
