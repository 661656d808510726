import { admissibilityWorkspaceSize, DEFAULT_BOUNDS, parametersAllowed, type EstimatedParameters } from './admissibility.js';
import { buildFit } from './fit-from-parameters.js';
import type { EtsKernelModel } from './kernel.js';
import { etsLikelihood } from './likelihood.js';
import { kernelModelOf } from './recursions.js';
import { nelderMead } from './nelder-mead.js';
import { startingParameters, startingStates } from './start-values.js';
import type { EtsComponents, EtsFit, EtsFitOptions } from './types.js';

/**
 * Estimates one ETS model by maximum likelihood: R's starting values, then Nelder–Mead over the
 * smoothing parameters and the free initial states together, with parameters outside the
 * allowed region scored as infinite. Returns null when R would give up on the model (too many
 * parameters for the data, or no finite likelihood at the start). Port of R's `etsmodel`.
 *
 * @example
 * estimateEts(values, { error: 'A', trend: 'N', season: 'N', damped: false }, 1, {})?.model; // 'ANN'
 */
export function estimateEts(
  y: readonly number[],
  components: EtsComponents,
  m: number,
  options: EtsFitOptions,
): EtsFit | null {
  const seasonal = components.season !== 'N';
  const period = seasonal ? m : 1;
  const bounds = DEFAULT_BOUNDS;
  const kind = options.bounds ?? 'both';
  const smoothing = startingParameters(components, period, bounds);
  const states = startingStates(y, components, period);
  const start = Float64Array.from([...smoothing, ...states]);
  if (start.length >= y.length - 1) return null;

  const estimated: EstimatedParameters = { beta: components.trend !== 'N', gamma: seasonal, phi: components.damped };
  const model: EtsKernelModel = kernelModelOf(components, period, { alpha: 0, beta: 0, gamma: 0, phi: 1 });
  const nSmoothing = smoothing.length;
  const nStates = states.length;
  const fullStates = new Float64Array(nStates + (seasonal ? 1 : 0));
  const seasonBuffer = new Float64Array(period);
  const workspace = new Float64Array(admissibilityWorkspaceSize(period));
  const firstSeasonal = components.trend === 'N' ? 1 : 2;
  const series = Float64Array.from(y);
  const objective = (point: Float64Array): number => {
    let j = 0;
    model.alpha = point[j++] as number;
    if (estimated.beta) model.beta = point[j++] as number;
    if (estimated.gamma) model.gamma = point[j++] as number;
    if (estimated.phi) model.phi = point[j++] as number;
    if (!parametersAllowed(model, estimated, bounds, kind, workspace)) return Infinity;
    let seasonalSum = 0;
    for (let k = 0; k < nStates; k += 1) {
      const value = point[nSmoothing + k] as number;
      fullStates[k] = value;
      if (k >= firstSeasonal) seasonalSum += value;
    }
    if (seasonal) {
      // The last seasonal state is implied: indices sum to 0 (additive) or m (multiplicative).
      fullStates[nStates] = (components.season === 'M' ? period : 0) - seasonalSum;
      if (components.season === 'M') {
        for (let k = firstSeasonal; k <= nStates; k += 1) if ((fullStates[k] as number) < 0) return Infinity;
      }
    }
    const lik = etsLikelihood(series, model, fullStates, seasonBuffer);
    if (Number.isNaN(lik)) return Infinity;
    return lik < -1e10 ? -1e10 : lik;
  };
  if (!Number.isFinite(objective(start))) return null;
  const optimum = nelderMead(objective, start, { maxIterations: options.maxIterations ?? 2000 });
  const point = optimum.point;
  let j = 0;
  const alpha = point[j++] as number;
  const beta = estimated.beta ? (point[j++] as number) : null;
  const gamma = estimated.gamma ? (point[j++] as number) : null;
  const phi = estimated.phi ? (point[j++] as number) : null;
  const initial = Array.from(point.subarray(nSmoothing));
  if (seasonal) {
    const sum = initial.slice(firstSeasonal).reduce((a, b) => a + b, 0);
    initial.push((components.season === 'M' ? period : 0) - sum);
  }
  return buildFit(y, components, period, { alpha, beta, gamma, phi }, initial);
}
