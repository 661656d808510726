import { isValidTimeZone } from '../time/zoned-time.js';
import type { ResolvedStoreOptions, StoreOptions } from './types.js';

/** Profiles signed up by the size horizon (see {@link StoreOptions.size}) when no size is given. */
export const DEFAULT_SIZE = 60_000;
/** Baseline Placed Orders per day at {@link DEFAULT_SIZE}; other sizes scale it in proportion. */
export const DEFAULT_ORDERS_PER_DAY = 120;
const MIN_SIZE = 100;
const MAX_SIZE = 5_000_000;

/** The defaults documented on {@link StoreOptions}. */
export const DEFAULT_STORE_OPTIONS: Readonly<ResolvedStoreOptions> = Object.freeze({
  seed: 1,
  now: new Date('2026-11-01T00:00:00Z'),
  months: 13,
  size: DEFAULT_SIZE,
  ordersPerDay: DEFAULT_ORDERS_PER_DAY,
  timezone: 'America/New_York',
  currency: 'USD',
});

const EARLIEST_NOW = Date.UTC(2000, 0, 1);
const LATEST_NOW = Date.UTC(2500, 0, 1);

/** A store option that cannot be used; `option` names it. */
export class InvalidStoreOptionError extends RangeError {
  readonly code = 'invalid_store_option';

  constructor(
    readonly option: keyof StoreOptions,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidStoreOptionError';
  }
}

/**
 * Applies the defaults and checks each option.
 *
 * @throws {InvalidStoreOptionError} naming the first option that is out of range.
 */
export function resolveStoreOptions(options: StoreOptions = {}): ResolvedStoreOptions {
  const resolved: ResolvedStoreOptions = {
    seed: options.seed ?? DEFAULT_STORE_OPTIONS.seed,
    now: new Date((options.now ?? DEFAULT_STORE_OPTIONS.now).getTime()),
    months: options.months ?? DEFAULT_STORE_OPTIONS.months,
    size: options.size ?? DEFAULT_STORE_OPTIONS.size,
    // A bigger audience buys more: without an explicit rate, orders scale with the profile count.
    ordersPerDay: options.ordersPerDay ?? Math.round((DEFAULT_ORDERS_PER_DAY * (options.size ?? DEFAULT_SIZE)) / DEFAULT_SIZE * 100) / 100,
    timezone: options.timezone ?? DEFAULT_STORE_OPTIONS.timezone,
    currency: options.currency ?? DEFAULT_STORE_OPTIONS.currency,
  };
  const fail = (option: keyof StoreOptions, message: string): never => {
    throw new InvalidStoreOptionError(option, message);
  };
  if (!Number.isSafeInteger(resolved.seed)) fail('seed', `seed must be an integer, got ${resolved.seed}`);
  // Event ids hold the day number in three base-62 digits: keep every day between 1970 and 2600.
  const nowTime = resolved.now.getTime();
  if (Number.isNaN(nowTime) || nowTime < EARLIEST_NOW || nowTime > LATEST_NOW) {
    fail('now', 'now must be a valid date between 2000-01-01 and 2500-01-01');
  }
  if (!Number.isInteger(resolved.months) || resolved.months < 1 || resolved.months > 360) {
    fail('months', `months must be an integer from 1 to 360, got ${resolved.months}`);
  }
  if (!Number.isInteger(resolved.size) || resolved.size < MIN_SIZE || resolved.size > MAX_SIZE) {
    fail('size', `size must be an integer from ${MIN_SIZE} to ${MAX_SIZE}, got ${resolved.size}`);
  }
  if (!Number.isFinite(resolved.ordersPerDay) || resolved.ordersPerDay < 0 || resolved.ordersPerDay > 100_000) {
    fail('ordersPerDay', `ordersPerDay must be a number from 0 to 100000, got ${resolved.ordersPerDay}`);
  }
  if (!isValidTimeZone(resolved.timezone)) {
    fail('timezone', `timezone must be an IANA time zone such as America/New_York, got "${resolved.timezone}"`);
  }
  if (!/^[A-Z]{3}$/.test(resolved.currency)) {
    fail('currency', `currency must be a three-letter ISO 4217 code such as USD, got "${resolved.currency}"`);
  }
  return resolved;
}
