import { civilDateOf, dayNumberOf } from '../time/civil-date.js';
import { utcOffsetAt, type WallClockTime } from '../time/zoned-time.js';

const MS_PER_DAY = 86_400_000;
/** Offsets change on quarter-hour boundaries in every IANA zone, so one lookup per quarter hour is exact. */
const BUCKET_MS = 900_000;
const MAX_BUCKETS = 200_000;

/** Wall-clock conversions for one time zone with memoized UTC offsets (Intl is slow per call). */
export interface LocalClock {
  /** UTC offset (ms) at an instant. */
  offsetAt(instant: number): number;
  /** The instant clocks show `wall`, resolved like `zonedTimeToUtc` (gaps forward, overlaps earlier). */
  toInstant(wall: WallClockTime): number;
  /** First instant of a local day. */
  dayStart(day: number): number;
  /** Local day number of an instant. */
  dayOf(instant: number): number;
}

/**
 * Builds a clock for `timeZone`. Same answers as `zonedTimeToUtc` and `localDayNumberAt`, but an
 * offset is computed once per quarter hour touched instead of once per call.
 *
 * @example createLocalClock('America/New_York').dayStart(20_454) // Date.parse('2026-01-01T05:00:00Z')
 */
export function createLocalClock(timeZone: string): LocalClock {
  const offsets = new Map<number, number>();
  const offsetAt = (instant: number): number => {
    const bucket = Math.floor(instant / BUCKET_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      if (offsets.size > MAX_BUCKETS) offsets.clear();
      offset = utcOffsetAt(bucket * BUCKET_MS, timeZone);
      offsets.set(bucket, offset);
    }
    return offset;
  };
  const toInstant = (wall: WallClockTime): number => {
    const asUtc = dayNumberOf(wall) * MS_PER_DAY + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000 + (wall.millisecond ?? 0);
    const before = offsetAt(asUtc - MS_PER_DAY);
    const after = offsetAt(asUtc + MS_PER_DAY);
    const candidates = [asUtc - before, asUtc - after].filter((instant) => instant + offsetAt(instant) === asUtc);
    return candidates.length > 0 ? Math.min(...candidates) : asUtc - before;
  };
  return {
    offsetAt,
    toInstant,
    dayStart: (day) => toInstant({ ...civilDateOf(day), hour: 0, minute: 0, second: 0 }),
    dayOf: (instant) => Math.floor((instant + offsetAt(instant)) / MS_PER_DAY),
  };
}
