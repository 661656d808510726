import type { KlensDatabase } from '../database/database.js';
import { insertAccuracyCheck } from './accuracy-checks.js';
import { type DriftPolicy, driftMeasures, isDrift } from './drift-measures.js';
import { readForecast } from './prediction-store.js';
import type { DriftReport } from './types.js';

/**
 * Measures a stored forecast (the given run, or the metric's newest run with actuals) against its
 * actuals, flags drift relative to the model's backtest accuracy, and keeps the check when any
 * actual was observed. Null when the account has no such run of that metric.
 *
 * ### Examples
 * ```ts
 * await checkDrift(database, { accountId, metricId }, { checkedAt: clock() });
 * // { daysObserved: 30, wape: 0.11, accuracy: 0.89, coverage: 0.93, backtestAccuracy: 0.84, drift: false, ... }
 * ```
 */
export async function checkDrift(
  database: KlensDatabase,
  request: { accountId: string; metricId: string; runId?: string },
  options: { checkedAt: Date; policy?: DriftPolicy },
): Promise<DriftReport | null> {
  const { accountId, metricId } = request;
  const runId = request.runId ?? (await latestObservedRunId(database, { accountId, metricId }));
  const run = runId ? await observedRun(database, { accountId, runId }) : null;
  if (!runId || !run || run.metricId !== metricId) return null;
  const measures = driftMeasures(run.days);
  const report: DriftReport = {
    runId,
    accountId,
    metricId,
    modelName: run.modelName,
    checkedAt: options.checkedAt,
    ...measures,
    backtestAccuracy: run.backtestAccuracy,
    drift: isDrift(measures, run.backtestAccuracy, options.policy),
  };
  if (report.daysObserved > 0) await insertAccuracyCheck(database, report);
  return report;
}

/**
 * The predicted days of one run that have actuals, with the run's model and its backtest accuracy.
 * Null when the account has no such run.
 *
 * ### Examples
 * ```ts
 * await observedRun(database, { accountId, runId: '3' }); // { metricId, modelName: 'ETS(M,N,M)', backtestAccuracy: 0.91, days: [...] }
 * ```
 */
export async function observedRun(database: KlensDatabase, query: { accountId: string; runId: string }) {
  const stored = await readForecast(database, query);
  if (!stored) return null;
  return {
    metricId: stored.metricId,
    modelName: stored.model.name,
    backtestAccuracy: stored.model.backtestAccuracy,
    days: stored.predictions.flatMap(({ mean, lower, upper, actual }) => (actual === null ? [] : [{ mean, lower, upper, actual }])),
  };
}

/**
 * The newest run of a metric with at least one actual (the one a drift check judges), or null.
 *
 * ### Examples
 * ```ts
 * await latestObservedRunId(database, { accountId, metricId }); // '3'
 * ```
 */
export async function latestObservedRunId(database: KlensDatabase, query: { accountId: string; metricId: string }): Promise<string | null> {
  const row = await database.kysely
    .selectFrom('forecast_runs as r')
    .select('r.id')
    .where('r.account_id', '=', query.accountId)
    .where('r.metric_id', '=', query.metricId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('forecast_predictions as p')
          .select('p.run_id')
          .whereRef('p.account_id', '=', 'r.account_id')
          .whereRef('p.run_id', '=', 'r.id')
          .where('p.actual', 'is not', null),
      ),
    )
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .executeTakeFirst();
  return row ? String(row.id) : null;
}
