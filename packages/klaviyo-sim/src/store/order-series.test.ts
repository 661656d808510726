import { beforeAll, describe, expect, it, vi } from 'vitest';
import { dayNumberOf } from '../time/civil-date.js';
import { createKlaviyoStore, DEMAND_ANCHOR } from './create-klaviyo-store.js';
import { expectedOrders } from './order-demand.js';
import type { KlaviyoStore } from './types.js';

// Whole-window generation takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const ZONE = 'America/New_York';
const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const localHour = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: 'numeric', hourCycle: 'h23' });
const dayNumberOfKey = (key: string) => {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  return dayNumberOf({ year, month, day });
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const ORDERS_PER_DAY = 15;
let store: KlaviyoStore;
let placedOrder: string;
/** Placed Order count per local date (YYYY-MM-DD), full days only. */
let perDay: Map<string, number>;

beforeAll(() => {
  store = createKlaviyoStore({ seed: 4, ordersPerDay: ORDERS_PER_DAY });
  placedOrder = store.metrics.find((metric) => metric.name === 'Placed Order')!.id;
  const lastDay = localDate.format(store.now);
  perDay = new Map();
  for (const event of store.events({ metricId: placedOrder })) {
    const key = localDate.format(event.datetime);
    if (key !== lastDay) perDay.set(key, (perDay.get(key) ?? 0) + 1);
  }
});

describe('the Placed Order series', () => {
  it('totals close to the demand model over the window', () => {
    const anchorDay = dayNumberOf(DEMAND_ANCHOR);
    const days = [...perDay.keys()].map(dayNumberOfKey);
    expect(days.length).toBe(396);
    const expected = days.reduce((sum, day) => sum + expectedOrders({ ordersPerDay: ORDERS_PER_DAY, anchorDay }, day), 0);
    const total = [...perDay.values()].reduce((sum, count) => sum + count, 0);
    // A sum of Poisson counts has variance equal to its mean.
    expect(Math.abs(total - expected)).toBeLessThan(4 * Math.sqrt(expected));
    // Growth, seasons and promotions keep the average within a plausible band of the baseline.
    expect(total / days.length).toBeGreaterThan(ORDERS_PER_DAY * 0.95);
    expect(total / days.length).toBeLessThan(ORDERS_PER_DAY * 1.5);
  });

  it('sells more at weekends than on weekdays', () => {
    const weekend: number[] = [];
    const weekday: number[] = [];
    for (const [key, count] of perDay) {
      const weekdayIndex = new Date(`${key}T12:00:00Z`).getUTCDay();
      (weekdayIndex === 0 || weekdayIndex === 6 ? weekend : weekday).push(count);
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const ratio = mean(weekend) / mean(weekday);
    expect(ratio).toBeGreaterThan(1.08);
    expect(ratio).toBeLessThan(1.35);
  });

  it('spikes on Black Friday and Cyber Monday', () => {
    const around = ['2025-11-14', '2025-11-15', '2025-11-16', '2025-11-17', '2025-11-18', '2025-11-19', '2025-11-20', '2025-11-21', '2025-11-22', '2025-11-23', '2025-11-24', '2025-11-25', '2025-12-03', '2025-12-04', '2025-12-05'];
    const typical = median(around.map((key) => perDay.get(key) ?? 0));
    expect(typical).toBeGreaterThan(10);
    expect(perDay.get('2025-11-28')! / typical).toBeGreaterThan(2.3);
    expect(perDay.get('2025-12-01')! / typical).toBeGreaterThan(2);
  });

  it('places few orders at night and most in the evening', () => {
    let night = 0;
    let evening = 0;
    for (const event of store.events({ metricId: placedOrder, to: new Date('2026-03-01T00:00:00Z') })) {
      const hour = Number(localHour.format(event.datetime));
      if (hour >= 2 && hour < 5) night += 1;
      if (hour >= 19 && hour < 22) evening += 1;
    }
    expect(evening / night).toBeGreaterThan(8);
  });

  it('has order values with a median near $70', () => {
    const values = [...store.events({ metricId: placedOrder, to: new Date('2026-01-01T00:00:00Z') })].map((event) => event.value);
    expect(median(values)).toBeGreaterThan(62);
    expect(median(values)).toBeLessThan(78);
  });
});

describe('growth', () => {
  it('sells about a quarter more in October 2026 than in October 2025', () => {
    const larger = createKlaviyoStore({ seed: 4, ordersPerDay: 60, size: 3000 });
    const metricId = larger.metrics.find((metric) => metric.name === 'Placed Order')!.id;
    const count = (from: string, to: string) => [...larger.events({ metricId, from: new Date(from), to: new Date(to) })].length;
    // October 1–30 in New York (EDT, UTC-4), clear of the window's partial last day.
    const october2025 = count('2025-10-01T04:00:00Z', '2025-10-31T04:00:00Z');
    const october2026 = count('2026-10-01T04:00:00Z', '2026-10-31T04:00:00Z');
    expect(october2026 / october2025).toBeGreaterThan(1.15);
    expect(october2026 / october2025).toBeLessThan(1.45);
  });
});
