import { poisson } from '../random/distributions.js';
import { createRandomSource } from '../random/random-source.js';
import { EventLog } from './event-log.js';
import { randomInstantIn } from './local-times.js';
import { organicVisit, sendPostPurchase } from './message-journey.js';
import { METRIC } from './metric-catalog.js';
import { expectedOrders } from './order-demand.js';
import { emitOrder } from './site-visit.js';
import type { StoreModel } from './store-model.js';
import { journeyEnv } from './trigger-layer.js';

/** At least this share of the demand model's orders is organic, however many are attributed. */
const MIN_ORGANIC_SHARE = 0.25;
const MINUTE = 60_000;

/**
 * The day's organic orders (no message drove them): their number makes attributed plus organic
 * orders follow the demand model (growth, weekday, season, promotions), so the Placed Order
 * series keeps its shape. Each comes with its visit (Active on Site, Viewed Product, Added to
 * Cart, Started Checkout) and a post-purchase email five days later.
 *
 * @param attributedOnDay Placed Orders attributed to messages that land on this local day.
 * @param log Where the events go: an empty log (a pooled one, say).
 */
export function generateOrderLayer(model: StoreModel, day: number, attributedOnDay: number, log = new EventLog()): EventLog {
  const env = journeyEnv(model, log, day, 1);
  const random = createRandomSource(model.seed, 'organic-orders', day);
  const expected = expectedOrders(model, day);
  const count = poisson(random, Math.max(MIN_ORGANIC_SHARE * expected, expected - attributedOnDay));
  const localDay = model.localDay(day);
  const shoppers = model.shoppers(day);
  for (let i = 0; i < count; i += 1) {
    const orderAt = randomInstantIn(random, localDay);
    const profile = shoppers.pick(random, orderAt);
    if (!profile) continue;
    const who = profile.index;
    // The visit before the order, kept inside the day so no layer writes into an earlier day.
    const visitAt = (minutes: number) => Math.max(localDay.start, orderAt - minutes * MINUTE);
    log.push(visitAt(15 + random.nextInt(10)), METRIC.activeOnSite, who);
    log.push(visitAt(9 + random.nextInt(5)), METRIC.viewedProduct, who);
    log.push(visitAt(5 + random.nextInt(3)), METRIC.addedToCart, who);
    log.push(visitAt(1 + random.nextInt(3)), METRIC.startedCheckout, who);
    emitOrder(organicVisit(env, random, who), orderAt);
    sendPostPurchase(env, profile, orderAt);
  }
  return log;
}

/** How many days after its origin day an event of the order layer can land, at most. */
export const ORDER_LAYER_SPAN_DAYS = 8;
