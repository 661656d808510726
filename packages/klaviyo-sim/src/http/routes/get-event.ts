import { jsonApiResponse } from '../json-api-response.js';
import { selfLink } from '../links.js';
import { QueryParameters } from '../query-parameters.js';
import { metricResource } from '../resources.js';
import { notFoundResource, pathId } from './collection-route.js';
import { eventWithAttributions, includedForEvents } from './event-includes.js';
import { EVENT_FIELDS, PROFILE_FIELDS } from './get-events.js';
import { METRIC_FIELDS } from './get-metrics.js';
import { routeRequest, type RouteContext } from './route-context.js';

/** `GET /api/events/{id}` (get_event), with `include=metric,profile,attributions`. */
export function getEvent(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, ['fields[attribution]', 'fields[event]', 'fields[metric]', 'fields[profile]', 'include']);
  const id = pathId(request);
  const event = context.store.event(id);
  if (!event) throw notFoundResource('event', id);
  const include = params.list('include', ['attributions', 'metric', 'profile']) ?? [];
  params.list('fields[attribution]', ['id']);
  const fields = { metric: params.list('fields[metric]', METRIC_FIELDS), profile: params.list('fields[profile]', PROFILE_FIELDS) };
  const body: Record<string, unknown> = { data: eventWithAttributions(context, base, event, params.list('fields[event]', EVENT_FIELDS)), links: { self: selfLink(base, url) } };
  if (include.length > 0) body.included = includedForEvents(context, base, [event], include, fields);
  return jsonApiResponse(body, 200);
}

/** `GET /api/metrics/{id}` (get_metric). */
export function getMetric(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, ['fields[flow]', 'fields[metric]', 'include']);
  const id = pathId(request);
  const metric = context.store.metric(id);
  if (!metric) throw notFoundResource('metric', id);
  params.list('fields[flow]', ['archived', 'created', 'name', 'status', 'trigger_type', 'updated']);
  const include = params.list('include', ['flow-triggers']) ?? [];
  const body = {
    data: metricResource(base, metric, params.list('fields[metric]', METRIC_FIELDS), include.includes('flow-triggers')),
    links: { self: selfLink(base, url) },
    ...(include.length > 0 ? { included: [] } : {}),
  };
  return jsonApiResponse(body, 200);
}
