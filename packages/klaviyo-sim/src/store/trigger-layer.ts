import { isAlive } from './audiences.js';
import type { CampaignSend } from './campaign-catalog.js';
import { browseSessions } from './browse-sessions.js';
import { EventLog } from './event-log.js';
import { flowPlan, flowStepRef } from './flow-catalog.js';
import { FUNNELS } from './funnel-rates.js';
import { runJourney, type JourneyEnv } from './message-journey.js';
import { EMAIL_CONSENT, SMS_CONSENT } from './profile-traits.js';
import { WELCOME_DELAY_MS, type ProfileCore } from './profiles.js';
import type { StoreModel } from './store-model.js';

/** Large campaign sends go out over a few minutes (less than the quickest unsubscribe). */
const CAMPAIGN_SPREAD_MS = 4 * 60_000;
const FLOW_SPREAD_MS = 30_000;

/** Keys of orders generated in one layer of one day: unique across layers and days. */
export function orderKeyBase(day: number, layer: 0 | 1): number {
  return (day * 2 + layer) * 2 ** 20;
}

/** A journey environment writing into `log`, numbering orders from `orderKeyBase(day, layer)`. */
export function journeyEnv(model: StoreModel, log: EventLog, day: number, layer: 0 | 1): JourneyEnv {
  let orders = 0;
  return {
    seed: model.seed,
    pool: model.pool,
    log,
    intent: model.intent,
    postPurchaseRef: flowStepRef('post_purchase', 0),
    nextOrderKey: () => orderKeyBase(day, layer) + (orders += 1),
  };
}

function inAudience(model: StoreModel, send: CampaignSend, profile: ProfileCore): boolean {
  const { pool } = model;
  switch (send.plan.audience) {
    case 'sms':
      return pool.canTextAt(profile, send.sendAt);
    case 'engaged':
      return pool.canEmailAt(profile, send.sendAt) && isAlive(profile.traits, profile.created, send.sendAt);
    case 'vip':
      return pool.canEmailAt(profile, send.sendAt) && profile.traits.vip;
    default:
      return pool.canEmailAt(profile, send.sendAt);
  }
}

function campaignJourneys(model: StoreModel, env: JourneyEnv, day: number): void {
  for (const send of model.campaignSends(day)) {
    const funnel = FUNNELS[send.plan.audience === 'newsletter' ? 'newsletter' : send.plan.audience];
    const signedUp = model.pool.curve.firstIndexAtOrAfter(send.sendAt);
    const reachable = send.plan.channel === 'sms' ? SMS_CONSENT : EMAIL_CONSENT;
    for (let index = 0; index < signedUp; index += 1) {
      if ((model.pool.consents(index) & reachable) === 0) continue;
      const profile = model.pool.core(index);
      if (!inAudience(model, send, profile)) continue;
      const unsubscribes = send.plan.slot === 0 && profile.unsubscribeSendAt === send.sendAt;
      runJourney(env, profile, { ref: send.ref, channel: send.plan.channel, sendAt: send.sendAt, spreadMs: CAMPAIGN_SPREAD_MS, funnel, unsubscribes });
    }
  }
}

function welcomeJourneys(model: StoreModel, env: JourneyEnv, day: number): void {
  const { start, end } = model.localDay(day);
  const steps = flowPlan('welcome').steps;
  const first = model.pool.curve.firstIndexAtOrAfter(start);
  const last = model.pool.curve.firstIndexAtOrAfter(end);
  for (let index = first; index < last; index += 1) {
    const profile = model.pool.core(index);
    if (!profile.traits.emailConsent) continue;
    let sendAt = profile.created + WELCOME_DELAY_MS;
    const ref = flowStepRef('welcome', 0);
    if (profile.traits.badEmail) {
      runJourney(env, profile, { ref, channel: 'email', sendAt, spreadMs: 0, funnel: FUNNELS.welcome, bounces: true });
      continue;
    }
    steps.forEach((step, stepIndex) => {
      if (stepIndex > 0) sendAt += step.delayMs;
      if (!model.pool.canEmailAt(profile, sendAt)) return;
      runJourney(env, profile, { ref: flowStepRef('welcome', stepIndex), channel: 'email', sendAt, spreadMs: FLOW_SPREAD_MS, funnel: FUNNELS.welcome });
    });
  }
}

function winBackJourneys(model: StoreModel, env: JourneyEnv, day: number): void {
  const [firstStep, secondStep] = flowPlan('win_back').steps;
  if (!firstStep || !secondStep) return;
  for (const index of model.winBacksDue(day)) {
    const profile = model.pool.core(index);
    const sendAt = profile.created + profile.traits.lifetimeMs + firstStep.delayMs;
    if (model.pool.canEmailAt(profile, sendAt)) {
      runJourney(env, profile, { ref: flowStepRef('win_back', 0), channel: 'email', sendAt, spreadMs: FLOW_SPREAD_MS, funnel: FUNNELS.winBack });
    }
    const secondAt = sendAt + secondStep.delayMs;
    if (model.pool.canEmailAt(profile, secondAt)) {
      runJourney(env, profile, { ref: flowStepRef('win_back', 1), channel: 'email', sendAt: secondAt, spreadMs: FLOW_SPREAD_MS, funnel: FUNNELS.winBack });
    }
  }
}

/**
 * Everything that starts on a local day and does not depend on that day's organic orders:
 * campaign sends, welcome series of the day's signups, win-backs of profiles that lapsed 60 days
 * ago, and browsing sessions with the abandonment flows they trigger. Events may land up to
 * about two weeks later (opens, delayed orders, post-purchase emails), never earlier.
 */
export function generateTriggerLayer(model: StoreModel, day: number, log = new EventLog()): EventLog {
  const env = journeyEnv(model, log, day, 0);
  campaignJourneys(model, env, day);
  welcomeJourneys(model, env, day);
  winBackJourneys(model, env, day);
  browseSessions(model, env, day);
  return log;
}

/** How many days after its origin day an event of the trigger layer can land, at most. */
export const TRIGGER_LAYER_SPAN_DAYS = 16;
