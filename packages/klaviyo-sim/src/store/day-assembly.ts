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

/**
 * Walks through different days served at once without regenerating each other's layers: Klens's
 * sync backfills a metric in 4 time slices read in parallel, and each slice's day needs its own
 * run of layers. Beyond that the layer budget (events held) still decides, so a huge store
 * keeps fewer walks' layers rather than more memory.
 */
const CONCURRENT_WALKS = 4;
/** Layers a walk needs beyond its day's span: its day, and the one each side (its next day, up or down). */
const NEIGHBOURS = 3;
/** Layers held that no walk needs now: neighbours for a walk that turns back, or a new one nearby. */
const SPARE_LAYERS = 7;
/** Assembled days held: a few clients (or time slices) paging through different days at once. */
const DAYS_HELD = 8;
/** Walks followed (see {@link createWalkHeads}): the concurrent ones and a few that just ended. */
const WALKS_FOLLOWED = 2 * CONCURRENT_WALKS;

/**
 * The days being walked through. Listing asks for its days one after another (up or down), so a
 * day next to a head moves that head; any other day starts a new walk, and the walk used least
 * recently is forgotten. A page of a quiet stretch can cross ten days while a slow walk spends ten
 * pages on one busy day: what the heads need is kept for both, which least recently used alone
 * would not do.
 */
export function createWalkHeads(followed: number) {
  const heads: number[] = [];
  return {
    /** Notes that `day` is being served. */
    visit(day: number): void {
      const at = heads.findIndex((head) => Math.abs(head - day) <= 1);
      if (at >= 0) heads.splice(at, 1);
      heads.push(day);
      if (heads.length > followed) heads.shift();
    },
    /** Whether `day` lies from `before` + 1 days before some walk's day to the day after it: what the walk's next day may need. */
    near(day: number, before: number): boolean {
      return heads.some((head) => day >= head - before - 1 && day <= head + 1);
    },
  };
}

/** How much generating the assembler has done: a layer made twice was evicted while still needed. */
export interface GenerationCounts {
  triggerLayers: number;
  orderLayers: number;
  days: number;
}

/** Builds local days from the generation layers, caching layers and days within budgets. */
export interface DayAssembler {
  dayLog(day: number): DayLog;
  /** Layers generated and days assembled so far (a copy). */
  generated(): GenerationCounts;
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
  // A layer is needed while a walk's day (or the next one) takes events from it.
  const walks = createWalkHeads(WALKS_FOLLOWED);
  const triggers = new WeightedLruCache<number, FrozenLog>(budgets.layers, weigh, CONCURRENT_WALKS * (TRIGGER_LAYER_SPAN_DAYS + NEIGHBOURS) + SPARE_LAYERS, {
    isNeeded: (origin) => walks.near(origin, TRIGGER_LAYER_SPAN_DAYS),
    maxIdle: SPARE_LAYERS,
  });
  const orders = new WeightedLruCache<number, FrozenLog>(budgets.layers / 4, weigh, CONCURRENT_WALKS * (ORDER_LAYER_SPAN_DAYS + NEIGHBOURS) + SPARE_LAYERS, {
    isNeeded: (origin) => walks.near(origin, ORDER_LAYER_SPAN_DAYS),
    maxIdle: SPARE_LAYERS,
  });
  const days = new WeightedLruCache<number, DayLog>(budgets.days, (dayLog) => dayLog.log.length, DAYS_HELD, { isNeeded: (day) => walks.near(day, 0) });
  const attributed = new Map<number, number>();

  // Layers are generated into pooled logs and frozen into right-sized copies.
  const logs = createEventLogPool();
  const counts: GenerationCounts = { triggerLayers: 0, orderLayers: 0, days: 0 };
  const triggerLayer = (day: number) =>
    triggers.getOrCreate(day, () => {
      counts.triggerLayers += 1;
      return logs.use((log) => freezeLog(generateTriggerLayer(model, day, log)));
    });

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
      counts.orderLayers += 1;
      return logs.use((log) => freezeLog(generateOrderLayer(model, day, attributedOnDay, log)));
    });

  return {
    attributedOrdersOn,
    generated: () => ({ ...counts }),
    dayLog: (day) => {
      walks.visit(day);
      return days.getOrCreate(day, () => {
        counts.days += 1;
        const { start, end } = model.localDay(day);
        const ranges: LogRange[] = [];
        for (let origin = day - TRIGGER_LAYER_SPAN_DAYS; origin <= day; origin += 1) ranges.push(timeRange(triggerLayer(origin), start, end));
        for (let origin = day - ORDER_LAYER_SPAN_DAYS; origin <= day; origin += 1) ranges.push(timeRange(orderLayer(origin), start, end));
        return numberDay(day, mergeRanges(ranges));
      });
    },
  };
}
