import { createEventLogPool } from './event-log.js';
import { freezeLog, logFrom, mergeRanges, timeRange, type FrozenLog, type LogRange } from './frozen-log.js';
import { LruCache, WeightedLruCache } from './lru-cache.js';
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

/** Budgets, in events held: enough for 4 walks' layers and days at a million profiles (see createKlaviyoStore's BUDGETS). */
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
  /** `step`: +1 walking up, -1 down, 0 not moved yet. */
  const heads: Array<{ day: number; step: number }> = [];
  return {
    /** Notes that `day` is being served. */
    visit(day: number): void {
      const at = heads.findIndex((head) => Math.abs(head.day - day) <= 1);
      const step = at >= 0 ? Math.sign(day - (heads[at] as { day: number }).day) || (heads[at] as { step: number }).step : 0;
      if (at >= 0) heads.splice(at, 1);
      heads.push({ day, step });
      if (heads.length > followed) heads.shift();
    },
    /** Whether `day` lies from `before` + 1 days before some walk's day to the day after it: what the walk's next day may need. */
    near(day: number, before: number): boolean {
      return heads.some((head) => day >= head.day - before - 1 && day <= head.day + 1);
    },
    /**
     * The first day on which some walk may still want events of the layer of `origin` (whose
     * events fall on `origin` and after). A walk is taken to go up, as listings sorted by
     * `datetime` (the default, and how Klens syncs) do: it wants its own day (should that be
     * assembled again) and the ones after. A walk seen going down at or above the origin may want
     * any of them; one that turns down after its first day makes its layers again, once. Walks
     * below the origin do not count: the layer is not kept for them. `Infinity` when no walk
     * wants the layer.
     */
    firstDayWanted(origin: number): number {
      let first = Infinity;
      for (const head of heads) {
        // A walk below the layer gets to it only after it has left the cache.
        if (head.day < origin - 1) continue;
        if (head.step < 0) return -Infinity;
        first = Math.min(first, head.day);
      }
      return first;
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
 * A generation layer as held: its events from `firstDay` on (a day number; -Infinity when whole).
 * Once every walk has passed a day, the layer's events on earlier days are dropped: most of a
 * layer falls on its origin day (a campaign's sends and most of their opens; 4–8 % land later), so a
 * walk holds about one day of layer events instead of its 17 layers' worth. That is what lets 4
 * time slices of a million-profile store be served at once within the budget: before, 4 walks'
 * layers outgrew it and every page made them again (700 events/s).
 */
interface HeldLayer {
  log: FrozenLog;
  firstDay: number;
}

/** Trigger layers whose Placed Orders per day are remembered: far more than the layers held, and 72 bytes each. */
const ORDERS_BY_DAY_HELD = 1024;

/** Drops a layer's passed events only when that frees at least this share of it: each drop copies what is kept. */
const TRIM_AT_LEAST = 0.25;

/**
 * Days are assembled from two layers per origin day: triggers (campaigns, flows, browsing; up to
 * 16 days of consequences) and organic orders (up to 8). Organic orders of a day depend on how
 * many attributed orders land on it, which only needs the trigger layers before it: no cycle.
 */
export function createDayAssembler(model: StoreModel, budgets: AssemblyBudgets): DayAssembler {
  const weigh = (held: HeldLayer) => held.log.length;
  // Held by event count, and by count of layers too: a day needs the layers of the days before it
  // and no others, so small stores do not keep a year of layers just because they fit.
  // A layer is needed while a walk's day (or the next one) takes events from it.
  const walks = createWalkHeads(WALKS_FOLLOWED);
  const triggers = new WeightedLruCache<number, HeldLayer>(budgets.layers, weigh, CONCURRENT_WALKS * (TRIGGER_LAYER_SPAN_DAYS + NEIGHBOURS) + SPARE_LAYERS, {
    isNeeded: (origin) => walks.near(origin, TRIGGER_LAYER_SPAN_DAYS),
    maxIdle: SPARE_LAYERS,
  });
  const orders = new WeightedLruCache<number, HeldLayer>(budgets.layers / 4, weigh, CONCURRENT_WALKS * (ORDER_LAYER_SPAN_DAYS + NEIGHBOURS) + SPARE_LAYERS, {
    isNeeded: (origin) => walks.near(origin, ORDER_LAYER_SPAN_DAYS),
    maxIdle: SPARE_LAYERS,
  });
  const days = new WeightedLruCache<number, DayLog>(budgets.days, (dayLog) => dayLog.log.length, DAYS_HELD, { isNeeded: (day) => walks.near(day, 0) });
  const attributed = new Map<number, number>();

  // Layers are generated into pooled logs and frozen into right-sized copies.
  const logs = createEventLogPool();
  const counts: GenerationCounts = { triggerLayers: 0, orderLayers: 0, days: 0 };
  // Per trigger layer, its Placed Orders on each day of its span: organic orders of a day need
  // these counts from the 17 layers before it, which then need not be held (or made again) for it.
  const ordersByDay = new LruCache<number, Int32Array>(ORDERS_BY_DAY_HELD);
  const generateTriggers = (origin: number): HeldLayer => {
    counts.triggerLayers += 1;
    const log = logs.use((pooled) => freezeLog(generateTriggerLayer(model, origin, pooled)));
    ordersByDay.set(origin, placedOrdersByDay(log, origin));
    return { log, firstDay: -Infinity };
  };
  const generateOrders = (origin: number): HeldLayer => {
    const attributedOnDay = attributedOrdersOn(origin);
    counts.orderLayers += 1;
    return { log: logs.use((log) => freezeLog(generateOrderLayer(model, origin, attributedOnDay, log))), firstDay: -Infinity };
  };

  const placedOrdersByDay = (log: FrozenLog, origin: number): Int32Array => {
    const byDay = new Int32Array(TRIGGER_LAYER_SPAN_DAYS + 1);
    for (let offset = 0; offset < byDay.length; offset += 1) {
      const { start, end } = model.localDay(origin + offset);
      const { from, to } = timeRange(log, start, end);
      let placed = 0;
      for (let i = from; i < to; i += 1) if (log.metric[i] === METRIC.placedOrder) placed += 1;
      byDay[offset] = placed;
    }
    return byDay;
  };

  /**
   * The layer of `origin` with its events on `day` and after (made again if they were dropped),
   * less the events of days every walk has passed. Dropping happens as each layer is used, so the
   * layers of a day are never all held whole at once.
   */
  const layerFrom = (cache: WeightedLruCache<number, HeldLayer>, generate: (origin: number) => HeldLayer, origin: number, day: number): HeldLayer => {
    let held = cache.getOrCreate(origin, () => generate(origin));
    if (day < held.firstDay) {
      held = generate(origin);
      cache.replace(origin, held);
    }
    const firstDay = Math.min(day, walks.firstDayWanted(origin));
    if (firstDay === Infinity || firstDay <= Math.max(origin, held.firstDay)) return held;
    const from = timeRange(held.log, model.localDay(firstDay).start, Infinity).from;
    if (from < TRIM_AT_LEAST * held.log.length) return held;
    held = { log: logFrom(held.log, from), firstDay };
    cache.replace(origin, held);
    return held;
  };

  const eventsOn = (cache: WeightedLruCache<number, HeldLayer>, generate: (origin: number) => HeldLayer, origin: number, day: number): LogRange => {
    const { start, end } = model.localDay(day);
    return timeRange(layerFrom(cache, generate, origin, day).log, start, end);
  };

  const attributedOrdersOn = (day: number): number => {
    let count = attributed.get(day);
    if (count === undefined) {
      count = 0;
      for (let origin = day - TRIGGER_LAYER_SPAN_DAYS; origin <= day; origin += 1) {
        let byDay = ordersByDay.get(origin);
        if (byDay === undefined) {
          // Counts are kept far longer than layers, so the layer is rarely held: make it (again).
          triggers.replace(origin, generateTriggers(origin));
          byDay = ordersByDay.get(origin) as Int32Array;
        }
        count += byDay[day - origin] as number;
      }
      attributed.set(day, count);
    }
    return count;
  };

  return {
    attributedOrdersOn,
    generated: () => ({ ...counts }),
    dayLog: (day) => {
      walks.visit(day);
      return days.getOrCreate(day, () => {
        counts.days += 1;
        const ranges: LogRange[] = [];
        for (let origin = day - TRIGGER_LAYER_SPAN_DAYS; origin <= day; origin += 1) ranges.push(eventsOn(triggers, generateTriggers, origin, day));
        for (let origin = day - ORDER_LAYER_SPAN_DAYS; origin <= day; origin += 1) ranges.push(eventsOn(orders, generateOrders, origin, day));
        return numberDay(day, mergeRanges(ranges));
      });
    },
  };
}
