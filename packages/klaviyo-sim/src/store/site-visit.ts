import { logNormal } from '../random/distributions.js';
import type { RandomSource } from '../random/random-source.js';
import type { EventLog } from './event-log.js';
import { MAX_LATER_ORDER_MS, type FunnelRates } from './funnel-rates.js';
import { METRIC } from './metric-catalog.js';
import { drawItemCount, drawItemIndexes, PRODUCT_PRICES } from './products.js';

const MEDIAN_ORDER_VALUE = 70;
const ORDER_VALUE_LOG_SPREAD = 0.55;
const MINUTE = 60_000;

/** What a visit needs beyond the log and the random stream. */
export interface VisitContext {
  log: EventLog;
  random: RandomSource;
  profile: number;
  /** Message ref the visit (and any order) is attributed to, or NO_REF. */
  ref: number;
  /** Multiplier on checkout and order steps (√ of the store's purchase intent). */
  intent: number;
  /** A fresh key for each order, unique within the layer. */
  nextOrderKey(): number;
}

/** The instant of an order, or undefined when the visit did not convert. */
export type VisitOutcome = number | undefined;

/**
 * Appends a Placed Order and one Ordered Product per item at `time`: value log-normal around
 * $70, split over the items in proportion to their prices.
 */
export function emitOrder(context: VisitContext, time: number): void {
  const { log, random, profile, ref } = context;
  const value = Math.max(1, Math.round(logNormal(random, MEDIAN_ORDER_VALUE, ORDER_VALUE_LOG_SPREAD) * 100) / 100);
  const items = drawItemIndexes(random, drawItemCount(random)).sort((a, b) => a - b);
  const key = context.nextOrderKey();
  const mask = items.reduce((bits, item) => bits | (1 << item), 0);
  log.push(time, METRIC.placedOrder, profile, ref, value, key, mask);
  const listTotal = items.reduce((sum, item) => sum + (PRODUCT_PRICES[item] ?? 1), 0);
  for (const item of items) {
    const share = Math.round(((value * (PRODUCT_PRICES[item] ?? 1)) / listTotal) * 100) / 100;
    log.push(time, METRIC.orderedProduct, profile, ref, share, key, item);
  }
}

const clamp01 = (value: number) => Math.min(0.95, value);

/**
 * A visit to the shop starting at `start`: Active on Site, then Viewed Product, Added to Cart,
 * Started Checkout and Placed Order, each with the funnel's chance given the step before. A visit
 * that viewed a product but did not order may come back within three days to order.
 */
export function siteVisit(context: VisitContext, start: number, funnel: FunnelRates): VisitOutcome {
  const { log, random, profile, ref } = context;
  let at = start + (5 + random.nextInt(35)) * 1000;
  log.push(at, METRIC.activeOnSite, profile, ref);
  if (random.next() >= funnel.view) return undefined;
  at += (1 + random.next() * 3) * MINUTE;
  log.push(at, METRIC.viewedProduct, profile, ref);
  let ordered: VisitOutcome;
  if (random.next() < funnel.cart) {
    at += (1 + random.next() * 4) * MINUTE;
    log.push(at, METRIC.addedToCart, profile, ref);
    if (random.next() < clamp01(funnel.checkout * context.intent)) {
      at += (1 + random.next() * 5) * MINUTE;
      log.push(at, METRIC.startedCheckout, profile, ref);
      if (random.next() < clamp01(funnel.order * context.intent)) {
        at += (2 + random.next() * 10) * MINUTE;
        emitOrder(context, at);
        ordered = at;
      }
    }
  }
  if (ordered === undefined && random.next() < funnel.later * context.intent) {
    const back = at + (0.25 + random.next() * 0.75) * MAX_LATER_ORDER_MS;
    log.push(back, METRIC.activeOnSite, profile, ref);
    const orderAt = back + (3 + random.next() * 10) * MINUTE;
    emitOrder(context, orderAt);
    ordered = orderAt;
  }
  return ordered;
}
