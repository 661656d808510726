import { cumulativeWeights, pickWeighted } from '../random/distributions.js';
import type { RandomSource } from '../random/random-source.js';
import { civilDateOf } from '../time/civil-date.js';
import type { WallClockTime } from '../time/zoned-time.js';

/** Relative shop activity by local hour, midnight first: quiet nights, an evening peak. */
export const HOURLY_FACTORS = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.1, 1.2, 1.3,
  1.35, 1.3, 1.25, 1.2, 1.2, 1.3, 1.45, 1.6, 1.65, 1.5, 1.1, 0.6,
] as const;

const HOUR_WEIGHTS = cumulativeWeights([...HOURLY_FACTORS]);

/** One local day: its number, bounds (ms) and zone. */
export interface LocalDay {
  day: number;
  start: number;
  end: number;
  timezone: string;
  /** No clock change inside the day: local time is a fixed shift of UTC. */
  steady: boolean;
  /** The zone's clock, for the rare day with a clock change. */
  toInstant(wall: WallClockTime): number;
}

/**
 * A random instant (whole seconds) in a local day, following the diurnal curve. Without a clock
 * change inside the day, local time is a fixed shift of UTC, which skips Intl per draw.
 */
export function randomInstantIn(random: RandomSource, day: LocalDay): number {
  const hour = pickWeighted(random, HOUR_WEIGHTS);
  const secondOfHour = random.nextInt(3600);
  if (day.steady) return day.start + (hour * 3600 + secondOfHour) * 1000;
  return day.toInstant({ ...civilDateOf(day.day), hour, minute: Math.floor(secondOfHour / 60), second: secondOfHour % 60 });
}
