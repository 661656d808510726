import type { CivilDate } from './civil-date.js';
import { civilDateOf, dayNumberOf } from './civil-date.js';

/** A wall-clock reading in some time zone; `month` is 1–12. */
export interface WallClockTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond?: number;
}

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23 avoids the "24:00" some ICU versions print for midnight with hour12: false.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time shown in `timeZone` at an instant (milliseconds since the epoch). */
export function wallClockAt(instant: number, timeZone: string): WallClockTime {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  const year = fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra;
  return {
    year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((instant % 1000) + 1000) % 1000,
  };
}

function wallClockAsUtc(wall: WallClockTime): number {
  const dayStart = dayNumberOf(wall) * MS_PER_DAY;
  return dayStart + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000 + (wall.millisecond ?? 0);
}

/** UTC offset of `timeZone` at an instant, in milliseconds (New York in winter: -18 000 000). */
export function utcOffsetAt(instant: number, timeZone: string): number {
  return wallClockAsUtc(wallClockAt(instant, timeZone)) - instant;
}

/**
 * The instant at which clocks in `timeZone` show `wall`. Like Temporal's "compatible"
 * disambiguation: a time skipped by a spring-forward gap moves forward by the gap's length
 * (02:30 on a New York spring-forward day is 03:30 EDT), and a time repeated by a fall-back
 * overlap resolves to its earlier instant (01:30 EDT, not 01:30 EST).
 *
 * @example zonedTimeToUtc({ year: 2026, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, 'America/New_York')
 * // 2026-07-01T16:00:00.000Z
 */
export function zonedTimeToUtc(wall: WallClockTime, timeZone: string): Date {
  const asUtc = wallClockAsUtc(wall);
  // Offsets a day either side bracket any single transition near this wall time.
  const offsetBefore = utcOffsetAt(asUtc - MS_PER_DAY, timeZone);
  const offsetAfter = utcOffsetAt(asUtc + MS_PER_DAY, timeZone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].filter(
    (instant) => wallClockAsUtc(wallClockAt(instant, timeZone)) === asUtc,
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: read the wall time with the offset in force before the transition.
  return new Date(asUtc - offsetBefore);
}

/** Day number of the local calendar date in `timeZone` at an instant. */
export function localDayNumberAt(instant: number, timeZone: string): number {
  return dayNumberOf(wallClockAt(instant, timeZone));
}

/** First instant of a local calendar day (local midnight, or the first time after a midnight gap). */
export function startOfLocalDay(dayNumber: number, timeZone: string): Date {
  return zonedTimeToUtc({ ...civilDateOf(dayNumber), hour: 0, minute: 0, second: 0 }, timeZone);
}
