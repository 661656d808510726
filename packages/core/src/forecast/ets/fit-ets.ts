import { KlensError } from '../../errors/klens-error.js';
import { estimateEts } from './estimate.js';
import { etsComponents } from './model-string.js';
import type { EtsFit, FitEtsOptions } from './types.js';
import { assertFiniteSeries, assertSeasonLength, isRestrictedCombination, MAX_SEASON_LENGTH, needsPositiveData } from './validation.js';

/**
 * Fits one ETS model by maximum likelihood, as R's `ets(y, model = "AAdN")` with bounds "both".
 * Method: Hyndman, Koehler, Ord & Snyder (2008); code: R forecast ets.R / etsTargetFunction.cpp.
 *
 * ### Examples
 * ```ts
 * const fit = fitEts(oil, { model: 'AAdN' }); // fpp2 `oil`, 1965–2013
 * fit.parameters.phi; // 0.8000 (R: 0.80000197)
 * ```
 * @throws {KlensError} INVALID_SERIES for non-finite values, non-positive data with a
 *   multiplicative component, or too few observations for the model's parameters.
 * @throws {KlensError} INVALID_PARAMETER for a forbidden model (e.g. `'ANM'`) or a season length
 *   that does not suit the model.
 */
export function fitEts(values: readonly number[], options: FitEtsOptions): EtsFit {
  assertFiniteSeries(values);
  const components = etsComponents(options.model);
  const m = options.seasonLength ?? 1;
  assertSeasonLength(m);
  if (isRestrictedCombination(components)) {
    throw new KlensError('INVALID_PARAMETER', `Model ${options.model} is not allowed (infinite forecast variance); R's ets forbids it too.`);
  }
  if (components.season !== 'N') {
    if (m === 1) throw new KlensError('INVALID_PARAMETER', `Model ${options.model} is seasonal but the data have seasonLength 1.`);
    if (m > MAX_SEASON_LENGTH) {
      throw new KlensError(
        'INVALID_PARAMETER',
        `ETS handles seasons of at most ${MAX_SEASON_LENGTH} periods (got ${m}); deseasonalise first (e.g. with MSTL).`,
      );
    }
  }
  if (needsPositiveData(components) && values.some((value) => value <= 0)) {
    throw new KlensError('INVALID_SERIES', `Model ${options.model} is multiplicative and needs strictly positive data; use an additive model.`);
  }
  const required = minimumLength(components.trend !== 'N', components.season !== 'N' ? m : 0, components.damped);
  if (values.length < required) {
    throw new KlensError(
      'INVALID_SERIES',
      `Model ${options.model} needs at least ${required} observations (got ${values.length}); use a simpler model or a longer history.`,
    );
  }
  const fit = estimateEts(values, components, m, options);
  if (!fit) {
    throw new KlensError('INVALID_SERIES', `Model ${options.model} could not be estimated on this series; try a simpler model.`);
  }
  return fit;
}

/**
 * Fewest observations R's ets fits by likelihood: more than npars + 4 (R falls back to classical
 * Holt-Winters below that, which we do not provide), and a seasonal model needs more than m values.
 */
export function minimumLength(trend: boolean, m: number, damped: boolean): number {
  const npars = 2 + (trend ? 2 : 0) + m + (damped ? 1 : 0);
  return Math.max(npars + 5, m + 1);
}
