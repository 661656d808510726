import { describe, expect, it } from 'vitest';
import { dayNumberOf } from './civil-date.js';
import { localDayNumberAt, startOfLocalDay, utcOffsetAt, wallClockAt, zonedTimeToUtc } from './zoned-time.js';

const at = (year: number, month: number, day: number, hour: number, minute = 0, second = 0) => ({ year, month, day, hour, minute, second });
const iso = (date: Date) => date.toISOString();

describe('zonedTimeToUtc in America/New_York', () => {
  const zone = 'America/New_York';

  it('uses EST in winter and EDT in summer', () => {
    expect(iso(zonedTimeToUtc(at(2026, 1, 15, 12), zone))).toBe('2026-01-15T17:00:00.000Z');
    expect(iso(zonedTimeToUtc(at(2026, 7, 1, 12), zone))).toBe('2026-07-01T16:00:00.000Z');
  });

  it('handles the spring-forward day (2026-03-08: 02:00 EST jumps to 03:00 EDT)', () => {
    expect(iso(zonedTimeToUtc(at(2026, 3, 8, 0), zone))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(zonedTimeToUtc(at(2026, 3, 8, 1, 59, 59), zone))).toBe('2026-03-08T06:59:59.000Z');
    expect(iso(zonedTimeToUtc(at(2026, 3, 8, 3), zone))).toBe('2026-03-08T07:00:00.000Z');
    // 02:30 does not exist; it moves forward by the gap to 03:30 EDT.
    expect(iso(zonedTimeToUtc(at(2026, 3, 8, 2, 30), zone))).toBe('2026-03-08T07:30:00.000Z');
    const dayLength = startOfLocalDay(dayNumberOf(at(2026, 3, 9, 0)), zone).getTime() - startOfLocalDay(dayNumberOf(at(2026, 3, 8, 0)), zone).getTime();
    expect(dayLength).toBe(23 * 3_600_000);
  });

  it('handles the fall-back day (2026-11-01: 02:00 EDT falls back to 01:00 EST)', () => {
    expect(iso(zonedTimeToUtc(at(2026, 11, 1, 0), zone))).toBe('2026-11-01T04:00:00.000Z');
    // 01:30 happens twice; the earlier (EDT) instant is chosen.
    expect(iso(zonedTimeToUtc(at(2026, 11, 1, 1, 30), zone))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedTimeToUtc(at(2026, 11, 1, 2), zone))).toBe('2026-11-01T07:00:00.000Z');
    const dayLength = startOfLocalDay(dayNumberOf(at(2026, 11, 2, 0)), zone).getTime() - startOfLocalDay(dayNumberOf(at(2026, 11, 1, 0)), zone).getTime();
    expect(dayLength).toBe(25 * 3_600_000);
  });
});

describe('zonedTimeToUtc in Europe/Berlin', () => {
  const zone = 'Europe/Berlin';

  it('handles the spring-forward day (2026-03-29: 02:00 CET jumps to 03:00 CEST)', () => {
    expect(iso(zonedTimeToUtc(at(2026, 3, 29, 1, 59, 59), zone))).toBe('2026-03-29T00:59:59.000Z');
    expect(iso(zonedTimeToUtc(at(2026, 3, 29, 2, 30), zone))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedTimeToUtc(at(2026, 3, 29, 3), zone))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('handles the fall-back day (2026-10-25: 03:00 CEST falls back to 02:00 CET)', () => {
    expect(iso(zonedTimeToUtc(at(2026, 10, 25, 2, 30), zone))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedTimeToUtc(at(2026, 10, 25, 3), zone))).toBe('2026-10-25T02:00:00.000Z');
  });
});

describe('zones with unusual transitions', () => {
  it('starts a day at 01:00 when midnight is skipped (America/Santiago, 2026-09-06)', () => {
    expect(iso(startOfLocalDay(dayNumberOf(at(2026, 9, 6, 0)), 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('handles half-hour offsets and half-hour DST shifts', () => {
    expect(iso(zonedTimeToUtc(at(2026, 7, 1, 12), 'Asia/Kolkata'))).toBe('2026-07-01T06:30:00.000Z');
    // Lord Howe Island moves from +10:30 to +11:00 at 02:00 on 2026-10-04; 02:15 moves to 02:45.
    expect(iso(zonedTimeToUtc(at(2026, 10, 4, 2, 15), 'Australia/Lord_Howe'))).toBe('2026-10-03T15:45:00.000Z');
  });
});

describe('wallClockAt and offsets', () => {
  it('round-trips every hour of a year in New York, except the repeated fall-back hour', () => {
    const zone = 'America/New_York';
    let checked = 0;
    for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 3_600_000) {
      const wall = wallClockAt(instant, zone);
      const back = zonedTimeToUtc(wall, zone).getTime();
      if (back !== instant) expect(instant - back).toBe(3_600_000);
      else checked += 1;
    }
    expect(checked).toBe(8759);
  });

  it('reports the UTC offset and the local day', () => {
    expect(utcOffsetAt(Date.UTC(2026, 0, 1), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(utcOffsetAt(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(localDayNumberAt(Date.UTC(2026, 0, 1, 3), 'America/New_York')).toBe(dayNumberOf(at(2025, 12, 31, 0)));
  });
});
