import type { KlaviyoOperation } from './operations.js';

/** Time as the limiter sees it: milliseconds, and a way to wait. */
export interface LimiterTime {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Spaces requests so that none exceeds Klaviyo's burst (per second), steady (per minute) or daily limit. */
export interface RateLimiter {
  /** Resolves when a request to `operation` may be sent, and counts it. */
  acquire(operation: Pick<KlaviyoOperation, 'operationId' | 'burst' | 'steady' | 'daily'>, signal?: AbortSignal): Promise<void>;
}

/** One limit: at most `limit` requests in any `ms` milliseconds; `sent` holds the send times still inside it. */
interface Window {
  limit: number;
  ms: number;
  sent: number[];
}

/**
 * One set of token buckets per operation (Klaviyo counts each endpoint on its own, so a slow tier
 * such as flows, 3/s, never holds back a fast one such as events, 350/s). Each token comes back
 * exactly one window after it was spent, which keeps every span of that length within the limit.
 * A bucket that refills continuously would not: it allows up to twice the burst inside one of
 * Klaviyo's fixed windows, and Klaviyo answers the excess with 429.
 *
 * Time only moves forward: after a wait the limiter counts at least the time it waited, even if the
 * injected clock stood still (a fixed clock in tests would otherwise wait forever).
 *
 * ### Examples
 * ```ts
 * const limiter = createRateLimiter({ now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
 * await limiter.acquire({ operationId: 'get_flows', burst: 3, steady: 60 });
 * ```
 */
export function createRateLimiter(time: LimiterTime): RateLimiter {
  const windows = new Map<string, Window[]>();
  let floor = -Infinity;
  const now = () => Math.max(time.now(), floor);

  return {
    async acquire(operation, signal) {
      let tiers = windows.get(operation.operationId);
      if (!tiers) {
        tiers = [
          { limit: operation.burst, ms: 1000, sent: [] },
          { limit: operation.steady, ms: 60_000, sent: [] },
          ...(operation.daily ? [{ limit: operation.daily, ms: 86_400_000, sent: [] }] : []),
        ];
        windows.set(operation.operationId, tiers);
      }
      for (;;) {
        signal?.throwIfAborted();
        const at = now();
        for (const window of tiers) while (window.sent.length > 0 && window.sent[0]! + window.ms <= at) window.sent.shift();
        const full = tiers.filter((window) => window.sent.length >= window.limit);
        if (full.length === 0) {
          for (const window of tiers) window.sent.push(at);
          return;
        }
        const wait = Math.max(...full.map((window) => window.sent[window.sent.length - window.limit]! + window.ms - at));
        await time.sleep(wait);
        floor = Math.max(floor, at + wait);
      }
    },
  };
}

/** Runs at most `limit` tasks at once; the rest wait in order. */
export function createConcurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
