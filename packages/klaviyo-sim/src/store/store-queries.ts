import { civilDateOf, formatCivilDate } from '../time/civil-date.js';
import { localHourStart } from '../time/local-hour.js';
import { localDayNumberAt, utcOffsetAt } from '../time/zoned-time.js';
import type { DayAssembler } from './day-assembly.js';
import { materializeEvent, type MaterializeContext } from './event-materializer.js';
import type { MessageInfo } from './message-directory.js';
import { CONVERSION_METRICS, METRIC } from './metric-catalog.js';
import type { AttributedOrder, AttributedOrderQuery, MessageActivityQuery, MessageDayActivity, SimAttribution } from './types.js';

/** What the store queries read: the assembled days and the window. */
export interface QuerySource {
  assembler: DayAssembler;
  materialize: MaterializeContext;
  timezone: string;
  start: number;
  now: number;
}

interface Target {
  campaignId?: string;
  flowId?: string;
  messageId?: string;
}

function matches(target: Target, attribution: SimAttribution): boolean {
  return (
    (target.campaignId === undefined || attribution.campaignId === target.campaignId) &&
    (target.flowId === undefined || attribution.flowId === target.flowId) &&
    (target.messageId === undefined || attribution.messageId === target.messageId)
  );
}

/** Visits the compact events of [from, to) that belong to a matching message, day by day. */
function* messageEvents(source: QuerySource, target: Target, from: Date | undefined, to: Date | undefined) {
  const lower = Math.max(source.start, from?.getTime() ?? -Infinity);
  const upper = Math.min(source.now, to?.getTime() ?? Infinity);
  if (!(lower < upper)) return;
  const infos = new Map<number, MessageInfo | undefined>();
  for (let day = localDayNumberAt(lower, source.timezone); day <= localDayNumberAt(upper - 1, source.timezone); day += 1) {
    const dayLog = source.assembler.dayLog(day);
    const { log } = dayLog;
    for (let index = 0; index < log.length; index += 1) {
      const ref = log.ref[index] ?? -1;
      const time = log.time[index] ?? 0;
      if (ref < 0 || time < lower || time >= upper) continue;
      if (!infos.has(ref)) infos.set(ref, source.materialize.messages(ref));
      const info = infos.get(ref);
      if (info && matches(target, info.attribution)) yield { dayLog, index, info };
    }
  }
}

/**
 * The metric a query counts as conversions: Placed Order unless it names another metric that the
 * store attributes to messages.
 */
function conversionMetricOf(source: QuerySource, metricId: string | undefined): number {
  if (metricId === undefined) return METRIC.placedOrder;
  const index = source.materialize.metrics.findIndex((metric) => metric.id === metricId);
  if (!CONVERSION_METRICS.includes(index)) {
    throw new RangeError(`Metric ${metricId} is not attributed to messages; conversions are Placed Order or Ordered Product events.`);
  }
  return index;
}

/**
 * Placed Orders (or the query's Ordered Products) attributed to a campaign, flow or message in
 * [from, to), in (datetime, id) order, straight from the compact day logs (only the matching
 * events become objects).
 */
export function* attributedOrders(source: QuerySource, query: AttributedOrderQuery): Generator<AttributedOrder> {
  const metric = conversionMetricOf(source, query.metricId);
  for (const { dayLog, index, info } of messageEvents(source, query, query.from, query.to)) {
    if (dayLog.log.metric[index] !== metric) continue;
    yield { event: materializeEvent(source.materialize, dayLog, index), attribution: info.attribution };
  }
}

const COUNTED: Partial<Record<number, keyof MessageDayActivity>> = {
  [METRIC.receivedEmail]: 'received',
  [METRIC.receivedSms]: 'received',
  [METRIC.bouncedEmail]: 'bounced',
  [METRIC.openedEmail]: 'opens',
  [METRIC.clickedEmail]: 'clicks',
  [METRIC.clickedSms]: 'clicks',
  [METRIC.unsubscribedEmail]: 'unsubscribes',
};

type ActivityRow = MessageDayActivity & { hourStart: number };

/** The day being read: its label and, by the hour, a UTC offset of that day (one Intl call a day). */
interface DayState {
  day: number;
  label: string;
  offset: number;
}

/**
 * Per message and local day (or local hour): receipts, bounces, opens (machine opens counted and
 * also shown apart), unique openers and clickers, clicks, unsubscribes, and attributed events of
 * the conversion metric with their value, by event time. A unique opener or clicker counts once
 * per message and day, in the hour of its first open or click, so hours add up to their day.
 * Rows are sorted by day, hour, then message id.
 */
export function messageActivity(source: QuerySource, query: MessageActivityQuery = {}): MessageDayActivity[] {
  const conversion = conversionMetricOf(source, query.conversionMetricId);
  const hourly = query.interval === 'hour';
  const rows = new Map<string, ActivityRow>();
  const openers = new Map<string, Set<number>>();
  const clickers = new Map<string, Set<number>>();
  let current: DayState | undefined;
  for (const { dayLog, index, info } of messageEvents(source, query, query.from, query.to)) {
    const { log } = dayLog;
    const metric = log.metric[index] ?? 0;
    const field = metric === conversion ? 'conversions' : COUNTED[metric];
    if (!field) continue;
    const time = log.time[index] ?? 0;
    if (current?.day !== dayLog.day) {
      current = { day: dayLog.day, label: formatCivilDate(civilDateOf(dayLog.day)), offset: hourly ? utcOffsetAt(time, source.timezone) : 0 };
      openers.clear();
      clickers.clear();
    }
    const { messageId } = info.attribution;
    const hourStart = hourly ? localHourStart(time, current.offset) : 0;
    const key = `${current.label}/${hourStart}/${messageId}`;
    let row = rows.get(key);
    if (!row) {
      const { campaignId, flowId, channel } = info.attribution;
      row = { day: current.label, hourStart, messageId, ...(campaignId ? { campaignId } : {}), ...(flowId ? { flowId } : {}), channel, received: 0, bounced: 0, opens: 0, machineOpens: 0, opensUnique: 0, clicks: 0, clicksUnique: 0, unsubscribes: 0, conversions: 0, conversionValue: 0 };
      rows.set(key, row);
    }
    (row[field] as number) += 1;
    const profile = log.profile[index] ?? 0;
    if (metric === METRIC.openedEmail) {
      if (firstOfDay(openers, messageId, profile)) row.opensUnique += 1;
      if (log.flag[index] === 1) row.machineOpens += 1;
    }
    if ((metric === METRIC.clickedEmail || metric === METRIC.clickedSms) && firstOfDay(clickers, messageId, profile)) row.clicksUnique += 1;
    if (metric === conversion) row.conversionValue = Math.round((row.conversionValue + (log.value[index] ?? 0)) * 100) / 100;
  }
  return [...rows.values()]
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.hourStart - b.hourStart || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0)))
    .map(({ hourStart, ...row }) => (hourly ? { ...row, hour: new Date(hourStart) } : row));
}

/** Whether `profile` is new among a message's profiles of the day (and notes it). */
function firstOfDay(seen: Map<string, Set<number>>, messageId: string, profile: number): boolean {
  let profiles = seen.get(messageId);
  if (!profiles) seen.set(messageId, (profiles = new Set()));
  if (profiles.has(profile)) return false;
  profiles.add(profile);
  return true;
}
