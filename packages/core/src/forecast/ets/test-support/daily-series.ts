import { seededRandom } from '../../../random/seeded-random.js';

/**
 * Two years of synthetic daily revenue: a slow trend, a weekly pattern (when `weekly`) and
 * multiplicative noise; strictly positive so every model can be tried.
 */
export function syntheticDailySeries(options: { days: number; weekly: boolean; seed: number }): number[] {
  const random = seededRandom(options.seed);
  const weekly = [1.25, 1.1, 1.0, 0.95, 0.9, 0.85, 0.95];
  return Array.from({ length: options.days }, (_, day) => {
    const level = 1000 + 0.4 * day + 80 * Math.sin((2 * Math.PI * day) / 365);
    const season = options.weekly ? (weekly[day % 7] as number) : 1;
    const noise = 1 + 0.08 * (random() + random() + random() - 1.5);
    return level * season * noise;
  });
}
