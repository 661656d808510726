import type { KlensDatabase } from '../database/database.js';
import { type Logger, silentLogger } from '../logging/logger.js';
import { type Clock, systemClock } from '../time/clock.js';
import { type DailyActual, recordActuals } from './actuals.js';
import { defaultForecaster } from './default-forecaster.js';
import { checkDrift } from './drift-check.js';
import type { Forecaster } from './forecaster.js';
import { dailyValues, fingerprintOf, metricHistory, trainingWindow } from './metric-history.js';
import { modelHealth } from './model-health.js';
import { insertModel, latestModel } from './model-store.js';
import { insertForecast, readForecast } from './prediction-store.js';
import { retrainReason } from './retrain-policy.js';
import type { ForecastServiceOptions, ModelRequest } from './service-options.js';
import { trainModel } from './train-model.js';
import type { DriftReport, MetricModelHealth, StoredForecast, TrainedModel } from './types.js';

/**
 * Trained forecasts of synced metrics, cached per account and metric in memory and in the database,
 * stored with their predictions, and checked against actuals as they arrive. Every query is scoped
 * to the account it is given.
 *
 * ### Examples
 * ```ts
 * const service = new ForecastService({ database, clock });
 * const stored = await service.forecastMetric({ accountId, metricId, horizon: 30 });
 * // ... days later, after a sync:
 * await service.recordActuals({ accountId, metricId });
 * const report = await service.checkDrift({ accountId, metricId }); // { accuracy: 0.88, drift: false, ... }
 * ```
 */
export class ForecastService {
  readonly #database: KlensDatabase;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #forecaster: Forecaster;
  readonly #timer: () => number;
  readonly #options: ForecastServiceOptions;
  /** Newest model per account, metric and requested model: spares a database read per request. */
  readonly #models = new Map<string, TrainedModel>();
  /** Trainings under way, so that concurrent identical requests train once. */
  readonly #training = new Map<string, Promise<TrainedModel>>();

  constructor(options: ForecastServiceOptions) {
    this.#options = options;
    this.#database = options.database;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? silentLogger;
    this.#forecaster = options.forecaster ?? defaultForecaster;
    this.#timer = options.timer ?? (() => performance.now());
  }

  /**
   * The stored model of the metric when it is still good (see {@link RetrainPolicy}), otherwise a
   * newly trained and stored one, with its training time and backtest accuracy.
   *
   * ### Examples
   * ```ts
   * const model = await service.getOrTrainModel({ accountId, metricId, model: 'ets', horizon: 30 });
   * model.trainingMs; // 212.7
   * model.backtest.accuracy; // 0.86
   * ```
   * @throws {KlensError} ACCOUNT_NOT_SYNCED, METRIC_NOT_FOUND, or INVALID_SERIES with too little history.
   */
  getOrTrainModel(request: ModelRequest): Promise<TrainedModel> {
    const key = JSON.stringify([request.accountId, request.metricId, request.model, request.horizon, request.level, request.seasonLengths]);
    const running = this.#training.get(key);
    if (running) return running;
    const training = this.#getOrTrain(request).finally(() => this.#training.delete(key));
    this.#training.set(key, training);
    return training;
  }

