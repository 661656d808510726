import { utcOffsetAt, wallClockAt, zonedTimeToUtc } from '../../time/zoned-time.js';
import { parseFilterDateTime } from '../filter/filter-values.js';

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/**
 * An instant as local wall time in `timeZone` with its offset, whole seconds:
 * `2026-10-01T00:00:00-04:00`. Report dates are local bucket starts, so this is how they read.
 *
 * @example formatZonedDateTime(Date.UTC(2026, 9, 1, 4), 'America/New_York') // '2026-10-01T00:00:00-04:00'
 */
export function formatZonedDateTime(instant: number, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  const offsetMinutes = Math.round(utcOffsetAt(instant, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`
  );
}

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/;

/**
 * Reads an ISO-8601 datetime of a report body. With an offset (`Z`, `+01:00`) it is that instant
 * unless `ignoreOffset`; without one, or when ignoring it, its wall time is read in `timeZone`.
 * `undefined` when it is not a valid datetime.
 *
 * @example parseZonedDateTime('2026-01-01T00:00:00', 'America/New_York') // Date.UTC(2026, 0, 1, 5)
 * @example parseZonedDateTime('2026-01-01T00:00:00+00:00', 'America/New_York', true) // Date.UTC(2026, 0, 1, 5)
 */
export function parseZonedDateTime(text: string, timeZone: string, ignoreOffset = false): number | undefined {
  const hasOffset = HAS_OFFSET.test(text) && /T/.test(text);
  if (hasOffset && !ignoreOffset) return parseFilterDateTime(text);
  const wallText = hasOffset ? text.replace(HAS_OFFSET, '') : text;
  const asUtc = parseFilterDateTime(wallText);
  if (asUtc === undefined) return undefined;
  const wall = new Date(Math.floor(asUtc));
  return zonedTimeToUtc(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
      millisecond: wall.getUTCMilliseconds(),
    },
    timeZone,
  ).getTime();
}
