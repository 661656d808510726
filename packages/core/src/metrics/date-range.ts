import { KlensError } from '../errors/klens-error.js';

/** Size of one bucket of a time series. Weeks start on Monday (ISO 8601). */
export type TimeInterval = 'day' | 'week' | 'month';

export const TIME_INTERVALS: readonly TimeInterval[] = ['day', 'week', 'month'];

/** The most buckets one time series may have: ten years of days. */
export const MAX_TIME_SERIES_POINTS = 3660;

const localDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isLocalDate(value: string): boolean {
  const match = localDate.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * Checks an inclusive range of local dates before it reaches SQL.
 *
 * ### Examples
 * ```ts
 * assertDateRange({ from: '2026-01-01', to: '2026-01-31' }, 'day'); // ok
 * assertDateRange({ from: '2026-02-01', to: '2026-01-01' }, 'day'); // throws INVALID_DATE_RANGE
 * ```
 * @throws {KlensError} INVALID_DATE_RANGE when a date is malformed, `from` is after `to`, or the
 *   range holds more than {@link MAX_TIME_SERIES_POINTS} buckets.
 */
export function assertDateRange(range: { from: string; to: string }, interval: TimeInterval): void {
  for (const [name, value] of Object.entries(range)) {
    if (!isLocalDate(value)) {
      throw new KlensError('INVALID_DATE_RANGE', `\`${name}\` must be a calendar date like 2026-01-31 (got ${JSON.stringify(value)}).`);
    }
  }
  if (range.from > range.to) {
    throw new KlensError('INVALID_DATE_RANGE', `\`from\` (${range.from}) is after \`to\` (${range.to}).`);
  }
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
  const buckets = interval === 'day' ? days : interval === 'week' ? days / 7 : days / 30.4;
  if (buckets > MAX_TIME_SERIES_POINTS) {
    throw new KlensError(
      'INVALID_DATE_RANGE',
      `The range ${range.from} to ${range.to} has about ${Math.round(buckets)} ${interval}s; at most ${MAX_TIME_SERIES_POINTS} fit in one series. Use a shorter range or a longer interval.`,
    );
  }
}

/** Adds `days` to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today's date in `timezone`, as `YYYY-MM-DD`. */
export function localDateIn(timezone: string, now: Date): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
