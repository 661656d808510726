import { hashKey } from '../../random/hash.js';
import { hashedUuid } from '../../store/ids.js';
import { ApiError } from '../api-error.js';
import { jsonApiResponse } from '../json-api-response.js';
import { selfLink } from '../links.js';
import { QueryParameters } from '../query-parameters.js';
import { routeRequest, type RouteContext } from '../routes/route-context.js';
import { aggregateEvents, sortRows } from './aggregate-events.js';
import { readMetricAggregateQuery, type MetricAggregateQuery } from './metric-aggregate-query.js';
import { invalidBody, readRequestAttributes } from './report-body.js';
import { offsetPage } from './report-paging.js';
import { bucketStarts } from './time-buckets.js';
import { formatZonedDateTime } from './zoned-format.js';

/** Most buckets one query may ask for (hourly over a year is 8 784). */
const MAX_BUCKETS = 10_000;
const FIELDS = ['data', 'dates', 'id'] as const;

/** What decides the rows, so a cursor cannot move between queries. */
function queryKey(context: RouteContext, query: MetricAggregateQuery): string {
  const { pageCursor: _cursor, pageSize: _size, ...rest } = query;
  return hashKey(context.store.account.id, 'metric-aggregates', JSON.stringify(rest)).toString(16);
}

/**
 * `POST /api/metric-aggregates` (query_metric_aggregates): counts, `$value` sums and distinct
 * profiles of one metric's events per hour, day, ISO week or month in the query's time zone,
 * optionally by dimensions read from event properties, over exactly the events `GET /api/events`
 * serves. Rows are paged by `page_size`; `links.next` carries the next `page_cursor`, which goes
 * back in the body (the value or the whole URL).
 *
 * @throws {ApiError} 400 on a bad body, 404 for an unknown metric.
 */
export async function queryMetricAggregates(context: RouteContext, request: Request): Promise<Response> {
  const { store } = context;
  const { url, base } = routeRequest(context, request);
  // page_cursor is not declared for this operation; it is accepted so that POSTing to links.next works.
  const params = new QueryParameters(url, ['fields[metric-aggregate]', 'page_cursor']);
  const fields = params.list('fields[metric-aggregate]', FIELDS);
  const urlCursor = params.single('page_cursor');
  const bodyText = await request.clone().text();
  const query = readMetricAggregateQuery(await readRequestAttributes(request, 'metric-aggregate'));
  if (!store.metric(query.metricId)) {
    throw new ApiError(404, 'not_found', 'Not found.', `A metric with id ${query.metricId} does not exist.`, { pointer: '/data/attributes/metric_id' });
  }
  const starts = bucketStarts(query.from, query.to, query.interval, query.timezone);
  if (starts.length - 1 > MAX_BUCKETS) {
    throw invalidBody('/data/attributes/interval', `The query spans ${starts.length - 1} ${query.interval}s; at most ${MAX_BUCKETS} are allowed. Use a longer interval or a shorter range.`);
  }
  const events = store.events({ metricId: query.metricId, from: new Date(query.from), to: new Date(query.to) });
  const rows = sortRows(aggregateEvents(events, query.measurements, query.by, starts), query.sort, query.by);

  const key = queryKey(context, query);
  const cursor = query.pageCursor ?? urlCursor;
  const self = selfLink(base, url);
  const { page, links } = offsetPage(rows, { cursor, key, size: query.pageSize, self });
  const attributes: Record<string, unknown> = {};
  if (!fields || fields.includes('dates')) attributes.dates = starts.slice(0, -1).map((start) => formatZonedDateTime(start, query.timezone));
  if (!fields || fields.includes('data')) attributes.data = page;
  const body = {
    data: { type: 'metric-aggregate', id: hashedUuid(store.options.seed, 'metric-aggregate', bodyText), attributes, links: { self } },
    links,
  };
  return jsonApiResponse(body, 200);
}
