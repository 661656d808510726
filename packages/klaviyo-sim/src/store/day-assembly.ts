import { createEventLogPool } from './event-log.js';
import { freezeLog, mergeRanges, timeRange, type FrozenLog, type LogRange } from './frozen-log.js';
import { WeightedLruCache } from './lru-cache.js';
import { METRIC } from './metric-catalog.js';
import { generateOrderLayer, ORDER_LAYER_SPAN_DAYS } from './order-layer.js';
import type { StoreModel } from './store-model.js';
import { generateTriggerLayer, TRIGGER_LAYER_SPAN_DAYS } from './trigger-layer.js';

/** The events of one local day in (datetime, id) order, with their per-metric sequence numbers. */
export interface DayLog {
  day: number;
  log: FrozenLog;
  /** Per event: its number among the day's events of the same metric (the id's last digits). */
  seq: Int32Array;
  /** Sequence number of each Placed Order of the day, by order key (Ordered Products join on it). */
  orderSeq: Map<number, number>;
}

/** Budgets, in events held: enough for the layers one day needs at a million profiles. */
export interface AssemblyBudgets {
  layers: number;
  days: number;
}

/** Layers held beyond the ones a day needs: the neighbouring days of a descending walk or a second slice. */
const SPARE_LAYERS = 7;
/** Assembled days held: a few clients (or time slices) paging through different days at once. */
const DAYS_HELD = 8;

/** Builds local days from the generation layers, caching layers and days within budgets. */
export interface DayAssembler {
  dayLog(day: number): DayLog;
  /** Placed Orders attributed to messages landing on a day (drives the organic order count). */
  attributedOrdersOn(day: number): number;
}

function numberDay(day: number, log: FrozenLog): DayLog {
  const seq = new Int32Array(log.length);
  const counters: number[] = [];
  const orderSeq = new Map<number, number>();
  for (let index = 0; index < log.length; index += 1) {
    const metric = log.metric[index] ?? 0;
    const next = counters[metric] ?? 0;
    counters[metric] = next + 1;
    seq[index] = next;
    if (metric === METRIC.placedOrder) orderSeq.set(log.group[index] ?? 0, next);
  }
  return { day, log, seq, orderSeq };
}

/**
 * Days are assembled from two layers per origin day: triggers (campaigns, flows, browsing; up to
 * 16 days of consequences) and organic orders (up to 8). Organic orders of a day depend on how
 * many attributed orders land on it, which only needs the trigger layers before it: no cycle.
 */
export function createDayAssembler(model: StoreModel, budgets: AssemblyBudgets): DayAssembler {
  const weigh = (log: FrozenLog) => log.length;
  // Held by event count, and by count of layers too: a day needs the layers of the days before it
  // and no others, so small stores do not keep a year of layers just because they fit.
  const triggers = new WeightedLruCache<number, FrozenLog>(budgets.layers, weigh, TRIGGER_LAYER_SPAN_DAYS + 1 + SPARE_LAYERS);
  const orders = new WeightedLruCache<number, FrozenLog>(budgets.layers / 4, weigh, ORDER_LAYER_SPAN_DAYS + 1 + SPARE_LAYERS);
  const days = new WeightedLruCache<number, DayLog>(budgets.days, (dayLog) => dayLog.log.length, DAYS_HELD);
  const attributed = new Map<number, number>();

  // Layers are generated into pooled logs and frozen into right-sized copies.
  const logs = createEventLogPool();
  const triggerLayer = (day: number) => triggers.getOrCreate(day, () => logs.use((log) => freezeLog(generateTriggerLayer(model, day, log))));

  const attributedOrdersOn = (day: number): number => {
    let count = attributed.get(day);
    if (count === undefined) {
      const { start, end } = model.localDay(day);
      count = 0;
      for (let origin = day - TRIGGER_LAYER_SPAN_DAYS; origin <= day; origin += 1) {
        const { log, from, to } = timeRange(triggerLayer(origin), start, end);
        for (let i = from; i < to; i += 1) if (log.metric[i] === METRIC.placedOrder) count += 1;
      }
      attributed.set(day, count);
    }
    return count;
  };

  const orderLayer = (day: number) =>
    orders.getOrCreate(day, () => {
      const attributedOnDay = attributedOrdersOn(day);
      return logs.use((log) => freezeLog(generateOrderLayer(model, day, attributedOnDay, log)));
    });

  return {
    attributedOrdersOn,
    dayLog: (day) =>
      days.getOrCreate(day, () => {
        const { start, end } = model.localDay(day);
        const ranges: LogRange[] = [];
        for (let origin = day - TRIGGER_LAYER_SPAN_DAYS; origin <= day; origin += 1) ranges.push(timeRange(triggerLayer(origin), start, end));
        for (let origin = day - ORDER_LAYER_SPAN_DAYS; origin <= day; origin += 1) ranges.push(timeRange(orderLayer(origin), start, end));
        return numberDay(day, mergeRanges(ranges));
      }),
  };
}
