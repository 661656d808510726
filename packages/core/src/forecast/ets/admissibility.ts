import type { EtsKernelModel } from './kernel.js';

/** Lower and upper bounds of alpha, beta, gamma, phi (R's `lower`, `upper`). */
export interface EtsParameterBounds {
  lower: readonly [number, number, number, number];
  upper: readonly [number, number, number, number];
}

/** R's defaults: smoothing parameters in [1e-4, 0.9999], phi in [0.8, 0.98]. */
export const DEFAULT_BOUNDS: EtsParameterBounds = { lower: [1e-4, 1e-4, 1e-4, 0.8], upper: [0.9999, 0.9999, 0.9999, 0.98] };

/** Which smoothing parameters the model estimates. */
export interface EstimatedParameters {
  beta: boolean;
  gamma: boolean;
  phi: boolean;
}

/**
 * True when the smoothing parameters lie in the allowed region: the usual box (with beta ≤ alpha
 * and gamma ≤ 1 − alpha), the admissible (forecastable) region, or both.
 * Port of `check_params` in R forecast src/etsTargetFunction.cpp.
 *
 * @example
 * parametersAllowed({ error: 1, trend: 0, season: 0, m: 1, alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
 *   { beta: false, gamma: false, phi: false }, DEFAULT_BOUNDS, 'both'); // true
 */
export function parametersAllowed(
  model: EtsKernelModel,
  estimated: EstimatedParameters,
  bounds: EtsParameterBounds,
  kind: 'both' | 'usual' | 'admissible',
  workspace?: Float64Array,
): boolean {
  const { alpha, beta, gamma, phi } = model;
  const { lower, upper } = bounds;
  if (kind !== 'admissible') {
    if (alpha < lower[0] || alpha > upper[0]) return false;
    if (estimated.beta && (beta < lower[1] || beta > alpha || beta > upper[1])) return false;
    if (estimated.phi && (phi < lower[3] || phi > upper[3])) return false;
    if (estimated.gamma && (gamma < lower[2] || gamma > 1 - alpha || gamma > upper[2])) return false;
  }
  if (kind !== 'usual') return admissible(model, estimated, workspace);
  return true;
}

/**
 * The admissible region of Hyndman, Akram & Archibald (2008), as R's `admissible()`: simple
 * bounds for non-seasonal models, and for seasonal ones the roots of the characteristic
 * polynomial inside the unit circle (R uses polyroot; we use the Schur–Cohn test, same region).
 */
function admissible(model: EtsKernelModel, estimated: EstimatedParameters, workspace?: Float64Array): boolean {
  const { alpha, gamma, phi, m } = model;
  const beta = estimated.beta ? model.beta : 0;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (!estimated.gamma) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (estimated.beta && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (m <= 1) return true;
  const d = 1 - 1 / phi - alpha;
  if (gamma < Math.max(d, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // P(z) = z^(m+1) + (α+β−φ) z^m + (α+β−αφ) z^(m−1..2) + (α+β−αφ+γ−1) z + φ(1−α−γ); the buffer
  // holds its coefficients lowest degree first, as the Schur–Cohn reduction reads them.
  const degree = m + 1;
  const buffer =
    workspace && workspace.length >= admissibilityWorkspaceSize(m) ? workspace : new Float64Array(admissibilityWorkspaceSize(m));
  buffer[degree] = 1;
  buffer[degree - 1] = alpha + beta - phi;
  for (let power = 2; power < m; power += 1) buffer[power] = alpha + beta - alpha * phi;
  buffer[1] = alpha + beta - alpha * phi + gamma - 1;
  buffer[0] = phi * (1 - alpha - gamma);
  return schurCohnWithinRadius(buffer, degree, 1 + 1e-10);
}

/** Length of the scratch array that {@link parametersAllowed} uses for season length m. */
export function admissibilityWorkspaceSize(m: number): number {
  return 2 * (m + 2);
}

/**
 * True when every root of the real polynomial (coefficients highest degree first) has modulus
 * below `radius`.
 *
 * @example
 * rootsWithinRadius(Float64Array.from([1, 0, 0.81]), 1); // true: roots ±0.9i
 */
export function rootsWithinRadius(coefficients: Float64Array, radius: number): boolean {
  const degree = coefficients.length - 1;
  const buffer = new Float64Array(2 * (degree + 1));
  for (let k = 0; k <= degree; k += 1) buffer[k] = coefficients[degree - k] as number;
  return schurCohnWithinRadius(buffer, degree, radius);
}

/**
 * Schur–Cohn–Jury test on P(radius·w), in place: `buffer[0..degree]` holds the coefficients
 * lowest degree first and `buffer[degree + 1 .. 2·degree + 1]` is scratch. O(d²), no allocation.
 */
function schurCohnWithinRadius(buffer: Float64Array, degree: number, radius: number): boolean {
  let power = 1;
  for (let k = 0; k <= degree; k += 1) {
    buffer[k] = (buffer[k] as number) * power;
    power *= radius;
  }
  let current = 0;
  let other = degree + 1;
  for (let d = degree; d > 0; d -= 1) {
    const lead = buffer[current + d] as number;
    const constant = buffer[current] as number;
    if (!(Math.abs(lead) > Math.abs(constant))) return false;
    // q(w) = (lead·p(w) − constant·p*(w)) / w has degree d − 1; rescale against under/overflow.
    let scale = 0;
    for (let k = 0; k < d; k += 1) {
      const value = lead * (buffer[current + k + 1] as number) - constant * (buffer[current + d - k - 1] as number);
      buffer[other + k] = value;
      scale = Math.max(scale, Math.abs(value));
    }
    if (!(scale > 0)) return false;
    for (let k = 0; k < d; k += 1) buffer[other + k] = (buffer[other + k] as number) / scale;
    const swap = current;
    current = other;
    other = swap;
  }
  return true;
}
