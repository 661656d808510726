import { sql } from 'kysely';
import type { KlensDatabase } from '../database/database.js';
import { KlensError } from '../errors/klens-error.js';
import { type Clock, systemClock } from '../time/clock.js';
import { addDays, assertDateRange, localDateIn, type TimeInterval } from './date-range.js';

export interface MetricTimeSeriesQuery {
  /** The account whose data is read. Every query is scoped to it. */
  accountId: string;
  /** A metric name as Klaviyo shows it (`Placed Order`) or a metric id. */
  metric: string;
  /** First local date, inclusive (`YYYY-MM-DD`, account timezone). Default: 29 days before `to`. */
  from?: string;
  /** Last local date, inclusive. Default: today in the account's timezone. */
  to?: string;
  /** Bucket size. Default `'day'`. */
  interval?: TimeInterval;
}

export interface MetricTimeSeriesPoint {
  /** First local date of the bucket (`YYYY-MM-DD`); for weeks a Monday, for months the 1st. */
  period: string;
  /** Sum of the events' `$value` (revenue for Placed Order), in the account's currency. */
  value: number;
  /** Number of events. */
  count: number;
}

export interface MetricTimeSeries {
  metric: { name: string; ids: string[] };
  interval: TimeInterval;
  timezone: string;
  currency: string | null;
  from: string;
  to: string;
  /** One point per bucket from `from` to `to`, empty buckets included as zeros. */
  points: MetricTimeSeriesPoint[];
  totals: { value: number; count: number };
}

/**
 * A metric's value sum and event count per day, week or month, bucketed in the account's timezone.
 *
 * ### Examples
 * ```ts
 * const series = await metricTimeSeries(database, { accountId, metric: 'Placed Order', from: '2026-01-01', to: '2026-01-31' });
 * series.points[0]; // { period: '2026-01-01', value: 1234.5, count: 17 }
 * ```
 * @throws {KlensError} ACCOUNT_NOT_SYNCED, METRIC_NOT_FOUND or INVALID_DATE_RANGE.
 */
export async function metricTimeSeries(
  database: KlensDatabase,
  query: MetricTimeSeriesQuery,
  clock: Clock = systemClock,
): Promise<MetricTimeSeries> {
  const db = database.kysely;
  const interval = query.interval ?? 'day';
  const account = await db
    .selectFrom('accounts')
    .select(['timezone', 'currency'])
    .where('account_id', '=', query.accountId)
    .executeTakeFirst();
  if (!account) {
    throw new KlensError('ACCOUNT_NOT_SYNCED', 'This account has no data yet: run a sync first (`pnpm sync`).');
  }
  const to = query.to ?? localDateIn(account.timezone, clock());
  const from = query.from ?? addDays(to, -29);
  assertDateRange({ from, to }, interval);

  const metrics = await db
    .selectFrom('metrics')
    .select(['id', 'name'])
    .where('account_id', '=', query.accountId)
    .where((where) => where.or([where('name', '=', query.metric), where('id', '=', query.metric)]))
    .execute();
  if (metrics.length === 0) {
    const known = await db.selectFrom('metrics').select('name').where('account_id', '=', query.accountId).orderBy('name').execute();
    const list = known.map((metric) => metric.name).join(', ') || 'none synced yet';
    throw new KlensError('METRIC_NOT_FOUND', `No metric named "${query.metric}" in this account. Known metrics: ${list}.`);
  }
  const ids = metrics.map((metric) => metric.id);

  // Buckets are local calendar periods: events are shifted to the account's wall-clock time before
  // truncation, and every bucket of the range is generated so that empty ones come back as zeros.
  const result = await sql<{ period: string; value: number; count: number }>`
    with buckets as (
      select date_trunc(${interval}, e.datetime at time zone ${account.timezone}) as period,
             sum(e.value) as value,
             count(*) as count
      from events e
      where e.account_id = ${query.accountId}
        and e.metric_id in (${sql.join(ids)})
        and e.datetime >= (${from}::date)::timestamp at time zone ${account.timezone}
        and e.datetime < ((${to}::date + 1))::timestamp at time zone ${account.timezone}
      group by 1
    )
    select to_char(periods.period, 'YYYY-MM-DD') as period,
           coalesce(buckets.value, 0)::float8 as value,
           coalesce(buckets.count, 0)::int as count
    from generate_series(
      date_trunc(${interval}, ${from}::timestamp),
      date_trunc(${interval}, ${to}::timestamp),
      ('1 ' || ${interval})::interval
    ) as periods(period)
    left join buckets on buckets.period = periods.period
    order by periods.period
  `.execute(db);

  const points = result.rows.map((row) => ({ period: row.period, value: Number(row.value), count: Number(row.count) }));
  const totals = points.reduce((sum, point) => ({ value: sum.value + point.value, count: sum.count + point.count }), { value: 0, count: 0 });
  return {
    metric: { name: metrics[0]!.name, ids },
    interval,
    timezone: account.timezone,
    currency: account.currency,
    from,
    to,
    points,
    totals,
  };
}
