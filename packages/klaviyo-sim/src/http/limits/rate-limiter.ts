import type { RateLimit } from './rate-limit-table.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** The outcome of counting one request. */
export type RateDecision =
  | {
      allowed: true;
      /** The steady window's limit, what is left of it after this request, and seconds until it resets. */
      limit: number;
      remaining: number;
      resetSeconds: number;
    }
  | {
      allowed: false;
      /** Whole seconds until every exhausted window has reset: the `Retry-After` value. */
      retryAfterSeconds: number;
    };

interface Window {
  index: number;
  count: number;
}

interface BucketState {
  burst: Window;
  steady: Window;
  daily: Window;
}

/** Seconds until `end`, rounded up and never 0, so a client that waits that long finds room. */
function secondsUntil(end: number, now: number): number {
  return Math.max(1, Math.ceil((end - now) / SECOND));
}

function roll(window: Window, index: number): void {
  if (window.index !== index) {
    window.index = index;
    window.count = 0;
  }
}

/**
 * Fixed-window request counters per bucket, as Klaviyo describes its limits: a burst window of one
 * second, a steady window of sixty seconds and, for the reports, a UTC day. Windows are aligned to
 * the epoch. A throttled request does not use up quota. Time comes from the caller, so tests step
 * a fake clock instead of sleeping.
 *
 * ### Examples
 * ```ts
 * const limiter = new RateLimiter();
 * limiter.take('get_accounts', { burst: 1, steady: 15 }, 0);    // { allowed: true, limit: 15, remaining: 14, resetSeconds: 60 }
 * limiter.take('get_accounts', { burst: 1, steady: 15 }, 10);   // { allowed: false, retryAfterSeconds: 1 }
 * limiter.take('get_accounts', { burst: 1, steady: 15 }, 1000); // allowed again, remaining 13
 * ```
 */
export class RateLimiter {
  readonly #buckets = new Map<string, BucketState>();

  /** Counts one request against `bucket` at instant `now` (ms since the epoch), unless a window is full. */
  take(bucket: string, limit: RateLimit, now: number): RateDecision {
    let state = this.#buckets.get(bucket);
    if (!state) {
      state = { burst: { index: NaN, count: 0 }, steady: { index: NaN, count: 0 }, daily: { index: NaN, count: 0 } };
      this.#buckets.set(bucket, state);
    }
    const burstIndex = Math.floor(now / SECOND);
    const steadyIndex = Math.floor(now / MINUTE);
    const dayIndex = Math.floor(now / DAY);
    roll(state.burst, burstIndex);
    roll(state.steady, steadyIndex);
    roll(state.daily, dayIndex);

    // Wait for every exhausted window, not only the first: retrying earlier would fail again.
    let waitUntil = -Infinity;
    if (state.burst.count >= limit.burst) waitUntil = Math.max(waitUntil, (burstIndex + 1) * SECOND);
    if (state.steady.count >= limit.steady) waitUntil = Math.max(waitUntil, (steadyIndex + 1) * MINUTE);
    if (limit.daily !== undefined && state.daily.count >= limit.daily) waitUntil = Math.max(waitUntil, (dayIndex + 1) * DAY);
    if (waitUntil > -Infinity) return { allowed: false, retryAfterSeconds: secondsUntil(waitUntil, now) };

    state.burst.count += 1;
    state.steady.count += 1;
    state.daily.count += 1;
    return {
      allowed: true,
      limit: limit.steady,
      remaining: limit.steady - state.steady.count,
      resetSeconds: secondsUntil((steadyIndex + 1) * MINUTE, now),
    };
  }
}
