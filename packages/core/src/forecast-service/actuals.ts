import { sql } from 'kysely';
import type { KlensDatabase } from '../database/database.js';
import { KlensError } from '../errors/klens-error.js';
import { addDays, isLocalDate } from '../metrics/date-range.js';
import type { Clock } from '../time/clock.js';
import { dailyValues, metricHistory } from './metric-history.js';

/** The value a metric actually reached on a local day. */
export interface DailyActual {
  date: string;
  value: number;
}

/**
 * The range of predicted days of a metric that still wait for their actual and are complete by
 * `lastCompleteDay`, or null when none wait.
 *
 * ### Examples
 * ```ts
 * await pendingActualDays(database, { accountId, metricId, lastCompleteDay: '2026-09-30' }); // { from: '2026-09-01', to: '2026-09-30' }
 * ```
 */
export async function pendingActualDays(
  database: KlensDatabase,
  query: { accountId: string; metricId: string; lastCompleteDay: string },
): Promise<{ from: string; to: string } | null> {
  const { rows } = await sql<{ from: string | null; to: string | null }>`
    select min(date)::text as "from", max(date)::text as "to"
    from forecast_predictions
    where account_id = ${query.accountId} and metric_id = ${query.metricId}
      and actual is null and date <= ${query.lastCompleteDay}::date`.execute(database.kysely);
  const range = rows[0];
  return range?.from && range.to ? { from: range.from, to: range.to } : null;
}

/**
 * Writes actuals onto every stored prediction of the metric for those days (in every run), and
 * returns how many prediction rows were filled.
 *
 * ### Examples
 * ```ts
 * await writeActuals(database, { accountId, metricId, actuals: [{ date: '2026-09-01', value: 5210 }], recordedAt: clock() }); // 1
 * ```
 * @throws {KlensError} INVALID_PARAMETER when a date is not `YYYY-MM-DD` or a value is not finite.
 */
export async function writeActuals(
  database: KlensDatabase,
  request: { accountId: string; metricId: string; actuals: readonly DailyActual[]; recordedAt: Date },
): Promise<number> {
  for (const actual of request.actuals) {
    if (!isLocalDate(actual.date) || !Number.isFinite(actual.value)) {
      throw new KlensError('INVALID_PARAMETER', `Each actual needs a date like 2026-01-31 and a finite value (got ${JSON.stringify(actual)}).`);
    }
  }
  if (request.actuals.length === 0) return 0;
  const values = request.actuals.map((actual) => sql`(${actual.date}::date, ${actual.value}::float8)`);
  const { rows } = await sql<{ run_id: string }>`
    update forecast_predictions as p
    set actual = v.value, actual_recorded_at = ${request.recordedAt}
    from (values ${sql.join(values)}) as v(date, value)
    where p.account_id = ${request.accountId} and p.metric_id = ${request.metricId} and p.date = v.date
    returning p.run_id`.execute(database.kysely);
  return rows.length;
}

/**
 * Fills a metric's stored predictions with actuals: the given ones, or else the metric's synced
 * values for every complete day still waiting. Returns the number of prediction rows filled.
 *
 * ### Examples
 * ```ts
 * await recordActuals(database, { accountId, metricId }, clock); // { updated: 30 }
 * ```
 * @throws {KlensError} ACCOUNT_NOT_SYNCED, METRIC_NOT_FOUND, or INVALID_PARAMETER for a malformed actual.
 */
export async function recordActuals(
  database: KlensDatabase,
  request: { accountId: string; metricId: string; actuals?: readonly DailyActual[] },
  clock: Clock,
): Promise<{ updated: number }> {
  const { accountId, metricId } = request;
  const history = await metricHistory(database, { accountId, metricId }, clock);
  let actuals = request.actuals;
  if (!actuals) {
    const pending = await pendingActualDays(database, { accountId, metricId, lastCompleteDay: history.lastCompleteDay });
    const values = pending ? await dailyValues(database, { accountId, metricId, ...pending }, clock) : [];
    actuals = values.map((value, index) => ({ date: addDays(pending!.from, index), value }));
  }
  return { updated: await writeActuals(database, { accountId, metricId, actuals, recordedAt: clock() }) };
}
