import { KlensError } from '../../errors/klens-error.js';
import { ADD, etsKernel, MULT, NONE, type EtsKernelModel } from './kernel.js';
import { etsComponents } from './model-string.js';
import type { EtsComponents, EtsModel, EtsParameters } from './types.js';

/** Input of {@link etsRecursions}: a model with known parameters and initial states. */
export interface EtsRecursionsInput {
  values: readonly number[];
  model: EtsModel;
  /** Season length (ignored for non-seasonal models). Default 1. */
  seasonLength?: number;
  parameters: EtsParameters;
  /** Level, trend (if any), then s1..sm with s1 the most recent season (R's order). */
  initialStates: readonly number[];
}

/** Output of {@link etsRecursions}. */
export interface EtsRecursionsResult {
  states: number[][];
  fitted: number[];
  residuals: number[];
  /** R's `lik`: n·log Σe² (+ 2·Σ log|ŷ| for multiplicative errors); NaN when undefined. */
  lik: number;
  /** R's log-likelihood, −lik / 2. */
  logLikelihood: number;
  /** Mean squared one-step error on the original scale (R's `mse`). */
  mse: number;
}

/**
 * Runs the ETS state-space recursions with given parameters and initial states and returns
 * states, one-step fitted values, residuals and the log-likelihood, as R's `pegelsresid.C`.
 * Method: Hyndman, Koehler, Ord & Snyder (2008), ch. 2; code: R forecast src/etscalc.c.
 *
 * ### Examples
 * ```ts
 * etsRecursions({ values: [2, 2], model: 'ANN', parameters: { alpha: 0.5, beta: null, gamma: null, phi: null },
 *   initialStates: [1] }).fitted; // [1, 1.5]
 * ```
 */
export function etsRecursions(input: EtsRecursionsInput): EtsRecursionsResult {
  const components = etsComponents(input.model);
  const m = components.season === 'N' ? 1 : (input.seasonLength ?? 1);
  const kernelModel = kernelModelOf(components, m, input.parameters);
  const nstates = stateCount(components, m);
  if (input.initialStates.length !== nstates) {
    throw new KlensError(
      'INVALID_PARAMETER',
      `Model ${input.model} with season length ${m} needs ${nstates} initial states (got ${input.initialStates.length}).`,
    );
  }
  const n = input.values.length;
  const recording = {
    fitted: new Float64Array(n),
    residuals: new Float64Array(n),
    states: new Float64Array((n + 1) * nstates),
  };
  const result = etsKernel(
    Float64Array.from(input.values),
    kernelModel,
    Float64Array.from(input.initialStates),
    new Float64Array(m),
    recording,
  );
  const states: number[][] = [];
  for (let row = 0; row <= n; row += 1) states.push(Array.from(recording.states.subarray(row * nstates, (row + 1) * nstates)));
  return {
    states,
    fitted: Array.from(recording.fitted),
    residuals: Array.from(recording.residuals),
    lik: result.lik,
    logLikelihood: -0.5 * result.lik,
    mse: result.mse,
  };
}

/** Number of state columns: level, trend if any, m seasonal states if seasonal. */
export function stateCount(components: EtsComponents, m: number): number {
  return 1 + (components.trend === 'N' ? 0 : 1) + (components.season === 'N' ? 0 : m);
}

const codes = { N: NONE, A: ADD, M: MULT } as const;

/** Numeric model for the kernel; absent parameters take R's neutral values (beta 0, gamma 0, phi 1). */
export function kernelModelOf(components: EtsComponents, m: number, parameters: EtsParameters): EtsKernelModel {
  return {
    error: codes[components.error],
    trend: codes[components.trend],
    season: codes[components.season],
    m: components.season === 'N' ? 1 : m,
    alpha: parameters.alpha,
    beta: components.trend === 'N' ? 0 : (parameters.beta ?? 0),
    gamma: components.season === 'N' ? 0 : (parameters.gamma ?? 0),
    phi: components.damped ? (parameters.phi ?? 1) : 1,
  };
}
