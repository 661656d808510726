import { addCalendarMonths, type CivilDate, dayNumberOf } from '../time/civil-date.js';
import { startOfLocalDay, wallClockAt } from '../time/zoned-time.js';
import { createAccount } from './account.js';
import { listEvents, type Timeline } from './event-timeline.js';
import { shortId } from './ids.js';
import { LruCache } from './lru-cache.js';
import { createMetrics } from './metric-catalog.js';
import { placedOrdersOn, type PlacedOrderContext } from './placed-orders.js';
import { createProfilePool } from './profiles.js';
import { resolveStoreOptions } from './store-options.js';
import type { KlaviyoStore, SimEvent, StoreOptions } from './types.js';

/**
 * Growth and the customer base are measured from this fixed date, not from the window start: moving
 * `now` forward (the demo runs on the real clock) then adds new days without changing the days
 * already served, as a real account would.
 */
export const DEMAND_ANCHOR: CivilDate = { year: 2025, month: 10, day: 1 };

/** Days of events kept in memory; enough for concurrent paging, small beside a 13-month window. */
const CACHED_DAYS = 48;

/**
 * Creates the deterministic synthetic Klaviyo account the simulator serves. Nothing is generated
 * up front: events are made per local day on demand and a few recent days are cached.
 *
 * ### Examples
 * ```ts
 * const store = createKlaviyoStore({ seed: 7, ordersPerDay: 15 });
 * const placedOrder = store.metrics.find((metric) => metric.name === 'Placed Order')!;
 * for (const event of store.events({ metricId: placedOrder.id, to: new Date('2025-10-02T00:00:00Z') })) {
 *   console.log(event.datetime.toISOString(), event.value);
 * }
 * ```
 *
 * @throws {InvalidStoreOptionError} when an option is out of range.
 */
export function createKlaviyoStore(options: StoreOptions = {}): KlaviyoStore {
  const resolved = resolveStoreOptions(options);
  const { seed, timezone } = resolved;
  const now = new Date(resolved.now.getTime());
  const firstDate = addCalendarMonths(wallClockAt(now.getTime(), timezone), -resolved.months);
  const startDay = dayNumberOf(firstDate);
  const start = startOfLocalDay(startDay, timezone);
  const anchorDay = dayNumberOf(DEMAND_ANCHOR);

  const account = createAccount(resolved);
  const metrics = createMetrics(seed, startOfLocalDay(anchorDay, timezone));
  const metricIndex = metrics.findIndex((metric) => metric.name === 'Placed Order');
  const placedOrderMetric = metrics[metricIndex];
  if (!placedOrderMetric) throw new Error('The metric catalogue has no Placed Order metric');

  const profiles = createProfilePool({ seed, ordersPerDay: resolved.ordersPerDay, anchorDay, timezone });
  const placedOrders: PlacedOrderContext = {
    seed,
    metricId: placedOrderMetric.id,
    metricIndex,
    idPrefix: shortId(seed, 'event-id').slice(0, 3),
    ordersPerDay: resolved.ordersPerDay,
    anchorDay,
    timezone,
    currency: resolved.currency,
    profiles,
  };
  const generators = new Map<string, (dayNumber: number) => SimEvent[]>([
    [placedOrderMetric.id, (dayNumber) => placedOrdersOn(placedOrders, dayNumber)],
  ]);
  const cache = new LruCache<string, readonly SimEvent[]>(CACHED_DAYS);

  const timeline: Timeline = {
    start,
    now,
    timezone,
    metricIdsWithEvents: [...generators.keys()],
    eventsOn: (metricId, dayNumber) => {
      const generate = generators.get(metricId);
      if (!generate) return [];
      return cache.getOrCreate(`${metricId}/${dayNumber}`, () => Object.freeze(generate(dayNumber)));
    },
  };
  const metricsById = new Map(metrics.map((metric) => [metric.id, metric]));

  return {
    options: { ...resolved, now: new Date(now.getTime()) },
    account,
    metrics,
    start: new Date(start.getTime()),
    now: new Date(now.getTime()),
    events: (query) => ({ [Symbol.iterator]: () => listEvents(timeline, query) }),
    metric: (id) => metricsById.get(id),
    profile: (id) => profiles.find(id),
  };
}
