import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../time/civil-date.js';
import { keyDays, readTimeframe } from './report-timeframe.js';
import { bucketIndexer, bucketStarts } from './time-buckets.js';

const utc = (text: string) => Date.parse(text);

describe('bucketStarts', () => {
  it('has 23 and 25 local hours on the New York DST days of 2026', () => {
    const spring = bucketStarts(utc('2026-03-08T05:00:00Z'), utc('2026-03-09T04:00:00Z'), 'hour', 'America/New_York');
    const autumn = bucketStarts(utc('2026-11-01T04:00:00Z'), utc('2026-11-02T05:00:00Z'), 'hour', 'America/New_York');
    expect(spring.length - 1).toBe(23);
    expect(autumn.length - 1).toBe(25);
  });

  it('aligns hours to half-hour offsets and days to local midnight across DST', () => {
    expect(bucketStarts(utc('2026-01-01T00:10:00Z'), utc('2026-01-01T01:00:00Z'), 'hour', 'Asia/Kolkata').map((t) => new Date(t).toISOString())).toEqual([
      '2025-12-31T23:30:00.000Z',
      '2026-01-01T00:30:00.000Z',
      '2026-01-01T01:30:00.000Z',
    ]);
    expect(bucketStarts(utc('2026-03-07T12:00:00Z'), utc('2026-03-09T12:00:00Z'), 'day', 'America/New_York').map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-07T05:00:00.000Z',
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      '2026-03-10T04:00:00.000Z',
    ]);
  });

  it('starts weeks on Monday and months on the first', () => {
    // 2026-01-01 was a Thursday.
    expect(new Date(bucketStarts(utc('2026-01-01T00:00:00Z'), utc('2026-01-02T00:00:00Z'), 'week', 'UTC')[0]!).toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(bucketStarts(utc('2026-01-15T00:00:00Z'), utc('2026-03-01T00:00:00Z'), 'month', 'UTC').map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('places instants in their buckets, in any order', () => {
    const starts = [0, 10, 20, 30];
    const indexOf = bucketIndexer(starts);
    expect([5, 25, 10, 29, 0, 30, -1].map(indexOf)).toEqual([0, 2, 1, 2, 0, -1, -1]);
  });
});

describe('report timeframes', () => {
  const today = dayNumberOf({ year: 2026, month: 10, day: 31 });
  it('reads keys relative to the local date of now', () => {
    expect(keyDays('last_7_days', today)).toEqual([today - 7, today]);
    expect(keyDays('this_month', today)).toEqual([dayNumberOf({ year: 2026, month: 10, day: 1 }), today + 1]);
    expect(keyDays('last_month', today)).toEqual([dayNumberOf({ year: 2026, month: 9, day: 1 }), dayNumberOf({ year: 2026, month: 10, day: 1 })]);
    // 31 October 2026 is a Saturday: this week began on Monday the 26th.
    expect(keyDays('this_week', today)).toEqual([dayNumberOf({ year: 2026, month: 10, day: 26 }), today + 1]);
    expect(keyDays('last_year', today)).toEqual([dayNumberOf({ year: 2025, month: 1, day: 1 }), dayNumberOf({ year: 2026, month: 1, day: 1 })]);
  });

  it('takes custom start and end as account-local wall times, both days included', () => {
    const window = readTimeframe({ start: '2026-10-01T23:00:00+09:00', end: '2026-10-03T00:00:00Z' }, new Date('2026-11-01T00:00:00Z'), 'America/New_York');
    expect(new Date(window.from).toISOString()).toBe('2026-10-01T04:00:00.000Z');
    expect(new Date(window.to).toISOString()).toBe('2026-10-04T04:00:00.000Z');
    // "today" in New York at 2026-11-01T00:00Z is still 31 October.
    const yesterday = readTimeframe({ key: 'yesterday' }, new Date('2026-11-01T00:00:00Z'), 'America/New_York');
    expect(new Date(yesterday.from).toISOString()).toBe('2026-10-30T04:00:00.000Z');
  });
});
