import { sql } from 'kysely';
import type { KlensDatabase } from '../database/database.js';
import { KlensError } from '../errors/klens-error.js';
import { addDays } from '../metrics/date-range.js';
import type { ForecastModelKind } from './forecaster.js';
import type { StoredForecast, TrainedModel } from './types.js';

/**
 * Stores the first `horizon` days of a model's forecast as one run with one row per predicted day.
 * The run's foreign key carries the model's account, so a model can only feed its own account.
 *
 * ### Examples
 * ```ts
 * const stored = await insertForecast(database, { model, horizon: 30, createdAt: clock() });
 * stored.predictions[0]; // { date: '2026-09-01', step: 1, mean: 5120.3, lower: 3890.1, upper: 6350.5, actual: null }
 * ```
 * @throws {KlensError} INVALID_PARAMETER when `horizon` is not a whole number from 1 to the model's horizon, or
 *   the model is not stored for its account and metric.
 */
export async function insertForecast(
  database: KlensDatabase,
  request: { model: TrainedModel; horizon: number; createdAt: Date },
): Promise<StoredForecast> {
  const { model, horizon, createdAt } = request;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > model.horizon) {
    throw new KlensError('INVALID_PARAMETER', `\`horizon\` must be a whole number of days from 1 to ${model.horizon} for this model (got ${horizon}).`);
  }
  const predictions = model.forecast.mean.slice(0, horizon).map((mean, index) => ({
    date: addDays(model.trainingWindow.to, index + 1),
    step: index + 1,
    mean,
    lower: model.forecast.lower[index]!,
    upper: model.forecast.upper[index]!,
    actual: null,
  }));
  const runId = await database.kysely.transaction().execute(async (trx) => {
    // The model must be stored in the account it claims: a model of another account is refused here.
    const owned = await trx
      .selectFrom('forecast_models')
      .select('id')
      .where('account_id', '=', model.accountId)
      .where('id', '=', model.id)
      .where('metric_id', '=', model.metricId)
      .executeTakeFirst();
    if (!owned) {
      throw new KlensError('INVALID_PARAMETER', 'This model is not stored for this account and metric: get it from getOrTrainModel first.');
    }
    const run = await trx
      .insertInto('forecast_runs')
      .values({ account_id: model.accountId, metric_id: model.metricId, model_id: model.id, horizon, level: model.level, created_at: createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('forecast_predictions')
      .values(predictions.map(({ actual: _, ...day }) => ({ ...day, account_id: model.accountId, run_id: run.id, metric_id: model.metricId })))
      .execute();
    return String(run.id);
  });
  return {
    runId,
    accountId: model.accountId,
    metricId: model.metricId,
    model: { id: model.id, name: model.name, requested: model.requestedModel, parameters: model.parameters, backtestAccuracy: model.backtest.accuracy },
    trainingWindow: model.trainingWindow,
    horizon,
    level: model.level,
    createdAt,
    predictions,
  };
}

/**
 * Reads one stored forecast of the account, with the actuals recorded so far; null when the account
 * has no run with that id (another account's runs are invisible).
 *
 * ### Examples
 * ```ts
 * const stored = await readForecast(database, { accountId, runId: '7' }); // StoredForecast | null
 * ```
 */
export async function readForecast(database: KlensDatabase, query: { accountId: string; runId: string }): Promise<StoredForecast | null> {
  if (!/^\d{1,18}$/.test(query.runId)) return null;
  const db = database.kysely;
  const run = await db
    .selectFrom('forecast_runs as r')
    .innerJoin('forecast_models as m', (join) => join.onRef('m.account_id', '=', 'r.account_id').onRef('m.id', '=', 'r.model_id'))
    .select([
      'r.id',
      'r.account_id',
      'r.metric_id',
      'r.horizon',
      'r.level',
      'r.created_at',
      'm.id as model_id',
      'm.model_name',
      'm.requested_model',
      'm.parameters',
      'm.backtest_accuracy',
      sql<string>`m.training_from::text`.as('training_from'),
      sql<string>`m.training_to::text`.as('training_to'),
    ])
    .where('r.account_id', '=', query.accountId)
    .where('r.id', '=', query.runId)
    .executeTakeFirst();
  if (!run) return null;
  const days = await db
    .selectFrom('forecast_predictions')
    .select([sql<string>`date::text`.as('date'), 'step', 'mean', 'lower', 'upper', 'actual'])
    .where('account_id', '=', query.accountId)
    .where('run_id', '=', query.runId)
    .orderBy('date')
    .execute();
  return {
    runId: String(run.id),
    accountId: run.account_id,
    metricId: run.metric_id,
    model: {
      id: String(run.model_id),
      name: run.model_name,
      requested: run.requested_model as ForecastModelKind,
      parameters: run.parameters,
      backtestAccuracy: run.backtest_accuracy,
    },
    trainingWindow: { from: run.training_from, to: run.training_to },
    horizon: run.horizon,
    level: run.level,
    createdAt: new Date(run.created_at),
    predictions: days,
  };
}

/**
 * The id of the account's newest stored forecast of a metric, or null.
 *
 * ### Examples
 * ```ts
 * await latestRunId(database, { accountId, metricId }); // '12'
 * ```
 */
export async function latestRunId(database: KlensDatabase, query: { accountId: string; metricId: string }): Promise<string | null> {
  const row = await database.kysely
    .selectFrom('forecast_runs')
    .select('id')
    .where('account_id', '=', query.accountId)
    .where('metric_id', '=', query.metricId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? String(row.id) : null;
}
