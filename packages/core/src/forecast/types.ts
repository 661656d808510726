/**
 * Forecasting models of {@link forecast}:
 * - `'auto'`: keeps the season lengths the data support (M4 seasonality test), then picks by
 *   rolling-origin validation among a seasonal naive per season and MSTL + Theta on the log scale
 *   (naive, Theta and ETS when there is no season). OWA 0.465 on M4 Hourly.
 * - `'ets'`: automatic ETS (R `forecast::ets`), seasonal with the shortest season if at most 24.
 * - `'theta'`: the M4 Theta benchmark (classic Theta on the M4-deseasonalised series).
 * - `'seasonal-naive'`: the last cycle of the longest season that fits, repeated.
 * - `'naive2'`: M4's Naive2 (naive on the M4-deseasonalised series).
 * - `'mstl-ets'`: MSTL with every season length, non-seasonal ETS on the adjusted series and each
 *   seasonal component carried forward by seasonal naive (R `stlf`/`forecast.mstl`).
 * - `'ensemble'`: step-wise median of a seasonal naive per season, MSTL + ETS and MSTL + Theta on
 *   the log scale (naive, Theta and ETS when there is no season).
 */
export type ForecastModelName = 'auto' | 'ets' | 'theta' | 'seasonal-naive' | 'naive2' | 'mstl-ets' | 'ensemble';

/** Options of {@link forecast}. */
export interface ForecastOptions {
  /** Steps to forecast, an integer ≥ 1. */
  horizon: number;
  /**
   * Observations per seasonal cycle, e.g. `[24, 168]` for hourly data with daily and weekly cycles,
   * `[7]` for daily data. Other models use them as given; `'auto'` treats them as candidates and
   * keeps those the data support (the M4 seasonality test). Default: from `interval`, else `[]`
   * (no season).
   */
  seasonLengths?: number[];
  /** Shorthand for `seasonLengths: [seasonLength]`. Ignored when `seasonLengths` is given. */
  seasonLength?: number;
  /**
   * Spacing of the observations, used only when neither `seasonLengths` nor `seasonLength` is
   * given: `'hour'` → [24, 168], `'day'` → [7, 365], `'week'` → [52], `'month'` → [12]. The
   * multi-season models (`'auto'`, `'mstl-ets'`, `'ensemble'`) get them all (auto keeps those the
   * data support); the others get the first.
   */
  interval?: 'hour' | 'day' | 'week' | 'month';
  /** Prediction interval level in percent, in (0, 100). Default 95. */
  level?: number;
  /** Several levels at once; `level` (the headline `lower`/`upper`) is the first. Default `[level]`. */
  levels?: number[];
  /** Model; default `'auto'`. */
  model?: ForecastModelName;
  /** Uniform random source in [0, 1) for simulated intervals (multiplicative ETS). Default: a fixed-seed generator. */
  random?: () => number;
  /**
   * Rolling origins (each `horizon` apart) whose errors calibrate the intervals of models without
   * analytic ones and, for `'auto'`, choose the model. Default 3.
   */
  calibrationOrigins?: number;
}

/** A prediction interval at one level. */
export interface PredictionInterval {
  /** Level in percent, e.g. 95. */
  level: number;
  lower: number[];
  upper: number[];
}

/** How a forecast's intervals were made. */
export type IntervalMethod = 'analytic' | 'simulated' | 'backtest-quantiles' | 'residual-random-walk';

/** A fitted model as {@link forecast} reports it. */
export interface ForecastModel {
  /** Model name, e.g. `'mstl-ets'` or `'ETS(M,Ad,N)'`. */
  name: string;
  /** Season lengths the model used (after `'auto'` chose them). */
  seasonLengths: number[];
  /** Fitted parameters and choices; JSON-serialisable. */
  parameters: Record<string, unknown>;
  intervalMethod: IntervalMethod;
}

/** Result of {@link forecast}. */
export interface ForecastResult {
  /** Point forecasts for steps 1 … horizon. */
  mean: number[];
  /** Bounds of the prediction interval at `level`. */
  lower: number[];
  upper: number[];
  level: number;
  /** Every requested level, `level` first. */
  intervals: PredictionInterval[];
  model: ForecastModel;
  /** In-sample one-step-ahead fits, aligned with the input; `null` where the model has none (the first season of seasonal naive). */
  fitted: (number | null)[];
  /** values − fitted; `null` where `fitted` is. */
  residuals: (number | null)[];
}
