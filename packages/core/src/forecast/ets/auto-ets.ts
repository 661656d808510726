import { KlensError } from '../../errors/klens-error.js';
import { estimateEts } from './estimate.js';
import { buildFit } from './fit-from-parameters.js';
import { formatEtsModel, parseEtsModel } from './model-string.js';
import type {
  AutoEtsOptions,
  EtsAutoFit,
  EtsCandidate,
  EtsComponents,
  EtsFit,
  EtsInformationCriterion,
  EtsSeasonType,
  EtsTrendType,
} from './types.js';
import { assertFiniteSeries, assertSeasonLength, isRestrictedCombination, MAX_SEASON_LENGTH, needsPositiveData } from './validation.js';

/**
 * Chooses an ETS model automatically: fits every admissible combination of error, trend, damping
 * and season that R's `ets(y, model = "ZZZ")` tries and keeps the one with the smallest
 * information criterion (AICc by default). Seasons longer than 24 and series no longer than one
 * season are treated as non-seasonal, and a constant series gets simple exponential smoothing,
 * as in R.
 * Method: Hyndman, Koehler, Snyder & Grose (2002); code: R forecast ets.R.
 *
 * ### Examples
 * ```ts
 * const fit = autoEts(dailyRevenue, { seasonLength: 7 });
 * fit.model; // e.g. 'MNM'
 * ```
 * @throws {KlensError} INVALID_SERIES for non-finite values, too few observations (fewer than 7
 *   for `'ZZZ'`; R falls back to classical Holt-Winters there, which is not provided), or when no
 *   model can be fitted.
 */
export function autoEts(values: readonly number[], options: AutoEtsOptions = {}): EtsAutoFit {
  assertFiniteSeries(values);
  const m = options.seasonLength ?? 1;
  assertSeasonLength(m);
  const ic = options.ic ?? 'aicc';
  if (options.model === undefined && values.every((value) => value === values[0])) return constantSeriesFit(values, ic);
  const spec = parseEtsModel(options.model ?? 'ZZZ');
  const damping = options.damped ?? spec.damped;
  if (damping === true && spec.trend === 'N') {
    throw new KlensError('INVALID_PARAMETER', 'A damped model needs a trend; drop `damped: true` or allow a trend.');
  }
  // R's count of parameters for letters that are fixed; below npars + 5 it falls back to classical
  // Holt-Winters, which is not provided here.
  const npars = 2 + (spec.trend === 'A' || spec.trend === 'M' ? 2 : 0) + (spec.season === 'A' || spec.season === 'M' ? m : 0) +
    (damping ? 1 : 0);
  if (values.length <= npars + 4) {
    throw new KlensError(
      'INVALID_SERIES',
      `Automatic ETS needs at least ${npars + 5} observations here (got ${values.length}); use a longer history.`,
    );
  }
  const positive = values.every((value) => value > 0);
  const seasonal = m > 1 && m <= MAX_SEASON_LENGTH && values.length > m;
  if (!seasonal && (spec.season === 'A' || spec.season === 'M')) {
    throw new KlensError('INVALID_PARAMETER', `A seasonal model needs 1 < seasonLength ≤ ${MAX_SEASON_LENGTH} and more than one season of data.`);
  }
  if (spec.error === 'M' && !positive) {
    throw new KlensError('INVALID_SERIES', 'Multiplicative-error models need strictly positive data; use additive errors.');
  }
  const errors = spec.error === 'Z' ? (['A', 'M'] as const) : [spec.error];
  const trends: EtsTrendType[] =
    spec.trend === 'Z' ? (options.allowMultiplicativeTrend ? ['N', 'A', 'M'] : ['N', 'A']) : [spec.trend];
  const seasons: EtsSeasonType[] = !seasonal ? ['N'] : spec.season === 'Z' ? ['N', 'A', 'M'] : [spec.season];
  const dampedChoices = damping === null ? [true, false] : [damping];

  const candidates: EtsCandidate[] = [];
  let best: EtsFit | null = null;
  let bestIc = Infinity;
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        for (const damped of dampedChoices) {
          const components: EtsComponents = { error, trend, season, damped };
          if (trend === 'N' && damped) continue;
          if (isRestrictedCombination(components)) continue;
          if (!positive && needsPositiveData(components)) continue;
          const fit = tryEstimate(values, components, m, options);
          const value = fit ? fit[ic] : Infinity;
          candidates.push({
            model: formatEtsModel(components),
            aic: fit?.aic ?? Infinity,
            aicc: fit?.aicc ?? Infinity,
            bic: fit?.bic ?? Infinity,
            logLikelihood: fit?.logLikelihood ?? -Infinity,
          });
          if (fit && value < bestIc) {
            best = fit;
            bestIc = value;
          }
        }
      }
    }
  }
  if (!best) throw new KlensError('INVALID_SERIES', 'No ETS model could be fitted to this series; it may be too short or degenerate.');
  return { ...best, ic, candidates };
}

/**
 * R's answer for a constant series: simple exponential smoothing with alpha 0.99999 started at the
 * first value (`ses(y, alpha = 0.99999, initial = "simple")`). Its residuals are all zero, so the
 * likelihood and the criteria are infinite; the forecasts are the constant with zero-width intervals.
 */
function constantSeriesFit(values: readonly number[], ic: EtsInformationCriterion): EtsAutoFit {
  const components: EtsComponents = { error: 'A', trend: 'N', season: 'N', damped: false };
  const fit = buildFit(values, components, 1, { alpha: 0.99999, beta: null, gamma: null, phi: null }, [values[0] as number]);
  return { ...fit, ic, candidates: [] };
}

/** One candidate fit; a failure scores Infinity, as R's `try(etsmodel(...))`. */
function tryEstimate(values: readonly number[], components: EtsComponents, m: number, options: AutoEtsOptions): EtsFit | null {
  try {
    const fit = estimateEts(values, components, m, options);
    return fit && Number.isFinite(fit[options.ic ?? 'aicc']) ? fit : null;
  } catch {
    return null;
  }
}