  async #getOrTrain(request: ModelRequest): Promise<TrainedModel> {
    const { accountId, metricId, model: requestedModel = 'auto', horizon = 30, level = 95, seasonLengths = [7] } = request;
    const history = await metricHistory(this.#database, { accountId, metricId }, this.#clock);
    const cacheKey = JSON.stringify([accountId, metricId, requestedModel]);
    const read = (window: { from: string; to: string }) => dailyValues(this.#database, { accountId, metricId, ...window }, this.#clock);
    const now = this.#clock();
    const reasonFor = async (model: TrainedModel | undefined) =>
      model
        ? retrainReason(
            model,
            { now, lastCompleteDay: history.lastCompleteDay, currentFingerprint: fingerprintOf(await read(model.trainingWindow)), horizon, level, seasonLengths },
            this.#options.retrain,
          )
        : 'no-model';
    const remembered = this.#models.get(cacheKey);
    let reason = await reasonFor(remembered);
    if (remembered && reason === null) return remembered;
    // Another process sharing the database (a queue worker) may have trained a newer model meanwhile.
    const latest = await latestModel(this.#database, { accountId, metricId, requestedModel });
    if (latest && latest.id !== remembered?.id) {
      reason = await reasonFor(latest);
      if (reason === null) {
        this.#models.set(cacheKey, latest);
        return latest;
      }
    }

    const window = trainingWindow(history, this.#options.trainingDays ?? 365);
    const values = await read(window);
    const trained = trainModel({
      accountId,
      metricId,
      values,
      window,
      fingerprint: fingerprintOf(values),
      requestedModel,
      seasonLengths,
      horizon,
      level,
      forecaster: this.#forecaster,
      backtestOrigins: this.#options.backtestOrigins ?? 3,
      timer: this.#timer,
      trainedAt: now,
      logger: this.#logger,
      ...(this.#options.random ? { random: this.#options.random } : {}),
    });
    const model = await insertModel(this.#database, trained);
    this.#models.set(cacheKey, model);
    this.#logger.info('forecast model trained', { accountId, metricId, reason, model: model.name, trainingMs: model.trainingMs, backtestAccuracy: model.backtest.accuracy });
    return model;
  }

  /**
   * Stores the first `horizon` days (default: all) of a model's forecast as a run, one row per day.
   *
   * ### Examples
   * ```ts
   * const stored = await service.storePredictions({ model, horizon: 14 }); // stored.runId === '5'
   * ```
   * @throws {KlensError} INVALID_PARAMETER when the horizon exceeds the model's, or the model is not stored in its account.
   */
  storePredictions(request: { model: TrainedModel; horizon?: number }): Promise<StoredForecast> {
    return insertForecast(this.#database, { model: request.model, horizon: request.horizon ?? request.model.horizon, createdAt: this.#clock() });
  }

  /**
   * Reads the metric's daily series, gets or trains its model, and stores a `horizon`-day forecast.
   *
   * ### Examples
   * ```ts
   * const stored = await service.forecastMetric({ accountId, metricId, horizon: 30, level: 80 });
   * stored.predictions[0]; // { date: '2026-09-01', step: 1, mean: 3960.2, lower: 3312.5, upper: 4607.9, actual: null }
   * ```
   */
  async forecastMetric(request: ModelRequest): Promise<StoredForecast> {
    const model = await this.getOrTrainModel(request);
    return this.storePredictions({ model, horizon: request.horizon ?? 30 });
  }

  /** One stored forecast of the account with its actuals so far; null when the account has no such run. */
  readForecast(query: { accountId: string; runId: string }): Promise<StoredForecast | null> {
    return readForecast(this.#database, query);
  }

  /**
   * Fills stored predictions of a metric with actuals: the given ones, or else the metric's synced
   * values for every complete day still waiting. Returns the number of prediction rows filled.
   *
   * ### Examples
   * ```ts
   * await service.recordActuals({ accountId, metricId }); // { updated: 30 }
   * await service.recordActuals({ accountId, metricId, actuals: [{ date: '2026-09-01', value: 4120 }] }); // { updated: 1 }
   * ```
   */
  recordActuals(request: { accountId: string; metricId: string; actuals?: readonly DailyActual[] }): Promise<{ updated: number }> {
    return recordActuals(this.#database, request, this.#clock);
  }

  /**
   * Measures a stored forecast (the given run, or the metric's newest run with actuals) against its
   * actuals, flags drift relative to the backtest (see {@link DriftPolicy}), and keeps the check.
   * Null when the metric has no run with actuals.
   *
   * ### Examples
   * ```ts
   * await service.checkDrift({ accountId, metricId }); // { daysObserved: 30, wape: 0.11, accuracy: 0.89, coverage: 0.93, drift: false, ... }
   * ```
   */
  async checkDrift(request: { accountId: string; metricId: string; runId?: string }): Promise<DriftReport | null> {
    const report = await checkDrift(this.#database, request, { checkedAt: this.#clock(), ...(this.#options.drift ? { policy: this.#options.drift } : {}) });
    if (report?.drift) this.#logger.warn('forecast drift', { accountId: report.accountId, metricId: report.metricId, runId: report.runId, accuracy: report.accuracy });
    return report;
  }

  /** Training time and accuracy per metric of the account, for monitoring. */
  modelHealth(accountId: string): Promise<MetricModelHealth[]> {
    return modelHealth(this.#database, accountId);
  }
}
