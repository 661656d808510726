import { m4SeasonalAdjustment } from './seasonal-adjustment.js';

/** A simple exponential smoothing fit; see {@link simpleExponentialSmoothing}. */
export interface SesFit {
  alpha: number;
  /** Initial level ℓ₀. */
  initialLevel: number;
  /** Final level ℓₙ: the point forecast for every horizon. */
  level: number;
  /** One-step-ahead fitted values ℓ_{t−1}. */
  fitted: number[];
  /** Sum of squared one-step errors. */
  sse: number;
}

// R ets()'s "usual" bounds for alpha.
const ALPHA_MIN = 1e-4;
const ALPHA_MAX = 0.9999;
const GRID = 24;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * SSE of SES at `alpha` with the best initial level: the one-step errors are linear in ℓ₀
 * (e_t = c_t − (1−α)^{t−1}·ℓ₀), so ℓ₀ has a closed form and only alpha needs a search.
 */
function profileSse(values: ArrayLike<number>, alpha: number): { sse: number; initialLevel: number } {
  let partial = 0; // level with ℓ₀ = 0
  let weight = 1; // (1 − α)^{t−1}, the loading of ℓ₀ on ℓ_{t−1}
  let sumCc = 0;
  let sumCb = 0;
  let sumBb = 0;
  for (let t = 0; t < values.length; t += 1) {
    const c = values[t]! - partial;
    sumCc += c * c;
    sumCb += c * weight;
    sumBb += weight * weight;
    partial = alpha * values[t]! + (1 - alpha) * partial;
    weight *= 1 - alpha;
  }
  const initialLevel = sumBb > 0 ? sumCb / sumBb : 0;
  return { sse: Math.max(0, sumCc - 2 * initialLevel * sumCb + initialLevel * initialLevel * sumBb), initialLevel };
}

/**
 * Simple exponential smoothing with alpha and ℓ₀ chosen to minimise the in-sample MSE, the criterion
 * of R forecast `ses()` (= `ets(x, "ANN", opt.crit = "mse")`), with alpha in R's bounds [1e-4, 0.9999].
 * Alpha is found by a grid then golden-section search on the profile SSE, so it can differ from R's
 * Nelder–Mead optimum in the last digits.
 *
 * ### Examples
 * ```ts
 * simpleExponentialSmoothing([10, 12, 11, 13, 12]).level; // ≈ 12
 * ```
 */
export function simpleExponentialSmoothing(values: ArrayLike<number>): SesFit {
  let bestAlpha = ALPHA_MIN;
  let bestSse = Number.POSITIVE_INFINITY;
  const grid = Array.from({ length: GRID + 1 }, (_, i) => ALPHA_MIN + ((ALPHA_MAX - ALPHA_MIN) * i) / GRID);
  for (const alpha of grid) {
    const { sse } = profileSse(values, alpha);
    if (sse < bestSse) [bestSse, bestAlpha] = [sse, alpha];
  }
  const stepSize = (ALPHA_MAX - ALPHA_MIN) / GRID;
  let low = Math.max(ALPHA_MIN, bestAlpha - stepSize);
  let high = Math.min(ALPHA_MAX, bestAlpha + stepSize);
  let left = high - GOLDEN * (high - low);
  let right = low + GOLDEN * (high - low);
  let leftSse = profileSse(values, left).sse;
  let rightSse = profileSse(values, right).sse;
  for (let iteration = 0; iteration < 40; iteration += 1) {
    if (leftSse <= rightSse) {
      [high, right, rightSse] = [right, left, leftSse];
      left = high - GOLDEN * (high - low);
      leftSse = profileSse(values, left).sse;
    } else {
      [low, left, leftSse] = [left, right, rightSse];
      right = low + GOLDEN * (high - low);
      rightSse = profileSse(values, right).sse;
    }
  }
  const refined = (low + high) / 2;
  const alpha = profileSse(values, refined).sse <= bestSse ? refined : bestAlpha;
  return sesAt(values, alpha, profileSse(values, alpha).initialLevel);
}

/** Runs SES with fixed alpha and ℓ₀ and returns the fit. */
export function sesAt(values: ArrayLike<number>, alpha: number, initialLevel: number): SesFit {
  const fitted = new Array<number>(values.length);
  let level = initialLevel;
  let sse = 0;
  for (let t = 0; t < values.length; t += 1) {
    fitted[t] = level;
    const error = values[t]! - level;
    sse += error * error;
    level += alpha * error;
  }
  return { alpha, initialLevel, level, fitted, sse };
}

/**
 * The M4 SES benchmark: {@link simpleExponentialSmoothing} on the M4-deseasonalised series,
 * reseasonalised. Source: `Benchmarks` in "Benchmarks and Evaluation.R", Mcompetitions/M4-methods.
 *
 * ### Examples
 * ```ts
 * m4SesForecast(hourlyValues, { horizon: 48, seasonLength: 24 });
 * ```
 */
export function m4SesForecast(values: ArrayLike<number>, options: { horizon: number; seasonLength: number }): number[] {
  const { adjusted, futureIndices } = m4SeasonalAdjustment(values, options);
  const { level } = simpleExponentialSmoothing(adjusted);
  return futureIndices.map((index) => level * index);
}
