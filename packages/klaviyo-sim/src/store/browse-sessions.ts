import { poisson } from '../random/distributions.js';
import { createRandomSource, type RandomSource } from '../random/random-source.js';
import { flowPlan, flowStepRef } from './flow-catalog.js';
import { FUNNELS } from './funnel-rates.js';
import { randomInstantIn } from './local-times.js';
import { runJourney, type JourneyEnv } from './message-journey.js';
import { METRIC } from './metric-catalog.js';
import { expectedOrders } from './order-demand.js';
import type { ProfileCore } from './profiles.js';
import type { StoreModel } from './store-model.js';

/** Visits that end without an order, per expected order of the day. */
const BROWSE_SESSIONS_PER_ORDER = 4;
const VIEW_RATE = 0.75;
const CART_RATE = 0.3;
const CHECKOUT_RATE = 0.35;
/** Smart sending and flow filters skip some browse-abandonment sends. */
const BROWSE_FLOW_SEND_RATE = 0.6;
const MINUTE = 60_000;

function abandonmentFlows(model: StoreModel, env: JourneyEnv, random: RandomSource, profile: ProfileCore, viewedAt: number, checkoutAt: number | undefined): void {
  const { pool } = model;
  if (checkoutAt !== undefined) {
    const [email, sms] = flowPlan('abandoned_cart').steps;
    const emailAt = checkoutAt + (email?.delayMs ?? 0);
    if (pool.canEmailAt(profile, emailAt)) {
      runJourney(env, profile, { ref: flowStepRef('abandoned_cart', 0), channel: 'email', sendAt: emailAt, spreadMs: 30_000, funnel: FUNNELS.abandonedCartEmail });
    }
    const smsAt = emailAt + (sms?.delayMs ?? 0);
    if (pool.canTextAt(profile, smsAt)) {
      runJourney(env, profile, { ref: flowStepRef('abandoned_cart', 1), channel: 'sms', sendAt: smsAt, spreadMs: 30_000, funnel: FUNNELS.abandonedCartSms });
    }
    return;
  }
  const sendAt = viewedAt + (flowPlan('browse_abandonment').steps[0]?.delayMs ?? 0);
  if (random.next() < BROWSE_FLOW_SEND_RATE && pool.canEmailAt(profile, sendAt)) {
    runJourney(env, profile, { ref: flowStepRef('browse_abandonment', 0), channel: 'email', sendAt, spreadMs: 30_000, funnel: FUNNELS.browseAbandonment });
  }
}

/**
 * The day's visits that end without an order: Active on Site, often Viewed Product, sometimes a
 * cart and a checkout. An abandoned checkout triggers the abandoned-cart flow (email, then SMS);
 * a product view without a cart, the browse-abandonment flow.
 */
export function browseSessions(model: StoreModel, env: JourneyEnv, day: number): void {
  const random = createRandomSource(model.seed, 'browse-sessions', day);
  const localDay = model.localDay(day);
  const count = poisson(random, expectedOrders(model, day) * BROWSE_SESSIONS_PER_ORDER);
  const shoppers = model.shoppers(day);
  const { log } = env;
  for (let i = 0; i < count; i += 1) {
    const start = randomInstantIn(random, localDay);
    const profile = shoppers.pick(random, start);
    if (!profile) continue;
    log.push(start, METRIC.activeOnSite, profile.index);
    if (random.next() >= VIEW_RATE) continue;
    const viewedAt = start + (1 + random.next() * 4) * MINUTE;
    log.push(viewedAt, METRIC.viewedProduct, profile.index);
    let checkoutAt: number | undefined;
    if (random.next() < CART_RATE) {
      const cartAt = viewedAt + (1 + random.next() * 4) * MINUTE;
      log.push(cartAt, METRIC.addedToCart, profile.index);
      if (random.next() < CHECKOUT_RATE) {
        checkoutAt = cartAt + (1 + random.next() * 5) * MINUTE;
        log.push(checkoutAt, METRIC.startedCheckout, profile.index);
      }
    }
    abandonmentFlows(model, env, random, profile, viewedAt, checkoutAt);
  }
}
