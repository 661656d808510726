import { sql } from 'kysely';
import type { KlensDatabase } from '../database/database.js';
import type { ForecastModelKind } from './forecaster.js';
import type { TrainedModel } from './types.js';

/**
 * Stores a freshly trained model and returns it with its row id.
 *
 * ### Examples
 * ```ts
 * const stored = await insertModel(database, { ...trained }); // stored.id === '1'
 * ```
 */
export async function insertModel(database: KlensDatabase, model: Omit<TrainedModel, 'id'>): Promise<TrainedModel> {
  const row = await database.kysely
    .insertInto('forecast_models')
    .values({
      account_id: model.accountId,
      metric_id: model.metricId,
      requested_model: model.requestedModel,
      model_name: model.name,
      parameters: JSON.stringify(model.parameters ?? null),
      season_lengths: model.seasonLengths,
      training_from: model.trainingWindow.from,
      training_to: model.trainingWindow.to,
      training_points: model.trainingPoints,
      data_fingerprint: model.fingerprint,
      horizon: model.horizon,
      level: model.level,
      forecast: JSON.stringify(model.forecast),
      trained_at: model.trainedAt,
      training_ms: model.trainingMs,
      backtest_ms: model.backtest.ms,
      backtest_accuracy: model.backtest.accuracy,
      backtest_metrics: JSON.stringify(model.backtest.metrics),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...model, id: String(row.id) };
}

/**
 * The newest model of an account's metric trained for `requestedModel`, or undefined.
 *
 * ### Examples
 * ```ts
 * await latestModel(database, { accountId, metricId, requestedModel: 'auto' }); // TrainedModel | undefined
 * ```
 */
export async function latestModel(
  database: KlensDatabase,
  query: { accountId: string; metricId: string; requestedModel: ForecastModelKind },
): Promise<TrainedModel | undefined> {
  const row = await selectModels(database)
    .where('account_id', '=', query.accountId)
    .where('metric_id', '=', query.metricId)
    .where('requested_model', '=', query.requestedModel)
    .orderBy('trained_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && modelFromRow(row);
}

function selectModels(database: KlensDatabase) {
  return database.kysely
    .selectFrom('forecast_models')
    .select([
      'id',
      'account_id',
      'metric_id',
      'requested_model',
      'model_name',
      'parameters',
      'season_lengths',
      sql<string>`training_from::text`.as('training_from'),
      sql<string>`training_to::text`.as('training_to'),
      'training_points',
      'data_fingerprint',
      'horizon',
      'level',
      'forecast',
      'trained_at',
      'training_ms',
      'backtest_ms',
      'backtest_accuracy',
      'backtest_metrics',
    ]);
}

type ModelRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectModels>['executeTakeFirst']>>>;

function modelFromRow(row: ModelRow): TrainedModel {
  return {
    id: String(row.id),
    accountId: row.account_id,
    metricId: row.metric_id,
    requestedModel: row.requested_model as ForecastModelKind,
    name: row.model_name,
    parameters: row.parameters,
    seasonLengths: row.season_lengths.map(Number),
    trainingWindow: { from: row.training_from, to: row.training_to },
    trainingPoints: row.training_points,
    fingerprint: row.data_fingerprint,
    horizon: row.horizon,
    level: row.level,
    forecast: row.forecast as TrainedModel['forecast'],
    trainedAt: new Date(row.trained_at),
    trainingMs: row.training_ms,
    backtest: {
      accuracy: row.backtest_accuracy,
      metrics: row.backtest_metrics as Record<string, number>,
      ms: row.backtest_ms,
    },
  };
}
