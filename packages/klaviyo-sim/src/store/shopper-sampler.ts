import { cumulativeWeights, pickWeighted } from '../random/distributions.js';
import type { RandomSource } from '../random/random-source.js';
import { isAlive } from './audiences.js';
import { TRAIT_RATES } from './profile-traits.js';
import type { ProfileCore, ProfilePool } from './profiles.js';

const MS_PER_DAY = 86_400_000;
const TRIES_PER_COHORT = 12;
const MAX_COHORT_DRAWS = 64;

/**
 * Relative shopping rate by days since signup: a burst in the first week (the welcome offer),
 * a slower decay over the following months, and a long tail. Times the chance of still being
 * active (exponential lifetimes), this makes cohort retention curves fall the way real ones do.
 *
 * @example shoppingHazard(0) > shoppingHazard(30) && shoppingHazard(30) > shoppingHazard(365) // true
 */
export function shoppingHazard(ageDays: number): number {
  return 3 * Math.exp(-ageDays / 3) + Math.exp(-ageDays / 60) + 1 / (1 + ageDays / 365);
}

/** Picks active shoppers for one local day, by signup cohort. */
export interface ShopperSampler {
  /**
   * A profile that is active at `at` (which must lie in the sampler's day), weighted by cohort;
   * undefined when no active profile turns up (an empty or fully lapsed audience).
   */
  pick(random: RandomSource, at: number): ProfileCore | undefined;
}

/**
 * Builds the sampler for the day starting at `dayStart`: profiles who signed up before it, in
 * one-day age cohorts weighted by size × {@link shoppingHazard} × expected survival. A profile
 * is drawn uniformly inside a cohort and kept only if still active, so a lapsed profile never
 * shops (which the win-back flow relies on).
 */
export function createShopperSampler(pool: ProfilePool, dayStart: number): ShopperSampler {
  const bounds: number[] = [];
  const weights: number[] = [];
  let upper = pool.curve.firstIndexAtOrAfter(dayStart);
  for (let age = 0; upper > 0; age += 1) {
    const lower = pool.curve.firstIndexAtOrAfter(dayStart - (age + 1) * MS_PER_DAY);
    bounds.push(lower, upper);
    const middle = age + 0.5;
    weights.push((upper - lower) * shoppingHazard(middle) * Math.exp(-middle / TRAIT_RATES.lifetimeDays));
    upper = lower;
  }
  const cumulative = cumulativeWeights(weights);
  return {
    pick: (random, at) => {
      if ((cumulative.at(-1) ?? 0) <= 0) return undefined;
      for (let draw = 0; draw < MAX_COHORT_DRAWS; draw += 1) {
        const cohort = pickWeighted(random, cumulative);
        const lower = bounds[2 * cohort] ?? 0;
        const size = (bounds[2 * cohort + 1] ?? 1) - lower;
        for (let attempt = 0; attempt < TRIES_PER_COHORT; attempt += 1) {
          const profile = pool.core(lower + random.nextInt(size));
          if (isAlive(profile.traits, profile.created, at)) return profile;
        }
        // A cohort of lapsed profiles only: draw another cohort (the weights make this rare).
      }
      return undefined;
    },
  };
}
