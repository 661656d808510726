import { hashKey } from '../../random/hash.js';
import { invalidParameter } from '../api-error.js';
import { metricMatches, readMetricFilter } from '../filter/metric-filter.js';
import { jsonApiResponse } from '../json-api-response.js';
import { cursorLink, selfLink } from '../links.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';
import { QueryParameters } from '../query-parameters.js';
import { rateLimitHeaders } from '../rate-limit-headers.js';
import { metricResource } from '../resources.js';
import { routeRequest, type RouteContext } from './route-context.js';

/** Sparse fieldset names of `fields[metric]`, from the spec. */
export const METRIC_FIELDS = ['created', 'id', 'integration', 'name', 'updated'] as const;
const FLOW_FIELDS = ['archived', 'created', 'id', 'name', 'status', 'trigger_type', 'updated'] as const;
/** The spec: "Returns a maximum of 200 results per page". */
const METRICS_PER_PAGE = 200;

const DECLARED = ['fields[flow]', 'fields[metric]', 'filter', 'include', 'page[cursor]'] as const;

/** `GET /api/metrics` (get_metrics): the account's metrics, filterable by integration name and category. */
export function getMetrics(context: RouteContext, request: Request): Response {
  const { url, base } = routeRequest(context, request);
  const params = new QueryParameters(url, DECLARED);
  const filter = readMetricFilter(params.single('filter'));
  const fields = params.list('fields[metric]', METRIC_FIELDS);
  params.list('fields[flow]', FLOW_FIELDS);
  const include = params.list('include', ['flow-triggers']) ?? [];
  const cursor = params.single('page[cursor]');

  const key = hashKey(context.store.account.id, 'metrics', JSON.stringify(filter)).toString(16);
  const offset = cursor === undefined ? 0 : decodeCursor(cursor, key).at;
  if (!Number.isInteger(offset) || offset < 0) throw invalidParameter('page[cursor]', 'The page cursor is not valid.');

  const matching = context.store.metrics.filter((metric) => metricMatches(filter, metric.integration));
  const page = matching.slice(offset, offset + METRICS_PER_PAGE);
  const nextOffset = offset + page.length;
  const links: Record<string, string> = { self: selfLink(base, url) };
  if (nextOffset < matching.length) links.next = cursorLink(base, url, encodeCursor({ at: nextOffset, id: '', key }));

  const body = {
    data: page.map((metric) => metricResource(base, metric, fields, include.includes('flow-triggers'))),
    links,
    ...(include.length > 0 ? { included: [] } : {}),
  };
  return jsonApiResponse(body, 200, rateLimitHeaders('get_metrics'));
}
