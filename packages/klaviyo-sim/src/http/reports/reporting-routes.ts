import { hashKey } from '../../random/hash.js';
import { hashedUuid } from '../../store/ids.js';
import { jsonApiResponse } from '../json-api-response.js';
import { relationshipLinks, selfLink } from '../links.js';
import { QueryParameters } from '../query-parameters.js';
import { routeRequest, type RouteContext } from '../routes/route-context.js';
import { invalidBody, readRequestAttributes } from './report-body.js';
import { offsetPage } from './report-paging.js';
import { CAMPAIGN_REPORT, FLOW_REPORT, readReportRequest, readSeriesInterval, type ReportKind, type ReportRequest } from './report-request.js';
import { reportRows, type MessageRow, type ReportBuckets } from './report-rows.js';
import { statisticOf } from './report-statistics.js';
import { bucketStarts, type BucketInterval } from './time-buckets.js';
import { formatZonedDateTime } from './zoned-format.js';

/** Results per page of a report; `links.next` carries a `page_cursor` for the rest. */
const RESULTS_PER_PAGE = 500;

interface ReportSpec {
  type: 'campaign-values-report' | 'flow-values-report' | 'flow-series-report';
  kind: ReportKind;
  source: 'campaign' | 'flow';
  series: boolean;
}

const SERIES_INTERVALS: Record<string, BucketInterval> = { hourly: 'hour', daily: 'day', weekly: 'week', monthly: 'month' };
/** The spec's longest timeframe per series interval (hourly: 7 days, daily: 60, monthly: 52 weeks); weekly has the year of every report. */
const SERIES_MAX_DAYS: Record<string, number> = { hourly: 7, daily: 60, weekly: 366, monthly: 364 };

function groupings(row: MessageRow, request: ReportRequest): Record<string, string | null> {
  return Object.fromEntries(request.groupBy.map((name) => [name, row.attributes[name] ?? null]));
}

function relationships(base: string, spec: ReportSpec, id: string, rows: readonly MessageRow[]): Record<string, unknown> {
  const ids = (pick: (row: MessageRow) => string | undefined) => [...new Set(rows.map(pick).filter((value) => value !== undefined))];
  const collection = `${spec.type}s`;
  if (spec.source === 'campaign') {
    return { campaigns: { data: ids((row) => row.campaignId).map((campaignId) => ({ type: 'campaign', id: campaignId })), links: relationshipLinks(base, collection, id, 'campaigns') } };
  }
  return {
    flows: { data: ids((row) => row.flowId).map((flowId) => ({ type: 'flow', id: flowId })), links: relationshipLinks(base, collection, id, 'flows') },
    'flow-messages': { data: rows.map((row) => ({ type: 'flow-message', id: row.messageId })), links: relationshipLinks(base, collection, id, 'flow-messages') },
  };
}

/** Buckets of the report: one for values; local hours, calendar days, ISO weeks or months of the account for series. */
function reportBuckets(spec: ReportSpec, request: ReportRequest, interval: string | undefined, timeZone: string): ReportBuckets {
  const { startDay, endDay, from, to } = request.window;
  const bucketInterval = spec.series && interval !== undefined ? SERIES_INTERVALS[interval] : undefined;
  if (interval === undefined || bucketInterval === undefined) return { starts: [from, to], hourly: false };
  const maxDays = SERIES_MAX_DAYS[interval] as number;
  if (endDay - startDay > maxDays) throw invalidBody('/data/attributes/timeframe', `A ${interval} series may span at most ${maxDays} days; this timeframe spans ${endDay - startDay}.`);
  return { starts: bucketStarts(from, to, bucketInterval, timeZone), hourly: bucketInterval === 'hour' };
}

function reportRoute(spec: ReportSpec) {
  const fieldsName = `fields[${spec.type}]`;
  const fields = spec.series ? ['date_times', 'id', 'results'] : ['id', 'results'];
  return async (context: RouteContext, request: Request): Promise<Response> => {
    const { store } = context;
    const { url, base } = routeRequest(context, request);
    const params = new QueryParameters(url, [fieldsName, 'page_cursor']);
    const picked = params.list(fieldsName, fields);
    const cursor = params.single('page_cursor');
    const bodyText = await request.clone().text();
    const attributes = await readRequestAttributes(request, spec.type);
    const interval = spec.series ? readSeriesInterval(attributes) : undefined;
    const reportRequest = readReportRequest(attributes, spec.kind, store);
    const timeZone = store.account.timezone;
    const buckets = reportBuckets(spec, reportRequest, interval, timeZone);
    const { starts } = buckets;
    const rows = reportRows(store, reportRequest, spec.source, buckets);

    const key = hashKey(store.account.id, spec.type, bodyText).toString(16);
    const self = selfLink(base, url);
    const { page, links } = offsetPage(rows, { cursor, key, size: RESULTS_PER_PAGE, self });
    const results = page.map((row) => ({
      groupings: groupings(row, reportRequest),
      statistics: Object.fromEntries(
        reportRequest.statistics.map((statistic) => [
          statistic,
          spec.series ? row.totals.map((totals) => statisticOf(totals, statistic)) : statisticOf(row.totals[0]!, statistic),
        ]),
      ),
    }));
    const id = hashedUuid(store.options.seed, spec.type, bodyText);
    const reportAttributes: Record<string, unknown> = {};
    if (!picked || picked.includes('results')) reportAttributes.results = results;
    if (spec.series && (!picked || picked.includes('date_times'))) reportAttributes.date_times = starts.slice(0, -1).map((start) => formatZonedDateTime(start, timeZone));
    const body = {
      data: { type: spec.type, id, attributes: reportAttributes, relationships: relationships(base, spec, id, page), links: { self } },
      links,
    };
    return jsonApiResponse(body, 200);
  };
}

/**
 * `POST /api/campaign-values-reports` (query_campaign_values): statistics per campaign message
 * over a timeframe in the account's time zone, from the store's per-message daily activity; a
 * message's `conversion_value` is the sum of the `$value` of the conversion metric's events
 * (Placed Order or Ordered Product) attributed to it in the window.
 */
export const queryCampaignValues = reportRoute({ type: 'campaign-values-report', kind: CAMPAIGN_REPORT, source: 'campaign', series: false });

/** `POST /api/flow-values-reports` (query_flow_values): statistics per flow message over a timeframe. */
export const queryFlowValues = reportRoute({ type: 'flow-values-report', kind: FLOW_REPORT, source: 'flow', series: false });

/**
 * `POST /api/flow-series-reports` (query_flow_series): statistics per flow message per hour, day,
 * ISO week or month of the account; each bucket is the sum of its days, and the hours of a day
 * add up to the day (unique openers and clickers count in the hour of their first open or click).
 */
export const queryFlowSeries = reportRoute({ type: 'flow-series-report', kind: FLOW_REPORT, source: 'flow', series: true });
