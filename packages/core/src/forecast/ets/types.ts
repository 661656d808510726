/** Error type of an ETS model: additive (`A`) or multiplicative (`M`). */
export type EtsErrorType = 'A' | 'M';
/** Trend type: none, additive or multiplicative (damping is a separate flag). */
export type EtsTrendType = 'N' | 'A' | 'M';
/** Seasonal type: none, additive or multiplicative. */
export type EtsSeasonType = 'N' | 'A' | 'M';

/**
 * A fully specified ETS model as R's `forecast::ets` writes it without the commas:
 * error, trend (with `d` when damped), season. `'ANN'` is simple exponential smoothing,
 * `'AAdN'` damped Holt, `'MAM'` multiplicative Holt-Winters.
 */
export type EtsModel = `${EtsErrorType}${'N' | 'A' | 'Ad' | 'M' | 'Md'}${EtsSeasonType}`;

/**
 * A model to search: like {@link EtsModel} but any letter may be `Z` ("choose automatically"),
 * so `'ZZZ'` is the full automatic search and `'AZN'` tries additive-error non-seasonal models.
 */
export type EtsModelSpec = EtsModel | `${EtsErrorType | 'Z'}${'N' | 'A' | 'Ad' | 'M' | 'Md' | 'Z'}${EtsSeasonType | 'Z'}`;

/** The four components of an ETS model, as R's `fit$components`. */
export interface EtsComponents {
  error: EtsErrorType;
  trend: EtsTrendType;
  season: EtsSeasonType;
  damped: boolean;
}

/**
 * Smoothing parameters on R's scale (beta is not divided by alpha; the recursions do that).
 * A parameter the model does not have is `null`.
 */
export interface EtsParameters {
  alpha: number;
  beta: number | null;
  gamma: number | null;
  phi: number | null;
}

/** Information criterion used to choose among models. */
export type EtsInformationCriterion = 'aicc' | 'aic' | 'bic';

/** A fitted ETS model: everything R's `ets` object holds that a forecast or a report needs. */
export interface EtsFit {
  /** The model string, e.g. `'MAdM'`. */
  model: EtsModel;
  components: EtsComponents;
  /** Season length used by the model (1 when it has no season). */
  seasonLength: number;
  parameters: EtsParameters;
  /** Initial states in R's order: level, trend (if any), then s1..sm with s1 the most recent season. */
  initialStates: number[];
  /** States at times 0..n (n + 1 rows), same column order as `initialStates`. */
  states: number[][];
  /** One-step-ahead fitted values. */
  fitted: number[];
  /** Additive error: y − fitted; multiplicative error: (y − fitted) / fitted. */
  residuals: number[];
  /** Sum of squared residuals divided by (n − number of estimated parameters), as R. */
  sigma2: number;
  /** R's ets log-likelihood: −0.5 · (n·log Σe² + 2·Σ log|ŷ| for multiplicative errors). */
  logLikelihood: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Mean squared one-step error on the original scale. */
  mse: number;
  /** Number of estimated quantities counted by the criteria: smoothing parameters, free initial states and sigma. */
  parameterCount: number;
  /** Number of observations. */
  n: number;
}

/** One candidate tried by {@link autoEts}, with its criteria (Infinity when it could not be fitted). */
export interface EtsCandidate {
  model: EtsModel;
  aic: number;
  aicc: number;
  bic: number;
  logLikelihood: number;
}

/** Result of the automatic search: the chosen fit plus every candidate that was tried. */
export interface EtsAutoFit extends EtsFit {
  ic: EtsInformationCriterion;
  candidates: EtsCandidate[];
}

/** Options shared by the fitting functions. */
export interface EtsFitOptions {
  /** Observations per season (7 for daily data with a weekly pattern). Default 1 (no season). */
  seasonLength?: number;
  /** Nelder-Mead iteration limit; R's default is 2000. Lower it to trade accuracy for speed. */
  maxIterations?: number;
  /** Parameter space: `'both'` (R's default), `'usual'` or `'admissible'`. */
  bounds?: 'both' | 'usual' | 'admissible';
}

/** Options of {@link fitEts}: one fully specified model. */
export interface FitEtsOptions extends EtsFitOptions {
  /** The model, e.g. `'AAdN'`. Damping is given by the `d` in the model string. */
  model: EtsModel;
}

/** Options of {@link autoEts}. */
export interface AutoEtsOptions extends EtsFitOptions {
  /** Model space to search; default `'ZZZ'`. A fixed letter restricts that component. */
  model?: EtsModelSpec;
  /** `true`/`false` forces damping on/off; `null`/undefined tries both (R's default). */
  damped?: boolean | null;
  /** Also try multiplicative trends (R's default is false). */
  allowMultiplicativeTrend?: boolean;
  /** Criterion to minimise; default `'aicc'`. */
  ic?: EtsInformationCriterion;
}

/** Options of {@link etsFitFromParameters}: R's `use.initial.values = TRUE` path. */
export interface EtsFixedModelOptions {
  model: EtsModel;
  seasonLength?: number;
  parameters: EtsParameters;
  /** Initial states in R's order (level, trend, s1..sm). */
  initialStates: readonly number[];
}

/** Options of {@link forecastEts}. */
export interface ForecastEtsOptions {
  /** Number of steps ahead (a positive integer). */
  horizon: number;
  /** Prediction interval levels in percent; default `[80, 95]`. */
  levels?: readonly number[];
  /**
   * Uniform random source in [0, 1), used only for models without analytic variance
   * (multiplicative trend). Required for those models.
   */
  random?: () => number;
  /** Simulate the intervals even when analytic ones exist (R's `simulate = TRUE`); needs `random`. */
  simulate?: boolean;
  /** Number of simulated paths when simulating; default 5000 as R. */
  paths?: number;
}

/** One prediction interval, per horizon step. */
export interface EtsPredictionInterval {
  level: number;
  lower: number[];
  upper: number[];
}

/** Point forecasts and prediction intervals. */
export interface EtsForecast {
  mean: number[];
  intervals: EtsPredictionInterval[];
  /** How the intervals were computed: analytic variance (classes 1–3) or simulated paths. */
  intervalMethod: 'analytic' | 'simulation';
}
