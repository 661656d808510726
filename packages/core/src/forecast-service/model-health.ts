import { sql } from 'kysely';
import type { KlensDatabase } from '../database/database.js';
import type { MetricModelHealth } from './types.js';

/**
 * Training time and accuracy of every metric's forecasts in one account: the newest model, the
 * spread of training times over all models, and the newest drift check.
 *
 * ### Examples
 * ```ts
 * const [placedOrder] = await modelHealth(database, 'AbC123');
 * placedOrder.trainings; // { count: 3, meanMs: 412.5, maxMs: 530.1 }
 * placedOrder.latestCheck?.accuracy; // 0.87
 * ```
 */
export async function modelHealth(database: KlensDatabase, accountId: string): Promise<MetricModelHealth[]> {
  const db = database.kysely;
  const [latest, trainings, checks] = await Promise.all([
    db
      .selectFrom('forecast_models')
      .distinctOn('metric_id')
      .select([
        'metric_id',
        'id',
        'model_name',
        'requested_model',
        'trained_at',
        sql<string>`training_from::text`.as('training_from'),
        sql<string>`training_to::text`.as('training_to'),
        'training_ms',
        'backtest_accuracy',
      ])
      .where('account_id', '=', accountId)
      .orderBy('metric_id')
      .orderBy('trained_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('forecast_models')
      .select(({ fn }) => [
        'metric_id',
        fn.countAll<number>().as('count'),
        fn.avg<number>('training_ms').as('mean_ms'),
        fn.max('training_ms').as('max_ms'),
      ])
      .where('account_id', '=', accountId)
      .groupBy('metric_id')
      .execute(),
    db
      .selectFrom('forecast_accuracy_checks')
      .distinctOn('metric_id')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('metric_id')
      .orderBy('checked_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  return latest.map((model) => {
    const spread = trainings.find((row) => row.metric_id === model.metric_id);
    const check = checks.find((row) => row.metric_id === model.metric_id);
    return {
      metricId: model.metric_id,
      latestModel: {
        id: String(model.id),
        name: model.model_name,
        requestedModel: model.requested_model,
        trainedAt: new Date(model.trained_at),
        trainingWindow: { from: model.training_from, to: model.training_to },
        trainingMs: model.training_ms,
        backtestAccuracy: model.backtest_accuracy,
      },
      trainings: { count: Number(spread?.count ?? 0), meanMs: Number(spread?.mean_ms ?? 0), maxMs: Number(spread?.max_ms ?? 0) },
      latestCheck: check
        ? {
            runId: String(check.run_id),
            modelName: check.model_name,
            checkedAt: new Date(check.checked_at),
            daysObserved: check.days_observed,
            wape: check.wape,
            mape: check.mape,
            accuracy: check.accuracy,
            coverage: check.coverage,
            backtestAccuracy: check.backtest_accuracy,
            drift: check.drift,
          }
        : null,
    };
  });
}
