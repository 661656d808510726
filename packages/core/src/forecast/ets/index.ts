// ETS exponential smoothing state-space models as R's forecast::ets fits and forecasts them
// (Hyndman, Koehler, Ord & Snyder 2008). Typical use:
//   const fit = autoEts(values, { seasonLength: 7 });            // R: ets(y) with frequency 7
//   const { mean, intervals } = forecastEts(fit, { horizon: 28 }); // R: forecast(fit, h = 28)
// Pure functions: no I/O; the only randomness (simulated intervals) comes from `random`.
export type {
  AutoEtsOptions,
  EtsAutoFit,
  EtsCandidate,
  EtsComponents,
  EtsErrorType,
  EtsFit,
  EtsFitOptions,
  EtsFixedModelOptions,
  EtsForecast,
  EtsInformationCriterion,
  EtsModel,
  EtsModelSpec,
  EtsParameters,
  EtsPredictionInterval,
  EtsSeasonType,
  EtsTrendType,
  FitEtsOptions,
  ForecastEtsOptions,
} from './types.js';
export { etsRecursions, type EtsRecursionsInput, type EtsRecursionsResult } from './recursions.js';
export { etsFitFromParameters } from './fit-from-parameters.js';
export { fitEts } from './fit-ets.js';
export { autoEts } from './auto-ets.js';
export { forecastEts } from './forecast-ets.js';
export { parseEtsModel, formatEtsModel, type EtsModelPattern } from './model-string.js';
