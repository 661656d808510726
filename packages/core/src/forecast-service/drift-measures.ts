import { summariseAccuracy } from '../forecast/index.js';

/** A predicted day whose actual value arrived. */
export interface ObservedDay {
  mean: number;
  lower: number;
  upper: number;
  actual: number;
}

/** Error measures of predictions against actuals. */
export interface DriftMeasures {
  daysObserved: number;
  /** Σ|actual − mean| / Σ|actual|, a fraction; null without actuals or when they sum to 0. */
  wape: number | null;
  /** Mean |actual − mean| / |actual| in percent, over the days with a non-zero actual; null when there are none. */
  mape: number | null;
  /** 1 − WAPE clamped to [0, 1], as the backtest reports its accuracy. */
  accuracy: number | null;
  /** Share of actuals inside [lower, upper]. */
  coverage: number | null;
}

/**
 * WAPE, MAPE, accuracy and interval coverage of observed days, measured by the forecasting module's
 * `summariseAccuracy` (Hyndman & Koehler 2006) so that they compare with the backtest's.
 *
 * ### Examples
 * ```ts
 * driftMeasures([{ mean: 90, lower: 80, upper: 100, actual: 100 }, { mean: 60, lower: 50, upper: 70, actual: 50 }]);
 * // { daysObserved: 2, wape: 20 / 150, mape: 15, accuracy: 1 - 20 / 150, coverage: 1 }
 * ```
 */
export function driftMeasures(days: readonly ObservedDay[]): DriftMeasures {
  if (days.length === 0) return { daysObserved: 0, wape: null, mape: null, accuracy: null, coverage: null };
  // MASE is not reported (it needs each run's training data), so the scale is left at 0.
  const summary = summariseAccuracy(days.map((day) => ({ actual: day.actual, forecast: day.mean, lower: day.lower, upper: day.upper, scale: 0 })));
  return {
    daysObserved: days.length,
    wape: summary.wape,
    mape: summary.mape,
    accuracy: summary.wape === null ? null : Math.min(1, Math.max(0, 1 - summary.wape)),
    coverage: summary.coverage,
  };
}

/** When a forecast counts as drifting. Every field has a default. */
export interface DriftPolicy {
  /** Fewer observed days than this never flag drift: a few days say little. Default 7. */
  minDays?: number;
  /** Drift when accuracy < this × the backtest's accuracy. Default 0.8. */
  relativeThreshold?: number;
  /** Drift when accuracy < this and the model has no backtest accuracy. Default 0.5. */
  absoluteThreshold?: number;
}

export const DEFAULT_DRIFT_POLICY: Readonly<Required<DriftPolicy>> = Object.freeze({ minDays: 7, relativeThreshold: 0.8, absoluteThreshold: 0.5 });

/**
 * Whether measured accuracy fell far enough below what the backtest promised to call it drift.
 *
 * ### Examples
 * ```ts
 * isDrift({ daysObserved: 30, accuracy: 0.6 }, 0.9); // true: 0.6 < 0.8 × 0.9
 * isDrift({ daysObserved: 30, accuracy: 0.85 }, 0.9); // false
 * ```
 */
export function isDrift(measures: Pick<DriftMeasures, 'daysObserved' | 'accuracy'>, backtestAccuracy: number | null, policy: DriftPolicy = {}): boolean {
  const { minDays, relativeThreshold, absoluteThreshold } = { ...DEFAULT_DRIFT_POLICY, ...policy };
  if (measures.daysObserved < minDays || measures.accuracy === null) return false;
  const threshold = backtestAccuracy === null ? absoluteThreshold : relativeThreshold * backtestAccuracy;
  return measures.accuracy < threshold;
}
