import type { IntervalMethod, PredictionInterval } from '../types.js';

/** What every model is fitted with. */
export interface ModelContext {
  horizon: number;
  /** Season lengths to use, ascending, each at least 2; may be empty. */
  seasonLengths: readonly number[];
  /** Interval levels wanted; empty when only point forecasts are needed (backtest fits). */
  levels: readonly number[];
  random: () => number;
}

/** A fitted model's point forecasts, in-sample fit and, when it has them, its own intervals. */
export interface ModelFit {
  name: string;
  parameters: Record<string, unknown>;
  mean: number[];
  fitted: (number | null)[];
  /** Intervals the model computes itself (ETS); otherwise intervals come from a backtest. */
  intervals?: { method: Extract<IntervalMethod, 'analytic' | 'simulated'>; intervals: PredictionInterval[] };
}

/** A forecasting model as {@link forecast} runs it. */
export interface ForecastingModel {
  /** Fewest observations the model can be fitted on, given the context. */
  minLength(context: ModelContext): number;
  fit(values: readonly number[], context: ModelContext): ModelFit;
}

/** The value each component of a seasonal naive carries forward to step h (0-based): the same position last cycle. */
export function lastCycle(component: ArrayLike<number>, period: number, step: number): number {
  return component[component.length - period + (step % period)]!;
}
