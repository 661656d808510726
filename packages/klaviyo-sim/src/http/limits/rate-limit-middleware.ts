import type { MiddlewareHandler } from 'hono';
import { hashedUuid } from '../../store/ids.js';
import { ApiError, errorEnvelope } from '../api-error.js';
import { jsonApiResponse } from '../json-api-response.js';
import { RateLimiter } from './rate-limiter.js';
import { KLAVIYO_RATE_LIMITS, rateLimitBucket, type RateLimit, type RateLimitTable } from './rate-limit-table.js';

/**
 * How the simulator limits request rates:
 * - `'klaviyo'`: the spec's burst, steady and daily limits per operation ({@link KLAVIYO_RATE_LIMITS}), enforced with 429.
 * - `'off'`: nothing is throttled; responses still carry `RateLimit-*` headers for a fresh steady window.
 * - a table: these buckets' limits replace Klaviyo's (the others keep Klaviyo's), enforced.
 */
export type RateLimitMode = 'klaviyo' | 'off' | RateLimitTable;

/** The enforced limits of a mode, or `undefined` when nothing is enforced. */
export function rateLimitsOf(mode: RateLimitMode): RateLimitTable | undefined {
  if (mode === 'off') return undefined;
  if (mode === 'klaviyo') return KLAVIYO_RATE_LIMITS;
  return { ...KLAVIYO_RATE_LIMITS, ...mode };
}

/** 429 `throttled` with Klaviyo's wording; `Retry-After` goes with it. */
export function throttled(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    'throttled',
    'Request was throttled.',
    `Request was throttled. Expected available in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
  );
}

function setHeaders(response: Response, limit: number, remaining: number, resetSeconds: number): void {
  response.headers.set('RateLimit-Limit', String(limit));
  response.headers.set('RateLimit-Remaining', String(remaining));
  response.headers.set('RateLimit-Reset', String(resetSeconds));
}

/** Options of {@link rateLimitMiddleware}. */
export interface RateLimitMiddlewareOptions {
  mode: RateLimitMode;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  clock: () => number;
  /** Seeds the error ids, like every other error of the app. */
  seed: number;
  /** Requests that bypass counting (the app's own internal sub-requests). */
  exempt?: (request: Request) => boolean;
}

/**
 * Counts each authenticated request against its operation's bucket. When a window is full it
 * answers 429 `throttled` with `Retry-After` and no `RateLimit-*` headers, as Klaviyo does;
 * otherwise it passes the request on and sets `RateLimit-Limit`, `-Remaining` and `-Reset` for the
 * steady window on the response (errors included). Requests to unknown paths are not counted.
 *
 * ### Examples
 * ```ts
 * app.use('*', rateLimitMiddleware({ mode: 'klaviyo', clock: Date.now, seed: 1 }));
 * ```
 */
export function rateLimitMiddleware(options: RateLimitMiddlewareOptions): MiddlewareHandler {
  const table = rateLimitsOf(options.mode);
  const limiter = new RateLimiter();
  return async (c, next) => {
    const request = c.req.raw;
    const url = new URL(request.url);
    const bucket = rateLimitBucket(request.method, url);
    const limit: RateLimit | undefined = bucket === undefined || options.exempt?.(request) ? undefined : (table ?? KLAVIYO_RATE_LIMITS)[bucket];
    if (limit === undefined) return next();
    if (table === undefined) {
      await next();
      if (!c.res.headers.has('RateLimit-Limit')) setHeaders(c.res, limit.steady, limit.steady - 1, 60);
      return;
    }
    const decision = limiter.take(bucket as string, limit, options.clock());
    if (!decision.allowed) {
      const error = throttled(decision.retryAfterSeconds);
      const id = hashedUuid(options.seed, request.method, url.pathname + url.search, error.code, options.clock());
      return jsonApiResponse(errorEnvelope(error, id), 429, { 'Retry-After': String(decision.retryAfterSeconds) });
    }
    await next();
    setHeaders(c.res, decision.limit, decision.remaining, decision.resetSeconds);
  };
}
