import { finalizeHash, hashFiveIntegers } from '../random/hash.js';
import { createRandomSource, type RandomSource } from '../random/random-source.js';
import { isAlive } from './audiences.js';
import { NO_REF, type EventLog } from './event-log.js';
import { FUNNELS, MACHINE_OPEN_RATE, MAX_OPEN_DELAY_MS, REOPEN_RATE, type FunnelRates } from './funnel-rates.js';
import { METRIC } from './metric-catalog.js';
import type { ProfileCore, ProfilePool } from './profiles.js';
import { siteVisit, type VisitContext } from './site-visit.js';
import type { SimChannel } from './types.js';

/** Numeric stream tag: hashing numbers is cheaper than a string, and journeys are the hot path. */
const JOURNEY_STREAM = 7_001;

/** Post-purchase emails go out this long after an order. */
export const POST_PURCHASE_DELAY_MS = 5 * 86_400_000;

/** What every journey of one generation layer shares. */
export interface JourneyEnv {
  seed: number;
  pool: ProfilePool;
  log: EventLog;
  /** √(purchase intent): scales checkout and order steps. */
  intent: number;
  /** Message ref of the post-purchase email. */
  postPurchaseRef: number;
  nextOrderKey(): number;
}

/** One message sent to one profile. */
export interface Send {
  ref: number;
  channel: SimChannel;
  sendAt: number;
  /** Spread of delivery after `sendAt` (large sends take minutes to go out). */
  spreadMs: number;
  funnel: FunnelRates;
  /** The address bounces (first send to a bad address). */
  bounces?: boolean;
  /** The profile unsubscribes in response to this send, at `profile.emailEndsAt`. */
  unsubscribes?: boolean;
}

const exponential = (random: RandomSource, mean: number) => -Math.log(1 - random.next()) * mean;

/**
 * Generates what one profile does with one message: Received (or Bounced) Email, machine opens
 * from Apple Mail Privacy Protection, real opens, clicks, the site visit a click leads to, orders
 * attributed to the message, and a post-purchase email after such an order. Keyed by (seed,
 * message, profile), so the same send always plays out the same way.
 */
export function runJourney(env: JourneyEnv, profile: ProfileCore, send: Send): void {
  // Most recipients only receive: decide that from one hash and make a random stream only for the rest.
  const hash = hashFiveIntegers(env.seed, JOURNEY_STREAM, send.ref, profile.index, Math.floor(send.sendAt / 1000));
  const { log } = env;
  const who = profile.index;
  const received = send.sendAt + ((hash & 0xffff) / 65_536) * send.spreadMs;
  if (send.bounces) {
    log.push(received, METRIC.bouncedEmail, who, send.ref);
    return;
  }
  const active = send.funnel.reactivates || isAlive(profile.traits, profile.created, received);
  const engagement = profile.traits.engagement * (active ? 1 : 0.15);
  const second = finalizeHash(hash ^ 0x9e3779b9);
  const acts = second / 0x1_0000_0000 < (send.channel === 'sms' ? (active ? send.funnel.click * engagement : 0) : send.funnel.open * engagement);
  let clickAt: number | undefined;
  if (send.channel === 'sms') {
    log.push(received, METRIC.receivedSms, who, send.ref);
    if (!acts) return;
    const random = createRandomSource(second);
    clickAt = received + Math.min(MAX_OPEN_DELAY_MS, exponential(random, send.funnel.openDelayHours * 3_600_000));
    log.push(clickAt, METRIC.clickedSms, who, send.ref);
    return visitAfterClick(env, profile, send, random, clickAt);
  }
  log.push(received, METRIC.receivedEmail, who, send.ref);
  if (profile.traits.appleMail && ((hash >>> 16) & 0xff) < MACHINE_OPEN_RATE * 256) {
    log.push(received + (20 + (hash >>> 24) * 21) * 1000, METRIC.openedEmail, who, send.ref, 0, 0, 1);
  }
  if (send.unsubscribes) {
    const openAt = received + (profile.emailEndsAt - received) / 2;
    log.push(openAt, METRIC.openedEmail, who, send.ref);
    log.push(profile.emailEndsAt, METRIC.unsubscribedEmail, who, send.ref);
    return;
  }
  if (!acts) return;
  const random = createRandomSource(second);
  const openAt = received + Math.min(MAX_OPEN_DELAY_MS, exponential(random, send.funnel.openDelayHours * 3_600_000));
  log.push(openAt, METRIC.openedEmail, who, send.ref);
  if (random.next() < REOPEN_RATE) {
    log.push(openAt + random.next() * (received + MAX_OPEN_DELAY_MS - openAt), METRIC.openedEmail, who, send.ref);
  }
  if (!active || random.next() >= send.funnel.click) return;
  clickAt = openAt + (10 + random.nextInt(290)) * 1000;
  log.push(clickAt, METRIC.clickedEmail, who, send.ref);
  visitAfterClick(env, profile, send, random, clickAt);
}

function visitAfterClick(env: JourneyEnv, profile: ProfileCore, send: Send, random: RandomSource, clickAt: number): void {
  const visit: VisitContext = { log: env.log, random, profile: profile.index, ref: send.ref, intent: env.intent, nextOrderKey: env.nextOrderKey };
  const orderAt = siteVisit(visit, clickAt, send.funnel);
  if (orderAt !== undefined && send.funnel.postPurchase) sendPostPurchase(env, profile, orderAt);
}

/** Queues the post-purchase email after an order, if email still reaches the profile then. */
export function sendPostPurchase(env: JourneyEnv, profile: ProfileCore, orderAt: number): void {
  const sendAt = orderAt + POST_PURCHASE_DELAY_MS;
  if (!env.pool.canEmailAt(profile, sendAt)) return;
  runJourney(env, profile, { ref: env.postPurchaseRef, channel: 'email', sendAt, spreadMs: 60_000, funnel: FUNNELS.postPurchase });
}

/** The visit context of an organic (unattributed) visit. */
export function organicVisit(env: JourneyEnv, random: RandomSource, profile: number): VisitContext {
  return { log: env.log, random, profile, ref: NO_REF, intent: env.intent, nextOrderKey: env.nextOrderKey };
}
