// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nearestIndex } from './nearest-index.js';
import { plotPoints } from './plot-points.js';
import { timeDomain } from './time-domain.js';
import { valueDomain } from './value-domain.js';

describe('valueDomain', () => {
  it('always includes zero', () => {
    expect(valueDomain([120, 80, 300])).toEqual([0, 300]);
    expect(valueDomain([-40, -10])).toEqual([-40, 0]);
  });
  it('includes refunds below zero', () => {
    expect(valueDomain([50, -20, 10])).toEqual([-20, 50]);
  });
  it('never collapses', () => {
    expect(valueDomain([0, 0])).toEqual([0, 1]);
    expect(valueDomain([])).toEqual([0, 1]);
  });
  it('handles long series', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => i);
    expect(valueDomain(values)).toEqual([0, 299_999]);
  });
});

describe('timeDomain', () => {
  it('spans the earliest to the latest time', () => {
    const [start, end] = timeDomain([Date.UTC(2025, 0, 3), Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 2)]);
    expect(start.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(end.toISOString()).toBe('2025-01-03T00:00:00.000Z');
  });
  it('widens a single instant by a day each side', () => {
    const [start, end] = timeDomain([Date.UTC(2025, 0, 1)]);
    expect(start.toISOString()).toBe('2024-12-31T00:00:00.000Z');
    expect(end.toISOString()).toBe('2025-01-02T00:00:00.000Z');
  });
  it('rejects an empty series', () => {
    expect(() => timeDomain([])).toThrow(RangeError);
  });
});

describe('nearestIndex', () => {
  const sorted = [0, 10, 20];
  it('picks the closest value', () => {
    expect(nearestIndex(sorted, 14)).toBe(1);
    expect(nearestIndex(sorted, 16)).toBe(2);
    expect(nearestIndex(sorted, 10)).toBe(1);
  });
  it('breaks ties towards the earlier value', () => {
    expect(nearestIndex(sorted, 5)).toBe(0);
  });
  it('clamps outside the range', () => {
    expect(nearestIndex(sorted, -5)).toBe(0);
    expect(nearestIndex(sorted, 99)).toBe(2);
  });
  it('handles one and zero values', () => {
    expect(nearestIndex([7], 100)).toBe(0);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});

describe('plotPoints', () => {
  it('sorts by date and drops unusable points', () => {
    const points = plotPoints(
      [
        { day: '2025-01-03', amount: 3 },
        { day: 'not a date', amount: 9 },
        { day: '2025-01-01', amount: 1 },
        { day: '2025-01-02', amount: Number.NaN },
        { day: '2025-01-04', amount: -2 },
      ],
      (d) => new Date(d.day),
      (d) => d.amount,
    );
    expect(points.map((p) => p.value)).toEqual([1, 3, -2]);
    expect(points.map((p) => p.time)).toEqual([
      Date.UTC(2025, 0, 1),
      Date.UTC(2025, 0, 3),
      Date.UTC(2025, 0, 4),
    ]);
  });
});
