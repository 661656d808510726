import type { EtsParameterBounds } from './admissibility.js';
import { seasonalIndices } from './seasonal-start.js';
import type { EtsComponents } from './types.js';

/**
 * Starting smoothing parameters for the optimiser, in the order alpha, beta?, gamma?, phi?.
 * Port of `initparam` in R forecast ets.R (alpha near the lower bound, scaled down by m).
 *
 * @example
 * startingParameters({ error: 'A', trend: 'A', season: 'N', damped: true }, 1, DEFAULT_BOUNDS);
 * // ≈ [0.2, 0.02, 0.978]
 */
export function startingParameters(components: EtsComponents, m: number, bounds: EtsParameterBounds): number[] {
  const { lower, upper } = bounds;
  let alpha = lower[0] + (0.2 * (upper[0] - lower[0])) / m;
  if (alpha > 1 || alpha < 0) alpha = lower[0] + 2e-3;
  const par = [alpha];
  if (components.trend !== 'N') {
    const upperBeta = Math.min(upper[1], alpha);
    let beta = lower[1] + 0.1 * (upperBeta - lower[1]);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
    par.push(beta);
  }
  if (components.season !== 'N') {
    const upperGamma = Math.min(upper[2], 1 - alpha);
    let gamma = lower[2] + 0.05 * (upperGamma - lower[2]);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
    par.push(gamma);
  }
  if (components.damped) {
    let phi = lower[3] + 0.99 * (upper[3] - lower[3]);
    if (phi < 0 || phi > 1) phi = upper[3] - 1e-3;
    par.push(phi);
  }
  return par;
}

/**
 * Starting states: level, trend and the first m − 1 seasonal states (the last one follows from
 * normalisation). Seasonal models start from a classical decomposition; level and trend from a
 * regression on the first max(10, 2m) seasonally adjusted values. Port of R's `initstate`.
 *
 * @example
 * startingStates([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { error: 'A', trend: 'A', season: 'N', damped: false }, 1);
 * // [0, 1]
 */
export function startingStates(y: readonly number[], components: EtsComponents, m: number): number[] {
  let seasonalStates: number[] = [];
  let adjusted: number[] = [...y];
  if (components.season !== 'N') {
    const indices = seasonalIndices(y, m, components.season);
    // rev(seasonal[2:m]): s1 is the season just before the first observation.
    seasonalStates = indices.slice(1, m).reverse();
    if (components.season === 'A') {
      adjusted = y.map((value, i) => value - (indices[i] as number));
    } else {
      seasonalStates = seasonalStates.map((value) => Math.max(value, 1e-2));
      const total = seasonalStates.reduce((a, b) => a + b, 0);
      if (total > m) seasonalStates = seasonalStates.map((value) => value / (total + 1e-2 * seasonalStates.length));
      adjusted = y.map((value, i) => value / Math.max(indices[i] as number, 1e-2));
    }
  }
  const maxn = Math.min(Math.max(10, 2 * (components.season === 'N' ? 1 : m)), adjusted.length);
  const head = adjusted.slice(0, maxn);
  if (components.trend === 'N') {
    return [head.reduce((a, b) => a + b, 0) / maxn, ...seasonalStates];
  }
  const [intercept, slope] = simpleRegression(head);
  if (components.trend === 'A') {
    let l0 = intercept;
    let b0 = slope;
    // Multiplicative errors need l0 + b0 ≠ 0, so R perturbs an exact zero.
    if (Math.abs(l0 + b0) < 1e-8) {
      l0 *= 1 + 1e-3;
      b0 *= 1 - 1e-3;
    }
    return [l0, b0, ...seasonalStates];
  }
  let l0 = intercept + slope;
  if (Math.abs(l0) < 1e-8) l0 = 1e-7;
  let b0 = (intercept + 2 * slope) / l0;
  l0 /= b0;
  if (Math.abs(b0) > 1e10) b0 = Math.sign(b0) * 1e10;
  if (l0 < 1e-8 || b0 < 1e-8) {
    l0 = Math.max(adjusted[0] as number, 1e-3);
    b0 = Math.max((adjusted[1] as number) / (adjusted[0] as number), 1e-3);
  }
  return [l0, b0, ...seasonalStates];
}

/** Intercept and slope of y on 1..n (R's `lsfit(1:n, y)`). */
function simpleRegression(y: readonly number[]): [number, number] {
  const n = y.length;
  const meanT = (n + 1) / 2;
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  y.forEach((value, i) => {
    sxy += (i + 1 - meanT) * (value - meanY);
    sxx += (i + 1 - meanT) ** 2;
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  return [meanY - slope * meanT, slope];
}
