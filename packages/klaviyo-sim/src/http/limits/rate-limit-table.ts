/** One operation's quota: requests per fixed 1-second, 60-second and (optionally) UTC-day window. */
export interface RateLimit {
  /** Requests per 1-second window ("Burst" in the spec). */
  burst: number;
  /** Requests per 60-second window ("Steady"); the `RateLimit-*` headers describe this one. */
  steady: number;
  /** Requests per UTC day ("Daily"), for the reporting endpoints. */
  daily?: number;
}

/** Quotas keyed by bucket: a spec operationId, or `operationId:variant` for a costlier query shape. */
export type RateLimitTable = Readonly<Record<string, RateLimit>>;

const XS: RateLimit = { burst: 1, steady: 15 };
const S: RateLimit = { burst: 3, steady: 60 };
const M: RateLimit = { burst: 10, steady: 150 };
const L: RateLimit = { burst: 75, steady: 750 };
const XL: RateLimit = { burst: 350, steady: 3500 };
const REPORT: RateLimit = { burst: 1, steady: 2, daily: 225 };

/**
 * Klaviyo's limits as `x-klaviyo-ratelimit` gives them in `spec/openapi-subset.json` and, for the
 * edit operations, `spec/openapi-edits.json` (revision 2026-07-15). The `:variant` buckets are the lower limits the descriptions state for some
 * parameters (`additional-fields[profile]=predictive_analytics`, `include=lists`, `profile_count`).
 */
export const KLAVIYO_RATE_LIMITS: RateLimitTable = Object.freeze({
  get_accounts: XS,
  get_campaigns: M,
  get_campaign: M,
  get_messages_for_campaign: M,
  get_message_ids_for_campaign: M,
  get_campaign_message: M,
  delete_campaign: M,
  get_flows: S,
  get_flow: S,
  get_actions_for_flow: S,
  get_action_ids_for_flow: S,
  get_flow_action: S,
  get_flow_action_messages: S,
  get_flow_message: S,
  update_flow: S,
  delete_flow: S,
  delete_flow_action: S,
  get_metrics: M,
  get_metric: M,
  get_events: XL,
  get_event: M,
  get_profiles: L,
  'get_profiles:predictive_analytics': M,
  get_profile: L,
  'get_profile:include_lists_or_segments': XS,
  get_lists: L,
  get_list: L,
  'get_list:profile_count': XS,
  delete_list: M,
  get_segments: L,
  get_segment: L,
  'get_segment:profile_count': XS,
  delete_segment: S,
  query_metric_aggregates: S,
  query_campaign_values: REPORT,
  query_flow_values: REPORT,
  query_flow_series: REPORT,
});

/**
 * (method, path template, operationId) of every operation the simulator serves. An operation is
 * its method and path: a DELETE or PATCH has its own bucket, not its path's GET's, as the spec
 * gives each operation its own `x-klaviyo-ratelimit`.
 */
const OPERATIONS: readonly (readonly [string, string, string])[] = [
  ['GET', '/api/accounts', 'get_accounts'],
  ['GET', '/api/campaigns', 'get_campaigns'],
  ['GET', '/api/campaigns/{id}', 'get_campaign'],
  ['GET', '/api/campaigns/{id}/campaign-messages', 'get_messages_for_campaign'],
  ['GET', '/api/campaigns/{id}/relationships/campaign-messages', 'get_message_ids_for_campaign'],
  ['GET', '/api/campaign-messages/{id}', 'get_campaign_message'],
  ['DELETE', '/api/campaigns/{id}', 'delete_campaign'],
  ['GET', '/api/flows', 'get_flows'],
  ['GET', '/api/flows/{id}', 'get_flow'],
  ['GET', '/api/flows/{id}/flow-actions', 'get_actions_for_flow'],
  ['GET', '/api/flows/{id}/relationships/flow-actions', 'get_action_ids_for_flow'],
  ['GET', '/api/flow-actions/{id}', 'get_flow_action'],
  ['GET', '/api/flow-actions/{id}/flow-messages', 'get_flow_action_messages'],
  ['GET', '/api/flow-messages/{id}', 'get_flow_message'],
  ['PATCH', '/api/flows/{id}', 'update_flow'],
  ['DELETE', '/api/flows/{id}', 'delete_flow'],
  ['DELETE', '/api/flow-actions/{id}', 'delete_flow_action'],
  ['GET', '/api/metrics', 'get_metrics'],
  ['GET', '/api/metrics/{id}', 'get_metric'],
  ['GET', '/api/events', 'get_events'],
  ['GET', '/api/events/{id}', 'get_event'],
  ['GET', '/api/profiles', 'get_profiles'],
  ['GET', '/api/profiles/{id}', 'get_profile'],
  ['GET', '/api/lists', 'get_lists'],
  ['GET', '/api/lists/{id}', 'get_list'],
  ['GET', '/api/segments', 'get_segments'],
  ['GET', '/api/segments/{id}', 'get_segment'],
  ['DELETE', '/api/lists/{id}', 'delete_list'],
  ['DELETE', '/api/segments/{id}', 'delete_segment'],
  ['POST', '/api/metric-aggregates', 'query_metric_aggregates'],
  ['POST', '/api/campaign-values-reports', 'query_campaign_values'],
  ['POST', '/api/flow-values-reports', 'query_flow_values'],
  ['POST', '/api/flow-series-reports', 'query_flow_series'],
];

const MATCHERS = OPERATIONS.map(([method, template, operationId]) => ({
  method,
  pattern: new RegExp(`^${template.replace(/\{id\}/g, '[^/]+')}$`),
  operationId,
}));

/** Whether a comma-separated query parameter lists `item`. */
function lists(url: URL, name: string, ...items: string[]): boolean {
  const value = url.searchParams.get(name);
  return value !== null && value.split(',').some((part) => items.includes(part.trim()));
}

/**
 * The rate-limit bucket a request counts against: its operationId, or a `:variant` of it when the
 * spec gives that query shape a lower limit. `undefined` for requests no operation serves.
 *
 * @example rateLimitBucket('GET', new URL('http://x/api/events/')) // 'get_events'
 * @example rateLimitBucket('GET', new URL('http://x/api/lists/1?additional-fields[list]=profile_count')) // 'get_list:profile_count'
 * @example rateLimitBucket('DELETE', new URL('http://x/api/flows/XVTP5Q')) // 'delete_flow'
 */
export function rateLimitBucket(method: string, url: URL): string | undefined {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const operationId = MATCHERS.find((matcher) => matcher.method === method && matcher.pattern.test(path))?.operationId;
  switch (operationId) {
    case 'get_profiles':
      return lists(url, 'additional-fields[profile]', 'predictive_analytics') ? 'get_profiles:predictive_analytics' : operationId;
    case 'get_profile':
      return lists(url, 'include', 'lists', 'segments', 'list', 'segment') ? 'get_profile:include_lists_or_segments' : operationId;
    case 'get_list':
      return lists(url, 'additional-fields[list]', 'profile_count') ? 'get_list:profile_count' : operationId;
    case 'get_segment':
      return lists(url, 'additional-fields[segment]', 'profile_count') ? 'get_segment:profile_count' : operationId;
    default:
      return operationId;
  }
}
