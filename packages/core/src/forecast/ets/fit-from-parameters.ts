import { KlensError } from '../../errors/klens-error.js';
import { etsComponents, formatEtsModel } from './model-string.js';
import { etsRecursions } from './recursions.js';
import type { EtsComponents, EtsFit, EtsFixedModelOptions, EtsParameters } from './types.js';

/**
 * Builds a complete fit from known parameters and initial states, without estimating anything
 * (R's `ets(y, model = fit, use.initial.values = TRUE)`). The criteria count every parameter as
 * estimated, so they equal those of the fit the values came from.
 *
 * ### Examples
 * ```ts
 * const fit = etsFitFromParameters([3, 4, 5], { model: 'ANN',
 *   parameters: { alpha: 0.5, beta: null, gamma: null, phi: null }, initialStates: [3] });
 * fit.fitted; // [3, 3, 3.5]
 * ```
 * @throws {KlensError} INVALID_PARAMETER when the states do not fit the model.
 */
export function etsFitFromParameters(values: readonly number[], options: EtsFixedModelOptions): EtsFit {
  const components = etsComponents(options.model);
  const m = components.season === 'N' ? 1 : (options.seasonLength ?? 1);
  if (components.season !== 'N' && m < 2) {
    throw new KlensError('INVALID_PARAMETER', `Model ${options.model} is seasonal; give a seasonLength of at least 2.`);
  }
  return buildFit(values, components, m, options.parameters, options.initialStates);
}

/** Runs the recursions once and computes sigma², log-likelihood and the criteria as R's `etsmodel`. */
export function buildFit(
  values: readonly number[],
  components: EtsComponents,
  m: number,
  parameters: EtsParameters,
  initialStates: readonly number[],
): EtsFit {
  const model = formatEtsModel(components);
  const result = etsRecursions({ values, model, seasonLength: m, parameters, initialStates });
  const n = values.length;
  // R: smoothing parameters plus the free initial states (one seasonal state follows from the others).
  const smoothing = 1 + (components.trend !== 'N' ? 1 : 0) + (components.season !== 'N' ? 1 : 0) + (components.damped ? 1 : 0);
  const freeStates = initialStates.length - (components.season !== 'N' ? 1 : 0);
  const estimated = smoothing + freeStates;
  const parameterCount = estimated + 1;
  const lik = result.lik;
  const aic = lik + 2 * parameterCount;
  const sumSquares = result.residuals.reduce((sum, e) => sum + e * e, 0);
  return {
    model,
    components,
    seasonLength: m,
    parameters: {
      alpha: parameters.alpha,
      beta: components.trend === 'N' ? null : parameters.beta,
      gamma: components.season === 'N' ? null : parameters.gamma,
      phi: components.damped ? parameters.phi : null,
    },
    initialStates: [...initialStates],
    states: result.states,
    fitted: result.fitted,
    residuals: result.residuals,
    sigma2: sumSquares / (n - estimated),
    logLikelihood: -0.5 * lik,
    aic,
    aicc: aic + (2 * parameterCount * (parameterCount + 1)) / (n - parameterCount - 1),
    bic: lik + Math.log(n) * parameterCount,
    mse: result.mse,
    parameterCount,
    n,
  };
}
