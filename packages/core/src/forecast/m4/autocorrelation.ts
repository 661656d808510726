/**
 * Number of lags R's `acf()` computes by default for one series: floor(10·log10(n)), at most n − 1.
 *
 * ### Examples
 * ```ts
 * defaultAcfLags(700); // 28
 * ```
 */
export function defaultAcfLags(length: number): number {
  if (length < 2) return 0;
  return Math.min(length - 1, Math.floor(10 * Math.log10(length)));
}

/**
 * Sample autocorrelations r_1 … r_maxLag as R `acf(x, plot = FALSE)` computes them: the mean is
 * removed and every lag is divided by the lag-0 sum (Box & Jenkins' biased estimator).
 * Element k − 1 of the result is r_k. A constant series has no defined correlation; it gets zeros.
 *
 * ### Examples
 * ```ts
 * autocorrelation([1, 2, 3, 4, 5], 2); // [0.4, -0.1]
 * ```
 */
export function autocorrelation(values: ArrayLike<number>, maxLag = defaultAcfLags(values.length)): number[] {
  const n = values.length;
  let mean = 0;
  for (let t = 0; t < n; t += 1) mean += values[t]!;
  mean /= n;
  const centred = new Float64Array(n);
  let denominator = 0;
  for (let t = 0; t < n; t += 1) {
    const deviation = values[t]! - mean;
    centred[t] = deviation;
    denominator += deviation * deviation;
  }
  const lags = Math.max(0, Math.min(maxLag, n - 1));
  const result = new Array<number>(lags).fill(0);
  if (denominator === 0) return result;
  for (let k = 1; k <= lags; k += 1) {
    let sum = 0;
    for (let t = 0; t + k < n; t += 1) sum += centred[t]! * centred[t + k]!;
    result[k - 1] = sum / denominator;
  }
  return result;
}
