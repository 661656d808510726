import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { KlensDatabase } from '../database/database.js';
import { KlensError } from '../errors/klens-error.js';
import { addDays, localDateIn } from '../metrics/date-range.js';
import { metricTimeSeries } from '../metrics/metric-time-series.js';
import type { Clock } from '../time/clock.js';
import type { DayWindow } from './types.js';

/** What is known about a metric's daily history before reading its values. */
export interface MetricHistory {
  timezone: string;
  /** The local day of the metric's first event, or null when it has none. */
  firstDay: string | null;
  /** Yesterday in the account's timezone: today is still filling up, so it is never trained on or compared. */
  lastCompleteDay: string;
}

/**
 * Checks that the account and the metric exist and tells which days of the metric are complete.
 *
 * ### Examples
 * ```ts
 * await metricHistory(database, { accountId: 'AbC123', metricId: 'XyZ789' }, clock);
 * // { timezone: 'America/New_York', firstDay: '2025-09-01', lastCompleteDay: '2026-08-31' }
 * ```
 * @throws {KlensError} ACCOUNT_NOT_SYNCED or METRIC_NOT_FOUND.
 */
export async function metricHistory(
  database: KlensDatabase,
  query: { accountId: string; metricId: string },
  clock: Clock,
): Promise<MetricHistory> {
  const db = database.kysely;
  const account = await db.selectFrom('accounts').select('timezone').where('account_id', '=', query.accountId).executeTakeFirst();
  if (!account) {
    throw new KlensError('ACCOUNT_NOT_SYNCED', 'This account has no data yet: run a sync first (`pnpm sync`).');
  }
  const metric = await db
    .selectFrom('metrics')
    .select('id')
    .where('account_id', '=', query.accountId)
    .where('id', '=', query.metricId)
    .executeTakeFirst();
  if (!metric) {
    const known = await db.selectFrom('metrics').select(['id', 'name']).where('account_id', '=', query.accountId).orderBy('name').execute();
    const list = known.map((row) => `${row.name} (${row.id})`).join(', ') || 'none synced yet';
    throw new KlensError('METRIC_NOT_FOUND', `No metric with id "${query.metricId}" in this account. Known metrics: ${list}.`);
  }
  const { rows } = await sql<{ first_day: string | null }>`
    select to_char(min(datetime) at time zone ${account.timezone}, 'YYYY-MM-DD') as first_day
    from events where account_id = ${query.accountId} and metric_id = ${query.metricId}`.execute(db);
  return {
    timezone: account.timezone,
    firstDay: rows[0]?.first_day ?? null,
    lastCompleteDay: addDays(localDateIn(account.timezone, clock()), -1),
  };
}

/** Fewer complete days than this are not enough to fit a weekly model and backtest it. */
export const MIN_TRAINING_DAYS = 28;

/**
 * The days a model trains on: the last `trainingDays` complete days, starting no earlier than the
 * metric's first event (days before it are not zero sales, the store was not on Klaviyo yet).
 *
 * ### Examples
 * ```ts
 * trainingWindow({ timezone: 'UTC', firstDay: '2026-03-01', lastCompleteDay: '2026-08-31' }, 365); // { from: '2026-03-01', to: '2026-08-31' }
 * ```
 * @throws {KlensError} INVALID_SERIES with fewer than {@link MIN_TRAINING_DAYS} complete days.
 */
export function trainingWindow(history: MetricHistory, trainingDays: number): DayWindow {
  const to = history.lastCompleteDay;
  const earliest = addDays(to, -(trainingDays - 1));
  const from = history.firstDay && history.firstDay > earliest ? history.firstDay : earliest;
  const days = history.firstDay && history.firstDay <= to ? Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1 : 0;
  if (days < MIN_TRAINING_DAYS) {
    throw new KlensError(
      'INVALID_SERIES',
      `This metric has ${days} complete days of history; a forecast needs at least ${MIN_TRAINING_DAYS}. Sync more history or try again later.`,
    );
  }
  return { from, to };
}

/**
 * The metric's value sum for each local day from `from` to `to` inclusive, empty days as zeros.
 *
 * ### Examples
 * ```ts
 * await dailyValues(database, { accountId, metricId, from: '2026-08-01', to: '2026-08-03' }, clock); // [1520.4, 0, 980]
 * ```
 */
export async function dailyValues(
  database: KlensDatabase,
  query: { accountId: string; metricId: string; from: string; to: string },
  clock: Clock,
): Promise<number[]> {
  const series = await metricTimeSeries(database, { accountId: query.accountId, metric: query.metricId, from: query.from, to: query.to, interval: 'day' }, clock);
  return series.points.map((point) => point.value);
}

/**
 * A short hash of training values: equal windows with different hashes mean late or corrected
 * events changed the data, so a model trained on the old values is retrained.
 *
 * ### Examples
 * ```ts
 * fingerprintOf([1, 2, 3]) === fingerprintOf([1, 2, 3]); // true
 * ```
 */
export function fingerprintOf(values: readonly number[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 32);
}
