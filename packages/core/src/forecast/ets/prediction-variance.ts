import { combine, kronecker, sandwich, zeros, type Matrix } from './matrix.js';
import type { EtsComponents, EtsParameters } from './types.js';

/** Forecast means and variances for h = 1..horizon. */
export interface ForecastMoments {
  mean: number[];
  variance: number[];
}

/**
 * Linear (class 1) models ANN … AAdA: mean H Fʲ x and variance σ²(1 + Σ cⱼ²), cⱼ = H Fʲ⁻¹ G.
 * Method: Hyndman et al. (2008) ch. 6, class 1; code: R forecast etsforecast.R `class1`.
 *
 * @example
 * class1Moments([10], { error: 'A', trend: 'N', season: 'N', damped: false }, 1, 2,
 *   { alpha: 0.5, beta: null, gamma: null, phi: null }, 2); // mean [10, 10], variance [2, 2.5]
 */
export function class1Moments(
  state: readonly number[],
  components: EtsComponents,
  m: number,
  sigma2: number,
  parameters: EtsParameters,
  horizon: number,
): ForecastMoments & { c: number[] } {
  const p = state.length;
  const phi = components.damped ? (parameters.phi ?? 1) : 1;
  const trend = components.trend === 'A';
  const seasonal = components.season === 'A';
  // Row vector r = H Fʲ, advanced by r ← r F without forming Fʲ.
  let r = new Array<number>(p).fill(0);
  r[0] = 1;
  if (seasonal) r[p - 1] = 1;
  if (trend) r[1] = phi;
  const g = new Array<number>(p).fill(0);
  g[0] = parameters.alpha;
  if (trend) g[1] = parameters.beta ?? 0;
  // gamma belongs to s1, the newest seasonal state. R's class1 writes it to row 3 even without a
  // trend (the second seasonal state for ANA/MNA), which shifts the seasonal term of the variance
  // by one step; we follow the model (Hyndman et al. 2008, table 6.1, c_j = α + γ·d_{j,m}).
  if (seasonal) g[trend ? 2 : 1] = parameters.gamma ?? 0;
  const mean: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < horizon; i += 1) {
    mean.push(dot(r, state));
    if (i < horizon - 1) c.push(dot(r, g));
    r = timesTransition(r, trend, seasonal, phi, m);
  }
  const variance: number[] = [];
  let cumulative = 0;
  for (let i = 0; i < horizon; i += 1) {
    variance.push(sigma2 * (1 + cumulative));
    if (i < c.length) cumulative += (c[i] as number) ** 2;
  }
  return { mean, variance, c };
}

/** r·F for the class-1 transition matrix (level, trend, seasonal shift register). */
function timesTransition(r: number[], trend: boolean, seasonal: boolean, phi: number, m: number): number[] {
  const p = r.length;
  const out = new Array<number>(p).fill(0);
  out[0] = r[0] as number;
  if (trend) out[1] = phi * (r[0] as number) + phi * (r[1] as number);
  if (seasonal) {
    const first = p - m;
    // F[first, p−1] = 1 and F[first + k, first + k − 1] = 1 for k = 1..m−1.
    out[p - 1] = r[first] as number;
    for (let k = 1; k < m; k += 1) out[first + k - 1] = r[first + k] as number;
  }
  return out;
}

/**
 * Multiplicative-error models with additive components (class 2, MNN … MAdA): same means as
 * class 1, variance (1 + σ²)θₕ − μₕ² with θ from the recursion of Hyndman et al. (2008) ch. 6.
 * Code: R forecast etsforecast.R `class2`.
 *
 * @example
 * class2Moments([10], { error: 'M', trend: 'N', season: 'N', damped: false }, 1, 0.01,
 *   { alpha: 0.5, beta: null, gamma: null, phi: null }, 1).variance; // [1]
 */
