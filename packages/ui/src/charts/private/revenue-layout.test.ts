// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { currencyFormatters } from './format-currency.js';
import { plotPoints } from './plot-points.js';
import { revenueLayout } from './revenue-layout.js';

const money = currencyFormatters({ currency: 'USD', locale: 'en-US' });
const series = (values: number[], start = new Date(2025, 0, 1)) =>
  plotPoints(
    values.map((value, i) => ({ date: new Date(start.getFullYear(), start.getMonth(), start.getDate() + i), value })),
    (d) => d.date,
    (d) => d.value,
  );
const layoutOf = (values: number[], width = 640) =>
  revenueLayout({ points: series(values), width, height: 320, formatValue: money.compact });

describe('revenueLayout', () => {
  it('puts the first and last y ticks on the ends of a domain that includes zero', () => {
    const { yScale, yTicks } = layoutOf([130_000, 228_500, 161_900]);
    expect(yScale.domain()[0]).toBe(0);
    expect(yTicks[0]).toBe(0);
    expect(yTicks.at(-1)).toBe(yScale.domain()[1]);
    expect(yScale.domain()[1]).toBeGreaterThanOrEqual(228_500);
  });

  it('keeps refunds inside the plot', () => {
    const { yScale, innerHeight } = layoutOf([400, -1250.4, 0, 300]);
    expect(yScale.domain()[0]).toBeLessThanOrEqual(-1250.4);
    expect(yScale(-1250.4)).toBeLessThanOrEqual(innerHeight);
    expect(yScale(0)).toBeLessThan(innerHeight);
  });

  it('places a single point mid-chart with finite coordinates', () => {
    const { xScale, yScale, innerWidth, xTicks } = layoutOf([1_234_567.89]);
    const [point] = series([1_234_567.89]);
    expect(xScale(point!.date)).toBeCloseTo(innerWidth / 2);
    expect(Number.isFinite(yScale(point!.value))).toBe(true);
    // Whole days only: no "6:00 AM" ticks around a lone date.
    expect(xTicks.every((t) => t.getHours() === 0)).toBe(true);
  });

  it('drops time-of-day ticks for date-only series', () => {
    const { xTicks } = layoutOf([1, 2, 3, 4, 5, 6], 1400);
    expect(xTicks.length).toBeGreaterThanOrEqual(2);
    expect(xTicks.every((t) => t.getHours() === 0)).toBe(true);
  });

  it('reserves a left margin for the longest y label and never a negative width', () => {
    expect(layoutOf([1_234_567]).margin.left).toBeGreaterThan(layoutOf([12]).margin.left);
    expect(layoutOf([1, 2], 10).innerWidth).toBeGreaterThan(0);
  });
});
