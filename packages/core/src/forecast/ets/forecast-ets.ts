import { KlensError } from '../../errors/klens-error.js';
import { normalQuantile } from './normal.js';
import { etsPointForecast } from './point-forecast.js';
import { class1Moments, class2Moments, class3Moments, type ForecastMoments } from './prediction-variance.js';
import { quantileType8, simulateEtsPaths } from './simulate.js';
import type { EtsFit, EtsForecast, EtsPredictionInterval, ForecastEtsOptions } from './types.js';

/**
 * Point forecasts and prediction intervals from a fitted ETS model, as R's `forecast.ets`:
 * analytic variances for classes 1–3 (Hyndman et al. 2008, ch. 6) and, for multiplicative-trend
 * models or when `simulate` is set, type-8 quantiles of simulated paths drawn with the injected
 * `random` source (point forecasts then come from the states, as R's `pegelsfcast.C`).
 *
 * ### Examples
 * ```ts
 * const f = forecastEts(autoEts(values, { seasonLength: 7 }), { horizon: 14, levels: [80, 95] });
 * f.intervals[1].upper[13]; // upper 95% limit two weeks ahead
 * ```
 * @throws {KlensError} INVALID_PARAMETER for a horizon that is not a positive integer, a level
 *   outside (0, 100), or a multiplicative-trend model without `random`.
 */
export function forecastEts(fit: EtsFit, options: ForecastEtsOptions): EtsForecast {
  const { horizon } = options;
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new KlensError('INVALID_PARAMETER', `\`horizon\` must be a positive integer (got ${String(horizon)}).`);
  }
  const levels = [...(options.levels ?? [80, 95])].sort((a, b) => a - b);
  for (const level of levels) {
    if (!(level > 0 && level < 100)) {
      throw new KlensError('INVALID_PARAMETER', `Prediction interval levels are percentages in (0, 100) (got ${String(level)}).`);
    }
  }
  const state = fit.states[fit.states.length - 1] as number[];
  const moments = options.simulate ? null : analyticMoments(fit, state, horizon);
  if (moments) {
    return {
      mean: moments.mean,
      intervals: levels.map((level) => normalInterval(moments, level)),
      intervalMethod: 'analytic',
    };
  }
  return simulatedForecast(fit, state, horizon, levels, options);
}

/** Analytic means and variances when the model has them (R's class1/class2/class3). */
function analyticMoments(fit: EtsFit, state: number[], horizon: number): ForecastMoments | null {
  const { components, seasonLength: m, sigma2, parameters } = fit;
  const additiveParts = components.trend !== 'M' && components.season !== 'M';
  if (components.error === 'A' && additiveParts) return class1Moments(state, components, m, sigma2, parameters, horizon);
  if (components.error === 'M' && additiveParts) return class2Moments(state, components, m, sigma2, parameters, horizon);
  if (components.error === 'M' && components.season === 'M' && components.trend !== 'M') {
    return class3Moments(state, components, m, sigma2, parameters, horizon);
  }
  return null;
}

/** Normal interval mean ± z·sd, as R's forecast.ets. */
function normalInterval(moments: ForecastMoments, level: number): EtsPredictionInterval {
  const z = Math.abs(normalQuantile((100 - level) / 200));
  const margin = moments.variance.map((v) => z * Math.sqrt(v));
  return {
    level,
    lower: moments.mean.map((mu, i) => mu - (margin[i] as number)),
    upper: moments.mean.map((mu, i) => mu + (margin[i] as number)),
  };
}

/** R's `pegelsfcast.C`: point forecasts from the states, limits from type-8 quantiles of paths. */
function simulatedForecast(
  fit: EtsFit,
  state: number[],
  horizon: number,
  levels: number[],
  options: ForecastEtsOptions,
): EtsForecast {
  if (!options.random) {
    throw new KlensError(
      'INVALID_PARAMETER',
      `Simulated intervals for model ${fit.model} need \`random\` (a uniform source in [0, 1)).`,
    );
  }
  const { components, parameters } = fit;
  const phi = parameters.phi ?? 1;
  const mean = etsPointForecast(state, components, fit.seasonLength, phi, horizon);
  const paths = simulateEtsPaths({
    state,
    components,
    m: fit.seasonLength,
    alpha: parameters.alpha,
    beta: parameters.beta ?? 0,
    gamma: parameters.gamma ?? 0,
    phi,
    sigma2: fit.sigma2,
    horizon,
    paths: options.paths ?? 5000,
    random: options.random,
  });
  const sortedByStep = Array.from({ length: horizon }, (_, i) =>
    Float64Array.from(paths.map((path) => path[i] as number).filter((value) => !Number.isNaN(value))).sort(),
  );
  const intervals = levels.map((level) => ({
    level,
    lower: sortedByStep.map((sorted) => quantileType8(sorted, 0.5 - level / 200)),
    upper: sortedByStep.map((sorted) => quantileType8(sorted, 0.5 + level / 200)),
  }));
  return { mean, intervals, intervalMethod: 'simulation' as const };
}
