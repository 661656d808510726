import { addCalendarMonths, civilDateOf, dayNumberOf, weekdayOf } from '../../time/civil-date.js';
import { localHourStart } from '../../time/local-hour.js';
import { localDayNumberAt, startOfLocalDay, utcOffsetAt } from '../../time/zoned-time.js';

/** Bucket sizes of metric aggregates and series reports. */
export type BucketInterval = 'hour' | 'day' | 'week' | 'month';

const HOUR = 3_600_000;

/**
 * The first local day of the bucket that holds `day`: itself, its week's Monday (ISO weeks) or
 * the first of its month.
 */
function bucketStartDay(day: number, interval: 'day' | 'week' | 'month'): number {
  if (interval === 'day') return day;
  if (interval === 'week') return day - ((weekdayOf(day) + 6) % 7);
  const date = civilDateOf(day);
  return dayNumberOf({ year: date.year, month: date.month, day: 1 });
}

function nextBucketDay(day: number, interval: 'day' | 'week' | 'month'): number {
  if (interval === 'day') return day + 1;
  if (interval === 'week') return day + 7;
  return dayNumberOf(addCalendarMonths(civilDateOf(day), 1));
}

/**
 * The starts of the buckets that cover [from, to) in `timeZone`, aligned to local hours, local
 * midnights, ISO weeks (Monday) or months; the first bucket is the one holding `from`. Bucket i
 * spans [starts[i], starts[i+1]), the last one ends at or after `to`. Computed once per query,
 * so placing an event needs no time-zone arithmetic (see {@link bucketIndexer}).
 *
 * @example bucketStarts(Date.UTC(2026, 0, 1, 5), Date.UTC(2026, 0, 3, 5), 'day', 'America/New_York').length // 3: Jan 1, Jan 2 and the end, Jan 3
 */
export function bucketStarts(from: number, to: number, interval: BucketInterval, timeZone: string): number[] {
  const starts: number[] = [];
  if (interval === 'hour') {
    // Clock changes move whole hours, so stepping one hour from an aligned start stays aligned.
    let start = localHourStart(from, utcOffsetAt(from, timeZone));
    while (start < to) {
      starts.push(start);
      start += HOUR;
    }
    starts.push(start);
    return starts;
  }
  let day = bucketStartDay(localDayNumberAt(from, timeZone), interval);
  let start = startOfLocalDay(day, timeZone).getTime();
  while (start < to) {
    starts.push(start);
    day = nextBucketDay(day, interval);
    start = startOfLocalDay(day, timeZone).getTime();
  }
  starts.push(start);
  return starts;
}

/**
 * A function from an instant to its bucket's index in `starts` (see {@link bucketStarts}), or -1
 * outside them. It remembers the last bucket, so instants in ascending order cost O(1) each.
 */
export function bucketIndexer(starts: readonly number[]): (instant: number) => number {
  let last = 0;
  const count = starts.length - 1;
  return (instant) => {
    if (count <= 0 || instant < (starts[0] as number) || instant >= (starts[count] as number)) return -1;
    if (instant < (starts[last] as number)) last = 0;
    while (instant >= (starts[last + 1] as number)) last += 1;
    return last;
  };
}