export function class2Moments(
  state: readonly number[],
  components: EtsComponents,
  m: number,
  sigma2: number,
  parameters: EtsParameters,
  horizon: number,
): ForecastMoments {
  const { mean, c } = class1Moments(state, components, m, sigma2, parameters, horizon);
  const theta: number[] = [];
  for (let j = 0; j < horizon; j += 1) {
    let sum = 0;
    for (let k = 0; k < j; k += 1) sum += (c[k] as number) ** 2 * (theta[j - 1 - k] as number);
    theta.push((mean[j] as number) ** 2 + sigma2 * sum);
  }
  return { mean, variance: theta.map((t, j) => (1 + sigma2) * t - (mean[j] as number) ** 2) };
}

/**
 * Multiplicative seasonal models with multiplicative errors and no multiplicative trend
 * (class 3: MNM, MAM, MAdM), by the Kronecker-product moment recursions of Hyndman et al. (2008)
 * ch. 6. Code: R forecast etsforecast.R `class3` (including its mean, which for damped trends
 * uses l + b rather than l + φb at h = 1).
 *
 * @example
 * class3Moments([10, 1.2, 0.8], { error: 'M', trend: 'N', season: 'M', damped: false }, 2, 0.01,
 *   { alpha: 0.3, beta: null, gamma: 0.1, phi: null }, 2).mean; // [8, 12]
 */
export function class3Moments(
  state: readonly number[],
  components: EtsComponents,
  m: number,
  sigma2: number,
  parameters: EtsParameters,
  horizon: number,
): ForecastMoments {
  const p = state.length;
  const trend = components.trend !== 'N';
  const alpha = parameters.alpha;
  const beta = parameters.beta ?? 0;
  const phi = components.damped ? (parameters.phi ?? 1) : 1;
  const h1: Matrix = [trend ? [1, 1] : [1]];
  const h2: Matrix = [[...new Array<number>(m - 1).fill(0), 1]];
  const f1: Matrix = trend ? [[1, 1], [0, phi]] : [[1]];
  const g1: Matrix = trend ? [[alpha, alpha], [beta, beta]] : [[alpha]];
  const f2: Matrix = zeros(m, m);
  (f2[0] as number[])[m - 1] = 1;
  for (let i = 1; i < m; i += 1) (f2[i] as number[])[i - 1] = 1;
  const g2: Matrix = zeros(m, m);
  (g2[0] as number[])[m - 1] = parameters.gamma ?? 0;
  const levelPart = state.slice(0, p - m);
  const seasonPart = state.slice(p - m);
  let mh: Matrix = levelPart.map((a) => seasonPart.map((s) => a * s));
  let vh: Matrix = zeros(mh.length * m, mh.length * m);
  const h21 = kronecker(h2, h1);
  const f21 = kronecker(f2, f1);
  const g21 = kronecker(g2, g1);
  const k = combine([
    [1, kronecker(g2, f1)],
    [1, kronecker(f2, g1)],
  ]);
  const mean: number[] = [];
  const variance: number[] = [];
  for (let i = 0; i < horizon; i += 1) {
    const mu = (sandwich(h1, mh, h2)[0] as number[])[0] as number;
    mean.push(mu);
    variance.push((1 + sigma2) * ((sandwich(h21, vh, h21)[0] as number[])[0] as number) + sigma2 * mu * mu);
    // vec(Mh) is column-major, as R's c(Mh).
    const vec: number[] = [];
    for (let col = 0; col < m; col += 1) for (const row of mh) vec.push(row[col] as number);
    const outer: Matrix = vec.map((a) => vec.map((b) => a * b));
    vh = combine([
      [1, sandwich(f21, vh, f21)],
      [sigma2, sandwich(f21, vh, g21)],
      [sigma2, sandwich(g21, vh, f21)],
      [sigma2, sandwich(k, combine([[1, vh], [1, outer]]), k)],
      [sigma2 * sigma2, sandwich(g21, combine([[3, vh], [2, outer]]), g21)],
    ]);
    mh = combine([
      [1, sandwich(f1, mh, f2)],
      [sigma2, sandwich(g1, mh, g2)],
    ]);
  }
  return { mean, variance };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

