import type { RouterInputs, RouterOutputs } from '@klens/server';
import { trpc } from '../provider/trpc.js';
import { shouldRetry } from '../query/retry.js';

type TimeSeriesInput = RouterInputs['metrics']['timeSeries'];

/** The time series a metric query returns: points per bucket, totals, timezone and currency. */
export type MetricTimeSeries = RouterOutputs['metrics']['timeSeries'];
export type MetricTimeSeriesPoint = MetricTimeSeries['points'][number];

export interface BasicMetricsOptions {
  /** First local date, inclusive (`YYYY-MM-DD`, account timezone). Default: 29 days before `to`. */
  from?: TimeSeriesInput['from'];
  /** Last local date, inclusive. Default: today in the account's timezone. */
  to?: TimeSeriesInput['to'];
  /** `'day'` (default), `'week'` (from Monday) or `'month'`. */
  interval?: TimeSeriesInput['interval'];
  /** Set false to hold the request (e.g. until the user picks a range). Default true. */
  enabled?: boolean;
}

export interface BasicMetricsResult {
  /** The series, once loaded. */
  data: MetricTimeSeries | undefined;
  /** `data.points`, or an empty list while loading or on error. */
  points: MetricTimeSeriesPoint[];
  /** True until the first answer arrives (false while a disabled query waits). */
  loading: boolean;
  /** What went wrong, with a message written for users; `code` is the API's error code. */
  error: { message: string; code: string | undefined } | null;
  refetch: () => void;
}

/**
 * A metric's value and event count per day, week or month, from the Klens server.
 *
 * ### Examples
 * ```tsx
 * const { points, loading } = useBasicMetrics('Placed Order', { from: '2026-01-01', to: '2026-03-31' });
 * ```
 */
export function useBasicMetrics(metric: string, options: BasicMetricsOptions = {}): BasicMetricsResult {
  const { enabled = true, ...range } = options;
  const query = trpc.metrics.timeSeries.useQuery({ metric, ...range }, { enabled, retry: shouldRetry });
  return {
    data: query.data,
    points: query.data?.points ?? [],
    loading: enabled && query.isPending,
    error: query.error ? { message: query.error.message, code: query.error.data?.code } : null,
    refetch: () => void query.refetch(),
  };
}
