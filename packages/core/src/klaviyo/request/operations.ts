import { KlensError } from '../../errors/klens-error.js';

/** An operation of the spec with its rate-limit tier (`x-klaviyo-ratelimit`), requests per window. */
export interface KlaviyoOperation {
  operationId: string;
  method: 'GET' | 'POST';
  /** Path template as in the spec, e.g. `/api/flows/{id}/flow-actions`. */
  path: string;
  /** Requests per second. */
  burst: number;
  /** Requests per minute. */
  steady: number;
  /** Requests per day, where the spec sets a daily cap (the reporting endpoints). */
  daily?: number;
  /** Scope the key needs (named in the 403 message). */
  scope: string;
}

const op = (operationId: string, method: 'GET' | 'POST', path: string, burst: number, steady: number, scope: string, daily?: number): KlaviyoOperation => ({
  operationId, method, path, burst, steady, scope, ...(daily ? { daily } : {}),
});

// Copied from openapi-subset.json; rate-limits.test.ts checks this table against the spec.
export const KLAVIYO_OPERATIONS: readonly KlaviyoOperation[] = [
  op('get_accounts', 'GET', '/api/accounts', 1, 15, 'accounts:read'),
  op('get_campaigns', 'GET', '/api/campaigns', 10, 150, 'campaigns:read'),
  op('get_campaign', 'GET', '/api/campaigns/{id}', 10, 150, 'campaigns:read'),
  op('get_messages_for_campaign', 'GET', '/api/campaigns/{id}/campaign-messages', 10, 150, 'campaigns:read'),
  op('get_message_ids_for_campaign', 'GET', '/api/campaigns/{id}/relationships/campaign-messages', 10, 150, 'campaigns:read'),
  op('get_campaign_message', 'GET', '/api/campaign-messages/{id}', 10, 150, 'campaigns:read'),
  op('get_flows', 'GET', '/api/flows', 3, 60, 'flows:read'),
  op('get_flow', 'GET', '/api/flows/{id}', 3, 60, 'flows:read'),
  op('get_actions_for_flow', 'GET', '/api/flows/{id}/flow-actions', 3, 60, 'flows:read'),
  op('get_action_ids_for_flow', 'GET', '/api/flows/{id}/relationships/flow-actions', 3, 60, 'flows:read'),
  op('get_flow_action', 'GET', '/api/flow-actions/{id}', 3, 60, 'flows:read'),
  op('get_flow_action_messages', 'GET', '/api/flow-actions/{id}/flow-messages', 3, 60, 'flows:read'),
  op('get_flow_message', 'GET', '/api/flow-messages/{id}', 3, 60, 'flows:read'),
  op('get_metrics', 'GET', '/api/metrics', 10, 150, 'metrics:read'),
  op('get_metric', 'GET', '/api/metrics/{id}', 10, 150, 'metrics:read'),
  op('get_events', 'GET', '/api/events', 350, 3500, 'events:read'),
  op('get_event', 'GET', '/api/events/{id}', 10, 150, 'events:read'),
  op('get_profiles', 'GET', '/api/profiles', 75, 750, 'profiles:read'),
  op('get_profile', 'GET', '/api/profiles/{id}', 75, 750, 'profiles:read'),
  op('get_lists', 'GET', '/api/lists', 75, 750, 'lists:read'),
  op('get_list', 'GET', '/api/lists/{id}', 75, 750, 'lists:read'),
  op('get_segments', 'GET', '/api/segments', 75, 750, 'segments:read'),
  op('get_segment', 'GET', '/api/segments/{id}', 75, 750, 'segments:read'),
  op('query_metric_aggregates', 'POST', '/api/metric-aggregates', 3, 60, 'metrics:read'),
  op('query_campaign_values', 'POST', '/api/campaign-values-reports', 1, 2, 'campaigns:read', 225),
  op('query_flow_values', 'POST', '/api/flow-values-reports', 1, 2, 'flows:read', 225),
  op('query_flow_series', 'POST', '/api/flow-series-reports', 1, 2, 'flows:read', 225),
];

const matchers = KLAVIYO_OPERATIONS.map((operation) => ({
  operation,
  pattern: new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
}));

/** The operation a request goes to, or undefined for a path outside the spec (it gets the strictest tier). */
export function operationFor(method: string, pathname: string): KlaviyoOperation | undefined {
  return matchers.find(({ operation, pattern }) => operation.method === method && pattern.test(pathname))?.operation;
}

/** Fills a path template: `fillPath('/api/flows/{id}', { id: 'X' })` is `/api/flows/X`. */
export function fillPath(template: string, parameters: Record<string, string> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = parameters?.[name];
    if (value === undefined) throw new KlensError('CONFIG_INVALID', `The path parameter {${name}} of ${template} is missing.`);
    return encodeURIComponent(value);
  });
}
