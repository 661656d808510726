/** Result of {@link classicalDecomposition}; arrays are aligned with the input. */
export interface ClassicalDecomposition {
  type: 'additive' | 'multiplicative';
  /** Centred moving average; `null` for the first and last ⌊m/2⌋ points, where it is undefined. */
  trend: (number | null)[];
  /** The seasonal figure repeated from the first observation (position t uses figure[t mod m]). */
  seasonal: number[];
  /** Seasonal index per position in the season: mean 1 (multiplicative) or 0 (additive). */
  figure: number[];
  /** What is left: x/(trend·seasonal) or x − trend − seasonal; `null` where the trend is. */
  remainder: (number | null)[];
}

/**
 * Centred moving average of order m as R `filter(x, w, sides = 2)` with R `decompose`'s weights:
 * 2×m (halves at both ends) when m is even, plain m-term average when m is odd.
 */
export function centredMovingAverage(values: ArrayLike<number>, seasonLength: number): (number | null)[] {
  const n = values.length;
  const half = Math.floor(seasonLength / 2);
  const even = seasonLength % 2 === 0;
  const trend = new Array<number | null>(n).fill(null);
  for (let t = half; t < n - half; t += 1) {
    let sum = 0;
    for (let k = -half; k <= half; k += 1) {
      const weight = even && (k === -half || k === half) ? 0.5 : 1;
      sum += weight * values[t + k]!;
    }
    trend[t] = sum / seasonLength;
  }
  return trend;
}

/**
 * Classical decomposition into trend, seasonal figure and remainder, as R `stats::decompose`:
 * the seasonal index of position i is the mean of x/trend (or x − trend) over the periods where the
 * trend exists, then normalised to mean 1 (or 0). Needs at least two full seasons.
 *
 * ### Examples
 * ```ts
 * const x = [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3];
 * classicalDecomposition(x, 3, 'additive').figure; // [-1, 0, 1]
 * ```
 *
 * @throws {RangeError} when m < 2 or the series has fewer than 2m observations.
 */
export function classicalDecomposition(
  values: ArrayLike<number>,
  seasonLength: number,
  type: 'additive' | 'multiplicative' = 'multiplicative',
): ClassicalDecomposition {
  const n = values.length;
  if (seasonLength < 2 || n < 2 * seasonLength) {
    throw new RangeError(`Classical decomposition needs m ≥ 2 and at least 2m observations (m = ${seasonLength}, n = ${n}).`);
  }
  const multiplicative = type === 'multiplicative';
  const trend = centredMovingAverage(values, seasonLength);
  const sums = new Float64Array(seasonLength);
  const counts = new Float64Array(seasonLength);
  for (let t = 0; t < n; t += 1) {
    const level = trend[t];
    if (level === null || level === undefined) continue;
    const position = t % seasonLength;
    sums[position] = sums[position]! + (multiplicative ? values[t]! / level : values[t]! - level);
    counts[position] = counts[position]! + 1;
  }
  const raw = Array.from(sums, (sum, position) => sum / counts[position]!);
  const centre = raw.reduce((total, value) => total + value, 0) / seasonLength;
  const figure = raw.map((value) => (multiplicative ? value / centre : value - centre));
  const seasonal = Array.from({ length: n }, (_, t) => figure[t % seasonLength]!);
  const remainder = trend.map((level, t) => {
    if (level === null) return null;
    return multiplicative ? values[t]! / (level * seasonal[t]!) : values[t]! - level - seasonal[t]!;
  });
  return { type, trend, seasonal, figure, remainder };
}
