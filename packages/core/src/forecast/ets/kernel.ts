// The inner loop of every ETS fit, written once for speed: the optimiser calls it thousands of
// times per model, so it works on plain numbers and typed arrays and allocates nothing.

/** Component codes as in R's etscalc.c. */
export const NONE = 0;
export const ADD = 1;
export const MULT = 2;

const TOL = 1e-10;
const HUGEN = 1e10;

/** The numeric form of a model that the kernel runs. */
export interface EtsKernelModel {
  error: number;
  trend: number;
  season: number;
  /** Season length; 1 when the model has no season. */
  m: number;
  alpha: number;
  /** 0 when the model has no trend. */
  beta: number;
  /** 0 when the model has no season. */
  gamma: number;
  /** 1 when the model is not damped. */
  phi: number;
}

/** Buffers the kernel fills when the caller wants more than the likelihood. */
export interface EtsKernelRecording {
  fitted: Float64Array;
  residuals: Float64Array;
  /** (n + 1) × nstates, row-major, in R's column order. */
  states: Float64Array;
}

/** What the kernel returns: R's `lik` (−2·loglik) and the one-step mean squared error. */
export interface EtsKernelResult {
  lik: number;
  mse: number;
}

/**
 * Runs the ETS recursions over `y` from `init` and returns R's concentrated `lik`
 * (n·log Σe², plus 2·Σlog|ŷ| for multiplicative errors); NaN when a forecast is undefined.
 * Port of `etscalc_internal` (R forecast, src/etscalc.c); `season` is a scratch array of length ≥ m.
 *
 * @example
 * // ANN with alpha 0.5 from level 1: fitted 1, 1.5; residuals 1, 0.5.
 * etsKernel(new Float64Array([2, 2]), { error: 1, trend: 0, season: 0, m: 1, alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
 *   new Float64Array([1]), new Float64Array(1), null);
 */
export function etsKernel(
  y: Float64Array,
  model: EtsKernelModel,
  init: Float64Array,
  season: Float64Array,
  recording: EtsKernelRecording | null,
): EtsKernelResult {
  const { error, trend, alpha, gamma, phi } = model;
  const m = model.season > NONE ? model.m : 1;
  const seasonal = model.season;
  const betaRatio = trend > NONE ? model.beta / alpha : 0;
  const hasTrend = trend > NONE ? 1 : 0;
  const nstates = 1 + hasTrend + (seasonal > NONE ? m : 0);
  const dampedNone = Math.abs(phi - 1) < TOL;
  const n = y.length;

  let l = init[0] ?? NaN;
  let b = hasTrend ? (init[1] ?? NaN) : 0;
  // Circular buffer: `pointer` holds the oldest seasonal state s[t-m], R's s[m-1].
  let pointer = 0;
  if (seasonal > NONE) {
    for (let k = 0; k < m; k += 1) season[k] = init[1 + hasTrend + m - 1 - k] ?? NaN;
  }
  if (recording) writeStates(recording.states, 0, l, b, hasTrend, season, pointer, seasonal > NONE ? m : 0);

  let sumSquares = 0;
  // Σ log|ŷ| is kept as a running product, folded into a log only when it nears the limits of a
  // double: one Math.log per step would cost as much as the rest of the loop.
  let sumLogFit = 0;
  let productFit = 1;
  let sumSquaresOriginal = 0;
  for (let i = 0; i < n; i += 1) {
    const yi = y[i] as number;
    const oldl = l;
    const oldb = b;
    const olds = seasonal > NONE ? (season[pointer] as number) : 0;

    // One-step forecast and the trend part q of it.
    let q: number;
    let phib: number;
    if (trend === NONE) {
      q = oldl;
      phib = 0;
    } else if (trend === ADD) {
      phib = phi * oldb;
      q = oldl + phib;
    } else {
      if (oldb < 0) return { lik: NaN, mse: NaN };
      phib = dampedNone ? oldb : Math.pow(oldb, phi);
      q = oldl * phib;
    }
    const fit = seasonal === ADD ? q + olds : seasonal === MULT ? q * olds : q;
    if (Number.isNaN(fit)) return { lik: NaN, mse: NaN };
    const e = error === ADD ? yi - fit : (yi - fit) / fit;
    sumSquares += e * e;
    if (error === MULT) {
      productFit *= Math.abs(fit);
      if (productFit > 1e150 || productFit < 1e-150) {
        sumLogFit += Math.log(productFit);
        productFit = 1;
      }
    }
    sumSquaresOriginal += (yi - fit) * (yi - fit);
    if (recording) {
      recording.fitted[i] = fit;
      recording.residuals[i] = e;
    }

    // Level, growth and season updates (R's `update`).
    let p: number;
    if (seasonal === NONE) p = yi;
    else if (seasonal === ADD) p = yi - olds;
    else p = Math.abs(olds) < TOL ? HUGEN : yi / olds;
    l = q + alpha * (p - q);
    if (trend > NONE) {
      let r: number;
      if (trend === ADD) r = l - oldl;
      else r = Math.abs(oldl) < TOL ? HUGEN : l / oldl;
      b = phib + betaRatio * (r - phib);
    }
    if (seasonal > NONE) {
      let t: number;
      if (seasonal === ADD) t = yi - q;
      else t = Math.abs(q) < TOL ? HUGEN : yi / q;
      season[pointer] = olds + gamma * (t - olds);
      pointer = pointer + 1 === m ? 0 : pointer + 1;
    }
    if (recording) writeStates(recording.states, (i + 1) * nstates, l, b, hasTrend, season, pointer, seasonal > NONE ? m : 0);
  }
  let lik = n * Math.log(sumSquares);
  if (error === MULT) lik += 2 * (sumLogFit + Math.log(productFit));
  return { lik, mse: sumSquaresOriginal / n };
}

/** Writes one state row in R's order: level, trend, then s1 (most recent) .. sm (oldest). */
function writeStates(
  out: Float64Array,
  offset: number,
  l: number,
  b: number,
  hasTrend: number,
  season: Float64Array,
  pointer: number,
  m: number,
): void {
  out[offset] = l;
  if (hasTrend) out[offset + 1] = b;
  const base = offset + 1 + hasTrend;
  // s1 is the most recent, just before the oldest in the circular buffer.
  for (let j = 0; j < m; j += 1) out[base + j] = season[(pointer - 1 - j + 2 * m) % m] as number;
}
