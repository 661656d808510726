import { campaignSendsOn, type CampaignSend } from './campaign-catalog.js';
import { flowPlan } from './flow-catalog.js';
import { createLapseIndex } from './lapse-index.js';
import type { LocalClock } from './local-clock.js';
import type { LocalDay } from './local-times.js';
import { LruCache } from './lru-cache.js';
import type { ProfilePool } from './profiles.js';
import { createShopperSampler, type ShopperSampler } from './shopper-sampler.js';

/** What the event generators share: options, the profile pool and small per-day lookups. */
export interface StoreModel {
  seed: number;
  timezone: string;
  ordersPerDay: number;
  /** Day number of the fixed date that growth is measured from. */
  anchorDay: number;
  /** √ of purchase intent (orders per day relative to the size's default), scaling conversion steps. */
  intent: number;
  pool: ProfilePool;
  clock: LocalClock;
  /** A local day's bounds. */
  localDay(day: number): LocalDay;
  /** Campaigns sent on a local day. */
  campaignSends(day: number): readonly CampaignSend[];
  /** The shopper sampler of a local day. */
  shoppers(day: number): ShopperSampler;
  /** Profiles whose first win-back email is due on a local day. */
  winBacksDue(day: number): readonly number[];
}

/** Builds the model with its memo tables (bounded: day bounds are a few numbers per day). */
export function createStoreModel(options: Omit<StoreModel, 'localDay' | 'campaignSends' | 'shoppers' | 'winBacksDue'>): StoreModel {
  const starts = new Map<number, number>();
  const dayStart = (day: number): number => {
    let start = starts.get(day);
    if (start === undefined) {
      start = options.clock.dayStart(day);
      starts.set(day, start);
    }
    return start;
  };
  const sends = new LruCache<number, readonly CampaignSend[]>(256);
  const samplers = new LruCache<number, ShopperSampler>(8);
  const winBackDelay = flowPlan('win_back').steps[0]?.delayMs ?? 0;
  const lapses = createLapseIndex(options.seed, options.pool.curve, winBackDelay, options.clock.dayOf, dayStart);
  return {
    ...options,
    localDay: (day) => {
      const start = dayStart(day);
      const end = dayStart(day + 1);
      const steady = options.clock.offsetAt(start) === options.clock.offsetAt(end - 1);
      return { day, start, end, timezone: options.timezone, steady, toInstant: options.clock.toInstant };
    },
    campaignSends: (day) => sends.getOrCreate(day, () => campaignSendsOn(options.seed, options.clock, day)),
    shoppers: (day) => samplers.getOrCreate(day, () => createShopperSampler(options.pool, dayStart(day))),
    winBacksDue: lapses,
  };
}
