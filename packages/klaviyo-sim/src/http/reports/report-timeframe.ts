import { addCalendarMonths, civilDateOf, dayNumberOf, weekdayOf } from '../../time/civil-date.js';
import { localDayNumberAt, startOfLocalDay } from '../../time/zoned-time.js';
import { invalidBody } from './report-body.js';
import { parseZonedDateTime } from './zoned-format.js';

/** The timeframe keys of the spec's `Timeframe` schema. */
export const TIMEFRAME_KEYS = [
  'last_12_months', 'last_30_days', 'last_365_days', 'last_3_months', 'last_7_days', 'last_90_days', 'last_month',
  'last_week', 'last_year', 'this_month', 'this_week', 'this_year', 'today', 'yesterday',
] as const;
export type TimeframeKey = (typeof TIMEFRAME_KEYS)[number];

/** A report's window: whole local days [startDay, endDay) of the account, and the instants they span. */
export interface ReportWindow {
  startDay: number;
  /** First day not included. */
  endDay: number;
  from: number;
  to: number;
}

/** Reports span at most a year (the spec: "Max length: 1 year"). */
const MAX_DAYS = 366;
const POINTER = '/data/attributes/timeframe';

const firstOfMonth = (day: number) => {
  const date = civilDateOf(day);
  return dayNumberOf({ year: date.year, month: date.month, day: 1 });
};
const monthsBefore = (day: number, months: number) => dayNumberOf(addCalendarMonths(civilDateOf(day), -months));
const monday = (day: number) => day - ((weekdayOf(day) + 6) % 7);

/**
 * The local days a timeframe key covers, relative to `today` (the account's local date of the
 * store's "now"). "this_…" ranges run through today; "last_N_days" are the N whole days before
 * today; weeks start on Monday.
 *
 * @example keyDays('last_7_days', today) // [today - 7, today)
 */
export function keyDays(key: TimeframeKey, today: number): [number, number] {
  const year = civilDateOf(today).year;
  switch (key) {
    case 'today': return [today, today + 1];
    case 'yesterday': return [today - 1, today];
    case 'this_week': return [monday(today), today + 1];
    case 'last_week': return [monday(today) - 7, monday(today)];
    case 'this_month': return [firstOfMonth(today), today + 1];
    case 'last_month': return [monthsBefore(firstOfMonth(today), 1), firstOfMonth(today)];
    case 'this_year': return [dayNumberOf({ year, month: 1, day: 1 }), today + 1];
    case 'last_year': return [dayNumberOf({ year: year - 1, month: 1, day: 1 }), dayNumberOf({ year, month: 1, day: 1 })];
    case 'last_7_days': return [today - 7, today];
    case 'last_30_days': return [today - 30, today];
    case 'last_90_days': return [today - 90, today];
    case 'last_365_days': return [today - 365, today];
    case 'last_3_months': return [monthsBefore(today, 3), today];
    case 'last_12_months': return [monthsBefore(today, 12), today];
  }
}

/**
 * Reads a report's `timeframe`: `{ key }` or `{ start, end }`. A custom range is read as Klaviyo
 * does: the offsets are ignored and the wall times are taken in the account's time zone, and it
 * covers whole local days from the start's day through the end's day, both included (Airbyte
 * PR #75495 saw back-to-back windows double-count their shared day).
 *
 * @throws {ApiError} 400 on `/data/attributes/timeframe` for an unknown key, bad datetimes, an end before the start or more than a year.
 */
export function readTimeframe(value: unknown, now: Date, timeZone: string): ReportWindow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidBody(POINTER, `'timeframe' is required: {"key": one of ${TIMEFRAME_KEYS.join(', ')}} or {"start": datetime, "end": datetime}.`);
  }
  const { key, start, end } = value as Record<string, unknown>;
  let days: [number, number];
  if (key !== undefined) {
    if (typeof key !== 'string' || !(TIMEFRAME_KEYS as readonly string[]).includes(key)) {
      throw invalidBody(POINTER, `${JSON.stringify(key)} is not a timeframe key. Valid keys: ${TIMEFRAME_KEYS.join(', ')}.`);
    }
    days = keyDays(key as TimeframeKey, localDayNumberAt(now.getTime() - 1, timeZone));
  } else {
    const startAt = typeof start === 'string' ? parseZonedDateTime(start, timeZone, true) : undefined;
    const endAt = typeof end === 'string' ? parseZonedDateTime(end, timeZone, true) : undefined;
    if (startAt === undefined || endAt === undefined) {
      throw invalidBody(POINTER, "A custom timeframe needs 'start' and 'end' as ISO-8601 datetimes, e.g. 2026-10-01T00:00:00+00:00.");
    }
    if (endAt < startAt) throw invalidBody(POINTER, "The timeframe's end is before its start.");
    days = [localDayNumberAt(startAt, timeZone), localDayNumberAt(endAt, timeZone) + 1];
  }
  if (days[1] - days[0] > MAX_DAYS) throw invalidBody(POINTER, `The timeframe spans ${days[1] - days[0]} days; at most 1 year is allowed.`);
  return { startDay: days[0], endDay: days[1], from: startOfLocalDay(days[0], timeZone).getTime(), to: startOfLocalDay(days[1], timeZone).getTime() };
}
