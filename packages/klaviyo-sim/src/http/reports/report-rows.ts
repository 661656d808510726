import type { AttributedOrderQuery, KlaviyoStore, MessageDayActivity } from '../../store/types.js';
import { dayNumberOf } from '../../time/civil-date.js';
import { startOfLocalDay } from '../../time/zoned-time.js';
import { passesFilter, type ReportRequest } from './report-request.js';
import { addActivity, emptyTotals, type ActivityTotals } from './report-statistics.js';
import { bucketIndexer } from './time-buckets.js';

/** One message of a report: its grouping attributes and its totals per bucket. */
export interface MessageRow {
  messageId: string;
  campaignId?: string;
  flowId?: string;
  attributes: Record<string, string | null>;
  totals: ActivityTotals[];
}

/** How a report cuts its window: bucket starts (see `bucketStarts`), read by local day or hour. */
export interface ReportBuckets {
  /** Bucket i spans [starts[i], starts[i+1]); a values report has one bucket, [from, to]. */
  starts: readonly number[];
  hourly: boolean;
}

const dayOf = (text: string) => dayNumberOf({ year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8, 10)) });

/**
 * What a report can group or filter a message by; tags and A/B groups do not exist here. A deleted
 * campaign or flow keeps its events, and so its rows (history stays, as in Klaviyo), but nothing is
 * left to name it by: its names are null.
 */
function messageAttributes(store: KlaviyoStore, activity: MessageDayActivity): Record<string, string | null> {
  const common = {
    send_channel: activity.channel,
    variation: activity.messageId,
    text_message_format: activity.channel === 'sms' ? 'SMS' : null,
    tag_id: null,
    tag_name: null,
  };
  if (activity.campaignId !== undefined) {
    const label = store.campaignMessage(activity.messageId)?.label ?? null;
    return { ...common, campaign_id: activity.campaignId, campaign_message_id: activity.messageId, campaign_message_name: label, variation_name: label, group: null, group_name: null };
  }
  const flow = activity.flowId === undefined ? undefined : store.flow(activity.flowId);
  const name = store.flowMessage(activity.messageId)?.name ?? null;
  return { ...common, flow_id: activity.flowId ?? null, flow_message_id: activity.messageId, flow_message_name: name, flow_name: flow?.name ?? null, variation_name: name };
}

/**
 * The messages of a campaign or flow report with their activity summed per bucket, straight from
 * the store's per-message activity by local day or hour (by event time, in the account's zone)
 * and its events of the conversion metric. Messages the filter excludes, or without activity in
 * the window, are left out. Sorted by campaign or flow id, then message id.
 */
export function reportRows(store: KlaviyoStore, request: ReportRequest, source: 'campaign' | 'flow', buckets: ReportBuckets): MessageRow[] {
  const { window, conversionMetricId } = request;
  const from = new Date(window.from);
  const to = new Date(window.to);
  const count = buckets.starts.length - 1;
  const bucketOf = bucketIndexer(buckets.starts);
  const dayStarts = new Map<string, number>();
  const startOf = (activity: MessageDayActivity) => {
    if (activity.hour) return activity.hour.getTime();
    let start = dayStarts.get(activity.day);
    if (start === undefined) dayStarts.set(activity.day, (start = startOfLocalDay(dayOf(activity.day), store.account.timezone).getTime()));
    return start;
  };
  const rows = new Map<string, MessageRow>();
  for (const activity of store.messageActivity({ from, to, conversionMetricId, interval: buckets.hourly ? 'hour' : 'day' })) {
    if ((source === 'campaign' ? activity.campaignId : activity.flowId) === undefined) continue;
    const bucket = bucketOf(startOf(activity));
    if (bucket < 0) continue;
    let row = rows.get(activity.messageId);
    if (!row) {
      const attributes = messageAttributes(store, activity);
      if (!passesFilter(request.filter, attributes)) continue;
      row = {
        messageId: activity.messageId,
        ...(activity.campaignId !== undefined ? { campaignId: activity.campaignId } : {}),
        ...(activity.flowId !== undefined ? { flowId: activity.flowId } : {}),
        attributes,
        totals: Array.from({ length: count }, () => emptyTotals(activity.channel)),
      };
      rows.set(activity.messageId, row);
    }
    addActivity(row.totals[bucket] as ActivityTotals, activity);
  }
  if (request.statistics.includes('conversion_uniques') || request.statistics.includes('conversion_rate')) {
    countConverters(store, rows, { from, to, metricId: conversionMetricId }, bucketIndexer(buckets.starts));
  }
  const owner = (row: MessageRow) => row.campaignId ?? row.flowId ?? '';
  return [...rows.values()].sort((a, b) => (owner(a) < owner(b) ? -1 : owner(a) > owner(b) ? 1 : a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0));
}

/** Distinct profiles with an attributed conversion, per message and bucket. */
function countConverters(store: KlaviyoStore, rows: ReadonlyMap<string, MessageRow>, query: AttributedOrderQuery, bucketOf: (instant: number) => number): void {
  const converters = new Map<string, Set<string>>();
  for (const { event, attribution } of store.attributedOrders(query)) {
    const row = rows.get(attribution.messageId);
    if (!row) continue;
    const bucket = bucketOf(event.datetime.getTime());
    if (bucket < 0) continue;
    const key = `${attribution.messageId}/${bucket}`;
    let profiles = converters.get(key);
    if (!profiles) converters.set(key, (profiles = new Set()));
    profiles.add(event.profileId);
    (row.totals[bucket] as ActivityTotals).conversionUniques = profiles.size;
  }
}
