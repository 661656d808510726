/**
 * Calendar dates without a time zone ("2026-11-27"), and their day numbers: days since
 * 1970-01-01. Day numbers key the per-day generators, so they must not depend on any zone.
 */

/** A calendar date; `month` is 1–12. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a calendar date (negative before it). */
export function dayNumberOf(date: CivilDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

/** The calendar date of a day number; inverse of {@link dayNumberOf}. */
export function civilDateOf(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Number of days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Moves a date by whole calendar months, clamping the day to the target month's length
 * (2026-03-31 minus one month is 2026-02-28).
 */
export function addCalendarMonths(date: CivilDate, months: number): CivilDate {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** `YYYY-MM-DD` for a calendar date. */
export function formatCivilDate(date: CivilDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Day number of the `nth` (1-based) given weekday of a month, e.g. the 4th Thursday of November. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): number {
  const first = dayNumberOf({ year, month, day: 1 });
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return first + offset + (nth - 1) * 7;
}
