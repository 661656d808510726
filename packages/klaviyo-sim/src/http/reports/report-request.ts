import { isConversionMetric } from '../../store/metric-catalog.js';
import type { KlaviyoStore } from '../../store/types.js';
import { ApiError } from '../api-error.js';
import { describeFilterValue } from '../filter/filter-values.js';
import { parseFilter, FilterSyntaxError, type FilterValue } from '../filter/filter-parser.js';
import { invalidBody, oneOf, requiredString, stringList, type BodyAttributes } from './report-body.js';
import { readTimeframe, type ReportWindow } from './report-timeframe.js';
import { STATISTICS, type Statistic } from './report-statistics.js';

/** Campaign or flow reports: what they group by, which group-bys are mandatory, which are scalar. */
export interface ReportKind {
  groupBys: readonly string[];
  required: readonly string[];
  defaultGroupBy: readonly string[];
}

export const CAMPAIGN_REPORT: ReportKind = {
  groupBys: ['campaign_id', 'campaign_message_id', 'campaign_message_name', 'group', 'group_name', 'send_channel', 'tag_id', 'tag_name', 'text_message_format', 'variation', 'variation_name'],
  required: ['campaign_id', 'campaign_message_id'],
  defaultGroupBy: ['campaign_id', 'campaign_message_id', 'send_channel'],
};

export const FLOW_REPORT: ReportKind = {
  groupBys: ['flow_id', 'flow_message_id', 'flow_message_name', 'flow_name', 'send_channel', 'tag_id', 'tag_name', 'text_message_format', 'variation', 'variation_name'],
  required: ['flow_id', 'flow_message_id'],
  defaultGroupBy: ['flow_id', 'flow_message_id', 'send_channel'],
};

const LIST_ATTRIBUTES = ['tag_id', 'tag_name'];
const SEND_CHANNELS = ['email', 'sms', 'push-notification', 'whatsapp'];
const MAX_LIST_ITEMS = 100;

/** One condition of a report filter: the attribute must equal one of `values` (or, for tags, contain them). */
export interface ReportCondition {
  operator: 'equals' | 'contains-any' | 'contains-all';
  values: string[];
}

/** A checked values or series report request. */
export interface ReportRequest {
  statistics: Statistic[];
  window: ReportWindow;
  conversionMetricId: string;
  groupBy: string[];
  filter: Map<string, ReportCondition>;
}

function stringValues(value: FilterValue | undefined, text: string): string[] {
  const items = value?.kind === 'list' ? value.items : value ? [value] : [];
  if (items.length === 0 || items.some((item) => item.kind !== 'string')) {
    throw invalidBody('/data/attributes/filter', `Filter values must be quoted strings or a list of them, in "${text}".`);
  }
  return items.map((item) => (item as { value: string }).value);
}

/**
 * Reads a report `filter`: `equals` and `contains-any` on scalar attributes, `contains-any` and
 * `contains-all` on tag lists, combined with `and` only, one condition per attribute, at most 100
 * items per list, and only Klaviyo's send channels.
 */
function readReportFilter(text: unknown, kind: ReportKind): Map<string, ReportCondition> {
  const filter = new Map<string, ReportCondition>();
  if (text === undefined || text === null) return filter;
  const pointer = '/data/attributes/filter';
  if (typeof text !== 'string') throw invalidBody(pointer, "'filter' must be a filter string.");
  let conditions;
  try {
    conditions = parseFilter(text);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw invalidBody(pointer, `Invalid filter syntax at character ${error.position + 1}: ${error.message}.`);
    throw error;
  }
  for (const condition of conditions) {
    const { field, operator } = condition;
    const scalar = !LIST_ATTRIBUTES.includes(field);
    const filterable = kind.groupBys.filter((name) => name !== 'group' && name !== 'group_name');
    if (!filterable.includes(field)) throw invalidBody(pointer, `'${field}' cannot be filtered on. Filterable attributes: ${filterable.join(', ')}.`);
    const allowed = scalar ? ['equals', 'contains-any'] : ['contains-any', 'contains-all'];
    if (!allowed.includes(operator)) throw invalidBody(pointer, `'${operator}' is not supported on '${field}'. Supported operators: ${allowed.join(', ')}.`);
    if (filter.has(field)) throw invalidBody(pointer, `Only one filter can be used per attribute; '${field}' has more.`);
    const values = stringValues(condition.value, condition.value ? describeFilterValue(condition.value) : text);
    if (values.length > MAX_LIST_ITEMS) throw invalidBody(pointer, `At most ${MAX_LIST_ITEMS} items are allowed per list filter.`);
    if (field === 'send_channel' && values.some((value) => !SEND_CHANNELS.includes(value))) {
      throw invalidBody(pointer, `send_channel must be one of ${SEND_CHANNELS.join(', ')}.`);
    }
    filter.set(field, { operator: operator as ReportCondition['operator'], values });
  }
  return filter;
}

/**
 * Checks the attributes shared by the values and series reports: `statistics`, `timeframe` and
 * `conversion_metric_id` (required), `group_by` (defaulted, with its mandatory ids) and `filter`.
 * The conversion metric must exist and be one whose events carry a value and an attribution
 * (Placed Order, Ordered Product); another metric gets the 400 Klaviyo gives metrics that "do
 * not support querying for values data".
 *
 * @throws {ApiError} 400 pointing at the attribute that is wrong; 404 for an unknown conversion metric.
 */
export function readReportRequest(attributes: BodyAttributes, kind: ReportKind, store: KlaviyoStore): ReportRequest {
  const statistics = stringList(attributes, 'statistics', STATISTICS, true) as Statistic[];
  const window = readTimeframe(attributes.timeframe, store.now, store.account.timezone);
  const conversionMetricId = requiredString(attributes, 'conversion_metric_id');
  const metric = store.metric(conversionMetricId);
  if (!metric) {
    throw new ApiError(404, 'not_found', 'Not found.', `A metric with id ${conversionMetricId} does not exist.`, { pointer: '/data/attributes/conversion_metric_id' });
  }
  if (!isConversionMetric(metric.name)) {
    throw invalidBody('/data/attributes/conversion_metric_id', `Metric ${metric.name} (${metric.id}) does not support querying for values data.`);
  }
  const groupBy = stringList(attributes, 'group_by', kind.groupBys) ?? [...kind.defaultGroupBy];
  const missing = kind.required.filter((name) => !groupBy.includes(name));
  if (missing.length > 0) {
    throw invalidBody('/data/attributes/group_by', `The following group by attributes are required: ${kind.required.join(', ')}; missing ${missing.join(', ')}.`);
  }
  return { statistics, window, conversionMetricId, groupBy, filter: readReportFilter(attributes.filter, kind) };
}

/** Reads a flow series report's required `interval`. */
export function readSeriesInterval(attributes: BodyAttributes): 'daily' | 'hourly' | 'monthly' | 'weekly' {
  return oneOf(attributes, 'interval', ['daily', 'hourly', 'monthly', 'weekly'] as const);
}

/** Whether a message's attributes pass the filter; tag lists are empty here (no tags). */
export function passesFilter(filter: ReadonlyMap<string, ReportCondition>, attributes: Readonly<Record<string, string | null>>): boolean {
  for (const [field, condition] of filter) {
    if (LIST_ATTRIBUTES.includes(field)) {
      if (!(condition.operator === 'contains-all' && condition.values.length === 0)) return false;
      continue;
    }
    const value = attributes[field];
    if (value === null || value === undefined || !condition.values.includes(value)) return false;
  }
  return true;
}
