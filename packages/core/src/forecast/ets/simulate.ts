import { standardNormal } from './normal.js';
import type { EtsComponents } from './types.js';

/** Inputs of {@link simulateEtsPaths}. */
export interface SimulationInput {
  state: readonly number[];
  components: EtsComponents;
  m: number;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  sigma2: number;
  horizon: number;
  paths: number;
  random: () => number;
}

/**
 * Simulates future sample paths from the last state with Gaussian errors N(0, σ²), as R's
 * `simulate.ets(fit, h, future = TRUE)` (which runs src/etscalc.c `etssimulate`).
 * Returns `paths` arrays of length `horizon`.
 *
 * @example
 * simulateEtsPaths({ ...input, paths: 2 }).length; // 2
 */
export function simulateEtsPaths(input: SimulationInput): Float64Array[] {
  const { components, m, alpha, beta, gamma, phi, horizon } = input;
  const sigma = Math.sqrt(input.sigma2);
  const hasTrend = components.trend !== 'N';
  const seasonal = components.season !== 'N';
  const period = seasonal ? m : 1;
  const out: Float64Array[] = [];
  for (let path = 0; path < input.paths; path += 1) {
    const ys = new Float64Array(horizon);
    const state = [...input.state];
    for (let i = 0; i < horizon; i += 1) {
      const f = oneStepForecast(state, components, period, phi);
      const e = sigma * standardNormal(input.random);
      const y = components.error === 'A' ? f + e : f * (1 + e);
      ys[i] = y;
      advanceState(state, components, period, alpha, beta, gamma, phi, y, hasTrend, seasonal);
    }
    out.push(ys);
  }
  return out;
}

/** R's one-step forecast from a state row; NaN for a negative multiplicative growth. */
function oneStepForecast(state: readonly number[], components: EtsComponents, m: number, phi: number): number {
  const level = state[0] as number;
  const growth = state[1] as number;
  const damping = components.damped ? phi : 1;
  let f = level;
  if (components.trend === 'A') f = level + damping * growth;
  else if (components.trend === 'M') f = growth < 0 ? NaN : level * Math.pow(growth, damping);
  const oldest = state[(components.trend === 'N' ? 1 : 2) + m - 1] as number;
  if (components.season === 'A') f += oldest;
  else if (components.season === 'M') f *= oldest;
  return f;
}

/** One step of R's `update` on a state row (level, trend, s1..sm), in place. */
function advanceState(
  state: number[],
  components: EtsComponents,
  m: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  y: number,
  hasTrend: boolean,
  seasonal: boolean,
): void {
  const oldl = state[0] as number;
  const oldb = hasTrend ? (state[1] as number) : 0;
  const seasonStart = hasTrend ? 2 : 1;
  const olds = seasonal ? (state[seasonStart + m - 1] as number) : 0;
  const damping = components.damped ? phi : 1;
  let phib = 0;
  let q = oldl;
  if (components.trend === 'A') {
    phib = damping * oldb;
    q = oldl + phib;
  } else if (components.trend === 'M') {
    phib = Math.pow(oldb, damping);
    q = oldl * phib;
  }
  let p = y;
  if (components.season === 'A') p = y - olds;
  else if (components.season === 'M') p = Math.abs(olds) < 1e-10 ? 1e10 : y / olds;
  const level = q + alpha * (p - q);
  state[0] = level;
  if (hasTrend) {
    const r = components.trend === 'A' ? level - oldl : Math.abs(oldl) < 1e-10 ? 1e10 : level / oldl;
    state[1] = phib + (beta / alpha) * (r - phib);
  }
  if (seasonal) {
    const t = components.season === 'A' ? y - q : Math.abs(q) < 1e-10 ? 1e10 : y / q;
    const newest = olds + gamma * (t - olds);
    for (let k = seasonStart + m - 1; k > seasonStart; k -= 1) state[k] = state[k - 1] as number;
    state[seasonStart] = newest;
  }
}

/**
 * Sample quantile of type 8 (median-unbiased, Hyndman & Fan 1996), R's `quantile(type = 8)`,
 * of values already sorted ascending. NaN values must be removed first.
 *
 * @example
 * quantileType8([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantileType8(sorted: ArrayLike<number>, probability: number): number {
  const n = sorted.length;
  const fuzz = 4 * Number.EPSILON;
  const position = n * probability + (probability + 1) / 3;
  const j = Math.floor(position + fuzz);
  const h = Math.abs(position - j) < fuzz ? 0 : position - j;
  const lower = sorted[Math.min(Math.max(j, 1), n) - 1] as number;
  const upper = sorted[Math.min(Math.max(j + 1, 1), n) - 1] as number;
  return h === 0 ? lower : (1 - h) * lower + h * upper;
}
