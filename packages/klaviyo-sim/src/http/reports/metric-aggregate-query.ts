import { isValidTimeZone } from '../../time/zoned-time.js';
import { parseFilter, FilterSyntaxError } from '../filter/filter-parser.js';
import { invalidBody, oneOf, requiredString, stringList, type BodyAttributes } from './report-body.js';
import type { BucketInterval } from './time-buckets.js';
import { parseZonedDateTime } from './zoned-format.js';

/** The measurements the spec allows. */
export const MEASUREMENTS = ['count', 'sum_value', 'unique'] as const;
export type Measurement = (typeof MEASUREMENTS)[number];

/** The `by` dimensions the spec allows; the simulator reads them from event properties. */
export const DIMENSIONS = [
  '$attributed_channel', '$attributed_flow', '$attributed_message', '$attributed_variation', '$campaign_channel',
  '$flow', '$flow_channel', '$message', '$message_send_cohort', '$usage_amount', '$value_currency', '$variation',
  '$variation_send_cohort', 'Bot Click', 'Bounce Type', 'Campaign Name', 'Client Canonical', 'Client Name',
  'Client Type', 'Email Domain', 'Failure Source', 'Failure Type', 'From Number', 'From Phone Region',
  'Inbox Provider', 'List', 'Message Format', 'Message Name', 'Message Type', 'Method', 'Segment Count', 'Subject',
  'To Number', 'To Phone Region', 'URL', 'form_id',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** IANA zone names are matched case-sensitively, as Klaviyo does (Intl itself ignores case). */
function isExactTimeZone(name: string): boolean {
  if (!isValidTimeZone(name)) return false;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return resolved === name || Intl.supportedValuesOf('timeZone').includes(name);
}

const INTERVALS: readonly BucketInterval[] = ['day', 'hour', 'month', 'week'];
const SORTS = [...DIMENSIONS, ...MEASUREMENTS].flatMap((key) => [key, `-${key}`]);
const DEFAULT_PAGE_SIZE = 500;
const MAX_PAGE_SIZE = 10_000;

/** A checked metric-aggregates request. */
export interface MetricAggregateQuery {
  metricId: string;
  measurements: Measurement[];
  interval: BucketInterval;
  timezone: string;
  by: Dimension[];
  /** Instants: `from` included, `to` excluded. */
  from: number;
  to: number;
  sort: string | undefined;
  pageSize: number;
  pageCursor: string | undefined;
}

/**
 * Reads the datetime bounds of the `filter` list: `greater-or-equal` / `greater-than` and
 * `less-than` / `less-or-equal` on `datetime`, both required. A bound without an offset is wall
 * time in the query's time zone.
 */
function readBounds(filters: unknown, timezone: string): { from: number; to: number } {
  const pointer = '/data/attributes/filter';
  if (!Array.isArray(filters) || filters.some((item) => typeof item !== 'string')) {
    throw invalidBody(pointer, "'filter' is required: a list of filter strings that bound datetime, e.g. [\"greater-or-equal(datetime,2026-01-01T00:00:00)\", \"less-than(datetime,2026-02-01T00:00:00)\"].");
  }
  let from: number | undefined;
  let to: number | undefined;
  for (const text of filters as string[]) {
    let conditions;
    try {
      conditions = parseFilter(text);
    } catch (error) {
      if (error instanceof FilterSyntaxError) throw invalidBody(pointer, `Invalid filter syntax in "${text}": ${error.message}.`);
      throw error;
    }
    for (const condition of conditions) {
      const bound = condition.value?.kind === 'bare' ? parseZonedDateTime(condition.value.text, timezone) : undefined;
      if (condition.field !== 'datetime' || bound === undefined) {
        throw invalidBody(pointer, `Unsupported filter "${text}". The simulator filters on datetime only: greater-or-equal, greater-than, less-than, less-or-equal with an ISO-8601 datetime.`);
      }
      // Datetimes are whole seconds, so "greater-than t" is "greater-or-equal t + 1 s" on them.
      if (condition.operator === 'greater-or-equal') from = Math.max(from ?? -Infinity, Math.ceil(bound / 1000) * 1000);
      else if (condition.operator === 'greater-than') from = Math.max(from ?? -Infinity, Math.floor(bound / 1000) * 1000 + 1000);
      else if (condition.operator === 'less-than') to = Math.min(to ?? Infinity, Math.ceil(bound / 1000) * 1000);
      else if (condition.operator === 'less-or-equal') to = Math.min(to ?? Infinity, Math.floor(bound / 1000) * 1000 + 1000);
      else throw invalidBody(pointer, `'${condition.operator}' cannot bound datetime; use greater-or-equal and less-than.`);
    }
  }
  if (from === undefined || to === undefined) {
    throw invalidBody(pointer, 'The filter must bound datetime on both sides, e.g. greater-or-equal(datetime,…) and less-than(datetime,…).');
  }
  if (!(from < to)) throw invalidBody(pointer, 'The datetime range is empty: its start must be before its end.');
  return { from, to };
}

/**
 * Checks a `metric-aggregate` body's attributes against the spec: `metric_id`, `measurements`
 * and `filter` required; `interval` (default day), `timezone` (default UTC), `by`, `sort`,
 * `page_size` (default 500), `page_cursor`, `return_fields` optional.
 *
 * @throws {ApiError} 400 pointing at the first attribute that is wrong, saying what is expected.
 */
export function readMetricAggregateQuery(attributes: BodyAttributes): MetricAggregateQuery {
  const metricId = requiredString(attributes, 'metric_id');
  const measurements = stringList(attributes, 'measurements', MEASUREMENTS, true) as Measurement[];
  const interval = oneOf(attributes, 'interval', INTERVALS, 'day');
  const timezone = attributes.timezone ?? 'UTC';
  if (typeof timezone !== 'string' || !isExactTimeZone(timezone)) {
    throw invalidBody('/data/attributes/timezone', `'timezone' must be an IANA time zone such as America/New_York (case-sensitive); got ${JSON.stringify(timezone)}.`);
  }
  const by = stringList(attributes, 'by', DIMENSIONS) ?? [];
  const sort = attributes.sort === undefined || attributes.sort === null ? undefined : oneOf(attributes, 'sort', SORTS);
  const pageSize = attributes.page_size ?? DEFAULT_PAGE_SIZE;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw invalidBody('/data/attributes/page_size', `'page_size' must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const pageCursor = attributes.page_cursor;
  if (pageCursor !== undefined && pageCursor !== null && typeof pageCursor !== 'string') {
    throw invalidBody('/data/attributes/page_cursor', "'page_cursor' must be a string from a previous response.");
  }
  const returnFields = attributes.return_fields;
  if (returnFields !== undefined && returnFields !== null && !(Array.isArray(returnFields) && returnFields.every((item) => typeof item === 'string'))) {
    throw invalidBody('/data/attributes/return_fields', "'return_fields' must be a list of strings.");
  }
  const { from, to } = readBounds(attributes.filter, timezone);
  return { metricId, measurements, interval, timezone, by, from, to, sort, pageSize, pageCursor: pageCursor ?? undefined };
}
