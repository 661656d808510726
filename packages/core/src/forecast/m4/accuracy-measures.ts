/**
 * M4's symmetric MAPE over a horizon: mean of 200·|y − f| / (|y| + |f|), in percent.
 * A step where both are 0 counts as 0 (M4 itself would give NaN; its data never hit it).
 * Source: `smape_cal` in "Benchmarks and Evaluation.R", Mcompetitions/M4-methods.
 *
 * ### Examples
 * ```ts
 * smape([100, 200], [110, 180]); // (200·10/210 + 200·20/380) / 2 ≈ 10.025
 * ```
 */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  for (let h = 0; h < actual.length; h += 1) {
    const denominator = Math.abs(actual[h]!) + Math.abs(forecast[h]!);
    if (denominator > 0) sum += (200 * Math.abs(actual[h]! - forecast[h]!)) / denominator;
  }
  return sum / actual.length;
}

/**
 * MASE's scale: mean |x_t − x_{t−m}| over the training data (in-sample seasonal naive MAE),
 * `masep` in M4's `mase_cal`. Falls back to m = 1 when the series is shorter than m + 1.
 *
 * ### Examples
 * ```ts
 * maseScale([1, 3, 2, 4], 1); // (2 + 1 + 2) / 3
 * ```
 */
export function maseScale(insample: ArrayLike<number>, seasonLength: number): number {
  const m = insample.length > seasonLength ? Math.max(1, seasonLength) : 1;
  let sum = 0;
  for (let t = m; t < insample.length; t += 1) sum += Math.abs(insample[t]! - insample[t - m]!);
  return insample.length > m ? sum / (insample.length - m) : 0;
}

/**
 * Mean absolute scaled error of one forecast (Hyndman & Koehler 2006), scaled as M4 did by the
 * in-sample seasonal naive MAE. Source: `mase_cal` in "Benchmarks and Evaluation.R", M4-methods.
 * Returns Infinity when the training data are constant at lag m (the scale is 0), as R does.
 *
 * ### Examples
 * ```ts
 * mase([1, 3, 2, 4], [5, 5], [4, 4], 1); // 1 / (5/3) = 0.6
 * ```
 */
export function mase(insample: ArrayLike<number>, actual: ArrayLike<number>, forecast: ArrayLike<number>, seasonLength: number): number {
  let sum = 0;
  for (let h = 0; h < actual.length; h += 1) sum += Math.abs(actual[h]! - forecast[h]!);
  return sum / actual.length / maseScale(insample, seasonLength);
}

/**
 * Overall weighted average of M4: the mean of sMAPE and MASE, each relative to Naive2's, both
 * computed on the aggregate (mean over series) measures.
 *
 * ### Examples
 * ```ts
 * owa({ smape: 13.912, mase: 1.193 }, { smape: 18.383, mase: 2.395 }); // ≈ 0.627 (sNaive, M4 Hourly)
 * ```
 */
export function owa(method: { smape: number; mase: number }, naive2: { smape: number; mase: number }): number {
  return (method.smape / naive2.smape + method.mase / naive2.mase) / 2;
}

/**
 * Mean scaled interval score of M4 (Gneiting & Raftery 2007, scaled like MASE): interval width plus
 * 2/α times every miss, over the horizon, divided by the in-sample seasonal naive MAE.
 *
 * ### Examples
 * ```ts
 * msis([1, 3, 2, 4], [5], [4], [6], 1); // width 2 / scale 5/3 = 1.2
 * ```
 */
export function msis(
  insample: ArrayLike<number>,
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  seasonLength: number,
  alpha = 0.05,
): number {
  let sum = 0;
  for (let h = 0; h < actual.length; h += 1) {
    const y = actual[h]!;
    sum += upper[h]! - lower[h]!;
    if (y < lower[h]!) sum += (2 / alpha) * (lower[h]! - y);
    if (y > upper[h]!) sum += (2 / alpha) * (y - upper[h]!);
  }
  return sum / actual.length / maseScale(insample, seasonLength);
}
