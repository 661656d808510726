import type { Logger } from '../logging/logger.js';
import type { Forecaster, ForecastModelKind, ForecastRequest } from './forecaster.js';
import type { DayWindow, TrainedModel } from './types.js';

/** Everything {@link trainModel} needs: the data, what to fit, and the injected world. */
export interface TrainingInput {
  accountId: string;
  metricId: string;
  values: number[];
  window: DayWindow;
  fingerprint: string;
  requestedModel: ForecastModelKind;
  seasonLengths: number[];
  horizon: number;
  level: number;
  forecaster: Forecaster;
  /** Rolling origins of the backtest. */
  backtestOrigins: number;
  /** Milliseconds from any origin (`performance.now` by default). */
  timer: () => number;
  trainedAt: Date;
  random?: () => number;
  logger: Logger;
}

/**
 * Fits and forecasts one series, then backtests the same settings, timing each. A backtest that
 * fails (a series too short to hold out a horizon) leaves the accuracy null instead of failing
 * the forecast: the forecast is still useful, only its drift threshold falls back to an absolute one.
 *
 * ### Examples
 * ```ts
 * const model = trainModel({ ...input, values: daily, horizon: 30, level: 95, forecaster: defaultForecaster });
 * model.trainingMs; // 183.4
 * ```
 */
export function trainModel(input: TrainingInput): Omit<TrainedModel, 'id'> {
  const request: ForecastRequest = {
    horizon: input.horizon,
    seasonLengths: input.seasonLengths,
    level: input.level,
    model: input.requestedModel,
    ...(input.random ? { random: input.random } : {}),
  };
  const started = input.timer();
  const result = input.forecaster.forecast(input.values, request);
  const trainingMs = input.timer() - started;

  let backtest: TrainedModel['backtest'] = { accuracy: null, metrics: {}, ms: null };
  const backtestStarted = input.timer();
  try {
    const outcome = input.forecaster.backtest(input.values, { ...request, origins: input.backtestOrigins });
    backtest = { accuracy: finiteOrNull(outcome.accuracy), metrics: numericFields(outcome.overall ?? {}), ms: input.timer() - backtestStarted };
  } catch (error) {
    input.logger.warn('forecast backtest failed; drift checks fall back to an absolute threshold', {
      accountId: input.accountId,
      metricId: input.metricId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return {
    accountId: input.accountId,
    metricId: input.metricId,
    requestedModel: input.requestedModel,
    name: result.model.name,
    parameters: result.model.parameters,
    seasonLengths: input.seasonLengths,
    trainingWindow: input.window,
    trainingPoints: input.values.length,
    fingerprint: input.fingerprint,
    horizon: input.horizon,
    level: input.level,
    forecast: { mean: [...result.mean], lower: [...result.lower], upper: [...result.upper] },
    trainedAt: input.trainedAt,
    trainingMs,
    backtest,
  };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The backtest's finite overall measures (WAPE, MAPE, MASE, coverage, ...): what monitoring can chart. */
function numericFields(outcome: object): Record<string, number> {
  return Object.fromEntries(Object.entries(outcome).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])));
}
