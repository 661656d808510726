/**
 * Seasonal indices of each observation for R's ETS start values: R's `decompose()` (centred
 * moving average, mean seasonal figure per position, normalised) when there are at least three
 * seasons, otherwise the detrended series from a regression on a trend and one Fourier pair.
 * Source: R forecast ets.R `initstate`, R stats `decompose`.
 *
 * @example
 * seasonalIndices([1, 3, 1, 3, 1, 3, 1, 3], 2, 'A').slice(0, 2); // [-1, 1]
 */
export function seasonalIndices(y: readonly number[], m: number, type: 'A' | 'M'): number[] {
  return y.length < 3 * m ? fourierDetrended(y, m, type) : decomposeSeasonal(y, m, type);
}

/** R's `decompose(y, type)$seasonal`. */
function decomposeSeasonal(y: readonly number[], m: number, type: 'A' | 'M'): number[] {
  const n = y.length;
  // Centred moving average: 2×m for even m, m for odd m.
  const weights = m % 2 === 0 ? [0.5, ...Array<number>(m - 1).fill(1), 0.5].map((w) => w / m) : Array<number>(m).fill(1 / m);
  const half = Math.floor(weights.length / 2);
  const figureSum = new Float64Array(m);
  const figureCount = new Float64Array(m);
  for (let i = half; i < n - (weights.length - 1 - half); i += 1) {
    let trend = 0;
    for (let j = 0; j < weights.length; j += 1) trend += (weights[j] as number) * (y[i - half + j] as number);
    const yi = y[i] as number;
    const detrended = type === 'A' ? yi - trend : yi / trend;
    figureSum[i % m] = (figureSum[i % m] as number) + detrended;
    figureCount[i % m] = (figureCount[i % m] as number) + 1;
  }
  const figure = Array.from(figureSum, (sum, k) => sum / (figureCount[k] as number));
  const mean = figure.reduce((a, b) => a + b, 0) / m;
  const normalised = figure.map((value) => (type === 'A' ? value - mean : value / mean));
  return y.map((_, i) => normalised[i % m] as number);
}

/** R's short-series path: `tslm(y ~ trend + fourier(y, 1))`, then y minus (or over) the trend line. */
function fourierDetrended(y: readonly number[], m: number, type: 'A' | 'M'): number[] {
  const n = y.length;
  const columns: ((t: number) => number)[] = [() => 1, (t) => t];
  // fourier() drops the sine column when it is identically zero (m = 2).
  if (m !== 2) columns.push((t) => Math.sin((2 * Math.PI * t) / m));
  columns.push((t) => Math.cos((2 * Math.PI * t) / m));
  const coefficients = leastSquares(
    Array.from({ length: n }, (_, i) => columns.map((column) => column(i + 1))),
    y,
  );
  const [intercept = 0, slope = 0] = coefficients;
  return y.map((value, i) => {
    const line = intercept + slope * (i + 1);
    return type === 'A' ? value - line : value / line;
  });
}

/** Ordinary least squares by the normal equations (small designs only). */
export function leastSquares(design: number[][], y: readonly number[]): number[] {
  const p = design[0]?.length ?? 0;
  const a: Float64Array[] = Array.from({ length: p }, () => new Float64Array(p + 1));
  design.forEach((row, i) => {
    for (let r = 0; r < p; r += 1) {
      const ar = a[r] as Float64Array;
      for (let c = 0; c < p; c += 1) ar[c] = (ar[c] as number) + (row[r] as number) * (row[c] as number);
      ar[p] = (ar[p] as number) + (row[r] as number) * (y[i] as number);
    }
  });
  // Gaussian elimination with partial pivoting.
  for (let col = 0; col < p; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < p; r += 1) {
      if (Math.abs((a[r] as Float64Array)[col] as number) > Math.abs((a[pivot] as Float64Array)[col] as number)) pivot = r;
    }
    const top = a[pivot] as Float64Array;
    a[pivot] = a[col] as Float64Array;
    a[col] = top;
    for (let r = col + 1; r < p; r += 1) {
      const row = a[r] as Float64Array;
      const factor = (row[col] as number) / (top[col] as number);
      for (let c = col; c <= p; c += 1) row[c] = (row[c] as number) - factor * (top[c] as number);
    }
  }
  const x = new Array<number>(p).fill(0);
  for (let r = p - 1; r >= 0; r -= 1) {
    const row = a[r] as Float64Array;
    let sum = row[p] as number;
    for (let c = r + 1; c < p; c += 1) sum -= (row[c] as number) * (x[c] as number);
    x[r] = sum / (row[r] as number);
  }
  return x;
}
