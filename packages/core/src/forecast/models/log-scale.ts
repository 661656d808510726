import type { ForecastingModel, ModelFit } from './model.js';

/**
 * Fits `model` to log(x) and maps everything back with exp, so that seasonal swings proportional to
 * the level (the usual shape of sales and traffic) become additive for MSTL and ETS; a Box–Cox
 * transform with λ = 0 (Box & Cox 1964). Back-transformed point forecasts are medians, which is
 * what sMAPE and MASE reward. Series with a value ≤ 0 are fitted on their own scale.
 *
 * ### Examples
 * ```ts
 * const logMstlEts = logScale(mstlEtsModel, 'log-mstl-ets');
 * ```
 */
export function logScale(model: ForecastingModel, name: string): ForecastingModel {
  return {
    minLength: (context) => model.minLength(context),
    fit(values, context): ModelFit {
      if (!values.every((value) => value > 0)) return { ...model.fit(values, context), name };
      const inner = model.fit(values.map(Math.log), context);
      const intervals = inner.intervals && {
        method: inner.intervals.method,
        intervals: inner.intervals.intervals.map((interval) => ({ level: interval.level, lower: interval.lower.map(Math.exp), upper: interval.upper.map(Math.exp) })),
      };
      return {
        name,
        parameters: { ...inner.parameters, transform: 'log' },
        mean: inner.mean.map(safeExp),
        fitted: inner.fitted.map((value) => (value === null ? null : safeExp(value))),
        ...(intervals ? { intervals } : {}),
      };
    },
  };
}

// A wild extrapolation on the log scale must not turn into Infinity.
function safeExp(value: number): number {
  return Math.exp(Math.min(value, 700));
}
