/** An operation the simulator serves, named as the spec's operationId. */
export type OperationId = 'get_accounts' | 'get_metrics' | 'get_events';

/** Steady (60-second) limits from each operation's `x-klaviyo-ratelimit` in the spec. */
const STEADY_LIMITS: Record<OperationId, number> = {
  get_accounts: 15,
  get_metrics: 150,
  get_events: 3500,
};

const STEADY_WINDOW_SECONDS = 60;

/**
 * The `RateLimit-*` headers of a successful response, describing the steady window as if one
 * request had been used in a fresh window. When limits are enforced (`rateLimits: 'klaviyo'`), the
 * rate-limit middleware (`limits/rate-limit-middleware.ts`) replaces them with the counted values.
 */
export function rateLimitHeaders(operation: OperationId): Record<string, string> {
  const limit = STEADY_LIMITS[operation];
  return {
    'RateLimit-Limit': String(limit),
    'RateLimit-Remaining': String(limit - 1),
    'RateLimit-Reset': String(STEADY_WINDOW_SECONDS),
  };
}
