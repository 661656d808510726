import { cumulativeWeights, logNormal, pickWeighted, poisson } from '../random/distributions.js';
import { createRandomSource } from '../random/random-source.js';
import { civilDateOf } from '../time/civil-date.js';
import { startOfLocalDay, utcOffsetAt, zonedTimeToUtc } from '../time/zoned-time.js';
import { base62, timeOrderedUuid } from './ids.js';
import { expectedOrders } from './order-demand.js';
import { drawItemCount, drawItemNames } from './products.js';
import type { ProfilePool } from './profiles.js';
import type { SimEvent } from './types.js';

/** Relative order volume by local hour, midnight first: quiet nights, an evening peak. */
export const HOURLY_FACTORS = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.1, 1.2, 1.3,
  1.35, 1.3, 1.25, 1.2, 1.2, 1.3, 1.45, 1.6, 1.65, 1.5, 1.1, 0.6,
] as const;

const HOUR_WEIGHTS = cumulativeWeights([...HOURLY_FACTORS]);
const MEDIAN_ORDER_VALUE = 70;
const ORDER_VALUE_LOG_SPREAD = 0.55;

/** What the Placed Order generator needs to know about the store. */
export interface PlacedOrderContext {
  seed: number;
  metricId: string;
  /** Position of the metric in the catalogue; keeps event ids of different metrics apart. */
  metricIndex: number;
  /** Three characters shared by every event id of this store. */
  idPrefix: string;
  ordersPerDay: number;
  /** Day number of the fixed date that growth and the customer base are measured from. */
  anchorDay: number;
  timezone: string;
  currency: string;
  profiles: ProfilePool;
}

interface Draft {
  instant: number;
  value: number;
  itemNames: string[];
  buyer: number;
}

/**
 * Generates every Placed Order of one local day, sorted by (datetime, id), from a random stream
 * keyed by (seed, day) alone, so any day can be made without the others.
 */
export function placedOrdersOn(context: PlacedOrderContext, dayNumber: number): SimEvent[] {
  const { seed, timezone } = context;
  const random = createRandomSource(seed, 'placed-order', dayNumber);
  const count = poisson(random, expectedOrders(context, dayNumber));
  const dayStart = startOfLocalDay(dayNumber, timezone).getTime();
  const nextDayStart = startOfLocalDay(dayNumber + 1, timezone).getTime();
  // Without a clock change inside the day, local time is a fixed shift of UTC: skip Intl per event.
  const steadyOffset = utcOffsetAt(dayStart, timezone) === utcOffsetAt(nextDayStart - 1, timezone);
  const date = civilDateOf(dayNumber);
  const anchorOffset = dayNumber - context.anchorDay;

  const drafts: Draft[] = [];
  for (let i = 0; i < count; i += 1) {
    const hour = pickWeighted(random, HOUR_WEIGHTS);
    const secondOfHour = random.nextInt(3600);
    const instant = steadyOffset
      ? dayStart + (hour * 3600 + secondOfHour) * 1000
      : zonedTimeToUtc({ ...date, hour, minute: Math.floor(secondOfHour / 60), second: secondOfHour % 60 }, timezone).getTime();
    const value = Math.max(1, Math.round(logNormal(random, MEDIAN_ORDER_VALUE, ORDER_VALUE_LOG_SPREAD) * 100) / 100);
    const itemNames = drawItemNames(random, drawItemCount(random));
    drafts.push({ instant, value, itemNames, buyer: context.profiles.pickBuyer(random, anchorOffset) });
  }
  // Sequence numbers follow time, so (datetime, id) order is the sequence order.
  drafts.sort((a, b) => a.instant - b.instant);

  return drafts.map((draft, sequence) => {
    const id = context.idPrefix + base62(dayNumber, 3) + base62(context.metricIndex, 1) + base62(sequence, 4);
    const orderId = String(dayNumber * 1_000_000 + sequence + 1);
    const properties = Object.freeze({
      $value: draft.value,
      $event_id: orderId,
      OrderId: orderId,
      ItemNames: Object.freeze(draft.itemNames),
      ItemCount: draft.itemNames.length,
      Currency: context.currency,
    });
    return Object.freeze({
      id,
      uuid: timeOrderedUuid(draft.instant, seed, id),
      metricId: context.metricId,
      profileId: context.profiles.idOf(draft.buyer),
      datetime: new Date(draft.instant),
      value: draft.value,
      properties,
    });
  });
}
