import type { KlensDatabase } from '../database/database.js';
import type { DriftReport } from './types.js';

/**
 * Keeps a drift check, so that monitoring can follow a model's accuracy over time.
 *
 * ### Examples
 * ```ts
 * await insertAccuracyCheck(database, report);
 * ```
 */
export async function insertAccuracyCheck(database: KlensDatabase, report: DriftReport): Promise<void> {
  await database.kysely
    .insertInto('forecast_accuracy_checks')
    .values({
      account_id: report.accountId,
      run_id: report.runId,
      metric_id: report.metricId,
      model_name: report.modelName,
      checked_at: report.checkedAt,
      days_observed: report.daysObserved,
      wape: report.wape,
      mape: report.mape,
      accuracy: report.accuracy,
      coverage: report.coverage,
      backtest_accuracy: report.backtestAccuracy,
      drift: report.drift,
    })
    .execute();
}
