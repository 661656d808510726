import { describe, expect, it, vi } from 'vitest';
import { createKlaviyoStore } from './create-klaviyo-store.js';
import { dailyTotals } from './daily-totals.js';

// Whole-window generation takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

describe('dailyTotals', () => {
  it('sums events by the local day of the account, not by UTC day', () => {
    const store = createKlaviyoStore({ seed: 9, ordersPerDay: 40, size: 3000 });
    const metricId = store.metrics.find((metric) => metric.name === 'Placed Order')!.id;
    // One UTC day, 2026-03-07: its first five hours are still 2026-03-06 in New York (UTC−5).
    const from = new Date('2026-03-07T00:00:00Z');
    const localMidnight = new Date('2026-03-07T05:00:00Z');
    const to = new Date('2026-03-08T00:00:00Z');
    const sum = (events: ReturnType<typeof store.events>) => {
      const list = [...events];
      return { count: list.length, value: list.reduce((total, event) => total + event.value, 0) };
    };
    const evening = sum(store.events({ metricId, from, to: localMidnight }));
    const day = sum(store.events({ metricId, from: localMidnight, to }));
    expect(evening.count).toBeGreaterThan(0);

    // Without a metric it sums Placed Orders, what a default sync loads; other metrics are there too.
    const totals = dailyTotals(store, { from, to });
    expect(dailyTotals(store, { from, to, metricId })).toEqual(totals);
    expect([...store.events({ from, to })].length).toBeGreaterThan(evening.count + day.count);
    expect([...totals.keys()]).toEqual(['2026-03-06', '2026-03-07']);
    expect(totals.get('2026-03-06')!.count).toBe(evening.count);
    expect(totals.get('2026-03-06')!.value).toBeCloseTo(evening.value, 6);
    expect(totals.get('2026-03-07')!.count).toBe(day.count);
    expect(totals.get('2026-03-07')!.value).toBeCloseTo(day.value, 6);
  });
});
