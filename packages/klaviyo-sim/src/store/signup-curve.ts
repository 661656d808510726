const MS_PER_DAY = 86_400_000;
/** The audience grows 35 % a year: signups per day rise exponentially. */
const LIST_GROWTH = 1.35;
const RATE = Math.log(LIST_GROWTH) / 365;

/**
 * When each profile signed up. Profiles are numbered in signup order and join at a rate growing
 * 35 % a year, from `firstDay` on; `size` of them have joined by the horizon, and they keep
 * joining after it. Signup instants are a closed-form function of the number (and back), so any
 * profile, or the profiles of any day, can be found without listing the others.
 */
export interface SignupCurve {
  /** Signup instant (ms) of profile `index`; strictly increasing in the index. */
  createdAt(index: number): number;
  /** The first profile number signing up at or after `instant`. */
  firstIndexAtOrAfter(instant: number): number;
}

/**
 * Builds the curve from its first instant (ms), the horizon (ms) and the number of profiles
 * signed up before the horizon.
 *
 * @example createSignupCurve(0, 365 * 86_400_000, 1000).firstIndexAtOrAfter(365 * 86_400_000) // 1000
 */
export function createSignupCurve(firstInstant: number, horizon: number, size: number): SignupCurve {
  const span = (horizon - firstInstant) / MS_PER_DAY;
  // N(x) = scale × (e^(rate·x) − 1) profiles have joined x days after the first instant.
  const scale = size / Math.expm1(RATE * span);
  const createdAt = (index: number): number => firstInstant + Math.floor((Math.log1p(index / scale) / RATE) * MS_PER_DAY);
  return {
    createdAt,
    firstIndexAtOrAfter: (instant) => {
      if (instant <= firstInstant) return 0;
      let index = Math.max(0, Math.ceil(scale * Math.expm1((RATE * (instant - firstInstant)) / MS_PER_DAY)) - 1);
      // Floating point may be one off either way: settle on the exact boundary.
      while (index > 0 && createdAt(index - 1) >= instant) index -= 1;
      while (createdAt(index) < instant) index += 1;
      return index;
    },
  };
}
