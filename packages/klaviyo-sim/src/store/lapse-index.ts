import { LruCache } from './lru-cache.js';
import { consentsOf, EMAIL_CONSENT, lifetimeMsOf } from './profile-traits.js';
import type { SignupCurve } from './signup-curve.js';

const BLOCK_DAYS = 32;

/** Finds the email subscribers whose win-back is due on a day (lapse + delay falls in it). */
export type LapseIndex = (day: number) => readonly number[];

/**
 * Lapses are found by one scan of the profiles per 32-day block rather than per day: the block
 * keeps only the few profiles due in it, bucketed by day, so memory stays small at any size.
 *
 * @param delayMs Wait between lapsing and the first win-back email.
 * @param dayOf Local day number of an instant.
 * @param dayStart First instant of a local day.
 */
export function createLapseIndex(seed: number, curve: SignupCurve, delayMs: number, dayOf: (instant: number) => number, dayStart: (day: number) => number): LapseIndex {
  const blocks = new LruCache<number, Map<number, number[]>>(4);
  const scanBlock = (block: number): Map<number, number[]> => {
    const first = block * BLOCK_DAYS;
    const start = dayStart(first);
    const end = dayStart(first + BLOCK_DAYS);
    const due = new Map<number, number[]>();
    const candidates = curve.firstIndexAtOrAfter(end - delayMs);
    for (let index = 0; index < candidates; index += 1) {
      if ((consentsOf(seed, index) & EMAIL_CONSENT) === 0) continue;
      const sendAt = curve.createdAt(index) + lifetimeMsOf(seed, index) + delayMs;
      if (sendAt < start || sendAt >= end) continue;
      const day = dayOf(sendAt);
      due.set(day, [...(due.get(day) ?? []), index]);
    }
    return due;
  };
  return (day) => blocks.getOrCreate(Math.floor(day / BLOCK_DAYS), () => scanBlock(Math.floor(day / BLOCK_DAYS))).get(day) ?? [];
}
