import { hashKey } from '../random/hash.js';
import type { RandomSource } from '../random/random-source.js';
import { formatKlaviyoDateTime } from '../time/klaviyo-datetime.js';
import { startOfLocalDay } from '../time/zoned-time.js';
import { crockford32, parseCrockford32, scramble40, unscramble40 } from './ids.js';
import type { SimProfile } from './types.js';

const FIRST_NAMES = ['Ava', 'Noah', 'Mia', 'Liam', 'Zoe', 'Ethan', 'Maya', 'Lucas', 'Nora', 'Owen', 'Iris', 'Leo', 'Ruby', 'Caleb', 'Hazel', 'Miles'];
const LAST_NAMES = ['Nguyen', 'Garcia', 'Smith', 'Okafor', 'Kowalski', 'Haddad', 'Johansson', 'Patel', 'Rossi', 'Kim', 'Dubois', 'Moreno', 'Schmidt', 'Tanaka', 'Murphy', 'Silva'];
const MS_PER_DAY = 86_400_000;
/** Skews picks towards long-standing customers, who come back more often. */
const LOYALTY_SKEW = 1.5;

/** The customer base: profiles numbered 0, 1, 2, … and joining at a steady rate. */
export interface ProfilePool {
  /** Picks the buyer of an order `anchorOffset` days after the anchor date; repeat buyers are common. */
  pickBuyer(random: RandomSource, anchorOffset: number): number;
  /** The id of profile number `index`. */
  idOf(index: number): string;
  /** The profile with this id, if the pool could have produced it. */
  find(id: string): SimProfile | undefined;
}

interface PoolOptions {
  seed: number;
  ordersPerDay: number;
  /** Day number of the fixed date the customer base is counted from. */
  anchorDay: number;
  timezone: string;
}

/** Creates the profile pool; nothing is stored, every profile is recomputed from its number. */
export function createProfilePool(options: PoolOptions): ProfilePool {
  const { seed, anchorDay, timezone } = options;
  const existing = Math.max(1, Math.round(options.ordersPerDay * 20));
  const joiningPerDay = Math.max(1, options.ordersPerDay * 0.6);
  const anchorStart = startOfLocalDay(anchorDay, timezone).getTime();
  // Day starts cost a few Intl calls each and every event needs its buyer's id: remember them.
  const dayStarts = new Map<number, number>();
  const dayStart = (dayNumber: number): number => {
    let start = dayStarts.get(dayNumber);
    if (start === undefined) {
      start = startOfLocalDay(dayNumber, timezone).getTime();
      dayStarts.set(dayNumber, start);
    }
    return start;
  };
  const sizeOn = (anchorOffset: number) => existing + Math.floor(joiningPerDay * Math.max(0, anchorOffset));
  const idKey = hashKey(seed, 'profile-id-key');

  /** First day (counted from the anchor date) on which the profile can buy; negative for customers from before it. */
  const firstDayOf = (index: number): number => {
    if (index < existing) return -1;
    let day = Math.ceil((index - existing + 1) / joiningPerDay);
    while (day > 0 && sizeOn(day - 1) > index) day -= 1;
    while (sizeOn(day) <= index) day += 1;
    return day;
  };

  const createdAt = (index: number): number => {
    const firstDay = firstDayOf(index);
    if (firstDay < 0) {
      // Customers from before the anchor date joined over the two years before it.
      return anchorStart - Math.ceil(((existing - index) / existing) * 730 * MS_PER_DAY);
    }
    return dayStart(anchorDay + firstDay) - 3_600_000 - (hashKey(seed, 'profile-created', index) % 72_000) * 1000;
  };

  const idOf = (index: number): string => {
    const created = createdAt(index);
    // ULID layout: creation time, then 80 "random" bits that here encode the profile number.
    const noise = hashKey(seed, 'profile-id', index) * 256 + (hashKey(seed, 'profile-id-tail', index) % 256);
    return crockford32(created, 10) + crockford32(noise, 8) + crockford32(scramble40(index, idKey), 8);
  };

  const describe = (index: number): SimProfile => {
    const first = FIRST_NAMES[hashKey(seed, 'first-name', index) % FIRST_NAMES.length] ?? 'Sam';
    const last = LAST_NAMES[hashKey(seed, 'last-name', index) % LAST_NAMES.length] ?? 'Lee';
    return {
      id: idOf(index),
      email: `${first}.${last}.${index}@example.com`.toLowerCase(),
      first_name: first,
      last_name: last,
      created: formatKlaviyoDateTime(createdAt(index)),
    };
  };

  return {
    pickBuyer: (random, anchorOffset) => Math.floor(random.next() ** LOYALTY_SKEW * sizeOn(anchorOffset)),
    idOf,
    find: (id) => {
      if (id.length !== 26) return undefined;
      const scrambled = parseCrockford32(id.slice(18));
      if (scrambled === undefined) return undefined;
      const index = unscramble40(scrambled, idKey);
      return idOf(index) === id ? describe(index) : undefined;
    },
  };
}
