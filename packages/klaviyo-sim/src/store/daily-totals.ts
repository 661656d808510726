import type { EventQuery, KlaviyoStore } from './types.js';

/** The value sum and event count of one local day. */
export interface DailyTotal {
  value: number;
  count: number;
}

/**
 * Sums what the store generated per local day of the account (`YYYY-MM-DD` keys), straight from the
 * events it serves: the ground truth that tests compare a synced database against. Without a
 * `metricId` it sums **Placed Order** events only (what a default sync loads), not every metric.
 *
 * ### Examples
 * ```ts
 * const totals = dailyTotals(store, { metricId: placedOrder.id });
 * totals.get('2026-10-01'); // { value: 1834.2, count: 24 }
 * ```
 */
export function dailyTotals(store: KlaviyoStore, query: EventQuery = {}): Map<string, DailyTotal> {
  const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: store.account.timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const totals = new Map<string, DailyTotal>();
  const placedOrder = store.metrics.find((metric) => metric.name === 'Placed Order')?.id;
  const scoped = query.metricId === undefined && placedOrder !== undefined ? { ...query, metricId: placedOrder } : query;
  for (const event of store.events(scoped)) {
    const day = localDay.format(event.datetime);
    const total = totals.get(day) ?? { value: 0, count: 0 };
    total.value += event.value;
    total.count += 1;
    totals.set(day, total);
  }
  return totals;
}
