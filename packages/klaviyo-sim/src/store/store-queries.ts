import { civilDateOf, formatCivilDate } from '../time/civil-date.js';
import { localDayNumberAt } from '../time/zoned-time.js';
import type { DayAssembler } from './day-assembly.js';
import { materializeEvent, type MaterializeContext } from './event-materializer.js';
import type { MessageInfo } from './message-directory.js';
import { METRIC } from './metric-catalog.js';
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
 * Placed Orders attributed to a campaign, flow or message in [from, to), in (datetime, id) order,
 * straight from the compact day logs (only the matching orders become objects).
 */
export function* attributedOrders(source: QuerySource, query: AttributedOrderQuery): Generator<AttributedOrder> {
  for (const { dayLog, index, info } of messageEvents(source, query, query.from, query.to)) {
    if (dayLog.log.metric[index] !== METRIC.placedOrder) continue;
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
  [METRIC.placedOrder]: 'conversions',
};

/**
 * Per message and local day: receipts, bounces, opens (machine opens counted and also shown
 * apart), unique openers and clickers, clicks, unsubscribes, and attributed orders with their
 * value, by event time. Rows are sorted by day, then message id.
 */
export function messageActivity(source: QuerySource, query: MessageActivityQuery = {}): MessageDayActivity[] {
  const rows = new Map<string, MessageDayActivity & { openers: Set<number>; clickers: Set<number> }>();
  for (const { dayLog, index, info } of messageEvents(source, query, query.from, query.to)) {
    const { log } = dayLog;
    const metric = log.metric[index] ?? 0;
    const field = COUNTED[metric];
    if (!field) continue;
    const day = formatCivilDate(civilDateOf(dayLog.day));
    const key = `${day}/${info.attribution.messageId}`;
    let row = rows.get(key);
    if (!row) {
      const { messageId, campaignId, flowId, channel } = info.attribution;
      row = { day, messageId, ...(campaignId ? { campaignId } : {}), ...(flowId ? { flowId } : {}), channel, received: 0, bounced: 0, opens: 0, machineOpens: 0, opensUnique: 0, clicks: 0, clicksUnique: 0, unsubscribes: 0, conversions: 0, conversionValue: 0, openers: new Set(), clickers: new Set() };
      rows.set(key, row);
    }
    (row[field] as number) += 1;
    const profile = log.profile[index] ?? 0;
    if (metric === METRIC.openedEmail) {
      row.openers.add(profile);
      if (log.flag[index] === 1) row.machineOpens += 1;
    }
    if (metric === METRIC.clickedEmail || metric === METRIC.clickedSms) row.clickers.add(profile);
    if (metric === METRIC.placedOrder) row.conversionValue = Math.round((row.conversionValue + (log.value[index] ?? 0)) * 100) / 100;
  }
  return [...rows.values()]
    .map(({ openers, clickers, ...row }) => ({ ...row, opensUnique: openers.size, clicksUnique: clickers.size }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0));
}
